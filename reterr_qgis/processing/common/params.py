"""Reading the text parameters planners type: lists of codes, numbers with decimal commas, pairs.

One parser per shape, each raising :class:`ParseError` (an :class:`InputError`: a run that lets it
through ends with, e.g., "'abc' is not a number."); algorithms that have a more precise message for
their parameter catch it and raise theirs. Also :func:`add_help`, the ``setHelp`` of every parameter.
"""

from __future__ import annotations

import math
import re
from typing import Optional, TypeVar

from ...engine.core.errors import QT_TRANSLATE_NOOP, InputError

P = TypeVar("P")


#: Messages of :class:`ParseError`.
NOT_A_NUMBER = QT_TRANSLATE_NOOP("ReterrParams", "'{item}' is not a number.")
NOT_A_PAIR = QT_TRANSLATE_NOOP("ReterrParams", "'{item}' is not of the form 'name:value'.")


class ParseError(InputError):
    """A part of a text parameter that does not read as expected (``item``: that part)."""

    def __init__(self, item: str, template: str = NOT_A_NUMBER) -> None:
        super().__init__(template, context="ReterrParams", item=item)
        self.item = item


def add_help(param: P, text: str) -> P:
    """``setHelp`` where the running QGIS has it (3.16+); returns the parameter."""
    if hasattr(param, "setHelp"):
        param.setHelp(text)
    return param


def advanced(param: P) -> P:
    """Flag a parameter advanced (shown under "Advanced parameters" in the dialog); returns it."""
    from ...adapters import compat

    param.setFlags(param.flags() | compat.PARAM_FLAG_ADVANCED)
    return param


def decimals(param: P, places: int) -> P:
    """Decimals the dialog shows for a number parameter (``0``: "30", not "30,000000"); returns
    the parameter. Through the ``widget_wrapper`` metadata QGIS's number widget reads."""
    metadata = dict(param.metadata() or {})
    wrapper = dict(metadata.get("widget_wrapper") or {})
    wrapper["decimals"] = places
    metadata["widget_wrapper"] = wrapper
    param.setMetadata(metadata)
    return param


#: Dotted path of the widget wrapper of facility-type parameters (imported by Processing only
#: when a dialog shows the parameter, so declaring one imports no widget code).
BPE_TYPES_WRAPPER = __package__.rsplit(".", 2)[0] + ".gui.bpe_types.BpeTypesWidgetWrapper"


def bpe_types_widget(param: P, *, single: bool = False) -> P:
    """Give a facility-type text parameter ("D265;D307") the BPE type picker in the dialogs: its
    codes stay editable and a "…" button lists the labelled types (``single``: one type only).
    Returns the parameter."""
    metadata = dict(param.metadata() or {})
    wrapper = dict(metadata.get("widget_wrapper") or {})
    wrapper["class"] = BPE_TYPES_WRAPPER
    if single:
        wrapper["single"] = True
    metadata["widget_wrapper"] = wrapper
    param.setMetadata(metadata)
    return param


def split_codes(text: Optional[str], *, upper: bool = False) -> list[str]:
    """Codes separated by ';' or ',' → list, stripped, repeats dropped ('D265; d307,D265' →
    ['D265', 'd307']); ``upper``: in upper case. Empty text: []."""
    out: list[str] = []
    for part in re.split(r"[;,]", text or ""):
        code = part.strip()
        if upper:
            code = code.upper()
        if code and code not in out:
            out.append(code)
    return out


def to_number(text: str) -> float:
    """A finite number from text: decimal comma or dot, spaces (thousands) ignored.

    Raises
    ------
    ParseError
        Empty, not a number, infinite or NaN.
    """
    clean = str(text).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    try:
        value = float(clean.replace(",", "."))
    except ValueError:
        raise ParseError(str(text).strip()) from None
    if not math.isfinite(value):
        raise ParseError(str(text).strip())
    return value


def parse_numbers(text: Optional[str]) -> list[float]:
    """Numbers separated by ';' (a comma is a decimal comma): '10;20,5' → [10.0, 20.5]."""
    return [to_number(part) for part in (text or "").split(";") if part.strip()]


def parse_steps(text: Optional[str]) -> dict[float, float]:
    """'10:1; 20:0.68; 30:0,22' → {10: 1, 20: 0.68, 30: 0.22} (decimal commas accepted)."""
    steps: dict[float, float] = {}
    for part in (text or "").split(";"):
        if not part.strip():
            continue
        limit, _, value = part.partition(":")
        steps[to_number(limit)] = to_number(value)
    return steps


def parse_pairs(text: Optional[str]) -> list[tuple[str, str]]:
    """'key:value;key:value' (or one pair a line) → [(key, value), …], stripped.

    The value is after the last ':' (keys may hold one). Raises :class:`ParseError` for an item
    that is not of the form 'key:value'.
    """
    out: list[tuple[str, str]] = []
    for item in (text or "").replace("\n", ";").split(";"):
        item = item.strip()
        if not item:
            continue
        key, sep, value = item.rpartition(":")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            raise ParseError(item, NOT_A_PAIR)
        out.append((key, value))
    return out
