"""BPE code table and reader of the geolocated BPE file (``reterr_qgis.engine.services.bpe``), no QGIS.

The CSV fixtures are written in the published format (``;``-separated, upper-case header, quality
spelled out up to 2021 and coded from 2023, UTF-8 or Latin-1, decimal comma in some extracts).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from reterr_qgis.engine import Canceled, InputError
from reterr_qgis.engine.services import bpe

TABLE_DIR = Path(__file__).resolve().parents[3] / "resources" / "bpe"
VINTAGES = (2021, 2022, 2023, 2024)
HEADER = "REG;DEP;DEPCOM;DCIRIS;AN;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY"


@pytest.fixture(scope="module")
def table() -> bpe.CodeTable:
    return bpe.load_code_table()


def read_rows(name: str) -> list[dict[str, str]]:
    with open(TABLE_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


# ---- the code table itself --------------------------------------------------------------------


def test_table_files_exist():
    for name in ("typequ.csv", "crosswalk_2023.csv", "baskets.csv", "README.md"):
        assert (TABLE_DIR / name).is_file(), name


def test_code_vintage_keys_unique():
    ranges: dict[str, list[tuple[int, int]]] = {}
    for row in read_rows("typequ.csv"):
        lo = int(row["vintage_from"])
        hi = int(row["vintage_to"]) if row["vintage_to"] else 9999
        assert lo <= hi, row
        ranges.setdefault(row["typequ"], []).append((lo, hi))
    for code, spans in ranges.items():
        for v in range(2015, 2030):
            assert sum(lo <= v <= hi for lo, hi in spans) <= 1, (code, v)


def test_domains_a_to_g_only():
    for row in read_rows("typequ.csv"):
        code = row["typequ"]
        assert len(code) == 4 and code[1:].isdigit(), code
        assert row["domain"] in "ABCDEFG" and len(row["domain"]) == 1, code
        assert code[0] == row["domain"] and row["subdomain"] == code[:2], code
        assert row["label_fr"] and row["label_en"], code
        assert row["gamme"] in ("", *bpe.GAMMES), code
        assert row["basket_insee2016"] in ("0", "1") and row["basket_ot2024"] in ("0", "1")


def test_type_counts_per_vintage(table):
    # INSEE: 188 types in the 2021 vintage, 209 in 2023 (METHODS.md §1.5).
    assert len(table.codes(2021)) == 188
    assert len(table.codes(2023)) == 209
    assert len(table.codes(2024)) >= 209
    # every domain of the BPE is covered in every vintage
    for v in VINTAGES:
        assert {t.domain for t in table.types_of(v)} == set("ABCDEFG"), v


def test_basket_codes_exist_in_their_vintage(table):
    assert {"ot2024", "insee2016"} <= set(table.baskets)
    for basket in table.baskets.values():
        assert basket.codes, basket.basket_id
        missing = [c for c in basket.codes if table.lookup(c, basket.vintage) is None]
        assert not missing, (basket.basket_id, missing)
    ot = table.basket("ot2024")
    assert ot.vintage == 2024 and len(ot.codes) == 25
    assert {"D265", "D307", "B207", "B105", "C107", "C201", "A206"} <= set(ot.codes)


def test_crosswalk_targets_exist(table):
    assert table.crosswalk
    for row in table.crosswalk:
        assert row.relation in ("same", "renamed", "split", "merged", "removed"), row
        assert row.first_new_vintage >= 2023 and row.last_old_vintage < row.first_new_vintage
        assert table.lookup(row.old_code, row.last_old_vintage) is not None, row
        assert table.lookup(row.old_code, row.first_new_vintage) is None, row
        if row.relation == "removed":
            assert row.new_code == "", row
        else:
            assert table.lookup(row.new_code, row.first_new_vintage) is not None, row
            assert table.lookup(row.new_code, row.last_old_vintage) is None, row


def test_every_vanished_code_is_in_the_crosswalk(table):
    """A code that disappears at a revision has a crosswalk row (possibly 'removed')."""
    olds = {(r.old_code, r.first_new_vintage) for r in table.crosswalk}
    for before, after in ((2022, 2023), (2023, 2024)):
        gone = set(table.codes(before)) - set(table.codes(after))
        assert {(c, after) for c in gone} <= olds, sorted(gone)


def test_basket_flags_match_baskets_file(table):
    """typequ.csv's basket_* columns = baskets.csv translated to each vintage of the row."""
    for info in table.types:
        last = info.vintage_to if info.vintage_to is not None else max(VINTAGES)
        span = [v for v in VINTAGES if info.vintage_from <= v <= last]
        for basket_id in ("ot2024", "insee2016"):
            expected = any(info.typequ in table.basket_codes(basket_id, v) for v in span)
            assert (basket_id in info.baskets) == expected, (info.typequ, basket_id)


