"""reterr:functional_areas through processing.run, on a hand-built grid of communes and a flow
table built here: the areas, their numbers checked by hand, the comparison with a zoning against
the engine's functions, seeds, the missing-igraph path, bad inputs and a GeoPackage output.

(Named ``…_alg`` because ``tests/engine/complementarity/test_functional_areas.py`` holds the
engine's tests: pytest refuses two test modules of the same name in folders without
``__init__.py``.)
"""

from __future__ import annotations

import builtins
import sqlite3

import numpy as np
import pytest

pytestmark = pytest.mark.qgis

ALG = "reterr:functional_areas"

#: 2 × 3 grid of 1 km squares: (code, name, population, column, row).
GRID = (
    ("12001", "A", 1000, 0, 1),
    ("12002", "B", 500, 1, 1),
    ("12003", "C", 300, 2, 1),
    ("12004", "D", 200, 0, 0),
    ("12005", "E", 800, 1, 0),
    ("12006", "F", 100, 2, 0),
)
#: The two obvious groups: A, B, D (west, an L) and C, E, F (east, an L).
WEST, EAST = ("12001", "12002", "12004"), ("12003", "12005", "12006")
#: An official zoning by column: z2 = {B, E} straddles both groups.
COLUMN_ZONE = {"12001": "z1", "12004": "z1", "12002": "z2", "12005": "z2", "12003": "z3"}


def square(x0, y0, side=1000.0):
    x1, y1 = x0 + side, y0 + side
    return f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"


def grid_layer(crs="EPSG:2154", zones=None, rows=GRID, side=1000.0):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(
        f"MultiPolygon?crs={crs}&field=code_insee:string&field=nom:string"
        "&field=population:double&field=zone:string",
        "communes",
        "memory",
    )
    feats = []
    for code, nom, pop, col, row in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes([code, nom, pop, (zones or {}).get(code)])
        f.setGeometry(QgsGeometry.fromWkt(square(col * side, row * side, side)))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def flow_table(rows, flux_type="double"):
    """A table without geometry: (orig, dest, flux) rows."""
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer(
        f"None?field=orig:string&field=dest:string&field=flux:{flux_type}", "flux", "memory"
    )
    feats = []
    for orig, dest, flux in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes([orig, dest, flux])
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def group_flows(extra=()):
    """200 living and working in each commune, 100 each way between the communes of a group,
    1 each way between B–C and D–E; 50 from A to outside (HORS) and 10 from a commune outside
    the layer to F."""
    rows = []
    for group in (WEST, EAST):
        for a in group:
            rows.append((a, a, 200.0))
            rows += [(a, b, 100.0) for b in group if b != a]
    rows += [("12002", "12003", 1.0), ("12003", "12002", 1.0)]
    rows += [("12004", "12005", 1.0), ("12005", "12004", 1.0)]
    rows += [("12001", "HORS", 50.0), ("12999", "12006", 10.0)]
    return flow_table(rows + list(extra))


def run_grid(run_alg, **params):
    base = {
        "INPUT": grid_layer(zones=COLUMN_ZONE),
        "FLOWS": group_flows(),
        "OUTPUT": "TEMPORARY_OUTPUT",
        "OUTPUT_COMMUNES": "TEMPORARY_OUTPUT",
    }
    base.update(params)
    return run_alg(ALG, base)


def areas_of(res):
    """{commune code: aire} from the communes output."""
    return {f["code_insee"]: f["aire"] for f in res["OUTPUT_COMMUNES"].getFeatures()}


def by_aire(layer):
    return {f["aire"]: f for f in layer.getFeatures()}


# ---- the grid, by hand ---------------------------------------------------------------------


@pytest.mark.parametrize("method", [0, 1, 2, 3])
def test_grid_two_groups_every_method(run_alg, method):
    params = {"METHOD": method}
    if method in (2, 3):  # sizes of the grid: 1,200 employed residents per group
        params.update({"MIN_SIZE": 100, "TARGET_SIZE": 1000})
    res = run_grid(run_alg, **params)
    areas = areas_of(res)
    # Every commune in exactly one area, and the areas are the two groups.
    assert sorted(areas) == sorted(WEST + EAST)
    assert len(set(areas.values())) == 2 == res["N_AREAS"]
    assert len({areas[c] for c in WEST}) == 1 and len({areas[c] for c in EAST}) == 1
    assert res["OUTPUT"].featureCount() == 2
    assert sum(f["n_communes"] for f in res["OUTPUT"].getFeatures()) == 6


