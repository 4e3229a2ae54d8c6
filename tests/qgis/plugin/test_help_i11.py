"""The help panel and the parameters as a planner sees them (issue 11, §5).

QGIS shows ``shortHelpString()`` as HTML: a plain "<" there swallowed the rest of the text (the APL
paragraph with the 2.5 threshold, "t_<TYPE> = min…"). Every help is now escaped HTML whose visible
text is the whole plain help, the method under a heading after the plain-words summary; no help
says "to be confirmed"; technical parameters sit under "Advanced parameters"; numbers show the
decimals they need ("30", not "30,000000").
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytestmark = pytest.mark.qgis

TS = Path(__file__).resolve().parents[3] / "i18n" / "reterr_qgis_fr.ts"

#: Parameter names that are technical settings: decay shapes, seeds and draws, snapping, access
#: and fallback speeds, buffer widths, segment split lengths, the solver choice.
ADVANCED = {
    "STEPS",
    "SIGMA",
    "GRAVITY_ALPHA",
    "GRAVITY_MIN",
    "SEED",
    "SAMPLES",
    "MAX_SNAP",
    "TOLERANCE",
    "ACCESS_SPEED",
    "DEFAULT_SPEED",
    "SPEED",
    "DETOUR",
    "BUFFER",
    "MAX_EDGE",
    "SOLVER",
    "RESOLUTION",
    "MIN_SIZE",
    "TARGET_SIZE",
    "MIN_SELF_CONTAINMENT",
    "TARGET_SELF_CONTAINMENT",
}


def algorithms():
    from qgis.core import QgsApplication

    from reterr_qgis.processing.base import ReterrAlgorithm

    provider = QgsApplication.processingRegistry().providerById("reterr")
    assert provider is not None
    # The shipped models (.model3) carry the help written in the model designer.
    algs = [alg for alg in provider.algorithms() if isinstance(alg, ReterrAlgorithm)]
    assert len(algs) >= 23
    return algs


def parse(help_html: str) -> ET.Element:
    """The help as an element tree: raises when it is not well-formed (an unescaped "<")."""
    return ET.fromstring(f"<div>{help_html}</div>")


def paragraphs(root: ET.Element) -> list[str]:
    """Visible text of each <p> (a <br/> is a line break of the plain text)."""
    out = []
    for p in root.iter("p"):
        lines = [p.text or ""] + [br.tail or "" for br in p.iter("br")]
        out.append("\n".join(lines))
    return out


def plain_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def test_help_is_escaped_html_holding_the_whole_plain_help(qgis_app):
    for alg in algorithms():
        plain = alg.help_text()
        assert plain, f"{alg.id()}: no help"
        root = parse(alg.shortHelpString())
        assert paragraphs(root) == plain_paragraphs(plain), alg.id()
        tags = [child.tag for child in root]
        if len(plain_paragraphs(plain)) > 1:
            # The plain-words summary first, then the method under its heading.
            assert tags[:2] == ["p", "h3"], alg.id()
            assert root[1].text == "Method"
            assert tags[2:] == ["p"] * (len(tags) - 2), alg.id()


def test_apl_paragraph_survives(qgis_app):
    from reterr_qgis.processing.services.floating_catchment import FloatingCatchment
    from reterr_qgis.processing.services.nearest_service import NearestService

    html_text = FloatingCatchment().shortHelpString()
    assert "&lt; 10 min" in html_text
    visible = "".join(parse(html_text).itertext())
    assert "steps < 10 min 1, 10-15 2/3, 15-20 1/3" in visible
    assert "below 2.5 the unit is under-served" in visible
    assert "5,400 consultations" in visible
    visible = "".join(parse(NearestService().shortHelpString()).itertext())
    assert "t_<TYPE> = min_j c_ij" in visible


def test_help_html_escapes_and_splits():
    from reterr_qgis.processing.base import help_html

    out = help_html("What it answers.\n\nA < B & C\nnext line\n\nSource.", "Méthode")
    assert out == (
        "<p>What it answers.</p><h3>Méthode</h3><p>A &lt; B &amp; C<br/>next line</p><p>Source.</p>"
    )
    assert help_html("Only one paragraph <b>.", "Method") == "<p>Only one paragraph &lt;b&gt;.</p>"
    assert help_html("", "Method") == ""


def user_texts(alg) -> list[str]:
    texts = [alg.displayName(), alg.help_text(), alg.shortHelpString()]
    for d in alg.parameterDefinitions():
        texts.append(d.description())
        if hasattr(d, "help"):
            texts.append(d.help())
    return texts


def test_no_help_says_to_be_confirmed(qgis_app):
    found = [
        f"{alg.id()}: …{t[max(0, t.lower().find('confirmed') - 60) :][:90]}…"
        for alg in algorithms()
        for t in user_texts(alg)
        if "to be confirmed" in t.lower() or "[to be" in t.lower()
    ]
    assert found == []


def test_technical_parameters_are_advanced(qgis_app):
    from reterr_qgis.adapters import compat

    flag = int(compat.PARAM_FLAG_ADVANCED)
    not_advanced, seen = [], set()
    for alg in algorithms():
        for d in alg.parameterDefinitions():
            if d.name() in ADVANCED:
                seen.add(d.name())
                if not int(d.flags()) & flag:
                    not_advanced.append(f"{alg.id()}:{d.name()}")
            elif d.name() in {"CATCHMENT", "CUTOFF", "THRESHOLD", "NETWORK", "METHOD", "TYPES"}:
                # What a planner sets on every run stays in view.
                assert not int(d.flags()) & flag, f"{alg.id()}:{d.name()}"
    assert not_advanced == []
    assert seen == ADVANCED  # every name of the list exists somewhere


def widget_decimals(param) -> tuple[int, str]:
    """Decimals and text of the spin box QGIS's dialog builds for a number parameter."""
    from qgis.core import QgsProcessingContext
    from qgis.gui import QgsDoubleSpinBox, QgsGui, QgsProcessingGui

    standard = getattr(QgsProcessingGui, "Standard", None)
    if standard is None:  # pragma: no cover - QGIS 4 spelling
        from qgis.core import Qgis

        standard = Qgis.ProcessingMode.Standard
    wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(param, standard)
    widget = wrapper.createWrappedWidget(QgsProcessingContext())
    spin = widget if isinstance(widget, QgsDoubleSpinBox) else widget.findChild(QgsDoubleSpinBox)
    return spin.decimals(), spin.text()


