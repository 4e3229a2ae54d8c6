"""Read QGIS feature sources into engine arrays, with checks that name the faulty features."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
)

from ..engine.errors import InputError
from . import compat
from .i18n import translate

MAX_NAMED = 10


@dataclass
class FeatureTable:
    """Attributes and geometries of a feature source, in iteration order.

    ``numbers`` hold float64 arrays (NaN for NULL); ``texts`` object arrays (None for NULL);
    ``geometries`` the QGIS geometries; ``names`` a readable name per feature for messages.
    """

    fids: np.ndarray
    names: list[str]
    numbers: dict[str, np.ndarray] = field(default_factory=dict)
    texts: dict[str, np.ndarray] = field(default_factory=dict)
    geometries: list[QgsGeometry] = field(default_factory=list)
    attributes: list[list] = field(default_factory=list)

    def __len__(self) -> int:
        return int(self.fids.shape[0])

    def describe(self, rows: Iterable[int], limit: int = MAX_NAMED) -> str:
        """'name (fid 12), other (fid 40) and 3 more' for the given row positions."""
        rows = list(rows)
        shown = ", ".join(f"{self.names[r]} (fid {self.fids[r]})" for r in rows[:limit])
        if len(rows) > limit:
            shown += translate("ReterrLayers", " and {n} more").format(n=len(rows) - limit)
        return shown

    def anchor_xy(self) -> np.ndarray:
        """``(n, 2)`` coordinates standing for each feature: the point itself, or for lines and
        polygons a point guaranteed to lie on the geometry (``pointOnSurface``)."""
        out = np.empty((len(self.geometries), 2))
        for k, g in enumerate(self.geometries):
            p = (
                g.asPoint()
                if g.type() == compat.GEOMETRY_POINT and not g.isMultipart()
                else (g.pointOnSurface().asPoint())
            )
            out[k] = (p.x(), p.y())
        return out

    def transform(self, xform) -> None:
        """Reproject the geometries in place with a ``QgsCoordinateTransform``."""
        for g in self.geometries:
            g.transform(xform)

    def shapely(self) -> np.ndarray:
        """Geometries as a shapely array (needs shapely 2)."""
        import shapely

        return shapely.from_wkb([bytes(g.asWkb()) for g in self.geometries])


def require_projected(crs: QgsCoordinateReferenceSystem, layer_name: str) -> None:
    """Raise a clear error unless ``crs`` is a valid projected CRS in metres."""
    if not crs.isValid():
        raise QgsProcessingException(
            translate(
                "ReterrLayers",
                "Layer '{layer}' has no valid coordinate reference system. Set its CRS "
                "(for metropolitan France, Lambert-93, EPSG:2154).",
            ).format(layer=layer_name)
        )
    if crs.isGeographic():
        raise QgsProcessingException(
            translate(
                "ReterrLayers",
                "Layer '{layer}' is in a geographic CRS ({crs}): distances and areas "
                "would be in degrees. Reproject it first (for metropolitan France, Lambert-93, "
                "EPSG:2154) with 'Reproject layer'.",
            ).format(layer=layer_name, crs=crs.authid())
        )


def _to_float(value: object) -> float | None:
    """Number from a QGIS attribute: numbers, numeric strings with French decimal commas or
    spaces as thousand separators. Returns None for NULL, raises ValueError otherwise."""
    if value is None:
        return None
    # QVariant NULL arrives as a QVariant object or None depending on the QGIS version.
    if hasattr(value, "isNull") and value.isNull():
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if text == "":
        return None
    return float(text.replace(",", "."))


def read_features(
    source: QgsFeatureSource,
    *,
    numeric: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
    name_field: str | None = None,
    with_geometry: bool = True,
    keep_attributes: bool = False,
    layer_name: str = "",
    feedback=None,
    progress_span: tuple[float, float] = (0.0, 100.0),
) -> FeatureTable:
    """Read a source in one pass.

    Parameters
    ----------
    numeric, text
        ``{key: field name}`` of the fields to read as numbers or texts. A numeric field may be of a
        text type when every value parses as a number ("1 234,5" is read as 1234.5).
    name_field
        Field giving readable names in messages (else "feature <fid>").
    with_geometry
        Read geometries; then NULL, empty and invalid geometries raise an error naming them.
    """
    numeric = dict(numeric or {})
    text = dict(text or {})
    fields = source.fields()
    layer_name = layer_name or getattr(source, "sourceName", lambda: "")()
    for fname in [*numeric.values(), *text.values(), *([name_field] if name_field else [])]:
        if fields.lookupField(fname) < 0:
            raise QgsProcessingException(
                translate(
                    "ReterrLayers",
                    "Field '{field}' not found in layer '{layer}'. Available fields: {fields}.",
                ).format(field=fname, layer=layer_name, fields=", ".join(fields.names()))
            )
    idx_num = {k: fields.lookupField(f) for k, f in numeric.items()}
    idx_txt = {k: fields.lookupField(f) for k, f in text.items()}
    idx_name = fields.lookupField(name_field) if name_field else -1

    request = QgsFeatureRequest()
    request.setInvalidGeometryCheck(compat.REQUEST_NO_GEOMETRY_CHECK)
    if not with_geometry:
        request.setFlags(compat.REQUEST_NO_GEOMETRY)
    total = max(source.featureCount(), 1)
    if isinstance(source, QgsProcessingFeatureSource):
        features = source.getFeatures(request, compat.SOURCE_SKIP_VALIDITY_CHECKS)
    else:
        features = source.getFeatures(request)

    fids: list[int] = []
    names: list[str] = []
    nums: dict[str, list] = {k: [] for k in idx_num}
    txts: dict[str, list] = {k: [] for k in idx_txt}
    geoms: list[QgsGeometry] = []
    attrs: list[list] = []
    bad_numbers: dict[str, list[int]] = {k: [] for k in idx_num}
    start, span = progress_span[0], progress_span[1] - progress_span[0]
    step = max(total // 100, 1)
    for i, feat in enumerate(features):
        if feedback is not None and i % step == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(start + span * i / total)
        fids.append(feat.id())
        label = feat.attribute(idx_name) if idx_name >= 0 else None
        names.append(
            str(label)
            if label not in (None, "") and not _is_null(label)
            else translate("ReterrLayers", "feature {fid}").format(fid=feat.id())
        )
        for k, j in idx_num.items():
            try:
                nums[k].append(_to_float(feat.attribute(j)))
            except (TypeError, ValueError):
                nums[k].append(None)
                bad_numbers[k].append(i)
        for k, j in idx_txt.items():
            v = feat.attribute(j)
            txts[k].append(None if v is None or _is_null(v) else str(v))
        if with_geometry:
            geoms.append(QgsGeometry(feat.geometry()))
        if keep_attributes:
            attrs.append(feat.attributes())

    table = FeatureTable(
        fids=np.asarray(fids, dtype=np.int64),
        names=names,
        numbers={
            k: np.array([np.nan if v is None else v for v in vals], dtype=np.float64)
            for k, vals in nums.items()
        },
        texts={k: np.array(vals, dtype=object) for k, vals in txts.items()},
        geometries=geoms,
        attributes=attrs,
    )
    for k, rows in bad_numbers.items():
        if rows:
            raise QgsProcessingException(
                translate(
                    "ReterrLayers",
                    "Field '{field}' of layer '{layer}' holds values that are not numbers "
                    "for: {features}. Correct them or choose another field.",
                ).format(field=numeric[k], layer=layer_name, features=table.describe(rows))
            )
    if with_geometry:
        check_geometries(table, layer_name)
    return table


def _is_null(value: object) -> bool:
    return hasattr(value, "isNull") and value.isNull()


def check_geometries(table: FeatureTable, layer_name: str) -> None:
    """Raise an error naming the features whose geometry is missing, empty or invalid."""
    empty = [i for i, g in enumerate(table.geometries) if g is None or g.isNull() or g.isEmpty()]
    if empty:
        raise QgsProcessingException(
            translate(
                "ReterrLayers",
                "Layer '{layer}': {n} features have no geometry: {features}. Remove them "
                "or give them a geometry.",
            ).format(layer=layer_name, n=len(empty), features=table.describe(empty))
        )
    invalid = [i for i, g in enumerate(table.geometries) if not g.isGeosValid()]
    if invalid:
        raise QgsProcessingException(
            translate(
                "ReterrLayers",
                "Layer '{layer}': {n} features have an invalid geometry: {features}. Run "
                "'Fix geometries' on the layer first.",
            ).format(layer=layer_name, n=len(invalid), features=table.describe(invalid))
        )


def engine_error(
    err: InputError, table: FeatureTable | None = None, layer_name: str = ""
) -> QgsProcessingException:
    """Translate an engine :class:`InputError` into a Processing error naming the features."""
    from ..engine.errors import CONTEXT

    message = translate(CONTEXT, err.msg.template).format(**err.msg.params)
    if table is not None and err.rows:
        message += " " + translate("ReterrLayers", "Layer '{layer}', features: {features}.").format(
            layer=layer_name, features=table.describe(err.rows)
        )
    return QgsProcessingException(message)


def engine_messages(
    messages: Sequence, translate_fn: Callable[[str, str], str] = translate
) -> list[str]:
    """Translate engine :class:`~reterr_qgis.engine.errors.Message` objects."""
    from ..engine.errors import CONTEXT

    return [translate_fn(CONTEXT, m.template).format(**m.params) for m in messages]
