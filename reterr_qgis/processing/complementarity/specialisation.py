"""``reterr:specialisation`` — per territory: location quotients, Krugman and Hoover
specialisation, HHI, Shannon, Hachman, related and unrelated variety of its jobs (or
establishments) over the NAF sectors, against the study area or a reference table.

Input design: ONE ``ESTABLISHMENTS`` parameter that takes either a point layer (the output of
``reterr:import_sirene``: each point counts in the territory containing it, or the territory of
its commune when it lies outside every polygon — the reader of ``processing/supply/establishments``)
or a table without geometry (a CSV of counts per territory code and sector, each row counted in
the territory whose code it names). One parameter rather than two exclusive ones: the model
designer and ``qgis_process`` take either kind of layer in the same slot, and the same three
fields (territory or commune code, NAF code, count) describe both.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
)

from ...adapters import compat
from ...adapters.i18n import ui_language
from ...adapters.layers import engine_messages, read_features
from ...engine.complementarity.naf import NafTable, canonical_level, load_naf, map_naf
from ...engine.complementarity.specialisation import sector_counts, specialisation_indices
from ...engine.core.errors import Canceled
from ..common.feedback import engine_guard, listing, progress_to, warn
from ..common.inputs import feature_source, layer_label
from ..common.outputs import cell, open_output, write_units
from ..common.params import ParseError, to_number
from ..supply.establishments import (
    ESTABLISHMENTS,
    add_territory_parameters,
    assign_points,
    commune_territory,
    field_parameter,
    read_establishments,
    read_territories,
)
from .base import ComplementarityAlgorithm

#: NAF levels of the NAF_LEVEL and GROUP_LEVEL options, finest first (engine names).
LEVELS: tuple[str, ...] = (
    "sous_classe",
    "classe",
    "groupe",
    "A129",
    "division",
    "A64",
    "A38",
    "section",
    "A17",
    "A10",
)
#: Default sector level: the NAF division (88 positions, = A88).
DEFAULT_LEVEL = LEVELS.index("division")


def automatic_group_level(level: str) -> str | None:
    """The sector groups of related / unrelated variety for ``level`` (Frenken, Van Oort &
    Verburg 2007 group sous-classes by division): the division for the levels finer than it, the
    section for the division, A64 and A38, A10 for the section and A17, none for A10."""
    lv = canonical_level(level)
    if lv in ("sous_classe", "classe", "groupe", "A129"):
        return "division"
    if lv in ("division", "A88", "A64", "A38"):
        return "section"
    if lv in ("section", "A17"):
        return "A10"
    return None


def _geometry_kind(source) -> str:
    """ "none" for a table without geometry, else "geometry"."""
    wkb = source.wkbType()
    no_geom = {compat.WKB_NO_GEOMETRY, compat.WKB_UNKNOWN}
    return "none" if wkb in no_geom else "geometry"


class Specialisation(ComplementarityAlgorithm):
    """Specialisation and diversity of the economy."""

    ALG_ID = "specialisation"

    TERRITORY_FIELD = "TERRITORY_FIELD"
    NAF_FIELD = "NAF_FIELD"
    WEIGHT = "WEIGHT"
    COUNT_FIELD = "COUNT_FIELD"
    NAF_LEVEL = "NAF_LEVEL"
    GROUP_LEVEL = "GROUP_LEVEL"
    REFERENCE = "REFERENCE"
    OUTPUT = "OUTPUT"
    SECTORS = "SECTORS"

    def title(self) -> str:
        return self.tr("Specialisation and diversity of the economy")

    def help_text(self) -> str:
        return self.tr(
            "Is each territory's economy diverse, or does it depend on a few sectors? From jobs "
            "(or establishments) by NAF sector: location quotients, specialisation and "
            "diversity indices, related and unrelated variety, and the most over-represented "
            "sector of each territory.\n\n"
            "Input: the SIRENE establishments (points, e.g. the output of 'Import SIRENE "
            "establishments': fields commune, naf, emplois), each counted in the territory "
            "containing it (a point outside every territory: in the territory whose code is its "
            "commune, or that holds the other establishments of its commune); or a table "
            "without geometry with a territory code, a NAF code and a count per row (rows "
            "whose code is not a territory code are listed and left out). NAF codes of any "
            "level and spelling (10.71C, 1071C, 10.71, 10, C, or a code of an INSEE "
            "aggregation level) are brought to the chosen level; codes that are not NAF rév. 2 "
            "(NAF rév. 1, typos) or are too coarse for it are listed with the jobs they carry "
            "and left out. Weight: the count field (jobs, default emplois) or the number of "
            "establishments (each feature counts 1).\n\n"
            "Method (METHODS §3.1; EconGeo; Frenken, Van Oort & Verburg 2007). With e_ij the "
            "count of sector i in territory j, s_ij = e_ij / e_j its share and R_i the "
            "reference share of sector i: LQ_ij = s_ij / R_i (> 1.25 is often read as "
            "specialised); krugman = Σ_i |s_ij − R_i| (0 = the reference structure, 2 = "
            "nothing in common); hoover = krugman / 2; hhi = Σ_i s_ij², hhi_n = (hhi − 1/N) / "
            "(1 − 1/N); shannon = −Σ_i s_ij ln s_ij (natural logarithm), shannon_n = shannon / "
            "ln N, with N the number of positions of the level in the NAF (88 divisions by "
            "default; 732 sous-classes, 38 for A38…); hachman = 1 / Σ_i s_ij LQ_ij (1 = the "
            "reference structure). Related and unrelated variety: with the sectors grouped "
            "(default: sous-classes, classes and groups by division, divisions by section; "
            "the group level parameter), P_g the share of group g, var_unrel = −Σ_g P_g ln P_g "
            "(entropy between groups: spreads the risk of a shock over unrelated activities) and "
            "var_rel = Σ_g P_g H_g, H_g the entropy of the sectors within g (related variety: "
            "knowledge spill-overs); shannon = var_unrel + var_rel exactly.\n\n"
            "Reference: the study area by default (R_i = Σ_j e_ij / Σ_ij e_ij: the indices then "
            "say how each territory differs from the whole of the layer); or a reference table "
            "(CSV, ';', first column a NAF code, second a share or a count, e.g. national jobs "
            "by sector from INSEE), brought to the chosen level. A sector present in a "
            "territory but absent from the reference has no LQ (NULL).\n\n"
            "Outputs. Territories: total (jobs or establishments counted), krugman, hoover, "
            "hhi, hhi_n, shannon, shannon_n, hachman, var_rel, var_unrel, n_secteurs (sectors "
            "present), sect_spe, lib_spe, lq_spe, pct_spe (main specialisation: the sector "
            "whose share most exceeds its reference share, s_ij − R_i, i.e. that holds the most "
            "jobs above what the reference structure would give; its label, LQ and share of the "
            "territory in %; rather than the highest LQ, which a single small establishment of a "
            "rare sector can give). Territories without any count get "
            "NULL indices and are named. Optional table: one row per territory and sector "
            "present, with the count, the share (%), the reference share (%) and the LQ."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        add_territory_parameters(self)
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    ESTABLISHMENTS,
                    self.tr("Establishments (points) or table of counts by territory and sector"),
                    [compat.TYPE_VECTOR_OR_TABLE],
                ),
                self.tr(
                    "Points (e.g. the output of 'Import SIRENE establishments'), counted in the "
                    "territory containing them; or a table without geometry (e.g. a CSV) with a "
                    "territory code, a NAF code and a count per row."
                ),
            )
        )
        field_parameter(
            self,
            self.TERRITORY_FIELD,
            self.tr("Commune or territory code field"),
            "commune",
            ESTABLISHMENTS,
            self.tr(
                "Points: the commune code of each establishment, which places the points "
                "lying outside every territory (optional). Table: the territory code of each "
                "row, as in the territory code field (required)."
            ),
        )
        field_parameter(
            self,
            self.NAF_FIELD,
            self.tr("NAF code field"),
            "naf",
            ESTABLISHMENTS,
            self.tr("NAF rév. 2 code of each row, at any level ('10.71C', '1071C', '10', 'C')."),
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.WEIGHT,
                    self.tr("Weight"),
                    options=[
                        self.tr("Jobs (the count field)"),
                        self.tr("Number of establishments (each feature counts 1)"),
                    ],
                    defaultValue=0,
                ),
                self.tr(
                    "What is counted per sector: the value of the count field (jobs, from the "
                    "SIRENE size class), or one per establishment."
                ),
            )
        )
        field_parameter(
            self,
            self.COUNT_FIELD,
            self.tr("Count field (jobs)"),
            "emplois",
            ESTABLISHMENTS,
            self.tr(
                "Jobs (or any count ≥ 0) of each row, read when the weight is the count field."
            ),
            numeric=True,
        )
        level_options = [
            self.tr("NAF sous-classe (A732)"),
            self.tr("NAF classe (A615)"),
            self.tr("NAF groupe (A272)"),
            self.tr("INSEE A129"),
            self.tr("NAF division (A88)"),
            self.tr("INSEE A64"),
            self.tr("INSEE A38"),
            self.tr("NAF section (A21)"),
            self.tr("INSEE A17"),
            self.tr("INSEE A10"),
        ]
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.NAF_LEVEL,
                    self.tr("Sector level"),
                    options=level_options,
                    defaultValue=DEFAULT_LEVEL,
                ),
                self.tr(
                    "Level of the NAF rév. 2 or of INSEE's aggregation levels at which sectors "
                    "are told apart (N of the normalised indices = its number of positions). "
                    "Division by default; A38 reads well on a map of location quotients."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.GROUP_LEVEL,
                    self.tr("Sector groups of related and unrelated variety"),
                    options=[self.tr("Automatic (next level of the NAF hierarchy)")]
                    + level_options,
                    defaultValue=0,
                ),
                self.tr(
                    "Groups of sectors: variety between groups is unrelated, within them "
                    "related. Automatic: divisions for finer levels (Frenken et al.), sections "
                    "for divisions, A64 and A38, A10 for sections and A17. Must be coarser than "
                    "the sector level."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFile(
                    self.REFERENCE,
                    self.tr("Reference structure (CSV: NAF code; share or count)"),
                    extension="csv",
                    optional=True,
                ),
                self.tr(
                    "Shares or counts of the reference economy per NAF code (e.g. France's jobs "
                    "by division), ';'-separated, an optional header line. Empty: the study area "
                    "(all the territories together)."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Specialisation and diversity"), compat.TYPE_VECTOR_POLYGON
                ),
                self.tr("The territories with the specialisation and diversity indices."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.SECTORS,
                    self.tr("Sectors by territory (table)"),
                    compat.TYPE_VECTOR_ANY,
                    optional=True,
                    createByDefault=False,
                ),
                self.tr(
                    "One row per territory and sector present: count, share (%), reference "
                    "share (%) and location quotient."
                ),
            )
        )

    # -- run -------------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        level = LEVELS[self.parameterAsEnum(parameters, self.NAF_LEVEL, context)]
        group_choice = self.parameterAsEnum(parameters, self.GROUP_LEVEL, context)
        by_count = self.parameterAsEnum(parameters, self.WEIGHT, context) == 0
        tab = load_naf()
        group_level = (
            automatic_group_level(level) if group_choice == 0 else LEVELS[group_choice - 1]
        )
        groups = self._groups(tab, level, group_level)

        territories = read_territories(self, parameters, context, feedback)
        n_terr = len(territories)
        terr, naf, counts, rows_table, rows_name = self._rows(
            parameters, context, feedback, territories, by_count
        )
        if feedback.isCanceled():
            raise Canceled()

        feedback.setProgressText(self.tr("Counting per territory and sector…"))
        with engine_guard(rows_table, rows_name):
            counted = sector_counts(terr, naf, counts, n_terr, level, table=tab)
        for msg in engine_messages(counted.warnings):
            warn(feedback, msg)
        sectors = counted.sectors
        reference = None
        ref_path = self.parameterAsFile(parameters, self.REFERENCE, context)
        if ref_path:
            reference = self._reference(ref_path, level, tab, sectors, feedback)
        if not counted.matrix.nnz:
            raise QgsProcessingException(
                self.tr(
                    "No job or establishment of layer '{layer}' could be counted in a territory "
                    "and a sector: check the NAF code field ('{naf}'), the count field and that "
                    "the establishments lie in the territories."
                ).format(
                    layer=rows_name,
                    naf=self.parameterAsString(parameters, self.NAF_FIELD, context) or "naf",
                )
            )

        feedback.setProgressText(self.tr("Computing the indices…"))
        labels = [territories.label(k) for k in range(n_terr)]
        with engine_guard(territories.table, territories.name):
            result = specialisation_indices(
                counted.matrix,
                reference=reference,
                groups=groups,
                names=labels,
                sectors=sectors.tolist(),
                progress=progress_to(feedback, 40, 60),
                is_canceled=feedback.isCanceled,
            )
        for msg in engine_messages(result.warnings):
            warn(feedback, msg)
        feedback.setProgress(60)

        lang = ui_language()
        top, top_lq, top_share = self._top_sectors(result, counted.matrix)
        top_code = np.array([sectors[t] if t >= 0 else None for t in top], dtype=object)
        top_label = np.array(
            [naf_label(tab, level, sectors[t], lang) if t >= 0 else None for t in top],
            dtype=object,
        )
        columns = [
            ("total", compat.FIELD_DOUBLE, result.total),
            ("krugman", compat.FIELD_DOUBLE, result.krugman),
            ("hoover", compat.FIELD_DOUBLE, result.hoover),
            ("hhi", compat.FIELD_DOUBLE, result.hhi),
            ("hhi_n", compat.FIELD_DOUBLE, result.hhi_normalised),
            ("shannon", compat.FIELD_DOUBLE, result.shannon),
            ("shannon_n", compat.FIELD_DOUBLE, result.shannon_normalised),
            ("hachman", compat.FIELD_DOUBLE, result.hachman),
            ("var_rel", compat.FIELD_DOUBLE, result.related_variety),
            ("var_unrel", compat.FIELD_DOUBLE, result.unrelated_variety),
            ("n_secteurs", compat.FIELD_INT, result.n_sectors_present),
            ("sect_spe", compat.FIELD_STRING, top_code),
            ("lib_spe", compat.FIELD_STRING, top_label),
            ("lq_spe", compat.FIELD_DOUBLE, top_lq),
            ("pct_spe", compat.FIELD_DOUBLE, 100.0 * top_share),
        ]
        out = write_units(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            territories.source,
            territories.table,
            columns,
            progress_span=(60, 85),
        )
        ref_text = (
            self.tr("the reference table {path}").format(path=Path(ref_path).name)
            if ref_path
            else self.tr("the study area")
        )
        out.finalize(
            "shannon_n",
            self.tr("Specialisation and diversity"),
            self.tr(
                "Per territory of '{layer}': location quotients against {reference}, Krugman, "
                "Hoover, HHI, Shannon, Hachman, related and unrelated variety over the NAF "
                "sectors (level {level}, groups {groups}), from '{est}'."
            ).format(
                layer=territories.name,
                reference=ref_text,
                level=level,
                groups=group_level or "-",
                est=rows_name,
            ),
        )
        results = {self.OUTPUT: out.dest_id}
        table_id = self._write_sectors(
            parameters, context, feedback, territories, result, counted.matrix, sectors, tab, level
        )
        if table_id is not None:
            results[self.SECTORS] = table_id
        done = np.isfinite(result.shannon_normalised)
        if done.any():
            feedback.pushInfo(
                self.tr(
                    "{n} territories, {total} counted in {s} sectors (level {level}); normalised "
                    "Shannon from {lo} to {hi}, median {med}."
                ).format(
                    n=int(done.sum()),
                    total=f"{counted.matrix.sum():.0f}",
                    s=int((np.asarray(counted.matrix.sum(axis=0)).ravel() > 0).sum()),
                    level=level,
                    lo=f"{np.nanmin(result.shannon_normalised):.2f}",
                    hi=f"{np.nanmax(result.shannon_normalised):.2f}",
                    med=f"{np.nanmedian(result.shannon_normalised):.2f}",
                )
            )
        feedback.setProgress(100)
        return results

    # -- inputs ----------------------------------------------------------------------------------

    def _groups(self, tab: NafTable, level: str, group_level):
        if group_level is None:
            return None
        if LEVELS.index(group_level) <= LEVELS.index(level):
            raise QgsProcessingException(
                self.tr(
                    "The sector groups ({groups}) must be a coarser level than the sectors "
                    "({level}): choose a coarser group level, or 'Automatic'."
                ).format(groups=group_level, level=level)
            )
        with engine_guard():
            return tab.aggregate(level, group_level)[1]

    def _field(self, parameters, name, context, source, layer, required: bool, default: str):
        """The field of parameter ``name`` (or ``default``) when in the layer; else an error
        when ``required``, ``""`` otherwise."""
        field = self.parameterAsString(parameters, name, context) or default
        if source.fields().lookupField(field) >= 0:
            return field
        if not required:
            return ""
        raise QgsProcessingException(
            self.tr(
                "The field '{field}' is not in layer '{layer}' (its fields: {fields}): choose "
                "the field holding it in the parameter '{param}'."
            ).format(
                field=field,
                layer=layer,
                fields=listing(source.fields().names()),
                param=self.parameterDefinition(name).description(),
            )
        )

    def _rows(self, parameters, context, feedback, territories, by_count):
        """``(territory index, NAF code, count, table, layer name)`` of every row."""
        source = feature_source(self, parameters, ESTABLISHMENTS, context)
        name = layer_label(self, parameters, ESTABLISHMENTS, context, source)
        is_table = _geometry_kind(source) == "none"
        naf_field = self._field(parameters, self.NAF_FIELD, context, source, name, True, "naf")
        count_field = (
            self._field(parameters, self.COUNT_FIELD, context, source, name, True, "emplois")
            if by_count
            else ""
        )
        code_field = self._field(
            parameters, self.TERRITORY_FIELD, context, source, name, is_table, "commune"
        )
        numeric = {"jobs": count_field} if count_field else {}
        text = {"naf": naf_field}
        if code_field:
            text["commune"] = code_field
        if is_table:
            feedback.setProgressText(self.tr("Reading the table of counts…"))
            table = read_features(
                source,
                numeric=numeric,
                text=text,
                with_geometry=False,
                layer_name=name,
                feedback=feedback,
                progress_span=(10, 30),
            )
            if feedback.isCanceled():
                raise Canceled()
            if len(table) == 0:
                raise QgsProcessingException(
                    self.tr("Layer '{layer}' has no rows.").format(layer=name)
                )
            codes = _texts(table.texts["commune"])
            index = {c: k for k, c in enumerate(territories.codes) if c}
            terr = np.array([index.get(c, -1) for c in codes.tolist()], dtype=np.int64)
            if not (terr >= 0).any():
                raise QgsProcessingException(
                    self.tr(
                        "No code of field '{field}' of '{layer}' (e.g. {examples}) is a code of "
                        "the territories (field '{code}', e.g. {codes}): give the territory code "
                        "of each row, as in the territories layer."
                    ).format(
                        field=code_field,
                        layer=name,
                        examples=listing(sorted(set(codes.tolist()))[:5]),
                        code=territories.code_field,
                        codes=listing(territories.codes[:5]),
                    )
                )
            unknown = sorted({c for c, t in zip(codes.tolist(), terr.tolist()) if t < 0})
            if unknown:
                warn(
                    feedback,
                    self.tr(
                        "{n} rows of '{layer}' name a territory code that is not in the "
                        "territories ({codes}): they are left out."
                    ).format(n=int((terr < 0).sum()), layer=name, codes=listing(unknown)),
                )
        else:
            est = read_establishments(
                self,
                parameters,
                context,
                feedback,
                territories,
                required={},
                numeric=numeric,
                text=text,
            )
            table, name = est.table, est.name
            terr = self._assign(territories, est, feedback)
        naf = _texts(table.texts["naf"])
        if count_field:
            counts = table.numbers["jobs"].copy()
            missing = np.flatnonzero(~np.isfinite(counts) & (terr >= 0))
            if missing.size:
                warn(
                    feedback,
                    self.tr(
                        "{n} features of '{layer}' have no count in field '{field}': they are "
                        "left out: {features}."
                    ).format(
                        n=missing.size,
                        layer=name,
                        field=count_field,
                        features=table.describe(missing),
                    ),
                )
            counts[~np.isfinite(counts)] = 0.0
        else:
            counts = np.ones(len(table))
        return terr, naf, counts, table, name

    def _assign(self, territories, est, feedback) -> np.ndarray:
        """Territory of each point: the one containing it, else that of its commune."""
        terr, ambiguous = assign_points(territories, est.xy)
        if ambiguous.size:
            warn(
                feedback,
                self.tr(
                    "{n} establishments lie in several overlapping territories; each counts in "
                    "the first one only: {features}."
                ).format(n=ambiguous.size, features=est.table.describe(ambiguous)),
            )
        commune = est.text("commune")
        outside = np.flatnonzero(terr < 0)
        if outside.size and commune is not None:
            mapping = commune_territory(territories, commune, terr)
            terr[outside] = [mapping.get(c, -1) for c in commune[outside].tolist()]
            placed = int((terr[outside] >= 0).sum())
            if placed:
                feedback.pushInfo(
                    self.tr(
                        "{n} establishments outside every territory polygon were counted in the "
                        "territory of their commune."
                    ).format(n=placed)
                )
        outside = np.flatnonzero(terr < 0)
        if outside.size:
            warn(
                feedback,
                self.tr(
                    "{n} establishments lie outside every territory (and their commune is none "
                    "of them): they are not counted: {features}."
                ).format(n=outside.size, features=est.table.describe(outside)),
            )
        return terr

    def _reference(self, path, level, tab, sectors, feedback) -> np.ndarray:
        """Reference counts per sector of ``level`` from a CSV ``code;value``."""
        codes, values = self.read_reference_table(path)
        mapping = map_naf(codes, level, table=tab)
        ok = mapping.mapped
        col = np.searchsorted(sectors, mapping.codes[ok])
        ref = np.bincount(col, weights=values[ok], minlength=sectors.size)
        name = Path(path).name
        for msg in engine_messages(mapping.warnings):
            warn(
                feedback,
                self.tr("Reference table {name}: {message}").format(name=name, message=msg),
            )
        if not ref.sum() > 0:
            raise QgsProcessingException(
                self.tr(
                    "The reference table {name} gives no value > 0 to a NAF code of level "
                    "{level}: give NAF codes in its first column and shares or counts in the "
                    "second."
                ).format(name=name, level=level)
            )
        feedback.pushInfo(
            self.tr("Reference: {n} sectors of level {level} from {name}.").format(
                n=int((ref > 0).sum()), level=level, name=name
            )
        )
        return ref

    def read_reference_table(self, path: str) -> tuple[np.ndarray, np.ndarray]:
        """``(codes, values)`` of a CSV whose first column is a NAF code and second a share or a
        count (';', tab or ',' separated; a first line that is not a number is a header)."""
        name = Path(path).name
        try:
            try:
                text = Path(path).read_text(encoding="utf-8-sig")
            except UnicodeDecodeError:
                text = Path(path).read_text(encoding="cp1252")
        except OSError as err:
            raise QgsProcessingException(
                self.tr("The reference table {name} cannot be read: {error}").format(
                    name=name, error=err
                )
            ) from err
        lines = [line for line in text.splitlines() if line.strip()]
        if not lines:
            raise QgsProcessingException(
                self.tr("The reference table {name} is empty.").format(name=name)
            )
        first = lines[0]
        delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
        codes: list[str] = []
        values: list[float] = []
        for number, row in enumerate(csv.reader(lines, delimiter=delimiter), 1):
            if len(row) < 2 or not row[0].strip():
                raise QgsProcessingException(
                    self.tr(
                        "The reference table {name}, line {line}: expected a NAF code and a share or "
                        "a count separated by '{sep}'."
                    ).format(name=name, line=number, sep=delimiter)
                )
            try:
                value = to_number(row[1])
            except ParseError:
                if number == 1:
                    continue  # header line
                raise QgsProcessingException(
                    self.tr(
                        "The reference table {name}, line {line}: '{value}' is not a number (share "
                        "or count)."
                    ).format(name=name, line=number, value=row[1].strip())
                ) from None
            if value < 0:
                raise QgsProcessingException(
                    self.tr(
                        "The reference table {name}, line {line}: the value of {code} is negative."
                    ).format(name=name, line=number, code=row[0].strip())
                )
            codes.append(row[0].strip())
            values.append(value)
        if not codes:
            raise QgsProcessingException(
                self.tr("The reference table {name} has no row of values.").format(name=name)
            )
        return np.array(codes, dtype=str), np.array(values, dtype=np.float64)

    # -- outputs ---------------------------------------------------------------------------------

    @staticmethod
    def _top_sectors(result, matrix):
        """Per territory, its main specialisation: the sector with the largest excess over the
        reference, ``s_ij − R_i`` (= the jobs above what the reference structure would give,
        over e_j; ties: the smaller code), among the sectors with a reference share; -1 when
        none is above it. Also its LQ and its share of the territory."""
        n = matrix.shape[0]
        m = matrix.tocsr()
        rows = np.repeat(np.arange(n), np.diff(m.indptr))
        ref = result.reference_shares[m.indices]
        with np.errstate(divide="ignore", invalid="ignore"):
            share = m.data / result.total[rows]
        excess = np.where(ref > 0, share - ref, -np.inf)
        order = np.lexsort((m.indices, -excess, rows))
        first = np.ones(order.size, dtype=bool)
        first[1:] = rows[order][1:] != rows[order][:-1]
        pick = order[first]
        pick = pick[excess[pick] > 0]
        top = np.full(n, -1, dtype=np.int64)
        top_lq = np.full(n, np.nan)
        top_share = np.full(n, np.nan)
        top[rows[pick]] = m.indices[pick]
        top_lq[rows[pick]] = share[pick] / ref[pick]
        top_share[rows[pick]] = share[pick]
        return top, top_lq, top_share

    def _write_sectors(
        self, parameters, context, feedback, territories, result, matrix, sectors, tab, level
    ):
        fields = QgsFields()
        named = bool(territories.name_field) and territories.name_field != territories.code_field
        fields.append(QgsField(territories.code_field, compat.FIELD_STRING))
        if named:
            fields.append(QgsField(territories.name_field, compat.FIELD_STRING))
        for fname, ftype in (
            ("secteur", compat.FIELD_STRING),
            ("libelle", compat.FIELD_STRING),
            ("effectif", compat.FIELD_DOUBLE),
            ("part", compat.FIELD_DOUBLE),
            ("part_ref", compat.FIELD_DOUBLE),
            ("lq", compat.FIELD_DOUBLE),
        ):
            fields.append(QgsField(fname, ftype))
        m = matrix.tocsr()
        out = open_output(
            self,
            parameters,
            self.SECTORS,
            context,
            feedback,
            fields,
            compat.WKB_NO_GEOMETRY,
            territories.source.sourceCrs(),
            total=int(m.nnz),
            progress_span=(85, 99),
        )
        if out is None:
            return None
        lang = ui_language()
        labels = {}
        lq = result.lq.tocsr()
        ref = result.reference_shares
        with out:
            for k in range(m.shape[0]):
                lo, hi = m.indptr[k], m.indptr[k + 1]
                lq_row = dict(
                    zip(
                        lq.indices[lq.indptr[k] : lq.indptr[k + 1]].tolist(),
                        lq.data[lq.indptr[k] : lq.indptr[k + 1]].tolist(),
                    )
                )
                for s, value in zip(m.indices[lo:hi].tolist(), m.data[lo:hi].tolist()):
                    code = str(sectors[s])
                    if code not in labels:
                        labels[code] = naf_label(tab, level, code, lang)
                    feat = QgsFeature(fields)
                    attrs = [territories.codes[k] or None]
                    if named:
                        attrs.append(territories.table.names[k])
                    attrs += [
                        code,
                        labels[code],
                        float(value),
                        100.0 * float(value) / float(result.total[k]),
                        100.0 * float(ref[s]),
                        cell(lq_row.get(s), compat.FIELD_DOUBLE),
                    ]
                    feat.setAttributes(attrs)
                    out.add(feat, lambda k=k: territories.label(k))
        out.finalize(
            "lq",
            self.tr("Sectors by territory"),
            self.tr(
                "Count, share and location quotient of each NAF sector (level {level}) present "
                "in each territory of '{layer}'."
            ).format(level=level, layer=territories.name),
        )
        return out.dest_id


def naf_label(tab: NafTable, level: str, code: str, lang: str):
    """Label of a sector (None when unknown), with the apostrophes of INSEE's files that were
    read as the C1 control character U+0092 restored."""
    return tab.label(level, code, lang).replace("\x92", "’") or None


def _texts(values) -> np.ndarray:
    return np.array(["" if v is None else str(v).strip() for v in values], dtype=object)
