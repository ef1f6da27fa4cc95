"""The one error type a parser raises: it names the file and the field or reason."""

from __future__ import annotations


class ParseError(Exception):
    """A raw file could not be turned into contracts.

    ``path`` is the file, ``field`` the dotted location in it (``home.teamId``) or ``None`` when
    the whole file is at fault (not gzip, truncated, unknown format).
    """

    def __init__(self, path: str, reason: str, field: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.field = field
        where = f" (field {field})" if field else ""
        super().__init__(f"{path}{where}: {reason}")
