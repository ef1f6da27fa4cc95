"""The numeric and name check: nothing reaches the user that the facts and sources do not say.

Every number in an answer (scores "4-1", decimals "1.39", percentages, minutes "36'", counts, also
spelled "four") must equal a number in the evidence given to the model; every team or player name the
answer mentions must appear in that evidence, and what it says of a result must match the score
(``result_claims``). A sentence that fails is dropped; when nothing is left
the templated facts stand in. The result says ``grounded`` and lists what was ``unsupported``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
# A number may carry a thousands comma, a decimal part, a trailing % or minute mark, or be an ordinal
# ("in the 15th minute" states the minute 15 as surely as "15'").
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:%|'|st|nd|rd|th)?(?![\w])")
_WORD_NUMBER = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
# A sentence ends at a stop before a space, or at the very end unless a digit comes before it: a text cut by the token
# limit may end on a decimal's point ("1.97 xG to 1." was "to 1.33").
_SENTENCE_END = re.compile(r"[.!?](?=\s)|(?<!\d)[.!?]$")
TOLERANCE = 0.005


def numbers_in(text: str) -> list[float]:
    """Every number the text states, as floats (scores give both sides, "four" gives 4)."""
    found = [float(m.group(1).replace(",", "")) for m in _NUMBER.finditer(text)]
    found += [float(NUMBER_WORDS[m.group(1).lower()]) for m in _WORD_NUMBER.finditer(text)]
    return found


@dataclass(frozen=True)
class Evidence:
    """What the model was given: fact sentences and retrieved passages, and the names it may use."""

    texts: tuple[str, ...]
    numbers: frozenset[float] = field(init=False)
    lowered: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "numbers", frozenset(n for t in self.texts for n in numbers_in(t)))
        object.__setattr__(self, "lowered", "\n".join(self.texts).lower())

    def supports_number(self, value: float) -> bool:
        return any(abs(value - known) < TOLERANCE for known in self.numbers)

    def supports_name(self, name: str) -> bool:
        return name.lower() in self.lowered


@dataclass(frozen=True)
class GroundingResult:
    """``text`` is what is shown; ``grounded`` says the shown text passes the check (re-checked, not
    assumed); ``unsupported`` lists what the draft said without support and was removed."""

    text: str
    grounded: bool
    unsupported: tuple[str, ...]
    removed_sentences: tuple[str, ...] = ()


class NameMatcher:
    """Finds the known team and player names a text mentions, in one regex pass (longest names first)."""

    def __init__(self, names: Iterable[str]) -> None:
        unique = sorted({n.lower() for n in names if len(n) > 2}, key=len, reverse=True)
        self._spelling = {n.lower(): n for n in names}
        alternatives = "|".join(re.escape(n) for n in unique) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def find(self, text: str) -> list[str]:
        return [self._spelling[m.group(0)] for m in self._pattern.finditer(text.lower())]


def _unsupported_in(
    sentence: str, evidence: Evidence, names: NameMatcher, claims: Callable[[str], list[str]] | None
) -> list[str]:
    bad = list(claims(sentence)) if claims else []
    bad += [
        m.group(0)
        for m in _NUMBER.finditer(sentence)
        if not evidence.supports_number(float(m.group(1).replace(",", "")))
    ]
    bad += [
        m.group(0)
        for m in _WORD_NUMBER.finditer(sentence)
        if not evidence.supports_number(NUMBER_WORDS[m.group(1).lower()])
    ]
    bad += [name for name in names.find(sentence) if not evidence.supports_name(name)]
    return bad


def ground(
    answer: str,
    evidence: Evidence,
    names: NameMatcher,
    fallback: str,
    claims: Callable[[str], list[str]] | None = None,
) -> GroundingResult:
    """Keep the sentences whose numbers and names the evidence supports, once each; ``fallback`` when none survive.

    ``claims`` returns what else a sentence says that the facts contradict (``result_claims``).
    """
    kept: list[str] = []
    removed: list[str] = []
    unsupported: list[str] = []
    for sentence in split_sentences(answer):
        if sentence in kept:  # small models loop: a repeat says nothing new
            removed.append(sentence)
            continue
        bad = _unsupported_in(sentence, evidence, names, claims)
        if bad:
            removed.append(sentence)
            unsupported.extend(bad)
        else:
            kept.append(sentence)
    text = " ".join(kept).strip() or fallback
    grounded = not any(_unsupported_in(s, evidence, names, claims) for s in split_sentences(text))
    return GroundingResult(text, grounded, tuple(unsupported), tuple(removed))


def whole_sentences(text: str) -> str:
    """Return ``text`` up to the end of its last full sentence ("" when none ends): an answer cut by the token limit
    ends mid-sentence, and half a sentence is not shown."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return text[: ends[-1]].strip() if ends else ""


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences (decimals such as 1.39 stay whole)."""
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]
