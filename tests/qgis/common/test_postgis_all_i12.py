"""PostGIS in and out for every algorithm (issue 12, point 5), against a real PostgreSQL + PostGIS.

The server is :mod:`test_postgis_i12`'s module fixture ``pg`` (imported here, so this module starts
and stops a server of its own, or is skipped with the same reason). The sample layers of
``resources/sample/aveyron.gpkg`` and the layers some algorithms read that other algorithms make
(the SIRENE establishments, the food needs and farmland of the EPCI, the commuting flows) are
made once on the GeoPackage and copied into the schema ``src``. Then every algorithm of the
provider that reads a vector layer and writes a vector layer runs twice with the same parameters:
inputs from the GeoPackage → outputs to a GeoPackage, and inputs from PostGIS → outputs to tables
of the schema ``out``. Each output table has the same rows as the GeoPackage's (same values,
numbers equal to 1e-9 relative, the same NULLs, the same geometry areas and lengths), its default
style in the database's ``layer_styles`` and its provenance row in ``out.reterr_provenance``. The
CSV importers (``import_bpe``, and ``import_flows``/``import_sirene`` which also read the communes)
run on the same CSV files in both runs.

Left out, with their reason:

* ``reterr:export_atlas``, ``reterr:export_council_map``: their outputs are PDF/PNG files, not
  layers (nothing to write to a PostGIS schema).
* the shipped models (``reterr:complementarity_flows``, ``reterr:services_access``,
  ``reterr:supply_chains``, ``reterr:territorial_diagnostic``): chains of the algorithms tested
  here, run by QGIS's model runner, which hands each child the destinations given to the model.

``reterr:build_network``'s nodes (a check layer) get no style nor provenance, in a GeoPackage as in
PostGIS. A table without geometry (the flows, a stage list) is written to a PostGIS destination
that names a geometry column — as QGIS's dialog names one for these outputs — without one. An
output naming the very PostGIS table an input reads is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import math
from pathlib import Path

import pytest
from test_postgis_i12 import pg  # noqa: F401  (the module fixture: a server for this module)

pytestmark = pytest.mark.qgis

ROOT = Path(__file__).resolve().parents[3]
SAMPLE_DIR = ROOT / "resources" / "sample"
SIRENE = SAMPLE_DIR / "StockEtablissement_illustratif.csv"
SIRENE_UL = SAMPLE_DIR / "StockUniteLegale_illustratif.csv"
FLOWS_CSV = SAMPLE_DIR / "flux_domicile_travail_illustratif.csv"

#: Sample layers copied into the schema ``src``.
SAMPLE_LAYERS = [
    "communes",
    "epci",
    "mairies",
    "bpe_illustratif",
    "routes_illustratives",
    "rpg_illustratif",
]
#: Layers made on the GeoPackage by another algorithm, read by the algorithms tested: (name,
#: algorithm, parameters; ``@name`` is a layer of the sample or made before, ``$file`` a file).
DERIVED = [
    (
        "etablissements",
        "reterr:import_sirene",
        {
            "FILE": "$sirene",
            "UNITE_LEGALE": "$sirene_ul",
            "COMMUNES": "@communes",
            "TOWN_HALLS": "@mairies",
        },
    ),
    ("besoins_epci", "reterr:food_needs", {"INPUT": "@epci", "NAME_FIELD": "nom_epci"}),
    (
        "sau_epci",
        "reterr:farmland",
        {"INPUT": "@besoins_epci", "NAME_FIELD": "nom_epci", "PARCELS": "@rpg_illustratif"},
    ),
    ("adequation_epci", "reterr:food_adequacy", {"INPUT": "@sau_epci", "NAME_FIELD": "nom_epci"}),
    (
        "flux_epci",
        "reterr:import_flows",
        {
            "FILE": "$flows",
            "COMMUNES": "@communes",
            "ZONING_FIELD": "siren_epci",
            "ZONING_NAME_FIELD": "nom_epci",
        },
    ),
    ("flux_communes", "reterr:import_flows", {"FILE": "$flows", "COMMUNES": "@communes"}),
]
#: Layers without geometry (their PostGIS URI names no geometry column).
NO_GEOMETRY = {"flux_epci", "flux_communes"}

ROADS = {
    "NETWORK": "@routes_illustratives",
    "SPEED_FIELD": "vitesse_kmh",
    "ONEWAY_FIELD": "sens",
}
ACCESS = {
    "DEMAND": "@communes",
    "FACILITIES": "@bpe_illustratif",
    "ANCHORS": "@mairies",
    **ROADS,
}
EPCI = {"CODE_FIELD": "siren_epci", "NAME_FIELD": "nom_epci"}

#: Every algorithm with a vector input and a vector output: (parameters, its vector outputs).
CASES: dict[str, tuple[dict, list[str]]] = {
    "reterr:build_network": (dict(ROADS), ["NODES"]),
    "reterr:complementarity": (
        {"INPUT": "@adequation_epci", **EPCI},
        ["OUTPUT", "OUTPUT_TERRITORIES"],
    ),
    "reterr:endogenous_economy": (
        {"INPUT": "@epci", **EPCI, "ESTABLISHMENTS": "@etablissements"},
        ["OUTPUT"],
    ),
    "reterr:farmland": (
        {"INPUT": "@besoins_epci", "NAME_FIELD": "nom_epci", "PARCELS": "@rpg_illustratif"},
        ["OUTPUT"],
    ),
    "reterr:floating_catchment": (
        {
            **ACCESS,
            "CATEGORY_FIELD": "TYPEQU",
            "CATEGORIES": "D265",
            "SUPPLY_FIELD": "capacite",
            "METHOD": 5,
            "CATCHMENT": 20,
        },
        ["OUTPUT"],
    ),
    "reterr:flow_indicators": (
        {"INPUT": "@epci", **EPCI, "FLOWS": "@flux_epci", "THRESHOLD": 300, "TOP_K": 2},
        ["OUTPUT", "FLOW_LINES"],
    ),
    "reterr:food_adequacy": ({"INPUT": "@sau_epci", "NAME_FIELD": "nom_epci"}, ["OUTPUT"]),
    "reterr:food_needs": ({"INPUT": "@epci", "NAME_FIELD": "nom_epci"}, ["OUTPUT"]),
    "reterr:functional_areas": (
        {"INPUT": "@communes", "FLOWS": "@flux_communes", "METHOD": 2},
        ["OUTPUT", "OUTPUT_COMMUNES"],
    ),
    "reterr:import_bpe": ({"INPUT": "$bpe"}, ["OUTPUT"]),
    "reterr:import_flows": (
        {
            "FILE": "$flows",
            "COMMUNES": "@communes",
            "ZONING_FIELD": "siren_epci",
            "ZONING_NAME_FIELD": "nom_epci",
        },
        ["OUTPUT"],
    ),
    "reterr:import_sirene": (
        {
            "FILE": "$sirene",
            "UNITE_LEGALE": "$sirene_ul",
            "COMMUNES": "@communes",
            "TOWN_HALLS": "@mairies",
        },
        ["OUTPUT"],
    ),
    "reterr:local_sourcing": (
        {"INPUT": "@adequation_epci", **EPCI, "RADIUS": 40},
        ["OUTPUT", "OUTPUT_TERRITORIES"],
    ),
    "reterr:nearest_service": (dict(ACCESS), ["OUTPUT"]),
    "reterr:resilience_index": (
        {
            "INPUT": "@communes",
            "FIELDS": ["pop_65p", "pop_0_19", "log_vacants", "logements"],
            "POLARITIES": "pop_65p:-;pop_0_19:+;log_vacants:-;logements:+",
            "SAMPLES": 50,
        },
        ["OUTPUT"],
    ),
    "reterr:service_areas": (
        {"FACILITIES": "@bpe_illustratif", "TYPES": "D265", "BANDS": "10", **ROADS},
        ["OUTPUT"],
    ),
    "reterr:service_basket": (dict(ACCESS), ["OUTPUT"]),
    "reterr:service_gaps": (
        {
            **ACCESS,
            "TYPES": "D265;D307",
            "GROUP_FIELD": "siren_epci",
            "GROUP_NAME_FIELD": "nom_epci",
        },
        ["OUTPUT", "UNDERSERVED"],
    ),
    "reterr:specialisation": (
        {"INPUT": "@epci", **EPCI, "ESTABLISHMENTS": "@etablissements"},
        ["OUTPUT", "SECTORS"],
    ),
    "reterr:suggest_locations": ({**ACCESS, "TYPE": "D265"}, ["OUTPUT"]),
    "reterr:territory_profile": ({"INPUT": "@communes"}, ["OUTPUT"]),
    "reterr:value_chains": (
        {
            "INPUT": "@epci",
            **EPCI,
            "ESTABLISHMENTS": "@etablissements",
            "ANCHORS": "@mairies",
            **ROADS,
            "MAX_SNAP": 5000,
        },
        ["OUTPUT", "MISSING_LINKS", "STAGES"],
    ),
}
#: Algorithms of the provider with a vector output that are not in :data:`CASES` (see above).
LEFT_OUT = {
    "reterr:complementarity_flows",
    "reterr:services_access",
    "reterr:supply_chains",
    "reterr:territorial_diagnostic",
}

#: Algorithms whose outputs get no style nor provenance, in a GeoPackage as in PostGIS (none).
UNRECORDED: set[str] = set()

BPE_CSV = [
    "REG;DEP;DEPCOM;DCIRIS;AN;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY",
    "76;12;12202;122020000;2024;D265;633420,5;6363310,2;Bonne",
    "76;12;12202;122020000;2024;D307;633500;6363400;Acceptable",
    "76;12;12145;121450000;2024;B207;706000;6335000;Bonne",
    "76;12;12145;121450000;2024;D265;;;Non géolocalisé",
]


# -- running ---------------------------------------------------------------------------------------


def _run(alg_id: str, params: dict) -> dict:
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    return processing.run(
        alg_id, params, feedback=QgsProcessingFeedback(), context=QgsProcessingContext()
    )


class Inputs:
    """Where each input layer is: in a GeoPackage and in the schema ``src``; the input files."""

    def __init__(self, server, sample: str, derived: str, files: dict[str, str]) -> None:
        self.pg, self.sample, self.derived, self.files = server, sample, derived, files

    def gpkg(self, name: str) -> str:
        source = self.sample if name in SAMPLE_LAYERS else self.derived
        return f"{source}|layername={name}"

    def postgis(self, name: str) -> str:
        if name in NO_GEOMETRY:
            return f'postgres://{self.pg.conninfo} table="src"."{name}"'
        return self.pg.layer_string("src", name)

    def params(self, params: dict, side: str) -> dict:
        """``params`` with ``@layer`` and ``$file`` resolved, inputs from ``side``."""
        out = {}
        for key, value in params.items():
            if isinstance(value, str) and value.startswith("@"):
                value = self.gpkg(value[1:]) if side == "gpkg" else self.postgis(value[1:])
            elif isinstance(value, str) and value.startswith("$"):
                value = self.files[value[1:]]
            out[key] = value
        return out


def _load(pg, source: str, name: str) -> None:  # noqa: F811
    """Copy the table ``name`` of the GeoPackage ``source`` into ``src.name`` through QGIS's
    PostgreSQL provider: field names and numbers as they are (GDAL would lower-case the names and
    write the numbers with 15 digits)."""
    from qgis.core import QgsVectorLayer, QgsVectorLayerExporter

    layer = QgsVectorLayer(f"{source}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    geom = " (geom)" if layer.isSpatial() else ""
    uri = f'{pg.conninfo} key=\'fid\' table="src"."{name}"{geom}'
    error = QgsVectorLayerExporter.exportLayer(layer, uri, "postgres", layer.crs())
    assert error[0] == QgsVectorLayerExporter.NoError, error
    # Rows in the GeoPackage's order, as the GeoPackage run reads them (pairs of territories are
    # oriented by the order of the input, from a file as from a table).
    index = pg.sql(
        "SELECT indexrelid::regclass FROM pg_index "
        f"WHERE indrelid = 'src.{name}'::regclass AND indisprimary"
    )
    pg.sql(f"CLUSTER src.{name} USING {index[0][0].split('.')[-1]}")


@pytest.fixture(scope="module")
def inputs(pg, sample_gpkg, tmp_path_factory):  # noqa: F811
    folder = tmp_path_factory.mktemp("postgis_all")
    bpe = folder / "bpe24_ensemble_xy.csv"
    bpe.write_bytes(("\n".join(BPE_CSV) + "\n").encode("latin-1"))
    files = {"sirene": str(SIRENE), "sirene_ul": str(SIRENE_UL), "flows": str(FLOWS_CSV)}
    files["bpe"] = str(bpe)
    derived = folder / "derived.gpkg"
    found = Inputs(pg, str(sample_gpkg), str(derived), files)
    pg.sql("CREATE SCHEMA src")
    pg.sql("CREATE SCHEMA out")
    for name in SAMPLE_LAYERS:
        _load(pg, str(sample_gpkg), name)
    for name, alg_id, params in DERIVED:
        geom = "" if name in NO_GEOMETRY else " (geom)"
        dest = f"ogr:dbname='{derived}' table=\"{name}\"{geom}"
        _run(alg_id, {**found.params(params, "gpkg"), "OUTPUT": dest})
        _load(pg, str(derived), name)
    return found


# -- comparing ---------------------------------------------------------------------------------


def _value(value):
    """A comparable Python value of an attribute (None for NULL)."""
    from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, (QDate, QDateTime)):
        return value.toString("yyyy-MM-ddTHH:mm:ss") if value.isValid() else None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _rows(layer) -> tuple[list[str], list[dict]]:
    """(field names, rows sorted by their values) of a layer, without its primary key; each row
    has the geometry's area and length."""
    pk = set(layer.dataProvider().pkAttributeIndexes())
    names = [f.name() for i, f in enumerate(layer.fields()) if i not in pk and f.name() != "fid"]
    rows = []
    for f in layer.getFeatures():
        row = {name: _value(f[name]) for name in names}
        geom = f.geometry()
        empty = geom is None or geom.isEmpty()
        row["_area"] = None if empty else geom.area()
        row["_length"] = None if empty else geom.length()
        rows.append(row)

    def key(row):
        out = []
        for name in sorted(row):
            v = row[name]
            if isinstance(v, float):
                out.append((1, f"{v:.6g}"))
            else:
                out.append((0 if v is None else 2, str(v)))
        return out

    return names, sorted(rows, key=key)


