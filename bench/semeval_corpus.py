"""Reading and writing SemEval-2015 Task 4 (TimeLine) data: corpus layouts, TimeML texts, timelines.

Two layouts are recognised (``find_layout``):

- evaluation corpora (``corpus_1``...): ``list_target_entities_*.txt``, raw texts in
  ``corpus_trackA_TimeML``, gold timelines in ``TimeLines_Gold_Standard/<entity>.txt``;
- the trial release (Apple): texts in ``Corpus-trial-data_task4_TimeML``, gold timelines in
  ``TimeLines_trial_data_task4_v1.2`` (the target entities are the gold files' first lines).

Texts are read from the ``<s id="N">`` elements of the TimeML ``<TEXT>``: each sentence is one line
of space-separated tokens, and any inline annotation (the trial files carry EVENT/TIMEX3 tags) is
dropped, so only the raw tokens are used. Event ids in timelines are ``DOCID-SENT-WORD`` with the
sentence number of the ``<s id>`` attribute and the event's token text as written (several tokens
joined by ``_``).

A timeline file: first line the target entity, then one line per event (or set of coreferent
events): ``position<TAB>anchor<TAB>event id[<TAB>event id...]``; anchor ``YYYY-MM-DD``,
``YYYY-MM(-XX)``, ``YYYY(-XX-XX)`` or ``XXXX-XX-XX``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

_S_RE = re.compile(r'<s\s+id="(\d+)"[^>]*>(.*?)</s>', re.S)
_TAG_RE = re.compile(r"<[^>]+>")
_DCT_RE = re.compile(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})')
_DOCID_RE = re.compile(r"<DOCID>\s*([^<\s]+)\s*</DOCID>")


@dataclass(frozen=True)
class Sentence:
    """One ``<s>`` of a TimeML text: its number and its tokens."""

    number: int
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class TimelineDoc:
    """A raw TimeML document: id, creation date and tokenised sentences."""

    doc_id: str
    dct: dt.date | None
    sentences: tuple[Sentence, ...]
    name: str = ""


@dataclass(frozen=True)
class Entry:
    """One line of a timeline: position, anchor and the (coreferent) event ids."""

    position: int
    anchor: str
    events: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    """The timeline of one target entity."""

    entity: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Layout:
    """Where the texts, the gold timelines and the target entities of a corpus are."""

    texts: Path
    gold: Path | None
    entities: tuple[str, ...]


def find_layout(folder: Path, texts: Path | None = None, gold: Path | None = None) -> Layout:
    """Detect the corpus layout of ``folder``; ``texts``/``gold`` override the detected folders."""
    if texts is None:
        for name in ("corpus_trackA_TimeML", "Corpus-trial-data_task4_TimeML"):
            if (folder / name).is_dir():
                texts = folder / name
                break
        else:
            raise FileNotFoundError(f"no TimeML text folder in {folder}")
    if gold is None:
        for name in ("TimeLines_Gold_Standard", "TimeLines_trial_data_task4_v1.2"):
            if (folder / name).is_dir():
                gold = folder / name
                break
    lists = sorted(folder.glob("list_target_entities*.txt"))
    if lists:
        entities = tuple(line.strip() for line in lists[0].read_text(encoding="utf-8-sig").splitlines() if line.strip())
    elif gold is not None:
        entities = tuple(read_timeline(path).entity for path in sorted(gold.glob("*.txt")))
    else:
        raise FileNotFoundError(f"no target entity list and no gold timelines in {folder}")
    return Layout(texts=texts, gold=gold, entities=entities)


def read_document(path: Path) -> TimelineDoc:
    """Read one TimeML file of the task (raw tokens only; inline tags are discarded)."""
    raw = path.read_text(encoding="utf-8")
    doc_id_match = _DOCID_RE.search(raw)
    doc_id = doc_id_match.group(1) if doc_id_match else re.split(r"[-_]", path.stem, maxsplit=1)[0]
    dct_match = _DCT_RE.search(raw)
    dct = dt.date.fromisoformat(dct_match.group(1)) if dct_match else None
    body = raw.split("<TEXT>", 1)[-1]
    sentences = []
    for match in _S_RE.finditer(body):
        text = html.unescape(_TAG_RE.sub("", match.group(2)))
        tokens = tuple(text.split())
        if tokens:
            sentences.append(Sentence(int(match.group(1)), tokens))
    return TimelineDoc(doc_id=doc_id, dct=dct, sentences=tuple(sentences), name=path.name)


def read_documents(folder: Path) -> list[TimelineDoc]:
    """All ``.tml`` documents of a folder, sorted by file name."""
    return [read_document(path) for path in sorted(folder.glob("*.tml"))]


def file_name(entity: str) -> str:
    """The task's timeline file name for an entity: lower case, spaces to underscores."""
    return re.sub(r"\s+", "_", entity.strip().lower()) + ".txt"


def read_timeline(path: Path) -> Timeline:
    """Parse a timeline file (tolerates blank lines and extra spaces)."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    entity = lines[0].strip() if lines else path.stem
    entries = []
    for line in lines[1:]:
        fields = [f.strip() for f in line.split("\t") if f.strip()]
        if len(fields) < 3 or not fields[0].lstrip("-").isdigit():
            continue
        entries.append(Entry(int(fields[0]), fields[1], tuple(fields[2:])))
    return Timeline(entity, tuple(entries))


def write_timeline(timeline: Timeline, folder: Path) -> Path:
    """Write a timeline in the task's format; returns the file written."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(timeline.entity)
    lines = [timeline.entity]
    lines += ["\t".join((str(e.position), e.anchor, *e.events)) for e in timeline.entries]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
