"""report.html in a real browser (headless Chromium via Playwright): renders, filters, draws the map,
makes no network request and runs no injected script."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.export import write_all

from fixtures.export import sample_timeline

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("browser")
    run_report = {"counts": {"in": 3, "stored": 3, "rejected": 0, "duplicates": 0}}
    return write_all(sample_timeline.build_timeline(), run_report, outdir)["report.html"]


def test_report_renders_offline_in_chromium(report: Path) -> None:
    requests: list[str] = []
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1400})
            page.on("request", lambda request: requests.append(request.url))
            page.on(
                "console", lambda message: problems.append(message.text) if message.type == "error" else None
            )
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("dialog", lambda dialog: (problems.append("dialog: " + dialog.message), dialog.dismiss()))
            page.goto(report.as_uri())
            page.wait_for_selector("#map[data-drawn]")

            assert int(page.get_attribute("#map", "data-drawn")) > 100  # country outlines drawn
            assert page.locator("#map path.country").count() > 100
            assert page.locator("#map circle.marker").count() == 1
            assert page.locator("article.event:visible").count() == 7
            assert page.inner_text("#f-count") == "showing 7 of 7 events"

            page.fill("#f-text", "sorties")
            assert page.locator("article.event:visible").count() == 1
            page.click("#f-reset")
            page.select_option("#f-outlet", "CNN")
            assert page.locator("article.event:visible").count() == 5  # E1, E3, E4, E5, E6
            page.click("#f-reset")
            page.fill("#f-from", "2017-01-01")
            visible = page.eval_on_selector_all("article.event:not(.hidden)", "els => els.map(e => e.id)")
            assert visible == ["event-E5", "event-E6", "event-U1"]  # undated events ignore the date range
            page.click("#f-reset")
            page.click("#map circle.marker")
            assert page.input_value("#f-place") == "place:163808"
            assert page.locator("article.event:visible").count() == 6
            assert page.locator("#map text.label").first.text_content() == "Tadmur"
            page.click("#map-toggle")  # whole world: still one marker, outline redrawn
            assert page.locator("#map circle.marker").count() == 1
            assert page.locator("#map path.country").count() > 100
        finally:
            browser.close()
    assert problems == []
    assert requests and all(url.startswith("file://") for url in requests), requests
