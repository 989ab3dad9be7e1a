"""Event extraction on hand-made inputs: figures, attribution, modality, dating, places.

Each case is one or two sentences with their timexes, places and entities written by hand, so the
tests exercise the extractor alone (not the time, place or entity taggers).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from storyline.events import extract
from storyline.events.figures import parse_number
from storyline.model import Article, EntityMention, EventMention, Place, PlaceMention, Timex

PUBLISHED = dt.date(2016, 3, 27)  # a Sunday

PLACES = {
    "Palmyra": Place(163808, "Tadmur", 34.56, 38.27, "SY", "Homs", "city"),
    "Aleppo": Place(170063, "Aleppo", 36.2, 37.16, "SY", "Aleppo", "city"),
    "Raqqa": Place(172955, "Ar Raqqah", 35.95, 39.01, "SY", "Raqqa", "city"),
    "Syria": Place(163843, "Syria", 35.0, 38.0, "SY", None, "country"),
}
ENTITIES = {
    "ISIS": "ORG", "Reuters": "ORG", "TASS": "ORG", "Sky News": "ORG", "the Observatory": "ORG",
    "Dmitry Peskov": "PERSON", "Rebels": "GROUP", "rebels": "GROUP", "the army": "ORG",
    "The army": "ORG", "SANA": "ORG",
}
TIMEX_VALUES = {
    "on Sunday": ("DATE", "2016-03-27"), "Sunday": ("DATE", "2016-03-27"),
    "on Saturday": ("DATE", "2016-03-26"), "On Saturday": ("DATE", "2016-03-26"),
    "in May 2015": ("DATE", "2015-05"), "last March": ("DATE", "2015-03"),
    "in December": ("DATE", "2015-12"), "for three weeks": ("DURATION", "P3W"),
    "every week": ("SET", "P1W"), "on Monday": ("DATE", "2016-03-28"),
}


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Word-bounded occurrences of a phrase."""
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]


def run(nlp, text: str, published: dt.date | None = PUBLISHED, title: str | None = None) -> list[EventMention]:
    """Extract events from a text with hand-made timexes, places and entities."""
    article = Article(id="t", text=text, published=published, title=title)
    doc = nlp(text)
    timexes, taken = [], set()
    for phrase in sorted(TIMEX_VALUES, key=len, reverse=True):
        for start, end in _occurrences(text, phrase):
            if any(start < e and s < end for s, e in taken):
                continue
            kind, value = TIMEX_VALUES[phrase]
            timexes.append(Timex(start, end, text[start:end], kind, value))  # type: ignore[arg-type]
            taken.add((start, end))
    places = [PlaceMention("t", s, e, name, place, 0.9)
              for name, place in PLACES.items() for s, e in _occurrences(text, name)]
    entities = [EntityMention("t", s, e, name, kind, name.lower())
                for name, kind in ENTITIES.items() for s, e in _occurrences(text, name)]
    return extract(doc, article, sorted(timexes, key=lambda t: t.start), places, entities)


def only(events: list[EventMention], type_: str | None = None) -> EventMention:
    """The single event (of a type) in a result."""
    chosen = [e for e in events if type_ is None or e.type == type_]
    assert len(chosen) == 1, [(e.trigger, e.type) for e in events]
    return chosen[0]


def sources(event: EventMention) -> list[str]:
    """The attribution chain of an event, innermost first."""
    chain, attribution = [], event.attribution
    while attribution is not None:
        chain.append(attribution.source)
        attribution = attribution.via
    return chain


FIGURE_CASES = [
    ("At least 20 civilians were killed in airstrikes on Sunday.", 20, None, "killed", "MORE_THAN"),
    ("More than 1,200 people were displaced by the fighting in Aleppo on Sunday.", 1200, None, "displaced", "MORE_THAN"),
    ("Jets killed over 100 militants near Palmyra on Sunday.", 100, None, "killed", "MORE_THAN"),
    ("Around 400 fighters were killed in Palmyra on Sunday.", 400, None, "killed", "APPROX"),
    ("Rebels shelled the town, killing some 35 soldiers on Sunday.", 35, None, "killed", "APPROX"),
    ("Nearly 30 people were wounded in the attack on Sunday.", 30, None, "wounded", "LESS_THAN"),
    ("Up to 50 soldiers were killed in Aleppo on Sunday.", 50, None, "killed", "LESS_THAN"),
    ("Between 30 and 40 civilians were killed in Aleppo on Sunday.", 30, 40, "killed", None),
    ("Jets carried out 30 to 40 airstrikes near Aleppo on Sunday.", 30, 40, "airstrikes", None),
    ("Dozens of people were killed in Aleppo on Sunday.", 24, None, "killed", "APPROX"),
    ("Three soldiers were killed in Aleppo on Sunday.", 3, None, "killed", None),
    ("Russian jets carried out 40 air sorties near Palmyra on Sunday.", 40, None, "sorties", None),
    ("The death toll from the blast in Aleppo rose to 50 on Sunday.", 50, None, "killed", None),
    ("The attack in Aleppo on Sunday left 12 civilians dead.", 12, None, "killed", None),
    ("Several hundred fighters attacked Aleppo on Sunday.", 300, None, "fighters", "APPROX"),
]


