"""Land needed to feed each territory's population, per crop group (PARCEL-like).

Formula (METHODS.md §2.2, SUPPLY_AND_COMPLEMENTARITY.md §B1), for territory ``i`` and crop group
``g``::

    B_ig = N_i · a_i · s_g(diet) · r · (1 − w) · ((1 − b) + b / ρ_g)

* ``N_i`` population; ``s_g(diet)`` hectares per inhabitant of the diet scenario, from the shipped
  table ``resources/supply/needs_per_inhabitant.csv`` (current diet, −25 %, −50 % animal
  products; PARCEL's anchor: France, current diet, non-organic, fully relocalised ≈ 20.9 Mha ≈
  0.32 ha per inhabitant);
* ``r`` share of the food relocalised (1 = everything produced locally);
* ``w`` waste reduction, the share of the needs saved by wasting less (e.g. 0.05 when waste that
  makes 10 % of the needs is halved);
* ``b`` organic share and ``ρ_g`` the organic/conventional yield ratio: organic land needs
  ``1/ρ`` times the area. Default ``ρ = 0.75``: mean ratio of the meta-analysis of Seufert,
  Ramankutty & Foley (2012, *Nature* 485:229–232; 95 % interval 0.71–0.79); Ponisio et al. (2015,
  *Proc. R. Soc. B*) found 19.2 % lower yields (ρ ≈ 0.81). PARCEL's all-organic −25 % figure
  implies about 0.6 (SUPPLY_AND_COMPLEMENTARITY §B1): the ratio is a parameter, scalar or per
  group;
* ``a_i`` optional age weighting, ``Σ_a share_ia · k_a / Σ_a ref_a · k_a``: a consumption index
  ``k_a`` per age band (PARCEL's bands 0–17 / 18–64 / 65+), normalised by the reference age
  structure the table's figures are national averages of, so that a territory with the national
  age structure keeps ``a_i = 1`` (age weighting moves needs between territories; it does not
  change the national total).

Default age index (:data:`DEFAULT_AGE_WEIGHTING`): 0–17 → 0.86, the ratio of the mean energy
intakes (without alcohol) of children 3–17 (1,759 kcal boys, 1,614 girls → ≈1,687) and adults
(1,953 kcal) in ENNS 2006 (as reported by Le Quotidien du médecin, 5 March 2008); 18–64 → 1;
65+ → 0.90 **to verify** (energy requirements decline after 65 — ANSES reference values per age
band — but no figure was confirmed). Reference age shares 0.21 / 0.57 / 0.22 (France, order of
magnitude, **to verify** against INSEE's age pyramid).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from .groups import DEFAULT_DIET, GROUP_IDS, N_GROUPS, NeedsTable, load_needs_table

FloatArray = NDArray[np.float64]

#: Mean organic/conventional yield ratio (Seufert et al. 2012, Nature 485:229).
DEFAULT_ORGANIC_YIELD_RATIO = 0.75


@dataclass(frozen=True)
class NeedsParameters:
    """PARCEL's levers for one scenario.

    Attributes
    ----------
    diet
        Scenario id of the needs table (``actuel``, ``moins_25_animal``, ``moins_50_animal`` in
        the shipped one).
    organic_share
        Share ``b`` of the food produced organically, 0–1.
    organic_yield_ratio
        ``ρ``: organic yield / conventional yield, > 0; a number, or ``{group: ratio}`` (missing
        groups take :data:`DEFAULT_ORGANIC_YIELD_RATIO`).
    waste_reduction
        ``w``: share of the needs saved by reducing waste, 0 ≤ w < 1.
    relocalised_share
        ``r``: share of the food to be produced locally, 0–1.
    """

    diet: str = DEFAULT_DIET
    organic_share: float = 0.0
    organic_yield_ratio: Union[float, Mapping[str, float]] = DEFAULT_ORGANIC_YIELD_RATIO
    waste_reduction: float = 0.0
    relocalised_share: float = 1.0

    def yield_ratios(self) -> FloatArray:
        """``(5,)`` organic yield ratio per group."""
        rho = self.organic_yield_ratio
        if isinstance(rho, Mapping):
            unknown = [g for g in rho if g not in GROUP_IDS]
            if unknown:
                raise InputError(
                    QT_TRANSLATE_NOOP("ReterrEngine", "Unknown crop group {group}."),
                    group=", ".join(map(str, unknown)),
                )
            out = np.array([float(rho.get(g, DEFAULT_ORGANIC_YIELD_RATIO)) for g in GROUP_IDS])
        else:
            out = np.full(N_GROUPS, float(rho))
        if not np.all(np.isfinite(out) & (out > 0)):
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "The organic yield ratio must be a number above 0."
                )
            )
        return out

    def check(self) -> None:
        """Raise InputError for a lever out of range."""
        for name, value, lo, hi, hi_open in (
            ("organic_share", self.organic_share, 0.0, 1.0, False),
            ("waste_reduction", self.waste_reduction, 0.0, 1.0, True),
            ("relocalised_share", self.relocalised_share, 0.0, 1.0, False),
        ):
            v = float(value)
            if not (math.isfinite(v) and lo <= v and (v < hi if hi_open else v <= hi)):
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "ReterrEngine", "{name} must be between {low} and {high} (got {value})."
                    ),
                    name=name,
                    low=lo,
                    high=hi,
                    value=value,
                )
        self.yield_ratios()

    def land_factor(self) -> FloatArray:
        """``(5,)`` factor ``r · (1 − w) · ((1 − b) + b / ρ_g)`` applied to the table's figures."""
        self.check()
        b = float(self.organic_share)
        organic = (1.0 - b) + b / self.yield_ratios()
        return float(self.relocalised_share) * (1.0 - float(self.waste_reduction)) * organic


