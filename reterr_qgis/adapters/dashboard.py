"""Layer → :class:`~..engine.dashboard.Dashboard`: which fields to read, how to name territories.

Shared by the dock (in a background task) and the council map's profile page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
from qgis.core import QgsExpression

from ..engine.core.errors import InputError
from ..engine.core.indicators import Indicator
from ..engine.index.dashboard import DIMENSION_FIELD, Dashboard, recognise_fields
from .layers import engine_messages, is_null, read_columns

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
    """False for NULL (None, QGIS 3.22's NULL QVariant): ``not`` :func:`~.layers.is_null`."""
    return not is_null(value)


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
    labels = [f for f in (name_field, group_field) if f]
    # Lenient, as the dock has always been: a missing field or a value that is not a number reads
    # as NaN (the dashboard then reports what it cannot use).
    columns = read_columns(
        source,
        wanted,
        labels,
        missing="skip",
        strict=False,
        is_canceled=is_canceled,
        fields=fields,
    )
    if columns.canceled:
        return DashboardRead(None, canceled=True)
    fids = [int(f) for f in columns.fids]
    nan = np.full(len(fids), np.nan)
    numeric = {n: columns.numbers.get(n, nan).tolist() for n in wanted}
    if name_field:
        names = columns.texts.get(name_field, [None] * len(fids))
        territory = [f"#{f}" if v is None else v for v, f in zip(names, fids)]
    else:
        territory = [f"#{f}" for f in fids]
    groups = None
    if group_field:
        groups = [v or "" for v in columns.texts.get(group_field, [None] * len(fids))]
    try:
        board = Dashboard(numeric, territory, user=user, groups=groups, language=language)
    except InputError as err:
        return DashboardRead(None, fids, "\n".join(engine_messages([err.msg])))
    return DashboardRead(board, fids)
