"""Zone assignment: interior point, largest overlap and area-weighted split on squares."""

import numpy as np
import pytest
import shapely

from reterr_qgis.engine import InputError
from reterr_qgis.engine.core.zones import AssignMethod, dissolve, zone_weights


def box(x0, y0, x1, y1):
    return shapely.box(x0, y0, x1, y1)


# Units: four 10x10 squares in a row; the third straddles the two zones (70/30 split).
UNITS = np.array([box(0, 0, 10, 10), box(10, 0, 20, 10), box(23, 0, 33, 10), box(90, 0, 100, 10)])
ZONES = np.array([box(0, 0, 30, 10), box(30, 0, 60, 10)])


def test_interior_point():
    a = zone_weights(UNITS, ZONES, AssignMethod.INTERIOR_POINT)
    dense = a.weights.toarray()
    np.testing.assert_array_equal(dense, [[1, 0], [1, 0], [1, 0], [0, 0]])
    assert list(a.unassigned) == [3]


def test_largest_overlap():
    units = UNITS.copy()
    units[2] = box(26, 0, 36, 10)  # 4 in zone 0, 6 in zone 1
    a = zone_weights(units, ZONES, "largest_overlap")
    np.testing.assert_array_equal(a.weights.toarray()[2], [0, 1])


def test_area_weighted_split():
    a = zone_weights(UNITS, ZONES, AssignMethod.AREA_WEIGHTED)
    np.testing.assert_allclose(a.weights.toarray()[2], [0.7, 0.3])
    np.testing.assert_allclose(a.weights.toarray()[:2], [[1, 0], [1, 0]])


def test_overlapping_zones_are_reported():
    zones = np.array([box(0, 0, 30, 10), box(0, 0, 15, 10)])
    a = zone_weights(UNITS[:2], zones)
    assert list(a.ambiguous) == [0, 1]
    np.testing.assert_array_equal(a.weights.toarray(), [[1, 0], [1, 0]])


def test_invalid_and_empty_geometries_are_named():
    bow_tie = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    with pytest.raises(InputError, match="invalid") as err:
        zone_weights(np.array([UNITS[0], bow_tie]), ZONES)
    assert err.value.rows == [1]
    with pytest.raises(InputError, match="empty") as err:
        zone_weights(np.array([shapely.Polygon(), UNITS[0]]), ZONES)
    assert err.value.rows == [0]


def test_dissolve_unions_members():
    a = zone_weights(UNITS, ZONES)
    merged = dissolve(UNITS, a.weights)
    assert merged[0].area == pytest.approx(300.0)
    assert merged[1] is None


def test_outside_share_is_what_no_zone_receives():
    """Issue 13, item 4: a unit 3/10 outside every zone keeps 0.3 of its counts out; whole units
    keep 0 (assigned) or 1 (unassigned); hand-computed on the squares above."""
    units = UNITS.copy()
    units[1] = box(53, 0, 63, 10)  # 7 of 10 in zone 1, 3 outside every zone
    a = zone_weights(units, ZONES, AssignMethod.AREA_WEIGHTED)
    np.testing.assert_allclose(a.outside, [0.0, 0.3, 0.0, 1.0], atol=1e-12)
    np.testing.assert_allclose(a.weights.toarray()[1], [0.0, 0.7])
    # Assigned whole by the other methods: nothing outside but the unassigned unit.
    b = zone_weights(units, ZONES, AssignMethod.INTERIOR_POINT)
    np.testing.assert_array_equal(b.outside, [0.0, 0.0, 0.0, 1.0])


def test_area_weighted_overlaps_are_ambiguous():
    """Overlapping zones give a unit area shares that add up to more than 1 (counted twice)."""
    zones = np.array([box(0, 0, 30, 10), box(0, 0, 15, 10)])
    a = zone_weights(UNITS[:3], zones, AssignMethod.AREA_WEIGHTED)
    assert list(a.ambiguous) == [0, 1]
    np.testing.assert_allclose(a.weights.toarray().sum(axis=1), [2.0, 1.5, 0.7])
