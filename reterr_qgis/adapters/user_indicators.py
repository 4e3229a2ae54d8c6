"""Indicators declared by the user on a layer, kept with the layer (and so in the project).

They are stored as JSON in the layer's custom property ``reterr/indicators``: the declaration
travels with the project file and the layer's QML style, and the dock picks it up on reload.
"""

from __future__ import annotations

import json
from dataclasses import replace

from ..engine.core.indicators import Dimension, Indicator, Polarity, get_indicator
from ..engine.index.dashboard import user_indicator
from .dashboard import index_spec

PROPERTY = "reterr/indicators"


def _dim_value(ind: Indicator) -> str:
    return ind.dimension.value if isinstance(ind.dimension, Dimension) else str(ind.dimension)


def load_user_indicators(layer, with_index: bool = True) -> dict[str, Indicator]:
    """The user's indicator declarations on ``layer`` (bad entries are skipped).

    On a layer made by ``reterr:resilience_index`` (and unless ``with_index`` is False), the
    indicators the index was built from are declared too, with the polarity and dimension the
    index used (its parameters, else the registry): the dock and the profile page then show the
    index as it was built, including fields the registry does not know. The user's label and
    unit of such a field are kept.
    """
    out = _stored(layer)
    if with_index:
        out.update(index_indicators(layer, out))
    return out


def index_indicators(layer, declared: dict[str, Indicator] | None = None) -> dict[str, Indicator]:
    """The indicators of the index held by ``layer`` that need a declaration (fields unknown to
    the registry, or whose polarity or dimension the index set), as the index used them."""
    spec = index_spec(layer)
    if spec is None:
        return {}
    declared = declared or {}
    out = {}
    for name in spec.fields:
        known = get_indicator(name)
        mine = declared.get(name)
        polarity = spec.polarities.get(name)
        dimension = spec.dimensions.get(name)
        if known is not None:
            if polarity is None and dimension is None and mine is None:
                continue  # the registry's, as the index used it
            base = replace(known, id=name)
            if polarity is None:
                polarity = known.polarity
            if dimension is None:
                dimension = _dim_value(known)
        elif polarity is None:
            continue  # the index could not have used it without a polarity
        else:
            base = None
        label = (mine.label_fr if mine else None) or (base.label_fr if base else name)
        unit = mine.unit if mine else (base.unit if base else "")
        ind = user_indicator(
            name,
            label,
            polarity=polarity,
            dimension=dimension or "other",
            unit=unit,
        )
        if base is not None and mine is None:
            # Keep the registry's bilingual labels and definitions.
            ind = replace(base, polarity=Polarity(polarity), dimension=ind.dimension)
        out[name] = ind
    return out


def _stored(layer) -> dict[str, Indicator]:
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
    current = _stored(layer)
    current[indicator.id] = indicator
    _store(layer, current)


def remove_user_indicator(layer, field_name: str) -> bool:
    """Forget the declaration of ``field_name``; True if there was one."""
    current = _stored(layer)
    if current.pop(field_name, None) is None:
        return False
    _store(layer, current)
    return True
