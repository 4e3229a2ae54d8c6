"""Issue 12, point 1: the plugin without scipy, or with shapely 1.8 (Debian 12's packages).

Each case runs in a fresh interpreter (the venv's Python, offscreen QGIS) with a ``sitecustomize``
on ``sys.path`` that makes the package missing, or stands in a shapely 1.8.5, then loads the plugin
through the real ``classFactory`` with a fake iface.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from conftest import ROOT, expected_algorithm_ids

from reterr_qgis.adapters import dependencies

BLOCK = """
import sys


class _Missing:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {names!r}:
            raise ModuleNotFoundError("No module named " + repr(name), name=name)
        return None


sys.meta_path.insert(0, _Missing())
"""

#: The script run in the subprocess: load the plugin, then report what a planner would see.
SCRIPT = r"""
import json, sys, importlib.util
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
sys.path.append("/usr/share/qgis/python/plugins")
from processing.core.Processing import Processing
Processing.initialize()
import processing
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QMainWindow, QToolBar

log = []
QgsApplication.messageLog().messageReceived.connect(lambda m, tag, level: log.append([tag, m]))


class Bar:
    def __init__(self):
        self.messages = []

    def pushMessage(self, *args):
        self.messages.append([str(a) for a in args])


class Iface(QObject):
    currentLayerChanged = pyqtSignal(object)

    def __init__(self):
        super().__init__()
        self.window = QMainWindow()
        self.bar = Bar()
        self.menus = []

    def messageBar(self):
        return self.bar

    def addDockWidget(self, area, dock):
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):
        self.window.removeDockWidget(dock)

    def activeLayer(self):
        return None

    def mainWindow(self):
        return self.window

    def addToolBar(self, name):
        return self.window.addToolBar(name) or QToolBar(name)

    def addPluginToMenu(self, menu, action):
        self.menus.append(action.objectName())

    def removePluginMenu(self, menu, action):
        pass


root = sys.argv[1]
spec = importlib.util.spec_from_file_location(
    "reterr_plugin_root", root + "/__init__.py", submodule_search_locations=[root]
)
module = importlib.util.module_from_spec(spec)
sys.modules["reterr_plugin_root"] = module
spec.loader.exec_module(module)
iface = Iface()
out = {}
try:
    plugin = module.classFactory(iface)
    plugin.initGui()
    again = module.classFactory(iface)  # a reload in the same session: no second message
    out["error"] = ""
except Exception as err:  # noqa: BLE001
    import traceback
    out["error"] = traceback.format_exc()
registry = QgsApplication.processingRegistry()
provider = registry.providerById("reterr")
out["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else []
out["menus"] = iface.menus
out["bar"] = iface.bar.messages
results = {}
for alg_id in (
    "reterr:territory_profile",
    "reterr:build_network",
    "reterr:import_bpe",
    "reterr:service_areas",
):
    alg = registry.algorithmById(alg_id)
    results[alg_id] = list(alg.canExecute()) if alg else None
out["can_execute"] = results
sample = root + "/resources/sample/aveyron.gpkg|layername=communes"
from qgis.core import QgsProcessingFeedback


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):
        self.errors.append(error)


feedback = Feedback()
try:
    processing.run(
        "reterr:territory_profile",
        {"INPUT": sample, "OUTPUT": "TEMPORARY_OUTPUT"},
        feedback=feedback,
    )
    out["run"] = "ok"
except Exception as err:  # noqa: BLE001
    out["run"] = type(err).__name__ + ": " + str(err)
out["run_errors"] = feedback.errors
grouped = Feedback()
try:
    processing.run(
        "reterr:territory_profile",
        {"INPUT": sample, "GROUP_FIELD": "siren_epci", "OUTPUT": "TEMPORARY_OUTPUT"},
        feedback=grouped,
    )
    out["run_grouped"] = "ok"
except Exception as err:  # noqa: BLE001
    out["run_grouped"] = type(err).__name__ + ": " + str(err)