@dataclass(frozen=True)
class AgeWeighting:
    """Consumption index per age band, normalised by a reference age structure.

    Attributes
    ----------
    bands
        Labels of the age bands, in the order of the columns of ``age_counts``.
    index
        Raw consumption index ``k_a`` per band (relative; only ratios matter).
    reference_shares
        Age structure the needs table refers to (national population); normalised to sum 1.
    """

    bands: tuple[str, ...] = ("0-17", "18-64", "65+")
    index: tuple[float, ...] = (0.86, 1.0, 0.90)
    reference_shares: tuple[float, ...] = (0.21, 0.57, 0.22)

    def normalised_index(self) -> FloatArray:
        """``k_a / Σ ref_a k_a``: a population with the reference structure gets 1."""
        k = np.asarray(self.index, dtype=np.float64)
        ref = np.asarray(self.reference_shares, dtype=np.float64)
        if (
            k.shape != (len(self.bands),)
            or ref.shape != k.shape
            or not np.all(np.isfinite(k) & (k >= 0))
            or not np.all(np.isfinite(ref) & (ref >= 0))
            or ref.sum() <= 0
            or float(ref @ k) <= 0
        ):
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "The age weighting needs one non-negative index and one reference share per "
                    "age band ({bands}).",
                ),
                bands=", ".join(self.bands),
            )
        ref = ref / ref.sum()
        return k / float(ref @ k)


#: PARCEL's age bands with the documented default index (see the module docstring).
DEFAULT_AGE_WEIGHTING = AgeWeighting()
#: Figures of :data:`DEFAULT_AGE_WEIGHTING` that are not confirmed by a source.
AGE_WEIGHTING_UNCONFIRMED: tuple[str, ...] = ("index 65+", "reference_shares")


@dataclass(eq=False)
class NeedsResult:
    """Land needed per territory and crop group for one scenario.

    Attributes
    ----------
    scenario
        Name of the scenario (the key given to :func:`food_needs_scenarios`, else the diet).
    parameters
        The levers used.
    hectares
        ``(n, 5)`` hectares needed, columns in :data:`~.groups.GROUP_IDS` order.
    per_inhabitant
        ``(n, 5)`` hectares per inhabitant ``a_i · s_g · factor_g`` (defined even where the
        population is 0).
    population
        ``(n,)`` population used.
    age_factor
        ``(n,)`` ``a_i`` (1 without age weighting).
    base_per_inhabitant
        ``(5,)`` the table's figures for the diet.
    land_factor
        ``(5,)`` the levers' factor per group.
    unconfirmed
        Groups whose table figure is flagged ``a_verifier`` (for the help's method notes).
    warnings
        What the user must be told (rows without age data…).
    """

    scenario: str
    parameters: NeedsParameters
    hectares: FloatArray
    per_inhabitant: FloatArray
    population: FloatArray
    age_factor: FloatArray
    base_per_inhabitant: FloatArray
    land_factor: FloatArray
    unconfirmed: list[str] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)

    @property
    def total_ha(self) -> FloatArray:
        """``(n,)`` hectares needed, all groups."""
        return self.hectares.sum(axis=1)


def check_population(values: ArrayLike, what: str = "population") -> FloatArray:
    """``(n,)`` finite non-negative populations; InputError naming the bad rows."""
    p = np.asarray(values, dtype=np.float64).ravel()
    bad = np.flatnonzero(~(np.isfinite(p) & (p >= 0)))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "{n} territories have a missing or negative {what}."),
            bad,
            n=bad.size,
            what=what,
        )
    return p


def _rows_text(rows: NDArray[np.int64], names: Optional[Sequence[str]], limit: int = 20) -> str:
    shown = [str(names[i]) if names is not None else f"#{i + 1}" for i in rows[:limit]]
    return ", ".join(shown) + (", …" if rows.size > limit else "")


