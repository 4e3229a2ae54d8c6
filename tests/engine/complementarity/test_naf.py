"""NAF rév. 2 table and code mapping (``reterr_qgis.engine.complementarity.naf``), no QGIS.

The shipped table is checked against positions known from INSEE's nomenclature (written here by
hand, not read from the table), against its own build script run on the pynsee wheel, and for the
structure of the hierarchy; the mapping against every spelling met in real files.
"""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import numpy as np
import pytest

from reterr_qgis.engine import InputError
from reterr_qgis.engine.complementarity import naf

ROOT = Path(__file__).resolve().parents[3]
WHEEL = ROOT / "build" / "pynsee-0.3.0-py3-none-any.whl"


@pytest.fixture(scope="module")
def table() -> naf.NafTable:
    return naf.load_naf()


def test_level_sizes(table):
    # INSEE's sizes of each level (A732 … A10), as the level names say.
    sizes = {
        "sous_classe": 732,
        "classe": 615,
        "groupe": 272,
        "division": 88,
        "A88": 88,
        "section": 21,
        "A10": 10,
        "A17": 17,
        "A38": 38,
        "A64": 64,
        "A129": 129,
    }
    assert {lv: table.n_codes(lv) for lv in sizes} == sizes
    assert table.sous_classes.size == 732


@pytest.mark.parametrize(
    "code, expected",
    [
        # sous-classe: classe, groupe, division, section, A10, A17, A38, A88
        ("10.51C", ("10.51", "10.5", "10", "C", "BE", "C1", "CA", "10")),  # cheese
        ("01.11Z", ("01.11", "01.1", "01", "A", "AZ", "AZ", "AZ", "01")),  # cereals
        ("35.11Z", ("35.11", "35.1", "35", "D", "BE", "DE", "DZ", "35")),  # electricity
        ("56.10A", ("56.10", "56.1", "56", "I", "GI", "IZ", "IZ", "56")),  # restaurants
        ("62.01Z", ("62.01", "62.0", "62", "J", "JZ", "JZ", "JC", "62")),  # programming
        ("86.10Z", ("86.10", "86.1", "86", "Q", "OQ", "OQ", "QA", "86")),  # hospitals
        ("16.10A", ("16.10", "16.1", "16", "C", "BE", "C5", "CC", "16")),  # sawmills
    ],
)
def test_known_positions(table, code, expected):
    levels = ("classe", "groupe", "division", "section", "A10", "A17", "A38", "A88")
    i = int(np.flatnonzero(table.sous_classes == code)[0])
    assert tuple(table.columns[lv][i] for lv in levels) == expected


def test_hierarchy_is_consistent(table):
    c = table.columns
    for sc, cl, gr, dv in zip(c["sous_classe"], c["classe"], c["groupe"], c["division"]):
        assert sc.startswith(cl) and cl.startswith(gr) and gr.startswith(dv)
    np.testing.assert_array_equal(c["division"], c["A88"])
    # A17 "DE" groups divisions 05–09 and 35–39 (INSEE's A17 table), nothing else.
    de = sorted(set(c["division"][c["A17"] == "DE"].tolist()))
    assert de == ["05", "06", "07", "08", "09", "35", "36", "37", "38", "39"]
    # Every aggregate is a function of the division (A129: of the groupe).
    for level, parent in (
        ("A10", "division"),
        ("A17", "division"),
        ("A38", "division"),
        ("A64", "division"),
        ("A129", "groupe"),
        ("section", "division"),
    ):
        codes, coarse = table.aggregate(parent, level)
        assert codes.size == table.n_codes(parent) and coarse.size == codes.size


def test_labels(table):
    assert table.label("sous_classe", "10.51C") == "Fabrication de fromage"
    assert table.label("A38", "CA").startswith("Fabrication de denrées alimentaires")
    assert table.label("A38", "CA", "en").startswith("Manufacture of food products")
    assert table.label("division", "01", "en") == table.label("division", "01")  # no English
    assert table.label("A38", "??") == ""
    assert all(table.label(lv, c) for lv in naf.LEVELS for c in table.codes(lv).tolist())


def _pynsee_source(tmp_path):
    """The pynsee wheel of ``build/``, else a stand-in holding the ``naf.zip`` of the installed
    pynsee package (``make test`` installs it): the build script reads only that member."""
    if WHEEL.is_file():
        return WHEEL
    spec = importlib.util.find_spec("pynsee")
    if spec is None or not spec.origin:
        return None
    naf_zip = Path(spec.origin).parent / "metadata" / "data" / "naf.zip"
    if not naf_zip.is_file():
        return None
    stand_in = tmp_path / "pynsee-installed.zip"
    with zipfile.ZipFile(stand_in, "w") as z:
        z.writestr("pynsee/metadata/data/naf.zip", naf_zip.read_bytes())
    return stand_in


