"""The event extractor: from one parsed article and its upstream records to event mentions.

Steps: find triggers -> read attribution and modality -> anchor in time -> place and
participants -> figures -> background vs main news -> dates shared within the article by
mentions of the same main event (same type and place).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from storyline.events import arguments, figures, modality, settings, syntax, timing
from storyline.events.attribution import Attributor, Reading
from storyline.events.document import DocumentView
from storyline.events.timing import UNDATED, Dating
from storyline.events.triggers import Trigger, find_triggers
from storyline.model import Article, EntityMention, EventMention, Figure, PlaceMention, Timex

LOGGER = logging.getLogger(__name__)

INHERITANCE_PASSES = 3
UNSHAREABLE_MODALITIES = frozenset({"planned", "hypothetical", "negated", "denied"})


@dataclass
class _Draft:
    """An event mention being assembled."""

    trigger: Trigger
    reading: Reading
    dating: Dating
    modality: str
    place: PlaceMention | None = None


def extract(
    doc: Doc,
    article: Article,
    timexes: Sequence[Timex],
    places: Sequence[PlaceMention],
    entities: Sequence[EntityMention],
) -> list[EventMention]:
    """Event mentions of one article, in text order.

    ``doc`` is the spaCy parse of ``article.text``; ``timexes``, ``places`` and ``entities`` are
    the time, place and entity taggers' output for the same article.
    """
    view = DocumentView.build(doc, article, timexes, places, entities)
    triggers = find_triggers(view)
    owner = {index: trigger for trigger in triggers for index in trigger.tokens}
    return mentions_of(view, triggers, owner)


def mentions_of(
    view: DocumentView, triggers: Sequence[Trigger], owner: dict[int, Trigger], *, typed: bool = True
) -> list[EventMention]:
    """Event mentions of the given triggers: attribution, modality, date, place and, for
    ``typed`` triggers (the conflict taxonomy), dates shared by mentions of one main event and
    figures. ``owner`` maps each token index to the trigger whose clause it belongs to.
    Untyped triggers (one type for all, as ``storyline.events.mentions`` finds them) skip date
    sharing, which would merge unrelated events of that one type."""
    if not triggers:
        return []
    attributor = Attributor(view)
    drafts = [_draft(attributor, trigger) for trigger in triggers]
    _date(view, drafts, owner)
    for draft in drafts:
        draft.place = arguments.place(view, draft.trigger, owner, draft.reading.attribution)
    if not typed:
        return [_mention(view, draft, ()) for draft in drafts]
    _share_main_dates(view, drafts)
    figures_of = _assign_figures(view, attributor, drafts, owner)
    return [_mention(view, draft, figures_of.get(draft.trigger.token.i, ())) for draft in drafts]


def _draft(attributor: Attributor, trigger: Trigger) -> _Draft:
    """Attribution and modality of a trigger."""
    reading = attributor.read(trigger.anchor)
    return _Draft(trigger, reading, UNDATED, modality.modality(trigger, reading))


def _date(view: DocumentView, drafts: list[_Draft], owner: dict[int, Trigger]) -> None:
    """Anchor every draft in time, trusting syntax first and the publication day last."""
    by_trigger, by_clause = timing.attach_timexes(view, owner)
    known: dict[int, Dating] = {}
    for draft in drafts:
        draft.dating = timing.own_dating(view, draft.trigger, by_trigger, by_clause)
        known[draft.trigger.token.i] = draft.dating
    for _ in range(INHERITANCE_PASSES):
        changed = False
        for draft in drafts:
            if draft.dating.date is not None:
                continue
            inherited = timing.inherited_dating(draft.trigger, owner, known)
            if inherited.date is not None:
                draft.dating = inherited
                known[draft.trigger.token.i] = inherited
                changed = True
        if not changed:
            break
    for draft in drafts:
        if draft.dating.date is not None:
            continue
        draft.dating = timing.report_dating(view, draft.trigger, draft.reading.cue, by_clause)
        if draft.dating.date is None and draft.modality not in UNSHAREABLE_MODALITIES:
            draft.dating = timing.publication_dating(view, draft.trigger)
    if settings.NARRATIVE_DATING:
        _date_by_narrative(view, drafts, by_clause)


def _date_by_narrative(view: DocumentView, drafts: list[_Draft], by_clause: dict[int, Timex]) -> None:
    """Undated simple-past events take the narrative's reference time: the last date given before
    them in their paragraph (an event's or a clause's), or the publication day in a news lead."""
    points: list[tuple[int, Dating]] = [
        (d.trigger.token.i, d.dating) for d in drafts
        if d.dating.date is not None and timing.is_main_clause(d.trigger.anchor)]
    for index, timex in by_clause.items():
        dating = timing.clause_dating(view, timex)
        if dating.date is not None and timing.is_main_clause(view.doc[index]):
            points.append((index, dating))
    points.sort(key=lambda point: point[0])
    paragraph_of = timing.paragraphs(view)
    lead = view.lead_segments(settings.LEAD_SENTENCES)
    published = view.article.published
    lead_points = [
        dating for i, dating in points
        if dating.date is not None
        and (view.segments[view.segment_of_token[i]].is_headline or view.segment_of_token[i] in lead)]
    # A lead reports the day's news unless it dates itself in the past: a lead with no time
    # expression at all ("Seven civilians were injured in a rocket attack on ...") is news too.
    lead_has_timex = any(
        view.segment_of_token[i] in lead or view.segments[view.segment_of_token[i]].is_headline
        for i in view.timex_of_token)
    lead_is_news = (not lead_has_timex) or any(timing.is_recent(dating.date, published) for dating in lead_points)
    last_in_paragraph: dict[int, Dating] = {}
    last: Dating | None = None
    next_point = 0
    for draft in sorted(drafts, key=lambda d: d.trigger.token.i):
        position = draft.trigger.token.i
        while next_point < len(points) and points[next_point][0] < position:
            index, last = points[next_point]
            last_in_paragraph[paragraph_of[view.segment_of_token[index]]] = last
            next_point += 1
        if draft.dating.date is not None or draft.modality in UNSHAREABLE_MODALITIES:
            continue
        paragraph = paragraph_of[view.segment_of_token[position]]
        reference = last if settings.NARRATIVE_ACROSS_PARAGRAPHS else last_in_paragraph.get(paragraph)
        if reference is not None and reference.date is not None and not timing.is_recent(reference.date, published):
            # A flashback ("recaptured the city last March") only goes on for events that share a
            # participant with it or refer back to one ("the group", "it"); the story's present
            # resumes otherwise.
            origin = next(i for i, dating in reversed(points) if dating is reference)
            if not (timing.share_participant(view, origin, position) or timing.has_anaphoric_subject(draft.trigger)):
                reference = None
        draft.dating = timing.narrative_dating(view, draft.trigger, reference, lead_is_news)


def _share_main_dates(view: DocumentView, drafts: list[_Draft]) -> None:
    """An undated mention takes the date of the article's main-news event of the same type and
    place, when there is exactly one such date (within-document coreference). Only reported or
    lead mentions take part: "SOHR confirmed ISIS lost the town" is the day's capture, while an
    undated "ISIS drove out government forces" deep in the story is usually background."""
    published = view.article.published
    main_dates: dict[tuple[str, str], set[tuple[str, str]]] = {}
    sources: dict[tuple[str, str], Dating] = {}
    for draft in drafts:
        date = draft.dating.date
        key = _place_key(draft)
        if date is None or key is None or draft.modality in UNSHAREABLE_MODALITIES:
            continue
        if modality.is_background(draft.trigger, date, published):
            continue
        main_dates.setdefault((draft.trigger.type, key), set()).add((date.value, date.precision))
        sources[(draft.trigger.type, key)] = draft.dating
    for draft in drafts:
        key = _place_key(draft)
        if draft.dating.date is not None or key is None or draft.modality in UNSHAREABLE_MODALITIES:
            continue
        if draft.trigger.type not in settings.DATE_SHARING_TYPES:
            continue
        if draft.reading.cue is None and not _in_lead(view, draft.trigger):
            continue  # unreported narration without a date is as likely background as news
        found = main_dates.get((draft.trigger.type, key))
        if found and len(found) == 1:
            source = sources[(draft.trigger.type, key)]
            draft.dating = Dating(source.date, source.timex, "coreference")


def _in_lead(view: DocumentView, trigger: Trigger) -> bool:
    """Whether a trigger is in the headline or the lead sentences."""
    segment = view.segment(trigger.token)
    return segment.is_headline or segment.index in view.lead_segments(settings.LEAD_SENTENCES)


def _place_key(draft: _Draft) -> str | None:
    """A comparable key for a draft's resolved place."""
    if draft.place is None or draft.place.place is None:
        return None
    place = draft.place.place
    return str(place.geonameid) if place.geonameid is not None else place.name.lower()


