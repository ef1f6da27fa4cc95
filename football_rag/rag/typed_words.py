"""A question as people type it, read back into the words the router and the period parser know.

Emoji are dropped (spelt out they would be words: "🥲" a "face"), and four things are undone before the question is
read, none of which changes what it asks: chat padding around it ("quick one", "settle an argument", "my mate reckons
otherwise but", trailing "ta very much", "haha", "if u know", "if poss"), chat shorthand ("b4", "xmas", "agst",
"szn") and misspellings of the reading's own vocabulary (month names, question and intent words: "decemeber",
"goasl", "wehn", "aginst", "gafffer", "manaed", "interrceptions"). A
misspelling is corrected only to a vocabulary word it equals once a held-down key's run of letters is one letter, or
within a bound (a swap of neighbouring letters counting as one edit, rapidfuzz's optimal string alignment, once runs
of a letter are one letter: a short word only for swapped, doubled or one left-out letter, a longer one one edit), only
when the typed word is not itself an English word (pyspellchecker's word list: "least" is not "last", "seasons"
not "season") and only when one vocabulary word alone is that close, so a real word is never turned into another.
A slip that is an English word but never a football one ("corers": corners in a count, else scorers) is read as
the word meant. And a
leader in fans' words ("the assist king", "king of the tackles", "xg merchant", "top bins merchant") is read as the
most of that stat, so "king" names no player (Josh King).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

from football_rag.analytics.stat_registry import STATS

# Words the reading depends on: month names, question words, "against"/"before", and what is asked.
VOCABULARY = frozenset(
    """
    january february march april may june july august september october november december christmas
    the did who what when where which whose how many much most many
    against before after since until during between versus
    highest rated best top
    goal goals scored scorer scorers scoring score scores assist assists assisted
    game games match matches season points shots shot shoot cards card clean sheets conceded
    minute minutes first last final winner winning equaliser manager formation
    managed managing gaffer referee refereeing reffed passes interceptions provided again shape system
    reverse meeting other half pick offsides line ballon
    home away total fouls corners tackles bookings booked goalscorers target opponents coach coached
    table standings position assister assisters
    dugout official officials presser corner yellows refereed
    transfer transfers contract prediction predict tickets salary wages birthday next conference injured injury
    break finish ticket opening opener clearances
    anyone topped placing shutouts netted earned ended through exactly charge officiated crowd record count
    quarter youth facing attempts saves dribbles crosses touches player players
    """.split()  # noqa: SIM905 - a word list reads as words
)
# Chat shorthand for a vocabulary word.
SHORTHAND = {
    "b4": "before",
    "xmas": "christmas",
    "agst": "against",
    "agnst": "against",
    "szn": "season",
    "wat": "what",
    "hw": "how",  # "hw many goal attempts did palace manage"
    "wot": "what",
    "vrs": "vs",
    "sept": "september",
    "tgt": "target",
    "pts": "points",
    "da": "the",  # "saturday da 6th of december", "who led da prem"
    "hattrick": "hat-trick",  # no name: "who got a hattrick vs burnley"
    "hattricks": "hat-tricks",
}
# "Corers" is an English word but a slip in a football question, for "corners" in a count ("how many corers did
# Bournemouth have") and for "scorers" elsewhere ("top corers").
_CORERS = re.compile(r"\bcorer(s?)\b", re.IGNORECASE)
_COUNT_ASKED = re.compile(r"\b(how many|number of|total|count)\b", re.IGNORECASE)
# A leader in fans' words: "<stat> king", "<stat> merchant", "king of (the) <stat>"; "top bins", "screamers" and
# "worldies" are goals.
_LEADER_TITLE = r"(?:king|queen|merchant|machine|god|master|specialist)s?"
_LEADER = re.compile(
    rf"\b(?:the )?(?P<before>[a-z]+(?: [a-z]+)?) {_LEADER_TITLE}\b"
    rf"|\b{_LEADER_TITLE} of (?:the )?(?P<after>[a-z]+(?: [a-z]+)?)",
    re.IGNORECASE,
)
# "xG aside, who opened the scoring", "leaving possession aside", "aside from xg": a figure set aside is not asked for.
_SET_ASIDE = re.compile(
    r"\b(?:(?:leaving|putting|setting) )?(?P<before>[a-z]+(?: [a-z]+)?) aside\b[\s,:;.-]*"
    r"|\baside from (?:the )?(?P<after>[a-z]+(?: [a-z]+)?)\b[\s,:;.-]*",
    re.IGNORECASE,
)
_GOAL_SLANG = re.compile(r"^(top bins|screamers?|worldies|worldys?|bangers?|goal ?scoring)$")
_PADDING_LEAD = re.compile(
    r"^(?:(?:quick one|quick q|settle an argument|my mate reckons otherwise but|sorry if dumb q|"
    r"need this for fantasy|for my (?:fantasy|fpl)(?: team| side| league)?|random q but|random question but|"
    r"cant remember|can't remember|"
    r"ok so|okay so|so|ok|genuine question|honest question|pub quiz q(?:uestion)?|wondering|"
    r"arguing (?:w|with) my (?:dad|mum|mate|brother|sister|missus|wife)|"
    r"yo|hey|hiya|hi|oi|bro|mate|evening|morning|afternoon|if (?:at all )?poss(?:ible)?)\b[\s,:.!-]*)+",
    re.IGNORECASE,
)
_PADDING_TAIL = re.compile(
    r"(?:[\s,]+(?:ta(?: very much)?|thx|thanks|thank you|ty|cheers|lol|haha+|lmao|pls|please|(?<!than )anyone|mate|asap"
    # "if poss": if possible, never possession
    r"|if (?:u|you) know|if (?:at all )?poss(?:ible)?)\b[\s?!.]*)+$",
    re.IGNORECASE,
)
_QUESTION_MARKS = re.compile(r"\?{2,}")
_WORD = re.compile(r"[A-Za-z0-9']+")


def without_padding(question: str) -> str:
    """Return ``question`` without chat padding before or after it; the question itself when it is all padding."""
    text = _QUESTION_MARKS.sub("?", question).strip()
    core = _PADDING_TAIL.sub("", _PADDING_LEAD.sub("", text)).strip(" ,")
    if not core.strip(" ?!."):
        return text
    return core + ("?" if text.endswith("?") and not core.endswith("?") else "")


@cache
def corrected(word: str) -> str:
    """Return the vocabulary word ``word`` was typed for (shorthand, letters typed twice or thrice, or one edit
    away), else ``word`` unchanged."""
    lower = word.lower()
    if lower in SHORTHAND:
        return SHORTHAND[lower]
    if len(lower) < 3 or lower in VOCABULARY or not lower.isalpha() or lower in english_words():
        return word
    # A key held down ("gafffer", "refeereeing", "passses") is the word once each run of a letter is one letter.
    held = [v for v in VOCABULARY if _runs_collapsed(v) == _runs_collapsed(lower)]
    if len(held) == 1:
        return held[0]
    close = [v for v in VOCABULARY if _edits(lower, v) <= _bound(lower, v)]
    if len(close) > 1:  # letters swapped ("goasl") or left out ("scord") before letters changed ("goal", "score")
        close = [v for v in close if sorted(v) == sorted(lower)] or [v for v in close if _within(lower, v)]
    return close[0] if len(close) == 1 else word


def _runs_collapsed(word: str) -> str:
    """Return ``word`` with each run of one letter written once ("gafffer" -> "gafer")."""
    return re.sub(r"(.)\1+", r"\1", word)


def _edits(typed: str, word: str) -> int:
    """Return the edits (a swap of neighbouring letters counting as one) between ``typed`` and ``word``, letters
    held down aside ("mnaaging" is one swap from "managing")."""
    return min(OSA.distance(typed, word), OSA.distance(_runs_collapsed(typed), _runs_collapsed(word)))


def _bound(typed: str, word: str) -> int:
    """Return how many edits make ``typed`` a slip for ``word``: one other edit makes a short word another word, so
    a word of three or four letters is corrected only for swapped letters ("woh"), a key held down ("whoo") or one
    letter left out ("hlf"); a longer one one edit away (two would read "matchweek" as "matches")."""
    if len(typed) >= 5:
        return 1
    return 1 if _slip(typed, word) or (len(word) == len(typed) + 1 and _within(typed, word)) else 0


@cache
def english_words() -> frozenset[str]:
    """Return pyspellchecker's English words: a typed word among them is a real word and stays as typed."""
    return frozenset(SpellChecker().word_frequency.keys())