def test_numbers_show_the_decimals_they_need(qgis_app):
    from qgis.core import QgsProcessingParameterNumber

    from reterr_qgis.adapters import compat

    for alg in algorithms():
        for d in alg.parameterDefinitions():
            if isinstance(d, QgsProcessingParameterNumber) and d.dataType() == compat.NUMBER_DOUBLE:
                places = d.metadata().get("widget_wrapper", {}).get("decimals")
                assert places is not None and places <= 3, f"{alg.id()}:{d.name()}"
    by_id = {alg.id(): alg for alg in algorithms()}
    expected = {
        ("reterr:floating_catchment", "CATCHMENT"): (0, "30"),
        ("reterr:nearest_service", "CUTOFF"): (0, "30"),
        ("reterr:nearest_service", "SPEED"): (0, "50"),
        ("reterr:nearest_service", "MAX_SNAP"): (0, "2000"),
        ("reterr:service_basket", "THRESHOLD"): (0, "7"),
    }
    for (alg_id, name), (places, text) in expected.items():
        param = by_id[alg_id].parameterDefinition(name)
        assert param.metadata()["widget_wrapper"]["decimals"] == places
        shown_places, shown = widget_decimals(param)
        assert shown_places == places
        assert shown.replace("\u202f", "").replace(" ", "") == text, (alg_id, name, shown)
    detour = by_id["reterr:nearest_service"].parameterDefinition("DETOUR")
    assert detour.metadata()["widget_wrapper"]["decimals"] == 2


@pytest.fixture
def french(qgis_app, tmp_path):
    """The French translation installed, removed afterwards (as in test_i18n)."""
    from reterr_qgis.adapters import i18n

    qm = tmp_path / TS.with_suffix(".qm").name
    if shutil.which("lrelease") is not None:
        subprocess.run(["lrelease", "-silent", str(TS), "-qm", str(qm)], check=True)
    elif TS.with_suffix(".qm").exists():
        shutil.copy(TS.with_suffix(".qm"), qm)
    else:
        pytest.skip("lrelease not installed (Debian package qttools5-dev-tools)")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(i18n, "I18N_DIR", tmp_path)
        assert i18n.install_translator("fr")
        try:
            yield
        finally:
            assert not i18n.install_translator("en")


def test_french_help_is_escaped_after_translation(french):
    from reterr_qgis.processing.supply.local_sourcing import LocalSourcing

    alg = LocalSourcing()
    plain = alg.help_text()
    assert "< 0" in plain  # "deficit < 0", in the French text
    assert not plain.startswith("Whose surplus")
    root = parse(alg.shortHelpString())
    assert paragraphs(root) == plain_paragraphs(plain)
