"""The plugin as a planner meets it: the real QGIS desktop, started under Xvfb.

QGIS starts with a fresh profile (in a temporary directory) in which the plugin of this checkout is
enabled, loads it like any installed plugin (``QGIS_PLUGINPATH`` holding a ``reterr_qgis`` link to
the repository root), and runs a script (``--code``) inside the application. The script checks the
plugin, its Processing provider, its menu and toolbar, loads the sample communes, waits for the map
to render, saves a screenshot to ``out/screenshots/desktop.png``, unloads the plugin and writes a
JSON report that the test reads.

Python errors are collected from the start: a ``PYQGIS_STARTUP`` script (run before any plugin is
loaded) records every message of the QGIS message log to a file, and turns QGIS's modal
"Python error" stack-trace dialog into a recorded message, so that a plugin failing to load shows up
as a test failure with its traceback instead of a window blocking the run.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import expected_algorithm_ids, expected_provider_ids

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))
import user_install_check  # noqa: E402  (scripts/ is not a package)

SCREENSHOT = ROOT / "out" / "screenshots" / "desktop.png"
TIMEOUT = 120
PLUGIN = "reterr_qgis"

pytestmark = pytest.mark.slow

QGIS_BIN = shutil.which("qgis.bin") or shutil.which("qgis")
if QGIS_BIN is None or shutil.which("xvfb-run") is None:  # pragma: no cover
    pytest.skip("QGIS desktop or xvfb-run not installed", allow_module_level=True)

# A fresh profile, offline and quiet at start, and the PYQGIS_STARTUP script that records every
# message of the log and QGIS's modal "Python error" window: the ones the user-install check uses
# (scripts/user_install_check.py says which settings and why), with the plugin enabled here.
PROFILE_INI = "[PythonPlugins]\nreterr_qgis=true\n\n" + user_install_check.PROFILE_INI
STARTUP = user_install_check.STARTUP

# Runs inside the QGIS desktop (--code), before the main event loop starts.
SCRIPT = """\
import json, os, sys, traceback

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QToolBar
import qgis.utils

REPORT = os.environ["RETERR_DESKTOP_REPORT"]
SHOT = os.environ["RETERR_DESKTOP_SCREENSHOT"]
SAMPLE = os.environ["RETERR_DESKTOP_SAMPLE"]
PLUGIN = "reterr_qgis"
iface = qgis.utils.iface
report = {"errors": [], "steps": []}
state = {"polls": 0, "rendered": 0}


def save():
    with open(REPORT, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1, default=str)


def step(name, func):
    try:
        func()
        report["steps"].append(name)
    except Exception:
        report["errors"].append(name + ": " + traceback.format_exc())
    save()


def finish(code=0):
    report["finished"] = True
    save()
    QgsProject.instance().setDirty(False)
    # Close the project first, as QGIS's own Quit does: QGIS 3.40 dies on signal 11 when the
    # application exits with a GeoPackage layer still in the project (with or without the plugin).
    QgsProject.instance().clear()
    QgsApplication.instance().exit(code)


def check_plugin():
    report["plugins"] = sorted(qgis.utils.plugins)
    report["active_plugins"] = list(qgis.utils.active_plugins)
    report["available_plugins"] = list(qgis.utils.available_plugins)
    report["plugin_class"] = type(qgis.utils.plugins.get(PLUGIN)).__name__
    report["plugin_paths"] = list(qgis.utils.plugin_paths)
    mod = sys.modules.get(PLUGIN)
    report["plugin_file"] = getattr(mod, "__file__", None)