def _slip(typed: str, word: str) -> bool:
    """Return whether ``typed`` is ``word`` with two letters swapped or one letter typed twice ("whoo")."""
    doubled = any(typed[i] == typed[i + 1] and typed[:i] + typed[i + 1 :] == word for i in range(len(typed) - 1))
    return sorted(word) == sorted(typed) or doubled


def _within(typed: str, word: str) -> bool:
    """Return whether ``typed`` is ``word`` with letters left out."""
    letters = iter(word)
    return all(c in letters for c in typed)


# A capital inside a word that is not all capitals ("wAs", "jaN", "1St", "WondeRing"), and not a Scottish or Irish
# name's second capital ("McGinn", "MacAllister").
_INNER_CAPITAL = re.compile(r"\b(?!Ma?c[A-Z])(?=\w*[a-z])\w+[A-Z]\w*")
RANDOM_CASE_WORDS = 2


def case_undone(question: str) -> str:
    """Return ``question`` with its words of random case in lower case when it holds two or more ("Who wAs 1sT in The
    pRem": "who was 1st"), so a month, a day and a word read as typed; otherwise the question unchanged."""
    if len(_INNER_CAPITAL.findall(question)) < RANDOM_CASE_WORDS:
        return question
    return _INNER_CAPITAL.sub(lambda m: m.group(0).lower(), question)


