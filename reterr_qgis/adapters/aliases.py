"""Field aliases of ReTerr outputs: the label a planner reads in the attribute table and the forms.

One place gives the alias of every field our algorithms write (:func:`field_alias`):

* a field of the indicator registry (:func:`~reterr_qgis.engine.core.indicators.get_indicator`):
  its label in the interface language, with its unit ("Part des 65 ans et plus (%)");
* the APL of ``reterr:floating_catchment``: the service it measures when the run kept given
  facility types ("APL — Médecin généraliste (D265)", from the BPE code table);
* a dimension score of the resilience index (``dim_<dimension>``): "Score: <dimension>";
* the other fields (ranks, rank band, counts, flows…): the labels below, English source strings
  of the ``ReterrAliases`` translation context, some specific to one algorithm (``rank`` is the
  index rank in ``reterr:resilience_index`` but the order of choice in ``reterr:suggest_locations``).

:func:`apply_field_aliases` sets them on an output layer without replacing an alias the field
already has: the original names ReTerr stores as aliases of a shapefile's cut field names (how our
algorithms read our shapefiles back) keep winning.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Optional

from ..engine.core.errors import QT_TRANSLATE_NOOP
from ..engine.core.indicators import DIMENSION_LABELS, dimension_label, get_indicator
from .i18n import translate, ui_language

CONTEXT = "ReterrAliases"

#: Labels of the fields that are not registry indicators, whatever the algorithm.
FIELD_LABELS: dict[str, str] = {
    "score": QT_TRANSLATE_NOOP("ReterrAliases", "Resilience score"),
    "rank": QT_TRANSLATE_NOOP("ReterrAliases", "Rank"),
    "n_facilities": QT_TRANSLATE_NOOP("ReterrAliases", "Facilities within reach"),
    "apl_pop_std": QT_TRANSLATE_NOOP("ReterrAliases", "Age-standardised population"),
    "apl_underserved": QT_TRANSLATE_NOOP("ReterrAliases", "Under-served (APL below 2.5)"),
    "band_min": QT_TRANSLATE_NOOP("ReterrAliases", "Travel time band (min)"),
    "facility_fid": QT_TRANSLATE_NOOP("ReterrAliases", "Facility (feature id)"),
    "orig": QT_TRANSLATE_NOOP("ReterrAliases", "Origin"),
    "dest": QT_TRANSLATE_NOOP("ReterrAliases", "Destination"),
    "orig_code": QT_TRANSLATE_NOOP("ReterrAliases", "Origin code"),
    "dest_code": QT_TRANSLATE_NOOP("ReterrAliases", "Destination code"),
    "orig_nom": QT_TRANSLATE_NOOP("ReterrAliases", "Origin name"),
    "dest_nom": QT_TRANSLATE_NOOP("ReterrAliases", "Destination name"),
    "flux": QT_TRANSLATE_NOOP("ReterrAliases", "Flow"),
    "vol": QT_TRANSLATE_NOOP("ReterrAliases", "Volume"),
    "sortants": QT_TRANSLATE_NOOP("ReterrAliases", "Outgoing flows"),
    "entrants": QT_TRANSLATE_NOOP("ReterrAliases", "Incoming flows"),
    "internes": QT_TRANSLATE_NOOP("ReterrAliases", "Internal flows"),
    "net": QT_TRANSLATE_NOOP("ReterrAliases", "Net flow (incoming − outgoing)"),
    "dist_km": QT_TRANSLATE_NOOP("ReterrAliases", "Distance (km)"),
    "minutes": QT_TRANSLATE_NOOP("ReterrAliases", "Travel time (min)"),
    "time_min": QT_TRANSLATE_NOOP("ReterrAliases", "Travel time (min)"),
    "aire": QT_TRANSLATE_NOOP("ReterrAliases", "Functional area"),
    "aire_nom": QT_TRANSLATE_NOOP("ReterrAliases", "Functional area name"),
    "n_communes": QT_TRANSLATE_NOOP("ReterrAliases", "Number of communes"),
    "emplois": QT_TRANSLATE_NOOP("ReterrAliases", "Jobs"),
    "n_estab": QT_TRANSLATE_NOOP("ReterrAliases", "Number of establishments"),
    "bes_total": QT_TRANSLATE_NOOP("ReterrAliases", "Farmland needed, total (ha)"),
    "bes_hab": QT_TRANSLATE_NOOP("ReterrAliases", "Farmland needed per inhabitant (ha)"),
    "sau_total": QT_TRANSLATE_NOOP("ReterrAliases", "Farmland, total (ha)"),
    "sau_exclu": QT_TRANSLATE_NOOP("ReterrAliases", "Farmland excluded (ha)"),
}

#: Labels that depend on the algorithm that wrote the field (``reterr:<id>`` → field → label).
ALGORITHM_LABELS: dict[str, dict[str, str]] = {
    "reterr:resilience_index": {
        "rank": QT_TRANSLATE_NOOP("ReterrAliases", "Rank (1 = best placed)"),
        "rank_median": QT_TRANSLATE_NOOP("ReterrAliases", "Median rank over the weightings tried"),
        "rank_p05": QT_TRANSLATE_NOOP("ReterrAliases", "Rank band: best (5th percentile)"),
        "rank_p95": QT_TRANSLATE_NOOP("ReterrAliases", "Rank band: worst (95th percentile)"),
    },
    "reterr:suggest_locations": {
        "rank": QT_TRANSLATE_NOOP("ReterrAliases", "Order of choice"),
    },
}

_SCORE = QT_TRANSLATE_NOOP("ReterrAliases", "Score: {dimension}")
_APL_OF = QT_TRANSLATE_NOOP("ReterrAliases", "APL — {service} ({codes})")
_APL = QT_TRANSLATE_NOOP("ReterrAliases", "Potential accessibility (APL)")
_WITH_UNIT = QT_TRANSLATE_NOOP("ReterrAliases", "{label} ({unit})")

_DIMENSION_FIELD = re.compile(r"dim_(?P<dim>[0-9a-z_]+)")
_TYPE_CODE = re.compile(r"[A-Za-z][0-9]{3}")


def _french(language: Optional[str]) -> str:
    return (language or ui_language()).lower()


def service_label(codes: list[str], language: Optional[str] = None) -> str:
    """Label of BPE facility types ("Médecin généraliste"), the latest vintage of each code;
    "" when a code is not in the BPE code table."""
    if not codes or not all(_TYPE_CODE.fullmatch(c) for c in codes):
        return ""
    try:
        from ..engine.services.bpe import load_code_table

        table = load_code_table()
    except Exception:  # no table: no service name, the generic label stays
        return ""
    fr = _french(language).startswith("fr")
    labels = []
    for code in codes:
        rows = [t for t in table.types if t.typequ == code.upper()]
        if not rows:
            return ""
        latest = rows[-1]  # the table's rows are sorted by code then vintage
        labels.append(latest.label_fr if fr else latest.label_en)
    return ", ".join(labels)


def _categories(parameters: Optional[Mapping[str, Any]]) -> list[str]:
    value = (parameters or {}).get("CATEGORIES")
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value]
    else:
        parts = re.split(r"[;,]", str(value or ""))
    out: list[str] = []
    for part in parts:
        code = part.strip().upper()
        if code and code not in out:
            out.append(code)
    return out


def _declared_dimensions(parameters: Optional[Mapping[str, Any]]) -> dict[str, str]:
    """``{dim_<slug>: dimension}`` of the dimensions named in a resilience index's DIMENSIONS
    parameter ("a:Santé & soins;b:Emploi"), the slug made as the algorithm makes its fields."""
    out: dict[str, str] = {}
    for pair in re.split(r"[;\n]", str((parameters or {}).get("DIMENSIONS") or "")):
        _field, sep, dim = pair.partition(":")
        dim = dim.strip()
        if sep and dim:
            slug = re.sub(r"[^0-9a-z]+", "_", dim.lower()).strip("_") or "x"
            out.setdefault("dim_" + slug, dim)
    return out


def field_alias(
    name: str,
    algorithm_id: str = "",
    parameters: Optional[Mapping[str, Any]] = None,
    language: Optional[str] = None,
) -> Optional[str]:
    """The alias of an output field written by ``algorithm_id`` (``reterr:<id>``) run with
    ``parameters``; None for a field ReTerr does not describe (an input field carried over)."""
    lang = _french(language)
    if name == "apl" and algorithm_id == "reterr:floating_catchment":
        codes = _categories(parameters)
        service = service_label(codes, lang)
        if service:
            return translate(CONTEXT, _APL_OF).format(service=service, codes=", ".join(codes))
        # The registry's label names GPs, the APL's usual service: not said when unknown.
        return translate(CONTEXT, _APL)
    specific = ALGORITHM_LABELS.get(algorithm_id, {}).get(name)
    if specific:
        return translate(CONTEXT, specific)
    indicator = get_indicator(name)
    if indicator is not None:
        label = indicator.label(lang)
        unit = indicator.unit
        if unit and unit not in label:
            return translate(CONTEXT, _WITH_UNIT).format(label=label, unit=unit)
        return label
    match = _DIMENSION_FIELD.fullmatch(name)
    if match is not None:
        dim = match.group("dim")
        if dim in DIMENSION_LABELS:
            text = dimension_label(dim, lang)
        else:
            text = _declared_dimensions(parameters).get(name) or dim.replace("_", " ")
        return translate(CONTEXT, _SCORE).format(dimension=text)
    general = FIELD_LABELS.get(name)
    return translate(CONTEXT, general) if general else None


def apl_service(algorithm_id: str, parameters: Optional[Mapping[str, Any]] = None) -> str:
    """The service an APL output measures ("Médecin généraliste (D265)"); "" when unknown."""
    if algorithm_id != "reterr:floating_catchment":
        return ""
    codes = _categories(parameters)
    service = service_label(codes)
    return f"{service} ({', '.join(codes)})" if service else ""


def apply_field_aliases(
    layer, algorithm_id: str = "", parameters: Optional[Mapping[str, Any]] = None
) -> int:
    """Give the fields of ``layer`` their aliases (:func:`field_alias`); a field that already has
    an alias keeps it. Returns how many aliases were set."""
    n = 0
    for i, field in enumerate(layer.fields()):
        if field.alias():
            continue
        alias = field_alias(field.name(), algorithm_id, parameters)
        if alias and alias != field.name():
            layer.setFieldAlias(i, alias)
            n += 1
    return n
