"""What a narrative answer claims, read deterministically from its sentences: team figures, scorelines, results.

A simple, documented reading of English, not a parser (``configs/eval/narrative/README.md`` lists the rules):

- sentences end at ``.``, ``!`` or ``?`` followed by a space (a decimal point is never followed by one);
- a number's metric is read from the word right after it, the word right before it, then a few words after,
  then before ("19 shots", "shots (19 v 10)"); a percentage is possession only next to "possession" or "ball";
  a number with no metric word takes the metric of the number before it in the sentence ("19 shots to
  Bournemouth's 10", "possession (61.2%) higher than Bournemouth's (38.8%)");
- a number with no team named before it in its clause (since the last ";") belongs to the team named after "for"
  later in the clause, when there is one ("Set pieces: 3 shots, 1 goal and 4 corners for Brighton; 1 shot, 1 goal
  and 3 corners for Fulham", "Big chances: 1 for Nottingham Forest, 0 of them scored; 3 for Sunderland");
- otherwise a number belongs to the team named between it and the number before it (the nearest); with no team named
  there, the first number of a metric in a sentence holding "(TEAM first)" is TEAM's ("While Man City led (86
  minutes): shots 12 v 8, possession 63.4% v 36.6% (Fulham first)": 12 and 63.4 are Fulham's); otherwise, to the
  other side of the last number of the same metric in the sentence ("19 shots to Bournemouth's 10, 10 on target
  against 3"), else to the sentence's subject (the first team it names before the number; with none
  named before it, the previous naming sentence's subject: "They had 61% of the ball", "Their possession (51%)
  was higher than Brighton's"); a pair ("19-10 shots", "19 to 10") gives
  its first number to the first team named before it and its second to the other side;
- two whole numbers joined by a dash or colon with no metric word are a scoreline ("4-2");
- a minute is never a figure: a number followed by ``'`` ("80'"), joined by ``+`` to another ("90+2", both
  numbers), or written as an ordinal ("the 88th minute"), and so is a number of men ("down to 10 men");
- a figure of a part of the match is a claim about that part (``StatedFigure.span``), never a whole-match figure.
  A span qualifier is "before", "after", "until", "since", "once", "while", "during", "between", "spell",
  "period", "from" before a minute ("from 80' to 90+2'"), "first/second/last/final/opening/closing" up to
  three words before "half", "minute(s)", "hour", "quarter", "stage(s)", "period" or "spell" ("in the last 20
  minutes", "over the final half hour"), "half-time", "stoppage/added/injury time", "late on", "early on",
  "ten/nine men", "when" up to three words before level/ahead/behind/leading/trailing/led, one of those
  states right before "at", "for" or "until" ("level at 82 minutes", "ahead for 20 minutes"), and "set
  piece(s)" or "dead ball(s)" (the shots from set pieces are a part of the match's: "3 shots from set pieces for
  Brighton" is no claim about Brighton's shots in the match). A whole-match
  qualifier is "in all", "all told", "overall", "altogether", "total...", "full-time", "ended", "finished",
  "whole/entire match", and "over/across/in the match/game". Each qualifier reaches **forward to the next ";"**
  (or the sentence's end) and **back to the previous "," or ";"** (or the sentence's start), except that one
  heading its sentence (it opens it, and a ":" follows with no number between them outside brackets: "Set
  pieces: ...", "While level (85 minutes): ...") reaches the whole sentence; a figure within
  reach of several takes the nearest (in words; a tie goes to the span), within reach of none it is the whole
  match's. So "Before the red card, Villa had 2 shots to Newcastle's 8; they ended with 6 to 20" reads 2 and 8 as
  the spell's and 6 and 20 as the match's; "Leeds took 19 shots to 10, and after the break Leeds had 12" reads
  only the 12 as a part's (with no comma before "and", the 19 and 10 would be too);
- a team named, then within a few words a verb of winning ("beat", "defeated", "won the match") claims that team
  won; "drew", "draw", "stalemate" claim a draw; a sentence with a negation claims no result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from football_rag.analytics.linking import TeamAliases, plain_text

SHOTS_ON_TARGET = "shots_on_target"
BIG_CHANCES = "big_chances"
SHOTS = "shots"
POSSESSION = "possession"
GOALS = "goals"  # never a reference figure: checked only against the final score (a side above its goals)
OTHER = "other"  # a figure the reference set does not hold (corners, passes, minutes, ...): never compared
# Checked in this order: "on target" before "shots", "big chances" before "chances".
METRIC_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (SHOTS_ON_TARGET, ("on target", "on goal", "target")),
    (BIG_CHANCES, ("big chance", "clear cut", "clear chance", "clearcut")),
    (SHOTS, ("shot", "outshot", "attempt", "effort")),
    (GOALS, ("goal",)),
    # Possession is only ever a percentage (see ``_metric``): a bare number beside "ball" is something else.
    (OTHER, ("corner", "pass", "foul", "card", "minute", "min ", "save", "tackle", "xg", "expected",
             "cross", "touch", "dribble", "year", "chance", "game", "match", "win", "defeat", "player",
             "time", "interception", "clearance", "duel", "offside", "yard", "metre", "m ", "possession", "ball",
             "ppda", "accuracy", "percentage", "rating", "men")),
)  # fmt: skip
SCORE_STEMS = ("win", "victor", "defeat", "loss", "lead", "draw", "scoreline", "result", "thrash")  # "a 4-2 win"
SCORE_NEXT = {"up", "down", "at", "in", "after", "before", "with", "and", "but", "as", "game", "match", "home", "away",
              "for", "against", "over", "by", "when", "lead"}  # fmt: skip
COUNTS = {SHOTS, SHOTS_ON_TARGET, BIG_CHANCES, GOALS}  # whole numbers only
ORDINALS = {"th", "st", "nd", "rd"}  # "88th": a minute or a place, not a figure
PAIR_JOINS = {"-", ":", "to", "v", "vs", "versus"}
WIN_VERBS = {"beat", "beats", "defeated", "edged", "overcame", "thrashed", "triumphed", "hammered", "downed"}
WON_RESULT_NEXT = {"by", "against", "at", "over", "comfortably", "convincingly", "it", "narrowly", ""}
WON_THE = {"match", "game", "contest", "encounter", "points", "tie"}  # "won the match", not "won the ball"
DRAW_WORDS = {"draw", "drew", "drawn", "stalemate", "deadlock", "tied"}
DRAW_NOT_NEXT = {"level", "a", "an", "fouls", "saves", "on", "from"}  # "drew level", "drew a save"
NEGATIONS = {"not", "never", "nt", "failed", "without", "unable", "no"}
WIN_WINDOW = 6  # words between a team's name and its verb of winning
METRIC_WINDOW = 5  # words read after (then before) a number for its metric
_TOKEN = re.compile(r"\d+(?:\.\d+)?|%|[a-z]+|[-+:',;()]")
STOPS = {",", ";", ")"}  # a metric is not read across these: "(13 to Brighton's 6) and scored more goals"
SPAN_WORDS = {"before", "after", "until", "till", "since", "once", "while", "whilst", "during", "between", "spell",
              "spells", "period", "periods", "interval", "halftime"}  # fmt: skip
SPAN_BOUNDS = {"first", "second", "last", "final", "opening", "closing"}  # "the last 20 minutes", "the first half"
SPAN_UNITS = ("half", "minute", "min", "hour", "quarter", "stage", "period", "spell")
SPAN_PAIRS = {("half", "time"), ("stoppage", "time"), ("added", "time"), ("injury", "time"), ("late", "on"),
              ("early", "on")}  # fmt: skip
SET_PIECE_PAIRS = {("set", "piece"), ("set", "pieces"), ("dead", "ball"), ("dead", "balls")}  # "set-piece" too
FEWER_MEN = {"ten", "nine", "eight"}  # "with ten men", as "with 10 men"
GAME_STATES = {"level", "ahead", "behind", "leading", "trailing", "led"}  # "when they were level"
WHOLE_WORDS = {"overall", "altogether", "ended", "finished", "fulltime"}  # "total..." too, by its stem
WHOLE_PAIRS = {("in", "all"), ("all", "told"), ("full", "time"), ("whole", "match"), ("whole", "game"),
               ("entire", "match"), ("entire", "game")}  # fmt: skip
SPAN_REACH = 3  # words between a bound ("last") or "when" and its unit ("minutes") or state ("level")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class StatedFigure:
    """A number the answer gives for a team's figure."""

    sentence: int
    team: str | None
    metric: str
    value: float
    span: str | None = None  # the qualifier of the part of the match it is about ("before", "first half"); None: all


