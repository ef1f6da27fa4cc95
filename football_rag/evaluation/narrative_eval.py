"""Narrative answers scored against the reference set: point coverage, contradictions, faithfulness.

The reference set (``configs/eval/narrative/reference.jsonl``, written blind to the answering code) lists for each
match the points a good answer makes. Per answer, read with ``narrative_claims``:

- **coverage**: the share of the match's points the answer makes. A figure point counts when every figure of it
  is stated within the point's tolerance, read as the point's team's and of the whole match; the result point
  when a sentence gives the final score (either order) and names the winner (a draw: says draw or names both
  teams). A non-figure point (red card, decisive goal, comeback, set-piece goal, man of the match) is a plain
  keyword match: one sentence
  names every listed player (surname or full name) and team and holds a word starting with one of the listed
  keywords ("equalis" meets "equalised", "red" does not meet "scored"). With ``--judge``, a judge model is asked
  too (``narrative_judge``: asked the point as a question with its player or team hidden, does it name them), and
  its coverage is reported beside the keyword rule's (``judged_coverage``: the figure and result points as above,
  the non-figure points by the judge; a reply with no verdict counts as not made and is counted in
  ``judge_failed``); each verdict's reason (the question and the judge's answer) is kept in the answer's score
  (``judge_reasons``), with how often the two agree
  (``judge_agreement``, over the verdicts given: the weight to give the judge).
- **contradictions**: a stated figure of a reference metric and team off by more than the tolerance (a figure of a
  part of the match, "before the red card", "in the second half", is not the match's: it is a contradiction only
  when a count of it is above the match's, as no part can hold more shots than the whole); a side said
  to score more goals than it did in the match ("West Ham scored 3 goals" in a 0-3); a scoreline
  that no moment of the match can have shown (a side above its final goals, in either order); a claimed result
  that is wrong (the loser said to win, a draw said of a match someone won, or a win said of a draw).
- **faithfulness**: the share of the answer's sentences with no contradiction.

Each is reported for the whole answer, for the computed opening and for the model's sentences. ``Answer`` does
not mark which sentences the model wrote, so a sentence counts as computed when its text is one of the answer's
computed facts (``Answer.facts``), after normalising; every other sentence counts as the model's.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from football_rag.analytics.linking import TeamAliases, plain_text
from football_rag.config.settings import REPO_ROOT
from football_rag.evaluation.metrics import normalise
from football_rag.evaluation.narrative_claims import COUNTS, GOALS, AnswerReader, Reading, split_sentences
from football_rag.rag.answer_model import Answer

if TYPE_CHECKING:  # Opik loads only when a judge runs
    from football_rag.evaluation.narrative_judge import PointJudge

REFERENCE = REPO_ROOT / "configs" / "eval" / "narrative" / "reference.jsonl"
RESULT = "result"
PARTS = ("all", "opening", "model")


class PointMatch(BaseModel):
    """What one sentence must name for a non-figure point to count."""

    players: list[str] = Field(default_factory=list)
    teams: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)


class Point(BaseModel):
    """One analyst point of the reference set."""

    kind: str
    team: str
    text: str
    figures: dict[str, float] = Field(default_factory=dict)
    opponent_figures: dict[str, float] = Field(default_factory=dict)
    tolerance: float = 0.0
    match: PointMatch | None = None


class ReferenceMatch(BaseModel):
    """One match of the reference set, its questions and its points."""

    match_id: str
    home: str
    away: str
    date: str
    score: str
    questions: list[str]
    points: list[Point]

    @property
    def goals(self) -> dict[str, int]:
        """Return each team's final goals."""
        home, away = (int(g) for g in self.score.split("-"))
        return {self.home: home, self.away: away}

    @property
    def winner(self) -> str | None:
        """Return the winner, None for a draw."""
        goals = self.goals
        return None if goals[self.home] == goals[self.away] else max(goals, key=goals.__getitem__)


