#!/usr/bin/env python3
"""What a planner gets: the plugin ZIP installed into a fresh profile of the system's QGIS.

Runs with the system's Python 3 and its standard library only (no virtual environment, nothing of
the development tree on the path), in a throw-away home folder, and checks, as the planner would
meet them:

1. **Install from ZIP** in the QGIS desktop (under Xvfb): the installer's own code
   (``pyplugin_installer.instance().installFromZipFile``, what *Plugins › Manage and Install
   Plugins › Install from ZIP* runs) installs, loads and starts the plugin.
2. **QGIS started again** with that profile (the plugin now loads at start, as on every later day).
3. **qgis_process**: ``qgis_process plugins enable reterr_qgis`` (what the README says), then the
   algorithm list, then runs on the sample shipped in the ZIP: the territorial profile (of the
   communes, and grouped by EPCI) and road-network algorithms.

At each desktop start: no modal dialog (every visible dialog is recorded, then closed so the run
goes on; QGIS's modal "Python error" window is recorded instead of shown), no Python traceback in
the message log, the plugin active, its Processing provider listing every algorithm of the ZIP's
``resources/models``-free list (read from the installed plugin), at most one ReTerr message in the
message bar, naming exactly the packages said missing (``--expect-missing``). Each qgis_process run
either completes with its output written, or stops with the plugin's install message (a package
name and an ``apt install``/``pip install`` command) and no traceback; the algorithms of
``--expect-complete`` must complete.

Usage::

    python3 scripts/user_install_check.py ZIP WORKDIR [--expect-missing scipy,shapely2]
        [--expect-complete reterr:territory_profile,reterr:build_network] [--report FILE]

Exit status 0 when every check passed, 1 otherwise; the report (JSON) says what was seen.
Used by ``tests/qgis/plugin/test_user_install_i12.py`` (the CI machine's QGIS, two set-ups) and by
``scripts/test_user_install.sh`` (fresh Debian 12 and 13 systems in chroots).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

PLUGIN = "reterr_qgis"
PROVIDER = "reterr"
TIMEOUT_S = 240

# A fresh profile, offline and quiet at start. On QGIS 3.22 a fresh profile shows no modal dialog
# as such (the first-run / settings-migration dialog appears only when QGIS 2 settings exist, and
# --noversioncheck turns the version check off); these keys (all read by 3.22) pin that down: the
# migration done, no version check, no news feed fetch on the welcome page, no plugin repository
# fetch at start, no "save project?" question; French interface (the planners' language). The
# plugin is not enabled here: the installer does that (tests/qgis/plugin/test_desktop.py enables it).
PROFILE_INI = """\
[app]
plugin_installer\\checkOnStart=false
plugin_installer\\checkOnStartLastDate=2999-01-01T00:00:00

[core]
NewsFeed\\httpsfeedqgisorg\\disabled=true

[locale]
overrideFlag=true
userLocale=fr_FR
globalLocale=fr_FR

[migration]
fileVersion=99999
firstRunVersionFlag=99999
settings=true

[qgis]
checkVersion=false
allowVersionCheck=false
askToSaveProjectChanges=false
warnOldProjectVersion=false
"""

# Runs at Python initialisation of the desktop, before any plugin is loaded (PYQGIS_STARTUP).
STARTUP = """\
import builtins, json, os, traceback

from qgis.core import QgsApplication

_LOG = os.environ["RETERR_UI_LOG"]


def _record(message, tag, level):
    with open(_LOG, "a", encoding="utf-8") as f:
        f.write(json.dumps({"tag": tag, "level": int(level), "message": message}) + "\\n")


def _stack_dialog(type_, value, tb, msg, pop_error=True):
    # QGIS's modal "Python error" window: recorded (a failure of the check), not shown.
    text = "".join(traceback.format_exception(type_, value, tb)) if type_ else ""
    _record("MODAL STACK DIALOG: " + str(msg) + "\\n" + text, "Python error (modal dialog)", 2)


if not getattr(builtins, "_reterr_ui_hooked", False):
    builtins._reterr_ui_hooked = True
    QgsApplication.messageLog().messageReceived.connect(_record)
    import qgis.utils

    qgis.utils.open_stack_dialog = _stack_dialog
"""

# Runs inside the desktop (--code).
DESKTOP = """\
import json, os, traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QMessageBox
import qgis.utils

REPORT = os.environ["RETERR_UI_REPORT"]
PHASE = os.environ["RETERR_UI_PHASE"]
iface = qgis.utils.iface
report = {"phase": PHASE, "errors": [], "dialogs": []}


