"""``report.html``: one self-contained page that works offline (inline CSS, JS, data and world map).

The page is rendered server-side with Jinja2 (autoescape on: article text is untrusted input);
scripts only filter what is already on the page and draw the map. A Content-Security-Policy
forbids every network request and allows only the page's own scripts (by SHA-256 hash), so a
missed escape could still not run injected code or load anything.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from storyline.export.report_view import build_view
from storyline.export.run_summary import summarize_run

LOGGER = logging.getLogger(__name__)

VENDOR_SCRIPTS: tuple[str, ...] = ("d3-array.min.js", "d3-geo.min.js", "topojson-client.min.js")
WORLD_TOPOLOGY: str = "countries-110m.json"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _package_text(folder: str, name: str) -> str:
    return resources.files("storyline.export").joinpath(folder, name).read_text(encoding="utf-8")


def render_report(contract: dict[str, Any], run_report: dict[str, Any], title: str) -> str:
    """The HTML text of the report for a ``storyline/1`` contract dict and the pipeline's run report."""
    view = build_view(contract)
    scripts = [_inline_script(_package_text("assets", name)) for name in VENDOR_SCRIPTS]
    scripts.append(_inline_script(_package_text("templates", "report.js")))
    template = _environment().get_template("report.html")
    return template.render(
        title=title,
        generated=contract["generated"],
        format=contract["format"],
        view=view,
        run=summarize_run(run_report),
        css=Markup(_package_text("templates", "report.css")),
        scripts=[Markup(script) for script in scripts],
        script_hashes=Markup(" ".join(f"'sha256-{_sha256(script)}'" for script in scripts)),
        map_data=Markup(safe_json(view["map"])),
        world=Markup(_world_json()),
    )


@lru_cache(maxsize=1)
def _world_json() -> str:
    """The bundled TopoJSON world, compacted and made safe to sit inside a script element."""
    return safe_json(json.loads(_package_text("assets", WORLD_TOPOLOGY)))


def safe_json(value: Any) -> str:
    """JSON that cannot close its ``<script>`` element or open an HTML comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def _inline_script(code: str) -> str:
    """Script source that cannot end its element early."""
    return code.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def _sha256(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
