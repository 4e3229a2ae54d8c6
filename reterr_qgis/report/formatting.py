"""How a territory's profile reads: numbers in the user's locale, good/bad colours, table rows.

One place for what the dock's table and the council map's profile page both show, so that the
planner and the council read the same figures in the same colours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Optional

from qgis.core import QgsTextFormat
from qgis.PyQt.QtCore import QLocale
from qgis.PyQt.QtGui import QColor, QFont

from ..engine.core.indicators import Polarity
from ..engine.index.dashboard import Profile, ProfileRow

__all__ = [
    "BAD",
    "GOOD",
    "MIDDLE",
    "Cell",
    "change_text",
    "goodness_color",
    "has_vintages",
    "number",
    "row_color",
    "row_label",
    "row_order",
    "table_rows",
]

#: Background of a value among the best third of territories.
GOOD = QColor(198, 232, 190)
#: Background of a value among the worst third of territories.
BAD = QColor(246, 200, 190)
#: Background of a value in between.
MIDDLE = QColor(250, 238, 200)

#: A table cell: its text and its background (None: no background).
Cell = tuple[str, Optional[QColor]]


def number(value: float | None, locale: QLocale) -> str:
    """Value with a precision by magnitude, in ``locale`` ('–' when missing).

    Whole numbers (counts of types, facilities, inhabitants) keep no decimals; otherwise 0
    decimals from 100, 1 from 10, 2 below.
    """
    if value is None or not math.isfinite(value):
        return "–"
    a = abs(value)
    if float(value).is_integer():  # counts (types, facilities, inhabitants) stay whole
        return locale.toString(float(value), "f", 0)
    return locale.toString(float(value), "f", 0 if a >= 100 else 1 if a >= 10 else 2)


def goodness_color(goodness: float) -> QColor | None:
    """Green for the best third of territories, red for the worst third, amber between (None
    when the goodness is unknown)."""
    if not math.isfinite(goodness):
        return None
    if goodness >= 2 / 3:
        return GOOD
    if goodness <= 1 / 3:
        return BAD
    return MIDDLE


def row_label(r: ProfileRow) -> str:
    """Indicator label with its unit: "Part des 65 ans et plus (%)"."""
    return f"{r.label} ({r.unit})" if r.unit else r.label


def row_color(r: ProfileRow) -> QColor | None:
    """Background of the value: by tercile, none for context figures."""
    return None if r.polarity is Polarity.NEUTRAL else goodness_color(r.goodness)


def change_text(r: ProfileRow, locale: QLocale) -> str:
    """ "+0,50 (2021→2024)", or "" without two vintages."""
    if r.previous_year is None or not math.isfinite(r.change):
        return ""
    sign = "+" if r.change > 0 else ""
    return f"{sign}{number(r.change, locale)} ({r.previous_year}→{r.year})"


def has_vintages(profile: Profile) -> bool:
    """Whether any indicator of the profile has two vintages (else no "change" column)."""
    return any(r.previous_year is not None for r in profile.rows)


def row_order(profile: Profile) -> list[int]:
    """Positions of ``profile.rows`` in table order: indicators first (in the registry's order),
    context figures (neutral) last."""
    rows = profile.rows
    return sorted(range(len(rows)), key=lambda k: rows[k].polarity is Polarity.NEUTRAL)


def table_rows(profiles: Profile | Sequence[Profile], locale: QLocale) -> list[list[Cell]]:
    """Cells (text, background) of the profile table, rows in :func:`row_order`.

    One profile: indicator, value (coloured), rank ("3 / 24"), reference, and the change between
    vintages when the profile has two. Two profiles (the dock's comparison, same indicators):
    indicator, value of A, value of B (each coloured), reference of A.
    """
    if isinstance(profiles, Profile):
        profiles = [profiles]
    first = profiles[0]
    compare = len(profiles) > 1
    vintages = not compare and has_vintages(first)
    out = []
    for k in row_order(first):
        r = first.rows[k]
        cells: list[Cell] = [(row_label(r), None)]
        for p in profiles:
            pr = p.rows[k]
            cells.append((number(pr.value, locale), row_color(pr)))
        if not compare:
            cells.append(("" if r.rank is None else f"{r.rank} / {r.ranked}", None))
        cells.append((number(r.reference, locale), None))
        if vintages:
            cells.append((change_text(r, locale), None))
        out.append(cells)
    return out


def text_format(size: float, bold: bool = False) -> QgsTextFormat:
    """The text format of the council documents' labels and tables: DejaVu Sans at ``size`` pt."""
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    return fmt
