"""Score a blind evaluation set on the season corpus, in process and without the LLM (fact answers only).

    python scripts/score_blind_set.py configs/eval/blind/set2 [--out results.jsonl]

Single questions: right when the answer holds every gold string (``metrics.missing_gold``); a question of kind
``unknown_match`` or ``refusal`` is right when it is refused (intent ``unknown_match`` or ``out_of_scope``) with a
grounded answer. Conversations: each turn asked with the previous turn's context. Prints each kind's share and
the conversation figures; ``--out`` keeps every answer with its verdict.
"""

from __future__ import annotations

import argparse
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from football_rag.analytics.tables import MatchTables, build_tables
from football_rag.config.offline import apply_quiet_defaults
from football_rag.config.settings import REPO_ROOT
from football_rag.data.parsers import parse_file
from football_rag.evaluation.eval_set import read_eval_set
from football_rag.evaluation.metrics import missing_gold, score_questions
from football_rag.evaluation.runner import answer_questions
from football_rag.rag.answerer import Answerer

SEASON = REPO_ROOT.parent / "shared" / "data" / "season" / "premier-league-2025-26" / "whoscored"
REFUSAL_KINDS = ("unknown_match", "refusal")
REFUSAL_INTENTS = ("unknown_match", "out_of_scope")


def season_tables() -> MatchTables:
    """Return the tables of every season file (parsed on both cores)."""
    with ProcessPoolExecutor(2) as pool:
        return build_tables(list(pool.map(parse_file, sorted(SEASON.glob("*.json.gz")), chunksize=8)))


def score_singles(answerer: Answerer, path: Path) -> pd.DataFrame:
    """Return every question's results row with ``right``: the gold said, or, for a refusal kind, refused."""
    scored = score_questions(answer_questions(answerer, read_eval_set(path), 60))
    refused = (
        scored["status"].eq("ok")
        & scored["intent"].isin(REFUSAL_INTENTS)
        & scored["grounded"].fillna(False).astype(bool)
    )
    right = scored["correct"].fillna(False).astype(bool)
    return scored.assign(right=refused.where(scored["kind"].isin(REFUSAL_KINDS), right))


def score_conversations(answerer: Answerer, path: Path) -> dict[str, float]:
    """Return the shares of conversations whose first turn, later turns, and every turn were right."""
    firsts, laters, wholes = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        previous, right = None, []
        for turn in json.loads(line)["turns"]:
            answer, previous = answerer.ask(turn["question"], previous)
            right.append(not missing_gold(answer.answer, turn["gold"]))
        firsts.append(right[0])
        laters.append(all(right[1:]))
        wholes.append(all(right))
    n = len(wholes)
    return {"n": n, "first_turn": sum(firsts) / n, "later_turns": sum(laters) / n, "every_turn": sum(wholes) / n}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", type=Path, help="a folder with questions.jsonl and conversations.jsonl")
    parser.add_argument("--out", type=Path, help="keep every single question's answer and verdict (JSON lines)")
    args = parser.parse_args()
    apply_quiet_defaults()
    answerer = Answerer(season_tables())
    singles = score_singles(answerer, args.set_dir / "questions.jsonl")
    if args.out:
        singles.to_json(args.out, orient="records", lines=True)
    print(singles.groupby("kind")["right"].agg(["mean", "count"]).round(3).to_string())
    print(f"all single questions {singles['right'].mean():.3f} of {len(singles)}")
    conversations = args.set_dir / "conversations.jsonl"
    if conversations.is_file():
        print(json.dumps({k: round(v, 3) for k, v in score_conversations(answerer, conversations).items()}))


if __name__ == "__main__":
    main()
