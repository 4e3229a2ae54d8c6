"""What the plugin needs besides QGIS, whether the Python of QGIS has it, and how a planner gets
what is missing on this platform (Debian 12, Debian 13, Windows, macOS).

Nothing heavy is imported to check: :func:`importlib.util.find_spec` says whether a module is
there and :mod:`importlib.metadata` gives its version (the module's ``__version__`` only when the
package carries no metadata). So the plugin loads, and lists its algorithms, without scipy or
shapely; each algorithm declares what it needs (``REQUIRES``, see
:class:`~reterr_qgis.processing.base.ReterrAlgorithm`) and says what is missing when asked to run.
"""

from __future__ import annotations

import importlib.util
import os
import platform as _platform
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from typing import Optional

from ..engine.core.errors import QT_TRANSLATE_NOOP
from .i18n import translate


@dataclass(frozen=True)
class Requirement:
    """A Python package the plugin uses: ``module`` to find, ``dist`` its distribution name,
    ``min_major`` the lowest major version accepted (0: any)."""

    key: str
    module: str
    dist: str
    min_major: int = 0
    optional: bool = False

    @property
    def label(self) -> str:
        return f"{self.dist} {self.min_major}" if self.min_major else self.dist


#: Everything the algorithms may declare in ``REQUIRES``.
REQUIREMENTS: dict[str, Requirement] = {
    r.key: r
    for r in (
        Requirement("scipy", "scipy", "scipy"),
        Requirement("shapely2", "shapely", "shapely", min_major=2),
        Requirement("numba", "numba", "numba", optional=True),
        Requirement("igraph", "igraph", "igraph", optional=True),
        Requirement("rasterio", "rasterio", "rasterio", optional=True),
    )
}

#: The packages checked at load; the optional ones are only mentioned by the algorithms using them.
LOAD_CHECK = ("scipy", "shapely2")

#: What each package brings, for the message listing what is missing (translated on use).
PURPOSE = {
    "scipy": QT_TRANSLATE_NOOP(
        "ReterrDependencies", "most algorithms (sparse matrices, road searches, statistics)"
    ),
    "shapely2": QT_TRANSLATE_NOOP(
        "ReterrDependencies", "assignment to a zoning layer, service areas, farmland"
    ),
    "numba": QT_TRANSLATE_NOOP(
        "ReterrDependencies", "3 to 6 times faster road searches (optional)"
    ),
    "igraph": QT_TRANSLATE_NOOP(
        "ReterrDependencies", "functional areas by community detection (optional)"
    ),
    "rasterio": QT_TRANSLATE_NOOP(
        "ReterrDependencies", "farmland from a land-cover raster (optional)"
    ),
}


def installed_version(module: str, dist: str) -> Optional[str]:
    """Version of an installed package, None when Python cannot find the module.

    Neither the module nor its dependencies are imported when the package carries metadata."""
    try:
        if importlib.util.find_spec(module) is None:
            return None
    except (ImportError, ValueError):
        return None
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        pass
    try:
        return str(getattr(importlib.import_module(module), "__version__", "") or "0")
    except Exception:
        return None


def _major(version: str) -> int:
    head = version.split(".")[0]
    digits = "".join(ch for ch in head if ch.isdigit())
    return int(digits) if digits else 0


def bundled_geos(dist: str = "shapely") -> Optional[str]:
    """Version of the GEOS library that a Linux pip wheel of ``dist`` carries (a file
    ``shapely.libs/libgeos-<hash>.so.3.13.1`` listed in its metadata), None when the package uses
    the system's GEOS (built from source, or a Debian package) or is not installed."""
    try:
        files = metadata.files(dist) or []
    except metadata.PackageNotFoundError:
        return None
    for f in files:
        match = re.fullmatch(r"libgeos-[^/]*\.so\.(\d+\.\d+(?:\.\d+)?)", f.name)
        if match:
            return match.group(1)
    return None


def qgis_geos() -> Optional[str]:
    """Version of the GEOS library QGIS uses (``3.11.1``), None outside QGIS."""
    try:
        from qgis.core import Qgis

        return Qgis.geosVersion().split("-")[0]
    except Exception:
        return None


def geos_clash() -> Optional[tuple[str, str]]:
    """``(wheel's GEOS, QGIS's GEOS)`` when shapely is a Linux pip wheel carrying another GEOS
    version than the one QGIS has loaded, else None.

    On Linux the two libraries export the same symbols and the one QGIS loaded first answers
    shapely's calls: a shapely 2.1 wheel (GEOS 3.13) in QGIS 3.22 on Debian 12 (GEOS 3.11) fails
    with "WKB output dimension must be 2 or 3" on its first WKB export. Windows and macOS resolve
    each library's symbols apart: no clash there."""
    if not sys.platform.startswith("linux"):
        return None
    wheel, qgis = bundled_geos(), qgis_geos()
    if wheel and qgis and wheel.split(".")[:2] != qgis.split(".")[:2]:
        return wheel, qgis
    return None