def save():
    with open(REPORT, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1, default=str)


def watch_dialogs():
    # A modal dialog runs its own event loop: this timer still fires, records it and closes it.
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QDialog) and w.isVisible():
            text = w.text() if isinstance(w, QMessageBox) else ""
            report["dialogs"].append(
                {"class": type(w).__name__, "title": w.windowTitle(), "text": text,
                 "modal": bool(w.isModal())}
            )
            save()
            w.reject()


def state():
    report["active_plugins"] = list(qgis.utils.active_plugins)
    provider = QgsApplication.processingRegistry().providerById("reterr")
    report["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else None
    menu_bar = iface.mainWindow().menuBar()
    report["menus"] = [a.text() for a in menu_bar.actions()]
    items = []
    for item in iface.messageBar().items():
        items.append({"title": item.title(), "text": item.text(), "level": int(item.level())})
    report["message_bar"] = items
    plugin = qgis.utils.plugins.get("reterr_qgis")
    report["plugin_file"] = getattr(__import__("sys").modules.get("reterr_qgis"), "__file__", None)
    report["plugin_object"] = type(plugin).__name__ if plugin is not None else None


def finish():
    try:
        state()
    except Exception:
        report["errors"].append("state: " + traceback.format_exc())
    report["finished"] = True
    save()
    QgsProject.instance().setDirty(False)
    QgsProject.instance().clear()
    QgsApplication.instance().exit(0)


def start():
    try:
        if PHASE == "install":
            import pyplugin_installer

            pyplugin_installer.instance().installFromZipFile(os.environ["RETERR_UI_ZIP"])
    except Exception:
        report["errors"].append("install: " + traceback.format_exc())
    save()
    QTimer.singleShot(1500, finish)


timer = QTimer()
timer.timeout.connect(watch_dialogs)
timer.start(100)
QTimer.singleShot(500, start)
QTimer.singleShot(int(os.environ["RETERR_UI_WATCHDOG_MS"]), finish)
save()
"""


def clean_env(home: Path) -> dict[str, str]:
    """The environment of a planner's session: the system's programs, their own home, no venv."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_RUNTIME_DIR": str(home / ".runtime"),
    }
    for key in ("PIP_CERT", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "PIP_CACHE_DIR"):
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def prepare_home(work: Path, keep: bool = False) -> Path:
    """``work/home`` with a fresh QGIS profile; ``keep``: the rest of an existing home stays (the
    packages installed there with ``pip --user``), else the home is made anew."""
    home = work / "home"
    if keep:
        shutil.rmtree(home / ".local/share/QGIS", ignore_errors=True)
    elif home.exists():
        shutil.rmtree(home)
    ini = home / ".local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(PROFILE_INI, encoding="utf-8")
    (home / ".runtime").mkdir(mode=0o700, exist_ok=True)
    return home


def plugin_dir(home: Path) -> Path:
    return home / ".local/share/QGIS/QGIS3/profiles/default/python/plugins" / PLUGIN


def run_desktop(phase: str, zip_path: Path, work: Path, env: dict[str, str]) -> dict:
    """Start the QGIS desktop under Xvfb for one phase; return its report and messages."""
    qgis = shutil.which("qgis", path=env["PATH"])
    if qgis is None:
        return {"errors": ["the QGIS desktop (qgis) is not installed"]}
    phase_dir = work / phase
    phase_dir.mkdir(exist_ok=True)
    (phase_dir / "startup.py").write_text(STARTUP, encoding="utf-8")
    (phase_dir / "desktop.py").write_text(DESKTOP, encoding="utf-8")
    report_path, log_path = phase_dir / "report.json", phase_dir / "messages.jsonl"
    for p in (report_path, log_path):
        if p.exists():
            p.unlink()
    env = dict(
        env,
        PYQGIS_STARTUP=str(phase_dir / "startup.py"),
        RETERR_UI_PHASE=phase,
        RETERR_UI_ZIP=str(zip_path),
        RETERR_UI_REPORT=str(report_path),
        RETERR_UI_LOG=str(log_path),
        RETERR_UI_WATCHDOG_MS=str((TIMEOUT_S - 30) * 1000),
    )
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", qgis, "--nologo", "--noversioncheck"]
    cmd += ["--code", str(phase_dir / "desktop.py")]
    run = run_in_group(cmd, phase_dir, env, TIMEOUT_S)
    report, messages = read_report(report_path, log_path)
    report.update(
        returncode=run["returncode"],
        timed_out=run["timed_out"],
        seconds=round(run["elapsed"], 1),
        messages=messages,
        stderr_tail=run["stderr"][-3000:],
    )
    return report


