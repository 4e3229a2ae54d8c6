"""Endogenous economy from SIRENE: who runs the jobs, ESS, firm sizes, sector diversity.

Per territory (METHODS.md §2.4, SUPPLY_AND_COMPLEMENTARITY.md §B6), all weighted by jobs (the
size-class midpoints of :func:`~.sirene.jobs_from_tranches`):

* **local head-office share** — jobs of the establishments whose legal unit's head office
  ("siège de l'unité légale") lies in the same area as the establishment, over the jobs whose
  head office is known. The area is a parameter given as a ``commune → area`` mapping: the
  territories themselves, the départements (:func:`departement_of`) or the regions. Caveat for
  the help: the legal unit's siège is not the group's decision centre (INSEE LIFI): a subsidiary
  registered locally counts as local, so SIRENE *under-states* outside control;
* **ESS share** — jobs of establishments whose unit has ``economieSocialeSolidaireUniteLegale =
  "O"``, over all jobs (the jobs without the flag are reported apart);
* **size structure** — shares of jobs in micro-enterprises, PME (other than micro), ETI, large
  enterprises (GE) and unknown (:func:`size_class`);
* **sector diversity** — Shannon entropy of the jobs over sectors, ``H = −Σ p_s ln p_s``, and its
  normalised form ``H / ln N`` (0 = one sector, 1 = jobs spread evenly over the ``N`` sectors of
  the reference, by default every sector seen in the data).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
StrArray = NDArray[np.str_]

#: Size classes, in the column order of :attr:`EndogenousResult.size_shares`.
SIZE_CLASSES: tuple[str, ...] = ("micro", "pme", "eti", "ge", "inconnu")
SIZE_LABELS: dict[str, tuple[str, str]] = {
    "micro": ("Microentreprises", "Micro-enterprises"),
    "pme": ("PME (hors micro)", "SMEs (excluding micro)"),
    "eti": ("Entreprises de taille intermédiaire", "Mid-sized enterprises"),
    "ge": ("Grandes entreprises", "Large enterprises"),
    "inconnu": ("Taille inconnue", "Unknown size"),
}
#: Size classes (``trancheEffectifs…``) of fewer than 10 employees.
MICRO_TRANCHES: frozenset[str] = frozenset({"NN", "00", "01", "02", "03"})

_MSG_LENGTH = QT_TRANSLATE_NOOP("ReterrEngine", "'{what}' has {got} values, expected {expected}.")
_MSG_TERRITORY = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} establishments have a territory index outside 0..{last} (-1 marks those outside "
    "every territory).",
)
_MSG_JOBS = QT_TRANSLATE_NOOP("ReterrEngine", "{n} establishments have missing or negative jobs.")
_MSG_NO_JOBS = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} territories have no jobs in the establishment file: their shares are empty.",
)
_MSG_REFERENCE = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The reference number of sectors ({given}) is below the {seen} sectors present.",
)


def departement_of(communes: Iterable[str]) -> StrArray:
    """Département code of each commune code (``"12202"`` → ``"12"``, ``"97411"`` → ``"974"``,
    ``"2A004"`` → ``"2A"``; ``""`` stays ``""``)."""
    arr = np.asarray(list(communes) if not isinstance(communes, np.ndarray) else communes, str)
    if arr.size == 0:
        return arr.astype("U3")
    uniq, inverse = np.unique(np.char.strip(arr), return_inverse=True)
    deps = [u[:3] if u.startswith("97") else u[:2] for u in uniq.tolist()]
    return np.array(deps, dtype="U3")[inverse]


def size_class(
    category: Optional[ArrayLike],
    unit_tranche: ArrayLike,
) -> IntArray:
    """Size class of each establishment's legal unit (index into :data:`SIZE_CLASSES`).

    ``categorieEntreprise`` ``GE`` → large, ``ETI`` → mid-sized; otherwise (``PME`` or unknown)
    a unit of fewer than 10 employees (``trancheEffectifsUniteLegale`` in
    :data:`MICRO_TRANCHES`) is a micro-enterprise (SUPPLY_AND_COMPLEMENTARITY.md §B6: INSEE's
    definition adds a turnover limit SIRENE does not carry); a ``PME`` with 10 or more is a PME;
    an unknown category with 10 or more (or an unknown size class) is unknown.

    Parameters
    ----------
    category
        ``categorieEntreprise`` per establishment (``""`` unknown); None when no
        ``StockUniteLegale`` was read (then only micro or unknown).
    unit_tranche
        ``trancheEffectifsUniteLegale`` per establishment (the establishment's own class is an
        approximation when the unit's is not known: exact for single-establishment units).
    """
    tr = np.char.strip(np.asarray(unit_tranche, dtype=str).ravel())
    n = tr.shape[0]
    small = np.isin(tr, np.array(sorted(MICRO_TRANCHES)))
    if category is None:
        cat = np.full(n, "", dtype="U1")
    else:
        cat = np.char.upper(np.char.strip(np.asarray(category, dtype=str).ravel()))
        if cat.shape[0] != n:
            raise InputError(_MSG_LENGTH, what="category", got=cat.shape[0], expected=n)
    out = np.full(n, SIZE_CLASSES.index("inconnu"), dtype=np.int64)
    out[small & ~np.isin(cat, ["GE", "ETI"])] = SIZE_CLASSES.index("micro")
    out[~small & (cat == "PME")] = SIZE_CLASSES.index("pme")
    out[cat == "ETI"] = SIZE_CLASSES.index("eti")
    out[cat == "GE"] = SIZE_CLASSES.index("ge")
    return out


@dataclass(eq=False)
class EndogenousResult:
    """Endogenous-economy indicators per territory (``(n_territories,)`` arrays).

    Attributes
    ----------
    jobs, establishments
        Jobs and establishments counted in each territory.
    local_share
        Jobs whose legal unit's head office is in the establishment's area, over the jobs whose
        head office is known; NaN without such jobs.
    siege_unknown_share
        Jobs whose head-office commune is unknown, over all jobs.
    ess_share, ess_unknown_share
        Jobs of ESS units (flag ``O``) over all jobs; jobs without an ``O``/``N`` flag over all
        jobs. NaN when no ESS flags were given.
    size_shares
        ``(n_territories, 5)`` shares of jobs per :data:`SIZE_CLASSES` (rows sum to 1).
    shannon
        ``−Σ p_s ln p_s`` over the sectors of the jobs (nats); NaN without a sector.
    shannon_normalised
        ``shannon / ln(n_sectors_reference)``.
    n_sectors
        Sectors present in each territory.
    n_sectors_reference
        ``N`` of the normalisation.
    empty_territories
        Territories without jobs (their shares are NaN).
    warnings
        Plain-language notes.
    """

    jobs: FloatArray
    establishments: IntArray
    local_share: FloatArray
    siege_unknown_share: FloatArray
    ess_share: FloatArray
    ess_unknown_share: FloatArray
    size_shares: FloatArray
    shannon: FloatArray
    shannon_normalised: FloatArray
    n_sectors: IntArray
    n_sectors_reference: int
    empty_territories: IntArray
    warnings: list[Message] = field(default_factory=list)


def _text(values: ArrayLike, n: int, what: str) -> StrArray:
    arr = np.char.strip(np.asarray(values, dtype=str).ravel())
    if arr.shape[0] != n:
        raise InputError(_MSG_LENGTH, what=what, got=arr.shape[0], expected=n)
    return arr


def _lookup(codes: StrArray, mapping: Mapping[str, Hashable]) -> IntArray:
    """Area id (as an integer label) of each code; -1 where the code is not in the mapping."""
    areas = sorted({str(v) for v in mapping.values()})
    area_id = {a: k for k, a in enumerate(areas)}
    uniq, inverse = np.unique(codes, return_inverse=True)
    ids = np.array(
        [area_id[str(mapping[u])] if u in mapping else -1 for u in uniq.tolist()], dtype=np.int64
    )
    return ids[inverse] if codes.size else np.zeros(0, dtype=np.int64)


def _shares(num: FloatArray, den: FloatArray) -> FloatArray:
    out = np.full(np.shape(num), np.nan)
    np.divide(num, den, out=out, where=den > 0)
    return out


def endogenous_economy(
    territory: ArrayLike,
    jobs: ArrayLike,
    n_territories: int,
    *,
    commune: Optional[ArrayLike] = None,
    siege_commune: Optional[ArrayLike] = None,
    commune_area: Optional[Union[Mapping[str, Hashable], tuple[ArrayLike, ArrayLike]]] = None,
    ess: Optional[ArrayLike] = None,
    category: Optional[ArrayLike] = None,
    unit_tranche: Optional[ArrayLike] = None,
    sector: Optional[ArrayLike] = None,
    n_sectors_reference: Optional[int] = None,
) -> EndogenousResult:
    """Local head-office share, ESS share, size structure and sector diversity per territory.

    Parameters
    ----------
    territory
        Territory index of each establishment (``0 .. n_territories - 1``; -1 outside every
        territory: not counted).
    jobs
        Jobs of each establishment (finite, ``≥ 0``).
    n_territories
        Number of territories.
    commune, siege_commune, commune_area
        The establishment's commune, its legal unit's head-office commune (``""`` unknown), and
        the ``commune → area`` mapping (a dict, or ``(codes, areas)`` arrays) that says what
        "local" means: an establishment is local when both communes map to the same area. Pass
        the zoning's own ``commune → territory`` for "same territory", :func:`departement_of`
        for "same département", a commune → region table for "same region". A head-office
        commune outside the mapping is never local. Omit all three to skip the indicator (NaN).
    ess
        ``economieSocialeSolidaireUniteLegale`` per establishment (``"O"``, ``"N"``, ``""``);
        None skips the ESS shares (NaN).
    category, unit_tranche
        ``categorieEntreprise`` and ``trancheEffectifsUniteLegale`` (or the establishment's
        own class) per establishment, for :func:`size_class`. Without ``unit_tranche`` the size
        structure is skipped (NaN).
    sector
        Sector of each establishment for the diversity (e.g. the NAF division ``"10"`` or the
        sous-classe; ``""`` = unknown, left out of the diversity).
    n_sectors_reference
        ``N`` of the normalised Shannon index (default: the sectors present among all the
        establishments given, so that territories compare on one scale; pass the size of the
        nomenclature level, e.g. 88 NAF divisions, for an absolute scale).

    Returns
    -------
    EndogenousResult

    Raises
    ------
    InputError
        Arrays of different lengths, territory indices out of range, missing or negative jobs
        (rows named).
    """
    t = np.asarray(territory).ravel().astype(np.int64)
    n = t.shape[0]
    bad = np.flatnonzero((t < -1) | (t >= n_territories))
    if bad.size:
        raise InputError(_MSG_TERRITORY, bad, n=bad.size, last=n_territories - 1)
    w = np.asarray(jobs, dtype=np.float64).ravel()
    if w.shape[0] != n:
        raise InputError(_MSG_LENGTH, what="jobs", got=w.shape[0], expected=n)
    bad = np.flatnonzero(~(np.isfinite(w) & (w >= 0)))
    if bad.size:
        raise InputError(_MSG_JOBS, bad, n=bad.size)
    inside = t >= 0
    ti, wi = t[inside], w[inside]

    def per_territory(weights: FloatArray) -> FloatArray:
        return np.bincount(ti, weights=weights[inside], minlength=n_territories)

    total = np.bincount(ti, weights=wi, minlength=n_territories)
    count = np.bincount(ti, minlength=n_territories).astype(np.int64)
    empty = np.flatnonzero(~(total > 0)).astype(np.int64)
    warnings: list[Message] = []
    if empty.size:
        warnings.append(Message(_MSG_NO_JOBS, {"n": int(empty.size)}))
    nan = np.full(n_territories, np.nan)

    # Local head-office share.
    local_share, siege_unknown = nan.copy(), nan.copy()
    if siege_commune is not None:
        sc = _text(siege_commune, n, "siege_commune")
        known = sc != ""
        siege_unknown = _shares(per_territory(np.where(known, 0.0, w)), total)
        if commune is not None and commune_area is not None:
            if isinstance(commune_area, Mapping):
                mapping = {str(k).strip(): v for k, v in commune_area.items()}
            else:
                codes, areas = commune_area
                mapping = dict(
                    zip(
                        np.char.strip(np.asarray(codes, dtype=str)).tolist(),
                        np.asarray(areas).tolist(),
                    )
                )
            ec = _text(commune, n, "commune")
            a_est, a_siege = _lookup(ec, mapping), _lookup(sc, mapping)
            local = known & (a_siege >= 0) & (a_siege == a_est)
            local_share = _shares(
                per_territory(np.where(local, w, 0.0)), per_territory(np.where(known, w, 0.0))
            )

    # ESS.
    ess_share, ess_unknown = nan.copy(), nan.copy()
    if ess is not None:
        flag = np.char.upper(_text(ess, n, "ess"))
        ess_share = _shares(per_territory(np.where(flag == "O", w, 0.0)), total)
        unknown = ~np.isin(flag, ["O", "N"])
        ess_unknown = _shares(per_territory(np.where(unknown, w, 0.0)), total)

    # Size structure.
    size_shares = np.full((n_territories, len(SIZE_CLASSES)), np.nan)
    if unit_tranche is not None:
        tr = _text(unit_tranche, n, "unit_tranche")
        cls = size_class(category, tr)
        jobs_by = np.zeros((n_territories, len(SIZE_CLASSES)))
        np.add.at(jobs_by, (ti, cls[inside]), wi)
        size_shares = _shares(jobs_by, total[:, None] * np.ones((1, len(SIZE_CLASSES))))

    # Sector diversity (Shannon).
    shannon, shannon_norm = nan.copy(), nan.copy()
    n_sectors = np.zeros(n_territories, dtype=np.int64)
    n_ref = 0
    if sector is not None:
        sec = _text(sector, n, "sector")
        has = inside & (sec != "")
        uniq, code = np.unique(sec[has], return_inverse=True)
        n_seen = int(uniq.shape[0])
        n_ref = int(n_sectors_reference) if n_sectors_reference is not None else n_seen
        if n_ref < n_seen:
            warnings.append(Message(_MSG_REFERENCE, {"given": n_ref, "seen": n_seen}))
        th, wh = t[has], w[has]
        # Jobs per (territory, sector): one sort of the combined key.
        key = th * max(n_seen, 1) + code
        ukey, inv = np.unique(key, return_inverse=True)
        cell = np.bincount(inv, weights=wh)
        cell_t = ukey // max(n_seen, 1)
        tot_t = np.bincount(cell_t, weights=cell, minlength=n_territories)
        p = cell / np.where(tot_t[cell_t] > 0, tot_t[cell_t], 1.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            contrib = np.where(p > 0, -p * np.log(p), 0.0)
        h = np.bincount(cell_t, weights=contrib, minlength=n_territories)
        n_sectors = np.bincount(cell_t[cell > 0], minlength=n_territories).astype(np.int64)
        shannon = np.where(tot_t > 0, h, np.nan)
        shannon_norm = shannon / np.log(n_ref) if n_ref >= 2 else nan.copy()

    return EndogenousResult(
        jobs=total,
        establishments=count,
        local_share=local_share,
        siege_unknown_share=siege_unknown,
        ess_share=ess_share,
        ess_unknown_share=ess_unknown,
        size_shares=size_shares,
        shannon=shannon,
        shannon_normalised=shannon_norm,
        n_sectors=n_sectors,
        n_sectors_reference=n_ref,
        empty_territories=empty,
        warnings=warnings,
    )
