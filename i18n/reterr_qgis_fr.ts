<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>ExportCouncilMap</name>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="77"/>
        <source>Maps</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="80"/>
        <source>Export council map</source>
        <translation>Carte pour le conseil</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="87"/>
        <source>Renders a numeric field of a polygon layer as a classed choropleth into an A4 landscape print layout (resources/layouts/council_map.qpt, or your own template with the same item ids) and exports it to PDF and, optionally, PNG.

The page holds a title (the indicator's label by default), a subtitle with the territory and the date, the map with the names of the main towns (the N largest by the rank field), optional boundaries (e.g. EPCI), the legend, a scale bar, a north arrow, a table of key figures and the sources.

Key figures for a ReTerr indicator are recomputed for the whole territory from the summed counts (e.g. the share of people aged 65+ of the département), not averaged over territories. Colours follow the indicator's polarity (reds where a higher value is worse, greens where it is better) unless a palette is chosen. Territories without a value are drawn in grey and counted.

Runs without an open project (qgis_process).</source>
        <translation>Représente un champ numérique d'une couche de polygones en carte choroplèthe par classes dans une mise en page A4 paysage (resources/layouts/council_map.qpt, ou votre propre modèle avec les mêmes identifiants d'éléments) et l'exporte en PDF et, en option, en PNG.

