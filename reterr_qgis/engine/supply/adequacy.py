"""Food adequacy: farmland against the land needed to feed the population, per crop group.

For territory ``i``, crop group ``g``, farmland ``P_ig`` (hectares of the group, from
:mod:`.farmland`) and land needed ``B_ig`` (hectares, from :mod:`.needs`), METHODS.md §2.1:

* raw adequacy ``T_raw = Σ_g P_g / Σ_g B_g`` — the "potentiel nourricier" of PARCEL / CRATer
  (METHODS §2.2: farmland available over land needed; > 100 % = theoretically self-sufficient);
* capped, non-compensating adequacy ``T_cap = Σ_g min(P_g, B_g) / Σ_g B_g`` (CNRA rule): a
  surplus in one group never offsets a deficit in another, so ``T_cap ≤ 1`` and ``T_cap ≤ T_raw``;
* per group: ``P_g / B_g`` (raw) and ``min(P_g, B_g) / B_g`` (capped), balance ``Δ_g = P_g − B_g``
  in hectares and in % of the need (``100 · Δ_g / B_g``), surplus ``max(Δ_g, 0)`` and deficit
  ``max(−Δ_g, 0)``;
* people fed (the farmland-limited population). With ``s_ig`` the hectares per inhabitant of
  group ``g`` for the territory (``B_ig / N_i``: diet, levers and age structure included):

  - ``people_fed = min_g P_ig / s_ig`` over the groups with ``s_ig > 0``: the largest
    population, with the territory's age structure and the scenario's diet, whose needs in
    **every** group its farmland covers (non-compensating, Liebig's minimum; a surplus of grass
    feeds nobody who lacks cereals);
  - ``people_fed_compensating = Σ_g P_ig / Σ_g s_ig = T_raw · N_i``: the same if farmland could
    be switched freely between groups.

Territories with no population (or no need at all) get NaN ratios and a warning naming them; their
people fed are still given when the per-inhabitant needs are known.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from .groups import GROUP_IDS, N_GROUPS
from .needs import NeedsResult, check_population

FloatArray = NDArray[np.float64]


@dataclass(eq=False)
class AdequacyResult:
    """Adequacy of one scenario, per territory.

    Attributes
    ----------
    scenario
        Scenario name.
    raw, capped
        ``(n,)`` ``T_raw`` and ``T_cap`` as fractions (1 = 100 %); NaN where nothing is needed.
    raw_by_group, capped_by_group
        ``(n, 5)`` ``P_g / B_g`` and ``min(P_g, B_g) / B_g``; NaN where ``B_g = 0``.
    balance_ha, balance_pct
        ``(n, 5)`` ``P_g − B_g`` (ha) and ``100 · (P_g − B_g) / B_g`` (NaN where ``B_g = 0``).
    surplus_ha, deficit_ha
        ``(n, 5)`` ``max(Δ_g, 0)`` and ``max(−Δ_g, 0)``.
    people_fed, people_fed_compensating
        ``(n,)`` see the module docstring.
    farmland_ha, needs_ha
        ``(n, 5)`` the inputs.
    population
        ``(n,)``.
    no_need
        Rows where nothing is needed (no population, or levers at zero): ratios NaN.
    totals
        The same indicators for all the territories pooled as one (``raw``, ``capped``,
        ``people_fed``, ``people_fed_compensating``, ``population``, ``farmland_ha``,
        ``needs_ha``).
    warnings
        Messages naming the rows without need.
    """

    scenario: str
    raw: FloatArray
    capped: FloatArray
    raw_by_group: FloatArray
    capped_by_group: FloatArray
    balance_ha: FloatArray
    balance_pct: FloatArray
    surplus_ha: FloatArray
    deficit_ha: FloatArray
    people_fed: FloatArray
    people_fed_compensating: FloatArray
    farmland_ha: FloatArray
    needs_ha: FloatArray
    population: FloatArray
    no_need: NDArray[np.int64]
    totals: dict[str, float] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)

    def columns(self, prefix: str = "") -> dict[str, FloatArray]:
        """Flat ``{field name: (n,) array}`` for an output layer; ratios in %.

        Names: ``{prefix}adequation_brute``, ``{prefix}adequation_plafonnee``,
        ``{prefix}personnes_nourries``, ``{prefix}personnes_nourries_compensees``, and per group
        ``{prefix}{group}_besoin_ha``, ``_surface_ha``, ``_solde_ha``, ``_solde_pct``,
        ``_adequation``.
        """
        out = {
            f"{prefix}adequation_brute": 100.0 * self.raw,
            f"{prefix}adequation_plafonnee": 100.0 * self.capped,
            f"{prefix}personnes_nourries": self.people_fed,
            f"{prefix}personnes_nourries_compensees": self.people_fed_compensating,
        }
        for j, g in enumerate(GROUP_IDS):
            out[f"{prefix}{g}_besoin_ha"] = self.needs_ha[:, j]
            out[f"{prefix}{g}_surface_ha"] = self.farmland_ha[:, j]
            out[f"{prefix}{g}_solde_ha"] = self.balance_ha[:, j]
            out[f"{prefix}{g}_solde_pct"] = self.balance_pct[:, j]
            out[f"{prefix}{g}_adequation"] = 100.0 * self.raw_by_group[:, j]
        return out


def _matrix(values: ArrayLike, n: Optional[int], what: str) -> FloatArray:
    a = np.asarray(values, dtype=np.float64)
    if a.ndim == 1 and a.shape[0] == N_GROUPS and n in (None, 1):
        a = a[None, :]
    if a.ndim != 2 or a.shape[1] != N_GROUPS or (n is not None and a.shape[0] != n):
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine",
                "'{what}' must have one row per territory ({n}) and one column per crop group "
                "({groups}).",
            ),
            what=what,
            n="?" if n is None else n,
            groups=", ".join(GROUP_IDS),
        )
    bad = np.flatnonzero(~np.all(np.isfinite(a) & (a >= 0), axis=1))
    if bad.size:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "ReterrEngine", "{n} territories have a missing or negative value in '{what}'."
            ),
            bad,
            n=bad.size,
            what=what,
        )
    return a


def _ratio(num: FloatArray, den: FloatArray) -> FloatArray:
    return np.divide(num, den, out=np.full(np.broadcast(num, den).shape, np.nan), where=den > 0)


def _people_fed(farmland: FloatArray, per_inhabitant: FloatArray) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore"):
        fed = np.where(per_inhabitant > 0, farmland / per_inhabitant, np.inf).min(axis=1)
    return np.where(np.isfinite(fed), fed, np.nan)


def _rows_text(rows: NDArray[np.int64], names: Optional[Sequence[str]], limit: int = 20) -> str:
    shown = [str(names[i]) if names is not None else f"#{i + 1}" for i in rows[:limit]]
    return ", ".join(shown) + (", …" if rows.size > limit else "")


def food_adequacy(
    farmland_ha: ArrayLike,
    needs: Union[NeedsResult, ArrayLike],
    population: Optional[ArrayLike] = None,
    *,
    per_inhabitant: Optional[ArrayLike] = None,
    scenario: Optional[str] = None,
    names: Optional[Sequence[str]] = None,
) -> AdequacyResult:
    """Farmland against needs, per territory and crop group (formulas in the module docstring).

    Parameters
    ----------
    farmland_ha
        ``(n, 5)`` hectares per crop group (:attr:`FarmlandResult.groups_ha`), columns in
        :data:`~.groups.GROUP_IDS` order.
    needs
        A :class:`~.needs.NeedsResult` (population and per-inhabitant needs taken from it), or
        ``(n, 5)`` hectares needed (then give ``population``).
    population
        ``(n,)`` inhabitants, when ``needs`` is an array.
    per_inhabitant
        ``(n, 5)`` or ``(5,)`` hectares per inhabitant, when ``needs`` is an array (default
        ``needs / population``, unknown where the population is 0).
    scenario
        Name of the result (default: the NeedsResult's).
    names
        Territory names, for the warnings.

    Raises
    ------
    InputError
        Shapes that do not match, negative or missing values (rows named).
    """
    if isinstance(needs, NeedsResult):
        need = _matrix(needs.hectares, None, "needs")
        pop = needs.population
        per_inh = needs.per_inhabitant
        name = scenario or needs.scenario
    else:
        need = _matrix(needs, None, "needs")
        if population is None:
            raise InputError(
                QT_TRANSLATE_NOOP("ReterrEngine", "Give the population with the needs.")
            )
        pop = check_population(population)
        if pop.shape[0] != need.shape[0]:
            raise InputError(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine", "'{what}' has {got} values, expected {expected}."
                ),
                what="population",
                got=pop.shape[0],
                expected=need.shape[0],
            )
        if per_inhabitant is not None:
            per_inh = np.broadcast_to(
                _matrix(per_inhabitant, None, "per_inhabitant"), need.shape
            ).astype(np.float64)
        else:
            per_inh = _ratio(need, pop[:, None])
        name = scenario or ""
    n = need.shape[0]
    farm = _matrix(farmland_ha, n, "farmland")

    total_need = need.sum(axis=1)
    total_farm = farm.sum(axis=1)
    covered = np.minimum(farm, need)
    balance = farm - need
    no_need = np.flatnonzero(~(total_need > 0))
    warnings: list[Message] = []
    if no_need.size:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "ReterrEngine",
                    "{n} territories have no population (or need no land): their adequacy is "
                    "left empty: {rows}.",
                ),
                {
                    "n": int(no_need.size),
                    "rows": _rows_text(no_need, names),
                    "row_ids": no_need.tolist(),
                },
            )
        )
    fed = _people_fed(farm, np.nan_to_num(per_inh, nan=0.0))
    fed[np.isnan(per_inh).any(axis=1)] = np.nan
    per_total = per_inh.sum(axis=1)
    fed_comp = _ratio(total_farm, per_total)

    all_need = need.sum(axis=0)
    all_farm = farm.sum(axis=0)
    all_pop = float(pop.sum())
    all_per = _ratio(all_need, np.array(all_pop)) if all_pop > 0 else np.full(N_GROUPS, np.nan)
    totals = {
        "population": all_pop,
        "farmland_ha": float(all_farm.sum()),
        "needs_ha": float(all_need.sum()),
        "raw": float(_ratio(np.array(all_farm.sum()), np.array(all_need.sum()))),
        "capped": float(
            _ratio(np.array(np.minimum(all_farm, all_need).sum()), np.array(all_need.sum()))
        ),
        "people_fed": float(_people_fed(all_farm[None, :], np.nan_to_num(all_per)[None, :])[0])
        if all_pop > 0
        else float("nan"),
        "people_fed_compensating": float(_ratio(np.array(all_farm.sum()), np.array(all_per.sum())))
        if all_pop > 0
        else float("nan"),
    }
    return AdequacyResult(
        scenario=name,
        raw=_ratio(total_farm, total_need),
        capped=_ratio(covered.sum(axis=1), total_need),
        raw_by_group=_ratio(farm, need),
        capped_by_group=_ratio(covered, need),
        balance_ha=balance,
        balance_pct=100.0 * _ratio(balance, need),
        surplus_ha=np.maximum(balance, 0.0),
        deficit_ha=np.maximum(-balance, 0.0),
        people_fed=fed,
        people_fed_compensating=fed_comp,
        farmland_ha=farm,
        needs_ha=need,
        population=pop,
        no_need=no_need.astype(np.int64),
        totals=totals,
        warnings=warnings,
    )


def compare_scenarios(
    farmland_ha: ArrayLike,
    needs: Mapping[str, NeedsResult],
    *,
    names: Optional[Sequence[str]] = None,
) -> dict[str, AdequacyResult]:
    """:func:`food_adequacy` of several scenarios (e.g. from
    :func:`~.needs.food_needs_scenarios`) on the same farmland, in one call; keyed like
    ``needs``."""
    if not needs:
        raise InputError(QT_TRANSLATE_NOOP("ReterrEngine", "Give at least one scenario."))
    farm = np.asarray(farmland_ha, dtype=np.float64)
    return {
        name: food_adequacy(farm, res, scenario=name, names=names) for name, res in needs.items()
    }
