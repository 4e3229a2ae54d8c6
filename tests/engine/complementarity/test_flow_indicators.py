"""Flow indicators per territory and flow-line selection: hand-worked cases and a loop-by-loop
re-implementation on random matrices."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from reterr_qgis.engine.complementarity.flow_indicators import (
    main_destinations,
    select_flow_lines,
    territory_flow_indicators,
    zone_flow_indicators,
)
from reterr_qgis.engine.complementarity.flows import aggregate_flows, read_flow_file
from reterr_qgis.engine.core.errors import InputError

DATA = Path(__file__).resolve().parent / "data"

# A hand-worked case: three territories and one without any flow.
T = np.array(
    [
        [50.0, 30.0, 20.0, 0.0],
        [10.0, 100.0, 0.0, 0.0],
        [5.0, 15.0, 40.0, 0.0],
        [0.0, 0.0, 0.0, 0.0],
    ]
)
X = [10.0, 0.0, 5.0, 0.0]  # to outside the study
Y = [0.0, 20.0, 0.0, 0.0]  # from outside the study
CODES = ["A", "B", "C", "D"]


def test_hand_worked_indicators():
    ind = territory_flow_indicators(
        sparse.csr_matrix(T), CODES, outgoing_outside=X, incoming_outside=Y
    )
    nan = np.nan
    np.testing.assert_allclose(ind.internal, [50, 100, 40, nan])
    np.testing.assert_allclose(ind.outgoing, [60, 10, 25, nan])
    np.testing.assert_allclose(ind.incoming, [15, 65, 20, nan])
    np.testing.assert_allclose(ind.residents, [110, 110, 65, nan])
    np.testing.assert_allclose(ind.jobs, [65, 165, 60, nan])
    np.testing.assert_allclose(ind.gross, [75, 75, 45, nan])
    np.testing.assert_allclose(ind.net, [-45, 55, -5, nan])
    np.testing.assert_allclose(ind.self_containment_supply, [50 / 110, 100 / 110, 40 / 65, nan])
    np.testing.assert_allclose(ind.self_containment_demand, [50 / 65, 100 / 165, 40 / 60, nan])
    np.testing.assert_allclose(ind.self_containment, [50 / 110, 100 / 165, 40 / 65, nan])
    np.testing.assert_allclose(ind.job_ratio, [100 * 65 / 110, 150, 100 * 60 / 65, nan])
    assert ind.main_destination.tolist() == [1, 0, 1, -1]
    assert ind.main_destination_code.tolist() == ["B", "A", "B", ""]
    np.testing.assert_allclose(ind.main_destination_flow, [30, 10, 15, nan])
    np.testing.assert_allclose(ind.main_destination_share, [0.5, 1.0, 0.6, nan])
    assert ind.no_flow.tolist() == [3]
    assert "D" in str(ind.warnings[0])


def test_against_a_loop_implementation():
    rng = np.random.default_rng(11)
    n = 40
    dense = np.where(rng.random((n, n)) < 0.15, rng.gamma(2, 50, (n, n)), 0.0)
    dense[rng.random(n) < 0.5, :] *= 0  # some territories send nothing
    x = np.where(rng.random(n) < 0.3, rng.gamma(2, 10, n), 0.0)
    y = np.where(rng.random(n) < 0.3, rng.gamma(2, 10, n), 0.0)
    ind = territory_flow_indicators(
        sparse.csr_matrix(dense), outgoing_outside=x, incoming_outside=y
    )
    for i in range(n):
        out = sum(dense[i, j] for j in range(n) if j != i) + x[i]
        inc = sum(dense[j, i] for j in range(n) if j != i) + y[i]
        res, job = dense[i, i] + out, dense[i, i] + inc
        if res == 0 and job == 0:
            assert i in ind.no_flow and np.isnan(ind.internal[i])
            continue
        assert ind.outgoing[i] == pytest.approx(out) and ind.incoming[i] == pytest.approx(inc)
        sc_s = dense[i, i] / res if res else np.nan
        sc_d = dense[i, i] / job if job else np.nan
        np.testing.assert_allclose(ind.self_containment_supply[i], sc_s)
        np.testing.assert_allclose(ind.self_containment_demand[i], sc_d)
        np.testing.assert_allclose(ind.job_ratio[i], 100 * job / res if res else np.nan)
        best, best_j = 0.0, -1
        for j in range(n):
            if j != i and dense[i, j] > best:
                best, best_j = dense[i, j], j
        assert ind.main_destination[i] == best_j
        if best_j >= 0:
            assert ind.main_destination_share[i] == pytest.approx(best / out)


def test_main_destination_ties_go_to_the_first():
    m = np.array([[1.0, 5.0, 5.0], [0, 0, 0], [2.0, 2.0, 9.0]])
    dest, flow = main_destinations(m)
    assert dest.tolist() == [1, -1, 0] and flow.tolist() == [5.0, 0.0, 2.0]


def test_zone_indicators_count_the_outside():
    flows = read_flow_file(DATA / "FD_MOBPRO_extrait_synthetique.csv")
    communes = ["12202", "12176", "12133", "12145"]
    zones = aggregate_flows(flows, communes, ["R", "R", "R", "M"])
    ind = zone_flow_indicators(zones)
    assert ind.codes.tolist() == ["M", "R"]
    # Residents of the zoning = every flow leaving its communes, wherever it goes.
    idx = {
        z: flows.index_of([c for c, zz in zip(communes, ["R", "R", "R", "M"]) if zz == z])
        for z in ("M", "R")
    }
    for k, z in enumerate(["M", "R"]):
        rows = idx[z]
        want_res = flows.matrix[rows].sum() + flows.outside[rows].sum()
        want_jobs = flows.matrix[:, rows].sum()
        assert ind.residents[k] == pytest.approx(want_res, rel=1e-12)
        assert ind.jobs[k] == pytest.approx(want_jobs, rel=1e-12)
    assert zones.from_unzoned.sum() > 0  # Paris and Albi residents working in Rodez


def test_bad_matrices():
    with pytest.raises(InputError, match="square"):
        territory_flow_indicators(np.ones((2, 3)))
    with pytest.raises(InputError) as err:
        territory_flow_indicators(np.array([[1.0, -1.0], [0.0, 1.0]]))
    assert err.value.rows == [0]
    with pytest.raises(InputError, match="outgoing_outside"):
        territory_flow_indicators(np.eye(2), outgoing_outside=[1.0])


# ---------------------------------------------------------------------------------------------
# Lines
# ---------------------------------------------------------------------------------------------


def test_directed_lines_threshold_and_top_k():
    lines = select_flow_lines(T, CODES)
    assert lines.mode == "directed" and lines.candidates == 5
    assert list(zip(lines.origin_code, lines.destination_code, lines.volume)) == [
        ("A", "B", 30.0),
        ("A", "C", 20.0),
        ("C", "B", 15.0),
        ("B", "A", 10.0),
        ("C", "A", 5.0),
    ]
    assert lines.backward.tolist() == [10.0, 5.0, 0.0, 30.0, 20.0]
    assert lines.rank.tolist() == [1, 2, 1, 1, 2]
    np.testing.assert_allclose(lines.share_of_origin, [0.6, 0.4, 0.75, 1.0, 0.25])
    assert lines.reliability.tolist() == [0] * 5
    top = select_flow_lines(T, CODES, top_k=1, threshold=10)
    assert list(zip(top.origin_code, top.destination_code)) == [("A", "B"), ("C", "B"), ("B", "A")]
    assert top.kept_share == pytest.approx(55 / 80)
    with pytest.raises(InputError):
        select_flow_lines(T, top_k=0)
    with pytest.raises(InputError, match="mode"):
        select_flow_lines(T, mode="both")


def test_gross_and_net_lines_are_oriented_along_the_larger_flow():
    gross = select_flow_lines(T, CODES, mode="gross")
    assert list(zip(gross.origin_code, gross.destination_code, gross.volume)) == [
        ("A", "B", 40.0),
        ("A", "C", 25.0),
        ("C", "B", 15.0),
    ]
    assert gross.forward.tolist() == [30.0, 20.0, 15.0]
    net = select_flow_lines(T, CODES, mode="net")
    assert list(zip(net.origin_code, net.destination_code, net.volume)) == [
        ("A", "B", 20.0),
        ("A", "C", 15.0),  # equal volumes: by origin, then destination
        ("C", "B", 15.0),
    ]
    big = select_flow_lines(T * 20, CODES, mode="gross")
    assert big.reliability.tolist() == [2, 1, 1]  # 800, 500 (not above 500), 300
