"""Identifier value types, each validated by format.

Each is an ``Annotated[str, ...]`` usable as a pydantic field type; a value that does not
match gets a message naming the identifier and the expected shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


@dataclass(frozen=True)
class Shape:
    """The whole-value pattern an identifier type checks (after stripping and changing ``case``),
    kept in its ``Annotated`` metadata so other readers (the column-at-a-time import,
    :mod:`carenet.interchange.rules`) check the same rule; pydantic ignores it."""

    pattern: str
    case: Literal["upper", "lower", ""] = ""


def _pattern(name: str, regex: str, example: str, *, upper: bool = True):
    compiled = re.compile(rf"^(?:{regex})$")

    def check(value: str) -> str:
        candidate = value.upper() if upper else value
        if not compiled.match(candidate):
            raise ValueError(f"not a valid {name}: expected {example}")
        return candidate

    return check


def identifier(name: str, regex: str, example: str, *, upper: bool = True):
    """Build an identifier type that strips, (optionally) upper-cases and checks ``regex``."""
    return Annotated[
        str,
        BeforeValidator(_strip),
        AfterValidator(_pattern(name, regex, example, upper=upper)),
        Shape(rf"^(?:{regex})$", "upper" if upper else ""),
    ]


UID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,127}$"
REL_UID_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.:\-@>|]{0,399}$"
"""The shapes of :data:`Uid` and :data:`RelUid` as whole-value patterns (also read by the
column-at-a-time import, :mod:`carenet.interchange.columnar`)."""

Uid = identifier("uid", UID_PATTERN[1:-1], "1-128 letters, digits, '_', '.', ':' or '-'", upper=False)
"""carenet's own key for every node (never the database's internal id)."""

RelUid = identifier("relationship uid", REL_UID_PATTERN[1:-1], "up to 400 characters", upper=False)
"""carenet's own key for a relationship; by default ``TYPE:source>target`` (``@wave`` for survey ties)."""

OdsTrustCode = identifier("NHS trust ODS code", r"R[A-Z0-9]{2}", "R and two letters or digits, e.g. RXH")
OdsTrustSiteCode = identifier("NHS trust site ODS code", r"R[A-Z0-9]{4}", "R and four letters or digits, e.g. RXH01")
IcbCode = identifier("ICB ODS code", r"Q[A-Z0-9]{2}", "Q and two letters or digits, e.g. QNX")
GpPracticeCode = identifier("GP practice ODS code", r"[A-Z][0-9]{5}", "a letter and five digits, e.g. H81001")
PcnCode = identifier("PCN code", r"U[0-9]{5}", "U and five digits, e.g. U12345")
OdsCode = identifier("ODS code", r"[A-Z0-9]{3,9}", "3 to 9 letters or digits")
LocalAuthorityGss = identifier(
    "local authority GSS code", r"E(?:0[6-9]|10)[0-9]{6}", "E06, E07, E08, E09 or E10 and six digits, e.g. E10000032"
)
IcbGss = identifier("ICB area GSS code", r"E54[0-9]{6}", "E54 and six digits, e.g. E54000064")
GssCode = identifier("GSS code", r"[EWSNK][0-9]{8}", "a country letter and eight digits, e.g. E06000043")
SchoolUrn = identifier("school URN", r"[0-9]{6}", "six digits, e.g. 114578")
CqcLocationId = identifier("CQC location id", r"1-[0-9]{9,10}", "1- and nine or ten digits, e.g. 1-123456789")
CharityNumber = identifier(
    "charity number", r"[0-9]{6,8}(?:-[0-9]{1,3})?|SC[0-9]{6}", "6 to 8 digits (optionally -N), or SC and six digits"
)
HousingRegulatorCode = identifier("housing regulator code", r"L[0-9]{4}|LH[0-9]{4}|[0-9]{4}", "L0123, LH0123 or 4729")
_BAND = r"[1-7]|8[a-d]|9"
AfcBand = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().lower() if isinstance(v, str) else str(v) if isinstance(v, int) else v),
    AfterValidator(_pattern("Agenda for Change band", _BAND, "1 to 7, 8a to 8d, or 9", upper=False)),
    Shape(rf"^(?:{_BAND})$", "lower"),
]
Postcode = identifier("postcode", r"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", "a UK postcode, e.g. LS1 4AP")
