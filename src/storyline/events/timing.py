"""Anchoring event triggers in time.

In order of trust: a timex attached to the trigger through syntax ("seized in December"); a timex
that a clause hangs from ("May, when ISIS started demolishing..."); the date of the event a
temporal clause or coordination depends on ("after it was seized ..."); the date of the reporting
verb the event is reported under ("On Saturday, the minister said jets carried out..."); the
publication day for the day's news (a present-perfect lead, a present-tense headline); last, the
narrative's reference time: a main clause in the simple past without a date of its own continues
the story told just before it in its paragraph, so it takes the date of the last dated event or
clause there ("On Sunday, jets struck the town. Twelve people died."), or, in a lead that reports
the day's news, the publication day. Durations and sets never date an event; events that cannot be
dated keep ``date=None``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Token

from storyline.events import dates, lexicon, settings, syntax
from storyline.events.document import DocumentView
from storyline.events.triggers import Trigger
from storyline.model import DateValue, Timex

LOGGER = logging.getLogger(__name__)

PRECISION_RANK = {"time": 5, "day": 4, "month": 3, "year": 2, "decade": 1, "century": 0}
CLAUSE_CLIMB_DEPS = frozenset({"xcomp"})
PRESENT_TAGS = frozenset({"VBP", "VBZ"})


@dataclass(frozen=True)
class Dating:
    """An event's date, the timex it came from (if any), and how it was found."""

    date: DateValue | None
    timex: Timex | None = None
    how: str = "none"  # timex | clause | inherited | report | publication | narrative | coreference | none


UNDATED = Dating(None)


def attach_timexes(view: DocumentView, owner: Mapping[int, Trigger]) -> tuple[dict[int, Timex], dict[int, Timex]]:
    """Attach each dating timex to a trigger, or else to the clause verb it modifies.

    Returns (timex by trigger token index, timex by clause-verb token index).
    """
    by_trigger: dict[int, Timex] = {}
    by_clause: dict[int, Timex] = {}
    for timex in view.timexes:
        if timex.type not in settings.DATING_TIMEX_TYPES:
            continue
        head = _timex_head(view, timex)
        if head is None:
            continue
        home = view.segment_of_token[head.i]
        for node in (head, *syntax.ancestors(head)):
            if view.segment_of_token[node.i] != home:
                # the parse ran across a paragraph break (a dateline glued to the lead): take
                # the main verb of the timex's own sentence instead
                node = _segment_root(view, home)
                if node is None:
                    break
            if node.i in owner:
                key = owner[node.i].token.i
                by_trigger[key] = _finer(by_trigger.get(key), timex, view)
                break
            if node.i != head.i and node.pos_ in ("VERB", "AUX"):
                by_clause[node.i] = _finer(by_clause.get(node.i), timex, view)
                break
    return by_trigger, by_clause


def own_dating(
    view: DocumentView, trigger: Trigger, by_trigger: Mapping[int, Timex], by_clause: Mapping[int, Timex]
) -> Dating:
    """The date from a timex attached to the trigger, to the verb it is the open complement of
    ("began to attack ... on Sunday"), or to the clause the trigger hangs from."""
    timex = by_trigger.get(trigger.token.i)
    if timex is not None:
        return _dating(view, timex, "timex")
    clause = climb_clause(trigger.anchor)
    if clause.i != trigger.anchor.i and clause.i in by_clause:
        return _dating(view, by_clause[clause.i], "clause")
    if clause.dep_ in ("relcl", "acl", "advcl") and clause.head.i in view.timex_of_token:
        timex = view.timex_of_token[clause.head.i]
        if timex.type in settings.DATING_TIMEX_TYPES:
            return _dating(view, timex, "clause")
    return UNDATED


def inherited_dating(trigger: Trigger, owner: Mapping[int, Trigger], known: Mapping[int, Dating]) -> Dating:
    """The date of the event this one's temporal clause or coordination depends on; else the
    date of a simultaneous clause it governs ("five medics were killed when an air strike hit
    a clinic late Tuesday": the killing is dated by the strike)."""
    found = _dating_from_head(trigger, owner, known)
    if found.date is None:
        found = _dating_from_simultaneous_clause(trigger, owner, known)
    return found


