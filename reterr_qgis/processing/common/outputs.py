"""Writing the vector outputs of an algorithm: one sink per output, checked feature by feature.

:func:`open_output` opens a sink parameter (``parameterAsSink``) as a :class:`VectorOutput`, the
adapters' :class:`~reterr_qgis.adapters.writer.SafeSink` (cancellation, refused features and errors
discard the partial output) plus the run it belongs to, so that :meth:`VectorOutput.finalize` can
store its style and provenance (:func:`finalize_vector_output`). An optional output the user did
not ask for opens as None. Usage::

    out = open_output(self, parameters, self.OUTPUT, context, feedback, fields, wkb_type, crs,
                      total=len(rows), progress_span=(70, 95))
    with out:                                  # an error inside discards the output
        for k in rows:
            out.add(feature_of(k), lambda k=k: table.describe([k]))  # names it if refused
    out.finalize("share_65p", title, abstract)  # style, metadata, provenance
    return {self.OUTPUT: out.dest_id}

:func:`write_units` writes the features of an input layer with new columns (the access
algorithms' demand layer), :func:`cell` makes an attribute of a number.

:func:`output_overwrites_input` refuses, before any sink is created, an output that would
overwrite the file an input of the same run reads (``ReterrAlgorithm`` checks every run with it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from typing import Any, Optional

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...about import PROVIDER_ID
from ...adapters import compat, provenance
from ...adapters.layers import FeatureTable
from ...adapters.style import save_default_style, style_indicator_layer
from ...adapters.writer import SafeSink

#: Post-processors must outlive the algorithm run: QGIS only keeps a pointer to them.
_POST_PROCESSORS: list[QgsProcessingLayerPostProcessorInterface] = []

#: A new column of :func:`write_units`: (field name, field type, one value per unit).
Column = tuple[str, Any, Sequence]


#: Styles a loaded output layer (default: the indicator choropleth of its style field).
Styler = Callable[[QgsVectorLayer], None]


def _styler(style_field: str, style: Optional[Styler]) -> Optional[Styler]:
    if style is not None:
        return style
    if style_field:
        return lambda layer: style_indicator_layer(layer, style_field)
    return None


class _StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles an output layer when the GUI loads it (memory or non-GeoPackage outputs)."""

    def __init__(self, style: Optional[Styler], rec: dict[str, Any], title: str, abstract: str):
        super().__init__()
        self.style = style
        self.rec = rec
        self.title = title
        self.abstract = abstract

    def postProcessLayer(self, layer, context, feedback):
        if isinstance(layer, QgsVectorLayer) and self.style is not None:
            self.style(layer)
            provenance.apply_metadata(layer, self.rec, self.title, self.abstract)
            layer.triggerRepaint()


def finalize_vector_output(
    algorithm_id: str,
    dest_id: str,
    parameters: dict[str, Any],
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    style_field: str,
    title: str,
    abstract: str,
    style: Optional[Styler] = None,
) -> None:
    """Style an output layer and record its provenance, once its sink is closed.

    GeoPackage outputs get their default style and metadata stored inside the file (so that
    ``qgis_process`` outputs open styled) and a row in ``reterr_provenance``; outputs the GUI
    loads get the style through a layer post-processor. ``style`` replaces the default
    choropleth of ``style_field`` (e.g. the arrows of a flow layer).
    """
    styler = _styler(style_field, style)
    rec = provenance.record(algorithm_id, parameters)
    loc = provenance.gpkg_location(dest_id)
    if loc is not None:
        layer = QgsVectorLayer(dest_id, loc[1], "ogr")
        if layer.isValid():
            if styler is not None:
                styler(layer)
            provenance.apply_metadata(layer, rec, title, abstract)
            error = save_default_style(layer)
            if error:
                feedback.reportError(
                    QCoreApplication.translate(
                        "ReterrAlgorithm", "Could not store the style in the GeoPackage: {e}"
                    ).format(e=error)
                )
            provenance.save_metadata(layer)
            del layer
            provenance.write_table(loc[0], loc[1], rec)
    if context.willLoadLayerOnCompletion(dest_id):
        post = _StylePostProcessor(styler, rec, title, abstract)
        _POST_PROCESSORS.append(post)
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(post)


class VectorOutput(SafeSink):
    """A sink opened from an algorithm's sink parameter (see :func:`open_output`)."""

    def __init__(
        self,
        sink,
        dest_id: str,
        algorithm_id: str,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        *,
        total: int = 0,
        progress_span: tuple[float, float] = (0.0, 100.0),
    ) -> None:
        super().__init__(sink, dest_id, feedback, total=total, progress_span=progress_span)
        self.algorithm_id = algorithm_id
        self.parameters = parameters
        self.context = context

    def finalize(
        self, style_field: str, title: str, abstract: str, style: Optional[Styler] = None
    ) -> str:
        """Style and provenance of the closed output (:func:`finalize_vector_output`); its id."""
        finalize_vector_output(
            self.algorithm_id,
            self.dest_id,
            self.parameters,
            self.context,
            self._feedback,
            style_field,
            title,
            abstract,
            style,
        )
        return self.dest_id


