"""Provenance of output layers: which algorithm, plugin version, parameters and date made them.

Written twice so that both a council document and another tool can cite it: in the QGIS layer
metadata (history) stored in the GeoPackage, and as rows of a ``reterr_provenance`` attribute table
in the same GeoPackage.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from qgis.core import Qgis, QgsMapLayer, QgsProviderRegistry

from ..about import __version__

TABLE = "reterr_provenance"


def _plain(value: Any) -> Any:
    """JSON-able form of a Processing parameter value."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, QgsMapLayer):
        return value.source()
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
