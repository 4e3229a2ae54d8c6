"""ReTerr — ré-ingénierie territoriale.

The code package of the QGIS plugin. Three layers, imports never going upwards:

* :mod:`.engine` — QGIS-free analysis (numpy, scipy, shapely): what the tests exercise hardest;
* :mod:`.adapters` — QGIS layers to engine arrays and back, styles, provenance, logging;
* :mod:`.processing` and :mod:`.gui` — thin Processing algorithms and interface.
"""

from .about import __version__

__all__ = ["__version__"]
