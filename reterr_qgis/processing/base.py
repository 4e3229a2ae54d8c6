"""Common base of ReTerr Processing algorithms: name, group, icon, help, translation, menu entry,
and the run template that turns the errors of the layers below into Processing errors.

What algorithms share beyond this lives in kits they compose (``processing/common``): parameter
groups and readers (``inputs``, ``travel``), text parameters (``params``), outputs (``outputs``)
and messages (``feedback``). The feedback helpers are also importable from here.
"""

from __future__ import annotations

import html
from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..about import resource_path
from ..adapters import compat
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


def help_html(text: str, method_heading: str) -> str:
    """Plain help text → the HTML QGIS shows: every paragraph escaped (a "<" stays a "<") in its
    own ``<p>``, line breaks kept; the paragraphs after the first under ``method_heading``.

    One line of HTML: QGIS's help panel makes a paragraph of each line it is given.
    """
    paragraphs = [p.strip() for p in (text or "").split("\n\n") if p.strip()]

    def para(p: str) -> str:
        return "<p>" + "<br/>".join(html.escape(line) for line in p.splitlines()) + "</p>"

    out = [para(p) for p in paragraphs[:1]]
    if len(paragraphs) > 1:
        out.append(f"<h3>{html.escape(method_heading)}</h3>")
        out.extend(para(p) for p in paragraphs[1:])
    return "".join(out)


#: The toolbox order. Processing sorts groups and algorithms by their (translated) names, so
#: an order chosen by spelling would not survive translation: groups are numbered in the order of
#: the diagnostic ("1 · Territorial diagnostic" … "6 · Maps") and each algorithm carries its step
#: in the group ("2.1 Import BPE facilities (INSEE)"), in the order of its inputs: data imports
#: first, then the analyses that read them. An algorithm not listed keeps its bare name.
WORKFLOW: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("diagnostic", ("territory_profile",)),
    (
        "services",
        (
            "import_bpe",
            "build_network",
            "nearest_service",
            "service_areas",
            "floating_catchment",
            "service_basket",
            "service_gaps",
            "suggest_locations",
        ),
    ),
    (
        "supply",
        (
            "food_needs",
            "farmland",
            "food_adequacy",
            "local_sourcing",
            "import_sirene",
            "value_chains",
            "endogenous_economy",
        ),
    ),
    (
        "complementarity",
        (
            "specialisation",
            "complementarity",
            "import_flows",
            "flow_indicators",
            "functional_areas",
        ),
    ),
    ("indicators", ("resilience_index",)),
    ("maps", ("export_council_map", "export_atlas")),
)

#: Icon file (in ``resources/icons``) of each theme: a group id, or an ``ICON`` of its own.
THEME_ICONS = {
    "diagnostic": "profile.svg",
    "services": "services.svg",
    "network": "network.svg",
    "supply": "supply.svg",
    "complementarity": "complementarity.svg",
    "indicators": "index.svg",
    "maps": "maps.svg",
}


def group_number(group_id: str) -> int:
    """Rank (from 1) of a group in :data:`WORKFLOW`; 0 when it is not listed."""
    for k, (gid, _algs) in enumerate(WORKFLOW, start=1):
        if gid == group_id:
            return k
    return 0


def workflow_step(group_id: str, alg_id: str) -> str:
    """ "<group>.<rank>" of an algorithm in :data:`WORKFLOW` ("2.3"); "" when it is not listed."""
    for k, (gid, algs) in enumerate(WORKFLOW, start=1):
        if gid == group_id and alg_id in algs:
            return f"{k}.{algs.index(alg_id) + 1}"
    return ""


def theme_icon_path(theme: str) -> str:
    """Path of a theme's icon (:data:`THEME_ICONS`); the plugin's icon for any other theme."""
    return str(resource_path("icons", THEME_ICONS.get(theme, "reterr.svg")))


