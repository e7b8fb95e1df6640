"""SQL text helpers shared by the library (the one place an identifier is quoted)."""

from __future__ import annotations


def quote_identifier(name: object) -> str:
    """``name`` as a double-quoted SQL identifier, inner quotes doubled (``a"b`` → ``"a""b"``).

    For table and column names only (taken from a catalogue or a user's pick); values always
    travel as ``?`` parameters, never inside SQL text.
    """
    return '"' + str(name).replace('"', '""') + '"'
