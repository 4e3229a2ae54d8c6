"""Common base of ReTerr Processing algorithms: name, group, icon, help, translation, menu entry,
and the run template that turns the errors of the layers below into Processing errors.

What algorithms share beyond this lives in kits they compose (``processing/common``): parameter
groups and readers (``inputs``, ``travel``), text parameters (``params``), outputs (``outputs``)
and messages (``feedback``). The feedback helpers are also importable from here.
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..about import PROVIDER_ID, resource_path
from ..engine.core.errors import Canceled, InputError
from .common import checks, inputs, outputs, params
from .common.feedback import (  # noqa: F401  (re-exported: the helpers every algorithm uses)
    canceled_error,
    engine_error,
    engine_guard,
    listing,
    progress_to,
    require_shapely,
    warn,
)


class ReterrAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses define ``ALG_ID``, the usual Processing methods and :meth:`execute`.

    :meth:`checkParameterValues` and :meth:`processAlgorithm` refuse a run whose output would
    overwrite the file of one of its inputs (:func:`~.common.outputs.output_overwrites_input`)
    or whose output folder is missing (:func:`~.common.outputs.output_folder_problem`).
    :meth:`processAlgorithm` calls :meth:`execute` and turns the two errors every layer below
    raises into Processing errors: :class:`InputError` (engine, adapters and kits: bad input, the
    message naming the features) and :class:`Canceled` (the user stopped the run; outputs were
    discarded). The outputs of a run are atomic (:class:`~.common.outputs.OutputRun`): written
    aside during :meth:`execute`, moved into place together once it returned, or all discarded
    when it raised — the previous outputs at those paths stay intact until then.

    ``IN_MENU``: the algorithm has an entry in the plugin's "ReTerr" menu, in the order of the
    provider's list, reading ``MENU_TEXT`` (a source string of the ``ReterrPlugin`` translation
    context, marked with ``QT_TRANSLATE_NOOP``) or else the display name followed by "…".
    """

    ALG_ID = ""
    GROUP_ID = "diagnostic"
    IN_MENU = True
    MENU_TEXT = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "run" in cls.__dict__:
            # QgsProcessingAlgorithm.run() is what processing.run() calls: overriding it breaks
            # every run of the algorithm with an unhelpful TypeError.
            raise TypeError(
                f"{cls.__name__} defines run(): ReTerr algorithms define execute() instead "
                "(run() is QgsProcessingAlgorithm's own)."
            )

    def tr(self, text: str) -> str:
        """Translate in the context of the concrete class (the one pylupdate5 sees)."""
        return QCoreApplication.translate(type(self).__name__, text)

    def name(self) -> str:
        return self.ALG_ID

    def checkParameterValues(self, parameters, context):
        """QGIS's checks (a refused value explained by :func:`~.common.checks.parameter_problem`),
        then: no output may overwrite the file an input reads, and every file output goes to an
        existing folder."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            # QGIS says "Incorrect parameter value for X": say what X expects (issue 13, item 12).
            return ok, checks.parameter_problem(self, parameters, context) or message
        problem = outputs.output_overwrites_input(
            self, parameters, context
        ) or outputs.output_folder_problem(self, parameters, context)
        if problem:
            return False, problem
        return ok, message

    def processAlgorithm(self, parameters, context, feedback):
        # Checked again before any sink is created: a run that skips checkParameterValues (a
        # model's child, QgsProcessingAlgorithm.run) must not wipe its input either.
        problem = outputs.output_overwrites_input(
            self, parameters, context
        ) or outputs.output_folder_problem(self, parameters, context)
        if problem:
            raise QgsProcessingException(problem)
        run = outputs.OutputRun()
        outputs.set_output_run(self, run)
        try:
            results = self.execute(parameters, context, feedback)
        except Canceled as err:
            run.discard()
            raise canceled_error() from err
        except InputError as err:
            run.discard()
            raise engine_error(err) from err
        except BaseException:
            run.discard()
            raise
        finally:
            outputs.set_output_run(self, None)
        if feedback is not None and feedback.isCanceled():
            # Canceled after the last output was closed: no output is left (issue 13, item 13).
            run.discard()
            raise canceled_error()
        run.commit()
        return results

    def execute(self, parameters, context, feedback) -> dict[str, Any]:
        """The algorithm's work (what ``processAlgorithm`` is in a plain Processing algorithm)."""
        raise NotImplementedError

    def createInstance(self):
        return type(self)()

    def group(self) -> str:
        return QCoreApplication.translate("ReterrAlgorithm", "Territorial diagnostic")

    def groupId(self) -> str:
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(str(resource_path("icons", "reterr.svg")))

    def helpUrl(self) -> str:
        return "https://github.com/reterr-qgis/reterr_qgis#readme"

    def menu_text(self) -> str:
        """Text of the algorithm's entry in the plugin menu (translated)."""
        if self.MENU_TEXT:
            return QCoreApplication.translate("ReterrPlugin", self.MENU_TEXT)
        return self.displayName() + "…"

    # -- thin access to the kits ---------------------------------------------------------------

    add_help = staticmethod(params.add_help)

    def layer_label(self, parameters, name: str, context, source) -> str:
        """Readable name of an input layer (:func:`~.common.inputs.layer_label`)."""
        return inputs.layer_label(self, parameters, name, context, source)

    def finalize_vector_output(
        self,
        dest_id: str,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
        style_field: str,
        title: str,
        abstract: str,
    ) -> None:
        """Style and provenance of a closed output (:func:`~.common.outputs.finalize_vector_output`)."""
        outputs.finalize_vector_output(
            f"{PROVIDER_ID}:{self.ALG_ID}",
            dest_id,
            parameters,
            context,
            feedback,
            style_field,
            title,
            abstract,
        )