class PartScore(BaseModel):
    """Coverage, contradictions and faithfulness over one part of an answer (all, opening or model)."""

    sentences: int
    covered: list[str]
    contradictions: list[str]
    faithfulness: float | None
    judged: dict[str, bool] | None = None  # the judge's verdict per non-figure point; None when no judge was asked
    judge_failed: list[str] = Field(default_factory=list)  # no verdict
    judge_reasons: dict[str, str] = Field(default_factory=dict)  # per point judged: question and answer, or reply


class AnswerScore(BaseModel):
    """The score of one answer to one reference question."""

    match_id: str
    question: str
    answer: str
    points: list[str]
    parts: dict[str, PartScore]
    latency_ms: float | None = None

    @property
    def coverage(self) -> float:
        """Return the share of the match's points the whole answer makes."""
        return len(self.parts["all"].covered) / len(self.points)


def load_reference(path: Path = REFERENCE) -> list[ReferenceMatch]:
    """Return the reference set's matches, in file order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ReferenceMatch.model_validate_json(line) for line in lines if line.strip()]


def point_label(index: int, point: Point) -> str:
    """Return a point's name in reports: its position and kind ("3:shot_quality")."""
    return f"{index}:{point.kind}"


def is_judged(point: Point) -> bool:
    """Return whether the point is one a judge is asked about (not a figure point, not the result)."""
    return point.kind != RESULT and not point.figures


def names_player(sentence: str, name: str) -> bool:
    """Return whether a sentence names a player, by full name or surname (whole words, accents ignored)."""
    words = _plain_words(sentence)
    full = _plain_words(name).strip()
    return f" {full} " in words or f" {full.split()[-1]} " in words


def _plain_words(text: str) -> str:
    """Return ``text`` as plain lower-case words between single spaces ("O'Riley" -> " o riley ")."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", plain_text(text))) + " "


def _point_made(point: Point, ref: ReferenceMatch, reading: Reading, part: set[int]) -> bool:
    """Return whether the sentences in ``part`` make the point."""
    if point.kind == RESULT:
        return any(_states_result(ref, reading, i) for i in part)
    if point.figures:
        stated = [(f.team, f.metric, f.value) for f in reading.figures if f.sentence in part and f.span is None]
        return all(
            any(team == point.team and metric == name and abs(value - gold) <= point.tolerance + 1e-9
                for team, metric, value in stated)
            for name, gold in point.figures.items()
        )  # fmt: skip
    rule = point.match or PointMatch()
    for i in part:
        sentence = reading.sentences[i]
        low = re.sub(r"\bpen\b", "penalty", plain_text(sentence))  # the scorers' list writes "55' (pen)"
        if (
            all(names_player(sentence, p) for p in rule.players)
            and all(t in reading.teams_named[i] for t in rule.teams)
            and (not rule.keywords or any(re.search(rf"\b{re.escape(k)}", low) for k in rule.keywords))
        ):
            return True
    return False


def _states_result(ref: ReferenceMatch, reading: Reading, i: int) -> bool:
    """Return whether sentence ``i`` gives the final score and who won (or that it was a draw)."""
    final = tuple(ref.goals.values())
    scored = any(s.sentence == i and (s.first, s.second) in (final, final[::-1]) for s in reading.scorelines)
    if not scored:
        return False
    if ref.winner is None:
        return (
            any(c.sentence == i and c.winner is None for c in reading.results) or len(set(reading.teams_named[i])) == 2
        )
    return ref.winner in reading.teams_named[i]


def contradictions(ref: ReferenceMatch, reading: Reading) -> dict[int, list[str]]:
    """Return, per sentence index, what it states that the match data contradicts."""
    found: dict[int, list[str]] = {}
    gold: dict[tuple[str, str], tuple[float, float]] = {}
    for point in ref.points:
        if point.kind != RESULT:
            other = ref.away if point.team == ref.home else ref.home
            gold |= {(point.team, k): (v, point.tolerance) for k, v in point.figures.items()}
            gold |= {(other, k): (v, point.tolerance) for k, v in point.opponent_figures.items()}
    for f in reading.figures:
        value, tolerance = gold.get((f.team, f.metric), (f.value, 0.0))
        if f.span is None and abs(f.value - value) > tolerance + 1e-9:
            found.setdefault(f.sentence, []).append(f"{f.team} {f.metric} {f.value:g} (is {value:g})")
        elif f.span is not None and f.metric in COUNTS and f.value > value + tolerance + 1e-9:
            found.setdefault(f.sentence, []).append(f"{f.team} {f.metric} {f.value:g} {f.span} (match {value:g})")
    for f in reading.figures:
        if f.metric == GOALS and f.team in ref.goals and f.value > ref.goals[f.team]:
            found.setdefault(f.sentence, []).append(f"{f.team} {f.value:g} goals (final {ref.score})")
    home, away = ref.goals[ref.home], ref.goals[ref.away]
    for s in reading.scorelines:
        if not ((s.first <= home and s.second <= away) or (s.first <= away and s.second <= home)):
            found.setdefault(s.sentence, []).append(f"score {s.first}-{s.second} (final {ref.score})")
    for c in reading.results:
        if c.winner != ref.winner:
            claimed = "a draw" if c.winner is None else f"{c.winner} won"
            found.setdefault(c.sentence, []).append(f"{claimed} (final {ref.home} {ref.score} {ref.away})")
    return found


def computed_sentences(answer: Answer, sentences: list[str]) -> set[int]:
    """Return the indices of the sentences that are computed facts (the opening), the rest being the model's."""
    facts = {normalise(s) for fact in answer.facts for s in split_sentences(fact.text)}
    return {i for i, s in enumerate(sentences) if normalise(s) in facts}