out["run_grouped_errors"] = grouped.errors
out["log"] = log
print("RESULT" + json.dumps(out))
"""


def run_without(tmp_path, block_setup: str, extra: str = "", tag: str = "RESULT") -> dict:
    """Run :data:`SCRIPT` (then ``extra``) with ``block_setup`` as the interpreter's
    ``sitecustomize``; the JSON printed after ``tag``."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(block_setup, encoding="utf-8")
    script = tmp_path / "script.py"
    script.write_text(SCRIPT + extra, encoding="utf-8")
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(hook),
        "LANG": "C.UTF-8",
    }
    proc = subprocess.run(
        [sys.executable, str(script), str(ROOT)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=tmp_path,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith(tag)]
    assert lines, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(lines[-1][len(tag) :])


def test_without_scipy_the_plugin_loads_lists_everything_and_says_what_to_install(tmp_path):
    out = run_without(tmp_path, BLOCK.format(names={"scipy"}))
    assert out["error"] == ""
    assert not [m for _tag, m in out["log"] if "Traceback" in m], out["log"]
    # Every algorithm listed, every menu entry there.
    assert set(expected_algorithm_ids()) <= set(out["algorithms"])
    assert "Reterr_territory_profile" in out["menus"]
    # One message bar message (even after a second classFactory), naming scipy and the command.
    assert len(out["bar"]) == 1, out["bar"]
    _title, text, details = out["bar"][0][:3]
    assert "scipy" in text
    command = dependencies.install_instructions(["scipy"])
    assert command.splitlines()[0] in details
    if dependencies.platform_id() in ("debian12", "debian13"):
        assert "sudo apt install python3-scipy" in details
    ok, message = out["can_execute"]["reterr:build_network"]
    assert ok is False
    assert "scipy" in message and command.splitlines()[0] in message
    # The profile of each commune needs numpy only: it runs (Debian 12's apt packages have no
    # scipy). Aggregating to the EPCI needs scipy: it stops with the message, not a traceback.
    assert out["can_execute"]["reterr:territory_profile"] == [True, ""]
    assert out["run"] == "ok", out["run"]
    assert out["run_grouped"].startswith("QgsProcessingException")
    errors = "\n".join([*out["run_grouped_errors"], out["run_grouped"]])
    assert "scipy" in errors and command.splitlines()[0] in errors
    assert "ModuleNotFoundError" not in errors and "Traceback" not in errors


SHAPELY_18 = """
import sys, types, importlib.machinery


class _Shapely18:
    def find_spec(self, name, path=None, target=None):
        if name == "shapely":
            return importlib.machinery.ModuleSpec(name, self)
        if name.startswith("shapely."):
            raise ModuleNotFoundError("No module named " + repr(name), name=name)
        return None

    def create_module(self, spec):
        return types.ModuleType(spec.name)

    def exec_module(self, module):
        module.__version__ = "1.8.5"


sys.meta_path.insert(0, _Shapely18())
import importlib.metadata as _md
_version = _md.version
_md.version = lambda dist: "1.8.5" if dist.lower() == "shapely" else _version(dist)
"""


def test_with_shapely_18_isochrones_stop_with_the_message_road_networks_and_profile_run(tmp_path):
    out = run_without(tmp_path, SHAPELY_18)
    assert out["error"] == ""
    assert not [m for _tag, m in out["log"] if "Traceback" in m], out["log"]
    assert set(expected_algorithm_ids()) <= set(out["algorithms"])
    assert len(out["bar"]) == 1 and "shapely 2" in out["bar"][0][1]
    ok, message = out["can_execute"]["reterr:service_areas"]
    assert ok is False and "shapely 2" in message
    # Road graphs are read from QGIS's WKB without shapely.
    assert out["can_execute"]["reterr:build_network"] == [True, ""]
    assert out["can_execute"]["reterr:import_bpe"] == [True, ""]
    # Without aggregation the profile needs no shapely: it runs.
    assert out["can_execute"]["reterr:territory_profile"] == [True, ""]
    assert out["run"] == "ok", out["run_errors"]
    # Grouped by EPCI it needs scipy only: the EPCI are dissolved through the GEOS of QGIS.
    assert out["run_grouped"] == "ok", (out["run_grouped"], out["run_grouped_errors"])
    assert not out["run_grouped_errors"]


# -- the platform instructions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("system", "release", "expected"),
    [
        ("Linux", {"ID": "debian", "VERSION_ID": "12"}, "debian12"),
        ("Linux", {"ID": "debian", "VERSION_ID": "13"}, "debian13"),
        ("Linux", {"ID": "ubuntu", "ID_LIKE": "debian", "VERSION_ID": "24.04"}, "debian"),
        ("Linux", {"ID": "fedora"}, "linux"),
        ("Windows", {}, "windows"),
        ("Darwin", {}, "macos"),
    ],
)
def test_platform_id(system, release, expected):
    assert dependencies.platform_id(system, release) == expected


def test_os_release_reads_quoted_fields(tmp_path):
    path = tmp_path / "os-release"
    path.write_text('ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12"\n')
    assert dependencies.os_release(str(path))["VERSION_ID"] == "12"
    assert dependencies.os_release(str(tmp_path / "none")) == {}


