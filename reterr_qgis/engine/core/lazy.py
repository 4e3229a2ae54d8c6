"""Modules imported on first use, so that a missing optional package (scipy, shapely) does not stop
the plugin from loading: the algorithms that need it are listed, and say what is missing when
asked to run (``reterr_qgis.adapters.dependencies``) instead of the whole provider failing.
"""

from __future__ import annotations

import importlib
import types
from typing import Any, Callable


class LazyModule(types.ModuleType):
    """Stands for the module ``name``; imports it when one of its attributes is first read."""

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(importlib.import_module(self.__name__), attr)


def lazy_module(name: str) -> Any:
    """``sparse = lazy_module("scipy.sparse")`` instead of ``from scipy import sparse``."""
    return LazyModule(name)


def lazy_callable(module: str, name: str) -> Callable[..., Any]:
    """A function or class of ``module`` imported when first called."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = name
    call.__qualname__ = name
    return call