def test_shipped_table_is_what_the_build_script_writes(tmp_path):
    source = _pynsee_source(tmp_path)
    if source is None:
        pytest.skip("pynsee neither installed nor in build/ (make test installs it)")
    spec = importlib.util.spec_from_file_location(
        "build_naf", ROOT / "scripts" / "build_naf_tables.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = tmp_path / "out"
    out.mkdir()
    mod.build(source, out)
    for name in (naf.LEVELS_FILE, naf.LABELS_FILE):
        assert (out / name).read_bytes() == (naf.DEFAULT_TABLE_DIR / name).read_bytes(), name


def test_level_names():
    assert naf.canonical_level("A732") == "sous_classe"
    assert naf.canonical_level("a38") == "A38"
    assert naf.canonical_level("Division") == "division"
    assert naf.canonical_level("A21") == "section"
    with pytest.raises(InputError, match="A138"):
        naf.canonical_level("A138")


@pytest.mark.parametrize(
    "code, parsed",
    [
        ("01.11Z", ("01.11Z", "sous_classe", False)),
        ("0111Z", ("01.11Z", "sous_classe", False)),
        (" 01.11z ", ("01.11Z", "sous_classe", False)),
        ("111Z", ("01.11Z", "sous_classe", True)),
        ("01.11", ("01.11", "classe", False)),
        ("0111", ("01.11", "classe", False)),
        ("01.1", ("01.1", "groupe", False)),
        ("011", ("01.1", "groupe", False)),
        ("01", ("01", "division", False)),
        ("1", ("01", "division", True)),
        ("a", ("A", "section", False)),
        ("15.5C", ("15.5C", "", False)),  # NAF rév. 1
        ("1.11Z", ("1.11Z", "", False)),  # a dotted code is taken as written
        ("CA", ("CA", "", False)),
    ],
)
def test_parse_spellings(code, parsed):
    assert naf.parse_naf_code(code) == parsed


def test_map_to_a38_reports_everything(table):
    codes = [
        "01.11Z",
        "0111Z",
        " 0111z ",
        "111Z",
        "01.11",
        "011",
        "01",
        "1",
        "A",  # → AZ
        "C",  # section C spans CA … CM: too coarse
        "CA",  # already A38
        "C10E",  # A129 → CA
        "JZ",  # A10/A17 code spanning JA, JB, JC: too coarse
        "99.99Z",
        "15.5C",  # unknown
        "",
        None,  # empty
        "10.51C",
    ]
    m = naf.map_naf(codes, "A38", table=table)
    expected = ["AZ"] * 9 + ["", "CA", "CA", "", "", "", "", "", "CA"]
    assert m.codes.tolist() == expected
    assert m.mapped.tolist() == [c != "" for c in expected]
    assert m.unknown == {"99.99Z": 1, "15.5C": 1}
    assert m.too_coarse == {"C": 1, "JZ": 1}
    assert m.n_empty == 2 and m.n_repaired == 2
    assert m.unmapped_rows.tolist() == [9, 12, 13, 14, 15, 16]
    assert m.source_level[[0, 4, 5, 6, 8, 10, 11]].tolist() == [
        "sous_classe",
        "classe",
        "groupe",
        "division",
        "section",
        "A38",
        "A129",
    ]
    text = " | ".join(str(w) for w in m.warnings)
    for named in ("99.99Z", "15.5C", "C (1)", "JZ", "2 rows have no sector code", "read as 01"):
        assert named in text


def test_map_to_finer_levels(table):
    m = naf.map_naf(["10.51C", "1051C", "10.51", "10.5", "10"], "groupe", table=table)
    assert m.codes.tolist() == ["10.5", "10.5", "10.5", "10.5", ""]
    assert m.too_coarse == {"10": 1}
    m = naf.map_naf(["10.51C", "47.11F"], "sous_classe", table=table)
    assert m.codes.tolist() == ["10.51C", "47.11F"] and m.mapped.all()


def test_map_many_rows_is_consistent(table):
    rng = np.random.default_rng(3)
    sc = table.sous_classes[rng.integers(0, 732, 20_000)]
    compact = np.char.replace(sc, ".", "")
    a = naf.map_naf(sc, "A17", table=table)
    b = naf.map_naf(compact, "A17", table=table)
    np.testing.assert_array_equal(a.codes, b.codes)
    lookup = dict(zip(table.sous_classes.tolist(), table.columns["A17"].tolist()))
    assert a.codes.tolist() == [lookup[c] for c in sc.tolist()]


def test_bad_table(tmp_path):
    p = tmp_path / "naf.csv"
    p.write_text("sous_classe;classe\n01.11Z;01.11\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing columns"):
        naf.load_naf(p)
    with pytest.raises(InputError, match="not valid"):
        naf.load_naf(tmp_path / "absent.csv")


def test_missing_cells_are_empty_codes(table):
    m = naf.map_naf(np.array(["0111Z", None, float("nan"), "NULL", " "], dtype=object), "A10")
    assert m.codes.tolist() == ["AZ", "", "", "", ""]
    assert m.n_empty == 4 and not m.unknown
    assert m.unmapped_rows.tolist() == [1, 2, 3, 4]
