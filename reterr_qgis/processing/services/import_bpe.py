"""``reterr:import_bpe`` — the INSEE geolocated BPE file as published, to a tagged point layer."""

from __future__ import annotations

from collections import Counter

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...adapters import compat
from ...adapters.i18n import ui_language
from ...adapters.layers import engine_messages
from ..common.feedback import warn
from ..common.outputs import distinct_names, open_output
from ..common.params import bpe_types_widget, split_codes
from .base import ServicesAlgorithm

FIELDS = (
    ("REG", compat.FIELD_STRING),
    ("DEP", compat.FIELD_STRING),
    ("DEPCOM", compat.FIELD_STRING),
    ("DCIRIS", compat.FIELD_STRING),
    ("AN", compat.FIELD_INT),
    ("TYPEQU", compat.FIELD_STRING),
    ("QUALITE_XY", compat.FIELD_STRING),
    ("domaine", compat.FIELD_STRING),
    ("sous_domaine", compat.FIELD_STRING),
    ("libelle", compat.FIELD_STRING),
    ("gamme", compat.FIELD_STRING),
    ("panier", compat.FIELD_INT),
    ("code_connu", compat.FIELD_INT),
)


def extra_field_names(columns, taken) -> dict[str, str]:
    """``{column of the file: output field}``: the file's name, or ``<name>_2``, ``_3``… when it
    is already taken."""
    return distinct_names([(c, c) for c in columns], taken)


def _text(value: object) -> str | None:
    """A cell of an extra column as text; None for an empty or missing cell."""
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