def open_output(
    alg: QgsProcessingAlgorithm,
    parameters: dict[str, Any],
    name: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    fields: QgsFields,
    wkb_type: Any,
    crs: Any,
    *,
    total: int = 0,
    progress_span: tuple[float, float] = (0.0, 100.0),
) -> Optional[VectorOutput]:
    """The sink parameter ``name`` opened for writing, or None for an optional output not asked for.

    ``total`` (number of features to write) and ``progress_span`` (%) drive the progress bar.
    """
    sink, dest_id = alg.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
    if sink is None:
        if not parameters.get(name):
            return None
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    return VectorOutput(
        sink,
        dest_id,
        f"{PROVIDER_ID}:{alg.name()}",
        parameters,
        context,
        feedback,
        total=total,
        progress_span=progress_span,
    )


def cell(value: object, field_type: Any) -> object:
    """An output attribute: None for NULL, NaN and infinite numbers."""
    if value is None:
        return None
    if field_type == compat.FIELD_STRING:
        return str(value)
    v = float(value)
    if not np.isfinite(v):
        return None
    if field_type in (compat.FIELD_INT, compat.FIELD_LONG):
        return int(v)
    return v


def write_units(
    alg: QgsProcessingAlgorithm,
    parameters: dict[str, Any],
    name: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    source: Any,
    table: FeatureTable,
    columns: Sequence[Column],
    *,
    rows: Optional[Sequence[int]] = None,
    progress_span: tuple[float, float] = (85.0, 100.0),
) -> Optional[VectorOutput]:
    """Write the features of ``table`` (all, or ``rows``) with their attributes and new ``columns``.

    ``source`` gives the fields, geometry type and CRS (``table`` was read from it with its
    attributes kept). Fields of the source named like a new column are replaced. NaN and infinite
    numbers are written as NULL. Returns the closed output (to :meth:`~VectorOutput.finalize`), or
    None when an optional output was not asked for.
    """
    src_fields = source.fields()
    names = {c[0] for c in columns}
    keep_idx = [i for i, f in enumerate(src_fields) if f.name() not in names]
    fields = QgsFields()
    for i in keep_idx:
        fields.append(src_fields[i])
    for col_name, ftype, _values in columns:
        fields.append(QgsField(col_name, ftype))
    order = range(len(table)) if rows is None else [int(r) for r in rows]
    out = open_output(
        alg,
        parameters,
        name,
        context,
        feedback,
        fields,
        source.wkbType(),
        source.sourceCrs(),
        total=len(order),
        progress_span=progress_span,
    )
    if out is None:
        return None
    with out:
        for k in order:
            feat = QgsFeature(fields)
            feat.setGeometry(table.geometries[k])
            attrs = [table.attributes[k][i] for i in keep_idx]
            attrs += [cell(values[k], ftype) for _name, ftype, values in columns]
            feat.setAttributes(attrs)
            out.add(feat, lambda k=k: table.describe([k]))
    return out


# -- outputs that would overwrite an input ------------------------------------------------------

#: Parameter types whose value is a layer or a file the run reads.
_LAYER_INPUTS = {"source", "vector", "raster", "layer", "mesh", "pointcloud", "vectortile"}
#: Destination types written as a layer (``parameterAsOutputLayer``) or as a file.
_LAYER_OUTPUTS = {"sink", "vectorDestination", "rasterDestination", "pointCloudDestination"}
_FILE_OUTPUTS = {"fileDestination"}


def _real_path(path: str) -> str:
    return os.path.normcase(os.path.realpath(os.path.expanduser(path)))


def _first_table(path: str) -> Optional[str]:
    """Name of the first layer of a multi-layer file: what a plain path opens."""
    try:
        from osgeo import ogr

        ds = ogr.Open(path)
        name = ds.GetLayer(0).GetName() if ds is not None and ds.GetLayerCount() else None
        ds = None
        return name
    except Exception:  # not a vector file: no table to protect
        return None


def _layer_file(layer) -> Optional[tuple[str, Optional[str]]]:
    """(real path, table or None) of the file a layer reads, None if it reads no local file."""
    try:
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    except Exception:  # an URI the provider cannot decode: no local file
        parts = {}
    path = parts.get("path") or layer.source().split("|")[0]
    if not path or not os.path.isfile(path):
        return None
    table = parts.get("layerName") or None
    if table is None and layer.providerType() == "ogr":
        table = _first_table(path)
    return _real_path(path), table


