"""Reads ECB+ (Cybulska & Vossen 2014) XML: tokens, event mentions and their coreference chains.

Event mentions are the markables tagged ACTION_* or NEG_ACTION_*; a mention's gold chain is the
CROSS_DOC_COREF instance it belongs to, else its INTRA_DOC_COREF chain, else it is a singleton.
Only sentences listed in ``ECBplus_coreference_sentences.csv`` are evaluated (as in the
literature).
"""

from __future__ import annotations

import csv
import logging
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

LOGGER = logging.getLogger(__name__)

SENTENCES_FILE = "ECBplus_coreference_sentences.csv"
_DOC_NAME = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")


@dataclass(frozen=True)
class GoldMention:
    """One gold event mention: document, sentence, token positions in the sentence, chain."""

    doc: str
    sentence: int
    positions: tuple[int, ...]
    tag: str
    chain: str

    @property
    def id(self) -> str:
        """Unique id of the mention."""
        return f"{self.doc}:{self.sentence}:{'-'.join(map(str, self.positions))}"


@dataclass(frozen=True)
class EcbDocument:
    """One ECB+ document: sentences of tokens and its (evaluated) gold event mentions."""

    name: str
    topic: str
    subtopic: str
    sentences: dict[int, list[str]]
    mentions: tuple[GoldMention, ...]


def find_sentences_file(data_dir: Path) -> Path | None:
    """The validated-sentences CSV in the data folder or one of its parents."""
    for folder in (data_dir, *data_dir.parents):
        candidates = list(folder.glob(SENTENCES_FILE)) + list(folder.glob(f"*/{SENTENCES_FILE}"))
        if candidates:
            return candidates[0]
    return None


def read_validated_sentences(path: Path) -> set[tuple[str, str, int]]:
    """(topic, file stem such as '10ecbplus', sentence number) of every validated sentence."""
    with path.open(newline="", encoding="utf-8") as handle:
        return {(row["Topic"], row["File"], int(row["Sentence Number"])) for row in csv.DictReader(handle)}


def read_document(path: Path, validated: set[tuple[str, str, int]] | None) -> EcbDocument | None:
    """Parse one document; keep only mentions in validated sentences (all when ``validated`` is None)."""
    match = _DOC_NAME.match(path.name)
    if not match:
        return None
    topic, number, kind = match.groups()
    root = ElementTree.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    where: dict[str, tuple[int, int]] = {}
    for token in root.iter("token"):
        sentence = int(token.get("sentence", "0"))
        words = sentences.setdefault(sentence, [])
        where[token.get("t_id", "")] = (sentence, len(words))
        words.append(token.text or "_")
    chain_of: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else ():
        if relation.tag == "CROSS_DOC_COREF":
            chain = relation.get("note") or f"{path.name}:{relation.get('r_id')}"
        elif relation.tag == "INTRA_DOC_COREF":
            chain = f"{path.name}:{relation.get('r_id')}"
        else:
            continue
        for source in relation.findall("source"):
            chain_of[source.get("m_id", "")] = chain
    mentions = []
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        if not markable.tag.startswith(("ACTION", "NEG_ACTION")):
            continue
        anchors = [where[a.get("t_id", "")] for a in markable.findall("token_anchor") if a.get("t_id") in where]
        if not anchors:
            continue  # an instance descriptor, not a mention
        sentence = anchors[0][0]
        if validated is not None and (topic, f"{number}{kind}", sentence) not in validated:
            continue
        m_id = markable.get("m_id", "")
        chain = chain_of.get(m_id, f"{path.name}:singleton:{m_id}")
        positions = tuple(sorted(position for s, position in anchors if s == sentence))
        mentions.append(GoldMention(path.name, sentence, positions, markable.tag, chain))
    unique = {mention.id: mention for mention in mentions}  # doubly annotated tokens count once
    return EcbDocument(path.name, topic, f"{topic}{kind}", sentences, tuple(unique.values()))


def read_corpus(data_dir: Path, topics: set[str] | None, validated: set[tuple[str, str, int]] | None) -> list[EcbDocument]:
    """Every document of the selected topics, in a stable order."""
    documents = []
    for path in sorted(data_dir.glob("*/*.xml"), key=lambda p: (int(p.parent.name) if p.parent.name.isdigit() else 0, p.name)):
        if topics is not None and path.parent.name not in topics:
            continue
        document = read_document(path, validated)
        if document is not None:
            documents.append(document)
    return documents
