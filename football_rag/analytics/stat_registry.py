"""Every statistic an answer, a document, a table or a chart names, defined once.

A ``Stat`` says how a figure is written (label, decimals, unit), which way is better, how it adds up
over several matches, and the words that name it: in a question (routing), only in a ranking ("the best
attack"), and in a model's sentence (the comparison check). The figures themselves are computed in
``team_metrics`` and ``player_metrics`` (a ``team_stats`` or ``player_stats`` column of the same key) or, for
the counted ones (results, clean sheets, kinds of goal, cards, goal contributions), in
``rag.facts.with_counted_stats``.

Adding a statistic is one entry here (plus its column). ``STATS`` is in question order: the first stat
whose words a question contains is the one it asks about, so a specific phrase ("key passes") stands
before a word it contains ("passes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Stat:
    """One statistic: its key (the table column), how it is written, and the words that name it."""

    key: str
    label: str  # as an answer writes it: "shots on target", "possession %"
    decimals: int = 0
    asked: str | None = None  # regex: the words a question names it with
    ranked: str | None = None  # regex: words that name it only in a ranking ("the best attack", "most wins")
    claimed: str | None = None  # regex: the words a model's sentence compares it with (rag.stat_claims)
    lower_is_better: bool = False  # "best" means the lowest figure; places count from the lowest
    averaged: bool = False  # averaged, not summed, over several matches
    team_only: bool = False  # a ranking by it ranks teams, never players
    unit: str = ""  # printed after the figure in documents and tables: "%"
    heading: str | None = None  # a table row's name, when not the short label capitalised

    @property
    def brief(self) -> str:
        """Return the label without its explanation: "PPDA" for "PPDA (opponent passes per defensive action)"."""
        return self.label.split(" (")[0]

    @property
    def short(self) -> str:
        """Return the brief label without its unit ("possession" for "possession %"): the unit follows the figure."""
        return self.brief.removesuffix(" %")

    def counted(self, value: float) -> str:
        """Return the label a figure of ``value`` takes: "1 corner", "1 shot on target" (its plural word made
        singular: the last of the label's words ending in s), else the short label ("2 corners", "0.5 xG")."""
        if value != 1 or self.decimals or self.unit:
            return self.short
        words = self.short.split(" ")
        plural = next((i for i in reversed(range(len(words))) if re.fullmatch(r"[a-z-]+[^s]s", words[i])), None)
        if plural is not None:
            word = words[plural]
            words[plural] = word[:-3] + "y" if word.endswith("ies") else re.sub(r"(ss|sh|ch|x)es$", r"\1", word)
            words[plural] = words[plural].removesuffix("s") if words[plural] == word else words[plural]
        return " ".join(words)

    @property
    def title(self) -> str:
        """Return the name a table row or chart axis shows: "Shots on target", "Expected goals (xG)"."""
        return self.heading or self.short[0].upper() + self.short[1:]


_PRESSING = r"\bpress(?:ed|es|ing)?\b"
# A count of places ("top four", "bottom 3") and what else may be ranked after "top" ("top scorer", "top 5 assisters").
_PLACES = r"two|three|four|five|six|seven|eight|ten|half|\d{1,2}"
_RANKED_NOUNS = r"(scor|assist|rated|rating|player|keeper|goal|performer|tackl|shoot|passer|creator|man\b)"
# The league table, asked for: "top of the table", "who leads the league", "the standings", "league leaders".
# "How many did Wolves put away", "chances tucked away": goals scored (no away matches).
PUT_AWAY = r"\b(?:put|puts|tuck|tucks|tucked|stick|sticks|stuck|slot|slots|slotted) away\b"
STANDINGS = (
    # A form table ranks the period's points, not the standings at its end.
    r"\b(?<!form )table\b|standings|(top|bottom|summit|foot) of the (league|pile|prem\w*|premier league|division)"
    r"|\bleague (leaders?|position)|\b(first|1st) place|\btitle race\b|\bwinning the (league|title|prem\w*)\b"
    r"|\b(lead|leads|led|leading|top|tops|topped|topping) the (league|pile|prem\w*|premier league|epl|division)"
    r"|\bbottom club"
    # A club's place ("what position are Arsenal in", "what place were Spurs", "who was 1st in the prem", "where did
    # Chelsea finish"), its goal difference, the home or away table, and the table after a matchweek.
    r"|\b(what|which) (position|place)\b|\b(1st|first) in the (league|table|prem\w*|premier league|epl|division)\b"
    r"|\bposition (in|on) the\b|\bgoal difference\b|\b(home|away) (table|record|form)\b"
    r"|\bwhere (do|did|does|are|were|is|was)\b.*\b(finish\w*|stand\w*|sit\w*|lie|lying|placed|ranked)\b"
    # A club's place on a day: "chelsea position at new year", "where were leeds in the league on 1 dec".
    r"|\b(league|table) (position|place|placing|spot)\b|\b(position|ranking|placing)\s+(at|on|by|as of|going into)\b"
    r"|\bwhere (do|did|does|are|were|is|was)\b.*\bin the (league|prem\w*|premier league)\b"
    # "leeds rank in the league after 7 january", "ranked in the table"
    r"|\brank(ed|ing)? (in|on) the (league|table|prem\w*|premier league|standings)\b"
    r"|\b(match|game) ?weeks? \d+|\b(mw|gw|round) ?\d+\b|\bafter \d+ (games|matches|rounds)\b"
    # "Who's bottom?", "who was top at Christmas", "the bottom three", "top four", "the relegation zone": places in
    # the table, not a ranking of players ("who was top scorer", "top 5 scorers" name what is ranked).
    rf"|\bwho(['\u2019]?s| is| was| are| were)? (top|bottom)\b(?! (\w+ )?{_RANKED_NOUNS})"
    # "which team sat bottom after 20 december", "what club was top at christmas"
    rf"|\b(which|what) (team|club|side)( is| was| were| sat| sits| lay| lies| finished)? (top|bottom)\b"
    rf"(?! (\w+ )?{_RANKED_NOUNS})"
    rf"|\b(top|bottom) ({_PLACES})\b(?! (\w+ )?{_RANKED_NOUNS})"
    r"|\brelegation( zone| places?| spots?| positions?)?\b|\bdrop zone\b|\bin the drop\b"
)

STATS: tuple[Stat, ...] = (
    Stat("own_goals", "own goals", asked=r"own goals?"),
    Stat(
        "penalty_goals_against",
        "penalties conceded",
        asked=r"penalt\w*( \w+){0,3} conced|conced\w*( \w+){0,2} penalt|penalt(y|ies) (against|given away)",
        team_only=True,
    ),
    Stat("penalty_goals", "penalties scored", asked=r"penalt(y|ies)(?! (area|box))|spot[- ]kicks?|\bpens\b"),
    Stat(
        "goals_against",
        "goals conceded",
        # "let in", "shipped", and "goals against" said alone ("fewest goals against"), not "goals against Arsenal"
        # "fouls conceded", "corners conceded" are those counts, not goals
        asked=r"(?<!fouls )(?<!foul )(?<!corners )(?<!corner )\bconced\w*|\blet in\b|\bshipp(ed|ing)\b|\bleak(ed|ing)\b"
        r"|\bgoals against"
        r"(?=\s*(?:[)?,.]|$|in\b|this\b|during\b|before\b|so far\b|up to\b|until\b|since\b|over\b))",
        ranked=r"\bdefen[cs]e\b|\bleak(y|ier|iest)\b",
        lower_is_better=True,
        team_only=True,
    ),
    # The golden glove: a goalkeeper's clean sheets (he started in goal and his side conceded none), players ranked.
    Stat(
        "keeper_clean_sheets",
        "goalkeeper clean sheets (started in goal, none conceded)",
        asked=r"golden gloves?|\b(goal)?keepers?\b.*\bcl(?:ea|ae|e|a)n ?sh(?:ee|ea|e)ts?|\bgks?\b.*\bclean ?sheets?"
        r"|\bclean ?sheets?\b.*\b(by|for|among|of) (a |the )?(goal)?keepers?\b",
    ),
    # "clan sheets", "clen sheets", "clean sheats": a clean sheet typed with a slip that makes no other stat
    Stat("clean_sheets", "clean sheets", asked=r"cl(?:ea|ae|e|a)n ?sh(?:ee|ea|e)ts?|shut-?outs?", team_only=True),
    Stat("shots_off_target", "shots off target", asked=r"off[- ]target|wide of the (target|goal)|missed the target"),
    Stat("blocked_shots", "blocked shots", asked=r"blocked shots?|shots? (were |got )?blocked", team_only=True),
    Stat(
        "shots_on_target",
        "shots on target",
        # "Shots on goal" is the American name of shots on target ("attempts at goal" are all shots).
        asked=r"shots? on[- ]target|on[- ]target|shots? on goal|efforts on goal|hit(ting|s)? the target",
        claimed=r"shots on target|efforts on target",
    ),
    Stat("big_chances", "big chances", asked=r"big chances?"),
    # WhoScored's ShotOnPost: off the post or the bar and not in (counted in ``rag.facts.with_counted_stats``)
    Stat(
        "woodwork",
        "shots off the woodwork",
        asked=r"\bwoodwork\b|\bcrossbars?\b|\b(hit|hits|hitting|struck|strikes|rattled|rattles|smashed|off|onto) the"
        r" (post|bar|upright|frame)s?\b",
    ),
    Stat("hat_tricks", "hat-tricks", asked=r"\bhat[- ]?tricks?\b|\bhattricks?\b"),
    Stat(
        "xg_per_shot",
        "xG per shot",
        2,
        asked=r"xg per shot|shot quality|quality of (the |their )?chances",
        team_only=True,
    ),
    Stat(
        "xg",
        "xG",
        2,
        asked=r"\bxg\b|expected goals",
        claimed=r"xg|expected goals",
        heading="Expected goals (xG)",
    ),
    Stat(
        "possession",
        "possession %",
        1,
        # "How much of the ball did Arsenal have", "their share of the ball".
        asked=r"possession|\bposs\b|(much|share|more|less|most) of the ball|ball (share|retention)",
        claimed=r"possession|share of the ball",
        averaged=True,
        team_only=True,
        unit="%",
    ),
    Stat(
        "pass_accuracy",
        "pass accuracy %",
        1,
        asked=r"pass(ing)? accuracy|pass completion|completion rate",
        claimed=r"pass(?:ing)? accuracy|pass completion",
        averaged=True,
        unit="%",
    ),
    Stat("passes_into_box", "passes into the box", asked=r"pass(es)? into the (box|area|penalty area)"),
    Stat("progressive_passes", "progressive passes", asked=r"progressive pass"),
    Stat(
        "key_passes",
        "key passes",
        # "created the most chances" counts key passes; "how did Arsenal create chances" asks for the story.
        asked=r"key pass(es)?|chances created|chance creators?|creat\w* (the )?(most|fewest|more|fewer) chances"
        r"|how many chances",
    ),
    Stat(
        "passes_completed",
        "completed passes",
        asked=r"(completed|accurate|successful) pass(es)?|\bpass(es)?\b.*\bcomplete(d)?\b",
    ),
    Stat("passes_into_final_third", "passes into the final third", asked=r"final third", team_only=True),
    Stat("passes", "passes", asked=r"\bpasses\b|\bpassing\b|\bpassers?\b"),
    Stat("corners", "corners", asked=r"corners?", team_only=True),
    Stat(
        "ppda",
        "PPDA (opponent passes per defensive action)",
        1,
        asked=r"\bppda\b|press(ing|ed)? intensity",
        ranked=_PRESSING,
        claimed=r"ppda",
        lower_is_better=True,
        averaged=True,
        team_only=True,
    ),
    Stat(
        "field_tilt",
        "field tilt %",
        1,
        asked=r"field tilt|territor",
        claimed=r"field tilt|territory",
        averaged=True,
        team_only=True,
        unit="%",
    ),
    Stat("high_turnovers", "high turnovers", asked=r"high (turnovers?|regains?|recoveries)", team_only=True),
    Stat("crosses", "crosses", asked=r"\bcross(es)?\b"),  # not "across"
    Stat("dribbles", "dribbles completed", asked=r"dribbl\w*|take-?ons?"),
    Stat("touches", "touches", asked=r"\btouch(es|ed)?\b"),
    Stat("tackles", "tackles", asked=r"tackl(es?|ers?|ing)\b"),
    Stat("interceptions", "interceptions", asked=r"interceptions?"),
    Stat("clearances", "clearances", asked=r"clearances?"),
    Stat(
        "aerials_won",
        "aerials won",
        asked=r"aerials?|headers? won|won (the )?(most |fewest )?headers|aerial duels?",
    ),
    Stat("headed_goals", "headed goals", asked=r"\bheaders?\b|\bheaded\b|with (his|their|the|a) head"),
    Stat("fouls", "fouls", asked=r"fouls?", lower_is_better=True),
    Stat("offsides", "offsides", asked=r"offsides?", lower_is_better=True, team_only=True),
    Stat("saves", "saves", asked=r"saves?"),
    Stat(
        "second_yellows",
        "second yellows",
        asked=r"second yellows?|two yellows|double yellows?|(two|second) bookings?",
        lower_is_better=True,
    ),
    Stat(
        "yellow_cards",
        "yellow cards",
        asked=r"yellow cards?|\byellows?\b|bookings?|\bbooked\b|\b(went |go |goes )?in(to)? the book\b",
        lower_is_better=True,
    ),
    Stat("red_cards", "red cards", asked=r"red cards?|sent off|sending off", lower_is_better=True),
    Stat("cards", "cards", asked=r"\bcards\b|\bcautions?\b", ranked=r"\bdirt(y|ier|iest)\b", lower_is_better=True),
    # WhoScored's man of the match, counted: "the most motm awards", "how many player of the match awards".
    Stat(
        "motm_awards",
        "man of the match awards",
        asked=r"\b((man|player) of the (match|game)|motm|potm|mom) (awards?|gongs?|count|tally)"
        r"|\bmost ((man|player) of the (match|game)|motm|potm)s?\b|\b(motms|potms)\b",
    ),
    # goals + assists: "goal involvements", "g/a", "goals + assists", "goals and assists", "goals n assists",
    # "goals/assists", "scored or assisted"
    Stat(
        "goal_contributions",
        "goal contributions",
        asked=r"goal (contributions?|involvements?)|\bg ?[+/] ?a\b"
        r"|goals? ?(\+|&|/|plus|and|n|'n'|or) ?assists?|\bscor\w* (or|and|n|&) (assist\w*|set up)\b",
    ),
    Stat(
        "assists",
        "assists",
        # "how many goals did Saka set up / create / lay on": the goals he made, not his own
        asked=r"assists?|set up (the )?(most |fewest )?goals|goals? set up"
        r"|goals? (did|has|have|had) (\S+ ){1,3}(set up|creat\w*|lay on|laid on|tee up|teed up|provided?)\b",
    ),
    Stat("rating", "WhoScored rating", 2, asked=r"\brating\b|rated", averaged=True),
    Stat(
        "minutes",
        "minutes",
        asked=r"minutes played|how many minutes|(most|fewest|least|more|fewer) minutes|how long did .* play",
    ),
    Stat(
        "shots",
        "shots",
        # "how many times did Casemiro shoot", "shots at goal", "had a pop": shots as fans say them (not a shoot-out)
        asked=r"\bshots?\b|attempts?|\bshooters?\b|efforts? at goal|\bshoot(s|ing)?\b(?![- ]?outs?\b)"
        r"|\b(had|have|has|having) (a |any )?pops?\b|\bpops? at goal\b",
        claimed=r"shots|attempts|efforts",
    ),
    Stat(
        "goals",
        "goals",
        # "which team netted the most", "how many times did haaland find the net": the scorer's verbs for goals
        asked=r"\bgoals?\b(?! difference)|scored|scorers?\b|scoring charts?|golden boot|(highest|top)[- ]scoring"
        r"|\bnett(ed|ing)\b|\b(find|finds|found|finding|hit|hits|hitting) the (back of the )?net\b"
        rf"|(leading|top of|led|leads|topped) the scoring|\bprolific\b|\bscor(e|es|ing) (the )?most\b|{PUT_AWAY}",
        ranked=r"\battack\b",
        claimed=r"goals",
    ),
    # Results count only in a ranking: elsewhere "won" and "lost" ask for a match's result.
    # "Who's winning the title race" asks the table, not the most wins.
    Stat("wins", "wins", ranked=r"\bwins\b|\bwon\b|victories|\bwinning\b(?! the (title|league))", team_only=True),
    Stat(
        "losses",
        "defeats",
        ranked=r"\bdefeats?\b|\blosses\b|\blost\b|\bbeaten\b",
        lower_is_better=True,
        team_only=True,
    ),
    Stat("draws", "draws", ranked=r"\bdraws\b|\bdrew\b|\bdrawn\b", team_only=True),
    Stat(
        "points",
        "points",
        ranked=STANDINGS + r"|\bpoints\b|(best|worst) record|\b(best|worst) (team|side|club)s?\b|form (table|guide)",
        team_only=True,
    ),
)
BY_KEY: dict[str, Stat] = {s.key: s for s in STATS}
PRESSING = _PRESSING  # "pressed the most" judges (less is better) as well as naming PPDA


def definition(key: str) -> Stat:
    """Return the statistic ``key``; an unknown key reads as itself, whole numbers, more is better."""
    return BY_KEY.get(key) or Stat(key, key.replace("_", " "))


def keys_where(flag: str) -> frozenset[str]:
    """Return the keys of every statistic whose boolean ``flag`` ("lower_is_better", "averaged", ...) is set."""
    return frozenset(s.key for s in STATS if getattr(s, flag))
