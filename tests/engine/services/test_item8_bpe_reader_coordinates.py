"""Issue 13, item 8 (engine side): the BPE reader's coordinate check and cut-last-line detection."""

from __future__ import annotations

import numpy as np
import pytest

from reterr_qgis.engine.services import bpe

HEADER = "REG;DEP;DEPCOM;DCIRIS;AN;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY"
HEADER_XY_LAST = "REG;DEP;DEPCOM;DCIRIS;AN;TYPEQU;QUALITE_XY;LAMBERT_X;LAMBERT_Y"


@pytest.fixture(scope="module")
def table() -> bpe.CodeTable:
    return bpe.load_code_table()


def write(path, lines, newline_at_end=True):
    path.write_bytes(("\n".join(lines) + ("\n" if newline_at_end else "")).encode("utf-8"))
    return path


def test_implausible_coordinates_per_crs():
    x = np.array([641234.5, 2.57, 338000.0, 641234.5, 655000.0, np.nan, 5.0])
    y = np.array([6365432.1, 44.35, 7690000.0, 7690000.0, 1795000.0, 6365432.1, 5.0])
    epsg = np.array([2154, 2154, 2975, 2975, 5490, 2154, 32631], dtype=np.int32)
    # Lambert-93 ok; degrees; Réunion ok; metropolitan x in Réunion; Guadeloupe ok; NaN;
    # a CRS without a known extent is not checked
    assert bpe.implausible_coordinates(x, y, epsg).tolist() == [
        False,
        True,
        False,
        True,
        False,
        True,
        False,
    ]


def test_reader_drops_and_names_degrees_when_asked(tmp_path, table):
    lines = [
        HEADER,
        "76;12;12202;122020101;2024;D265;641234.5;6365432.1;Bonne",
        "76;12;12202;122020101;2024;D307;2,57;44,35;Bonne",
        "04;974;97411;974110000;2024;D265;338000;7690000;Bonne",
    ]
    path = write(tmp_path / "bpe.csv", lines)
    fac = bpe.read_bpe_csv(path, table=table, check_coordinates=True)
    assert len(fac) == 2 and fac.epsg.tolist() == [2154, 2975]
    assert fac.report.dropped["implausible_coordinates"] == 1
    assert fac.report.rows_dropped == 1
    text = " ".join(str(w) for w in fac.report.warnings)
    assert "line 3 (D307 12202: 2.57, 44.35)" in text and "degrees" in text
    # without the check (the default) the reader keeps them, as before
    assert len(bpe.read_bpe_csv(path, table=table)) == 3


def test_reader_detects_a_cut_last_coordinate(tmp_path, table):
    lines = [
        HEADER_XY_LAST,
        "76;12;12202;122020101;2024;D265;B;641234.5;6365432.1",
        "76;12;12202;122020101;2024;D307;B;641250.0;63654",
    ]
    fac = bpe.read_bpe_csv(write(tmp_path / "cut.csv", lines, False), table=table)
    assert len(fac) == 1
    assert fac.report.dropped["truncated"] == 1 and fac.report.dropped["malformed"] == 0
    assert any("line 3" in str(w) and "cut" in str(w) for w in fac.report.warnings)
    # the same rows with a final newline: a complete (if odd) file, no truncation claimed
    fac2 = bpe.read_bpe_csv(write(tmp_path / "ok.csv", lines), table=table)
    assert "truncated" not in fac2.report.dropped


def test_reader_counts_a_short_last_line_as_truncated(tmp_path, table):
    lines = [
        HEADER,
        "76;12;12202;122020101;2024;D265;641234.5;6365432.1;Bonne",
        "76;12;12202;122020101;2024;D307;641250.0;636",
    ]
    fac = bpe.read_bpe_csv(write(tmp_path / "short.csv", lines, False), table=table)
    assert len(fac) == 1
    assert fac.report.dropped["truncated"] == 1 and fac.report.dropped["malformed"] == 0
    assert not any("malformed" in str(w) for w in fac.report.warnings)
