"""Entity resolution against the release's own names: teams, players, dates, matches.

Teams: the alias table (``configs/team_aliases.yaml``: the ``teams`` linking uses, and the ``nicknames``
people write, "the Gunners", "Spurs", "mufc") maps what people write to a canonical team, and that to
the spelling in the data. A name several clubs share ("United", "the Blues") is settled by the question's
context: the other club named, the matches of the period, a derby, the previous question; when still
open, the user is asked ("did you mean ..."). Close misspellings match through rapidfuzz, and two clubs
equally close are asked about too; codes, clipped names and names run together are read from the table's own
names (``clubs_as_typed``). A word that names nothing read in a club's place ("lose to X"), or close to a
player's name, is asked back with the closest names rather than answered about another match. Players: full
name, a surname (one word or several, "van Dijk", "Gibbs-White"), a first name when few carry it, a possessive
with no apostrophe ("salahs"), or a close misspelling; several candidates are an ambiguity, stated, never guessed.
Accents never matter. Derbies ("the north London derby", ``configs/derbies.yaml``) name their two teams. Dates:
``dates.resolve_period`` against the latest finished match and the match days in the data.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import product

import pandas as pd
from rapidfuzz import fuzz, process

from football_rag.analytics.linking import TeamAliases, plain_text
from football_rag.analytics.stat_registry import STATS
from football_rag.config.yaml_config import load_config
from football_rag.data.contracts import FINISHED
from football_rag.rag.city_derbies import city_derbies
from football_rag.rag.clubs_as_typed import MIN_CLIP, ClubsAsTyped, joined
from football_rag.rag.dates import MONTHS, WEEKDAYS, WHOLE_SEASON, Period, moved_period, resolve_period, weekday_of_date
from football_rag.rag.typed_words import english_words

FUZZY_TEAM_SCORE = 85
FUZZY_PLAYER_SCORE = 88
# Two names this close to a misspelling are equally likely: the user is asked which.
FUZZY_TIE = 3
MIN_FUZZY_LENGTH = 5
# A first name alone ("Bruno") names a player when this few carry it; "James" (ten of them) names nobody.
MAX_FIRST_NAME_PLAYERS = 4
MIN_FIRST_NAME_LENGTH = 4
# Surnames that are also everyday or football words are too risky to resolve alone.
COMMON_WORDS = frozenset(
    [
        "the", "and", "for", "with", "from", "game", "match", "goal", "goals", "team", "city", "united", "score",
        "best", "most", "top", "win", "white", "young", "long", "little", "bench",
    ]
)  # fmt: skip
# Everyday words a football question uses only as a surname ("how many minutes has rice played"): a surname when
# written whole, never a first name or the misspelling of another name.
NAME_WORDS = frozenset(["james", "king", "rice", "gray", "wood", "hall", "mount", "cash", "hill"])
# Words of questions that must never be read as a misspelt name or a first name ("scores", "will", "grant").
QUESTION_WORDS = COMMON_WORDS | NAME_WORDS | frozenset(
    [
        "what", "which", "where", "when", "whose", "there", "their", "about", "against", "versus", "between", "after",
        "before", "since", "until", "during", "first", "second", "half", "last", "latest", "least", "fewest", "highest",
        "lowest", "worst", "total", "average", "season", "month", "weekend", "today", "scored", "scorer", "scorers",
        "scoring", "score", "result", "results", "played", "playing", "player", "players", "teams", "clubs", "side",
        "sides", "shots", "shot", "passes", "passing", "assist", "assists", "assisted", "tackles", "tackle", "saves",
        "cards", "yellow", "yellows", "booked", "bookings", "corners", "fouls", "offsides", "minute", "minutes",
        "penalty", "penalties", "header", "headers", "headed", "target", "chances", "created", "possession", "rating",
        "table", "points", "draws", "drawn", "draw", "beat", "beaten", "lost", "loses", "losing", "wins", "winning",
        "won", "manager", "managers", "referee", "refereed", "stadium", "ground", "attendance", "lineup", "lineups",
        "started", "starting", "formation", "keeper", "goalkeeper", "defence", "defense", "attack", "press",
        "pressing", "clean", "sheet", "sheets", "derby", "match", "matches", "games", "home", "away", "fixture",
        "fixtures", "record", "form", "compare", "comparison", "stats", "statistics", "show", "chart", "please",
        "could", "would", "should", "will", "many", "much", "more", "less", "than", "then", "does", "were", "have",
        "having", "been", "being", "leading", "leader", "leaders", "ranking", "record", "grant", "chase", "miles",
        "summer", "mark", "marks", "frank", "hunter", "rose", "story", "happened", "happen", "report", "summary",
        "sent", "early", "late", "overall", "recently", "lately", "every", "other", "tell", "give", "list", "name",
        "names", "number", "numbers", "place", "places", "however", "light", "taker", "takers", "timer", "chain",
        "hover", "prose", "seals",
    ]
)  # fmt: skip

# Short words of questions: a run of words holding one is never a misspelt name ("end on" is not "Endo").
FUNCTION_WORDS = frozenset(
    [
        "a", "an", "the", "of", "on", "in", "at", "to", "by", "for", "vs", "v", "and", "or", "is", "was", "were",
        "did", "do", "does", "how", "who", "whom", "why", "his", "her", "its", "it", "he", "she", "they", "them",
        "this", "that", "these", "those", "with", "from", "as", "be", "has", "had", "not", "no", "yes", "any", "all",
    ]
)  # fmt: skip

# Aliases of clubs outside most releases that are also everyday words ("a nice goal", "his athletic run").
_STAT_NAMED = re.compile("|".join(f"(?:{s.asked})" for s in STATS if s.asked))
EVERYDAY_ALIASES = frozenset(
    ["nice", "lens", "sporting", "athletic", "inter", "saints", "hull", "como", "paris", "hearts"]
)
# "Empoli vs Man City", "Real Zaragoza v Arsenal": capitalised names either side of a fixture word.
_FIXTURE = re.compile(
    r"(?<![\w'])((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'.-]*)\s+(?:vs\.?|v\.?|versus|against)\s+((?:[A-Z][\w'.-]*\s*){1,4})"
)


@dataclass(frozen=True)
class PlayerRef:
    player_id: str
    name: str
    teams: tuple[str, ...]
    matches: frozenset[str] = frozenset()  # the matches he was in the squad for (a transfer changes his team)


@dataclass
class Resolution:
    """What a question names. ``teams`` keep the order of mention; ``notes`` state ambiguities.

    ``clarification`` is the question to ask back when a name fits several clubs and nothing in the
    question settles which ("By "the blues", did you mean Chelsea or Everton?").
    """

    teams: list[str] = field(default_factory=list)
    unknown_teams: list[str] = field(default_factory=list)
    players: list[PlayerRef] = field(default_factory=list)
    ambiguous_players: dict[str, list[PlayerRef]] = field(default_factory=dict)
    period: Period | None = None
    wants_last_match: bool = False
    inherited: bool = False
    clarification: str | None = None
    # What a question asked back could not settle: the words and the names they may be (a reply picks one).
    unsettled: tuple[str, tuple[str, ...]] | None = None
    # A shared name taken as the club it usually means ("united": Man Utd), said in the answer: (words, club).
    assumed: tuple[str, str] | None = None
    squad: str | None = None  # the one club whose players are asked about ("which Arsenal player", "for Arsenal")
    competition: str | None = None  # the one competition asked about, as the data names it (``scope``)
    score: tuple[int, int] | None = None  # a final score the question names ("Bournemouth 0-0 Chelsea"), fewer first
    home: str | None = None  # the club the question puts at home ("at old trafford", "chelsea v fulham at home")
    # The club whose opponents' count was asked ("shots Spurs faced") and the count: an elliptic follow-up keeps it.
    against: tuple[str | None, str] | None = None
    # The one club named as a player's opponent ("eze v crystal palace", "when they played palace"): his meetings with
    # it, even when it is a club he left in the season.
    opponent: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.teams or self.players or self.period or self.unknown_teams or self.clarification)


@dataclass(frozen=True)
class TeamMention:
    """Words ``start``..``end`` of a question that name a club: ``teams`` in the data it may be (several for a
    shared name, none for a club outside the data)."""

    start: int
    end: int
    words: str
    teams: tuple[str, ...]


def _named_twice_once(mentions: list[TeamMention]) -> list[TeamMention]:
    """Return the mentions with a nickname written beside a club's name it may stand for dropped: "chelsea fc (blues)",
    "liverpool (reds)", "the toffees everton" name one club, not Chelsea and Everton ("the Blues vs Chelsea")."""
    kept: list[TeamMention] = []
    for mention in mentions:
        last = kept[-1] if kept else None
        if last is not None and last.end == mention.start and last.teams and mention.teams:
            words = f"{last.words} {mention.words}"
            if len(last.teams) == 1 and last.teams[0] in mention.teams:
                kept[-1] = replace(last, end=mention.end, words=words)
                continue
            if len(mention.teams) == 1 and mention.teams[0] in last.teams:
                kept[-1] = replace(mention, start=last.start, words=words)
                continue
        kept.append(mention)
    return kept


@dataclass(frozen=True)
class PlayerHit:
    """Words ``start``..``end`` of a question that name a player: ``refs`` the players they may be."""

    start: int
    end: int
    words: str
    refs: tuple[PlayerRef, ...]
    first_name: bool  # a first name many players carry names nobody


# "Brentford 3-2 Liverpool", "the 0-0": a score (not a date, "30-8-25", nor a season, "2024-25").
_SCORE = re.compile(r"(?<![\d/.:-])(\d{1,2}) ?[-\u2013] ?(\d{1,2})(?![\d/.:-])(?!\s*\(?\s*(?:us\b|month first))")


def score_named(question: str) -> tuple[int, int] | None:
    """Return the score a question names, the fewer goals first ("3-2" -> (2, 3)), or None."""
    found = _SCORE.search(question)
    return None if found is None else tuple(sorted((int(found.group(1)), int(found.group(2)))))


# "United's", and after a name cut short with a dot: "Tottenham H.'s", "Man. Utd.'s" ("h s" would be two words).
_POSSESSIVE = re.compile(r"(?<=\w)\.?['\u2019]s\b")


def words_of(text: str) -> str:
    """Return ``text`` as plain lowercase words joined by single spaces ("N'Golo Kanté" -> "n golo kante").

    Questions and player names go through this one function, so a name matches however it is written.
    A possessive is the name ("United's" -> "united").
    """
    return " ".join(re.findall(r"[a-z0-9]+", _POSSESSIVE.sub("", plain_text(text).replace("&", " and "))))


def _stat_words(words: list[str]) -> set[int]:
    """Return the indexes of the words in a statistic's phrase ("trick" of "hat trick"): no club's shorthand."""
    starts = [0]
    for word in words[:-1]:
        starts.append(starts[-1] + len(word) + 1)
    spans = [m.span() for m in _STAT_NAMED.finditer(" ".join(words)) if m.end() > m.start()]
    return {i for i, start in enumerate(starts) if any(a <= start < b for a, b in spans)}


def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _exact_spans(words: list[str], keys: dict[str, object], taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Return the runs of ``words`` that are keys of ``keys``, longest first, none overlapping ``taken`` or another."""
    # Every run of a question's few words is tried: measuring the longest key instead cost a pass over every
    # player's name per question.
    found: list[tuple[int, int, str]] = []
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            gram = " ".join(words[i : i + size])
            if gram in keys and not _overlaps([*taken, *((s, e) for s, e, _ in found)], i, i + size):
                found.append((i, i + size, gram))
    return sorted(found)