def _dating_from_simultaneous_clause(
    trigger: Trigger, owner: Mapping[int, Trigger], known: Mapping[int, Dating]
) -> Dating:
    """The date of a dated event in a "when"/"as"/"while" clause of this event's verb."""
    marks_wanted = lexicon.modality_cues()["simultaneous_marks"]
    verbs = (trigger.anchor, *syntax.children(trigger.anchor, "conj"))  # "X killed and Y wounded when..."
    for clause in (c for verb in verbs for c in syntax.children(verb, "advcl")):
        marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
        dependent = owner.get(clause.i)
        if not (marks & marks_wanted) or dependent is None or dependent is trigger:
            continue
        dating = known.get(dependent.token.i, UNDATED)
        if dating.date is not None:
            return Dating(dating.date, dating.timex, "inherited")
    return UNDATED


def _dating_from_head(trigger: Trigger, owner: Mapping[int, Trigger], known: Mapping[int, Dating]) -> Dating:
    """The date of the event this one's temporal clause or coordination depends on."""
    cues = lexicon.modality_cues()
    clause = climb_clause(trigger.anchor)
    head_trigger = owner.get(clause.head.i)
    if head_trigger is None or head_trigger is trigger:
        return UNDATED
    head_dating = known.get(head_trigger.token.i, UNDATED)
    if head_dating.date is None:
        return UNDATED
    if clause.dep_ == "advcl":
        marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
        if marks & cues["sequence_marks"]:
            if head_dating.date.precision not in settings.SEQUENCE_INHERIT_PRECISIONS:
                return UNDATED
            return Dating(dates.with_approximate(head_dating.date, True), head_dating.timex, "inherited")
        return Dating(head_dating.date, head_dating.timex, "inherited")
    if clause.dep_ == "conj":
        adverbs = {c.lower_ for c in clause.children if c.dep_ in ("advmod", "npadvmod")}
        if adverbs & cues["sequence_adverbs"]:
            return UNDATED
        return Dating(head_dating.date, head_dating.timex, "inherited")
    return UNDATED


def report_dating(view: DocumentView, trigger: Trigger, cue: Token | None, by_clause: Mapping[int, Timex]) -> Dating:
    """The date of the reporting verb an event is reported under, unless it is told as earlier."""
    if cue is None or syntax.is_past_perfect(trigger.anchor):
        return UNDATED
    timex = by_clause.get(cue.i)
    return UNDATED if timex is None else _dating(view, timex, "report")


def publication_dating(view: DocumentView, trigger: Trigger) -> Dating:
    """The publication day, when tense and position say the event is the day's news."""
    published = view.article.published
    if published is None:
        return UNDATED
    segment = view.segment(trigger.token)
    anchor = trigger.anchor
    if segment.is_headline:
        if anchor.tag_ in PRESENT_TAGS or syntax.is_present_perfect(anchor):
            return Dating(dates.publication_date(published, settings.PUBLICATION_DATE_APPROXIMATE), None, "publication")
        return UNDATED
    if segment.index in view.lead_segments(settings.LEAD_SENTENCES) and syntax.is_present_perfect(anchor) and climb_clause(anchor).dep_ in ("ROOT", "ccomp"):
        return Dating(dates.publication_date(published, settings.PUBLICATION_DATE_APPROXIMATE), None, "publication")
    return UNDATED


def is_narrative_past(trigger: Trigger) -> bool:
    """A main-clause (or reported, or coordinated) event told in the simple past: "jets struck",
    "twelve people were killed"; not the past perfect, not a relative or participial clause."""
    anchor = trigger.anchor
    auxiliaries = syntax.auxiliaries(anchor)
    if anchor.tag_ == "VBD":
        past = not auxiliaries
    elif anchor.tag_ == "VBN":
        past = bool(auxiliaries) and all(a.tag_ == "VBD" and a.lemma_ == "be" for a in auxiliaries)
    else:
        past = False
    if not past or not is_main_clause(anchor):
        return False
    background = lexicon.modality_cues()["background_adverbs"]
    return not any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in background for c in anchor.children)


def is_main_clause(verb: Token) -> bool:
    """Whether a verb heads a main, reported or coordinated clause (one that moves the story's
    reference time), not a relative, participial or adverbial one."""
    return climb_clause(verb).dep_ in settings.NARRATIVE_CLAUSE_DEPS


def paragraphs(view: DocumentView) -> list[int]:
    """The paragraph index of each segment (a new paragraph starts after a line break)."""
    found: list[int] = []
    paragraph = 0
    for segment in view.segments:
        if found and "\n" in view.article.text[view.segments[segment.index - 1].char_end : segment.char_start]:
            paragraph += 1
        found.append(paragraph)
    return found


