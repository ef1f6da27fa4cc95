"""Answering one question: resolve -> route -> facts (tables) -> retrieval (Chroma) -> LLM -> grounding.

Fact questions are answered from the tables alone (no model call: fast and exact). A narrative
answer about a match opens with its computed result and scorers, streamed at once; the model is then
given the result, the key stats and the retrieved passages to answer the question, and what it writes
is checked by ``grounding`` before it is shown. Every stage runs in an Opik span (no-op when Opik is not configured).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from itertools import product

import pandas as pd
from cachetools import LRUCache
from rapidfuzz import fuzz

from football_rag.analytics.tables import MatchTables
from football_rag.config.yaml_config import load_config
from football_rag.data.contracts import FINISHED
from football_rag.rag.against import Against, against_asked, kept_against
from football_rag.rag.answer_model import Answer, Fact, Intent, Source
from football_rag.rag.asides import reach, reading
from football_rag.rag.asked_back import AskedBack, reply_as_question, written_in
from football_rag.rag.conversation import RETURN_MATCH, SECOND_MEETING, FollowUp, return_match
from football_rag.rag.dates import Period, table_day, without_date_marks
from football_rag.rag.entities import Catalog, PlayerRef, Resolution, say_or, words_of
from football_rag.rag.facts import LOWER_IS_BETTER, TEAM_ONLY, TOP_N, FactBook, FactResult, Only, day_label, named_goals
from football_rag.rag.grounding import Evidence, NameMatcher, ground, whole_sentences
from football_rag.rag.held import Holdings
from football_rag.rag.intents import (
    SET_UP_BY,
    Route,
    asks_one_side,
    asks_standings,
    form_length,
    half_asked,
    is_follow_up,
    places_asked,
    recent_matches,
    rounds_asked,
    route,
    shirt_named,
    side_asked,
    stat_named,
)
from football_rag.rag.judgement_claims import judgement_contradictions
from football_rag.rag.llm import LocalLLM
from football_rag.rag.match_select import Calendar, candidates, faces_opponent, in_period, nearest_matches, select_one
from football_rag.rag.prompts import PromptTemplate, load_prompt
from football_rag.rag.question_subject import scoreline_named
from football_rag.rag.refusals import unknown_name
from football_rag.rag.result_claims import MatchResult, contradictions
from football_rag.rag.retrieval import Passage, retrieve
from football_rag.rag.scope import NO_FILTERS, Filters, ScopeReader, scope_resolution
from football_rag.rag.stat_claims import MatchStats, spell_pairs, stat_contradictions
from football_rag.rag.tracing import Trace, Tracer
from football_rag.rag.typed_words import as_read, place_asked
from football_rag.rag.yes_no import verdict

MAX_QUESTION_CHARS = 500
CACHE_SIZE = 256
ONE_CLOSE_NAME_SCORE = 80  # "fulhum" is 83 from "fulham": read as it, said
MATCH_FACT_INTENTS = {
    Intent.SCORE, Intent.SCORERS, Intent.CARDS, Intent.LINEUP, Intent.FORMATION, Intent.REFEREE,
    Intent.VENUE, Intent.ATTENDANCE, Intent.MAN_OF_THE_MATCH, Intent.TEAM_STAT, Intent.CHART,
}  # fmt: skip
MULTI_MATCH_LIMIT = 10  # a league's full round
# The answers one half of a match can be counted for, and the stat each counts when the route names none.
_HALVED = {
    Intent.SCORE: "goals",
    Intent.SCORERS: "goals",
    Intent.TEAM_STAT: "goals",
    Intent.PLAYER_STAT: "goals",
    Intent.CARDS: "yellow_cards",
}
# Words that ask about a team over time rather than one match: "this season", "so far", "has been".
_OVER_TIME = re.compile(r"\b(season|so far|this year|campaign|ha(?:s|ve) been|lately|recently|over time|overall)\b")


# "Has Saka scored...", "...this season": a player's figures over time, whatever the previous question was.
_HIS_SEASON = re.compile(r"\b(has|have|season|so far|this year|overall|career|in total)\b")


def _in_previous_match(question: str, resolution: Resolution, previous: Resolution) -> bool:
    """Whether a question naming only players who were in the previous answer's one match ("Arsenal v Spurs
    score?", then "did Saka score?") is about that match."""
    ids = previous.match_ids if isinstance(previous, FollowUp) else []
    in_squad = len(ids) == 1 and all(ids[0] in p.matches for p in resolution.players)
    return in_squad and _HIS_SEASON.search(question.lower()) is None


# "What about against Spurs?", "and vs Chelsea?": the previous question again, against another opponent.
_AGAINST_ONE = re.compile(r"\b(against|vs?\.?|versus|facing)\b")


def _one_side_of_previous(question: str, resolution: Resolution, previous: Resolution) -> bool:
    """Whether a question naming only one of the previous answer's one match's two clubs ("Arsenal v City", then
    "who scored for City?") is about that match, from that club's side (not when it asks about the season)."""
    ids = previous.match_ids if isinstance(previous, FollowUp) else []
    one_club = len(resolution.teams) == 1 and not (resolution.players or resolution.period)
    return (
        one_club and len(ids) == 1 and resolution.teams[0] in previous.teams and not _OVER_TIME.search(question.lower())
    )


# "And the other team?", "what about the opposition?", "and their opponents?": the previous match from its other side.
_OTHER_SIDE = re.compile(r"\b(the )?(other (team|side|club|lot)|opposition|opponents?)\b")


def _other_side_follow_up(question: str, resolution: Resolution, previous: Resolution) -> None:
    """A follow-up asking about "the other team" of a two-team question is about the team not asked about before."""
    if resolution.players or len(previous.teams) != 2 or not _OTHER_SIDE.search(question.lower()):
        return
    if len(resolution.teams) not in (0, 2) or (resolution.teams and set(resolution.teams) != set(previous.teams)):
        return
    asked = previous.squad if previous.squad in previous.teams else previous.teams[0]
    other = next(t for t in previous.teams if t != asked)
    resolution.teams, resolution.squad = [other, asked], other
    resolution.period = resolution.period or previous.period


def _one_club_follow_up(question: str, resolution: Resolution, previous: Resolution) -> None:
    """A follow-up naming one club: one of the previous match's two ("what about Chelsea?") is that match from its
    side; another after "against" ("what about against Spurs?") replaces the previous opponent, faced by the
    previous player(s) or the previous question's first team."""
    if len(resolution.teams) != 1 or resolution.players or not previous.teams:
        return
    club = resolution.teams[0]
    if club in previous.teams and len(previous.teams) == 2:
        resolution.teams = [club, *(t for t in previous.teams if t != club)]
        resolution.period, resolution.squad = resolution.period or previous.period, club
        return
    if not _AGAINST_ONE.search(question.lower()):
        return
    if previous.players:
        resolution.players = list(previous.players)
    elif previous.teams[0] != club:
        resolution.teams = [previous.teams[0], club]
    over_days = previous.period is not None and previous.period.start != previous.period.end
    resolution.period = resolution.period or (previous.period if over_days else None)


# "Corners taken by Arsenal at Fulham", "fouls for Chelsea v Forest": the club after "by" or "for" is asked about.
_BY_ONE_SIDE = re.compile(r"\b(by|for) (the )?(\w+ ){1,3}?(at|v|vs|versus|against|facing|playing)\b")


class QuestionRejected(ValueError):
    """The question cannot be taken (empty or too long): the reason is for the user."""


@dataclass
class Plan:
    """Everything decided before the model speaks."""

    question: str
    resolution: Resolution
    route: Route
    facts: FactResult
    passages: list[Passage] = field(default_factory=list)
    messages: list | None = None
    intent: Intent = Intent.NARRATIVE
    team_story: bool = False  # a team over a period: told from its figures, with no match documents to retrieve


