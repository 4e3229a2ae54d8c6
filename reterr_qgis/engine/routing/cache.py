"""The graph cache: a stable key per source and build parameters (:func:`graph_cache_key`), and the
graph written to / read from an ``.npz`` file (:func:`save_graph`, :func:`load_graph`; no pickled
object inside). A file of another format version reads as missing: the caller rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .graph import BUILDER_VERSION, GraphReport, RoadGraph, csr_from_sorted

#: Version of the on-disk graph format written by :func:`save_graph`; a file of another version is
#: treated as stale by :func:`load_graph` (the caller rebuilds it).
FORMAT_VERSION = 1


def graph_cache_key(source_id: str, params: Mapping[str, Any]) -> str:
    """Stable key of a graph built from ``source_id`` (layer URI + modification stamp) and params.

    Parameters
    ----------
    source_id
        Identifies the input lines and their version.
    params
        Build parameters (field names, speed table, tolerance...), JSON-serialisable; numpy
        scalars and arrays are accepted.

    Returns
    -------
    str
        sha256 hex digest of the canonical JSON (sorted keys, no spaces) including the file format
        and builder versions.
    """

    def plain(o: Any) -> Any:
        if isinstance(o, np.generic):
            return o.item()
        if isinstance(o, np.ndarray):
            return o.tolist()
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if isinstance(o, Path):
            return str(o)
        raise TypeError(f"not JSON-serialisable in a cache key: {type(o).__name__}")

    text = json.dumps(
        {
            "format": FORMAT_VERSION,
            "builder": BUILDER_VERSION,
            "source": source_id,
            "params": params,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=True,
        default=plain,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_graph(graph: RoadGraph, path: str | os.PathLike[str]) -> None:
    """Write ``graph`` to an ``.npz`` file (atomically: a temporary file then a rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    report = graph.report.as_dict()
    skipped = np.asarray(report.pop("skipped_rows"), dtype=np.int64)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        np.savez(
            fh,
            format_version=np.int64(FORMAT_VERSION),
            xy=graph.xy,
            indptr=graph.adj.indptr,
            indices=graph.adj.indices,
            data=graph.adj.data,
            length_m=graph.length_m,
            arc_line=graph.arc_line,
            component=graph.component,
            skipped_rows=skipped,
            report=np.array(json.dumps(report)),
        )
    os.replace(tmp, path)


def load_graph(path: str | os.PathLike[str]) -> RoadGraph | None:
    """Read a graph written by :func:`save_graph`.

    Returns
    -------
    RoadGraph or None
        None if the file is missing, unreadable or of another format version: rebuild it.
    """
    try:
        with np.load(path, allow_pickle=False) as z:
            if int(z["format_version"]) != FORMAT_VERSION:
                return None
            xy = z["xy"]
            n = xy.shape[0]
            adj = csr_from_sorted(z["data"], z["indices"], z["indptr"], (n, n))
            report = GraphReport(**json.loads(str(z["report"])), skipped_rows=z["skipped_rows"])
            return RoadGraph(
                xy=xy,
                adj=adj,
                length_m=z["length_m"],
                arc_line=z["arc_line"],
                component=z["component"],
                report=report,
            )
    except (OSError, KeyError, ValueError, TypeError):
        return None
