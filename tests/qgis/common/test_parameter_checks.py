"""Issue 13, item 12: a value QGIS refuses is explained (what the parameter expects), instead of
QGIS's generic "Incorrect parameter value for X"."""

import pytest

pytestmark = pytest.mark.qgis

GENERIC = "Incorrect parameter value"
#: A value each kind of parameter refuses, and what the explanation must say.
BAD = {
    "number": ("beaucoup", "must be"),
    "enum": (99, "must be one"),
    "source": ("/nonexistent/couche.gpkg|layername=x", "cannot be opened"),
    "vector": ("/nonexistent/couche.gpkg|layername=x", "cannot be opened"),
    "raster": ("/nonexistent/occupation.tif", "cannot be opened"),
}


def reterr_algorithms():
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("reterr")
    return [a for a in provider.algorithms() if a.name().count(":") == 0]


def test_every_refused_kind_of_parameter_is_explained(qgis_app):
    """Every number, list, layer and file parameter of every algorithm: the bad value is refused
    by QGIS itself, and our explanation names the parameter and what it expects."""
    from qgis.core import QgsProcessingContext

    from reterr_qgis.processing.common.checks import explain

    context = QgsProcessingContext()
    tried = 0
    for alg in reterr_algorithms():
        for d in alg.parameterDefinitions():
            if d.type() not in BAD:
                continue
            value, expected = BAD[d.type()]
            if d.type() == "number" and d.checkValueIsAcceptable(value, context):
                continue  # never: text is no number
            assert not d.checkValueIsAcceptable(value, context), (alg.name(), d.name())
            message = explain(d, value, context)
            assert d.name() in message and d.description() in message, message
            assert expected in message, message
            tried += 1
    assert tried > 100


def test_number_range_and_enum_choices_are_spelled_out(qgis_app):
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingParameterEnum,
        QgsProcessingParameterNumber,
    )

    from reterr_qgis.adapters import compat
    from reterr_qgis.processing.common.checks import explain

    context = QgsProcessingContext()
    n = QgsProcessingParameterNumber(
        "MAX_SNAP", "Snapping distance", compat.NUMBER_DOUBLE, 500, False, 0, 5000
    )
    assert explain(n, -3, context) == (
        "'Snapping distance' (MAX_SNAP) must be a number between 0 and 5000; '-3' was given."
    )
    k = QgsProcessingParameterNumber("TOP_K", "Top", compat.NUMBER_INTEGER, 3, False, 1)
    assert explain(k, "x", context) == (
        "'Top' (TOP_K) must be a whole number of at least 1; 'x' was given."
    )
    e = QgsProcessingParameterEnum("METHOD", "Method", ["2SFCA", "E2SFCA"], False, 0)
    assert explain(e, 5, context) == (
        "'Method' (METHOD) must be one of the choices 0 = 2SFCA; 1 = E2SFCA; '5' was given."
    )
    assert explain(e, None, context) == "'Method' (METHOD) is required: give a value."


@pytest.mark.parametrize(
    "alg_id, params, expected",
    [
        (
            "reterr:territory_profile",
            {"INPUT": "/nonexistent/communes.gpkg|layername=communes"},
            "the layer '/nonexistent/communes.gpkg|layername=communes' cannot be opened",
        ),
        ("reterr:territory_profile", {}, "(INPUT) is required"),
        ("reterr:build_network", {"NETWORK": None}, "(NETWORK) is required"),
    ],
)
def test_processing_run_reports_the_explanation(run_alg, alg_id, params, expected):
    """Through processing.run, the user sees the explanation, not QGIS's generic sentence."""
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        run_alg(alg_id, params)
    assert expected in str(err.value)
    assert GENERIC not in str(err.value)


def test_a_number_out_of_range_after_valid_layers(run_alg, sample_gpkg):
    """A refused number after valid inputs: the explanation gives its range."""
    from qgis.core import QgsApplication, QgsProcessingContext

    alg = QgsApplication.processingRegistry().createAlgorithmById("reterr:service_areas")
    params = {
        "FACILITIES": f"{sample_gpkg}|layername=bpe_illustratif",
        "NETWORK": f"{sample_gpkg}|layername=routes_illustratives",
        "MAX_SNAP": -10,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    ok, message = alg.checkParameterValues(params, QgsProcessingContext())
    assert not ok
    assert "(MAX_SNAP) must be a number of at least 1; '-10' was given." in message