class Answerer:
    def __init__(
        self,
        tables: MatchTables,
        *,
        collection=None,
        encode=None,
        llm: LocalLLM | None = None,
        tracer: Tracer | None = None,
        prompt: PromptTemplate | None = None,
    ) -> None:
        self.book = FactBook(tables)
        self.calendar = Calendar(tables.matches)
        timeline = tables.timeline
        self.catalog = Catalog(tables.matches, tables.lineups, goals=timeline[timeline["kind"] == "goal"])
        self.names = NameMatcher(self.catalog.known_names())
        self.name_words = frozenset(w for n in self.catalog.known_names() for w in words_of(n).split())
        self.collection, self.encode = collection, encode
        self.llm = llm
        self.tracer = tracer or Tracer(enabled=False)
        self.prompt = prompt or load_prompt("answer")
        self._cache: LRUCache = LRUCache(CACHE_SIZE)
        # The loaded seasons and competitions: a question keeps to the ones it names, and is refused another.
        hinted = [h.get("competition") for h in load_config("ingest_hints").get("competition_hints", {}).values()]
        self.scopes = ScopeReader(tables.matches, filter(None, hinted))
        self._name_words = set(words_of(" ".join(self.catalog.known_names())).split())
        # What the tables hold: a question whose subject they do not hold is refused, not answered nearby.
        self.holdings = Holdings(tables)

    # --- public -----------------------------------------------------------------------------------

    def ask(
        self, question: str, previous: Resolution | None = None, chosen: Filters = NO_FILTERS
    ) -> tuple[Answer, Resolution]:
        """Answer one question; return the answer and what it resolved to, with its route and matches (a
        ``FollowUp``: pass it with the next question). ``chosen``: a season and competition picked beside it."""
        pieces = self.stream(question, previous, chosen)
        for _ in pieces:
            pass
        return pieces.answer, pieces.resolution

    def stream(self, question: str, previous: Resolution | None = None, chosen: Filters = NO_FILTERS) -> AnswerStream:
        """Yield the answer's text as it is produced; ``.answer`` holds the checked result afterwards."""
        question = as_read(_clean(question), self.name_words)
        # The reply to a question asked back ("which United?" -> "man utd") is that question with the choice made.
        asked = previous.asked_back if isinstance(previous, FollowUp) else None
        if asked is not None and (whole := reply_as_question(question, asked, self.catalog)) is not None:
            question, previous = whole, replace(previous, asked_back=None)
        return AnswerStream(self, question, previous, chosen)

    # --- stages -------------------------------------------------------------------------------------

    def plan(self, question: str, previous: Resolution | None, trace: Trace, chosen: Filters = NO_FILTERS) -> Plan:
        """Resolve, route and compute the facts of a question (and, for a story, retrieve and prompt)."""
        question, place = place_asked(question)  # "which city hosted ...": the ground, said to be no city
        with trace.span("resolution", {"question": question}) as span:
            resolution = self.catalog.resolve(question, previous)
            if (read := _read_as_one(resolution)) is not None:  # "fulhum": Fulham, said, not asked back
                question = written_in(question, *read)
                resolution = self.catalog.resolve(question, previous)
                resolution.assumed = resolution.assumed or read
            if not resolution.players and (him := self._him_of_previous(question, previous)):
                resolution.players = him  # "his shots?" after "who was man of the match": his, in that match
            self._settle_players(question, resolution)
            self._keep_scope(question, resolution, previous)
            scope = self.scopes.read(question, chosen, resolution.teams)
            follows = previous is not None and (resolution.inherited or is_follow_up(question))
            kept = previous.competition if follows else None
            scope_resolution(scope, resolution, question, self.catalog.match_days, kept)
            unplayed = self._return_match(question, resolution, previous)
            chosen = route(
                without_date_marks(self.catalog.without_nicknames(self.catalog.without_grounds(question))),
                has_player=bool(resolution.players),
                has_match_context=self._has_match_context(question, resolution),
                n_teams=len(resolution.teams),
                over_time=self._over_time(question, resolution),
                previous=previous.route if isinstance(previous, FollowUp) else None,
                n_players=len(resolution.players),
                refused=self.holdings.refusal(question) or scope.refusal,
            )
            chosen = self._stat_held(_player_facing(chosen, resolution, question))
            span.set_output(
                {
                    "teams": resolution.teams,
                    "players": [p.name for p in resolution.players],
                    "period": resolution.period.label if resolution.period else None,
                    "intent": chosen.intent,
                }
            )
        with trace.span("facts", {"intent": chosen.intent, "stat": chosen.stat}, type="tool") as span:
            plan = self._facts(question, resolution, chosen, unplayed)
            if chosen.yes_no:
                self._answer_yes_no(plan)
            if (half := half_asked(question)) is not None:
                self._in_half(plan, half)
            if place is not None and plan.intent is Intent.VENUE:
                plan.facts.add(note := f"The data holds the ground a match was played at, not its {place}.")
                plan.facts.text += " " + note
            span.set_output({"facts": [f.text for f in plan.facts.facts], "matches": plan.facts.match_ids})
        searchable = self.collection is not None and self.encode is not None and not plan.team_story
        if plan.intent is Intent.NARRATIVE and searchable:
            with trace.span("retrieval", {"query": question, "matches": plan.facts.match_ids}, type="tool") as span:
                team = resolution.teams[0] if resolution.teams else None
                plan.passages = retrieve(
                    self.collection, self.encode, question, plan.facts.match_ids[:MULTI_MATCH_LIMIT], team
                )
                span.set_output({"documents": [p.doc_id for p in plan.passages]})
        if plan.intent is Intent.NARRATIVE and self.llm is not None and (plan.passages or plan.facts.facts):
            # The key points carry the match's story with its figures: raw passages would only lengthen the prompt.
            passages = [] if plan.facts.key_points else [(p.doc_id, p.text) for p in plan.passages]
            plan.messages = self.prompt.render(question, facts=plan.facts.for_model(), passages=passages)
        return plan

    def _stat_held(self, chosen: Route) -> Route:
        """Return the route refused when the figure it gives is of a statistic the tables do not hold (xG without the
        xG model: said so, not "n/a"), else as it is; a comparison or a match's story says it beside other figures."""
        refused = self.holdings.stat_refusal(chosen.stat)
        if refused is None or chosen.intent not in _ONE_FIGURE:
            return chosen
        return Route(Intent.OUT_OF_SCOPE, stat=chosen.stat, refusal=refused, rule="stat_not_held")

    def _him_of_previous(self, question: str, previous: Resolution | None) -> list[PlayerRef]:
        """Return the one player the previous answer named when the question asks about "him" ("his shots?", "and
        his key passes?"), else []: the man of the match (WhoScored's, else the highest rated player) or the scorer
        of the goal asked for ("first goal of newcastle v man city, who got it" -> "his total shots that day")."""
        asked_of = isinstance(previous, FollowUp) and previous.route is not None and len(previous.match_ids) == 1
        if not asked_of or not re.search(r"\b(his|he|him)\b", question.lower()):
            return []
        match_id, route = previous.match_ids[0], previous.route
        if route.intent is Intent.MAN_OF_THE_MATCH:
            lineups = self.book.rows_of("lineups", [match_id])
            best = lineups.sort_values(["man_of_the_match", "rating"], ascending=False).head(1)
            player_id = None if best.empty else best.iloc[0]["player_id"]
        elif route.intent is Intent.SCORERS and route.goal is not None and not previous.players:
            player_id = self._goal_scorer(match_id, route.goal, route.goal_of)
        else:
            return []
        ref = None if player_id is None else self.catalog.player(str(player_id))
        return [] if ref is None else [ref]

    def _goal_scorer(self, match_id: str, kind: str, club: str | None) -> str | None:
        """Return who scored the one goal of ``kind`` in the match (of ``club``'s goals when given), or None when
        none or several were (two equalisers) or it was an own goal."""
        timeline = self.book.timeline_of(match_id)
        goals = timeline[timeline["kind"] == "goal"]
        goals = goals if club is None else goals[goals["team"] == club]
        named = named_goals(goals, kind)
        if len(named) != 1 or named["own_goal"].eq(True).any():
            return None
        return named.iloc[0]["player_id"]

    def _settle_players(self, question: str, resolution: Resolution) -> None:
        """A name several players carry is the one who played in the period (and had any of the stat asked for,
        goals for "score") when only one did; when several or none did, it stays to be asked back. Names read
        together settle first: the one reading whose players shared a club's squad in a match ("bruno set up
        cunha": Bruno Fernandes and Matheus Cunha of Man Utd, not Bruno Guimarães or Jair Cunha)."""
        self._settle_together(resolution)
        stat = stat_named(question) or ("goals" if re.search(r"\bscor", question.lower()) else None)
        for words, refs in list(resolution.ambiguous_players.items()):
            ids = self._match_ids_in_scope(self._within(resolution, teams=resolution.teams))
            fits = self.book.with_figures([r.player_id for r in refs], stat, ids)
            if len(fits) == 1:
                resolution.players.append(next(r for r in refs if r.player_id == fits[0]))
                del resolution.ambiguous_players[words]

    def _settle_together(self, resolution: Resolution) -> None:
        """Settle the shared names of ``resolution`` when, with the players already read, exactly one choice of them
        all were in one club's squad for a match (a match of the clubs named, when any are)."""
        shared = list(resolution.ambiguous_players.items())
        if not shared or len(shared) + len(resolution.players) < 2:
            return
        named = set(resolution.teams)

        def together(refs: tuple[PlayerRef, ...]) -> bool:
            clubs = set.intersection(*(set(r.teams) for r in refs))
            matches = set.intersection(*(set(r.matches) for r in refs))
            sides = ({self.book.match(m)["home"], self.book.match(m)["away"]} for m in matches)
            return bool(clubs) and any(named <= teams for teams in sides)

        fits = [c for c in product(*(refs for _, refs in shared)) if together((*c, *resolution.players))]
        if len(fits) == 1:
            resolution.players.extend(fits[0])
            resolution.ambiguous_players.clear()

    def _has_match_context(self, question: str, resolution: Resolution) -> bool:
        """Whether the question is about one match (two teams, a day, "last match", a follow-up)."""
        one_day = resolution.period is not None and resolution.period.start == resolution.period.end
        in_match = re.search(r"\b(in|during) (the|that|this) (match|game)\b", question.lower()) is not None
        return (
            len(resolution.teams) == 2
            or one_day
            or resolution.wants_last_match
            or in_match
            # "how many did they let in that month" after a club's month: still the month, not one match of it
            or (resolution.inherited and bool(resolution.teams) and not self._over_days(resolution))
            or faces_opponent(resolution)
        )

    def _facts(self, question: str, resolution: Resolution, chosen: Route, unplayed: Resolution | None) -> Plan:
        """Return the plan with its facts: from the builder the route names, after what resolution could not settle."""
        plan = Plan(question, resolution, chosen, FactResult(), intent=chosen.intent)
        if chosen.intent is Intent.OUT_OF_SCOPE:
            plan.facts.text = " ".join(filter(None, (chosen.refusal, self._scope_text())))
            return plan
        if resolution.unknown_teams:
            return self._outside_data(plan)
        if unplayed is not None:
            return self._unknown(plan, unplayed)
        if resolution.clarification:  # a shared or misspelt club name nothing in the question settles
            return self._clarify(plan, resolution.clarification)
        if resolution.ambiguous_players:  # "did guimaraes set up cunha": which Cunha, not an answer without him
            plan.intent = Intent.CLARIFY
            options = "; ".join(
                f"{', '.join(p.name for p in refs[:6])}" for refs in resolution.ambiguous_players.values()
            )
            plan.facts.text = f"Which player do you mean: {options}?"
            return plan
        if not resolution.players and (name := self._unknown_person(question, resolution.teams)):  # "did Messi score?"
            resolution.unknown_teams = [name]  # said as an unknown club is: not in the data
            return self._outside_data(plan)
        builders = {
            "player_goals": self._player_goals, "team_story": self._team_story,
            "assists_between": self._assists_between,
            "player_summary": self._player_summary, "not_read": self._not_read, "shirt_number": self._shirt_number,
            "shirt_wearers": self._shirt_wearers,
            Intent.RANKING: self._ranking, Intent.FORM: self._form, Intent.AGGREGATE: self._aggregate,
            Intent.COMPARISON: self._comparison, Intent.PLAYER_STAT: self._player_stat, Intent.MANAGER: self._managers,
        }  # fmt: skip
        # "match_leaders" and every match fact: one match (or each of a period's) selected, then its facts.
        builder = builders.get(chosen.builder or "") or builders.get(chosen.intent)
        if builder is None or chosen.builder == "match_leaders":
            return self._match_facts(plan)
        return builder(plan)

    def _unknown_person(self, question: str, teams: list[str]) -> str | None:
        """Return the name a question asks about ("did Mbappe score against Arsenal?") when it is no word of a
        player or club in the data and reads as no club either ("did the Gunners score" is Arsenal; "did lee have"
        beside "v man utd" is Leeds, one of ``teams`` the question was read as naming), else None."""
        name = unknown_name(words_of(question), self._name_words)
        if name and self.catalog.reads_as_one_of(name, teams):
            return None
        found = self.catalog.resolve(name) if name else None
        return name if found is not None and not (found.teams or found.players or found.clarification) else None

    @staticmethod
    def _over_days(resolution: Resolution) -> bool:
        """Whether a question keeps to one club over a period of days, with no opponent named."""
        period = resolution.period
        return len(resolution.teams) == 1 and period is not None and period.start != period.end

    def _over_time(self, question: str, resolution: Resolution) -> bool:
        """Whether a question is about a period longer than a day, the season or its matchweeks, not one match."""
        return (
            (resolution.period is not None and resolution.period.start != resolution.period.end)
            or _OVER_TIME.search(question.lower()) is not None
            or self._only(question).rounds is not None
        )

    @staticmethod
    def _keep_scope(question: str, resolution: Resolution, previous: Resolution | None) -> None:
        """A follow-up naming only another player ("what about Eze?") stays in the previous question's match or
        period: its teams and period carry over."""
        named_only_players = resolution.players and not (resolution.teams or resolution.period)
        if (
            previous is not None
            and named_only_players
            and (is_follow_up(question) or _in_previous_match(question, resolution, previous))
        ):
            resolution.teams, resolution.period = list(previous.teams), previous.period
        if previous is not None and (is_follow_up(question) or _one_side_of_previous(question, resolution, previous)):
            _one_club_follow_up(question, resolution, previous)
            _other_side_follow_up(question, resolution, previous)

    def _return_match(self, question: str, resolution: Resolution, previous: Resolution | None) -> Resolution | None:
        """Point a "what about the return match?" follow-up at the other meeting of the previous match's teams
        (its two teams and day); return what was asked for when the data has no such match, else None."""
        if not (
            isinstance(previous, FollowUp) and len(previous.match_ids) == 1 and RETURN_MATCH.search(question.lower())
        ):
            return None
        first = self.book.match(previous.match_ids[0])
        second = SECOND_MEETING.search(question.lower()) is not None
        other = return_match(self.book.t.matches, first["match_id"], later=second)
        if other is None:
            return Resolution(teams=[first["away"], first["home"]])
        m = self.book.match(other)
        day = pd.Timestamp(m["date"]).date()
        resolution.teams, resolution.players = [m["home"], m["away"]], []
        resolution.period, resolution.wants_last_match = Period(day, day, day_label(day)), False
        return None

    def _answer_yes_no(self, plan: Plan) -> None:
        """Open a yes/no question's answer with Yes or No, when the facts decide it."""
        subject = self._subject_team(plan.question, plan.resolution)
        said = verdict(self.book, plan.route, plan.question, plan.resolution, plan.facts.match_ids, subject)
        if said is None or not plan.facts.facts:
            return
        word = "Yes." if said else "No."
        plan.facts.facts.insert(0, Fact(text=word, match_ids=plan.facts.match_ids[:1]))
        plan.facts.text = f"{word} {plan.facts.text}"

    def _in_half(self, plan: Plan, half: int) -> None:
        """Open a one-match answer asked about one half ("and in the first half?") with that half's figure, or with
        what the data cannot split by half."""
        ids = set(plan.facts.match_ids)
        if plan.intent not in _HALVED or len(ids) != 1 or not plan.facts.facts:
            return
        players = plan.resolution.players
        player = players[0].player_id if plan.intent is Intent.PLAYER_STAT and len(players) == 1 else None
        stat = plan.route.stat or _HALVED[plan.intent]
        team = self._subject_team(plan.question, plan.resolution)
        text = self.book.in_half(ids.pop(), half, stat, team, player)
        plan.facts.facts.insert(0, Fact(text=text, match_ids=plan.facts.match_ids[:1]))
        plan.facts.text = f"{text} {plan.facts.text}"

    @staticmethod
    def _subject_team(question: str, resolution: Resolution) -> str | None:
        """The one team a match question is about ("How many corners did Arsenal get against Spurs?": Arsenal), or
        None when it asks about both ("How many cards were there in Chelsea vs Liverpool?", "...did they have?")."""
        if len(resolution.teams) == 1:
            return resolution.teams[0]
        if resolution.squad in resolution.teams:  # "most shots for Arsenal against Spurs", "what about Spurs?"
            return resolution.squad
        lowered = question.lower()
        # "Did Arsenal get...", "City's shots vs Arsenal": the team before the verb or the "vs" is asked about.
        possessive = re.search(r"['\u2019]s\b.*\b(vs?\.?|versus|against|facing)\b", lowered)
        one_side = asks_one_side(question) or bool(re.search(r"\b(did|do|does)\b", lowered) or possessive)
        one_side = one_side or _BY_ONE_SIDE.search(lowered) is not None
        both = re.search(
            r"\b(both|each|between|combined|altogether|in total|and|they|them|their|anyone|anybody|either)\b", lowered
        )
        return resolution.teams[0] if len(resolution.teams) == 2 and one_side and both is None else None

    def _team_story(self, plan: Plan) -> Plan:
        """A team over a period: its record, key stats per match and their ranks among all teams, all computed."""
        team = plan.resolution.teams[0]
        ids = self._match_ids_in_scope(self._within(plan.resolution, teams=[team]))
        everyone = self._match_ids_in_scope(self._within(plan.resolution))  # every match of the period, or the data
        plan.facts = self.book.team_profile(team, ids, everyone, self._period_label(plan.resolution))
        plan.team_story = True
        return plan

    def _period_label(self, resolution: Resolution) -> str:
        period = resolution.period or self.scopes.latest_period()
        return period.label if period else "the data so far"

    def _within(self, resolution: Resolution, **named: list) -> Resolution:
        """Return a resolution of the ``named`` teams or players over ``resolution``'s period and competition; with
        no period named and several seasons loaded, the latest season ("most goals": this season's)."""
        period = resolution.period or self.scopes.latest_period()
        return Resolution(period=period, competition=resolution.competition, **named)

    def _scope_text(self) -> str:
        m = self.book.t.matches
        comps = ", ".join(sorted({c for c in m["competition"].dropna()})) or "the loaded competitions"
        return reach(len(m), comps, pd.Timestamp(m["date"].min()), pd.Timestamp(m["date"].max()))

    def _match_ids_in_scope(self, resolution: Resolution) -> list[str]:
        """The matches of the named teams or players in the period; every match of the period when none is named."""
        matches = self.calendar
        pool = (
            candidates(matches, resolution)
            if (resolution.teams or resolution.players)
            else in_period(matches.frame, resolution)
        )
        return pool["match_id"].tolist()

    def _ranking(self, plan: Plan) -> Plan:
        standings = asks_standings(plan.question)
        if standings and plan.resolution.period is not None:
            plan.resolution.period = self._season_until(table_day(plan.question, plan.resolution.period))
        ids = self._match_ids_in_scope(self._within(plan.resolution))
        team = plan.resolution.teams[0] if len(plan.resolution.teams) == 1 else None
        only = self._only(plan.question)
        # "Top of the table", "the best away record", "where did Chelsea finish": points, then goal difference.
        if plan.route.stat == "points" and (standings or only.side):
            if asked := self._which_table(ids):
                return self._clarify(plan, asked)
            scope = self._period_label(plan.resolution) + only.describe()
            shown = places_asked(plan.question) or TOP_N
            plan.facts = self.book.table(ids, scope, not plan.route.descending, team, only, shown)
            return plan
        stat, flipped = self._counted(self._against(plan.question, plan.resolution, ranked=True), plan.route.stat)
        players = stat not in TEAM_ONLY and not plan.route.of_teams and not flipped
        # "The best PPDA", "the best defence": the lowest figure where less is better.
        descending = plan.route.descending != (plan.route.judged and stat in LOWER_IS_BETTER)
        plan.facts = self.book.ranking(
            stat,
            ids,
            self._period_label(plan.resolution),
            players,
            descending,
            team,
            against=flipped,
            only=only,
            rate=plan.route.rate,
        )
        return plan

    def _against(self, question: str, resolution: Resolution, ranked: bool = False) -> Against | None:
        """Return what the question asks of a club's opponents ("shots Villa faced"), never of a player's own."""
        if resolution.players:
            return None
        words = words_of(question).split()
        found = against_asked(words, self.catalog.names.mentions(" ".join(words)), resolution.teams, ranked)
        if found is None and resolution.inherited and resolution.against is not None:
            found = kept_against(question, resolution.against, resolution.teams)
        resolution.against = None if found is None else (found.team, found.stat)
        return found

    def _counted(self, against: Against | None, stat: str | None) -> tuple[str | None, bool]:
        """Return the stat a club total or ranking counts and whether it is the opponents' figure: a count the
        tables keep against each club ("goals", "xg": goals conceded, xG against) is read as that column."""
        if against is None:
            return stat, False
        kept = f"{against.stat}_against"
        return (kept, False) if kept in self.book.t.team_stats.columns else (against.stat, True)

    def _which_table(self, match_ids: list[str]) -> str | None:
        """Return which competition's table a question means when its matches are of several (a table of two leagues
        is none), else None."""
        named = sorted(set(self.book.matches.loc[match_ids, "competition"].dropna()))
        return f"Which competition's table do you mean: {' or '.join(named)}?" if len(named) > 1 else None

    def _season_until(self, period: Period) -> Period:
        """The season's matches from its first up to the end of ``period``: the table as it stood then (a whole
        season asked, "last season": that season)."""
        season = self.scopes.season_of(period.end)
        if season is not None and period == season.period:
            return period
        first = season.period.start if season else pd.Timestamp(self.book.t.matches["date"].min()).date()
        return Period(first, period.end, f"the season up to {day_label(period.end)} (the matches in the data only)")

    def _form(self, plan: Plan) -> Plan:
        """A team's latest matches: of the season, period or competition asked ("form last season"), else its last."""
        resolution = plan.resolution
        if not resolution.teams:
            return self._clarify(plan, "Which team's form do you mean?")
        team, last, side = resolution.teams[0], form_length(plan.question), side_asked(plan.question)
        if resolution.period is None and resolution.competition is None and side is None:
            plan.facts = self.book.form(team, last)
            return plan
        scoped = Resolution(period=resolution.period, competition=resolution.competition, teams=[team])
        within = f" in {resolution.period.label}" if resolution.period else ""
        within += f" ({resolution.competition})" if resolution.competition else ""
        ids = self._match_ids_in_scope(scoped)
        if side is not None:  # "villa's last 3 home games"
            ids = list(self.book.team_rows(ids, Only(side=side)).query("team == @team")["match_id"])
            within += f", {side} matches only"
        plan.facts = self.book.form(team, last, ids, within)
        return plan

    def _aggregate(self, plan: Plan) -> Plan:
        if not plan.resolution.teams:
            # "How many penalties were scored in August?" is every team's total; "How did August go?" its results.
            named = stat_named(plan.question)
            if named or plan.resolution.period:
                ids, label = self._match_ids_in_scope(plan.resolution), self._period_label(plan.resolution)
                plan.facts = (
                    self.book.period_total(named, ids, label, plan.route.rate)
                    if named
                    else self.book.results_in(ids, label)
                )
                return plan
            return self._asked_back_if_held(plan, "Which team do you mean?")
        team, only = plan.resolution.teams[0], self._only(plan.question)
        ids = self._match_ids_in_scope(self._within(plan.resolution, teams=[team]))
        ids = list(dict.fromkeys(self.book.team_rows(ids, only).query("team == @team")["match_id"]))
        label = self._period_label(plan.resolution) + only.describe()
        against = self._against(plan.question, plan.resolution)
        stat, flipped = self._counted(against if against and against.team == team else None, plan.route.stat)
        plan.facts = self.book.team_total(team, stat, ids, label, against=flipped, rate=plan.route.rate)
        return plan

    def _only(self, question: str) -> Only:
        """Which of each team's matches a question keeps to: home or away, matchweeks first..last (a season has
        each team meet every other twice)."""
        rounds = 2 * (self.book.t.matches["home"].nunique() - 1)
        return Only(side_asked(question), rounds_asked(question, rounds))

    def _comparison(self, plan: Plan) -> Plan:
        ids = self._match_ids_in_scope(self._within(plan.resolution))
        plan.facts = self.book.comparison(
            plan.resolution.teams, plan.route.stat, ids, self._period_label(plan.resolution)
        )
        return plan

    def _player_stat(self, plan: Plan) -> Plan:
        """One player's figure in the match asked about, or his total over the period; two players compared."""
        player, resolution = plan.resolution.players[0], plan.resolution
        if len(resolution.players) >= 2 and not self._has_match_context(plan.question, resolution):
            return self._player_comparison(plan)
        ids = self._player_match_ids(plan)
        one_match = self._has_match_context(plan.question, resolution)
        if not ids and (one_match or resolution.period is None):  # a period without his matches: his 0 in it
            return self._no_player_match(plan)
        each = self._his_meetings(resolution) if len(ids) == 1 else []
        plan.facts = (
            FactResult.joined(
                [self.book.player_stat(player.player_id, player.name, plan.route.stat, [i]) for i in each]
            )
            if len(each) > 1
            else self.book.player_stat(
                player.player_id, player.name, plan.route.stat, ids, self._his_span(plan, ids), plan.route.rate
            )
        )
        return plan

    def _his_span(self, plan: Plan, ids: list[str]) -> str:
        """Return the span a player's total is over, as said after it: his club's last matches ("over Arsenal's last
        5 matches in the data, 13 December 2025 to 3 January 2026"), the period named ("in December 2025"), or "" (one
        match asked)."""
        if self._has_match_context(plan.question, plan.resolution):
            return ""
        rounds = self._only(plan.question).rounds
        if rounds is not None and rounds[0] < 0 and ids:
            days, latest = sorted(self.book.matches.loc[ids, "date"]), self.book.match(ids[-1])
            team = next(t for t in plan.resolution.players[0].teams if t in (latest["home"], latest["away"]))
            return f"over {team}'s last {-rounds[0]} matches in the data, {day_label(days[0])} to {day_label(days[-1])}"
        return f"in {plan.resolution.period.label}" if plan.resolution.period else ""

    def _his_meetings(self, resolution: Resolution) -> list[str]:
        """Return a player's matches against the one club named, latest first, when nothing (a day, a score, a
        ground) picks one of them ("Eze v Chelsea": for Palace in August and for Arsenal in November)."""
        picked = resolution.period or resolution.score or resolution.home or resolution.wants_last_match
        return (
            []
            if picked or not faces_opponent(resolution)
            else list(candidates(self.calendar, resolution)["match_id"])[::-1]
        )

    def _shirt_number(self, plan: Plan) -> Plan:
        """ "Saka's shirt number", "what number did Eze wear v Palace": the numbers he wore in the match asked about,
        or over his matches of the period."""
        player = plan.resolution.players[0]
        ids = self._player_match_ids(plan)
        if not ids:
            return self._no_player_match(plan)
        one = len(ids) == 1 and self._has_match_context(plan.question, plan.resolution)
        period = f"in {self._period_label(plan.resolution)}"
        plan.facts = self.book.shirt_numbers(player.player_id, player.name, ids, None if one else period)
        return plan

    def _shirt_wearers(self, plan: Plan) -> Plan:
        """ "Who wore number 7 for Arsenal", "arsenal's no. 9 v spurs": who wore the club's shirt number in the match
        asked about, or each player who wore it over the period."""
        resolution = plan.resolution
        team = self._subject_team(plan.question, resolution) or resolution.teams[0]
        number = shirt_named(plan.question)
        if self._has_match_context(plan.question, resolution):
            selection = select_one(self.calendar, resolution, self.book.label)
            if selection.unknown:
                return self._unknown(plan, resolution)
            plan.facts = self.book.shirt_wearers(team, number, selection.match_ids[:1], None)
            return plan
        ids = self._match_ids_in_scope(self._within(resolution, teams=[team]))
        plan.facts = self.book.shirt_wearers(team, number, ids, f"in {self._period_label(resolution)}")
        return plan

    def _player_summary(self, plan: Plan) -> Plan:
        """A player's main figures in the match asked about, over his latest matches ("Saka's form"), or over the
        period."""
        player = plan.resolution.players[0]
        ids = self._player_match_ids(plan)
        if not ids:
            return self._no_player_match(plan)
        one = len(ids) == 1 and self._has_match_context(plan.question, plan.resolution)
        latest = f"his last {len(ids)} appearances" if recent_matches(plan.question) and len(ids) > 1 else None
        scope = self.book.label(self.book.match(ids[0])) if one else latest or self._period_label(plan.resolution)
        plan.facts = self.book.player_summary(player.player_id, player.name, ids, scope)
        return plan

    def _player_match_ids(self, plan: Plan) -> list[str]:
        """The match a player question is about (the one selected), or his matches over the period."""
        player, resolution = plan.resolution.players[0], plan.resolution
        if not self._has_match_context(plan.question, resolution):
            ids = self._match_ids_in_scope(self._within(resolution, players=[player]))
            latest = recent_matches(plan.question)  # "his last 3 games", "Saka's form"
            if latest:
                return self.book.last_appearances(player.player_id, ids, latest)
            rounds = self._only(plan.question).rounds  # "his first 10 games": his first appearances
            if rounds is not None and rounds[0] < 0:  # "in the last 5 gameweeks": his club's last 5 matches
                kept = self.book.team_rows(ids, Only(rounds=rounds))
                return list(dict.fromkeys(kept.loc[kept["team"].isin(player.teams), "match_id"]))
            first = rounds is not None and rounds[0] == 1
            return self.book.last_appearances(player.player_id, ids, rounds[1], first=True) if first else ids
        scope = Resolution(
            teams=resolution.teams or list(player.teams[:1]),
            players=[player],
            period=resolution.period,
            wants_last_match=resolution.wants_last_match,
            competition=resolution.competition,
            opponent=resolution.opponent,
        )
        return select_one(self.calendar, scope, self.book.label).match_ids

    def _no_player_match(self, plan: Plan) -> Plan:
        """No match of the player fits: when his team's match asked about was played, he did not play in it (said
        so: "did Gyökeres score against Spurs?"); else there is no such match, with his team's nearest."""
        player, resolution = plan.resolution.players[0], plan.resolution
        teams = list(dict.fromkeys([*player.teams[:1], *resolution.teams]))
        asked = Resolution(
            teams=teams, period=resolution.period, wants_last_match=resolution.wants_last_match,
            competition=resolution.competition,
        )  # fmt: skip
        played = select_one(self.calendar, asked, self.book.label) if len(teams) == 2 else None
        if played is None or played.unknown:
            return self._unknown(plan, Resolution(teams=teams, period=resolution.period))
        text = f"{player.name} did not play in {self.book.label(self.book.match(played.match_ids[0]))}."
        plan.facts = FactResult(text=text, match_ids=played.match_ids[:1])
        plan.facts.add(text, played.match_ids[:1])
        return plan

    def _player_goals(self, plan: Plan) -> Plan:
        """ "Who set up Haaland's goals in September?": his goals over the period, each with who assisted it
        ("Who did Saka assist?": the goals he set up, each with who scored it)."""
        player = plan.resolution.players[0]
        ids = self._match_ids_in_scope(self._within(plan.resolution, players=[player]))
        plan.facts = self.book.player_goals(
            player.player_id, player.name, ids, self._period_label(plan.resolution), set_up=plan.route.stat == "assists"
        )
        return plan

    def _assists_between(self, plan: Plan) -> Plan:
        """ "Did Wirtz assist Isak v Spurs?", "was Isak set up by Wirtz": the goals the assister (named first, or after
        "by") set up for the scorer, in the match or period asked; the two are kept in that order for the yes or no."""
        resolution = plan.resolution
        first, second = resolution.players[:2]
        passive = SET_UP_BY.search(plan.question.lower()) is not None
        assister, scorer = (second, first) if passive else (first, second)
        resolution.players[:2] = [assister, scorer]
        ids = self._match_ids_in_scope(self._within(resolution, teams=resolution.teams, players=[scorer]))
        one = len(ids) == 1 and (bool(resolution.teams) or self._has_match_context(plan.question, resolution))
        scope = self.book.label(self.book.match(ids[0])) if one else self._period_label(resolution)
        scope += f" against {say_or(resolution.teams)}" if resolution.teams and not one else ""
        plan.facts = self.book.assists_between(
            (assister.player_id, assister.name), (scorer.player_id, scorer.name), ids, scope
        )
        return plan

    def _managers(self, plan: Plan) -> Plan:
        """The manager(s) of the match asked about (one side when one is asked for), or each team's over a period."""
        resolution = plan.resolution
        if not (resolution.teams or resolution.period):
            return self._clarify(plan, "Which team's manager do you mean?")
        in_match = bool(resolution.teams) and self._has_match_context(plan.question, resolution)
        selection = select_one(self.calendar, resolution, self.book.label) if in_match else None
        ids = (
            selection.match_ids
            if selection
            else self._match_ids_in_scope(self._within(resolution, teams=resolution.teams[:1]))
        )
        if not ids:
            return self._unknown(plan, resolution)
        one_side = len(resolution.teams) == 1 or (bool(resolution.teams) and asks_one_side(plan.question))
        sides = list(dict.fromkeys(self.book.matches.loc[ids, ["home", "away"]].to_numpy().ravel()))
        teams = resolution.teams[:1] if one_side else sides
        teams = [resolution.squad] if resolution.squad in sides else teams  # "and the other team?"
        if selection and (side := _side_named(plan.question, self.book.match(ids[0]))):
            teams = [side]  # "who was the away manager in Arsenal v Spurs"
        plan.facts = self.book.managers(ids, teams, self._period_label(resolution))
        if selection and selection.note:
            plan.facts.add(selection.note)
            plan.facts.text += " " + selection.note
        return plan

    def _player_comparison(self, plan: Plan) -> Plan:
        """ "Who scored more, Haaland or Thiago?": both players' figures over the period, and who had more."""
        players = [
            (p.player_id, p.name, self._match_ids_in_scope(self._within(plan.resolution, players=[p])))
            for p in plan.resolution.players[:2]
        ]
        plan.facts = self.book.player_comparison(players, plan.route.stat)
        return plan

    def _match_facts(self, plan: Plan) -> Plan:
        resolution, chosen = plan.resolution, plan.route
        if not (resolution.teams or resolution.players or resolution.period or resolution.wants_last_match):
            return self._clarify(plan, "Which match do you mean? Name the teams, a date, or both.")
        if self._score_not_held(plan):  # "liverpool 7-0 man utd": not their meeting in the data
            return self._unknown(plan, resolution, score=True)
        multi = self._multi_match(plan)
        if multi is not None:
            return multi
        selection = select_one(self.calendar, resolution, self.book.label, self._his_goals(plan))
        if selection.unknown:
            return self._unknown(plan, resolution)
        match_id = selection.match_ids[0]
        m = self.book.match(match_id)
        if (side := _side_named(plan.question, m)) is not None:
            resolution.squad = side  # the side asked about: "and the other team?" next is the other one
        subject = side or self._subject_team(plan.question, resolution)
        if chosen.goal is not None:  # "arsenal's 2nd goal": Arsenal's goals only
            chosen = replace(chosen, goal_of=self._club_before(plan.question, "goal", (m["home"], m["away"])))
        against = self._against(plan.question, resolution) if chosen.intent is Intent.TEAM_STAT else None
        if against is not None and against.team in (m["home"], m["away"]):  # "shots Arsenal faced": the other side's
            chosen, subject = replace(chosen, stat=against.stat), m["away"] if m["home"] == against.team else m["home"]
        plan.facts = self._one_match(chosen, match_id, resolution, subject)
        for note in filter(None, (selection.note, self._season_note(match_id))):
            plan.facts.add(note)
            plan.facts.text += " " + note
        return plan

    def _score_not_held(self, plan: Plan) -> bool:
        """Return whether the question names its two clubs' match by a final score none of their meetings in the data
        ended with ("liverpool 7-0 man utd"); a yes or no question's score is a claim, checked as one."""
        named = scoreline_named(plan.question)
        if named is None or plan.route.yes_no or len(plan.resolution.teams) != 2:
            return False
        ids = self.calendar.of_clubs(plan.resolution.teams)["match_id"]
        played = self.book.matches.loc[ids, ["home_goals", "away_goals"]].dropna().astype(int).to_numpy()
        return sorted(named) not in [sorted(pair) for pair in played.tolist()]

    def _club_before(self, question: str, noun: str, clubs: tuple[str, ...]) -> str | None:
        """Return the one of ``clubs`` the question names just before an ordinal and ``noun`` ("arsenal's 2nd goal",
        "spurs first goal"), or None."""
        words = words_of(question).split()
        ordinal = next((i for i in range(1, len(words)) if words[i] == noun and _ORDINAL.fullmatch(words[i - 1])), None)
        mention = next((m for m in self.catalog.names.mentions(" ".join(words)) if m.end == (ordinal or 0) - 1), None)
        named = [team for team in (mention.teams if mention else ()) if team in clubs]
        return named[0] if len(named) == 1 else None

    def _season_note(self, match_id: str) -> str | None:
        """Return which season a one-match answer is from ("From the 2024/2025 season."), when several are loaded."""
        season = self.book.match(match_id)["season"]
        return f"From the {season} season." if self.scopes.several_seasons and isinstance(season, str) else None

    def _his_goals(self, plan: Plan) -> set[str]:
        """Return the matches the one player a goal-minute question names scored in ("when did Bruno score against
        Burnley?" is about the meeting he scored in), else none."""
        players = plan.resolution.players
        if plan.intent is not Intent.SCORERS or len(players) != 1 or plan.route.goal is not None:
            return set()
        return self.book.matches_scored_in(players[0].player_id)

    def _multi_match(self, plan: Plan) -> Plan | None:
        """A match fact over every match of a period: "Who scored for Liverpool in August?", "Results on 13 Sep"."""
        resolution = plan.resolution
        one_day = resolution.period is not None and resolution.period.start == resolution.period.end
        one_named_day = one_day and bool(resolution.teams or resolution.players)
        counted = self._counted_over_season(plan)
        if (resolution.period is None and not counted) or one_named_day or len(resolution.teams) == 2:
            return None
        if plan.intent is Intent.CHART:
            return None
        pool = candidates(self.calendar, resolution)
        if len(pool) <= 1:
            return None
        ids = pool["match_id"].tolist()
        subject = self._subject_team(plan.question, resolution)
        each = [self._one_match(plan.route, m, resolution, subject) for m in ids[:MULTI_MATCH_LIMIT]]
        plan.facts = FactResult.joined(each)
        if subject and (count := _COUNTED.get(plan.route.builder or plan.intent.value)):
            # "who captained arsenal in december", "arsenal's referees this season": counted first
            counts = getattr(self.book, count)(ids, subject, self._period_label(resolution))
            plan.facts = FactResult.joined([counts, plan.facts])
        return plan

    def _counted_over_season(self, plan: Plan) -> bool:
        """Whether a question with no period asks one club's captains, formations, referees or kick-off times over
        the season ("who captained liverpool this season", "formations arsenal used so far"): counted over its
        matches, not its latest one."""
        kind = plan.route.builder or plan.intent.value
        one_club = len(plan.resolution.teams) == 1 and not plan.resolution.players
        return kind in _COUNTED and one_club and _OVER_TIME.search(plan.question.lower()) is not None

    def _one_match(self, chosen: Route, match_id: str, resolution: Resolution, subject: str | None) -> FactResult:
        """The facts of one match the route asks for; ``subject`` the one team asked about, if any."""
        intent = chosen.intent
        if chosen.builder == "match_leaders":
            return self.book.match_leaders(match_id, chosen.stat, chosen.descending, resolution.squad)
        if chosen.builder == "captains":
            return self.book.captains(match_id, [subject] if subject else [])
        if chosen.builder == "kickoff":
            return self.book.match_detail(match_id, "kickoff")
        if intent is Intent.SCORERS:
            one = resolution.players[0] if len(resolution.players) == 1 else None  # "when did Eze score?"
            his = (one.player_id, one.name) if one is not None else None
            side = self._scoring_side(match_id, resolution)
            return self.book.scorers(match_id, side, his, chosen.goal, chosen.goal_of)
        if intent is Intent.CARDS:
            return self.book.cards(match_id, subject, chosen.stat, chosen.counted)
        if intent is Intent.LINEUP:
            return self.book.lineup(match_id, resolution.teams if len(resolution.teams) == 1 else [])
        if intent is Intent.FORMATION:
            return self.book.formation(match_id, resolution.teams if len(resolution.teams) == 1 else [])
        if intent in (Intent.REFEREE, Intent.VENUE, Intent.ATTENDANCE):
            detail = self.book.match_detail(match_id, intent.value)
            if chosen.builder != "in_charge":
                return detail
            m = self.book.match(match_id)  # "in charge of Spurs vs Bournemouth": the referee and both managers
            return FactResult.joined([detail, self.book.managers([match_id], [m["home"], m["away"]], "")])
        if intent is Intent.MAN_OF_THE_MATCH:
            return self.book.man_of_the_match(match_id, resolution.squad)
        if intent is Intent.TEAM_STAT:
            return self.book.team_stat(match_id, chosen.stat, subject, chosen.counted)
        if intent is Intent.NARRATIVE:
            return self.book.match_summary(match_id, self.prompt.briefing_points, self.prompt.brief_points)
        return self.book.score(match_id)

    def _scoring_side(self, match_id: str, resolution: Resolution) -> str | None:
        """The team whose goals a scorers question asks for, or None for the whole match.

        A named player's side ("When did Haaland score against Brentford?"), else the one team named
        ("Who scored for Liverpool in August?"); two teams or none: both sides.
        """
        m = self.book.match(match_id)
        sides = {m["home"], m["away"]}
        if len(resolution.players) == 1 and (mine := sides & set(resolution.players[0].teams)):
            return min(mine)
        if resolution.squad in sides:  # "who scored for Arsenal against Spurs?"; "who scored for City?" after it
            return resolution.squad
        return resolution.teams[0] if len(resolution.teams) == 1 else None

    def _unknown(self, plan: Plan, resolution: Resolution, score: bool = False) -> Plan:
        """Return the plan said to ask for a match the data does not have (one named by a score none of its clubs'
        meetings ended with, when ``score``), with the nearest matches it has."""
        plan.intent = Intent.UNKNOWN_MATCH
        asked = " vs ".join(resolution.teams) or "that match"
        asked = f"{asked} with the score asked" if score else asked  # never the score itself: it may be a prompt's
        when = ""
        if resolution.period:
            one_day = resolution.period.start == resolution.period.end
            when = f" {'on' if one_day else 'in'} {resolution.period.label}"
        when += f" in the {resolution.competition}" if resolution.competition else ""
        nearest = nearest_matches(self.calendar, resolution)
        text = f"There is no match {asked}{when} in the data, so I cannot give its score or stats."
        text += self._nearest_text(nearest)
        plan.facts = FactResult(text=text)
        plan.facts.add(text, nearest)
        return plan

    def _nearest_text(self, nearest: list[str]) -> str:
        """Return " The nearest matches I have: ..." for the given match ids, or "" when there are none."""
        if not nearest:
            return ""
        return " The nearest matches I have: " + "; ".join(self.book.label(self.book.match(m)) for m in nearest) + "."

    def _outside_data(self, plan: Plan) -> Plan:
        """A team the data does not have ("Empoli vs Man City"): say so, with the named team's nearest matches."""
        plan.intent = Intent.UNKNOWN_MATCH
        unknown = plan.resolution.unknown_teams
        shown = [t.upper() if len(t) <= 3 else t.title() for t in unknown]  # initials as written: "PSG"
        text = f"{', '.join(shown)} {'is' if len(unknown) == 1 else 'are'} not in the data."
        nearest = nearest_matches(self.calendar, Resolution(teams=plan.resolution.teams))
        plan.facts = FactResult(text=f"{text}{self._nearest_text(nearest)} {self._scope_text()}")
        plan.facts.add(plan.facts.text, nearest)
        return plan

    def _not_read(self, plan: Plan) -> Plan:
        """A question that asks something no rule reads: said so, with what the data answers, about the clubs
        named. When it names one match (two clubs, or a club and a day), that match's computed summary follows:
        what was asked is most often in it ("who took the 3 pts in X v Y", "how early was the opener"), and the
        note says it is not read as asked. The model is not asked to tell the story. Else it is asked back when it
        names something the data holds ("who was Arsenal's captain"), and refused when it names nothing held ("who
        was the mascot at Brighton")."""
        resolution = plan.resolution
        about = f" about {' v '.join(resolution.teams)}" if resolution.teams else ""
        note = f"I could not tell what you are asking{about}. {self.holdings.what_is_held()}"
        one_day = resolution.period is not None and resolution.period.start == resolution.period.end
        if len(resolution.teams) == 2 or (len(resolution.teams) == 1 and one_day):
            chosen, plan.route = plan.route, Route(Intent.NARRATIVE)
            summary = self._match_facts(plan)
            if summary.intent is Intent.UNKNOWN_MATCH:
                return summary
            if summary.intent is Intent.CLARIFY and len(set(summary.facts.match_ids)) == 1:
                summary.facts.text = f"{note} This is the match: {summary.facts.text}"
                return summary
            plan.route = chosen  # no one match: asked back as a question no rule reads, whose next question is new
        return self._asked_back_if_held(plan, note, about)

    def _asked_back_if_held(self, plan: Plan, ask_back: str, about: str = "") -> Plan:
        """Return ``plan`` asked back with ``ask_back`` when its question names something the data holds (a figure,
        a held subject, a player of the data: "who teeed up Igor Jesus" is a slip more likely than a subject not
        held), else refused with what it holds ("which 3 go down this season": refusal by default); ``about`` names
        the clubs asked about (" about Brighton")."""
        if plan.resolution.players or self.holdings.names_held(plan.question):
            return self._clarify(plan, ask_back)
        plan.intent = Intent.OUT_OF_SCOPE
        held = self.holdings.what_is_held()
        plan.facts = FactResult(text=f"What you ask{about} is not in the data. {held} {self._scope_text()}")
        return plan

    def _clarify(self, plan: Plan, question: str) -> Plan:
        plan.intent = Intent.CLARIFY
        plan.facts = FactResult(text=question)
        return plan

    def finish(self, plan: Plan, draft: str | None, trace: Trace) -> Answer:
        """Check the draft against the evidence and build the answer."""
        with trace.span("grounding", {"draft": draft or plan.facts.text}) as span:
            evidence = Evidence(
                tuple(f.text for f in plan.facts.facts) + tuple(p.text for p in plan.passages) + (plan.facts.text,)
            )
            opening = self._opening(plan) if draft is not None else ""
            fallback = self._fallback(plan, opening)
            checked = ground(draft or fallback, evidence, self.names, fallback, self._result_claims(plan))
            span.set_output({"grounded": checked.grounded, "unsupported": list(checked.unsupported)})
        matches = list(dict.fromkeys(plan.facts.match_ids + [p.match_id for p in plan.passages if p.match_id]))
        return Answer(
            question=plan.question,
            answer="\n\n".join(part for part in (opening, checked.text, _assumed_note(plan.resolution)) if part),
            intent=plan.intent,
            matches=matches,
            sources=self._sources(plan),
            facts=plan.facts.facts,
            grounded=checked.grounded,
            unsupported=list(checked.unsupported),
            chart=self._chart(plan, matches),
        )

    @staticmethod
    def _opening(plan: Plan) -> str:
        """Return the facts a model-written answer opens with, as written ("" when none)."""
        return " ".join(plan.facts.opening)

    @staticmethod
    def _fallback(plan: Plan, opening: str) -> str:
        """Return what stands in when no sentence of the draft survives: after an opening, the match's computed key
        points, else the facts it left out (the key stats); else every fact, else the nearest passage."""
        if opening and plan.facts.key_points:
            return " ".join(plan.facts.key_points)
        if opening:
            return " ".join(f.text for f in plan.facts.facts if f.text not in plan.facts.opening)
        return plan.facts.text or (plan.passages[0].text if plan.passages else "The data does not cover that.")

    def _result_claims(self, plan: Plan) -> Callable[[str], list[str]] | None:
        """The result and stat-comparison check of a narrative answer about one finished match (None otherwise)."""
        ids = list(dict.fromkeys(plan.facts.match_ids))
        if plan.intent is not Intent.NARRATIVE or len(ids) != 1:
            return None
        m = self.book.match(ids[0])
        if m["status"] != FINISHED:
            return None
        half_time = (int(m["ht_home_goals"]), int(m["ht_away_goals"])) if pd.notna(m["ht_home_goals"]) else None
        goals = (int(m["home_goals"]), int(m["away_goals"]))
        scorers, sides = self.book.goals_by_player(ids[0]), self.book.sides_by_player(ids[0])
        result = MatchResult(m["home"], m["away"], *goals, scorers, half_time, sides)
        figures = {"goals": goals, **self.book.key_figures(ids[0])}
        stats = MatchStats(m["home"], m["away"], figures, spell_pairs(self.book.story(ids[0])))
        return lambda sentence: (
            contradictions(sentence, result)
            + stat_contradictions(sentence, stats)
            + judgement_contradictions(sentence, stats)
        )

    def _sources(self, plan: Plan) -> list[Source]:
        table_sources = [
            Source(doc_id=f"match:{m}", match_id=m, title=self.book.label(self.book.match(m)), kind="table")
            for m in dict.fromkeys(plan.facts.match_ids)
        ]
        documents = [
            Source(
                doc_id=p.doc_id, match_id=p.match_id, title=p.doc_id, kind="document", score=round(1 - p.distance, 4)
            )
            for p in plan.passages
        ]
        return table_sources + documents

    def _chart(self, plan: Plan, matches: list[str]) -> dict | None:
        if plan.intent is not Intent.CHART:
            return None
        kind = plan.route.chart
        if kind == "team_trend":
            return {"kind": kind, "team": plan.resolution.teams[0] if plan.resolution.teams else None}
        return {"kind": kind, "match_id": matches[0] if matches else None}


