"""Say what a parameter expects when QGIS refuses its value.

QGIS's own ``checkParameterValues`` answers a refused value with "Incorrect parameter value for
<name>", which does not say what would be accepted. :func:`parameter_problem` finds the first
refused parameter (as QGIS does: in declaration order, through ``checkValueIsAcceptable``) and
explains it by the parameter's type: a number and its range, the choices of a list, a layer that
cannot be opened, a file that does not exist, a required value that is missing.
"""

from __future__ import annotations

import os
from typing import Any, Optional

from qgis.core import QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingParameterDefinition

from ...adapters import compat
from ...adapters.i18n import translate

CONTEXT = "ReterrChecks"
#: Largest number QGIS uses for "no bound" on number parameters.
_UNBOUNDED = 1e300


def _shown(value: Any) -> str:
    """A parameter value as the user gave it, short."""
    if value is None:
        return ""
    text = value.name() if hasattr(value, "name") and callable(value.name) else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _number(value: float) -> str:
    return f"{value:g}"


def _acceptable(definition: QgsProcessingParameterDefinition, value, context) -> bool:
    try:
        return bool(definition.checkValueIsAcceptable(value, context))
    except TypeError:  # bindings without the context argument
        return bool(definition.checkValueIsAcceptable(value))


def _is_optional(definition: QgsProcessingParameterDefinition) -> bool:
    flag = getattr(definition, "FlagOptional", None)
    if flag is None:  # QGIS 3.40+: scoped enum
        from qgis.core import Qgis

        flag = Qgis.ProcessingParameterFlag.Optional
    return bool(definition.flags() & flag)


def explain(
    definition: QgsProcessingParameterDefinition, value: Any, context: QgsProcessingContext
) -> str:
    """Why ``value`` is refused for ``definition``, and what is expected, in one sentence."""
    label = translate("ReterrChecks", "'{label}' ({name})").format(
        label=definition.description(), name=definition.name()
    )
    given = _shown(value)
    kind = definition.type()
    if value is None or given == "":
        return translate("ReterrChecks", "{param} is required: give a value.").format(param=label)
    if kind == "number":
        lo, hi = definition.minimum(), definition.maximum()
        whole = definition.dataType() == compat.NUMBER_INTEGER
        what = (
            translate("ReterrChecks", "a whole number")
            if whole
            else translate("ReterrChecks", "a number")
        )
        if lo > -_UNBOUNDED and hi < _UNBOUNDED:
            bounds = translate("ReterrChecks", " between {lo} and {hi}").format(
                lo=_number(lo), hi=_number(hi)
            )
        elif lo > -_UNBOUNDED:
            bounds = translate("ReterrChecks", " of at least {lo}").format(lo=_number(lo))
        elif hi < _UNBOUNDED:
            bounds = translate("ReterrChecks", " of at most {hi}").format(hi=_number(hi))
        else:
            bounds = ""
        return translate(
            "ReterrChecks", "{param} must be {what}{bounds}; '{value}' was given."
        ).format(param=label, what=what, bounds=bounds, value=given)
    if kind == "enum":
        choices = "; ".join(f"{k} = {o}" for k, o in enumerate(definition.options()))
        several = definition.allowMultiple()
        text = (
            translate(
                "ReterrChecks",
                "{param} must be one or more of the choices {choices}; '{value}' was given.",
            )
            if several
            else translate(
                "ReterrChecks", "{param} must be one of the choices {choices}; '{value}' was given."
            )
        )
        return text.format(param=label, choices=choices, value=given)
    if kind == "boolean":
        return translate(
            "ReterrChecks", "{param} must be true or false; '{value}' was given."
        ).format(param=label, value=given)
    if kind in ("source", "vector", "raster", "layer", "multilayer"):
        return translate(
            "ReterrChecks",
            "{param}: the layer '{value}' cannot be opened. Give an existing file (for a table "
            "of a GeoPackage: 'file.gpkg|layername=table') or a layer of the project.",
        ).format(param=label, value=given)
    if kind == "file":
        path = str(value)
        if not os.path.exists(path):
            return translate("ReterrChecks", "{param}: the file '{value}' does not exist.").format(
                param=label, value=given
            )
        return translate(
            "ReterrChecks", "{param}: '{value}' is not a file of the expected kind ({ext})."
        ).format(param=label, value=given, ext=definition.extension() or definition.fileFilter())
    if kind == "field":
        return translate(
            "ReterrChecks",
            "{param} must be the name of a field of the input layer; '{value}' was given.",
        ).format(param=label, value=given)
    if kind == "crs":
        return translate(
            "ReterrChecks",
            "{param} must be a coordinate reference system, e.g. 'EPSG:2154'; '{value}' was given.",
        ).format(param=label, value=given)
    return translate(
        "ReterrChecks", "{param}: '{value}' is not an accepted value (expected: {kind})."
    ).format(param=label, value=given, kind=kind)


def parameter_problem(
    alg: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext
) -> Optional[str]:
    """The explanation of the first parameter QGIS refuses, or None when QGIS accepts them all."""
    for definition in alg.parameterDefinitions():
        value = parameters.get(definition.name(), definition.defaultValue())
        if _acceptable(definition, value, context):
            continue
        if value is None and _is_optional(definition):
            continue
        return explain(definition, value, context)
    return None
