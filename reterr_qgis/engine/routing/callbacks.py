"""Progress and cancellation callbacks of long routing work, and the two helpers that call them.

Long functions of the engine take ``progress`` (called with a fraction from 0 to 1) and
``is_canceled`` (polled between steps; True stops the work with :class:`~..core.errors.Canceled`).
Both are optional: None means nobody listens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Optional

from ..core.errors import Canceled

#: ``progress(fraction)``, fraction from 0 to 1; None for no progress report.
Progress = Optional[Callable[[float], None]]

#: ``is_canceled() -> bool``, polled between steps; None for work that cannot be canceled.
IsCanceled = Optional[Callable[[], bool]]


def tick(progress: Progress, value: float) -> None:
    """Report ``value`` (clipped to [0, 1]) to ``progress``, if any."""
    if progress is not None:
        progress(float(min(max(value, 0.0), 1.0)))


def check_canceled(is_canceled: IsCanceled) -> None:
    """Raise :class:`~..core.errors.Canceled` when ``is_canceled`` says so."""
    if is_canceled is not None and is_canceled():
        raise Canceled()
