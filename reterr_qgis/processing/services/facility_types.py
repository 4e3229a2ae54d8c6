"""Facility types of the access algorithms: the BPE vocabulary, checks of the types asked for, and
per-type output field names.

A type asked for must be a BPE code (any vintage of the code table shipped in ``resources/bpe``) or
a type present in the facilities layer; a BPE type without facility gets a hint when the layer holds
the same facility in the codes of another vintage (D201 up to 2023 for D265).

Strings keep their ``ServiceAlgorithm`` translation context (literal ``translate`` calls).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qgis.core import QgsProcessingException

from ...adapters.i18n import translate
from ..common.feedback import listing, warn
from ..common.inputs import PointInput
from ..common.params import split_codes

#: Facility types used by default: GPs, pharmacies and bakeries in the BPE codes of 2024.
DEFAULT_TYPES = "D265;D307;B207"


def field_suffix(code: str) -> str:
    """A facility type as a field name suffix: letters, digits and underscores only."""
    return re.sub(r"[^0-9A-Za-z_]", "_", str(code).strip()) or "_"


def type_fields(prefix: str, types: Sequence[str]) -> list[str]:
    """``prefix + code`` per type, made unique (``t_D265``, ``t_a_b``, ``t_a_b_2``)."""
    out: list[str] = []
    for code in types:
        name = prefix + field_suffix(code)
        base, k = name, 2
        while name in out:
            name = f"{base}_{k}"
            k += 1
        out.append(name)
    return out


def parse_types(text: str) -> list[str]:
    """'D265; D307,B207' → ['D265', 'D307', 'B207'] (repeats dropped); none is an error."""
    out = split_codes(text)
    if not out:
        raise QgsProcessingException(
            translate(
                "ServiceAlgorithm",
                "Give at least one facility type (codes separated by ';', e.g. D265;D307).",
            )
        )
    return out


def code_table():
    """The shipped BPE code table (every vintage, with the crosswalk and the baskets)."""
    from ...engine.services.bpe import load_code_table

    return load_code_table()


def check_types(types: Sequence[str], facilities: PointInput) -> tuple[list[str], list[str]]:
    """Requested types checked against the BPE codes and the types of the facilities.

    A type that is neither a BPE code (of any vintage) nor present in the layer is an error
    naming it; a lower-case BPE code is read in upper case. Returns the types and the
    vocabulary to give the engine (``known_types``: types of the vocabulary without facility
    give a warning, not an error).
    """
    present = sorted({str(t).strip() for t in facilities.types if t is not None} - {""})
    vocabulary = set(code_table().codes()) | set(present)
    out: list[str] = []
    unknown: list[str] = []
    for t in types:
        if t not in vocabulary and t.upper() in vocabulary:
            t = t.upper()
        if t not in vocabulary:
            unknown.append(t)
        elif t not in out:
            out.append(t)
    if unknown:
        raise QgsProcessingException(
            translate(
                "ServiceAlgorithm",
                "Unknown facility types: {types}. They are neither BPE codes nor types of "
                "layer '{layer}', which holds: {present}.",
            ).format(
                types=", ".join(unknown),
                layer=facilities.name,
                present=listing(present) or translate("ServiceAlgorithm", "(no type)"),
            )
        )
    return out, sorted(vocabulary)


def report_absent_types(feedback, absent: Sequence[str], facilities: PointInput) -> None:
    """For requested BPE types without facility, point at the same type in another vintage's
    codes when the layer holds it (e.g. D201, the GP code up to 2023, for D265)."""
    if not absent:
        return
    table = code_table()
    present = {str(t).strip() for t in facilities.types if t is not None}
    vintages = sorted({t.vintage_from for t in table.types})
    for code in absent:
        rows = [t for t in table.types if t.typequ == code]
        others: set[str] = set()
        for row in rows:
            for v in vintages:
                for codes in table.translate_codes([code], row.vintage_from, v).values():
                    others.update(codes)
        others = (others & present) - {code}
        if others:
            warn(
                feedback,
                translate(
                    "ServiceAlgorithm",
                    "Layer '{layer}' has no facility of type {code} but holds {others}, the "
                    "same facility in the codes of another BPE vintage: check the vintage "
                    "of the codes you asked for.",
                ).format(layer=facilities.name, code=code, others=", ".join(sorted(others))),
            )