def score_answer(
    ref: ReferenceMatch,
    answer: Answer,
    aliases: TeamAliases,
    latency_ms: float | None = None,
    judge: PointJudge | None = None,
) -> AnswerScore:
    """Return the coverage, contradictions and faithfulness of one answer, whole and by part (with ``judge``, its
    verdicts on the non-figure points too)."""
    reading = AnswerReader(ref.home, ref.away, aliases).read(answer.answer)
    contradicted = contradictions(ref, reading)
    opening = computed_sentences(answer, reading.sentences)
    every = set(range(len(reading.sentences)))
    parts = {}
    for name, part in zip(PARTS, (every, opening, every - opening), strict=True):
        wrong = [reason for i in sorted(part) for reason in contradicted.get(i, [])]
        parts[name] = PartScore(
            sentences=len(part),
            covered=[point_label(k, p) for k, p in enumerate(ref.points) if _point_made(p, ref, reading, part)],
            contradictions=wrong,
            faithfulness=(sum(i not in contradicted for i in part) / len(part)) if part else None,
        )
        if judge:
            parts[name] = parts[name].model_copy(update=_judge_part(ref, reading.sentences, part, judge))
    return AnswerScore(
        match_id=ref.match_id,
        question=answer.question,
        answer=answer.answer,
        points=[point_label(k, p) for k, p in enumerate(ref.points)],
        parts=parts,
        latency_ms=latency_ms,
    )


def _judge_part(
    ref: ReferenceMatch, sentences: list[str], part: set[int], judge: PointJudge
) -> dict[str, dict[str, bool] | list[str] | dict[str, str]]:
    """Return the ``PartScore`` fields of the judge's verdicts on the part's text: ``judged`` (made or not, per
    non-figure point), ``judge_failed`` (the points it gave no verdict for) and ``judge_reasons`` (why, per point);
    a part with no sentences makes no point: nothing is asked."""
    text = " ".join(sentences[i] for i in sorted(part))
    points = {point_label(k, p): p for k, p in enumerate(ref.points) if is_judged(p)}
    verdicts = judge.verdicts(points, text) if text else {}
    return {
        "judged": {k: v.made for k, v in verdicts.items() if v.made is not None},
        "judge_failed": [k for k, v in verdicts.items() if v.made is None],
        "judge_reasons": {k: v.reason for k, v in verdicts.items()},
    }


