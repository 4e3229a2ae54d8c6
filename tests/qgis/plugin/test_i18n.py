"""Translations: the French .ts covers every string of the code, is fully translated, and works."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytestmark = pytest.mark.qgis

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "i18n" / "reterr_qgis_fr.ts"
QM = TS.with_suffix(".qm")
UPDATE = ROOT / "scripts" / "update_translations.sh"
#: ``{name}`` placeholders of str.format and Qt's ``%1``-style arguments.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+")
NOOP_CALLS = {"translate", "QT_TRANSLATE_NOOP"}


def read_ts(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) of every message of a .ts file."""
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source", ""), msg.find("translation")))
    return out


def fmt(pairs) -> str:
    return "\n".join(f"  [{c}] {s!r}" for c, s in sorted(pairs))


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> Path:
    """The committed .ts refreshed from the current code, as `make ts` would (in a temp copy)."""
    if shutil.which("pylupdate5") is None:
        pytest.skip("pylupdate5 not installed (Debian package pyqt5-dev-tools)")
    fresh = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copy(TS, fresh)
    subprocess.run([str(UPDATE), str(fresh)], check=True, capture_output=True, text=True)
    return fresh


def test_every_message_is_translated():
    untranslated, unfinished, bad_placeholders = [], [], []
    for ctx, source, translation in read_ts(TS):
        text = translation.text if translation is not None else None
        if not (text or "").strip():
            untranslated.append((ctx, source))
        elif translation.get("type") is not None:  # unfinished, obsolete, vanished
            unfinished.append((ctx, source))
        elif set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(text)):
            bad_placeholders.append((ctx, f"{source!r} -> {text!r}"))
    assert not untranslated, f"Messages without a translation in {TS.name}:\n{fmt(untranslated)}"
    assert not unfinished, f"Messages still marked unfinished in {TS.name}:\n{fmt(unfinished)}"
    assert not bad_placeholders, (
        "Placeholders differ between source and translation:\n"
        + "\n".join(f"  [{c}] {s}" for c, s in bad_placeholders)
    )


def test_ts_covers_the_code(fresh_ts):
    committed = {(c, s) for c, s, _ in read_ts(TS)}
    missing = {(c, s) for c, s, _ in read_ts(fresh_ts)} - committed
    assert not missing, (
        f"Strings of the code missing from {TS.relative_to(ROOT)}: run make ts and translate:\n"
        + fmt(missing)
    )


def marked_strings() -> tuple[set[tuple[str, str]], list[str]]:
    """(context, source) of every literal marked for translation in the plugin code, and the calls
    whose literal source string pylupdate5 cannot file under a context (non-literal context)."""
    found: set[tuple[str, str]] = set()
    bad: list[str] = []
    files = [ROOT / "__init__.py", *sorted((ROOT / "reterr_qgis").rglob("*.py"))]
    for path in files:
        classes: list[str] = []

        def visit(node, path=path, classes=classes):
            if isinstance(node, ast.ClassDef):
                classes.append(node.name)
            if isinstance(node, ast.Call):
                func = node.func
                name = getattr(func, "attr", None) or getattr(func, "id", None)
                args = node.args
                is_str = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args]
                if name == "tr" and is_str[:1] == [True] and classes:
                    found.add((classes[-1], args[0].value))
                elif name in NOOP_CALLS and len(args) >= 2 and is_str[1]:
                    if is_str[0]:
                        found.add((args[0].value, args[1].value))
                    else:
                        where = f"{path.relative_to(ROOT)}:{node.lineno}"
                        bad.append(f"  {where}: {ast.unparse(node)[:90]}")
            for child in ast.iter_child_nodes(node):
                visit(child)
            if isinstance(node, ast.ClassDef):
                classes.pop()

        visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return found, bad


def test_pylupdate_extracts_every_marked_string(fresh_ts):
    """Guards against strings that pylupdate5 silently skips (its parser is not Python's)."""
    found, bad = marked_strings()
    assert not bad, (
        'pylupdate5 only extracts a literal context: write translate("Context", "text"), '
        'not translate(CONSTANT, "text"):\n' + "\n".join(bad)
    )
    extracted = {(c, s) for c, s, _ in read_ts(fresh_ts)}
    skipped = found - extracted
    assert not skipped, f"Marked in the code but not extracted by pylupdate5:\n{fmt(skipped)}"


@pytest.fixture
def french(qgis_app, tmp_path):
    """The French translation installed through install_translator, removed afterwards."""
    from reterr_qgis.adapters import i18n

    if shutil.which("lrelease") is not None:
        subprocess.run(["lrelease", "-silent", str(TS), "-qm", str(tmp_path / QM.name)], check=True)
    elif QM.exists():
        shutil.copy(QM, tmp_path / QM.name)
    else:
        pytest.skip("lrelease not installed (Debian package qttools5-dev-tools)")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(i18n, "I18N_DIR", tmp_path)
        assert i18n.install_translator("fr")
        try:
            yield
        finally:
            # No reterr_qgis_en.qm: removes the French translator so later tests see English.
            assert not i18n.install_translator("en")


def test_french_is_used(french):
    from qgis.PyQt.QtCore import QCoreApplication

    from reterr_qgis.adapters.layers import error_message
    from reterr_qgis.engine.core.errors import InputError
    from reterr_qgis.processing.profile.territory_profile import TerritoryProfile
    from reterr_qgis.processing.report.export_council_map import ExportCouncilMap

    assert TerritoryProfile().displayName() == "1.1 Profil territorial"
    assert ExportCouncilMap().displayName() == "6.1 Carte pour le conseil"
    assert (
        QCoreApplication.translate("ReterrEngine", "{n} territories have zero population.")
        == "{n} territoires ont une population nulle."
    )
    err = InputError("{layer}: empty or missing geometries.", layer="zones")
    assert error_message(err) == "zones : géométries vides ou manquantes."


def test_english_without_translator(qgis_app):
    from reterr_qgis.processing.profile.territory_profile import TerritoryProfile

    assert TerritoryProfile().displayName() == "1.1 Territorial profile"
