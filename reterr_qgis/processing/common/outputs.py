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

Outputs are atomic (issue 13): a file or GeoPackage-table output is written to a temporary
destination (:class:`~reterr_qgis.adapters.writer.Staging`) and every output of a run is moved into
place together when the run succeeded — :class:`OutputRun`, which ``ReterrAlgorithm`` opens around
``execute()``: it commits them all after ``execute()`` returned, then styles them and records their
provenance (the ``finalize`` calls made during the run are carried out then, on the final
destinations), or discards them all when the run failed or was canceled. ``out.dest_id`` is the
final destination from the start, so that it can be returned to QGIS. A file output the algorithm
writes itself (a CSV) goes through :func:`open_file_output` the same way.
:func:`output_folder_problem` refuses, in ``checkParameterValues`` and before the run, an output
whose folder is missing.

:func:`write_units` writes the features of an input layer with new columns (the access
algorithms' demand layer), :func:`cell` makes an attribute of a number.

:func:`output_overwrites_input` refuses, before any sink is created, an output that would
overwrite the file or PostGIS table an input of the same run reads (``ReterrAlgorithm`` checks
every run with it).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Sequence
from typing import Any, Optional

import numpy as np
from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...about import PROVIDER_ID
from ...adapters import aliases, compat, provenance
from ...adapters.layers import FeatureTable
from ...adapters.style import save_default_style, style_indicator_layer
from ...adapters.writer import SafeSink, Staging, staging_folder

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


def _with_aliases(style: Optional[Styler], algorithm_id: str, parameters: dict[str, Any]) -> Styler:
    """``style``, then the French (or English) aliases of the output's fields
    (:func:`~reterr_qgis.adapters.aliases.apply_field_aliases`; an alias already there, such as a
    shapefile's original field name, is kept)."""

    def styler(layer: QgsVectorLayer) -> None:
        if style is not None:
            style(layer)
        aliases.apply_field_aliases(layer, algorithm_id, parameters)

    return styler


def output_layer_name(title: str, algorithm_id: str, parameters: dict[str, Any]) -> str:
    """Name of an output layer in the project: its title, with the service an APL measures
    ("Potential accessibility — Médecin généraliste (D265)")."""
    service = aliases.apl_service(algorithm_id, parameters)
    return f"{title} — {service}" if title and service else title


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
    ``qgis_process`` outputs open styled) and a row in ``reterr_provenance``; PostGIS outputs
    get their default style in the database's ``layer_styles`` and a row in the
    ``reterr_provenance`` table of their schema; outputs the GUI loads get the style through a
    layer post-processor. ``style`` replaces the default
    choropleth of ``style_field`` (e.g. the arrows of a flow layer).
    """
    styler = _with_aliases(_styler(style_field, style), algorithm_id, parameters)
    rec = provenance.record(algorithm_id, parameters)
    pg = provenance.postgres_uri(dest_id)
    loc = provenance.gpkg_location(dest_id) if pg is None else None
    if pg is not None:
        _finalize_postgres(pg, styler, rec, title, abstract, feedback)
    if loc is not None:
        # Named by its table: QGIS stores no metadata for a plain path (a whole-file output).
        layer = QgsVectorLayer(f"{loc[0]}|layername={loc[1]}", loc[1], "ogr")
        if layer.isValid():
            _style_and_describe(
                layer,
                styler,
                rec,
                title,
                abstract,
                feedback,
                QCoreApplication.translate(
                    "ReterrAlgorithm", "Could not store the style in the GeoPackage: {e}"
                ),
            )
            provenance.save_metadata(layer)
            del layer
            provenance.write_table(loc[0], loc[1], rec)
    if context.willLoadLayerOnCompletion(dest_id):
        post = _StylePostProcessor(styler, rec, title, abstract)
        _POST_PROCESSORS.append(post)
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.setPostProcessor(post)
        name = output_layer_name(title, algorithm_id, parameters)
        if name:
            # The name of the layer added to the project (unless QGIS is set to use file names).
            details.name = name


def _style_and_describe(layer, styler, rec, title, abstract, feedback, failure: str) -> None:
    """Style ``layer``, give it its metadata and save the style as its default where it is stored
    (GeoPackage or database); ``failure`` (with ``{e}``) reports a style that could not be saved."""
    styler(layer)
    provenance.apply_metadata(layer, rec, title, abstract)
    error = save_default_style(layer)
    if error:
        feedback.reportError(failure.format(e=error))


def _finalize_postgres(uri: str, styler: Styler, rec, title: str, abstract: str, feedback) -> None:
    """Default style in the database's ``layer_styles``, provenance in the schema's
    ``reterr_provenance`` table, of the PostGIS output table ``uri``."""
    _schema, table = provenance.postgres_table(uri)
    layer = QgsVectorLayer(uri, table, "postgres")
    if layer.isValid():
        _style_and_describe(
            layer,
            styler,
            rec,
            title,
            abstract,
            feedback,
            QCoreApplication.translate(
                "ReterrAlgorithm", "Could not store the style in the database: {e}"
            ),
        )
    del layer
    try:
        provenance.write_postgres_table(uri, rec)
    except OSError as err:
        feedback.reportError(
            QCoreApplication.translate(
                "ReterrAlgorithm", "Could not record the provenance in the database: {e}"
            ).format(e=err)
        )


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
        staging: Optional[Staging] = None,
        run: Optional[OutputRun] = None,
    ) -> None:
        super().__init__(
            sink, dest_id, feedback, total=total, progress_span=progress_span, staging=staging
        )
        self.algorithm_id = algorithm_id
        self.parameters = parameters
        self.context = context
        self.run = run
        self._finalize_args: Optional[tuple] = None
        #: {name GDAL gave: original name} of a shapefile output's renamed fields (see
        #: :func:`shapefile_field_names`), stored as field aliases once the output is in place.
        self.shapefile_aliases: dict[str, str] = {}
        if run is not None:
            run.add(self)

    def commit(self) -> None:
        """Move the output into place; a shapefile's renamed fields get their names as aliases."""
        super().commit()
        if self.shapefile_aliases:
            _store_shapefile_aliases(self.dest_id, self.shapefile_aliases, self._feedback)

    def close(self) -> str:
        """Close the sink; outside an :class:`OutputRun` the output is moved into place now."""
        dest = super().close()
        if self.run is None:
            self.commit()
        return dest

    def finalize(
        self, style_field: str, title: str, abstract: str, style: Optional[Styler] = None
    ) -> str:
        """Style and provenance of the closed output (:func:`finalize_vector_output`); its id.

        Within an :class:`OutputRun`, done when the run commits, on the final destination.
        """
        self._finalize_args = (style_field, title, abstract, style)
        if self.run is None or self.run.committed:
            self.finalize_now()
        return self.dest_id

    def finalize_now(self) -> None:
        """Carry out the :meth:`finalize` asked for, if any (once)."""
        if self._finalize_args is None:
            return
        style_field, title, abstract, style = self._finalize_args
        self._finalize_args = None
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


