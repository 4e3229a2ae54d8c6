"""Talking to the user during a run: warnings, progress, lists in messages, and the errors a run ends
with (an engine or adapter :class:`InputError` naming the features concerned, a cancellation)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Optional

from qgis.core import QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtCore import QCoreApplication

from ...adapters.layers import FeatureTable, error_message
from ...engine.core.errors import InputError

#: Most values listed in one message.
MAX_LISTED = 20


def warn(feedback: QgsProcessingFeedback, message: str) -> None:
    """A non-fatal warning in the Processing log (pushWarning where QGIS has it)."""
    if hasattr(feedback, "pushWarning"):
        feedback.pushWarning(message)
    else:  # QGIS < 3.20
        feedback.reportError(message, False)


def listing(values: Iterable[object], limit: int = MAX_LISTED) -> str:
    """'a, b, c' with at most ``limit`` values, then '…'."""
    vals = [str(v) for v in values]
    return ", ".join(vals[:limit]) + (", …" if len(vals) > limit else "")


def progress_to(
    feedback: QgsProcessingFeedback, start: float, stop: float
) -> Callable[[float], None]:
    """Engine progress callback (fraction 0–1) mapped to ``start``–``stop`` %."""
    return lambda f: feedback.setProgress(start + (stop - start) * float(f))


def require_packages(what: str, keys: tuple[str, ...]) -> None:
    """Raise a Processing error saying that ``what`` needs the packages ``keys`` (see
    :data:`~reterr_qgis.adapters.dependencies.REQUIREMENTS`) and how to install them on this
    platform, when one is missing: for the parts of an algorithm that need more than its
    ``REQUIRES`` (e.g. aggregation in the territorial profile)."""
    from ...adapters import dependencies

    absent = dependencies.missing(keys)
    if not absent:
        return
    raise QgsProcessingException(
        QCoreApplication.translate("ReterrAlgorithm", "{what} needs {packages}.").format(
            what=what, packages=", ".join(dependencies.REQUIREMENTS[k].label for k in absent)
        )
        + " "
        + dependencies.missing_message(absent)
    )


def require_shapely(what: str) -> None:
    """:func:`require_packages` for shapely 2 (Debian 12's python3-shapely is 1.8)."""
    require_packages(what, ("shapely2",))


def engine_error(
    err: InputError, table: Optional[FeatureTable] = None, layer_name: str = ""
) -> QgsProcessingException:
    """An :class:`InputError` as a Processing error naming the features of ``table`` concerned.

    Without ``table``, the table and layer name an adapter attached to the error (attributes
    ``table`` and ``layer_name``, see :func:`attach_table`) are used.
    """
    if table is None:
        table = getattr(err, "table", None)
        layer_name = getattr(err, "layer_name", "")
    return QgsProcessingException(error_message(err, table, layer_name))


def attach_table(err: InputError, table: FeatureTable, layer_name: str) -> InputError:
    """Say which layer the error's rows are features of, so that the message of the run names them.

    :meth:`ReterrAlgorithm.processAlgorithm <reterr_qgis.processing.base.ReterrAlgorithm>` reads
    these two attributes (adapters set them the same way, e.g. ``adapters.graphs``).
    """
    err.table = table  # type: ignore[attr-defined]
    err.layer_name = layer_name  # type: ignore[attr-defined]
    return err


def canceled_error() -> QgsProcessingException:
    """The error a run ends with when the user cancels (any output started was discarded)."""
    return QgsProcessingException(
        QCoreApplication.translate("ReterrAlgorithm", "Canceled: no output was written.")
    )


@contextmanager
def engine_guard(table: Optional[FeatureTable] = None, layer_name: str = "") -> Iterator[None]:
    """Engine errors raised inside as errors naming the features of ``table`` (``layer_name``)."""
    try:
        yield
    except InputError as err:
        if table is not None and getattr(err, "table", None) is None:
            attach_table(err, table, layer_name)
        raise
