"""Finding a SemEval target entity in a parse: its names, short names and coreferent phrases.

A target ("Boeing 787 Dreamliner", "Louis Gallois", "United States Air Force") is found as:

- a name (``aliases``): the full name; a person's surname; an organisation's acronym ("USAF";
  two letters, "GM", only where spaCy tags it as an organisation), its name without a trailing
  designator ("China Eastern") and the parts of its name that spaCy tags as an organisation
  outside the full name ("Air Force", "Dow Jones"; not "United States", a GPE); a product's model
  part ("787 Dreamliner", "A380", "Dreamliner", "Boeing 787") and, as a weak form, its bare model
  number ("the 777": only where the document names the maker and the number counts nothing);
  plurals ("iPods"); an acronym in brackets right after a name ("Singapore Airlines ( SIA )"); any
  spaCy entity that storyline's alias matching (``storyline.entities.matching.same_entity``) says
  is the same organisation or person;
- a person's first name as a weak form ("Steve", where the document names him in full);
- a coreferent phrase (``storyline.entities.coreference``): a definite description of the
  target's kind ("the company", "the aircraft") or a pronoun ("it", "its", "he", "his") whose
  closest preceding candidate antecedent is the target or a phrase already resolved to it; "we",
  "our" in a quote of a speaker of the organisation; "I" in a person's own quote;
- a division: a proper name spaCy tags as an organisation that begins with the organisation's
  name ("Boeing Commercial Airplanes", ``division_heads``).

Overlapping names of several targets go to the longest ("Airbus A380" is not "Airbus").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from storyline.entities import coreference
from storyline.entities.matching import same_entity
from storyline.entities.names import initials

DESIGNATORS = frozenset({"airlines", "airline", "airways", "inc", "inc.", "corp", "corp.", "corporation",
                         "company", "co", "co.", "group", "ltd", "ltd.", "plc", "store", "corps", "llc", "ag",
                         "sa", "nv", "n.v.", "limited", "holdings"})
QUOTED_FIRST_PERSON = True
KIND_NOUNS = coreference.rules().head_nouns  # head nouns of descriptions, by kind (data file)


@dataclass(frozen=True)
class Target:
    """A target entity, its kind (ORG, PRODUCT or PERSON) and its lower-cased name forms."""

    name: str
    kind: str
    forms: tuple[tuple[str, ...], ...]
    weak_forms: tuple[tuple[str, ...], ...] = ()


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def kind_of(name: str, docs: Sequence[Doc] = ()) -> str:
    """PRODUCT when the name holds a model number or is written like "iPod", PERSON when spaCy
    tags its mentions so, else ORG."""
    words = name.split()
    if len(words) > 1 and (any(_has_digit(w) for w in words) or words[-1].lower() in KIND_NOUNS["PRODUCT"]):
        return "PRODUCT"
    if len(words) == 1 and re.match(r"^[a-z][A-Z][a-z]", name):
        return "PRODUCT"  # "iPod", "iMac": a lower-case prefix on a capitalised word is a product's way
    if len(words) < 2:
        return "ORG"
    votes = {"PERSON": 0, "OTHER": 0}
    for doc in docs:
        for ent in doc.ents:
            if ent.text == name:
                votes["PERSON" if ent.label_ == "PERSON" else "OTHER"] += 1
    if votes["PERSON"] > votes["OTHER"]:
        return "PERSON"
    if len(words) == 2 and all(w[:1].isupper() and w[1:].islower() for w in words) and not votes["OTHER"]:
        if words[-1].lower() not in DESIGNATORS:
            return "PERSON"
    return "ORG"


def aliases(name: str, kind: str, docs: Sequence[Doc] = ()) -> tuple[list[str], list[str]]:
    """Short forms of a target's name, by rule: (strong forms, weak forms). Weak forms are bare
    model numbers ("777"), names only where the document also has a strong form or the maker's
    name and the number does not count something."""
    words = name.split()
    strong, weak = [name], []
    if kind == "PERSON" and len(words) > 1:
        strong.append(words[-1])
        weak.append(words[0])  # "Steve": only in a document that also names him in full or by surname
    if kind in ("ORG", "PRODUCT") and len(words) > 1:
        acronym = initials(name)
        if len(acronym) >= 3 or len(acronym) == 2 and _named_as_organisation([acronym], words, docs):
            strong.append(acronym)  # "USAF"; "GM" only where spaCy calls it an organisation
    if len(words) > 1 and words[-1].lower() in DESIGNATORS:
        rest = words[:-1]
        if len(rest) > 1 or re.search(r"[a-z][A-Z]|\d", rest[0]):
            strong.append(" ".join(rest))
    if kind == "ORG" and len(words) > 1:
        # "Air Force", "Dow Jones", "Ford": parts of the name that spaCy names as organisations
        parts = [words[:size] for size in range(1, len(words))] + [words[-size:] for size in range(2, len(words))]
        for part in parts:
            if _named_as_organisation(part, words, docs):
                strong.append(" ".join(part))
    if kind == "PRODUCT" and len(words) > 1:
        model = words[1:]
        if len(model) > 1 or re.search(r"[A-Za-z]", model[0]) and _has_digit(model[0]):
            strong.append(" ".join(model))  # "787 Dreamliner", "A380"
        numbers = [w for w in model if w.isdigit() and len(w) >= 3]
        weak.extend(numbers[:1])  # "the 777"
        if len(words) > 2 and not _has_digit(words[-1]):
            strong.append(" ".join(words[:-1]))  # "Boeing 787"
            strong.append(words[-1])  # "Dreamliner"
    return list(dict.fromkeys(strong)), [w for w in weak if w not in strong]


GOOD_LABELS = frozenset({"ORG", "PRODUCT", "FAC", "PERSON", "WORK_OF_ART", "LAW", "EVENT"})
BAD_LABELS = frozenset({"GPE", "NORP", "LOC", "DATE", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _named_as_organisation(part: list[str], name: list[str], docs: Sequence[Doc]) -> bool:
    """Whether spaCy tags the occurrences of a partial name outside the full name more often as
    a name of an organisation or product than as a place, nationality or number."""
    lowered = [w.lower() for w in part]
    full = [w.lower() for w in name]
    offset = next((k for k in range(len(full)) if full[k : k + len(lowered)] == lowered), None)
    good = bad = 0
    for doc in docs:
        tokens = [t.lower_ for t in doc]
        for i in range(len(tokens) - len(lowered) + 1):
            if tokens[i : i + len(lowered)] == lowered:
                if offset is not None and tokens[i - offset : i - offset + len(full)] == full:
                    continue  # inside the full name
                label = doc[i].ent_type_
                good += label in GOOD_LABELS
                bad += label in BAD_LABELS
    return good > bad


def make_target(name: str, docs: Sequence[Doc] = ()) -> Target:
    """A target with its kind and name forms."""
    kind = kind_of(name, docs)
    strong, weak = aliases(name, kind, docs)
    return Target(name=name, kind=kind, forms=tuple(_form(a) for a in strong), weak_forms=tuple(_form(a) for a in weak))


def _form(alias: str) -> tuple[str, ...]:
    return tuple(_norm(w) for w in alias.split())


def _norm(word: str) -> str:
    """A token as name forms compare it: lower case, "U.S." = "us", "A380-800" = "a380",
    "A380s" = "a380"."""
    word = word.lower().replace("\u2019", "'")
    word = re.sub(r"^u\.s\.$", "us", word)
    if _has_digit(word) and "-" in word[1:]:
        word = word.split("-", 1)[0]  # "777-200LR", "A380-800": the model family
    return word[:-1] if len(word) > 3 and word.endswith("s") and _has_digit(word) else word


def name_spans(doc: Doc, target: Target) -> list[tuple[int, int]]:
    """Token spans [start, end) where a name form of the target is written."""
    words = [_norm(t.text) for t in doc]
    spans = []
    for form in target.forms:
        n = len(form)
        for i in range(len(words) - n + 1):
            found = tuple(words[i : i + n])
            if found == form or (found[:-1] == form[:-1] and found[-1] == form[-1] + "s"
                                 and doc[i + n - 1].tag_ in ("NNS", "NNPS")):  # "iPods", "Dreamliners"
                spans.append((i, i + n))
    if spans or target.kind != "PERSON" and target.forms[0][0] in words:  # the name or its maker ("Boeing")
        spans += _weak_spans(doc, words, target)
    spans += _parenthesised_acronyms(doc, words, spans)
    for ent in doc.ents:
        if target.kind == "PRODUCT":
            break  # model names are matched by their forms only ("Boeing" is not "Boeing 777")
        if ent.label_ in ("ORG", "PERSON", "GPE", "NORP", "FAC") and _same(ent, target):
            spans.append((ent.start, ent.end))
    return spans


def _weak_spans(doc: Doc, words: list[str], target: Target) -> list[tuple[int, int]]:
    """Bare model numbers ("the 777") that do not count something ("777 passengers"), and a
    person's first name alone ("Steve")."""
    found = []
    for (form,) in (f for f in target.weak_forms if len(f) == 1):
        for i, word in enumerate(words):
            token = doc[i]
            if word != form or token.dep_ in ("nummod", "quantmod") and token.head.lower_ not in KIND_NOUNS["PRODUCT"]:
                continue
            following = doc[i + 1] if i + 1 < len(doc) else None
            if following is not None and (_has_digit(following.text) or following.is_upper):
                continue  # another model of the line ("iPhone 3GS")
            if target.kind == "PERSON" and following is not None and following.pos_ == "PROPN":
                continue  # another person of the same first name ("Steve Wozniak")
            found.append((i, i + 1))
    return found


