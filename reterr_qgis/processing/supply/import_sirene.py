"""``reterr:import_sirene`` — the SIRENE establishment stock as INSEE publishes it, streamed and
filtered on the territories' communes, to a point layer in Lambert-93."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from ...adapters import compat
from ...adapters.layers import engine_messages, read_features
from ...engine.core.errors import Canceled
from ...engine.supply.sirene import read_stock_etablissement
from ..common.feedback import listing, progress_to, warn
from ..common.inputs import feature_source
from ..common.outputs import fields_of, open_output
from .base import SupplyAlgorithm

#: CRS of the SIRENE Lambert coordinates in metropolitan France (and of the output).
LAMBERT93 = "EPSG:2154"
#: Plausible Lambert-93 extent of metropolitan France and Corsica (m): coordinates outside are
#: treated as unusable (placed like the rows without coordinates, and counted).
LAMBERT93_EXTENT = (50_000.0, 6_000_000.0, 1_300_000.0, 7_150_000.0)
#: Commune codes of the overseas départements and collectivities start with these: SIRENE gives
#: their coordinates in local projections, not in Lambert-93.
OVERSEAS_PREFIXES = ("97", "98")

#: Output fields (names ≤ 10 characters, a shapefile may be the output).
FIELDS = (
    ("siret", compat.FIELD_STRING),
    ("siren", compat.FIELD_STRING),
    ("commune", compat.FIELD_STRING),
    ("nom", compat.FIELD_STRING),
    ("naf", compat.FIELD_STRING),
    ("naf25", compat.FIELD_STRING),
    ("tranche", compat.FIELD_STRING),
    ("emplois", compat.FIELD_DOUBLE),
    ("actif", compat.FIELD_INT),
    ("siege", compat.FIELD_INT),
    ("com_siege", compat.FIELD_STRING),
    ("ess", compat.FIELD_STRING),
    ("categorie", compat.FIELD_STRING),
    ("placement", compat.FIELD_STRING),
)
#: Values of the ``placement`` field: how each establishment was located.
PLACED_XY, PLACED_TOWN_HALL, PLACED_COMMUNE = "lambert", "mairie", "commune"


def _text(value: object) -> object:
    """An output text: None for empty."""
    s = str(value).strip()
    return s or None


class ImportSirene(SupplyAlgorithm):
    """Stream StockEtablissement, keep the (active) establishments of some communes, locate them."""

    ALG_ID = "import_sirene"
    IN_MENU = False

    FILE = "FILE"
    UNITE_LEGALE = "UNITE_LEGALE"
    COMMUNES = "COMMUNES"
    COMMUNE_CODE_FIELD = "COMMUNE_CODE_FIELD"
    TOWN_HALLS = "TOWN_HALLS"
    TOWN_HALL_CODE_FIELD = "TOWN_HALL_CODE_FIELD"
    ACTIVE_ONLY = "ACTIVE_ONLY"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Import SIRENE establishments (INSEE)")

    def help_text(self) -> str:
        return self.tr(
            "Loads the establishments of your territory from the SIRENE stock as INSEE publishes "
            "it (StockEtablissement_utf8.csv: 54 columns, UTF-8, comma-separated; a national "
            "file of tens of millions of rows is read in blocks, never loaded whole), optionally "
            "joined with StockUniteLegale_utf8.csv for the company category (PME, ETI, GE) and "
            "the ESS flag of each legal unit.\n\n"
            "Kept: the establishments whose commune (codeCommuneEtablissement; the "
            "arrondissements of Paris, Lyon and Marseille count as their city) is one of the "
            "communes layer's codes, and by default only the active ones "
            "(etatAdministratifEtablissement = A). Closed establishments, rows of other communes "
            "and malformed rows are counted in the log.\n\n"
            "Location: the Lambert-93 coordinates of the file (placement = lambert). Rows "
            "without coordinates (empty, or [ND] for establishments that are not diffusible) or "
            "outside the metropolitan Lambert-93 extent are placed at their commune's town hall "
            "when a town-halls layer is given (placement = mairie), else at a point inside the "
            "commune polygon (placement = commune); both are counted. Overseas départements "
            "(codes 97…, 98…) are left out with a warning: SIRENE gives their coordinates in "
            "local projections, and this layer is Lambert-93 (EPSG:2154) for metropolitan "
            "France.\n\n"
            "Fields: siret, siren, commune, nom (usual name or sign), naf (NAF rév. 2 "
            "sub-class; empty when the row uses an older nomenclature, counted), naf25 (NAF "
            "2025 when the file has it), tranche (size class), emplois (jobs), actif, siege (1 for the "
            "legal unit's head office), com_siege (commune of the head office, found in the same "
            "file), ess and categorie (from StockUniteLegale), placement.\n\n"
            "Jobs: the midpoint of the size class (0 employees → 1, 1–2 → 1.5, 3–5 → 4, 6–9 → "
            "7.5, 10–19 → 14.5 … 10,000 and more → 15,000; non-employers and unknown classes → "
            "1), the BASIC/SISTA method (METHODS §2.4), table editable in "
            "resources/supply/sirene_tranches.csv."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFile(
                    self.FILE, self.tr("SIRENE establishment stock (CSV)"), extension="csv"
                ),
                self.tr(
                    "StockEtablissement_utf8.csv as downloaded from data.gouv.fr / INSEE, or an "
                    "extract in the same layout."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFile(
                    self.UNITE_LEGALE,
                    self.tr("SIRENE legal-unit stock (CSV)"),
                    extension="csv",
                    optional=True,
                ),
                self.tr("StockUniteLegale_utf8.csv: adds the company category and the ESS flag."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.COMMUNES,
                    self.tr("Communes to keep (polygons)"),
                    [compat.TYPE_VECTOR_POLYGON],
                ),
                self.tr(
                    "The communes of your territory; their code field filters the stock and "
                    "their polygons place the rows without coordinates."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.COMMUNE_CODE_FIELD,
                    self.tr("Commune code field"),
                    "code_insee",
                    self.COMMUNES,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("INSEE commune code (5 characters, e.g. 12202, 2A004)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.TOWN_HALLS,
                    self.tr("Town halls (points)"),
                    [compat.TYPE_VECTOR_POINT],
                    optional=True,
                ),
                self.tr(
                    "Where to place the establishments without coordinates; without it, a "
                    "point inside their commune."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.TOWN_HALL_CODE_FIELD,
                    self.tr("Town hall commune code field"),
                    "code_insee",
                    self.TOWN_HALLS,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("Commune code of each town hall, as in the communes layer."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterBoolean(
                    self.ACTIVE_ONLY, self.tr("Active establishments only"), True
                ),
                self.tr("Leave out the closed establishments (they are counted)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("SIRENE establishments"), compat.TYPE_VECTOR_POINT
                ),
                self.tr("One point per establishment kept, in Lambert-93 (EPSG:2154)."),
            )
        )

    # -- reading the layers --------------------------------------------------------------------

    def _code_field(self, parameters, name, context, source, layer_name) -> str:
        field = self.parameterAsString(parameters, name, context) or "code_insee"
        if source.fields().lookupField(field) < 0:
            raise QgsProcessingException(
                self.tr(
                    "Field '{field}' not found in layer '{layer}': choose the field holding the "
                    "INSEE commune codes."
                ).format(field=field, layer=layer_name)
            )
        return field

    def _points_by_code(self, parameters, param, field_param, context, feedback, target, polygons):
        """``{code: (x, y)}`` in ``target``: the town halls, or points inside the communes."""
        source = feature_source(self, parameters, param, context)
        name = self.layer_label(parameters, param, context, source)
        if not source.sourceCrs().isValid():
            raise QgsProcessingException(
                self.tr(
                    "Layer '{layer}' has no valid coordinate reference system: set its CRS."
                ).format(layer=name)
            )
        field = self._code_field(parameters, field_param, context, source, name)
        table = read_features(source, text={"code": field}, name_field=field, layer_name=name)
        if feedback.isCanceled():
            raise Canceled()
        xform = QgsCoordinateTransform(source.sourceCrs(), target, context.transformContext())
        out: dict[str, tuple[float, float]] = {}
        for code, geom in zip(table.texts["code"], table.geometries):
            if code is None or str(code).strip() in out:
                continue
            g = QgsGeometry(geom)
            if polygons or g.isMultipart():
                g = g.pointOnSurface()
            g.transform(xform)
            p = g.asPoint()
            out[str(code).strip()] = (p.x(), p.y())
        return table, name, out

    # -- run -----------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.FILE, context)
        ul_path = self.parameterAsFile(parameters, self.UNITE_LEGALE, context) or None
        active_only = self.parameterAsBoolean(parameters, self.ACTIVE_ONLY, context)
        target = QgsCoordinateReferenceSystem(LAMBERT93)

        feedback.setProgressText(self.tr("Reading the communes…"))
        communes, c_name, commune_points = self._points_by_code(
            parameters,
            self.COMMUNES,
            self.COMMUNE_CODE_FIELD,
            context,
            feedback,
            target,
            polygons=True,
        )
        null_codes = [k for k, c in enumerate(communes.texts["code"]) if c is None]
        if null_codes:
            warn(
                feedback,
                self.tr(
                    "{n} communes of '{layer}' have no code and are ignored: {features}."
                ).format(n=len(null_codes), layer=c_name, features=communes.describe(null_codes)),
            )
        codes = sorted(commune_points)
        if not codes:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' has no commune code to filter on.").format(layer=c_name)
            )
        overseas = [c for c in codes if c.startswith(OVERSEAS_PREFIXES)]
        if len(overseas) == len(codes):
            raise QgsProcessingException(
                self.tr(
                    "Every commune of '{layer}' is overseas ({codes}): SIRENE gives overseas "
                    "coordinates in local projections, and this import writes Lambert-93 for "
                    "metropolitan France only."
                ).format(layer=c_name, codes=listing(overseas, 5))
            )
        town_halls: dict[str, tuple[float, float]] = {}
        if parameters.get(self.TOWN_HALLS):
            _t, _n, town_halls = self._points_by_code(
                parameters,
                self.TOWN_HALLS,
                self.TOWN_HALL_CODE_FIELD,
                context,
                feedback,
                target,
                polygons=False,
            )

        feedback.setProgressText(self.tr("Reading {path}…").format(path=path))
        est = read_stock_etablissement(
            path,
            codes,
            active_only=active_only,
            unites_legales=ul_path,
            progress=progress_to(feedback, 5, 80),
            is_canceled=feedback.isCanceled,
        )
        report = est.report
        for text in engine_messages(report.warnings):
            warn(feedback, text)
        n_all = len(est)

        # Overseas rows: their coordinates are not Lambert-93.
        is_overseas = np.char.startswith(est.commune_raw.astype(str), OVERSEAS_PREFIXES[0])
        for prefix in OVERSEAS_PREFIXES[1:]:
            is_overseas |= np.char.startswith(est.commune_raw.astype(str), prefix)
        n_overseas = int(np.count_nonzero(is_overseas))
        if n_overseas:
            warn(
                feedback,
                self.tr(
                    "{n} establishments of overseas communes are left out: SIRENE gives their "
                    "coordinates in local projections, not Lambert-93 (EPSG:2154)."
                ).format(n=n_overseas),
            )
            est = est.select(~is_overseas)
        n = len(est)

        # Location: the file's coordinates when plausible, else the town hall, else the commune.
        x0, y0, x1, y1 = LAMBERT93_EXTENT
        with np.errstate(invalid="ignore"):
            inside = est.located & (est.x >= x0) & (est.x <= x1) & (est.y >= y0) & (est.y <= y1)
        out_of_range = int(np.count_nonzero(est.located & ~inside))
        if out_of_range:
            warn(
                feedback,
                self.tr(
                    "{n} establishments have coordinates outside metropolitan Lambert-93: they "
                    "are placed like the rows without coordinates."
                ).format(n=out_of_range),
            )
        xy = np.column_stack([est.x, est.y])
        placement = np.full(n, PLACED_XY, dtype=object)
        unplaced: list[int] = []
        raw = est.commune_raw.astype(str)
        city = est.commune.astype(str)
        for k in np.flatnonzero(~inside):
            for lookup, how in ((town_halls, PLACED_TOWN_HALL), (commune_points, PLACED_COMMUNE)):
                p = lookup.get(raw[k]) or lookup.get(city[k])
                if p is not None:
                    xy[k] = p
                    placement[k] = how
                    break
            else:
                unplaced.append(int(k))
        if unplaced:
            warn(
                feedback,
                self.tr(
                    "{n} establishments without coordinates could not be placed (their commune "
                    "is neither in the town halls nor in the communes layer) and are left out: "
                    "SIRET {sirets}."
                ).format(n=len(unplaced), sirets=listing(est.siret[unplaced], 10)),
            )
        keep = np.ones(n, dtype=bool)
        keep[unplaced] = False
        rows = np.flatnonzero(keep)

        fields = fields_of(FIELDS)
        name_cols = [
            est.extra.get("denominationUsuelleEtablissement"),
            est.extra.get("enseigne1Etablissement"),
        ]
        ess = est.unit.get("economieSocialeSolidaireUniteLegale")
        category = est.unit.get("categorieEntreprise")
        out = open_output(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            fields,
            compat.WKB_POINT,
            target,
            total=rows.size,
            progress_span=(80, 99),
        )
        with out:
            for k in rows:
                nom = next((str(c[k]) for c in name_cols if c is not None and str(c[k])), "")
                feat = QgsFeature(fields)
                feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*map(float, xy[k]))))
                feat.setAttributes(
                    [
                        str(est.siret[k]),
                        str(est.siren[k]),
                        str(est.commune[k]),
                        _text(nom),
                        _text(est.naf2[k]),
                        _text(est.naf25[k]),
                        _text(est.tranche[k]),
                        float(est.jobs[k]),
                        int(bool(est.active[k])),
                        int(bool(est.siege[k])),
                        _text(est.siege_commune[k]),
                        _text(ess[k]) if ess is not None else None,
                        _text(category[k]) if category is not None else None,
                        str(placement[k]),
                    ]
                )
                out.add(feat, lambda k=k: f"SIRET {est.siret[k]}")

        placed = {
            how: int(np.count_nonzero(placement[rows] == how))
            for how in (PLACED_XY, PLACED_TOWN_HALL, PLACED_COMMUNE)
        }
        feedback.pushInfo(
            self.tr(
                "{rows} rows read: {kept} establishments of the {communes} communes kept, "
                "{closed} closed ones left out, {outside} rows of other communes, {malformed} "
                "malformed rows."
            ).format(
                rows=report.rows_read,
                kept=n_all,
                communes=len(codes),
                closed=report.closed,
                outside=report.outside,
                malformed=report.malformed,
            )
        )
        feedback.pushInfo(
            self.tr(
                "{n} establishments written: {xy} at their Lambert-93 coordinates, {hall} at "
                "their town hall, {commune} at a point inside their commune."
            ).format(
                n=rows.size,
                xy=placed[PLACED_XY],
                hall=placed[PLACED_TOWN_HALL],
                commune=placed[PLACED_COMMUNE],
            )
        )
        feedback.pushInfo(
            self.tr("{jobs} jobs estimated from the size classes.").format(
                jobs=f"{float(est.jobs[rows].sum()):.1f}"
            )
        )
        out.finalize(
            "jobs",
            self.tr("SIRENE establishments"),
            self.tr(
                "Establishments of the SIRENE stock '{path}' in the communes of '{layer}'"
                "{active}, located by their Lambert-93 coordinates or their commune."
            ).format(
                path=path,
                layer=c_name,
                active=self.tr(" (active only)") if active_only else "",
            ),
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest_id}