def _assign_figures(
    view: DocumentView, attributor: Attributor, drafts: list[_Draft], owner: dict[int, Trigger]
) -> dict[int, tuple[Figure, ...]]:
    """Attach each figure to the event above it in the tree, else to its sentence's top event."""
    assigned: dict[int, list[Figure]] = {}
    for found in figures.find_figures(view):
        trigger = _owning_trigger(found.anchor, owner)
        if trigger is None and found.figure.what in figures.outcome_categories():
            trigger = _sentence_top(view, found.anchor, drafts)
        if trigger is None:
            LOGGER.debug("figure %r has no event in its sentence", found.figure.text)
            continue
        reading = attributor.read(found.anchor)
        attribution = reading.attribution
        if attribution is None:
            draft = next(d for d in drafts if d.trigger is trigger)
            attribution = draft.reading.attribution
        figure = replace(found.figure, attributed_to=attribution)
        assigned.setdefault(trigger.token.i, []).append(figure)
    return {key: tuple(value) for key, value in assigned.items()}


def _owning_trigger(token: Token, owner: dict[int, Trigger]) -> Trigger | None:
    """The trigger a token belongs to, or the nearest one above it."""
    if token.i in owner:
        return owner[token.i]
    for head in syntax.ancestors(token):
        if head.i in owner:
            return owner[head.i]
    return None


