"""An output never overwrites the file of an input of the same run (issue 13, item 1).

Writing OUTPUT=a.gpkg with INPUT='a.gpkg|layername=communes' used to succeed and leave the
GeoPackage holding only the output: every other table was gone. The run is now refused before any
sink is created; a new table of that GeoPackage (``ogr:dbname=... table=...``) is still allowed
and keeps the other tables.
"""

import os
import shutil
import sqlite3

import pytest

pytestmark = pytest.mark.qgis

ALG = "reterr:territory_profile"


@pytest.fixture
def gpkg(sample_gpkg, tmp_path):
    """A copy of the sample GeoPackage (the runs below may try to destroy it)."""
    path = tmp_path / "aveyron.gpkg"
    shutil.copy(sample_gpkg, path)
    return path


def tables(path):
    """{table: number of rows} of the GeoPackage's contents."""
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute("select table_name from gpkg_contents")]
        return {n: con.execute(f'select count(*) from "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def refused(run_alg, params):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        run_alg(ALG, params)
    return str(err.value)


def test_output_file_of_the_input_is_refused(run_alg, gpkg):
    before = tables(gpkg)
    assert {"communes", "epci", "mairies"} <= set(before)
    msg = refused(run_alg, {"INPUT": f"{gpkg}|layername=communes", "OUTPUT": str(gpkg)})
    assert tables(gpkg) == before
    # Names both parameters and says what to do.
    assert "OUTPUT" in msg and "INPUT" in msg
    assert os.path.realpath(gpkg) in msg
    assert "another file" in msg and "ogr:dbname=" in msg


def test_output_file_of_the_input_refused_in_every_spelling(run_alg, gpkg, tmp_path):
    from qgis.core import (
        QgsProcessingFeatureSourceDefinition,
        QgsProcessingOutputLayerDefinition,
        QgsVectorLayer,
    )

    before = tables(gpkg)
    layer = QgsVectorLayer(f"{gpkg}|layername=communes", "communes", "ogr")
    assert layer.isValid()
    (tmp_path / "sub").mkdir()
    other_spelling = str(tmp_path / "sub" / ".." / gpkg.name)
    refused(run_alg, {"INPUT": layer, "OUTPUT": other_spelling})
    assert tables(gpkg) == before
    selection = QgsProcessingFeatureSourceDefinition(f"{gpkg}|layername=communes", False)
    refused(run_alg, {"INPUT": selection, "OUTPUT": QgsProcessingOutputLayerDefinition(str(gpkg))})
    assert tables(gpkg) == before


def test_output_file_of_a_second_input_is_refused(run_alg, gpkg, tmp_path):
    """The zoning layer's file counts as much as the main input's."""
    shutil.copy(gpkg, tmp_path / "zones.gpkg")
    zones = tmp_path / "zones.gpkg"
    before = tables(zones)
    msg = refused(
        run_alg,
        {
            "INPUT": f"{gpkg}|layername=communes",
            "ZONES": f"{zones}|layername=epci",
            "OUTPUT": str(zones),
        },
    )
    assert "ZONES" in msg
    assert tables(zones) == before


def test_output_replacing_the_input_table_is_refused(run_alg, gpkg):
    before = tables(gpkg)
    msg = refused(
        run_alg,
        {
            "INPUT": f"{gpkg}|layername=communes",
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"communes\" (geom)",
        },
    )
    assert "communes" in msg
    assert tables(gpkg) == before


def test_output_shapefile_of_a_plain_path_input_is_refused(run_alg, gpkg, tmp_path):
    from qgis.core import QgsVectorFileWriter, QgsVectorLayer

    shp = tmp_path / "communes.shp"
    layer = QgsVectorLayer(f"{gpkg}|layername=communes", "communes", "ogr")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "ESRI Shapefile"
    res = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(shp), layer.transformContext(), opts)
    assert res[0] == QgsVectorFileWriter.NoError
    fields_before = QgsVectorLayer(str(shp), "c", "ogr").fields().names()
    # The shapefile shortens log_vacants to log_vacant.
    refused(run_alg, {"INPUT": str(shp), "VACANT_FIELD": "log_vacant", "OUTPUT": str(shp)})
    after = QgsVectorLayer(str(shp), "c", "ogr")
    assert after.featureCount() == 285
    assert after.fields().names() == fields_before


def test_new_table_in_the_input_file_keeps_every_table(run_alg, gpkg):
    before = tables(gpkg)
    run_alg(
        ALG,
        {
            "INPUT": f"{gpkg}|layername=communes",
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"profile\" (geom)",
        },
    )
    after = tables(gpkg)
    assert after["profile"] == 285
    assert {k: after[k] for k in before} == before


def test_run_without_the_parameter_check_is_refused_too(qgis_app, gpkg):
    """QgsProcessingAlgorithm.run (a model's child) skips checkParameterValues: the run is refused
    before any sink is created all the same."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    before = tables(gpkg)
    alg = QgsApplication.processingRegistry().createAlgorithmById(ALG)
    params = {"INPUT": f"{gpkg}|layername=communes", "OUTPUT": str(gpkg)}
    feedback = QgsProcessingFeedback()
    _results, ok = alg.run(params, QgsProcessingContext(), feedback)
    assert not ok
    assert tables(gpkg) == before
