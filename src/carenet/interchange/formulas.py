"""Text cells that a spreadsheet would run as a formula, neutralised on the way out.

Excel, LibreOffice and Google Sheets treat a CSV cell that begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula (``=HYPERLINK(...)``, ``@SUM(...)``, DDE).
Every text cell of a CSV export that begins so gets a single quote in front, as OWASP
recommends (https://owasp.org/www-community/attacks/CSV_Injection); spreadsheets show the
text and run nothing. Numbers are never changed (``-0.5`` stays a number), and graph formats
(GEXF, GraphML, JSON) and Parquet keep the exact text.

The quote is reversible, so an exported template CSV imports back to the same text: a value
that already begins with quotes followed by one of those characters gets one more quote on
the way out, and :func:`restore` (applied to text cells on import) takes one away.
"""

from __future__ import annotations

import re
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NEUTRALISE = re.compile(r"'*[=+\-@\t\r]")
_RESTORE = re.compile(r"'+[=+\-@\t\r]")
RESTORE_PATTERN = r"^'+[=+\-@\t\r]"
"""Cells :func:`restore` changes, as a whole-value-start pattern for Arrow's regex kernels."""


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run; anything else unchanged.

    >>> neutralise('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> neutralise(-0.5), neutralise("Leeds -> Bradford")
    (-0.5, 'Leeds -> Bradford')
    """
    if isinstance(value, str) and _NEUTRALISE.match(value):
        return "'" + value
    return value


def restore(text: str) -> str:
    """The text :func:`neutralise` was given: one leading quote fewer where it added one."""
    return text[1:] if _RESTORE.match(text) else text
