"""INSEE flow files (MOBPRO / MOBSCO, detail and aggregated) summed to commune pairs.

Every number is checked against an independent reading of the same file with the ``csv`` module
(the rules written out again here: arrondissements to their city, ``99…`` abroad, ``Z…``
missing), and the totals against the file's own total weight.
"""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from reterr_qgis.engine.complementarity import flows as flows_module
from reterr_qgis.engine.complementarity.flows import (
    OUTSIDE_KINDS,
    aggregate_flows,
    aggregate_matrix,
    decode_keys,
    encode_codes,
    flows_from_pairs,
    read_flow_file,
    reliability,
)
from reterr_qgis.engine.core.errors import InputError

DATA = Path(__file__).resolve().parent / "data"
MOBPRO = DATA / "FD_MOBPRO_extrait_synthetique.csv"
MOBSCO = DATA / "FD_MOBSCO_extrait_synthetique.csv"
FLUX = DATA / "base_flux_mobpro_extrait_synthetique.csv"
CITY = {
    **{f"751{i:02d}": "75056" for i in range(1, 21)},
    **{f"6938{i}": "69123" for i in range(1, 10)},
    **{f"132{i:02d}": "13055" for i in range(1, 17)},
}
AVEYRON = ["12202", "12176", "12145", "12300", "12133", "12089", "12013"]
ENGINES = ["numpy"] + (["compiled"] if flows_module.accelerated() else [])


def reference(path, origin, dest, weight, arm=None, foreign=None, map_arm=True, known=None):
    """The rules of the module, written again with the csv module: (pairs, outside, total)."""
    pairs: dict = defaultdict(float)
    outside: dict = defaultdict(float)
    total = 0.0
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            w = float(row[weight].replace(",", "."))
            total += w
            o = row[origin]
            if arm and not map_arm and row[arm] not in ("", "ZZZZZ"):
                o = row[arm]
            d = row[dest]
            if map_arm:
                o, d = CITY.get(o, o), CITY.get(d, d)
            is_commune = len(d) == 5 and not d.startswith("99") and set(d) != {"Z"}
            if is_commune and (known is None or d in known):
                pairs[(o, d)] += w
            elif d.startswith("99") or (foreign and row[foreign] not in ("", "ZZZZZ")):
                outside[(o, "abroad")] += w
            elif d == "" or set(d) == {"Z"}:
                outside[(o, "missing")] += w
            else:
                outside[(o, "unknown")] += w
    return pairs, outside, total


def assert_same(result, pairs, outside, total):
    assert result.report.total_weight == pytest.approx(total, rel=1e-12)
    assert result.report.accounted_weight == pytest.approx(total, rel=1e-12)
    o, d, w = result.pairs()
    got = {(a, b): v for a, b, v in zip(o.tolist(), d.tolist(), w.tolist())}
    assert set(got) == set(pairs)
    for key, v in pairs.items():
        assert got[key] == pytest.approx(v, rel=1e-12), key
    for (code, kind), v in outside.items():
        i = result.index_of([code])[0]
        assert result.outside[i, OUTSIDE_KINDS.index(kind)] == pytest.approx(v, rel=1e-12)
    assert result.outside.sum() == pytest.approx(sum(outside.values()), rel=1e-12)


# ---------------------------------------------------------------------------------------------
# Layouts and hand-checked sums
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_mobpro_detail_matches_an_independent_reading(engine):
    result = read_flow_file(MOBPRO, engine=engine)
    rep = result.report
    assert rep.layout == "mobpro_detail"
    assert (rep.origin_column, rep.destination_column, rep.weight_column) == (
        "COMMUNE",
        "DCLT",
        "IPONDI",
    )
    assert rep.rows_read == 31 and rep.malformed == 0
    assert_same(result, *reference(MOBPRO, "COMMUNE", "DCLT", "IPONDI", "ARM", "DCFLT"))
    # Hand-checked: Spain abroad, ZZZZZ missing; 12999 is a well-formed code, hence a pair.
    assert rep.outside_rows == {"abroad": 1, "missing": 1, "unknown": 0}
    assert "12999" in result.codes.tolist()
    # The Paris resident (ARM 75108) and the Rodez → Paris 8e worker are counted in Paris.
    assert "75056" in result.codes.tolist() and "75108" not in result.codes.tolist()
    assert rep.arrondissement_rows == 3  # Paris → Rodez, Rodez → Paris, Lyon → Lyon
    assert rep.engine == engine


