"""The resilience dock on a French-scale layer: 35,000 territories × 12 indicators (2 vintages).

* "selection → panel": one selection change on the layer, through the dock's slot, the profile
  computation, the table refill and a synchronous repaint of the radar and table (offscreen).
  Target (issue 4): ≤ 100 ms.
* "prepare": what the dock's QgsTask does in the background when a layer is chosen (read the
  indicator fields, normalise, sort for ranks); it never blocks the interface, timed for the record.

The layer is an in-memory point layer with synthetic log-normal indicator values (seeded).
"""

from __future__ import annotations

import itertools
import os

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

N = 35_000
FIELDS = [
    "population",
    "share_0_19",
    "share_65p",
    "ageing_index",
    "vacancy_rate",
    "apl_2021",
    "apl_2024",
    "basket_share",
    "basket_mean_min",
    "t_D265",
    "t_D307",
    "n_D265",
]
_STATE: dict = {}


def _setup():
    if _STATE:
        return _STATE
    from qgis.core import (
        QgsApplication,
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsProject,
        QgsVectorLayer,
    )

    app = QgsApplication.instance()
    if app is None:
        from qgis.testing import start_app

        app = start_app(cleanup=False)
    from reterr_qgis.gui.dock import ReterrIndicatorDock

    rng = np.random.default_rng(11)
    spec = "&".join(f"field={f}:double" for f in FIELDS)
    layer = QgsVectorLayer(
        f"Point?crs=EPSG:2154&field=nom:string&field=nom_epci:string&{spec}", "fr", "memory"
    )
    values = rng.lognormal(1.0, 0.6, (N, len(FIELDS)))
    epci = rng.integers(0, 1254, N)
    feats = []
    for i in range(N):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"Commune {i}", f"EPCI {epci[i]}", *values[i].tolist()])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(100000.0 + i, 6.5e6)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(layer)
    dock = ReterrIndicatorDock()
    dock.resize(460, 900)
    dock.show()
    dock.reference_combo.setCurrentIndex(1)  # peers: the heavier reference (per-EPCI medians)
    dock.set_layer(layer, background=False)
    fids = [f.id() for f in layer.getFeatures()]
    _STATE.update(app=app, layer=layer, dock=dock, fids=itertools.cycle(fids[::97]))
    return _STATE


def select_once():
    s = _setup()
    s["layer"].selectByIds([next(s["fids"])])
    s["dock"].grab()  # render the whole panel (radar, table, labels) into a pixmap
    return s["dock"].profile_a.name


def prepare():
    s = _setup()
    s["dock"].set_layer(s["layer"], background=False)
    return s["dock"].dashboard.n


def _note() -> str:
    return f"target <= 0.1 s per selection; {N} territories x {len(FIELDS)} fields, peer medians"


CASES = [
    {
        "name": "dock: selection -> panel updated, 35,000 territories",
        "run": select_once,
        "note": _note,
    },
    {
        "name": "dock: prepare 35,000 territories (background task)",
        "run": prepare,
        "note": "runs in a QgsTask, off the interface thread",
    },
]
