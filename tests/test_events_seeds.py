"""The seed articles' gold events (E1..E6) from the event extractor.

``test_gold_events_from_gold_annotations`` feeds the extractor the gold timexes and places of
``gold.json`` (so it tests extraction alone); ``test_gold_events_end_to_end`` runs the real time,
place and entity taggers first.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from storyline.events import extract
from storyline.model import Article, EntityMention, EventMention, Place, PlaceMention, Timex

PALMYRA = 163808
MAX_MENTIONS_PER_SEED = 16
# Where the gold date is day-precise but an article only says the month ("last March").
ARTICLE_DATES = {("E3", "000_a84132ea530cafa9.txt"): "2016-03"}
ALIAS_TYPES = {"ISIS": "ORG", "Islamic State": "ORG", "Syrian Observatory for Human Rights": "ORG",
               "SOHR": "ORG", "Rami Abdulrahman": "PERSON", "Rami Abdel Rahman": "PERSON",
               "Bashar Assad": "PERSON", "Sky News": "ORG"}


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]


def _article(name: str, text: str, manifest: dict) -> Article:
    row = manifest[name]
    return Article(id=name.removesuffix(".txt"), text=text, title=row.get("title"), outlet=row["outlet"],
                   published=dt.date.fromisoformat(row["published"]))


def _gold_inputs(name: str, text: str, article_id: str, gold: dict) -> tuple[list, list, list]:
    """Timexes, places and entities of one seed built from gold.json."""
    timexes, taken = [], []
    for row in sorted((r for r in gold["timex"] if r["file"] == name), key=lambda r: -len(r["text"])):
        for start, end in _occurrences(text, row["text"]):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            timexes.append(Timex(start, end, text[start:end], row.get("type", "DATE"), row["value"], row.get("mod")))
    places = []
    for row in gold["places"]:
        kind = "admin1" if "administrative" in row.get("kind", "") else "city"
        place = Place(row.get("geonameid"), row.get("name", row["text"]), None, None, row["country"],
                      row.get("admin1"), kind)
        places += [PlaceMention(article_id, s, e, row["text"], place, 0.9) for s, e in _occurrences(text, row["text"])]
    entities = [EntityMention(article_id, s, e, alias, kind, alias.lower())
                for alias, kind in ALIAS_TYPES.items() for s, e in _occurrences(text, alias)]
    return sorted(timexes, key=lambda t: t.start), places, entities


def _check_gold(events_by_file: dict[str, list[EventMention]], texts: dict[str, str], gold: dict) -> None:
    """Every gold event has a mention in each of its sources with the right date and place."""
    for event in gold["events"]:
        for name in event["sources"]:
            mentions = events_by_file[name]
            want = ARTICLE_DATES.get((event["id"], name), event["date"])
            evidence = [e for e in event.get("evidence", []) if e in texts[name]]
            dated = [m for m in mentions if m.date is not None and m.date.value == want]
            candidates = dated
            if evidence:
                spans = [texts[name].index(e) for e in evidence]
                candidates = [m for m in candidates
                              if any(m.sentence_start <= s < m.sentence_end for s in spans)]
            assert candidates, (event["id"], name, [(m.trigger, m.date) for m in mentions])
            assert any(m.place and m.place.place and m.place.place.geonameid == PALMYRA for m in candidates), event["id"]
            if "figures" in event and name == "003_bcf745aab0728cfb.txt":
                figures = [f for m in dated for f in m.figures]
                for gold_figure in event["figures"]:
                    matching = [f for f in figures if f.value == gold_figure["value"]
                                and f.mod == gold_figure.get("mod")]
                    assert matching, (event["id"], gold_figure, figures)
                    source = gold_figure.get("attributed_to") or event.get("attributed_to")
                    assert any(source in _chain(f.attributed_to) for f in matching), (source, matching)
            if "attributed_to" in event and "figures" not in event:
                assert any(event["attributed_to"] in _chain(m.attribution) for m in candidates), event["id"]
    assert all(len(mentions) <= MAX_MENTIONS_PER_SEED for mentions in events_by_file.values())


def _chain(attribution) -> str:  # type: ignore[no-untyped-def]
    """All sources of an attribution chain as one string."""
    parts = []
    while attribution is not None:
        parts.append(attribution.source)
        attribution = attribution.via
    return " | ".join(parts)


def test_gold_events_from_gold_annotations(nlp, seed_texts, seed_manifest, seed_gold):
    events_by_file = {}
    for name, text in seed_texts.items():
        article = _article(name, text, seed_manifest)
        timexes, places, entities = _gold_inputs(name, text, article.id, seed_gold)
        events_by_file[name] = extract(nlp(text), article, timexes, places, entities)
    _check_gold(events_by_file, seed_texts, seed_gold)


def test_sohr_figure_is_relayed_by_sky_news(nlp, seed_texts, seed_manifest, seed_gold):
    name = "003_bcf745aab0728cfb.txt"
    text = seed_texts[name]
    article = _article(name, text, seed_manifest)
    events = extract(nlp(text), article, *_gold_inputs(name, text, article.id, seed_gold))
    figure = next(f for e in events for f in e.figures if f.value == 400)
    assert figure.attributed_to.source == "Syrian Observatory for Human Rights"
    assert figure.attributed_to.via is not None and figure.attributed_to.via.source == "Sky News"
    assert figure.what == "killed" and figure.mod == "APPROX"


def test_lead_event_is_main_news_and_background_is_flagged(nlp, seed_texts, seed_manifest, seed_gold):
    name = "000_a84132ea530cafa9.txt"
    text = seed_texts[name]
    article = _article(name, text, seed_manifest)
    events = extract(nlp(text), article, *_gold_inputs(name, text, article.id, seed_gold))
    by_date = {e.date.value: e for e in events if e.date and e.type == "CAPTURE"}
    assert by_date["2017-03-02"].background is False
    assert by_date["2016-12"].background is True and by_date["2015-05"].background is True


def test_gold_events_end_to_end(nlp, seed_texts, seed_manifest, seed_gold):
    time = pytest.importorskip("storyline.time")
    geo = pytest.importorskip("storyline.geo")
    try:
        from storyline.entities import tag_entities
    except ImportError:
        tag_entities = None
    events_by_file = {}
    for name, text in seed_texts.items():
        article = _article(name, text, seed_manifest)
        doc = nlp(text)
        timexes = time.tag(text, article.published, doc)
        places = geo.tag_places(doc, article.id)
        entities = tag_entities(doc, article.id, places) if tag_entities else []
        events_by_file[name] = extract(doc, article, timexes, places, entities)
    _check_gold(events_by_file, seed_texts, seed_gold)