#: Metadata key of a field parameter that expects numbers (stored as numbers or as text).
NUMBERS_METADATA = "reterr_numbers"


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
    provider's list, reading its :meth:`title` followed by "…" — the same name as in the
    toolbox, where :meth:`displayName` puts the workflow step in front (:data:`WORKFLOW`).
    Subclasses define :meth:`title` and :meth:`group_title`, not ``displayName``/``group``.
    """

    ALG_ID = ""
    GROUP_ID = "diagnostic"
    IN_MENU = True
    #: Theme of the icon when it is not the group's (:data:`THEME_ICONS`).
    ICON = ""
    #: Python packages the algorithm cannot run without (keys of
    #: :data:`~reterr_qgis.adapters.dependencies.REQUIREMENTS`): :meth:`canExecute` checks them.
    REQUIRES: tuple[str, ...] = ("scipy",)

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

    def canExecute(self):
        """(False, what is missing and how to install it here) when a package of ``REQUIRES`` is
        not in the Python of QGIS: the toolbox then shows the message instead of running."""
        from ..adapters.dependencies import missing_message

        problem = missing_message(self.REQUIRES)
        return (False, problem) if problem else (True, "")

    def prepareAlgorithm(self, parameters, context, feedback):
        """Stops a run started without the toolbox (menu dialog, processing.run, qgis_process,
        models) with :meth:`canExecute`'s message rather than a traceback."""
        ok, problem = self.canExecute()
        if not ok:
            raise QgsProcessingException(problem)
        return super().prepareAlgorithm(parameters, context, feedback)

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

    def title(self) -> str:
        """The algorithm's name, translated, without its step number."""
        return self.ALG_ID

    def displayName(self) -> str:
        """The toolbox name: the workflow step ("2.3") then :meth:`title` (:func:`workflow_step`)."""
        step = workflow_step(self.GROUP_ID, self.ALG_ID)
        return f"{step} {self.title()}" if step else self.title()

    def group_title(self) -> str:
        """The group's name, translated, without its number."""
        return QCoreApplication.translate("ReterrAlgorithm", "Territorial diagnostic")

    def group(self) -> str:
        """The toolbox group: its workflow number ("2 · …") then :meth:`group_title`."""
        number = group_number(self.GROUP_ID)
        return f"{number} · {self.group_title()}" if number else self.group_title()

    def groupId(self) -> str:
        return self.GROUP_ID

    def icon(self) -> QIcon:
        """The icon of the algorithm's theme (:func:`theme_icon_path`)."""
        return QIcon(theme_icon_path(self.ICON or self.GROUP_ID))

    def svgIconPath(self) -> str:
        return theme_icon_path(self.ICON or self.GROUP_ID)

    def helpUrl(self) -> str:
        return "https://github.com/reterr-qgis/reterr_qgis#readme"

    def help_text(self) -> str:
        """The help as plain text, translated (not HTML: :meth:`shortHelpString` escapes it).

        Paragraphs are separated by a blank line. The first says in plain words what the tool
        answers; the others (formulas, defaults and their sources) go under the "Method" heading.
        """
        return ""

    def shortHelpString(self) -> str:
        """The help panel's HTML, built from :meth:`help_text` (:func:`help_html`)."""
        return help_html(self.help_text(), QCoreApplication.translate("ReterrAlgorithm", "Method"))

    def menu_text(self) -> str:
        """Text of the algorithm's entry in the plugin menu (translated): the toolbox name without
        its step number, followed by "…" (the menu has its own order)."""
        return self.title() + "…"

    def addParameter(self, definition, createOutput: bool = True) -> bool:
        """QGIS's addParameter, with one change: a numeric field parameter lists text fields too
        (marked ``NUMBERS_METADATA`` in its metadata). Planners' files often hold numbers as text
        ("1 234,5"), which our reader takes as numbers; QGIS's numeric filter hid those fields
        from the dialog. A text field that does not read as numbers is refused by the reader,
        naming the features."""
        if definition.type() == "field" and definition.dataType() == compat.FIELD_NUMERIC:
            definition.setDataType(compat.FIELD_ANY)
            definition.setMetadata({**definition.metadata(), NUMBERS_METADATA: True})
        return super().addParameter(definition, createOutput)

    def menu_parameters(self) -> dict[str, Any]:
        """Values the dialog opened from the plugin menu starts with ({}: the defaults). The menu
        entry names what it opens on (e.g. the APL entry opens on the APL preset)."""
        return {}

    # -- thin access to the kits ---------------------------------------------------------------

    add_help = staticmethod(params.add_help)

    def layer_label(self, parameters, name: str, context, source) -> str:
        """Readable name of an input layer (:func:`~.common.inputs.layer_label`)."""
        return inputs.layer_label(self, parameters, name, context, source)
