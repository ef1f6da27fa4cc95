"""Match minutes as people quote them: one definition for documents, answers and charts."""

from __future__ import annotations

import pandas as pd

PERIOD_ENDS = {1: 45, 2: 90, 3: 105, 4: 120}
# Opta (WhoScored) counts whole minutes elapsed from 0 and runs on through stoppage time.
ELAPSED_MINUTE_SOURCE = "whoscored"


def broadcast_minute(source: str, period: object, minute: object, added: object = None) -> str:
    """Return the minute as broadcast ("36'", "45+2'", "90+3'").

    Opta (WhoScored) counts elapsed minutes from 0 and runs on through stoppage time: an event at 36:16
    is in the 37th minute ("37'"), and its minute 45 of the first half is "45+1'". FotMob already
    counts from 1 and gives stoppage time apart (``added``).
    """
    if source != ELAPSED_MINUTE_SOURCE:
        has_added = added is not None and not pd.isna(added) and int(added) > 0
        return f"{minute}+{int(added)}'" if has_added else f"{minute}'"
    return minute_label(period, minute)


def minute_label(period: object, elapsed_minute: object) -> str:
    """Return an Opta elapsed minute (0-based, running on in stoppage time) as broadcast: 93 in the
    second half is "90+4'"."""
    shown, end = int(elapsed_minute) + 1, PERIOD_ENDS.get(int(period))
    return f"{end}+{shown - end}'" if end is not None and shown > end else f"{shown}'"
