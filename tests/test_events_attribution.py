"""Regression: governing reporting cues that point at each other must not loop forever.

"said" (root) has a paratactic "claimed" whose complement holds the event: the cue governing
"claimed" is "said" (parataxis is a governed relation), and the cue governing "said" is its
paratactic sibling "claimed" again. Without subjects no source is added to the chain, so only the
visited set in ``Attributor.read`` stops the walk. The parse is built by hand so that the cycle
does not depend on the statistical parser.
"""

from __future__ import annotations

import datetime as dt
import threading

from spacy.tokens import Doc
from spacy.vocab import Vocab

from storyline.events.attribution import Attributor, governing_cue
from storyline.events.document import DocumentView
from storyline.model import Article

WORDS = ["Said", ",", "claimed", "that", "troops", "attacked", "the", "town", "."]
SPACES = [False, True, True, True, True, True, True, False, False]
HEADS = [0, 0, 0, 5, 5, 2, 7, 5, 0]
DEPS = ["ROOT", "punct", "parataxis", "mark", "nsubj", "ccomp", "det", "dobj", "punct"]
POS = ["VERB", "PUNCT", "VERB", "SCONJ", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
TAGS = ["VBD", ",", "VBD", "IN", "NNS", "VBD", "DT", "NN", "."]
LEMMAS = ["say", ",", "claim", "that", "troop", "attack", "the", "town", "."]


def _doc() -> Doc:
    return Doc(Vocab(), words=WORDS, spaces=SPACES, heads=HEADS, deps=DEPS, pos=POS, tags=TAGS, lemmas=LEMMAS)


def test_the_hand_built_parse_has_a_cue_cycle():
    doc = _doc()
    said, claimed = doc[0], doc[2]
    assert governing_cue(doc[5]) is not None and governing_cue(doc[5]).i == claimed.i
    assert governing_cue(claimed).i == said.i and governing_cue(said).i == claimed.i


def test_attribution_terminates_on_a_cycle_of_governing_cues():
    doc = _doc()
    article = Article(id="cycle", text=doc.text, published=dt.date(2016, 3, 27))
    view = DocumentView.build(doc, article, [], [], [])
    result = []
    worker = threading.Thread(target=lambda: result.append(Attributor(view).read(doc[5])), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "Attributor.read loops on a cycle of governing cues"
    assert result and result[0].reported and result[0].cue.i == 2
