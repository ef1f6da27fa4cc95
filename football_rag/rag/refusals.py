"""Someone a question names who is in no squad of the data ("did Messi score?"): refused as not in the data, not
answered of a player near the name. What the data does not hold (what is to come, transfers, injuries...) is
``held``'s; a season or competition that is not loaded is ``scope``'s.
"""

from __future__ import annotations

import re

from football_rag.rag.typed_words import VOCABULARY, english_words

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
