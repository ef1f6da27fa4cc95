"""The match explorer tab: pickers that narrow to one match, its view and charts, and the picked team's view.

The pickers react to ``.input`` (a visitor's choice), never ``.change``, so that setting them from
code (opening a match from the chat, a ``?match=`` link) does not cascade into resetting each other.
None of these events touches the LLM: they run beside a busy chat, not behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

import gradio as gr
import pandas as pd
import plotly.graph_objects as go

from football_rag.app import pickers
from football_rag.app.markup import md
from football_rag.app.match_view import LINEUP_HEADERS, STATS_HEADERS, TIMELINE_HEADERS, UnknownMatch, match_view
from football_rag.app.state import AppState
from football_rag.app.team_view import RESULT_HEADERS, form_summary, results, team_games
from football_rag.charts import CHART_KINDS, ChartError, render_chart

TEAM_CHART = "team_trend"
MATCH_CHARTS = [kind for kind in CHART_KINDS if kind != TEAM_CHART]
BOTH = "both"
SIDE_CHOICES = [("Both", BOTH), ("Home", "home"), ("Away", "away")]
PICK_A_TEAM = "Pick a team above to see its results, form and season trend."


@dataclass(frozen=True)
class Explorer:
    """The explorer's components that events read and write."""

    competition: gr.Dropdown
    season: gr.Dropdown
    team: gr.Dropdown
    match: gr.Dropdown
    header: gr.Markdown
    key_points: gr.Markdown
    chart_kind: gr.Dropdown
    chart_side: gr.Radio
    chart: gr.Plot
    chart_note: gr.Markdown
    timeline: gr.Dataframe
    formations: tuple[gr.Markdown, gr.Markdown]
    lineups: tuple[gr.Dataframe, gr.Dataframe]
    stats: gr.Dataframe
    team_summary: gr.Markdown
    team_trend: gr.Plot
    team_results: gr.Dataframe

    @property
    def pickers(self) -> list[gr.Dropdown]:
        return [self.competition, self.season, self.team, self.match]

    @property
    def match_outputs(self) -> list[gr.components.Component]:
        home, away = zip(self.formations, self.lineups, strict=True)
        return [self.header, self.key_points, self.timeline, *home, *away, self.stats, self.chart, self.chart_note]

    @property
    def team_outputs(self) -> list[gr.components.Component]:
        return [self.team_summary, self.team_trend, self.team_results]


def chart_label(kind: str) -> str:
    """Return ``Shot map`` for ``shot_map``, ``xG race`` for ``xg_race``."""
    return kind.replace("_", " ").capitalize().replace("Xg", "xG")


def explorer_tab(state: AppState) -> Explorer:
    """Lay out the explorer (inside a ``gr.Tab``), opened on the latest match, and wire its events."""
    matches = state.tables.matches
    choices = pickers.match_choices(matches)
    first = choices[0][1] if choices else None
    (
        header_0,
        key_points_0,
        timeline_0,
        home_formation_0,
        home_lineup_0,
        away_formation_0,
        away_lineup_0,
        stats_0,
        chart_0,
        note_0,
    ) = show_match(state, first, MATCH_CHARTS[0], BOTH)
    with gr.Row():
        competition = gr.Dropdown(
            pickers.competitions(matches), value=pickers.ALL, label="Competition", elem_id="fr-competition"
        )
        season = gr.Dropdown(pickers.seasons(matches), value=pickers.ALL, label="Season", elem_id="fr-season")
        team = gr.Dropdown(pickers.teams(matches), value=pickers.ALL, label="Team", elem_id="fr-team")
        match = gr.Dropdown(choices, value=first, label="Match", scale=2, elem_id="fr-match")
    with gr.Tab("Match", id="match-view"):
        header = gr.Markdown(header_0, elem_id="fr-match-header")
        key_points = gr.Markdown(key_points_0, elem_id="fr-key-points")
        with gr.Row():
            chart_kind = gr.Dropdown(
                [(chart_label(k), k) for k in MATCH_CHARTS],
                value=MATCH_CHARTS[0],
                label="Chart",
                scale=1,
                elem_id="fr-chart-kind",
            )
            chart_side = gr.Radio(
                SIDE_CHOICES, value=BOTH, label="Team (one-team charts)", scale=1, elem_id="fr-chart-side"
            )
            chart_note = gr.Markdown(note_0)
        chart = gr.Plot(chart_0, label="Chart", elem_id="fr-match-chart")
        stats = gr.Dataframe(stats_0, headers=STATS_HEADERS, label="Key stats (home, away)", interactive=False)
        timeline = gr.Dataframe(
            timeline_0,
            headers=TIMELINE_HEADERS,
            label="Timeline: goals, cards, substitutions",
            interactive=False,
            wrap=True,
        )
        with gr.Row():
            with gr.Column():
                home_formation = gr.Markdown(home_formation_0)
                home_lineup = gr.Dataframe(
                    home_lineup_0, headers=LINEUP_HEADERS, label="Home lineup", interactive=False
                )
            with gr.Column():
                away_formation = gr.Markdown(away_formation_0)
                away_lineup = gr.Dataframe(
                    away_lineup_0, headers=LINEUP_HEADERS, label="Away lineup", interactive=False
                )
    with gr.Tab("Team", id="team-view"):
        team_summary = gr.Markdown(PICK_A_TEAM, elem_id="fr-team-summary")
        team_trend = gr.Plot(label="Season trend", elem_id="fr-team-trend")
        team_results = gr.Dataframe(
            headers=RESULT_HEADERS, label="Results (latest first)", interactive=False, elem_id="fr-team-results"
        )
    ui = Explorer(
        competition, season, team, match, header, key_points, chart_kind, chart_side, chart, chart_note, timeline,
        (home_formation, away_formation), (home_lineup, away_lineup), stats, team_summary, team_trend, team_results,
    )  # fmt: skip
    _wire(state, ui)
    return ui