def test_grid_area_numbers_by_hand(run_alg):
    from reterr_qgis.engine.complementarity.functional_areas import DEFAULT_LMA, lma_validity

    res = run_grid(run_alg)
    out = by_aire(res["OUTPUT"])
    west, east = out[1], out[2]  # numbered by population: west 1,700, east 1,200
    assert west["nom"] == "A" and east["nom"] == "E"  # the most populated commune
    assert west["population"] == 1700 and east["population"] == 1200
    assert west["n_communes"] == 3 and east["n_communes"] == 3
    # Internal: 3 × 200 + 6 × 100. Employed residents: + 2 to the east + 50 to outside (HORS).
    # Jobs: + 2 from the east (west); + 2 from the west + 10 from outside the layer (east).
    assert west["internes"] == 1200 and east["internes"] == 1200
    assert west["actifs"] == 1252 and west["emplois"] == 1202
    assert east["actifs"] == 1202 and east["emplois"] == 1212
    assert west["auto_off"] == pytest.approx(100 * 1200 / 1252)
    assert west["auto_dem"] == pytest.approx(100 * 1200 / 1202)
    assert east["auto_off"] == pytest.approx(100 * 1200 / 1202)
    assert east["auto_dem"] == pytest.approx(100 * 1200 / 1212)
    v = lma_validity([1252, 1202], [1202, 1212], [1200, 1200], DEFAULT_LMA)
    assert west["validite"] == pytest.approx(v[0]) and east["validite"] == pytest.approx(v[1])
    # 1,252 employed residents need msc ≥ 74 %: 95.8 % is enough (Istat 2011 defaults).
    assert west["valide"] == 1 and east["valide"] == 1
    # Dissolved: three 1 km² squares each, one polygon.
    for f in (west, east):
        assert f.geometry().area() == pytest.approx(3e6)
        assert len(f.geometry().asMultiPolygon()) == 1
    assert any("50" in m and "outside" in m for m in res["_feedback"].infos)


def test_comparison_with_a_zoning_equals_the_engine(run_alg):
    from reterr_qgis.engine.complementarity.functional_areas import (
        adjusted_rand_index,
        normalized_mutual_information,
    )

    zones = dict(COLUMN_ZONE, **{"12006": "z3"})
    res = run_grid(run_alg, INPUT=grid_layer(zones=zones), OFFICIAL_ZONING="zone")
    areas = areas_of(res)
    codes = sorted(areas)
    a = [areas[c] for c in codes]
    z = [zones[c] for c in codes]
    assert res["ARI"] == pytest.approx(adjusted_rand_index(a, z), abs=1e-12)
    assert res["NMI"] == pytest.approx(normalized_mutual_information(a, z), abs=1e-12)
    # By hand: contingency areas × zones [[2, 1, 0], [0, 1, 2]]: pairs together in both 2,
    # in the same area 2·C(3, 2) = 6, in the same zone 3·C(2, 2) = 3, expected 6·3 / C(6, 2)
    # = 1.2, maximum (6 + 3) / 2 = 4.5: ARI = (2 − 1.2) / (4.5 − 1.2).
    assert res["ARI"] == pytest.approx(0.8 / 3.3)
    out = by_aire(res["OUTPUT"])
    # Only z2 (B in the west, E in the east) is cut; both areas overlap it.
    assert out[1]["zones_cut"] == "z2" and out[2]["zones_cut"] == "z2"
    # z2's main area by population is the east (E 800 > B 500): B lies outside it.
    off = {f["code_insee"]: f["hors_zone"] for f in res["OUTPUT_COMMUNES"].getFeatures()}
    assert off == {c: int(c == "12002") for c in codes}
    assert any("adjusted Rand index" in m for m in res["_feedback"].infos)


def test_communes_without_zone_are_left_out_and_named(run_alg):
    res = run_grid(run_alg, OFFICIAL_ZONING="zone")  # F has no zone
    assert any("1 communes have no zone" in w and "F" in w for w in res["_feedback"].warnings)
    assert res["ARI"] is not None and res["OUTPUT_COMMUNES"].featureCount() == 6
    hz = {f["code_insee"]: f["hors_zone"] for f in res["OUTPUT_COMMUNES"].getFeatures()}
    assert hz["12006"] is None or (hasattr(hz["12006"], "isNull") and hz["12006"].isNull())


def test_without_zoning_no_agreement(run_alg):
    res = run_grid(run_alg)
    assert res["ARI"] is None and res["NMI"] is None
    assert res["OUTPUT_COMMUNES"].fields().lookupField("hors_zone") < 0
    assert all(not f["zones_cut"] for f in res["OUTPUT"].getFeatures())


