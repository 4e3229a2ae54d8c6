"""One safe way to write an output: every feature checked, nothing half-written left behind.

:class:`SafeSink` wraps a ``QgsFeatureSink`` and its destination id (what
``QgsProcessingAlgorithm.parameterAsSink`` returns). Each :meth:`SafeSink.add` checks the
cancellation flag and the sink's answer; on cancellation it closes the sink, deletes the partial
output (a GeoPackage table or a file, :func:`discard_output`) and raises
:class:`~reterr_qgis.engine.core.errors.Canceled`; when the sink refuses a feature it does the same
and raises :class:`WriteError` naming the feature. Closing checks that a file output holds every
feature written (writers that buffer meet a refusal only then). Used as a context manager, any
other error raised while writing discards the output too.

Outputs are written to a temporary destination and moved into place only when the whole run
succeeded (issue 13): :class:`Staging` is that destination. A file output (GeoPackage, shapefile,
CSV…) is written into a hidden folder ``.<name>.reterr-tmp`` next to the final file (same
filesystem; inside it the file keeps its final name, so that the GeoPackage table QGIS names after
the file is right) and moved with ``os.replace``; a table written into an existing GeoPackage is
written as ``<table>__reterr_tmp`` in that file, then the old table is dropped and the new one
renamed in one transaction. A PostGIS table (``postgres://dbname=… table="schema"."name"
(geom)``) is written the same way: ``<name>__reterr_tmp`` in the same schema, then the old table
is dropped and the new one renamed (with its indexes) in one transaction
(:func:`replace_postgres_table`). Until then the previous output at that path stays intact.

Plain errors only (no ``QgsProcessingException``): the Processing layer turns them into messages.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Optional, Union

from qgis.core import QgsFeature, QgsFeatureSink, QgsVectorLayer

from ..engine.core.errors import QT_TRANSLATE_NOOP, Canceled, InputError
from . import compat, provenance
from .i18n import translate

#: Progress is reported (and cancellation checked) at most this often, in features.
PROGRESS_STEP = 200


class WriteError(InputError):
    """The output refused a feature (disk full, a value its format cannot hold, a repeated id…).

    The partial output was discarded. An :class:`InputError` so that the Processing layer reports
    it like any other error the user can act on; the message names the feature refused.
    """

    def __init__(self, error: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "ReterrAlgorithm", "Writing the output failed, nothing was kept: {error}"
            ),
            context="ReterrAlgorithm",
            error=error,
        )


def discard_output(dest_id: str, *, remove_empty: bool = True) -> None:
    """Remove a partly written output so that nothing half-done remains: its GeoPackage table
    (and the GeoPackage itself when no other table is left in it, unless ``remove_empty`` is
    False), or its file."""
    pg = provenance.postgres_uri(dest_id) if dest_id else None
    if pg is not None:
        drop_postgres_table(pg)
        return
    loc = provenance.gpkg_location(dest_id) if dest_id else None
    if loc is not None:
        from osgeo import ogr

        ds = ogr.Open(loc[0], update=1)
        if ds is not None:
            for i in range(ds.GetLayerCount()):
                if ds.GetLayer(i).GetName() == loc[1]:
                    ds.DeleteLayer(i)
                    break
            empty = ds.GetLayerCount() == 0
            ds = None
            if empty and remove_empty:
                os.remove(loc[0])
        return
    path = dest_id.split("|")[0]
    if path and os.path.isfile(path):
        os.remove(path)


# -- staged outputs: written aside, moved into place on success ---------------------------------

#: Marks the hidden folder (file outputs) and the table (GeoPackage tables) of a staged output.
TMP_FOLDER_MARK = ".reterr-tmp"
TMP_TABLE_SUFFIX = "__reterr_tmp"

#: Files that belong to a shapefile besides the ``.shp`` (a stale one would describe old data).
SHAPEFILE_SIDECARS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj", ".qmd")
#: SQLite files that belong to a GeoPackage (a stale journal would be replayed on the new file).
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


def staging_folder(final_path: str) -> str:
    """The hidden folder, next to ``final_path``, where that file output is written first."""
    folder, name = os.path.split(os.path.abspath(final_path))
    return os.path.join(folder, f".{name}{TMP_FOLDER_MARK}")


def staging_table(table: str) -> str:
    """The temporary table a table of an existing GeoPackage is written to first."""
    return f"{table}{TMP_TABLE_SUFFIX}"


def _sidecars(path: str) -> list[str]:
    stem, ext = os.path.splitext(path)
    if ext.lower() == ".shp":
        return [stem + s for s in SHAPEFILE_SIDECARS] + [
            stem + s.upper() for s in SHAPEFILE_SIDECARS
        ]
    if ext.lower() == ".gpkg":
        return [path + s for s in SQLITE_SIDECARS]
    return []


def _gpkg_table_index(ds: Any, table: str) -> Optional[int]:
    for i in range(ds.GetLayerCount()):
        if ds.GetLayer(i).GetName().casefold() == table.casefold():
            return i
    return None


def replace_gpkg_table(gpkg: str, tmp_table: str, table: str) -> None:
    """Drop ``table`` of ``gpkg`` (if any) and rename ``tmp_table`` to it, in one transaction.

    GDAL's GeoPackage driver carries the rename over to ``gpkg_contents``,
    ``gpkg_geometry_columns``, ``gpkg_extensions``, the R-tree index and its triggers,
    ``gpkg_metadata_reference`` and QGIS's ``layer_styles``; the styles of the replaced table are
    deleted with it. Raises OSError when it fails (the file is then as it was).
    """
    from osgeo import gdal, ogr

    ds = ogr.Open(gpkg, update=1)
    if ds is None:
        raise OSError(f"cannot open {gpkg} for update")
    try:
        if _gpkg_table_index(ds, tmp_table) is None:
            raise OSError(f"{gpkg}: the table {tmp_table} written by the run is missing")
        if ds.StartTransaction() != 0:
            raise OSError(f"{gpkg}: {gdal.GetLastErrorMsg()}")
        try:
            old = _gpkg_table_index(ds, table)
            if old is not None and ds.DeleteLayer(old) != 0:
                raise OSError(f"{gpkg}: cannot replace {table}: {gdal.GetLastErrorMsg()}")
            gdal.ErrorReset()
            if _gpkg_table_index(ds, "layer_styles") is not None:
                # The replaced table's styles go with it (GDAL leaves them; QGIS 3.22 would
                # then ask, in a dialog, whether to overwrite the style saved after the run).
                ds.ExecuteSQL(
                    "DELETE FROM layer_styles WHERE lower(f_table_name) = lower('{}')".format(
                        table.replace("'", "''")
                    )
                )
            ds.ExecuteSQL(
                'ALTER TABLE "{}" RENAME TO "{}"'.format(
                    tmp_table.replace('"', '""'), table.replace('"', '""')
                )
            )
            if gdal.GetLastErrorType() >= gdal.CE_Failure:
                raise OSError(f"{gpkg}: cannot rename {tmp_table}: {gdal.GetLastErrorMsg()}")
        except BaseException:
            ds.RollbackTransaction()
            raise
        if ds.CommitTransaction() != 0:
            raise OSError(f"{gpkg}: {gdal.GetLastErrorMsg()}")
    finally:
        ds = None


#: Longest PostgreSQL identifier, in bytes (longer names are cut by the server).
PG_NAME_LEN = 63


def drop_postgres_table(uri: str) -> None:
    """Drop the table of the PostgreSQL provider URI ``uri`` if it exists. Raises OSError."""
    schema, table = provenance.postgres_table(uri)
    ident = provenance.sql_identifier
    provenance.pg_execute(uri, f"DROP TABLE IF EXISTS {ident(schema)}.{ident(table)}")


def replace_postgres_table(uri: str, tmp_table: str) -> None:
    """Drop the table of the PostgreSQL provider URI ``uri`` (if any) and rename ``tmp_table``
    (same schema) to it, in one transaction.

    The indexes (primary key…) and owned sequences of the renamed table named after
    ``tmp_table`` are renamed after the final table, so that the next run can stage again; the
    styles of the replaced table in ``layer_styles`` go with it. A table that depends on the old
    one (a view) makes it fail: raises OSError, and the database is then as it was.
    """
    schema, table = provenance.postgres_table(uri)
    ident, lit = provenance.sql_identifier, provenance.sql_literal
    final = f"{ident(schema)}.{ident(table)}"
    tmp = f"{ident(schema)}.{ident(tmp_table)}"
    # One query string: PostgreSQL runs it as one implicit transaction, rolled back on error.
    provenance.pg_execute(
        uri,
        f"""DROP TABLE IF EXISTS {final};
