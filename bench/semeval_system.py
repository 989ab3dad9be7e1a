"""Storyline's SemEval-2015 TimeLine (Track A) system: raw TimeML texts -> one timeline per target.

For each document: the TimeML tokens are parsed as given (one spaCy token per TimeML token, one
line per ``<s>``, so event ids ``DOCID-SENT-WORD`` come straight from the tokens), then
``storyline.time.tag`` finds the timexes, ``storyline.entities.tag_entities`` the names and
``storyline.events.mentions.extract_mentions`` the general event mentions, dated by storyline's
event stage (a timex governing the event or its clause, inheritance through coordination, the
reporting verb's date, the publication day for headline/lead present perfects).

For each target entity an event is kept when the target takes part in it (``participates``): it
is an argument of the event (subject, object, prepositional object, possessor or compound of an
event noun), the subject of the clause the event is the complement, coordinate or adverbial
clause of, or the noun a relative clause hangs from; the target may be named, shortened or
referred to by a definite description or pronoun, a quoted "we" of its speaker, or a division
named after it (``semeval_targets``, ``storyline.entities.coreference``). A definite event noun
without participants of its own ("the deal") joins the target's timeline when the document told
an event of the same stem with the target before, and takes that event's date if it has none.

Anchors: the mention's date; else, for a past-tense verb, the one date its sentence gives when
the date is within the verb's clause scope (``_date_may_reach``); else the news day
(``news_day``) for the day's news (``is_news``: lead events, lead nouns only as subjects or
objects, later simple pasts, reports, quoted present progressives); else, for a gerund or
purpose infinitive of a past verb, that verb's anchor (``_past_governor``);
written ``YYYY-MM-DD`` / ``YYYY-MM-XX`` / ``YYYY-XX-XX``. Positions follow the anchors' time order
(a coarser anchor before the finer ones it contains). Events left undated are not written unless
``keep_undated`` (then at position 0, ``XXXX-XX-XX``). Tunables are the module constants below.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import pickle
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Token

import semeval_targets as targets_module
from semeval_corpus import Entry, Timeline, TimelineDoc
from storyline import nlp as nlp_module
from storyline.entities import coreference
from storyline.events.lexicon import reporting_cues
from storyline.events.mentions import extract_mentions, particle_of, referent_class
from storyline.model import Article, EventMention

LOGGER = logging.getLogger(__name__)

UNKNOWN = "XXXX-XX-XX"
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "pobj", "agent", "poss",
                           "compound", "appos", "npadvmod", "conj", "iobj"})
INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp"})
NOUN_HEAD_DEPS = frozenset({"relcl", "acl"})
PREPOSITIONS_FOR_NOUNS = frozenset({"of", "by", "for", "from", "to", "with", "between", "against", "on", "in"})
LEAD_SENTENCES = 3  # the headline, the dateline and the first body sentence(s)
GENERIC_PRODUCT_NOUNS = targets_module.KIND_NOUNS["PRODUCT"] | {"aircrafts", "planes", "jets", "airliners", "airplanes", "jetliners"}
SAME_REFERENT_DEPS = frozenset({"appos", "conj"})  # "Northrop Grumman and EADS", "airline, Ryanair,"
NEWS_DAY_WINDOW = 7
ANAPHORIC_EVENTS = True
SENTENCE_TIMEX = True
STEM_LENGTH = 6
QUOTED_PROGRESSIVE_NEWS = True  # a quoted present progressive is the day's news
SENTENCE_TIMEX_SCOPE = True  # the sentence's one date only within the event's clause or above it
SPLIT_PARTICLES = True  # phrasal verbs with a particle after the object or as an adverb
NONFINITE_INHERIT = True
NONFINITE_DEPS = frozenset({"advcl", "pcomp"})
LEAD_NOUNS_ON_VERB = True
DIVISIONS = True  # "Boeing Commercial Airplanes" stands for Boeing
# "the deal" -> "agreed to purchase" (events/data/mentions.json): +0.3 corpus_1, -0.3 trial, so off
REFERENT_CLASSES = False
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass
class Parsed:
    """One document's parse and the TimeML position of each token."""

    source: TimelineDoc
    doc: Doc
    ref: list[tuple[int, str] | None]  # token index -> (sentence number, TimeML token), None for breaks
    quoted: frozenset[int] = frozenset()  # tokens inside quotation marks


