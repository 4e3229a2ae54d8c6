"""The few QGIS API spellings that differ between QGIS 3.22 (oldest supported) and 3.36+/4.

QGIS 3.36 moved many enums into scoped ``Qgis.*`` enums and QGIS 4 (Qt6) drops the old spellings.
Everything else in the plugin imports the names from here.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFieldProxyModel,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsLayoutTable,
    QgsMapLayerProxyModel,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProperty,
    QgsRenderContext,
    QgsScaleBarSettings,
    QgsTask,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt, QVariant

QGIS_VERSION_INT: int = Qgis.QGIS_VERSION_INT


def _scoped(new_owner: object, new_path: str, old_owner: object, old_name: str) -> object:
    """``new_owner.new_path`` (QGIS 3.36+ and 4, e.g. ``"ProcessingSourceType.VectorPolygon"``),
    else ``old_owner.old_name`` (QGIS 3.22). Members were often renamed when their enum was
    scoped (``TypeVectorPolygon`` -> ``VectorPolygon``), so both names are spelled out."""
    return _first((new_owner, new_path), (old_owner, old_name))


def _first(*paths: tuple[object, str]) -> object:
    """The first attribute path that exists, e.g. ``(Qgis, "LabelPlacement.AroundPoint")``."""
    for owner, path in paths:
        value = owner
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except AttributeError:
            continue
        return value
    raise AttributeError(f"none of {[p for _, p in paths]} exists in this QGIS")


# Processing source types
TYPE_VECTOR_POLYGON = _scoped(
    Qgis, "ProcessingSourceType.VectorPolygon", QgsProcessing, "TypeVectorPolygon"
)
TYPE_VECTOR_ANY = _scoped(
    Qgis, "ProcessingSourceType.VectorAnyGeometry", QgsProcessing, "TypeVectorAnyGeometry"
)
TYPE_VECTOR_POINT = _scoped(
    Qgis, "ProcessingSourceType.VectorPoint", QgsProcessing, "TypeVectorPoint"
)
TYPE_VECTOR_LINE = _scoped(Qgis, "ProcessingSourceType.VectorLine", QgsProcessing, "TypeVectorLine")
#: Any vector layer, tables without geometry included.
TYPE_VECTOR_OR_TABLE = _first((Qgis, "ProcessingSourceType.Vector"), (QgsProcessing, "TypeVector"))

# Parameter types
NUMBER_INTEGER = _scoped(
    Qgis, "ProcessingNumberParameterType.Integer", QgsProcessingParameterNumber, "Integer"
)
NUMBER_DOUBLE = _scoped(
    Qgis, "ProcessingNumberParameterType.Double", QgsProcessingParameterNumber, "Double"
)
FIELD_NUMERIC = _scoped(
    Qgis, "ProcessingFieldParameterDataType.Numeric", QgsProcessingParameterField, "Numeric"
)
FIELD_ANY = _scoped(
    Qgis, "ProcessingFieldParameterDataType.Any", QgsProcessingParameterField, "Any"
)
#: Parameter flag: shown under the dialog's "Advanced parameters".
PARAM_FLAG_ADVANCED = _first(
    (Qgis, "ProcessingParameterFlag.Advanced"), (QgsProcessingParameterNumber, "FlagAdvanced")
)

# Algorithm flags
FLAG_NO_THREADING = _scoped(
    Qgis, "ProcessingAlgorithmFlag.NoThreading", QgsProcessingAlgorithm, "FlagNoThreading"
)

# Feature requests, sinks and sources
REQUEST_NO_GEOMETRY = _first(
    (Qgis, "FeatureRequestFlag.NoGeometry"), (QgsFeatureRequest, "NoGeometry")
)
REQUEST_NO_GEOMETRY_CHECK = _first(
    (Qgis, "InvalidGeometryCheck.NoCheck"), (QgsFeatureRequest, "GeometryNoCheck")
)
SOURCE_SKIP_VALIDITY_CHECKS = _first(
    (Qgis, "ProcessingFeatureSourceFlag.SkipGeometryValidityChecks"),
    (QgsProcessingFeatureSource, "FlagSkipGeometryValidityChecks"),
)
SINK_FAST_INSERT = _first((QgsFeatureSink, "Flag.FastInsert"), (QgsFeatureSink, "FastInsert"))

# Labels and layouts
LABEL_AROUND_POINT = _first(
    (Qgis, "LabelPlacement.AroundPoint"), (QgsPalLayerSettings, "AroundPoint")
)
LABEL_PRIORITY = _first(
    (QgsPalLayerSettings, "Property.Priority"), (QgsPalLayerSettings, "Priority")
)
EXPORT_SUCCESS = _first((QgsLayoutExporter, "ExportResult.Success"), (QgsLayoutExporter, "Success"))

# Message levels
LOG_INFO = _scoped(Qgis, "MessageLevel.Info", Qgis, "Info")
LOG_WARNING = _scoped(Qgis, "MessageLevel.Warning", Qgis, "Warning")
LOG_CRITICAL = _scoped(Qgis, "MessageLevel.Critical", Qgis, "Critical")

# Text rendering in exports
TEXT_ALWAYS_TEXT = _scoped(
    Qgis, "TextRenderFormat.AlwaysText", QgsRenderContext, "TextFormatAlwaysText"
)

# Geometry types
WKB_MULTIPOLYGON = _scoped(Qgis, "WkbType.MultiPolygon", QgsWkbTypes, "MultiPolygon")
GEOMETRY_POLYGON = _scoped(Qgis, "GeometryType.Polygon", QgsWkbTypes, "PolygonGeometry")
GEOMETRY_POINT = _first((Qgis, "GeometryType.Point"), (QgsWkbTypes, "PointGeometry"))
WKB_POINT = _scoped(Qgis, "WkbType.Point", QgsWkbTypes, "Point")
WKB_LINESTRING = _scoped(Qgis, "WkbType.LineString", QgsWkbTypes, "LineString")
DISTANCE_METERS = _first((Qgis, "DistanceUnit.Meters"), (QgsUnitTypes, "DistanceMeters"))
WKB_NO_GEOMETRY = _scoped(Qgis, "WkbType.NoGeometry", QgsWkbTypes, "NoGeometry")
WKB_UNKNOWN = _scoped(Qgis, "WkbType.Unknown", QgsWkbTypes, "Unknown")

# Field types: QMetaType in Qt6 builds, QVariant in Qt5 builds.
try:  # pragma: no cover - depends on the Qt build
    from qgis.PyQt.QtCore import QMetaType

    _META = QMetaType.Type if hasattr(QMetaType, "Type") else None
except ImportError:  # pragma: no cover
    _META = None

if QGIS_VERSION_INT >= 33800 and _META is not None:
    FIELD_DOUBLE = _META.Double
    FIELD_INT = _META.Int
    FIELD_LONG = _META.LongLong
    FIELD_STRING = _META.QString
else:
    FIELD_DOUBLE = QVariant.Double
    FIELD_INT = QVariant.Int
    FIELD_LONG = QVariant.LongLong
    FIELD_STRING = QVariant.String

# Widgets and tasks (dock)
LAYER_FILTER_VECTOR = _first(
    (Qgis, "LayerFilter.VectorLayer"), (QgsMapLayerProxyModel, "VectorLayer")
)
FIELD_FILTER_ALL = _first((QgsFieldProxyModel, "Filter.AllTypes"), (QgsFieldProxyModel, "AllTypes"))
TASK_CAN_CANCEL = _first((QgsTask, "Flag.CanCancel"), (QgsTask, "CanCancel"))

# Layout units and table wrapping (profile page)
LAYOUT_MM = _first((Qgis, "LayoutUnit.Millimeters"), (QgsUnitTypes, "LayoutMillimeters"))
TABLE_WRAP_TEXT = _first((QgsLayoutTable, "WrapBehavior.WrapText"), (QgsLayoutTable, "WrapText"))

# Atlas (reterr:export_atlas): map scaling per page, tables of the page, scale bar, sort order
ATLAS_SCALING_AUTO = _first((QgsLayoutItemMap, "AtlasScalingMode.Auto"), (QgsLayoutItemMap, "Auto"))
TABLE_NO_HEADERS = _first((QgsLayoutTable, "HeaderMode.NoHeaders"), (QgsLayoutTable, "NoHeaders"))
TABLE_HIDE_WHEN_EMPTY = _first(
    (QgsLayoutTable, "EmptyTableMode.HideTable"), (QgsLayoutTable, "HideTable")
)
SCALEBAR_FIT_WIDTH = _first(
    (Qgis, "ScaleBarSegmentSizeMode.FitWidth"), (QgsScaleBarSettings, "SegmentSizeFitWidth")
)
SORT_ASCENDING = _first((Qt, "SortOrder.AscendingOrder"), (Qt, "AscendingOrder"))

# Data-defined properties (sinks given as a static property)
PROPERTY_STATIC = _first((Qgis, "PropertyType.Static"), (QgsProperty, "StaticProperty"))


# Deprecated calls (QGIS 3.40 warns): each helper uses the new API where it exists.
def parameter_as_fields(algorithm, parameters, name, context) -> list[str]:
    """The field names of a field parameter: ``parameterAsStrings`` (3.32+), else ``parameterAsFields``."""
    if hasattr(algorithm, "parameterAsStrings"):
        return list(algorithm.parameterAsStrings(parameters, name, context) or [])
    return list(algorithm.parameterAsFields(parameters, name, context) or [])


def set_label_font(label, font) -> None:
    """Font of a layout label: through its text format (3.24+), else ``setFont``.

    The text format takes the font's size in points (a ``QFont``'s size is ignored by
    ``QgsTextFormat.setFont``); the label's other format settings (colour…) are kept.
    """
    if hasattr(label, "setTextFormat"):
        fmt = label.textFormat()
        fmt.setFont(font)
        if font.pointSizeF() > 0:
            fmt.setSize(font.pointSizeF())
            fmt.setSizeUnit(_first((Qgis, "RenderUnit.Points"), (QgsUnitTypes, "RenderPoints")))
        label.setTextFormat(fmt)
    else:  # QGIS < 3.24
        label.setFont(font)


def label_font(label):
    """Font of a layout label, sized in points: from its text format (3.24+), else ``font()``."""
    if hasattr(label, "textFormat"):
        fmt = label.textFormat()
        font = fmt.font()
        if fmt.sizeUnit() == _first((Qgis, "RenderUnit.Points"), (QgsUnitTypes, "RenderPoints")):
            font.setPointSizeF(fmt.size())
        return font
    return label.font()  # QGIS < 3.24


def save_qml_default_style(layer) -> tuple[str, bool]:
    """``layer.saveDefaultStyle()``, with all style categories named on QGIS 3.26+ (the call
    without them is deprecated there): returns (message, ok)."""
    if QGIS_VERSION_INT >= 32600:
        from qgis.core import QgsMapLayer

        every = _first(
            (QgsMapLayer, "StyleCategory.AllStyleCategories"), (QgsMapLayer, "AllStyleCategories")
        )
        return layer.saveDefaultStyle(every)
    return layer.saveDefaultStyle()
