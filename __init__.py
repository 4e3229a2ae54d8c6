"""QGIS entry point of the ReTerr plugin: only ``classFactory`` lives here."""


def classFactory(iface):
    """Create the plugin instance for QGIS."""
    from .reterr_qgis.plugin import ReterrPlugin

    return ReterrPlugin(iface)