def leaders_read(question: str) -> str:
    """Return ``question`` with a leader in fans' words as a ranking's ("who's the assist king" -> "who's the most
    assist", "king of the tackles" -> "the most tackles"); words before or after the title that name no stat stay."""

    def most(m: re.Match[str]) -> str:
        words = (m.group("before") or m.group("after")).split()
        for n in (2, 1):  # "key passes king": the longest stat named beside the title
            phrase = " ".join(words[-n:] if m.group("before") else words[:n])
            stat = "goals" if _GOAL_SLANG.match(phrase.lower()) else phrase
            if _names_stat(stat):
                kept = " ".join(words[: len(words) - n] if m.group("before") else words[n:])
                return f"{kept} the most {stat}".strip() if m.group("before") else f"the most {stat} {kept}".strip()
        return m.group(0)

    return _LEADER.sub(most, question)


def _names_stat(phrase: str) -> bool:
    """Return whether ``phrase`` is all a statistic's words ("xg", "key passes")."""
    return any(s.asked and re.fullmatch(s.asked, phrase.lower()) for s in STATS)


def set_aside_dropped(question: str) -> str:
    """Return ``question`` without a statistic it sets aside ("xG aside, who opened the scoring" -> "who opened the
    scoring"); words before "aside" that name no statistic stay."""

    def dropped(m: re.Match[str]) -> str:
        words = (m.group("before") or m.group("after")).split()
        for n in (2, 1):  # "expected goals aside": the longest statistic named
            phrase = " ".join(words[-n:] if m.group("before") else words[:n])
            if len(words) >= n and _names_stat(phrase):
                return " ".join(words[: len(words) - n]) + " " if m.group("before") and n < len(words) else ""
        return m.group(0)

    return _SET_ASIDE.sub(dropped, question).strip()


# What an emoji is joined or dressed with: the zero-width joiner, the variation selectors, the skin tones.
_EMOJI_PARTS = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")


def without_emoji(question: str) -> str:
    """Return ``question`` without its emoji and other pictographs (Unicode's "other symbols"): spelt out as ASCII
    they would be words ("🥲": "smiling face with tear", a club that "faced" shots; "🍻": "beers"), and they ask
    nothing."""
    kept = "".join(" " if unicodedata.category(c) == "So" else c for c in _EMOJI_PARTS.sub("", question))
    return " ".join(kept.split()) or question


# "Which city hosted arsenal v spurs", "in what town was it played": a place asked of a match, never Man City.
_PLACE_ASKED = re.compile(
    r"\b(?:which|what) (city|town)\b(?= (?:hosted|staged|held|was|is|were|did|does|saw|had|has|played)\b)",
    re.IGNORECASE,
)


def place_asked(question: str) -> tuple[str, str | None]:
    """Return the question with a city or town asked of a match read as its ground ("which city hosted arsenal v
    spurs" -> "which ground hosted arsenal v spurs") and the word asked ("city"), else the question and None."""
    found = _PLACE_ASKED.search(question)
    if found is None:
        return question, None
    return question[: found.start(1)] + "ground" + question[found.end(1) :], found.group(1).lower()


def as_read(question: str, names: frozenset[str] = frozenset()) -> str:
    """Return ``question`` without emoji, random case, chat padding, shorthand and misspelt vocabulary words, a leader
    in fans' words as a ranking's; ``names`` (lowercase club and player words) are never corrected."""
    text = without_padding(set_aside_dropped(case_undone(without_emoji(question))))
    text = _WORD.sub(lambda m: m.group(0) if m.group(0).lower() in names else corrected(m.group(0)), text)
    meant = "corner" if _COUNT_ASKED.search(text) else "scorer"
    return leaders_read(_CORERS.sub(lambda m: meant + m.group(1), text))