def test_crosswalk_2023_revision(table):
    forward = table.translate_codes(
        ["D201", "D301", "B203", "B101", "B102", "C101", "C102", "C104", "A106"], 2021, 2024
    )
    assert forward["D201"] == ["D265"]
    assert forward["D301"] == ["D307"]
    assert forward["B203"] == ["B207"]
    assert forward["B101"] == ["B104"]
    assert forward["B102"] == ["B105"]
    assert forward["C101"] == forward["C102"] == ["C107"]
    assert forward["C104"] == ["C108", "C109"]
    # GPs kept D201 in the 2023 vintage; D265 comes with 2024.
    assert table.translate_codes(["D201"], 2021, 2023) == {"D201": ["D201"]}
    assert table.translate_codes(["D265"], 2024, 2021) == {"D265": ["D201"]}
    assert table.translate_codes(["C107"], 2023, 2021) == {"C107": ["C101", "C102"]}
    # unchanged codes pass through; codes new in 2023 have no ancestor
    assert table.translate_codes(["A203", "A133"], 2024, 2021) == {"A203": ["A203"], "A133": []}


def test_lookup_and_queries(table):
    gp = table.lookup("d265", 2024)
    assert gp is not None and gp.domain == "D" and gp.label_fr == "Médecin généraliste"
    assert table.lookup("D265", 2023) is None
    assert table.lookup("D201", 2019).typequ == "D201"  # older vintages: oldest nomenclature
    assert table.lookup("B207", 2030) is not None  # open-ended rows
    assert "D307" in table.codes_in_domain("D3", 2024)
    assert set(table.codes_in_domain("G", 2024)) == {"G101", "G102", "G103", "G104", "G105"}
    assert "B207" in table.codes_in_gamme("proximité", 2024)
    assert table.in_basket("D201", 2021, "ot2024")
    assert not table.in_basket("A105", 2024, "ot2024")
    with pytest.raises(InputError, match="Unknown basket"):
        table.basket("nope")


def test_dom_epsg():
    assert bpe.epsg_for_dep("971") == bpe.epsg_for_dep("972") == 5490
    assert bpe.epsg_for_dep("973") == 2972
    assert bpe.epsg_for_dep("974") == 2975
    assert bpe.epsg_for_dep("976") == 4471
    assert bpe.epsg_for_dep("12") == bpe.epsg_for_dep("2A") == 2154


