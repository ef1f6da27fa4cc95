"""Questions the data cannot answer, told apart by their words: what is to come, transfers, injuries, and someone
named who is in no squad of the data (a season or competition that is not loaded: ``scope``).

The tables hold finished matches of the loaded competitions and seasons only, so a prediction or a transfer fee
has no figure to be computed from; the answer says so instead of answering a nearby question it can compute (the
last meeting, a season total). A valid question must not be refused: each pattern names the thing asked about
("who will win", "the transfer fee", "injured"), never a word a match question also uses.
"""

from __future__ import annotations

import re

from football_rag.rag.typed_words import VOCABULARY, english_words

# "Who will win...", "the next Arsenal game", "predict the score", "the title race run-in": what is to come.
# "Will" alone may be a name (Will Osula): a question opening with it asks ahead only with a verb that can follow it
# ("will Arsenal win") and none in the past ("will osula scored against chelsea?" asks about Will Osula); a question
# word or a pronoun before or after it asks ahead anyway.
_FUTURE = re.compile(
    r"^will\b(?=.*\b(win|beat|lose|draw|finish|score|be|play|get|go|make|happen|sign|stay|qualify|survive|reach"
    r"|take|keep|have|come|start|end)\b)(?!.*\b(scored|played|finished|started|assisted|won|lost|drew|beaten|got|had"
    r"|made|did|was|were|has|saved|booked|conceded|kept)\b)"
    r"|\b(who|what|which|how|when|where) will\b|\bwill (they|he|we|it|there)\b"
    r"|\b(going to|gonna) (win|beat|lose|draw|finish|score|be|play)\b"
    r"|\b(predict\w*|forecast|betting|upcoming)\b|\bodds (on|of|for)\b"
    r"|\bnext (match|game|fixture|week|weekend|season|month|opponents?|gameweek|gw|round|kick[- ]?off|ko)\b"
    r"|\bwhen (is|are) (the |their |his )?next\b"
    # "whens the next man utd game", "whens chelsea v spurs next", "who do united play on saturday", "who wins the
    # league"
    r"|\bwhen(['\u2019]?s| is| are)\b.*\bnext\b|\bwho (do|does) (\w+ ){1,2}(play|face)\b"
    r"|\bwho (wins|takes|lifts) the\b"
    # "when do Arsenal play next", "who are Spurs facing next" (not "who did Arsenal play next after Spurs")
    r"|\b(do|does|are|is|will) (\w+ ){1,3}(play|playing|face|facing) next\b"
    # "who'll finish top 4", "they'll go down": a contraction of "will" asks ahead as "will" does.
    r"|\b\w+['\u2019]ll\b"
    # "who's going down this season", "will they stay up": the season's end, not yet played.
    r"|\bgoing (down|up)\b|\bstay(ing|s)? up\b|\bget(ting)? relegated\b"
    # "what time is Chelsea's kick off": a time of day the data holds for no match to come.
    r"|\bwhat time (is|does|do|are)\b.*\bkick\w*[- ]?off\b"
)
_TRANSFERS = re.compile(
    r"\b(sign(s|ed|ing|ings)?|transfer\w*|fee|bought|buy|sold(?! out)|sell(?!-? ?out)|loan(ed|s)?|contract"
    r"|wages?|salary|release clause|join(ed|s)? from|worth|market value|valuation|sack(s|ed|ing)?"
    r"|(transfer|january|summer) window)\b"
    r"|\bhow much did\b.*\b(pay|paid|cost|spend|spent)\b"
    # "what's Rice on a week", "is Erling leaving in the summer"
    r"|\b(on|earns?|earning|paid|gets?) (a|per) week\b|\b(is|are) \w+( \w+)? leaving\b"
    # "how much does Salah earn", "what are his earnings"
    r"|\bearnings\b|\bhow much (does|do|is|did) \w+( \w+)? (earn|make|get paid|on|paid|pay)\b"
    # "his contact end date" ("contact" typed for "contract": a word of its own), "when does his deal expire", "how
    # long has he got left on his deal"
    r"|\b(deal|contact) (end\w*|expir\w*|runs?|running|until|length|extension|renewal|details)\b"
    r"|\b(deal|contact) (ends?|expires?|runs? out)\b|\bleft on (his|her|their) (deal|contact)\b"
)
# "Stadium capacity", "ticket prices", "who to captain in fantasy": about the club or a game, not a match played.
# "Who owns Bournemouth", "the chairman": who runs the club, not what it did on the pitch.
_OFF_THE_PITCH = re.compile(
    r"\b(capacity|tickets?( prices?)?|fantasy (captain|picks?)|captaincy|owns|owners?|ownership|chairman"
    # advice for a fantasy team; "for my fantasy team, how many shots did Saka have?" asks a figure
    r"|(should i|who to|who do i) (pick|captain|start|bench|buy|sell|bring in|transfer in)"
    r"|takeover|shirt sponsors?|kit sponsors?|press(er| conference)s?|tix|(tv )?channel|on (the )?tv|televised"
    # "what did Maresca say after the Fulham game", "any quotes from Pep", "Arteta's post match comments"
    r"|what did (\w+ ){1,3}say|quotes?|interviews?|post[- ]?match (comments|reaction|words))\b"
)
# "How old is Virgil", "when was Saka born", "his birthday": the squads list names, not dates of birth.
_PERSONAL = re.compile(
    r"\bhow old\b|\b(his|her|their|whats|what is|what's) age\b|\bwhat age\b|\bborn\b|\b(birthdays?|b-?days?)\b"
    r"|\bdate of birth\b"
    r"|\bhow tall\b|\bheight\b|\bnationality\b|\bmarried\b|\bwife\b|\bgirlfriend\b"
)
# "Is Haaland fit for the weekend?", "fit to play": fitness news (not "the best fit").
_INJURIES = re.compile(
    r"\b(injur\w*|hamstring|fitness|sidelined|ruled out|out injured|medical|team news)\b|\b(is|are) \w+( \w+)? fit\b"
    r"|\bfit (for|to play|to start)\b"
    # "when's Palmer back from his groin thing", "is Saka out with a knock", "how long is he out for"
    r"|\b(groin|knee|ankle|calf|thigh|hip|back|foot|shoulder|muscle) (thing|problem|issue|strain|knock)\b"
    r"|\bwhen(['\u2019]?s| is| will) (\w+ ){1,2}back\b|\b(out with|picked up) a knock\b|\bhow long (is|are) \w+ out\b"
)


