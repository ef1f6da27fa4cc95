"""What an answer says beside the answer, defined once: the data's reach (after a refusal or a question about
nothing held) and how a shared or misspelt name was read. Both are written here, and taken out here for a scorer,
which judges the answer alone: "... to 2 February 2026" in the data's reach is no answer of "2".
"""

from __future__ import annotations

import re
from datetime import date

REACH_OPENING = "I answer questions about the "
READING_OPENING = "Reading "
_REACH = re.compile(re.escape(REACH_OPENING) + r"\d+ matches in the data \([^()]*\)\.")
# The reading of a name is the answer's last paragraph: 'Reading "fulhum" as Fulham.', '"United" taken as Man Utd;
# name the club if you meant Leeds, Newcastle or West Ham.'
_READING = re.compile(r"\n\n(?:" + re.escape(READING_OPENING) + r'"[^"\n]+" as |"[^"\n]+" taken as )[^\n]*$')


def reach(matches: int, competitions: str, first: date, last: date) -> str:
    """Return the sentence saying what the data covers: its matches, competitions and first and last days."""
    return f"{REACH_OPENING}{matches} matches in the data ({competitions}, {first:%-d %B %Y} to {last:%-d %B %Y})."


def reading(words: str, club: str, others: str = "") -> str:
    """Return the note on a name read as ``club``: taken as the club it usually means when ``others`` share it
    ("Leeds, Newcastle or West Ham"), else read from a misspelling."""
    if not others:
        return f'{READING_OPENING}"{words}" as {club}.'
    return f'"{words.capitalize()}" taken as {club}; name the club if you meant {others}.'


def answer_alone(text: str) -> str:
    """Return an answer's text without the data's reach and the reading of a name: what it says of the question."""
    return re.sub(r" {2,}", " ", _REACH.sub("", _READING.sub("", text))).strip()