@pytest.mark.parametrize("engine", ENGINES)
def test_mobsco_and_aggregated_layouts(engine):
    sco = read_flow_file(MOBSCO, engine=engine)
    assert sco.report.layout == "mobsco_detail"
    assert sco.report.destination_column == "DCETUF"
    assert_same(sco, *reference(MOBSCO, "COMMUNE", "DCETUF", "IPONDI", "ARM", "DCETUE"))
    # The place of study abroad is known only through DCETUE (DCETUF = ZZZZZ).
    assert sco.report.outside_rows["abroad"] == 1
    flux = read_flow_file(FLUX, engine=engine)
    assert flux.report.layout == "mobpro_flux"
    assert flux.report.weight_column == "NBFLUX_C21_ACTOCC15P"
    assert_same(flux, *reference(FLUX, "CODGEO", "DCLT", "NBFLUX_C21_ACTOCC15P"))
    # 75108 → 75101 is a flow within Paris once the arrondissements are mapped.
    i = flux.index_of(["75056"])[0]
    assert flux.matrix[i, i] > 0


def test_arrondissements_kept_when_asked():
    result = read_flow_file(MOBPRO, map_arrondissements=False)
    assert_same(
        result, *reference(MOBPRO, "COMMUNE", "DCLT", "IPONDI", "ARM", "DCFLT", map_arm=False)
    )
    codes = result.codes.tolist()
    assert "75108" in codes and "69383" in codes and "75056" not in codes
    assert result.report.arrondissement_rows == 0


def test_known_communes_send_other_codes_to_unknown():
    known = set(AVEYRON) | {"75056", "69123", "81004", "31555"}
    result = read_flow_file(MOBPRO, known_communes=sorted(known))
    pairs, outside, total = reference(
        MOBPRO, "COMMUNE", "DCLT", "IPONDI", "ARM", "DCFLT", known=known
    )
    assert_same(result, pairs, outside, total)
    assert result.report.outside_rows["unknown"] == 1
    assert list(result.report.unknown_destinations) == ["12999"]
    assert "12999" not in result.codes.tolist()
    # A residence outside the known communes is counted apart, in no pair.
    partial = read_flow_file(MOBPRO, known_communes=sorted(known - {"81004"}))
    rep = partial.report
    assert rep.origin_unusable_rows == 2 and list(rep.unknown_origins) == ["81004"]
    assert rep.accounted_weight == pytest.approx(rep.total_weight, rel=1e-12)


def test_filter_keeps_rows_touching_the_study_area():
    result = read_flow_file(MOBPRO, communes=AVEYRON)
    rep = result.report
    pairs, _, total = reference(MOBPRO, "COMMUNE", "DCLT", "IPONDI", "ARM", "DCFLT")
    kept = {k: v for k, v in pairs.items() if k[0] in AVEYRON or k[1] in AVEYRON}
    o, d, w = result.pairs()
    assert dict(zip(zip(o.tolist(), d.tolist()), w.tolist())) == pytest.approx(kept, rel=1e-12)
    dropped = sum(v for k, v in pairs.items() if k not in kept)
    assert rep.filtered_weight == pytest.approx(dropped, rel=1e-12)
    assert rep.filtered_rows == 3  # Lyon → Lyon, Toulouse → Toulouse (2)
    assert rep.accounted_weight == pytest.approx(total, rel=1e-12)
    # Albi → Rodez is kept (destination in the area), and every Aveyron commune is indexed.
    assert ("81004", "12202") in kept
    assert set(AVEYRON) <= set(result.codes.tolist())


