"""QGIS-free analysis engine of ReTerr.

Nothing in this package may import ``qgis`` or Qt (a test enforces it). Functions take and return
numpy arrays (and shapely geometries where geometry matters), report bad input with
:class:`~.errors.InputError`, and accept ``progress``/``is_canceled`` callbacks for long work.
"""

from .core.errors import Canceled, InputError

__all__ = ["Canceled", "InputError"]
