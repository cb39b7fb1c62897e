"""A simple progress bar on the terminal (stderr), drawn only when stderr is a TTY."""

from __future__ import annotations

import sys
from typing import TextIO


def bar(stream: TextIO | None = None, width: int = 30):
    """A ``progress(done, total)`` callback, or None when ``stream`` is not a terminal."""
    stream = stream or sys.stderr
    if not getattr(stream, "isatty", lambda: False)():
        return None

    def progress(done: int, total: int) -> None:
        filled = width * done // total if total else width
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} baris")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return progress