def is_available(key: str) -> bool:
    """Whether the requirement ``key`` (see :data:`REQUIREMENTS`) is met (for shapely 2: also
    usable beside QGIS's GEOS, see :func:`geos_clash`)."""
    req = REQUIREMENTS[key]
    version = installed_version(req.module, req.dist)
    if version is None or _major(version) < req.min_major:
        return False
    return not (key == "shapely2" and geos_clash())


def label(key: str) -> str:
    """How messages name the requirement ``key``: ``scipy``, ``shapely 2``; a shapely wheel that
    clashes with QGIS's GEOS is named as such."""
    clash = geos_clash() if key == "shapely2" else None
    if clash:
        return translate(
            "ReterrDependencies",
            "shapely 2 built against the GEOS {qgis} of QGIS (the shapely installed is a pip wheel "
            "carrying its own GEOS {wheel}, which clashes with QGIS's)",
        ).format(wheel=clash[0], qgis=clash[1])
    return REQUIREMENTS[key].label


def missing(keys: Iterable[str]) -> list[str]:
    """The keys of ``keys`` whose requirement is not met, in order."""
    return [k for k in keys if not is_available(k)]


# -- the platform and what to type there -----------------------------------------------------


def os_release(path: str = "/etc/os-release") -> dict[str, str]:
    """The fields of ``/etc/os-release`` ({} when it cannot be read)."""
    fields: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                key, sep, value = line.strip().partition("=")
                if sep:
                    fields[key] = value.strip().strip('"')
    except OSError:
        pass
    return fields


def platform_id(system: Optional[str] = None, release: Optional[dict[str, str]] = None) -> str:
    """``debian12``, ``debian13``, ``debian`` (another Debian or Ubuntu), ``linux``, ``windows``
    or ``macos``."""
    system = system if system is not None else _platform.system()
    if system == "Windows":
        return "windows"
    if system == "Darwin":
        return "macos"
    release = release if release is not None else os_release()
    ids = {release.get("ID", "")} | set(release.get("ID_LIKE", "").split())
    if release.get("ID") == "debian":
        major = release.get("VERSION_ID", "").split(".")[0]
        if major in ("12", "13"):
            return "debian" + major
    if "debian" in ids or "ubuntu" in ids:
        return "debian"
    return "linux"


def qgis_python() -> str:
    """The Python interpreter of this QGIS (``sys.executable`` is QGIS itself inside the desktop)."""
    exe = sys.executable or "python3"
    if os.path.basename(exe).lower().startswith("python"):
        return exe
    folder = "" if sys.platform == "win32" else "bin"
    for name in ("python3", "python", "python3.exe", "python.exe"):
        candidate = os.path.join(sys.exec_prefix, folder, name)
        if os.path.isfile(candidate):
            return candidate
    return "python3"


#: Debian package of each requirement, where Debian's is recent enough.
_APT = {
    "debian12": {
        "scipy": "python3-scipy",
        "igraph": "python3-igraph",
        "rasterio": "python3-rasterio",
    },
    "debian13": {
        "scipy": "python3-scipy",
        "shapely2": "python3-shapely",
        "numba": "python3-numba",
        "igraph": "python3-igraph",
        "rasterio": "python3-rasterio",
    },
}
_APT["debian"] = _APT["debian13"]

#: pip requirement of each package.
_PIP = {
    "scipy": "scipy",
    "shapely2": "shapely>=2.0.1,<2.2",
    "numba": "numba>=0.61,<0.62",
    "igraph": "igraph",
    "rasterio": "rasterio",
}

#: OSGeo4W package of each requirement (Windows, OSGeo4W network installer).
_OSGEO4W = {
    "scipy": "python3-scipy",
    "shapely2": "python3-shapely",
    "rasterio": "python3-rasterio",
}


