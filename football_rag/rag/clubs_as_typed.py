"""Clubs as people type them, read from the data's own names rather than a list of spellings.

A word no name matches exactly may still be a club: its scoreboard code ("mci", "wol": ``codes`` in
``configs/team_aliases.yaml``), a name clipped to its first letters ("sund", "newc", "bourne"), a name with
letters left out ("lpool", "bmouth", "arsenl", "wolvs"), or any of these with a possessive "s" and no
apostrophe ("lpools"). Names run together ("westham", "mancity") are keys of the name table itself. Every
form is generated from the names the table writes for each club, so a club added to the data is read the
same way. A code that is an English word or a player's name in the data ("eve", "cry", "tot") is a club
only in a club's place: beside another club or a fixture word ("chelsea vs eve", "playing tot",
"eve / brighton", "did cry use"), before the words saying where it played ("che on the road at spurs", "bur
away at liv") or its side ("the bur team"), never alone ("christmas eve"); a three-letter clip ("bri") and a nickname
written without the "the" it needs ("irons", "reds") likewise. An English word
of five letters or more that starts a club's name is the club in a club's place too ("bourne v arsenal"); a
shorter one ("live", "ever") or a player's name is never read as a clipped club. A form several
clubs fit ("manc": Man City, Man Utd) names them all, and the question is asked back. A club word ("afc", "fc") is
no club clipped ("afc arsenal" is Arsenal), a code's possessive is the code ("livs manager", "bous boss"), a name's
plural in "-ves" written as a regular one is the club anywhere ("wolfs": an English verb, but no footballer's), and a
weekday's abbreviation followed by a date that falls on it is that day, not a club ("fulham (sun 28th sep)"; "against
SUN the 8th of november", a Saturday, is Sunderland).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

MIN_CLIP = 3
# An English word this long that starts a club's name ("bourne", "aston", "sunder") is the club in a club's place;
# shorter ones ("live", "ever", "man") stay words.
MIN_WORD_CLIP = 5
# Shorter than this, a clip or a name with letters left out names a club only in a club's place.
MIN_STRONG_CLIP = 4
# A name written with letters left out keeps at least this share of them ("lpool" of "liverpool": 5 of 9).
MIN_KEPT_SHARE = 0.5
# Words that put a club beside them: "chelsea vs eve", "playing tot", "lose to wol".
FIXTURE_WORDS = frozenset(
    ["v", "vs", "versus", "against", "playing", "played", "facing", "faced", "beat", "beating", "beaten", "to", "at",
     "and", "with", "host", "hosting", "hosted", "visiting"]
)  # fmt: skip
# Words after which a club is the subject asked about: "did cry use a back three", "did irons lose".
SUBJECT_BEFORE = frozenset(["did", "does", "do"])
# Words before which a club's players are asked about: "how many cry players went in the book".
SQUAD_AFTER = frozenset(
    ["players", "player", "squad", "starters", "fans", "keeper", "defence", "defenders", "team", "side", "lot", "xi"]
)
# Words before which a club's manager is asked about: "cry gaffer vs man utd", "who was bre boss v spurs".
STAFF_AFTER = frozenset(["gaffer", "manager", "boss", "coach", "head"])
# Words after a club that say where it played: "che on the road at spurs", "bur away at liv", "sun at home to ...".
WHERE_AFTER = ("on the road ", "away ", "at home ", "home to ")
# Words before which an English word is a day, not a club: "christmas eve", "new year's eve".
_DAY_BEFORE = frozenset(["christmas", "xmas", "year", "years"])


def joined(name: str) -> str:
    """Return a name's words run together ("west ham" -> "westham")."""
    return name.replace(" ", "")


def _kept_in(typed: str, name: str) -> bool:
    """Whether ``typed`` is ``name`` with letters left out, its first and last letters kept ("lpool", "bmouth")."""
    if typed[0] != name[0] or typed[-1] != name[-1] or len(typed) < MIN_KEPT_SHARE * len(name):
        return False
    letters = iter(name)
    return all(c in letters for c in typed)


