"""Reader for NewsReader MEANTIME documents (CAT XML): text, event mentions, time anchors, coreference.

The XML holds tokens, not raw text: the text is rebuilt with a small detokeniser and every token's
character span recorded, so gold markables map to character offsets in the rebuilt text. Only the
first sentences of each document are annotated; ``annotated_until`` is the last annotated sentence.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

LOGGER = logging.getLogger(__name__)

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€"}
DOUBLE_QUOTES = {'"', "``", "''"}
# TLINK types that place an event inside (or at) a time expression, by direction.
EVENT_IN_TIMEX = {"IS_INCLUDED", "SIMULTANEOUS", "DURING"}
TIMEX_AROUND_EVENT = {"INCLUDES", "SIMULTANEOUS", "DURING_INV"}
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class GoldEvent:
    """One gold event mention: its character span, time anchor (if any) and cross-doc instance."""

    m_id: str
    start: int
    end: int
    sentence: int
    anchor: str | None
    instance: str | None


@dataclass
class MeantimeDoc:
    """A MEANTIME document rebuilt as text, with its gold event mentions."""

    doc_id: str
    corpus: str
    text: str
    published: dt.date | None
    sentence_spans: list[tuple[int, int]] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    annotated_until: int = 0

    def annotated_end(self) -> int:
        """Character offset where the annotated part of the text ends."""
        if not self.sentence_spans:
            return 0
        return self.sentence_spans[min(self.annotated_until, len(self.sentence_spans) - 1)][1]


def find_documents(folder: Path) -> list[Path]:
    """MEANTIME XML files under a folder; prefers the cross-document annotation when both exist."""
    cross = folder / "intra_cross-doc_annotation"
    root = cross if cross.is_dir() else folder
    return sorted(root.rglob("*.xml"))


def read(path: Path) -> MeantimeDoc:
    """Parse one CAT XML document."""
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    text, spans, sentence_of = _detokenise(tokens)
    markables = root.find("Markables")
    relations = root.find("Relations")
    timex_values: dict[str, str] = {}
    published = None
    for timex in markables.findall("TIMEX3") if markables is not None else []:
        timex_values[timex.get("m_id")] = timex.get("value", "")
        if timex.get("functionInDocument") == "CREATION_TIME":
            published = _date(timex.get("value", ""))
    anchors = _anchors(relations, timex_values)
    instances = _instances(markables, relations)
    events, last_sentence = [], 0
    for markable in list(markables) if markables is not None else []:
        ids = [a.get("t_id") for a in markable.findall("token_anchor")]
        if ids:
            last_sentence = max(last_sentence, max(sentence_of[t] for t in ids))
        if markable.tag != "EVENT_MENTION" or not ids:
            continue
        start = min(spans[t][0] for t in ids)
        end = max(spans[t][1] for t in ids)
        m_id = markable.get("m_id")
        events.append(GoldEvent(m_id, start, end, sentence_of[ids[0]], anchors.get(m_id), instances.get(m_id)))
    sentence_spans = _sentence_spans(spans, sentence_of)
    return MeantimeDoc(root.get("doc_id", path.stem), path.parent.name, text, published,
                       sentence_spans, events, last_sentence)


def _detokenise(tokens: list[ET.Element]) -> tuple[str, dict[str, tuple[int, int]], dict[str, int]]:
    """Rebuild text from tokens; the title and dateline become their own paragraphs."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    length = 0
    previous_sentence = None
    previous_text = ""
    open_quote = False
    for token in tokens:
        word = token.text or ""
        sentence = int(token.get("sentence", "0"))
        if previous_sentence is None:
            sep = ""
        elif sentence != previous_sentence:
            sep = "\n\n" if previous_sentence < 2 else " "
        elif word in NO_SPACE_BEFORE or previous_text in NO_SPACE_AFTER:
            sep = ""
        elif word in DOUBLE_QUOTES:
            sep = "" if open_quote else " "
        elif previous_text in DOUBLE_QUOTES and open_quote:
            sep = ""
        else:
            sep = " "
        if word in DOUBLE_QUOTES:
            open_quote = not open_quote
        parts.append(sep)
        length += len(sep)
        spans[token.get("t_id")] = (length, length + len(word))
        sentence_of[token.get("t_id")] = sentence
        parts.append(word)
        length += len(word)
        previous_sentence, previous_text = sentence, word
    return "".join(parts), spans, sentence_of


def _sentence_spans(spans: dict[str, tuple[int, int]], sentence_of: dict[str, int]) -> list[tuple[int, int]]:
    """Character span of each sentence, by sentence number."""
    bounds: dict[int, tuple[int, int]] = {}
    for t_id, (start, end) in spans.items():
        sentence = sentence_of[t_id]
        low, high = bounds.get(sentence, (start, end))
        bounds[sentence] = (min(low, start), max(high, end))
    return [bounds[i] for i in sorted(bounds)]


def _anchors(relations: ET.Element | None, timex_values: dict[str, str]) -> dict[str, str]:
    """Event mention id -> date value of the timex it is included in (dated values only)."""
    anchors: dict[str, str] = {}
    for link in relations.findall("TLINK") if relations is not None else []:
        source = link.find("source").get("m_id")  # type: ignore[union-attr]
        target = link.find("target").get("m_id")  # type: ignore[union-attr]
        reltype = link.get("reltype", "")
        if target in timex_values and reltype in EVENT_IN_TIMEX:
            event, timex = source, target
        elif source in timex_values and reltype in TIMEX_AROUND_EVENT:
            event, timex = target, source
        else:
            continue
        value = timex_values[timex]
        if DATE_VALUE.match(value) and event not in timex_values:
            anchors.setdefault(event, value)
    return anchors


def _instances(markables: ET.Element | None, relations: ET.Element | None) -> dict[str, str]:
    """Event mention id -> cross-document instance id (REFERS_TO an EVENT with an instance_id)."""
    instance_of_target: dict[str, str] = {}
    for event in markables.findall("EVENT") if markables is not None else []:
        instance_of_target[event.get("m_id")] = event.get("instance_id") or f"local:{event.get('m_id')}"
    found: dict[str, str] = {}
    for link in relations.findall("REFERS_TO") if relations is not None else []:
        target = link.find("target")
        if target is None or target.get("m_id") not in instance_of_target:
            continue
        for source in link.findall("source"):
            found[source.get("m_id")] = instance_of_target[target.get("m_id")]
    return found


def _date(value: str) -> dt.date | None:
    """A TIMEX3 day value as a date."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