class AnswerStream:
    """Iterates over the answer's text pieces; ``answer`` and ``resolution`` are set when it is done.

    For a narrative answer the first piece is its opening (the result and scorers as computed, at once),
    then the model's draft as it streams; ``answer.answer`` is the opening and the checked draft, which
    drops any sentence the grounding check could not support. ``needs_model`` plans the answer without
    the model, so a server can answer facts at once and queue only what the model must write.
    """

    def __init__(self, answerer: Answerer, question: str, previous: Resolution | None, chosen: Filters) -> None:
        self._answerer, self._question, self._previous, self._chosen = answerer, question, previous, chosen
        self.answer: Answer | None = None
        self.resolution: Resolution | None = None
        self._key = (question.lower(), _previous_key(previous), chosen)
        self._plan: Plan | None = None
        self._trace: Trace | None = None
        self._open_trace = ExitStack()
        self._start = 0.0
        self._pieces = self._run()

    def __iter__(self) -> Iterator[str]:
        return self._pieces

    @property
    def needs_model(self) -> bool:
        """Return whether the rest of the answer is the model's to write (plans it first; the model is not called)."""
        self._prepare()
        return self._plan is not None and self._plan.messages is not None

    def _prepare(self) -> None:
        """Plan the answer once (resolution, facts, retrieval, prompt), unless the cache holds it."""
        a = self._answerer
        if self._plan is not None or self._key in a._cache:
            return
        self._start = time.perf_counter()
        with ExitStack() as scope:  # the question's trace stays open until the answer is finished
            self._trace = scope.enter_context(a.tracer.trace("question", {"question": self._question}))
            self._plan = a.plan(self._question, self._previous, self._trace, self._chosen)
            self._open_trace = scope.pop_all()

    def _run(self) -> Iterator[str]:
        a = self._answerer
        self._prepare()
        if self._plan is None:
            self.answer, self.resolution = a._cache[self._key]
            yield self.answer.answer
            return
        plan, trace = self._plan, self._trace
        with self._open_trace:
            draft, first_model_token = None, None
            if plan.messages is not None:
                if opening := a._opening(plan):
                    yield opening + "\n\n"
                with trace.span("generation", {"prompt": a.prompt.ref}, type="llm") as span:
                    pieces = []
                    stream = a.llm.stream(plan.messages, a.prompt.max_tokens)
                    for piece in stream:
                        first_model_token = first_model_token or time.perf_counter()
                        pieces.append(piece)
                        yield piece
                    draft = "".join(pieces)
                    done = stream.completion
                    if done is not None:
                        span.set_usage(done.prompt_tokens, done.completion_tokens, done.model)
                        if done.finish_reason == "length":  # the prompt's token limit cut it: its last whole sentence
                            draft = whole_sentences(draft)
                    span.set_output({"text": draft})
            answer = a.finish(plan, draft, trace)
            answer.timings_ms = {**trace.timings_ms(), "total": _ms_since(self._start)}
            if first_model_token is not None:
                answer.timings_ms["model_first_token"] = _ms_since(self._start, first_model_token)
            answer.trace_id = trace.id
            trace.set_output({"answer": answer.answer, "grounded": answer.grounded}, intent=answer.intent.value)
        if draft is None:
            yield answer.answer
        # What a follow-up needs: the resolution, the route and the matches the answer rests on (as the chat keeps it).
        context = FollowUp.of(plan.resolution, plan.route, answer.matches)
        # A question none of the rules read is not completed by the reply: "the score?" after it is asked of the
        # clubs it named (inherited), "tell me about Chelsea v Arsenal" a new question.
        asked_back = answer.intent is Intent.CLARIFY and not answer.matches and plan.route.builder != "not_read"
        if asked_back or (plan.resolution.assumed and plan.resolution.unsettled):
            context.asked_back = AskedBack.of(plan.question, plan.resolution)
        self.answer, self.resolution = answer, context
        a._cache[self._key] = (answer, context)