def test_bad_table_is_reported(tmp_path):
    (tmp_path / "typequ.csv").write_text(
        "typequ;vintage_from;vintage_to;domain;subdomain;label_fr;label_en;gamme\n"
        "A101;2021;;A;A1;Police;Police;\nA101;2023;;A;A1;Police;Police;\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="overlapping"):
        bpe.load_code_table(tmp_path / "typequ.csv")
    (tmp_path / "typequ.csv").write_text("typequ;label_fr\nA101;Police\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing columns"):
        bpe.load_code_table(tmp_path / "typequ.csv")


# ---- the reader -------------------------------------------------------------------------------


def test_read_utf8_published_format(tmp_path, table):
    path = write(
        tmp_path / "bpe24_xy.csv",
        [
            HEADER,
            "76;12;12202;122020101;2024;D265;641234.5;6365432.1;Bonne",
            "76;12;12202;122020101;2024;D307;641250.0;6365440.0;Acceptable",
            "76;12;12145;121450000;2024;B207;;;Non géolocalisé",
            "76;12;12145;121450000;2024;Z999;699000.0;6330000.0;Mauvaise",
            "01;971;97101;971010000;2024;D265;655000.0;1795000.0;Bonne",
            "04;974;97411;974110101;2024;D307;338000.0;7690000.0;Bonne",
            "06;976;97611;976110000;2024;C108;515000.0;8590000.0;Bonne",
            "03;973;97302;973020000;2024;C201;352000.0;546000.0;Bonne",
        ],
    )
    fac = bpe.read_bpe_csv(path, table=table)
    rep = fac.report
    assert rep.encoding.startswith("utf-8") and rep.delimiter == ";"
    assert rep.rows_read == 8 and rep.rows_kept == 7 == len(fac)
    assert rep.dropped["not_geolocated"] == 1 and rep.rows_dropped == 1
    assert rep.unknown_codes == {"Z999": 1}
    assert rep.vintages == {2024: 7}
    assert fac.typequ.tolist() == ["D265", "D307", "Z999", "D265", "D307", "C108", "C201"]
    assert fac.source_row.tolist() == [0, 1, 3, 4, 5, 6, 7]
    unknown = fac.typequ == "Z999"
    assert fac.domain[unknown].tolist() == ["?"] and not fac.known[unknown].any()
    assert fac.known[~unknown].all()
    assert fac.domain.tolist() == ["D", "D", "?", "D", "D", "C", "C"]
    assert fac.label_fr[0] == "Médecin généraliste" and fac.label_en[1] == "Pharmacy"
    assert fac.gamme[0] == "proximité"
    assert fac.baskets["ot2024"].tolist() == [True, True, False, True, True, False, True]
    assert fac.epsg.tolist() == [2154, 2154, 2154, 5490, 2975, 4471, 2972]
    assert rep.epsg == {2154: 3, 2972: 1, 2975: 1, 4471: 1, 5490: 1}
    assert fac.qualite_xy.tolist()[:3] == ["B", "A", "M"]
    assert fac.x[0] == pytest.approx(641234.5) and fac.y[0] == pytest.approx(6365432.1)
    assert fac.dep.tolist()[3:] == ["971", "974", "976", "973"]
    assert fac.depcom[0] == "12202" and fac.dciris[0] == "122020101" and fac.reg[0] == "76"
    assert any("Z999" in str(w) for w in rep.warnings)
    assert any("dropped" in str(w) for w in rep.warnings)
    gps = fac.select(fac.of_types(["D265"]))
    assert len(gps) == 2 and gps.epsg.tolist() == [2154, 5490]
    assert bpe.counts_by_type(fac)["D265"] == 2


def test_read_latin1_quoted_comma_decimals(tmp_path, table):
    """Latin-1, quoted fields, lower-case header, decimal comma, extra columns, older vintage."""
    lines = [
        '"reg";"dep";"depcom";"dciris";"an";"typequ";"lambert_x";"lambert_y";"qualite_xy";"nomrs"',
        '"76";"12";"12202";"122020101";"2021";"D201";"641234,5";"6365432,25";"Bonne";"Cabinet Éloïse"',
        '"76";"12";"12202";"122020101";"2021";"D301";"641300";"6365500";"Bonne";"Pharmacie; du marché"',
        '"76";"12";"12145";"121450000";"2021";"B203";"";"";"Non géolocalisé";"Boulangerie"',
        '"76";"12";"12145";"121450000";"2021";"C104";"699000,0";"6330000,0";"Acceptable";"École"',
    ]
    path = write(tmp_path / "bpe21.csv", lines, encoding="latin-1")
    fac = bpe.read_bpe_csv(path, table=table)
    rep = fac.report
    assert rep.encoding == "latin-1" and rep.decimal_comma
    assert rep.rows_kept == 3 and rep.dropped["not_geolocated"] == 1
    assert rep.vintages == {2021: 3} and rep.unknown_codes == {}
    assert fac.x.tolist() == [641234.5, 641300.0, 699000.0]
    assert fac.y[0] == 6365432.25
    assert fac.extra["nomrs"].tolist() == ["Cabinet Éloïse", "Pharmacie; du marché", "École"]
    assert fac.label_fr.tolist() == ["Médecin généraliste", "Pharmacie", "École élémentaire"]
    # old codes: the basket of 2024 finds them through the crosswalk
    assert fac.baskets["ot2024"].tolist() == [True, True, False]
    translated = table.translate_codes(fac.typequ.tolist(), 2021, 2024)
    assert translated == {"D201": ["D265"], "D301": ["D307"], "C104": ["C108", "C109"]}
    assert bpe.basket_mask(fac, "insee2016", table).tolist() == [True, True, True]
    only_nomrs = bpe.read_bpe_csv(path, table=table, keep_columns=())
    assert only_nomrs.extra == {}


def test_new_quality_codes_and_epsg_column(tmp_path, table):
    path = write(
        tmp_path / "bpe24.csv",
        [
            HEADER + ";EPSG",
            "76;12;12202;122020101;2024;B105;641234.5;6365432.1;B;2154",
            "76;12;12202;122020101;2024;B104;;;_Z;",
            "02;972;97209;972090101;2024;D265;710000;1620000;A;5490",
            "02;972;97209;972090101;2024;D307;710010;1620010;M;",
        ],
    )
    fac = bpe.read_bpe_csv(path, table=table)
    assert fac.report.dropped["not_geolocated"] == 1
    assert fac.qualite_xy.tolist() == ["B", "A", "M"]
    assert fac.epsg.tolist() == [2154, 5490, 5490]
    assert fac.report.quality == {"A": 1, "B": 1, "M": 1}


def test_missing_coordinates_and_bad_values(tmp_path, table):
    path = write(
        tmp_path / "bpe.csv",
        [
            HEADER,
            "76;12;12202;122020101;2024;D265;;6365432.1;Bonne",  # no x, quality says located
            "76;12;12202;122020101;2024;D265;abc;6365432.1;Bonne",
            "76;12;12202;122020101;2024;D265;641000;6365000;Bonne;extra field",
            "76;12;12202;122020101;2024;D265;641000;6365000;Bonne",
            "",
        ],
    )
    fac = bpe.read_bpe_csv(path, table=table)
    rep = fac.report
    assert rep.dropped == {
        "malformed": 1,
        "not_geolocated": 0,
        "missing_coordinates": 1,
        "invalid_coordinates": 1,
    }
    assert len(fac) == 1 and fac.source_row.tolist() == [3]
    assert any("malformed" in str(w) for w in rep.warnings)


def test_missing_columns_are_named(tmp_path, table):
    path = write(
        tmp_path / "bad.csv",
        ["REG;DEP;DEPCOM;DCIRIS;AN;LAMBERT_X;QUALITE_XY", "76;12;12202;x;2024;1;Bonne"],
    )
    with pytest.raises(InputError) as err:
        bpe.read_bpe_csv(path, table=table)
    assert "TYPEQU" in err.value.message and "LAMBERT_Y" in err.value.message
    assert err.value.msg.params["columns"] == "TYPEQU, LAMBERT_Y"


def test_vintage_from_argument(tmp_path, table):
    path = write(
        tmp_path / "noan.csv",
        ["DEPCOM;TYPEQU;LAMBERT_X;LAMBERT_Y", "97411;D201;338000;7690000", "12202;D201;1;2"],
    )
    with pytest.raises(InputError, match="no AN column"):
        bpe.read_bpe_csv(path, table=table)
    fac = bpe.read_bpe_csv(path, table=table, vintage=2021)
    assert fac.vintage.tolist() == [2021, 2021] and fac.an.tolist() == [0, 0]
    assert fac.known.all() and fac.dep.tolist() == ["974", "12"]
    assert fac.epsg.tolist() == [2975, 2154]
    # the same code is unknown in 2024 (D201 became D265)
    fac24 = bpe.read_bpe_csv(path, table=table, vintage=2024)
    assert not fac24.known.any() and fac24.report.unknown_codes == {"D201": 2}
    # AN wins over the argument, with a warning
    path2 = write(tmp_path / "an.csv", [HEADER, "76;12;12202;x;2023;D201;1;2;Bonne"])
    fac23 = bpe.read_bpe_csv(path2, table=table, vintage=2024)
    assert fac23.vintage.tolist() == [2023] and fac23.known.all()
    assert any("2023" in str(w) for w in fac23.report.warnings)


def test_utf8_bom_and_tab_delimiter(tmp_path, table):
    path = tmp_path / "bom.csv"
    text = HEADER.replace(";", "\t") + "\n" + "76\t12\t12202\tx\t2024\tB207\t1.5\t2.5\tBonne\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    fac = bpe.read_bpe_csv(path, table=table)
    assert fac.report.delimiter == "\t" and fac.typequ.tolist() == ["B207"]
    assert fac.report.columns[0] == "REG"


def test_latin1_after_the_first_megabyte(tmp_path, table):
    """A file that looks UTF-8 at the start but is Latin-1 further down is re-read as Latin-1."""
    row = "76;12;12202;122020101;2024;D265;641234.5;6365432.1;Bonne"
    lines = [HEADER] + [row] * 25_000 + ["76;12;12145;x;2024;B207;;;Non géolocalisé"]
    path = write(tmp_path / "late.csv", lines, encoding="latin-1")
    assert path.stat().st_size > 1 << 20
    fac = bpe.read_bpe_csv(path, table=table, chunk_rows=5_000)
    assert fac.report.encoding == "latin-1"
    assert len(fac) == 25_000 and fac.report.dropped["not_geolocated"] == 1


def test_empty_and_missing_files(tmp_path, table):
    with pytest.raises(InputError, match="not found"):
        bpe.read_bpe_csv(tmp_path / "nope.csv", table=table)
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        bpe.read_bpe_csv(tmp_path / "empty.csv", table=table)
    header_only = write(tmp_path / "header.csv", [HEADER])
    fac = bpe.read_bpe_csv(header_only, table=table)
    assert len(fac) == 0 and fac.report.rows_read == 0


def test_progress_and_cancel(tmp_path, table):
    row = "76;12;12202;122020101;2024;D265;641234.5;6365432.1;Bonne"
    path = write(tmp_path / "p.csv", [HEADER] + [row] * 1000)
    seen: list[float] = []
    bpe.read_bpe_csv(path, table=table, progress=seen.append, chunk_rows=100)
    assert seen and seen[-1] == 100.0 and all(0 <= p <= 100 for p in seen)
    with pytest.raises(Canceled):
        bpe.read_bpe_csv(path, table=table, is_canceled=lambda: True)


def test_reads_a_large_file_quickly(tmp_path, table):
    """200,000 rows: a loose bound (the 1M-row figure is measured in the report)."""
    rng = np.random.default_rng(0)
    codes = np.array(table.codes(2024))[rng.integers(0, 229, 200_000)]
    xs = rng.uniform(100_000, 1_200_000, 200_000)
    lines = [HEADER] + [
        f"76;12;12202;122020101;2024;{c};{x:.2f};6500000.00;Bonne" for c, x in zip(codes, xs)
    ]
    path = write(tmp_path / "big.csv", lines)
    fac = bpe.read_bpe_csv(path, table=table)
    assert len(fac) == 200_000 and fac.known.all()
    assert fac.report.seconds < 20
