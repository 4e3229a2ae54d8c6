"""Read QGIS feature sources into engine arrays, with checks that name the faulty features.

One NULL policy for every reader of the plugin: :func:`is_null` says what is missing (None, the NULL
QVariant) and :func:`to_float` how an attribute becomes a number. :func:`read_columns` reads
attribute columns (no geometry); :func:`read_features` reads geometries and attributes with the
checks of the Processing algorithms. Bad input raises the engine's
:class:`~reterr_qgis.engine.core.errors.InputError` in the "ReterrLayers" translation context
(:func:`error_message` translates it), never a Processing exception: these readers also serve the
dock and the report builders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCsException,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFields,
    QgsGeometry,
    QgsProcessingFeatureSource,
)

from ..engine.core.errors import QT_TRANSLATE_NOOP, InputError
from . import compat
from .i18n import translate

MAX_NAMED = 10
#: Translation context of the messages of this module.
CONTEXT = "ReterrLayers"


def describe_features(
    names: Sequence[str], fids: Sequence[int], rows: Iterable[int], limit: int = MAX_NAMED
) -> str:
    """'name (fid 12), other (fid 40) and 3 more' for the given row positions."""
    rows = list(rows)
    # A row outside the table is a caller's mistake (rows of another table): shown by position
    # rather than hidden behind an IndexError that would replace the message being built.
    shown = ", ".join(
        f"{names[r]} (fid {fids[r]})" if 0 <= r < len(names) else f"#{r}" for r in rows[:limit]
    )
    if len(rows) > limit:
        shown += translate("ReterrLayers", " and {n} more").format(n=len(rows) - limit)
    return shown


def feature_name(fid: int) -> str:
    """The name of a feature without a name field: 'feature 12'."""
    return translate("ReterrLayers", "feature {fid}").format(fid=fid)


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
    #: Name of the layer read (for messages); :func:`read_features` sets it.
    layer_name: str = ""

    def __len__(self) -> int:
        return int(self.fids.shape[0])

    def describe(self, rows: Iterable[int], limit: int = MAX_NAMED) -> str:
        """'name (fid 12), other (fid 40) and 3 more' for the given row positions."""
        return describe_features(self.names, self.fids, rows, limit)

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
        """Reproject the geometries in place with a ``QgsCoordinateTransform``.

        Raises
        ------
        InputError
            The layer's CRS is undefined (the transform would silently leave the coordinates as
            they are), or features cannot be reprojected (``QgsCsException``: coordinates that do
            not fit the layer's CRS, e.g. metres in a layer declared in degrees); the message
            names the layer and the features. No geometry is changed then.
        """
        layer = self.layer_name or "?"
        if not xform.sourceCrs().isValid():
            require_projected(xform.sourceCrs(), layer)
        moved = [QgsGeometry(g) for g in self.geometries]
        failed = []
        for k, g in enumerate(moved):
            try:
                g.transform(xform)
            except QgsCsException:
                failed.append(k)
        if failed:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrLayers",
                    "Layer '{layer}': {n} features cannot be reprojected from {source} to "
                    "{target}: {features}. Check that the layer's CRS is the one its "
                    "coordinates are in (e.g. metres in a layer declared in degrees), or set it.",
                ),
                failed,
                context=CONTEXT,
                layer=layer,
                n=len(failed),
                source=xform.sourceCrs().authid() or xform.sourceCrs().description(),
                target=xform.destinationCrs().authid() or xform.destinationCrs().description(),
                features=self.describe(failed),
            )
        self.geometries[:] = moved

    def shapely(self) -> np.ndarray:
        """Geometries as a shapely array (needs shapely 2: else an error saying how to get it)."""
        from .dependencies import require

        require(["shapely2"])
        import shapely

        return shapely.from_wkb([bytes(g.asWkb()) for g in self.geometries])


def dissolve_geometries(geometries: Sequence[QgsGeometry], weights) -> list[QgsGeometry | None]:
    """Union of the member geometries of each zone, through the GEOS of QGIS (no shapely).

    Parameters
    ----------
    geometries
        The units' geometries (a :class:`FeatureTable`'s ``geometries``).
    weights
        ``n_units × n_zones`` scipy sparse matrix: the members of zone ``j`` are the non-zero rows
        of column ``j``.

    Returns
    -------
    One geometry per zone (column): the unary union of its members (one GEOS call per zone), made
    valid when the union is not (a polygonal union keeps its polygonal parts only); None for a
    zone without member.
    """
    w = weights.tocsc(copy=True)
    w.eliminate_zeros()  # a stored zero is no member
    units = np.empty(len(geometries), dtype=object)
    units[:] = list(geometries)
    out: list[QgsGeometry | None] = []
    for j in range(w.shape[1]):
        members = units[w.indices[w.indptr[j] : w.indptr[j + 1]]].tolist()
        if not members:
            out.append(None)
            continue
        merged = QgsGeometry.unaryUnion(members)
        if merged.isNull():
            # GEOS refused the members as they are (e.g. a self-intersecting ring): union the
            # members made valid.
            merged = QgsGeometry.unaryUnion([g.makeValid() for g in members])
        if not merged.isGeosValid():
            merged = _made_valid(merged)
        out.append(merged)
    return out


def _made_valid(geom: QgsGeometry) -> QgsGeometry:
    """``geom.makeValid()``; for a polygonal ``geom``, the polygonal parts of the result only (a
    made-valid polygon may come with stray lines or points, which a polygon layer cannot hold)."""
    fixed = geom.makeValid()
    if geom.type() != compat.GEOMETRY_POLYGON or fixed.type() == compat.GEOMETRY_POLYGON:
        return fixed
    parts = [p for p in fixed.asGeometryCollection() if p.type() == compat.GEOMETRY_POLYGON]
    return QgsGeometry.collectGeometry(parts) if parts else QgsGeometry()


#: PROJ names of the Mercator projections (web maps' Pseudo-Mercator EPSG:3857 included).
MERCATOR_PROJECTIONS = frozenset({"merc", "webmerc"})


def require_projected(crs: QgsCoordinateReferenceSystem, layer_name: str) -> None:
    """Raise :class:`InputError` unless ``crs`` is a valid projected CRS in metres."""
    if not crs.isValid():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrLayers",
                "Layer '{layer}' has no valid coordinate reference system. Set its CRS "
                "(for metropolitan France, Lambert-93, EPSG:2154).",
            ),
            context=CONTEXT,
            layer=layer_name,
        )
    if crs.isGeographic():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrLayers",
                "Layer '{layer}' is in a geographic CRS ({crs}): distances and areas "
                "would be in degrees. Reproject it first (for metropolitan France, Lambert-93, "
                "EPSG:2154) with 'Reproject layer'.",
            ),
            context=CONTEXT,
            layer=layer_name,
            crs=crs.authid(),
        )

    # A Mercator projection keeps angles, not lengths: its scale is 1 / cos(latitude) (× 1.43 at
    # 45° N), so distances come out 43 % too long and areas twice too large in Aveyron.
    if crs.projectionAcronym() in MERCATOR_PROJECTIONS:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrLayers",
                "Layer '{layer}' is in a Mercator projection ({crs}, e.g. the web maps' "
                "EPSG:3857): its metres are stretched by 1 / cos(latitude), about 1.4 in "
                "France, so distances and times would be 40 % too long and areas twice too "
                "large. Reproject it first (for metropolitan France, Lambert-93, EPSG:2154) "
                "with 'Reproject layer'.",
            ),
            context=CONTEXT,
            layer=layer_name,
            crs=crs.authid() or crs.description(),
        )
    if crs.mapUnits() != compat.DISTANCE_METERS:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrLayers",
                "Layer '{layer}' has a projected CRS ({crs}) whose unit is not the metre. "
                "Reproject it first (for metropolitan France, Lambert-93, EPSG:2154) with "
                "'Reproject layer'.",
            ),
            context=CONTEXT,
            layer=layer_name,
            crs=crs.authid() or crs.description(),
        )


# --- One NULL policy -------------------------------------------------------------------------


def is_null(value: object) -> bool:
    """True for None and for a NULL ``QVariant`` (how QGIS 3.22 hands NULL attributes to Python).

    An empty string is *not* NULL here (it is a text); :func:`to_float` reads it as no number.
    """
    if value is None:
        return True
    is_null_method = getattr(value, "isNull", None)
    return callable(is_null_method) and bool(is_null_method())


class AmbiguousNumber(ValueError):
    """A text that looks like a number but whose separators could be read two ways ("1,116")."""


#: Spaces accepted as French thousands separators: plain, no-break, narrow no-break.
_SPACES = str.maketrans("", "", " \xa0\u202f")
#: A comma then three digits after a first group of one to three digits, nothing else: an
#: English thousands separator ("1,116", "-12,345") as much as a French decimal comma.
_COMMA_THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")


def to_float(value: object) -> float | None:
    """The number an attribute holds, or None when it holds none.

    Numbers are taken as they are; texts are read with French conventions: a decimal comma, and
    plain, no-break or narrow no-break spaces as thousands separators ("1 234,5" → 1234.5,
    "1 116" → 1116, "0,25" → 0.25). A point is a decimal point ("1.5" → 1.5). NULL, "" and blank
    texts give None.

    Text whose separators could be read two ways is refused rather than guessed:

    * a comma followed by exactly three digits, after one to three digits and with no other
      separator ("1,116", "12,345"): an English thousands separator or a French decimal comma?
      ("0,125" and "1234,567" cannot be English thousands and are read as decimals);
    * more than one comma ("1,234,567"), or a comma and a point together ("1,234.5" in English,
      "1.234,5" in German).

    Write such numbers without a separator ("1116"), with spaces ("1 116") or with one decimal
    comma ("1,5").

    Raises
    ------
    AmbiguousNumber
        For text with ambiguous separators as above (a :class:`ValueError`).
    ValueError
        For anything else: a text that is not a number, a boolean (a yes/no field is not a count).
    """
    if is_null(value):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().translate(_SPACES)
    if text == "":
        return None
    commas = text.count(",")
    if commas > 1 or (commas and "." in text) or _COMMA_THOUSANDS.fullmatch(text):
        raise AmbiguousNumber(value)
    return float(text.replace(",", "."))


def _to_text(value: object) -> str | None:
    return None if is_null(value) else str(value)


def _field_not_found(fields: QgsFields, name: str, layer_name: str) -> InputError:
    return InputError(
        QT_TRANSLATE_NOOP(
            "ReterrLayers",
            "Field '{field}' not found in layer '{layer}'. Available fields: {fields}.",
        ),
        context=CONTEXT,
        field=name,
        layer=layer_name,
        fields=", ".join(fields.names()),
    )


def _not_numbers(
    field_name: str, layer_name: str, rows: list[int], features: str, separators: bool = False
) -> InputError:
    """The error for values that are not numbers; ``separators`` when some of them were refused for
    their ambiguous separators (:class:`AmbiguousNumber`): the message then says how to write them."""
    if separators:
        template = QT_TRANSLATE_NOOP(
            "ReterrLayers",
            "Field '{field}' of layer '{layer}' holds values that are not numbers "
            "for: {features}. Correct them or choose another field. A comma before three "
            "digits ('1,116') or next to another separator ('1,234.5') can be read two "
            "ways: write thousands without a separator or with spaces ('1116', '1 116') "
            "and decimals with one comma ('1,5').",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "ReterrLayers",
            "Field '{field}' of layer '{layer}' holds values that are not numbers "
            "for: {features}. Correct them or choose another field.",
        )
    return InputError(
        template,
        rows,
        context=CONTEXT,
        field=field_name,
        layer=layer_name,
        features=features,
    )


def _iterate(source: QgsFeatureSource, request: QgsFeatureRequest):
    """``source.getFeatures(request)``; a Processing source skips its own geometry checks (the
    readers check geometries themselves and name the features concerned)."""
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, compat.SOURCE_SKIP_VALIDITY_CHECKS)
    return source.getFeatures(request)


def _source_name(source: QgsFeatureSource) -> str:
    return getattr(source, "sourceName", lambda: "")()


@dataclass
class Columns:
    """Attribute columns read by :func:`read_columns`, in iteration order.

    Attributes
    ----------
    fids
        Feature ids (int64).
    numbers
        ``{field: float64 array}``, NaN for NULL (and, when not strict, for values that are not
        numbers).
    texts
        ``{field: object array}`` of ``str``, None for NULL.
    bad
        ``{field: row positions}`` of the values that are not numbers (lenient reads only).
    canceled
        The read stopped because ``is_canceled`` said so: the columns are partial.
    """

    fids: np.ndarray
    numbers: dict[str, np.ndarray] = field(default_factory=dict)
    texts: dict[str, np.ndarray] = field(default_factory=dict)
    bad: dict[str, list[int]] = field(default_factory=dict)
    canceled: bool = False

    def __len__(self) -> int:
        return int(self.fids.shape[0])


def read_columns(
    source: QgsFeatureSource,
    numeric: Iterable[str] = (),
    text: Iterable[str] = (),
    *,
    layer_name: str = "",
    missing: Literal["error", "skip"] = "error",
    strict: bool = True,
    is_canceled: Callable[[], bool] | None = None,
    request: QgsFeatureRequest | None = None,
    fields: QgsFields | None = None,
) -> Columns:
    """Read attribute columns of a feature source in one pass, without geometries.

    Parameters
    ----------
    source
        A layer, a Processing feature source or a ``QgsVectorLayerFeatureSource`` (safe in a
        worker thread).
    numeric, text
        Field names to read as numbers (:func:`to_float`) and as texts. A field may be in both.
    layer_name
        Name of the layer in messages (default: the source's name).
    missing
        ``"error"``: a field absent from the source raises :class:`InputError`; ``"skip"``: it is
        left out of ``numbers`` and ``texts``.
    strict
        A value that is not a number raises :class:`InputError` naming the features; when False
        it reads as NaN and its row is listed in :attr:`Columns.bad`.
    is_canceled
        Polled every 2,000 features; when it returns True the read stops with
        :attr:`Columns.canceled` set.
    request
        A request to start from (e.g. with a filter); its geometry flag and attribute subset are
        set here.
    fields
        The source's fields, for a source that does not tell them (default: ``source.fields()``).
    """
    fields = source.fields() if fields is None else fields
    layer_name = layer_name or _source_name(source)
    numeric = list(dict.fromkeys(numeric))
    text = list(dict.fromkeys(text))
    for name in dict.fromkeys([*numeric, *text]):
        if fields.lookupField(name) < 0 and missing == "error":
            raise _field_not_found(fields, name, layer_name)
    idx_num = {n: fields.lookupField(n) for n in numeric if fields.lookupField(n) >= 0}
    idx_txt = {n: fields.lookupField(n) for n in text if fields.lookupField(n) >= 0}

    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    request.setFlags(request.flags() | compat.REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes(sorted({*idx_num.values(), *idx_txt.values()}))

    fids: list[int] = []
    nums: dict[str, list] = {n: [] for n in idx_num}
    txts: dict[str, list] = {n: [] for n in idx_txt}
    bad: dict[str, list[int]] = {n: [] for n in idx_num}
    ambiguous: set[str] = set()
    canceled = False
    for k, feat in enumerate(_iterate(source, request)):
        if is_canceled is not None and k % 2000 == 0 and is_canceled():
            canceled = True
            break
        fids.append(feat.id())
        attrs = feat.attributes()
        for n, i in idx_num.items():
            try:
                nums[n].append(to_float(attrs[i]))
            except AmbiguousNumber:
                nums[n].append(None)
                bad[n].append(k)
                ambiguous.add(n)
            except (TypeError, ValueError):
                nums[n].append(None)
                bad[n].append(k)
        for n, i in idx_txt.items():
            txts[n].append(_to_text(attrs[i]))

    fid_array = np.asarray(fids, dtype=np.int64)
    if strict:
        for n, rows in bad.items():
            if rows:
                names = [feature_name(f) for f in fids]
                features = describe_features(names, fids, rows)
                raise _not_numbers(n, layer_name, rows, features, n in ambiguous)
    return Columns(
        fids=fid_array,
        numbers={n: _float_array(vals) for n, vals in nums.items()},
        texts={n: np.array(vals, dtype=object) for n, vals in txts.items()},
        bad={n: rows for n, rows in bad.items() if rows},
        canceled=canceled,
    )


def _float_array(values: list[float | None]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


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
    """Read a source in one pass, with the NULL policy of :func:`read_columns`.

    Parameters
    ----------
    numeric, text
        ``{key: field name}`` of the fields to read as numbers or texts. A numeric field may be of a
        text type when every value parses as a number ("1 234,5" is read as 1234.5).
    name_field
        Field giving readable names in messages (else "feature <fid>").
    with_geometry
        Read geometries; then NULL, empty and invalid geometries raise an error naming them.

    Raises
    ------
    InputError
        A field is missing, a numeric field holds values that are not numbers, or (with
        geometries) features have no or an invalid geometry: the message names them.
    """
    numeric = dict(numeric or {})
    text = dict(text or {})
    fields = source.fields()
    layer_name = layer_name or _source_name(source)
    for fname in [*numeric.values(), *text.values(), *([name_field] if name_field else [])]:
        if fields.lookupField(fname) < 0:
            raise _field_not_found(fields, fname, layer_name)
    idx_num = {k: fields.lookupField(f) for k, f in numeric.items()}
    idx_txt = {k: fields.lookupField(f) for k, f in text.items()}
    idx_name = fields.lookupField(name_field) if name_field else -1

    request = QgsFeatureRequest()
    request.setInvalidGeometryCheck(compat.REQUEST_NO_GEOMETRY_CHECK)
    if not with_geometry:
        request.setFlags(compat.REQUEST_NO_GEOMETRY)
    total = max(source.featureCount(), 1)
    features = _iterate(source, request)

    fids: list[int] = []
    names: list[str] = []
    nums: dict[str, list] = {k: [] for k in idx_num}
    txts: dict[str, list] = {k: [] for k in idx_txt}
    geoms: list[QgsGeometry] = []
    attrs: list[list] = []
    bad_numbers: dict[str, list[int]] = {k: [] for k in idx_num}
    ambiguous: set[str] = set()
    start, span = progress_span[0], progress_span[1] - progress_span[0]
    step = max(total // 100, 1)
    for i, feat in enumerate(features):
        if feedback is not None and i % step == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(start + span * i / total)
        fids.append(feat.id())
        label = feat.attribute(idx_name) if idx_name >= 0 else None
        named = not is_null(label) and label != ""
        names.append(str(label) if named else feature_name(feat.id()))
        for k, j in idx_num.items():
            try:
                nums[k].append(to_float(feat.attribute(j)))
            except AmbiguousNumber:
                nums[k].append(None)
                bad_numbers[k].append(i)
                ambiguous.add(k)
            except (TypeError, ValueError):
                nums[k].append(None)
                bad_numbers[k].append(i)
        for k, j in idx_txt.items():
            txts[k].append(_to_text(feat.attribute(j)))
        if with_geometry:
            geoms.append(QgsGeometry(feat.geometry()))
        if keep_attributes:
            attrs.append(feat.attributes())

    table = FeatureTable(
        fids=np.asarray(fids, dtype=np.int64),
        names=names,
        numbers={k: _float_array(vals) for k, vals in nums.items()},
        texts={k: np.array(vals, dtype=object) for k, vals in txts.items()},
        geometries=geoms,
        attributes=attrs,
        layer_name=layer_name,
    )
    for k, rows in bad_numbers.items():
        if rows:
            features = table.describe(rows)
            raise _not_numbers(numeric[k], layer_name, rows, features, k in ambiguous)
    if with_geometry:
        check_geometries(table, layer_name)
    return table


def check_geometries(table: FeatureTable, layer_name: str) -> None:
    """Raise :class:`InputError` naming the features whose geometry is missing, empty or invalid."""
    empty = [i for i, g in enumerate(table.geometries) if g is None or g.isNull() or g.isEmpty()]
    if empty:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrLayers",
                "Layer '{layer}': {n} features have no geometry: {features}. Remove them "
                "or give them a geometry.",
            ),
            empty,
            context=CONTEXT,
            layer=layer_name,
            n=len(empty),
            features=table.describe(empty),
        )
    invalid = [i for i, g in enumerate(table.geometries) if not g.isGeosValid()]
    if invalid:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrLayers",
                "Layer '{layer}': {n} features have an invalid geometry: {features}. Run "
                "'Fix geometries' on the layer first.",
            ),
            invalid,
            context=CONTEXT,
            layer=layer_name,
            n=len(invalid),
            features=table.describe(invalid),
        )


def error_message(err: InputError, table: FeatureTable | None = None, layer_name: str = "") -> str:
    """The translated text of an :class:`InputError`, naming the features of ``table`` concerned.

    A message that already names its features (a ``{features}`` placeholder, as the errors of this
    module have) gets no second list.
    """
    message = translate(err.context, err.msg.template).format(**err.msg.params)
    if table is not None and err.rows and "features" not in err.msg.params:
        message += " " + translate("ReterrLayers", "Layer '{layer}', features: {features}.").format(
            layer=layer_name, features=table.describe(err.rows)
        )
    return message


def engine_messages(
    messages: Sequence, translate_fn: Callable[[str, str], str] = translate
) -> list[str]:
    """Translate engine :class:`~reterr_qgis.engine.core.errors.Message` objects."""
    from ..engine.core.errors import CONTEXT

    return [translate_fn(CONTEXT, m.template).format(**m.params) for m in messages]
