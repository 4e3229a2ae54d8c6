"""One logging handler that forwards the ``reterr_qgis`` loggers to the QGIS message log."""

from __future__ import annotations

import logging

from qgis.core import QgsMessageLog

from .compat import LOG_CRITICAL, LOG_INFO, LOG_WARNING

LOGGER_NAME = "reterr_qgis"
TAG = "ReTerr"

_LEVELS = (
    (logging.ERROR, LOG_CRITICAL),
    (logging.WARNING, LOG_WARNING),
    (logging.INFO, LOG_INFO),
)


class QgsMessageLogHandler(logging.Handler):
    """Send log records to the QGIS message log under the "ReTerr" tab."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level = next((q for py, q in _LEVELS if record.levelno >= py), LOG_INFO)
            QgsMessageLog.logMessage(self.format(record), TAG, level, notifyUser=False)
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)


def setup_logging() -> logging.Logger:
    """Attach the handler once and return the plugin's root logger."""
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(h, QgsMessageLogHandler) for h in logger.handlers):
        handler = QgsMessageLogHandler()
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    return logger


def teardown_logging() -> None:
    """Remove the handler (plugin unload)."""
    logger = logging.getLogger(LOGGER_NAME)
    for h in list(logger.handlers):
        if isinstance(h, QgsMessageLogHandler):
            logger.removeHandler(h)