def install_instructions(keys: Iterable[str], platform: Optional[str] = None) -> str:
    """How to get the packages ``keys`` on ``platform`` (:func:`platform_id` by default): the
    commands to type, one a line, then "restart QGIS"."""
    keys = [k for k in keys if k in REQUIREMENTS]
    platform = platform or platform_id()
    lines: list[str] = []
    if "shapely2" in keys and geos_clash() and platform not in ("windows", "macos"):
        # A shapely wheel in the user's packages shadows any other shapely: it goes first. (No
        # --force-reinstall: without --no-deps it would also replace the system's numpy.)
        lines.append(
            translate(
                "ReterrDependencies",
                "First remove the shapely wheel whose GEOS clashes with QGIS's:",
            )
        )
        lines.append("pip uninstall --break-system-packages -y shapely")
        if platform not in _APT:
            lines.append(
                translate(
                    "ReterrDependencies",
                    "then build shapely 2 against your system's GEOS (its development package "
                    "installed, e.g. libgeos-devel or geos-devel):",
                )
            )
            lines.append(
                f'"{qgis_python()}" -m pip install --user --no-binary shapely "{_PIP["shapely2"]}"'
            )
            keys = [k for k in keys if k != "shapely2"]
    if platform in _APT:
        apt = [_APT[platform][k] for k in keys if k in _APT[platform]]
        rest = [k for k in keys if k not in _APT[platform]]
        if apt:
            lines.append("sudo apt install " + " ".join(apt))
        if "shapely2" in rest:
            # Debian 12 packages shapely 1.8. A shapely wheel bundles its own GEOS, which clashes
            # with the GEOS QGIS has loaded: build shapely 2 against the system GEOS instead.
            lines.append(
                translate(
                    "ReterrDependencies",
                    "shapely 2 (Debian 12 packages 1.8), built against the GEOS QGIS uses "
                    "(a pip wheel brings its own GEOS, which clashes with QGIS's):",
                )
            )
            lines.append("sudo apt install libgeos-dev python3-dev python3-pip gcc")
            lines.append(
                'pip install --user --break-system-packages --no-binary shapely "shapely>=2.0.1,<2.2"'
            )
            rest.remove("shapely2")
        if rest:
            pips = " ".join(f'"{_PIP[k]}"' for k in rest)
            lines.append(f"pip install --user --break-system-packages {pips}")
    elif platform == "windows":
        osgeo = [_OSGEO4W[k] for k in keys if k in _OSGEO4W]
        pips = [k for k in keys if k not in _OSGEO4W]
        if osgeo:
            lines.append(
                translate(
                    "ReterrDependencies",
                    "OSGeo4W: run the OSGeo4W setup again (Advanced install) and tick {packages}. "
                    "Standalone installer: in the OSGeo4W Shell installed with QGIS, type:",
                ).format(packages=", ".join(osgeo))
            )
            lines.append("python -m pip install " + " ".join(f'"{_PIP[k]}"' for k in keys))
        elif pips:
            lines.append(
                translate("ReterrDependencies", "In the OSGeo4W Shell installed with QGIS, type:")
            )
            lines.append("python -m pip install " + " ".join(f'"{_PIP[k]}"' for k in pips))
    else:
        if platform == "macos":
            lines.append(translate("ReterrDependencies", "In the Terminal:"))
        pips = " ".join(f'"{_PIP[k]}"' for k in keys)
        lines.append(f'"{qgis_python()}" -m pip install --user {pips}')
    if lines:
        lines.append(translate("ReterrDependencies", "Then restart QGIS."))
    return "\n".join(lines)


def missing_message(keys: Iterable[str], platform: Optional[str] = None) -> str:
    """ "" when every requirement of ``keys`` is met; else the message an algorithm gives: the
    packages missing and how to get them here."""
    absent = missing(keys)
    if not absent:
        return ""
    names = ", ".join(label(k) for k in absent)
    return (
        translate(
            "ReterrDependencies",
            "This algorithm needs the Python package(s) {packages}, not found in the Python of "
            "QGIS. To install them:",
        ).format(packages=names)
        + "\n"
        + install_instructions(absent, platform)
    )


def require(keys: Iterable[str]) -> None:
    """Raise :class:`~reterr_qgis.engine.core.errors.InputError` with :func:`missing_message`
    when a requirement of ``keys`` is missing (for the adapters that call shapely or scipy on
    behalf of algorithms whose use of them is optional, e.g. a road network)."""
    message = missing_message(keys)
    if message:
        from ..engine.core.errors import InputError

        raise InputError("{message}", context="ReterrDependencies", message=message)


def load_report(platform: Optional[str] = None) -> Optional[tuple[str, str]]:
    """None when everything :data:`LOAD_CHECK` names is there; else the message bar's (text,
    details): the missing packages, what they serve, and the commands for this platform."""
    absent = missing(LOAD_CHECK)
    if not absent:
        return None
    names = ", ".join(label(k) for k in absent)
    text = translate(
        "ReterrDependencies",
        "ReTerr: Python package(s) missing: {packages}. The algorithms needing them say so; "
        "see the details to install them.",
    ).format(packages=names)
    details = "\n".join(
        f"{REQUIREMENTS[k].label}: {translate('ReterrDependencies', PURPOSE[k])}" for k in absent
    )
    details += "\n\n" + install_instructions(absent, platform)
    return text, details
