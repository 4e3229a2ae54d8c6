"""reterr:flow_indicators through processing.run, on small territories and flow tables built here:
indicators by hand (and against the engine on the sample), flow lines (threshold, top-k, modes,
curved geometry), the arrow style stored in a GeoPackage, bad input."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

pytestmark = pytest.mark.qgis

ROOT = Path(__file__).resolve().parents[3]
SAMPLE_FLOWS = ROOT / "resources" / "sample" / "flux_domicile_travail_illustratif.csv"

#: (orig, dest, flux). Territories A, B, C, D (D has no flow); HORS and X/Y are not territories.
FLOWS = [
    ("A", "A", 600),
    ("A", "B", 300),
    ("A", "C", 100),
    ("A", "HORS", 50),
    ("B", "B", 400),
    ("B", "A", 200),
    ("C", "A", 20),
    ("HORS", "B", 80),
    ("X", "Y", 999),
]


def square(x0, y0, side=1000.0):
    x1, y1 = x0 + side, y0 + side
    return f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"


def territories(codes=("A", "B", "C", "D"), crs="EPSG:2154"):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(
        f"MultiPolygon?crs={crs}&field=code:string&field=nom:string", "territoires", "memory"
    )
    feats = []
    for k, code in enumerate(codes):
        f = QgsFeature(layer.fields())
        f.setAttributes([code, f"Terr {code}"])
        f.setGeometry(QgsGeometry.fromWkt(square(3000.0 * k, 0)))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def flow_table(rows=FLOWS):
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer(
        "None?field=orig:string&field=dest:string&field=flux:double", "flux", "memory"
    )
    feats = []
    for attrs in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def run(run_alg, terr=None, flows=None, **params):
    return run_alg(
        "reterr:flow_indicators",
        {
            "INPUT": terr or territories(),
            "CODE_FIELD": "code",
            "NAME_FIELD": "nom",
            "FLOWS": flows or flow_table(),
            "OUTPUT": "TEMPORARY_OUTPUT",
            "FLOW_LINES": "TEMPORARY_OUTPUT",
            **params,
        },
    )


def by_code(layer, key="code"):
    return {f[key]: f for f in layer.getFeatures()}


def lines(res):
    return {(f["orig"], f["dest"]): f for f in res["FLOW_LINES"].getFeatures()}


# ---- indicators --------------------------------------------------------------------------------


def test_indicators_by_hand(run_alg):
    res = run(run_alg)
    out = by_code(res["OUTPUT"])
    a, b, c, d = out["A"], out["B"], out["C"], out["D"]
    # A: T_AA 600; O = 300 + 100 + 50 (to HORS); I = 200 + 20.
    assert (a["internes"], a["sortants"], a["entrants"]) == (600, 450, 220)
    assert (a["brut"], a["net"]) == (670, -230)
    assert a["auto_off"] == pytest.approx(100 * 600 / 1050)
    assert a["auto_dem"] == pytest.approx(100 * 600 / 820)
    assert a["ratio_emp"] == pytest.approx(100 * 820 / 1050)
    assert a["dep_max"] == pytest.approx(100 * 300 / 450)  # HORS counts in O, never a destination
    assert (a["dest_max"], a["nom_dmax"]) == ("B", "Terr B")
    # B: I includes the 80 from HORS.
    assert (b["internes"], b["sortants"], b["entrants"]) == (400, 200, 380)
    assert b["ratio_emp"] == pytest.approx(100 * 780 / 600)
    assert b["auto_dem"] == pytest.approx(100 * 400 / 780)
    assert (b["dep_max"], b["dest_max"]) == (pytest.approx(100.0), "A")
    # C: nobody lives and works there.
    assert (c["auto_off"], c["auto_dem"], c["ratio_emp"]) == (0, 0, pytest.approx(500))
    # D: no flow at all → NULL, named.
    for name in ("sortants", "internes", "auto_off", "ratio_emp", "dep_max", "dest_max"):
        assert null(d[name]), name
    assert any("Terr D" in w and "no flow" in w for w in res["_feedback"].warnings)
    assert any("1 rows" in i and "999" in i for i in res["_feedback"].infos)  # X → Y
    assert d["nom"] == "Terr D"  # input attributes kept


# ---- flow lines --------------------------------------------------------------------------------


def test_lines_threshold_top_k_and_modes(run_alg):
    # Directed, ≥ 100, 5 per origin: A→B 300, B→A 200, A→C 100 (C→A 20 is below).
    got = lines(run(run_alg))
    assert {k: f["flux"] for k, f in got.items()} == {
        ("A", "B"): 300,
        ("B", "A"): 200,
        ("A", "C"): 100,
    }
    assert got[("A", "B")]["fiable"] == 1 and got[("A", "C")]["fiable"] == 0
    assert got[("A", "B")]["part"] == pytest.approx(75.0)  # of A's 400 to territories
    assert (got[("A", "B")]["rang"], got[("A", "C")]["rang"]) == (1, 2)
    assert got[("A", "B")]["noms"] == "Terr A → Terr B"
    # One per origin.
    assert set(lines(run(run_alg, TOP_K=1))) == {("A", "B"), ("B", "A")}
    # 0 = all, threshold 0: every pair between territories, never the internal flows.
    assert len(lines(run(run_alg, TOP_K=0, THRESHOLD=0))) == 4
    # Gross: A–B 500 and A–C 120, from the territory sending more.
    got = lines(run(run_alg, MODE=1))
    assert {k: f["flux"] for k, f in got.items()} == {("A", "B"): 500, ("A", "C"): 120}
    # Net: A→B 100, A→C 80 (below the threshold).
    got = lines(run(run_alg, MODE=2))
    assert {k: f["flux"] for k, f in got.items()} == {("A", "B"): 100}


def test_line_geometry_curved_or_straight(run_alg):
    from qgis.core import QgsPointXY

    terr = territories()
    polys = {f["code"]: f.geometry() for f in terr.getFeatures()}
    for curved, n_vertices in ((True, 3), (False, 2)):
        res = run(run_alg, terr, CURVED=curved)
        for f in res["FLOW_LINES"].getFeatures():
            pts = f.geometry().asPolyline()
            assert len(pts) == n_vertices
            assert polys[f["orig"]].contains(QgsPointXY(pts[0]))
            assert polys[f["dest"]].contains(QgsPointXY(pts[-1]))
    # A→B and B→A bend to opposite sides.
    got = lines(run(run_alg, terr))
    ab = got[("A", "B")].geometry().asPolyline()[1]
    ba = got[("B", "A")].geometry().asPolyline()[1]
    assert (ab.y() - 500) * (ba.y() - 500) < 0


# ---- bad input ---------------------------------------------------------------------------------


def test_bad_inputs_have_clear_messages(run_alg):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="'persons' is not in the flow table"):
        run(run_alg, FLOW_FIELD="persons")
    with pytest.raises(QgsProcessingException, match=r"No origin or destination .* siren_epci"):
        run(run_alg, flows=flow_table([("12001", "12002", 10)]))
    with pytest.raises(QgsProcessingException, match="empty or negative 'flux'"):
        run(run_alg, flows=flow_table([("A", "B", -3)]))
    with pytest.raises(QgsProcessingException, match="has no rows"):
        run(run_alg, flows=flow_table([]))
    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        run(run_alg, territories(crs="EPSG:4326"))
    with pytest.raises(QgsProcessingException, match=r"same code.*Terr A"):
        run(run_alg, territories(("A", "B", "A")))
    with pytest.raises(QgsProcessingException, match="'code_x' is not in layer"):
        run(run_alg, CODE_FIELD="code_x")


# ---- GeoPackage, style, and the sample chain ---------------------------------------------------


def test_geopackage_outputs_are_styled(run_alg, tmp_path):
    gpkg_t, gpkg_l = tmp_path / "indicateurs.gpkg", tmp_path / "lignes.gpkg"
    run(
        run_alg,
        OUTPUT=f"ogr:dbname='{gpkg_t}' table=\"indicateurs_flux\" (geom)",
        FLOW_LINES=f"ogr:dbname='{gpkg_l}' table=\"flux_domicile_travail\" (geom)",
    )
    with sqlite3.connect(gpkg_l) as db:
        (qml,) = db.execute(
            "SELECT styleQML FROM layer_styles WHERE f_table_name = 'flux_domicile_travail'"
        ).fetchone()
        assert db.execute("SELECT count(*) FROM reterr_provenance").fetchone()[0] == 1
    assert 'class="ArrowLine"' in qml
    # Qt writes XML attributes in a random order: find the is_curved element, then its value.
    curved = re.findall(r'<(?:Option|prop)\b[^>]*"is_curved"[^>]*>', qml)
    assert curved and all(re.search(r'\b(?:value|v)="1"', e) for e in curved), curved
    with sqlite3.connect(gpkg_t) as db:
        (qml,) = db.execute(
            "SELECT styleQML FROM layer_styles WHERE f_table_name = 'indicateurs_flux'"
        ).fetchone()
    assert "auto_off" in qml


def test_sample_chain_matches_the_engine(run_alg, sample_gpkg):
    """import_flows (EPCI) → flow_indicators on the sample: every person counted once as a
    working resident, and the numbers equal the engine's on the same matrix."""
    from reterr_qgis.engine.complementarity import (
        aggregate_flows,
        read_flow_file,
        zone_flow_indicators,
    )

    communes = f"{sample_gpkg}|layername=communes"
    flows = run_alg(
        "reterr:import_flows",
        {
            "FILE": str(SAMPLE_FLOWS),
            "COMMUNES": communes,
            "ZONING_FIELD": "siren_epci",
            "ZONING_NAME_FIELD": "nom_epci",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    res = run_alg(
        "reterr:flow_indicators",
        {
            "INPUT": f"{sample_gpkg}|layername=epci",
            "CODE_FIELD": "siren_epci",
            "NAME_FIELD": "nom_epci",
            "FLOWS": flows,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "FLOW_LINES": "TEMPORARY_OUTPUT",
        },
    )
    out = by_code(res["OUTPUT"], "siren_epci")
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(communes, "c", "ogr")
    codes = [f["code_insee"] for f in layer.getFeatures()]
    zones = [f["siren_epci"] for f in layer.getFeatures()]
    ref = zone_flow_indicators(aggregate_flows(read_flow_file(SAMPLE_FLOWS), codes, zones))
    total = 0.0
    for k, z in enumerate(ref.codes):
        f = out[str(z)]
        assert f["internes"] == pytest.approx(ref.internal[k])
        assert f["sortants"] == pytest.approx(ref.outgoing[k])
        assert f["ratio_emp"] == pytest.approx(ref.job_ratio[k])
        assert f["auto_off"] == pytest.approx(100 * ref.self_containment_supply[k])
        total += f["internes"] + f["sortants"]
    assert total == pytest.approx(105120.0)
    assert res["FLOW_LINES"].featureCount() > 0