def narrative_dating(view: DocumentView, trigger: Trigger, reference: Dating | None, lead_is_news: bool) -> Dating:
    """The narrative's reference time for an undated simple-past event: the date of the last
    dated event or clause before it in its paragraph, else the publication day when the event is
    in a lead that reports the day's news."""
    if not is_narrative_past(trigger) or view.segment(trigger.token).is_headline:
        return UNDATED
    published = view.article.published
    if reference is not None and reference.date is not None:
        before = dates.days_before(reference.date, published) if published is not None else None
        if before is not None and before < 0 and reference.date.precision in ("day", "time"):
            return UNDATED  # told in the past: it cannot take a date after publication
        date = dates.with_approximate(reference.date, settings.NARRATIVE_DATE_APPROXIMATE)
        return Dating(date, reference.timex, "narrative")
    if lead_is_news and published is not None and view.segment_of_token[trigger.token.i] in view.lead_segments(settings.LEAD_SENTENCES):
        return Dating(dates.publication_date(published, True), None, "narrative")
    return UNDATED


def clause_dating(view: DocumentView, timex: Timex) -> Dating:
    """The dating a timex attached to a clause gives (a reference time for what follows)."""
    return _dating(view, timex, "clause")


def is_recent(date: DateValue, published: dt.date | None) -> bool:
    """Whether a date lies within the day's news window before publication."""
    if published is None:
        return False
    before = dates.days_before(date, published)
    return before is not None and -1 <= before < settings.BACKGROUND_DAYS and date.precision in ("day", "time")


def share_participant(view: DocumentView, first: int, second: int) -> bool:
    """Whether the sentences of two tokens name a common actor (same canonical key) or place."""
    def participants(index: int) -> set[str]:
        segment = view.segments[view.segment_of_token[index]]
        found: set[str] = set()
        for i in range(segment.start, segment.end):
            entity = view.entity_of_token.get(i)
            if entity is not None and entity.type in settings.PARTICIPANT_TYPES:
                found.add(f"entity:{entity.key}")
            place = view.place_of_token.get(i)
            if place is not None and place.place is not None:
                found.add(f"place:{place.place.geonameid or place.place.name}")
        return found

    return bool(participants(first) & participants(second))


def has_anaphoric_subject(trigger: Trigger) -> bool:
    """Whether the trigger's clause has a subject that refers back: a third-person pronoun ("it",
    "they") or a definite description without a name ("the group", "these fighters")."""
    verb = climb_clause(trigger.anchor) if trigger.anchor.pos_ not in ("VERB", "AUX") else trigger.anchor
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.tag_ == "PRP":
            return child.lower_ in settings.ANAPHORIC_PRONOUNS
        determiners = {c.lower_ for c in child.children if c.dep_ == "det"}
        return child.pos_ == "NOUN" and bool(determiners & settings.ANAPHORIC_DETERMINERS)
    return False


def climb_clause(token: Token) -> Token:
    """From a verb up through open complements ("tried to recapture") to the clause holding it."""
    current = token
    for _ in range(settings.MAX_HEAD_HOPS):
        if current.dep_ not in CLAUSE_CLIMB_DEPS or current.head.i == current.i:
            break
        current = current.head
    return current


def _segment_root(view: DocumentView, index: int) -> Token | None:
    """The first verb of a sentence whose head lies outside it (or that is the root)."""
    segment = view.segments[index]
    for token in view.tokens(segment):
        outside = not segment.start <= token.head.i < segment.end or token.head.i == token.i
        if outside and token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _timex_head(view: DocumentView, timex: Timex) -> Token | None:
    """The syntactic head token of a timex span."""
    span = view.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _finer(current: Timex | None, candidate: Timex, view: DocumentView) -> Timex:
    """Of two timexes, the one that dates more precisely (the first on ties)."""
    if current is None:
        return candidate
    old = dates.date_value(current, view.article.published)
    new = dates.date_value(candidate, view.article.published)
    old_rank = PRECISION_RANK.get(old.precision, -1) if old else -1
    new_rank = PRECISION_RANK.get(new.precision, -1) if new else -1
    return candidate if new_rank > old_rank else current


def _dating(view: DocumentView, timex: Timex, how: str) -> Dating:
    """A dating from a timex (undated when its value cannot date an event)."""
    value = dates.date_value(timex, view.article.published)
    if value is None:
        return UNDATED
    if value.precision == "time":
        value = DateValue(value.value[:10], "day", value.approximate)
    return Dating(value, timex, how)