La page comporte un titre (par défaut, le libellé de l'indicateur), un sous-titre avec le territoire et la date, la carte avec le nom des principales communes (les N premières selon le champ de classement), des limites en surimpression (par ex. les EPCI) si demandé, la légende, une barre d'échelle, une flèche du nord, un tableau de chiffres clés et les sources.

Les chiffres clés d'un indicateur ReTerr sont recalculés pour l'ensemble du territoire à partir des effectifs cumulés (par ex. la part des 65 ans et plus dans le département), et non moyennés sur les territoires. Les couleurs suivent la polarité de l'indicateur (rouges quand une valeur élevée est défavorable, verts quand elle est favorable), sauf si une palette est choisie. Les territoires sans valeur sont dessinés en gris et décomptés.

Fonctionne sans projet ouvert (qgis_process).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="105"/>
        <source>Layer to map</source>
        <translation>Couche à cartographier</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="105"/>
        <source>Polygon layer holding the indicator (e.g. a territorial profile output).</source>
        <translation>Couche de polygones portant l'indicateur (par ex. une sortie de « Profil territorial »).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="113"/>
        <source>Indicator field</source>
        <translation>Champ de l'indicateur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="126"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="126"/>
        <source>Map title; empty: the indicator&apos;s label.</source>
        <translation>Titre de la carte ; vide : le libellé de l'indicateur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="134"/>
        <source>Territory name</source>
        <translation>Nom du territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="134"/>
        <source>Shown in the subtitle with the date; empty: the layer name.</source>
        <translation>Affiché dans le sous-titre avec la date ; vide : le nom de la couche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="142"/>
        <source>Label field</source>
        <translation>Champ des étiquettes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="142"/>
        <source>Names written on the map for the main towns.</source>
        <translation>Noms inscrits sur la carte pour les principales communes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="154"/>
        <source>Field ranking the towns to label</source>
        <translation>Champ de classement des communes à étiqueter</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="154"/>
        <source>The N features with the largest values are labelled.</source>
        <translation>Les N entités aux valeurs les plus élevées sont étiquetées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="167"/>
        <source>Number of towns to label</source>
        <translation>Nombre de communes à étiqueter</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="167"/>
        <source>0 for no labels.</source>
        <translation>0 pour n'afficher aucune étiquette.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="180"/>
        <source>Number of classes</source>
        <translation>Nombre de classes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="180"/>
        <source>Classes of the choropleth.</source>
        <translation>Classes de la carte choroplèthe.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="193"/>
        <source>Classification</source>
        <translation>Discrétisation</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="193"/>
        <source>Quantiles</source>
        <translation>Quantiles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="193"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Seuils naturels (Jenks)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="193"/>
        <source>Equal intervals</source>
        <translation>Intervalles égaux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="193"/>
        <source>Pretty breaks</source>
        <translation>Seuils arrondis</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="193"/>
        <source>How class breaks are chosen.</source>
        <translation>Méthode de calcul des seuils de classes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="209"/>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="209"/>
        <source>Automatic (from the indicator&apos;s polarity)</source>
        <translation>Automatique (selon la polarité de l'indicateur)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="209"/>
        <source>Sequential ColorBrewer palette.</source>
        <translation>Palette séquentielle ColorBrewer.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="220"/>
        <source>Boundaries to overlay (e.g. EPCI)</source>
        <translation>Limites à superposer (par ex. EPCI)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="220"/>
        <source>Drawn as dark outlines above the choropleth.</source>
        <translation>Tracées en contours sombres au-dessus de la carte choroplèthe.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="231"/>
        <source>Legend label of the boundaries</source>
        <translation>Libellé des limites dans la légende</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="231"/>
        <source>Empty: the layer name.</source>
        <translation>Vide : le nom de la couche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="242"/>
        <source>Sources and attribution</source>
        <translation>Sources et mentions</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="242"/>
        <source>Printed at the bottom of the page.</source>
        <translation>Imprimées en bas de page.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="254"/>
        <source>Layout template (.qpt)</source>
        <translation>Modèle de mise en page (.qpt)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="254"/>
        <source>Empty: the ReTerr A4 landscape template.</source>
        <translation>Vide : le modèle ReTerr A4 paysage.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="262"/>
        <source>Resolution (dpi)</source>
        <translation>Résolution (dpi)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="262"/>
        <source>Resolution of rasterised parts and of the PNG.</source>
        <translation>Résolution des parties rastérisées et du PNG.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="275"/>
        <source>Map (PDF)</source>
        <translation>Carte (PDF)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="275"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="283"/>
        <source>Map (PNG)</source>
        <translation>Carte (PNG)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="283"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="304"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="318"/>
        <source>Field &apos;{field}&apos; has no value to map (all NULL).</source>
        <translation>Le champ « {field} » n'a aucune valeur à cartographier (tout est NULL).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="342"/>
        <source>No data</source>
        <translation>Sans donnée</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="382"/>
        <source>{territory} — {date}</source>
        <translation>{territory} — {date}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="387"/>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="391"/>
        <source>quantiles</source>
        <translation>quantiles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="392"/>
        <source>natural breaks (Jenks)</source>
        <translation>seuils naturels (Jenks)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="393"/>
        <source>equal intervals</source>
        <translation>intervalles égaux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="394"/>
        <source>pretty breaks</source>
        <translation>seuils arrondis</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="396"/>
        <source>Map: ReTerr {version} (QGIS {qgis}), {date}. Classes: {method}, {n} classes.</source>
        <translation>Carte : ReTerr {version} (QGIS {qgis}), {date}. Discrétisation : {method}, {n} classes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="421"/>
        <source>Exporting PDF…</source>
        <translation>Export du PDF…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="424"/>
        <source>The PDF could not be written to {path} ({error}).</source>
        <translation>Impossible d'écrire le PDF dans {path} ({error}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="437"/>
        <source>The PNG could not be written to {path}.</source>
        <translation>Impossible d'écrire le PNG dans {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="442"/>
        <source>{n} territories have no value and are drawn in grey.</source>
        <translation>{n} territoires n'ont pas de valeur et sont dessinés en gris.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="483"/>
        <source>Cannot read the layout template {path}: {error}</source>
        <translation>Impossible de lire le modèle de mise en page {path} : {error}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="489"/>
        <source>The layout template {path} is not valid XML.</source>
        <translation>Le modèle de mise en page {path} n'est pas un fichier XML valide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="495"/>
        <source>The layout template {path} could not be loaded.</source>
        <translation>Le modèle de mise en page {path} n'a pas pu être chargé.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="499"/>
        <source>The layout template {path} has no map item with id &apos;map&apos;.</source>
        <translation>Le modèle de mise en page {path} ne contient aucun élément carte d'identifiant « map ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="524"/>
        <source>No rank field: every feature is labelled.</source>
        <translation>Aucun champ de classement : toutes les entités sont étiquetées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="610"/>
        <source>Territories mapped</source>
        <translation>Territoires cartographiés</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="624"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="625"/>
        <source>Area</source>
        <translation>Superficie</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="626"/>
        <source>Density</source>
        <translation>Densité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="626"/>
        <source>inh./km²</source>
        <translation>hab./km²</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="630"/>
        <source>{label}, whole territory</source>
        <translation>{label}, ensemble du territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="638"/>
        <source>Median of territories</source>
        <translation>Médiane des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="639"/>
        <source>Lowest – highest</source>
        <translation>Minimum – maximum</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="643"/>
        <source>Territories without data</source>
        <translation>Territoires sans donnée</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="113"/>
        <source>Numeric field to map (default: share_65p).</source>
        <translation>Champ numérique à cartographier (par défaut : share_65p).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="275"/>
        <source>The A4 landscape map, with real text.</source>
        <translation>La carte A4 paysage, avec du texte réel (copiable).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/export_council_map.py" line="283"/>
        <source>Optional image of the page (at most 200 dpi).</source>
        <translation>Image facultative de la page (200 dpi au plus).</translation>
    </message>
</context>
<context>
    <name>ReterrAlgorithm</name>
    <message>
        <location filename="../reterr_qgis/processing/base.py" line="61"/>
        <source>Territorial diagnostic</source>
        <translation>Diagnostic territorial</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/base.py" line="114"/>
        <source>Could not store the style in the GeoPackage: {e}</source>
        <translation>Impossible d'enregistrer le style dans le GeoPackage : {e}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/base.py" line="145"/>
        <source>{what} needs the Python package shapely 2. Install it for the Python of QGIS (Debian/Ubuntu: apt install python3-shapely; OSGeo4W: python3-shapely; otherwise pip install shapely), then restart QGIS.</source>
        <translation>{what} nécessite le paquet Python shapely 2. Installez-le pour le Python de QGIS (Debian/Ubuntu : apt install python3-shapely ; OSGeo4W : python3-shapely ; sinon pip install shapely), puis redémarrez QGIS.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/base.py" line="176"/>
        <source>Canceled: no output was written.</source>
        <translation>Annulé : aucune sortie n'a été écrite.</translation>
    </message>
</context>
<context>
    <name>ReterrEngine</name>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="72"/>
        <source>&apos;{field}&apos; must hold one value per territory.</source>
        <translation>« {field} » doit contenir une valeur par territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="77"/>
        <source>&apos;{field}&apos; has {got} values, expected {expected}.</source>
        <translation>« {field} » contient {got} valeurs au lieu de {expected}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="98"/>
        <source>Unknown count fields: {fields}.</source>
        <translation>Champs d'effectifs inconnus : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="104"/>
        <source>The &apos;{field}&apos; values are required.</source>
        <translation>Les valeurs de « {field} » sont obligatoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="113"/>
        <source>&apos;{field}&apos; has negative or infinite values.</source>
        <translation>« {field} » contient des valeurs négatives ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="120"/>
        <source>The population is missing (NULL).</source>
        <translation>La population est manquante (NULL).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="125"/>
        <source>The area is zero or missing (empty geometry?).</source>
        <translation>La superficie est nulle ou manquante (géométrie vide ?).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="164"/>
        <source>Give all three age groups (0-19, 20-64, 65+) or none.</source>
        <translation>Indiquez les trois tranches d'âge (0-19, 20-64, 65 ans et plus) ou aucune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="171"/>
        <source>Give both dwellings and vacant dwellings, or neither.</source>
        <translation>Indiquez à la fois les logements et les logements vacants, ou aucun des deux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="181"/>
        <source>{n} territories have zero population.</source>
        <translation>{n} territoires ont une population nulle.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="194"/>
        <source>Age shares undefined for {n} territories (no age data).</source>
        <translation>Parts par âge non définies pour {n} territoires (aucune donnée d'âge).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="204"/>
        <source>Ageing index undefined for {n} territories (nobody under 20).</source>
        <translation>Indice de vieillissement non défini pour {n} territoires (aucun habitant de moins de 20 ans).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="216"/>
        <source>More vacant dwellings than dwellings: check the two fields.</source>
        <translation>Plus de logements vacants que de logements : vérifiez les deux champs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="225"/>
        <source>Vacancy rate undefined for {n} territories (no dwellings).</source>
        <translation>Taux de vacance non défini pour {n} territoires (aucun logement).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="259"/>
        <source>The weights have {rows} rows for {n} units.</source>
        <translation>La matrice de pondération compte {rows} lignes pour {n} unités.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile.py" line="290"/>
        <source>The grouping code is missing.</source>
        <translation>Le code de regroupement est manquant.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/zones.py" line="45"/>
        <source>{layer}: empty or missing geometries.</source>
        <translation>{layer} : géométries vides ou manquantes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/zones.py" line="52"/>
        <source>{layer}: invalid geometries (run &apos;Fix geometries&apos; first).</source>
        <translation>{layer} : géométries invalides (lancez d'abord « Réparer les géométries »).</translation>
    </message>
</context>
<context>
    <name>ReterrLayers</name>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="47"/>
        <source> and {n} more</source>
        <translation> et {n} autres</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="60"/>
        <source>Layer &apos;{layer}&apos; has no valid coordinate reference system. Set its CRS (for metropolitan France, Lambert-93, EPSG:2154).</source>
        <translation>La couche « {layer} » n'a pas de système de coordonnées de référence valide. Définissez son SCR (en France métropolitaine, Lambert-93, EPSG:2154).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="68"/>
        <source>Layer &apos;{layer}&apos; is in a geographic CRS ({crs}): distances and areas would be in degrees. Reproject it first (for metropolitan France, Lambert-93, EPSG:2154) with &apos;Reproject layer&apos;.</source>
        <translation>La couche « {layer} » est dans un SCR géographique ({crs}) : distances et surfaces seraient exprimées en degrés. Reprojetez-la d'abord (en France métropolitaine, Lambert-93, EPSG:2154) avec « Reprojeter une couche ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="126"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;. Available fields: {fields}.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ». Champs disponibles : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="164"/>
        <source>feature {fid}</source>
        <translation>entité {fid}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="196"/>
        <source>Field &apos;{field}&apos; of layer &apos;{layer}&apos; holds values that are not numbers for: {features}. Correct them or choose another field.</source>
        <translation>Le champ « {field} » de la couche « {layer} » contient des valeurs non numériques pour : {features}. Corrigez-les ou choisissez un autre champ.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="216"/>
        <source>Layer &apos;{layer}&apos;: {n} features have no geometry: {features}. Remove them or give them a geometry.</source>
        <translation>Couche « {layer} » : {n} entités n'ont pas de géométrie : {features}. Supprimez-les ou attribuez-leur une géométrie.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="225"/>
        <source>Layer &apos;{layer}&apos;: {n} features have an invalid geometry: {features}. Run &apos;Fix geometries&apos; on the layer first.</source>
        <translation>Couche « {layer} » : {n} entités ont une géométrie invalide : {features}. Lancez d'abord « Réparer les géométries » sur la couche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="242"/>
        <source>Layer &apos;{layer}&apos;, features: {features}.</source>
        <translation>Couche « {layer} », entités : {features}.</translation>
    </message>
</context>
<context>
    <name>ReterrPlugin</name>
    <message>
        <location filename="../reterr_qgis/plugin.py" line="43"/>
        <source>Territorial profile…</source>
        <translation>Profil territorial…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/plugin.py" line="43"/>
        <source>Export council map…</source>
        <translation>Carte pour le conseil…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/plugin.py" line="62"/>
        <source>&amp;ReTerr</source>
        <translation>&amp;ReTerr</translation>
    </message>
</context>
<context>
    <name>ReterrProvider</name>
    <message>
        <location filename="../reterr_qgis/processing/provider.py" line="22"/>
        <source>ReTerr — territorial resilience ({version})</source>
        <translation>ReTerr — résilience territoriale ({version})</translation>
    </message>
</context>
<context>
    <name>ReterrStyle</name>
    <message>
        <location filename="../reterr_qgis/adapters/style.py" line="111"/>
        <source>ReTerr default style</source>
        <translation>Style par défaut ReTerr</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/style.py" line="112"/>
        <source>Style written by ReTerr</source>
        <translation>Style enregistré par ReTerr</translation>
    </message>
</context>
<context>
    <name>TerritoryProfile</name>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="351"/>
        <source>Territorial profile</source>
        <translation>Profil territorial</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="59"/>
        <source>Computes the profile of each territory of a polygon layer (communes, IRIS, any zoning) and, optionally, of a coarser zoning (EPCI code field or a zoning layer).

Indicators: population; area (km², planimetric, in the layer's projected CRS); density (inhabitants/km²); shares of the 0-19, 20-64 and 65+ age groups (% of the sum of the three groups); ageing index (100 × 65+ / under 20, INSEE definition); vacancy rate (% of dwellings that are vacant).

Aggregation sums the counts first and then recomputes the ratios, so a zone's shares are population-weighted, never plain means of its communes' ratios. Units go to the zone containing their interior point (default), to the zone they overlap most, or are split by area share (assumes population spread evenly).

Default field names follow the sample territory (INSEE RP data): population, pop_0_19, pop_20_64, pop_65p, logements, log_vacants, nom. Age and housing fields are optional: without them the corresponding indicators are skipped. Needs a projected CRS (Lambert-93, EPSG:2154, in metropolitan France). The output carries its style and provenance (algorithm, version, parameters, date).</source>
        <translation>Calcule le profil de chaque territoire d'une couche de polygones (communes, IRIS, tout zonage) et, en option, d'un zonage plus large (champ de code EPCI ou couche de zonage).

Indicateurs : population ; superficie (km², planimétrique, dans le SCR projeté de la couche) ; densité (habitants/km²) ; parts des 0-19 ans, des 20-64 ans et des 65 ans et plus (en % de la somme des trois tranches) ; indice de vieillissement (100 × 65 ans et plus / moins de 20 ans, définition INSEE) ; taux de vacance (% des logements qui sont vacants).

L'agrégation additionne d'abord les effectifs puis recalcule les ratios : les parts d'une zone sont ainsi pondérées par la population, jamais de simples moyennes des ratios de ses communes. Chaque unité est affectée à la zone qui contient son point intérieur (par défaut) ou à celle qu'elle recouvre le plus, ou bien répartie au prorata de la surface (population supposée uniformément répartie).

Les noms de champs par défaut sont ceux du territoire d'exemple (données INSEE RP) : population, pop_0_19, pop_20_64, pop_65p, logements, log_vacants, nom. Les champs d'âge et de logement sont facultatifs : sans eux, les indicateurs correspondants sont ignorés. Nécessite un SCR projeté (Lambert-93, EPSG:2154, en France métropolitaine). La sortie embarque son style et sa provenance (algorithme, version, paramètres, date).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="79"/>
        <source>Territories (polygons)</source>
        <translation>Territoires (polygones)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="79"/>
        <source>Polygons of the territories to profile, in a projected CRS.</source>
        <translation>Polygones des territoires à analyser, dans un SCR projeté.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="99"/>
        <source>Population field</source>
        <translation>Champ de population</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="99"/>
        <source>Number of inhabitants (e.g. INSEE legal population).</source>
        <translation>Nombre d'habitants (par ex. population légale INSEE).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="105"/>
        <source>Population aged 0-19 field</source>
        <translation>Champ des 0-19 ans</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="105"/>
        <source>Inhabitants aged under 20 (INSEE RP).</source>
        <translation>Habitants de moins de 20 ans (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="111"/>
        <source>Population aged 20-64 field</source>
        <translation>Champ des 20-64 ans</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="111"/>
        <source>Inhabitants aged 20 to 64 (INSEE RP).</source>
        <translation>Habitants de 20 à 64 ans (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="117"/>
        <source>Population aged 65+ field</source>
        <translation>Champ des 65 ans et plus</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="117"/>
        <source>Inhabitants aged 65 and over (INSEE RP).</source>
        <translation>Habitants de 65 ans et plus (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="123"/>
        <source>Dwellings field</source>
        <translation>Champ des logements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="123"/>
        <source>Number of dwellings (INSEE RP).</source>
        <translation>Nombre de logements (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="129"/>
        <source>Vacant dwellings field</source>
        <translation>Champ des logements vacants</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="129"/>
        <source>Number of vacant dwellings (INSEE RP).</source>
        <translation>Nombre de logements vacants (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="135"/>
        <source>Name field</source>
        <translation>Champ du nom</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="135"/>
        <source>Names used in messages and kept in the output.</source>
        <translation>Noms utilisés dans les messages et conservés dans la sortie.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="142"/>
        <source>Aggregate by code field (e.g. EPCI SIREN)</source>
        <translation>Agréger selon un champ de code (par ex. SIREN de l'EPCI)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="142"/>
        <source>Aggregate the territories sharing this code; their polygons are dissolved. Leave empty to keep one row per territory.</source>
        <translation>Regroupe les territoires qui partagent ce code ; leurs polygones sont fusionnés. Laisser vide pour garder une ligne par territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="152"/>
        <source>Name of the aggregate field</source>
        <translation>Champ du nom du regroupement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="152"/>
        <source>Field giving the aggregate&apos;s name (e.g. nom_epci).</source>
        <translation>Champ donnant le nom du regroupement (par ex. nom_epci).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="159"/>
        <source>Or aggregate into a zoning layer</source>
        <translation>Ou agréger selon une couche de zonage</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="159"/>
        <source>A coarser zoning (EPCI, bassins de vie, project areas). Its attributes are kept.</source>
        <translation>Un zonage plus large (EPCI, bassins de vie, périmètres de projet). Ses attributs sont conservés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="173"/>
        <source>Assignment to zones</source>
        <translation>Affectation aux zones</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="173"/>
        <source>Zone containing the interior point</source>
        <translation>Zone contenant le point intérieur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="173"/>
        <source>Zone of largest overlap</source>
        <translation>Zone de plus grand recouvrement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="173"/>
        <source>Split by area share</source>
        <translation>Répartition au prorata de la surface</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="173"/>
        <source>How territories are assigned to the zoning layer&apos;s zones.</source>
        <translation>Mode d'affectation des territoires aux zones de la couche de zonage.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="210"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="211"/>
        <source>The {what} fields must all be given; not found: {fields}.</source>
        <translation>Les champs {what} doivent tous être renseignés ; introuvables : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="216"/>
        <source>No {what} fields: those indicators are skipped.</source>
        <translation>Aucun champ {what} : ces indicateurs sont ignorés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="232"/>
        <source>age group</source>
        <translation>de tranche d'âge</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="240"/>
        <source>housing</source>
        <translation>de logement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="255"/>
        <source>Choose either a code field or a zoning layer to aggregate, not both.</source>
        <translation>Pour agréger, choisissez un champ de code ou une couche de zonage, pas les deux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="264"/>
        <source>Reading territories…</source>
        <translation>Lecture des territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="278"/>
        <source>Layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="284"/>
        <source>Computing indicators…</source>
        <translation>Calcul des indicateurs…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="286"/>
        <source>Aggregation</source>
        <translation>L'agrégation</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="325"/>
        <source>Writing output…</source>
        <translation>Écriture de la sortie…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="351"/>
        <source>Population, density, age structure and housing vacancy per territory, computed by ReTerr from &apos;{layer}&apos;.</source>
        <translation>Population, densité, structure par âge et vacance des logements par territoire, calculées par ReTerr à partir de « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="364"/>
        <source>{n} territories profiled.</source>
        <translation>{n} territoires analysés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="400"/>
        <source>The zoning layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche de zonage « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="409"/>
        <source>Zones reprojected from {a} to {b}.</source>
        <translation>Zones reprojetées de {a} vers {b}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="419"/>
        <source>{n} territories lie outside every zone and are left out: {features}.</source>
        <translation>{n} territoires ne sont dans aucune zone et sont laissés de côté : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="428"/>
        <source>{n} territories fall in several overlapping zones; the first zone was used: {features}.</source>
        <translation>{n} territoires tombent dans plusieurs zones qui se chevauchent ; la première zone a été retenue : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/territory_profile.py" line="188"/>
        <source>Polygons with the counts and indicators; a GeoPackage keeps the style and the provenance table.</source>
        <translation>Polygones avec les effectifs et les indicateurs ; un GeoPackage conserve le style et la table de traçabilité.</translation>
    </message>
</context>
</TS>