@pytest.mark.parametrize(("text", "value", "value_max", "what", "mod"), FIGURE_CASES)
def test_figures_with_every_modifier(nlp, text, value, value_max, what, mod):
    figures = [f for e in run(nlp, text) for f in e.figures]
    assert len(figures) == 1, figures
    figure = figures[0]
    assert (figure.value, figure.value_max, figure.what, figure.mod) == (value, value_max, what, mod)
    assert text[figure.start : figure.end] == figure.text


def test_figures_keep_their_event_and_source(nlp):
    text = ("On Saturday, Russia's defense minister said Russian jets carried out 40 air sorties near "
            "Palmyra, hitting 158 targets and killing over 100 militants.")
    event = only(run(nlp, text))
    assert event.type == "ASSAULT" and event.date.value == "2016-03-26"
    assert sorted((f.value, f.what) for f in event.figures) == [(40, "sorties"), (100, "killed"), (158, "targets")]
    assert {f.attributed_to.source for f in event.figures} == {"Russia's defense minister"}


@pytest.mark.parametrize(("words", "value"), [
    (["2,000"], 2000), (["2.5", "million"], 2_500_000), (["twenty-five"], 25),
    (["three", "hundred"], 300), (["a", "dozen"], 12), (["many"], None),
])
def test_parse_number(words, value):
    assert parse_number(words) == value


ATTRIBUTION_CASES = [
    ("Rebels captured Aleppo on Sunday, the Observatory said.", ["Observatory"]),
    ("The Observatory said rebels captured Aleppo on Sunday, according to Reuters.", ["Observatory", "Reuters"]),
    ("Dmitry Peskov said rebels captured Aleppo on Sunday, reported TASS.", ["Dmitry Peskov", "TASS"]),
    ("Rebels have captured Aleppo, according to the general command, cited by state agency SANA.",
     ["general command", "state agency SANA"]),
    ("Rebels captured Aleppo on Sunday, Dmitry Peskov told Reuters.", ["Dmitry Peskov", "Reuters"]),
    ("Rebels captured Aleppo on Sunday.", []),
]


@pytest.mark.parametrize(("text", "chain"), ATTRIBUTION_CASES)
def test_nested_attribution(nlp, text, chain):
    event = only(run(nlp, text), "CAPTURE")
    assert sources(event) == chain
    assert event.modality == ("reported" if chain else "asserted")


def test_attribution_crosses_quote_boundaries(nlp):
    text = ('"We drove them out of Aleppo," a rebel commander told Reuters. '
            '"Our fighters killed 20 militants in the battle."')
    events = run(nlp, text)
    kill = only(events, "KILL")
    assert sources(kill) == ["rebel commander", "Reuters"]
    assert only(events, "CAPTURE").place.place.geonameid == 170063


MODALITY_CASES = [
    ("Rebels attacked Aleppo on Sunday.", "asserted"),
    ("Rebels attacked Aleppo on Sunday, officials said.", "reported"),
    ("Rebels did not attack Aleppo on Sunday.", "negated"),
    ("The army denied that its jets bombed Aleppo on Sunday.", "denied"),
    ("The army plans to attack Aleppo.", "planned"),
    ("Rebels will attack Aleppo.", "planned"),
    ("If the talks fail, the army could attack Aleppo.", "hypothetical"),
]


@pytest.mark.parametrize(("text", "expected"), MODALITY_CASES)
def test_negation_and_modality(nlp, text, expected):
    event = only(run(nlp, text), "ASSAULT")
    assert event.modality == expected