def _fuzzy_keys(gram: str, keys: Sequence[str], cutoff: int, swaps: dict[str, list[str]] | None = None) -> list[str]:
    """Return the keys within ``FUZZY_TIE`` of the best match for a misspelt ``gram`` (same first letter), best first.

    A misspelling rarely changes the first letter, and requiring it keeps everyday words ("runners") from
    reading as a club ("gunners"). ``swaps`` (sorted letters -> keys) adds the keys ``gram`` writes with two
    neighbouring letters swapped ("Salha", "Mbuemo"), the commonest typo, which ``fuzz.ratio`` scores low.
    """
    if len(gram) < MIN_FUZZY_LENGTH or gram in QUESTION_WORDS or FUNCTION_WORDS.intersection(gram.split()):
        return []
    swapped = [k for k in (swaps or {}).get("".join(sorted(gram)), []) if _one_swap(gram, k)]
    hits = process.extract(gram, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8)
    hits = [(key, score) for key, score, _ in hits if key[0] == gram[0]]
    close = [key for key, score in hits if score >= hits[0][1] - FUZZY_TIE] if hits else []
    return list(dict.fromkeys(close + swapped))


def _one_swap(typed: str, key: str) -> bool:
    """Whether ``typed`` is ``key`` with two neighbouring letters swapped."""
    diff = [i for i, (a, b) in enumerate(zip(typed, key, strict=True)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and typed[diff[0]] == key[diff[1]]


def _by_letters(keys: Iterable[str]) -> dict[str, list[str]]:
    """Return sorted letters -> the keys spelt with them (to find a typo that swapped two letters)."""
    found: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        found["".join(sorted(key))].append(key)
    return found


def _derby_named(name: str) -> str:
    """Return a derby's name (plain words) as written: its place names capitalised ("North London derby")."""
    return " ".join(word if word == "derby" else word.capitalize() for word in name.split())


def say_or(names: Sequence[str]) -> str:
    """Return names as "A, B or C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


class TeamNames:
    """Every way the alias table writes a club (names, aliases, nicknames) -> the clubs in the data it may be."""

    def __init__(
        self,
        aliases: TeamAliases,
        teams: Sequence[str],
        ordinary: Callable[[str], bool] = lambda word: False,
        person: Callable[[str], bool] = lambda word: False,
        dated: Callable[[list[str], int], bool] = lambda words, at: False,
    ) -> None:
        """``ordinary``: whether a word is an English word or a player's name (no club clipped or run together, but in
        a club's place); ``person``: whether it is a player's name (never a club clipped); ``dated``: whether word
        ``at`` is a weekday of the date after it ("sun 28th sep": no club)."""
        table = load_config("team_aliases")
        to_data = {aliases.canonical.get(aliases.normalise(t), aliases.normalise(t)): t for t in teams}
        names: dict[str, set[str]] = defaultdict(set)
        for team in teams:
            names[words_of(team)].add(team)
            names[aliases.normalise(team)].add(team)
        groups = {club: list(extra or []) for club, extra in (table.get("teams") or {}).items()}
        for club, entry in (table.get("nicknames") or {}).items():
            groups.setdefault(club, []).extend((entry or {}).get("names") or [])
        the_required = {words_of(name) for name in table.get("the_required") or ()}
        clubs: dict[str, set[str]] = defaultdict(set)  # every club of the table a key names, in the data or not
        canonical = {club: aliases.canonical.get(aliases.normalise(club), aliases.normalise(club)) for club in groups}
        in_data_of = {club: to_data.get(name) for club, name in canonical.items()}
        for club, written in groups.items():
            for name in (club, *written):
                for key in self._keys(name, aliases, the_required):
                    # "westham", "mancity": a name run together is the name.
                    run_together = [joined(key)] if " " in key and not key.startswith("the ") else []
                    for form in [key, *(f for f in run_together if not ordinary(f))]:
                        names[form].update([in_data_of[club]] if in_data_of[club] else [])
                        clubs[form].add(club)
        self.keys: dict[str, tuple[str, ...]] = {key: tuple(sorted(t)) for key, t in names.items() if key}
        self.keys.update(_with_initial(self.keys))
        codes = ((table.get("codes") or {}).get("clubs") or {}).items()
        bare = {key.removeprefix("the "): self.keys.get(key, ()) for key in the_required}  # "irons": the Irons
        self.typed = ClubsAsTyped(
            self.keys,
            {code: in_data_of[club] for club, code in codes if in_data_of.get(club)},
            ordinary,
            bare,
            person,
            aliases.ignore_words,
            dated,
        )
        # "City", "United", "the Blues": names several clubs carry, even when one of them alone is in the data.
        self.shared = frozenset(key for key, named in clubs.items() if len(named) > 1)
        # The club a shared name alone usually means ("united": Man Utd), as the data spells it.
        self.usual = {
            words_of(key): found
            for key, club in (table.get("usual") or {}).items()
            if (found := to_data.get(aliases.canonical.get(aliases.normalise(club), aliases.normalise(club))))
        }
        # Misspellings are read against whole names, not initials or a bare "the ...".
        self.fuzzy_keys = [k for k in self.keys if len(k) >= MIN_FUZZY_LENGTH and not k.startswith("the ")]
        self.swaps = _by_letters(self.fuzzy_keys)
        # Read only as written: no stem a word is clipped from ("wole" is no "wol wande"), no name misspelt.
        self.keys.update(_with_clipped_words(self.keys, aliases.ignore_words))

    @staticmethod
    def _keys(name: str, aliases: TeamAliases, the_required: set[str]) -> set[str]:
        """Return the word forms a written name matches: as written, without club words, and without "the"."""
        plain = words_of(name)
        keys = {plain, aliases.normalise(name)}
        if plain.startswith("the ") and plain not in the_required:
            keys.add(plain.removeprefix("the "))
        return keys

    def exact(self, words: list[str], taken: list[tuple[int, int]]) -> list[TeamMention]:
        """Return the clubs the words name as the table writes them, longest names first, in order."""
        return [TeamMention(s, e, gram, self.keys[gram]) for s, e, gram in _exact_spans(words, self.keys, taken)]

    def misspelt(
        self,
        words: list[str],
        taken: list[tuple[int, int]],
        exact: list[TeamMention],
        shouted: frozenset[str] = frozenset(),
    ) -> list[TeamMention]:
        """Return the clubs the words name, misspellings added to the ``exact`` mentions, in order.

        A misspelling is looked for in runs of words outside ``taken``; it may swallow exact mentions it
        only refines, as a shared word ends a misspelt name ("Newcastel United") or a name's last word
        is written right ("Maanchester City"): its clubs must be among each swallowed mention's.
        Several clubs equally close make one mention of them all. A code written in capitals in a question that
        is not (``shouted``: "which formation were NEW in") is a club wherever it stands.
        """
        found: list[TeamMention] = []
        spans = list(taken)
        stat_words = _stat_words(words)
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                gram = " ".join(words[i : i + size])
                inside = [m for m in exact if i <= m.start and m.end <= i + size]
                cut = [m for m in exact if _overlaps([(m.start, m.end)], i, i + size) and m not in inside]
                if _overlaps(spans, i, i + size) or cut or gram in self.keys:
                    continue
                close = _fuzzy_keys(gram, self.fuzzy_keys, FUZZY_TEAM_SCORE, self.swaps)
                if any(m.words in close for m in inside):  # "newcastle united man": the name written right, a word on
                    continue
                if not close and size == 1 and gram.endswith("s") and not self.typed.ordinary(gram):
                    close = _fuzzy_keys(gram[:-1], self.fuzzy_keys, FUZZY_TEAM_SCORE, self.swaps)  # "burnelys"
                teams = tuple(sorted({t for key in close for t in self.keys[key]}))
                if not teams and size == 1 and gram not in QUESTION_WORDS | FUNCTION_WORDS and i not in stat_words:
                    teams, anywhere = self.typed.read(gram)  # "mci", "sund", "lpool"; "eve" only in a club's place
                    clubs_at = {j for m in [*exact, *found] for j in range(m.start, m.end)}
                    placed = gram in shouted and not self.typed.dated(words, i)
                    teams = teams if anywhere or placed or self.typed.in_clubs_place(words, i, clubs_at) else ()
                if teams and all(set(teams) <= set(m.teams) for m in inside):
                    found.append(TeamMention(i, i + size, gram, teams))
                    spans.append((i, i + size))
        kept = [m for m in exact if not any(f.start <= m.start and m.end <= f.end for f in found)]
        return sorted(kept + found, key=lambda m: m.start)

    def mentions(self, text: str) -> list[TeamMention]:
        """Return the clubs ``text`` (plain words) names, in order: exact names, then close misspellings."""
        words = text.split()
        return self.misspelt(words, [], self.exact(words, []))


def _with_initial(keys: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Return a club's first word and its second's initial ("crystal p", "west h", "man c") -> the one club in the
    data it names, for the forms no key holds already ("v" stays "versus", "aston v" no name; "a" and "i" words)."""
    found: dict[str, set[str]] = defaultdict(set)
    for key, clubs in keys.items():
        words = key.split()
        if clubs and len(words) >= 2 and words[0] != "the" and words[1][0] not in "vai":
            found[f"{words[0]} {words[1][0]}"].update(clubs)
    return {key: tuple(sorted(clubs)) for key, clubs in found.items() if len(clubs) == 1 and key not in keys}


def _with_clipped_words(keys: dict[str, tuple[str, ...]], club_words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Return a two-word name with each word cut to its first letters, three or more ("cry pal", "ast vil", "tot hot",
    "nott for") -> the one club in the data it names, for the forms no key holds already; never a form opening or
    closing with a question's own word ("not for": no Forest) nor of a club word ("fc")."""
    found: dict[str, set[str]] = defaultdict(set)
    plain = QUESTION_WORDS | FUNCTION_WORDS
    for key, clubs in keys.items():
        words = key.split()
        if not clubs or len(words) != 2 or words[0] == "the" or set(words) & club_words or not joined(key).isalpha():
            continue
        first, second = words
        for clipped in product(range(MIN_CLIP, len(first) + 1), range(MIN_CLIP, len(second) + 1)):
            form = (first[: clipped[0]], second[: clipped[1]])
            if form[0] not in plain and form[1] not in plain:
                found[" ".join(form)].update(clubs)
    return {key: tuple(sorted(clubs)) for key, clubs in found.items() if len(clubs) == 1 and key not in keys}


# A code in capitals in a question written in lower case ("which formation were NEW in", "arsneal - LEE").
_CAPITALS = re.compile(r"\b[A-Z]{3}\b")


def _shouted(question: str) -> bool:
    """Whether most of the question's letters are capitals (its capitals then mark no name)."""
    letters = [c for c in question if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)


def shouted_codes(question: str) -> frozenset[str]:
    """Return the three-letter words a question writes in capitals when most of it is not (lower case)."""
    return frozenset() if _shouted(question) else frozenset(w.lower() for w in _CAPITALS.findall(question))


def unshouted(question: str) -> str:
    """Return a question written in capitals with its English words in lower case and the others capitalised
    ("WHO SCORED FOR SPURS V TWENTE" -> "who scored for Spurs v Twente"), else the question as written: in shouted
    text only a word that is no English word may be a name."""
    if not _shouted(question):
        return question
    return re.sub(r"[^\W\d_]+", lambda m: m[0].lower() if m[0].lower() in english_words() else m[0].title(), question)


def _accented_words(text: str) -> frozenset[str]:
    """Return the words of ``text`` written with a letter outside ASCII, in lower case ("Gómez" -> {"gómez"})."""
    return frozenset(w for w in re.findall(r"\w+", text.casefold()) if not w.isascii())


# Words around a club that limit the players asked about to its squad: "which Arsenal player", "most shots for
# Arsenal", "who led Wolves in tackles", "Villa's top player".
_SQUAD_BEFORE = frozenset(["which", "what", "for", "led", "topped"])
# "Newcastle Burnley man of the match" names the award, not Burnley's man.
_SQUAD_AFTER = re.compile(r"^((top|best|leading) )?(player|players|man)\b(?! of the (match|game|day)\b)")
# "The chelsea manager for the everton game": a club named as the game's is the opponent, not the squad asked about.
_GAME_WORDS = frozenset(["game", "match", "fixture", "clash", "tie", "meeting", "derby"])


def _squad(words: list[str], mentions: list[TeamMention], teams: list[str]) -> str | None:
    """Return the club whose players the words ask about (see ``_SQUAD_BEFORE``), or None. ``teams`` are the clubs
    the mentions were read as; a mention of one club alone needs no reading (a derby's named club)."""
    named = [m for m in mentions if m.teams]
    if len(named) == len(teams):
        readings = list(zip(named, teams, strict=True))
    else:  # a derby's words, read as the derby: only a mention of one club names it
        readings = [(m, m.teams[0]) for m in named if len(m.teams) == 1]
    starts = {m.start for m in named}
    # "ARS / bre: player with the most ...", "arsenal v brentford player ...": the player after a fixture is the match's
    closes_fixture = {m.start for m in named if any(o.end <= m.start <= o.end + 1 for o in named if o is not m)}
    for mention, team in readings:
        before = [w for w in words[: mention.start] if w != "the"][-1:]
        if words[mention.end : mention.end + 1] and words[mention.end] in _GAME_WORDS:
            continue
        # "Sunderland Man City": the "man" after a club is another club's name, not "Villa's top man".
        after = mention.end not in starts and mention.start not in closes_fixture
        after = after and _SQUAD_AFTER.match(" ".join(words[mention.end : mention.end + 5]))
        if set(before) & _SQUAD_BEFORE or after:
            return team
    return None


# A word not read sits in a club's place after these ("lose to X", "playing X") or before these ("X v Spurs").
_UNREAD_BEFORE = frozenset(["v", "vs", "versus", "against", "playing", "facing", "beat", "to"])
_UNREAD_AFTER = frozenset(["v", "vs", "versus", "against"])
# Words no dictionary holds that name no club or player: dates, sources, awards and stats, chat.
_NOT_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(
    ["us", "xmas", "whoscored", "fotmob", "opta", "motm", "potm", "pom", "xg", "xga", "npxg", "ppda", "reffed", "lads",
     "bro", "plz", "pls", "asap", "haha", "tbh", "imo", "ngl"]
)  # fmt: skip


def _letter_left_out(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` with one letter added somewhere is one of ``words`` ("mor": more)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return any(word[:i] + c + word[i:] in words for i in range(len(word) + 1) for c in letters)


def _in_clubs_place(words: list[str], start: int, end: int) -> bool:
    """Whether words ``start``..``end`` stand where a club does: after "v", "against", "playing"... (past "the") or
    before "v"."""
    before = next((w for w in reversed(words[:start]) if w != "the"), "")
    return before in _UNREAD_BEFORE or (end < len(words) and words[end] in _UNREAD_AFTER)


MIN_UNREAD_LENGTH = 3
UNREAD_SCORE = 50
# A word anywhere this close to a name not read is asked about ("casemero": Casemiro).
CLOSE_NAME_SCORE = 80
MAX_UNREAD_OPTIONS = 3

# Words of a club's name that routing reads as a question's ("the red devils": red cards; "the black and yellows").
_ROUTING_WORDS = re.compile(r"\b(red|yellows?|cards?|shots?|goals?|points?|score)\b")

# Words before a club that make it the opponent of the player named ("Salah against the Reds").
_OPPOSING = frozenset(["against", "vs", "v", "versus", "beat", "beating", "faced", "facing", "playing", "played", "to"])


# "When United beat Brighton", "Brighton lost to United", "drew with": the first club named's result against the second.
_RESULTS = (
    ("win", re.compile(r"\b(beat|beats|defeated|thrashed|hammered|battered|won (against|at|vs|v|versus))\b")),
    ("loss", re.compile(r"\b(lost (to|against|at|vs|v)|(were|was) beaten by|fell to)\b")),
    ("draw", re.compile(r"\b(drew|draw) (with|against|at|vs|v)\b")),
)


def result_named(text: str) -> str | None:
    """Return the result a question names for its first club against its second ("win", "loss", "draw"), or None."""
    return next((result for result, pattern in _RESULTS if pattern.search(text)), None)


@dataclass(frozen=True)
class _PlayerSide:
    """The question's words and the clubs of the players it names, for reading a shared club name."""

    words: list[str]
    clubs: set[str]
    scored: frozenset[str] = frozenset()  # the clubs the one player named scored against, when goals are asked

    def scored_against(self, reading: tuple[str, ...], mentions: list[TeamMention]) -> bool:
        """Whether each shared name's club in a reading is one the player scored against ("when did Romero score
        against United": the United he scored against)."""
        return bool(self.scored) and all(
            club in self.scored for club, m in zip(reading, mentions, strict=True) if len(m.teams) > 1
        )

    def fits(self, reading: tuple[str, ...], mentions: list[TeamMention]) -> bool:
        """Whether each shared name's club in a reading is the players' club, or not after "against"."""
        if not self.clubs:
            return False
        return all(
            (club in self.clubs) != _opposes(self.words, m)
            for club, m in zip(reading, mentions, strict=True)
            if len(m.teams) > 1
        )


# Words between an opposing word and the club that leave it the opponent: "faced his old club crystal palace".
_BEFORE_OPPONENT = frozenset(["the", "his", "their", "old", "former", "club", "side", "team"])


def _opposes(words: list[str], mention: TeamMention) -> bool:
    """Whether the club ``mention`` names stands after "against", "v", "facing"... (past "the", "his old club"): an
    opponent."""
    before = [w for w in words[: mention.start] if w not in _BEFORE_OPPONENT]
    return bool(before) and before[-1] in _OPPOSING


def _opposed(words: list[str], mentions: list[TeamMention], teams: list[str]) -> frozenset[str]:
    """Return the one club named when it is named as the opponent ("did bruno score v newcastle"); none when two
    clubs are named, since "A v B" names a fixture, not a side against the player."""
    if len(teams) != 1:
        return frozenset()
    return frozenset(t for m in mentions if _opposes(words, m) for t in m.teams if t in teams)


# A question about a player's goals: "when did he score", "his goal against", "netted".
_SCORING = re.compile(r" (scor\w*|goals?|net|netted|netting) ")

# "Chelsea v Fulham at home" puts the first club named at home, "... away from home" or "on the road" the other.
_AT_HOME = re.compile(r" at home ")
_AWAY = re.compile(r" (away from home|on the road|(played|playing) away) ")


def _home_asked(text: str, teams: list[str], grounds: list[str]) -> str | None:
    """Return the club a question puts at home: a ground's, else the first of two clubs "at home", else the second
    when the first is "away from home"; None when it says none."""
    if grounds:
        return grounds[0]
    if len(teams) != 2:
        return None
    if _AT_HOME.search(text):
        return teams[0]
    return teams[1] if _AWAY.search(text) else None


def _taking(mentions: list[TeamMention], words: str, club: str) -> list[str]:
    """Return the clubs the mentions name outright, in order, the shared ``words`` taken as ``club``."""
    return [club if m.words == words else m.teams[0] for m in mentions if len(m.teams) == 1 or m.words == words]


class Catalog:
    """The names and calendar of one release, indexed for resolution."""

    def __init__(
        self,
        matches: pd.DataFrame,
        lineups: pd.DataFrame,
        aliases: TeamAliases | None = None,
        goals: pd.DataFrame | None = None,
    ) -> None:
        self.aliases = aliases or TeamAliases.load()
        self.teams = sorted(set(matches["home"]) | set(matches["away"]))
        # "Last weekend" counts back from the latest finished match, not from one captured in progress.
        finished = matches[matches["status"] == FINISHED]
        self.latest: date = pd.Timestamp((finished if not finished.empty else matches)["date"].max()).date()
        self.match_days: tuple[date, ...] = tuple(sorted(set(matches["date"].dt.date)))
        self._players, surnames, first_names = self._index_players(lineups)
        person_words = frozenset(w for key in self._players for w in key.split())
        ordinary = person_words | english_words() | QUESTION_WORDS | FUNCTION_WORDS
        self.names = TeamNames(
            self.aliases, self.teams, ordinary.__contains__, person_words.__contains__, self._weekday_of_date
        )
        self._team_keys = {key: teams[0] for key, teams in self.names.keys.items() if len(teams) == 1}
        self._meetings = self._index_meetings(matches)
        self._results = self._index_results(matches)
        self._home_games = set(zip(matches["home"], matches["away"], strict=True))  # (home, away) of each meeting
        sides = zip(matches["match_id"].astype(str), matches["home"], matches["away"], strict=True)
        self._sides = {match_id: frozenset((home, away)) for match_id, home, away in sides}
        self._derbies, self._outside_derbies = self._index_derbies()
        self._scored_against = self._index_scored_against(goals) if goals is not None else {}
        self._derby_pairs = {frozenset(teams) for teams in self._derbies.values()}
        self._city_derbies = city_derbies(matches, lambda team: self._team_keys.get(self.aliases.normalise(team)))
        self._grounds = self._index_grounds(matches)
        self._full_names = {key: [ref] for key, ref in self._players.items()}
        # A surname or first name that is also a club's name ("Forest") is the club's.
        self._usable_surnames = {k: refs for k, refs in surnames.items() if k not in self.names.keys}
        self._first_names = {k: refs for k, refs in first_names.items() if k not in self.names.keys}
        self._player_keys = list(self._full_names) + list(self._usable_surnames)
        self._name_keys = frozenset(self.names.keys) | frozenset(self._player_keys) | frozenset(self._first_names)
        # The names a word not read is compared with: clubs as the table writes them, players' one-word names and
        # surnames only one player carries.
        self._unread_keys = {key: teams[0] for key, teams in self.names.keys.items() if len(teams) == 1}
        self._unread_keys.update({key: ref.name for key, ref in self._players.items() if " " not in key})
        self._unread_keys.update(
            {key: refs[0].name for key, refs in self._usable_surnames.items() if len(refs) == 1 and " " not in key}
        )
        # Clubs the alias table writes that are not in the data ("napoli"): a slip for one is refused, not asked back.
        self._outside_keys = [k for k, teams in self.names.keys.items() if not teams and len(k) >= MIN_FUZZY_LENGTH]
        self._ordinary = english_words()
        self._initials = self._index_initials()
        self._player_swaps = _by_letters(self._player_keys)
        routed = [key for key in self.names.keys if " " in key and _ROUTING_WORDS.search(key)]
        names = "|".join(r"\W+".join(map(re.escape, key.split())) for key in sorted(routed, key=len, reverse=True))
        self._routed_nicknames = re.compile(rf"\b(?:{names})\b" if names else r"(?!)", re.IGNORECASE)

    @staticmethod
    def _index_meetings(matches: pd.DataFrame) -> dict[frozenset[str], list[date]]:
        """Each team, and each pair of teams that met -> the days they played (for reading shared names)."""
        days: dict[frozenset[str], list[date]] = defaultdict(list)
        for home, away, day in zip(matches["home"], matches["away"], matches["date"].dt.date, strict=True):
            for key in (frozenset([home, away]), frozenset([home]), frozenset([away])):
                days[key].append(day)
        return days

    @staticmethod
    def _index_results(matches: pd.DataFrame) -> dict[tuple[str, str], set[str]]:
        """Each (club, opponent) -> the results the club had against it ("win", "draw", "loss"), finished matches."""
        results: dict[tuple[str, str], set[str]] = defaultdict(set)
        done = matches[(matches["status"] == FINISHED) & matches["home_goals"].notna()]
        for home, away, scored, conceded in zip(
            done["home"], done["away"], done["home_goals"], done["away_goals"], strict=True
        ):
            home_result = "win" if scored > conceded else "draw" if scored == conceded else "loss"
            results[(home, away)].add(home_result)
            results[(away, home)].add({"win": "loss", "loss": "win"}.get(home_result, "draw"))
        return results

    def _index_scored_against(self, goals: pd.DataFrame) -> dict[str, set[str]]:
        """Each player -> the clubs he scored against (own goals aside), from the timeline's goals."""
        against: dict[str, set[str]] = defaultdict(set)
        own = goals["own_goal"].fillna(False).astype(bool)
        for match_id, player_id, team in goals.loc[~own, ["match_id", "player_id", "team"]].itertuples(index=False):
            against[str(player_id)] |= self._sides.get(str(match_id), frozenset()) - {team}
        return against

    def _index_grounds(self, matches: pd.DataFrame) -> dict[str, str]:
        """Each venue's name as plain words -> the team that played most of its home matches there; a "... Stadium"
        also as fans shorten it ("the Emirates", "the Etihad"; bare when no English word: "Molineux"), unless the
        short name is a club's or a word of a derby's ("the London": the London derbies)."""
        homes = matches.dropna(subset=["venue"]).groupby("venue")["home"].agg(lambda teams: teams.mode().iloc[0])
        derby_words = {word for phrase in self._derbies for word in phrase.split()}
        grounds = {}
        for venue, team in homes.items():
            name = words_of(venue)
            short = name.removesuffix(" stadium")
            grounds.update({name: team} if name else {})
            if short != name and short not in self.names.keys and not set(short.split()) & derby_words:
                grounds.update({f"the {short}": team} | ({} if short in english_words() else {short: team}))
        return grounds

    def _index_derbies(self) -> tuple[dict[str, list[str]], dict[str, tuple[list[str], list[str]]]]:
        """Return every name of a ``configs/derbies.yaml`` derby whose two teams are in the data -> those teams, and
        every name of one with a team outside it -> (its teams in the data, the others as the table writes them)."""
        found, outside = {}, {}
        for derby in (load_config("derbies").get("derbies") or {}).values():
            in_data = [self._team_keys.get(self.aliases.normalise(team)) for team in derby["teams"]]
            missing = [team for team, known in zip(derby["teams"], in_data, strict=True) if not known]
            for name in map(words_of, derby["names"]):
                if missing:
                    outside[name] = ([team for team in in_data if team], missing)
                else:
                    found[name] = in_data
        return found, outside

    def _derby_read(self, found: Resolution, text: str, previous: Resolution | None) -> None:
        """A derby with a club outside the data ("the second city derby") is said not to be in it, never read as
        another match ("city": Man City); "the derby" with no club named, before or now, asks back which one, with
        the derbies of the data ("what time did the derby kick off")."""
        outside = next((teams for name, teams in self._outside_derbies.items() if f" {name} " in text), None)
        if outside is not None:
            found.teams, found.unknown_teams, found.players = outside[0], outside[1], []
        elif " derby " in text and not (
            found.teams or found.players or found.unknown_teams or found.clarification or (previous and previous.teams)
        ):
            first_names = {frozenset(teams): name for name, teams in reversed(self._derbies.items())}
            listed = [f"the {_derby_named(name)} ({' v '.join(sorted(pair))})" for pair, name in first_names.items()]
            found.clarification = f"Which derby do you mean: {say_or(sorted(listed))}?"

    @staticmethod
    def _index_players(
        lineups: pd.DataFrame,
    ) -> tuple[dict[str, PlayerRef], dict[str, list[PlayerRef]], dict[str, list[PlayerRef]]]:
        """Return full name -> player, surname -> players, first name -> players (all as plain words).

        A surname is any tail of the name after the first word ("van dijk", "dijk", "gibbs white"): a
        one-word tail only when it is no everyday word ("White" of Gibbs-White is not him).
        """
        teams_of: dict[str, set[str]] = defaultdict(set)
        matches_of: dict[str, set[str]] = defaultdict(set)
        names: dict[str, str] = {}
        columns = ["player_id", "player_name", "team", "match_id"]
        for player_id, name, team, match_id in lineups[columns].itertuples(index=False):
            teams_of[str(player_id)].add(team)
            matches_of[str(player_id)].add(str(match_id))
            if isinstance(name, str) and name:
                names[str(player_id)] = name
        full: dict[str, PlayerRef] = {}
        surnames: dict[str, list[PlayerRef]] = defaultdict(list)
        first_names: dict[str, list[PlayerRef]] = defaultdict(list)
        for player_id, name in names.items():
            ref = PlayerRef(player_id, name, tuple(sorted(teams_of[player_id])), frozenset(matches_of[player_id]))
            words = words_of(name).split()
            full[" ".join(words)] = ref
            for i in range(1, len(words)):
                tail = " ".join(words[i:])
                if (len(words) - i > 1 or (len(tail) > 2 and tail not in COMMON_WORDS)) and ref not in surnames[tail]:
                    surnames[tail].append(ref)
            if len(words) > 1 and len(words[0]) >= MIN_FIRST_NAME_LENGTH and words[0] not in QUESTION_WORDS:
                first_names[words[0]].append(ref)
        return full, surnames, first_names

    def _weekday_of_date(self, words: list[str], at: int) -> bool:
        """Whether word ``at`` is a weekday of the date the next words write ("sun 28th sep", "sun 21 12": 21/12)."""
        if words[at] not in WEEKDAYS:
            return False
        after = " ".join(words[at : at + 5])
        return weekday_of_date(re.sub(r"\b(\d{1,2}) (\d{1,2})\b", r"\1/\2", after), self.latest)

    def without_nicknames(self, question: str) -> str:
        """Return the question without the clubs' names that hold a word routing reads ("the red devils": no red
        card asked)."""
        return self._routed_nicknames.sub(" ", question)

    def player(self, player_id: str) -> PlayerRef | None:
        """Return the player of the data with ``player_id``, or None."""
        return next((ref for ref in self._players.values() if ref.player_id == str(player_id)), None)

    def known_names(self) -> list[str]:
        """Every team and player name in the data (the grounding check looks for these)."""
        return self.teams + [ref.name for ref in self._players.values()]

    def resolve(self, question: str, previous: Resolution | None = None) -> Resolution:
        """Return what the question names; inherit the previous turn's entities for a follow-up."""
        text = f" {words_of(question)} "
        found = Resolution(period=resolve_period(question, self.latest, self.match_days), score=score_named(question))
        fixture_period = resolve_period(question, self.latest, self.match_days, fixture_days=())
        # A ground stands for its home team, and its words are no player's ("Old Trafford" is not James Trafford).
        grounds = [team for venue, team in self._grounds.items() if f" {venue} " in text]
        for venue in self._grounds:
            text = text.replace(f" {venue} ", " ")
        # A derby's name first: "manchester" alone would read as one of its two teams.
        derby = next((t for d, t in self._derbies.items() if f" {d} " in text), None)
        words = [self._possessed(word) for word in text.split()]
        mentions, named_players = ([], []) if derby else self._mentions(words, question)
        taken = [(m.start, m.end) for m in mentions] + [(h.start, h.end) for h in named_players]
        clubs = {team for h in named_players if len(h.refs) == 1 for team in h.refs[0].teams}
        scorers = [h.refs[0].player_id for h in named_players if len(h.refs) == 1] if _SCORING.search(text) else []
        scored = frozenset(club for player_id in scorers for club in self._scored_against.get(player_id, ()))
        period = fixture_period if len([m for m in mentions if m.teams]) >= 2 else found.period
        teams, found.unsettled = self._choose_teams(
            mentions, period, previous, _PlayerSide(words, clubs, scored), grounds
        )
        if found.unsettled is not None:
            teams = self._settle_shared(found, mentions, grounds) or teams
        named = list(dict.fromkeys(teams + grounds))
        found.teams = derby or self._with_derby_rival(named, text)
        city = None if derby else next((d for d in self._city_derbies if d.named_in(text)), None)
        if city is not None:  # "arsenal's last london derby": its latest meeting with another London club
            found.teams, found.clarification = city.read(found.teams, found.period)
        found.home = _home_asked(text, found.teams, grounds)
        # A fixture ("spurs v bournemouth from 30/8", "bruno v burnley from 30/8"): "from" a day is its game of that
        # day, "sunday the 14th" one of their meetings (of the club's matches, when a player faces one club).
        facing = [h for h in named_players if found.teams and all(found.teams[0] not in r.teams for r in h.refs)]
        if len(found.teams) == 2 or (len(found.teams) == 1 and facing):
            meetings = self._meetings.get(frozenset(found.teams), [])
            found.period = resolve_period(question, self.latest, self.match_days, fixture_days=meetings)
        found.squad = _squad(words, mentions or self.names.exact(words, []), teams)
        if len(named) == 1 < len(found.teams):  # "Spurs' shots in the derby": Spurs are asked about
            found.squad = found.squad or named[0]
        outside = [m.words for m in mentions if not m.teams and self._outside_name(m, words)]
        found.unknown_teams = sorted(set(outside) | set(self._unresolved_sides(question, found.teams)))
        self._derby_read(found, text, previous)
        hits = named_players + self._misspelt_players(words, taken)
        # "Did Bruno score?" after a Newcastle question is Bruno Guimarães.
        context = found.teams or (sorted(self._previous_teams(previous)) if previous is not None else [])
        opposed = _opposed(words, mentions, found.teams)
        found.players, found.ambiguous_players = self._place_players(hits, context, _accented_words(question), opposed)
        found.opponent = next(iter(opposed), None)
        if len(found.teams) < 2 and not (found.clarification or found.unknown_teams):
            read = [(m.start, m.end) for m in mentions] + [(h.start, h.end) for h in hits]
            self._ask_unread(found, words, read)
        found.wants_last_match = (
            re.search(r"\b(last|latest|most recent|previous) (match|game|fixture|outing)\b", text) is not None
        )
        if previous is not None and not (
            found.teams or found.players or found.unknown_teams or found.clarification or found.ambiguous_players
        ):
            found.teams, found.players = list(previous.teams), list(previous.players)
            found.against = previous.against
            # "And the month after?" moves the period asked before; "and overall?" drops it.
            moved = moved_period(question, previous.period) if previous.period else None
            kept = None if WHOLE_SEASON.search(question) else previous.period
            found.period = found.period or moved or kept
            found.wants_last_match = found.wants_last_match or previous.wants_last_match
            found.inherited = True
        return found

    def _ask_unread(self, found: Resolution, words: list[str], read: list[tuple[int, int]]) -> None:
        """Ask back about a word that names nothing read, with the closest clubs and players, rather than answer
        about the one club read (or none): a word in a club's place ("did wolves lose to trickytrs"), or, when no
        player is named, a word close to a player's name ("casemero")."""
        for i, word in enumerate(words):
            if _overlaps(read, i, i + 1) or not self._name_like(word):
                continue
            in_place = _in_clubs_place(words, i, i + 1)
            if in_place and (outside := self._close_outside_club(word)):  # "naploi v the gulls": Napoli, refused
                found.unknown_teams = [outside]
                return
            options = self._closest_names(word, UNREAD_SCORE if in_place else CLOSE_NAME_SCORE)
            clubs = [name for name in options if name in self.teams]
            if in_place and len(clubs) == 1 and self._closest_names(word, CLOSE_NAME_SCORE)[:1] == (clubs[0],):
                options = (clubs[0],)  # "clyne vs fulhum": in a club's place the one close club, not Füllkrug
            if in_place or (options and not found.players):
                found.clarification = f'I could not read "{word}" as a club or player in the data.' + (
                    f" Did you mean {say_or(options)}?" if options else " Which club or player do you mean?"
                )
                found.unsettled = (word, options) if options else None
                return

    def _close_outside_club(self, word: str) -> str | None:
        """Return the club outside the data (as the alias table writes it) that ``word`` is a slip for ("naploi":
        napoli), when none in the data or player is as close, else None."""
        hit = process.extractOne(word, self._outside_keys, scorer=fuzz.ratio, score_cutoff=CLOSE_NAME_SCORE)
        if hit is None or hit[0][0] != word[0]:
            return None
        inside = process.extractOne(word, list(self._unread_keys), scorer=fuzz.ratio, score_cutoff=hit[1])
        return None if inside is not None else hit[0]

    def _name_like(self, word: str) -> bool:
        """Whether a word may be a name: letters, no English, question or date word, nor a name already known."""
        return (
            len(word) >= MIN_UNREAD_LENGTH
            and word.isalpha()
            and word not in self._ordinary
            and word not in QUESTION_WORDS | FUNCTION_WORDS | _NOT_NAMES
            and word not in self._name_keys
        )

    def _closest_names(self, word: str, cutoff: int) -> tuple[str, ...]:
        """Return up to three clubs or players whose names are at least ``cutoff`` close to ``word`` (best first)."""
        hits = process.extract(word, list(self._unread_keys), scorer=fuzz.ratio, score_cutoff=cutoff, limit=12)
        # The first letter is kept, or left out alone ("beumo": Mbeumo).
        names = [self._unread_keys[key] for key, _, _ in hits if key[0] == word[0] or key[1:] == word]
        return tuple(dict.fromkeys(names))[:MAX_UNREAD_OPTIONS]

    def _possessed(self, word: str) -> str:
        """Return the name a possessive written without its apostrophe stands for ("salahs" -> "salah", "kroupis"),
        else the word: only a word that is no name itself, one "s" away from a name."""
        if len(word) < 4 or not word.endswith("s") or word in self._name_keys or word in QUESTION_WORDS:
            return word
        stem = word[:-1]
        # An English word ("tels", "woods") is a possessive only of a player's surname.
        return (
            stem if stem in self._usable_surnames or (stem in self._name_keys and word not in self._ordinary) else word
        )

    def without_grounds(self, question: str) -> str:
        """Return the question with the grounds it names taken out: "at the London Stadium" places a match, it
        does not ask for the venue; "the anfield club" names a club, it ranks no clubs."""
        for venue in self._grounds:
            words = r"\W+".join(venue.split())
            question = re.sub(rf"\b{words}(\W+(club|side|outfit))?\b", " ", question, flags=re.IGNORECASE)
        return question

    def _settle_shared(self, found: Resolution, mentions: list[TeamMention], grounds: list[str]) -> list[str] | None:
        """Return the teams named when the shared name left open is the ground's club ("united v burnley at old
        trafford") or the club it usually means ("united": Man Utd, kept in ``found.assumed`` to be said); else set
        the question to ask back and return None."""
        words, options = found.unsettled or ("", ())
        ground = next((club for club in grounds if club in options), None)
        usual = self.names.usual.get(words)
        if ground is None and usual not in options:
            found.clarification = f'By "{words}", did you mean {say_or(options)}?'
            return None
        if ground is not None:
            found.unsettled = None
        else:
            found.assumed = (words, usual)
        return _taking(mentions, words, ground or usual)

    def _with_derby_rival(self, teams: list[str], text: str) -> list[str]:
        """ "Arsenal's xG in the derby": one club and "the derby" name its one derby rival in the data too."""
        if len(teams) != 1 or " the derby " not in text:
            return teams
        rivals = {rival for pair in self._derby_pairs if teams[0] in pair for rival in pair - {teams[0]}}
        return teams + sorted(rivals) if len(rivals) == 1 else teams

    def _mentions(self, words: list[str], question: str = "") -> tuple[list[TeamMention], list[PlayerHit]]:
        """Return the clubs the words name (in order) and the players named exactly.

        Exact names come before misspellings, so a player's surname is never read as a club it resembles.
        """
        exact = self.names.exact(words, [])
        named_players = self._exact_players(words, [(m.start, m.end) for m in exact])
        shouted = shouted_codes(question)
        mentions = self.names.misspelt(words, [(h.start, h.end) for h in named_players], exact, shouted)
        return _named_twice_once(mentions), named_players

    @staticmethod
    def _outside_name(mention: TeamMention, words: list[str]) -> bool:
        """Whether a club name outside the data is worth saying so ("Barcelona"), not an everyday word ("nice")
        unless it stands in a club's place ("man city v inter")."""
        in_place = _in_clubs_place(words, mention.start, mention.end)
        return (mention.words not in EVERYDAY_ALIASES or in_place) and len(mention.words) >= 3  # initials: "psg"

    # --- shared names ---------------------------------------------------------------------------------

    def _choose_teams(
        self,
        mentions: list[TeamMention],
        period: Period | None,
        previous: Resolution | None,
        players: _PlayerSide,
        grounds: Sequence[str] = (),
    ) -> tuple[list[str], tuple[str, tuple[str, ...]] | None]:
        """Return the teams the mentions name, in order, and the shared name that stays open with its clubs.

        Each mention offers its clubs; the readings kept are, in turn, those naming the most different
        clubs ("the Blues vs Chelsea" is Everton), those that fit the player named ("Salah for the Reds"
        is Liverpool, "Salah against the Reds" Forest), those whose meeting was at the ground named, its club
        at home ("united v sunderland at the stadium of light": a United that played there), those whose clubs
        played (each other) in the period, those sharing a club with the previous question, and a derby
        ("United vs City"); a step that would keep nothing is skipped.
        """
        named = [m for m in mentions if m.teams]
        if all(len(m.teams) == 1 for m in named):
            return [m.teams[0] for m in named], None
        readings = [tuple(r) for r in product(*(m.teams for m in named))]
        result = result_named(" ".join(players.words))
        most_clubs = max(len(set(r)) for r in readings)
        for keep in (
            lambda r: len(set(r)) == most_clubs,
            lambda r: players.fits(r, named),
            lambda r: players.scored_against(r, named),
            lambda r: len(r) >= 2 and result in self._results.get((r[0], r[1]), ()),
            lambda r: bool(grounds) and self._met_at(r, grounds[0]),
            lambda r: self._played(r, period),
            lambda r: previous is not None and bool(set(r) & self._previous_teams(previous)),
            # "City v United" is the Manchester derby: both sides are shared names. "United v Sunderland" names one
            # club outright, and every United that played Sunderland is as likely as the derby rival.
            lambda r: (
                len(set(r)) >= 2
                and frozenset(r[:2]) in self._derby_pairs
                and all(m.words in self.names.shared for m in named[:2])
            ),
        ):
            if len(readings) > 1 and (kept := [r for r in readings if keep(r)]):
                readings = kept
        if len(readings) == 1:
            return list(readings[0]), None
        open_mention = next(i for i, m in enumerate(named) if len({r[i] for r in readings}) > 1)
        settled = [m.teams[0] for m in named if len(m.teams) == 1]
        return settled, (named[open_mention].words, tuple(sorted({r[open_mention] for r in readings})))

    def _met_at(self, reading: tuple[str, ...], home: str) -> bool:
        """Whether the clubs of a reading met with ``home`` (a ground's club) at home."""
        return home in reading and all((home, club) in self._home_games for club in set(reading) - {home})

    def _played(self, reading: tuple[str, ...], period: Period | None) -> bool:
        """Whether the first two clubs of a reading met (one club: played at all), within the period when given."""
        days = self._meetings.get(frozenset(reading[:2]), [])
        return any(period is None or period.contains(day) for day in days)

    @staticmethod
    def _previous_teams(previous: Resolution) -> set[str]:
        return set(previous.teams) | {team for p in previous.players for team in p.teams}

    # --- sides that name nothing ----------------------------------------------------------------------

    def _unresolved_sides(self, question: str, teams: list[str]) -> list[str]:
        """Names on one side of "A vs B" that are no team or player in the data, when the other side is one.

        A side that is part of a name found in the whole question ("Hove Albion" of "Brighton & Hove
        Albion") is known, and so is one opening with a club's code in capitals.
        """
        names = [f" {key} " for key, clubs in self.names.keys.items() if set(clubs) & set(teams)]
        unresolved = []
        for first, second in _FIXTURE.findall(unshouted(question)):
            sides = [f" {words_of(side)} " for side in (first, second)]
            known = [
                bool(
                    any(m.teams for m in self.names.mentions(side))
                    or self._players_in(side)
                    or any(side in name for name in names)
                    or self._code_in_capitals(typed)
                    or self.reads_as_one_of(side, teams)
                )
                for side, typed in zip(sides, (first, second), strict=True)
            ]
            side = words_of((first, second)[known.index(False)]) if known.count(True) == 1 else ""
            # A side naming a statistic ("BUR's Number Of Corners Taken against Newcastle") is what is asked.
            if side and not _STAT_NAMED.search(side):
                unresolved.append(side)
        return unresolved

    def reads_as_one_of(self, words: str, teams: list[str]) -> bool:
        """Whether one of ``words`` (plain words) is read as one of ``teams``, the clubs the whole question names (a
        code or a clipped name placed by the words around it: "how many shots did lee have at home v man utd")."""
        return any(set(self.names.typed.read(word)[0]) & set(teams) for word in words.split())

    def _code_in_capitals(self, side: str) -> bool:
        """Whether a fixture's side opens with a club's code in capitals ("NFO against NEW formation": "NEW" is
        Newcastle's code, even beside other capitals, where an English word would read as no club)."""
        first = side.split()[0] if side.split() else ""
        return first.isupper() and first.lower() in self.names.typed.codes

    # --- players --------------------------------------------------------------------------------------

    def _players_in(self, text: str) -> list[PlayerRef]:
        """Return the players ``text`` (plain words) names without doubt: full names, and names only one carries."""
        words = text.split()
        hits = self._exact_players(words, [])
        hits += self._misspelt_players(words, [(h.start, h.end) for h in hits])
        return [h.refs[0] for h in hits if len(h.refs) == 1]

    def _exact_players(self, words: list[str], taken: list[tuple[int, int]]) -> list[PlayerHit]:
        """Return the players the words name outside ``taken``: full names, then surnames, then first names, then
        initials ("vvd", "mgw")."""
        hits: list[PlayerHit] = []
        taken = list(taken)
        tables = (self._full_names, False), (self._usable_surnames, False), (self._first_names, True)
        for table, first_name in (*tables, (self._initials, False)):
            for s, e, gram in _exact_spans(words, table, taken):
                hits.append(PlayerHit(s, e, gram, tuple(table[gram]), first_name))
                taken.append((s, e))
        return hits

    def _index_initials(self) -> dict[str, list[PlayerRef]]:
        """Return the initials of names of three words or more that only one player's carry ("vvd": Virgil van Dijk,
        "mgw": Morgan Gibbs-White) -> him; none that is a word, a name, a club's code or key, or an English word with
        a letter left out ("mor": more)."""
        found: dict[str, list[PlayerRef]] = defaultdict(list)
        for key, ref in self._full_names.items():
            if len(words := key.split()) >= 3:
                found["".join(w[0] for w in words)].extend(ref)
        ordinary = self._ordinary | QUESTION_WORDS | FUNCTION_WORDS | _NOT_NAMES
        return {
            initials: refs
            for initials, refs in found.items()
            if len(refs) == 1
            and initials not in ordinary | self._name_keys | self.names.typed.codes.keys()
            and not _letter_left_out(initials, ordinary)
        }

    def _misspelt_players(self, words: list[str], taken: list[tuple[int, int]]) -> list[PlayerHit]:
        """Return the players runs of words outside ``taken`` misspell, several when they are equally close."""
        hits: list[PlayerHit] = []
        taken = list(taken)
        for size in (2, 1):
            for i in range(len(words) - size + 1):
                gram = " ".join(words[i : i + size])
                # A word spelt right is no slip of a name ("how many shots did palace mange": not Mané)
                if _overlaps(taken, i, i + size) or gram in self.names.keys or gram in self._ordinary:
                    continue
                close = _fuzzy_keys(gram, self._player_keys, FUZZY_PLAYER_SCORE, self._player_swaps)
                if refs := [ref for key in close for ref in self._by_key(key)]:
                    hits.append(PlayerHit(i, i + size, gram, tuple(dict.fromkeys(refs)), False))
                    taken.append((i, i + size))
        return hits

    def _by_key(self, key: str) -> list[PlayerRef]:
        return list(self._full_names[key]) if key in self._full_names else self._usable_surnames[key]

    def _place_players(
        self,
        hits: list[PlayerHit],
        teams: list[str],
        accented: frozenset[str] = frozenset(),
        opposed: frozenset[str] = frozenset(),
    ) -> tuple[list[PlayerRef], dict[str, list[PlayerRef]]]:
        """Return the players named (in order) and the names several fit (name -> candidates).

        A name several players fit is narrowed to those of the teams named, else to those in a squad against one
        of them ("Barnes against Man City" is Harvey Barnes when Ashley Barnes never faced City; "Bruno v
        Newcastle", the club ``opposed``, is never Newcastle's Bruno), then to the one whose name the question
        spells with its accents ("Gómez" is Diego Gómez, not Joe Gomez); a first name many carry ("James") names
        nobody rather than asking among ten.
        """
        found: list[PlayerRef] = []
        ambiguous: dict[str, list[PlayerRef]] = {}
        named, own = set(teams), set(teams) - opposed
        for hit in sorted(hits, key=lambda h: h.start):
            narrowed = (
                [r for r in hit.refs if not named or set(r.teams) & own]
                or [
                    r
                    for r in hit.refs
                    if not set(r.teams) & opposed and any(named & self._sides.get(m, frozenset()) for m in r.matches)
                ]
                or [r for r in hit.refs if not set(r.teams) & opposed]
                or list(hit.refs)
            )
            spelt = [r for r in narrowed if accented & _accented_words(r.name)]
            narrowed = spelt if len(spelt) == 1 else narrowed
            if len(narrowed) == 1:
                found.append(narrowed[0])
            elif not hit.first_name or len(narrowed) <= MAX_FIRST_NAME_PLAYERS:
                ambiguous[hit.words] = narrowed
        return list(dict.fromkeys(found)), ambiguous