# "The away side", "the hosts", "the visitors": one side of the match, by where it played.
_SIDE_NAMED = re.compile(
    r"\b(?:the (?:(home|away) (?:side|team|club)|(hosts)|(visitors|visiting (?:side|team)))"
    r"|(home|away) (?=(?:manager|boss|coach|gaffer)\b))"
)


# An ordinal as typed: "2nd", "second", "first", "opening", "last".
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|opening|last|final")
# Intents whose answer is the figure of the statistic asked alone (a match's both sides' too: "arsenal xg v spurs"):
# refused when the tables do not hold it.
# Words that ask for something: a player and a club beside them are not asked bare ("how many ... saka v spurs").
_ASKED = re.compile(r"\b(how|what|which|who|when|where|number|many|much|did|does|had|has|made|got)\b", re.IGNORECASE)
# What a club's matches over a period are counted by before each match's is said (``FactBook`` methods).
_COUNTED = {
    "captains": "captain_counts",
    "kickoff": "kickoff_counts",
    Intent.FORMATION.value: "formation_counts",
    Intent.REFEREE.value: "referee_counts",
}
_ONE_FIGURE = frozenset({Intent.PLAYER_STAT, Intent.RANKING, Intent.AGGREGATE, Intent.TEAM_STAT, Intent.COMPARISON})


