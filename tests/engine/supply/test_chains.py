"""Value chains (``reterr_qgis.engine.supply.chains``), no QGIS.

Presence, missing stages and missing links are checked on hand-worked cases (straight-line times
at 60 km/h without detour: 1 km = 1 minute); the shipped table's NAF codes against INSEE's NAF
rév. 2 list as shipped inside the ``pynsee`` package (skipped when it is not available).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from reterr_qgis.engine import InputError
from reterr_qgis.engine.routing.travel import StraightLineCosts
from reterr_qgis.engine.supply import chains

ROOT = Path(__file__).resolve().parents[3]
HEADER = (
    "chain_id;chain_fr;chain_en;stage_order;stage_id;stage_fr;stage_en;naf_codes;max_minutes;"
    "max_minutes_status;status;source;note"
)
SMALL = [
    "lait;Lait;Milk;1;production;Élevage laitier;Dairy farming;01.41Z 01.45Z;;;confirme;test;",
    "lait;Lait;Milk;2;transformation;Laiteries;Dairies;10.51A 10.51C;30;a_verifier;confirme;test;",
    "lait;Lait;Milk;3;distribution;Crémeries;Cheese shops;47.29Z;;;confirme;test;",
    "viande;Viande;Meat;1;production;Élevage;Livestock;01.42Z 01.45Z;;;confirme;test;",
    "viande;Viande;Meat;2;abattage;Abattoirs;Abattoirs;10.11Z;60;a_verifier;confirme;test;",
    "viande;Viande;Meat;3;distribution;Boucheries;Butchers;47.22Z;;;confirme;test;",
]
KM = 1000.0


def write_table(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path: Path) -> chains.ChainTable:
    return chains.load_value_chains(write_table(tmp_path / "chains.csv", SMALL))


# ---- the table ----------------------------------------------------------------------------------


def test_small_table_structure(small: chains.ChainTable):
    assert small.chain_ids == ["lait", "viande"]
    assert small.stage_keys == [
        "lait:production",
        "lait:transformation",
        "lait:distribution",
        "viande:production",
        "viande:abattage",
        "viande:distribution",
    ]
    assert small.stages[1].max_minutes == 30 and small.stages[1].max_minutes_status == "a_verifier"
    assert small.stages[0].max_minutes is None
    m = small.membership(["01.45Z", "1051C", "47.22Z", "62.01Z", ""]).toarray()
    np.testing.assert_array_equal(
        m,
        [
            [1, 0, 0, 1, 0, 0],  # sheep and goats: production of both chains
            [0, 1, 0, 0, 0, 0],  # compact code read as 10.51C
            [0, 0, 0, 0, 0, 1],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
        ],
    )


@pytest.mark.parametrize(
    "line, problem",
    [
        ("lait;Lait;Milk;1;collecte;C;C;46.33Z;;;confirme;t;", "stage_order"),
        ("lait;Lait;Milk;4;production;C;C;46.33Z;;;confirme;t;", "repeated stage_id"),
        ("lait;Lait;Milk;4;collecte;C;C;4633Z;;;confirme;t;", "naf_codes"),
        ("lait;Lait;Milk;4;collecte;C;C;46.33Z;-5;;confirme;t;", "max_minutes"),
    ],
)
def test_bad_tables_name_the_line(tmp_path: Path, line: str, problem: str):
    path = write_table(tmp_path / "bad.csv", [*SMALL[:3], line])
    with pytest.raises(InputError) as err:
        chains.load_value_chains(path)
    assert "line 5" in err.value.message and problem in err.value.message


def test_decimal_comma_threshold(tmp_path: Path):
    line = "lait;Lait;Milk;4;collecte;C;C;46.33Z;45,5;a_verifier;confirme;t;"
    table = chains.load_value_chains(write_table(tmp_path / "t.csv", [*SMALL[:3], line]))
    assert table.stages[3].max_minutes == 45.5


def test_shipped_table_loads_and_is_sourced():
    table = chains.load_value_chains()
    ids = table.chain_ids
    assert {"cereales_pain", "lait", "viande", "fruits_legumes", "foret_bois"} <= set(ids)
    by_key = {s.key: s for s in table.stages}
    # The example thresholds of SUPPLY_AND_COMPLEMENTARITY.md §B5, flagged as defaults to verify.
    assert by_key["viande:abattage"].max_minutes == 60
    assert by_key["lait:transformation"].max_minutes == 30
    assert by_key["cereales_pain:meunerie"].max_minutes == 30
    for s in table.stages:
        assert s.source, s.key
        assert (s.max_minutes is None) == (s.max_minutes_status == ""), s.key
        if s.max_minutes is not None:
            assert s.max_minutes_status == "a_verifier"
    assert "10.11Z" in by_key["viande:abattage"].naf_codes
    assert "10.51C" in by_key["lait:transformation"].naf_codes
    assert "10.71C" in by_key["cereales_pain:boulangerie"].naf_codes


def test_every_shipped_naf_code_is_in_insee_list(insee_naf_rev2):
    codes = insee_naf_rev2
    assert len(codes) == 732  # INSEE: 732 sous-classes in NAF rév. 2
    table = chains.load_value_chains()
    unknown = sorted(set(table.naf_codes()) - codes)
    assert unknown == []
    # The check can fail: a made-up code is not in the list.
    assert "10.71Z" not in codes


# ---- presence -----------------------------------------------------------------------------------

#: Establishments: territory, NAF, jobs, x (km), y (km).
ESTABLISHMENTS = [
    (0, "01.41Z", 1.5, 0, 0),  # T0: dairy farm, no dairy
    (1, "01.41Z", 4.0, 100, 0),  # T1: dairy farm and dairy
    (1, "10.51C", 34.5, 100, 0),
    (1, "47.29Z", 1.0, 100, 1),
    (2, "47.22Z", 7.5, 0, 100),  # T2: a butcher only (no upstream)
    (3, "01.45Z", 1.5, 200, 0),  # T3: sheep (both chains), nothing else
    (-1, "10.51A", 14.5, 20, 0),  # outside: a dairy 20 km from T0
    (-1, "10.11Z", 74.5, 200, 80),  # outside: an abattoir 80 km from T3
]
TERRITORY_XY = np.array([[0, 0], [100, 0], [0, 100], [200, 0]]) * KM


def presence(table, production=None):
    t, naf, jobs = zip(*[(e[0], e[1], e[2]) for e in ESTABLISHMENTS])
    return chains.chain_presence(table, t, naf, jobs, 4, production=production)


def test_presence_by_hand(small: chains.ChainTable):
    p = presence(small)
    # Columns: lait prod/transf/distr, viande prod/abatt/distr.
    np.testing.assert_array_equal(
        p.counts,
        [
            [1, 0, 0, 0, 0, 0],
            [1, 1, 1, 0, 0, 0],
            [0, 0, 0, 0, 0, 1],
            [1, 0, 0, 1, 0, 0],
        ],
    )
    np.testing.assert_array_equal(p.jobs[1], [4.0, 34.5, 1.0, 0, 0, 0])
    np.testing.assert_array_equal(p.jobs[3], [1.5, 0, 0, 1.5, 0, 0])
    np.testing.assert_array_equal(
        p.missing,
        [
            [0, 1, 1, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],  # a butcher without upstream is not a missing stage
            [0, 1, 1, 0, 1, 1],
        ],
    )
    assert p.missing_stages(3) == [
        "lait:transformation",
        "lait:distribution",
        "viande:abattage",
        "viande:distribution",
    ]


def test_production_flag_counts_as_upstream(small: chains.ChainTable):
    prod = np.zeros((4, 2), dtype=bool)
    prod[2, 1] = True  # T2 raises livestock (from farmland data): abattoir missing there
    p = presence(small, prod)
    np.testing.assert_array_equal(p.missing[2], [0, 0, 0, 0, 1, 0])
    np.testing.assert_array_equal(p.upstream[2], [0, 0, 0, 0, 1, 1])


def test_presence_bad_input(small: chains.ChainTable):
    with pytest.raises(InputError) as err:
        chains.chain_presence(small, [0, 4], ["01.41Z", "01.41Z"], [1, 1], 4)
    assert err.value.rows == [1]
    with pytest.raises(InputError) as err:
        chains.chain_presence(small, [0, 1], ["01.41Z", "01.41Z"], [1, np.nan], 4)
    assert err.value.rows == [1]
    with pytest.raises(InputError):
        chains.chain_presence(small, [0, 1], ["01.41Z"], [1, 1], 4)


# ---- nearest and missing links ------------------------------------------------------------------


def test_missing_links_by_hand(small: chains.ChainTable):
    p = presence(small)
    naf = [e[1] for e in ESTABLISHMENTS]
    fac_xy = np.array([[e[3], e[4]] for e in ESTABLISHMENTS], dtype=float) * KM
    req = chains.nearest_request(p, naf)
    assert req.types == [
        "lait:transformation",
        "lait:distribution",
        "viande:abattage",
        "viande:distribution",
    ]
    assert req.thresholds["lait:transformation"] == 30
    assert req.thresholds["viande:abattage"] == 60
    assert req.thresholds["lait:distribution"] == chains.DEFAULT_MAX_MINUTES
    # The sheep farm (row 5) is a facility of both production stages.
    assert sorted(req.fac_types[req.fac_rows == 5].tolist()) == [
        "lait:production",
        "viande:production",
    ]
    costs = StraightLineCosts(60.0, detour=1.0)  # 1 km = 1 min
    near = chains.run_nearest(req, costs, TERRITORY_XY, fac_xy)
    links = chains.missing_links(p, near, req)
    got = {
        (int(t), f"{c}:{s}"): (m, bool(flag), int(r))
        for t, c, s, m, flag, r in zip(
            links.territory,
            links.chain_id,
            links.stage_id,
            links.minutes,
            links.link_missing,
            links.nearest,
        )
    }
    d_t3_dairy = 100.0  # T3 (200, 0) → T1's dairy (100, 0); the outside one (20, 0) is 180
    expected = {
        # T0: nearest dairy the outside one, 20 min ≤ 30: missing stage, not a missing link.
        (0, "lait:transformation"): (20.0, False, 6),
        # T0: nearest cheese shop in T1 at (100, 1): √(100² + 1²) min > 30.
        (0, "lait:distribution"): (np.hypot(100, 1), True, 3),
        (3, "lait:transformation"): (d_t3_dairy, True, 2),
        (3, "lait:distribution"): (np.hypot(100, 1), True, 3),
        # T3: abattoir 80 km away > 60 min.
        (3, "viande:abattage"): (80.0, True, 7),
        # T3: the butcher of T2 at (0, 100): √(200² + 100²).
        (3, "viande:distribution"): (np.hypot(200, 100), True, 4),
    }
    assert set(got) == set(expected)
    for k, (m, flag, r) in expected.items():
        assert got[k][0] == pytest.approx(m, rel=1e-12), k
        assert got[k][1:] == (flag, r), k
    assert links.link.sum() == 5 and np.isnan(links.time[1]).all()
    # A threshold override changes the verdict: the abattoir within 90 min is no missing link.
    req2 = chains.nearest_request(p, naf, thresholds={"viande:abattage": 90})
    links2 = chains.missing_links(p, chains.run_nearest(req2, costs, TERRITORY_XY, fac_xy), req2)
    assert not links2.link[3, 4] and links2.link[3, 1]


def test_cutoff_makes_far_stages_unreachable(small: chains.ChainTable):
    p = presence(small)
    naf = [e[1] for e in ESTABLISHMENTS]
    fac_xy = np.array([[e[3], e[4]] for e in ESTABLISHMENTS], dtype=float) * KM
    req = chains.nearest_request(p, naf, cutoff=50.0)
    near = chains.run_nearest(req, StraightLineCosts(60.0, detour=1.0), TERRITORY_XY, fac_xy)
    links = chains.missing_links(p, near, req)
    assert links.time[0, 1] == pytest.approx(20.0) and not links.link[0, 1]
    assert (
        np.isinf(links.time[3, 4])
        and links.link[3, 4]
        and links.nearest[(links.territory == 3) & (links.stage == 4)].tolist() == [-1]
    )


def test_stage_without_any_facility_is_a_missing_link(small: chains.ChainTable):
    p = presence(small)
    keep = [i for i, e in enumerate(ESTABLISHMENTS) if e[1] != "10.11Z"]  # no abattoir anywhere
    naf = [ESTABLISHMENTS[i][1] for i in keep]
    fac_xy = np.array([[ESTABLISHMENTS[i][3], ESTABLISHMENTS[i][4]] for i in keep]) * KM
    req = chains.nearest_request(p, naf)
    near = chains.run_nearest(req, StraightLineCosts(60.0, detour=1.0), TERRITORY_XY, fac_xy)
    links = chains.missing_links(p, near, req)
    assert np.isinf(links.time[3, 4]) and links.link[3, 4]
    assert any("viande:abattage" in str(w) for w in links.warnings)


def test_units_aggregated_per_territory(small: chains.ChainTable):
    p = presence(small)
    naf = [e[1] for e in ESTABLISHMENTS]
    fac_xy = np.array([[e[3], e[4]] for e in ESTABLISHMENTS], dtype=float) * KM
    req = chains.nearest_request(p, naf)
    # T0 has two demand units (its town and a hamlet 10 km further west), T3 one.
    units = np.array([[0, 0], [-10, 0], [200, 0]]) * KM
    unit_t = [0, 0, 3]
    near = chains.run_nearest(req, StraightLineCosts(60.0, detour=1.0), units, fac_xy)
    # Dairy from T0's units: 20 and 30 min.
    for how, expected, row in (("min", 20.0, 6), ("max", 30.0, 6), ("mean", 27.5, -1)):
        links = chains.missing_links(
            p, near, req, unit_territory=unit_t, unit_weight=[100, 300, 50], how=how
        )
        assert links.time[0, 1] == pytest.approx(expected)  # mean: (20·100 + 30·300) / 400
        assert links.nearest[(links.territory == 0) & (links.stage == 1)].tolist() == [row]
        assert links.link[0, 1] == (expected > 30)
        assert links.time[3, 4] == pytest.approx(80.0)


def test_no_missing_stage_means_no_search(small: chains.ChainTable):
    # A cheese shop alone: no upstream, nothing missing, no search, an empty layer.
    alone = chains.chain_presence(small, [0], ["47.29Z"], [1], 1)
    req = chains.nearest_request(alone, ["47.29Z"])
    assert req.types == []
    near = chains.run_nearest(req, StraightLineCosts(60.0), np.zeros((1, 2)), np.zeros((1, 2)))
    assert len(near) == 0 and len(chains.missing_links(alone, near, req)) == 0
    # Farm and dairy: only the distribution stage is missing.
    both = chains.chain_presence(small, [0, 0], ["01.41Z", "10.51C"], [1, 1], 1)
    assert both.missing[0].tolist() == [False, False, True, False, False, False]


def test_unknown_threshold_stage_refused(small: chains.ChainTable):
    p = presence(small)
    with pytest.raises(InputError, match="Unknown value-chain stages"):
        chains.nearest_request(p, ["01.41Z"], thresholds={"lait:abattage": 10})
    with pytest.raises(InputError, match="positive"):
        chains.nearest_request(p, ["01.41Z"], thresholds={"lait:transformation": 0})