class ImportBpe(ServicesAlgorithm):
    """Load the BPE CSV, drop unlocated rows with a count, tag types from the code table."""

    ALG_ID = "import_bpe"

    INPUT = "INPUT"
    VINTAGE = "VINTAGE"
    TYPES = "TYPES"
    DEPARTEMENTS = "DEPARTEMENTS"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Import BPE facilities (INSEE)")

    def help_text(self) -> str:
        return self.tr(
            "Loads the geolocated file of the INSEE Base permanente des équipements as published "
            "(';'-separated CSV, columns REG, DEP, DEPCOM, DCIRIS, AN, TYPEQU, LAMBERT_X, LAMBERT_Y, "
            "QUALITE_XY; UTF-8 or Latin-1; decimal comma or dot) into a point layer.\n\n"
            "Rows without usable coordinates are dropped and counted by reason. Each facility is "
            "tagged with its domain, label, gamme and membership of the everyday-services basket "
            "from the versioned code table shipped in resources/bpe (2021, 2023 and 2024+ "
            "nomenclatures, with the crosswalk of the 2023 and 2024 revisions). Unknown codes are "
            "kept with the domain '?' and listed. Coordinates are Lambert-93 in metropolitan "
            "France and UTM overseas: one CRS per run, choose the départements accordingly."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFile(self.INPUT, self.tr("BPE file (CSV)"), extension="csv"),
                self.tr("The geolocated BPE file as downloaded from insee.fr."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterNumber(
                    self.VINTAGE,
                    self.tr("Vintage (if the file has no AN column)"),
                    compat.NUMBER_INTEGER,
                    optional=True,
                    minValue=2000,
                    maxValue=2100,
                ),
                self.tr("Year of the BPE; the file's AN column wins when present."),
            )
        )
        self.addParameter(
            h(
                bpe_types_widget(
                    QgsProcessingParameterString(
                        self.TYPES, self.tr("Types or domains to keep"), "", optional=True
                    )
                ),
                self.tr(
                    "TYPEQU codes or domain letters separated by ';' (e.g. 'D265;D307' or 'D'); "
                    "empty: all."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.DEPARTEMENTS, self.tr("Départements to keep"), "", optional=True
                ),
                self.tr("Codes separated by ';' (e.g. '12;46'); empty: all."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("BPE facilities"), compat.TYPE_VECTOR_POINT
                ),
                self.tr("One point per located facility."),
            )
        )

    def execute(self, parameters, context, feedback):
        from ...engine.services.bpe import read_bpe_csv

        path = self.parameterAsFile(parameters, self.INPUT, context)
        vintage = parameters.get(self.VINTAGE)
        vintage = (
            self.parameterAsInt(parameters, self.VINTAGE, context)
            if vintage not in (None, "")
            else None
        )
        wanted = split_codes(self.parameterAsString(parameters, self.TYPES, context), upper=True)
        deps = split_codes(
            self.parameterAsString(parameters, self.DEPARTEMENTS, context), upper=True
        )
        feedback.setProgressText(self.tr("Reading {path}…").format(path=path))
        bpe = read_bpe_csv(
            path,
            vintage=vintage,
            # degrees or a number cut short are not metres: not placed, counted and named
            check_coordinates=True,
            progress=lambda p: feedback.setProgress(0.8 * p),
            is_canceled=feedback.isCanceled,
        )
        report = bpe.report
        for msg in engine_messages(report.warnings):
            warn(feedback, msg)
        for reason, n in report.dropped.items():
            if n:
                feedback.pushInfo(self.tr("{n} rows dropped: {reason}.").format(n=n, reason=reason))
        keep = np.ones(len(bpe), dtype=bool)
        if deps:
            keep &= np.isin(np.char.upper(bpe.dep.astype(str)), deps)
        if wanted:
            codes = [w for w in wanted if len(w) > 1]
            domains = [w for w in wanted if len(w) == 1]
            keep &= np.isin(bpe.typequ, codes) | np.isin(bpe.domain, domains)
        if not keep.any():
            raise QgsProcessingException(
                self.tr("No facility left after filtering ({n} located rows read).").format(
                    n=len(bpe)
                )
            )
        bpe = bpe.select(keep)
        epsg_counts = Counter(bpe.epsg.tolist())
        epsg = epsg_counts.most_common(1)[0][0]
        if len(epsg_counts) > 1:
            warn(
                feedback,
                self.tr(
                    "The selection mixes coordinate systems {codes}: only the EPSG:{epsg} rows are "
                    "written. Run again per overseas département."
                ).format(codes=", ".join(f"EPSG:{c}" for c in sorted(epsg_counts)), epsg=epsg),
            )
            bpe = bpe.select(bpe.epsg == epsg)

        fields = QgsFields()
        for name, ftype in FIELDS:
            fields.append(QgsField(name, ftype))
        # The other columns of the file (LIBCOM, NOMRS…) are kept as text, by their name in the
        # file (issue 13, item 4); a name already taken by one of ours gets a suffix, said.
        extra_fields = extra_field_names(bpe.extra, [name for name, _ in FIELDS])
        for column, name in extra_fields.items():
            fields.append(QgsField(name, compat.FIELD_STRING))
            if name != column:
                warn(
                    feedback,
                    self.tr(
                        "The file's column '{column}' is written as '{name}': its name is "
                        "already used by the output."
                    ).format(column=column, name=name),
                )
        extra_values = [bpe.extra[column] for column in extra_fields]
        labels = bpe.label_fr if ui_language() == "fr" else bpe.label_en
        from ...engine.services.bpe import DEFAULT_BASKET

        basket = bpe.baskets.get(DEFAULT_BASKET, np.zeros(len(bpe), dtype=bool))
        n = len(bpe)
        out = open_output(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            fields,
            compat.WKB_POINT,
            QgsCoordinateReferenceSystem(f"EPSG:{epsg}"),
            total=n,
            progress_span=(80, 100),
        )
        with out:
            for k in range(n):
                feat = QgsFeature(fields)
                feat.setGeometry(
                    QgsGeometry.fromPointXY(QgsPointXY(float(bpe.x[k]), float(bpe.y[k])))
                )
                feat.setAttributes(
                    [
                        str(bpe.reg[k]),
                        str(bpe.dep[k]),
                        str(bpe.depcom[k]),
                        str(bpe.dciris[k]),
                        int(bpe.an[k]) or None,
                        str(bpe.typequ[k]),
                        str(bpe.qualite_xy[k]),
                        str(bpe.domain[k]),
                        str(bpe.subdomain[k]),
                        labels[k],
                        bpe.gamme[k],
                        int(basket[k]),
                        int(bpe.known[k]),
                        *(_text(values[k]) for values in extra_values),
                    ]
                )
                out.add(feat, lambda k=k: f"{bpe.typequ[k]} ({bpe.depcom[k]})")
        feedback.pushInfo(
            self.tr("{kept} facilities written; {read} rows read, {dropped} dropped.").format(
                kept=n, read=report.rows_read, dropped=report.rows_dropped
            )
        )
        if report.unknown_codes:
            warn(
                feedback,
                self.tr("Unknown TYPEQU codes (kept, domain '?'): {codes}.").format(
                    codes=", ".join(f"{c} ({k})" for c, k in sorted(report.unknown_codes.items()))
                ),
            )
        out.finalize(
            "",
            self.tr("BPE facilities"),
            self.tr("Facilities of the INSEE BPE read from '{path}' by ReTerr.").format(path=path),
        )
        return {self.OUTPUT: out.dest_id}
