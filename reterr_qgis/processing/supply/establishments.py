"""Inputs shared by the algorithms that read SIRENE establishments against territories
(``reterr:value_chains``, ``reterr:endogenous_economy``): the territories layer and its code and
name fields, the establishment points (as ``reterr:import_sirene`` writes them) and their fields,
and the assignment of each establishment to the territory that contains it.

Field defaults are the field names of ``reterr:import_sirene``'s output; every field is a
parameter so that any point layer of establishments (a SIRENE extract made elsewhere, a chamber
of commerce file) can be used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...adapters import compat
from ...adapters.i18n import translate
from ...adapters.layers import FeatureTable, require_projected
from ..common.feedback import listing, require_shapely, warn
from ..common.inputs import feature_source, layer_label, read_layer
from ..common.params import add_help

#: Parameters of the territories group (:func:`add_territory_parameters`).
INPUT = "INPUT"
CODE_FIELD = "CODE_FIELD"
NAME_FIELD = "NAME_FIELD"
#: The establishment points (:func:`add_establishment_parameters`).
ESTABLISHMENTS = "ESTABLISHMENTS"

#: Field names written by ``reterr:import_sirene`` (the defaults of the field parameters).
SIRENE_FIELDS = {
    "siret": "siret",
    "siren": "siren",
    "commune": "commune",
    "naf": "naf",
    "jobs": "emplois",
    "tranche": "tranche",
    "siege_commune": "com_siege",
    "ess": "ess",
    "category": "categorie",
}


def field_parameter(
    alg: QgsProcessingAlgorithm,
    name: str,
    label: str,
    default: Optional[str],
    parent: str,
    help_text: str,
    *,
    numeric: bool = False,
) -> None:
    """An optional field parameter (optional so that its default applies from ``qgis_process`` on
    QGIS 3.22, which rejects a missing mandatory field even with a default)."""
    alg.addParameter(
        add_help(
            QgsProcessingParameterField(
                name,
                label,
                default,
                parent,
                compat.FIELD_NUMERIC if numeric else compat.FIELD_ANY,
                optional=True,
            ),
            help_text,
        )
    )


def add_territory_parameters(alg: QgsProcessingAlgorithm) -> None:
    """INPUT (territory polygons), CODE_FIELD and NAME_FIELD."""
    alg.addParameter(
        add_help(
            QgsProcessingParameterFeatureSource(
                INPUT,
                translate("SupplyAlgorithm", "Territories (polygons)"),
                [compat.TYPE_VECTOR_POLYGON],
            ),
            translate(
                "SupplyAlgorithm",
                "Communes, EPCI or any zoning, in a projected CRS (Lambert-93 in metropolitan "
                "France). Each establishment counts in the territory that contains it.",
            ),
        )
    )
    field_parameter(
        alg,
        CODE_FIELD,
        translate("SupplyAlgorithm", "Territory code field"),
        "code_insee",
        INPUT,
        translate(
            "SupplyAlgorithm",
            "Code of each territory (commune INSEE code, EPCI SIREN…), written in the outputs.",
        ),
    )
    field_parameter(
        alg,
        NAME_FIELD,
        translate("SupplyAlgorithm", "Territory name field"),
        "nom",
        INPUT,
        translate(
            "SupplyAlgorithm",
            "Name of each territory, used in messages and written in the outputs.",
        ),
    )


def add_establishment_parameters(alg: QgsProcessingAlgorithm) -> None:
    """ESTABLISHMENTS (points)."""
    alg.addParameter(
        add_help(
            QgsProcessingParameterFeatureSource(
                ESTABLISHMENTS,
                translate(
                    "SupplyAlgorithm",
                    "Establishments (points, e.g. from 'Import SIRENE establishments')",
                ),
                [compat.TYPE_VECTOR_POINT],
            ),
            translate(
                "SupplyAlgorithm",
                "One point per establishment, with its NAF code and jobs; the output of "
                "'Import SIRENE establishments' has every field this algorithm reads.",
            ),
        )
    )


@dataclass(eq=False)
class Territories:
    """The territories read: table (attributes kept), codes and names, CRS source."""

    source: Any
    name: str
    table: FeatureTable
    code_field: str
    name_field: str

    def __len__(self) -> int:
        return len(self.table)

    @property
    def codes(self) -> list[str]:
        return [str(c) if c is not None else "" for c in self.table.texts["code"]]

    def label(self, k: int) -> str:
        """'name (code)' of territory ``k``."""
        code = self.codes[k]
        name = self.table.names[k]
        return f"{name} ({code})" if code and code != name else name


def read_territories(
    alg: QgsProcessingAlgorithm,
    parameters,
    context,
    feedback,
    *,
    text: Optional[dict[str, str]] = None,
    progress_span: tuple[float, float] = (0.0, 10.0),
) -> Territories:
    """The INPUT layer with its code (and name) fields; attributes kept for the output."""
    source = feature_source(alg, parameters, INPUT, context)
    name = layer_label(alg, parameters, INPUT, context, source)
    require_projected(source.sourceCrs(), name)
    fields = source.fields()
    code_field = alg.parameterAsString(parameters, CODE_FIELD, context) or "code_insee"
    if fields.lookupField(code_field) < 0:
        raise QgsProcessingException(
            translate(
                "SupplyAlgorithm",
                "The territory code field '{field}' is not in layer '{layer}' (its fields: "
                "{fields}): choose the field holding the territories' codes.",
            ).format(field=code_field, layer=name, fields=listing(fields.names()))
        )
    name_field = alg.parameterAsString(parameters, NAME_FIELD, context) or ""
    if name_field and fields.lookupField(name_field) < 0:
        name_field = ""
    feedback.setProgressText(translate("SupplyAlgorithm", "Reading territories…"))
    table = read_layer(
        source,
        text={"code": code_field, **(text or {})},
        name_field=name_field or code_field,
        keep_attributes=True,
        layer_name=name,
        feedback=feedback,
        progress_span=progress_span,
    )
    return Territories(source, name, table, code_field, name_field)


@dataclass(eq=False)
class Establishments:
    """The establishment points read, in the territories' CRS."""

    source: Any
    name: str
    table: FeatureTable
    xy: np.ndarray

    def __len__(self) -> int:
        return len(self.table)

    def text(self, key: str) -> np.ndarray:
        """Text column ``key`` as a str array (NULL → ``""``), or None when it was not read."""
        values = self.table.texts.get(key)
        if values is None:
            return None
        return np.array(["" if v is None else str(v).strip() for v in values], dtype=str)


