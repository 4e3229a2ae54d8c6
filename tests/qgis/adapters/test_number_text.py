"""Numbers stored as text (issue 13, item 7): French conventions are read, English thousands
separators and other ambiguous separators are refused, never guessed ("1,116" is not 1.116)."""

import math

import pytest

pytestmark = pytest.mark.qgis

#: text → the number it reads as, or None when it must be refused (ValueError).
CASES = [
    # French conventions and plain numbers keep working.
    ("1,5", 1.5),
    ("0,25", 0.25),
    (" -0,25 ", -0.25),
    ("0,125", 0.125),  # "0," cannot start an English thousands group
    ("1234,567", 1234.567),  # a four-digit first group is not English grouping either
    ("1,11", 1.11),
    ("1,1160", 1.116),
    ("1 116", 1116.0),
    ("1\u202f116", 1116.0),  # narrow no-break space
    ("1\xa0116", 1116.0),  # no-break space
    ("1 234,5", 1234.5),
    ("1 234,567", 1234.567),  # the space is the thousands separator, the comma the decimal one
    ("1116", 1116.0),
    ("1.5", 1.5),
    ("1.116", 1.116),  # a point is always a decimal point
    ("1 234.5", 1234.5),
    ("1e3", 1000.0),
    # A comma then exactly three digits: English thousands or French decimals? Refused.
    ("1,116", None),
    ("12,345", None),
    ("123,456", None),
    ("-1,116", None),
    ("+12,345", None),
    (" 1,116 ", None),
    # English formatting, German formatting: refused.
    ("1,234,567", None),
    ("1,234.5", None),
    ("1.234,5", None),
    ("1 234,567.5", None),
    ("0,5.1", None),
    # Not numbers at all.
    ("abc", None),
    ("12 %", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[repr(t) for t, _ in CASES])
def test_to_float_reads_french_text_and_refuses_ambiguous_separators(qgis_app, text, expected):
    from reterr_qgis.adapters.layers import to_float

    if expected is None:
        with pytest.raises(ValueError):
            to_float(text)
    else:
        assert to_float(text) == pytest.approx(expected, rel=0, abs=1e-12)


def _layer(rows: list[list]):
    """A point layer (EPSG:2154) with a text population field ``pop`` and a name ``nom``."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(
        "Point?crs=EPSG:2154&field=nom:string&field=pop:string", "communes", "memory"
    )
    assert layer.isValid()
    feats = []
    for k, row in enumerate(rows):
        feat = QgsFeature(layer.fields())
        feat.setAttributes(row)
        feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(650000 + 1000 * k, 6350000)))
        feats.append(feat)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def test_read_features_refuses_an_english_thousands_separator_and_names_the_feature(qgis_app):
    from reterr_qgis.adapters.layers import error_message, read_features
    from reterr_qgis.engine.core.errors import InputError

    layer = _layer([["Rodez", "24 000"], ["Ségur", "1,116"], ["Millau", "22\u202f000"]])
    fids = [f.id() for f in layer.getFeatures()]
    with pytest.raises(InputError) as exc:
        read_features(layer, numeric={"pop": "pop"}, name_field="nom", layer_name="communes")
    err = exc.value
    assert err.rows == [1]
    message = error_message(err)
    assert message.startswith(
        "Field 'pop' of layer 'communes' holds values that are not numbers for: "
        f"Ségur (fid {fids[1]}). Correct them or choose another field."
    )
    assert "'1,116'" in message and "'1 116'" in message  # says how to write it

    # Corrected as French text, the same layer reads.
    layer.dataProvider().changeAttributeValues({fids[1]: {1: "1 116"}})
    table = read_features(layer, numeric={"pop": "pop"}, name_field="nom")
    assert table.numbers["pop"].tolist() == [24000.0, 1116.0, 22000.0]


def test_read_columns_strict_and_lenient_refuse_english_numbers(qgis_app):
    from reterr_qgis.adapters.layers import error_message, read_columns
    from reterr_qgis.engine.core.errors import InputError

    layer = _layer([["Rodez", "1,5"], ["Ségur", "1,234,567"], ["Millau", "1.234,5"]])
    with pytest.raises(InputError) as exc:
        read_columns(layer, ["pop"], layer_name="communes")
    assert exc.value.rows == [1, 2]
    assert "'1,234.5'" in error_message(exc.value)

    cols = read_columns(layer, ["pop"], strict=False)
    values = cols.numbers["pop"].tolist()
    assert values[0] == 1.5 and math.isnan(values[1]) and math.isnan(values[2])
    assert cols.bad == {"pop": [1, 2]}


def test_other_non_numbers_keep_the_plain_message(qgis_app):
    from reterr_qgis.adapters.layers import error_message, read_features
    from reterr_qgis.engine.core.errors import InputError

    layer = _layer([["Rodez", "beaucoup"]])
    fid = next(layer.getFeatures()).id()
    with pytest.raises(InputError) as exc:
        read_features(layer, numeric={"pop": "pop"}, name_field="nom", layer_name="communes")
    assert error_message(exc.value) == (
        "Field 'pop' of layer 'communes' holds values that are not numbers for: "
        f"Rodez (fid {fid}). Correct them or choose another field."
    )