def test_contiguity_reattaches_a_detached_commune(run_alg):
    # A strip P Q R S: P and S (not neighbours) work in each other, as do Q and R. The graph
    # pairs P with S; made contiguous, S (fewer residents than P) joins its neighbour R's area.
    strip = (
        ("12001", "P", 900, 0, 0),
        ("12002", "Q", 500, 1, 0),
        ("12003", "R", 500, 2, 0),
        ("12004", "S", 300, 3, 0),
    )
    flows = flow_table(
        [
            ("12001", "12001", 300.0),
            ("12004", "12004", 100.0),
            ("12001", "12004", 200.0),
            ("12004", "12001", 100.0),
            ("12002", "12003", 150.0),
            ("12003", "12002", 150.0),
            ("12002", "12001", 2.0),
            ("12004", "12003", 2.0),
        ]
    )
    params = {"INPUT": grid_layer(rows=strip), "FLOWS": flows}
    loose = run_grid(run_alg, CONTIGUITY=False, **params)
    tight = run_grid(run_alg, CONTIGUITY=True, **params)
    a_loose, a_tight = areas_of(loose), areas_of(tight)
    assert a_loose["12004"] == a_loose["12001"] != a_loose["12002"]  # P and S, apart
    assert a_tight["12004"] == a_tight["12003"] == a_tight["12002"] != a_tight["12001"]
    assert any("Contiguity: 1 communes" in m and "S" in m for m in tight["_feedback"].infos)
    # Each area is in one piece once contiguous, not before.
    assert max(len(f.geometry().asMultiPolygon()) for f in loose["OUTPUT"].getFeatures()) == 2
    for f in tight["OUTPUT"].getFeatures():
        assert len(f.geometry().asMultiPolygon()) == 1


def _rows(layer):
    return [(f["orig"], f["dest"], f["flux"]) for f in layer.getFeatures()]


# ---- larger random graph: seeds and the engine -------------------------------------------------


def random_grid(size=6, seed=4):
    """A size × size grid whose flows decay with distance (random, fixed seed)."""
    rng = np.random.default_rng(seed)
    rows_c = []
    codes = []
    for r in range(size):
        for c in range(size):
            code = f"12{r * size + c:03d}"
            codes.append(code)
            rows_c.append((code, f"c{r}_{c}", float(rng.integers(100, 5000)), c, r))
    xy = np.array([(c, r) for _, _, _, c, r in rows_c], dtype=float)
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    w = rng.gamma(2.0, 50.0, d.shape) * np.exp(-1.2 * d)
    flows = [
        (codes[i], codes[j], round(float(w[i, j]), 1))
        for i in range(len(codes))
        for j in range(len(codes))
        if w[i, j] >= 0.5
    ]
    return grid_layer(rows=rows_c), flows, codes


def test_seed_reproducible_and_equal_to_the_engine(run_alg):
    from scipy import sparse

    from reterr_qgis.engine.complementarity.functional_areas import (
        adjusted_rand_index,
        detect_communities,
    )

    layer, flows, codes = random_grid()
    params = {
        "INPUT": layer,
        "FLOWS": flow_table(flows),
        "CONTIGUITY": False,
        "SEED": 7,
        "RESOLUTION": 1.5,
        "OUTPUT": "TEMPORARY_OUTPUT",
        "OUTPUT_COMMUNES": "TEMPORARY_OUTPUT",
    }
    runs = [areas_of(run_alg(ALG, dict(params))) for _ in range(2)]
    assert runs[0] == runs[1]
    ix = {c: k for k, c in enumerate(codes)}
    o = [ix[a] for a, _, _ in flows]
    d = [ix[b] for _, b, _ in flows]
    m = sparse.csr_matrix(([w for *_, w in flows], (o, d)), shape=(len(codes), len(codes)))
    engine = detect_communities(m, method="leiden", resolution=1.5, seed=7).labels
    ours = [runs[0][c] for c in codes]
    assert adjusted_rand_index(ours, engine) == 1.0
    assert len(set(ours)) == engine.max() + 1 > 1