def test_debian12_scipy_from_apt_and_shapely2_built_against_the_system_geos():
    text = dependencies.install_instructions(["scipy", "shapely2"], "debian12")
    assert "sudo apt install python3-scipy" in text
    # Debian 12's python3-shapely is 1.8: never suggested; a wheel's own GEOS is avoided.
    assert "python3-shapely" not in text
    assert "--no-binary shapely" in text and "libgeos-dev" in text
    assert "--break-system-packages" in text
    assert text.endswith("restart QGIS.")


def test_debian13_everything_from_apt():
    text = dependencies.install_instructions(["scipy", "shapely2", "igraph"], "debian13")
    assert text.splitlines()[0] == "sudo apt install python3-scipy python3-shapely python3-igraph"
    assert "pip" not in text


def test_windows_osgeo4w_and_standalone():
    text = dependencies.install_instructions(["scipy", "shapely2", "numba"], "windows")
    assert "OSGeo4W" in text and "python3-scipy, python3-shapely" in text
    assert 'python -m pip install "scipy" "shapely>=2.0.1,<2.2" "numba>=0.61,<0.62"' in text
    only_pip = dependencies.install_instructions(["igraph"], "windows")
    assert 'python -m pip install "igraph"' in only_pip


def test_macos_pip_into_the_python_of_qgis():
    text = dependencies.install_instructions(["shapely2"], "macos")
    assert '-m pip install --user "shapely>=2.0.1,<2.2"' in text


def test_missing_message_is_empty_when_everything_is_there(monkeypatch):
    monkeypatch.setattr(dependencies, "installed_version", lambda module, dist: "2.1.2")
    assert dependencies.missing_message(["scipy", "shapely2"]) == ""
    assert dependencies.load_report() is None
    monkeypatch.setattr(dependencies, "installed_version", lambda module, dist: "1.8.5")
    assert dependencies.missing(["scipy", "shapely2"]) == ["shapely2"]
    text, details = dependencies.load_report("debian12")
    assert "shapely 2:" in details
    assert "shapely 2" in text and "--no-binary shapely" in details


