"""Exceptions and messages of the engine.

Messages are English templates marked with :func:`QT_TRANSLATE_NOOP` (a plain identity function here:
the engine stays Qt-free) so that ``pylupdate5`` extracts them into the "ReterrEngine" translation
context; the QGIS adapters translate the template and then fill in the parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

#: Translation context of every engine message.
CONTEXT = "ReterrEngine"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Message:
    """A message template and its parameters (``template.format(**params)``)."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**self.params)


class InputError(ValueError):
    """Bad input that the user can fix.

    Parameters
    ----------
    template
        What is wrong and what to do, as a template marked with :func:`QT_TRANSLATE_NOOP`.
    rows
        Positions (0-based, in the order the data was given) of the offending rows, so that an adapter
        can name the features concerned.
    context
        Translation context of ``template`` (the engine's own by default; the QGIS adapters raise
        this error too, with their templates in their own context).
    **params
        Values for the template's ``{placeholders}``.
    """

    def __init__(
        self, template: str, rows: Sequence[int] = (), *, context: str = CONTEXT, **params: Any
    ) -> None:
        self.msg = Message(template, dict(params))
        self.rows = [int(r) for r in rows]
        self.context = context
        super().__init__(str(self.msg))

    @property
    def message(self) -> str:
        """The English message with its parameters filled in."""
        return str(self.msg)


class Canceled(RuntimeError):
    """Raised when an ``is_canceled`` callback asked the engine to stop."""