DATING_CASES = [
    # (text, trigger lemma, date value or None, background)
    ("Rebels captured Aleppo on Sunday.", "capture", "2016-03-27", False),
    ("Rebels captured Aleppo in May 2015.", "capture", "2015-05", True),
    ("Syrian forces have recaptured the city of Palmyra from ISIS.", "recapture", "2016-03-27", False),
    ("Rebels had captured Aleppo.", "capture", None, True),
    ("Rebels attacked Aleppo for three weeks.", "attack", None, False),
    ("Rebels attacked Aleppo every week.", "attack", None, False),
    ("On Saturday, the Observatory said rebels attacked Aleppo.", "attack", "2016-03-26", False),
    # a lead without any time expression reports the day's news (publication day, approximate)
    ("Rebels captured Aleppo.", "capture", "2016-03-27", False),
]


@pytest.mark.parametrize(("text", "lemma", "value", "background"), DATING_CASES)
def test_background_and_main_event_dating(nlp, text, lemma, value, background):
    event = only([e for e in run(nlp, text) if e.trigger == lemma])
    assert (event.date.value if event.date else None) == value
    assert event.background is background


def test_publication_date_only_for_the_lead(nlp):
    text = ("Rebels attacked a convoy near Raqqa. Officials met in Geneva. "
            "Talks continued in the capital. Syrian forces have recaptured the city of Palmyra.")
    late = only([e for e in run(nlp, text) if e.trigger == "recapture"])
    assert late.date is None


def test_clause_on_a_timex_and_temporal_clause_inherit_the_date(nlp):
    text = ("Syrian forces recaptured Palmyra from ISIS last March, after it was seized in May 2015, "
            "when ISIS started demolishing ancient ruins in the city.")
    events = {e.trigger: e for e in run(nlp, text)}
    assert events["recapture"].date.value == "2015-03"
    assert events["seize"].date.value == "2015-05"
    assert events["seize"].place.place.geonameid == 163808
    assert events["demolish"].date.value == "2015-05"


PLACE_CASES = [
    ("Syrian forces drove ISIS militants from Palmyra on Sunday.", "drive", 163808),
    ("Palmyra was seized from regime forces by ISIS in December.", "seize", 163808),
    ("Jets bombed targets near Aleppo on Sunday.", "bomb", 170063),
    ("Rebels entered Aleppo on Sunday. Fighters captured the city after a battle.", "capture", 170063),
    ("Rebels attacked a checkpoint on Sunday.", "attack", None),
]


@pytest.mark.parametrize(("text", "lemma", "geonameid"), PLACE_CASES)
def test_event_place(nlp, text, lemma, geonameid):
    event = only([e for e in run(nlp, text) if e.trigger == lemma])
    assert (event.place.place.geonameid if event.place else None) == geonameid


def test_participle_describing_an_event_is_folded_into_it(nlp):
    events = run(nlp, "A suicide bomber killed 22 people on Sunday in an attack targeting a wedding in Aleppo.")
    assert [e.type for e in events] == ["KILL"]
    assert events[0].date.value == "2016-03-27"


def test_event_noun_with_a_place_is_an_event_but_a_bare_reference_is_not(nlp):
    assert [e.trigger for e in run(nlp, "Victims of a chemical attack in Aleppo showed symptoms.")] == ["attack"]
    assert run(nlp, "Victims of the attack showed symptoms.") == []


def test_participants_have_roles(nlp):
    event = only(run(nlp, "Palmyra was seized from regime forces by ISIS in December."))
    assert ("agent", "ISIS") in [(role, m.text) for role, m in event.participants]


NOT_EVENTS = [
    "The minister said the talks were useful.",
    "Government forces took part in the ceremony.",
    "Palmyra is seen as strategically important to both sides.",
    "Aleppo is around 225 kilometers from Raqqa.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_reporting_verbs_and_states_are_not_events(nlp, text):
    assert run(nlp, text) == []


def test_headline_in_present_tense_is_the_days_news(nlp):
    text = "Rebels capture Aleppo, activists say\n\nThe fighting lasted three weeks."
    event = only([e for e in run(nlp, text, title="Rebels capture Aleppo, activists say") if e.trigger == "capture"])
    assert event.date.value == "2016-03-27"
    assert sources(event) == ["activists"]


def test_ids_and_offsets_point_into_the_text(nlp):
    text = "Rebels attacked Aleppo on Sunday."
    event = only(run(nlp, text))
    assert event.id == f"t:{event.trigger_start}"
    assert text[event.trigger_start : event.trigger_end] == "attacked"
    assert text[event.sentence_start : event.sentence_end] == text


def test_no_publication_date_means_no_inferred_date(nlp):
    event = only(run(nlp, "Syrian forces have recaptured the city of Palmyra.", published=None))
    assert event.date is None


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Attack!", "\"\"\" 40 50 60 ...", "killed killed killed"])
def test_odd_inputs_do_not_break_extraction(nlp, text):
    events = run(nlp, text)
    assert all(0 <= e.trigger_start < e.trigger_end <= len(text) for e in events)


