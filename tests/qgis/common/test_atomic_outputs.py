"""Outputs are atomic and committed together (issue 13, items 2 and 3).

A run writes every output to a temporary destination next to the final one — a hidden folder
``.<name>.reterr-tmp`` for a file, a table ``<table>__reterr_tmp`` for a table of an existing
GeoPackage — and moves them all into place only once the algorithm succeeded. Before, a canceled
or failing run had already destroyed the previous output at that path (and left an empty or partial
one, or the first of two outputs without the second).

Real algorithms on small memory layers: ``reterr:territory_profile`` (one output, 500 squares so
that the writer checks the cancellation while writing), ``reterr:local_sourcing`` (two outputs)
and ``reterr:resilience_index`` (a CSV it writes itself).
"""

from __future__ import annotations

import csv
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from conftest import cancel_at

pytestmark = pytest.mark.qgis

PROFILE = "reterr:territory_profile"
SOURCING = "reterr:local_sourcing"
INDEX = "reterr:resilience_index"
X0, Y0 = 700_000.0, 6_400_000.0


# -- inputs ------------------------------------------------------------------------------------


def square(cx, cy, half=400.0):
    x0, y0, x1, y1 = cx - half, cy - half, cx + half, cy + half
    return f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"


def memory_layer(rows, fields, name="territories"):
    """A MultiPolygon memory layer in EPSG:2154: ``rows`` are (attributes, WKT)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:2154&{fields}", name, "memory")
    feats = []
    for attrs, wkt in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def communes(n=500, pop=100.0):
    """``n`` square communes on a grid, ``pop`` inhabitants each (split 20/50/30 by age)."""
    rows = [
        (
            (f"c{i:03d}", pop, 0.2 * pop, 0.5 * pop, 0.3 * pop),
            square(X0 + 1000.0 * (i % 25), Y0 + 1000.0 * (i // 25)),
        )
        for i in range(n)
    ]
    spec = (
        "field=nom:string&field=population:double&field=pop_0_19:double"
        "&field=pop_20_64:double&field=pop_65p:double"
    )
    return memory_layer(rows, spec)


def sourcing_input():
    """Four territories with cereal surpluses and deficits (as in the local_sourcing tests)."""
    rows = [
        (("12001", "A", 10.0, -5.0), square(X0, Y0, 500.0)),
        (("12002", "B", -6.0, 2.0), square(X0 + 10_000.0, Y0, 500.0)),
        (("12003", "C", -8.0, 0.0), square(X0 + 30_000.0, Y0, 500.0)),
        (("12004", "D", -3.0, 20.0), square(X0 + 100_000.0, Y0, 500.0)),
    ]
    spec = "field=code_insee:string&field=nom:string&field=sol_cer:double&field=sol_fou:double"
    return memory_layer(rows, spec)


def index_input():
    rows = [((f"T{i}", float(i), float(10 - i)), square(X0 + 1000.0 * i, Y0)) for i in range(1, 5)]
    return memory_layer(rows, "field=nom:string&field=fca_access:double&field=share_65p:double")


# -- helpers -----------------------------------------------------------------------------------


def digest(*paths):
    """{file name: sha256} of the files given (missing files: None)."""
    out = {}
    for p in paths:
        p = Path(p)
        out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    return out


def shapefile_files(shp):
    stem = Path(shp).with_suffix("")
    return [Path(f"{stem}{ext}") for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg")]


def gpkg_content(path):
    """Every table of the GeoPackage with its rows (data, styles, metadata, provenance)."""
    con = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in con.execute(
                "select name from sqlite_master where type = 'table' and name not like 'rtree_%'"
                " and name not like 'sqlite_%' order by name"
            )
        ]
        return {n: sorted(map(repr, con.execute(f'select * from "{n}"'))) for n in names}
    finally:
        con.close()


def gpkg_tables(path):
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("select table_name from gpkg_contents"))
    finally:
        con.close()


def assert_no_leftovers(folder, *gpkgs):
    """(d) No staging folder or file in ``folder``, no temporary table in the GeoPackages."""
    left = [n for n in os.listdir(folder) if "reterr-tmp" in n]
    assert left == []
    for g in gpkgs:
        if Path(g).exists():
            con = sqlite3.connect(g)
            try:
                names = [r[0] for r in con.execute("select name from sqlite_master")]
            finally:
                con.close()
            assert [n for n in names if "__reterr_tmp" in n] == []


def run_profile(run_alg, output, n=500, feedback=None):
    return run_alg(PROFILE, {"INPUT": communes(n), "OUTPUT": output}, feedback=feedback)


def refused(run_alg, alg, params, feedback=None, match="Canceled"):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=match) as err:
        run_alg(alg, params, feedback=feedback)
    return str(err.value)


def feature_count(uri):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid(), uri
    return layer.featureCount()


# -- (a) a failed run keeps the previous output -------------------------------------------------


@pytest.mark.parametrize("ext", ["gpkg", "shp", "csv"])
def test_canceled_run_keeps_the_previous_file_output(run_alg, tmp_path, ext):
    """Canceled at 80 % (400 of 500 features written): the previous complete output at that
    path is byte-identical afterwards, and nothing of the canceled run is left."""
    out = tmp_path / f"profil.{ext}"
    run_profile(run_alg, str(out), n=30)
    files = shapefile_files(out) if ext == "shp" else [out]
    before = digest(*files)
    assert all(before.values())
    refused(run_alg, PROFILE, {"INPUT": communes(500), "OUTPUT": str(out)}, cancel_at(80))
    assert digest(*files) == before
    assert_no_leftovers(tmp_path)
    assert feature_count(str(out)) == 30


def test_canceled_run_keeps_the_previous_table_and_the_other_tables(run_alg, tmp_path):
    """A table inside an existing GeoPackage: the previous table, its style and provenance and
    the other tables of the file are as they were."""
    gpkg = tmp_path / "diag.gpkg"
    run_profile(run_alg, str(gpkg), n=10)  # a first table "diag"
    table = f"ogr:dbname='{gpkg}' table=\"profil\" (geom)"
    run_profile(run_alg, table, n=30)
    before = gpkg_content(gpkg)
    assert {"diag", "profil"} <= set(gpkg_tables(gpkg))
    refused(run_alg, PROFILE, {"INPUT": communes(500), "OUTPUT": table}, cancel_at(80))
    assert gpkg_content(gpkg) == before
    assert_no_leftovers(tmp_path, gpkg)
    assert feature_count(f"{gpkg}|layername=profil") == 30
    assert feature_count(f"{gpkg}|layername=diag") == 10


def test_error_while_writing_keeps_the_previous_output(run_alg, tmp_path, monkeypatch):
    """Any error raised while writing (here the 301st feature) — not only a cancellation."""
    from reterr_qgis.adapters import writer

    out = tmp_path / "profil.gpkg"
    run_profile(run_alg, str(out), n=30)
    before = digest(out)
    add = writer.SafeSink.add

    def failing_add(self, feature, label=""):
        if self.count == 300:
            raise RuntimeError("disk unplugged")
        return add(self, feature, label)

    monkeypatch.setattr(writer.SafeSink, "add", failing_add)
    refused(run_alg, PROFILE, {"INPUT": communes(500), "OUTPUT": str(out)}, match="disk")
    assert digest(out) == before
    assert_no_leftovers(tmp_path)


# -- (b) all outputs of a run, or none ----------------------------------------------------------


def test_second_output_in_a_missing_folder_leaves_neither(run_alg, tmp_path):
    """local_sourcing: the territories' output goes to a folder that does not exist. The run is
    refused with a message naming the output and the folder; the flows are not written either
    and a previous flows file stays as it was."""
    flows = tmp_path / "flux.gpkg"
    missing = tmp_path / "nowhere" / "territoires.gpkg"
    params = {"INPUT": sourcing_input(), "OUTPUT": str(flows), "OUTPUT_TERRITORIES": str(missing)}
    msg = refused(run_alg, SOURCING, params, match="does not exist")
    assert "OUTPUT_TERRITORIES" in msg and str(missing.parent) in msg
    assert "Traceback" not in msg
    assert not flows.exists() and not missing.parent.exists()
    assert_no_leftovers(tmp_path)

    run_alg(SOURCING, {**params, "OUTPUT_TERRITORIES": "memory:"})
    before = digest(flows)
    refused(run_alg, SOURCING, params, match="does not exist")
    assert digest(flows) == before


def test_failure_after_the_first_output_discards_it(run_alg, tmp_path, monkeypatch):
    """The flows are written and closed, then writing the territories fails: the flows of the
    failed run are discarded, the previous flows and territories files stay byte-identical."""
    from reterr_qgis.engine.core.errors import InputError
    from reterr_qgis.processing.supply import local_sourcing

    flows, terr = tmp_path / "flux.gpkg", tmp_path / "territoires.gpkg"
    params = {"INPUT": sourcing_input(), "OUTPUT": str(flows), "OUTPUT_TERRITORIES": str(terr)}
    run_alg(SOURCING, params)
    before = digest(flows, terr)

    def failing_write_units(*args, **kwargs):
        raise InputError("The territories could not be written (test).", context="test")

    monkeypatch.setattr(local_sourcing, "write_units", failing_write_units)
    refused(run_alg, SOURCING, params, match="could not be written")
    assert digest(flows, terr) == before
    assert_no_leftovers(tmp_path)


def test_csv_in_a_missing_folder_is_a_clear_message(run_alg, tmp_path):
    """resilience_index's OUTPUT_CSV (a file it writes itself) in a missing folder: a message,
    not a traceback, and the layer output is not left alone."""
    from qgis.core import QgsApplication, QgsProcessingContext

    out = tmp_path / "indice.gpkg"
    missing = tmp_path / "nowhere" / "normalise.csv"
    params = {
        "INPUT": index_input(),
        "FIELDS": ["fca_access", "share_65p"],
        "POLARITIES": "fca_access:+;share_65p:-",
        "OUTPUT": str(out),
        "OUTPUT_CSV": str(missing),
    }
    msg = refused(run_alg, INDEX, params, match="does not exist")
    assert "OUTPUT_CSV" in msg and str(missing.parent) in msg
    assert not out.exists()
    # The same check in checkParameterValues (what the dialog shows before the run).
    alg = QgsApplication.processingRegistry().algorithmById(INDEX)
    ok, why = alg.checkParameterValues(params, QgsProcessingContext())
    assert not ok and "does not exist" in why


def test_csv_written_by_the_algorithm_is_atomic(run_alg, tmp_path, monkeypatch):
    """A failure while writing the CSV keeps the previous CSV and layer; success replaces both."""
    from reterr_qgis.processing.index.resilience_index import ResilienceIndex

    out, table = tmp_path / "indice.gpkg", tmp_path / "normalise.csv"
    params = {
        "INPUT": index_input(),
        "FIELDS": ["fca_access", "share_65p"],
        "POLARITIES": "fca_access:+;share_65p:-",
        "OUTPUT": str(out),
        "OUTPUT_CSV": str(table),
    }
    res = run_alg(INDEX, params)
    assert res["OUTPUT_CSV"] == str(table) and res["OUTPUT"] == str(out)
    before = digest(out, table)
    write_csv = ResilienceIndex._write_csv

    def half_then_fail(self, path, *args):
        write_csv(self, path, *args)
        with open(path, "r+", encoding="utf-8") as fh:
            fh.truncate(40)
        raise OSError("disk full")

    monkeypatch.setattr(ResilienceIndex, "_write_csv", half_then_fail)
    refused(run_alg, INDEX, params, match="disk full")
    assert digest(out, table) == before
    assert_no_leftovers(tmp_path)

    monkeypatch.setattr(ResilienceIndex, "_write_csv", write_csv)
    params["FIELDS"] = ["fca_access"]
    params["POLARITIES"] = "fca_access:+"
    run_alg(INDEX, params)
    with open(table, encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh, delimiter=";")) == ["fid", "nom", "fca_access"]
    assert_no_leftovers(tmp_path)


# -- (c) a successful run replaces the output, styled, with its provenance -------------------------


def _style_and_provenance(gpkg, table):
    con = sqlite3.connect(gpkg)
    try:
        styles = con.execute(
            "select useAsDefault from layer_styles where f_table_name = ?", (table,)
        ).fetchall()
        prov = con.execute(
            "select layer, algorithm from reterr_provenance order by fid desc"
        ).fetchall()
    finally:
        con.close()
    return styles, prov


@pytest.mark.parametrize("where", ["file", "table"])
def test_success_replaces_the_output_styled_and_loaded_from_its_final_id(qgis_app, tmp_path, where):
    """The new output replaces the old one; its default style (layer_styles) and provenance
    are on the final table; QGIS is told to load the final destination, never the temporary one."""
    import processing
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
        QgsVectorLayer,
    )

    gpkg = tmp_path / "diag.gpkg"
    if where == "file":
        dest, final_id, table = str(gpkg), str(gpkg), "diag"
    else:
        processing.run(PROFILE, {"INPUT": communes(5), "OUTPUT": str(tmp_path / "diag.gpkg")})
        dest = f"ogr:dbname='{gpkg}' table=\"profil\" (geom)"
        final_id, table = f"{gpkg}|layername=profil", "profil"

    def run(n):
        context = QgsProcessingContext()
        definition = QgsProcessingOutputLayerDefinition(dest, QgsProject.instance())
        res = processing.run(
            PROFILE,
            {"INPUT": communes(n), "OUTPUT": definition},
            feedback=QgsProcessingFeedback(),
            context=context,
        )
        return res, context

    run(30)
    res, context = run(40)
    assert res["OUTPUT"] == final_id
    loads = list(context.layersToLoadOnCompletion())
    assert final_id in loads
    assert not [k for k in loads if "reterr-tmp" in k or "__reterr_tmp" in k]
    assert context.layerToLoadOnCompletionDetails(final_id).postProcessor() is not None

    layer = QgsVectorLayer(final_id, table, "ogr")
    assert layer.isValid() and layer.featureCount() == 40
    assert layer.renderer().type() == "graduatedSymbol"  # the default style, from the file
    styles, prov = _style_and_provenance(gpkg, table)
    con = sqlite3.connect(gpkg)
    try:
        metadata = con.execute(
            "select m.metadata from gpkg_metadata m join gpkg_metadata_reference r"
            " on r.md_file_id = m.id where r.table_name = ?",
            (table,),
        ).fetchall()
    finally:
        con.close()
    assert any("Territorial profile" in m[0] for m in metadata)
    assert (1,) in styles
    assert prov[0] == (table, PROFILE)
    assert not [p for p in prov if "__reterr_tmp" in p[0]]
    if where == "table":
        assert feature_count(f"{gpkg}|layername=diag") == 5  # the other table is untouched
    assert_no_leftovers(tmp_path, gpkg)


def test_new_table_in_a_new_geopackage_and_leftovers_of_a_killed_run(run_alg, tmp_path):
    """(d) A run killed while writing leaves its staging folder or temporary table behind (the
    previous output intact): the next run to that path clears it."""
    gpkg = tmp_path / "nouveau.gpkg"
    table = f"ogr:dbname='{gpkg}' table=\"profil\" (geom)"
    res = run_profile(run_alg, table, n=12)
    assert res["OUTPUT"] == f"{gpkg}|layername=profil"
    assert gpkg_tables(gpkg) == ["layer_styles", "profil", "reterr_provenance"]
    assert_no_leftovers(tmp_path, gpkg)

    # What a killed run leaves: a staging folder, a temporary table.
    stale = tmp_path / ".profil.shp.reterr-tmp"
    stale.mkdir()
    (stale / "profil.shp").write_bytes(b"partial")
    from osgeo import ogr

    ds = ogr.Open(str(gpkg), update=1)
    ds.CreateLayer("profil__reterr_tmp", None, ogr.wkbPolygon)
    ds = None
    run_profile(run_alg, str(tmp_path / "profil.shp"), n=7)
    run_profile(run_alg, table, n=8)
    assert feature_count(str(tmp_path / "profil.shp")) == 7
    assert feature_count(f"{gpkg}|layername=profil") == 8
    assert_no_leftovers(tmp_path, gpkg)


def test_two_outputs_into_one_new_geopackage(run_alg, tmp_path):
    """Both outputs of a run as tables of one GeoPackage that does not exist yet: the second is
    written into the staged file of the first and both arrive together."""
    gpkg = tmp_path / "sourcing.gpkg"
    params = {
        "INPUT": sourcing_input(),
        "OUTPUT": f"ogr:dbname='{gpkg}' table=\"flux\" (geom)",
        "OUTPUT_TERRITORIES": f"ogr:dbname='{gpkg}' table=\"territoires\" (geom)",
    }
    res = run_alg(SOURCING, params)
    assert res["OUTPUT_TERRITORIES"] == f"{gpkg}|layername=territoires"
    assert {"flux", "territoires"} <= set(gpkg_tables(gpkg))
    assert feature_count(res["OUTPUT_TERRITORIES"]) == 4
    assert_no_leftovers(tmp_path, gpkg)