def _parenthesised_acronyms(doc: Doc, words: list[str], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name followed by an acronym in brackets ("Singapore Airlines ( SIA )") makes the acronym
    a name of the target in this document."""
    acronyms = set()
    for _start, end in spans:
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            candidate = doc[end + 1].text
            if candidate.isupper() and candidate.isalpha() and 2 <= len(candidate) <= 6:
                acronyms.add(candidate.lower())
    return [(i, i + 1) for i, word in enumerate(words) if word in acronyms]


def _same(ent: Span, target: Target) -> bool:
    """Whether a spaCy entity names the target by storyline's alias matching."""
    kind = "PERSON" if target.kind == "PERSON" else "ORG"
    if kind == "PERSON" and ent.label_ != "PERSON":
        return False
    return same_entity(ent.text, target.name, kind)


def resolve_overlaps(spans_by_target: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """Keep, among overlapping spans of different targets, only the longest ones."""
    flat = [(end - start, start, end, name) for name, spans in spans_by_target.items() for start, end in spans]
    kept: dict[str, list[tuple[int, int]]] = {name: [] for name in spans_by_target}
    for _length, start, end, name in sorted(flat, key=lambda x: -x[0]):
        clash = any(s < end and start < e and (e - s) > (end - start)
                    for other, spans in kept.items() if other != name for s, e in spans)
        if not clash and (start, end) not in kept[name]:
            kept[name].append((start, end))
    return kept


def coreferent_tokens(doc: Doc, target: Target, names: list[tuple[int, int]],
                      others: list[tuple[tuple[int, int], str]]) -> set[int]:
    """Tokens of definite descriptions and pronouns whose closest antecedent is the target
    (``storyline.entities.coreference.referring_tokens``: a description of the target's kind,
    "the company", "the new aircraft", or a pronoun; the candidates are the names of every target
    and the spaCy entities of a label the phrase can refer to). ``others`` are the other targets'
    names with their kinds."""
    found = coreference.referring_tokens(doc, target.kind, names, others)
    if target.kind == "ORG" and QUOTED_FIRST_PERSON:
        found |= coreference.quoted_first_person(doc, names)  # "we" in a Boeing executive's quote
    if target.kind == "PERSON" and QUOTED_FIRST_PERSON:
        found |= coreference.quoted_first_person(doc, names, person=True)  # "I" in his own quote
    return found


def division_heads(doc: Doc, names: list[tuple[int, int]], other_tokens: set[int]) -> set[int]:
    """Heads of proper names that begin with an organisation's name or its possessive ("Boeing
    Commercial Airplanes", "Boeing 's Launch Systems", "EADS North America"): a division of the
    organisation stands for it, where spaCy tags the head as an organisation. Not a model
    ("Boeing 787": digits), not another target's name."""
    found: set[int] = set()
    for start, end in names:
        last = doc[end - 1]
        head = last.head
        if last.dep_ not in ("compound", "poss") or start <= head.i < end or head.pos_ != "PROPN" \
                or head.ent_type_ != "ORG":  # spaCy calls the whole an organisation
            continue
        if head.i in other_tokens or any(_has_digit(t.text) for t in doc[end : head.i + 1]):
            continue
        found.add(head.i)
    return found
