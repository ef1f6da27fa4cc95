"""The reply to a question asked back: "united against sunderland" -> "By "united", did you mean Man Utd, Newcastle
or West Ham?" -> "man utd" is the first question with the club chosen, not a new question about Man Utd alone.

A question asked back names the words it could not settle and the options they may be (clubs, players); a reply
picks one by name ("man utd", "manchester united", "newcastle", "harvey"), by a nickname or a word of one
("the magpies", "the red one": Man Utd's "red devils"), or by its place in the list ("1", "the first", "the second
one"). A question asked back without options ("Which match do you mean?") is completed by a short reply that asks
nothing of its own ("arsenal v spurs"). Anything else is a new question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from football_rag.rag.entities import Catalog, Resolution, words_of

_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "last": -1}
# Words a reply wraps a choice in: "I meant the first one", "the red one please", "number 2".
_FILLER = frozenset({
    "i", "mean", "meant", "the", "one", "ones", "option", "number", "no", "sorry", "please", "club", "team", "player",
    "guy", "lad", "it", "s", "was", "is", "he", "she", "yes",
})  # fmt: skip
# A reply that asks something of its own is a new question, not a choice ("who scored for arsenal?").
_ASKS = re.compile(r"^(who|whose|what|when|where|which|how|why|did|does|do|was|were|is|are|has|have|can|show)\b")
MAX_REPLY_WORDS = 6
# A reply agreeing with the one name asked about ("did you mean Casemiro?" "yeah that's him").
_AGREE = frozenset(["yes", "yeah", "yep", "yup", "ye", "aye", "correct", "right", "that", "him", "them", "exactly"])


@dataclass(frozen=True)
class AskedBack:
    """A question the answer asked back about: the question, the words it could not settle and their options."""

    question: str
    words: str | None = None
    options: tuple[str, ...] = field(default_factory=tuple)
    # Answered with the club the name usually means ("united": Man Utd): only a reply picking an option answers again.
    guessed: bool = False

    @classmethod
    def of(cls, question: str, resolution: Resolution) -> AskedBack:
        """Return what ``question`` was asked back about: the club name left open, else the first name several
        players carry, else nothing named (the reply completes the question)."""
        if resolution.assumed is not None and resolution.unsettled is not None:  # the other clubs the answer names
            words, taken = resolution.assumed
            return cls(question, words, tuple(o for o in resolution.unsettled[1] if o != taken), guessed=True)
        if resolution.unsettled is not None:
            return cls(question, resolution.unsettled[0], resolution.unsettled[1])
        for words, refs in resolution.ambiguous_players.items():
            return cls(question, words, tuple(r.name for r in refs))
        return cls(question)


def chosen_option(reply: str, asked: AskedBack, catalog: Catalog) -> str | None:
    """Return the option a reply picks, or None when it picks none (or several)."""
    words = [w for w in words_of(reply).split() if w not in _FILLER]
    agreed = words_of(reply).split()
    if len(asked.options) == 1 and agreed and set(agreed) <= _FILLER | _AGREE:  # "did you mean Casemiro?" "yes"
        return asked.options[0]
    if not words or len(words) > MAX_REPLY_WORDS:
        return None
    if len(words) == 1 and (place := _place(words[0], len(asked.options))) is not None:
        return asked.options[place]
    text = " ".join(words)
    for fits in (_named(catalog, text), _spelt(text), _nicknamed(catalog, words)):
        picked = [option for option in asked.options if fits(option)]
        if len(picked) == 1:
            return picked[0]
    return None


def _place(word: str, n: int) -> int | None:
    """Return the index a place in the list names ("2", "second", "last"), or None."""
    index = int(word) - 1 if word.isdigit() else _ORDINALS.get(word)
    if index is None or not -n <= index < n:
        return None
    return index % n


def _named(catalog: Catalog, text: str) -> Callable[[str], bool]:
    """An option the reply names as a club ("manchester united", "the magpies") or a player ("harvey barnes")."""
    found = catalog.resolve(text)
    names = set(found.teams) | {p.name for p in found.players}
    return lambda option: option in names


def _spelt(text: str) -> Callable[[str], bool]:
    """An option whose name holds the reply's words ("harvey" of Harvey Barnes, "ham" of West Ham)."""
    return lambda option: f" {text} " in f" {words_of(option)} "


def _nicknamed(catalog: Catalog, words: list[str]) -> Callable[[str], bool]:
    """An option one of whose names holds a word of the reply ("the red one": the Red Devils)."""
    asked = set(words)
    return lambda option: any(option in clubs and asked & set(key.split()) for key, clubs in catalog.names.keys.items())


def reply_as_question(reply: str, asked: AskedBack, catalog: Catalog) -> str | None:
    """Return the question a reply to ``asked`` makes (the first question with its choice written in), or None
    when the reply is a new question. A reply that names no club or player ("how many corners?", "in december"
    after "which United?") adds to the first question: the period may settle it, else it is asked back again."""
    plain = words_of(reply)
    if len(plain.split()) > MAX_REPLY_WORDS:
        return None
    if asked.options:
        if (option := chosen_option(reply, asked, catalog)) is not None:
            return written_in(asked.question, asked.words, option)
        if asked.guessed:
            return None
        return _joined(asked.question, reply) if _names_nobody(catalog.resolve(reply)) else None
    return None if _ASKS.match(plain) else _joined(asked.question, reply)


def _names_nobody(found: Resolution) -> bool:
    """Whether a reply names no club or player (a day or a stat may settle or extend the question asked back)."""
    return not (found.teams or found.players or found.unknown_teams or found.clarification or found.ambiguous_players)


def _joined(question: str, reply: str) -> str:
    """Return the question asked back with the reply after it ("who was motm" + "arsenal v spurs")."""
    return f"{question.rstrip('?. ')} {reply.strip()}"


def written_in(question: str, words: str | None, option: str) -> str:
    """Return ``question`` with the unsettled ``words`` replaced by the option chosen (appended when not found as
    written: a misspelling's words are read plain)."""
    if words:
        pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, words.split())) + r"\b", re.IGNORECASE)
        if pattern.search(question):
            return pattern.sub(option, question, count=1)
        plain = f" {words_of(question)} "
        if f" {words} " in plain:
            return plain.replace(f" {words} ", f" {option} ", 1).strip()
    return f"{question.rstrip('?. ')} {option}"
