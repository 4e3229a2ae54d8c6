"""``reterr:resilience_index`` — composite resilience index with rank uncertainty (COINr-style)."""

from __future__ import annotations

import csv
import math
import re

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...adapters import compat
from ...adapters.layers import engine_messages, read_features
from ...engine.core.errors import Canceled
from ...engine.core.indicators import Polarity, get_indicator
from ...engine.index.composite import composite_index, rank_uncertainty
from ..base import ReterrAlgorithm
from ..common.feedback import engine_guard, warn
from ..common.inputs import feature_source
from ..common.outputs import distinct_names, open_file_output, open_output
from ..common.params import ParseError, advanced, parse_pairs, to_number

#: Engine names of the NORMALIZATION and AGGREGATION options, in the order of the enums.
NORMALIZATION_METHODS = ("minmax", "zscore", "rank", "target")
AGGREGATION_METHODS = ("arithmetic", "geometric")
#: Dimension of a user field with no dimension given and none in the registry.
OTHER_DIMENSION = "other"

_BETTER = {"+", "better", "higher_is_better", "up", "high", "mieux", "positive"}
_WORSE = {"-", "worse", "higher_is_worse", "down", "low", "pire", "negative"}


def dimension_field(dimension: str) -> str:
    """Output field of a dimension score: ``dim_<dimension>`` in lower-case ASCII."""
    return "dim_" + (re.sub(r"[^0-9a-z]+", "_", dimension.lower()).strip("_") or "x")


def dimension_fields(dimensions, taken=()) -> dict[str, str]:
    """``{dimension: field}``, distinct fields for dimensions whose names differ only by
    punctuation, accents or case ("Santé & soins", "Santé / soins"): the second gets ``_2``,
    the third ``_3``… (issue 13, item 4). ``taken``: other output field names to avoid."""
    return distinct_names([(dim, dimension_field(dim)) for dim in dimensions], taken)


