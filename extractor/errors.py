"""The one exception type users see: a bad input, reported as ``error: <path>: <reason>``."""
from __future__ import annotations


class InputError(Exception):
    """An input that cannot be turned into text; the CLI prints it on one line, never a traceback."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        """Pickle by (path, reason): batch workers receive the errors of broken archive lines."""
        return (InputError, (self.path, self.reason))
