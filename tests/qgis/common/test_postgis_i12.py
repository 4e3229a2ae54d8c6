"""PostGIS in and out (issue 12, point 5), against a real PostgreSQL + PostGIS server.

The module fixture starts a throw-away cluster (``initdb`` + ``pg_ctl``, as the ``postgres`` user
when the tests run as root, which PostgreSQL refuses) in a temporary directory, listening only on a
Unix socket there, creates a database with the ``postgis`` extension, and stops and removes it all
afterwards, also when a test fails. Without the server programs or the PostGIS extension
(``scripts/setup.sh --dev`` installs them from apt) the tests are skipped, saying so.

``reterr:territory_profile`` reads its territories from a PostGIS table and writes its profile to a
table of another schema: the same rows and values as the run on the GeoPackage, the default style
in the database's ``layer_styles``, a provenance row in the schema's ``reterr_provenance``; the
output is staged as ``<table>__reterr_tmp`` and swapped in one transaction, so that a canceled run
keeps the previous table and a re-run replaces it whole. A geographic-CRS or invalid-geometry table
is refused with the same message as the same layer in a GeoPackage. ``qgis_process`` takes the
same ``postgres://dbname=… table="schema"."name" (geom)`` strings as ``processing.run``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import cancel_at

pytestmark = pytest.mark.qgis

PROFILE = "reterr:territory_profile"
ROOT = Path(__file__).resolve().parents[3]
DB = "reterr_test"
USER = "planner"  # not a schema's name: "$user" comes first in search_path
X0, Y0 = 700_000.0, 6_400_000.0
INSTALL = "apt-get install postgresql postgresql-postgis (scripts/setup.sh --dev)"


# -- the server ------------------------------------------------------------------------------------


def _pg_program(name: str) -> str | None:
    """A PostgreSQL server program: on PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")
    candidates.sort(key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running throw-away cluster: ``uri()`` gives QGIS's URI of a table, ``sql()`` runs SQL."""

    def __init__(self, folder: str, port: int, psql: str, run_as: list[str]) -> None:
        self.folder, self.port, self.psql, self.run_as = folder, port, psql, run_as

    @property
    def conninfo(self) -> str:
        return f"dbname='{DB}' host={self.folder} port={self.port} user='{USER}'"

    def uri(self, schema: str, table: str, geom: str = "geom") -> str:
        return f'{self.conninfo} table="{schema}"."{table}" ({geom})'

    def layer_string(self, schema: str, table: str) -> str:
        return "postgres://" + self.uri(schema, table)

    def sql(self, statement: str) -> list[list[str]]:
        """Rows of ``statement`` (text, ``|``-separated by psql)."""
        out = subprocess.run(
            [
                self.psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", self.folder, "-p", str(self.port), "-U", USER, "-d", DB, "-c", statement,
            ],
            capture_output=True, text=True, check=True, timeout=60,
        )  # fmt: skip
        return [line.split("|") for line in out.stdout.splitlines() if line]

    def tables(self, schema: str) -> list[str]:
        return sorted(
            r[0] for r in self.sql(f"SELECT tablename FROM pg_tables WHERE schemaname = '{schema}'")
        )

    def load(self, source: str, layer: str, schema: str, table: str) -> None:
        """Copy ``layer`` of the OGR dataset ``source`` into ``schema.table`` (geometry ``geom``)."""
        from osgeo import gdal

        # Exceptions for this copy only: left on, they change GDAL's behaviour for every later
        # test of the process (a shapefile test then fails with "unknown error occurred").
        before = gdal.GetUseExceptions()
        gdal.UseExceptions()
        try:
            ds = gdal.VectorTranslate(
                f"PG:{self.conninfo}",
                source,
                layers=[layer],
                layerName=f"{schema}.{table}",
                accessMode="overwrite",
                layerCreationOptions=["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=NONE"],
            )
            assert ds is not None, gdal.GetLastErrorMsg()
            ds = None
        finally:
            if not before:
                gdal.DontUseExceptions()


@pytest.fixture(scope="module")
def pg(qgis_app, sample_gpkg):
    """A PostgreSQL + PostGIS server of its own, on a free port and a socket in a temp folder."""
    initdb, pg_ctl, psql = (_pg_program(n) for n in ("initdb", "pg_ctl", "psql"))
    if not (initdb and pg_ctl and psql):
        pytest.skip(f"PostgreSQL server programs (initdb, pg_ctl, psql) not found: {INSTALL}")
    run_as: list[str] = []
    owner = None
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip(f"running as root and no 'postgres' user to run the server: {INSTALL}")
        runuser = shutil.which("runuser")
        if runuser is None:
            pytest.skip("running as root and no runuser to start the server as 'postgres'")
        run_as = [runuser, "-u", "postgres", "--"]
    folder = tempfile.mkdtemp(prefix="reterr-pg-")
    if owner is not None:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    os.chmod(folder, 0o700)
    data, port = os.path.join(folder, "data"), _free_port()
    started = False
    try:
        subprocess.run(
            [*run_as, initdb, "-D", data, "-U", USER, "--auth=trust", "-E", "UTF8", "--no-locale", "-N"],
            capture_output=True, check=True, timeout=120,
        )  # fmt: skip
        options = f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off"
        subprocess.run(
            [*run_as, pg_ctl, "-D", data, "-o", options, "-l", os.path.join(folder, "log"),
             "-w", "-t", "60", "start"],
            capture_output=True, check=True, timeout=90,
        )  # fmt: skip
        started = True
        server = Server(folder, port, psql, run_as)
        subprocess.run(
            [psql, "-X", "-q", "-h", folder, "-p", str(port), "-U", USER, "-d", "postgres",
             "-c", f"CREATE DATABASE {DB}"],
            capture_output=True, check=True, timeout=60,
        )  # fmt: skip
        try:
            server.sql("CREATE EXTENSION postgis")
        except subprocess.CalledProcessError as err:
            pytest.skip(f"the PostGIS extension is not installed ({err.stderr.strip()}): {INSTALL}")
        server.sql("CREATE SCHEMA reterr")
        server.load(str(sample_gpkg), "communes", "public", "communes")
        yield server
    finally:
        if started:
            subprocess.run(
                [*run_as, pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"],
                capture_output=True, timeout=60,
            )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


# -- helpers -------------------------------------------------------------------------------------


def rows_of(layer, key="code_insee"):
    """{key: {field: value}} of a layer's features, plus the geometry area."""
    out = {}
    for f in layer.getFeatures():
        values = {name: f[name] for name in layer.fields().names() if name != "fid"}
        values["_area"] = round(f.geometry().area(), 3)
        out[f[key]] = values
    return out


def pg_layer(pg, schema, table):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(pg.uri(schema, table), table, "postgres")
    assert layer.isValid(), f"{schema}.{table} does not open"
    return layer


def grid_gpkg(path: Path, n: int, crs: str = "EPSG:2154", bowtie: bool = False) -> str:
    """A GeoPackage with a table ``territoires`` of ``n`` square communes (the first one a
    self-intersecting "bow tie" when ``bowtie``); its path."""
    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsGeometry,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    layer = QgsVectorLayer(
        f"MultiPolygon?crs={crs}&field=nom:string&field=population:double", "territoires", "memory"
    )
    step, half = (0.01, 0.004) if crs == "EPSG:4326" else (1000.0, 400.0)
    x0, y0 = (2.0, 44.0) if crs == "EPSG:4326" else (X0, Y0)
    feats = []
    for i in range(n):
        cx, cy = x0 + step * (i % 25), y0 + step * (i // 25)
        a, b, c, d = cx - half, cy - half, cx + half, cy + half
        if bowtie and i == 0:
            wkt = f"MULTIPOLYGON((({a} {b},{c} {d},{c} {b},{a} {d},{a} {b})))"
        else:
            wkt = f"MULTIPOLYGON((({a} {b},{c} {b},{c} {d},{a} {d},{a} {b})))"
        f = QgsFeature(layer.fields())
        f.setAttributes([f"c{i:03d}", 100.0])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "territoires"
    result = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsCoordinateTransformContext(), options
    )
    assert result[0] == QgsVectorFileWriter.NoError, result
    return str(path)


def error_of(run_alg, params, feedback=None) -> str:
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        run_alg(PROFILE, params, feedback)
    return str(err.value)


# -- tests ---------------------------------------------------------------------------------------


def test_postgis_round_trip_equals_the_geopackage_run(pg, run_alg, sample_gpkg, tmp_path):
    """PostGIS in → PostGIS out: the same rows, values and areas as the run on the GeoPackage;
    the result is the final table, which Processing opens; nothing staged is left."""
    from qgis.core import QgsProcessingContext, QgsProcessingUtils, QgsVectorLayer

    gpkg_out = tmp_path / "profil.gpkg"
    run_alg(PROFILE, {"INPUT": f"{sample_gpkg}|layername=communes", "OUTPUT": str(gpkg_out)})
    res = run_alg(
        PROFILE,
        {
            "INPUT": pg.layer_string("public", "communes"),
            "OUTPUT": pg.layer_string("reterr", "profil"),
        },
    )
    assert res["OUTPUT"] == pg.layer_string("reterr", "profil")
    context = QgsProcessingContext()
    opened = QgsProcessingUtils.mapLayerFromString(res["OUTPUT"], context)
    assert opened is not None and opened.isValid() and opened.providerType() == "postgres"
    expected = rows_of(QgsVectorLayer(str(gpkg_out), "gpkg", "ogr"))
    got = rows_of(pg_layer(pg, "reterr", "profil"))
    assert len(got) == len(expected) == 285
    assert got.keys() == expected.keys()
    for code, values in expected.items():
        assert got[code].keys() == values.keys()
        for name, value in values.items():
            if isinstance(value, float):
                assert got[code][name] == pytest.approx(value, rel=1e-9, abs=1e-9), (code, name)
            else:
                assert got[code][name] == value, (code, name)
    assert pg.tables("reterr") == ["profil", "reterr_provenance"]
    assert "layer_styles" in pg.tables("public")


def test_postgis_output_has_its_style_and_provenance_in_the_database(pg, run_alg):
    """The default style is a row of the database's ``layer_styles`` (the layer opens styled) and
    the provenance a row of ``reterr.reterr_provenance``; no password is recorded."""
    from qgis.core import QgsGraduatedSymbolRenderer

    source = pg.layer_string("public", "communes").replace(
        f"user='{USER}'", f"user='{USER}' password='s3cret'"
    )
    run_alg(PROFILE, {"INPUT": source, "OUTPUT": pg.layer_string("reterr", "styled")})
    styles = pg.sql(
        "SELECT f_table_schema, f_geometry_column, useasdefault, length(styleqml::text) > 100 "
        "FROM layer_styles WHERE f_table_name = 'styled'"
    )
    assert styles == [["reterr", "geom", "t", "t"]]
    layer = pg_layer(pg, "reterr", "styled")
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)  # the default style loaded
    prov = pg.sql(
        "SELECT layer, algorithm, parameters FROM reterr.reterr_provenance WHERE layer = 'styled'"
    )
    assert len(prov) == 1 and prov[0][1] == PROFILE
    assert "communes" in prov[0][2] and "s3cret" not in prov[0][2]


def test_postgis_rerun_replaces_the_table_whole(pg, run_alg):
    """A second run (another population field) replaces the table whole: new values in every row,
    one style row, two provenance rows, the primary key named after the table, nothing staged."""
    out = pg.layer_string("reterr", "rerun")
    run_alg(PROFILE, {"INPUT": pg.layer_string("public", "communes"), "OUTPUT": out})
    first = rows_of(pg_layer(pg, "reterr", "rerun"))
    run_alg(
        PROFILE,
        {
            "INPUT": pg.layer_string("public", "communes"),
            "POPULATION_FIELD": "logements",
            "OUTPUT": out,
        },
    )
    second = rows_of(pg_layer(pg, "reterr", "rerun"))
    assert second.keys() == first.keys() and len(second) == 285
    assert all(second[c]["population"] == first[c]["logements"] for c in first)
    assert pg.sql("SELECT count(*) FROM layer_styles WHERE f_table_name = 'rerun'") == [["1"]]
    assert pg.sql("SELECT count(*) FROM reterr.reterr_provenance WHERE layer = 'rerun'") == [["2"]]
    indexes = pg.sql("SELECT indexname FROM pg_indexes WHERE tablename LIKE 'rerun%'")
    assert indexes and all(not i[0].startswith("rerun__reterr_tmp") for i in indexes)
    assert not [t for t in pg.tables("reterr") if t.endswith("__reterr_tmp")]


def test_canceled_run_keeps_the_previous_postgis_table(pg, run_alg, tmp_path):
    """Canceled while writing (400 of 500 features): the previous table is intact and nothing of
    the canceled run is left (before, QGIS dropped the table when the run opened its output)."""
    from qgis.core import QgsProcessingException

    gpkg = grid_gpkg(tmp_path / "grid.gpkg", 500)
    pg.load(gpkg, "territoires", "public", "grid")
    out = pg.layer_string("reterr", "kept")
    run_alg(PROFILE, {"INPUT": pg.layer_string("public", "communes"), "OUTPUT": out})
    with pytest.raises(QgsProcessingException):
        run_alg(PROFILE, {"INPUT": pg.layer_string("public", "grid"), "OUTPUT": out}, cancel_at(80))
    assert pg.sql("SELECT count(*) FROM reterr.kept") == [["285"]]
    assert not [t for t in pg.tables("reterr") if t.endswith("__reterr_tmp")]


def errors_from_file_and_table(pg, run_alg, gpkg: str, output: str) -> tuple[str, str]:
    """The profile's error on the ``territoires`` layer of ``gpkg``, then on the same layer loaded
    into PostGIS with its output to ``reterr.<output>``."""
    pg.load(gpkg, "territoires", "public", "territoires")
    from_file = error_of(
        run_alg, {"INPUT": f"{gpkg}|layername=territoires", "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    from_db = error_of(
        run_alg,
        {
            "INPUT": pg.layer_string("public", "territoires"),
            "OUTPUT": pg.layer_string("reterr", output),
        },
    )
    return from_file, from_db


def test_geographic_crs_table_gives_the_file_message(pg, run_alg, tmp_path):
    gpkg = grid_gpkg(tmp_path / "wgs84.gpkg", 4, crs="EPSG:4326")
    from_file, from_db = errors_from_file_and_table(pg, run_alg, gpkg, "wgs84")
    assert "geographic" in from_db and "EPSG:2154" in from_db
    assert from_db == from_file
    assert "wgs84" not in pg.tables("reterr")


def test_invalid_geometry_table_gives_the_file_message(pg, run_alg, tmp_path):
    gpkg = grid_gpkg(tmp_path / "bowtie.gpkg", 4, bowtie=True)
    from_file, from_db = errors_from_file_and_table(pg, run_alg, gpkg, "bowtie")
    assert "invalid geometry" in from_db and "c000" in from_db
    assert from_db == from_file
    assert "bowtie" not in pg.tables("reterr")


def test_qgis_process_reads_and_writes_postgis(pg):
    """``qgis_process`` takes the same ``postgres://`` strings: the table, its style and its
    provenance are written as by ``processing.run``."""
    import json

    script = ROOT / "scripts" / "qgis_process.sh"
    if not script.exists() or not (
        Path("/usr/bin/qgis_process.bin").exists() or shutil.which("qgis_process")
    ):
        pytest.skip("qgis_process is not installed")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    env.pop("LANGUAGE", None)
    out = pg.layer_string("reterr", "from_qgis_process")
    proc = subprocess.run(
        ["bash", str(script), "--json", "run", PROFILE, "--",
         f"INPUT={pg.layer_string('public', 'communes')}", f"OUTPUT={out}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout[proc.stdout.find("{") :])["results"]["OUTPUT"] == out
    assert pg.sql("SELECT count(*) FROM reterr.from_qgis_process") == [["285"]]
    assert pg.sql("SELECT count(*) FROM layer_styles WHERE f_table_name = 'from_qgis_process'") == [
        ["1"]
    ]
    assert pg.sql(
        "SELECT algorithm FROM reterr.reterr_provenance WHERE layer = 'from_qgis_process'"
    ) == [[PROFILE]]
