"""The pass network: who passed to whom among a team's starters, until its first substitution.

Nodes sit at each starter's average position when passing, labelled with his shirt number and sized
by his passes; an edge joins two starters who completed at least ``MIN_PASSES`` passes between them
(both directions together), wider the more they did. Opta does not record who received a pass: as
is usual with event data, a completed pass went to the player of the team's next touch.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from football_rag.analytics.tables import MatchTables
from football_rag.charts.markup import escape, hover
from football_rag.charts.match_view import MatchView
from football_rag.charts.pitch import Pitch
from football_rag.charts.theme import SIDE_COLOURS
from football_rag.data.coordinates import CoordinateSystem

MIN_PASSES = 3
SUBSTITUTIONS = ("SubstitutionOff", "SubstitutionOn")
WINDOW_COLUMNS = ("type", "player_id", "x", "y", "outcome", "is_touch")
NODE_SIZE = (14.0, 22.0)  # diameter of the node with fewest passes, and growth up to the most
EDGE_WIDTH = (1.0, 9.0)  # width of the weakest edge drawn, and growth up to the strongest
EDGE_LEVELS = 5


@dataclass(frozen=True)
class Network:
    """One team's network: ``nodes`` (player_id, shirt_number, player_name, x, y, passes; metres, attacking
    right) and ``edges`` (player_a, player_b, completed: passes between the two)."""

    nodes: pd.DataFrame
    edges: pd.DataFrame


def pass_network(tables: MatchTables, match_id: str, side: str | None = None) -> go.Figure:
    """Return the pass networks of ``match_id``: one pitch per team (``side``'s alone when given), attacking right."""
    view = MatchView.of(tables, match_id)
    view.require_events("The pass network")
    sides = view.sides(side)
    pitch = Pitch(CoordinateSystem.OPTA)
    traces = []
    for panel, team_side in enumerate(sides, start=1):
        network = team_network(view, team_side, pitch)
        traces += _edge_traces(network, team_side, pitch.axes(panel))
        traces.append(_node_trace(network, view.team(team_side), team_side, pitch.axes(panel)))
    return pitch.figure(
        view.title(f"pass networks until the first substitution (edges: {MIN_PASSES}+ completed passes)"),
        panels=[view.team(s) for s in sides],
        traces=traces,
    )


def team_network(view: MatchView, side: str, pitch: Pitch) -> Network:
    """Return the ``side`` team's network from kick-off to its first substitution."""
    window = _before_first_substitution(view, side)
    starters = view.lineups.loc[(view.lineups["side"] == side) & view.lineups["starter"].astype(bool)]
    passes = window.loc[window["type"].eq("Pass") & window["player_id"].isin(starters["player_id"])]
    x, y = pitch.place(passes["x"], passes["y"])
    at = pd.DataFrame({"player_id": passes["player_id"], "x": x, "y": y})
    positions = at.groupby("player_id").agg(x=("x", "mean"), y=("y", "mean"), passes=("x", "size")).reset_index()
    nodes = starters[["player_id", "shirt_number", "player_name"]].merge(positions, on="player_id")
    return Network(nodes=nodes, edges=_edges(window, passes, set(starters["player_id"])))


def _before_first_substitution(view: MatchView, side: str) -> pd.DataFrame:
    """Return the team's events of play, in match order, before its first substitution."""
    play = view.play
    team = play.loc[play["side"] == side, list(WINDOW_COLUMNS)]
    substitutions = np.flatnonzero(team["type"].isin(SUBSTITUTIONS).to_numpy())
    return team.iloc[: substitutions[0]] if len(substitutions) else team


def _edges(window: pd.DataFrame, passes: pd.DataFrame, starters: set[object]) -> pd.DataFrame:
    """Return the pairs of starters with at least ``MIN_PASSES`` completed passes between them."""
    touches = window.loc[window["is_touch"].astype(bool) & window["player_id"].notna()]
    receivers = touches["player_id"].shift(-1).reindex(passes.index)
    completed = passes["outcome"].fillna(False).astype(bool) & receivers.isin(starters)
    completed &= receivers.ne(passes["player_id"])
    passers, takers = passes.loc[completed, "player_id"], receivers.loc[completed]
    first = passers < takers
    pairs = pd.DataFrame({"player_a": passers.where(first, takers), "player_b": takers.where(first, passers)})
    counts = pairs.groupby(["player_a", "player_b"]).size().rename("completed").reset_index()
    return counts.loc[counts["completed"] >= MIN_PASSES].reset_index(drop=True)


def _edge_traces(network: Network, side: str, axes: dict[str, str]) -> list[go.Scatter]:
    """Return the edges as lines, their width by completed passes, hovering with the pair and their count.

    Edges of about the same strength share one trace (``EDGE_LEVELS`` widths): a trace per edge made the
    figure several times slower to build. Per edge, a trace holds its two ends and a gap.
    """
    if network.edges.empty:
        return []
    nodes = network.nodes.set_index("player_id").to_dict("index")
    edges = network.edges
    spread = max(int(edges["completed"].max()) - MIN_PASSES, 1)
    levels = np.rint((EDGE_LEVELS - 1) * (edges["completed"] - MIN_PASSES) / spread).astype(int)
    traces = []
    for level, group in edges.groupby(levels.to_numpy()):
        ends = [(nodes[a], nodes[b], completed) for a, b, completed in group.itertuples(index=False)]
        labels = [hover(f"{_player(a)} – {_player(b)}", f"{completed} completed passes") for a, b, completed in ends]
        traces.append(
            go.Scatter(
                x=[value for a, b, _ in ends for value in (a["x"], b["x"], None)],
                y=[value for a, b, _ in ends for value in (a["y"], b["y"], None)],
                mode="lines",
                line={"color": SIDE_COLOURS[side], "width": EDGE_WIDTH[0] + EDGE_WIDTH[1] * level / (EDGE_LEVELS - 1)},
                opacity=0.45,
                customdata=[value for _, _, completed in ends for value in (completed, completed, None)],
                hovertext=[text for label in labels for text in (label, label, "")],
                hoverinfo="text",
                showlegend=False,
                name="passes between",
                **axes,
            )
        )
    return traces


def _node_trace(network: Network, team: str, side: str, axes: dict[str, str]) -> go.Scatter:
    """Return the starters as markers at their average pass position, labelled with their shirt numbers."""
    nodes = network.nodes
    most = max(int(nodes["passes"].max()), 1) if not nodes.empty else 1
    return go.Scatter(
        x=nodes["x"],
        y=nodes["y"],
        mode="markers+text",
        text=[_shirt(number) for number in nodes["shirt_number"]],
        textfont={"color": "white", "size": 11},
        marker={
            "size": NODE_SIZE[0] + NODE_SIZE[1] * np.sqrt(nodes["passes"].to_numpy(dtype=float) / most),
            "color": SIDE_COLOURS[side],
            "line": {"color": "white", "width": 1.5},
        },
        customdata=nodes["passes"].to_numpy(dtype=int),
        hovertext=[hover(_player(node), f"{node['passes']} passes") for node in nodes.to_dict("records")],
        hoverinfo="text",
        name=f"{team} starters",
        **axes,
    )


def _shirt(number: object) -> str:
    return "" if pd.isna(number) else str(int(number))


def _player(node: dict[str, object]) -> str:
    """Return "#10 Eberechi Eze" (escaped) for a node."""
    return f"#{_shirt(node['shirt_number'])} {escape(node['player_name'])}"
