"""Provenance of output layers: which algorithm, plugin version, parameters and date made them.

Written twice so that both a council document and another tool can cite it: in the QGIS layer
metadata (history) stored in the GeoPackage, and as rows of a ``reterr_provenance`` attribute table
in the same GeoPackage. An output written to a PostGIS table gets its rows in a
``reterr_provenance`` table of the same schema (:func:`write_postgres_table`); passwords of
database connections are never recorded.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any, Optional

from qgis.core import Qgis, QgsMapLayer, QgsProviderRegistry

from ..about import __version__

TABLE = "reterr_provenance"


#: A password in a database connection string (``password='s3cret'`` or ``password=s3cret``).
_PASSWORD_RE = re.compile(r"""(password=)(?:'(?:[^'\\]|\\.)*'|\S+)""", re.IGNORECASE)


def redact(text: str) -> str:
    """``text`` with the passwords of database connection strings masked."""
    return _PASSWORD_RE.sub(r"\1***", text)


def _plain(value: Any) -> Any:
    """JSON-able form of a Processing parameter value (passwords masked)."""
    if isinstance(value, str):
        return redact(value)
    if value is None or isinstance(value, (int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, QgsMapLayer):
        return redact(value.source())
    for attr in ("source", "sink"):  # feature source / output definitions
        inner = getattr(value, attr, None)
        if inner is not None and hasattr(inner, "staticValue"):
            return _plain(inner.staticValue())
    return str(value)


def record(algorithm_id: str, parameters: dict[str, Any]) -> dict[str, Any]:
    """Provenance record of one run."""
    return {
        "algorithm": algorithm_id,
        "plugin_version": __version__,
        "qgis_version": Qgis.QGIS_VERSION,
        "parameters": json.dumps(_plain(parameters), ensure_ascii=False, sort_keys=True),
        "created": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
    }


def gpkg_location(layer_uri: str) -> tuple[str, str] | None:
    """(path, layer name) when ``layer_uri`` is a GeoPackage layer, else None."""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer_uri)
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg"):
        return None
    name = parts.get("layerName") or ""
    if not name:
        from osgeo import ogr

        ds = ogr.Open(path)
        name = ds.GetLayer(0).GetName() if ds is not None and ds.GetLayerCount() else ""
    return path, name


#: How Processing names a PostGIS layer or destination: ``postgres://<uri>`` (also ``postgis:``).
POSTGRES_PREFIXES = ("postgres://", "postgis://", "postgres:", "postgis:")


def postgres_uri(layer_uri: str) -> Optional[str]:
    """The PostgreSQL provider URI (``dbname=… table="schema"."name" (geom)``) of a Processing
    PostGIS layer or destination string, else None."""
    if not isinstance(layer_uri, str):
        return None
    for prefix in POSTGRES_PREFIXES:
        if layer_uri.startswith(prefix):
            return layer_uri[len(prefix) :]
    return None


def postgres_table(uri: str) -> tuple[str, str]:
    """(schema, table) of a PostgreSQL provider URI (schema ``public`` when not given)."""
    from qgis.core import QgsDataSourceUri

    ds = QgsDataSourceUri(uri)
    return ds.schema() or "public", ds.table()


def sql_identifier(name: str) -> str:
    """``name`` quoted as an SQL identifier."""
    return '"{}"'.format(name.replace('"', '""'))


def sql_literal(text: str) -> str:
    """``text`` quoted as an SQL string literal."""
    return "'{}'".format(text.replace("'", "''"))


def pg_execute(uri: str, sql: str) -> list:
    """Run ``sql`` (one or several statements, one implicit transaction) on the database of the
    PostgreSQL provider URI ``uri``, through QGIS's connection (authentication configurations
    resolved); the rows of the last statement. Raises OSError with the server's message."""
    from qgis.core import QgsProviderConnectionException

    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    if md is None:
        raise OSError("QGIS has no PostgreSQL provider")
    try:
        conn = md.createConnection(uri, {})
        result = conn.executeSql(sql)
    except QgsProviderConnectionException as err:
        raise OSError(redact(str(err))) from err
    return list(result or [])


def write_postgres_table(uri: str, rec: dict[str, Any]) -> None:
    """Append ``rec`` for the table of ``uri`` to the ``reterr_provenance`` table of its schema
    (created when missing). Raises OSError."""
    schema, table = postgres_table(uri)
    target = f"{sql_identifier(schema)}.{sql_identifier(TABLE)}"
    columns = ("layer", *rec)
    create = ", ".join(f"{sql_identifier(c)} text" for c in columns)
    values = ", ".join(sql_literal(str(v)) for v in (table, *rec.values()))
    pg_execute(
        uri,
        f"CREATE TABLE IF NOT EXISTS {target} (fid serial PRIMARY KEY, {create}); "
        f"INSERT INTO {target} ({', '.join(sql_identifier(c) for c in columns)}) "
        f"VALUES ({values})",
    )


def write_table(path: str, layer_name: str, rec: dict[str, Any]) -> None:
    """Append ``rec`` for ``layer_name`` to the ``reterr_provenance`` table of a GeoPackage."""
    from osgeo import ogr

    ds = ogr.Open(path, update=1)
    if ds is None:
        raise OSError(f"cannot open {path} for update")
    lyr = ds.GetLayerByName(TABLE)
    if lyr is None:
        lyr = ds.CreateLayer(TABLE, geom_type=ogr.wkbNone, options=["FID=fid"])
        for name in ("layer", *rec):
            lyr.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    feat = ogr.Feature(lyr.GetLayerDefn())
    feat.SetField("layer", layer_name)
    for k, v in rec.items():
        feat.SetField(k, str(v))
    lyr.CreateFeature(feat)
    ds = None


def apply_metadata(layer: QgsMapLayer, rec: dict[str, Any], title: str, abstract: str) -> None:
    """Put the record in the layer's metadata (title, abstract, history)."""
    md = layer.metadata()
    md.setTitle(title)
    md.setAbstract(abstract)
    md.addHistoryItem(
        f"{rec['created']} {rec['algorithm']} (ReTerr {rec['plugin_version']}, "
        f"QGIS {rec['qgis_version']}) {rec['parameters']}"
    )
    layer.setMetadata(md)


def save_metadata(layer: QgsMapLayer) -> bool:
    """Store the layer metadata in its data source (GeoPackage) when the provider can."""
    try:
        return bool(
            QgsProviderRegistry.instance().saveLayerMetadata(
                layer.providerType(), layer.source(), layer.metadata()
            )
        )
    except Exception:
        return False