def check_provider():
    reg = QgsApplication.processingRegistry()
    provider = reg.providerById("reterr")
    report["provider"] = provider is not None and provider.name()
    report["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else []
    report["algorithms_by_registry"] = sorted(
        a.id() for a in reg.algorithms() if a.provider() is not None and a.provider().id() == "reterr"
    )


def menu_actions():
    found = {}
    for top in iface.pluginMenu().actions():
        sub = top.menu()
        if sub is None:
            continue
        for act in sub.actions():
            if act.objectName().startswith("Reterr_"):
                found[act.objectName()] = {"menu": sub.title(), "text": act.text()}
    return found


def check_gui():
    win = iface.mainWindow()
    win.resize(1280, 800)
    modal = QApplication.activeModalWidget()
    report["modal"] = None if modal is None else type(modal).__name__ + " " + modal.windowTitle()
    report["windows"] = sorted(
        type(w).__name__ + ":" + w.objectName() for w in QApplication.topLevelWidgets()
        if w.isVisible()
    )
    report["menu"] = menu_actions()
    bar = win.findChild(QToolBar, "ReterrToolbar")
    report["toolbar"] = None
    if bar is not None:
        report["toolbar"] = {
            "visible": bar.isVisible(),
            "title": bar.windowTitle(),
            "actions": [a.objectName() for a in bar.actions()],
            "icon_ok": all(not a.icon().isNull() for a in bar.actions()),
        }
    report["window_actions"] = sorted(
        a.objectName() for a in win.findChildren(QAction) if a.objectName().startswith("Reterr_")
    )


def load_layer():
    layer = QgsVectorLayer(SAMPLE + "|layername=communes", "communes", "ogr")
    report["layer_valid"] = layer.isValid()
    report["layer_features"] = layer.featureCount()
    QgsProject.instance().addMapLayer(layer)
    iface.setActiveLayer(layer)
    iface.zoomToActiveLayer()
    canvas = iface.mapCanvas()
    canvas.mapCanvasRefreshed.connect(lambda: state.__setitem__("rendered", state["rendered"] + 1))
    canvas.refresh()
    ext = layer.extent()
    report["layer_extent"] = [ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()]


def wait_render():
    canvas = iface.mapCanvas()
    state["polls"] += 1
    done = state["rendered"] > 0 and not canvas.isDrawing()
    if not done and state["polls"] < 100:
        QTimer.singleShot(200, wait_render)
        return
    report["render_polls"] = state["polls"]
    # The project takes the CRS of its first layer once the layer is added.
    report["crs"] = QgsProject.instance().crs().authid()
    report["rendered"] = state["rendered"]
    ext = canvas.extent()
    report["canvas_extent"] = [ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()]
    # Let the window repaint once more before grabbing it.
    QTimer.singleShot(300, screenshot)


def screenshot():
    def grab():
        os.makedirs(os.path.dirname(SHOT), exist_ok=True)
        report["screenshot_saved"] = iface.mainWindow().grab().save(SHOT)

    step("screenshot", grab)
    step("index", run_index)
    QTimer.singleShot(100, wait_dock)


def run_index():
    # The planner's path: profile and service access of the communes, the resilience index on
    # top, then the dock on the index layer with a territory selected.
    import processing

    comm = SAMPLE + "|layername=communes"
    bpe = SAMPLE + "|layername=bpe_illustratif"
    prof = processing.run("reterr:territory_profile", {"INPUT": comm, "OUTPUT": "memory:"})
    bask = processing.run(
        "reterr:service_basket",
        {"DEMAND": prof["OUTPUT"], "FACILITIES": bpe, "CATEGORY_FIELD": "TYPEQU",
         "THRESHOLD": 15, "OUTPUT": "memory:"},
    )
    fields = ["share_65p", "share_0_19", "vacancy_rate", "basket_share", "basket_mean_min"]
    # Loaded as Processing loads results: styled by the algorithm's post-processing.
    index = processing.runAndLoadResults(
        "reterr:resilience_index",
        {"INPUT": bask["OUTPUT"], "FIELDS": fields, "NAME_FIELD": "nom", "SAMPLES": 200,
         "OUTPUT": "memory:"},
    )
    layer = index["OUTPUT"]
    if isinstance(layer, str):
        layer = QgsProject.instance().mapLayer(layer)
    report["index_renderer"] = layer.renderer().type()
    layer.setName("Indice de résilience")
    iface.setActiveLayer(layer)
    plugin = qgis.utils.plugins[PLUGIN]
    plugin.dock_action.trigger()  # show the dock: it takes the active layer
    dock = plugin.dock
    report["dock"] = {"object_name": dock.objectName(), "visible": dock.isVisible(),
                      "layer": dock.layer.name() if dock.layer else None}
    state["index_layer"] = layer
    state["dock_polls"] = 0


def wait_dock():
    plugin = qgis.utils.plugins[PLUGIN]
    dock = plugin.dock
    state["dock_polls"] += 1
    if dock.dashboard is None and state["dock_polls"] < 100:
        QTimer.singleShot(100, wait_dock)
        return

    def select():
        layer = state["index_layer"]
        fid = next(f.id() for f in layer.getFeatures() if f["nom"] == "Rodez")
        layer.selectByIds([fid])
        report["dock"].update(
            loaded=dock.dashboard is not None,
            title=dock.title.text(),
            rows=dock.table.rowCount(),
            axes=list(dock.profile_a.axes) if dock.profile_a else [],
            scores=[float(v) for v in dock.profile_a.scores] if dock.profile_a else [],
            message=dock.radar_message(),
        )

    step("dock_select", select)
    QTimer.singleShot(400, dock_screenshot)


def dock_screenshot():
    def grab():
        shot = os.path.join(os.path.dirname(SHOT), "dock.png")
        report["dock_screenshot"] = iface.mainWindow().grab().save(shot) and shot

    step("dock_screenshot", grab)
    step("unload", unload)
    QTimer.singleShot(200, after_unload)


def unload():
    plugin = qgis.utils.plugins[PLUGIN]
    plugin.unload()
    report["unload_called"] = True


def after_unload():
    def check():
        reg = QgsApplication.processingRegistry()
        win = iface.mainWindow()
        report["after_unload"] = {
            "provider": reg.providerById("reterr") is not None,
            "algorithm": reg.algorithmById("reterr:territory_profile") is not None,
            "menu": menu_actions(),
            "toolbar": win.findChild(QToolBar, "ReterrToolbar") is not None,
            "window_actions": sorted(
                a.objectName() for a in win.findChildren(QAction) if a.objectName().startswith("Reterr_")
            ),
        }

    step("after_unload", check)
    finish(0)


def start():
    step("plugin", check_plugin)
    step("provider", check_provider)
    step("gui", check_gui)
    step("layer", load_layer)
    QTimer.singleShot(200, wait_render)


def watchdog():
    report["errors"].append("watchdog: the script did not finish in time")
    finish(3)


QTimer.singleShot(int(os.environ.get("RETERR_DESKTOP_WATCHDOG_MS", "90000")), watchdog)
# Start once the event loop runs (the main window is shown and plugins are loaded by then).
QTimer.singleShot(0, start)
save()
"""


@pytest.fixture(scope="module")
def desktop_run(tmp_path_factory, sample_gpkg):
    """Start QGIS once under Xvfb with the plugin; return (report, messages, process info)."""
    tmp = tmp_path_factory.mktemp("desktop")
    plugins = tmp / "plugins"
    plugins.mkdir()
    (plugins / PLUGIN).symlink_to(ROOT, target_is_directory=True)
    ini = tmp / "profiles" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(PROFILE_INI, encoding="utf-8")
    runtime = tmp / "runtime"
    runtime.mkdir(mode=0o700)
    (tmp / "startup.py").write_text(STARTUP, encoding="utf-8")
    script = tmp / "script.py"
    script.write_text(SCRIPT, encoding="utf-8")
    report_path = tmp / "report.json"
    log_path = tmp / "messages.jsonl"
    if SCREENSHOT.exists():
        SCREENSHOT.unlink()

    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the real xcb platform, on the Xvfb display
    env.pop("DISPLAY", None)
    site = sysconfig.get_paths()[
        "purelib"
    ]  # this venv's packages (shapely 2, …), like qgis_process.sh
    env["PYTHONPATH"] = os.pathsep.join(p for p in (site, env.get("PYTHONPATH")) if p)
    env.update(
        QGIS_PLUGINPATH=str(plugins),
        PYQGIS_STARTUP=str(tmp / "startup.py"),
        XDG_RUNTIME_DIR=str(runtime),
        HOME=str(tmp),  # nothing of the user's own QGIS or Qt settings is read or written
        LANG="C.UTF-8",
        RETERR_DESKTOP_REPORT=str(report_path),
        RETERR_UI_LOG=str(log_path),
        RETERR_DESKTOP_SCREENSHOT=str(SCREENSHOT),
        RETERR_DESKTOP_SAMPLE=str(sample_gpkg),
        RETERR_DESKTOP_WATCHDOG_MS=str((TIMEOUT - 20) * 1000),
    )
    env.pop("LC_ALL", None)
    cmd = [
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1280x800x24",
        QGIS_BIN,
        "--nologo",
        "--noversioncheck",
        "--profiles-path",
        str(tmp / "profiles"),
        "--code",
        str(script),
    ]
    run = user_install_check.run_in_group(cmd, tmp, env, TIMEOUT)
    report, messages = user_install_check.read_report(report_path, log_path)
    info = {
        "returncode": run["returncode"],
        "timed_out": run["timed_out"],
        "elapsed": run["elapsed"],
        "stdout": run["stdout"][-4000:],
        "stderr": run["stderr"][-4000:],
    }
    return report, messages, info


def _python_problems(messages, only_plugin=False):
    out = []
    for m in messages:
        # The tags are translated ("Erreur Python" in the French interface): match the word.
        if "Python" not in m["tag"] and "Traceback" not in m["message"]:
            continue
        if only_plugin and PLUGIN not in m["message"]:
            continue
        out.append(f"[{m['tag']}] {m['message']}")
    return out


def test_desktop_started_and_script_finished(desktop_run):
    report, messages, info = desktop_run
    detail = f"{info}\nmessages: {messages}\nreport: {report}"
    assert not info["timed_out"], f"QGIS did not finish in {TIMEOUT} s\n{detail}"
    assert report.get("finished"), detail
    assert info["returncode"] == 0, detail
    assert report["errors"] == [], "\n".join(report["errors"])
    # Nothing modal (first-run, migration, error dialog) stands in front of the main window.
    assert report["modal"] is None
    assert report["windows"] == ["QMainWindow:QgisApp"], report["windows"]


def test_no_python_error(desktop_run):
    _report, messages, _info = desktop_run
    errors = [
        f"[{m['tag']}] {m['message']}"
        for m in messages
        if ("Python" in m["tag"] and m["level"] >= 2) or "Traceback" in m["message"]
    ]
    assert errors == [], "\n\n".join(errors)
    # Warnings of other plugins or of QGIS itself are not ours; the plugin's must be none.
    warnings = _python_problems(messages, only_plugin=True)
    assert warnings == [], "\n\n".join(warnings)
    reterr = [m for m in messages if m["tag"] == "ReTerr" and m["level"] >= 2]
    assert reterr == [], reterr


def test_plugin_loaded_from_checkout(desktop_run):
    report, _messages, _info = desktop_run
    assert PLUGIN in report["plugins"]
    assert PLUGIN in report["active_plugins"]
    assert report["plugin_class"] == "ReterrPlugin"
    # The plugin package QGIS imported is this checkout (through the QGIS_PLUGINPATH link).
    assert Path(report["plugin_file"]).resolve() == ROOT / "__init__.py"


def test_provider_and_algorithms_registered(desktop_run):
    report, _messages, _info = desktop_run
    assert report["provider"] == "ReTerr"
    expected = expected_provider_ids()
    assert len(expected_algorithm_ids()) >= 3
    assert report["algorithms"] == expected
    assert sorted(report["algorithms_by_registry"]) == expected


def test_menu_and_toolbar(desktop_run):
    report, _messages, _info = desktop_run
    menu = report["menu"]
    assert set(menu) == {
        "Reterr_territory_profile",
        "Reterr_export_council_map",
        "Reterr_export_atlas",
        "Reterr_resilience_index",
        "Reterr_service_gaps",
        "Reterr_import_bpe",
        "Reterr_floating_catchment",
        "Reterr_nearest_service",
        "Reterr_service_basket",
        "Reterr_suggest_locations",
        "Reterr_service_areas",
        "Reterr_food_adequacy",
        "Reterr_value_chains",
        "Reterr_endogenous_economy",
        "Reterr_dock",
    }
    assert {m["menu"].replace("&", "") for m in menu.values()} == {"ReTerr"}
    assert all(m["text"] for m in menu.values())
    toolbar = report["toolbar"]
    assert toolbar is not None, "no toolbar with objectName ReterrToolbar"
    assert toolbar["visible"]
    assert "Reterr_territory_profile" in toolbar["actions"]
    assert toolbar["icon_ok"]


def test_sample_layer_rendered_and_screenshot(desktop_run):
    report, _messages, _info = desktop_run
    assert report["layer_valid"]
    assert report["layer_features"] == 285
    assert report["crs"] == "EPSG:2154"
    assert report["rendered"] >= 1
    # Zoomed to the Aveyron (Lambert-93 metres): the canvas holds the layer, with little margin.
    lx0, ly0, lx1, ly1 = report["layer_extent"]
    assert 600_000 < lx0 < lx1 < 750_000 and 6_250_000 < ly0 < ly1 < 6_450_000
    cx0, cy0, cx1, cy1 = report["canvas_extent"]
    assert cx0 <= lx0 and cy0 <= ly0 and cx1 >= lx1 and cy1 >= ly1
    assert (cx1 - cx0) * (cy1 - cy0) < 3 * (lx1 - lx0) * (ly1 - ly0)
    assert report["screenshot_saved"]
    assert SCREENSHOT.exists()
    assert SCREENSHOT.stat().st_size > 50_000, SCREENSHOT.stat().st_size
    from PIL import Image

    with Image.open(SCREENSHOT) as img:
        assert img.size[0] >= 1000 and img.size[1] >= 600
        colours = img.convert("RGB").resize((160, 100)).getcolors(maxcolors=100_000)
    assert colours is not None and len(colours) > 50, "the screenshot looks blank"


def test_dock_shows_the_index_of_a_selected_commune(desktop_run):
    report, _messages, _info = desktop_run
    dock = report["dock"]
    assert dock["object_name"].startswith("Reterr") and dock["visible"]
    assert dock["layer"] == "Indice de résilience"
    assert report["index_renderer"] == "graduatedSymbol"  # the index opens styled
    assert dock["loaded"] and dock["title"].startswith("Rodez"), dock
    assert dock["rows"] >= 5 and dock["message"] == ""
    # 2 dimensions in the layer (vulnerability, services): one radar axis per scored indicator
    assert len(dock["axes"]) >= 5 and all(0 <= v <= 10 for v in dock["scores"])
    shot = Path(report["dock_screenshot"])
    assert shot.exists() and shot.stat().st_size > 50_000


def test_unload_removes_everything(desktop_run):
    report, messages, _info = desktop_run
    assert report.get("unload_called"), report["errors"]
    after = report["after_unload"]
    assert after == {
        "provider": False,
        "algorithm": False,
        "menu": {},
        "toolbar": False,
        "window_actions": [],
    }
    unload_errors = [m for m in _python_problems(messages) if "unload" in m.lower()]
    assert unload_errors == []
