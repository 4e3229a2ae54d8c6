"""What a planner gets from the ZIP: the system's QGIS, a fresh profile, no virtual environment.

``scripts/user_install_check.py`` (run with the system's ``/usr/bin/python3``, standard library
only) installs the ZIP of this checkout through QGIS's own *Install from ZIP* code into a fresh
profile in a throw-away home, starts the desktop again, then runs ``qgis_process``; it fails on a
modal dialog, a traceback in the log, a provider without its algorithms, more than one ReTerr
message in the message bar or one naming the wrong packages, and a qgis_process run that neither
completes nor stops with the install message. Two set-ups of this machine:

* **as the system packages are** (apt only: on the CI's Debian 12, QGIS 3.22 with Debian's scipy
  and no shapely 2): what is missing is read from the system Python, the message must name exactly
  that, and what can run must run;
* **after the plugin's own instructions**: the commands :func:`install_instructions` gives for this
  platform, typed as they are (the ``pip install --user`` line into the throw-away home; the
  ``sudo apt install`` packages must be there — ``scripts/setup.sh --dev`` installs them), then
  everything runs, road networks and service areas included.

And the check itself fails on a plugin that does not load (a broken copy of the ZIP).

``scripts/test_user_install.sh`` runs the same check on fresh Debian 12 and 13 systems (chroots,
apt ``qgis`` only, then the instructions); it is not part of CI.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CHECK = ROOT / "scripts" / "user_install_check.py"
sys.path.insert(0, str(CHECK.parent))
import user_install_check  # noqa: E402  (scripts/ is not a package)

SYSTEM_PYTHON = "/usr/bin/python3"
RUNS = tuple(user_install_check.sample_runs("x", Path("x")))

pytestmark = pytest.mark.slow

if not (
    shutil.which("xvfb-run")
    and Path(SYSTEM_PYTHON).exists()
    and (shutil.which("qgis", path="/usr/bin") and shutil.which("qgis_process", path="/usr/bin"))
):  # pragma: no cover
    pytest.skip(
        "the system's QGIS, qgis_process or xvfb-run is not installed", allow_module_level=True
    )

PROBE = r"""
import importlib.util, json, sys
from importlib import metadata
reqs = json.loads(sys.argv[1])
out = {}
for key, (module, dist, min_major) in reqs.items():
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    version = None
    if spec is not None:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "0"
    ok = version is not None and int(version.split(".")[0] or 0) >= min_major
    out[key] = [version, ok]
print(json.dumps(out))
"""


def system_packages(home: Path) -> dict[str, tuple[str | None, bool]]:
    """Version and whether it is enough, of each requirement, in the system's Python for a user
    whose home is ``home`` (packages installed with ``pip --user`` there count)."""
    from reterr_qgis.adapters.dependencies import REQUIREMENTS

    reqs = {k: [r.module, r.dist, r.min_major] for k, r in REQUIREMENTS.items() if not r.optional}
    proc = subprocess.run(
        [SYSTEM_PYTHON, "-c", PROBE, json.dumps(reqs)],
        env=user_install_check.clean_env(home),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return {k: tuple(v) for k, v in json.loads(proc.stdout).items()}


def expected_runs(available: set[str]) -> set[str]:
    """The sample runs that must complete with these packages (the others must stop with the
    install message): the algorithms' own declarations."""
    from reterr_qgis.processing.provider import algorithm_classes

    requires = {f"reterr:{cls().name()}": set(cls.REQUIRES) for cls in algorithm_classes()}
    return {
        run
        for run in RUNS
        if requires[user_install_check.run_algorithm(run)]
        | set(user_install_check.RUN_NEEDS.get(run, []))
        <= available
    }


@pytest.fixture(scope="module")
def built_zip(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "package.py"), "--dist", str(dist)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return next(dist.glob("*.zip"))