def _input_files(
    alg: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext
) -> list[tuple[Any, str, Optional[str]]]:
    """(parameter definition, real path, table or None) of every file the inputs read."""
    found = []
    for d in alg.parameterDefinitions():
        if d.isDestination() or parameters.get(d.name()) in (None, ""):
            continue
        kind = d.type()
        files: list[tuple[str, Optional[str]]] = []
        if kind == "file":
            path = alg.parameterAsFile(parameters, d.name(), context)
            if path and os.path.isfile(path):
                files.append((_real_path(path), None))
        elif kind in _LAYER_INPUTS or kind == "multilayer":
            value = parameters[d.name()]
            if isinstance(value, QgsProcessingFeatureSourceDefinition):
                value = value.source
            if isinstance(value, QgsProperty):
                value = value.valueAsString(context.expressionContext(), "")
                value = value[0] if isinstance(value, tuple) else value  # PyQGIS: (str, ok)
            values = {d.name(): value}
            if kind == "multilayer":
                layers = alg.parameterAsLayerList(values, d.name(), context)
            else:
                layers = [alg.parameterAsLayer(values, d.name(), context)]
            for layer in layers:
                loc = _layer_file(layer) if layer is not None else None
                if loc is None and layer is None and isinstance(value, str):
                    path = value.split("|")[0]
                    if os.path.isfile(path):
                        loc = (_real_path(path), None)
                if loc is not None:
                    files.append(loc)
        found += [(d, path, table) for path, table in files]
    return found


def _ogr_table(dest: str) -> Optional[tuple[str, str]]:
    """(dbname, table) of an ``ogr:dbname='a.gpkg' table="t" (geom)`` destination."""
    db = re.search(r"""dbname=(?:'((?:[^'\\]|\\.)*)'|(\S+))""", dest)
    table = re.search(r"""table=(?:"((?:[^"\\]|\\.)*)"|(\S+))""", dest)
    if not db or not table:
        return None
    return (db.group(1) or db.group(2)), (table.group(1) or table.group(2))


def _label(definition) -> str:
    return f"“{definition.description()}” ({definition.name()})"


def output_overwrites_input(
    alg: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext
) -> str:
    """Why an output of this run would destroy an input of it, or "" when none would.

    Writing a sink to ``a.gpkg`` recreates the whole file: with ``a.gpkg|layername=communes`` as
    input, every table of ``a.gpkg`` would be lost (issue 13). Refused: a destination (vector,
    raster or file) that is the file of a source/layer/file parameter (real paths compared), and
    an ``ogr:dbname=... table=...`` destination that is the very table an input reads. A new
    table in an input's GeoPackage is allowed: the file's other tables are kept.
    """
    inputs = None
    for d in alg.parameterDefinitions():
        kind = d.type()
        if not d.isDestination() or (kind not in _LAYER_OUTPUTS and kind not in _FILE_OUTPUTS):
            continue
        if parameters.get(d.name()) in (None, ""):
            continue
        if kind in _FILE_OUTPUTS:
            dest = alg.parameterAsFileOutput(parameters, d.name(), context)
        else:
            dest = alg.parameterAsOutputLayer(parameters, d.name(), context)
        if not dest or dest.startswith(("memory:", "TEMPORARY_OUTPUT")):
            continue
        if inputs is None:
            inputs = _input_files(alg, parameters, context)
        if not inputs:
            return ""
        if dest.startswith("ogr:"):
            ogr_table = _ogr_table(dest)
            if ogr_table is None:
                db = re.search(r"dbname='?([^']+)'?", dest)
                if db is None:
                    continue
                dest = db.group(1)  # no table named: treated as the whole file
            else:
                path, table = _real_path(ogr_table[0]), ogr_table[1]
                for src, src_path, src_table in inputs:
                    # SQLite table names are case-insensitive.
                    if src_path == path and (src_table or "").casefold() == table.casefold():
                        return QCoreApplication.translate(
                            "ReterrAlgorithm",
                            "The output {output} would replace the table “{table}” of {path}, "
                            "which the input {input} reads: write it into a table of another "
                            "name, or to another file.",
                        ).format(output=_label(d), table=table, path=path, input=_label(src))
                continue
        elif re.match(r"^[A-Za-z]\w+:", dest):
            continue  # another provider's destination (postgres:, spatialite:…), not a file
        path = _real_path(dest.split("|")[0])
        for src, src_path, _table in inputs:
            if src_path != path:
                continue
            if path.lower().endswith(".gpkg"):
                return QCoreApplication.translate(
                    "ReterrAlgorithm",
                    "The output {output} would overwrite {path}, the GeoPackage the input {input} "
                    "reads, and every table in it: write the output to another file, or into a "
                    "new table of that GeoPackage with ogr:dbname='{path}' table=\"name\" (geom).",
                ).format(output=_label(d), path=path, input=_label(src))
            return QCoreApplication.translate(
                "ReterrAlgorithm",
                "The output {output} would overwrite {path}, the file the input {input} reads: "
                "write the output to another file.",
            ).format(output=_label(d), path=path, input=_label(src))
    return ""