def _assert_same_rows(expected_layer, got_layer, what: str) -> None:
    names, expected = _rows(expected_layer)
    got_names, got = _rows(got_layer)
    assert got_names == names, what
    assert len(got) == len(expected), what
    for i, (e, g) in enumerate(zip(expected, got)):
        for name, value in e.items():
            other = g[name]
            if value is None or other is None:
                assert value is other, (what, i, name, value, other)
            elif isinstance(value, float) or isinstance(other, float):
                assert other == pytest.approx(value, rel=1e-9, abs=1e-9), (what, i, name)
            else:
                assert other == value, (what, i, name)


def _out_uri(pg, table: str, geometry: bool) -> str:  # noqa: F811
    """QGIS's URI of the table ``out.table``, with its geometry column ``geom`` or none."""
    return pg.uri("out", table) if geometry else f'{pg.conninfo} table="out"."{table}"'


def _gpkg_rows(gpkg: Path, table: str, column: str, value: str) -> int:
    """How many rows of the GeoPackage's ``table`` have ``column`` = ``value`` (0 without it)."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(gpkg)) as db:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone():
            return 0
        row = db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", (value,)).fetchone()
        return row[0]


# -- tests ---------------------------------------------------------------------------------------


def test_every_vector_algorithm_is_tested_or_left_out_with_its_reason(qgis_app):
    """The algorithms of the provider with a vector output are the cases here (the CSV importers
    among them) and the ones the module docstring leaves out."""
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("reterr")
    found = set()
    for alg in provider.algorithms():
        kinds = {d.type() for d in alg.parameterDefinitions()}
        if kinds & {"sink", "vectorDestination"}:
            found.add(alg.id())
    assert found == set(CASES) | LEFT_OUT


@pytest.mark.parametrize("alg_id", sorted(CASES))
def test_postgis_in_and_out_equals_the_geopackage_run(alg_id, inputs, pg, tmp_path):  # noqa: F811
    """Inputs from PostGIS, outputs to PostGIS tables: the same rows as the GeoPackage run, each
    table with its default style in ``layer_styles`` and its provenance row."""
    from qgis.core import QgsVectorLayer

    params, outs = CASES[alg_id]
    short = alg_id.split(":")[1]
    gpkg = tmp_path / "out.gpkg"
    gpkg_params = inputs.params(params, "gpkg")
    pg_params = inputs.params(params, "postgis")
    for out in outs:
        gpkg_params[out] = f"ogr:dbname='{gpkg}' table=\"{out.lower()}\" (geom)"
    _run(alg_id, gpkg_params)
    expected = {}
    for out in outs:
        expected[out] = QgsVectorLayer(f"{gpkg}|layername={out.lower()}", out, "ogr")
        assert expected[out].isValid(), out
        # A table without geometry is named without a geometry column here (named with one: see
        # test_table_without_geometry_to_a_destination_with_a_geometry_column).
        table = f"{short}_{out.lower()}"
        pg_params[out] = "postgres://" + _out_uri(pg, table, expected[out].isSpatial())
    result = _run(alg_id, pg_params)
    for out in outs:
        table = f"{short}_{out.lower()}"
        assert result[out] == pg_params[out], out
        got = QgsVectorLayer(_out_uri(pg, table, expected[out].isSpatial()), table, "postgres")
        assert got.isValid(), f"out.{table} does not open"
        _assert_same_rows(expected[out], got, f"{alg_id} {out}")
        # The style and the provenance are where the GeoPackage run has them (everywhere but the
        # check layer of build_network).
        in_gpkg = _gpkg_rows(gpkg, "reterr_provenance", "layer", out.lower())
        assert in_gpkg or alg_id in UNRECORDED, (out, "no provenance in the GeoPackage")
        if in_gpkg:
            prov = pg.sql(f"SELECT algorithm FROM out.reterr_provenance WHERE layer = '{table}'")
            assert prov == [[alg_id]], (out, "provenance")
        styled = _gpkg_rows(gpkg, "layer_styles", "f_table_name", out.lower())
        assert styled or alg_id in UNRECORDED, (out, "no style in the GeoPackage")
        if styled:
            styles = pg.sql(
                "SELECT count(*) FROM layer_styles WHERE f_table_schema = 'out' "
                f"AND f_table_name = '{table}' AND useasdefault"
            )
            assert styles == [["1"]], (out, "style")
    assert not [t for t in pg.tables("out") if t.endswith("__reterr_tmp")]


def test_output_onto_its_own_postgis_input_is_refused(pg, run_alg):  # noqa: F811
    """INPUT and OUTPUT the same PostGIS table: a clean error before anything is written, and
    the table unchanged."""
    from qgis.core import QgsProcessingException

    pg.load(str(ROOT / "resources" / "sample" / "aveyron.gpkg"), "communes", "public", "same")
    before = pg.sql("SELECT count(*), sum(population) FROM public.same")
    columns = pg.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'same'")
    table = pg.layer_string("public", "same")
    with pytest.raises(QgsProcessingException) as err:
        run_alg("reterr:territory_profile", {"INPUT": table, "OUTPUT": table})
    message = str(err.value)
    assert "would replace the table “public.same”" in message, message
    assert "reterr_test" in message and "(INPUT)" in message and "(OUTPUT)" in message
    assert pg.sql("SELECT count(*), sum(population) FROM public.same") == before
    assert (
        pg.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'same'")
        == columns
    )
    assert not [t for t in pg.tables("public") if t.startswith("same__")]
    # Another table of the same schema is allowed.
    run_alg("reterr:territory_profile", {"INPUT": table, "OUTPUT": pg.layer_string("public", "p")})
    assert pg.sql("SELECT count(*) FROM public.p") == [["285"]]


def test_table_without_geometry_to_a_destination_with_a_geometry_column(inputs, pg):  # noqa: F811
    """A table without geometry (the flows of ``import_flows``) written to a PostGIS destination
    that names a geometry column — what QGIS's "Save to PostGIS table" gives for these outputs —
    is written without one, and the result names the table as it is (before, the run failed:
    "Could not create layer … Loading of layer failed")."""
    from qgis.core import QgsProcessingContext, QgsProcessingUtils

    params, _outs = CASES["reterr:import_flows"]
    dest = pg.layer_string("out", "flows_geom_named")
    result = _run("reterr:import_flows", {**inputs.params(params, "postgis"), "OUTPUT": dest})
    context = QgsProcessingContext()
    layer = QgsProcessingUtils.mapLayerFromString(result["OUTPUT"], context)
    assert layer is not None and layer.isValid() and not layer.isSpatial(), result["OUTPUT"]
    assert layer.featureCount() > 0
    assert pg.sql("SELECT count(*) FROM out.flows_geom_named") == [[str(layer.featureCount())]]
    assert pg.sql(
        "SELECT algorithm FROM out.reterr_provenance WHERE layer = 'flows_geom_named'"
    ) == [["reterr:import_flows"]]
    assert not [t for t in pg.tables("out") if t.endswith("__reterr_tmp")]