def establishment_field(
    alg: QgsProcessingAlgorithm, parameters, name: str, context, source, layer: str, feedback, what
) -> str:
    """The field of parameter ``name`` when it is given and in the layer, else ``""`` (a chosen
    field that is not in the layer is said, naming what is skipped: ``what``)."""
    field = alg.parameterAsString(parameters, name, context)
    if not field:
        return ""
    if source.fields().lookupField(field) < 0:
        warn(
            feedback,
            translate("SupplyAlgorithm", "Layer '{layer}' has no field '{field}': {what}.").format(
                layer=layer, field=field, what=what
            ),
        )
        return ""
    return field


def read_establishments(
    alg: QgsProcessingAlgorithm,
    parameters,
    context,
    feedback,
    territories: Territories,
    *,
    required: dict[str, tuple[str, str]],
    numeric: Optional[dict[str, str]] = None,
    text: Optional[dict[str, str]] = None,
    progress_span: tuple[float, float] = (10.0, 30.0),
) -> Establishments:
    """The ESTABLISHMENTS layer in the territories' CRS.

    Parameters
    ----------
    required
        ``{key: (parameter, kind)}`` of fields that must exist (kind ``"number"`` or ``"text"``);
        a missing one is an error listing the layer's fields.
    numeric, text
        Other fields (``{key: field name}``, already checked).
    """
    source = feature_source(alg, parameters, ESTABLISHMENTS, context)
    name = layer_label(alg, parameters, ESTABLISHMENTS, context, source)
    require_projected(source.sourceCrs(), name)
    nums = dict(numeric or {})
    texts = dict(text or {})
    for key, (param, kind) in required.items():
        field = alg.parameterAsString(parameters, param, context) or SIRENE_FIELDS.get(key, key)
        if source.fields().lookupField(field) < 0:
            raise QgsProcessingException(
                translate(
                    "SupplyAlgorithm",
                    "The field '{field}' is not in layer '{layer}' (its fields: {fields}): "
                    "choose the field holding it in the parameter '{param}'.",
                ).format(
                    field=field,
                    layer=name,
                    fields=listing(source.fields().names()),
                    param=alg.parameterDefinition(param).description(),
                )
            )
        (nums if kind == "number" else texts)[key] = field
    siret = SIRENE_FIELDS["siret"]
    feedback.setProgressText(translate("SupplyAlgorithm", "Reading establishments…"))
    table = read_layer(
        source,
        numeric=nums,
        text=texts,
        name_field=siret if source.fields().lookupField(siret) >= 0 else None,
        layer_name=name,
        feedback=feedback,
        progress_span=progress_span,
    )
    crs = territories.source.sourceCrs()
    if source.sourceCrs() != crs:
        table.transform(QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext()))
    return Establishments(source, name, table, table.anchor_xy())