def _player_facing(chosen: Route, resolution: Resolution, question: str) -> Route:
    """Return a player's figures against a club when nothing else is asked of the two ("saka v spurs", "barnes
    against man city": his match(es) against it, not the match's story), else ``chosen``: a question that asks
    something not read ("number of successful take ons semenyo had v bre") stays as it is."""
    players, teams = resolution.players, resolution.teams
    facing = len(players) == 1 and len(teams) == 1 and teams[0] not in players[0].teams and not _ASKED.search(question)
    if facing and chosen.intent is Intent.NARRATIVE and chosen.rule == "fallback":
        return replace(chosen, intent=Intent.PLAYER_STAT, builder="player_summary", rule="player_facing")
    return chosen


def _side_named(question: str, match: pd.Series) -> str | None:
    """Return the club of the match a question names by its side ("how many shots did the away side have"), or None."""
    found = _SIDE_NAMED.search(question.lower())
    if found is None:
        return None
    home = "home" in (found.group(1), found.group(4)) or found.group(2)
    return match["home"] if home else match["away"]


def _read_as_one(resolution: Resolution) -> tuple[str, str] | None:
    """Return (word, name) when a word asked back about is close to one club or player alone ("fulhum": Fulham,
    fuzz ratio at least ``ONE_CLOSE_NAME_SCORE``), else None: two close names are still asked back."""
    if resolution.unsettled is None or resolution.assumed is not None or len(resolution.unsettled[1]) != 1:
        return None
    word, (name,) = resolution.unsettled
    close = max(fuzz.ratio(word, part) for part in [*words_of(name).split(), words_of(name)])
    return (word, name) if close >= ONE_CLOSE_NAME_SCORE else None