class FileOutput:
    """A file the algorithm writes itself (e.g. a CSV), staged like the vector outputs.

    Write to :attr:`path` (in the hidden staging folder); :attr:`dest` is the final path, to return
    to QGIS. Committed and discarded with the run's other outputs (see :func:`open_file_output`).
    """

    def __init__(self, staging: Optional[Staging], path: str, run: Optional[OutputRun]) -> None:
        self.staging, self.path = staging, path
        self.dest = path
        if staging is not None:
            staging.set_written(path)
            self.dest = staging.final_id
        self.run = run
        if run is not None:
            run.add(self)

    def commit(self) -> None:
        if self.staging is None:
            return
        if not os.path.isfile(self.path):
            # Nothing was written: the run did not produce this file (keep the previous one).
            self.staging.discard()
            return
        self.staging.commit()

    def discard(self) -> None:
        if self.staging is not None:
            self.staging.discard()

    def finalize_now(self) -> None:
        pass


class OutputRun:
    """The outputs of one run: moved into place together when the run succeeded, or none.

    ``ReterrAlgorithm.processAlgorithm`` opens one around ``execute()`` (:func:`output_run`
    finds it from the algorithm); :meth:`commit` moves every staged output into place, then
    styles them and records their provenance; :meth:`discard` removes them all, leaving the
    previous outputs at those paths as they were.
    """

    def __init__(self) -> None:
        self.outputs: list[Any] = []
        self.committed = False

    def add(self, output: Any) -> None:
        self.outputs.append(output)

    def commit(self) -> None:
        """Move every output into place, then finalize them. Raises QgsProcessingException
        (naming the output) when one cannot be moved; the others not yet moved are discarded."""
        for k, out in enumerate(self.outputs):
            try:
                out.commit()
            except (OSError, RuntimeError) as err:
                for rest in self.outputs[k:]:
                    rest.discard()
                raise QgsProcessingException(
                    QCoreApplication.translate(
                        "ReterrAlgorithm",
                        "The output {dest} could not be put in place: {error}",
                    ).format(dest=getattr(out, "dest_id", getattr(out, "dest", "")), error=err)
                ) from err
        self.committed = True
        for out in self.outputs:
            out.finalize_now()

    def discard(self) -> None:
        """Remove what every output of the run wrote; previous outputs stay as they were."""
        for out in reversed(self.outputs):
            with contextlib.suppress(Exception):  # discard every other output whatever happens
                out.discard()