def run_in_group(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float) -> dict:
    """Run ``cmd`` (xvfb-run, which starts Xvfb and QGIS) in a process group of its own; past
    ``timeout`` seconds the whole group is ended. Returns returncode, timed_out, elapsed (s),
    stdout and stderr."""
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)
                proc.wait(timeout=10)
                break
            except (ProcessLookupError, subprocess.TimeoutExpired):
                continue
        out, err = proc.communicate()
    return {
        "returncode": proc.returncode,
        "timed_out": timed_out,
        "elapsed": time.monotonic() - start,
        "stdout": out,
        "stderr": err,
    }


def read_report(report_path: Path, log_path: Path) -> tuple[dict, list[dict]]:
    """The JSON report a desktop script wrote ({} if none) and the messages the startup hook
    recorded, one JSON object a line."""
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
    messages = []
    if log_path.exists():
        text = log_path.read_text(encoding="utf-8")
        messages = [json.loads(line) for line in text.splitlines() if line]
    return report, messages


def qgis_process_bin(env: dict[str, str]) -> str | None:
    # Debian 12's /usr/bin/qgis_process wrapper passes an option 3.22 rejects: the binary works.
    if os.access("/usr/bin/qgis_process.bin", os.X_OK):
        return "/usr/bin/qgis_process.bin"
    return shutil.which("qgis_process", path=env["PATH"])