class ResilienceIndex(ReterrAlgorithm):
    """Composite index of territorial resilience from indicator fields."""

    ALG_ID = "resilience_index"
    GROUP_ID = "indicators"

    INPUT = "INPUT"
    FIELDS = "FIELDS"
    POLARITIES = "POLARITIES"
    DIMENSIONS = "DIMENSIONS"
    NORMALIZATION = "NORMALIZATION"
    TARGETS = "TARGETS"
    TREAT = "TREAT"
    AGGREGATION = "AGGREGATION"
    OVERALL = "OVERALL"
    WEIGHTS = "WEIGHTS"
    SAMPLES = "SAMPLES"
    SEED = "SEED"
    NAME_FIELD = "NAME_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_CSV = "OUTPUT_CSV"

    def group_title(self) -> str:
        return self.tr("Resilience indicators")

    def title(self) -> str:
        return self.tr("Resilience index")

    def help_text(self) -> str:
        return self.tr(
            "Builds a composite resilience index from indicator fields of a territory layer "
            "(communes, EPCI, any zoning; join the outputs of several algorithms by territory code "
            "first).\n\n"
            "Pipeline: (1) outlier treatment, COINr defaults: an indicator whose skewness exceeds 2 "
            "in absolute value and whose excess kurtosis exceeds 3.5 is winsorised (the most "
            "extreme value replaced by the next one, up to 5 times); if it still fails, it is "
            "log-transformed instead. (2) Polarity-aware normalisation (min-max 0-100, z-score, "
            "percentile rank, or distance to a target): a higher score always means more resilient; "
            "higher-is-worse indicators are mirrored, never multiplied by -1. (3) Weighted mean of "
            "the indicators within each dimension, then of the dimensions (arithmetic, or weighted "
            "geometric mean of scores mapped to 1-100). (4) Ranks, 1 = best.\n\n"
            "Polarities and dimensions of ReTerr indicators come from the indicator registry "
            "(e.g. share_65p: higher is worse; fca_access: higher is better); any other field "
            "needs its polarity ('field:+' or 'field:-'), and goes to the dimension 'other' unless "
            "one is given.\n\n"
            "The overall score is optional: without it, only the dimension scores are written (the "
            "CRATer choice) and the rank is that of the first dimension.\n\n"
            "Uncertainty: the index is recomputed with randomly varied weights (±25 % around their "
            "values); rank_median is the median rank and [rank_p05, rank_p95] the band holding the "
            "rank in 90 % of the weightings. A narrow band means a robust rank; overlapping bands "
            "mean the difference between two territories depends on the weights.\n\n"
            "Missing values: a territory lacking some indicators is scored on those it has, their "
            "weights re-spread over them (it is named in the log); a territory with none gets no "
            "score. A constant indicator cannot rank territories and is refused."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.INPUT, self.tr("Territories"), [compat.TYPE_VECTOR_ANY]
                ),
                self.tr("Layer of territories with one numeric field per indicator."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.FIELDS,
                    self.tr("Indicator fields"),
                    None,
                    self.INPUT,
                    compat.FIELD_NUMERIC,
                    allowMultiple=True,
                ),
                self.tr("The numeric fields combined into the index (at least one)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.POLARITIES, self.tr("Polarities"), "", optional=True
                ),
                self.tr(
                    "'field:+;other:-' (+ higher is better, - higher is worse). Default: the "
                    "registry's polarity of ReTerr indicators."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(
                    self.DIMENSIONS, self.tr("Dimensions"), "", optional=True
                ),
                self.tr("'field:dimension;…'. Default: the registry's dimension, else 'other'."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.NORMALIZATION,
                    self.tr("Normalisation"),
                    options=[
                        self.tr("Min-max (0-100)"),
                        self.tr("Z-score"),
                        self.tr("Percentile rank (0-100)"),
                        self.tr("Distance to a target (0-100)"),
                    ],
                    defaultValue=0,
                ),
                self.tr("How each indicator is put on a common scale, higher = more resilient."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(self.TARGETS, self.tr("Targets"), "", optional=True),
                self.tr("'field:value;…' in the indicators' units, for the distance to a target."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterBoolean(
                    self.TREAT, self.tr("Treat outliers (COINr rule)"), True
                ),
                self.tr("Winsorise, or else log-transform, strongly skewed indicators."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.AGGREGATION,
                    self.tr("Aggregation"),
                    options=[self.tr("Arithmetic mean"), self.tr("Geometric mean")],
                    defaultValue=0,
                ),
                self.tr("Arithmetic: weaknesses are compensated by strengths; geometric: less so."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterBoolean(
                    self.OVERALL, self.tr("Compute an overall score"), True
                ),
                self.tr("Unchecked: dimension scores only, no overall score."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterString(self.WEIGHTS, self.tr("Weights"), "", optional=True),
                self.tr(
                    "'field:2;other:1' (weights within a dimension) and/or 'dimension:2' "
                    "(weights of the dimensions). Default: equal weights."
                ),
            )
        )
        self.addParameter(
            advanced(
                h(
                    QgsProcessingParameterNumber(
                        self.SAMPLES,
                        self.tr("Monte-Carlo samples"),
                        compat.NUMBER_INTEGER,
                        defaultValue=500,
                        minValue=0,
                        maxValue=100000,
                    ),
                    self.tr("Weightings drawn for the rank band; 0: no uncertainty analysis."),
                )
            )
        )
        self.addParameter(
            advanced(
                h(
                    QgsProcessingParameterNumber(
                        self.SEED,
                        self.tr("Random seed"),
                        compat.NUMBER_INTEGER,
                        defaultValue=1,
                    ),
                    self.tr("Same seed, same rank bands."),
                )
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.NAME_FIELD,
                    self.tr("Name field"),
                    "nom",
                    self.INPUT,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("Names used in messages and in the CSV."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Resilience index")),
                self.tr("The territories with dimension scores, score, rank and rank band."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFileDestination(
                    self.OUTPUT_CSV,
                    self.tr("Normalised values (CSV)"),
                    self.tr("CSV files (*.csv)"),
                    optional=True,
                    createByDefault=False,
                ),
                self.tr("The normalised value of each indicator per territory."),
            )
        )

    # -- parameter parsing ---------------------------------------------------------------------

    def _pairs(self, text: str, label: str, keys) -> dict[str, str]:
        """``{key: value}`` from 'key:value;key:value', keys checked against ``keys``."""
        try:
            pairs = parse_pairs(text)
        except ParseError as err:
            raise QgsProcessingException(
                self.tr("{param}: '{item}' is not of the form 'name:value'.").format(
                    param=label, item=err.item
                )
            ) from err
        out: dict[str, str] = {}
        for key, value in pairs:
            if keys is not None and key not in keys:
                raise QgsProcessingException(
                    self.tr(
                        "{param}: '{name}' is not one of the indicator fields: {fields}."
                    ).format(param=label, name=key, fields=", ".join(keys))
                )
            out[key] = value
        return out

    def _number(self, value: str, name: str, label: str) -> float:
        try:
            return to_number(value)
        except ParseError as err:
            raise QgsProcessingException(
                self.tr("{param}: the value of '{name}' is not a number: {value}.").format(
                    param=label, name=name, value=value
                )
            ) from err

    def _indicators(self, fields, parameters, context):
        """``{field: (dimension, polarity)}`` from the parameters and the indicator registry."""
        pol_text = self._pairs(
            self.parameterAsString(parameters, self.POLARITIES, context),
            self.tr("Polarities"),
            fields,
        )
        dim_text = self._pairs(
            self.parameterAsString(parameters, self.DIMENSIONS, context),
            self.tr("Dimensions"),
            fields,
        )
        specs = {}
        for name in fields:
            ind = get_indicator(name)
            if name in pol_text:
                token = pol_text[name].lower()
                if token in _BETTER:
                    pol = Polarity.HIGHER_IS_BETTER
                elif token in _WORSE:
                    pol = Polarity.HIGHER_IS_WORSE
                else:
                    raise QgsProcessingException(
                        self.tr(
                            "Polarities: '{value}' for '{field}' is not understood: use + "
                            "(higher is better) or - (higher is worse)."
                        ).format(value=pol_text[name], field=name)
                    )
            elif ind is not None and ind.polarity is not Polarity.NEUTRAL:
                pol = ind.polarity
            elif ind is not None:
                raise QgsProcessingException(
                    self.tr(
                        "'{field}' is a neutral indicator (neither good nor bad in itself): give "
                        "its polarity in Polarities ('{field}:+' if higher is better, "
                        "'{field}:-' if higher is worse) or leave it out."
                    ).format(field=name)
                )
            else:
                raise QgsProcessingException(
                    self.tr(
                        "'{field}' has no known polarity: give it in Polarities ('{field}:+' "
                        "if higher is better, '{field}:-' if higher is worse)."
                    ).format(field=name)
                )
            if name in dim_text:
                dim = dim_text[name]
            elif ind is not None:
                dim = ind.dimension.value
            else:
                dim = OTHER_DIMENSION
            specs[name] = (dim, pol)
        return specs

    # -- run -----------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        source = feature_source(self, parameters, self.INPUT, context)
        layer_name = self.layer_label(parameters, self.INPUT, context, source)
        fields = list(
            dict.fromkeys(compat.parameter_as_fields(self, parameters, self.FIELDS, context))
        )
        if not fields:
            raise QgsProcessingException(self.tr("Choose at least one indicator field."))
        specs = self._indicators(fields, parameters, context)
        dims_seen = list(dict.fromkeys(d for d, _ in specs.values()))
        weights, dim_weights = {}, {}
        for key, value in self._pairs(
            self.parameterAsString(parameters, self.WEIGHTS, context), self.tr("Weights"), None
        ).items():
            if key in specs:
                weights[key] = self._number(value, key, self.tr("Weights"))
            elif key in dims_seen:
                dim_weights[key] = self._number(value, key, self.tr("Weights"))
            else:
                raise QgsProcessingException(
                    self.tr(
                        "Weights: '{name}' is neither an indicator field nor a dimension "
                        "({choices})."
                    ).format(name=key, choices=", ".join([*specs, *dims_seen]))
                )
        targets = {
            k: self._number(v, k, self.tr("Targets"))
            for k, v in self._pairs(
                self.parameterAsString(parameters, self.TARGETS, context),
                self.tr("Targets"),
                fields,
            ).items()
        }
        normalization = NORMALIZATION_METHODS[
            self.parameterAsEnum(parameters, self.NORMALIZATION, context)
        ]
        aggregation = AGGREGATION_METHODS[
            self.parameterAsEnum(parameters, self.AGGREGATION, context)
        ]
        treat = self.parameterAsBoolean(parameters, self.TREAT, context)
        overall = self.parameterAsBoolean(parameters, self.OVERALL, context)
        n_samples = self.parameterAsInt(parameters, self.SAMPLES, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        if name_field and source.fields().lookupField(name_field) < 0:
            name_field = ""

        feedback.setProgressText(self.tr("Reading territories…"))
        table = read_features(
            source,
            numeric={f: f for f in fields},
            name_field=name_field or None,
            with_geometry=False,
            keep_attributes=True,
            layer_name=layer_name,
            feedback=feedback,
            progress_span=(0, 30),
        )
        if feedback.isCanceled():
            raise Canceled()
        if len(table) == 0:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' has no features.").format(layer=layer_name)
            )
        has_geometry = source.wkbType() != compat.WKB_NO_GEOMETRY
        geometries = {}
        if has_geometry:
            request = QgsFeatureRequest().setNoAttributes()
            request.setInvalidGeometryCheck(compat.REQUEST_NO_GEOMETRY_CHECK)
            for feat in source.getFeatures(request):
                geometries[feat.id()] = QgsGeometry(feat.geometry())
        if feedback.isCanceled():
            raise Canceled()

        feedback.setProgressText(self.tr("Computing the index…"))
        feedback.setProgress(35)
        options = dict(
            normalization=normalization,
            treat=treat,
            weights=weights,
            dimension_weights=dim_weights,
            aggregation=aggregation,
            targets=targets,
        )
        with engine_guard(table, layer_name):
            result = composite_index(table.numbers, specs, overall=overall, **options)
            band = None
            if n_samples > 0:
                feedback.setProgressText(self.tr("Monte-Carlo rank bands…"))
                band = rank_uncertainty(
                    table.numbers,
                    specs,
                    n_samples=n_samples,
                    seed=seed,
                    dimension=None if overall else result.dimensions[0],
                    **options,
                )
        for msg in engine_messages(result.warnings):
            warn(feedback, msg)
        if result.reweighted_rows:
            warn(
                feedback,
                self.tr(
                    "Scored on the indicators they have (weights re-spread): {features}."
                ).format(features=table.describe(result.reweighted_rows)),
            )
        if feedback.isCanceled():
            raise Canceled()
        feedback.setProgress(70)

        # Output columns: name → (type, values)
        columns: dict[str, tuple[object, np.ndarray]] = {}
        dim_fields = dimension_fields(result.dimensions)
        for dim, field in dim_fields.items():
            if field != dimension_field(dim):
                first = next(d for d, f in dim_fields.items() if f == dimension_field(dim))
                warn(
                    feedback,
                    self.tr(
                        "Dimensions '{first}' and '{dim}' have the same field name once "
                        "punctuation, accents and case are removed: '{first}' is written to "
                        "'{field1}', '{dim}' to '{field2}'."
                    ).format(first=first, dim=dim, field1=dimension_field(dim), field2=field),
                )
        for d, dim in enumerate(result.dimensions):
            columns[dim_fields[dim]] = (compat.FIELD_DOUBLE, result.dimension_scores[:, d])
        if overall:
            columns["score"] = (compat.FIELD_DOUBLE, result.overall)
            columns["rank"] = (compat.FIELD_INT, result.ranks)
        else:
            columns["rank"] = (compat.FIELD_INT, result.dimension_ranks[:, 0])
        if band is not None:
            columns["rank_median"] = (compat.FIELD_DOUBLE, band.median)
            columns["rank_p05"] = (compat.FIELD_DOUBLE, band.low)
            columns["rank_p95"] = (compat.FIELD_DOUBLE, band.high)

        in_fields = source.fields()
        keep_idx = [i for i, f in enumerate(in_fields) if f.name() not in columns]
        out_fields = QgsFields()
        for i in keep_idx:
            out_fields.append(in_fields[i])
        for name, (ftype, _) in columns.items():
            out_fields.append(QgsField(name, ftype))
        wkb = source.wkbType() if has_geometry else compat.WKB_NO_GEOMETRY
        if has_geometry and QgsWkbTypes.geometryType(wkb) == compat.GEOMETRY_POLYGON:
            wkb = QgsWkbTypes.multiType(wkb)
        n = len(table)
        out = open_output(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            out_fields,
            wkb,
            source.sourceCrs(),
            total=n,
            progress_span=(70, 95),
        )
        # Written aside and moved into place with OUTPUT when the run succeeded (issue 13).
        csv_out = open_file_output(self, parameters, self.OUTPUT_CSV, context)

        feedback.setProgressText(self.tr("Writing output…"))
        values = [v for _, v in columns.values()]
        kinds = [t for t, _ in columns.values()]
        with out:
            for i in range(n):
                feat = QgsFeature(out_fields)
                geom = geometries.get(int(table.fids[i]))
                if geom is not None:
                    if QgsWkbTypes.isMultiType(wkb):
                        geom.convertToMultiType()
                    feat.setGeometry(geom)
                attrs = [table.attributes[i][j] for j in keep_idx]
                for kind, col in zip(kinds, values):
                    v = float(col[i])
                    if math.isnan(v):
                        attrs.append(None)
                    else:
                        attrs.append(int(v) if kind == compat.FIELD_INT else v)
                feat.setAttributes(attrs)
                out.add(feat, lambda i=i: table.describe([i]))

        results = {self.OUTPUT: out.dest_id}
        if csv_out is not None:
            self._write_csv(csv_out.path, table, name_field, result.normalized)
            results[self.OUTPUT_CSV] = csv_out.dest

        style_field = "score" if overall else dim_fields[result.dimensions[0]]
        out.finalize(
            style_field,
            self.tr("Resilience index"),
            self.tr(
                "Composite resilience index ({dims}) computed by ReTerr from '{layer}': "
                "{norm} normalisation, {agg} mean."
            ).format(
                dims=", ".join(result.dimensions),
                layer=layer_name,
                norm=normalization,
                agg=aggregation,
            ),
        )
        feedback.setProgress(100)
        feedback.pushInfo(
            self.tr("{n} territories scored on {k} indicators in {d} dimensions.").format(
                n=n, k=len(fields), d=len(result.dimensions)
            )
        )
        return results

    def _write_csv(self, path, table, name_field, normalized) -> None:
        """One row per territory: fid, name, then the normalised value of each indicator."""
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow(["fid", name_field or "name", *normalized])
            cols = list(normalized.values())
            for i in range(len(table)):
                row = [int(table.fids[i]), table.names[i]]
                row += ["" if math.isnan(c[i]) else f"{float(c[i]):.6g}" for c in cols]
                writer.writerow(row)