#: Attribute of a running algorithm holding its :class:`OutputRun`.
_RUN_ATTR = "_reterr_output_run"


def output_run(alg: Any) -> Optional[OutputRun]:
    """The :class:`OutputRun` of ``alg``'s current run (None outside ``ReterrAlgorithm``)."""
    return getattr(alg, _RUN_ATTR, None)


def set_output_run(alg: Any, run: Optional[OutputRun]) -> None:
    setattr(alg, _RUN_ATTR, run)


_NOT_STAGED = ("memory:", "TEMPORARY_OUTPUT")


def _destination(parameters: dict[str, Any], name: str, context: QgsProcessingContext):
    """(destination string, output definition or None) of a destination parameter's value, or
    None when it is not a plain value (an expression, …): the output is then written directly."""
    value = parameters.get(name)
    definition = None
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        definition = value
        if definition.useRemapping():
            return None  # appends to an existing layer: nothing to replace
        value = definition.sink
    if isinstance(value, QgsProperty):
        if value.propertyType() != compat.PROPERTY_STATIC:
            return None
        value = value.staticValue()
    if not isinstance(value, str):
        return None
    return value, definition


def _staged_parameters(parameters, name, definition, tmp_dest: str) -> dict[str, Any]:
    """``parameters`` with ``name`` writing to ``tmp_dest``, not loaded into a project."""
    staged = QgsProcessingOutputLayerDefinition(tmp_dest)
    if definition is not None:
        staged.createOptions = definition.createOptions
        staged.destinationName = definition.destinationName
    return {**parameters, name: staged}


def _without_geometry_column(parameters, name, context) -> dict[str, Any]:
    """``parameters`` with the PostGIS destination of ``name`` naming no geometry column: QGIS
    cannot open a table without geometry through a URI that names one (QGIS's dialog names
    ``geom`` for every output that may have a geometry)."""
    found = _destination(parameters, name, context)
    uri = provenance.postgres_uri(found[0]) if found is not None else None
    if uri is None or not QgsDataSourceUri(uri).geometryColumn():
        return parameters
    ds = QgsDataSourceUri(uri)
    ds.setGeometryColumn("")
    definition = found[1]
    dest = "postgres://" + ds.uri(False)
    if definition is None:
        return {**parameters, name: dest}
    rewritten = QgsProcessingOutputLayerDefinition(definition)
    rewritten.sink = QgsProperty.fromValue(dest)
    return {**parameters, name: rewritten}


