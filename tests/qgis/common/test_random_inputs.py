"""Issue 13, "must hold": every algorithm fed small random layers (seeded) with NULLs, duplicates,
odd coordinate systems and degenerate geometries ends in a clean error or a complete output.

For each ReTerr algorithm and each case, the layers its parameters ask for are generated from the
parameters themselves (geometry type of the layer parameter, one field per field parameter, named
by its default, numeric or text as the parameter accepts), then spoiled at random: NULL values,
zeros and negative numbers, duplicated features, empty / collapsed / self-intersecting geometries,
a geographic, Web Mercator or undefined CRS, codes in lower case. The run must either

* raise a ``QgsProcessingException`` whose message is not a Python traceback, or
* succeed, and then every vector output must be readable; an output with fewer features than the
  main input must come with a warning (features in ≠ features out is never silent).

Any other exception, or a traceback in the message, fails the test with the case's seed so that it
can be replayed. The counts of the run are printed (``-s``) and checked not to be degenerate.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.qgis

SEED = 20261207
ERRORS: list[str] = []
OK_BY_ALGORITHM: dict[str, int] = {}
CASES_PER_ALGORITHM = 10
#: Lambert-93 box around Rodez, where every generated layer lies before any CRS change.
X0, Y0, SIZE = 650000.0, 6350000.0, 40000.0
WORDS = ["Rodez", "Millau", "Saint-Affrique", "Espalion", "Najac", "Conques", "Bozouls", "Laguiole"]
#: Fields given to a multiple numeric field parameter without default (indicators of the registry).
MULTI_FIELDS = ("share_65p", "share_0_19")
ROAD_CLASSES = ["primary", "secondary", "tertiary", "residential", "unclassified", "track", "?"]
TYPES = ["D265", "D307", "B101", "C104", "d265", "A203", "ZZZZ"]
NAF = ["1051A", "0111Z", "4711D", "1013A", "4631Z", "xx"]


def reterr_algorithms():
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("reterr")
    from reterr_qgis.processing.base import ReterrAlgorithm

    # The shipped models are left out: they run these algorithms.
    return sorted(
        (a for a in provider.algorithms() if isinstance(a, ReterrAlgorithm)), key=lambda a: a.name()
    )


def _text_value(rng, field: str, k: int):
    low = field.lower()
    if "highway" in low or "class" in low or "nature" in low:
        return str(rng.choice(ROAD_CLASSES))
    if "typ" in low or low in ("category", "famille"):
        return str(rng.choice(TYPES))
    if "naf" in low or "ape" in low or "activite" in low:
        return str(rng.choice(NAF))
    if "siret" in low or "siren" in low:
        return f"{rng.integers(10**8, 10**9)}{rng.integers(0, 100000):05d}"[
            : 14 if "siret" in low else 9
        ]
    if "code" in low or "insee" in low or "depcom" in low or "com" in low or "epci" in low:
        return f"12{rng.integers(0, 40):03d}"
    return f"{rng.choice(WORDS)} {k}"


def _geometry(rng, kind: str, k: int, spoil: bool):
    from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle

    x = X0 + rng.uniform(0, SIZE)
    y = Y0 + rng.uniform(0, SIZE)
    if spoil:
        choice = rng.integers(0, 4)
        if choice == 0:
            return QgsGeometry()  # no geometry
        if kind == "polygon" and choice == 1:  # self-intersecting bow tie
            return QgsGeometry.fromWkt(
                f"POLYGON(({x} {y},{x + 500} {y + 500},{x + 500} {y},{x} {y + 500},{x} {y}))"
            )
        if kind == "polygon" and choice == 2:  # collapsed to a line
            return QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + 500} {y},{x} {y}))")
        if kind == "line" and choice == 1:
            return QgsGeometry.fromWkt(f"LINESTRING({x} {y},{x} {y})")
    if kind == "point":
        return QgsGeometry.fromPointXY(QgsPointXY(x, y))
    if kind == "line":
        return QgsGeometry.fromWkt(
            f"LINESTRING({x} {y},{x + rng.uniform(200, 3000)} {y + rng.uniform(-2000, 2000)})"
        )
    # Polygons: a grid of squares so that neighbours touch, as communes do.
    i, j = k % 5, k // 5
    side = SIZE / 5
    return QgsGeometry.fromRect(
        QgsRectangle(X0 + i * side, Y0 + j * side, X0 + (i + 1) * side, Y0 + (j + 1) * side)
    )


def _layer_kind(definition) -> str:
    types = [int(t) for t in (definition.dataTypes() if hasattr(definition, "dataTypes") else [])]
    # QgsProcessing source types: 0 point, 1 line, 2 polygon, 5 table (no geometry), -1 any.
    if 0 in types and 2 not in types:
        return "point"
    if 1 in types and 2 not in types:
        return "line"
    if types == [5]:
        return "table"
    return "polygon"


def make_layer(rng, definition, field_defs, spoil: dict):
    """A memory layer for a layer parameter, with one field per field parameter of it."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsFeature,
        QgsProject,
        QgsVectorLayer,
    )

    from reterr_qgis.adapters import compat

    kind = _layer_kind(definition)
    geom = {"point": "Point", "line": "LineString", "polygon": "Polygon", "table": "None"}[kind]
    crs = "EPSG:2154"
    if spoil.get("crs"):
        crs = str(rng.choice(["EPSG:4326", "EPSG:3857", "undefined", "EPSG:32631"]))
    fields = {}
    for fd in field_defs:
        default = fd.defaultValue()
        names = default if isinstance(default, list) else [default] if default else []
        numeric = fd.dataType() == compat.FIELD_NUMERIC or bool(fd.metadata().get("reterr_numbers"))
        if not names and fd.allowMultiple() and numeric:
            # Several numeric fields and no default (the index's indicators): known indicators.
            names = list(MULTI_FIELDS)
        for name in names:
            for n in str(name).split(";"):
                if n:
                    fields[n] = "double" if numeric else "string"
    for extra, typ in (("nom", "string"), ("population", "double"), ("code_insee", "string")):
        fields.setdefault(extra, typ)
    uri = f"{geom}?crs={'EPSG:2154' if crs == 'undefined' else crs}&" + "&".join(
        f"field={n}:{t}" for n, t in fields.items()
    )
    layer = QgsVectorLayer(uri, definition.name().lower(), "memory")
    if crs == "undefined":
        layer.setCrs(QgsCoordinateReferenceSystem())
    n = int(rng.integers(0, 3)) if spoil.get("tiny") else int(rng.integers(5, 21))
    xform = None
    if crs not in ("EPSG:2154", "undefined"):
        xform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:2154"),
            QgsCoordinateReferenceSystem(crs),
            QgsProject.instance(),
        )
    feats = []
    for k in range(n):
        f = QgsFeature(layer.fields())
        attrs = []
        for name, typ in fields.items():
            if spoil.get("nulls") and rng.random() < 0.2:
                attrs.append(None)
            elif typ == "double":
                v = float(rng.choice([0.0, rng.uniform(0, 2000), rng.uniform(0, 50)]))
                attrs.append(-v if spoil.get("negative") and rng.random() < 0.2 else v)
            else:
                attrs.append(_text_value(rng, name, k))
        f.setAttributes(attrs)
        if kind != "table":
            g = _geometry(rng, kind, k, bool(spoil.get("geometry")) and rng.random() < 0.3)
            if xform is not None and not g.isNull():
                g.transform(xform)
            f.setGeometry(g)
        feats.append(f)
        if spoil.get("duplicates") and rng.random() < 0.3:
            d = QgsFeature(f)
            feats.append(d)
    layer.dataProvider().addFeatures(feats)
    return layer