@dataclass(frozen=True)
class Scoreline:
    """Two whole numbers given as a score ("4-2"), in the order written."""

    sentence: int
    first: int
    second: int


@dataclass(frozen=True)
class ResultClaim:
    """A sentence's claim about who won: a team, or None for a draw."""

    sentence: int
    winner: str | None


@dataclass
class Reading:
    """Everything read from one answer."""

    sentences: list[str]
    figures: list[StatedFigure] = field(default_factory=list)
    scorelines: list[Scoreline] = field(default_factory=list)
    results: list[ResultClaim] = field(default_factory=list)
    teams_named: list[list[str]] = field(default_factory=list)  # per sentence, in order of mention


def split_sentences(text: str) -> list[str]:
    """Return the answer's sentences (non-empty, stripped)."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def tokens(sentence: str) -> list[str]:
    """Return the sentence as plain lower-case words, numbers and the signs that matter (%, -, :, ')."""
    text = re.sub(r"\bper ?cent\b", "%", plain_text(sentence))
    text = re.sub(r"[\u2013\u2014\u2212]", "-", text).replace("n't", " nt")
    return _TOKEN.findall(text)


class AnswerReader:
    """Reads figures, scorelines and result claims out of answers about one match."""

    def __init__(self, home: str, away: str, aliases: TeamAliases) -> None:
        self.teams = (home, away)
        names = {aliases.canonical.get(aliases.normalise(t), aliases.normalise(t)): t for t in self.teams}
        self.names: dict[tuple[str, ...], str] = {
            tuple(alias.split()): names[target] for alias, target in aliases.canonical.items() if target in names
        }
        for team in self.teams:  # a team missing from the alias table is still known by its own name
            self.names.setdefault(tuple(aliases.normalise(team).split()), team)

    def other(self, team: str) -> str:
        """Return the opponent of ``team``."""
        return self.teams[1] if team == self.teams[0] else self.teams[0]

    def read(self, answer: str) -> Reading:
        """Return what ``answer`` claims, sentence by sentence."""
        reading = Reading(sentences=split_sentences(answer))
        last_team: str | None = None
        for index, sentence in enumerate(reading.sentences):
            words = tokens(sentence)
            mentions = self._mentions(words)
            reading.teams_named.append([team for _, team in mentions])
            self._read_numbers(index, words, mentions, last_team, reading)
            reading.results += self._results(index, words, mentions)
            last_team = mentions[0][1] if mentions else last_team  # "They ..." is the last sentence's subject
        return reading

    def _mentions(self, words: list[str]) -> list[tuple[int, str]]:
        """Return (word index, team) for every team named, longest alias first."""
        found: list[tuple[int, str]] = []
        i = 0
        while i < len(words):
            for size in (4, 3, 2, 1):
                team = self.names.get(tuple(words[i : i + size]))
                if team:
                    found.append((i, team))
                    i += size - 1
                    break
            i += 1
        return found

    def _read_numbers(
        self, index: int, words: list[str], mentions: list[tuple[int, str]], fallback: str | None, reading: Reading
    ) -> None:
        """Add the sentence's stated figures and scorelines to ``reading``."""
        numbers = [i for i, w in enumerate(words) if w[0].isdigit()]
        qualifiers = _qualifiers(words)
        previous, previous_metric = -1, None
        owners: dict[str, str | None] = {}  # the team of each metric's last number in this sentence
        listed_first = _listed_first(words, mentions)
        for n in numbers:
            if n <= previous:
                continue  # the second number of a pair
            if words[n + 1 : n + 3] == ["of", "them"]:
                previous = n  # a part of the count before it ("3 for Liverpool, 1 of them scored"): its metric goes on
                continue
            second = n + 2 if n + 2 in numbers and words[n + 1] in PAIR_JOINS else None
            if second is not None and words[n + 1] in {"-", ":"}:
                metric = self._pair_metric(words, n, second)
                if metric is None and "." not in words[n] + words[second]:
                    reading.scorelines.append(Scoreline(index, int(words[n]), int(words[second])))
                    previous = second
                    continue
            else:
                metric = self._metric(words, n, second or n)
            metric = metric or previous_metric
            named = [team for i, team in mentions if previous < i < n]
            served = _for_team(words, n, mentions)
            if served and not any(";" not in words[i:n] for i, _ in mentions if previous < i < n):
                owner = served  # "Set pieces: 3 shots ... for Brighton; 1 shot ... for Fulham"
            elif named:  # a pair's first number is the first team's ("Liverpool outshot Bournemouth 19-10")
                owner = named[0] if second is not None else named[-1]
            elif listed_first and metric not in owners:
                owner = listed_first  # "While Man City led (86 minutes): shots 12 v 8 ... (Fulham first)"
            elif metric in owners and owners[metric] is not None:
                owner = self.other(owners[metric])
            else:
                owner = self._subject(n, mentions, fallback)
            previous, previous_metric = second or n, metric
            if metric is None or metric == OTHER or (metric in COUNTS and "." in words[n]):
                continue  # "an xG of 0.16 per shot" is not a count of shots
            span = _span(words, n, qualifiers)
            reading.figures.append(StatedFigure(index, owner, metric, float(words[n]), span))
            owners[metric] = owner
            if second is not None and owner is not None:
                reading.figures.append(StatedFigure(index, self.other(owner), metric, float(words[second]), span))

    @classmethod
    def _pair_metric(cls, words: list[str], first: int, second: int) -> str | None:
        """Return the metric of a dashed pair: named right after it ("19-10 shots") or by "outshot" before it; None
        for a scoreline ("a 4-2 win", "went 2-1 up")."""
        if any(w.startswith("outsh") for w in words[max(0, first - METRIC_WINDOW) : first]):
            return SHOTS
        after = words[second + 1 : second + 3]
        if not after or after[0].startswith(SCORE_STEMS) or after[0] in SCORE_NEXT:
            return None
        return cls._metric(words[: second + 3], second, second)

    @staticmethod
    def _metric(words: list[str], start: int, end: int) -> str | None:
        """Return the metric named next to the number: the word right after it, the word right before it, then a few
        words after, then before; a percentage is possession only when "possession" or "ball" is among those."""
        after = words[end + 1 : end + 1 + METRIC_WINDOW]
        before = words[max(0, start - METRIC_WINDOW) : start]
        after = after[: next((k for k, w in enumerate(after) if w[0].isdigit() or w in STOPS), len(after))]
        before = before[
            next((k + 1 for k in range(len(before) - 1, -1, -1) if before[k][0].isdigit() or before[k] in STOPS), 0) :
        ]
        if after[:1] in (["'"], ["+"]) or before[-1:] == ["+"] or set(after[:1]) & ORDINALS:
            return OTHER  # a minute: 23', 90+2', 88th
        if after[:1] == ["m"]:
            return OTHER  # a distance: "within 40 m of goal"
        if before[:1] == ["m"]:
            before = []  # "balls won within 40 m of goal 5 v 8": the words after a distance say where, not what
        if "%" in after[:1] + before[-1:]:  # "61%", "possession % 37.2"
            for window in (after[1:] if after[:1] == ["%"] else after, before):
                if any(w.startswith(("possession", "ball")) for w in window):
                    return POSSESSION
                if _named_metric(window):
                    return OTHER  # "pass accuracy (82%)"
            return None
        for window in (after[:1], before[-1:], after, before):
            metric = _named_metric(window)
            if metric:
                return metric
        return None

    @staticmethod
    def _subject(n: int, mentions: list[tuple[int, str]], fallback: str | None) -> str | None:
        """Return the first team named before word ``n``, else ``fallback``, else the first team named after it."""
        before = [team for i, team in mentions if i < n]
        return before[0] if before else fallback or (mentions[0][1] if mentions else None)

    def _results(self, index: int, words: list[str], mentions: list[tuple[int, str]]) -> list[ResultClaim]:
        """Return the sentence's claims about who won (none when the sentence holds a negation)."""
        if NEGATIONS & set(words):
            return []
        claims = [ResultClaim(index, None)] if any(
            w in DRAW_WORDS and not DRAW_NOT_NEXT & set(words[i + 1 : i + 2]) for i, w in enumerate(words)
        ) else []  # fmt: skip
        for position, (i, team) in enumerate(mentions):
            stop = mentions[position + 1][0] if position + 1 < len(mentions) else len(words)
            if any(self._won(words, k) for k in range(i + 1, min(stop + 1, i + 1 + WIN_WINDOW, len(words)))):
                claims.append(ResultClaim(index, team))
        return claims

    @staticmethod
    def _won(words: list[str], k: int) -> bool:
        """Return whether word ``k`` says the team named before it won the match."""
        if words[k] in WIN_VERBS:
            return True
        following = [*words[k + 1 : k + 3], "", ""]
        return words[k] == "won" and (
            following[0] in WON_RESULT_NEXT
            or following[0][:1].isdigit()
            or (following[0] == "the" and following[1] in WON_THE)
        )


def _listed_first(words: list[str], mentions: list[tuple[int, str]]) -> str | None:
    """Return the team a "(TEAM first)" in the sentence says its figures list first, None without one."""
    ends = [k for k in range(1, len(words) - 1) if words[k : k + 2] == ["first", ")"]]
    return next((t for i, t in mentions if ends and words[i - 1 : i] == ["("] and i < ends[0]), None)


def _for_team(words: list[str], n: int, mentions: list[tuple[int, str]]) -> str | None:
    """Return the team named after "for" later in the clause of the number at word ``n`` (before the next ";")."""
    return next((t for i, t in mentions if i > n and words[i - 1] == "for" and ";" not in words[n:i]), None)


def _named_metric(window: list[str]) -> str | None:
    """Return the first metric whose words start a word of ``window`` (checked in METRIC_WORDS order)."""
    text = " " + " ".join(window) + " "
    return next((metric for metric, phrases in METRIC_WORDS if any(f" {p}" in text for p in phrases)), None)


def _qualifiers(words: list[str]) -> list[tuple[int, str | None]]:
    """Return (word index, span) for every qualifier of a part of the match (span: its words, "last 20 minutes") or
    of the whole match (span None) in the sentence's words."""
    found: list[tuple[int, str | None]] = []
    for i, word in enumerate(words):
        pair = tuple(w for w in words[i : i + 3] if w != "-")[:2]  # "half-time" is "half time"
        ahead = words[i + 1 : i + 1 + SPAN_REACH]
        if (
            word in WHOLE_WORDS
            or word.startswith("total")
            or pair in WHOLE_PAIRS
            or (word in {"over", "across", "in"} and ahead[:1] == ["the"] and ahead[1:2] in (["match"], ["game"]))
        ):
            found.append((i, None))
        elif word in SPAN_WORDS or pair in SPAN_PAIRS:
            found.append((i, " ".join(pair) if pair in SPAN_PAIRS else word))
        elif pair in SET_PIECE_PAIRS:
            found.append((i, "set pieces"))
        elif word == "men" and i and (words[i - 1] in FEWER_MEN or words[i - 1].isdigit()):
            found.append((i, f"{words[i - 1]} men"))
        elif word == "from" and any(w[0].isdigit() for w in words[i + 1 : i + 3]):
            found.append((i, "from"))  # "from 80' to 90+2'", "from the 60th minute"
        elif word in SPAN_BOUNDS and any(w.startswith(SPAN_UNITS) for w in ahead):
            unit = next(k for k, w in enumerate(ahead) if w.startswith(SPAN_UNITS))
            found.append((i, " ".join([word, *ahead[: unit + 1]])))
        elif word in GAME_STATES and ahead[:1] in (["at"], ["for"], ["until"]):
            found.append((i, f"{word} {ahead[0]}"))  # "level at 82 minutes", "level for 85 minutes"
        elif word == "when" and GAME_STATES & set(ahead):
            found.append((i, "when " + next(w for w in ahead if w in GAME_STATES)))
    return found


def _span(words: list[str], n: int, qualifiers: list[tuple[int, str | None]]) -> str | None:
    """Return the span of the figure at word ``n``: that of the nearest qualifier within reach (one before it reaches
    forward to the next ";", or the sentence's end when it heads it; one after it back to the previous "," or ";"),
    None (the whole match) with none."""
    reach = [
        (abs(n - i), span is None, span)
        for i, span in qualifiers
        if (i < n and (";" not in words[i:n] or _heads(words, i))) or (i > n and not {",", ";"} & set(words[n:i]))
    ]
    return min(reach, key=lambda r: r[:2])[2] if reach else None


def _heads(words: list[str], i: int) -> bool:
    """Return whether the qualifier at word ``i`` heads the sentence: it opens it and a ":" follows with no number
    between them outside brackets ("set pieces :", "while level ( 85 minutes ) :")."""
    if i != 0 or ":" not in words:
        return False
    depth = 0
    for word in words[: words.index(":")]:
        depth += (word == "(") - (word == ")")
        if depth == 0 and word[0].isdigit():
            return False
    return True
