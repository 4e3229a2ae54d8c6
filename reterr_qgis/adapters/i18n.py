"""Translation: one translator per process, loaded from ``i18n/reterr_qgis_<lang>.qm``."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from ..about import I18N_DIR, PLUGIN_ID

_translator: QTranslator | None = None


def ui_language() -> str:
    """Two-letter language of the QGIS interface (honours QGIS's locale override setting)."""
    lang = (QgsApplication.locale() or "en")[:2].lower()
    return lang if len(lang) == 2 and lang.isalpha() and lang != "c" else "en"


def install_translator(language: str | None = None) -> bool:
    """Load the plugin translation for ``language`` (default: the QGIS locale) once.

    Returns True when a translation was installed. Must run before Processing algorithms are
    created, since their names and parameter descriptions are translated at creation.
    """
    global _translator
    language = language or ui_language()
    qm = I18N_DIR / f"{PLUGIN_ID}_{language}.qm"
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
    if not qm.exists():
        return False
    translator = QTranslator()
    if not translator.load(str(qm)):
        return False
    QCoreApplication.installTranslator(translator)
    _translator = translator
    return True


def translate(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` (the class name that ``pylupdate5`` extracts it under)."""
    return QCoreApplication.translate(context, text)
