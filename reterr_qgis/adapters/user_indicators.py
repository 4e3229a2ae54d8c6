"""Indicators declared by the user on a layer, kept with the layer (and so in the project).

They are stored as JSON in the layer's custom property ``reterr/indicators``: the declaration
travels with the project file and the layer's QML style, and the dock picks it up on reload.
"""

from __future__ import annotations

import json

from ..engine.core.indicators import Dimension, Indicator
from ..engine.index.dashboard import user_indicator

PROPERTY = "reterr/indicators"


def _dim_value(ind: Indicator) -> str:
    return ind.dimension.value if isinstance(ind.dimension, Dimension) else str(ind.dimension)


def load_user_indicators(layer) -> dict[str, Indicator]:
    """The user's indicator declarations on ``layer`` (bad entries are skipped)."""
    raw = layer.customProperty(PROPERTY, "")
    if not raw:
        return {}
    try:
        entries = json.loads(raw)
    except (TypeError, ValueError):
        return {}
    out = {}
    for e in entries if isinstance(entries, list) else []:
        try:
            ind = user_indicator(
                e["field"],
                e.get("label") or e["field"],
                polarity=e["polarity"],
                dimension=e["dimension"],
                unit=e.get("unit", ""),
                definition=e.get("definition", ""),
            )
        except (KeyError, TypeError, ValueError):
            continue
        out[ind.id] = ind
    return out


def _store(layer, indicators: dict[str, Indicator]) -> None:
    entries = [
        {
            "field": ind.id,
            "label": ind.label_fr,
            "unit": ind.unit,
            "polarity": ind.polarity.value,
            "dimension": _dim_value(ind),
            "definition": ind.definition_en,
        }
        for ind in indicators.values()
    ]
    layer.setCustomProperty(PROPERTY, json.dumps(entries, ensure_ascii=False))


def save_user_indicator(layer, indicator: Indicator) -> None:
    """Add or replace the declaration of ``indicator.id`` on ``layer``."""
    current = load_user_indicators(layer)
    current[indicator.id] = indicator
    _store(layer, current)


def remove_user_indicator(layer, field_name: str) -> bool:
    """Forget the declaration of ``field_name``; True if there was one."""
    current = load_user_indicators(layer)
    if current.pop(field_name, None) is None:
        return False
    _store(layer, current)
    return True