def summarise(scores: list[AnswerScore], reference: list[ReferenceMatch]) -> dict[str, object]:
    """Return the run's figures: per part, mean coverage, contradictions, faithfulness (and ``judged_figures`` when
    the part was judged); coverage by point kind."""
    kinds = {ref.match_id: [p.kind for p in ref.points] for ref in reference}
    summary: dict[str, object] = {"answers": len(scores)}
    for name in PARTS:
        parts = [s.parts[name] for s in scores]
        faithful = [p.faithfulness for p in parts if p.faithfulness is not None]
        summary[name] = {
            "answers_with_sentences": sum(p.sentences > 0 for p in parts),
            "sentences": sum(p.sentences for p in parts),
            "coverage": _mean(len(p.covered) / len(s.points) for p, s in zip(parts, scores, strict=True)),
            "contradictions": sum(len(p.contradictions) for p in parts),
            "answers_with_contradiction": sum(bool(p.contradictions) for p in parts),
            "faithfulness": _mean(faithful),
        }
        if any(p.judged is not None for p in parts):
            summary[name] |= judged_figures(parts, scores, reference)
    by_kind: dict[str, list[bool]] = {}
    for s in scores:
        for label, kind in zip(s.points, kinds[s.match_id], strict=True):
            by_kind.setdefault(kind, []).append(label in s.parts["all"].covered)
    summary["coverage_by_kind"] = {k: round(sum(v) / len(v), 3) for k, v in sorted(by_kind.items())}
    latencies = sorted(s.latency_ms for s in scores if s.latency_ms is not None)
    summary["latency_ms_p50"] = statistics.median(latencies) if latencies else None
    return summary


def judged_figures(
    parts: list[PartScore], scores: list[AnswerScore], reference: list[ReferenceMatch]
) -> dict[str, float | int | None]:
    """Return one part's judged figures over the answers: coverage with the non-figure points judged, the share of
    non-figure points made by the keyword rule and by the judge (no verdict: not made), the verdicts given and
    failed, how often a verdict agrees with the keyword rule, and the disagreements each way."""
    judged_points = {
        ref.match_id: [point_label(k, p) for k, p in enumerate(ref.points) if is_judged(p)] for ref in reference
    }
    coverage, keyword, judged, agree = [], [], [], []
    for part, score in zip(parts, scores, strict=True):
        labels = judged_points[score.match_id]
        verdicts = part.judged or {}
        made = {label for label in part.covered if label not in labels} | {k for k, v in verdicts.items() if v}
        coverage.append(len(made) / len(score.points))
        keyword += [label in part.covered for label in labels]
        judged += [verdicts.get(label, False) for label in labels]
        agree += [(v, label in part.covered) for label, v in verdicts.items()]
    return {
        "judged_coverage": _mean(coverage),
        "non_figure_points": len(keyword),
        "non_figure_keyword": _mean(keyword),
        "non_figure_judged": _mean(judged),
        "judge_verdicts": len(agree),
        "judge_failed": sum(len(p.judge_failed) for p in parts),
        "judge_agreement": _mean(v == k for v, k in agree),
        "judge_only": sum(v and not k for v, k in agree),
        "keyword_only": sum(k and not v for v, k in agree),
    }


def _mean(values: Iterable[float]) -> float | None:
    """Return the mean rounded to 3 decimals, None when there are no values."""
    values = list(values)
    return round(sum(values) / len(values), 3) if values else None


def run(
    ask: Callable[[str], Answer],
    reference: list[ReferenceMatch],
    per_match: int = 1,
    limit: int | None = None,
    keep: Path | None = None,
) -> list[tuple[Answer, float]]:
    """Return the answers ``ask`` gives to the first ``per_match`` questions of each match, with their wall times
    (ms); each is appended to ``keep`` as it comes, so a long run can be scored again or resumed."""
    answered = []
    for ref in reference[:limit]:
        for question in ref.questions[:per_match]:
            started = time.perf_counter()
            answer = ask(question)
            answered.append((answer, (time.perf_counter() - started) * 1000))
            if keep:
                with keep.open("a", encoding="utf-8") as out:
                    out.write(json.dumps({"latency_ms": answered[-1][1], **answer.model_dump(mode="json")}) + "\n")
            print(f"{ref.match_id} {answered[-1][1] / 1000:.1f}s {question}", file=sys.stderr)
    return answered