ROOT = Path(__file__).resolve().parents[3]
#: Published-format files the import algorithms read: random rows of the sample files (or, for the
#: BPE, rows generated in its format), then spoiled.
CSV_SOURCES = {
    "import_flows": ROOT / "resources" / "sample" / "flux_domicile_travail_illustratif.csv",
    "import_sirene": ROOT / "resources" / "sample" / "StockEtablissement_illustratif.csv",
}
BPE_HEADER = "REG;DEP;DEPCOM;DCIRIS;AN;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY"


def make_csv(rng, alg_name: str, path: Path, spoil: dict) -> str:
    """A small CSV in the published format of the file ``alg_name`` imports, spoiled: blank
    cells, repeated rows, the last line cut inside a value."""
    source = CSV_SOURCES.get(alg_name)
    if source is not None:
        with open(source, encoding="utf-8") as f:
            header = f.readline().rstrip("\n")
            lines = [line.rstrip("\n") for _, line in zip(range(4000), f)]
        rows = [lines[k] for k in rng.choice(len(lines), size=30, replace=False)]
    else:
        header = BPE_HEADER
        rows = []
        for _ in range(30):
            x, y = X0 + rng.uniform(0, SIZE), Y0 + rng.uniform(0, SIZE)
            code = f"12{rng.integers(0, 40):03d}"
            rows.append(f"76;12;{code};{code}0000;2023;{rng.choice(TYPES)};{x:.1f};{y:.1f};Bonne")
    sep = ";" if ";" in header else ","
    out = []
    for row in rows:
        cells = row.split(sep)
        if spoil.get("nulls") and rng.random() < 0.3:
            cells[int(rng.integers(0, len(cells)))] = ""
        out.append(sep.join(cells))
        if spoil.get("duplicates") and rng.random() < 0.3:
            out.append(out[-1])
    if spoil.get("tiny"):
        out = out[: int(rng.integers(0, 2))]
    text = "\n".join([header, *out]) + "\n"
    if spoil.get("geometry") and out:
        text = text[: -int(rng.integers(2, 6))]  # the last line cut inside a value
    path.write_text(text, encoding="utf-8")
    return str(path)


