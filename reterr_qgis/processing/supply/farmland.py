"""``reterr:farmland`` — hectares of farmland per crop group and territory, from the RPG parcels
(split by area at boundaries) or from a land-cover raster (OSO, CORINE), never both."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterRasterLayer,
)

from ...adapters import compat
from ...adapters.layers import (
    describe_features,
    engine_messages,
    feature_name,
    read_columns,
    require_projected,
)
from ...engine.core.errors import Canceled
from ...engine.supply import (
    GROUP_IDS,
    LabelGrid,
    farmland_from_raster,
    farmland_from_rpg,
    load_landcover_mapping,
    load_rpg_mapping,
)
from ..common.feedback import engine_guard, listing, progress_to, require_shapely, warn
from ..common.inputs import feature_source, read_layer
from ..common.outputs import write_units
from .base import SupplyAlgorithm
from .food_needs import GROUP_CODES

#: Nomenclatures of the shipped land-cover table, in the order of the NOMENCLATURE enum.
NOMENCLATURES: tuple[str, ...] = ("oso2018", "oso2016", "clc")

#: Prefix of the farmland fields (``sau_cer`` …), read back by food_adequacy.
FARMLAND_PREFIX = "sau_"

#: Label grids of earlier raster runs, keyed by ``label_grid_key`` (territories, raster grid,
#: CRS): a second run on the same territories and raster skips the rasterisation. Bounded: a grid
#: of a 25 Mpx raster weighs 50 MB.
_LABEL_GRIDS: OrderedDict[str, LabelGrid] = OrderedDict()
MAX_CACHED_GRIDS = 4


def farmland_field(group_index: int) -> str:
    """Name of the farmland field of a crop group: ``sau_cer`` …"""
    return FARMLAND_PREFIX + GROUP_CODES[group_index]


def cached_label_grid(n_territories: int, raster_shape: tuple[int, int]):
    """The most recent cached grid that may fit (same number of territories and raster shape).

    The engine checks its key against the territories and the raster and rebuilds it when it does
    not match, so a wrong guess only costs the rasterisation the cache would have saved.
    """
    for grid in reversed(_LABEL_GRIDS.values()):
        if grid.n_territories == n_territories and tuple(grid.raster_shape) == raster_shape:
            return grid
    return None


def remember_label_grid(grid: LabelGrid) -> None:
    """Keep ``grid`` under its key (most recent last), dropping the oldest beyond the bound."""
    _LABEL_GRIDS[grid.key] = grid
    _LABEL_GRIDS.move_to_end(grid.key)
    while len(_LABEL_GRIDS) > MAX_CACHED_GRIDS:
        _LABEL_GRIDS.popitem(last=False)


class Farmland(SupplyAlgorithm):
    """Farmland per crop group and territory, from RPG parcels or a land-cover raster."""

    ALG_ID = "farmland"
    REQUIRES = ("scipy", "shapely2")
    IN_MENU = False

    INPUT = "INPUT"
    NAME_FIELD = "NAME_FIELD"
    PARCELS = "PARCELS"
    CODE_GROUP_FIELD = "CODE_GROUP_FIELD"
    CODE_CULTU_FIELD = "CODE_CULTU_FIELD"
    RPG_MAPPING = "RPG_MAPPING"
    LANDCOVER = "LANDCOVER"
    NOMENCLATURE = "NOMENCLATURE"
    LANDCOVER_MAPPING = "LANDCOVER_MAPPING"
    OUTPUT = "OUTPUT"

    def title(self) -> str:
        return self.tr("Farmland per crop group")

    def help_text(self) -> str:
        return self.tr(
            "Hectares of farmland per crop group in each territory, from EITHER the parcels of "
            "the Registre parcellaire graphique (RPG, as published by IGN) OR a land-cover "
            "raster (OSO, CORINE Land Cover) — give exactly one of the two.\n\n"
            "Output fields (added to the territories), in hectares: sau_cer (cereals), sau_olp "
            "(oilseeds and protein crops), sau_fou (fodder and grassland), sau_flg (fruit and "
            "vegetables), sau_aut (other crops), sau_total (the five groups: the farmland "
            "counted for food adequacy), sau_exclu (farmland counted as non-productive: "
            "fallow, summer pastures and heath, 'divers'), non_agri (land that is not farmland; "
            "raster only), non_classe (codes or classes absent from the mapping table: counted "
            "and listed in the log, never dropped).\n\n"
            "RPG: each parcel gets a group from its CODE_CULTU (crop code) when the mapping "
            "table lists it, else from its CODE_GROUP (RPG group 1–28). A parcel crossing a "
            "boundary is split by area; areas are planar, in the territories' projected CRS. "
            "Parcels outside every territory, overlapping parcels and unknown codes are "
            "reported in the log.\n\n"
            "Raster: one band of class codes in a projected CRS; a pixel belongs to the "
            "territory containing its centre; pixel area from the raster's resolution. The "
            "territories are reprojected to the raster's CRS when they differ. The rasterised "
            "territories are kept in memory for the next run on the same territories and "
            "raster.\n\n"
            "Mapping tables (editable CSV, every row with its source; resources/supply): RPG "
            "groups 11 (fallow), 17 (summer pastures and heath) and 28 (divers) and CRATer's "
            "low-productivity crop codes are excluded as in CRATer; the other group "
            "assignments are ReTerr defaults following the families of CRATer and Territoires "
            "Fertiles (the table's status column says which rows a source confirms). Land-cover "
            "classes that mix groups (OSO maize, CORINE arable land) go to one group by default "
            "(give shares in the table to split them); natural grassland and heath are excluded "
            "like RPG "
            "group 17."
        )

    def initAlgorithm(self, config=None) -> None:
        h = self.add_help
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.INPUT, self.tr("Territories"), [compat.TYPE_VECTOR_POLYGON]
                ),
                self.tr("Communes, EPCI or any zoning, in a projected CRS (Lambert-93)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.NAME_FIELD,
                    self.tr("Name field"),
                    "nom",
                    self.INPUT,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("Names of the territories in messages (default: nom)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSource(
                    self.PARCELS,
                    self.tr("RPG parcels"),
                    [compat.TYPE_VECTOR_POLYGON],
                    optional=True,
                ),
                self.tr(
                    "The 'parcelles graphiques' layer of the RPG (IGN), or any parcel layer "
                    "with RPG crop codes. Give either this layer or a land-cover raster."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.CODE_GROUP_FIELD,
                    self.tr("RPG crop group field"),
                    "CODE_GROUP",
                    self.PARCELS,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr("RPG group code 1–28 (published name: CODE_GROUP)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterField(
                    self.CODE_CULTU_FIELD,
                    self.tr("RPG crop code field"),
                    "CODE_CULTU",
                    self.PARCELS,
                    compat.FIELD_ANY,
                    optional=True,
                ),
                self.tr(
                    "Three-letter PAC crop code (published name: CODE_CULTU); overrides the "
                    "group where the mapping table lists the code."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFile(
                    self.RPG_MAPPING,
                    self.tr("RPG code → crop group table (CSV)"),
                    extension="csv",
                    optional=True,
                ),
                self.tr(
                    "Columns level; code; crop_group. Empty: the shipped table "
                    "(resources/supply/rpg_crop_groups.csv)."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterRasterLayer(
                    self.LANDCOVER, self.tr("Land-cover raster"), optional=True
                ),
                self.tr(
                    "A GeoTIFF (or any file GDAL reads) of land-cover classes, e.g. OSO "
                    "(CESBIO) or CORINE Land Cover with its level-3 codes. Give either this "
                    "raster or RPG parcels."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterEnum(
                    self.NOMENCLATURE,
                    self.tr("Land-cover nomenclature"),
                    options=[
                        self.tr("OSO 2018 and later (23 classes)"),
                        self.tr("OSO 2016–2017 (17 classes)"),
                        self.tr("CORINE Land Cover (level-3 codes 111–523)"),
                    ],
                    defaultValue=0,
                ),
                self.tr("Which classes the raster holds (rows of the mapping table used)."),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFile(
                    self.LANDCOVER_MAPPING,
                    self.tr("Land-cover class → crop group table (CSV)"),
                    extension="csv",
                    optional=True,
                ),
                self.tr(
                    "Columns nomenclature; class; crop_group; share. Empty: the shipped table "
                    "(resources/supply/landcover_crop_groups.csv)."
                ),
            )
        )
        self.addParameter(
            h(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT, self.tr("Farmland"), compat.TYPE_VECTOR_POLYGON
                ),
                self.tr(
                    "The territories with sau_cer … sau_aut, sau_total, sau_exclu, non_agri and "
                    "non_classe (ha)."
                ),
            )
        )

    # -- execution -------------------------------------------------------------------------------

    def execute(self, parameters, context, feedback):
        source = feature_source(self, parameters, self.INPUT, context)
        layer_name = self.layer_label(parameters, self.INPUT, context, source)
        require_projected(source.sourceCrs(), layer_name)
        has_parcels = bool(parameters.get(self.PARCELS))
        raster = self.parameterAsRasterLayer(parameters, self.LANDCOVER, context)
        if has_parcels == (raster is not None):
            raise QgsProcessingException(
                self.tr(
                    "Give either an RPG parcel layer or a land-cover raster (exactly one of the "
                    "two)."
                )
            )
        require_shapely(self.tr("Counting farmland"))
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or "nom"
        if source.fields().lookupField(name_field) < 0:
            name_field = ""

        feedback.setProgressText(self.tr("Reading territories…"))
        table = read_layer(
            source,
            name_field=name_field or None,
            keep_attributes=True,
            layer_name=layer_name,
            feedback=feedback,
            progress_span=(0, 10),
        )
        territories = table.shapely()
        if has_parcels:
            result = self._from_rpg(parameters, context, feedback, source, table, territories)
        else:
            result = self._from_raster(
                parameters, context, feedback, source, table, territories, raster
            )
        for msg in engine_messages(result.warnings):
            warn(feedback, msg)

        ha = result.hectares
        columns = [
            (farmland_field(j), compat.FIELD_DOUBLE, ha[:, j]) for j in range(len(GROUP_IDS))
        ]
        columns.append(("sau_total", compat.FIELD_DOUBLE, result.groups_ha.sum(axis=1)))
        columns.append(("sau_exclu", compat.FIELD_DOUBLE, result.excluded_ha))
        non_agri = result.non_agricultural_ha if not has_parcels else np.full(len(table), np.nan)
        columns.append(("non_agri", compat.FIELD_DOUBLE, non_agri))
        columns.append(("non_classe", compat.FIELD_DOUBLE, result.unclassified_ha))
        feedback.setProgressText(self.tr("Writing output…"))
        out = write_units(
            self,
            parameters,
            self.OUTPUT,
            context,
            feedback,
            source,
            table,
            columns,
            progress_span=(90, 99),
        )
        totals = ha.sum(axis=0)
        feedback.pushInfo(
            self.tr(
                "Farmland in the {n} territories: {total} ha in the five crop groups ({groups}); "
                "{excluded} ha excluded as non-productive; {unclassified} ha not classified."
            ).format(
                n=len(table),
                total=f"{float(totals[: len(GROUP_IDS)].sum()):.1f}",
                groups=", ".join(
                    f"{GROUP_CODES[j]} {float(totals[j]):.1f}" for j in range(len(GROUP_IDS))
                ),
                excluded=f"{float(result.excluded_ha.sum()):.1f}",
                unclassified=f"{float(result.unclassified_ha.sum()):.1f}",
            )
        )
        what = self.tr("RPG parcels") if has_parcels else self.tr("land-cover raster")
        out.finalize(
            "sau_total",
            self.tr("Farmland per crop group"),
            self.tr(
                "Hectares of farmland per crop group in the territories of '{layer}', from the "
                "{what}, computed by ReTerr."
            ).format(layer=layer_name, what=what),
        )
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest_id}

    # -- RPG -------------------------------------------------------------------------------------

    def _code_fields(self, parameters, context, parcels, parcel_name):
        """Names of the CODE_GROUP and CODE_CULTU fields to read (None when not used).

        A field the user named that the layer lacks is an error listing the layer's fields; a
        default name the layer lacks is skipped, as long as one of the two remains.
        """
        fields = parcels.fields()
        found = []
        for param, default in (
            (self.CODE_GROUP_FIELD, "CODE_GROUP"),
            (self.CODE_CULTU_FIELD, "CODE_CULTU"),
        ):
            given = parameters.get(param)
            name = self.parameterAsString(parameters, param, context) or default
            if fields.lookupField(name) >= 0:
                found.append(name)
            elif given:
                raise QgsProcessingException(
                    self.tr(
                        "Field '{field}' not found in layer '{layer}'. Available fields: "
                        "{fields}. Choose the field holding the RPG codes."
                    ).format(field=name, layer=parcel_name, fields=", ".join(fields.names()))
                )
            else:
                found.append(None)
        if found == [None, None]:
            raise QgsProcessingException(
                self.tr(
                    "Layer '{layer}' has neither a CODE_GROUP nor a CODE_CULTU field. Available "
                    "fields: {fields}. Choose the fields holding the RPG crop group and crop "
                    "code."
                ).format(layer=parcel_name, fields=", ".join(fields.names()))
            )
        return found

    def _from_rpg(self, parameters, context, feedback, source, table, territories):
        parcels = feature_source(self, parameters, self.PARCELS, context)
        parcel_name = self.layer_label(parameters, self.PARCELS, context, parcels)
        require_projected(parcels.sourceCrs(), parcel_name)
        group_field, cultu_field = self._code_fields(parameters, context, parcels, parcel_name)
        mapping_path = self.parameterAsFile(parameters, self.RPG_MAPPING, context)
        mapping = load_rpg_mapping(mapping_path or None)
        feedback.pushInfo(self.tr("Crop groups read from {path}.").format(path=mapping.path))

        feedback.setProgressText(self.tr("Reading parcels…"))
        codes = read_columns(
            parcels,
            text=[f for f in (group_field, cultu_field) if f],
            layer_name=parcel_name,
            is_canceled=feedback.isCanceled,
        )
        if codes.canceled:
            raise Canceled()
        # Geometries as they are: the engine repairs invalid parcels and counts them.
        xform = None
        if parcels.sourceCrs() != source.sourceCrs():
            xform = QgsCoordinateTransform(
                parcels.sourceCrs(), source.sourceCrs(), context.transformContext()
            )
            feedback.pushInfo(
                self.tr("Parcels reprojected from {a} to {b}.").format(
                    a=parcels.sourceCrs().authid(), b=source.sourceCrs().authid()
                )
            )
        request = QgsFeatureRequest()
        request.setNoAttributes()
        request.setInvalidGeometryCheck(compat.REQUEST_NO_GEOMETRY_CHECK)
        total = max(parcels.featureCount(), 1)
        wkb: dict[int, bytes | None] = {}
        for i, feat in enumerate(parcels.getFeatures(request, compat.SOURCE_SKIP_VALIDITY_CHECKS)):
            if i % 2000 == 0:
                if feedback.isCanceled():
                    raise Canceled()
                feedback.setProgress(10 + 20 * i / total)
            geom = feat.geometry()
            if geom is None or geom.isNull():
                wkb[feat.id()] = None
                continue
            if xform is not None:
                geom.transform(xform)
            wkb[feat.id()] = bytes(geom.asWkb())
        import shapely

        fids = codes.fids
        geoms = shapely.from_wkb([wkb.get(int(f)) for f in fids])
        names = [feature_name(int(f)) for f in fids]
        if len(fids) == 0:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' has no features.").format(layer=parcel_name)
            )

        feedback.setProgressText(self.tr("Splitting parcels between territories…"))
        with engine_guard(table, self.layer_label(parameters, self.INPUT, context, source)):
            result = farmland_from_rpg(
                geoms,
                territories,
                code_group=codes.texts[group_field] if group_field else None,
                code_cultu=codes.texts[cultu_field] if cultu_field else None,
                mapping=mapping,
                names=table.names,
                progress=progress_to(feedback, 30, 90),
                is_canceled=feedback.isCanceled,
            )
        details = result.details
        outside = np.asarray(details["parcels_outside"], dtype=np.int64)
        if outside.size:
            feedback.pushInfo(
                self.tr("Parcels of '{layer}' outside every territory: {features}.").format(
                    layer=parcel_name, features=describe_features(names, fids, outside)
                )
            )
        missing = np.asarray(details["missing_geometry"], dtype=np.int64)
        if missing.size:
            feedback.pushInfo(
                self.tr("Parcels of '{layer}' without geometry: {features}.").format(
                    layer=parcel_name, features=describe_features(names, fids, missing)
                )
            )
        if result.unknown_codes:
            feedback.pushInfo(
                self.tr("Crop codes absent from the mapping table: {codes}.").format(
                    codes=listing(sorted(result.unknown_codes))
                )
            )
        feedback.pushInfo(
            self.tr(
                "{n} parcels read; {split} split between territories; {out} ha outside every "
                "territory."
            ).format(
                n=details["n_parcels"],
                split=details["parcels_split"],
                out=f"{result.outside_ha:.1f}",
            )
        )
        return result

    # -- raster ----------------------------------------------------------------------------------

    def _from_raster(self, parameters, context, feedback, source, table, territories, raster):
        nomenclature = NOMENCLATURES[self.parameterAsEnum(parameters, self.NOMENCLATURE, context)]
        mapping_path = self.parameterAsFile(parameters, self.LANDCOVER_MAPPING, context)
        mapping = load_landcover_mapping(nomenclature, mapping_path or None)
        feedback.pushInfo(
            self.tr("Land-cover classes ({nomenclature}) read from {path}.").format(
                nomenclature=nomenclature, path=mapping.path
            )
        )
        path = raster.source().split("|")[0]
        if raster.providerType() != "gdal":
            raise QgsProcessingException(
                self.tr(
                    "The land-cover raster '{layer}' is not a file (provider {provider}): save it "
                    "as a GeoTIFF first."
                ).format(layer=raster.name(), provider=raster.providerType())
            )
        crs = source.sourceCrs()
        territories_crs = crs.authid() if crs.authid() else crs.toWkt()
        shape = (raster.height(), raster.width())
        cached = cached_label_grid(len(table), shape)
        feedback.setProgressText(self.tr("Counting land-cover pixels per territory…"))
        with engine_guard(table, self.layer_label(parameters, self.INPUT, context, source)):
            result = farmland_from_raster(
                path,
                territories,
                mapping,
                territories_crs=territories_crs,
                labels=cached,
                names=table.names,
                progress=progress_to(feedback, 10, 90),
                is_canceled=feedback.isCanceled,
            )
        grid = result.details.get("labels")
        if grid is not None:
            remember_label_grid(grid)
        if result.details.get("labels_reused"):
            feedback.pushInfo(self.tr("Territories already rasterised in an earlier run: reused."))
        if result.unknown_codes:
            feedback.pushInfo(
                self.tr("Raster classes absent from the mapping table: {codes}.").format(
                    codes=listing(result.unknown_codes)
                )
            )
        feedback.pushInfo(
            self.tr("Pixel area: {area} m².").format(
                area=f"{float(result.details['pixel_area_m2']):g}"
            )
        )
        return result
