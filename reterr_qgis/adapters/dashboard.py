"""Layer → :class:`~..engine.dashboard.Dashboard`: which fields to read, how to name territories.

Shared by the dock (in a background task) and the council map's profile page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from qgis.core import QgsExpression, QgsFeatureRequest

from ..engine.dashboard import DIMENSION_FIELD, Dashboard, recognise_fields
from ..engine.errors import InputError
from ..engine.indicators import Indicator
from . import compat
from .layers import engine_messages

#: Fields tried, in order, for the territory's name when the display expression is not a field.
NAME_FIELDS = ("nom", "name", "nom_commune", "libelle", "nom_epci", "lib_com", "NOM", "LIBELLE")
#: Peer fields proposed first for the reference (EPCI, then département).
PEER_FIELDS = ("nom_epci", "lib_epci", "siren_epci", "code_epci", "epci", "nom_dep", "code_dep")


def indicator_fields(layer, user: Mapping[str, Indicator]) -> tuple[list[str], list[str]]:
    """The layer's numeric indicator fields (all vintages) and its index dimension fields."""
    numeric = [f.name() for f in layer.fields() if f.isNumeric()]
    indicators = [f for c in recognise_fields(numeric, user) for f in c.fields]
    index = [f for f in numeric if DIMENSION_FIELD.match(f)]
    return indicators, index


def guess_name_field(layer) -> str:
    """The display expression when it is a plain field, else a usual name field, else ''."""
    names = layer.fields().names()
    expr = QgsExpression(layer.displayExpression())
    if expr.isField():
        cols = expr.referencedColumns()
        name = next(iter(cols)) if cols else ""
        if name in names:
            return name
    return next((f for f in NAME_FIELDS if f in names), "")


def guess_peer_field(layer) -> str:
    names = layer.fields().names()
    return next((f for f in PEER_FIELDS if f in names), "")


def present(value) -> bool:
    """False for None and for QGIS 3.22's NULL QVariant."""
    if value is None:
        return False
    try:
        return not value.isNull()
    except AttributeError:
        return True


def _float(v) -> float:
    try:
        return float(v) if present(v) else math.nan
    except (TypeError, ValueError):
        return math.nan


@dataclass
class DashboardRead:
    """Result of :func:`read_dashboard`: the dashboard (None with an error) and feature ids."""

    dashboard: Dashboard | None
    fids: list[int] = field(default_factory=list)
    error: str = ""
    canceled: bool = False


def read_dashboard(
    source,
    fields,
    *,
    indicators: list[str],
    index: list[str],
    name_field: str = "",
    group_field: str = "",
    user: Mapping[str, Indicator] | None = None,
    language: str = "fr",
    is_canceled: Callable[[], bool] | None = None,
) -> DashboardRead:
    """Read the indicator columns of ``source`` (a feature source; safe in a worker thread with a
    :class:`QgsVectorLayerFeatureSource`) and prepare the dashboard."""
    wanted = [*indicators, *index]
    names = list(dict.fromkeys([*wanted, *(f for f in (name_field, group_field) if f)]))
    idx = [fields.lookupField(n) for n in names]
    request = QgsFeatureRequest()
    request.setFlags(compat.REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes([i for i in idx if i >= 0])
    columns: dict[str, list] = {n: [] for n in names}
    fids: list[int] = []
    for k, feat in enumerate(source.getFeatures(request)):
        if is_canceled is not None and k % 2000 == 0 and is_canceled():
            return DashboardRead(None, canceled=True)
        fids.append(feat.id())
        attrs = feat.attributes()
        for n, i in zip(names, idx):
            columns[n].append(attrs[i] if i >= 0 else None)
    numeric = {n: [_float(v) for v in columns[n]] for n in wanted}
    if name_field:
        territory = [str(v) if present(v) else f"#{f}" for v, f in zip(columns[name_field], fids)]
    else:
        territory = [f"#{f}" for f in fids]
    groups = None
    if group_field:
        groups = [str(v) if present(v) else "" for v in columns[group_field]]
    try:
        board = Dashboard(numeric, territory, user=user, groups=groups, language=language)
    except InputError as err:
        return DashboardRead(None, fids, "\n".join(engine_messages([err.msg])))
    return DashboardRead(board, fids)