# ---------------------------------------------------------------------------------------------
# Variants of the same file: commas, quotes, CRLF, blanks, no final newline, tiny blocks
# ---------------------------------------------------------------------------------------------


def _variant(tmp_path, name, transform):
    text = MOBPRO.read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(transform(text).encode("utf-8"))
    return path


def _same_sums(a, b):
    assert np.array_equal(a.codes, b.codes)
    assert (a.matrix != b.matrix).nnz == 0 or np.allclose(
        a.matrix.toarray(), b.matrix.toarray(), rtol=1e-15, atol=0
    )
    np.testing.assert_allclose(a.outside, b.outside, rtol=1e-15)


@pytest.mark.parametrize("engine", ENGINES)
def test_decimal_comma_quotes_crlf_blank_lines(tmp_path, engine):
    base = read_flow_file(MOBPRO, engine=engine)

    def comma(t):
        lines = t.split("\n")
        head = lines[0].split(";")
        j = head.index("IPONDI")
        out = [lines[0]]
        for line in lines[1:]:
            if line:
                parts = line.split(";")
                parts[j] = parts[j].replace(".", ",")
                line = ";".join(parts)
            out.append(line)
        return "\n".join(out)

    got = read_flow_file(_variant(tmp_path, "comma.csv", comma), engine=engine)
    _same_sums(base, got)
    assert got.report.decimal_comma and not base.report.decimal_comma
    assert any("decimal comma" in str(m) for m in got.report.warnings)

    def quoted(t):
        return "\n".join(
            ";".join(f'"{v}"' for v in line.split(";")) if line else line for line in t.split("\n")
        )

    _same_sums(base, read_flow_file(_variant(tmp_path, "quoted.csv", quoted), engine=engine))
    crlf = _variant(tmp_path, "crlf.csv", lambda t: t.replace("\n", "\r\n"))
    _same_sums(base, read_flow_file(crlf, engine=engine))
    blanks = _variant(tmp_path, "blank.csv", lambda t: t.replace("\n", "\n\n", 5) + "\n\n")
    got = read_flow_file(blanks, engine=engine)
    _same_sums(base, got)
    assert got.report.rows_read == 31
    no_eol = _variant(tmp_path, "noeol.csv", lambda t: t.rstrip("\n"))
    _same_sums(base, read_flow_file(no_eol, engine=engine))
    # Blocks far smaller than a record: every record is carried over block boundaries.
    for block in (64, 257, 1000):
        _same_sums(base, read_flow_file(MOBPRO, engine=engine, block_bytes=block))


def test_compiled_scanner_is_used_when_numba_is_installed():
    # The compiled kernel is checked against the numpy scanner when it loads and dropped if they
    # disagree: with numba installed it must be the one in use, not silently replaced.
    pytest.importorskip("numba")
    if os.environ.get("RETERR_NO_NUMBA", "").strip() not in ("", "0"):
        pytest.skip("RETERR_NO_NUMBA is set")
    assert flows_module.accelerated()
    assert read_flow_file(MOBPRO).report.engine == "compiled"


