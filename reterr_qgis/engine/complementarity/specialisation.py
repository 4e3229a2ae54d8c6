"""Specialisation and diversity of each territory's economy over sectors.

Input: a (territories × sectors) matrix of counts ``e_ij`` — jobs or establishments of sector
``i`` in territory ``j`` — sparse (CSR/COO; 35,000 communes × 732 sous-classes is mostly zeros)
or dense, and a reference structure ``R_i`` (shares of the sectors in the reference economy:
by default the study area's own totals ``E_i / E``, or any table given, e.g. national jobs by
sector; METHODS.md §3.1 and SUPPLY_AND_COMPLEMENTARITY.md §B7 make the reference an explicit
parameter because EconGeo and econcomplex silently use the matrix's own totals). With
``s_ij = e_ij / e_j`` the territory's shares and ``N`` the number of sectors of the level
(e.g. 38 for A38, 732 for the sous-classes; by default the matrix's columns), per territory:

* location quotients ``LQ_ij = s_ij / R_i`` (METHODS §3.1; > 1.25 is often read as
  specialised), a sparse matrix with an entry where ``e_ij > 0`` (``LQ = 0`` elsewhere);
* Krugman specialisation index ``K_j = Σ_i |s_ij − R_i|`` (0 … 2) and Hoover's coefficient of
  specialisation ``K_j / 2`` (0 … 1) [EconGeo, econcomplex ``specialization_coefficient``];
* Herfindahl–Hirschman ``HHI_j = Σ_i s_ij²`` and its normalised form
  ``(HHI − 1/N) / (1 − 1/N)`` (0 = evenly spread over the ``N`` sectors, 1 = one sector);
* Shannon entropy ``H_j = −Σ_i s_ij ln s_ij`` and its normalised form ``H_j / ln N``;
* Hachman index ``HI_j = 1 / Σ_i s_ij · LQ_ij`` (1 = the reference structure) [EconGeo];
* related and unrelated variety (Frenken, Van Oort & Verburg 2007; SUPPLY §B7): with the sectors
  grouped (e.g. sous-classes into NAF divisions) and ``P_g = Σ_{i∈g} s_i``,
  unrelated variety ``UV = −Σ_g P_g ln P_g`` (entropy between groups) and related variety
  ``RV = Σ_g P_g H_g`` with ``H_g = −Σ_{i∈g} (s_i/P_g) ln(s_i/P_g)`` (entropy within groups).
  The decomposition is exact: ``H = UV + RV``.

**Logarithm**: natural (entropies in nats), as METHODS §3.1 (``−Σ s ln s / ln N``) and SUPPLY
§B7 write them; the normalised Shannon index does not depend on the base. (econcomplex's
``shannon_entropy`` defaults to base 2: divide its bits by ``log2(e)``.)

A territory without any count gets NaN everywhere and is named in the warnings. With an external
reference, a sector present in a territory but absent from the reference has an undefined LQ
(NaN) and Hachman index (NaN); the sectors are named.

Measured choices: everything is computed on the non-zero entries of the CSR matrix (``O(nnz)``;
Krugman as ``Σ_i R_i + Σ_{e_ij>0} (|s_ij − R_i| − R_i)``), never on the dense matrix: 35,000
territories × 732 sous-classes with 1.06 M non-zero entries, every index, 0.2 s, against 5.4 s
(and 1.4 GB) for econcomplex on the dense matrix (2-core machine, indicative;
``bench/bench_compl_specialisation.py``).

:func:`sector_balance` gives each territory's over- and under-representation
``e_ij − e_j · R_i`` split into a surplus and a deficit part, the sector vectors
:mod:`.complementarity` compares between neighbours — a structural signal, not a measured trade.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..core.errors import QT_TRANSLATE_NOOP, InputError, Message
from ..core.lazy import lazy_module
from ..routing.callbacks import IsCanceled, Progress, check_canceled, tick
from .naf import NafMapping, NafTable, canonical_level, load_naf, map_naf

sparse = lazy_module("scipy.sparse")

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
MatrixLike = Union["sparse.spmatrix", ArrayLike]

_MSG_LENGTH = QT_TRANSLATE_NOOP("ReterrEngine", "'{what}' has {got} values, expected {expected}.")
_MSG_TERRITORY = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} rows have a territory index outside 0..{last} (-1 marks those outside every territory).",
)
_MSG_SECTOR = QT_TRANSLATE_NOOP("ReterrEngine", "{n} rows have a sector index outside 0..{last}.")
_MSG_COUNTS = QT_TRANSLATE_NOOP(
    "ReterrEngine", "{n} rows have a missing or negative count (jobs or establishments)."
)
_MSG_MATRIX = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The counts must be a table of territories × sectors with finite values ≥ 0: {problem}.",
)
_MSG_ALL_ZERO = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "No territory has any count: the study area cannot serve as the reference; give a "
    "reference table.",
)
_MSG_REFERENCE = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The reference must give one value ≥ 0 per sector ({n}) and not be all zero: {problem}.",
)
_MSG_GROUPS = QT_TRANSLATE_NOOP(
    "ReterrEngine", "The sector groups must give one group per sector ({n}); got {got}."
)
_MSG_N_SECTORS = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "The number of sectors of the level ({given}) is below the {seen} sectors of the table.",
)
_MSG_EMPTY = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} territories have no count in any sector: their indicators are left empty: {rows}.",
)
_MSG_ABSENT_REFERENCE = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{n} sectors are present in territories but absent from the reference ({sectors}): their "
    "location quotients and the Hachman index of those territories are left empty.",
)
_MSG_UNMAPPED_WEIGHT = QT_TRANSLATE_NOOP(
    "ReterrEngine",
    "{weight} of {total} (jobs or establishments) have a sector code that could not be read at "
    "level {level}; they are left out of every indicator.",
)


def _rows_text(rows: NDArray[np.int64], names: Optional[Sequence[str]], limit: int = 20) -> str:
    shown = [str(names[i]) if names is not None else f"#{i + 1}" for i in rows[:limit]]
    return ", ".join(shown) + (", …" if rows.size > limit else "")


# ---------------------------------------------------------------------------------------------
# Building the matrix
# ---------------------------------------------------------------------------------------------


def count_matrix(
    territory: ArrayLike,
    sector: ArrayLike,
    counts: ArrayLike,
    n_territories: int,
    n_sectors: int,
) -> sparse.csr_matrix:
    """Sum long-format rows ``(territory, sector, count)`` into a CSR (territories × sectors).

    Parameters
    ----------
    territory
        Territory index of each row (``0 .. n_territories − 1``; −1 = outside every territory,
        not counted).
    sector
        Sector index of each row (``0 .. n_sectors − 1``).
    counts
        Count of each row (finite, ``≥ 0``); repeated pairs are summed.

    Raises
    ------
    InputError
        Lengths that differ, indices out of range, missing or negative counts (rows named).
    """
    t = np.asarray(territory).ravel().astype(np.int64)
    s = np.asarray(sector).ravel().astype(np.int64)
    w = np.asarray(counts, dtype=np.float64).ravel()
    n = t.shape[0]
    for what, arr in (("sector", s), ("counts", w)):
        if arr.shape[0] != n:
            raise InputError(_MSG_LENGTH, what=what, got=arr.shape[0], expected=n)
    bad = np.flatnonzero((t < -1) | (t >= n_territories))
    if bad.size:
        raise InputError(_MSG_TERRITORY, bad, n=bad.size, last=n_territories - 1)
    bad = np.flatnonzero((s < 0) | (s >= n_sectors))
    if bad.size:
        raise InputError(_MSG_SECTOR, bad, n=bad.size, last=n_sectors - 1)
    bad = np.flatnonzero(~(np.isfinite(w) & (w >= 0)))
    if bad.size:
        raise InputError(_MSG_COUNTS, bad, n=bad.size)
    keep = t >= 0
    m = sparse.coo_matrix((w[keep], (t[keep], s[keep])), shape=(n_territories, n_sectors)).tocsr()
    m.sum_duplicates()
    m.eliminate_zeros()
    return m


@dataclass(eq=False)
class SectorCounts:
    """Counts per territory and sector code of one NAF level (:func:`sector_counts`).

    Attributes
    ----------
    matrix
        ``(n_territories, n_codes(level))`` CSR; columns in :attr:`sectors` order (every code of
        the level, so that ``N`` of the normalised indices is the level's size).
    sectors
        The level's codes (sorted).
    level
        The level.
    mapping
        How each row's code was read (unknown, too coarse, empty codes and their rows).
    unmapped_weight
        Sum of the counts of the rows inside a territory whose code was not mapped.
    total_weight
        Sum of the counts of all rows inside a territory.
    warnings
        The mapping's notes, and the weight left out.
    """

    matrix: sparse.csr_matrix
    sectors: NDArray[np.str_]
    level: str
    mapping: NafMapping
    unmapped_weight: float
    total_weight: float
    warnings: list[Message] = field(default_factory=list)


def sector_counts(
    territory: ArrayLike,
    codes: ArrayLike,
    counts: ArrayLike,
    n_territories: int,
    level: str,
    *,
    table: Optional[NafTable] = None,
) -> SectorCounts:
    """Counts per territory at a NAF level, from rows holding any NAF code.

    Each row's code (``01.11Z``, ``0111Z``, a classe, a division, …) is brought to ``level`` by
    :func:`~.naf.map_naf`; rows whose code cannot be (unknown, too coarse, empty) are left out,
    counted and named in the warnings with the weight they carry.

    Parameters
    ----------
    territory
        Territory index of each row (−1 outside every territory).
    codes
        Sector code of each row.
    counts
        Count (jobs, establishments) of each row.
    n_territories
        Number of territories.
    level
        NAF level of the columns (``sous_classe``, ``division``, ``A38``, …).
    table
        The NAF table (default: the shipped one).
    """
    tab = table if table is not None else load_naf()
    lv = canonical_level(level)
    t = np.asarray(territory).ravel().astype(np.int64)
    w = np.asarray(counts, dtype=np.float64).ravel()
    mapping = map_naf(codes, lv, table=tab)
    n = t.shape[0]
    for what, size in (("codes", mapping.codes.shape[0]), ("counts", w.shape[0])):
        if size != n:
            raise InputError(_MSG_LENGTH, what=what, got=size, expected=n)
    sectors = tab.codes(lv)
    col = np.searchsorted(sectors, mapping.codes)
    col = np.where(mapping.mapped, col, 0)
    inside = t >= 0
    bad = np.flatnonzero(~(np.isfinite(w) & (w >= 0)))
    if bad.size:
        raise InputError(_MSG_COUNTS, bad, n=bad.size)
    keep = mapping.mapped
    matrix = count_matrix(
        np.where(keep, t, -1), col, np.where(keep, w, 0.0), n_territories, sectors.size
    )
    unmapped = float(w[inside & ~keep].sum())
    total = float(w[inside].sum())
    warnings = list(mapping.warnings)
    if unmapped > 0:
        warnings.append(
            Message(
                _MSG_UNMAPPED_WEIGHT,
                {"weight": f"{unmapped:g}", "total": f"{total:g}", "level": lv},
            )
        )
    return SectorCounts(matrix, sectors, lv, mapping, unmapped, total, warnings)


# ---------------------------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class SpecialisationResult:
    """Specialisation and diversity per territory (``(n_territories,)`` arrays unless said).

    Attributes
    ----------
    total
        ``e_j``, the counts of each territory.
    lq
        ``(n_territories, n_sectors)`` CSR of location quotients, an entry where ``e_ij > 0``
        (NaN where the reference share is 0); rows of empty territories have no entry.
    krugman, hoover
        ``Σ_i |s_ij − R_i|`` (0 … 2) and half of it (0 … 1).
    hhi, hhi_normalised
        ``Σ_i s_ij²`` and ``(HHI − 1/N) / (1 − 1/N)`` (NaN when ``N = 1``).
    shannon, shannon_normalised
        ``−Σ_i s_ij ln s_ij`` (nats) and ``H / ln N``.
    hachman
        ``1 / Σ_i s_ij LQ_ij``.
    unrelated_variety, related_variety
        Entropy between the sector groups and the weighted entropy within them (nats);
        ``shannon = unrelated_variety + related_variety``. NaN when no groups were given.
    n_sectors_present
        Sectors with a count > 0 in the territory.
    n_sectors_reference
        ``N``.
    n_groups
        Number of sector groups (0 without groups).
    reference_shares
        ``(n_sectors,)`` ``R_i`` (sum 1).
    reference_is_study_area
        True when ``R`` is the matrix's own column totals.
    empty_territories
        Territories without any count (NaN indicators).
    absent_from_reference
        Sectors present in a territory but with ``R_i = 0``.
    warnings
        Plain-language notes naming territories and sectors.
    """

    total: FloatArray
    lq: sparse.csr_matrix
    krugman: FloatArray
    hoover: FloatArray
    hhi: FloatArray
    hhi_normalised: FloatArray
    shannon: FloatArray
    shannon_normalised: FloatArray
    hachman: FloatArray
    unrelated_variety: FloatArray
    related_variety: FloatArray
    n_sectors_present: IntArray
    n_sectors_reference: int
    n_groups: int
    reference_shares: FloatArray
    reference_is_study_area: bool
    empty_territories: IntArray
    absent_from_reference: IntArray
    warnings: list[Message] = field(default_factory=list)

    def columns(self, prefix: str = "") -> dict[str, FloatArray]:
        """Flat ``{field name: (n,) array}`` for an output layer (French names).

        ``{prefix}total``, ``krugman``, ``hoover``, ``hhi``, ``hhi_normalise``, ``shannon``,
        ``shannon_normalise``, ``hachman``, ``variete_non_liee``, ``variete_liee``,
        ``nb_secteurs``.
        """
        return {
            f"{prefix}total": self.total,
            f"{prefix}krugman": self.krugman,
            f"{prefix}hoover": self.hoover,
            f"{prefix}hhi": self.hhi,
            f"{prefix}hhi_normalise": self.hhi_normalised,
            f"{prefix}shannon": self.shannon,
            f"{prefix}shannon_normalise": self.shannon_normalised,
            f"{prefix}hachman": self.hachman,
            f"{prefix}variete_non_liee": self.unrelated_variety,
            f"{prefix}variete_liee": self.related_variety,
            f"{prefix}nb_secteurs": self.n_sectors_present.astype(np.float64),
        }

    def lq_long(self) -> tuple[IntArray, IntArray, FloatArray]:
        """The location quotients as long rows ``(territory, sector, LQ)`` (entries only)."""
        lq = self.lq.tocoo()
        return lq.row.astype(np.int64), lq.col.astype(np.int64), lq.data


def _as_csr(counts: MatrixLike) -> sparse.csr_matrix:
    if sparse.issparse(counts):
        m = sparse.csr_matrix(counts, dtype=np.float64, copy=True)
    else:
        a = np.asarray(counts, dtype=np.float64)
        if a.ndim != 2:
            raise InputError(_MSG_MATRIX, problem=f"{a.ndim} dimension(s)")
        m = sparse.csr_matrix(a)
    if m.ndim != 2:
        raise InputError(_MSG_MATRIX, problem="not two-dimensional")
    m.sum_duplicates()
    bad_entries = ~(np.isfinite(m.data) & (m.data >= 0))
    if bad_entries.any():
        rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))[bad_entries]
        rows = np.unique(rows)
        raise InputError(
            _MSG_MATRIX,
            rows,
            problem=f"{rows.size} territories have a missing or negative value",
        )
    m.eliminate_zeros()
    m.sort_indices()
    return m


def _reference(reference: Optional[ArrayLike], m: sparse.csr_matrix) -> tuple[FloatArray, bool]:
    n_sectors = m.shape[1]
    if reference is None:
        col = np.asarray(m.sum(axis=0)).ravel()
        total = col.sum()
        if not total > 0:
            raise InputError(_MSG_ALL_ZERO)
        return col / total, True
    r = np.asarray(reference, dtype=np.float64).ravel()
    if r.shape[0] != n_sectors:
        raise InputError(_MSG_REFERENCE, n=n_sectors, problem=f"{r.shape[0]} values")
    bad = np.flatnonzero(~(np.isfinite(r) & (r >= 0)))
    if bad.size:
        raise InputError(
            _MSG_REFERENCE, bad, n=n_sectors, problem=f"sectors {bad[:10].tolist()} missing or < 0"
        )
    if not r.sum() > 0:
        raise InputError(_MSG_REFERENCE, n=n_sectors, problem="all zero")
    return r / r.sum(), False


def _xlogx(x: FloatArray) -> FloatArray:
    """``x ln x`` with ``0 ln 0 = 0``."""
    out = np.zeros_like(x)
    pos = x > 0
    out[pos] = x[pos] * np.log(x[pos])
    return out


def specialisation_indices(
    counts: MatrixLike,
    *,
    reference: Optional[ArrayLike] = None,
    groups: Optional[ArrayLike] = None,
    n_sectors_reference: Optional[int] = None,
    names: Optional[Sequence[str]] = None,
    sectors: Optional[Sequence[str]] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> SpecialisationResult:
    """Location quotients, Krugman, Hoover, HHI, Shannon, Hachman and related / unrelated
    variety of each territory (formulas in the module docstring).

    Parameters
    ----------
    counts
        ``(n_territories, n_sectors)`` counts, sparse (any scipy format) or dense; finite,
        ``≥ 0``. :func:`count_matrix` and :func:`sector_counts` build it from long rows.
    reference
        ``(n_sectors,)`` reference counts or shares (normalised to sum 1), e.g. national jobs by
        sector; default: the column totals of ``counts`` (the study area).
    groups
        ``(n_sectors,)`` group label of each sector (e.g. the NAF division of each sous-classe,
        :meth:`~.naf.NafTable.aggregate`) for related and unrelated variety; None: NaN.
    n_sectors_reference
        ``N`` of the normalised HHI and Shannon indices (default ``n_sectors``: give the matrix
        every sector of the level, or the level's size here).
    names, sectors
        Territory and sector names, for the warnings.
    progress, is_canceled
        Callbacks (:mod:`..routing.callbacks`).

    Returns
    -------
    SpecialisationResult

    Raises
    ------
    InputError
        A matrix with missing or negative values (territories named), a reference or groups of
        the wrong length or with bad values, ``N`` below the number of sectors, nothing counted
        and no reference.
    """
    m = _as_csr(counts)
    n, n_sec = m.shape
    big_n = n_sec if n_sectors_reference is None else int(n_sectors_reference)
    if big_n < n_sec:
        raise InputError(_MSG_N_SECTORS, given=big_n, seen=n_sec)
    ref, own = _reference(reference, m)
    check_canceled(is_canceled)
    tick(progress, 0.1)

    total = np.asarray(m.sum(axis=1)).ravel()
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(m.indptr))
    cols = m.indices.astype(np.int64)
    s = m.data / total[rows]
    r_e = ref[cols]
    with np.errstate(divide="ignore", invalid="ignore"):
        lq_data = np.where(r_e > 0, s / np.where(r_e > 0, r_e, 1.0), np.nan)
    lq = sparse.csr_matrix((lq_data, m.indices.copy(), m.indptr.copy()), shape=m.shape)

    def per_row(values: FloatArray) -> FloatArray:
        return np.bincount(rows, weights=values, minlength=n)

    empty = ~(total > 0)
    nan = np.where(empty, np.nan, 0.0)  # adds NaN to the empty territories
    krugman = ref.sum() + per_row(np.abs(s - r_e) - r_e) + nan
    hhi = per_row(s * s) + nan
    shannon = -per_row(_xlogx(s)) + nan
    absent = np.zeros(n, dtype=bool)
    absent_sectors = np.unique(cols[r_e <= 0])
    if absent_sectors.size:
        absent[np.unique(rows[r_e <= 0])] = True
    with np.errstate(divide="ignore", invalid="ignore"):
        hachman = 1.0 / per_row(np.where(r_e > 0, s * lq_data, 0.0)) + nan
    hachman[absent] = np.nan
    check_canceled(is_canceled)
    tick(progress, 0.5)

    if big_n > 1:
        hhi_norm = (hhi - 1.0 / big_n) / (1.0 - 1.0 / big_n)
        shannon_norm = shannon / np.log(big_n)
    else:
        hhi_norm = np.full(n, np.nan)
        shannon_norm = np.full(n, np.nan)

    # Related / unrelated variety.
    uv = np.full(n, np.nan)
    rv = np.full(n, np.nan)
    n_groups = 0
    if groups is not None:
        g_arr = np.asarray(groups).ravel()
        if g_arr.shape[0] != n_sec:
            raise InputError(_MSG_GROUPS, n=n_sec, got=g_arr.shape[0])
        _, g_of_sector = np.unique(g_arr, return_inverse=True)
        n_groups = int(g_of_sector.max()) + 1 if n_sec else 0
        key = rows * max(n_groups, 1) + g_of_sector[cols]
        ukey, inv = np.unique(key, return_inverse=True)
        p_group = np.bincount(inv, weights=s)  # P_g per (territory, group) present
        g_rows = ukey // max(n_groups, 1)
        uv = -np.bincount(g_rows, weights=_xlogx(p_group), minlength=n) + nan
        # RV = Σ_g P_g H_g = −Σ_i s_i ln(s_i / P_g(i)), on the non-zero entries.
        rv = -per_row(s * np.log(s / p_group[inv])) + nan
    check_canceled(is_canceled)
    tick(progress, 0.9)

    empty_rows = np.flatnonzero(empty).astype(np.int64)
    warnings: list[Message] = []
    if empty_rows.size:
        warnings.append(
            Message(
                _MSG_EMPTY,
                {
                    "n": int(empty_rows.size),
                    "rows": _rows_text(empty_rows, names),
                    "row_ids": empty_rows.tolist(),
                },
            )
        )
    if absent_sectors.size:
        warnings.append(
            Message(
                _MSG_ABSENT_REFERENCE,
                {
                    "n": int(absent_sectors.size),
                    "sectors": _rows_text(absent_sectors, sectors),
                    "sector_ids": absent_sectors.tolist(),
                },
            )
        )
    tick(progress, 1.0)
    return SpecialisationResult(
        total=total,
        lq=lq,
        krugman=krugman,
        hoover=krugman / 2.0,
        hhi=hhi,
        hhi_normalised=hhi_norm,
        shannon=shannon,
        shannon_normalised=shannon_norm,
        hachman=hachman,
        unrelated_variety=uv,
        related_variety=rv,
        n_sectors_present=np.diff(m.indptr).astype(np.int64),
        n_sectors_reference=big_n,
        n_groups=n_groups,
        reference_shares=ref,
        reference_is_study_area=own,
        empty_territories=empty_rows,
        absent_from_reference=absent_sectors.astype(np.int64),
        warnings=warnings,
    )


def sector_balance(
    counts: MatrixLike, *, reference: Optional[ArrayLike] = None
) -> tuple[FloatArray, FloatArray]:
    """Over- and under-representation of each sector in each territory, as counts.

    ``gap_ij = e_ij − e_j · R_i``: the jobs (or establishments) of sector ``i`` in territory ``j``
    above (surplus) or below (deficit) what the reference structure would give the territory's
    total (SUPPLY_AND_COMPLEMENTARITY.md §B8, the "excess" employment of the FLQ approach). A
    surplus is a relative specialisation, not a measured export: name the result accordingly.

    Parameters
    ----------
    counts
        ``(n_territories, n_sectors)`` counts; use a coarse level (A17, A38): the deficit part is
        dense (every sector a territory lacks), so the output is ``2 × n × n_sectors`` floats.
    reference
        Reference counts or shares (default: the study area's totals).

    Returns
    -------
    (surplus, deficit)
        Two dense ``(n_territories, n_sectors)`` arrays ``≥ 0``, ``surplus − deficit = gap``;
        both 0 for a territory without counts.
    """
    m = _as_csr(counts)
    ref, _ = _reference(reference, m)
    total = np.asarray(m.sum(axis=1)).ravel()
    gap = m.toarray() - total[:, None] * ref[None, :]
    return np.maximum(gap, 0.0), np.maximum(-gap, 0.0)