def test_misaligned_upstream_records_are_ignored(nlp):
    text = "Rebels recaptured the town on Sunday."
    article = Article(id="t", text=text, published=PUBLISHED)
    bad = [Timex(500, 510, "nowhere", "DATE", "2016-01-01")]
    events = extract(nlp(text), article, bad, [], [])
    assert [e.trigger for e in events] == ["recapture"]
    # the misaligned timex is not used; the lead, left without a time expression, is the day's news
    assert (events[0].date.value, events[0].date.approximate) == (PUBLISHED.isoformat(), True)


def test_reported_control_change_shares_the_days_date_but_narration_does_not(nlp):
    text = ("Rebels captured Aleppo on Sunday, activists said. Fighting was heavy. "
            "The Observatory confirmed that the rebels took the city. "
            "Rebels once seized Aleppo after a long siege.")
    dates = {e.trigger: (e.date.value if e.date else None) for e in run(nlp, text) if e.type == "CAPTURE"}
    assert dates == {"capture": "2016-03-27", "take": "2016-03-27", "seize": None}


def test_open_complement_takes_the_date_of_its_verb(nlp):
    event = only(run(nlp, "On Saturday, rebels began to attack Aleppo."))
    assert event.date.value == "2016-03-26"
    assert event.modality == "asserted"


@pytest.mark.parametrize(("text", "type_"), [
    ("Aleppo was hit by a massive earthquake on Sunday.", "DISASTER"),
    ("Aleppo was hit by airstrikes on Sunday.", "ASSAULT"),
])
def test_natural_hazards_are_disasters_not_assaults(nlp, text, type_):
    assert only(run(nlp, text)).type == type_


def test_statement_that_reports_another_event_is_only_attribution(nlp):
    events = run(nlp, "The army announced that it had captured Aleppo on Sunday.")
    assert [e.type for e in events] == ["CAPTURE"]
    assert sources(events[0]) == ["army"]
    assert only(run(nlp, "The army announced a new strategy on Sunday.")).type == "STATEMENT"


NARRATIVE_CASES = [
    # (text, trigger lemma, date value or None, background): the narrative's reference time
    ("Jets struck Raqqa on Saturday. Twelve civilians were killed.", "kill", "2016-03-26", False),
    ("Jets struck Raqqa on Saturday. Talks continued.\n\nRebels captured Aleppo.", "capture", None, False),
    ("ISIS captured Palmyra in May 2015. The group killed dozens of residents.", "kill", "2015-05", True),
    ("ISIS captured Palmyra in May 2015. It killed dozens of residents.", "kill", "2015-05", True),
    ("ISIS captured Palmyra in May 2015. ISIS killed dozens of residents.", "kill", "2015-05", True),
    # a flashback does not carry on to an event with new participants: the present resumes
    ("ISIS captured Palmyra in May 2015. Rebel leaders rejected the offer.", "reject", None, False),
    ("Jets struck Raqqa on Saturday. Rebels had captured Aleppo.", "capture", None, True),
    ("Jets struck Raqqa on Saturday. Rebels will attack Aleppo.", "attack", None, False),
    ("Jets struck Raqqa on Saturday. Rebels once seized Aleppo.", "seize", None, False),
    ("Jets struck Raqqa. Rebels captured Aleppo on Sunday, activists said.", "strike", "2016-03-27", False),
    ("Jets struck Raqqa. Rebels captured Aleppo in May 2015.", "strike", None, False),
    ("Talks resume on Monday. Rebels attacked Aleppo.", "attack", None, False),
]


@pytest.mark.parametrize(("text", "lemma", "value", "background"), NARRATIVE_CASES)
def test_undated_simple_past_takes_the_narrative_reference_time(nlp, text, lemma, value, background):
    event = only([e for e in run(nlp, text) if e.trigger == lemma])
    assert (event.date.value if event.date else None) == value
    assert event.background is background
    if value is not None:
        assert event.date.approximate  # inferred from the narrative, not stated