def age_factors(
    population: FloatArray,
    age_counts: ArrayLike,
    weighting: AgeWeighting = DEFAULT_AGE_WEIGHTING,
    names: Optional[Sequence[str]] = None,
) -> tuple[FloatArray, list[Message]]:
    """``(n,)`` age factor ``a_i`` from ``(n, k)`` counts per age band, and warnings.

    Only the age *structure* of each row is used (counts may come from another year than the
    population). Rows whose counts sum to 0 get ``a_i = 1`` and a warning naming them.
    """
    n = population.shape[0]
    counts = np.asarray(age_counts, dtype=np.float64)
    k = weighting.normalised_index()
    if counts.ndim != 2 or counts.shape != (n, k.shape[0]):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine",
                "Age counts must have one row per territory ({n}) and one column per age band "
                "({bands}).",
            ),
            n=n,
            bands=", ".join(weighting.bands),
        )
    bad = np.flatnonzero(~np.all(np.isfinite(counts) & (counts >= 0), axis=1))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "{n} territories have a missing or negative age count."
            ),
            bad,
            n=bad.size,
        )
    total = counts.sum(axis=1)
    factor = np.divide(counts @ k, total, out=np.ones(n), where=total > 0)
    warnings: list[Message] = []
    empty = np.flatnonzero((total <= 0) & (population > 0))
    if empty.size:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "{n} territories have a population but no age counts; their needs are not "
                    "age-weighted: {rows}.",
                ),
                {"n": int(empty.size), "rows": _rows_text(empty, names), "row_ids": empty},
            )
        )
    return factor, warnings


def food_needs(
    population: ArrayLike,
    parameters: Optional[NeedsParameters] = None,
    *,
    table: Optional[NeedsTable] = None,
    age_counts: Optional[ArrayLike] = None,
    age_weighting: Optional[AgeWeighting] = None,
    scenario: Optional[str] = None,
    names: Optional[Sequence[str]] = None,
) -> NeedsResult:
    """Hectares needed per territory and crop group (see the module docstring for the formula).

    Parameters
    ----------
    population
        ``(n,)`` inhabitants per territory (finite, ≥ 0).
    parameters
        Diet scenario and levers (default: current diet, non-organic, fully relocalised).
    table
        Needs per inhabitant (default: the shipped table).
    age_counts
        ``(n, k)`` inhabitants per age band (optional); enables age weighting.
    age_weighting
        Index per band (default :data:`DEFAULT_AGE_WEIGHTING`, bands 0–17 / 18–64 / 65+).
    scenario
        Name of the result (default: the diet id).
    names
        Territory names, used in warnings.

    Raises
    ------
    InputError
        Negative or missing population (rows named), unknown diet, lever out of range, age counts
        of the wrong shape or negative.
    """
    params = parameters if parameters is not None else NeedsParameters()
    tbl = table if table is not None else load_needs_table()
    pop = check_population(population)
    base = tbl.per_inhabitant(params.diet)
    factor = params.land_factor()
    warnings: list[Message] = []
    if age_counts is not None:
        age, warnings = age_factors(pop, age_counts, age_weighting or DEFAULT_AGE_WEIGHTING, names)
    elif age_weighting is not None:
        raise InputError(
            QT_TRANSLATE_NOOP("ReterrEngine", "Age weighting needs the population per age band.")
        )
    else:
        age = np.ones(pop.shape[0])
    per_inh = age[:, None] * (base * factor)[None, :]
    return NeedsResult(
        scenario=scenario or params.diet,
        parameters=params,
        hectares=pop[:, None] * per_inh,
        per_inhabitant=per_inh,
        population=pop,
        age_factor=age,
        base_per_inhabitant=base,
        land_factor=factor,
        unconfirmed=[g for (s, g) in tbl.unconfirmed(params.diet) if s == params.diet],
        warnings=warnings,
    )


def food_needs_scenarios(
    population: ArrayLike,
    scenarios: Mapping[str, NeedsParameters],
    *,
    table: Optional[NeedsTable] = None,
    age_counts: Optional[ArrayLike] = None,
    age_weighting: Optional[AgeWeighting] = None,
    names: Optional[Sequence[str]] = None,
) -> dict[str, NeedsResult]:
    """:func:`food_needs` for several named scenarios on the same territories (table read once)."""
    if not scenarios:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "Give at least one scenario."))
    tbl = table if table is not None else load_needs_table()
    return {
        name: food_needs(
            population,
            params,
            table=tbl,
            age_counts=age_counts,
            age_weighting=age_weighting,
            scenario=name,
            names=names,
        )
        for name, params in scenarios.items()
    }
