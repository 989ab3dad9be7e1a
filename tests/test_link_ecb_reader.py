"""The ECB+ reader and feature builder of the benchmark harness, on hand-written XML."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
FIXTURE = Path(__file__).parent / "fixtures" / "link" / "ecb_tiny"
# The hand-written documents are stored under neutral names and laid out as ECB+ at test time.
ECB_NAMES = {"1_1.xml.in": "1_1ecb.xml", "1_1plus.xml.in": "1_1ecbplus.xml"}


def _load(name: str):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


ecb_corpus = _load("ecb_corpus")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny corpus in the ECB+ layout (topic folder 1, sentence list at the top)."""
    root = tmp_path_factory.mktemp("ecb_tiny")
    shutil.copy(FIXTURE / "ECBplus_coreference_sentences.csv", root)
    (root / "1").mkdir()
    for stored, name in ECB_NAMES.items():
        shutil.copy(FIXTURE / "1" / stored, root / "1" / name)
    return root


def test_reader_keeps_validated_event_mentions_and_their_chains(tiny):
    validated = ecb_corpus.read_validated_sentences(ecb_corpus.find_sentences_file(tiny))
    documents = {d.name: d for d in ecb_corpus.read_corpus(tiny, None, validated)}
    first = documents["1_1ecb.xml"]
    assert first.subtopic == "1ecb" and documents["1_1ecbplus.xml"].subtopic == "1ecbplus"
    assert len(first.mentions) == 3  # sentence 2 ("slept") is not validated
    assert [m.tag for m in first.mentions if m.sentence == 1] == ["ACTION_OCCURRENCE", "ACTION_REPORTING"]
    by_sentence = {(m.sentence, m.positions): m.chain for m in first.mentions}
    assert by_sentence[(0, (1,))] == by_sentence[(1, (1,))] == "ACT1"
    assert by_sentence[(1, (3,))].endswith("singleton:3")
    second = documents["1_1ecbplus.xml"]
    assert len(second.mentions) == 1  # the doubly annotated token counts once
    assert second.mentions[0].chain == "1_1ecbplus.xml:7"


def test_without_validated_sentences_every_mention_is_kept(tiny):
    documents = {d.name: d for d in ecb_corpus.read_corpus(tiny, {"1"}, None)}
    assert len(documents["1_1ecb.xml"].mentions) == 4


def test_features_link_the_same_event_in_other_words(tiny, nlp):
    ecb_features = _load("ecb_features")
    documents = ecb_corpus.read_corpus(tiny, None, None)
    parsed = ecb_features.parse_documents(documents)
    entity_of_mention: dict = {}
    analysis, gold = ecb_features.to_analysis(documents[0], parsed, entity_of_mention)
    triggers = {m.trigger for m in analysis.events}
    assert {"capture", "announce", "sleep"} <= triggers
    for mention in analysis.events:
        text = analysis.article.text
        assert text[mention.trigger_start : mention.trigger_end].lower().startswith(mention.trigger[:3])
    assert set(gold) == {m.id for m in analysis.events}


def test_argument_heads_give_subject_object_and_by_phrase_roles():
    ecb_features = _load("ecb_features")
    # "Police arrested Smith ." : lemma, POS, dependency, head, entity tag
    tokens = [
        ("police", "NOUN", "nsubj", 1, "O"),
        ("arrest", "VERB", "ROOT", 1, "O"),
        ("smith", "PROPN", "dobj", 1, "B-PERSON"),
        (".", "PUNCT", "punct", 1, "O"),
    ]
    assert ecb_features.argument_heads(1, tokens) == [("agent", 0), ("patient", 2)]
    # "Smith was shot by a guard ." : passive subject is the patient, the by-phrase the agent
    passive = [
        ("smith", "PROPN", "nsubjpass", 2, "B-PERSON"),
        ("be", "AUX", "auxpass", 2, "O"),
        ("shoot", "VERB", "ROOT", 2, "O"),
        ("by", "ADP", "agent", 2, "O"),
        ("a", "DET", "det", 5, "O"),
        ("guard", "NOUN", "pobj", 3, "O"),
    ]
    assert sorted(ecb_features.argument_heads(2, passive)) == [("agent", 5), ("patient", 0)]


def test_parse_cache_is_keyed_by_sentences_not_by_file(tiny, nlp, tmp_path):
    ecb_features = _load("ecb_features")
    documents = ecb_corpus.read_corpus(tiny, None, None)
    cache = tmp_path / "parses.pkl"
    first = ecb_features.parse_documents(documents[:1], cache)
    assert {name for name, _ in first} == {documents[0].name}
    # the same cache file with more documents parses the missing ones instead of returning the first set
    both = ecb_features.parse_documents(documents, cache)
    assert both == ecb_features.parse_documents(documents)
    assert {name for name, _ in both} == {d.name for d in documents}
    # a sentence whose words changed (another folder, same file names) is parsed again
    changed = documents[0]
    number = sorted(changed.sentences)[0]
    changed.sentences[number] = ["Rebels"] + list(changed.sentences[number][1:])
    again = ecb_features.parse_documents([changed], cache)
    assert again[(changed.name, number)][0][0] == "rebel"
