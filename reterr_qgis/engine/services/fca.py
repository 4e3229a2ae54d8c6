"""Floating catchment accessibility: 2SFCA, E2SFCA, 3SFCA, Gaussian and gravity decays, APL.

Definitions (METHODS.md §1.3; pysal/access ``fca.py``; Luo & Wang 2003, Luo & Qi 2009, Wan et al. 2012):

* supply-to-demand ratio of facility ``j``: ``R_j = S_j / Σ_i w(c_ij) · P_i`` over the pairs with
  ``c_ij ≤ max_cost``;
* accessibility of demand unit ``i``: ``A_i = Σ_j w(c_ij) · R_j`` over the same pairs;
* 2SFCA: ``w = 1``; E2SFCA: a step function of the cost; 3SFCA: ``w(c_ij) · G_ij`` with the selection
  weight ``G_ij = w(c_ij) / Σ_k w(c_ik)`` computed over every pair given for ``i`` (as pysal/access
  does, so give pairs up to the weight function's support); Gaussian ``exp(-c² / 2σ²)``; gravity
  ``(max(c, c_min) / scale)^α``.

Which decay, which default steps and which presets go with each method is kept here, in
:data:`FCA_METHODS` (as pysal/access keeps its weight functions beside its methods):
:func:`resolve_method` turns a method name and the user's settings into an :class:`FcaPlan` (weight
function, catchment, how far travel costs are needed) whose :meth:`FcaPlan.compute` runs it.

Everything is a handful of vectorised passes over the pair arrays (gathers and ``np.bincount``): no
pandas merge, no Python call per pair.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..routing.costs import CostPairs

WeightFn = Callable[[NDArray[np.float64]], NDArray[np.float64]]

#: E2SFCA default steps (pysal/access ``enhanced_two_stage_fca``): ≤10 → 1, ≤20 → 0.68, ≤30 → 0.22.
E2SFCA_STEPS: dict[float, float] = {10.0: 1.0, 20.0: 0.68, 30.0: 0.22}
#: 3SFCA default steps (pysal/access ``three_stage_fca``, after Wan et al. 2012).
THREE_SFCA_STEPS: dict[float, float] = {10.0: 0.962, 20.0: 0.704, 30.0: 0.377, 60.0: 0.042}
#: APL steps, ReTerr's reading of the DREES/IRDES method (Barlet et al. 2012, METHODS §1.3):
#: < 10 min → 1, 10–15 → 2/3, 15–20 → 1/3; not checked against DREES's latest note, and the
#: STEPS parameter overrides them.
APL_STEPS: dict[float, float] = {10.0: 1.0, 15.0: 2.0 / 3.0, 20.0: 1.0 / 3.0}
#: APL: a full-time GP provides about 5,400 consultations a year (ARS Bourgogne-Franche-Comté).
APL_CONSULTATIONS_PER_GP = 5400.0
#: APL: below 2.5 consultations per standardised inhabitant and year the commune is under-served
#: ("sous-dense", DREES).
APL_UNDERSERVED = 2.5
#: APL catchment (DREES): 20 minutes by road.
APL_CATCHMENT = 20.0
#: Catchment (minutes) of the other methods when none is given.
DEFAULT_CATCHMENT = 30.0
#: Gaussian decay width (minutes) when none is given.
DEFAULT_SIGMA = 10.0
#: Gravity decay exponent when none is given (``c^-1``).
DEFAULT_GRAVITY_ALPHA = -1.0
#: Gravity decay: costs below this (minutes) are raised to it when none is given.
DEFAULT_GRAVITY_MIN = 1.0


def step_weights(steps: Mapping[float, float]) -> WeightFn:
    """Step decay: the weight of the first threshold ``t`` (ascending) with ``cost ≤ t``; 0 beyond
    the last threshold (the pysal/access ``step_fn`` convention)."""
    if not steps:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "Give at least one step."))
    thresholds = np.array(sorted(steps), dtype=np.float64)
    values = np.array([steps[t] for t in sorted(steps)] + [0.0], dtype=np.float64)
    if (values < 0).any():
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "Step weights must not be negative."))

    if thresholds.size <= 16:
        # Counting thresholds exceeded (one byte per pair) then one take beats a binary search per
        # pair by ~4x for the few steps FCA methods use; same result as searchsorted(side="left").
        def weight(cost: NDArray[np.float64]) -> NDArray[np.float64]:
            cost = np.asarray(cost, dtype=np.float64)
            idx = (cost > thresholds[0]).view(np.int8).copy()
            for t in thresholds[1:]:
                idx += (cost > t).view(np.int8)
            return values.take(idx)

    else:

        def weight(cost: NDArray[np.float64]) -> NDArray[np.float64]:
            return values[np.searchsorted(thresholds, cost, side="left")]

    weight.support = float(thresholds[-1])  # type: ignore[attr-defined]
    return weight


def gaussian_weights(sigma: float) -> WeightFn:
    """Gaussian decay ``exp(-c² / 2σ²)`` (1 at zero cost, as in pysal/access)."""
    if not sigma > 0:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "Sigma must be positive."))
    k = -0.5 / (sigma * sigma)
    return lambda cost: np.exp(k * cost * cost)


def gravity_weights(scale: float, alpha: float, min_cost: float = 0.0) -> WeightFn:
    """Gravity decay ``(max(c, c_min) / scale)^α`` (``α`` negative for a decay, as in pysal/access)."""
    if not scale > 0:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "The gravity scale must be positive."))
    if alpha < 0 and not min_cost > 0:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "A negative gravity exponent needs a minimum cost above 0."
            )
        )
    return lambda cost: (np.maximum(cost, min_cost) / scale) ** alpha


@dataclass
class FcaResult:
    """Result of a floating catchment computation.

    Attributes
    ----------
    access
        ``A_i`` per demand unit (0 where no facility is within reach).
    ratio
        ``R_j`` per facility (NaN where no demand is within its catchment).
    demand_reached
        Weighted demand ``Σ w · P`` in each facility's catchment.
    facilities_reached
        Number of facilities within ``max_cost`` of each demand unit.
    warnings
        Facilities with supply but no demand in reach, demand units with no facility in reach.
    """

    access: NDArray[np.float64]
    ratio: NDArray[np.float64]
    demand_reached: NDArray[np.float64]
    facilities_reached: NDArray[np.int64]
    warnings: list[Message] = field(default_factory=list)

    def normalized(self, demand: ArrayLike) -> NDArray[np.float64]:
        """``A_i`` divided by its demand-weighted mean (pysal/access ``normalize=True``)."""
        p = np.asarray(demand, dtype=np.float64)
        mean = float(np.sum(p * self.access) / np.sum(p)) if np.sum(p) > 0 else np.nan
        if not mean > 0:
            return np.full_like(self.access, np.nan)
        return self.access / mean


def _vector(name: str, values: ArrayLike, n: int) -> NDArray[np.float64]:
    arr = np.asarray(values, dtype=np.float64)
    if arr.shape != (n,):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "'{what}' has {got} values, expected {expected}."),
            what=name,
            got=arr.size,
            expected=n,
        )
    bad = np.flatnonzero(~np.isfinite(arr) | (arr < 0))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "'{what}' has missing, negative or infinite values."),
            bad,
            what=name,
        )
    return arr


def floating_catchment(
    pairs: CostPairs,
    demand: ArrayLike,
    supply: ArrayLike,
    max_cost: float,
    weight: WeightFn | None = None,
    *,
    three_stage: bool = False,
) -> FcaResult:
    """Two- or three-step floating catchment accessibility.

    Parameters
    ----------
    pairs
        Costs from demand units (origins) to facilities (destinations); pairs beyond ``max_cost``
        may be included (they are ignored, except for the 3SFCA selection weights).
    demand
        ``P_i`` per demand unit (population, or age-standardised population for APL).
    supply
        ``S_j`` per facility (1 per facility, or a capacity: GPs, consultations…).
    max_cost
        Catchment size, in the unit of the costs.
    weight
        Distance decay ``w(c)``; ``None`` for plain 2SFCA (``w = 1``).
    three_stage
        Apply the 3SFCA selection weights ``G_ij``.
    """
    p = _vector("demand", demand, pairs.n_origins)
    s = _vector("supply", supply, pairs.n_destinations)
    if not max_cost > 0:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "The catchment size must be positive."))
    i, j, c = pairs.origin, pairs.destination, pairs.cost
    bad = np.flatnonzero(~(c >= 0) | np.isinf(c))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Travel costs must be finite and not negative."),
            np.unique(pairs.origin[bad]),
        )
    if three_stage:
        if weight is None:
            raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "3SFCA needs a weight function."))
        w_all = weight(c)
        w_sum = np.bincount(i, weights=w_all, minlength=pairs.n_origins).astype(np.float64)
        keep = c <= max_cost
        i, j = i[keep], j[keep]
        w_keep = w_all[keep]
        denom = w_sum[i]
        g = np.divide(w_keep, denom, out=np.zeros_like(w_keep), where=denom > 0)
        w = w_keep * g
    else:
        keep = c <= max_cost
        if not keep.all():
            i, j, c = i[keep], j[keep], c[keep]
        w = None if weight is None else weight(c)

    n_o, n_d = pairs.n_origins, pairs.n_destinations
    pw = p[i] if w is None else p[i] * w
    # np.bincount returns integers when there is no pair at all, even with weights: force floats.
    demand_reached = np.bincount(j, weights=pw, minlength=n_d).astype(np.float64, copy=False)
    ratio = np.full(n_d, np.nan)
    np.divide(s, demand_reached, out=ratio, where=demand_reached > 0)
    r = np.where(demand_reached > 0, ratio, 0.0)
    rw = r[j] if w is None else r[j] * w
    access = np.bincount(i, weights=rw, minlength=n_o).astype(np.float64, copy=False)
    reached = np.bincount(i, minlength=n_o).astype(np.int64)

    warnings: list[Message] = []
    lonely = int(np.count_nonzero((s > 0) & ~(demand_reached > 0)))
    if lonely:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "{n} facilities have no demand within their catchment."
                ),
                {"n": lonely},
            )
        )
    cut_off = int(np.count_nonzero((p > 0) & (reached == 0)))
    if cut_off:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "{n} demand units have no facility within reach."
                ),
                {"n": cut_off},
            )
        )
    return FcaResult(access, ratio, demand_reached, reached, warnings)


def standardized_demand(
    population_by_age: ArrayLike, consumption_by_age: ArrayLike
) -> NDArray[np.float64]:
    """Age-standardised demand ``P_std,i = Σ_a N_ia · c_a / ĉ`` (APL, DREES/IRDES).

    ``population_by_age`` is ``(n_units, n_groups)``; ``consumption_by_age`` the mean consumption
    (e.g. GP consultations per person and year) of each group; ``ĉ`` is the national mean,
    ``Σ_a N_a c_a / Σ_a N_a`` over all units given. A unit whose people consume like the average
    keeps its population; an older one counts for more.
    """
    n = np.asarray(population_by_age, dtype=np.float64)
    c = np.asarray(consumption_by_age, dtype=np.float64)
    if n.ndim != 2 or c.shape != (n.shape[1],):
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Give one consumption value per age group.")
        )
    bad = ~(np.isfinite(n) & (n >= 0))
    if bad.any():
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine",
                "Age groups {groups} have missing, negative or infinite values.",
            ),
            np.flatnonzero(bad.any(axis=1)),
            groups=", ".join(str(k + 1) for k in np.flatnonzero(bad.any(axis=0))),
        )
    total = n.sum()
    if not total > 0:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "The population is zero."))
    mean = float((n.sum(axis=0) * c).sum() / total)
    return (n @ c) / mean


def apl(
    pairs: CostPairs,
    standardized_population: ArrayLike,
    gp_fte: ArrayLike,
    *,
    consultations_per_gp: float = APL_CONSULTATIONS_PER_GP,
    steps: Mapping[float, float] = APL_STEPS,
    max_cost: float = 20.0,
) -> FcaResult:
    """Accessibilité Potentielle Localisée: E2SFCA with the APL steps and a 20-minute catchment,
    supply in consultations (``gp_fte × consultations_per_gp``), demand age-standardised; the result
    is in consultations per standardised inhabitant and year (< 2.5: under-served)."""
    supply = np.asarray(gp_fte, dtype=np.float64) * consultations_per_gp
    return floating_catchment(pairs, standardized_population, supply, max_cost, step_weights(steps))


# --- Method table and dispatch ---------------------------------------------------------------


@dataclass(frozen=True)
class FcaMethod:
    """One floating catchment method: its decay and its presets.

    Attributes
    ----------
    name
        Identifier (``"e2sfca"``), as in the ``reterr:floating_catchment`` method list.
    decay
        ``"steps"`` (a step function: :func:`step_weights`), ``"gaussian"``
        (:func:`gaussian_weights`) or ``"gravity"`` (:func:`gravity_weights`).
    steps
        Default steps of a ``"steps"`` decay; None: ``w = 1`` (plain 2SFCA) unless steps are given.
    three_stage
        Apply the 3SFCA selection weights.
    catchment
        Catchment imposed when the user gives none (APL: 20 minutes); None: :data:`DEFAULT_CATCHMENT`.
    supply_factor
        Supply is multiplied by this (APL: consultations per full-time GP).
    age_standardized
        Demand is expected age-standardised (:func:`standardized_demand`; APL).
    """

    name: str
    decay: Literal["steps", "gaussian", "gravity"]
    steps: Mapping[float, float] | None = None
    three_stage: bool = False
    catchment: float | None = None
    supply_factor: float = 1.0
    age_standardized: bool = False


#: The methods, in the order of the ``reterr:floating_catchment`` METHOD parameter.
FCA_METHODS: dict[str, FcaMethod] = {
    m.name: m
    for m in (
        FcaMethod("2sfca", "steps"),
        FcaMethod("e2sfca", "steps", E2SFCA_STEPS),
        FcaMethod("3sfca", "steps", THREE_SFCA_STEPS, three_stage=True),
        FcaMethod("gaussian", "gaussian"),
        FcaMethod("gravity", "gravity"),
        # APL (DREES/IRDES): E2SFCA with its own steps and a 20-minute catchment, supply in
        # consultations, demand standardised by age.
        FcaMethod(
            "apl",
            "steps",
            APL_STEPS,
            catchment=APL_CATCHMENT,
            supply_factor=APL_CONSULTATIONS_PER_GP,
            age_standardized=True,
        ),
    )
}


def fca_method(method: str | FcaMethod) -> FcaMethod:
    """The :class:`FcaMethod` of a name of :data:`FCA_METHODS` (or the method itself)."""
    if isinstance(method, FcaMethod):
        return method
    try:
        return FCA_METHODS[method]
    except KeyError:
        raise ValueError(
            f"unknown floating catchment method {method!r}; one of {', '.join(FCA_METHODS)}"
        ) from None


def weights_for(
    method: str | FcaMethod,
    *,
    steps: Mapping[float, float] | None = None,
    sigma: float = DEFAULT_SIGMA,
    alpha: float = DEFAULT_GRAVITY_ALPHA,
    min_cost: float = DEFAULT_GRAVITY_MIN,
) -> WeightFn | None:
    """The distance decay of ``method``.

    Parameters
    ----------
    method
        A name of :data:`FCA_METHODS`.
    steps
        Steps replacing the method's default steps (step decays only; 2SFCA given steps becomes a
        step decay); ignored by the Gaussian and gravity decays.
    sigma
        Width of the Gaussian decay.
    alpha, min_cost
        Exponent and minimum cost of the gravity decay (scale 1).

    Returns
    -------
    The weight function, or None for ``w = 1`` (2SFCA without steps).
    """
    m = fca_method(method)
    if m.decay == "gaussian":
        return gaussian_weights(sigma)
    if m.decay == "gravity":
        return gravity_weights(1.0, alpha, min_cost)
    chosen = steps or m.steps
    return step_weights(chosen) if chosen else None


@dataclass(frozen=True)
class FcaPlan:
    """A method with its settings resolved: what :func:`floating_catchment` needs.

    Attributes
    ----------
    method
        The method and its presets.
    weight
        Distance decay (None: ``w = 1``).
    max_cost
        Catchment, in minutes.
    support
        Travel costs must be given up to this cost: the catchment, or for 3SFCA the last step if
        further (its selection weights count every facility the steps reach).
    """

    method: FcaMethod
    weight: WeightFn | None
    max_cost: float
    support: float

    def compute(self, pairs: CostPairs, demand: ArrayLike, supply: ArrayLike) -> FcaResult:
        """Run the method: ``demand`` (age-standardised for APL) and ``supply`` (full-time GPs for
        APL, multiplied here by the consultations per GP) as in :func:`floating_catchment`."""
        if self.method.supply_factor != 1.0:
            supply = np.asarray(supply, dtype=np.float64) * self.method.supply_factor
        return floating_catchment(
            pairs,
            demand,
            supply,
            self.max_cost,
            self.weight,
            three_stage=self.method.three_stage,
        )


def resolve_method(
    method: str | FcaMethod,
    *,
    catchment: float | None = None,
    steps: Mapping[float, float] | None = None,
    sigma: float = DEFAULT_SIGMA,
    alpha: float = DEFAULT_GRAVITY_ALPHA,
    min_cost: float = DEFAULT_GRAVITY_MIN,
) -> FcaPlan:
    """The plan of ``method`` with the user's settings, presets applied.

    Parameters
    ----------
    method
        A name of :data:`FCA_METHODS`.
    catchment
        Catchment in minutes; None: the method's preset (APL: 20 minutes, as DREES), else
        :data:`DEFAULT_CATCHMENT`. A catchment given explicitly wins, even for APL.
    steps, sigma, alpha, min_cost
        As in :func:`weights_for` (steps given explicitly replace the method's, even for APL).
    """
    m = fca_method(method)
    if catchment is None:
        catchment = m.catchment if m.catchment is not None else DEFAULT_CATCHMENT
    weight = weights_for(m, steps=steps, sigma=sigma, alpha=alpha, min_cost=min_cost)
    support = catchment
    if m.three_stage and weight is not None:
        support = max(catchment, getattr(weight, "support", catchment))
    return FcaPlan(m, weight, float(catchment), float(support))