def _wire(state: AppState, ui: Explorer) -> None:
    private = {"api_visibility": "private"}
    ui.competition.input(partial(on_competition, state), ui.competition, [ui.season, ui.team, ui.match], **private)
    ui.season.input(partial(on_season, state), [ui.competition, ui.season], [ui.team, ui.match], **private)
    ui.team.input(
        partial(on_team, state), [ui.competition, ui.season, ui.team], [ui.match, *ui.team_outputs], **private
    )
    chart_inputs = [ui.match, ui.chart_kind, ui.chart_side]
    ui.match.change(partial(show_match, state), chart_inputs, ui.match_outputs, **private)
    gr.on(
        [ui.chart_kind.input, ui.chart_side.input],
        partial(show_chart, state),
        chart_inputs,
        [ui.chart, ui.chart_note],
        **private,
    )


def on_competition(state: AppState, competition: str) -> tuple[gr.Dropdown, gr.Dropdown, gr.Dropdown]:
    """Narrow seasons, teams and matches to ``competition``; open its latest match."""
    matches = state.tables.matches
    return (
        gr.Dropdown(choices=pickers.seasons(matches, competition), value=pickers.ALL),
        gr.Dropdown(choices=pickers.teams(matches, competition), value=pickers.ALL),
        _match_picker(pickers.match_choices(matches, competition)),
    )


def on_season(state: AppState, competition: str, season: str) -> tuple[gr.Dropdown, gr.Dropdown]:
    """Narrow teams and matches to ``competition`` and ``season``; open the latest match."""
    matches = state.tables.matches
    return (
        gr.Dropdown(choices=pickers.teams(matches, competition, season), value=pickers.ALL),
        _match_picker(pickers.match_choices(matches, competition, season)),
    )


def on_team(state: AppState, competition: str, season: str, team: str) -> tuple:
    """Narrow matches to ``team``'s and show the team's view (results, form, trend)."""
    scope = pickers.narrowed(state.tables.matches, competition, season)
    return (_match_picker(pickers.match_choices(scope, team=team)), *team_view(state, team, scope))


def _match_picker(choices: list[tuple[str, str]]) -> gr.Dropdown:
    return gr.Dropdown(choices=choices, value=choices[0][1] if choices else None)


def show_match(state: AppState, match_id: str | None, kind: str, side: str = BOTH) -> tuple:
    """Return the match view's outputs: header, key points, timeline, formations, lineups, stats, chart and note."""
    if not match_id:
        return ("No match in this selection.", "", None, "", None, "", None, None, None, "")
    try:
        view = match_view(state.tables, match_id)
    except UnknownMatch as exc:
        raise gr.Error(str(exc)) from None
    figure, note = show_chart(state, match_id, kind, side)
    return (
        view.header,
        view.key_points,
        view.timeline,
        f"**{md(view.home)}** (home): {md(view.formations['home'])}",
        view.lineups["home"],
        f"**{md(view.away)}** (away): {md(view.formations['away'])}",
        view.lineups["away"],
        view.stats,
        figure,
        note,
    )


def show_chart(state: AppState, match_id: str | None, kind: str, side: str = BOTH) -> tuple[go.Figure | None, str]:
    """Return the chart of ``kind`` for the match (one side's, or both), or no figure and why it cannot be drawn."""
    if not match_id:
        return None, ""
    try:
        return render_chart(kind, state.tables, match_id=match_id, side=None if side == BOTH else side), ""
    except ChartError as exc:
        return None, f"⚠️ {md(exc)}"


def team_view(state: AppState, team: str, scope: pd.DataFrame | None = None) -> tuple:
    """Return the team view's outputs: summary with form, the season trend chart, the results table."""
    if not team or team == pickers.ALL:
        return PICK_A_TEAM, None, None
    games = team_games(state.tables, team, scope)
    # The trend of the competition and season picked: another season's matches are not this season's trend.
    stats = state.tables.team_stats
    picked = (
        state.tables
        if scope is None
        else replace(state.tables, team_stats=stats[stats["match_id"].isin(scope["match_id"])])
    )
    try:
        trend = render_chart(TEAM_CHART, picked, team=team)
    except ChartError:
        trend = None
    return form_summary(team, games), trend, results(games)


def open_match(state: AppState, match_id: str) -> tuple:
    """Return the pickers reset to every match with ``match_id`` chosen (its view follows from the match picker)."""
    matches = state.tables.matches
    return (
        pickers.ALL,
        gr.Dropdown(choices=pickers.seasons(matches), value=pickers.ALL),
        gr.Dropdown(choices=pickers.teams(matches), value=pickers.ALL),
        gr.Dropdown(choices=pickers.match_choices(matches), value=match_id),
    )
