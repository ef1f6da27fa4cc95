"""A count asked of the side a team played: "goals scored against Arsenal", "goals put past Wolves", "conceded by
Chelsea", "how many shots did Villa face", "corners Sunderland conceded", "which side faced the most shots" are the
opponents' figures in the team's matches, not the team's own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from football_rag.rag.entities import TeamMention
from football_rag.rag.intents import stat_named

# The words that make a count the opponents' ("conceded", "let in", "gave up", "faced", "allowed"): taken out of the
# question before the count itself is read, so "corners conceded" counts corners, not goals conceded.
_CONCEDING = re.compile(
    r"\bconced\w*|\blet(s|ting)? in\b|\b(gave|give|gives|giving|given) up\b|\bfac(e|ed|es|ing)\b|\ballow(s|ed|ing)?\b"
    r"|\bshipp(ed|ing)\b|\bleak(ed|ing)\b"
)
# Counts a club "concedes" by committing them itself: "fouls conceded by Fulham" are Fulham's fouls.
CONCEDED_OWN = frozenset({"fouls"})
# Words just before the club: "goals (scored) against", "scored past", "put past", "conceded by", "faced by".
_BEFORE_CLUB = re.compile(
    r"(\b(against|vs|v|versus)|\b(scored|put|fired|stuck|slotted|netted|got|knocked|banged) (\w+ )?past"
    r"|\b(conceded|faced|allowed|given up|let in|shipped) by)$"
)
# The count alone before "against": "goals (scored)", "how many shots were taken", not "did Spurs have".
_COUNT_BEFORE = re.compile(r"^(?!.*\b(did|do|does|had|have|has)\b(?! been)).{0,60}$")
# Words just after the club: "X let in", "did X face", "X gave up", "X conceded" (of a count that is not goals).
_AFTER_CLUB = re.compile(
    r"^((have|has|had) )?(let(s|ting)? in|(gave|give|gives|giving|given) up|fac(e|ed|es|ing)|conced\w*|allow\w*)\b"
)
# A ranking of what teams let the others have: "faced the most shots", "most goals scored against them".
_RANKED = re.compile(r"\bagainst (them|it)\b|" + _CONCEDING.pattern)


@dataclass(frozen=True)
class Against:
    """The club whose opponents' count is asked (None in a ranking of every club) and the count: "goals" for goals
    conceded."""

    team: str | None
    stat: str


def own_count(question: str) -> str | None:
    """Return the count a question names once its conceding words are taken out ("corners conceded": corners)."""
    return stat_named(_CONCEDING.sub(" ", question.lower()))


def kept_against(question: str, kept: tuple[str | None, str], teams: list[str]) -> Against | None:
    """Return the opponents' count an elliptic follow-up keeps ("and in december?", "and corners against them?"
    after "how many shots did Spurs face"): the same club's, of the count it names, if any; None when it names
    a count of its own without conceding words ("what about shots")."""
    team, stat = kept
    if team is not None and team not in teams:
        return None
    named = own_count(question)
    if named is None:
        return Against(team, stat)
    return Against(team, named) if _RANKED.search(question.lower()) else None


def against_asked(words: list[str], mentions: list[TeamMention], teams: list[str], ranked: bool) -> Against | None:
    """Return what a question (its plain ``words``, the club ``mentions`` in them and the ``teams`` they resolved to,
    in order) asks of a club's opponents; a ranking (``ranked``) of every club when no club is named. None when
    it asks a club's own figures ("how many shots did Spurs have against Arsenal")."""
    text = " ".join(words)
    named = [m for m in mentions if m.teams]
    stat = own_count(text)
    if stat is None or stat in CONCEDED_OWN:
        return None
    if not named:
        return Against(None, stat) if ranked and _RANKED.search(text) else None
    for i, mention in enumerate(named[: len(teams)]):
        before = " ".join(words[: mention.start])
        # A misspelt name may have swallowed the verb after it ("arsenal face" read as "Arsenal FC").
        after = [" ".join(words[end:]) for end in {mention.end, max(mention.start + 1, mention.end - 1)}]
        if _club_after(before, first=i == 0) or any(_AFTER_CLUB.search(tail) for tail in after):
            return Against(teams[i], stat)
    return None


def _club_after(before: str, first: bool) -> bool:
    """Whether the words before a club make it the one conceded against: "scored past", "conceded by", or "against"
    after the count alone ("how many goals were scored against"), not after a side's own ("did Spurs have against")."""
    match = _BEFORE_CLUB.search(before)
    if match is None:
        return False
    if not match.group(2):  # "past", "by": the club conceded, wherever it stands
        return True
    count = before[: match.start()].strip()
    return first and _COUNT_BEFORE.search(count) is not None and own_count(count) is not None
