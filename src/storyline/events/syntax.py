"""Small helpers over spaCy's dependency trees shared by the extraction steps."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from spacy.tokens import Token

from storyline.events.settings import MAX_HEAD_HOPS

LOGGER = logging.getLogger(__name__)

RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr"})
# Children that are not part of a noun phrase's own words.
NP_EXCLUDED_DEPS = frozenset({"appos", "relcl", "acl", "punct", "advcl", "cc", "conj", "prep", "case"})
LEADING_DETERMINERS = frozenset({"the", "a", "an"})


def ancestors(token: Token, limit: int = MAX_HEAD_HOPS) -> Iterator[Token]:
    """The heads above a token, nearest first, at most ``limit`` of them."""
    current = token
    for _ in range(limit):
        if current.head.i == current.i:
            return
        current = current.head
        yield current


def children(token: Token, *deps: str) -> list[Token]:
    """The children of a token with one of the given dependency labels."""
    return [child for child in token.children if child.dep_ in deps]


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("the town, which fell" -> town); else the token."""
    if token.lower_ in RELATIVE_PRONOUNS:
        for head in ancestors(token, 3):
            if head.dep_ in ("relcl", "acl"):
                return head.head
    return token


def subject(verb: Token) -> Token | None:
    """The active subject of a verb, following relative pronouns to their antecedent."""
    found = children(verb, *SUBJECT_DEPS)
    if found:
        # with two subjects (a misparsed "(CNN) Syrian forces have..."), the one nearest the verb
        before = [token for token in found if token.i < verb.i]
        return antecedent(before[-1] if before else found[0])
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.tag_ in ("VBG", "VB", "VBN"):
        # "X attacked A and killed B", "X carried out sorties, hitting targets": shared subject.
        head = verb.head
        found = children(head, *SUBJECT_DEPS)
        if found and head.pos_ in ("VERB", "AUX"):
            return antecedent(found[0])
    return None


def passive_subject(verb: Token) -> Token | None:
    """The passive subject of a verb ("Palmyra was seized"), through relative pronouns."""
    found = children(verb, *PASSIVE_SUBJECT_DEPS)
    if found:
        return antecedent(found[0])
    if verb.dep_ in ("relcl", "acl") and verb.tag_ == "VBN" and not children(verb, *SUBJECT_DEPS):
        return verb.head  # "the town captured by rebels"
    return None


def direct_object(verb: Token) -> Token | None:
    """The direct object of a verb, through relative pronouns."""
    found = children(verb, "dobj", "obj")
    if found:
        return antecedent(found[0])
    if verb.dep_ == "relcl":
        pronouns = [c for c in verb.children if c.lower_ in RELATIVE_PRONOUNS and c.dep_ == "dobj"]
        if pronouns:
            return verb.head
    return None


def patient(verb: Token) -> Token | None:
    """What a verb acts on: the direct object, or the passive subject."""
    found = patients(verb)
    return found[0] if found else None


def patients(verb: Token) -> list[Token]:
    """Every candidate for what a verb acts on: direct object and passive subject."""
    found = [direct_object(verb), passive_subject(verb)]
    return [token for token in found if token is not None and token.ent_type_ not in ("DATE", "TIME")]


def by_agent(verb: Token) -> Token | None:
    """The "by X" agent of a passive verb."""
    for agent in children(verb, "agent"):
        objects = children(agent, "pobj")
        if objects:
            return objects[0]
    return None


def preposition_objects(token: Token) -> Iterator[tuple[str, Token]]:
    """(preposition lemma, object) pairs under a token, including "in and around X"."""
    for prep in children(token, "prep", "agent", "dative"):
        objects = children(prep, "pobj", "pcomp")
        for conj in children(prep, "conj"):
            objects = objects or children(conj, "pobj")
        for obj in objects:
            yield prep.lower_, obj
            for conj_obj in children(obj, "conj"):
                yield prep.lower_, conj_obj


def has_particle(verb: Token, particle: str) -> bool:
    """Whether a verb carries a particle ("drive out")."""
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == particle for c in verb.children)


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def auxiliaries(verb: Token) -> list[Token]:
    """The auxiliaries of a verb ("have", "had", "will", "would"...)."""
    return children(verb, "aux", "auxpass")


def is_past_perfect(verb: Token) -> bool:
    """ "had recaptured", "had been taken"."""
    return any(a.lower_ in ("had", "'d") for a in auxiliaries(verb))


def is_present_perfect(verb: Token) -> bool:
    """ "have recaptured", "has been taken"."""
    return any(a.lower_ in ("have", "has", "'ve", "'s") and a.tag_ in ("VBP", "VBZ") for a in auxiliaries(verb))


def phrase_tokens(head: Token, with_conjuncts: bool = False) -> list[Token]:
    """The words of a noun phrase: the head with its modifiers, without clauses or appositions.

    Prepositional phrases stay when they are part of a name ("Observatory for Human Rights").
    """
    kept: list[Token] = []

    def visit(token: Token) -> None:
        kept.append(token)
        for child in token.children:
            if child.dep_ == "prep" and token.pos_ == "PROPN":
                if any(grand.pos_ == "PROPN" for grand in child.children):
                    visit(child)
                continue
            if with_conjuncts and child.dep_ in ("cc", "conj"):
                visit(child)
                continue
            if child.dep_ in NP_EXCLUDED_DEPS and not (token.dep_ == "prep"):
                continue
            visit(child)

    visit(head)
    kept.sort(key=lambda t: t.i)
    while kept and (kept[0].lower_ in LEADING_DETERMINERS or kept[0].is_punct or kept[0].is_space):
        kept.pop(0)
    while kept and (kept[-1].is_punct or kept[-1].is_space):
        kept.pop()
    return kept


def phrase_text(head: Token, with_conjuncts: bool = False) -> tuple[str, int, int]:
    """Text and character span of the noun phrase headed by a token (contiguous stretch)."""
    words = phrase_tokens(head, with_conjuncts) or [head]
    span = head.doc[words[0].i : words[-1].i + 1]
    return span.text, span.start_char, span.end_char