@dataclass
class DocEvents:
    """The general event mentions of one document with their tokens."""

    parsed: Parsed
    mentions: list[tuple[Token, EventMention]] = field(default_factory=list)
    news_day: str | None = None  # the day the article's news happened (see ``news_day``)
    sentence_dates: dict[int, list[str]] = field(default_factory=dict)  # <s> number -> DATE timex values
    sentence_date_tokens: dict[int, list[int]] = field(default_factory=dict)  # <s> number -> their first tokens
    by_token: dict[int, EventMention] = field(default_factory=dict)  # token index -> its mention


def _words(source: TimelineDoc) -> tuple[list[str], list[bool], list[bool], list[tuple[int, str] | None]]:
    """spaCy words for a document: the TimeML tokens, one line per ``<s>`` (each a spaCy sentence
    and a paragraph of its own: carrying storyline's narrative reference time from sentence to
    sentence scored lower on the trial and corpus_1 data than the news-day rule of ``is_news``)."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    ref: list[tuple[int, str] | None] = []
    for k, sentence in enumerate(source.sentences):
        if k:
            words.append("\n")
            spaces.append(False)
            starts.append(False)
            ref.append(None)
        for j, token in enumerate(sentence.tokens):
            words.append(token)
            spaces.append(j + 1 < len(sentence.tokens))
            starts.append(j == 0)
            ref.append((sentence.number, token))
    return words, spaces, starts, ref


def parse(sources: Sequence[TimelineDoc], cache_path: Path | None = None) -> list[Parsed]:
    """Parse every document (TimeML tokens kept), reusing cached parses when given a cache file."""
    nlp = nlp_module.load()
    cache: dict[str, bytes] = {}
    if cache_path is not None and cache_path.exists():
        cache = pickle.loads(cache_path.read_bytes())
    size = len(cache)
    parsed = []
    for source in sources:
        words, spaces, starts, ref = _words(source)
        key = hashlib.md5("\x00".join(words).encode("utf-8")).hexdigest()
        if key in cache:
            doc = Doc(nlp.vocab).from_bytes(cache[key])
        else:
            doc = nlp(Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts))
            cache[key] = doc.to_bytes()
        quoted = frozenset(i for s, e in coreference.quote_regions(doc) for i in range(s, e))
        parsed.append(Parsed(source, doc, ref, quoted))
    if cache_path is not None and len(cache) != size:
        cache_path.write_bytes(pickle.dumps(cache))
    return parsed


def analyse(parsed: Parsed) -> DocEvents:
    """Timexes, entities and dated general event mentions of one parsed document."""
    from storyline.entities import tag_entities
    from storyline.time import tag

    source, doc = parsed.source, parsed.doc
    title = " ".join(source.sentences[0].tokens) if source.sentences and source.sentences[0].number == 0 else None
    article = Article(id=source.doc_id, text=doc.text, title=title, published=source.dct,
                      published_source="metadata" if source.dct else "unknown")
    # " ," -> ", " (same length, so offsets hold): the tagger reads "April 28, 2003" as one date
    timexes = tag(doc.text.replace(" ,", ", "), source.dct, doc)
    entities = tag_entities(doc, article.id, [])
    mentions = extract_mentions(doc, article, timexes, [], entities)
    by_start = {t.idx: t for t in doc}
    result = DocEvents(parsed)
    result.news_day = news_day(parsed, mentions, by_start)
    for timex in timexes:
        token = by_start.get(timex.start)
        if token is not None and parsed.ref[token.i] is not None and timex.type == "DATE" and _DATE_RE.match(timex.value):
            result.sentence_dates.setdefault(parsed.ref[token.i][0], []).append(timex.value)  # type: ignore[index]
            result.sentence_date_tokens.setdefault(parsed.ref[token.i][0], []).append(token.i)  # type: ignore[index]
    for mention in mentions:
        token = by_start.get(mention.trigger_start)
        if token is not None and parsed.ref[token.i] is not None:
            result.mentions.append((token, mention))
            result.by_token[token.i] = mention
    return result


def news_day(parsed: Parsed, mentions: Sequence[EventMention], by_start: dict[int, Token]) -> str | None:
    """The day of the article's news: the first day-precise date of an event of the headline or
    lead if it is at most ``NEWS_DAY_WINDOW`` days before publication ("Apple announced Friday"),
    else the publication day."""
    dct = parsed.source.dct
    if dct is None:
        return None
    first = parsed.source.sentences[0].number if parsed.source.sentences else 0
    for mention in mentions:
        token = by_start.get(mention.trigger_start)
        if token is None or parsed.ref[token.i] is None or mention.date is None:
            continue
        if parsed.ref[token.i][0] - first > LEAD_SENTENCES:  # type: ignore[index]
            break
        if mention.date.precision == "day" and _DAY_RE.match(mention.date.value):
            days = (dct - dt.date.fromisoformat(mention.date.value[:10])).days
            if 0 <= days <= NEWS_DAY_WINDOW:
                return mention.date.value[:10]
    return dct.isoformat()


def anchor_of(mention: EventMention, token: Token, analysis: DocEvents, depth: int = 0) -> str:
    """The task's anchor for a mention: its date, else the news day for the day's news, else (a
    participle or purpose infinitive of a past event) the anchor of the event it depends on."""
    parsed = analysis.parsed
    value = mention.date.value if mention.date is not None else None
    if value is None and SENTENCE_TIMEX:
        found = analysis.sentence_dates.get(parsed.ref[token.i][0], [])  # type: ignore[index]
        if len(found) == 1 and token.tag_ in ("VBD", "VBN") and not _modal_or_future(token):
            where = analysis.sentence_date_tokens[parsed.ref[token.i][0]][0]  # type: ignore[index]
            if not SENTENCE_TIMEX_SCOPE or _date_may_reach(parsed.doc[where], token):
                value = found[0]  # a past event in a sentence that gives one date
    if value is None and analysis.news_day is not None and is_news(token, parsed):
        value = analysis.news_day
    if value is None and NONFINITE_INHERIT and depth < 3:
        head = _past_governor(token)
        head_mention = analysis.by_token.get(head.i) if head is not None else None
        if head_mention is not None:
            inherited = anchor_of(head_mention, head, analysis, depth + 1)
            return inherited  # "returned to the stage to reveal", "unveiled it by walking"
    match = _DATE_RE.match(value or "")
    if match is None:
        return UNKNOWN
    year, month, day = match.groups()
    return f"{year}-{month or 'XX'}-{day or 'XX'}"


def _date_may_reach(timex: Token, event: Token) -> bool:
    """Whether a date of the sentence can be the event's: in the event's clause, a subordinate
    adverbial clause of it ("since ...") or a clause above it; not in a complement or relative clause it governs
    ("announced that X would be released in 2007") nor in another branch ("born in 1955, he has
    built")."""
    clause = timex.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.i == event.i or clause.dep_ == "advcl" and clause.head.i == event.i and any(
            c.dep_ == "mark" or c.tag_ == "WRB" for c in clause.children):  # "since", "when"
        return True  # the event's own clause or its adverbial clause ("since it was announced in 2000")
    return not event.is_ancestor(clause) and clause.is_ancestor(event)


def _past_governor(token: Token) -> Token | None:
    """The past-tense verb a non-finite verb depends on as an adverbial participle or purpose
    infinitive ("started by hinting", "returned to reveal", "continue ... demonstrating"): it
    happened then too. None for other verbs and for modal, future or present governors."""
    if token.tag_ not in ("VBG", "VB") or token.dep_ not in NONFINITE_DEPS or _modal_or_future(token):
        return None
    head = token.head.head if token.dep_ == "pcomp" and token.head.dep_ == "prep" else token.head
    if token.tag_ == "VB" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    if head.tag_ == "VBD" or head.tag_ == "VBN" and not _modal_or_future(head):
        return head
    return None


def is_news(token: Token, parsed: Parsed) -> bool:
    """An undated event the task anchors to the publication day: in the headline or the lead
    (first body sentence), or later a simple-past event, a past passive, a present-tense
    report ("says", "claims") or a present progressive inside a quote ("We are rolling out");
    present states ("owns"), present perfects ("has gained"), infinitives and modal or future
    events stay undated."""
    sentence, _word = parsed.ref[token.i]  # type: ignore[misc]
    first = parsed.source.sentences[0].number if parsed.source.sentences else 0
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if _modal_or_future(verb):
        return False
    if sentence - first <= LEAD_SENTENCES:
        return token.pos_ != "NOUN" or not LEAD_NOUNS_ON_VERB or _on_main_verb(token)
    if token.pos_ != "VERB":
        return False
    if token.tag_ == "VBD":
        return True
    if token.tag_ in ("VBZ", "VBP"):
        return token.lemma_.lower() in reporting_cues()
    if token.tag_ == "VBN":
        return any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in token.children)
    if token.tag_ == "VBG" and QUOTED_PROGRESSIVE_NEWS and token.i in parsed.quoted:
        # a speaker's "We are rolling out ...": what is going on the day it was said
        return any(c.dep_ == "aux" and c.lower_ in ("are", "is", "am", "'re", "'m") for c in token.children)
    return False