def run_check(zip_path: Path, work: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    report = work / "report.json"
    proc = subprocess.run(
        [SYSTEM_PYTHON, str(CHECK), str(zip_path), str(work), "--report", str(report), *args],
        env=user_install_check.clean_env(
            work
        ),  # the check makes its own clean environments under work/home
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    data = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    return proc, data


def test_apt_packages_only(built_zip, tmp_path, qgis_app):
    work = tmp_path / "apt"
    work.mkdir()
    (work / "home").mkdir()
    packages = system_packages(work / "home")
    missing = {k for k, (_, ok) in packages.items() if not ok}
    complete = expected_runs({k for k, (_, ok) in packages.items() if ok})
    proc, report = run_check(
        built_zip,
        work,
        "--expect-missing",
        ",".join(sorted(missing)),
        "--expect-complete",
        ",".join(sorted(complete)),
    )
    assert proc.returncode == 0, f"{packages}\n{proc.stdout}\n{proc.stderr}"
    assert report["installed"]
    runs = report["qgis_process"]["runs"]
    assert {a for a, r in runs.items() if r["returncode"] == 0} == complete, runs
    # What cannot run said how to get what it needs.
    assert all(r["install_message"] for a, r in runs.items() if a not in complete)
    assert len(report["restart"]["algorithms"]) == len(report["qgis_process"]["listed"]) >= 24


def type_instructions(lines: list[str], home: Path) -> list[str]:
    """Type the plugin's install commands as a planner would: the ``pip`` lines as the user whose
    home is ``home``; the ``sudo apt install`` packages must already be there (root's part:
    ``scripts/setup.sh --dev`` installs them), else the test is skipped. The commands typed."""
    typed = []
    for line in lines:
        if line.startswith("sudo apt install "):
            wanted = line.split()[3:]
            absent = [
                p
                for p in wanted
                if subprocess.run(
                    ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True
                ).stdout
                != "install ok installed"
            ]
            if absent:
                pytest.skip(
                    f"apt packages of the instructions not installed (setup.sh --dev): {absent}"
                )
            typed.append(line)
        elif line.startswith(("pip install ", "pip uninstall ")):
            proc = subprocess.run(
                shlex.split(line),
                env=user_install_check.clean_env(home),
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
            assert proc.returncode == 0, f"{line}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
            typed.append(line)
    return typed


def test_after_the_plugins_own_instructions(built_zip, tmp_path):
    from reterr_qgis.adapters.dependencies import install_instructions, platform_id

    work = tmp_path / "instructions"
    home = work / "home"
    home.mkdir(parents=True)
    missing = sorted(k for k, (_, ok) in system_packages(home).items() if not ok)
    commands = install_instructions(missing, platform_id()).splitlines() if missing else []
    typed = type_instructions(commands, home)
    after = system_packages(home)
    assert all(ok for _, ok in after.values()), (commands, after)
    proc, report = run_check(built_zip, work, "--keep-home", "--expect-complete", ",".join(RUNS))
    assert proc.returncode == 0, f"typed: {typed}\n{proc.stdout}\n{proc.stderr}"
    assert all(r["rows"] for r in report["qgis_process"]["runs"].values())
    assert report["restart"]["message_bar"] == [] or all(
        "ReTerr" not in m["title"] for m in report["restart"]["message_bar"]
    )


def test_the_check_fails_on_a_plugin_that_does_not_load(built_zip, tmp_path):
    """The check is not blind: a ZIP whose plugin breaks at import fails it."""
    broken = tmp_path / "reterr_qgis-broken.zip"
    with zipfile.ZipFile(built_zip) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "reterr_qgis/reterr_qgis/processing/provider.py":
                head = b"from __future__ import annotations\n"
                data = data.replace(head, head + b"import reterr_module_that_does_not_exist\n", 1)
            dst.writestr(item, data)
    work = tmp_path / "broken"
    proc, report = run_check(broken, work)
    assert proc.returncode == 1, proc.stdout
    problems = "\n".join(report["problems"])
    assert "reterr_module_that_does_not_exist" in problems
    assert "the provider lists no algorithm" in problems
    assert "MODAL STACK DIALOG" in problems  # QGIS's "Python error" window, at plugin start


def test_a_shapely_wheel_that_clashes_with_the_geos_of_qgis(built_zip, tmp_path):
    """What generic advice gives ("pip install shapely"): a wheel carrying its own GEOS. Where it
    is not the GEOS of QGIS (Linux), shapely's calls reach QGIS's GEOS and fail ("WKB output
    dimension must be 2 or 3" on Debian 12): the plugin says so and how to replace it, instead of
    a traceback in the service areas; then its instructions, typed, make everything run."""
    work = tmp_path / "wheel"
    home = work / "home"
    home.mkdir(parents=True)
    pip = "pip install --user --break-system-packages --only-binary shapely shapely>=2.0.1,<2.2"
    proc = subprocess.run(
        shlex.split(pip),
        env=user_install_check.clean_env(home),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    proc, report = run_check(
        built_zip, work, "--keep-home", "--expect-missing", "auto", "--expect-complete", "auto"
    )
    facts = report["plugin_facts"]
    if "shapely2" not in facts.get("missing", []):
        pytest.skip(f"the shapely wheel carries the GEOS of this QGIS: no clash here ({facts})")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    bar = report["restart"]["message_bar"]
    assert len(bar) == 1 and "GEOS" in bar[0]["text"], bar
    runs = report["qgis_process"]["runs"]
    assert runs["reterr:service_areas"]["returncode"] != 0
    assert runs["reterr:service_areas"]["install_message"]
    assert "pip uninstall" in runs["reterr:service_areas"]["tail"]
    assert runs["reterr:build_network"]["rows"] and runs["reterr:territory_profile"]["rows"]
    assert runs["reterr:territory_profile/epci"]["rows"] == 20  # dissolved by QGIS's GEOS

    typed = type_instructions(facts["instructions"], home)
    assert typed[0].startswith("pip uninstall"), typed
    proc, report = run_check(built_zip, work, "--keep-home", "--expect-complete", ",".join(RUNS))
    assert proc.returncode == 0, f"typed: {typed}\n{proc.stdout}\n{proc.stderr}"
    assert report["restart"]["message_bar"] == []
