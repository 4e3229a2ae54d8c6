"""QGIS entry point of the ReTerr plugin: only ``classFactory`` lives here."""


def classFactory(iface):  # noqa: N802 (QGIS plugin API)
    """Create the plugin instance for QGIS."""
    from .reterr_qgis.plugin import ReterrPlugin

    return ReterrPlugin(iface)