# "The best team in Europe", "the best manager in the world", "the greatest of all time": judged beyond the loaded
# matches, which no figure of theirs settles.
_BEYOND = re.compile(
    r"\b(in|of|across) (europe|the world|world football|football history|history|all of football)\b"
    r"|\b(of all time|all[- ]time|ballon d\W?or)\b"
    # "how many trophies have Man Utd won", "when was Spurs founded": a club's history, not this season's matches
    r"|\b(trophies|trophy cabinet|honours(?! even)|silverware|founded|richest)\b"
)


def refusal(question: str) -> str | None:
    """Return why the data cannot answer ``question`` (a sentence for the user), or None when it may.

    A season or competition that is not loaded is ``scope``'s to refuse: it knows what is.
    """
    lowered = question.lower()
    if _FUTURE.search(lowered):
        return "I only have matches already played, so I cannot say what will happen."
    if _TRANSFERS.search(lowered):
        return "The data holds what happened on the pitch, not transfers, fees or contracts."
    if _OFF_THE_PITCH.search(lowered):
        return (
            "The data holds the matches played, not who owns or runs the clubs, what was said to the press, ground "
            "capacities, ticket prices, TV channels or fantasy picks."
        )
    if _PERSONAL.search(lowered):
        return "The data holds what players did in the matches, not their ages, birthdays or lives off the pitch."
    if _INJURIES.search(lowered):
        return "The data holds what happened on the pitch, not injuries or fitness news."
    if _BEYOND.search(lowered):
        return "I can only judge from the loaded matches, not football beyond them."
    return None


# "How many goals did Messi score?", "has Mbappe played?": someone asked about by name, as the subject of a verb.
_SUBJECT = re.compile(
    r"\b(?:did|has|have|does|do) ([a-z]\w*(?: [a-z]\w*)?) (?:score|scored|get|got|have|had|make|made"
    r"|play|played|assist|assisted|create|created|manage|managed)\b"
)
# Words that stand where a name would and are none: pronouns, determiners, "the team", "been" ("have been scored").
_NOT_NAMES = re.compile(
    r"(he|she|they|we|you|i|it|any|anyone|anybody|someone|somebody|everyone|everybody|nobody|the|a|an|each|both"
    r"|either|teams?|players?|sides?|clubs?|who|what|his|her|their|its|this|that|there|home|away|been|being)"
)


def unknown_name(question: str, known_words: set[str]) -> str | None:
    """Return the name a question asks about when it is no word of any team or player in the data ("did messi
    score" -> "messi", "lamine yamal assists this season" -> "lamine yamal"), else None. For a question no player
    in it resolved, written as plain words (lower case, no accents: ``entities.words_of``), as are
    ``known_words``, the data's name words."""
    found = _SUBJECT.search(question)
    if found is None:
        return _unknown_full_name(question, known_words)
    words = found.group(1).split()
    if _NOT_NAMES.fullmatch(words[0]) or any(w in known_words for w in words):
        return None
    return found.group(1)


# "Lamine Yamal assists", "Kylian Mbappe's goals": a first name and a surname before what is asked of him.
_FULL_NAME = re.compile(r"\b([a-z]{3,}) ([a-z]{3,})(?:s)? (?=(goals?|assists?|shots?|stats|numbers|rating|minutes)\b)")


def _unknown_full_name(question: str, known_words: set[str]) -> str | None:
    """Return two words naming someone before a figure asked of him when neither is a word the reading knows or a
    name word of the data and the second is no English word either, else None."""
    found = _FULL_NAME.search(question)
    if found is None:
        return None
    first, surname = found.group(1, 2)  # a first name may be an English word ("jude", "mason"), a surname not
    if first in VOCABULARY or first in known_words:
        return None
    known = any(surname in words for words in (english_words(), VOCABULARY, known_words))
    return None if known else f"{first} {surname}"
