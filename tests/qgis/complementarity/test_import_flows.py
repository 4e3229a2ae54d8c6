"""reterr:import_flows through processing.run, on small flow files and commune layers written
here: every row checked by hand, totals conserved, filters, zoning, arrondissements, bad input."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

pytestmark = pytest.mark.qgis

ROOT = Path(__file__).resolve().parents[3]
SAMPLE_FLOWS = ROOT / "resources" / "sample" / "flux_domicile_travail_illustratif.csv"

AGGREGATED = """CODGEO;LIBGEO;DCLT;L_DCLT;NBFLUX_C21_ACTOCC15P
12001;Agen;12001;Agen;100
12001;Agen;12002;Aguessac;50
12001;Agen;31555;Toulouse;30
12001;Agen;99134;Espagne;5
12002;Aguessac;12001;Agen;20
12003;Alpuech;12001;Agen;250.5
31555;Toulouse;12003;Alpuech;40
31555;Toulouse;31555;Toulouse;1000
"""
#: Total weight 1495.5, of which 1000 (Toulouse → Toulouse) touches no commune of the area.

DETAIL = """COMMUNE;ARM;DCLT;IPONDI;AGEREVQ
12001;ZZZZZ;12001;1.5;25
12001;ZZZZZ;75108;2.25;30
75056;75115;12001;3.0;40
XX;ZZZZZ;12001;0.5;45
12001;ZZZZZ;ZZZZZ;0.75;50
"""
#: Total 8.0: A → A 1.5, A → Paris (8e) 2.25, Paris (15e) → A 3, unreadable residence → A 0.5,
#: A → place not given 0.75.


def square(x0, y0, side=1000.0):
    x1, y1 = x0 + side, y0 + side
    return f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"


def communes(rows=None, crs="EPSG:2154"):
    """Communes A (12001), B (12002) in EPCI E1 and C (12003) in E2, as a memory layer."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    if rows is None:
        rows = [
            ("12001", "Agen-d'Aveyron", "E1", "CC Un"),
            ("12002", "Aguessac", "E1", "CC Un"),
            ("12003", "Alpuech", "E2", "CC Deux"),
        ]
    layer = QgsVectorLayer(
        f"MultiPolygon?crs={crs}&field=code_insee:string&field=nom:string"
        "&field=epci:string&field=nom_epci:string",
        "communes",
        "memory",
    )
    feats = []
    for k, attrs in enumerate(rows):
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromWkt(square(1000.0 * k, 0)))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def write(tmp_path, text, name="flux.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def table(layer):
    """{(orig, dest): feature} of the output."""
    out = {}
    for f in layer.getFeatures():
        key = (f["orig"], None if _null(f["dest"]) else f["dest"])
        assert key not in out, key
        out[key] = f
    return out


def _null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def total(layer):
    return sum(f["flux"] for f in layer.getFeatures())


def run(run_alg, path, layer=None, **params):
    return run_alg(
        "reterr:import_flows",
        {"FILE": path, "COMMUNES": layer or communes(), "OUTPUT": "TEMPORARY_OUTPUT", **params},
    )


# ---- commune pairs ---------------------------------------------------------------------------


def test_commune_pairs_by_hand(run_alg, tmp_path):
    res = run(run_alg, write(tmp_path, AGGREGATED))
    out = table(res["OUTPUT"])
    expected = {
        ("12001", "12001"): 100,
        ("12001", "12002"): 50,
        ("12001", "31555"): 30,
        ("12001", "ETRANGER"): 5,
        ("12002", "12001"): 20,
        ("12003", "12001"): 250.5,
        ("31555", "12003"): 40,
    }
    assert {k: f["flux"] for k, f in out.items()} == pytest.approx(expected)
    # Names: the layer's for its communes, the file's labels for the others.
    assert out[("12001", "12002")]["orig_nom"] == "Agen-d'Aveyron"
    assert out[("12001", "12002")]["dest_nom"] == "Aguessac"
    assert out[("12001", "31555")]["dest_nom"] == "Toulouse"
    assert out[("31555", "12003")]["orig_nom"] == "Toulouse"
    # INSEE reliability: < 200 → 0, 200–500 → 1, > 500 → 2.
    assert out[("12003", "12001")]["fiable"] == 1
    assert out[("12001", "12001")]["fiable"] == 0
    # Conservation: 1495.5 in the file, 1000 touching none of the communes.
    assert total(res["OUTPUT"]) == pytest.approx(495.5)
    infos = " ".join(res["_feedback"].infos)
    assert "Check:" in infos and "495.5" in infos and "1 495.5" in infos
    assert not res["_feedback"].warnings[1:]  # only the engine's "outside" warning
    assert any("abroad 5" in w for w in res["_feedback"].warnings)


@pytest.mark.parametrize(
    ("keep", "expected"),
    [
        (1, 100 + 50 + 30 + 5 + 20 + 250.5),  # residence in the communes
        (2, 100 + 50 + 20 + 250.5 + 40),  # place of work in the communes
        (3, 100 + 50 + 20 + 250.5),  # both
    ],
)
def test_keep_rules_conserve_what_they_keep(run_alg, tmp_path, keep, expected):
    res = run(run_alg, write(tmp_path, AGGREGATED), KEEP=keep)
    assert total(res["OUTPUT"]) == pytest.approx(expected)
    left = 1495.5 - expected
    assert any(f"− {left:,.1f}".replace(",", " ") in i for i in res["_feedback"].infos)
    out = table(res["OUTPUT"])
    if keep == 1:
        assert ("31555", "12003") not in out
    else:
        assert ("12001", "ETRANGER") not in out and ("12001", "31555") not in out


def test_detail_file_arrondissements_and_unusable_residences(run_alg, tmp_path):
    path = write(tmp_path, DETAIL)
    res = run(run_alg, path)
    out = table(res["OUTPUT"])
    expected = {
        ("12001", "12001"): 1.5,
        ("12001", "75056"): 2.25,  # Paris 8e counted in Paris
        ("12001", "NONRENS"): 0.75,
        ("75056", "12001"): 3.0,
        ("INCONNU", None): 0.5,  # residence 'XX': one row, destination not split
    }
    assert {k: f["flux"] for k, f in out.items()} == pytest.approx(expected)
    assert total(res["OUTPUT"]) == pytest.approx(8.0)
    assert any("arrondissement" in w for w in res["_feedback"].warnings)
    # Residence in the communes: Paris → A and the unreadable residence are left out.
    res = run(run_alg, path, KEEP=1)
    assert total(res["OUTPUT"]) == pytest.approx(1.5 + 2.25 + 0.75)
    # Arrondissements kept.
    res = run(run_alg, path, MAP_ARRONDISSEMENTS=False)
    out = table(res["OUTPUT"])
    assert out[("12001", "75108")]["flux"] == pytest.approx(2.25)
    assert out[("75115", "12001")]["flux"] == pytest.approx(3.0)


# ---- zoning ------------------------------------------------------------------------------------


def test_zoning_aggregates_and_conserves(run_alg, tmp_path):
    res = run(
        run_alg,
        write(tmp_path, AGGREGATED),
        ZONING_FIELD="epci",
        ZONING_NAME_FIELD="nom_epci",
    )
    out = table(res["OUTPUT"])
    expected = {
        ("E1", "E1"): 100 + 50 + 20,
        ("E1", "HORS"): 30,
        ("E1", "ETRANGER"): 5,
        ("E2", "E1"): 250.5,
        ("HORS", "E2"): 40,
    }
    assert {k: f["flux"] for k, f in out.items()} == pytest.approx(expected)
    assert out[("E2", "E1")]["orig_nom"] == "CC Deux"
    assert out[("E2", "E1")]["dest_nom"] == "CC Un"
    assert total(res["OUTPUT"]) == pytest.approx(495.5)


def test_communes_without_zone_are_named_and_grouped_outside(run_alg, tmp_path):
    layer = communes(
        [
            ("12001", "Agen", "E1", "CC Un"),
            ("12002", "Aguessac", "E1", "CC Un"),
            ("12003", "Alpuech", None, None),
        ]
    )
    res = run(run_alg, write(tmp_path, AGGREGATED), layer, ZONING_FIELD="epci")
    out = table(res["OUTPUT"])
    expected = {
        ("E1", "E1"): 170,
        ("E1", "HORS"): 30,
        ("E1", "ETRANGER"): 5,
        ("HORS", "E1"): 250.5,
        ("HORS", "HORS"): 40,
    }
    assert {k: f["flux"] for k, f in out.items()} == pytest.approx(expected)
    assert any("12003" in w and "no zone" in w for w in res["_feedback"].warnings)


# ---- bad input ---------------------------------------------------------------------------------


def test_bad_inputs_have_clear_messages(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    good = write(tmp_path, AGGREGATED)
    with pytest.raises(QgsProcessingException, match="not one of INSEE's flow layouts"):
        run(run_alg, write(tmp_path, "a;b;c\n1;2;3\n", "other.csv"))
    with pytest.raises(QgsProcessingException, match=r"line 3 .*'abc'|'abc'.*line 3|line 3"):
        run(run_alg, write(tmp_path, AGGREGATED.replace(";50\n", ";abc\n"), "bad.csv"))
    with pytest.raises(QgsProcessingException, match="'insee' is not in layer 'communes'"):
        run(run_alg, good, COMMUNE_CODE_FIELD="insee")
    with pytest.raises(QgsProcessingException, match="'zone' is not in layer"):
        run(run_alg, good, ZONING_FIELD="zone")
    with pytest.raises(QgsProcessingException, match=r"not INSEE commune codes.*1200"):
        run(run_alg, good, communes([("1200", "Typo", "E1", "CC Un")]))
    with pytest.raises(QgsProcessingException, match="no features"):
        run(run_alg, good, communes([]))
    with pytest.raises(QgsProcessingException, match=r"No commune .* has a zone"):
        run(run_alg, good, communes([("12001", "A", None, None)]), ZONING_FIELD="epci")


# ---- GeoPackage output and the sample ------------------------------------------------------


def test_writes_a_geopackage_table_with_provenance(run_alg, tmp_path):
    gpkg = tmp_path / "out.gpkg"
    res = run_alg(
        "reterr:import_flows",
        {
            "FILE": write(tmp_path, AGGREGATED),
            "COMMUNES": communes(),
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"flux_domicile_travail\"",
        },
    )
    assert "flux_domicile_travail" in res["OUTPUT"]
    with sqlite3.connect(gpkg) as db:
        assert db.execute('SELECT round(sum(flux), 3) FROM "flux_domicile_travail"').fetchone()[
            0
        ] == pytest.approx(495.5)
        alg = db.execute(
            "SELECT algorithm FROM reterr_provenance WHERE layer = 'flux_domicile_travail'"
        ).fetchone()
    assert alg is not None and "import_flows" in alg[0]


def test_sample_epci_sum_equals_file_total(run_alg, sample_gpkg):
    import csv

    with open(SAMPLE_FLOWS, encoding="utf-8") as fh:
        file_total = sum(
            float(r["NBFLUX_C21_ACTOCC15P"]) for r in csv.DictReader(fh, delimiter=";")
        )
    res = run_alg(
        "reterr:import_flows",
        {
            "FILE": str(SAMPLE_FLOWS),
            "COMMUNES": f"{sample_gpkg}|layername=communes",
            "ZONING_FIELD": "siren_epci",
            "ZONING_NAME_FIELD": "nom_epci",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    assert total(res["OUTPUT"]) == pytest.approx(file_total, rel=1e-12)
    assert res["OUTPUT"].featureCount() > 20


def test_cancel_writes_nothing(run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    gpkg = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg(
            "reterr:import_flows",
            {
                "FILE": write(tmp_path, AGGREGATED),
                "COMMUNES": communes(),
                "OUTPUT": f"ogr:dbname='{gpkg}' table=\"flux\"",
            },
            feedback=feedback,
        )
    assert not gpkg.exists()
