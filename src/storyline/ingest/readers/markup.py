"""HTML fragments (feed entries, HTML inside JSON/CSV fields) to plain text."""

from __future__ import annotations

import logging
import re

LOGGER = logging.getLogger(__name__)

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_TAG = re.compile(
    r"<(?:p|div|br|span|a|b|i|em|strong|article|html|body|h[1-6]|li|ul|img)[\s>/]", re.IGNORECASE
)


def looks_like_html(text: str) -> bool:
    """True when a field value holds HTML markup rather than plain text."""
    return "<" in text and _TAG.search(text[:4096]) is not None


def html_to_text(html: str) -> str:
    """Text of an HTML fragment, one paragraph per line (blank line between paragraphs)."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError) as error:
        LOGGER.debug("not parseable as HTML (%s); kept as text", error)
        return html
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