def test_missing_igraph_says_how_to_install_and_regrouping_works(run_alg, monkeypatch):
    real_import = builtins.__import__

    def no_igraph(name, *args, **kwargs):
        if name == "igraph":
            raise ImportError("No module named 'igraph'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_igraph)
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        run_grid(run_alg, METHOD=0)
    msg = str(err.value)
    assert "igraph" in msg and "pip install igraph" in msg and "LabourMarketAreas" in msg
    res = run_grid(run_alg, METHOD=2, MIN_SIZE=100, TARGET_SIZE=1000)
    assert res["N_AREAS"] == 2


# ---- bad input ---------------------------------------------------------------------------------


def _error(run_alg, **params):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        run_grid(run_alg, **params)
    return str(err.value)


def test_missing_flow_field(run_alg):
    msg = _error(run_alg, FLOW_FIELD="nope")
    assert "'nope'" in msg and "flux" in msg and "Flow field" in msg


def test_missing_code_field(run_alg):
    msg = _error(run_alg, CODE_FIELD="insee")
    assert "'insee'" in msg and "code_insee" in msg


def test_unknown_codes(run_alg):
    flows = flow_table([("75056", "75056", 10.0), ("69123", "13055", 5.0)])
    msg = _error(run_alg, FLOWS=flows)
    assert "No flow" in msg and "75056" in msg and "12001" in msg


def test_negative_and_empty_flows_named(run_alg):
    flows = flow_table([("12001", "12002", -3.0), ("12002", "12001", None)])
    msg = _error(run_alg, FLOWS=flows)
    assert "2 rows" in msg and "negative" in msg


def test_empty_inputs(run_alg):
    msg = _error(run_alg, INPUT=grid_layer(rows=()))
    assert "no features" in msg
    msg = _error(run_alg, FLOWS=flow_table([]))
    assert "no rows" in msg


def test_geographic_crs_refused(run_alg):
    msg = _error(run_alg, INPUT=grid_layer(crs="EPSG:4326", side=0.01))
    assert "geographic CRS" in msg and "EPSG:2154" in msg


def test_repeated_codes_refused(run_alg):
    rows = (*GRID, ("12001", "A bis", 10, 3, 0))
    msg = _error(run_alg, INPUT=grid_layer(rows=rows))
    assert "same code" in msg and "12001" in msg


def test_bad_regrouping_parameters(run_alg):
    msg = _error(run_alg, METHOD=2, MIN_SIZE=5000, TARGET_SIZE=1000)
    assert "minimum size < target size" in msg


def test_commune_without_flows_is_named(run_alg):
    rows = (*GRID, ("12007", "G", 10, 3, 0))
    res = run_grid(run_alg, INPUT=grid_layer(rows=rows))
    assert any("no flow at all" in w and "12007" in w for w in res["_feedback"].warnings)
    areas = areas_of(res)
    assert len(areas) == 7 and list(areas.values()).count(areas["12007"]) == 1


def test_flow_codes_read_from_numbers(run_alg):
    # A CSV opened in QGIS may type the codes as integers: 12001 and 12001.0 still match.
    rows = [(int(o), int(d) if d.isdigit() else d, w) for o, d, w in _rows(group_flows())]
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer(
        "None?field=orig:integer&field=dest:string&field=flux:double", "flux", "memory"
    )
    feats = []
    for o, d, w in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes([o, str(float(d)) if isinstance(d, int) else d, w])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    res = run_grid(run_alg, FLOWS=layer)
    assert res["N_AREAS"] == 2


def test_canceled_run_writes_nothing(run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "areas.gpkg"
    with pytest.raises(QgsProcessingException):
        run_alg(
            ALG,
            {"INPUT": grid_layer(), "FLOWS": group_flows(), "OUTPUT": str(out)},
            feedback=feedback,
        )
    assert not out.exists()


# ---- GeoPackage output ---------------------------------------------------------------------------


def test_geopackage_output_styled_with_provenance(run_alg, tmp_path):
    out = tmp_path / "areas.gpkg"
    res = run_alg(
        ALG,
        {
            "INPUT": grid_layer(zones=COLUMN_ZONE),
            "FLOWS": group_flows(),
            "OFFICIAL_ZONING": "zone",
            "OUTPUT": str(out),
        },
    )
    assert res["OUTPUT"].startswith(str(out))
    with sqlite3.connect(out) as db:
        styles = db.execute("SELECT f_table_name, styleQML FROM layer_styles").fetchall()
        prov = db.execute("SELECT algorithm FROM reterr_provenance").fetchall()
        n = db.execute(f"SELECT count(*) FROM {styles[0][0]}").fetchone()[0]
    assert n == 2
    qml = styles[0][1]
    assert 'type="categorizedSymbol"' in qml and 'attr="aire"' in qml
    assert "1 — A" in qml and "2 — E" in qml  # categories labelled with the areas' names
    assert 'fieldName="nom"' in qml  # labels
    assert prov and prov[0][0] == ALG


def test_gaps_filled_enclaves_kept():
    import shapely

    from reterr_qgis.processing.complementarity.functional_areas import fill_gaps

    outer = [(0, 0), (100, 0), (100, 100), (0, 100)]
    sliver = [(10, 10), (10.1, 10), (10.1, 10.1), (10, 10.1)]
    enclave = [(40, 40), (60, 40), (60, 60), (40, 60)]
    filled = fill_gaps(shapely.Polygon(outer, [sliver, enclave]), 50.0)
    assert filled.area == pytest.approx(100 * 100 - 20 * 20)
    assert len(filled.interiors) == 1