def _on_main_verb(noun: Token) -> bool:
    """An event noun that is a subject or object of a verb, or the headline's head ("makes
    maiden flight", "the deal was signed"), not one buried in a modifier ("a state aid dispute
    between A and B", "regarding a deal"): only the former are the lead's news."""
    if noun.dep_ in ("ROOT", "nsubj", "nsubjpass", "dobj", "attr", "conj") and \
            noun.head.pos_ in ("VERB", "AUX", "NOUN"):
        return noun.dep_ != "conj" or _on_main_verb(noun.head)
    return noun.dep_ == "ROOT"


def _modal_or_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _sort_key(anchor: str) -> tuple[int, int, int]:
    parts = anchor.split("-")
    return tuple(int(p) if p.isdigit() else 0 for p in parts)  # type: ignore[return-value]


def _arguments(token: Token, product: bool = False) -> list[Token]:
    """The tokens that fill the event's participant slots."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent"):
            if token.pos_ == "NOUN" and child.lower_ not in PREPOSITIONS_FOR_NOUNS:
                continue
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in ARGUMENT_DEPS and child.dep_ != "conj":
            if token.pos_ == "NOUN" and child.dep_ not in ("poss", "compound", "nsubj", "appos"):
                continue
            found.append(child)
    clause = token
    hops = 0
    while clause.dep_ in INHERIT_SUBJECT_DEPS and hops < 3 and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        clause = clause.head.head if clause.dep_ == "pcomp" and clause.head.dep_ == "prep" else clause.head
        hops += 1  # "... justified his choice by saying": the subject of the verb the "by" hangs from
        found.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
    if token.dep_ in NOUN_HEAD_DEPS:
        found.append(token.head)
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "attr", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        found.extend(c for c in token.head.children if c.dep_ in ("nsubj", "agent"))
    expanded: list[Token] = []
    for arg in found:
        if arg.dep_ == "agent":
            expanded.extend(c for c in arg.children if c.dep_ == "pobj")
            continue
        expanded.extend(_identity(arg, product))
    return expanded


def _identity(head: Token, product: bool = False) -> list[Token]:
    """An argument and the words that name the same participant: appositions and conjuncts
    ("the airline, Ryanair,", "Northrop Grumman and EADS"). Words deeper inside the argument
    (compounds, possessors, "of" objects: "five Boeing 737s") are not participants: taking them
    in cost more precision than it gave recall on the trial and corpus_1 data."""
    found = [head]
    for child in head.children:
        if child.dep_ in SAME_REFERENT_DEPS:
            found.extend(_identity(child, product))
        elif product and child.dep_ in ("compound", "nmod", "nummod") and head.lower_ in GENERIC_PRODUCT_NOUNS:
            found.append(child)  # "60 Boeing 787 Dreamliner aircraft": the model names the aircraft
    return found


def event_word(token: Token, parsed: Parsed) -> str:
    """The event's word as the task writes it: a phrasal verb with its particle ("rolls_out",
    ``storyline.events.mentions.particle_of``)."""
    sentence, word = parsed.ref[token.i]  # type: ignore[misc]
    if SPLIT_PARTICLES:
        child = particle_of(token)  # also after the object: "take the title away", take_away
    else:
        child = next((c for c in token.children if c.dep_ == "prt" and c.i == token.i + 1), None)
    ref = parsed.ref[child.i] if child is not None else None
    if ref is not None and ref[0] == sentence:
        return f"{word}_{ref[1]}"
    return word


def participates(token: Token, target_tokens: set[int], product: bool = False) -> bool:
    """Whether one of the event's arguments is (a name or coreferent phrase of) the target; for a
    product target, also a model name modifying a generic noun ("60 Boeing 787 aircraft")."""
    return any(arg.i in target_tokens for arg in _arguments(token, product))


def build_timelines(analyses: Sequence[DocEvents], entities: Sequence[str],
                    keep_undated: bool = False) -> list[Timeline]:
    """One timeline per target entity; events without an anchor are left out unless
    ``keep_undated`` (they would all share position 0, a claim that costs precision)."""
    rows = target_events(analyses, entities)
    if not keep_undated:
        rows = {name: [row for row in found if row[0] != UNKNOWN] for name, found in rows.items()}
    return [_timeline(name, rows.get(name, [])) for name in entities]


def target_events(analyses: Sequence[DocEvents], entities: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """For each target entity, the (anchor, event id) of every event it takes part in."""
    docs = [a.parsed.doc for a in analyses]
    targets = [targets_module.make_target(name, docs) for name in entities]
    rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for analysis in analyses:
        doc = analysis.parsed.doc
        spans = {t.name: targets_module.name_spans(doc, t) for t in targets}
        spans = targets_module.resolve_overlaps(spans)
        kinds = {t.name: t.kind for t in targets}
        for target in targets:
            own = spans[target.name]
            others = [(s, kinds[name]) for name, found in spans.items() if name != target.name for s in found]
            tokens = {i for s, e in own for i in range(s, e)}
            if not tokens:
                continue
            tokens |= targets_module.coreferent_tokens(doc, target, own, others)
            if DIVISIONS and target.kind == "ORG":
                other_tokens = {i for (s, e), _kind in others for i in range(s, e)}
                tokens |= targets_module.division_heads(doc, own, other_tokens)
            told: dict[str, str] = {}  # stem -> anchor of the events the target took part in so far
            classes = target.kind != "PRODUCT"  # a deal is the buyer's and seller's, not the goods'
            for token, mention in analysis.mentions:
                if token.i in tokens:
                    continue
                anchor = anchor_of(mention, token, analysis)
                if participates(token, tokens, target.kind == "PRODUCT"):
                    if anchor != UNKNOWN or _stem(token, classes) not in told:
                        told[_stem(token, classes)] = anchor
                elif ANAPHORIC_EVENTS and _anaphoric_event(token) and _stem(token, classes) in told:
                    if anchor == UNKNOWN:
                        anchor = told[_stem(token, classes)]  # "the deal": the date of the deal told before
                else:
                    continue
                sentence, word = analysis.parsed.ref[token.i]  # type: ignore[misc]
                word = event_word(token, analysis.parsed)
                rows[target.name].append((anchor, f"{analysis.parsed.source.doc_id}-{sentence}-{word}"))
    return rows


def _stem(token: Token, classes: bool = True) -> str:
    """A crude common stem of an event's verb and noun forms ("delivered", "delivery"), or its
    referent class ("deal", "purchase": ``storyline.events.mentions.referent_class``)."""
    lemma = token.lemma_.lower()
    group = referent_class(lemma) if REFERENT_CLASSES and classes else None
    return f"class:{group}" if group else lemma[:STEM_LENGTH]


def _anaphoric_event(token: Token) -> bool:
    """A definite event noun without participants of its own ("the deal", "the deliveries"):
    it refers back to an event already told."""
    if token.pos_ != "NOUN":
        return False
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    if not determiners & {"the", "this", "that", "these"}:
        return False
    return not any(c.dep_ in ("poss", "compound") or c.dep_ == "prep" and c.lower_ in ("of", "by", "with", "between")
                   for c in token.children)


def _timeline(name: str, rows: list[tuple[str, str]]) -> Timeline:
    """Entries ordered by anchor (one per event id: the first anchor found for it wins)."""
    anchor_of_event: dict[str, str] = {}
    for anchor, event in rows:
        anchor_of_event.setdefault(event, anchor)
    anchors = sorted(set(anchor_of_event.values()) - {UNKNOWN}, key=_sort_key)
    position = {a: k + 1 for k, a in enumerate(anchors)}
    position[UNKNOWN] = 0
    entries = sorted((Entry(position[a], a, (event,)) for event, a in anchor_of_event.items()),
                     key=lambda e: (e.position, e.events))
    return Timeline(name, tuple(entries))
