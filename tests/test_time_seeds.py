"""Every ``timex`` fact of the seed gold file is produced, with and without a spaCy parse."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.time import tag


@pytest.mark.parametrize("with_doc", [True, False], ids=["parse", "heuristic"])
def test_seed_timex_facts(seed_gold, seed_manifest, seed_texts, nlp, with_doc: bool) -> None:
    """Each gold timex appears with its text, value and (when given) type and mod."""
    missing = []
    tagged = {
        name: tag(text, dt.date.fromisoformat(seed_manifest[name]["published"]), nlp(text) if with_doc else None)
        for name, text in seed_texts.items()
    }
    for fact in seed_gold["timex"]:
        found = tagged[fact["file"]]
        hits = [
            t for t in found
            if t.text == fact["text"] and t.value == fact["value"]
            and t.type == fact.get("type", t.type) and t.mod == fact.get("mod")
        ]
        if not hits:
            missing.append((fact["text"], fact["value"], [(t.text, t.value) for t in found]))
    assert not missing


def test_previous_may_is_anchored_on_reference_time(seed_texts, seed_manifest) -> None:
    """"the previous May" follows "last March" (2016-03), so it is 2015-05 and anchored on "ref"."""
    name = "000_a84132ea530cafa9.txt"
    found = tag(seed_texts[name], dt.date.fromisoformat(seed_manifest[name]["published"]))
    previous_may = next(t for t in found if t.text == "the previous May")
    assert (previous_may.value, previous_may.anchor) == ("2015-05", "ref")
    assert seed_texts[name][previous_may.start : previous_may.end] == "the previous May"


def test_negative_rule_drops_antiquity(seed_texts, seed_manifest) -> None:
    """"2,000-year-old ruins" is not a duration."""
    name = "003_bcf745aab0728cfb.txt"
    found = tag(seed_texts[name], dt.date.fromisoformat(seed_manifest[name]["published"]))
    assert not [t for t in found if "2,000" in t.text or "year-old" in t.text]
