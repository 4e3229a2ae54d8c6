"""Common base of ReTerr Processing algorithms: translation, icon, help, output finalisation."""

from __future__ import annotations

import os
from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..about import resource_path
from ..adapters import provenance
from ..adapters.style import save_default_style, style_indicator_layer

#: Post-processors must outlive the algorithm run: QGIS only keeps a pointer to them.
_POST_PROCESSORS: list[QgsProcessingLayerPostProcessorInterface] = []


class _StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles an output layer when the GUI loads it (memory or non-GeoPackage outputs)."""

    def __init__(self, style_field: str, rec: dict[str, Any], title: str, abstract: str) -> None:
        super().__init__()
        self.style_field = style_field
        self.rec = rec
        self.title = title
        self.abstract = abstract

    def postProcessLayer(self, layer, context, feedback):
        if isinstance(layer, QgsVectorLayer) and self.style_field:
            style_indicator_layer(layer, self.style_field)
            provenance.apply_metadata(layer, self.rec, self.title, self.abstract)
            layer.triggerRepaint()


class ReterrAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses define ``ALG_ID`` and the usual Processing methods."""

    ALG_ID = ""
    GROUP_ID = "diagnostic"

    def tr(self, text: str) -> str:
        """Translate in the context of the concrete class (the one pylupdate5 sees)."""
        return QCoreApplication.translate(type(self).__name__, text)

    def name(self) -> str:
        return self.ALG_ID

    def createInstance(self):
        return type(self)()

    def group(self) -> str:
        return QCoreApplication.translate("ReterrAlgorithm", "Territorial diagnostic")

    def groupId(self) -> str:
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(str(resource_path("icons", "reterr.svg")))

    def helpUrl(self) -> str:
        return "https://github.com/reterr-qgis/reterr_qgis#readme"

    @staticmethod
    def add_help(param, text: str):
        """``setHelp`` where the running QGIS has it (3.16+); returns the parameter."""
        if hasattr(param, "setHelp"):
            param.setHelp(text)
        return param

    def layer_label(self, parameters, name: str, context, source) -> str:
        """Readable name of an input layer: the GeoPackage table name rather than the file name."""
        from qgis.core import QgsProviderRegistry

        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is not None:
            parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
            return parts.get("layerName") or layer.name()
        return source.sourceName()

    def finalize_vector_output(
        self,
        dest_id: str,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        style_field: str,
        title: str,
        abstract: str,
    ) -> None:
        """Style an output layer and record its provenance, once its sink is closed.

        GeoPackage outputs get their default style and metadata stored inside the file (so that
        ``qgis_process`` outputs open styled) and a row in ``reterr_provenance``; outputs the GUI
        loads get the style through a layer post-processor.
        """
        rec = provenance.record(f"reterr:{self.ALG_ID}", parameters)
        loc = provenance.gpkg_location(dest_id)
        if loc is not None:
            layer = QgsVectorLayer(dest_id, loc[1], "ogr")
            if layer.isValid():
                style_indicator_layer(layer, style_field)
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
            post = _StylePostProcessor(style_field, rec, title, abstract)
            _POST_PROCESSORS.append(post)
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(post)


def warn(feedback: QgsProcessingFeedback, message: str) -> None:
    """A non-fatal warning in the Processing log (pushWarning where QGIS has it)."""
    if hasattr(feedback, "pushWarning"):
        feedback.pushWarning(message)
    else:  # QGIS < 3.20
        feedback.reportError(message, False)


def require_shapely(what: str) -> None:
    """Raise a Processing error explaining how to install shapely 2 when it is missing."""
    try:
        import shapely

        ok = int(shapely.__version__.split(".")[0]) >= 2
    except ImportError:
        ok = False
    if not ok:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "ReterrAlgorithm",
                "{what} needs the Python package shapely 2. Install it for the Python of QGIS "
                "(Debian/Ubuntu: apt install python3-shapely; OSGeo4W: python3-shapely; otherwise "
                "pip install shapely), then restart QGIS.",
            ).format(what=what)
        )


def discard_output(dest_id: str) -> None:
    """Remove a partly written output (GeoPackage layer or file) so that nothing half-done remains."""
    loc = provenance.gpkg_location(dest_id) if dest_id else None
    if loc is not None:
        from osgeo import ogr

        ds = ogr.Open(loc[0], update=1)
        if ds is not None:
            for i in range(ds.GetLayerCount()):
                if ds.GetLayer(i).GetName() == loc[1]:
                    ds.DeleteLayer(i)
                    break
            ds = None
        return
    path = dest_id.split("|")[0]
    if path and os.path.isfile(path):
        os.remove(path)


def write_error(sink) -> QgsProcessingException:
    """The error raised when the output refused a feature (the caller discards the output)."""
    detail = sink.lastError() if hasattr(sink, "lastError") else ""
    return QgsProcessingException(
        QCoreApplication.translate(
            "ReterrAlgorithm", "Writing the output failed, nothing was kept: {error}"
        ).format(error=detail or "?")
    )


def canceled_error() -> QgsProcessingException:
    """The error raised when the user cancels after an output was started (and discarded)."""
    return QgsProcessingException(
        QCoreApplication.translate("ReterrAlgorithm", "Canceled: no output was written.")
    )
