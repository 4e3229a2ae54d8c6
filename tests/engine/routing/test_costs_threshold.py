"""Straight-line searches at the exact cut-off (issue 13, item 10).

A pair whose time is exactly the cut-off ``T`` is within it (``time ≤ T``) for the nearest search,
the counts and the pair list alike — hence for the floating catchments and the location
suggestions, which are built on them. The KD-tree compares squared distances, which used to drop
about half of such pairs from the counts and the pair list while the nearest search kept them.
"""

import numpy as np
import pytest
from scipy.spatial.distance import cdist

from reterr_qgis.engine.routing.costs import count_within, nearest_within, pairs_within
from reterr_qgis.engine.routing.travel import StraightLineCosts
from reterr_qgis.engine.services.fca import floating_catchment

SPEED, DETOUR, CUTOFF = 50.0, 1.3, 15.0
ORIGIN = np.array([1_234.0, 2_345.0])  # small coordinates: fine float steps around the cut-off


def _time(costs, o, d):
    """Travel time exactly as the engine and a brute force compute it: distance × minutes per m."""
    return cdist(np.atleast_2d(o), np.atleast_2d(d)) * costs.minutes_per_m


def exact_cutoff_offsets(costs, n=40):
    """Offsets (dx, dy) from ORIGIN to a point whose time is exactly CUTOFF in floating point.

    Found by search: for a few dy, the dx around ``sqrt(r² − dy²)`` (a few floats either side) whose
    destination lands on the cut-off.
    """
    r = costs.radius(CUTOFF)
    out = []
    for dy in np.arange(100.0, 9_000.0, 37.0):
        dx0 = np.sqrt(r * r - dy * dy)
        for step in range(-4, 5):
            dx = dx0
            for _ in range(abs(step)):
                dx = np.nextafter(dx, np.inf if step > 0 else 0.0)
            dest = ORIGIN + [dx, dy]
            if _time(costs, ORIGIN, dest)[0, 0] == CUTOFF:
                out.append(dest - ORIGIN)
                break
        if len(out) == n:
            break
    return np.array(out)


@pytest.fixture(scope="module")
def costs():
    return StraightLineCosts(SPEED, DETOUR)


@pytest.fixture(scope="module")
def offsets(costs):
    off = exact_cutoff_offsets(costs)
    assert len(off) >= 20, "the search found too few exact cut-off points"
    return off


def test_exact_cutoff_pairs_are_kept_by_nearest_count_and_pairs(costs, offsets):
    o = ORIGIN[None, :]
    for off in offsets:
        d = (ORIGIN + off)[None, :]
        assert _time(costs, o, d)[0, 0] == CUTOFF
        t, i = costs.nearest(o, d, CUTOFF)
        assert t[0] == CUTOFF and i[0] == 0
        assert costs.count(o, d, CUTOFF)[0] == 1, f"offset {off.tolist()} dropped by count"
        p = costs.pairs(o, d, CUTOFF)
        assert len(p) == 1 and p.cost[0] == CUTOFF, f"offset {off.tolist()} dropped by pairs"


def test_exact_cutoff_all_together(costs, offsets):
    """One origin, every exact cut-off destination, and one just beyond: all but the last count."""
    o = ORIGIN[None, :]
    beyond = ORIGIN + [costs.radius(CUTOFF) * 1.001, 0.0]
    d = np.vstack([ORIGIN + offsets, beyond])
    n = len(offsets)
    assert costs.count(o, d, CUTOFF)[0] == n
    p = costs.pairs(o, d, CUTOFF)
    assert sorted(p.destination.tolist()) == list(range(n))
    assert np.all(p.cost == CUTOFF)
    t, i = costs.nearest(o, d, CUTOFF)
    assert t[0] == CUTOFF and 0 <= i[0] < n


def test_exact_cutoff_reaches_the_floating_catchment(costs, offsets):
    """A facility at exactly the cut-off serves the commune (2SFCA, as PySAL ``access``)."""
    o = ORIGIN[None, :]
    d = (ORIGIN + offsets)[None, 0]
    res = floating_catchment(costs.pairs(o, d, CUTOFF), [1000.0], [2.0], CUTOFF)
    np.testing.assert_allclose(res.access, [2.0 / 1000.0])


def test_distance_functions_are_inclusive_at_the_radius(costs, offsets):
    r = costs.radius(CUTOFF)
    o = ORIGIN[None, :]
    d = ORIGIN + offsets
    dist = cdist(o, d)[0]
    assert np.all(dist <= r)
    radius = float(dist.max())
    assert count_within(o, d, radius)[0] == np.count_nonzero(dist <= radius)
    assert len(pairs_within(o, d, radius)) == np.count_nonzero(dist <= radius)
    near, idx = nearest_within(o, d[dist == radius], radius)
    assert near[0] == radius and idx[0] >= 0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_counts_pairs_nearest_equal_brute_force(costs, offsets, seed):
    """Seeded: many destinations at or within a few ulps of the cut-off, plus random ones."""
    rng = np.random.default_rng(seed)
    o = rng.uniform(0, 8_000, (150, 2))
    near_cut = o[rng.integers(0, len(o), 400)] + offsets[rng.integers(0, len(offsets), 400)]
    near_cut *= 1.0 + rng.integers(-1, 2, near_cut.shape) * np.finfo(float).eps
    d = np.vstack([near_cut, rng.uniform(0, 20_000, (100, 2))])
    times = _time(costs, o, d)
    within = times <= CUTOFF
    assert np.count_nonzero(times == CUTOFF) > 20  # the test does probe the boundary

    np.testing.assert_array_equal(costs.count(o, d, CUTOFF), within.sum(axis=1))
    p = costs.pairs(o, d, CUTOFF)
    got = set(zip(p.origin.tolist(), p.destination.tolist()))
    assert got == set(zip(*(x.tolist() for x in np.nonzero(within))))
    np.testing.assert_array_equal(p.cost[np.lexsort((p.destination, p.origin))], times[within])
    t, i = costs.nearest(o, d, CUTOFF)
    best = times.min(axis=1)
    reach = best <= CUTOFF
    np.testing.assert_array_equal(np.isfinite(t), reach)
    np.testing.assert_array_equal(t[reach], best[reach])
    assert np.all(times[np.flatnonzero(reach), i[reach]] == best[reach])
    assert np.all(i[~reach] == -1)


def test_pairs_within_reports_progress_as_a_fraction():
    seen = []
    pairs_within([(0.0, 0.0)], [(1.0, 0.0)], 2.0, progress=seen.append)
    assert seen == [1.0]