def load_answers(path: Path) -> list[tuple[Answer, float]]:
    """Return the answers a run kept (``run(keep=...)``), with their wall times."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        (Answer.model_validate({k: v for k, v in row.items() if k != "latency_ms"}), row["latency_ms"]) for row in rows
    ]


def score_all(
    answered: list[tuple[Answer, float]], reference: list[ReferenceMatch], judge: PointJudge | None = None
) -> list[AnswerScore]:
    """Return the score of every answer, each matched to its reference match by its question (and judged)."""
    aliases = TeamAliases.load()
    by_question = {q: ref for ref in reference for q in ref.questions}
    scores = []
    for answer, ms in answered:
        scores.append(score_answer(by_question[answer.question], answer, aliases, ms, judge))
        if judge:
            print(f"judged {scores[-1].match_id} ({judge.asked} asked)", file=sys.stderr)
    return scores


def main(argv: list[str] | None = None) -> None:
    """Answer the reference questions through the public service, print the JSON summary; --out keeps each score."""
    parser = argparse.ArgumentParser(description="Score narrative answers against the narrative reference set.")
    parser.add_argument("--release", help="release version (default the hub's latest)")
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--questions-per-match", type=int, default=1)
    parser.add_argument("--limit", type=int, help="score only the first N matches")
    parser.add_argument("--answers", type=Path, help="keep every answer here as it comes (JSON lines)")
    parser.add_argument("--from-answers", type=Path, help="score the answers kept by an earlier run, asking nothing")
    parser.add_argument("--out", type=Path, help="write every answer's score here, one JSON a line")
    parser.add_argument(
        "--judge",
        action="store_true",
        help="also ask a judge model whether each part of an answer makes each non-figure point "
        "(FOOTBALL_RAG_JUDGE_MODEL, else the answer model)",
    )
    parser.add_argument(
        "--ab",
        nargs=3,
        metavar=("VARIABLE", "A", "B"),
        help="compare two prompt versions (prompt v3 v4), LLMs or embedders as MLflow runs (evaluation.narrative_ab)",
    )
    args = parser.parse_args(argv)
    reference = load_reference(args.reference)
    if args.ab:
        print(json.dumps(_ab(args, reference), indent=2))
        return
    if args.from_answers:
        answered = load_answers(args.from_answers)
    else:
        from football_rag.config.settings import get_settings
        from football_rag.rag.service import answerer_for

        answerer = answerer_for(get_settings(), args.release)
        answered = run(lambda q: answerer.ask(q)[0], reference, args.questions_per_match, args.limit, args.answers)
    judge = _judge(args)
    scores = score_all(answered, reference, judge)
    if args.out:
        args.out.write_text("".join(s.model_dump_json() + "\n" for s in scores), encoding="utf-8")
    summary = summarise(scores, reference)
    if judge:
        summary["judge"] = {"model": judge.name, "asked": judge.asked}
    print(json.dumps(summary, indent=2))


def _judge(args: argparse.Namespace) -> PointJudge | None:
    """Return the point judge ``--judge`` asks for, None without it."""
    if not args.judge:
        return None
    from football_rag.config.settings import get_settings
    from football_rag.evaluation.narrative_judge import point_judge_for

    return point_judge_for(get_settings())


def _ab(args: argparse.Namespace, reference: list[ReferenceMatch]) -> dict[str, object]:
    """Return the report of ``--ab VARIABLE A B``: both arms asked, scored and logged to MLflow."""
    from football_rag.config.settings import get_settings
    from football_rag.evaluation.narrative_ab import run_narrative_ab

    variable, a, b = args.ab
    return run_narrative_ab(
        get_settings(), variable, a, b, reference,
        release=args.release, per_match=args.questions_per_match, limit=args.limit, judge=_judge(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
