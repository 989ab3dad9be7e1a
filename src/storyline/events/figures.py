"""Figures: a number, what it counts, and how exact the source says it is.

"over 100 militants" killed -> Figure(value=100, what="killed", mod="MORE_THAN");
"around 400 extremists killed" -> APPROX; "30 to 40 civilians" -> value 30, value_max 40;
"hundreds of fighters" -> a vague quantity with its conventional value. Only numbers that count
something in ``figures.json`` (people, fighters, sorties, targets...) or the outcome of a
casualty verb ("killing 20") are figures; distances, ages and dates are not.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Container
from dataclasses import dataclass

from spacy.tokens import Token

from storyline.events import lexicon, syntax
from storyline.events.document import DocumentView
from storyline.model import Figure

LOGGER = logging.getLogger(__name__)

NOT_COUNTS = frozenset({"PERCENT", "MONEY", "QUANTITY", "ORDINAL"})  # dates: the time tagger decides
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
HYPHENATED_WORDS = re.compile(r"^([a-z]+)-([a-z]+)$")
WINDOW = 8  # tokens looked at before a counted noun for its number and modifier


@dataclass(frozen=True)
class FoundFigure:
    """A figure and the token whose place in the tree decides which event it belongs to."""

    figure: Figure
    anchor: Token


def find_figures(view: DocumentView) -> list[FoundFigure]:
    """Every figure in the document (without attribution: the caller adds it)."""
    found: list[FoundFigure] = []
    used: set[int] = set()
    for token in view.doc:
        if token.i in used or token.i in view.timex_of_token:
            continue
        located = _locate(token)
        if located is None:
            continue
        number_head, counted = located
        if counted.i in view.timex_of_token or number_head.ent_type_ in NOT_COUNTS:
            continue
        what, outcome = _what(counted, number_head)
        if what is None:
            LOGGER.debug("number %r counts %r, not tracked", number_head.text, counted.text)
            continue
        figure = _figure(view, number_head, counted, what)
        if figure is None:
            continue
        used.add(number_head.i)
        used.update(t.i for t in view.doc.char_span(figure.start, figure.end, alignment_mode="expand") or ())
        found.append(FoundFigure(figure, outcome or counted))
    return found


def parse_number(words: list[str]) -> float | None:
    """ "2,000" -> 2000, "2.5 million" -> 2500000, "twenty-five" -> 25, "three hundred" -> 300."""
    table = lexicon.figure_lexicon()
    number_words: dict[str, int] = table["number_words"]
    multipliers: dict[str, int] = table["multipliers"]
    total = 0.0
    current: float | None = None
    for raw in words:
        word = raw.lower()
        if DIGITS.match(word):
            current = (current or 0) + float(word.replace(",", ""))
        elif word in number_words and word not in multipliers:
            current = (current or 0) + number_words[word]
        elif HYPHENATED_WORDS.match(word) and all(p in number_words for p in word.split("-")):
            current = (current or 0) + sum(number_words[p] for p in word.split("-"))
        elif word in multipliers:
            current = (current or 1) * multipliers[word]
            if multipliers[word] >= 1000:
                total += current
                current = None
        elif word in ("a", "an", "and"):
            continue
        else:
            return None
    if current is not None:
        total += current
    return total if total > 0 or words else None


def _locate(token: Token) -> tuple[Token, Token] | None:
    """(number head, counted noun) when a token starts a count of something."""
    vague = lexicon.figure_lexicon()["vague_quantities"]
    if token.dep_ == "nummod" and _is_number(token):
        return token, token.head
    if token.lower_ in vague or token.lower_ in ("tens", "dozens", "hundreds", "thousands", "millions"):
        for prep in syntax.children(token, "prep"):
            if prep.lower_ == "of":
                objects = syntax.children(prep, "pobj")
                if objects:
                    inner = objects[0]
                    # "tens of thousands of people": the count goes down the chain of "of"s
                    for prep2 in syntax.children(inner, "prep"):
                        if prep2.lower_ == "of" and syntax.children(prep2, "pobj"):
                            return token, syntax.children(prep2, "pobj")[0]
                    return token, inner
    if _is_number(token) and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
        if token.head.pos_ == "VERB" or _in_toll_context(token):
            return token, token  # "killing 20", "20 were killed", "the toll rose to 50"
    return None


def _in_toll_context(token: Token) -> bool:
    """Whether a number gives a death toll ("the death toll reached 112", "put the toll at 70")."""
    tolls = {noun.split()[-1] for noun in lexicon.figure_lexicon()["toll_nouns"]}
    for node in (token, *syntax.ancestors(token, 3)):
        if node.lemma_.lower() in tolls:
            return True
        if any(child.lemma_.lower() in tolls and child.dep_ in ("nsubj", "dobj", "nsubjpass") for child in node.children):
            return True
    return False


@functools.lru_cache(maxsize=1)
def outcome_categories() -> frozenset[str]:
    """The "what" values that report an outcome of violence (killed, wounded, displaced...)."""
    table = lexicon.figure_lexicon()
    return frozenset(table["outcome_verbs"].values()) | frozenset(table["outcome_adjectives"].values())


def _is_number(token: Token) -> bool:
    """A numeral in digits or words."""
    words = lexicon.figure_lexicon()["number_words"]
    return token.tag_ == "CD" or token.like_num or token.lower_ in words


def _figure(view: DocumentView, number_head: Token, counted: Token, what: str) -> Figure | None:
    """The figure for a number and the noun it counts, or None when the number cannot be read."""
    window = _number_window(number_head, counted, view.timex_of_token)
    words = [t.text for t in window]
    mod, rest = _split_modifier(words)
    value, value_max, vague_mod = _value(rest)
    if value is None:
        return None
    start_token = window[0]
    end_token = counted if counted.i >= number_head.i else number_head
    for child in counted.children:  # "400 extremists killed": the outcome belongs to the figure
        if child.dep_ == "acl" and child.i == end_token.i + 1:
            end_token = child
    start, end = start_token.idx, end_token.idx + len(end_token.text)
    return Figure(
        article_id=view.article.id,
        start=start,
        end=end,
        text=view.article.text[start:end],
        value=value,
        what=what,
        mod=mod or vague_mod,
        value_max=value_max,
    )


def _number_window(number_head: Token, counted: Token, timex_tokens: Container[int] = ()) -> list[Token]:
    """The number's words with its modifier: contiguous tokens before the counted noun.

    Words of a time expression never join it ("Feb 2015 Ten children" counts ten, not 2025).
    """
    doc = number_head.doc
    table = lexicon.figure_lexicon()
    modifier_words = {w for phrase in table["modifiers"] for w in phrase.split()}
    allowed = modifier_words | set(table["range_words"]) | {"between", "of", "tens", "a", "an", "several", "few"}
    last = number_head.i
    for child in number_head.children:
        if child.dep_ in ("compound", "quantmod", "nummod", "conj", "cc", "punct") and child.i > last and child.i < counted.i:
            last = child.i
    while last + 1 < len(doc) and last + 1 < counted.i and _is_number(doc[last + 1]):
        last += 1
    first = number_head.i
    while first - 1 >= 0 and number_head.i - first < WINDOW:
        previous = doc[first - 1]
        if previous.i in timex_tokens:
            break
        if _is_number(previous) or previous.lower_ in allowed:
            first -= 1
        else:
            break
    leading_noise = {"of", "a", "an", "and", "or", "-", "–", "to"}
    modifier_starts = {phrase.split()[0] for phrase in table["modifiers"]}
    while first < number_head.i and doc[first].lower_ in leading_noise and doc[first].lower_ not in modifier_starts:
        first += 1
    return [doc[i] for i in range(first, last + 1)]


def _split_modifier(words: list[str]) -> tuple[str | None, list[str]]:
    """Longest modifier phrase at the start of the words ("at least", "more than", "nearly")."""
    modifiers: dict[str, str] = lexicon.figure_lexicon()["modifiers"]
    lowered = [w.lower() for w in words]
    for size in (3, 2, 1):
        phrase = " ".join(lowered[:size])
        if len(lowered) > size and phrase in modifiers:
            return modifiers[phrase], words[size:]
    return None, words


def _value(words: list[str]) -> tuple[float | None, float | None, str | None]:
    """(value, value_max, implied mod) of number words, ranges and vague quantities."""
    table = lexicon.figure_lexicon()
    vague: dict[str, dict] = table["vague_quantities"]
    lowered = " ".join(w.lower() for w in words)
    if lowered.startswith("between "):
        words = words[1:]
        lowered = lowered[len("between "):]
    for phrase in sorted(vague, key=len, reverse=True):
        if lowered == phrase or lowered.startswith(phrase + " of"):
            return float(vague[phrase]["value"]), None, vague[phrase].get("mod")
    range_words = set(table["range_words"])
    for i, word in enumerate(words):
        if word.lower() in range_words and 0 < i < len(words) - 1:
            low, high = parse_number(words[:i]), parse_number(words[i + 1 :])
            if low is not None and high is not None and high > low:
                return low, high, None
    if len(words) == 1 and "-" in words[0]:
        low_text, _, high_text = words[0].partition("-")
        low, high = parse_number([low_text]), parse_number([high_text])
        if low is not None and high is not None and high > low:
            return low, high, None
    value = parse_number(words)
    return (value if value else None), None, None


def _what(counted: Token, number_head: Token) -> tuple[str | None, Token | None]:
    """What a number counts, and the casualty verb that says so (if any).

    The outcome of a casualty verb wins ("killing over 100 militants" counts the killed), else
    the counted noun's category ("40 air sorties" counts sorties).
    """
    table = lexicon.figure_lexicon()
    outcomes: dict[str, str] = table["outcome_verbs"]
    adjectives: dict[str, str] = table["outcome_adjectives"]
    for child in counted.children:
        if child.dep_ in ("acl", "amod", "relcl") and child.lemma_.lower() in outcomes and child.tag_ == "VBN":
            return outcomes[child.lemma_.lower()], child
        if child.dep_ in ("amod", "acomp") and child.lower_ in adjectives:
            return adjectives[child.lower_], None
    if counted.dep_ == "dobj":  # "left two patients dead"
        for sibling in counted.head.children:
            if sibling.dep_ in ("oprd", "acomp", "xcomp") and sibling.lower_ in adjectives:
                return adjectives[sibling.lower_], None
    # "thousands of opponents were ...": the phrase as a whole is the argument of the verb
    phrase = number_head if counted.head.head.i == number_head.i and counted.dep_ == "pobj" else counted
    head = phrase.head
    for verb in (head, *syntax.children(head, "xcomp")):
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in outcomes:
            continue
        passive_like = verb.i != head.i or phrase.dep_ in ("dobj", "nsubjpass")
        intransitive = phrase.dep_ == "nsubj" and syntax.direct_object(verb) is None
        if passive_like or intransitive:
            return outcomes[lemma], verb
    if phrase.dep_ == "nsubj" and head.lemma_.lower() == "be":
        for child in head.children:
            if child.dep_ in ("acomp", "attr") and child.lower_ in adjectives:
                return adjectives[child.lower_], None
    if _in_toll_context(number_head):
        return "killed", None
    life_verb = _lives_lost(phrase, table)
    if life_verb is not None:
        return "killed", life_verb
    if counted.dep_ == "conj":
        inherited = _first_conjunct_outcome(counted)
        if inherited is not None:
            return inherited
    nouns: dict[str, str] = table["counted_nouns"]
    compound = " ".join(t.lemma_.lower() for t in counted.lefts if t.dep_ == "compound")
    for key in (f"{compound} {counted.lemma_.lower()}".strip(), counted.lemma_.lower(), counted.lower_):
        if key in nouns:
            return nouns[key], None
    if counted is number_head and counted.head.pos_ == "VERB" and counted.head.lemma_.lower() in outcomes:
        return outcomes[counted.head.lemma_.lower()], counted.head
    return None, None


def _lives_lost(phrase: Token, table: dict) -> Token | None:
    """The verb of "claimed the lives of 80 people" / "20 people lost their lives", or None."""
    nouns, verbs = set(table["life_nouns"]), set(table["life_verbs"])
    if phrase.dep_ == "pobj" and phrase.head.lower_ == "of":
        noun = phrase.head.head
        if noun.lemma_.lower() in nouns and noun.head.lemma_.lower() in verbs and noun.dep_ in ("dobj", "obj"):
            return noun.head
    if phrase.dep_ == "nsubj" and phrase.head.lemma_.lower() in verbs:
        obj = syntax.direct_object(phrase.head)
        if obj is not None and obj.lemma_.lower() in nouns:
            return phrase.head
    return None


def _first_conjunct_outcome(counted: Token) -> tuple[str, Token | None] | None:
    """ "two women and two soldiers were killed": a later conjunct counts what the first does,
    when that is an outcome of violence (killed, wounded...), not merely a kind of people."""
    first = counted
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.i == counted.i:
        return None
    numbers = [child for child in first.children if child.dep_ == "nummod"]
    what, outcome = _what(first, numbers[0] if numbers else first)
    if what is not None and what in outcome_categories():
        return what, outcome
    return None
