"""The web UI in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

Screenshots are saved under the test's tmp_path and, when EVENTWIRE_SHOTS names a folder, copied there.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from webfixture import build_store, live_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("web") / "fx.duckdb")
    with live_server(db) as url:
        yield url


def shot(page, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if out := os.environ.get("EVENTWIRE_SHOTS"):
        Path(out).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(out) / path.name)
    assert path.stat().st_size > 5000
    return path


def new_page(browser, width=1280, height=900):
    page = browser.new_page(viewport={"width": width, "height": height})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"js error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    return page, problems


def test_filter_open_event_and_see_trigger(browser, site, tmp_path):
    page, problems = new_page(browser)
    page.goto(f"{site}/events")
    assert page.locator("table.events tbody tr").count() == 6
    page.fill("input[name=code]", "19")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?code=19*")
    assert "date_from" not in page.url  # empty fields are not sent
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("mark.trigger").inner_text() == "struck"
    shot(page, tmp_path, "events-filtered")

    rows.first.locator("a.code").click()
    page.wait_for_url("**/events/fx-strike/e1")
    assert page.locator("#event-sentence mark.trigger").inner_text() == "struck"
    shot(page, tmp_path, "event")

    page.click("#open-article")
    page.wait_for_url("**/articles/fx-strike?event=e1*")
    trigger = page.locator("#focus .ann.trigger").first
    assert trigger.inner_text() == "struck"
    assert trigger.get_attribute("data-code") == "195"
    assert trigger.get_attribute("data-modality") == "asserted"
    bg = trigger.evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")  # really highlighted
    trigger.hover()
    popover = page.locator("#popover")
    popover.wait_for(state="visible")
    text = popover.inner_text()
    assert "195" in text and "fx.195.strike" in text and "Material conflict" in text and "2024-03-04" in text
    shot(page, tmp_path, "article-popover")
    page.locator(".ann.place", has_text="Dohuk").first.click()
    assert "IQ" in popover.inner_text()
    assert problems == []


def test_hostile_article_is_inert_in_the_browser(browser, site, tmp_path):
    page, problems = new_page(browser)
    page.goto(f"{site}/articles/fx-xss")
    assert page.title() != "pwned"
    assert page.evaluate("document.querySelectorAll('article img, article script, article svg').length") == 0
    assert "<script>document.title='pwned'</script>" in page.locator("#article-body").inner_text()
    page.locator(".ann.trigger").first.hover()
    assert 'onerror="alert(1)"' in page.locator("#article-body").inner_text()
    assert "<script>rule</script>" in page.locator("#popover").inner_text()  # shown as text in the popover
    shot(page, tmp_path, "xss")
    page.goto(f"{site}/events")
    assert page.title() != "pwned"
    assert not [p for p in problems if p.startswith("dialog")]
    assert problems == []


def test_charts_and_phone_layout(browser, site, tmp_path):
    page, problems = new_page(browser)
    page.goto(f"{site}/timeline")
    assert page.locator("#timeline rect").count() >= 4
    shot(page, tmp_path, "timeline")
    page.goto(f"{site}/network")
    assert page.locator("#network circle").count() >= 6
    shot(page, tmp_path, "network")
    page.goto(f"{site}/map")
    assert page.locator("#map circle").count() == 2
    assert page.evaluate("document.querySelector('#map image').getBBox().width") > 0
    shot(page, tmp_path, "map")
    phone, phone_problems = new_page(browser, 390, 844)
    phone.goto(f"{site}/events")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 400  # no sideways scrolling
    shot(phone, tmp_path, "events-phone")
    phone.goto(f"{site}/articles/fx-strike?event=e1")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 400
    shot(phone, tmp_path, "article-phone")
    assert problems == [] and phone_problems == []


@pytest.fixture(scope="module")
def reference_site(tmp_path_factory, shared, pipeline):
    import eventwire
    from eventwire.store import Store

    seed = shared / "seed" / "000_80572a38002990f3.txt"
    rec = eventwire.process(seed.read_text(encoding="utf-8"), id="seed-reference", pipeline=pipeline)
    db = tmp_path_factory.mktemp("webref") / "ref.duckdb"
    with Store(db) as store:
        store.write([rec])
    with live_server(db) as url:
        yield url, rec


def test_reference_airstrike_in_the_browser(browser, reference_site, tmp_path):
    from eventwire.store.queries import make_uid
    from test_api_samples import airstrike

    url, rec = reference_site
    if not rec.events:
        pytest.skip("the event coder codes nothing on the reference page yet")
    ev = airstrike(rec)
    assert ev is not None
    page, problems = new_page(browser)
    page.goto(f"{url}/events")
    page.fill("input[name=q]", "airstrikes")
    page.select_option("select[name=quad_class]", "4")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=airstrikes*")
    href = "/events/" + quote(make_uid("seed-reference", ev.id))
    link = page.locator(f'a.code[href="{href}"]')
    assert link.count() == 1
    shot(page, tmp_path, "reference-events")
    link.click()
    page.wait_for_url(f"**{href}")
    assert "airstrikes" in page.locator("#event-sentence mark.trigger").inner_text()
    page.click("#open-article")
    trigger = page.locator("#focus .ann.trigger", has_text="airstrikes").first
    assert trigger.get_attribute("data-code") in ("195", "190")
    trigger.hover()
    page.locator("#popover").wait_for(state="visible")
    shot(page, tmp_path, "reference-article")
    assert problems == []