def _sink_folder_error(alg, name: str, folder: str) -> QgsProcessingException:
    d = alg.parameterDefinition(name)
    return QgsProcessingException(_folder_message(_label(d) if d else name, folder))


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
    A file or GeoPackage-table destination is written to a temporary destination first (see the
    module's docstring); the output's ``dest_id`` is the final one.
    """
    renamed = _warn_shapefile_names(alg, parameters, name, context, feedback, fields)
    if wkb_type == compat.WKB_NO_GEOMETRY:
        parameters = _without_geometry_column(parameters, name, context)
    staging, sink_parameters = _stage_sink(alg, parameters, name, context)
    try:
        sink, dest_id = alg.parameterAsSink(sink_parameters, name, context, fields, wkb_type, crs)
    except BaseException:
        if staging is not None:
            staging.discard()
        raise
    if sink is None:
        if staging is not None:
            staging.discard()
        if not parameters.get(name):
            return None
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    if staging is not None:
        staging.set_written(dest_id)
        _load_on_completion(alg, parameters, name, context, staging.final_id)
    out = VectorOutput(
        sink,
        dest_id,
        f"{PROVIDER_ID}:{alg.name()}",
        parameters,
        context,
        feedback,
        total=total,
        progress_span=progress_span,
        staging=staging,
        run=output_run(alg),
    )
    out.shapefile_aliases = renamed
    return out


# -- shapefile outputs: field names of 10 characters ---------------------------------------------

#: Longest field name of a shapefile (dBASE), in bytes.
_SHP_NAME_LEN = 10


def shapefile_field_names(names: Sequence[str]) -> dict[str, str]:
    """{original: name in the shapefile} of the field names GDAL renames when writing a shapefile.

    As GDAL's shapefile driver does (``OGRShapeLayer::CreateField``): the name is cut to 10 bytes;
    when that name (compared case-insensitively) is already taken, it becomes the first 8 bytes of
    the cut name followed by ``_1`` … ``_9``, then by ``10`` … ``99``.
    """
    taken: set[str] = set()
    renamed: dict[str, str] = {}
    for name in names:
        raw = name.encode("utf-8")
        radix = raw[:_SHP_NAME_LEN].decode("utf-8", "ignore").rstrip(" ")
        new = radix
        if new.upper() in taken:
            rb = radix.encode("utf-8")
            for num in range(1, 100):
                new = rb[:8].decode("utf-8", "ignore") + (f"_{num}" if num < 10 else f"{num}")
                if new.upper() not in taken:
                    break
        taken.add(new.upper())
        if new != name:
            renamed[name] = new
    return renamed


def _is_shapefile(parameters: dict[str, Any], name: str, context: QgsProcessingContext) -> bool:
    found = _destination(parameters, name, context)
    if found is None or not found[0]:
        return False
    dest = found[0]
    if dest.startswith("ogr:"):
        loc = _ogr_table(dest)
        dest = loc[0] if loc else ""
    return dest.split("|")[0].lower().endswith(".shp")


def _warn_shapefile_names(alg, parameters, name, context, feedback, fields) -> dict[str, str]:
    """Warn, before a shapefile output is written, of the field names GDAL will cut (issue 13);
    {name in the shapefile: original name} of those fields."""
    if not _is_shapefile(parameters, name, context):
        return {}
    renamed = shapefile_field_names(fields.names())
    if not renamed:
        return {}
    from .feedback import listing, warn

    d = alg.parameterDefinition(name)
    warn(
        feedback,
        QCoreApplication.translate(
            "ReterrAlgorithm",
            "The output {output} is a shapefile, whose field names hold 10 characters: {fields} "
            "will be renamed ({renamed}) and texts cut to 254 characters. The original names are "
            "kept as field aliases (in the .qml file next to it); choose a GeoPackage (.gpkg) "
            "to keep the names.",
        ).format(
            output=_label(d) if d else name,
            fields=len(renamed),
            renamed=listing((f"{old} → {new}" for old, new in renamed.items()), limit=1000),
        ),
    )
    return {new: old for old, new in renamed.items()}


def _store_shapefile_aliases(dest_id: str, aliases: dict[str, str], feedback) -> None:
    """Give the renamed fields of a written shapefile their original names as aliases, in the
    default style (``.qml``) QGIS loads with it."""
    path = dest_id.split("|")[0]
    if not path.lower().endswith(".shp"):
        return
    if not os.path.isfile(path):  # a table without geometry: only the .dbf is written
        path = path[:-4] + ".dbf"
        if not os.path.isfile(path):
            return
    layer = QgsVectorLayer(path, "out", "ogr")
    if not layer.isValid():
        return
    for i, field in enumerate(layer.fields()):
        if field.name() in aliases:
            layer.setFieldAlias(i, aliases[field.name()])
    message, ok = compat.save_qml_default_style(layer)
    del layer
    if not ok:
        from .feedback import warn

        warn(
            feedback,
            QCoreApplication.translate(
                "ReterrAlgorithm", "Could not store the field aliases of {path}: {e}"
            ).format(path=path, e=message),
        )


def _stage_sink(alg, parameters, name, context):
    """(staging or None, the parameters to open the sink with)."""
    found = _destination(parameters, name, context)
    if found is None:
        return None, parameters
    dest, definition = found
    if not dest or dest.startswith(_NOT_STAGED):
        return None, parameters
    if dest.startswith("ogr:"):
        loc = _ogr_table(dest)
        if loc is None or not loc[0].lower().endswith(".gpkg"):
            return None, parameters  # QGIS refuses it, or not a GeoPackage: written directly
        if not os.path.exists(loc[0]):
            path = os.path.abspath(os.path.expanduser(loc[0]))
            shared = _staged_file_of_run(alg, path)
            if shared is not None:
                # Another output of this run creates that GeoPackage: a table of its staged
                # file, moved in with it.
                staging = Staging(final_id=f"{path}|layername={loc[1]}", shared=True)
                tmp_dest = _DBNAME_RE.sub(
                    lambda m: "dbname='{}'".format(shared.replace("'", "\\'")), dest, count=1
                )
                return staging, _staged_parameters(parameters, name, definition, tmp_dest)
            # A new GeoPackage: written whole in the staging folder, moved in as a file.
            if not os.path.isdir(os.path.dirname(path)):
                raise _sink_folder_error(alg, name, os.path.dirname(path))
            staging, tmp_path = _staging_for_file(alg, name, path)
            tmp_dest = _DBNAME_RE.sub(
                lambda m: "dbname='{}'".format(tmp_path.replace("'", "\\'")), dest, count=1
            )
            return staging, _staged_parameters(parameters, name, definition, tmp_dest)
        staging = Staging.for_table(loc[0], loc[1])
        tmp_dest = _TABLE_RE.sub(
            lambda m: 'table="{}"'.format(staging.tmp_table.replace('"', '\\"')), dest, count=1
        )
        return staging, _staged_parameters(parameters, name, definition, tmp_dest)
    if provenance.postgres_uri(dest) is not None:
        staged = Staging.for_postgres(dest)
        if staged is None:
            return None, parameters  # no table named, or too long a name: written directly
        staging, tmp_dest = staged
        return staging, _staged_parameters(parameters, name, definition, tmp_dest)
    if re.match(r"^[A-Za-z]\w+:", dest) or "|" in dest:
        return None, parameters  # another provider (spatialite:…) or options: written directly
    path = os.path.abspath(os.path.expanduser(dest))
    if not os.path.isdir(os.path.dirname(path)):
        raise _sink_folder_error(alg, name, os.path.dirname(path))
    staging, tmp_path = _staging_for_file(alg, name, path)
    return staging, _staged_parameters(parameters, name, definition, tmp_path)


def _staged_file_of_run(alg, path: str) -> Optional[str]:
    """The staged file another output of the current run writes for ``path``, if any."""
    run = output_run(alg)
    folder = staging_folder(path)
    for out in run.outputs if run is not None else ():
        staging = getattr(out, "staging", None)
        if staging is not None and staging.folder == folder and not staging.done:
            tmp_path = staging.tmp_id.split("|")[0]
            return tmp_path if os.path.isfile(tmp_path) else None
    return None


def _staging_for_file(alg, name: str, path: str) -> tuple[Staging, str]:
    try:
        return Staging.for_file(path)
    except OSError as err:
        d = alg.parameterDefinition(name)
        raise QgsProcessingException(
            QCoreApplication.translate(
                "ReterrAlgorithm", "The output {output} cannot be written to {path}: {error}"
            ).format(output=_label(d) if d else name, path=path, error=err.strerror or err)
        ) from err


def _load_on_completion(alg, parameters, name, context, final_id: str) -> None:
    """Ask QGIS to load the final destination after the run, as ``parameterAsSink`` would have
    done for it (the temporary one was opened without a project)."""
    found = _destination(parameters, name, context)
    definition = found[1] if found else None
    if definition is None or definition.destinationProject is None:
        return
    d = alg.parameterDefinition(name)
    details = QgsProcessingContext.LayerDetails(
        definition.destinationName or (d.description() if d else name),
        definition.destinationProject,
        name,
        QgsProcessingUtils.LayerHint.Vector,
    )
    context.addLayerToLoadOnCompletion(final_id, details)


def open_file_output(
    alg: QgsProcessingAlgorithm,
    parameters: dict[str, Any],
    name: str,
    context: QgsProcessingContext,
) -> Optional[FileOutput]:
    """A file destination parameter (``fileDestination``) opened for writing by the algorithm,
    or None when it was not asked for. Write to ``out.path``, return ``out.dest`` to QGIS: the
    file is moved into place with the run's other outputs when the run succeeded.

    Raises QgsProcessingException, naming the output, when its folder is missing.
    """
    dest = alg.parameterAsFileOutput(parameters, name, context)
    if not dest:
        return None
    path = os.path.abspath(os.path.expanduser(dest))
    if not os.path.isdir(os.path.dirname(path)):
        raise _sink_folder_error(alg, name, os.path.dirname(path))
    run = output_run(alg)
    if run is None:  # no run to commit it: written in place
        return FileOutput(None, path, None)
    staging, tmp_path = _staging_for_file(alg, name, path)
    return FileOutput(staging, tmp_path, run)


def distinct_names(bases: Sequence[tuple[str, str]], taken: Sequence[str] = ()) -> dict[str, str]:
    """``{key: field name}`` from ``(key, base name)`` pairs: the base name, or ``<base>_2``,
    ``_3``… when it is already taken (field names compare case-insensitively in GeoPackage and
    shapefile). ``taken``: other output field names to avoid."""
    used = {t.lower() for t in taken}
    out: dict[str, str] = {}
    for key, base in bases:
        name, k = base, 1
        while name.lower() in used:
            k += 1
            name = f"{base}_{k}"
        used.add(name.lower())
        out[key] = name
    return out


def fields_of(specs: Sequence[tuple[str, Any]]) -> QgsFields:
    """The fields of an output from ``(name, type)`` pairs (types from ``adapters.compat``)."""
    fields = QgsFields()
    for name, field_type in specs:
        fields.append(QgsField(name, field_type))
    return fields


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
    """(parameter definition, real path, table or None) of every file the inputs read, and
    (parameter definition, database, ``schema.table``) of every PostGIS table they read
    (:func:`_postgres_location`)."""
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
                if layer is not None and layer.providerType() == "postgres":
                    loc = _postgres_location(layer.source())
                    if loc is not None:
                        files.append(loc)
                    continue
                loc = _layer_file(layer) if layer is not None else None
                if loc is None and layer is None and isinstance(value, str):
                    path = value.split("|")[0]
                    if os.path.isfile(path):
                        loc = (_real_path(path), None)
                if loc is not None:
                    files.append(loc)
        found += [(d, path, table) for path, table in files]
    return found


_TABLE_RE = re.compile(r"""table=(?:"((?:[^"\\]|\\.)*)"|(\S+))""")