def assign_points(territories: Territories, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Territory index of each point (-1 outside every territory), and the points lying in
    several overlapping territories (the first is kept)."""
    require_shapely(translate("SupplyAlgorithm", "Assigning the establishments to the territories"))
    import shapely

    from ...engine.core.zones import zone_weights

    if xy.shape[0] == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    points = shapely.points(xy)
    assignment = zone_weights(points, territories.table.shapely(), "interior_point")
    w = assignment.weights.tocsr()
    out = np.full(xy.shape[0], -1, dtype=np.int64)
    rows = np.flatnonzero(np.diff(w.indptr) > 0)
    out[rows] = w.indices[w.indptr[rows]]
    return out, np.asarray(assignment.ambiguous, dtype=np.int64)


def assign_establishments(
    territories: Territories, est: Establishments, feedback, commune: Optional[np.ndarray] = None
) -> np.ndarray:
    """Territory index of each establishment: the territory containing its point; a point outside
    every territory (a coastline, a town hall just over a boundary) goes to the territory of its
    commune when the commune is known (the territory code itself, or the territory of the other
    establishments of that commune). The rest (-1) count nowhere; they are said."""
    terr, ambiguous = assign_points(territories, est.xy)
    if ambiguous.size:
        warn(
            feedback,
            translate(
                "SupplyAlgorithm",
                "{n} establishments lie in several overlapping territories; each counts in the "
                "first one only: {features}.",
            ).format(n=ambiguous.size, features=est.table.describe(ambiguous)),
        )
    outside = np.flatnonzero(terr < 0)
    if outside.size and commune is not None:
        mapping = commune_territory(territories, commune, terr)
        found = np.array([mapping.get(c, -1) for c in commune[outside]], dtype=np.int64)
        terr[outside] = found
        if np.any(found >= 0):
            feedback.pushInfo(
                translate(
                    "SupplyAlgorithm",
                    "{n} establishments outside every territory polygon were counted in the "
                    "territory of their commune.",
                ).format(n=int(np.count_nonzero(found >= 0)))
            )
        outside = np.flatnonzero(terr < 0)
    if outside.size:
        feedback.pushInfo(
            translate(
                "SupplyAlgorithm",
                "{n} establishments lie outside every territory: they count in no territory "
                "(they remain candidates as nearest establishments).",
            ).format(n=outside.size)
        )
    return terr


def commune_territory(
    territories: Territories, commune: np.ndarray, terr: np.ndarray
) -> dict[str, int]:
    """``commune code → territory index``: the territory whose code is the commune's (commune
    territories), else the territory holding most of that commune's establishments."""
    mapping: dict[str, int] = {}
    ok = (terr >= 0) & (commune != "")
    if np.any(ok):
        pairs, counts = np.unique(
            np.column_stack([commune[ok], terr[ok].astype(str)]), axis=0, return_counts=True
        )
        order = np.lexsort((-counts, pairs[:, 0]))
        for code, t in pairs[order]:
            mapping.setdefault(str(code), int(t))
    for k, code in enumerate(territories.codes):
        if code:
            mapping[code] = k
    return mapping
