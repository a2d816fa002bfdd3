"""The explorer in a real browser: Debian's Chromium driven by Playwright, against a server
process on a loopback port. Screenshots land in test-artifacts/screenshots/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).parent.parent / "test-artifacts" / "screenshots"
playwright = pytest.importorskip("playwright.sync_api")
if os.environ.get("BILATERAL_REQUIRE_BROWSER") and not Path(CHROMIUM).exists():
    raise RuntimeError(f"{CHROMIUM}: no Chromium, and BILATERAL_REQUIRE_BROWSER is set")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="needs Debian's chromium (.ci/run installs it)")
# Chromium, started as in a closed sandbox: no background connections to the outside.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, explorer):
    """A fresh page that records console errors, page errors and failed requests."""
    context = browser.new_context(base_url=explorer, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and page.problems.append(
        f"HTTP {r.status}: {r.url}"))
    yield page
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


PAGES = {"overview": "/", "timeline": "/timeline", "events": "/events",
         "event": "/events?importance=1", "entity": "/entities/heydar-aliyev",
         "entities": "/entities", "agreements": "/agreements",
         "infrastructure": "/infrastructure/btc-pipeline", "map": "/map",
         "network": "/network", "check": "/check", "docs": "/docs",
         "not-found": "/events/no-such-event"}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_without_console_errors(page, name):
    response = page.goto(PAGES[name], wait_until="networkidle")
    assert response.status == (404 if name == "not-found" else 200)
    assert page.locator("h1").first.inner_text().strip()
    if name == "not-found":  # the 404 itself is logged by the browser; nothing else may be
        page.problems = [p for p in page.problems
                         if "404" not in p and not p.endswith("/no-such-event")]
    shot(page, name)
    assert page.problems == []


def test_timeline_responds_to_a_click(page):
    page.goto("/timeline")
    page.wait_for_selector("#timeline[data-ready=true] .vis-item")
    everything = int(page.locator("#timeline-count").inner_text().split()[0])
    page.select_option("select[name=importance]", "1")
    milestones = int(page.locator("#timeline-count").inner_text().split()[0])
    assert 0 < milestones < everything
    item = page.locator(".vis-item.vis-point.importance-1").first
    title = item.inner_text().strip()
    item.click()
    page.locator("#timeline-detail").wait_for(state="visible")
    assert page.locator("#detail-title").inner_text() == title
    assert page.locator("#detail-link").get_attribute("href").startswith("/events/")
    page.uncheck("input[name=pillar][value=security]")
    assert int(page.locator("#timeline-count").inner_text().split()[0]) < milestones
    shot(page, "timeline-selected")
    page.locator("#detail-link").click()
    page.wait_for_url("**/events/*")
    assert page.locator("h1").inner_text() == title
    assert page.problems == []


def test_filters_change_the_table(page):
    page.goto("/events")
    before = int(page.locator("#count strong").inner_text())
    with page.expect_navigation():
        page.select_option("select[name=pillar]", "energy")  # applies on change
    after = int(page.locator("#count strong").inner_text())
    assert 0 < after < before
    tags = page.locator("table.events-table tbody tr").evaluate_all(
        "rows => rows.map(r => r.querySelector('td:nth-child(5)').innerText)")
    assert tags and all("energy" in t for t in tags)
    page.fill("input[name=search]", "pipeline")
    with page.expect_navigation():
        page.press("input[name=search]", "Enter")
    narrowed = int(page.locator("#count strong").inner_text())
    assert 0 < narrowed < after
    assert "pillar=energy" in page.url and "search=pipeline" in page.url
    assert "kind=" not in page.url  # empty fields stay out of the shared URL
    with page.expect_navigation():
        page.click("th >> text=Date")  # sort by date, descending after ascending
    dates = page.locator("table.events-table time").evaluate_all(
        "els => els.map(e => e.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True)
    shot(page, "events-filtered")
    assert page.problems == []


def test_checker_form_round_trips(page):
    page.goto("/check")
    page.fill("#text", "Vladimir Putin visited Baku in January 2001. "
                       "Heydar Aliyev met Vladimir Putin in 2010.")
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.wait_for_selector("#result")
    assert page.locator(".checked-text mark.supported").count() == 1
    assert page.locator(".checked-text mark.anachronistic").count() == 1
    page.locator("ol.claims summary").nth(1).click()
    assert page.locator("ol.claims details").nth(1).get_attribute("open") is not None
    shot(page, "check-result")
    assert page.problems == []


def test_map_draws_routes_and_the_whatif(page):
    page.goto("/map")
    page.wait_for_selector("#map[data-ready=true]")
    drawn = page.locator("#map path.route").count()
    assert drawn == page.locator("table.data").first.locator("tbody tr").count() > 5
    assert page.locator("#map path.land").count() > 100
    page.select_option("select[name=without]", "RUS")
    with page.expect_navigation():
        page.click("form.filters button")
    page.wait_for_selector("#map[data-ready=true]")
    assert "Russia" in page.locator("#whatif h2").inner_text()
    assert page.locator("#map path.route.removed").count() >= 1
    shot(page, "map-whatif")
    page.fill("input[name=on]", "1998-06-01")
    with page.expect_navigation():
        page.click("form.filters button")
    page.wait_for_selector("#map[data-ready=true]")
    assert page.locator("#map path.route").count() < drawn  # fewer lines were open then
    assert page.problems == []


def test_docs_render_the_openapi_operations(page):
    page.goto("/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() >= 10
    assert page.problems == []


def test_dark_mode_and_print(browser, explorer):
    """Dark colours come from the system setting; printing drops navigation and forms."""
    context = browser.new_context(base_url=explorer, color_scheme="dark")
    page = context.new_page()
    page.goto("/events")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(21, 23, 26)"
    shot(page, "events-dark")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('form.filters')).display") \
        == "none"
    context.close()


def test_keyboard_reaches_the_content(page):
    page.goto("/events")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