_DBNAME_RE = re.compile(r"""dbname=(?:'((?:[^'\\]|\\.)*)'|(\S+))""")


def _ogr_table(dest: str) -> Optional[tuple[str, str]]:
    """(dbname, table) of an ``ogr:dbname='a.gpkg' table="t" (geom)`` destination."""
    db = _DBNAME_RE.search(dest)
    table = _TABLE_RE.search(dest)
    if not db or not table:
        return None
    return (db.group(1) or db.group(2)), (table.group(1) or table.group(2))


def _postgres_location(uri: str) -> Optional[tuple[str, str]]:
    """(database, ``schema.table``) of a PostgreSQL provider URI, None without a table: the
    database is its service, or its name, host and port (5432 when not given)."""
    ds = QgsDataSourceUri(uri)
    if not ds.table():
        return None
    if ds.service():
        database = f"service={ds.service()} dbname={ds.database()}"
    else:
        database = f"dbname={ds.database()} host={ds.host()} port={ds.port() or '5432'}"
    return f"postgres:{database}", f"{ds.schema() or 'public'}.{ds.table()}"


def _database_name(uri: str) -> str:
    """The database a PostgreSQL provider URI names: its name, else its service."""
    ds = QgsDataSourceUri(uri)
    return ds.database() or ds.service()