def gpkg_rows(path: Path) -> int | None:
    """Number of rows of the layer of a GeoPackage written by an algorithm (None: no layer)."""
    if not path.exists():
        return None
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        tables = [r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")]
        # The layer is named after the file; layer_styles and reterr_provenance sit beside it.
        if path.stem not in tables:
            return None
        return int(db.execute(f'SELECT count(*) FROM "{path.stem}"').fetchone()[0])


def is_install_message(text: str) -> bool:
    """The plugin's message for a missing package: a package named and a command to get it."""
    named = any(p in text for p in ("scipy", "shapely", "numba", "igraph", "rasterio"))
    return named and ("apt install" in text or "pip install" in text)


#: What a sample run needs beyond its algorithm's ``REQUIRES`` (checked by the algorithm when
#: the parameters ask for it): grouping the profile by a code field needs scipy.
RUN_NEEDS = {"reterr:territory_profile/epci": ["scipy"]}


def run_algorithm(run: str) -> str:
    """The algorithm of a sample run (``reterr:territory_profile/epci`` → ``reterr:territory_profile``)."""
    return run.split("/")[0]


def sample_runs(sample: str, out: Path) -> dict[str, list[str]]:
    """The qgis_process runs on the sample shipped in the ZIP, by name (the algorithm, then
    ``/variant``); each one's last parameter is its output."""
    roads = f"{sample}|layername=routes_illustratives"
    return {
        "reterr:territory_profile": [
            f"INPUT={sample}|layername=communes",
            f"OUTPUT={out / 'profil.gpkg'}",
        ],
        "reterr:territory_profile/epci": [
            f"INPUT={sample}|layername=communes",
            "GROUP_FIELD=siren_epci",
            "GROUP_NAME_FIELD=nom_epci",
            f"OUTPUT={out / 'profil_epci.gpkg'}",
        ],
        "reterr:build_network": [
            f"NETWORK={roads}",
            "SPEED_FIELD=vitesse_kmh",
            "ONEWAY_FIELD=sens",
            f"NODES={out / 'reseau.gpkg'}",
        ],
        "reterr:service_areas": [
            f"FACILITIES={sample}|layername=bpe_illustratif",
            "CATEGORY_FIELD=TYPEQU",
            "TYPES=D265",
            f"NETWORK={roads}",
            "SPEED_FIELD=vitesse_kmh",
            "ONEWAY_FIELD=sens",
            "BANDS=10;20",
            f"OUTPUT={out / 'zones_medecins.gpkg'}",
        ],
    }


def run_qgis_process(home: Path, work: Path, env: dict[str, str]) -> dict:
    qp = qgis_process_bin(env)
    if qp is None:
        return {"errors": ["qgis_process is not installed"]}
    env = dict(env, QT_QPA_PLATFORM="offscreen")
    result: dict = {"binary": qp, "runs": {}}

    def call(*args: str, timeout: int = TIMEOUT_S) -> subprocess.CompletedProcess:
        return subprocess.run(
            [qp, *args], env=env, cwd=work, capture_output=True, text=True, timeout=timeout
        )

    enable = call("plugins", "enable", PLUGIN)
    result["enable"] = {
        "returncode": enable.returncode,
        "output": (enable.stdout + enable.stderr)[-2000:],
    }
    listing = call("list")
    result["listed"] = sorted(
        {w for line in listing.stdout.splitlines() for w in line.split() if w.startswith("reterr:")}
    )
    result["list_traceback"] = "Traceback" in listing.stdout + listing.stderr
    out = work / "out"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    sample = str(plugin_dir(home) / "resources" / "sample" / "aveyron.gpkg")
    for alg, params in sample_runs(sample, out).items():
        start = time.monotonic()
        proc = call("run", run_algorithm(alg), "--", *params)
        text = proc.stdout + proc.stderr
        output = Path(params[-1].split("=", 1)[1])
        result["runs"][alg] = {
            "returncode": proc.returncode,
            "seconds": round(time.monotonic() - start, 1),
            "rows": gpkg_rows(output) if proc.returncode == 0 else None,
            "install_message": is_install_message(text),
            "traceback": "Traceback" in text,
            "output_left": output.exists() if proc.returncode != 0 else None,
            "tail": text[-1500:],
        }
    return result


# Asks the installed plugin, in the system's Python, what is missing here (its own load check)
# and which sample runs can complete (its algorithms' REQUIRES), and how to install the rest.
FACTS = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication
app = QgsApplication([], False)
from reterr_qgis.reterr_qgis.adapters import dependencies as d
from reterr_qgis.reterr_qgis.processing.provider import algorithm_classes
runs, needs = json.loads(sys.argv[2]), json.loads(sys.argv[3])
absent = d.missing(d.LOAD_CHECK)
requires = {"reterr:" + c().name(): list(c.REQUIRES) for c in algorithm_classes()}
print(json.dumps({
    "platform": d.platform_id(),
    "missing": absent,
    "complete": [r for r in runs if not d.missing(requires[r.split("/")[0]] + needs.get(r, []))],
    "instructions": d.install_instructions(absent).splitlines() if absent else [],
}))
"""


def installed_plugin_facts(home: Path, env: dict[str, str]) -> dict:
    """What the installed plugin says of this system (see FACTS); {} when it cannot be asked."""
    runs = list(sample_runs("x", Path("x")))
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            FACTS,
            str(plugin_dir(home).parent),
            json.dumps(runs),
            json.dumps(RUN_NEEDS),
        ],
        env=dict(env, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"error": (proc.stdout + proc.stderr)[-2000:]}


def check(report: dict, expect_missing: set[str], expect_complete: set[str]) -> list[str]:
    """Problems found in a report (empty: every check passed)."""
    problems = []
    desktop_algs = None
    for phase in ("install", "restart"):
        r = report[phase]
        where = f"desktop ({phase})"
        if r.get("timed_out") or not r.get("finished"):
            problems.append(
                f"{where}: QGIS did not finish its run (timed out: {r.get('timed_out')})"
            )
        problems += [f"{where}: {e}" for e in r.get("errors", [])]
        for d in r.get("dialogs", []):
            problems.append(f"{where}: a dialog was shown: {d}")
        for m in r.get("messages", []):
            if "Python" in m["tag"] or "Traceback" in m["message"]:
                text = m["message"]
                text = text if len(text) < 1500 else text[:500] + " [...] " + text[-1000:]
                problems.append(f"{where}: Python error in the log [{m['tag']}]: {text}")
        if PLUGIN not in (r.get("active_plugins") or []):
            problems.append(f"{where}: the plugin is not active ({r.get('active_plugins')})")
        algs = r.get("algorithms")
        if not algs:
            problems.append(f"{where}: the provider lists no algorithm ({algs})")
        elif desktop_algs is None:
            desktop_algs = algs
        elif algs != desktop_algs:
            problems.append(f"{where}: the algorithms differ from the first start")
        ours = [
            m
            for m in r.get("message_bar", [])
            if "ReTerr" in m["title"] + m["text"] or "reterr" in (m["title"] + m["text"]).lower()
        ]
        if len(ours) > 1:
            problems.append(f"{where}: {len(ours)} ReTerr messages in the message bar: {ours}")
        text = " ".join(m["title"] + " " + m["text"] for m in ours)
        if expect_missing and not ours:
            problems.append(f"{where}: no message says that {sorted(expect_missing)} is missing")
        for key, name in (("scipy", "scipy"), ("shapely2", "shapely")):
            if ours and (key in expect_missing) != (name in text):
                problems.append(
                    f"{where}: the message bar {'does not name' if key in expect_missing else 'names'} "
                    f"{name}: {text[:500]}"
                )
    qp = report["qgis_process"]
    problems += [f"qgis_process: {e}" for e in qp.get("errors", [])]
    if qp.get("list_traceback"):
        problems.append("qgis_process list: a traceback")
    if desktop_algs and qp.get("listed") != desktop_algs:
        missing = sorted(set(desktop_algs) - set(qp.get("listed") or []))
        problems.append(f"qgis_process list: not the desktop's algorithms (missing {missing[:10]})")
    for alg, run in qp.get("runs", {}).items():
        where = f"qgis_process run {alg}"
        if run["traceback"]:
            problems.append(f"{where}: a traceback: {run['tail']}")
        if run["returncode"] == 0:
            if not run["rows"]:
                problems.append(f"{where}: completed but its output has no rows")
        else:
            if alg in expect_complete:
                problems.append(f"{where}: must complete here, stopped: {run['tail']}")
            elif not run["install_message"]:
                problems.append(f"{where}: stopped without the install message: {run['tail']}")
            if run["output_left"]:
                problems.append(f"{where}: stopped but left an output file")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("zip", type=Path)
    ap.add_argument("work", type=Path)
    ap.add_argument(
        "--expect-missing",
        default="",
        help="comma-separated: scipy, shapely2; 'auto': what the installed plugin finds missing",
    )
    ap.add_argument(
        "--expect-complete",
        default="",
        help="comma-separated algorithm ids; 'auto': those whose packages the plugin finds",
    )
    ap.add_argument(
        "--print-instructions",
        action="store_true",
        help="only print the installed plugin's install commands for this system (after a run)",
    )
    ap.add_argument("--report", type=Path)
    ap.add_argument(
        "--keep-home",
        action="store_true",
        help="reuse WORKDIR/home as it is (packages installed there with pip --user)",
    )
    args = ap.parse_args(argv)
    zip_path = args.zip.resolve()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    if args.print_instructions:
        facts = installed_plugin_facts(work / "home", clean_env(work / "home"))
        if "error" in facts:
            print(facts["error"], file=sys.stderr)
            return 1
        print("\n".join(facts["instructions"]))
        return 0
    home = prepare_home(work, keep=args.keep_home and (work / "home").exists())
    env = clean_env(home)
    report: dict = {"zip": str(zip_path), "python": sys.version.split()[0]}
    report["install"] = run_desktop("install", zip_path, work, env)
    report["installed"] = (plugin_dir(home) / "metadata.txt").exists()
    report["restart"] = run_desktop("restart", zip_path, work, env)
    report["qgis_process"] = run_qgis_process(home, work, env)
    auto = (
        installed_plugin_facts(home, env)
        if "auto" in (args.expect_missing, args.expect_complete)
        else {}
    )
    report["plugin_facts"] = auto
    if args.expect_missing == "auto":
        expect_missing = set(auto.get("missing", []))
    else:
        expect_missing = {k for k in args.expect_missing.split(",") if k}
    if args.expect_complete == "auto":
        expect_complete = set(auto.get("complete", []))
    else:
        expect_complete = {k for k in args.expect_complete.split(",") if k}
    report["expected"] = {"missing": sorted(expect_missing), "complete": sorted(expect_complete)}
    problems = check(report, expect_missing, expect_complete)
    if not report["installed"]:
        problems.insert(0, "the ZIP was not installed into the profile")
    report["problems"] = problems
    if args.report:
        args.report.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    for phase in ("install", "restart"):
        r = report[phase]
        print(
            f"desktop {phase}: {r.get('seconds')} s, {len(r.get('algorithms') or [])} algorithms, "
            f"dialogs {len(r.get('dialogs', []))}, message bar "
            f"{[m['title'] for m in r.get('message_bar', [])]}"
        )
    qp = report["qgis_process"]
    print(f"qgis_process: {len(qp.get('listed') or [])} algorithms listed")
    for alg, run in qp.get("runs", {}).items():
        outcome = (
            f"completed, {run['rows']} rows"
            if run["returncode"] == 0
            else ("stopped with the install message" if run["install_message"] else "FAILED")
        )
        print(f"  {alg}: {outcome} ({run['seconds']} s)")
    for p in problems:
        print("PROBLEM:", p)
    print("user install check:", "passed" if not problems else f"{len(problems)} problems")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