def test_checking_imports_nothing_heavy():
    code = textwrap.dedent(
        """
        import sys
        from reterr_qgis.adapters import dependencies
        names = ("scipy", "shapely", "numba", "igraph", "rasterio")
        before = {m for m in names if m in sys.modules}
        dependencies.missing(["scipy", "shapely2", "numba", "igraph", "rasterio"])
        # What the check itself imported (QGIS 3.40's own modules may have loaded one before).
        print(sorted(m for m in names if m in sys.modules and m not in before))
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stderr[-2000:]


def test_adapters_that_use_shapely_say_how_to_get_it(qgis_app, monkeypatch):
    """Algorithms reach shapely through the adapters (the reader's shapely arrays): without
    shapely 2 they stop with the platform's instructions, not an AttributeError from shapely 1.8.
    (The graph builder needs no shapely: see the road network test below.)"""
    import numpy as np
    from qgis.core import QgsGeometry

    from reterr_qgis.adapters.layers import FeatureTable
    from reterr_qgis.engine.core.errors import InputError

    monkeypatch.setattr(dependencies, "is_available", lambda key: key != "shapely2")
    table = FeatureTable(
        fids=np.array([1]), names=["a"], geometries=[QgsGeometry.fromWkt("POINT(0 0)")]
    )
    with pytest.raises(InputError, match="shapely 2") as err:
        table.shapely()
    assert "restart QGIS" in str(err.value)


#: Appended to :data:`SCRIPT`: build the sample's road graph in an empty cache, report it.
NETWORK_RUN = r"""
import hashlib, os, shutil, tempfile
import numpy as np


def npz_digest(path):  # dtype, shape and SHA-256 of each array of an .npz file
    with np.load(path) as arrays:
        return {
            k: [str(arrays[k].dtype), list(arrays[k].shape),
                hashlib.sha256(np.ascontiguousarray(arrays[k]).tobytes()).hexdigest()]
            for k in sorted(arrays.files)
        }


work = tempfile.mkdtemp(prefix="reterr_net_")
os.environ["RETERR_CACHE_DIR"] = os.path.join(work, "cache")
shutil.copy(root + "/resources/sample/aveyron.gpkg", work)
net = {"shapely_imported": "shapely" in sys.modules}
try:
    net["shapely_found"] = importlib.util.find_spec("shapely") is not None
except ImportError:
    net["shapely_found"] = False
feedback = Feedback()
try:
    res = processing.run(
        "reterr:build_network",
        {
            "NETWORK": work + "/aveyron.gpkg|layername=routes_illustratives",
            "SPEED_FIELD": "vitesse_kmh",
            "ONEWAY_FIELD": "sens",
            "TOLERANCE": 0.5,
            "MAX_EDGE": 0.0,
        },
        feedback=feedback,
    )
    net["outputs"] = {k: v for k, v in res.items() if isinstance(v, (int, float))}
    (graph,) = [f for f in os.listdir(os.environ["RETERR_CACHE_DIR"]) if f.endswith(".npz")]
    net["arrays"] = npz_digest(os.path.join(os.environ["RETERR_CACHE_DIR"], graph))
    net["run"] = "ok"
except Exception as err:  # noqa: BLE001
    net["run"] = type(err).__name__ + ": " + str(err)
net["errors"] = feedback.errors
net["shapely_imported_after"] = "shapely" in sys.modules
print("NETWORK" + json.dumps(net))
"""


def test_road_network_without_shapely_gives_the_same_graph(
    tmp_path, sample_gpkg, qgis_app, monkeypatch
):
    """Issue 12, point 1: the road graph is read from QGIS's WKB, not through shapely 2 (which
    Debian 12 does not package): ``reterr:build_network`` runs with shapely missing and saves the
    same graph, array for array, as the former shapely reading of the lines gives."""
    import shapely
    from qgis.core import QgsProcessingFeedback, QgsVectorLayer

    from reterr_qgis.adapters import graphs
    from reterr_qgis.engine.routing import save_graph

    out = run_without(tmp_path, BLOCK.format(names={"shapely"}), NETWORK_RUN, "NETWORK")
    assert out["shapely_found"] is False
    assert out["run"] == "ok", (out["run"], out["errors"])
    assert out["shapely_imported_after"] is False
    assert out["outputs"]["N_NODES"] > 280 and out["outputs"]["N_COMPONENTS"] == 1

    def shapely_line_parts(wkbs):  # how the adapter read the lines before
        parts, owner = shapely.get_parts(shapely.from_wkb(wkbs), return_index=True)
        coords, vidx = shapely.get_coordinates(parts, return_index=True)
        offsets = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum(np.bincount(vidx, minlength=len(parts)), out=offsets[1:])
        return coords, offsets, owner

    monkeypatch.setattr(graphs, "line_parts", shapely_line_parts)
    layer = QgsVectorLayer(f"{sample_gpkg}|layername=routes_illustratives", "routes", "ogr")
    spec = graphs.NetworkSpec(
        speed_field="vitesse_kmh", oneway_field="sens", tolerance=0.5, max_edge_m=0.0
    )
    graph = graphs.build_from_source(layer, spec, "routes", QgsProcessingFeedback())
    save_graph(graph, tmp_path / "reference.npz")
    assert out["arrays"] == npz_digest(tmp_path / "reference.npz")


def npz_digest(path) -> dict:
    """dtype, shape and SHA-256 of each array of an .npz file (as :data:`NETWORK_RUN` does)."""
    with np.load(path) as arrays:
        return {
            k: [
                str(arrays[k].dtype),
                list(arrays[k].shape),
                hashlib.sha256(np.ascontiguousarray(arrays[k]).tobytes()).hexdigest(),
            ]
            for k in sorted(arrays.files)
        }


def test_curved_roads_are_made_of_straight_segments_first(qgis_app):
    """Circular strings and compound curves (a GeoPackage may hold them) are read as lines."""
    from qgis.core import QgsGeometry, QgsWkbTypes

    from reterr_qgis.adapters.graphs import line_wkbs
    from reterr_qgis.engine.core.wkb import line_parts

    geoms = [
        QgsGeometry.fromWkt("LINESTRING (0 0, 10 0)"),
        QgsGeometry.fromWkt("CIRCULARSTRING (0 0, 10 10, 20 0)"),
        QgsGeometry.fromWkt(
            "MULTICURVE (COMPOUNDCURVE ((20 0, 30 0), CIRCULARSTRING (30 0, 35 5, 40 0)))"
        ),
    ]
    coords, offsets, owner = line_parts(line_wkbs(geoms))
    assert owner.tolist() == [0, 1, 2]
    np.testing.assert_array_equal(coords[: offsets[1]], [(0, 0), (10, 0)])
    arc = coords[offsets[1] : offsets[2]]
    assert len(arc) > 10  # segmentised
    np.testing.assert_allclose(arc[[0, -1]], [(0, 0), (20, 0)], atol=1e-9)
    np.testing.assert_allclose(np.hypot(arc[:, 0] - 10, arc[:, 1]), 10, atol=1e-6)  # on the circle
    np.testing.assert_allclose(coords[[offsets[2], -1]], [(20, 0), (40, 0)], atol=1e-9)
    assert QgsWkbTypes.isCurvedType(geoms[1].wkbType())  # the layer's geometries are left as is


# -- a shapely wheel whose GEOS clashes with the GEOS of QGIS ------------------------------------


def test_bundled_geos_is_read_from_the_wheels_file_list(monkeypatch):
    from importlib.metadata import PackagePath

    wheel = [
        PackagePath("shapely/__init__.py"),
        PackagePath("shapely.libs/libgeos_c-abcdd5fa.so.1.19.2"),
        PackagePath("shapely.libs/libgeos-3ef06f11.so.3.13.1"),
    ]
    monkeypatch.setattr(dependencies.metadata, "files", lambda dist: wheel)
    assert dependencies.bundled_geos() == "3.13.1"
    # Built from source or from a Debian package: no GEOS of its own.
    monkeypatch.setattr(dependencies.metadata, "files", lambda dist: wheel[:1])
    assert dependencies.bundled_geos() is None


@pytest.mark.parametrize(
    "system, wheel, qgis, clash",
    [
        ("linux", "3.13.1", "3.11.1", ("3.13.1", "3.11.1")),
        ("linux", "3.13.1", "3.13.0", None),  # same major.minor: the same library in effect
        ("linux", None, "3.11.1", None),  # built against the system's GEOS
        ("win32", "3.13.1", "3.11.1", None),  # DLLs resolve their symbols apart
        ("darwin", "3.13.1", "3.11.1", None),
    ],
)
def test_geos_clash(monkeypatch, system, wheel, qgis, clash):
    monkeypatch.setattr(dependencies.sys, "platform", system)
    monkeypatch.setattr(dependencies, "bundled_geos", lambda dist="shapely": wheel)
    monkeypatch.setattr(dependencies, "qgis_geos", lambda: qgis)
    assert dependencies.geos_clash() == clash


def test_qgis_geos_is_the_version_qgis_reports(qgis_app):
    from qgis.core import Qgis

    version = dependencies.qgis_geos()
    assert version and Qgis.geosVersion().startswith(version)
    assert [int(p) for p in version.split(".")[:2]] == [
        Qgis.geosVersionMajor(),
        Qgis.geosVersionMinor(),
    ]


@pytest.fixture
def clashing_wheel(monkeypatch):
    monkeypatch.setattr(dependencies.sys, "platform", "linux")
    monkeypatch.setattr(dependencies, "bundled_geos", lambda dist="shapely": "3.13.1")
    monkeypatch.setattr(dependencies, "qgis_geos", lambda: "3.11.1")
    monkeypatch.setattr(dependencies, "installed_version", lambda module, dist: "2.1.2")


def test_a_clashing_wheel_is_not_shapely_2_and_is_named(clashing_wheel):
    assert not dependencies.is_available("shapely2")
    assert dependencies.is_available("scipy")
    text, details = dependencies.load_report("debian12")
    assert "shapely 2:" in details
    assert "3.13.1" in text and "3.11.1" in text
    message = dependencies.missing_message(["scipy", "shapely2"], "debian12")
    assert "pip uninstall --break-system-packages -y shapely" in message


def test_clash_instructions_remove_the_wheel_first(clashing_wheel):
    d12 = dependencies.install_instructions(["shapely2"], "debian12").splitlines()
    assert d12[1] == "pip uninstall --break-system-packages -y shapely"
    assert d12[-2].startswith("pip install --user --break-system-packages --no-binary shapely")
    assert d12.index("sudo apt install libgeos-dev python3-dev python3-pip gcc") > 1
    d13 = dependencies.install_instructions(["shapely2"], "debian13").splitlines()
    assert d13[1:3] == [
        "pip uninstall --break-system-packages -y shapely",
        "sudo apt install python3-shapely",
    ]
    other = dependencies.install_instructions(["shapely2"], "linux").splitlines()
    assert other[1].startswith("pip uninstall") and "--no-binary shapely" in other[3]
    assert "--force-reinstall" not in "\n".join(d12 + d13 + other)  # it would replace numpy too
    # Windows and macOS: no clash, the usual commands.
    assert "uninstall" not in dependencies.install_instructions(["shapely2"], "windows")