def _label(definition) -> str:
    return f"“{definition.description()}” ({definition.name()})"


def output_overwrites_input(
    alg: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext
) -> str:
    """Why an output of this run would destroy an input of it, or "" when none would.

    Writing a sink to ``a.gpkg`` recreates the whole file: with ``a.gpkg|layername=communes`` as
    input, every table of ``a.gpkg`` would be lost (issue 13). Refused: a destination (vector,
    raster or file) that is the file of a source/layer/file parameter (real paths compared), and
    an ``ogr:dbname=... table=...`` destination that is the very table an input reads, and a
    ``postgres://`` destination that is the PostGIS table an input reads (same database — service,
    or name, host and port — and same schema and table). A new table in an input's GeoPackage or
    schema is allowed: the other tables are kept.
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
        pg_uri = provenance.postgres_uri(dest)
        if pg_uri is not None:
            loc = _postgres_location(pg_uri)
            for src, src_path, src_table in inputs:
                if loc is not None and (src_path, src_table) == loc:
                    return QCoreApplication.translate(
                        "ReterrAlgorithm",
                        "The output {output} would replace the table “{table}” of the database "
                        "“{database}”, which the input {input} reads: write it into a table of "
                        "another name, or to another schema.",
                    ).format(
                        output=_label(d),
                        table=loc[1],
                        database=_database_name(pg_uri),
                        input=_label(src),
                    )
            continue
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


# -- outputs whose folder is missing ------------------------------------------------------------


def _folder_message(output: str, folder: str) -> str:
    return QCoreApplication.translate(
        "ReterrAlgorithm",
        "The folder of the output {output} does not exist: {folder}. Create it, or choose a file "
        "in an existing folder.",
    ).format(output=output, folder=folder)


def output_folder_problem(
    alg: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext
) -> str:
    """Why an output of this run cannot be written (its folder is missing), or "" when none.

    Checked for file destinations (a layer file, a CSV, a PDF…) and for the GeoPackage of an
    ``ogr:dbname=... table=...`` destination; memory outputs and other providers are left to QGIS.
    """
    for d in alg.parameterDefinitions():
        if not d.isDestination() or parameters.get(d.name()) in (None, ""):
            continue
        if d.type() in _FILE_OUTPUTS:
            found = _destination(parameters, d.name(), context)
            dest = found[0] if found else ""
        elif d.type() in _LAYER_OUTPUTS:
            found = _destination(parameters, d.name(), context)
            dest = found[0] if found else ""
            if dest.startswith("ogr:"):
                loc = _ogr_table(dest)
                dest = loc[0] if loc else ""
        else:
            continue
        if not dest or dest.startswith(_NOT_STAGED) or re.match(r"^[A-Za-z]\w+:", dest):
            continue
        folder = os.path.dirname(os.path.abspath(os.path.expanduser(dest.split("|")[0])))
        if not os.path.isdir(folder):
            return _folder_message(_label(d), folder)
    return ""
