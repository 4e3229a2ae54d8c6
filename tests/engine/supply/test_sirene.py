"""SIRENE stock reader (``reterr_qgis.engine.supply.sirene``), no QGIS.

Fixtures are written in the published layout (54 columns, UTF-8, comma, header, quotes only where
a value holds a comma or a quote). Expected values are hand-counted on small files, and checked
against ``pandas.read_csv`` (an independent CSV parser) on a random file with quoted values,
CRLF line ends, blank lines and tiny read blocks.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pytest

from reterr_qgis.engine import Canceled, InputError
from reterr_qgis.engine.supply import sirene
from reterr_qgis.engine.supply.sirene import ETABLISSEMENT_COLUMNS, UNITE_LEGALE_COLUMNS

RODEZ, MILLAU, PARIS8 = "12202", "12145", "75108"


def row(siren: str, nic: str, commune: str, **kw: str) -> dict[str, str]:
    """One establishment with sensible defaults (active, located, NAF rév. 2)."""
    r = {c: "" for c in ETABLISSEMENT_COLUMNS}
    r.update(
        siren=siren,
        nic=nic,
        siret=siren + nic,
        statutDiffusionEtablissement="O",
        trancheEffectifsEtablissement="NN",
        etablissementSiege="false",
        codeCommuneEtablissement=commune,
        coordonneeLambertAbscisseEtablissement="660000.5",
        coordonneeLambertOrdonneeEtablissement="6360000.25",
        etatAdministratifEtablissement="A",
        activitePrincipaleEtablissement="10.71C",
        nomenclatureActivitePrincipaleEtablissement="NAFRev2",
        activitePrincipaleNAF25Etablissement="10.71C",
    )
    r.update(kw)
    return r


def write_stock(
    path: Path,
    rows: list[dict[str, str]],
    columns=ETABLISSEMENT_COLUMNS,
    *,
    newline: str = "\n",
    encoding: str = "utf-8",
    blank_lines: bool = False,
) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(columns)
    for i, r in enumerate(rows):
        w.writerow([r.get(c, "") for c in columns])
        if blank_lines and i % 3 == 1:
            buf.write(newline)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


@pytest.fixture
def small(tmp_path: Path) -> Path:
    rows = [
        # Legal unit 100000001: head office in Paris (8th arrondissement), two shops in Aveyron.
        row(
            "100000001",
            "00011",
            PARIS8,
            etablissementSiege="true",
            trancheEffectifsEtablissement="12",
        ),
        row("100000001", "00029", RODEZ, trancheEffectifsEtablissement="01"),
        row("100000001", "00037", MILLAU, etatAdministratifEtablissement="F"),
        # Legal unit 200000002: head office in Rodez, one closed and one unlocated establishment.
        row(
            "200000002",
            "00012",
            RODEZ,
            etablissementSiege="true",
            trancheEffectifsEtablissement="03",
            enseigne1Etablissement="CAFE, BAR DES SPORTS",
        ),
        row(
            "200000002",
            "00020",
            MILLAU,
            coordonneeLambertAbscisseEtablissement="",
            coordonneeLambertOrdonneeEtablissement="",
            trancheEffectifsEtablissement="53",
        ),
        # Not diffusible: coordinates masked.
        row(
            "300000003",
            "00013",
            MILLAU,
            statutDiffusionEtablissement="P",
            coordonneeLambertAbscisseEtablissement="[ND]",
            coordonneeLambertOrdonneeEtablissement="[ND]",
            trancheEffectifsEtablissement="",
            enseigne1Etablissement='BOUCHERIE "LE BON" GOÛT',
        ),
        # Old nomenclature, unknown size class, no head-office row for its unit.
        row(
            "400000004",
            "00014",
            RODEZ,
            activitePrincipaleEtablissement="15.8C",
            nomenclatureActivitePrincipaleEtablissement="NAFRev1",
            trancheEffectifsEtablissement="99",
        ),
        # Elsewhere (Lozère).
        row("500000005", "00015", "48095", etablissementSiege="true"),
    ]
    return write_stock(tmp_path / "StockEtablissement_utf8.csv", rows)


# ---- the shipped size-class table ---------------------------------------------------------------


def test_tranches_are_the_basic_midpoints():
    table = sirene.load_tranches()
    # METHODS.md §2.4 / BASIC "effectif moyen modélisé", written out by hand.
    expected = {
        "NN": 1, "00": 1, "01": 1.5, "02": 4, "03": 7.5, "11": 14.5, "12": 34.5, "21": 74.5,
        "22": 149.5, "31": 224.5, "32": 374.5, "41": 749.5, "42": 1499.5, "51": 3499.5,
        "52": 7499.5, "53": 15000,
    }  # fmt: skip
    assert {k: t.jobs for k, t in table.items()} == expected
    for t in table.values():
        assert t.source and t.status in ("confirme", "a_verifier")
        if t.salaries_max is not None and t.code not in ("NN", "00"):
            # Closed classes: the midpoint of [min, max] (BASIC's figures are exactly that).
            assert t.jobs == pytest.approx((t.salaries_min + t.salaries_max) / 2)


def test_jobs_from_tranches_unknown_codes_count_as_nn():
    jobs, unknown = sirene.jobs_from_tranches(["01", "", "12", "XX", "NN"])
    np.testing.assert_array_equal(jobs, [1.5, 1, 34.5, 1, 1])
    assert unknown == {"": 1, "XX": 1}


# ---- reading ------------------------------------------------------------------------------------


def test_filter_counts_and_values(small: Path):
    est = sirene.read_stock_etablissement(small, [RODEZ, MILLAU])
    rep = est.report
    # Kept: the active rows of Rodez and Millau, in file order.
    assert est.siret.tolist() == [
        "10000000100029",
        "20000000200012",
        "20000000200020",
        "30000000300013",
        "40000000400014",
    ]
    assert rep.rows_read == 8 and rep.rows_kept == 5
    assert rep.closed == 1  # 100000001 00037 in Millau
    assert rep.outside == 2  # Paris 8e and Lozère
    assert rep.malformed == 0
    assert est.commune.tolist() == [RODEZ, RODEZ, MILLAU, MILLAU, RODEZ]
    assert est.active.all()
    # Jobs: 01 → 1.5, 03 → 7.5, 53 → 15000, empty → NN (1), unknown 99 → NN (1).
    np.testing.assert_array_equal(est.jobs, [1.5, 7.5, 15000, 1, 1])
    assert rep.unknown_tranches == {"": 1, "99": 1}
    # Coordinates: one empty, one masked; the others read exactly.
    np.testing.assert_array_equal(est.located, [True, True, False, False, True])
    assert np.isnan(est.x[2]) and np.isnan(est.y[3])
    assert est.x[0] == 660000.5 and est.y[0] == 6360000.25
    assert (rep.no_coordinates, rep.masked_coordinates, rep.invalid_coordinates) == (1, 1, 0)
    assert rep.without_coordinates == 2
    # NAF rév. 2 only where the nomenclature says so.
    assert est.naf2.tolist() == ["10.71C"] * 4 + [""]
    assert rep.other_nomenclature == {"NAFRev1": 1}
    assert rep.has_naf25 and est.naf25[0] == "10.71C"
    # Quoted values come back unquoted.
    assert est.extra["enseigne1Etablissement"][1] == "CAFE, BAR DES SPORTS"
    assert est.extra["enseigne1Etablissement"][3] == 'BOUCHERIE "LE BON" GOÛT'
    # Head offices: Paris (outside the filter, arrondissement → city), Rodez, unknown.
    assert est.siege_commune.tolist() == ["75056", RODEZ, RODEZ, "", ""]
    assert est.siege.tolist() == [False, True, False, False, False]
    assert rep.siege_rows == 3
    assert rep.siege_unknown == 2  # 300000003 and 400000004
    assert rep.siege_outside == 1
    assert rep.warnings  # unlocated, old nomenclature, tranches, unknown head offices
    np.testing.assert_array_equal(est.source_row, [1, 3, 4, 5, 6])


def test_closed_kept_when_asked(small: Path):
    est = sirene.read_stock_etablissement(small, [MILLAU], active_only=False)
    assert est.siret.tolist() == ["10000000100037", "20000000200020", "30000000300013"]
    assert est.active.tolist() == [False, True, True]
    assert est.report.closed == 0


def test_paris_arrondissements_match_the_city_code(small: Path):
    est = sirene.read_stock_etablissement(small, ["75056"])
    assert est.siret.tolist() == ["10000000100011"]
    assert est.commune.tolist() == ["75056"] and est.commune_raw.tolist() == [PARIS8]


def test_no_commune_filter_keeps_every_active_row(small: Path):
    est = sirene.read_stock_etablissement(small, None, head_offices=False)
    assert len(est) == 7 and est.report.outside == 0
    assert (est.siege_commune == "").all() and est.report.siege_rows == 0


def test_head_office_before_or_after_and_tiny_blocks(tmp_path: Path):
    rows = [
        row("600000006", "00010", RODEZ),  # before its head office row
        row("600000006", "00028", "31555", etablissementSiege="true"),
        row("600000006", "00036", MILLAU),  # after it
    ]
    path = write_stock(tmp_path / "s.csv", rows)
    for block in (64, 300, 1 << 20):  # 64 bytes: every record longer than a block
        est = sirene.read_stock_etablissement(path, [RODEZ, MILLAU], block_bytes=block)
        assert est.siege_commune.tolist() == ["31555", "31555"]
        assert est.siret.tolist() == ["60000000600010", "60000000600036"]


def test_crlf_bom_blank_lines_and_malformed(tmp_path: Path):
    rows = [row(f"7000000{i:02d}", "00010", RODEZ) for i in range(6)]
    path = write_stock(tmp_path / "s.csv", rows, newline="\r\n", blank_lines=True)
    data = path.read_bytes()
    # A BOM, and one record cut short (a field missing) in the middle.
    lines = data.split(b"\r\n")
    lines[4] = lines[4].rsplit(b",", 1)[0]
    path.write_bytes(b"\xef\xbb\xbf" + b"\r\n".join(lines))
    est = sirene.read_stock_etablissement(path, [RODEZ])
    assert est.report.malformed == 1
    assert len(est) == 5
    # The last field (NAF 2025) is read without the carriage return.
    assert set(est.naf25.tolist()) == {"10.71C"}
    assert any("malformed" in str(w) for w in est.report.warnings)


def test_naf25_column_optional(tmp_path: Path):
    cols = [c for c in ETABLISSEMENT_COLUMNS if c != "activitePrincipaleNAF25Etablissement"]
    path = write_stock(tmp_path / "s.csv", [row("800000008", "00010", RODEZ)], cols)
    est = sirene.read_stock_etablissement(path, [RODEZ])
    assert not est.report.has_naf25 and est.naf25.tolist() == [""]
    assert est.naf2.tolist() == ["10.71C"]


def test_columns_in_another_order_and_case(tmp_path: Path):
    cols = list(reversed(ETABLISSEMENT_COLUMNS))
    path = write_stock(tmp_path / "s.csv", [row("800000008", "00010", RODEZ)], cols)
    text = path.read_text(encoding="utf-8").splitlines()
    text[0] = text[0].lower()
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    est = sirene.read_stock_etablissement(path, [RODEZ])
    assert est.siret.tolist() == ["80000000800010"] and est.jobs.tolist() == [1.0]


# ---- bad input ----------------------------------------------------------------------------------


def test_missing_columns_are_named(tmp_path: Path):
    cols = [
        c
        for c in ETABLISSEMENT_COLUMNS
        if c not in ("codeCommuneEtablissement", "coordonneeLambertAbscisseEtablissement")
    ]
    path = write_stock(tmp_path / "s.csv", [row("800000008", "00010", RODEZ)], cols)
    with pytest.raises(InputError) as err:
        sirene.read_stock_etablissement(path, [RODEZ])
    msg = err.value.message
    assert "codeCommuneEtablissement" in msg and "coordonneeLambertAbscisseEtablissement" in msg
    assert "StockEtablissement" in msg


def test_semicolon_file_refused(tmp_path: Path):
    path = tmp_path / "s.csv"
    path.write_text(";".join(ETABLISSEMENT_COLUMNS) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="not comma-separated"):
        sirene.read_stock_etablissement(path, [RODEZ])


def test_latin1_file_refused_with_its_line(tmp_path: Path):
    rows = [row("800000008", "00010", RODEZ, libelleVoieEtablissement="DE L'ÉGLISE")]
    path = write_stock(tmp_path / "s.csv", rows, encoding="latin-1")
    with pytest.raises(InputError) as err:
        sirene.read_stock_etablissement(path, [RODEZ])
    assert "not UTF-8" in err.value.message and "line 2" in err.value.message


def test_latin1_row_beyond_the_first_block(tmp_path: Path):
    rows = [row(f"9000000{i:02d}", "00010", RODEZ) for i in range(20)]
    path = write_stock(tmp_path / "s.csv", rows)
    lines = path.read_bytes().split(b"\n")
    lines[15] = lines[15].replace(b",A,,", b",A,\xc9COLE,")  # a Latin-1 É in enseigne1
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(InputError) as err:
        sirene.read_stock_etablissement(path, [RODEZ], block_bytes=1024)
    assert "line 16" in err.value.message


def test_empty_missing_file_and_bad_codes(tmp_path: Path, small: Path):
    with pytest.raises(InputError, match="not found"):
        sirene.read_stock_etablissement(tmp_path / "none.csv", [RODEZ])
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        sirene.read_stock_etablissement(tmp_path / "empty.csv", [RODEZ])
    with pytest.raises(InputError, match="5 characters"):
        sirene.read_stock_etablissement(small, ["1220"])
    with pytest.raises(InputError, match="at least one commune"):
        sirene.read_stock_etablissement(small, [])
    with pytest.raises(InputError, match="Unknown SIRENE columns"):
        sirene.read_stock_etablissement(small, [RODEZ], columns=["nomUniteLegale"])


def test_cancel_and_progress(small: Path):
    seen: list[float] = []
    sirene.read_stock_etablissement(small, [RODEZ], progress=seen.append, block_bytes=256)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(Canceled):
        sirene.read_stock_etablissement(small, [RODEZ], is_canceled=lambda: True)


# ---- against an independent parser --------------------------------------------------------------

WORDS = ["RUE", "DU", "MOULIN", "L'ÉGLISE", "CAFÉ", "BAR", "a,b", 'DIT "LE"', "", "ÂNE"]


def random_rows(rng: np.random.Generator, n: int) -> list[dict[str, str]]:
    communes = [RODEZ, MILLAU, "12001", "48095", "81004", "2A004", ""]
    rows = []
    for _ in range(n):
        siren = f"{100000000 + int(rng.integers(0, n // 2 + 1)):09d}"
        r = row(
            siren,
            f"{int(rng.integers(0, 99999)):05d}",
            communes[int(rng.integers(0, len(communes)))],
            etablissementSiege="true" if rng.random() < 0.5 else "false",
            etatAdministratifEtablissement="A" if rng.random() < 0.6 else "F",
            trancheEffectifsEtablissement=["NN", "01", "12", "53", ""][int(rng.integers(0, 5))],
        )
        for c in (
            "enseigne1Etablissement",
            "libelleVoieEtablissement",
            "complementAdresseEtablissement",
        ):
            r[c] = " ".join(rng.choice(WORDS, int(rng.integers(0, 4))).tolist())
        if rng.random() < 0.1:
            r["coordonneeLambertAbscisseEtablissement"] = "[ND]"
        rows.append(r)
    return rows


def test_same_as_pandas_read_csv(tmp_path: Path):
    pd = pytest.importorskip("pandas")
    rng = np.random.default_rng(4)
    rows = random_rows(rng, 3000)
    path = write_stock(tmp_path / "r.csv", rows, newline="\r\n", blank_lines=True)
    communes = [RODEZ, MILLAU, "12001", "2A004"]
    df = pd.read_csv(path, dtype=str, keep_default_na=False, skip_blank_lines=True)
    want = df[
        df.codeCommuneEtablissement.isin(communes) & (df.etatAdministratifEtablissement == "A")
    ]
    sieges = df[df.etablissementSiege == "true"].drop_duplicates("siren").set_index("siren")
    for block in (700, 4096, 1 << 20):
        est = sirene.read_stock_etablissement(
            path,
            communes,
            block_bytes=block,
            columns=["enseigne1Etablissement", "libelleVoieEtablissement"],
        )
        assert est.siret.tolist() == want.siret.tolist()
        for name in ("enseigne1Etablissement", "libelleVoieEtablissement"):
            assert est.extra[name].tolist() == [v.strip() for v in want[name]]
        assert est.report.closed == int(
            (
                df.codeCommuneEtablissement.isin(communes)
                & (df.etatAdministratifEtablissement != "A")
            ).sum()
        )
        assert est.report.outside == int((~df.codeCommuneEtablissement.isin(communes)).sum())
        expected_siege = sieges.codeCommuneEtablissement.reindex(want.siren).fillna("")
        assert est.siege_commune.tolist() == expected_siege.tolist()
        x = pd.to_numeric(want.coordonneeLambertAbscisseEtablissement, errors="coerce").to_numpy()
        np.testing.assert_array_equal(np.isnan(est.x), np.isnan(x))


# ---- StockUniteLegale ---------------------------------------------------------------------------


def write_units(path: Path, units: list[dict[str, str]]) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(UNITE_LEGALE_COLUMNS)
    for u in units:
        w.writerow([u.get(c, "") for c in UNITE_LEGALE_COLUMNS])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_join_unites_legales(tmp_path: Path, small: Path):
    units = write_units(
        tmp_path / "StockUniteLegale_utf8.csv",
        [
            {"siren": "100000001", "categorieEntreprise": "ETI", "nicSiegeUniteLegale": "00011",
             "economieSocialeSolidaireUniteLegale": "N", "categorieJuridiqueUniteLegale": "5710",
             "trancheEffectifsUniteLegale": "21", "denominationUniteLegale": "SA, DU PAIN"},
            # nicSiege differs from the stock's head-office row (00012).
            {"siren": "200000002", "categorieEntreprise": "PME", "nicSiegeUniteLegale": "00099",
             "economieSocialeSolidaireUniteLegale": "O", "categorieJuridiqueUniteLegale": "5499",
             "trancheEffectifsUniteLegale": "03"},
            {"siren": "500000005", "categorieEntreprise": "GE", "nicSiegeUniteLegale": "00015"},
        ],
    )  # fmt: skip
    est = sirene.read_stock_etablissement(small, [RODEZ, MILLAU], unites_legales=units)
    assert est.unit["categorieEntreprise"].tolist() == ["ETI", "PME", "PME", "", ""]
    assert est.unit["economieSocialeSolidaireUniteLegale"].tolist() == ["N", "O", "O", "", ""]
    assert est.unit["trancheEffectifsUniteLegale"].tolist() == ["21", "03", "03", "", ""]
    assert est.report.units_missing == 2  # 300000003, 400000004
    assert est.report.siege_nic_mismatch == 1  # 200000002
    only = sirene.read_stock_unite_legale(units, ["500000005", "999999999"])
    assert only.siren.tolist() == [500000005] and only.missing == 1 and only.rows_read == 3


def test_unites_legales_missing_columns(tmp_path: Path):
    path = tmp_path / "ul.csv"
    path.write_text("siren,categorieEntreprise\n100000001,PME\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        sirene.read_stock_unite_legale(path, ["100000001"])
    assert "nicSiegeUniteLegale" in err.value.message
    assert "StockUniteLegale" in err.value.message
