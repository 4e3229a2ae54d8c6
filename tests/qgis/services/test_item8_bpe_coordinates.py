"""Issue 13, item 8: reterr:import_bpe checks the BPE coordinates before placing them.

Rows whose LAMBERT_X/Y are degrees (or otherwise outside the area of their département in its
CRS) are not placed: they are counted and the first ten named in a warning. A cut last line
(fewer fields than the header, or a coordinate cut short at the end of the file) is detected
and counted, never read as a coordinate. Overseas départements keep their UTM CRS.
"""

import pytest

pytestmark = pytest.mark.qgis

HEADER = "REG;DEP;DEPCOM;DCIRIS;AN;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY"
#: QUALITE_XY first, coordinates last: a file cut inside LAMBERT_Y keeps its field count.
HEADER_XY_LAST = "REG;DEP;DEPCOM;DCIRIS;AN;TYPEQU;QUALITE_XY;LAMBERT_X;LAMBERT_Y"
GOOD = [
    "76;12;12202;122020000;2024;D265;633420,5;6363310,2;Bonne",
    "76;12;12202;122020000;2024;D307;633500;6363400;Acceptable",
    "76;12;12145;121450000;2024;B207;706000;6335000;Bonne",
]


def _write(path, lines, newline_at_end=True):
    text = "\n".join(lines) + ("\n" if newline_at_end else "")
    path.write_bytes(text.encode("latin-1"))
    return str(path)


def _run(run_alg, path):
    return run_alg("reterr:import_bpe", {"INPUT": path, "OUTPUT": "TEMPORARY_OUTPUT"})


def test_degrees_are_not_placed_but_counted_and_named(run_alg, tmp_path):
    path = _write(
        tmp_path / "degrees.csv",
        [
            HEADER,
            *GOOD,
            "76;12;12202;122020000;2024;D265;2,57;44,35;Bonne",  # degrees (Rodez)
            "76;46;46042;460420000;2024;D307;1.44;44.45;Bonne",  # degrees (Cahors)
        ],
    )
    res = _run(run_alg, path)
    layer = res["OUTPUT"]
    assert layer.featureCount() == 3
    xs = sorted(f.geometry().asPoint().x() for f in layer.getFeatures())
    assert xs[0] > 600_000  # no point left at (2.57, 44.35)
    fb = res["_feedback"]
    assert any("3 facilities written; 5 rows read, 2 dropped" in i for i in fb.infos)
    assert any("2 rows dropped: implausible_coordinates" in i for i in fb.infos)
    named = [w for w in fb.warnings if "not placed" in w]
    assert named, fb.warnings
    assert "line 5" in named[0] and "line 6" in named[0] and "46042" in named[0]
    assert any("degrees" in w for w in fb.warnings)


def test_first_ten_rows_named(run_alg, tmp_path):
    bad = [f"76;12;12202;122020000;2024;D265;{k};{k + 1};Bonne" for k in range(12)]
    path = _write(tmp_path / "many.csv", [HEADER, *GOOD, *bad])
    res = _run(run_alg, path)
    assert res["OUTPUT"].featureCount() == 3
    named = next(w for w in res["_feedback"].warnings if "not placed" in w)
    assert named.startswith("12 BPE rows")
    assert "line 14" in named and "line 15" not in named and "…" in named


def test_overseas_utm_rows_are_kept(run_alg, tmp_path):
    # Réunion in UTM 40S (EPSG:2975): plausible there, kept; degrees are not.
    path = _write(
        tmp_path / "reunion.csv",
        [
            HEADER,
            "04;974;97411;974110000;2024;D265;338000;7690000;Bonne",
            "04;974;97411;974110000;2024;D307;338100;7690100;Bonne",
            "04;974;97411;974110000;2024;D307;55,45;-20,88;Bonne",
        ],
    )
    res = _run(run_alg, path)
    layer = res["OUTPUT"]
    assert layer.crs().authid() == "EPSG:2975"
    assert layer.featureCount() == 2


def test_last_line_cut_inside_a_coordinate(run_alg, tmp_path):
    # the download stopped inside LAMBERT_Y of the last row, the last column of this layout
    path = _write(
        tmp_path / "cut.csv",
        [
            HEADER_XY_LAST,
            "76;12;12202;122020000;2024;D265;B;633420.5;6363310.2",
            "76;12;12145;121450000;2024;B207;B;706000;6335000",
            "76;12;12145;121450000;2024;D307;B;706100;63",
        ],
        newline_at_end=False,
    )
    res = _run(run_alg, path)
    assert res["OUTPUT"].featureCount() == 2
    fb = res["_feedback"]
    assert any("1 rows dropped: truncated" in i for i in fb.infos)
    assert any("line 4" in w and "cut" in w for w in fb.warnings)


def test_last_line_cut_short_in_digits_only(run_alg, tmp_path):
    # cut after three digits of a seven-digit coordinate: implausible as well as short
    path = _write(
        tmp_path / "cut2.csv",
        [
            HEADER_XY_LAST,
            "76;12;12202;122020000;2024;D265;B;633420.5;6363310.2",
            "76;12;12145;121450000;2024;D307;B;706100;636",
        ],
        newline_at_end=False,
    )
    res = _run(run_alg, path)
    assert res["OUTPUT"].featureCount() == 1
    assert any("truncated" in i for i in res["_feedback"].infos)


def test_last_line_with_fewer_fields_is_truncated_not_malformed(run_alg, tmp_path):
    path = _write(
        tmp_path / "short.csv",
        [HEADER, *GOOD, "76;12;12145;121450000;2024;D307;706100;633"],
        newline_at_end=False,
    )
    res = _run(run_alg, path)
    assert res["OUTPUT"].featureCount() == 3
    fb = res["_feedback"]
    assert any("1 rows dropped: truncated" in i for i in fb.infos)
    assert not any("malformed" in w for w in fb.warnings)


def test_complete_file_without_final_newline_is_not_truncated(run_alg, tmp_path):
    path = _write(
        tmp_path / "nonl.csv",
        [
            HEADER_XY_LAST,
            "76;12;12202;122020000;2024;D265;B;633420.5;6363310.2",
            "76;12;12145;121450000;2024;D307;B;706100;6335100",
        ],
        newline_at_end=False,
    )
    res = _run(run_alg, path)
    assert res["OUTPUT"].featureCount() == 2
    assert any("0 dropped" in i for i in res["_feedback"].infos)
