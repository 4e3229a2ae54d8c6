"""One safe way to write an output: every feature checked, nothing half-written left behind.

:class:`SafeSink` wraps a ``QgsFeatureSink`` and its destination id (what
``QgsProcessingAlgorithm.parameterAsSink`` returns). Each :meth:`SafeSink.add` checks the
cancellation flag and the sink's answer; on cancellation it closes the sink, deletes the partial
output (a GeoPackage table or a file, :func:`discard_output`) and raises
:class:`~reterr_qgis.engine.core.errors.Canceled`; when the sink refuses a feature it does the same
and raises :class:`WriteError` naming the feature. Closing checks that a file output holds every
feature written (writers that buffer meet a refusal only then). Used as a context manager, any
other error raised while writing discards the output too.

Plain errors only (no ``QgsProcessingException``): the Processing layer turns them into messages.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Optional, Union

from qgis.core import QgsFeature, QgsFeatureSink, QgsVectorLayer

from ..engine.core.errors import QT_TRANSLATE_NOOP, Canceled, InputError
from . import compat, provenance
from .i18n import translate

#: Progress is reported (and cancellation checked) at most this often, in features.
PROGRESS_STEP = 200


class WriteError(InputError):
    """The output refused a feature (disk full, a value its format cannot hold, a repeated id…).

    The partial output was discarded. An :class:`InputError` so that the Processing layer reports
    it like any other error the user can act on; the message names the feature refused.
    """

    def __init__(self, error: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "ReterrAlgorithm", "Writing the output failed, nothing was kept: {error}"
            ),
            context="ReterrAlgorithm",
            error=error,
        )


def discard_output(dest_id: str) -> None:
    """Remove a partly written output so that nothing half-done remains: its GeoPackage table
    (and the GeoPackage itself when no other table is left in it), or its file."""
    loc = provenance.gpkg_location(dest_id) if dest_id else None
    if loc is not None:
        from osgeo import ogr

        ds = ogr.Open(loc[0], update=1)
        if ds is not None:
            for i in range(ds.GetLayerCount()):
                if ds.GetLayer(i).GetName() == loc[1]:
                    ds.DeleteLayer(i)
                    break
            empty = ds.GetLayerCount() == 0
            ds = None
            if empty:
                os.remove(loc[0])
        return
    path = dest_id.split("|")[0]
    if path and os.path.isfile(path):
        os.remove(path)


def stored_count(dest_id: str) -> Optional[int]:
    """Number of features in a closed file output, None when it is not a file (memory layer)."""
    path = dest_id.split("|")[0] if dest_id else ""
    if not path or not os.path.isfile(path):
        return None
    layer = QgsVectorLayer(dest_id, "written", "ogr")
    return int(layer.featureCount()) if layer.isValid() else None


class SafeSink:
    """A feature sink that discards its output on cancellation, refusal or error.

    Parameters
    ----------
    sink, dest_id
        The sink and its destination id (``parameterAsSink``'s pair).
    feedback
        A ``QgsFeedback`` (cancellation and progress), or None.
    total
        Number of features to be written, for the progress (0: no progress reported).
    progress_span
        Progress (%) at the first and after the last feature.

    Examples
    --------
    >>> with SafeSink(sink, dest_id, feedback, total=len(rows)) as out:  # doctest: +SKIP
    ...     for k in rows:
    ...         out.add(feature_of(k), label=lambda k=k: table.describe([k]))
    >>> out.dest_id  # doctest: +SKIP
    """

    def __init__(
        self,
        sink: QgsFeatureSink,
        dest_id: str,
        feedback: Any = None,
        *,
        total: int = 0,
        progress_span: tuple[float, float] = (0.0, 100.0),
    ) -> None:
        self._sink: Optional[QgsFeatureSink] = sink
        self.dest_id = dest_id
        self.count = 0
        self._feedback = feedback
        self._total = max(int(total), 0)
        self._span = progress_span

    # -- writing ---------------------------------------------------------------------------------

    def add(self, feature: QgsFeature, label: Union[str, Callable[[], str]] = "") -> None:
        """Write one feature; ``label`` names it if the output refuses it (default: its position).

        ``label`` may be a function giving the name, called only then (long outputs need not
        format a name per feature).

        Raises
        ------
        Canceled
            The user canceled; the output was discarded.
        WriteError
            The output refused the feature; the output was discarded.
        """
        if self._sink is None:
            raise RuntimeError("SafeSink.add after close or discard")
        if self.count % PROGRESS_STEP == 0:
            self.check_canceled()
            if self._feedback is not None and self._total:
                start, stop = self._span
                self._feedback.setProgress(start + (stop - start) * self.count / self._total)
        if not self._sink.addFeature(feature, compat.SINK_FAST_INSERT):
            detail = self._sink.lastError() if hasattr(self._sink, "lastError") else ""
            name = label() if callable(label) else label
            name = name or translate("ReterrLayers", "feature {fid}").format(fid=self.count + 1)
            self.discard()
            raise WriteError(f"{name}: {detail or '?'}")
        self.count += 1

    def check_canceled(self) -> None:
        """Discard the output and raise :class:`Canceled` if the user canceled."""
        if self._feedback is not None and self._feedback.isCanceled():
            self.discard()
            raise Canceled()

    # -- ending ----------------------------------------------------------------------------------

    def close(self) -> str:
        """Close the sink (flushing the output); returns the destination id.

        A cancellation that came after the last feature still discards the output and raises
        :class:`Canceled`: a canceled run never leaves an output.
        """
        self.check_canceled()
        self._sink = None  # the sink's destructor writes and closes the output
        stored = stored_count(self.dest_id)
        if stored is not None and stored < self.count:
            # Some writers (a table added to an existing GeoPackage) buffer the features and
            # only meet the refusal when the sink closes: the feature cannot be named then.
            discard_output(self.dest_id)
            raise WriteError(
                translate(
                    "ReterrAlgorithm",
                    "the output holds {stored} of the {count} features written, it refused the "
                    "others (e.g. a repeated fid)",
                ).format(stored=stored, count=self.count)
            )
        return self.dest_id

    def discard(self) -> None:
        """Close the sink and delete the partial output."""
        self._sink = None
        discard_output(self.dest_id)

    def __enter__(self) -> SafeSink:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        elif self._sink is not None:
            self.discard()
