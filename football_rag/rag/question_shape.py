"""The shape of what a question asks for: the type of its answer, read from how people type, before any wording.

A question wants a person ("who", "whose", "which player", "name the ...", "the ref was?"), a club ("which team"), a
number ("how many", "total"), a time ("when", "what minute", "how early", "... minute?"), yes or no ("did ...",
"true that ...", "..., right?"), a list ("list", "who were"), or a story ("how did", "why", "talk me through"); and a
ranking ("most", "top", "fewest"...) says the answer is the first of an order. People type statements and imperatives
("need the ref for ...", "remind me who ...", "gimme"), dictate without punctuation, put the question word last
("arsenal spurs ref was who") and slip on the question words themselves ("whos", "hwo", "wat", "hw"): the words
that frame the question are set aside and the slips read as the words meant, then the earliest question word decides.
The reading never looks at what the question is about (``rag.question_subject``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Wants(StrEnum):
    """The type of answer a question asks for."""

    PERSON = "person"
    CLUB = "club"
    NUMBER = "number"
    TIME = "time"
    YES_NO = "yes_no"
    LIST = "list"
    STORY = "story"
    NOTHING = "nothing"  # a subject named bare ("arsenal v spurs shots"): what it asks is its subject's own answer


# Ranking words: the answer is the first (or last) of an order ("who had the most shots", "top scorer", "the best
# defence", "the scoring charts", "more shots than anyone").
RANKING = re.compile(
    r"\b(top|topped|tops|led|leads|bottom|most(?! recent)|fewest|least|best|worst|highest|lowest|biggest|greatest"
    r"|largest|leading|ranking|rank|leaders?|more \w+( \w+)? than any(one|body| other player)( else)?"
    # "the scoring charts", "the leakiest defence", "the dirtiest team", "the form table", "the golden glove"
    r"|golden (boot|glove)|charts?|leakiest|dirtiest|meanest|stingiest|form (table|guide))\b"
)
# "Did Arsenal beat Spurs?", "Was Saka booked?": answered Yes or No first; "did" also after chat that asks nothing
# ("lads did wolves lose", "not sure if u know but did ..."), never after a question word ("how many goals did").
YES_NO = re.compile(
    r"^(did|was|were|is|are|has|have|had|does|do)\b"
    r"|^(?:(?!(?:who|whom|whose|what|which|when|where|why|how)\b)\w+\W+){1,8}?(did|does)\b"
    r"|\b(beat|win|won|lose|lost|draw|drew)\b.*\bor not\b"
    # "was it a win for sunderland over wolves", "arsenal won against wolves on 13 december, right?"
    r"|\b(was|were|is) it an? (win|draw|defeat|loss)\b"
    r"|^(?!(?:who|whom|whose|what|which|when|where|why|how)\b).*\b(right|correct|innit)\W*(?:asap\W*)?$"
    # "true that saka scored v spurs", "is it right that ..."
    r"|^(is it )?(true|right|correct) that\b"
)
# "How many cards...?", "total cards in...", "number of bookings": a count, said first.
COUNTED = re.compile(r"\b(how many|number of|total|count)\b")
# Thumb slips and chat spellings of the question words ("whos", "hwo", "wat", "whch"); "hwo" is "how" before the
# words only "how" takes ("hwo many").
_SLIPS = {
    "whos": "who",
    "who's": "who",
    "whom": "who",
    "hoo": "who",
    "wat": "what",
    "wot": "what",
    "wht": "what",
    "whta": "what",
    "whats": "what",
    "what's": "what",
    "whch": "which",
    "wich": "which",
    "whihc": "which",
    "wihch": "which",
    "whn": "when",
    "wen": "when",
    "hw": "how",
}
_HOW_WORDS = r"many|much|long|early|late|soon|often|did|do|does|was|were|is|are|has|have"
_HWO = re.compile(rf"\bhwo\b(?= (?:{_HOW_WORDS})\b)")
# The words that frame a question without asking anything ("need the ref for...", "remind me who...", "settle an
# argument: ..."): set aside, so what follows is read as the question.
_FRAMES = re.compile(
    r"^(?:(?:i need to know|i need|need|remind me(?: of)?|tell me|gimme|give me|can you tell me|could you tell me"
    r"|do you know|does anyone know|any idea|let me know|i'd like to know|i want to know|i wanna know"
    r"|settle an argument|trying to find out|looking up|fact check|just|pls|please|name)\b[\s,:;.!-]*)+"
)
# "how many minutes in was the opener", "how many mins into the game": a time counted from kick-off, not a count.
_MINUTES_IN = r"(?:minutes|mins) (?:in|into|gone)\b"
# Each answer type's question words, found anywhere: the earliest decides ("arsenal spurs ref was who": a person).
_ASKED = {
    # "when" as a conjunction ("who scored when they met") asks no time: it asks one first, before a verb, or last
    Wants.TIME: r"^when\b|\bwhen (?=(did|was|were|is|does|do|has|had|exactly|precisely)\b)|\bwhen\W*$"
    r"|\b(what|which|wat|at what) (minute|min|time|stage|point)\b|\bin which (minute|min)\b"
    r"|\bhow (early|late|soon|long into)\b|\b(minutes?|mins?|timings?|times?) of\b|\b(minute|min|mins|time|timing)\W*$"
    rf"|\bhow many {_MINUTES_IN}"
    # the minute as a noun, not one named by its number ("in the 90th minute", "a last-minute winner")
    r"|(?<!\d)(?<!\d )(?<!\dst )(?<!\dnd )(?<!\drd )(?<!\dth )(?<!last )(?<!final )(?<!first )(?<!last-)(?<!same )"
    r"\b(minute|min)\b",
    Wants.NUMBER: rf"\b(how many(?! {_MINUTES_IN})|how much|how often|number of|total|count|tally)\b",
    Wants.CLUB: r"\b(which|what) (team|side|club)s?\b",
    Wants.LIST: r"\b(list|who were)\b",
    Wants.STORY: r"^(how|why)\b|\b(talk me through|tell me about|explain)\b",
    # "the assister ... was?", "assist by?", "... was who": a person asked for at the end
    Wants.PERSON: r"\b(who|whose|which (player|lad|man|guy|one)|what player|name (the|of)|assister|provider)\b"
    r"|\bby\W*$|\bthe (assist|ref|referee|official|manager|boss|gaffer|coach|captain|skipper|motm|man of the match"
    r"|player of the match|scorer|goalscorer)\b(?! (count|total|tally|number|figures?|stats?)\b)",
}
_ASKED_RE = {wants: re.compile(words) for wants, words in _ASKED.items()}


@dataclass(frozen=True)
class Shape:
    """What a question asks for: the answer's type (the earliest asked), every type it asks, and whether ranked."""

    wants: Wants
    asks: frozenset[Wants]
    ranked: bool


def read_as_asked(text: str) -> str:
    """Return ``text`` (lower case) with its framing words set aside and the question words' slips read as meant."""
    words = _HWO.sub("how", text.lower().strip())
    words = re.sub(r"\bhwo\b", "who", words)
    words = re.sub(r"[\w']+", lambda w: _SLIPS.get(w.group(), w.group()), words)
    return _FRAMES.sub("", words).strip()


def shape_of(text: str) -> Shape:
    """Return the shape of the question ``text``: yes/no when it opens as one, else the type its earliest question
    word asks for (nothing when none does)."""
    read = read_as_asked(text)
    found = {wants: m.start() for wants, pattern in _ASKED_RE.items() if (m := pattern.search(read))}
    if YES_NO.search(read) or YES_NO.search(text.lower()):
        wants = Wants.YES_NO
    else:
        wants = min(found, key=found.get, default=Wants.NOTHING)
    return Shape(wants, frozenset(found) | {wants}, RANKING.search(read) is not None)
