"""The supply algorithms in a Processing model, as a planner builds it in the model designer:
needs → farmland → adequacy → local sourcing, saved to a .model3 file, read back and run. Each
child's output feeds the next by its default field names; the model's output is the flow layer."""

from __future__ import annotations

import pytest
from test_food import box, polygons, square

pytestmark = pytest.mark.qgis


def build_model():
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
    )
    from qgis.core import (
        QgsProcessingModelChildParameterSource as Source,
    )

    model = QgsProcessingModelAlgorithm("Autonomie alimentaire", "ReTerr")
    for name in ("communes", "parcelles"):
        model.addModelParameter(
            QgsProcessingParameterFeatureSource(name, name), QgsProcessingModelParameter(name)
        )

    def child(alg_id, child_id, sources, static=None):
        c = QgsProcessingModelChildAlgorithm(alg_id)
        c.setChildId(child_id)
        for param, source in sources.items():
            c.addParameterSources(param, [source])
        for param, value in (static or {}).items():
            c.addParameterSources(param, [Source.fromStaticValue(value)])
        # As the model designer does: every other parameter starts at its default value.
        for definition in c.algorithm().parameterDefinitions():
            name = definition.name()
            default = definition.defaultValue()
            if name not in c.parameterSources() and not definition.isDestination():
                if default is None:
                    continue
                c.addParameterSources(name, [Source.fromStaticValue(default)])
        return c

    steps = [
        child("reterr:food_needs", "needs", {"INPUT": Source.fromModelParameter("communes")}),
        child(
            "reterr:farmland",
            "farmland",
            {
                "INPUT": Source.fromChildOutput("needs", "OUTPUT"),
                "PARCELS": Source.fromModelParameter("parcelles"),
            },
        ),
        child(
            "reterr:food_adequacy",
            "adequacy",
            {"INPUT": Source.fromChildOutput("farmland", "OUTPUT")},
        ),
        child(
            "reterr:local_sourcing",
            "sourcing",
            {"INPUT": Source.fromChildOutput("adequacy", "OUTPUT")},
            {"CODE_FIELD": "nom", "RADIUS": 10.0},
        ),
    ]
    out = QgsProcessingModelOutput("flux", "Flux d'approvisionnement")
    out.setChildId("sourcing")
    out.setChildOutputName("OUTPUT")
    steps[-1].setModelOutputs({"flux": out})
    for step in steps:
        model.addChildAlgorithm(step)
    return model


def test_supply_chain_as_a_saved_model(run_alg, tmp_path):
    from qgis.core import QgsProcessingModelAlgorithm

    path = tmp_path / "autonomie.model3"
    assert build_model().toFile(str(path))
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(path))
    for child_id in ("needs", "farmland", "adequacy", "sourcing"):
        ok, problems = model.validateChildAlgorithm(child_id)
        assert ok, (child_id, problems)
    # A: 10,000 inhabitants and 1 ha of wheat; B: 100 inhabitants and 50 ha of wheat, 2 km away.
    communes = polygons(
        [(("A", 10_000), square(0, 0)), (("B", 100), square(2000, 0))],
        "field=nom:string&field=population:double",
    )
    parcels = polygons(
        [(("1", "BTH"), box(100, 100, 200, 200)), (("1", "BTH"), box(2000, 0, 2500, 1000))],
        "field=CODE_GROUP:string&field=CODE_CULTU:string",
        geom="Polygon",
        name="parcelles",
    )
    # The output's parameter name: "sourcing:flux" on QGIS 3.22, made from its description
    # ("flux_dapprovisionnement") on 3.40.
    (dest,) = [d.name() for d in model.destinationParameterDefinitions()]
    res = run_alg(model, {"communes": communes, "parcelles": parcels, dest: "TEMPORARY_OUTPUT"})
    flows = res[dest]
    flows = flows if hasattr(flows, "getFeatures") else res["_context"].getMapLayer(flows)
    got = {(f["famille"], f["orig_code"], f["dest_code"]): f["vol_ha"] for f in flows.getFeatures()}
    # Cereals: B has 50 ha for a need of 100 × 0.085 = 8.5 ha (surplus 41.5); A needs 850 ha and
    # has 1 (deficit 849): all of B's surplus goes to A.
    assert got[("cereales", "B", "A")] == pytest.approx(50.0 - 100 * 0.085)
    assert all(orig == "B" and dest == "A" for _fam, orig, dest in got)
