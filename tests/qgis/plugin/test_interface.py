"""The public Processing interface is pinned: models and ``qgis_process`` scripts name algorithms,
parameters and outputs, so none of those that shipped may disappear or change kind.

``tests/qgis/data/interface.json`` was written from the provider as it stood before the theme
packages (issue 8), then extended with the supply-chain and complementarity algorithms when they first shipped: per
algorithm id, its group id, each parameter's type, optional flag and default, and each output's
type. New algorithms and new *optional* parameters are allowed; anything else that
differs fails here, with the difference named.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PINNED = Path(__file__).resolve().parents[1] / "data" / "interface.json"

pytestmark = pytest.mark.qgis


def describe_provider() -> dict[str, dict]:
    """The same description as the pinned file, read from the registered ReTerr provider."""
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition

    provider = QgsApplication.processingRegistry().providerById("reterr")
    assert provider is not None
    optional = QgsProcessingParameterDefinition.FlagOptional
    out = {}
    for alg in provider.algorithms():
        out[alg.id()] = {
            "group": alg.groupId(),
            "parameters": {
                d.name(): {
                    "type": d.type(),
                    "optional": bool(int(d.flags()) & int(optional)),
                    "default": None if d.defaultValue() is None else str(d.defaultValue()),
                }
                for d in alg.parameterDefinitions()
            },
            "outputs": {o.name(): o.type() for o in alg.outputDefinitions()},
        }
    return out


def _comparable(spec: dict) -> dict:
    """A parameter's description as a caller sees it: QGIS 3.40 reads a model's empty text
    default back as None where 3.22 keeps "" (both mean "no value")."""
    return {**spec, "default": None if spec.get("default") == "" else spec.get("default")}


def interface_differences(pinned: dict, current: dict) -> list[str]:
    """What breaks a saved model or script, in words."""
    problems = []
    for alg_id, old in sorted(pinned.items()):
        new = current.get(alg_id)
        if new is None:
            problems.append(f"{alg_id}: algorithm removed")
            continue
        if new["group"] != old["group"]:
            problems.append(f"{alg_id}: group {old['group']} → {new['group']}")
        for name, spec in old["parameters"].items():
            now = new["parameters"].get(name)
            if now is None:
                problems.append(f"{alg_id}: parameter {name} removed")
            elif _comparable(now) != _comparable(spec):
                problems.append(f"{alg_id}: parameter {name} {spec} → {now}")
        for name, spec in new["parameters"].items():
            if name not in old["parameters"] and not spec["optional"]:
                problems.append(f"{alg_id}: new mandatory parameter {name}")
        for name, kind in old["outputs"].items():
            if new["outputs"].get(name) != kind:
                problems.append(f"{alg_id}: output {name} {kind} → {new['outputs'].get(name)}")
    return problems


def test_interface_is_unchanged(qgis_app):
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    assert len(pinned) == 28  # 24 algorithms and 4 shipped models
    assert interface_differences(pinned, describe_provider()) == []


def test_differences_are_caught():
    """The comparison can fail: each kind of break is reported."""
    old = {
        "reterr:a": {
            "group": "g",
            "parameters": {"X": {"type": "number", "optional": False, "default": "1"}},
            "outputs": {"OUTPUT": "outputVector"},
        }
    }
    assert interface_differences(old, old) == []
    assert interface_differences(old, {}) == ["reterr:a: algorithm removed"]
    changed = json.loads(json.dumps(old))
    changed["reterr:a"]["parameters"]["X"]["default"] = "2"
    changed["reterr:a"]["parameters"]["Y"] = {"type": "number", "optional": False, "default": None}
    changed["reterr:a"]["parameters"]["Z"] = {"type": "number", "optional": True, "default": None}
    changed["reterr:a"]["outputs"] = {}
    assert len(interface_differences(old, changed)) == 3