def _sentence_top(view: DocumentView, token: Token, drafts: list[_Draft]) -> Trigger | None:
    """The trigger of the token's sentence nearest the root."""
    segment = view.segment(token)
    candidates = [d.trigger for d in drafts if segment.start <= d.trigger.token.i < segment.end]
    if not candidates:
        return None
    return min(candidates, key=lambda t: (sum(1 for _ in syntax.ancestors(t.anchor)), t.token.i))


def _mention(view: DocumentView, draft: _Draft, found_figures: tuple[Figure, ...]) -> EventMention:
    """The finished record."""
    trigger = draft.trigger
    segment = view.segment(trigger.token)
    token = trigger.token
    date = draft.dating.date
    return EventMention(
        id=f"{view.article.id}:{token.idx}",
        article_id=view.article.id,
        sentence_start=segment.char_start,
        sentence_end=segment.char_end,
        trigger_start=token.idx,
        trigger_end=token.idx + len(token.text),
        trigger=token.lemma_.lower(),
        type=trigger.type,
        date=date,
        date_timex=draft.dating.timex,
        place=draft.place,
        participants=arguments.participants(view, trigger),
        figures=found_figures,
        attribution=draft.reading.attribution,
        modality=draft.modality,  # type: ignore[arg-type]
        background=modality.is_background(trigger, date, view.article.published, draft.reading.cue is not None),
    )
