"""The endpoints other sites call (``gradio_client`` or plain HTTP): ``/ask``, ``/chart``, ``/matches``.

Gradio builds each endpoint's schema from the type hints of these methods, read as they are written:
this module therefore does not use ``from __future__ import annotations`` (string hints would reach
Gradio unevaluated).
"""

import json

import gradio as gr
import pandas as pd
import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from football_rag.app.asking import answer_now, take_question
from football_rag.app.chat_tab import client_of
from football_rag.app.lanes import Refused
from football_rag.app.pickers import ALL, match_label, narrowed
from football_rag.app.source_cards import source_cards
from football_rag.app.state import AppState
from football_rag.charts import CHART_KINDS, ChartError, render_chart
from football_rag.rag.answerer import QuestionRejected
from football_rag.rag.llm import LLMUnavailable
from football_rag.rag.scope import Filters

MAX_MATCHES = 500


class PublicApi:
    """The three embedding endpoints over one app state."""

    def __init__(self, state: AppState) -> None:
        self.state = state

    def ask(self, question: str, request: gr.Request, season: str = "", competition: str = "") -> dict:
        """Answer a question about the loaded matches (a fact at once, a narrative after its turn for the model),
        kept to ``season`` ("2024/2025") and ``competition`` unless the question names its own ("": every one).

        Returns {answer, grounded, intent, matches (WhoScored ids), sources (cards: title, match_id, date,
        score, competition, evidence), chart ({kind, match_id|team} or null), timings_ms (a narrative's wait
        for the model is ``model_wait``), release}.
        """
        try:
            chosen = Filters(season=season or None, competition=competition or None)
            answer = answer_now(self.state, take_question(self.state, question, None, client_of(request), chosen))
        except (QuestionRejected, Refused) as exc:
            raise gr.Error(str(exc)) from None
        except LLMUnavailable as exc:
            raise gr.Error(f"this question needs the language model, which is not available: {exc}") from None
        return {
            "answer": answer.answer,
            "grounded": answer.grounded,
            "intent": answer.intent.value,
            "matches": answer.matches,
            "sources": [card.as_dict() for card in source_cards(answer, self.state.tables)],
            "chart": answer.chart,
            "timings_ms": answer.timings_ms,
            "release": self.state.version,
        }

    def chart(self, match_id: str, kind: str = "shot_map", team: str = "", side: str = "") -> str:
        """Draw one chart: the plotly figure as JSON text (``plotly.io.from_json(result)`` rebuilds it).

        kind: one of shot_map, xg_race, pass_network, heatmap, defensive_actions, progressive_passes,
        stats_comparison, momentum, team_trend. match_id: a WhoScored match id (every kind but team_trend).
        team: the team for team_trend (and to pick one side's chart). side: "home" or "away" where it applies.
        """
        if kind not in CHART_KINDS:
            raise gr.Error(f"unknown chart kind {kind!r}; kinds: {', '.join(CHART_KINDS)}")
        try:
            figure = render_chart(
                kind, self.state.tables, match_id=match_id or None, team=team or None, side=side or None
            )
        except ChartError as exc:
            raise gr.Error(str(exc)) from None
        return plain_json(figure)

    def matches(self, competition: str = ALL, team: str = ALL, season: str = ALL) -> list[dict]:
        """List the loaded matches, latest first (at most 500), of a competition, team and season ("All": every one).

        Each: match_id, date, competition, season, home, away, home_goals, away_goals, label.
        """
        scope = narrowed(self.state.tables.matches, competition or ALL, season or ALL, team or ALL)
        return match_rows(scope.sort_values(["date", "match_id"], ascending=False).head(MAX_MATCHES))


def match_rows(scope: pd.DataFrame) -> list[dict]:
    """Return each match of ``scope`` as listed (``/matches``, REST ``/v1/matches``), in its order.

    Each: match_id, date (YYYY-MM-DD), competition, season, home, away, home_goals, away_goals, label.
    """
    return [
        {
            "match_id": str(m["match_id"]),
            "date": f"{m['date']:%Y-%m-%d}" if pd.notna(m["date"]) else None,
            "competition": m["competition"] if isinstance(m["competition"], str) else None,
            "season": m["season"] if isinstance(m["season"], str) else None,
            "home": m["home"],
            "away": m["away"],
            "home_goals": _goals(m["home_goals"]),
            "away_goals": _goals(m["away_goals"]),
            "label": match_label(m),
        }
        for _, m in scope.iterrows()
    ]


def _goals(value: object) -> int | None:
    return int(value) if pd.notna(value) else None


def plain_json(figure: go.Figure) -> str:
    """Return the figure as JSON text with its arrays as plain lists.

    Text, not a dict: gradio_client would take plotly's ``{"type": "path", "path": ...}`` shapes for files.
    Plain lists, not ``figure.to_json()``: plotly 6 writes arrays as base64 ``bdata`` that only plotly.js
    decodes (``plotly.io.from_json`` leaves them as dicts).
    """
    document = {"data": [trace.to_plotly_json() for trace in figure.data], "layout": figure.layout.to_plotly_json()}
    return json.dumps(document, cls=PlotlyJSONEncoder)