@pytest.mark.skipif(len(ENGINES) < 2, reason="numba not usable here")
def test_compiled_and_numpy_scanners_agree_bit_for_bit(tmp_path):
    rng = np.random.default_rng(5)
    codes = np.array(
        [f"{d:02d}{i:03d}" for d in (1, 12, 31, 81) for i in range(1, 60)]
        + ["75056", "2A004", "2B033", "12999", "ZZZZZ", "99134", "Z", "", "1234", "A-B12"]
    )
    n = 20_000
    lines = ["CODGEO;LIBGEO;DCLT;L_DCLT;NBFLUX_C21_ACTOCC15P"]
    w = rng.gamma(2.0, 30.0, n)
    fmt = rng.integers(0, 4, n)
    for k in range(n):
        o, d = codes[rng.integers(0, codes.size)], codes[rng.integers(0, codes.size)]
        value = (
            f"{w[k]:.15f}",
            f"{w[k]:.3f}".replace(".", ","),
            f"{int(w[k])}",
            f"{w[k]:.22f}",
        )[fmt[k]]
        lines.append(f"{o};nom;{d};nom;{value}")
    path = tmp_path / "flux.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    a = read_flow_file(path, engine="compiled", block_bytes=4096)
    b = read_flow_file(path, engine="numpy", block_bytes=4096)
    assert np.array_equal(a.codes, b.codes)
    assert np.array_equal(a.matrix.indptr, b.matrix.indptr)
    assert np.array_equal(a.matrix.indices, b.matrix.indices)
    assert np.array_equal(a.matrix.data, b.matrix.data)
    assert np.array_equal(a.outside, b.outside)
    assert a.report.total_weight == b.report.total_weight
    assert a.report.origin_unusable_rows == b.report.origin_unusable_rows > 0
    assert a.report.accounted_weight == pytest.approx(a.report.total_weight, rel=1e-12)
    # 22 decimals: the first 18 digits are kept (≤ 1e-15 relative from the exact value).
    ref = sum(float(line.rsplit(";", 1)[1].replace(",", ".")) for line in lines[1:])
    assert a.report.total_weight == pytest.approx(ref, rel=1e-12)


# ---------------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_weight_that_is_not_a_number_names_its_line(tmp_path, engine):
    lines = MOBPRO.read_text(encoding="utf-8").split("\n")
    parts = lines[7].split(";")
    parts[16] = "4.2e3x"
    lines[7] = ";".join(parts)
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_flow_file(path, engine=engine, block_bytes=300)
    assert "line 8" in err.value.message and "IPONDI" in err.value.message
    assert "4.2e3x" in err.value.message


@pytest.mark.parametrize("engine", ENGINES)
def test_malformed_rows_are_counted_and_named(tmp_path, engine):
    lines = MOBPRO.read_text(encoding="utf-8").split("\n")
    lines[4] = lines[4] + ";extra"
    lines[10] = ";".join(lines[10].split(";")[:20])
    path = tmp_path / "malformed.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = read_flow_file(path, engine=engine)
    rep = result.report
    assert rep.malformed == 2 and rep.first_malformed_line == 5
    assert rep.rows_read == 31
    assert "line 5" in str(rep.warnings[0])
    assert rep.accounted_weight == pytest.approx(rep.total_weight, rel=1e-12)