def make_parameters(rng, alg, tmp_path, spoil):
    from reterr_qgis.adapters import compat

    defs = alg.parameterDefinitions()
    fields_of = {}
    for d in defs:
        if d.type() == "field":
            fields_of.setdefault(d.parentLayerParameterName(), []).append(d)
    params, layers = {}, {}
    for d in defs:
        name, kind = d.name(), d.type()
        if kind in ("source", "vector"):
            optional = _optional(d)
            if optional and rng.random() < 0.5:
                continue
            layers[name] = make_layer(rng, d, fields_of.get(name, []), spoil)
            params[name] = layers[name]
        elif kind == "field" and d.allowMultiple() and d.defaultValue() in (None, "", []):
            if d.dataType() == compat.FIELD_NUMERIC or d.metadata().get("reterr_numbers"):
                params[name] = list(MULTI_FIELDS)
        elif kind == "file" and not _optional(d) and not d.defaultValue():
            params[name] = make_csv(rng, alg.name(), tmp_path / f"{name.lower()}.csv", spoil)
        elif kind == "sink":
            params[name] = "TEMPORARY_OUTPUT"
        elif kind == "fileDestination":
            ext = (d.defaultFileExtension() or "csv").lstrip(".")
            params[name] = str(tmp_path / f"{name.lower()}.{ext}")
        elif kind == "enum":
            options = d.options()
            params[name] = int(rng.integers(0, len(options))) if options else 0
        elif kind == "boolean":
            params[name] = bool(rng.random() < 0.5)
    return params, layers


def _optional(definition) -> bool:
    from qgis.core import QgsProcessingParameterDefinition

    flag = getattr(QgsProcessingParameterDefinition, "FlagOptional", None)
    if flag is None:
        from qgis.core import Qgis

        flag = Qgis.ProcessingParameterFlag.Optional
    return bool(definition.flags() & flag)


