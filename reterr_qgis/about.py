"""Plugin identity read from ``metadata.txt``, the single source of the version."""

from __future__ import annotations

import configparser
from pathlib import Path

#: Folder holding ``metadata.txt``, ``resources/`` and ``i18n/`` (repository root or installed plugin).
PLUGIN_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PLUGIN_ROOT / "resources"
I18N_DIR = PLUGIN_ROOT / "i18n"

PLUGIN_ID = "reterr_qgis"
PROVIDER_ID = "reterr"


def _read_metadata() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PLUGIN_ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


_META = _read_metadata()
__version__: str = _META.get("version", "0.0.0")


def resource_path(*parts: str) -> Path:
    """Path of a file shipped in ``resources/``."""
    return RESOURCES_DIR.joinpath(*parts)