ALTER TABLE {tmp} RENAME TO {ident(table)};
DO $reterr$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.relname, c.relkind FROM pg_class c
    WHERE left(c.relname, {len(tmp_table)}) = {lit(tmp_table)}
      AND c.relnamespace = {lit(schema)}::regnamespace
      AND (c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = {lit(final)}::regclass)
        OR c.oid IN (SELECT objid FROM pg_depend
                     WHERE refobjid = {lit(final)}::regclass AND classid = 'pg_class'::regclass
                       AND deptype IN ('a', 'i')))
  LOOP
    EXECUTE format(CASE WHEN r.relkind = 'S' THEN 'ALTER SEQUENCE %I.%I RENAME TO %I'
                        ELSE 'ALTER INDEX %I.%I RENAME TO %I' END,
                   {lit(schema)}, r.relname,
                   {lit(table)} || substr(r.relname, {len(tmp_table) + 1}));
  END LOOP;
  IF to_regclass('layer_styles') IS NOT NULL THEN
    DELETE FROM layer_styles WHERE f_table_schema = {lit(schema)} AND f_table_name = {lit(table)};
  END IF;
END
$reterr$""",
    )


def replace_file(tmp_path: str, final_path: str) -> None:
    """Move a file output and its sidecars from its staging folder over ``final_path``.

    Sidecars of the previous output that the new one does not have (a shapefile's ``.qix``, a
    GeoPackage's stale ``-wal``) are removed first; the staging folder is removed last.
    """
    folder = os.path.dirname(tmp_path)
    dest = os.path.dirname(os.path.abspath(final_path))
    names = sorted(os.listdir(folder))
    for old in _sidecars(final_path):
        if os.path.basename(old) not in names and os.path.isfile(old):
            os.remove(old)
    main = os.path.basename(tmp_path)
    # The main file last: readers that find it find its sidecars already in place.
    for name in [n for n in names if n != main] + ([main] if main in names else []):
        os.replace(os.path.join(folder, name), os.path.join(dest, name))
    shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Staging:
    """Where an output is written during the run, and where it goes when the run succeeded.

    ``final_id`` is the destination id QGIS loads after the run; ``tmp_id`` the one the sink
    writes to. A file output has its ``folder`` (hidden, next to the final file); a table of an
    existing GeoPackage has ``gpkg``, ``table`` and ``tmp_table``; a PostGIS table has ``pg`` (the
    provider URI of the final table), ``table`` and ``tmp_table``. Use :meth:`for_file`,
    :meth:`for_table` and :meth:`for_postgres`, then set ``tmp_id`` (or let :meth:`set_written`
    derive ``final_id``).
    """

    final_id: str
    tmp_id: str = ""
    folder: str = ""
    gpkg: str = ""
    table: str = ""
    tmp_table: str = ""
    pg: str = ""
    #: A table written into the staged file of another output of the run: moved in with it.
    shared: bool = False
    done: bool = False

    @classmethod
    def for_file(cls, final_path: str) -> tuple[Staging, str]:
        """A staging folder for a file output (emptied of any leftover of a killed run) and the
        path to write in it. Raises OSError when the folder cannot be created."""
        folder = staging_folder(final_path)
        shutil.rmtree(folder, ignore_errors=True)
        os.mkdir(folder)
        tmp_path = os.path.join(folder, os.path.basename(final_path))
        return cls(final_id=os.path.abspath(final_path), folder=folder), tmp_path

    @classmethod
    def for_table(cls, gpkg: str, table: str) -> Staging:
        """A temporary table for ``table`` of the existing GeoPackage ``gpkg`` (a leftover of a
        killed run is dropped)."""
        tmp_table = staging_table(table)
        discard_output(f"{gpkg}|layername={tmp_table}", remove_empty=False)
        return cls(
            final_id=f"{gpkg}|layername={table}", gpkg=gpkg, table=table, tmp_table=tmp_table
        )

    @classmethod
    def for_postgres(cls, dest: str) -> Optional[tuple[Staging, str]]:
        """A temporary table for the PostGIS destination ``dest`` (``postgres://<uri>``) and the
        destination to write it with; None when it cannot be staged (no table named, or a name
        too long for the suffix): the output is then written directly."""
        from qgis.core import QgsDataSourceUri

        uri = provenance.postgres_uri(dest)
        if uri is None:
            return None
        ds = QgsDataSourceUri(uri)
        table = ds.table()
        tmp_table = staging_table(table)
        if not table or len(tmp_table.encode("utf-8")) > PG_NAME_LEN:
            return None
        tmp = QgsDataSourceUri(uri)
        tmp.setDataSource(ds.schema(), tmp_table, ds.geometryColumn(), ds.sql(), ds.keyColumn())
        staging = cls(final_id=f"postgres://{uri}", pg=uri, table=table, tmp_table=tmp_table)
        return staging, f"postgres://{tmp.uri(False)}"

    def set_written(self, tmp_id: str) -> None:
        """Record the id of what the sink writes; a file output's final id follows from it
        (QGIS may have added an extension or a layer name)."""
        self.tmp_id = tmp_id
        if self.folder and tmp_id.startswith(self.folder + os.sep):
            rest = tmp_id[len(self.folder) + 1 :]
            self.final_id = os.path.join(os.path.dirname(self.folder), rest)

    def staged_postgres_uri(self) -> str:
        """The provider URI of the temporary PostGIS table ("" when not a PostGIS output)."""
        if not self.pg:
            return ""
        from qgis.core import QgsDataSourceUri

        ds = QgsDataSourceUri(self.pg)
        ds.setDataSource(ds.schema(), self.tmp_table, ds.geometryColumn(), ds.sql(), ds.keyColumn())
        return ds.uri(False)

    def commit(self) -> None:
        """Move the output into place (replacing the previous one). Raises OSError."""
        if self.done:
            return
        if self.folder:
            tmp_path = self.tmp_id.split("|")[0]
            replace_file(tmp_path, self.final_id.split("|")[0])
        elif self.gpkg:
            replace_gpkg_table(self.gpkg, self.tmp_table, self.table)
        elif self.pg:
            replace_postgres_table(self.pg, self.tmp_table)
        self.done = True

    def discard(self) -> None:
        """Remove what was written; the previous output stays as it was."""
        if self.done:
            return
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
        elif self.gpkg:
            discard_output(f"{self.gpkg}|layername={self.tmp_table}", remove_empty=False)
        elif self.pg:
            staged = self.staged_postgres_uri()
            if staged:
                # What went wrong while writing is what the user must read, not this.
                with contextlib.suppress(OSError):
                    drop_postgres_table(staged)
        elif self.shared and self.tmp_id and os.path.isfile(self.tmp_id.split("|")[0]):
            discard_output(self.tmp_id, remove_empty=False)
        self.done = True


def stored_count(dest_id: str) -> Optional[int]:
    """Number of features in a closed file output, None when it is not a file (memory layer)."""
    path = dest_id.split("|")[0] if dest_id else ""
    if not path or not os.path.isfile(path):
        return None
    layer = QgsVectorLayer(dest_id, "written", "ogr")
    return int(layer.featureCount()) if layer.isValid() else None


class SafeSink:
    """A feature sink that discards its output on cancellation, refusal or error.

    Parameters
    ----------
    sink, dest_id
        The sink and its destination id (``parameterAsSink``'s pair).
    feedback
        A ``QgsFeedback`` (cancellation and progress), or None.
    total
        Number of features to be written, for the progress (0: no progress reported).
    progress_span
        Progress (%) at the first and after the last feature.
    staging
        The output is written to ``staging.tmp_id`` and moved into place by :meth:`commit`
        (:class:`Staging`); ``dest_id`` is then the final id.

    Examples
    --------
    >>> with SafeSink(sink, dest_id, feedback, total=len(rows)) as out:  # doctest: +SKIP
    ...     for k in rows:
    ...         out.add(feature_of(k), label=lambda k=k: table.describe([k]))
    >>> out.dest_id  # doctest: +SKIP
    """

    def __init__(
        self,
        sink: QgsFeatureSink,
        dest_id: str,
        feedback: Any = None,
        *,
        total: int = 0,
        progress_span: tuple[float, float] = (0.0, 100.0),
        staging: Optional[Staging] = None,
    ) -> None:
        self._sink: Optional[QgsFeatureSink] = sink
        self.staging = staging
        #: What QGIS loads after the run (the final destination).
        self.dest_id = staging.final_id if staging is not None else dest_id
        #: What the sink writes to (a temporary destination when staged).
        self.written_id = dest_id
        self.count = 0
        self._feedback = feedback
        self._total = max(int(total), 0)
        self._span = progress_span

    # -- writing ---------------------------------------------------------------------------------

    def add(self, feature: QgsFeature, label: Union[str, Callable[[], str]] = "") -> None:
        """Write one feature; ``label`` names it if the output refuses it (default: its position).

        ``label`` may be a function giving the name, called only then (long outputs need not
        format a name per feature).

        Raises
        ------
        Canceled
            The user canceled; the output was discarded.
        WriteError
            The output refused the feature; the output was discarded.
        """
        if self._sink is None:
            raise RuntimeError("SafeSink.add after close or discard")
        if self.count % PROGRESS_STEP == 0:
            self.check_canceled()
            if self._feedback is not None and self._total:
                start, stop = self._span
                self._feedback.setProgress(start + (stop - start) * self.count / self._total)
        if not self._sink.addFeature(feature, compat.SINK_FAST_INSERT):
            detail = self._sink.lastError() if hasattr(self._sink, "lastError") else ""
            name = label() if callable(label) else label
            name = name or translate("ReterrLayers", "feature {fid}").format(fid=self.count + 1)
            self.discard()
            raise WriteError(f"{name}: {detail or '?'}")
        self.count += 1

    def check_canceled(self) -> None:
        """Discard the output and raise :class:`Canceled` if the user canceled."""
        if self._feedback is not None and self._feedback.isCanceled():
            self.discard()
            raise Canceled()

    # -- ending ----------------------------------------------------------------------------------

    def close(self) -> str:
        """Close the sink (flushing the output); returns the destination id.

        A cancellation that came after the last feature still discards the output and raises
        :class:`Canceled`: a canceled run never leaves an output.
        """
        self.check_canceled()
        self._sink = None  # the sink's destructor writes and closes the output
        stored = stored_count(self.written_id)
        if stored is not None and stored < self.count:
            # Some writers (a table added to an existing GeoPackage) buffer the features and
            # only meet the refusal when the sink closes: the feature cannot be named then.
            self._discard_written()
            raise WriteError(
                translate(
                    "ReterrAlgorithm",
                    "the output holds {stored} of the {count} features written, it refused the "
                    "others (e.g. a repeated fid)",
                ).format(stored=stored, count=self.count)
            )
        return self.dest_id

    def discard(self) -> None:
        """Close the sink and delete the partial output (the previous output stays when the
        output is staged)."""
        self._sink = None
        self._discard_written()

    def _discard_written(self) -> None:
        if self.staging is not None:
            self.staging.discard()
        else:
            discard_output(self.written_id)

    def commit(self) -> None:
        """Move a staged output into place (nothing to do otherwise). Raises OSError."""
        if self._sink is not None:
            raise RuntimeError("SafeSink.commit before close")
        if self.staging is not None:
            self.staging.commit()

    def __enter__(self) -> SafeSink:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        elif self._sink is not None:
            self.discard()