def _main_input(alg, layers):
    """The layer whose features the main output is made of (one output feature per input
    feature, or per group of them): INPUT or DEMAND. Import algorithms, whose layers only select
    what is read from a file, have none."""
    if any(d.type() == "file" for d in alg.parameterDefinitions() if not _optional(d)):
        return None
    for name in ("INPUT", "DEMAND"):
        if name in layers:
            return layers[name]
    return None


def _feedback():
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def reportError(self, error, fatalError=False):
            self.warnings.append(error)

        def pushWarning(self, warning):
            self.warnings.append(warning)

    return Feedback()


def test_random_inputs_never_end_in_a_traceback(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsVectorLayer

    counts = {"cases": 0, "clean_errors": 0, "outputs_checked": 0, "runs_ok": 0}
    failures = []
    for a, alg in enumerate(reterr_algorithms()):
        for case in range(CASES_PER_ALGORITHM):
            seed = SEED + 1000 * a + case
            rng = np.random.default_rng(seed)
            spoil = {
                key: bool(rng.random() < p)
                for key, p in (
                    ("nulls", 0.3),
                    ("negative", 0.2),
                    ("duplicates", 0.3),
                    ("geometry", 0.25),
                    ("crs", 0.2),
                    ("tiny", 0.1),
                )
            }
            case_dir = tmp_path / f"{alg.name()}_{case}"
            case_dir.mkdir()
            params, layers = make_parameters(rng, alg, case_dir, spoil)
            counts["cases"] += 1
            fb = _feedback()
            context = QgsProcessingContext()
            where = f"{alg.name()} seed={seed} spoil={[k for k, v in spoil.items() if v]}"
            try:
                result = processing.run(
                    f"reterr:{alg.name()}", params, feedback=fb, context=context
                )
            except QgsProcessingException as err:
                message = str(err)
                if "Traceback" in message or not message.strip():
                    failures.append(f"{where}: traceback/empty error: {message[-1500:]}")
                else:
                    counts["clean_errors"] += 1
                    ERRORS.append(f"{where}: {message.splitlines()[-1][:200]}")
                continue
            except Exception as err:
                failures.append(f"{where}: {type(err).__name__}: {err}")
                continue
            counts["runs_ok"] += 1
            OK_BY_ALGORITHM[alg.name()] = OK_BY_ALGORITHM.get(alg.name(), 0) + 1
            main = _main_input(alg, layers)
            for key, value in result.items():
                layer = value if isinstance(value, QgsVectorLayer) else None
                if (
                    layer is None
                    and isinstance(value, str)
                    and key in params
                    and params[key] == "TEMPORARY_OUTPUT"
                ):
                    layer = context.getMapLayer(value)
                if layer is None:
                    continue
                if not layer.isValid():
                    failures.append(f"{where}: output {key} is not a valid layer")
                    continue
                counts["outputs_checked"] += 1
                n_out = layer.featureCount()
                if (
                    key == "OUTPUT"
                    and main is not None
                    and main.featureCount() > 0
                    and 0 <= n_out < main.featureCount()
                    and not fb.warnings
                ):
                    failures.append(
                        f"{where}: {main.featureCount()} features in, {n_out} out, no warning"
                    )
    print(f"\nrandom inputs: {counts}")
    print("\n".join(ERRORS))
    print(f"complete outputs by algorithm: {OK_BY_ALGORITHM}")
    assert not failures, "\n".join(failures[:30]) + f"\n({len(failures)} failures, {counts})"
    # The generator must exercise both paths, not only errors.
    assert counts["cases"] == CASES_PER_ALGORITHM * len(reterr_algorithms())
    assert counts["clean_errors"] > 0 and counts["runs_ok"] > 0 and counts["outputs_checked"] > 0