def _assumed_note(resolution: Resolution) -> str:
    """Return what an answer says of a shared name it took as the club it usually means, or of a misspelt name read
    as the one close to it ("" when none was taken)."""
    if resolution.assumed is None:
        return ""
    words, club = resolution.assumed
    if resolution.unsettled is None or resolution.unsettled[0] != words:
        return reading(words, club)
    return reading(words, club, say_or([option for option in resolution.unsettled[1] if option != club]))


def _ms_since(start: float, end: float | None = None) -> float:
    """Return the milliseconds from ``start`` to ``end`` (default now), to 0.1 ms."""
    return round(((end or time.perf_counter()) - start) * 1000, 1)


def _previous_key(previous: Resolution | None) -> tuple:
    """Return what of the previous question's context can change an answer (the cache key's second half)."""
    if previous is None:
        return ()
    key = (tuple(previous.teams), tuple(p.player_id for p in previous.players), previous.period, previous.competition)
    if isinstance(previous, FollowUp):
        key += (previous.route, tuple(previous.match_ids), previous.asked_back)
    return key


def _clean(question: str) -> str:
    text = " ".join((question or "").split())
    if not text:
        raise QuestionRejected("The question is empty.")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionRejected(f"The question is {len(text)} characters long; the limit is {MAX_QUESTION_CHARS}.")
    return text
