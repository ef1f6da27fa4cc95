"""The page in a real browser (Debian's chromium, headless): ask, read the answer and its source, open the
match in the explorer, see its charts, pick a team, give feedback. Screenshots go to
``$FOOTBALL_RAG_SCREENSHOT_DIR`` (``docs/screenshots`` for the README) or a temp folder.

Expected values are from the WhoScored files: Arsenal 4-1 Tottenham on 23 November 2025 (Eze scored at
41', 46' and 76'), Man City 3-0 Man Utd on 14 September 2025 (referee, venue: Etihad Stadium).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.conftest import RunningApp

pytestmark = pytest.mark.slow


def ask(page: object, question: str) -> None:
    """Type ``question``, send it, and wait until its answer and sources are shown."""
    answers_before = page.locator("#fr-chatbot .bot").count()
    page.fill("#fr-question textarea", question)
    page.click("#fr-ask")
    answered = "n => document.querySelectorAll('#fr-chatbot .bot').length > n"
    page.wait_for_function(f"{answered} && document.querySelector('#fr-sources .fr-card')", arg=answers_before)


def snapshot(page: object, path: Path) -> None:
    """Save a screenshot once the page has settled: Gradio fades outputs while their events are pending."""
    page.wait_for_function("() => !document.querySelector('.pending')")
    page.screenshot(path=str(path))


def pick(page: object, dropdown: str, option: str) -> None:
    """Choose ``option`` in the Gradio dropdown with elem_id ``dropdown``, as a visitor does."""
    page.click(f"#{dropdown} input")
    page.locator("ul[role=listbox] li", has_text=option).first.click()


def test_chat_answers_with_the_source_and_records_feedback(
    page: object, running_app: RunningApp, screenshot_dir: Path
) -> None:
    assert "Release e2e · 20 matches, 20 teams (Premier League), 15 Aug 2025 to 15 Dec 2025" in page.inner_text(
        "#fr-header"
    )
    ask(page, "Who scored when Arsenal played Tottenham?")
    conversation = page.inner_text("#fr-chatbot")
    assert "Arsenal 4-1 Tottenham on 23 November 2025" in conversation
    assert "Eberechi Eze 41'" in conversation and "Eberechi Eze 76'" in conversation
    sources = page.inner_text("#fr-sources")
    assert "Grounded" in sources and "Arsenal 4-1 Tottenham" in sources and "23 November 2025" in sources
    assert "WhoScored match 1903228" in sources
    snapshot(page, screenshot_dir / "chat.png")

    page.locator("#fr-chatbot button[aria-label=Like]").last.click()
    log = running_app.home / "feedback.jsonl"
    page.wait_for_function("() => document.body.innerText.includes('recorded')")
    line = json.loads(log.read_text(encoding="utf-8").splitlines()[-1])
    assert line["question"] == "Who scored when Arsenal played Tottenham?" and line["value"] == 1
    assert "Eberechi Eze 76'" in line["answer"] and line["trace_id"]


def test_show_request_draws_the_chart_in_the_conversation(page: object, screenshot_dir: Path) -> None:
    ask(page, "Show the shot map of Man City vs Man Utd")
    plot = page.locator("#fr-chatbot .js-plotly-plot").last
    plot.wait_for()
    assert "Man City 3-0 Man Utd · shots" in plot.inner_text()
    plot.scroll_into_view_if_needed()
    snapshot(page, screenshot_dir / "chat_chart.png")


def test_source_opens_the_match_in_the_explorer(page: object, screenshot_dir: Path) -> None:
    ask(page, "What was the score of Man City vs Man Utd?")
    page.click("button.fr-open-match")
    page.wait_for_function(
        "() => document.querySelector('#fr-match-header')?.innerText.includes('Man City 3-0 Man Utd')"
    )
    header = page.inner_text("#fr-match-header")
    assert "Sunday 14 September 2025" in header and "Etihad Stadium" in header
    chart = page.locator("#fr-match-chart .js-plotly-plot")
    chart.wait_for()
    assert "Man City 3-0 Man Utd · shots" in chart.inner_text()
    snapshot(page, screenshot_dir / "explorer.png")

    pick(page, "fr-chart-kind", "Pass network")
    page.wait_for_function("() => document.querySelector('#fr-match-chart')?.innerText.includes('pass networks')")
    snapshot(page, screenshot_dir / "explorer_pass_network.png")


def test_match_link_opens_the_explorer(page: object, running_app: RunningApp) -> None:
    page.goto(f"{running_app.url}?match=1903228")
    page.wait_for_function(
        "() => document.querySelector('#fr-match-header')?.innerText.includes('Arsenal 4-1 Tottenham')"
    )
    assert "Half time 2-0" in page.inner_text("#fr-match-header")
    assert page.get_by_role("tab", name="Match explorer").get_attribute("aria-selected") == "true"


def test_team_view_shows_results_and_form(page: object, screenshot_dir: Path) -> None:
    page.get_by_role("tab", name="Match explorer").click()
    pick(page, "fr-team", "Arsenal")
    page.get_by_role("tab", name="Team").click()
    page.wait_for_function("() => document.querySelector('#fr-team-summary')?.innerText.includes('2 matches')")
    summary = page.inner_text("#fr-team-summary")
    assert "2 matches: 2 won, 0 drawn, 0 lost; goals 9-1." in summary and "W W" in summary
    results = page.inner_text("#fr-team-results")
    assert "Tottenham" in results and "4-1" in results and "Leeds" in results and "5-0" in results
    page.locator("#fr-team-trend .js-plotly-plot").wait_for()
    snapshot(page, screenshot_dir / "team.png")


def test_markup_in_a_question_is_shown_not_run(page: object) -> None:
    ask(page, '<img src=x onerror="window.__pwned=1"> **Who** scored when Arsenal played Tottenham?')
    assert page.evaluate("window.__pwned") is None
    assert '<img src=x onerror="window.__pwned=1"> **Who** scored' in page.inner_text("#fr-chatbot")


def test_the_page_fits_a_phone(page: object, screenshot_dir: Path) -> None:
    page.set_viewport_size({"width": 390, "height": 844})  # a phone's CSS width (iPhone 12 to 15)
    page.evaluate("window.scrollTo(0, 0)")
    header = page.inner_text("#fr-header")
    assert "Release e2e" in header and "not evaluated" in header  # this app was built without an evaluation
    snapshot(page, screenshot_dir / "phone.png")

    ask(page, "What was the score of Man City vs Man Utd?")
    page.locator("#fr-sources .fr-card").scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing runs off the side
    assert page.locator("#fr-chatbot").bounding_box()["width"] <= 390
    snapshot(page, screenshot_dir / "phone_answer.png")