def test_not_a_flow_file_names_the_expected_columns(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("code;nom;valeur\n12202;Rodez;3\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_flow_file(path)
    msg = err.value.message
    assert "code, nom, valeur" in msg
    for column in ("IPONDI", "DCLT", "DCETUF", "NBFLUX_C<yy>_ACTOCC15P", "CODGEO"):
        assert column in msg
    # A base flux without its NBFLUX column is not accepted either.
    path.write_text("CODGEO;LIBGEO;DCLT;L_DCLT;TOTAL\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_flow_file(path)
    with pytest.raises(InputError, match="not found"):
        read_flow_file(tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_flow_file(tmp_path / "empty.csv")


def test_bad_filter_codes():
    with pytest.raises(InputError, match="5 letters or digits"):
        read_flow_file(MOBPRO, communes=["12202", "1220"])


# ---------------------------------------------------------------------------------------------
# From arrays, keys, reliability, aggregation
# ---------------------------------------------------------------------------------------------


def test_flows_from_pairs_equals_the_file_reader():
    with open(MOBPRO, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    origins = [r["ARM"] if r["ARM"] != "ZZZZZ" else r["COMMUNE"] for r in rows]
    dest = [r["DCLT"] if r["DCFLT"] == "ZZZZZ" else "99134" for r in rows]
    got = flows_from_pairs(origins, dest, [float(r["IPONDI"]) for r in rows], communes=AVEYRON)
    want = read_flow_file(MOBPRO, communes=AVEYRON)
    assert np.array_equal(got.codes, want.codes)
    np.testing.assert_allclose(got.matrix.toarray(), want.matrix.toarray(), rtol=1e-12)
    np.testing.assert_allclose(got.outside, want.outside, rtol=1e-12)
    assert got.report.filtered_weight == pytest.approx(want.report.filtered_weight)
    with pytest.raises(InputError) as err:
        flows_from_pairs(["12202", "12176"], ["12202", "12202"], [1.0, -2.0])
    assert err.value.rows == [1]


def test_code_keys_round_trip_and_specials():
    codes = ["12202", "2A004", "2b033", "75056", "99134", "ZZZZZ", "Z", "", "1234", "12-02"]
    keys = encode_codes(codes)
    assert keys[5] == keys[6] == flows_module.KEY_Z and keys[7] == flows_module.KEY_EMPTY
    assert keys[8] == keys[9] == flows_module.KEY_INVALID
    assert decode_keys(keys[:5]).tolist() == ["12202", "2A004", "2B033", "75056", "99134"]
    # Key order is the codes' order (digits before letters), as the matrix index needs.
    assert np.all(np.diff(encode_codes(sorted(["01001", "12202", "2A004", "2B033", "97411"])))) > 0


def test_reliability_thresholds():
    got = reliability([0, 199.999, 200, 350, 500, 500.001, 1e6])
    assert got.tolist() == [0, 0, 1, 1, 1, 2, 2]
    assert flows_module.RELIABILITY_LABELS[0][0].startswith("à utiliser avec prudence")


def test_aggregate_flows_conserves_every_flow():
    flows = read_flow_file(MOBPRO)
    communes = ["12202", "12176", "12133", "12145", "12300", "12089", "81004"]
    zones = ["CA Rodez", "CA Rodez", "CA Rodez", "CC Millau", "CC Villefranche", "CC Decaz", "Albi"]
    z = aggregate_flows(flows, communes, zones)
    assert z.zones.tolist() == sorted(set(zones))
    total_pairs = flows.matrix.sum()
    assert z.matrix.sum() + z.to_unzoned.sum() + z.from_unzoned.sum() + z.unzoned_internal == (
        pytest.approx(total_pairs, rel=1e-12)
    )
    assert z.outside.sum() + z.unzoned_outside == pytest.approx(flows.outside.sum(), rel=1e-12)
    # Hand check: Rodez agglomeration internal = the pairs among its three communes.
    idx = flows.index_of(["12202", "12176", "12133"])
    want = flows.matrix[idx][:, idx].sum()
    r = z.zones.tolist().index("CA Rodez")
    assert z.matrix[r, r] == pytest.approx(want, rel=1e-12)
    # The communes of the flows outside the zoning are named.
    assert set(z.missing_communes.tolist()) == {"12013", "12999", "31555", "69123", "75056"}
    assert "12013" in str(z.warnings[0])
    assert z.n_communes.sum() == 7
    # Explicit zone order, with a zone that has no commune of the flows.
    z2 = aggregate_flows(flows, communes, zones, zones=["Albi", "CA Rodez", "Vide", "CC Millau"])
    assert z2.zones.tolist() == ["Albi", "CA Rodez", "Vide", "CC Millau"]
    assert z2.matrix[2].sum() == 0 and z2.n_communes[2] == 0
    with pytest.raises(InputError, match="several zones"):
        aggregate_flows(flows, ["12202", "12202"], ["A", "B"])


def test_aggregate_matrix_by_hand():
    m = sparse.csr_matrix(np.array([[5.0, 1, 2, 0], [3, 4, 0, 1], [0, 2, 6, 0], [1, 0, 0, 2]]))
    zm, to_u, from_u, internal = aggregate_matrix(m, [0, 0, 1, -1], 2)
    assert zm.toarray().tolist() == [[13.0, 2.0], [2.0, 6.0]]
    assert to_u.tolist() == [1.0, 0.0] and from_u.tolist() == [1.0, 0.0] and internal == 2.0
    with pytest.raises(InputError, match="square"):
        aggregate_matrix(sparse.csr_matrix((2, 3)), [0, 0], 1)
