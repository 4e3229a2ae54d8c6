"""``reterr:import_flows`` — INSEE home–work (MOBPRO) and home–study (MOBSCO) flows as published,
streamed and summed to commune pairs (or to the zones of a zoning) for the communes of a study
area, into a table that conserves every person of the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from ...adapters import compat
from ...adapters.layers import engine_messages, read_columns
from ...engine.complementarity.flows import (
    LAYOUTS,
    CommuneFlows,
    aggregate_flows,
    read_flow_file,
    reliability,
)
from ...engine.core.errors import Canceled
from ...engine.core.lazy import lazy_module
from ...engine.supply.sirene import PLM_ARRONDISSEMENTS
from ..common.feedback import engine_guard, listing, progress_to, warn
from ..common.inputs import feature_source, layer_label
from ..common.outputs import fields_of, open_output
from .base import ComplementarityAlgorithm

sparse = lazy_module("scipy.sparse")

#: Codes of the rows that are not a commune or zone pair (the engine's outside kinds, in the
#: order of ``flows.OUTSIDE_KINDS``: abroad, missing, unknown), of the communes outside the
#: zoning (zone level), and of the residences that are not a known commune (origin).
ABROAD, NOT_GIVEN, UNKNOWN, OUTSIDE = "ETRANGER", "NONRENS", "INCONNU", "HORS"
KIND_CODES = (ABROAD, NOT_GIVEN, UNKNOWN)

#: Fields of the output table.
FIELDS = (
    ("orig", compat.FIELD_STRING),
    ("orig_nom", compat.FIELD_STRING),
    ("dest", compat.FIELD_STRING),
    ("dest_nom", compat.FIELD_STRING),
    ("flux", compat.FIELD_DOUBLE),
    ("fiable", compat.FIELD_INT),
)

#: Options of KEEP: which flows of the file are kept.
KEEP_EITHER, KEEP_ORIGIN, KEEP_DESTINATION, KEEP_BOTH = range(4)

_ARM_TO_CITY = {a: c for c, arrs in PLM_ARRONDISSEMENTS.items() for a in arrs}


@dataclass(eq=False)
class StudyArea:
    """The communes layer read: codes (as the flows name them), names, zones."""

    layer: str
    codes: list[str]
    names: dict[str, str]
    zones: dict[str, str] = field(default_factory=dict)
    zone_names: dict[str, str] = field(default_factory=dict)
    unzoned: list[str] = field(default_factory=list)


@dataclass
class Row:
    orig: Optional[str]
    orig_nom: Optional[str]
    dest: Optional[str]
    dest_nom: Optional[str]
    flux: float


class ImportFlows(ComplementarityAlgorithm):
    """Import INSEE commuting flows (MOBPRO, MOBSCO)."""

    ALG_ID = "import_flows"

    FILE = "FILE"
    COMMUNES = "COMMUNES"
    COMMUNE_CODE_FIELD = "COMMUNE_CODE_FIELD"
    COMMUNE_NAME_FIELD = "COMMUNE_NAME_FIELD"
    KEEP = "KEEP"
    ZONING_FIELD = "ZONING_FIELD"
    ZONING_NAME_FIELD = "ZONING_NAME_FIELD"
    MAP_ARRONDISSEMENTS = "MAP_ARRONDISSEMENTS"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Import INSEE commuting flows (MOBPRO, MOBSCO)")

    def help_text(self) -> str:
        return self.tr(
            "Who lives where and works (or studies) where: the home–work (MOBPRO) and home–study "
            "(MOBSCO) flows of the INSEE census, as INSEE publishes them, summed for the communes "
            "of your study area — per commune pair, or per pair of zones (EPCI, zones d'emploi…) "
            "when a zoning field is chosen. The table feeds 'Flow indicators and flow lines'.\n\n"
            "Files read (recognised from their header, ';'-separated): the detail files "
            "FD_MOBPRO_<year>.csv (one row per person of the census sample: residence COMMUNE and "
            "ARM, place of work DCLT, weight IPONDI) and FD_MOBSCO_<year>.csv (place of study "
            "DCETUF), and the aggregated 'base flux' files (CODGEO, LIBGEO, DCLT, L_DCLT, "
            "NBFLUX_C<yy>_ACTOCC15P for MOBPRO; DCETU, L_DCETU, NBFLUX_C<yy>_SCOL02P for "
            "MOBSCO), or an extract in the same layout. The file is streamed: a national detail "
            "file (8 million rows) takes a few seconds.\n\n"
            "Method. flux = the sum of the weights (IPONDI, or the NBFLUX values) of the rows of "
            "each pair: an estimate of the number of persons. Kept: the flows whose residence or "
            "place of work is one of the communes (default; or the residence only, the place of "
            "work only, or both). With a zoning field (e.g. siren_epci), communes are replaced by "
            "their zone, flows within a zone become internal flows (orig = dest), and the "
            "communes outside the zoning (outside the study area, or without a zone: named in "
            "the log) are grouped as HORS. The arrondissements of Paris, Lyon and Marseille are "
            "counted in their city (75056, 69123, 13055) by default, as in the commune layers of "
            "the COG.\n\n"
            "Nothing is dropped: a place of work that is not a French commune goes to a row of "
            "its origin with dest = ETRANGER (abroad: a country code 99…, or a foreign border "
            "commune), NONRENS (not given) or INCONNU (a code that is not a commune); the rows "
            "whose residence is not a commune are summed in one row orig = INCONNU; so the sum "
            "of flux equals the file's total weight minus the flows left out by the choice of "
            "communes, which the log checks.\n\n"
            "fiable: INSEE's reliability rule for census flows: 0 below 200 persons (to be used "
            "with caution: sampling), 1 from 200 to 500 (comparisons fragile), 2 above 500 "
            "(reliable).\n\n"
            "Output: a table (no geometry) orig, orig_nom, dest, dest_nom, flux, fiable, sorted "
            "by origin and destination."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFile(
                    self.FILE, self.tr("INSEE flow file (MOBPRO or MOBSCO, CSV)"), extension="csv"
                ),
                self.tr(
                    "FD_MOBPRO_<year>.csv or FD_MOBSCO_<year>.csv (detail), or the aggregated base "
                    "flux file, as downloaded from insee.fr, or an extract in the same layout."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.COMMUNES,
                    self.tr("Communes of the study area"),
                    [compat.TYPE_VECTOR_POLYGON],
                ),
                self.tr(
                    "The communes whose flows are kept; their names label the output, and one of "
                    "their fields may give the zoning."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.COMMUNE_CODE_FIELD,
                    self.tr("Commune code field"),
                    "code_insee",
                    self.COMMUNES,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("INSEE commune code (5 characters, e.g. 12202, 2A004)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.COMMUNE_NAME_FIELD,
                    self.tr("Commune name field"),
                    "nom",
                    self.COMMUNES,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr(
                    "Names written in orig_nom and dest_nom (absent: the aggregated files' own "
                    "labels, or none)."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.KEEP,
                    self.tr("Flows kept"),
                    options=[
                        self.tr("Residence or place of work in the communes"),
                        self.tr("Residence in the communes"),
                        self.tr("Place of work (or study) in the communes"),
                        self.tr("Both in the communes"),
                    ],
                    defaultValue=KEEP_EITHER,
                ),
                self.tr(
                    "Which flows of the file are kept. The default keeps every flow touching the "
                    "study area, so that out-commuters and in-commuters are both counted."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.ZONING_FIELD,
                    self.tr("Zoning field (aggregate the communes to zones)"),
                    None,
                    self.COMMUNES,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr(
                    "A field of the communes giving their zone (e.g. siren_epci, or a zone "
                    "d'emploi code): the flows are summed per pair of zones. Empty: commune "
                    "pairs."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.ZONING_NAME_FIELD,
                    self.tr("Zone name field"),
                    None,
                    self.COMMUNES,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("Name of each commune's zone (e.g. nom_epci), written in the output."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterBoolean(
                    self.MAP_ARRONDISSEMENTS,
                    self.tr("Count the arrondissements of Paris, Lyon and Marseille in their city"),
                    True,
                ),
                self.tr(
                    "On: 75101…75120 are counted in 75056, 69381…69389 in 69123, 13201…13216 in "
                    "13055, as the commune layers of the COG have one code per city. Off: the "
                    "arrondissements are kept (give a communes layer with arrondissements)."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Commuting flows"), compat.TYPE_VECTOR_ANY
                ),
                self.tr(
                    "One row per origin–destination pair: orig, orig_nom, dest, dest_nom, flux "
                    "(persons), fiable (INSEE reliability class). No geometry."
                ),
            )
        )

    # -- the communes --------------------------------------------------------------------------

    def _field(self, parameters, name, context, source, layer, *, required) -> str:
        value = self.parameterAsString(parameters, name, context)
        if not value:
            return ""
        if source.fields().lookupField(value) < 0:
            if not required:
                return ""
            raise QgsProcessingException(
                self.tr(
                    "The field '{field}' is not in layer '{layer}' (its fields: {fields}): choose "
                    "the field in the parameter '{param}'."
                ).format(
                    field=value,
                    layer=layer,
                    fields=listing(source.fields().names()),
                    param=self.parameterDefinition(name).description(),
                )
            )
        return value

    def _read_communes(self, parameters, context, feedback, map_arm: bool) -> StudyArea:
        source = feature_source(self, parameters, self.COMMUNES, context)
        layer = layer_label(self, parameters, self.COMMUNES, context, source)
        if not self.parameterAsString(parameters, self.COMMUNE_CODE_FIELD, context):
            parameters = {**parameters, self.COMMUNE_CODE_FIELD: "code_insee"}
        code_f = self._field(
            parameters, self.COMMUNE_CODE_FIELD, context, source, layer, required=True
        )
        name_f = self._field(
            parameters, self.COMMUNE_NAME_FIELD, context, source, layer, required=False
        )
        zone_f = self._field(parameters, self.ZONING_FIELD, context, source, layer, required=True)
        zname_f = self._field(
            parameters, self.ZONING_NAME_FIELD, context, source, layer, required=True
        )
        feedback.setProgressText(self.tr("Reading the communes…"))
        with engine_guard():
            cols = read_columns(
                source,
                text=[f for f in (code_f, name_f, zone_f, zname_f) if f],
                layer_name=layer,
                is_canceled=feedback.isCanceled,
            )
        if cols.canceled:
            raise Canceled()
        if len(cols) == 0:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' has no features.").format(layer=layer)
            )
        codes = cols.texts[code_f]
        no_code = [int(cols.fids[k]) for k, c in enumerate(codes) if c is None or not c.strip()]
        if no_code:
            warn(
                feedback,
                self.tr(
                    "{n} communes of '{layer}' have no code and are ignored (fid {fids})."
                ).format(n=len(no_code), layer=layer, fids=listing(no_code, 10)),
            )
        area = StudyArea(layer, [], {})
        bad: list[str] = []
        for k, raw in enumerate(codes):
            if raw is None or not raw.strip():
                continue
            code = raw.strip().upper()
            if len(code) != 5 or not code.isalnum():
                bad.append(raw)
                continue
            if map_arm:
                code = _ARM_TO_CITY.get(code, code)
            if code not in area.names:
                area.codes.append(code)
                name = cols.texts[name_f][k] if name_f else None
                area.names[code] = name.strip() if name and name.strip() else None
            if zone_f:
                zone = cols.texts[zone_f][k]
                zone = zone.strip() if zone else ""
                if not zone:
                    area.unzoned.append(code)
                    continue
                previous = area.zones.setdefault(code, zone)
                if previous != zone:
                    raise QgsProcessingException(
                        self.tr(
                            "Commune {code} of '{layer}' has two zones in '{field}': {a} and {b}. "
                            "Give each commune one zone."
                        ).format(code=code, layer=layer, field=zone_f, a=previous, b=zone)
                    )
                if zname_f and zone not in area.zone_names:
                    zname = cols.texts[zname_f][k]
                    if zname and zname.strip():
                        area.zone_names[zone] = zname.strip()
        if bad:
            raise QgsProcessingException(
                self.tr(
                    "{n} codes of the field '{field}' of '{layer}' are not INSEE commune codes (5 "
                    "letters or digits, e.g. 12202, 2A004): {codes}. Choose the field holding the "
                    "commune codes."
                ).format(n=len(bad), field=code_f, layer=layer, codes=listing(bad, 10))
            )
        if not area.codes:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' has no commune code to keep flows for.").format(
                    layer=layer
                )
            )
        area.unzoned = sorted(set(area.unzoned) - set(area.zones))
        return area

    # -- run -------------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.FILE, context)
        keep = self.parameterAsEnum(parameters, self.KEEP, context)
        map_arm = self.parameterAsBoolean(parameters, self.MAP_ARRONDISSEMENTS, context)
        area = self._read_communes(parameters, context, feedback, map_arm)
        zoning = bool(self.parameterAsString(parameters, self.ZONING_FIELD, context))
        feedback.setProgress(5)

        feedback.setProgressText(self.tr("Reading {path}…").format(path=path))
        with engine_guard():
            flows = read_flow_file(
                path,
                communes=area.codes,
                map_arrondissements=map_arm,
                progress=progress_to(feedback, 5, 80),
                is_canceled=feedback.isCanceled,
            )
        report = flows.report
        for text in engine_messages(report.warnings):
            warn(feedback, text)
        in_area = np.isin(flows.codes, np.asarray(area.codes, dtype=str))
        flows, dropped, unusable_dropped = restrict(flows, in_area, keep)
        unusable = 0.0 if unusable_dropped else report.origin_unusable_weight
        left_out = (
            report.filtered_weight
            + dropped
            + (report.origin_unusable_weight if unusable_dropped else 0.0)
        )
        if feedback.isCanceled():
            raise Canceled()

        feedback.setProgressText(self.tr("Summing the flows…"))
        labels = {
            ABROAD: self.tr("abroad"),
            NOT_GIVEN: self.tr("place not given"),
            UNKNOWN: self.tr("code that is not a commune"),
            OUTSIDE: self.tr("communes outside the zoning"),
        }
        if zoning:
            rows = self._zone_rows(flows, area, labels, feedback)
        else:
            names = dict(area.names)
            others = [c for c in flows.codes.tolist() if c not in names]
            if others and report.layout.endswith("_flux"):
                names.update(
                    file_labels(
                        path,
                        report.columns,
                        report.origin_column,
                        report.destination_column,
                        others,
                        feedback.isCanceled,
                    )
                )
            rows = commune_rows(flows, names, labels)
        if unusable > 0:
            rows.append(
                Row(UNKNOWN, self.tr("residence that is not a known commune"), None, None, unusable)
            )

        fields = fields_of(FIELDS)
        source = feature_source(self, parameters, self.COMMUNES, context)
        out = open_output(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            fields,
            compat.WKB_NO_GEOMETRY,
            source.sourceCrs(),
            total=len(rows),
            progress_span=(85, 99),
        )
        fiable = reliability([r.flux for r in rows]) if rows else np.zeros(0, dtype=np.int8)
        with out:
            for k, r in enumerate(rows):
                feat = QgsFeature(fields)
                feat.setAttributes(
                    [r.orig, r.orig_nom, r.dest, r.dest_nom, float(r.flux), int(fiable[k])]
                )
                out.add(feat, lambda r=r: f"{r.orig} → {r.dest}")

        # -- the log
        kept = float(sum(r.flux for r in rows))
        out_kept = flows.outside.sum(axis=0)
        feedback.pushInfo(
            self.tr(
                "{rows} rows read from {path} ({layout}), total weight {total} persons; "
                "{malformed} malformed rows skipped."
            ).format(
                rows=report.rows_read,
                path=path,
                layout=LAYOUTS.get(report.layout, {}).get("label", report.layout),
                total=_fmt(report.total_weight),
                malformed=report.malformed,
            )
        )
        feedback.pushInfo(
            self.tr(
                "Kept: {kept} persons in {n} rows ({units}); left out by the choice of "
                "communes: {left}. Weight outside French communes kept: {outside} (abroad "
                "{abroad}, not given {missing}, unknown code {unknown}); residences that are not "
                "a commune: {unusable}."
            ).format(
                kept=_fmt(kept),
                n=len(rows),
                units=self.tr("zone pairs") if zoning else self.tr("commune pairs"),
                left=_fmt(left_out),
                outside=_fmt(float(out_kept.sum())),
                abroad=_fmt(float(out_kept[0])),
                missing=_fmt(float(out_kept[1])),
                unknown=_fmt(float(out_kept[2])),
                unusable=_fmt(unusable),
            )
        )
        expected = report.total_weight - left_out
        if abs(kept - expected) > 1e-6 * max(1.0, report.total_weight):
            warn(
                feedback,
                self.tr(
                    "Check failed: the table sums to {kept} persons, the file to {total} minus "
                    "{left} left out. Please report this file."
                ).format(kept=kept, total=report.total_weight, left=left_out),
            )
        else:
            feedback.pushInfo(
                self.tr(
                    "Check: the table's {kept} persons = the file's {total} − {left} left out."
                ).format(kept=_fmt(kept), total=_fmt(report.total_weight), left=_fmt(left_out))
            )
        absent = [c for c in area.codes if c not in set(flows.codes[flows_touching(flows)])]
        if absent:
            feedback.pushInfo(
                self.tr("{n} communes of '{layer}' have no flow in the file: {codes}.").format(
                    n=len(absent), layer=area.layer, codes=listing(absent, 20)
                )
            )
        out.finalize(
            "",
            self.tr("Commuting flows"),
            self.tr(
                "Flows of '{path}' summed per {units} for the communes of '{layer}' (flux: "
                "persons; fiable: INSEE reliability class)."
            ).format(
                path=path,
                units=self.tr("pair of zones") if zoning else self.tr("commune pair"),
                layer=area.layer,
            ),
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest_id}

    def _zone_rows(self, flows: CommuneFlows, area: StudyArea, labels, feedback) -> list[Row]:
        zoned = [c for c in area.codes if c in area.zones]
        if not zoned:
            raise QgsProcessingException(
                self.tr(
                    "No commune of '{layer}' has a zone in the zoning field: choose another "
                    "field, or leave it empty for commune pairs."
                ).format(layer=area.layer)
            )
        if area.unzoned:
            warn(
                feedback,
                self.tr(
                    "{n} communes of '{layer}' have no zone: their flows are counted as "
                    "{outside}: {codes}."
                ).format(
                    n=len(area.unzoned),
                    layer=area.layer,
                    outside=OUTSIDE,
                    codes=listing(area.unzoned),
                ),
            )
        with engine_guard():
            zf = aggregate_flows(flows, zoned, [area.zones[c] for c in zoned])
        in_zoning = np.isin(flows.codes, np.asarray(zoned, dtype=str))
        n_out = int(np.count_nonzero(~in_zoning)) - len(
            set(area.unzoned) & set(flows.codes.tolist())
        )
        if n_out > 0:
            feedback.pushInfo(
                self.tr(
                    "{n} communes outside '{layer}' exchange flows with it: grouped as {outside}."
                ).format(n=n_out, layer=area.layer, outside=OUTSIDE)
            )
        zones = zf.zones.tolist()

        def zname(z: str) -> Optional[str]:
            return area.zone_names.get(z)

        rows: list[Row] = []
        m = zf.matrix.tocsr()
        for i, z in enumerate(zones):
            start, stop = m.indptr[i], m.indptr[i + 1]
            order = np.argsort(np.asarray(zones, dtype=str)[m.indices[start:stop]], kind="stable")
            for j, v in zip(m.indices[start:stop][order], m.data[start:stop][order]):
                if v > 0:
                    rows.append(Row(z, zname(z), zones[j], zname(zones[j]), float(v)))
            if zf.to_unzoned[i] > 0:
                rows.append(Row(z, zname(z), OUTSIDE, labels[OUTSIDE], float(zf.to_unzoned[i])))
            for k, code in enumerate(KIND_CODES):
                if zf.outside[i, k] > 0:
                    rows.append(Row(z, zname(z), code, labels[code], float(zf.outside[i, k])))
        for i, z in enumerate(zones):
            if zf.from_unzoned[i] > 0:
                rows.append(Row(OUTSIDE, labels[OUTSIDE], z, zname(z), float(zf.from_unzoned[i])))
        if zf.unzoned_internal > 0:
            rows.append(
                Row(OUTSIDE, labels[OUTSIDE], OUTSIDE, labels[OUTSIDE], float(zf.unzoned_internal))
            )
        rest = flows.outside[~in_zoning].sum(axis=0) if len(flows) else np.zeros(3)
        for k, code in enumerate(KIND_CODES):
            if rest[k] > 0:
                rows.append(Row(OUTSIDE, labels[OUTSIDE], code, labels[code], float(rest[k])))
        return rows


# -- helpers (no QGIS) ---------------------------------------------------------------------------


def _fmt(x: float) -> str:
    return f"{x:,.1f}".replace(",", " ")


def restrict(
    flows: CommuneFlows, in_area: np.ndarray, keep: int
) -> tuple[CommuneFlows, float, bool]:
    """The flows kept by rule ``keep`` (``KEEP_*``), the weight of the pairs and outside flows
    left out, and whether the residences that are not communes are left out too.

    ``flows`` were read with the study area as filter, i.e. with the residence or the
    destination in it (:data:`KEEP_EITHER`); the other rules narrow that down. The rows whose
    residence is not a commune were kept by the engine because their destination is in the
    area: they stay for the destination rule, and go for the origin and both rules.
    """
    if keep == KEEP_EITHER:
        return flows, 0.0, False
    coo = flows.matrix.tocoo()
    if keep == KEEP_ORIGIN:
        sel = in_area[coo.row]
        out_sel = in_area
    elif keep == KEEP_DESTINATION:
        sel = in_area[coo.col]
        out_sel = np.zeros(len(flows), dtype=bool)
    else:
        sel = in_area[coo.row] & in_area[coo.col]
        out_sel = np.zeros(len(flows), dtype=bool)
    dropped = float(coo.data[~sel].sum() + flows.outside[~out_sel].sum())
    matrix = sparse.csr_matrix(
        (coo.data[sel], (coo.row[sel], coo.col[sel])), shape=flows.matrix.shape
    )
    outside = flows.outside * out_sel[:, None]
    return (
        CommuneFlows(flows.codes, matrix, outside, flows.report),
        dropped,
        keep in (KEEP_ORIGIN, KEEP_BOTH),
    )


def flows_touching(flows: CommuneFlows) -> np.ndarray:
    """Mask of the communes with any flow (as origin, destination or with outside flows)."""
    m = flows.matrix
    if len(flows) == 0:
        return np.zeros(0, dtype=bool)
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel()
    return (row + col + flows.outside.sum(axis=1)) > 0


def commune_rows(flows: CommuneFlows, names: dict, labels: dict) -> list[Row]:
    """Commune-level rows: the pairs (origin, then destination, in code order), each origin's
    outside rows after its pairs."""
    codes = flows.codes.tolist()
    m = flows.matrix.tocsr()
    m.sort_indices()  # codes are sorted: column order is destination code order
    rows: list[Row] = []
    for i, c in enumerate(codes):
        start, stop = m.indptr[i], m.indptr[i + 1]
        for j, v in zip(m.indices[start:stop], m.data[start:stop]):
            if v > 0:
                rows.append(Row(c, names.get(c), codes[j], names.get(codes[j]), float(v)))
        for k, code in enumerate(KIND_CODES):
            if flows.outside[i, k] > 0:
                rows.append(Row(c, names.get(c), code, labels[code], float(flows.outside[i, k])))
    return rows


def file_labels(
    path: str,
    columns: list[str],
    origin_column: str,
    destination_column: str,
    wanted,
    is_canceled=None,
) -> dict[str, str]:
    """Names of the communes ``wanted`` as an aggregated flow file labels them (LIBGEO for the
    residence, L_<destination column> for the destination), or {} for the detail files."""
    upper = [c.strip().upper() for c in columns]
    pairs = []
    for code_col, label_col in (
        (origin_column, "LIBGEO"),
        (destination_column, "L_" + destination_column),
    ):
        if code_col.upper() in upper and label_col.upper() in upper:
            pairs.append((upper.index(code_col.upper()), upper.index(label_col.upper())))
    left = set(wanted)
    found: dict[str, str] = {}
    if not pairs or not left:
        return found
    with open(path, "rb") as fh:
        header = fh.readline()
        sep = b";" if b";" in header else b","
        for n, raw in enumerate(fh):
            if is_canceled is not None and n % 50_000 == 0 and is_canceled():
                raise Canceled()
            parts = raw.rstrip(b"\r\n").replace(b'"', b"").split(sep)
            for ci, li in pairs:
                if li >= len(parts) or ci >= len(parts):
                    continue
                code = parts[ci].decode("latin-1").strip().upper()
                if code in left:
                    try:
                        label = parts[li].decode("utf-8")
                    except UnicodeDecodeError:
                        label = parts[li].decode("latin-1")
                    if label.strip():
                        found[code] = label.strip()
                        left.discard(code)
            if not left:
                break
    return found