class ClubsAsTyped:
    """The clubs a typed word may name that no key of the name table matches exactly."""

    def __init__(
        self,
        names: Mapping[str, Iterable[str]],
        codes: Mapping[str, str],
        ordinary: Callable[[str], bool],
        in_place: Mapping[str, Iterable[str]] | None = None,
        person: Callable[[str], bool] = lambda word: False,
        club_words: Iterable[str] = (),
        dated: Callable[[list[str], int], bool] = lambda words, at: False,
    ) -> None:
        """``names``: every way the table writes a club (plain words) -> its clubs in the data; ``codes``: scoreboard
        code -> club in the data; ``ordinary``: whether a word is an English word or a player's name; ``in_place``:
        words that name clubs only in a club's place ("irons", the Irons without their "the"); ``person``: whether a
        word is a player's name (never a club clipped); ``club_words``: words of many clubs' names ("fc", "afc"),
        never a club clipped; ``dated``: whether word ``at`` of the words is a weekday of the date after it."""
        self.ordinary, self.person, self.dated = ordinary, person, dated
        self.club_words = frozenset(club_words)
        self.in_place = {word: tuple(sorted(clubs)) for word, clubs in (in_place or {}).items() if clubs}
        self.codes = {code.lower(): club for code, club in codes.items()}
        # Whole names only: "the ..." forms are nicknames, clipped nobody writes ("the gun").
        stems = {joined(key): set(clubs) for key, clubs in names.items() if clubs and not key.startswith("the ")}
        self.stems = stems
        self.prefixes: dict[str, set[str]] = defaultdict(set)
        for stem, clubs in stems.items():
            for end in range(MIN_CLIP, len(stem)):
                self.prefixes[stem[:end]] |= clubs
        # "wolfs": the plural of a name in "-ves" made regular
        self.regular_plurals = {f"{stem[:-3]}fs": clubs for stem, clubs in stems.items() if stem.endswith("ves")}

    def read(self, word: str) -> tuple[tuple[str, ...], bool]:
        """Return the clubs ``word`` may name and whether it names them anywhere (else only in a club's place)."""
        clubs, strong = self._read(word)
        if not clubs and len(word) > MIN_CLIP and word.endswith("s") and not self.ordinary(word):
            clubs, strong = self._read(word[:-1])  # "lpools formation", "burnelys goals"
        return clubs, strong

    def _read(self, word: str) -> tuple[tuple[str, ...], bool]:
        if len(word) < MIN_CLIP or not word.isalpha() or word in self.club_words:
            return (), False
        if word in self.in_place:
            return self.in_place[word], False
        if word in self.regular_plurals:
            return tuple(sorted(self.regular_plurals[word])), True
        strong = not self.ordinary(word)
        if word in self.codes:
            return (self.codes[word],), strong
        if not strong:  # an English word is a clipped club only when long and in a club's place ("bourne v ...")
            clipped = self.prefixes.get(word, ()) if len(word) >= MIN_WORD_CLIP and not self.person(word) else ()
            return tuple(sorted(clipped)), False
        if word in self.prefixes:
            return tuple(sorted(self.prefixes[word])), len(word) >= MIN_STRONG_CLIP
        if len(word) < MIN_STRONG_CLIP:
            return (), False
        kept = {club for stem, clubs in self.stems.items() if _kept_in(word, stem) for club in clubs}
        return tuple(sorted(kept)), True

    def in_clubs_place(self, words: list[str], at: int, clubs_at: set[int]) -> bool:
        """Whether word ``at`` stands where a club does: next to a fixture word (past "the") or to another club's
        word (``clubs_at``: positions of words read as clubs), and neither in a festive day's name ("christmas
        eve", "to new year") nor a weekday before its date ("sun 28th sep")."""
        festive = (at > 0 and words[at - 1] in _DAY_BEFORE) or words[at + 1 : at + 2] in (["year"], ["years"])
        if festive or self.dated(words, at):
            return False
        before = next((w for w in reversed(words[:at]) if w != "the"), "")
        after = words[at + 1] if at + 1 < len(words) else ""
        return (
            before in FIXTURE_WORDS | SUBJECT_BEFORE
            or after in FIXTURE_WORDS | SQUAD_AFTER | STAFF_AFTER
            or f"{' '.join(words[at + 1 : at + 4])} ".startswith(WHERE_AFTER)
            or at - 1 in clubs_at
            or at + 1 in clubs_at
        )
