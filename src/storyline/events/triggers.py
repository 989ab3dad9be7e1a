"""Finding event triggers: verbs and event nouns from the trigger lexicon, typed.

Verbs trigger when their lemma is in ``data/triggers.tsv`` and its conditions hold ("take" needs a
place or "control" as object, "fall" needs "to X" or a place as subject). Event nouns trigger only
when something makes them an event of their own here rather than a passing reference: a light verb
("launched an attack"), an occurrence verb ("clashes erupted"), a date of their own ("the attack on
Sunday") or a count ("40 airstrikes"). Participial clauses that only elaborate another event
("carried out 40 sorties, hitting 158 targets and killing 100 militants") are folded into it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.tokens import Token

from storyline.events import lexicon, syntax
from storyline.events.document import DocumentView, is_place_noun
from storyline.events.lexicon import TriggerRule
from storyline.events.settings import MAX_HEAD_HOPS

LOGGER = logging.getLogger(__name__)

VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_PRONOUNS = frozenset({"it", "which", "that"})
PERSON_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP"})
CASUALTY_TYPES = frozenset({"KILL", "WOUND"})
DISASTER = "DISASTER"
STATEMENT = "STATEMENT"
ELABORATING_DEPS = frozenset({"advcl", "conj", "xcomp"})
LOCATIVE_NOUN_PREPOSITIONS = frozenset({"in", "near", "outside", "on", "at", "around", "across", "inside"})


@dataclass
class Trigger:
    """An event trigger in a parse, before its arguments are read."""

    token: Token  # the event word (noun or verb)
    anchor: Token  # the verb whose clause holds the event's arguments (the light verb for nouns)
    type: str
    subject_role: str = "agent"
    absorbed: list[Token] = field(default_factory=list)  # folded participial clauses

    @property
    def tokens(self) -> set[int]:
        """Indices of the words that stand for this event."""
        return {self.token.i, self.anchor.i, *(t.i for t in self.absorbed)}


def find_triggers(view: DocumentView) -> list[Trigger]:
    """Every event trigger of the document, with participial elaborations folded in."""
    found: dict[int, Trigger] = {}
    for token in view.doc:
        if token.is_space or token.is_punct:
            continue
        if token.tag_ in VERB_TAGS and token.dep_ != "amod":
            if not _nominal_use(token):
                trigger = _verb_trigger(view, token)
            elif token.tag_ == "VBN":  # "the wounded", "all 18 killed": people, not an event
                trigger = None
            else:  # "the peoples demands", "the killing of 20 civilians": read as a noun
                trigger = _noun_trigger(view, token)
        elif token.pos_ == "NOUN":
            trigger = _noun_trigger(view, token)
        else:
            trigger = None
        if trigger is not None:
            found[token.i] = trigger
    _absorb_support_verbs(found)
    _fold_elaborations(view, found)
    _drop_reporting_statements(found)
    return sorted(found.values(), key=lambda trigger: trigger.token.i)


def _drop_reporting_statements(found: dict[int, Trigger]) -> None:
    """A statement verb whose complement holds another event only reports it ("the army
    announced that it had captured the town"): it attributes, it is not an event itself."""
    for index, trigger in list(found.items()):
        if trigger.type != STATEMENT or trigger.anchor.i != trigger.token.i:
            continue
        for child in syntax.children(trigger.token, "ccomp", "xcomp"):
            if any(t.i in found and t.i != index for t in child.subtree):
                LOGGER.debug("statement %r only reports another event", trigger.token.text)
                del found[index]
                break


def _verb_trigger(view: DocumentView, token: Token) -> Trigger | None:
    """A trigger for a verb whose lemma and conditions match the lexicon."""
    rules = lexicon.trigger_rules().get((token.lemma_.lower(), "VERB"), ())
    for rule in rules:
        if _conditions_hold(view, token, rule):
            type_ = DISASTER if rule.type == "ASSAULT" and _hazard_agent(token) else rule.type
            return Trigger(token=token, anchor=token, type=type_, subject_role=rule.subject_role)
    return None


def _nominal_use(token: Token) -> bool:
    """A verb-tagged word that is a noun or a reference to people here, not a verb of its own:
    "the number of wounded", "among the wounded", "the peoples demands for freedom" (a plural
    noun tagged VBZ), "six of those killed". The caller reads them by the noun rules, except
    participles (VBN), which name people here, not an event."""
    cues = lexicon.nominal_uses()
    if token.dep_ == "acl" and token.head.lower_ in cues["pronoun_heads"]:
        return True
    if token.dep_ not in cues["nominal_deps"] or syntax.children(token, "nsubj", "nsubjpass", "dobj"):
        return False
    return (token.tag_ in cues["finite_tags"] or bool(syntax.children(token, "det"))
            or token.head.pos_ == "ADP")


def _hazard_agent(verb: Token) -> bool:
    """ "hit by an earthquake", "a storm destroyed": a natural hazard does the deed."""
    agent = syntax.by_agent(verb) or syntax.subject(verb)
    if agent is None:
        return False
    words = {agent.lemma_.lower(), *(c.lemma_.lower() for c in agent.conjuncts)}
    return bool(words & lexicon.hazards())


def _noun_trigger(view: DocumentView, token: Token) -> Trigger | None:
    """A trigger for an event noun that is an event of its own in this sentence."""
    rules = lexicon.trigger_rules().get((token.lemma_.lower(), "NOUN"), ())
    if not rules:
        return None
    rule = rules[0]
    support = _support_verb(token)
    if support is not None:
        return Trigger(token=token, anchor=support, type=rule.type)
    if _has_own_date(view, token) or _has_count(token) or _has_own_place(view, token):
        return Trigger(token=token, anchor=token, type=rule.type)
    return None


def _support_verb(noun: Token) -> Token | None:
    """The light verb ("launched an attack") or occurrence verb ("clashes erupted") of a noun.

    Also the verb of a death toll the noun caused ("the toll from a blast reached 112") and an
    occurrence verb in a relative clause ("a blast which hit buses").
    """
    supports = lexicon.support_verbs()
    for clause in syntax.children(noun, "relcl"):
        subjects = syntax.children(clause, "nsubj")
        if subjects and subjects[0].lower_ in syntax.RELATIVE_PRONOUNS and (clause.lemma_.lower(), "occurrence") in supports:
            return clause
    if noun.dep_ == "pobj" and noun.head.lower_ in ("from", "of") and noun.head.head.lemma_.lower() in _toll_nouns():
        toll = noun.head.head
        return toll.head if toll.dep_ in ("nsubj", "nsubjpass", "dobj") and toll.head.pos_ == "VERB" else None
    head = noun.head
    lemma = head.lemma_.lower()
    if noun.dep_ in ("dobj", "obj") and (lemma, "light") in supports:
        particle = supports[(lemma, "light")].particle
        if particle is None or syntax.has_particle(head, particle):
            return head
    if noun.dep_ in ("nsubj", "nsubjpass") and (lemma, "occurrence") in supports:
        particle = supports[(lemma, "occurrence")].particle
        if particle is None or syntax.has_particle(head, particle):
            return head
    return None


def _toll_nouns() -> set[str]:
    """Head nouns of death tolls ("toll")."""
    return {noun.split()[-1] for noun in lexicon.figure_lexicon()["toll_nouns"]}


def _has_own_date(view: DocumentView, noun: Token) -> bool:
    """ "the attack on Sunday", "the December offensive"."""
    for child in noun.children:
        if child.i in view.timex_of_token and view.timex_of_token[child.i].type in ("DATE", "TIME"):
            return True
        if child.dep_ == "prep":
            if any(g.i in view.timex_of_token and view.timex_of_token[g.i].type in ("DATE", "TIME")
                   for g in child.children):
                return True
    return False


def _has_own_place(view: DocumentView, noun: Token) -> bool:
    """ "an attack in Syria", "a strike on an airbase near Homs" (a locative phrase naming a place)."""
    for prep, obj in syntax.preposition_objects(noun):
        if prep not in LOCATIVE_NOUN_PREPOSITIONS:
            continue
        if view.place_at(obj) is not None:
            return True
        for inner_prep, inner in syntax.preposition_objects(obj):
            if inner_prep in LOCATIVE_NOUN_PREPOSITIONS and view.place_at(inner) is not None:
                return True
    return False


def _has_count(noun: Token) -> bool:
    """ "40 airstrikes", "dozens of raids"."""
    return any(child.dep_ == "nummod" for child in noun.children)


def _conditions_hold(view: DocumentView, verb: Token, rule: TriggerRule) -> bool:
    """Whether any of a rule's alternative conditions holds for a verb (no conditions: true)."""
    if not rule.conditions:
        return True
    for kind, value in rule.conditions:
        if kind == "prt" and syntax.has_particle(verb, value):
            return True
        if kind == "prep" and any(prep == value for prep, _ in syntax.preposition_objects(verb)):
            return True
        if kind == "obj":
            for obj in syntax.patients(verb):
                if value == "place" and is_place_like(view, obj):
                    return True
                if value == "person" and is_person_like(view, obj):
                    return True
                if value not in ("place", "person") and obj.lemma_.lower() == value:
                    return True
        if kind == "subj":
            subj = syntax.subject(verb)
            if subj is not None and value == "place" and is_place_like(view, subj):
                return True
            if subj is not None and value == "person" and is_person_like(view, subj):
                return True
    return False


def is_place_like(view: DocumentView, token: Token) -> bool:
    """A place mention, a place noun ("the city"), or "it" standing for one."""
    if view.place_at(token) is not None or is_place_noun(token):
        return True
    if token.ent_type_ in PLACE_ENTITY_TYPES:
        return True
    return token.lower_ in PLACE_PRONOUNS and token.pos_ == "PRON"


def is_person_like(view: DocumentView, token: Token) -> bool:
    """A person or group: a named one, a pronoun, or a noun for people ("civilians", "troops")."""
    if token.i in view.entity_of_token or token.ent_type_ in PERSON_ENTITY_TYPES:
        return True
    if token.pos_ == "PRON" and token.lower_ not in PLACE_PRONOUNS:
        return True
    return token.lemma_.lower() in lexicon.person_nouns()


def _absorb_support_verbs(found: dict[int, Trigger]) -> None:
    """A verb trigger that serves as another trigger's support verb is part of that event."""
    for trigger in list(found.values()):
        if trigger.anchor.i != trigger.token.i and trigger.anchor.i in found:
            supported = found.pop(trigger.anchor.i)
            trigger.absorbed.append(supported.token)


def _fold_elaborations(view: DocumentView, found: dict[int, Trigger]) -> None:
    """Fold participial elaborations and casualty participles into the event they describe."""
    owner = {index: trigger for trigger in found.values() for index in trigger.tokens}
    for index in sorted(found):
        trigger = found[index]
        token = trigger.token
        if trigger.anchor.i != token.i:
            continue
        target = None
        if token.tag_ == "VBG" and token.dep_ in ELABORATING_DEPS and syntax.children(token, "nsubj") == []:
            target = _elaborated(token, owner)
        elif trigger.type in CASUALTY_TYPES and token.dep_ in ("acl", "amod") and token.tag_ == "VBN":
            target = _governing_trigger(token, owner) or _top_trigger(view, token, found)
        elif token.dep_ == "acl" and token.tag_ == "VBG":
            # "killed in an attack targeting a wedding": the participle describes the same event
            target = _governing_trigger(token, owner, hops=4)
        if target is None or target is trigger:
            continue
        LOGGER.debug("folding %r into %r", token.text, target.token.text)
        target.absorbed.append(token)
        target.absorbed.extend(trigger.absorbed)
        del found[index]
        for absorbed in (token, *trigger.absorbed):
            owner[absorbed.i] = target


def _elaborated(token: Token, owner: dict[int, Trigger]) -> Trigger | None:
    """The trigger a participial clause elaborates, up a chain of participial clauses."""
    current = token
    for _ in range(4):
        head = current.head
        if head.i in owner:
            return owner[head.i]
        if current.dep_ not in ELABORATING_DEPS or head.tag_ != "VBG":
            return None
        current = head
    return None


def _governing_trigger(token: Token, owner: dict[int, Trigger], hops: int = MAX_HEAD_HOPS) -> Trigger | None:
    """The nearest trigger above a token in the tree (at most ``hops`` steps up)."""
    for head in syntax.ancestors(token, hops):
        if head.i in owner:
            return owner[head.i]
    return None


def _top_trigger(view: DocumentView, token: Token, found: dict[int, Trigger]) -> Trigger | None:
    """The trigger nearest the root of the token's sentence (other than the token's own)."""
    segment = view.segment(token)
    best: tuple[int, Trigger] | None = None
    for trigger in found.values():
        if trigger.token.i == token.i or not segment.start <= trigger.token.i < segment.end:
            continue
        depth = sum(1 for _ in syntax.ancestors(trigger.anchor))
        if best is None or depth < best[0]:
            best = (depth, trigger)
    return best[1] if best else None
