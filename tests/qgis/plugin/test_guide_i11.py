"""The French user guide (``docs/guide.md``) and the plugin manager entry (issue 11, §5).

The guide names algorithms by their Processing id: each ``reterr:…`` it mentions must be an
algorithm the ReTerr provider registers (a renamed or removed algorithm breaks the guide). The
plugin manager shows ``description[fr]`` and ``about[fr]`` of ``metadata.txt`` in a French
desktop.
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GUIDE = ROOT / "docs" / "guide.md"
ALG_ID = re.compile(r"\breterr:([a-z0-9_]+)")


def _guide_ids() -> set[str]:
    return {f"reterr:{name}" for name in ALG_ID.findall(GUIDE.read_text(encoding="utf-8"))}


def test_guide_exists_and_covers_the_workflow():
    assert GUIDE.is_file()
    text = GUIDE.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 260
    # The diagnostic on the sample, then the official sources and where they are read.
    for needed in (
        "Diagnostic de résilience du territoire",
        "reterr:territorial_diagnostic",
        "make demo",
        "Indicateurs de résilience",
        "reterr:export_atlas",
        "reterr:import_bpe",
        "reterr:farmland",
        "reterr:import_sirene",
        "reterr:import_flows",
        "PARCELLES_GRAPHIQUES",
        "MOBPRO",
        "ADMIN EXPRESS COG",
        "Travailler en lot",
        "Limites connues",
    ):
        assert needed in text, needed


def test_every_algorithm_named_in_the_guide_exists(qgis_app):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    named = _guide_ids()
    assert len(named) >= 20
    missing = sorted(alg_id for alg_id in named if registry.algorithmById(alg_id) is None)
    assert missing == []


def test_guide_model_parameters_exist(qgis_app):
    """The model inputs and "step:output" names the guide gives are those of the shipped model."""
    from qgis.core import QgsApplication

    model = QgsApplication.processingRegistry().algorithmById("reterr:territorial_diagnostic")
    assert model is not None
    names = {p.name() for p in model.parameterDefinitions()}
    text = GUIDE.read_text(encoding="utf-8")
    given = set(re.findall(r"`([A-Z_]+)`", text)) & {
        "COMMUNES",
        "TOWN_HALLS",
        "FACILITIES",
        "ROADS",
        "SPEED_FIELD",
        "ONEWAY_FIELD",
        "PARCELS",
        "ESTABLISHMENTS",
        "LEGAL_UNITS",
        "FLOWS",
        "TERRITORY",
        "PROFILE_TERRITORY",
        "SOURCES",
    }
    assert len(given) == 13
    assert given <= names
    outputs = set(re.findall(r"`([a-z_]+:[a-z_]+)`", text)) - _guide_ids()
    outputs = {o for o in outputs if not o.startswith("native:")}
    assert len(outputs) >= 10
    assert outputs <= names, sorted(outputs - names)


def test_metadata_has_french_description_and_about():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "metadata.txt", encoding="utf-8")
    general = cfg["general"]
    for key in ("description[fr]", "about[fr]"):
        assert general.get(key, "").strip(), key
    # True to what ships: the three themes, the models, the atlas and the dock.
    about_fr = general["about[fr]"]
    for word in ("Services", "Filières", "Complémentarité", "modèles", "atlas", "panneau"):
        assert word in about_fr, word
    about_en = general["about"]
    assert "next theme" not in about_en
    for word in ("Complementarity", "atlas", "dock", "models"):
        assert word in about_en, word
