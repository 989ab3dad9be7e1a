"""storyline: turn news articles into the sourced, dated, placed timeline they tell."""

__version__ = "0.1.0"
