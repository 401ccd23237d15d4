"""The carenet exception tree.

::

    CarenetError
     ├── InvalidInput        one or more Problems, each with a location; nothing was written
     │    └── TooLarge       the input is over a size limit (HTTP 413); nothing was read further
     ├── NotFound            a uid (or other key) that does not exist
     ├── Conflict            the write contradicts what is stored (e.g. a uid of another kind)
     ├── Unauthenticated     no credentials, or ones that do not verify
     ├── Forbidden           the caller's role may not do this
     └── StorageUnavailable  the store cannot be reached, or is held by another process

Every error carries a human message and, where it helps, a ``suggestion``.
The GraphQL layer maps each class to a stable ``extensions.code``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with some input, and where.

    ``location`` is ``file:line:column`` for files, a dotted path for GraphQL input
    (``input.teams.3.sector``), or a field name.
    """

    location: str
    message: str
    value: object = None

    def __str__(self) -> str:
        shown = "" if self.value is None else f" (got {self.value!r})"
        return f"{self.location}: {self.message}{shown}"


class CarenetError(Exception):
    """Base of every error carenet raises on purpose."""

    code = "INTERNAL"

    def __init__(self, message: str, *, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion

    def __str__(self) -> str:
        if self.suggestion:
            return f"{self.message} ({self.suggestion})"
        return self.message


class InvalidInput(CarenetError):
    """The input breaks one or more rules; ``problems`` lists every one of them."""

    code = "BAD_USER_INPUT"

    def __init__(self, problems: Iterable[Problem], *, message: str | None = None) -> None:
        self.problems: Sequence[Problem] = tuple(problems)
        count = len(self.problems)
        head = message or f"{count} problem{'s' if count != 1 else ''} in the input; nothing was written"
        super().__init__(head)

    def __str__(self) -> str:
        lines = [self.message, *(f"  {p}" for p in self.problems[:200])]
        if len(self.problems) > 200:
            lines.append(f"  ... and {len(self.problems) - 200} more")
        return "\n".join(lines)


class TooLarge(InvalidInput):
    """The input (an upload, a file) is over one of the limits; ``problems`` says which and where."""

    code = "PAYLOAD_TOO_LARGE"


class NotFound(CarenetError):
    code = "NOT_FOUND"


class Conflict(CarenetError):
    code = "CONFLICT"


class Forbidden(CarenetError):
    code = "FORBIDDEN"


class Unauthenticated(CarenetError):
    """No credentials, or credentials that do not verify (HTTP 401)."""

    code = "UNAUTHENTICATED"


class StorageUnavailable(CarenetError):
    code = "STORE_UNAVAILABLE"
