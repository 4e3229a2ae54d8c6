<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>BuildNetwork</name>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="32"/>
        <source>Services and access</source>
        <translation>Services et accessibilité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="35"/>
        <source>Build road network</source>
        <translation>Construire le réseau routier</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="38"/>
        <source>Turns a road line layer into the routing graph used by the ReTerr access algorithms, and reports what it found: nodes (junctions and dead ends), road segments, connected components and dangling ends (often lines that miss a junction).

Travel time of a segment = length / speed, in minutes. Speeds come from a speed field (km/h) or from a table by road class (OSM highway, BD TOPO nature or importance; car defaults documented with their sources, several to be confirmed). One-way streets follow the OSM &apos;oneway&apos; or BD TOPO &apos;sens_de_circulation&apos; values. Lines meet only at shared vertices (within the tolerance): a bridge does not connect to the road below.

The graph is cached in the QGIS profile and reused by every algorithm given the same layer and parameters, until the layer file changes. The optional nodes layer shows each node&apos;s component and degree, to find the gaps.</source>
        <translation>Transforme une couche de routes (lignes) en graphe d'itinéraires utilisé par les algorithmes d'accessibilité de ReTerr, et indique ce qu'il contient : nœuds (carrefours et impasses), tronçons, composantes connexes et extrémités pendantes (souvent des lignes qui manquent un carrefour).

Temps de parcours d'un tronçon = longueur / vitesse, en minutes. Les vitesses viennent d'un champ de vitesse (km/h) ou d'une table par classe de route (OSM highway, BD TOPO nature ou importance ; valeurs par défaut pour la voiture documentées avec leurs sources, plusieurs à confirmer). Les sens uniques suivent les valeurs OSM « oneway » ou BD TOPO « sens_de_circulation ». Les lignes ne se rejoignent qu'en des sommets communs (à la tolérance près) : un pont ne se raccorde pas à la route qu'il enjambe.

Le graphe est mis en cache dans le profil QGIS et réutilisé par tout algorithme recevant la même couche et les mêmes paramètres, jusqu'à ce que le fichier de la couche change. La couche facultative des nœuds donne la composante et le degré de chaque nœud, pour repérer les ruptures.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="54"/>
        <source>Network nodes</source>
        <translation>Nœuds du réseau</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="54"/>
        <source>Points with their component, degree and a dangling flag.</source>
        <translation>Points avec leur composante, leur degré et un indicateur d'extrémité pendante.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="66"/>
        <source>Nodes</source>
        <translation>Nœuds</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="66"/>
        <source>Road segments</source>
        <translation>Tronçons</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="66"/>
        <source>Connected components</source>
        <translation>Composantes connexes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="66"/>
        <source>Nodes in the largest component</source>
        <translation>Nœuds de la plus grande composante</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="66"/>
        <source>Dangling ends</source>
        <translation>Extrémités pendantes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="66"/>
        <source>Length (km)</source>
        <translation>Longueur (km)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="79"/>
        <source>{nodes} nodes, {edges} road segments, {km:.1f} km; {comp} connected components (largest: {largest} nodes); {dangling} dangling ends.</source>
        <translation>{nodes} nœuds, {edges} tronçons, {km:.1f} km ; {comp} composantes connexes (la plus grande : {largest} nœuds) ; {dangling} extrémités pendantes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="93"/>
        <source>Places on the smaller components cannot reach the rest: check the nodes layer (component field) for missing junctions.</source>
        <translation>Les lieux situés sur les petites composantes ne peuvent pas atteindre le reste : cherchez les carrefours manquants dans la couche des nœuds (champ component).</translation>
    </message>
</context>
<context>
    <name>ExportCouncilMap</name>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="76"/>
        <source>Maps</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="79"/>
        <source>Export council map</source>
        <translation>Carte pour le conseil</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="113"/>
        <source>Layer to map</source>
        <translation>Couche à cartographier</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="113"/>
        <source>Polygon layer holding the indicator (e.g. a territorial profile output).</source>
        <translation>Couche de polygones portant l'indicateur (par ex. une sortie de « Profil territorial »).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="121"/>
        <source>Indicator field</source>
        <translation>Champ de l'indicateur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="134"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="134"/>
        <source>Map title; empty: the indicator&apos;s label.</source>
        <translation>Titre de la carte ; vide : le libellé de l'indicateur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="142"/>
        <source>Territory name</source>
        <translation>Nom du territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="142"/>
        <source>Shown in the subtitle with the date; empty: the layer name.</source>
        <translation>Affiché dans le sous-titre avec la date ; vide : le nom de la couche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="150"/>
        <source>Label field</source>
        <translation>Champ des étiquettes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="150"/>
        <source>Names written on the map for the main towns.</source>
        <translation>Noms inscrits sur la carte pour les principales communes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="162"/>
        <source>Field ranking the towns to label</source>
        <translation>Champ de classement des communes à étiqueter</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="162"/>
        <source>The N features with the largest values are labelled.</source>
        <translation>Les N entités aux valeurs les plus élevées sont étiquetées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="175"/>
        <source>Number of towns to label</source>
        <translation>Nombre de communes à étiqueter</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="175"/>
        <source>0 for no labels.</source>
        <translation>0 pour n'afficher aucune étiquette.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="188"/>
        <source>Number of classes</source>
        <translation>Nombre de classes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="188"/>
        <source>Classes of the choropleth.</source>
        <translation>Classes de la carte choroplèthe.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="201"/>
        <source>Classification</source>
        <translation>Discrétisation</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="201"/>
        <source>Quantiles</source>
        <translation>Quantiles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="201"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Seuils naturels (Jenks)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="201"/>
        <source>Equal intervals</source>
        <translation>Intervalles égaux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="201"/>
        <source>Pretty breaks</source>
        <translation>Seuils arrondis</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="201"/>
        <source>How class breaks are chosen.</source>
        <translation>Méthode de calcul des seuils de classes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="217"/>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="217"/>
        <source>Automatic (from the indicator&apos;s polarity)</source>
        <translation>Automatique (selon la polarité de l'indicateur)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="217"/>
        <source>Sequential ColorBrewer palette.</source>
        <translation>Palette séquentielle ColorBrewer.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="239"/>
        <source>Boundaries to overlay (e.g. EPCI)</source>
        <translation>Limites à superposer (par ex. EPCI)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="239"/>
        <source>Drawn as dark outlines above the choropleth.</source>
        <translation>Tracées en contours sombres au-dessus de la carte choroplèthe.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="250"/>
        <source>Legend label of the boundaries</source>
        <translation>Libellé des limites dans la légende</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="250"/>
        <source>Empty: the layer name.</source>
        <translation>Vide : le nom de la couche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="261"/>
        <source>Sources and attribution</source>
        <translation>Sources et mentions</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="261"/>
        <source>Printed at the bottom of the page.</source>
        <translation>Imprimées en bas de page.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="306"/>
        <source>Layout template (.qpt)</source>
        <translation>Modèle de mise en page (.qpt)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="306"/>
        <source>Empty: the ReTerr A4 landscape template.</source>
        <translation>Vide : le modèle ReTerr A4 paysage.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="314"/>
        <source>Resolution (dpi)</source>
        <translation>Résolution (dpi)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="314"/>
        <source>Resolution of rasterised parts and of the PNG.</source>
        <translation>Résolution des parties rastérisées et du PNG.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="327"/>
        <source>Map (PDF)</source>
        <translation>Carte (PDF)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="327"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="335"/>
        <source>Map (PNG)</source>
        <translation>Carte (PNG)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="335"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="356"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="375"/>
        <source>Field &apos;{field}&apos; has no value to map (all NULL).</source>
        <translation>Le champ « {field} » n'a aucune valeur à cartographier (tout est NULL).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="418"/>
        <source>No data</source>
        <translation>Sans donnée</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="340"/>
        <source>{territory} — {date}</source>
        <translation>{territory} — {date}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="371"/>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="349"/>
        <source>quantiles</source>
        <translation>quantiles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="350"/>
        <source>natural breaks (Jenks)</source>
        <translation>seuils naturels (Jenks)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="351"/>
        <source>equal intervals</source>
        <translation>intervalles égaux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="352"/>
        <source>pretty breaks</source>
        <translation>seuils arrondis</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="354"/>
        <source>Map: ReTerr {version} (QGIS {qgis}), {date}. Classes: {method}, {n} classes.</source>
        <translation>Carte : ReTerr {version} (QGIS {qgis}), {date}. Discrétisation : {method}, {n} classes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="461"/>
        <source>Exporting PDF…</source>
        <translation>Export du PDF…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="488"/>
        <source>The PDF could not be written to {path} ({error}).</source>
        <translation>Impossible d'écrire le PDF dans {path} ({error}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="505"/>
        <source>The PNG could not be written to {path}.</source>
        <translation>Impossible d'écrire le PNG dans {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="472"/>
        <source>{n} territories have no value and are drawn in grey.</source>
        <translation>{n} territoires n'ont pas de valeur et sont dessinés en gris.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="118"/>
        <source>Cannot read the layout template {path}: {error}</source>
        <translation>Impossible de lire le modèle de mise en page {path} : {error}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="127"/>
        <source>The layout template {path} is not valid XML.</source>
        <translation>Le modèle de mise en page {path} n'est pas un fichier XML valide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="135"/>
        <source>The layout template {path} could not be loaded.</source>
        <translation>Le modèle de mise en page {path} n'a pas pu être chargé.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="143"/>
        <source>The layout template {path} has no map item with id &apos;map&apos;.</source>
        <translation>Le modèle de mise en page {path} ne contient aucun élément carte d'identifiant « map ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="415"/>
        <source>No rank field: every feature is labelled.</source>
        <translation>Aucun champ de classement : toutes les entités sont étiquetées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="396"/>
        <source>Territories mapped</source>
        <translation>Territoires cartographiés</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="409"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="415"/>
        <source>Area</source>
        <translation>Superficie</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="421"/>
        <source>Density</source>
        <translation>Densité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="421"/>
        <source>inh./km²</source>
        <translation>hab./km²</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="428"/>
        <source>{label}, whole territory</source>
        <translation>{label}, ensemble du territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="437"/>
        <source>Median of territories</source>
        <translation>Médiane des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="443"/>
        <source>Lowest – highest</source>
        <translation>Minimum – maximum</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="450"/>
        <source>Territories without data</source>
        <translation>Territoires sans donnée</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="121"/>
        <source>Numeric field to map (default: share_65p).</source>
        <translation>Champ numérique à cartographier (par défaut : share_65p).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="327"/>
        <source>The A4 landscape map, with real text.</source>
        <translation>La carte A4 paysage, avec du texte réel (copiable).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="335"/>
        <source>Optional image of the page (at most 200 dpi).</source>
        <translation>Image facultative de la page (200 dpi au plus).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="228"/>
        <source>Class limits</source>
        <translation>Limites de classes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="228"/>
        <source>Inner class limits separated by &apos;;&apos; (e.g. &apos;2.5;4&apos; around the APL threshold); they replace the classification.</source>
        <translation>Limites intérieures des classes séparées par « ; » (par ex. « 2.5;4 » autour du seuil de l'APL) ; elles remplacent la discrétisation.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="383"/>
        <source>Class limits must be numbers separated by &apos;;&apos;, e.g. &apos;2.5;4&apos;.</source>
        <translation>Les limites de classes doivent être des nombres séparés par « ; », par ex. « 2.5;4 ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="348"/>
        <source>manual limits</source>
        <translation>limites choisies</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="89"/>
        <source>Renders a numeric field of a polygon layer as a classed choropleth into an A4 landscape print layout (resources/layouts/council_map.qpt, or your own template with the same item ids) and exports it to PDF and, optionally, PNG.

The page holds a title (the indicator's label by default), a subtitle with the territory and the date, the map with the names of the main towns (the N largest by the rank field), optional boundaries (e.g. EPCI), the legend, a scale bar, a north arrow, a table of key figures and the sources.

Key figures for a ReTerr indicator are recomputed for the whole territory from the summed counts (e.g. the share of people aged 65+ of the département), not averaged over territories. Colours follow the indicator's polarity (reds where a higher value is worse, greens where it is better) unless a palette is chosen. Territories without a value are drawn in grey and counted.

Profile page: give a territory (its name or code) and a second page shows its resilience profile as in the ReTerr dock — the radar of its scores against the median of all territories (or of its peers sharing the value of a field, e.g. its EPCI) and the table of its indicators with value, rank, reference and change between vintages, coloured by how it stands. The indicators are read from the profile layer (by default the mapped layer), e.g. the output of the resilience index.

Runs without an open project (qgis_process).</source>
        <translation>Représente un champ numérique d'une couche de polygones en carte choroplèthe par classes dans une mise en page A4 paysage (resources/layouts/council_map.qpt, ou votre propre modèle avec les mêmes identifiants d'éléments) et l'exporte en PDF et, en option, en PNG.

La page comporte un titre (par défaut, le libellé de l'indicateur), un sous-titre avec le territoire et la date, la carte avec le nom des principales communes (les N premières selon le champ de classement), des limites en surimpression (par ex. les EPCI) si demandé, la légende, une barre d'échelle, une flèche du nord, un tableau de chiffres clés et les sources.

Les chiffres clés d'un indicateur ReTerr sont recalculés pour l'ensemble du territoire à partir des effectifs cumulés (par ex. la part des 65 ans et plus dans le département), et non moyennés sur les territoires. Les couleurs suivent la polarité de l'indicateur (rouges quand une valeur élevée est défavorable, verts quand elle est favorable), sauf si une palette est choisie. Les territoires sans valeur sont dessinés en gris et décomptés.

Page de profil : indiquez un territoire (son nom ou son code) et une deuxième page montre son profil de résilience comme dans le panneau ReTerr — le radar de ses notes face à la médiane de tous les territoires (ou de ses pairs partageant la valeur d'un champ, par ex. son EPCI) et le tableau de ses indicateurs avec valeur, rang, référence et évolution entre millésimes, colorés selon sa position. Les indicateurs sont lus dans la couche de profil (par défaut la couche cartographiée), par ex. la sortie de l'indice de résilience.

Fonctionne sans projet ouvert (qgis_process).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="273"/>
        <source>Profile page for the territory</source>
        <translation>Page de profil du territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="273"/>
        <source>Name or code of a territory: adds a page with its resilience profile (radar and indicator table). Empty: no profile page.</source>
        <translation>Nom ou code d'un territoire : ajoute une page avec son profil de résilience (radar et tableau des indicateurs). Vide : pas de page de profil.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="284"/>
        <source>Indicators of the profile page</source>
        <translation>Indicateurs de la page de profil</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="284"/>
        <source>Layer holding the indicator fields; empty: the mapped layer.</source>
        <translation>Couche qui porte les champs indicateurs ; vide : la couche cartographiée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="295"/>
        <source>Profile reference: peers sharing</source>
        <translation>Référence du profil : pairs partageant</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="295"/>
        <source>Field whose value defines the territory&apos;s peers (e.g. nom_epci): the reference is their median. Empty: the median of all territories.</source>
        <translation>Champ dont la valeur définit les pairs du territoire (par ex. nom_epci) : la référence est leur médiane. Vide : la médiane de tous les territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="450"/>
        <source>Profile page…</source>
        <translation>Page de profil…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="492"/>
        <source>Peer field &apos;{field}&apos; not found in layer &apos;{layer}&apos;.</source>
        <translation>Champ des pairs « {field} » introuvable dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="500"/>
        <source>Layer &apos;{layer}&apos; has no indicator field for the profile page: give the output of a ReTerr algorithm (e.g. the resilience index) as its indicator layer.</source>
        <translation>La couche « {layer} » n'a aucun champ indicateur pour la page de profil : donnez comme couche d'indicateurs la sortie d'un algorithme ReTerr (par ex. l'indice de résilience).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="212"/>
        <source>median of all territories</source>
        <translation>médiane de tous les territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="214"/>
        <source>median of the territories with {field} = {value}</source>
        <translation>médiane des territoires où {field} = {value}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="218"/>
        <source>{layer}: {n} territories compared — {date}</source>
        <translation>{layer} : {n} territoires comparés — {date}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="221"/>
        <source>Radar: each indicator (or dimension of the index) scored from 0 (worst territory) to 10 (best), by its polarity, as in the ReTerr dock and reterr:resilience_index.</source>
        <translation>Radar : chaque indicateur (ou dimension de l'indice) noté de 0 (territoire le moins bien placé) à 10 (le mieux placé) selon son sens, comme dans le panneau ReTerr et reterr:resilience_index.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="546"/>
        <source>No territory named or coded &apos;{key}&apos; in layer &apos;{layer}&apos; (searched the fields {fields}).</source>
        <translation>Aucun territoire nommé ou codé « {key} » dans la couche « {layer} » (champs cherchés : {fields}).</translation>
    </message>
</context>
<context>
    <name>FloatingCatchment</name>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="76"/>
        <source>Floating catchment accessibility (2SFCA, E2SFCA, 3SFCA, APL)</source>
        <translation>Accessibilité potentielle par aires flottantes (2SFCA, E2SFCA, 3SFCA, APL)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="101"/>
        <source>Age group fields (APL)</source>
        <translation>Champs des tranches d'âge (APL)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="101"/>
        <source>For the APL age standardisation, in the order of the consumption values.</source>
        <translation>Pour la standardisation par l'âge de l'APL, dans l'ordre des valeurs de consommation.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="115"/>
        <source>Relative consumption per age group (APL)</source>
        <translation>Consommation relative par tranche d'âge (APL)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="115"/>
        <source>One value per age field, separated by &apos;;&apos; [to be confirmed].</source>
        <translation>Une valeur par champ d'âge, séparées par « ; » [à confirmer].</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="127"/>
        <source>Facility types to keep</source>
        <translation>Types d'équipement à retenir</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="127"/>
        <source>Codes separated by &apos;;&apos; (e.g. D265 for GPs); empty: every facility.</source>
        <translation>Codes séparés par « ; » (par ex. D265 pour les médecins généralistes) ; vide : tous les équipements.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="135"/>
        <source>Capacity field</source>
        <translation>Champ de capacité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="135"/>
        <source>Supply of each facility (e.g. full-time GPs); empty: 1 per facility.</source>
        <translation>Offre de chaque équipement (par ex. médecins en ETP) ; vide : 1 par équipement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="148"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="148"/>
        <source>Gaussian decay</source>
        <translation>Décroissance gaussienne</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="148"/>
        <source>Gravity decay</source>
        <translation>Décroissance gravitaire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="148"/>
        <source>APL (DREES preset)</source>
        <translation>APL (préréglage DREES)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="148"/>
        <source>Weighting of travel times.</source>
        <translation>Pondération des temps de parcours.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="166"/>
        <source>Catchment (minutes)</source>
        <translation>Aire de recours (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="166"/>
        <source>Pairs beyond this travel time are ignored (APL: 20).</source>
        <translation>Les couples au-delà de ce temps de parcours sont ignorés (APL : 20).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="178"/>
        <source>Steps (minutes:weight;…)</source>
        <translation>Paliers (minutes:poids;…)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="178"/>
        <source>Override the method&apos;s default steps, e.g. &apos;10:1;20:0.68;30:0.22&apos;.</source>
        <translation>Remplace les paliers par défaut de la méthode, par ex. « 10:1;20:0.68;30:0.22 ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="186"/>
        <source>Gaussian sigma (minutes)</source>
        <translation>Sigma gaussien (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="186"/>
        <source>Width of the Gaussian decay.</source>
        <translation>Largeur de la décroissance gaussienne.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="198"/>
        <source>Gravity exponent</source>
        <translation>Exposant gravitaire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="198"/>
        <source>Negative for a decay.</source>
        <translation>Négatif pour une décroissance.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="206"/>
        <source>Gravity minimum time (minutes)</source>
        <translation>Temps minimal gravitaire (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="206"/>
        <source>Times below are raised to it (avoids infinite weights).</source>
        <translation>Les temps inférieurs sont ramenés à cette valeur (évite des poids infinis).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="219"/>
        <source>Add the index relative to the mean</source>
        <translation>Ajouter l'indice relatif à la moyenne</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="219"/>
        <source>fca_index = access / population-weighted mean access.</source>
        <translation>fca_index = accessibilité / accessibilité moyenne pondérée par la population.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="227"/>
        <source>Accessibility</source>
        <translation>Accessibilité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="227"/>
        <source>The demand layer with the accessibility fields.</source>
        <translation>La couche de demande avec les champs d'accessibilité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="258"/>
        <source>Reading facilities…</source>
        <translation>Lecture des équipements…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="262"/>
        <source>Facility types were given but the type field &apos;{field}&apos; is not in layer &apos;{layer}&apos;.</source>
        <translation>Des types d'équipement ont été donnés mais le champ de type « {field} » n'existe pas dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="284"/>
        <source>No facility of type {types} in layer &apos;{layer}&apos;.</source>
        <translation>Aucun équipement de type {types} dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="294"/>
        <source>Computing accessibility…</source>
        <translation>Calcul de l'accessibilité…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="298"/>
        <source>Steps must read 'minutes:weight;…', e.g. '10:1;20:0.68;30:0.22'.</source>
        <translation>Les paliers s'écrivent « minutes:poids;… », par ex. « 10:1;20:0.68;30:0.22 ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="317"/>
        <source>The APL preset needs the age group fields.</source>
        <translation>Le préréglage APL nécessite les champs des tranches d'âge.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="324"/>
        <source>Give one consumption value per age field ({n} fields).</source>
        <translation>Donnez une valeur de consommation par champ d'âge ({n} champs).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="362"/>
        <source>{pairs} demand–facility pairs within {t} minutes; {n} facilities.</source>
        <translation>{pairs} couples demande–équipement à moins de {t} minutes ; {n} équipements.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="367"/>
        <source>Potential accessibility</source>
        <translation>Accessibilité potentielle</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="367"/>
        <source>Floating catchment accessibility ({method}) of &apos;{demand}&apos; to &apos;{facilities}&apos;.</source>
        <translation>Accessibilité par aires flottantes ({method}) de « {demand} » à « {facilities} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="79"/>
        <source>Potential accessibility of each demand unit (commune, IRIS, grid cell) to facilities, taking competition between users into account.

Supply-to-demand ratio of facility j: R_j = S_j / Σ_i w(c_ij)·P_i; accessibility of unit i: A_i = Σ_j w(c_ij)·R_j, over the pairs within the catchment. Methods: 2SFCA (w = 1), E2SFCA (steps, default ≤10 min 1, ≤20 0.68, ≤30 0.22, as PySAL access), 3SFCA (steps 10/20/30/60 min 0.962/0.704/0.377/0.042 and selection weights), Gaussian exp(-c²/2σ²), gravity (max(c, c_min)/1)^α.

APL preset (DREES/IRDES 'Accessibilité Potentielle Localisée'): 20-minute catchment, steps &lt; 10 min 1, 10-15 2/3, 15-20 1/3 [to be confirmed], demand standardised by age (relative consumption of the age groups, default 0.8/1.0/1.6 [to be confirmed]), supply = full-time GPs × 5,400 consultations a year; result in consultations per standardised inhabitant and year; below 2.5 the unit is under-served (DREES).

Travel times: on the road network when one is given (graph cached, searches stopped at the catchment, places snapped to the nearest node within the maximum distance), else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h [to be confirmed]). Results equal PySAL access on the same costs.</source>
        <translation>Accessibilité potentielle de chaque unité de demande (commune, IRIS, carreau) aux équipements, en tenant compte de la concurrence entre usagers.

Ratio offre/demande de l'équipement j : R_j = S_j / Σ_i w(c_ij)·P_i ; accessibilité de l'unité i : A_i = Σ_j w(c_ij)·R_j, sur les couples situés dans l'aire de recours. Méthodes : 2SFCA (w = 1), E2SFCA (paliers, par défaut ≤ 10 min 1, ≤ 20 0,68, ≤ 30 0,22, comme PySAL access), 3SFCA (paliers 10/20/30/60 min 0,962/0,704/0,377/0,042 et poids de sélection), décroissance gaussienne exp(-c²/2σ²), gravitaire (max(c, c_min)/1)^α.

Préréglage APL (DREES/IRDES « Accessibilité Potentielle Localisée ») : aire de 20 minutes, paliers &lt; 10 min 1, 10-15 2/3, 15-20 1/3 [à confirmer], demande standardisée par l'âge (consommation relative des tranches d'âge, par défaut 0,8/1,0/1,6 [à confirmer]), offre = médecins généralistes en ETP × 5 400 consultations par an ; résultat en consultations par habitant standardisé et par an ; en dessous de 2,5 l'unité est sous-dense (DREES).

Temps de parcours : sur le réseau routier s'il est fourni (graphe en cache, recherches arrêtées à l'aire de recours, lieux accrochés au nœud le plus proche dans la distance maximale), sinon distance à vol d'oiseau × coefficient de détour à vitesse constante (par défaut 1,3 et 50 km/h [à confirmer]). Les résultats sont égaux à ceux de PySAL access pour les mêmes coûts.</translation>
    </message>
</context>
<context>
    <name>ImportBpe</name>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="61"/>
        <source>Import BPE facilities (INSEE)</source>
        <translation>Importer les équipements de la BPE (INSEE)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="64"/>
        <source>Loads the geolocated file of the INSEE Base permanente des équipements as published (';'-separated CSV, columns REG, DEP, DEPCOM, DCIRIS, AN, TYPEQU, LAMBERT_X, LAMBERT_Y, QUALITE_XY; UTF-8 or Latin-1; decimal comma or dot) into a point layer.

Rows without usable coordinates are dropped and counted by reason. Each facility is tagged with its domain, label, gamme and membership of the everyday-services basket from the versioned code table shipped in resources/bpe (2021, 2023 and 2024+ nomenclatures, with the crosswalk of the 2023 and 2024 revisions). Unknown codes are kept with the domain '?' and listed. Coordinates are Lambert-93 in metropolitan France and UTM overseas: one CRS per run, choose the départements accordingly.</source>
        <translation>Charge le fichier géolocalisé de la Base permanente des équipements de l'INSEE tel qu'il est publié (CSV séparé par « ; », colonnes REG, DEP, DEPCOM, DCIRIS, AN, TYPEQU, LAMBERT_X, LAMBERT_Y, QUALITE_XY ; UTF-8 ou Latin-1 ; virgule ou point décimal) dans une couche de points.

Les lignes sans coordonnées utilisables sont écartées et comptées par motif. Chaque équipement reçoit son domaine, son libellé, sa gamme et son appartenance au panier de la vie courante, d'après la table des codes versionnée fournie dans resources/bpe (nomenclatures 2021, 2023 et 2024 et suivantes, avec la table de passage des révisions 2023 et 2024). Les codes inconnus sont gardés avec le domaine « ? » et listés. Les coordonnées sont en Lambert-93 en France métropolitaine et en UTM outre-mer : un seul système par traitement, choisissez les départements en conséquence.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="78"/>
        <source>BPE file (CSV)</source>
        <translation>Fichier BPE (CSV)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="78"/>
        <source>The geolocated BPE file as downloaded from insee.fr.</source>
        <translation>Le fichier BPE géolocalisé tel que téléchargé sur insee.fr.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="84"/>
        <source>Vintage (if the file has no AN column)</source>
        <translation>Millésime (si le fichier n'a pas de colonne AN)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="84"/>
        <source>Year of the BPE; the file&apos;s AN column wins when present.</source>
        <translation>Année de la BPE ; la colonne AN du fichier prévaut si elle existe.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="97"/>
        <source>Types or domains to keep</source>
        <translation>Types ou domaines à retenir</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="97"/>
        <source>TYPEQU codes or domain letters separated by &apos;;&apos; (e.g. &apos;D265;D307&apos; or &apos;D&apos;); empty: all.</source>
        <translation>Codes TYPEQU ou lettres de domaine séparés par « ; » (par ex. « D265;D307 » ou « D ») ; vide : tous.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="108"/>
        <source>Départements to keep</source>
        <translation>Départements à retenir</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="108"/>
        <source>Codes separated by &apos;;&apos; (e.g. &apos;12;46&apos;); empty: all.</source>
        <translation>Codes séparés par « ; » (par ex. « 12;46 ») ; vide : tous.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="234"/>
        <source>BPE facilities</source>
        <translation>Équipements BPE</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="116"/>
        <source>One point per located facility.</source>
        <translation>Un point par équipement localisé.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="139"/>
        <source>Reading {path}…</source>
        <translation>Lecture de {path}…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="151"/>
        <source>{n} rows dropped: {reason}.</source>
        <translation>{n} lignes écartées : {reason}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="160"/>
        <source>No facility left after filtering ({n} located rows read).</source>
        <translation>Aucun équipement après filtrage ({n} lignes localisées lues).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="169"/>
        <source>The selection mixes coordinate systems {codes}: only the EPSG:{epsg} rows are written. Run again per overseas département.</source>
        <translation>La sélection mélange les systèmes de coordonnées {codes} : seules les lignes en EPSG:{epsg} sont écrites. Relancez pour chaque département d'outre-mer.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="222"/>
        <source>{kept} facilities written; {read} rows read, {dropped} dropped.</source>
        <translation>{kept} équipements écrits ; {read} lignes lues, {dropped} écartées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="228"/>
        <source>Unknown TYPEQU codes (kept, domain &apos;?&apos;): {codes}.</source>
        <translation>Codes TYPEQU inconnus (gardés, domaine « ? ») : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="234"/>
        <source>Facilities of the INSEE BPE read from &apos;{path}&apos; by ReTerr.</source>
        <translation>Équipements de la BPE de l'INSEE lus dans « {path} » par ReTerr.</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="35"/>
        <source>Declare an indicator</source>
        <translation>Déclarer un indicateur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="39"/>
        <source>The field becomes an indicator of the dock for this layer (saved with the project). Fields already produced by ReTerr are declared already.</source>
        <translation>Le champ devient un indicateur du panneau pour cette couche (enregistré avec le projet). Les champs produits par ReTerr sont déjà déclarés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="52"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="54"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="56"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="58"/>
        <source>Higher is better</source>
        <translation>Plus c'est haut, mieux c'est</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="59"/>
        <source>Higher is worse</source>
        <translation>Plus c'est haut, moins bien c'est</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="60"/>
        <source>Context (neither good nor bad)</source>
        <translation>Contexte (ni bon ni mauvais)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="63"/>
        <source>Polarity</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="68"/>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="69"/>
        <source>Forget this declaration</source>
        <translation>Oublier cette déclaration</translation>
    </message>
</context>
<context>
    <name>NearestService</name>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="48"/>
        <source>Nearest facility by type</source>
        <translation>Équipement le plus proche par type</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="51"/>
        <source>For each demand unit (commune, IRIS, grid cell, address point) and each facility type: the travel time to the nearest facility of that type and, optionally, the number of facilities of the type reachable within the cut-off.

t_&lt;TYPE&gt; = min_j c_ij in minutes, from the demand unit to the facility (home → service: on a network with one-way streets this is not the return time); NULL when no facility of the type lies within the cut-off or none can be reached. n_&lt;TYPE&gt; = Σ_j [c_ij ≤ T], the cumulative opportunities within T minutes (METHODS §1.2). Defaults: types D265;D307;B207 (general practitioners, pharmacies, bakeries in the BPE codes of 2024), cut-off 30 minutes.

Types are compared as text with the type field (BPE: TYPEQU). A type that is neither a BPE code (any vintage of the code table shipped in resources/bpe) nor present in the layer is an error; a BPE type with no facility gives a warning (NULL times, zero counts), with a hint when the layer holds the same facility in another vintage's codes (e.g. D201 before 2024 for D265).

Travel times: on the road network when one is given (graph cached; one search per type from all its facilities at once, stopped at the cut-off; places snapped to the nearest node within the maximum distance and reached at the access speed), else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h [to be confirmed]). Polygons start from a point inside them, or from the matching point of the anchor layer (e.g. the town hall).</source>
        <translation>Pour chaque unité de demande (commune, IRIS, carreau, point adresse) et chaque type d'équipement : le temps de parcours jusqu'à l'équipement le plus proche de ce type et, en option, le nombre d'équipements du type accessibles dans le temps limite.

t_&lt;TYPE&gt; = min_j c_ij en minutes, de l'unité de demande vers l'équipement (domicile → service : sur un réseau avec des sens uniques, ce n'est pas le temps du retour) ; NULL quand aucun équipement du type ne se trouve dans le temps limite ou qu'aucun n'est accessible. n_&lt;TYPE&gt; = Σ_j [c_ij ≤ T], les opportunités cumulées à moins de T minutes (METHODS §1.2). Valeurs par défaut : types D265;D307;B207 (médecins généralistes, pharmacies, boulangeries dans les codes BPE 2024), temps limite de 30 minutes.

Les types sont comparés comme du texte au champ de type (BPE : TYPEQU). Un type qui n'est ni un code BPE (de tout millésime de la table des codes fournie dans resources/bpe) ni présent dans la couche est une erreur ; un type BPE sans équipement donne un avertissement (temps NULL, comptes nuls), avec une piste quand la couche contient le même équipement dans les codes d'un autre millésime (par ex. D201 avant 2024 pour D265).

Temps de parcours : sur le réseau routier s'il est fourni (graphe en cache ; une recherche par type depuis tous ses équipements à la fois, arrêtée au temps limite ; lieux accrochés au nœud le plus proche dans la distance maximale et rejoints à la vitesse d'accès), sinon distance à vol d'oiseau × coefficient de détour à vitesse constante (par défaut 1,3 et 50 km/h [à confirmer]). Les polygones partent d'un point situé à l'intérieur, ou du point correspondant de la couche de points de départ (par ex. la mairie).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="78"/>
        <source>Facility types</source>
        <translation>Types d'équipements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="78"/>
        <source>Codes separated by ';' (BPE 2024: D265 general practitioner, D307 pharmacy, B207 bakery, C108 primary school, B105 supermarket…).</source>
        <translation>Codes séparés par « ; » (BPE 2024 : D265 médecin généraliste, D307 pharmacie, B207 boulangerie, C108 école élémentaire, B105 supermarché…).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="89"/>
        <source>Cut-off (minutes)</source>
        <translation>Temps limite (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="89"/>
        <source>Searches stop there: farther facilities give NULL times and are not counted.</source>
        <translation>Les recherches s'arrêtent là : les équipements plus lointains donnent des temps NULL et ne sont pas comptés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="103"/>
        <source>Count the facilities within the cut-off</source>
        <translation>Compter les équipements dans le temps limite</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="103"/>
        <source>Adds n_&lt;TYPE&gt;, the number of facilities of each type within the cut-off.</source>
        <translation>Ajoute n_&lt;TYPE&gt;, le nombre d'équipements de chaque type dans le temps limite.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="200"/>
        <source>Nearest facilities</source>
        <translation>Équipements les plus proches</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="112"/>
        <source>The demand layer with t_&lt;TYPE&gt; (minutes) and n_&lt;TYPE&gt; per type.</source>
        <translation>La couche de demande avec t_&lt;TYPE&gt; (minutes) et n_&lt;TYPE&gt; pour chaque type.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="127"/>
        <source>Reading facilities…</source>
        <translation>Lecture des équipements…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="139"/>
        <source>Searching the nearest facilities…</source>
        <translation>Recherche des équipements les plus proches…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="181"/>
        <source>{type}: {n} of {total} demand units ({pop} inhabitants, {share} %) have no facility within {t} minutes.</source>
        <translation>{type} : {n} unités de demande sur {total} ({pop} habitants, {share} %) n'ont aucun équipement à moins de {t} minutes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="195"/>
        <source>{type}: {n} of {total} demand units have no facility within {t} minutes.</source>
        <translation>{type} : {n} unités de demande sur {total} n'ont aucun équipement à moins de {t} minutes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="200"/>
        <source>Minutes from each unit of &apos;{demand}&apos; to the nearest facility of each type ({types}) of &apos;{facilities}&apos;, cut-off {t} minutes.</source>
        <translation>Minutes de chaque unité de « {demand} » à l'équipement le plus proche de chaque type ({types}) de « {facilities} », temps limite de {t} minutes.</translation>
    </message>
</context>
<context>
    <name>ResilienceIndex</name>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="79"/>
        <source>Resilience indicators</source>
        <translation>Indicateurs de résilience</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="531"/>
        <source>Resilience index</source>
        <translation>Indice de résilience</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="85"/>
        <source>Builds a composite resilience index from indicator fields of a territory layer (communes, EPCI, any zoning; join the outputs of several algorithms by territory code first).

Pipeline: (1) outlier treatment, COINr defaults: an indicator whose skewness exceeds 2 in absolute value and whose excess kurtosis exceeds 3.5 is winsorised (the most extreme value replaced by the next one, up to 5 times); if it still fails, it is log-transformed instead. (2) Polarity-aware normalisation (min-max 0-100, z-score, percentile rank, or distance to a target): a higher score always means more resilient; higher-is-worse indicators are mirrored, never multiplied by -1. (3) Weighted mean of the indicators within each dimension, then of the dimensions (arithmetic, or weighted geometric mean of scores mapped to 1-100). (4) Ranks, 1 = best.

Polarities and dimensions of ReTerr indicators come from the indicator registry (e.g. share_65p: higher is worse; fca_access: higher is better); any other field needs its polarity ('field:+' or 'field:-'), and goes to the dimension 'other' unless one is given.

The overall score is optional: without it, only the dimension scores are written (the CRATer choice) and the rank is that of the first dimension.

Uncertainty: the index is recomputed with randomly varied weights (±25 % around their values); rank_median is the median rank and [rank_p05, rank_p95] the band holding the rank in 90 % of the weightings. A narrow band means a robust rank; overlapping bands mean the difference between two territories depends on the weights.

Missing values: a territory lacking some indicators is scored on those it has, their weights re-spread over them (it is named in the log); a territory with none gets no score. A constant indicator cannot rank territories and is refused.</source>
        <translation>Construit un indice composite de résilience à partir des champs d'indicateurs d'une couche de territoires (communes, EPCI, tout zonage ; joignez d'abord les sorties de plusieurs algorithmes par code de territoire).

Chaîne de calcul : (1) traitement des valeurs extrêmes, réglages par défaut de COINr : un indicateur dont l'asymétrie dépasse 2 en valeur absolue et dont l'excès d'aplatissement (kurtosis) dépasse 3,5 est winsorisé (la valeur la plus extrême remplacée par la suivante, jusqu'à 5 fois) ; s'il échoue encore, il est passé au logarithme à la place. (2) Normalisation selon la polarité (min-max 0-100, score z, rang centile ou distance à une cible) : un score plus élevé signifie toujours plus résilient ; les indicateurs pour lesquels plus haut est pire sont inversés en miroir, jamais multipliés par -1. (3) Moyenne pondérée des indicateurs au sein de chaque dimension, puis des dimensions (arithmétique, ou moyenne géométrique pondérée des scores ramenés à 1-100). (4) Rangs, 1 = meilleur.

Les polarités et dimensions des indicateurs ReTerr viennent du registre des indicateurs (p. ex. share_65p : plus haut est pire ; fca_access : plus haut est mieux) ; tout autre champ a besoin de sa polarité (« champ:+ » ou « champ:- ») et va dans la dimension « other » sauf si une dimension est donnée.

Le score global est facultatif : sans lui, seuls les scores par dimension sont écrits (le choix de CRATer) et le rang est celui de la première dimension.

Incertitude : l'indice est recalculé avec des poids tirés au hasard (± 25 % autour de leur valeur) ; rank_median est le rang médian et [rank_p05, rank_p95] l'intervalle qui contient le rang dans 90 % des pondérations. Un intervalle étroit signifie un rang robuste ; des intervalles qui se chevauchent signifient que l'écart entre deux territoires dépend des poids.

Valeurs manquantes : un territoire auquel manquent certains indicateurs est noté sur ceux qu'il a, leurs poids redistribués entre eux (il est nommé dans le journal) ; un territoire qui n'en a aucun n'a pas de score. Un indicateur constant ne peut pas classer les territoires et est refusé.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="114"/>
        <source>Territories</source>
        <translation>Territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="114"/>
        <source>Layer of territories with one numeric field per indicator.</source>
        <translation>Couche des territoires, avec un champ numérique par indicateur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="122"/>
        <source>Indicator fields</source>
        <translation>Champs des indicateurs</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="122"/>
        <source>The numeric fields combined into the index (at least one).</source>
        <translation>Les champs numériques combinés dans l'indice (au moins un).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="303"/>
        <source>Polarities</source>
        <translation>Polarités</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="135"/>
        <source>&apos;field:+;other:-&apos; (+ higher is better, - higher is worse). Default: the registry&apos;s polarity of ReTerr indicators.</source>
        <translation>« champ:+;autre:- » (+ : plus c'est haut, mieux c'est ; - : plus c'est haut, pire c'est). Par défaut : la polarité des indicateurs ReTerr inscrite au registre.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="308"/>
        <source>Dimensions</source>
        <translation>Dimensions</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="146"/>
        <source>'field:dimension;…'. Default: the registry's dimension, else 'other'.</source>
        <translation>« champ:dimension;… ». Par défaut : la dimension inscrite au registre, sinon « other ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="154"/>
        <source>Normalisation</source>
        <translation>Normalisation</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="154"/>
        <source>Min-max (0-100)</source>
        <translation>Min-max (0-100)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="154"/>
        <source>Z-score</source>
        <translation>Score z (centré réduit)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="154"/>
        <source>Percentile rank (0-100)</source>
        <translation>Rang centile (0-100)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="154"/>
        <source>Distance to a target (0-100)</source>
        <translation>Distance à une cible (0-100)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="154"/>
        <source>How each indicator is put on a common scale, higher = more resilient.</source>
        <translation>Comment chaque indicateur est ramené à une échelle commune (plus haut = plus résilient).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="382"/>
        <source>Targets</source>
        <translation>Cibles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="170"/>
        <source>'field:value;…' in the indicators' units, for the distance to a target.</source>
        <translation>« champ:valeur;… » dans les unités des indicateurs, pour la distance à une cible.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="176"/>
        <source>Treat outliers (COINr rule)</source>
        <translation>Traiter les valeurs extrêmes (règle COINr)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="176"/>
        <source>Winsorise, or else log-transform, strongly skewed indicators.</source>
        <translation>Winsorise, ou à défaut passe au logarithme, les indicateurs très asymétriques.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="184"/>
        <source>Aggregation</source>
        <translation>Agrégation</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="184"/>
        <source>Arithmetic mean</source>
        <translation>Moyenne arithmétique</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="184"/>
        <source>Geometric mean</source>
        <translation>Moyenne géométrique</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="184"/>
        <source>Arithmetic: weaknesses are compensated by strengths; geometric: less so.</source>
        <translation>Arithmétique : les faiblesses sont compensées par les points forts ; géométrique : moins.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="195"/>
        <source>Compute an overall score</source>
        <translation>Calculer un score global</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="195"/>
        <source>Unchecked: dimension scores only, no overall score.</source>
        <translation>Décoché : scores par dimension seulement, sans score global.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="372"/>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="203"/>
        <source>&apos;field:2;other:1&apos; (weights within a dimension) and/or &apos;dimension:2&apos; (weights of the dimensions). Default: equal weights.</source>
        <translation>« champ:2;autre:1 » (poids au sein d'une dimension) et/ou « dimension:2 » (poids des dimensions). Par défaut : poids égaux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="212"/>
        <source>Monte-Carlo samples</source>
        <translation>Tirages de Monte-Carlo</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="212"/>
        <source>Weightings drawn for the rank band; 0: no uncertainty analysis.</source>
        <translation>Pondérations tirées pour l'intervalle de rang ; 0 : pas d'analyse d'incertitude.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="225"/>
        <source>Random seed</source>
        <translation>Graine aléatoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="225"/>
        <source>Same seed, same rank bands.</source>
        <translation>Même graine, mêmes intervalles de rang.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="236"/>
        <source>Name field</source>
        <translation>Champ du nom</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="236"/>
        <source>Names used in messages and in the CSV.</source>
        <translation>Noms utilisés dans les messages et dans le CSV.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="249"/>
        <source>The territories with dimension scores, score, rank and rank band.</source>
        <translation>Les territoires avec les scores par dimension, le score, le rang et l'intervalle de rang.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="255"/>
        <source>Normalised values (CSV)</source>
        <translation>Valeurs normalisées (CSV)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="255"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="255"/>
        <source>The normalised value of each indicator per territory.</source>
        <translation>La valeur normalisée de chaque indicateur, par territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="275"/>
        <source>{param}: &apos;{item}&apos; is not of the form &apos;name:value&apos;.</source>
        <translation>{param} : « {item} » n'est pas de la forme « nom:valeur ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="283"/>
        <source>{param}: &apos;{name}&apos; is not one of the indicator fields: {fields}.</source>
        <translation>{param} : « {name} » n'est pas l'un des champs des indicateurs : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="295"/>
        <source>{param}: the value of &apos;{name}&apos; is not a number: {value}.</source>
        <translation>{param} : la valeur de « {name} » n'est pas un nombre : {value}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="323"/>
        <source>Polarities: &apos;{value}&apos; for &apos;{field}&apos; is not understood: use + (higher is better) or - (higher is worse).</source>
        <translation>Polarités : « {value} » pour « {field} » n'est pas compris : utilisez + (plus c'est haut, mieux c'est) ou - (plus c'est haut, pire c'est).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="332"/>
        <source>&apos;{field}&apos; is a neutral indicator (neither good nor bad in itself): give its polarity in Polarities (&apos;{field}:+&apos; if higher is better, &apos;{field}:-&apos; if higher is worse) or leave it out.</source>
        <translation>« {field} » est un indicateur neutre (ni bon ni mauvais en soi) : donnez sa polarité dans Polarités (« {field}:+ » si plus haut est mieux, « {field}:- » si plus haut est pire) ou retirez-le.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="340"/>
        <source>&apos;{field}&apos; has no known polarity: give it in Polarities (&apos;{field}:+&apos; if higher is better, &apos;{field}:-&apos; if higher is worse).</source>
        <translation>« {field} » n'a pas de polarité connue : donnez-la dans Polarités (« {field}:+ » si plus haut est mieux, « {field}:- » si plus haut est pire).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="362"/>
        <source>Choose at least one indicator field.</source>
        <translation>Choisissez au moins un champ d'indicateur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="374"/>
        <source>Weights: &apos;{name}&apos; is neither an indicator field nor a dimension ({choices}).</source>
        <translation>Poids : « {name} » n'est ni un champ d'indicateur ni une dimension ({choices}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="402"/>
        <source>Reading territories…</source>
        <translation>Lecture des territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="416"/>
        <source>Layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="429"/>
        <source>Computing the index…</source>
        <translation>Calcul de l'indice…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="443"/>
        <source>Monte-Carlo rank bands…</source>
        <translation>Intervalles de rang par Monte-Carlo…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="455"/>
        <source>Scored on the indicators they have (weights re-spread): {features}.</source>
        <translation>Notés sur les indicateurs dont ils disposent (poids redistribués) : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="504"/>
        <source>Writing output…</source>
        <translation>Écriture de la sortie…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="531"/>
        <source>Composite resilience index ({dims}) computed by ReTerr from &apos;{layer}&apos;: {norm} normalisation, {agg} mean.</source>
        <translation>Indice composite de résilience ({dims}) calculé par ReTerr à partir de « {layer} » : normalisation {norm}, moyenne {agg}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="545"/>
        <source>{n} territories scored on {k} indicators in {d} dimensions.</source>
        <translation>{n} territoires notés sur {k} indicateurs dans {d} dimensions.</translation>
    </message>
</context>
<context>
    <name>ReterrAlgorithm</name>
    <message>
        <location filename="../reterr_qgis/adapters/writer.py" line="169"/>
        <source>the output holds {stored} of the {count} features written, it refused the others (e.g. a repeated fid)</source>
        <translation>la sortie contient {stored} des {count} entités écrites, elle a refusé les autres (par ex. un fid répété)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/base.py" line="82"/>
        <source>Territorial diagnostic</source>
        <translation>Diagnostic territorial</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="95"/>
        <source>Could not store the style in the GeoPackage: {e}</source>
        <translation>Impossible d'enregistrer le style dans le GeoPackage : {e}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/feedback.py" line="50"/>
        <source>{what} needs the Python package shapely 2. Install it for the Python of QGIS (Debian/Ubuntu: apt install python3-shapely; OSGeo4W: python3-shapely; otherwise pip install shapely), then restart QGIS.</source>
        <translation>{what} nécessite le paquet Python shapely 2. Installez-le pour le Python de QGIS (Debian/Ubuntu : apt install python3-shapely ; OSGeo4W : python3-shapely ; sinon pip install shapely), puis redémarrez QGIS.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/feedback.py" line="87"/>
        <source>Canceled: no output was written.</source>
        <translation>Annulé : aucune sortie n'a été écrite.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/writer.py" line="39"/>
        <source>Writing the output failed, nothing was kept: {error}</source>
        <translation>L'écriture de la sortie a échoué, rien n'a été conservé : {error}</translation>
    </message>
</context>
<context>
    <name>ReterrDock</name>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="76"/>
        <source>ReTerr: reading the indicators of {layer}</source>
        <translation>ReTerr : lecture des indicateurs de {layer}</translation>
    </message>
</context>
<context>
    <name>ReterrEngine</name>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="72"/>
        <source>&apos;{field}&apos; must hold one value per territory.</source>
        <translation>« {field} » doit contenir une valeur par territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="417"/>
        <source>&apos;{field}&apos; has {got} values, expected {expected}.</source>
        <translation>« {field} » contient {got} valeurs au lieu de {expected}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="98"/>
        <source>Unknown count fields: {fields}.</source>
        <translation>Champs d'effectifs inconnus : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="104"/>
        <source>The &apos;{field}&apos; values are required.</source>
        <translation>Les valeurs de « {field} » sont obligatoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="113"/>
        <source>&apos;{field}&apos; has negative or infinite values.</source>
        <translation>« {field} » contient des valeurs négatives ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="120"/>
        <source>The population is missing (NULL).</source>
        <translation>La population est manquante (NULL).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="125"/>
        <source>The area is zero or missing (empty geometry?).</source>
        <translation>La superficie est nulle ou manquante (géométrie vide ?).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="164"/>
        <source>Give all three age groups (0-19, 20-64, 65+) or none.</source>
        <translation>Indiquez les trois tranches d'âge (0-19, 20-64, 65 ans et plus) ou aucune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="171"/>
        <source>Give both dwellings and vacant dwellings, or neither.</source>
        <translation>Indiquez à la fois les logements et les logements vacants, ou aucun des deux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="181"/>
        <source>{n} territories have zero population.</source>
        <translation>{n} territoires ont une population nulle.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="194"/>
        <source>Age shares undefined for {n} territories (no age data).</source>
        <translation>Parts par âge non définies pour {n} territoires (aucune donnée d'âge).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="204"/>
        <source>Ageing index undefined for {n} territories (nobody under 20).</source>
        <translation>Indice de vieillissement non défini pour {n} territoires (aucun habitant de moins de 20 ans).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="216"/>
        <source>More vacant dwellings than dwellings: check the two fields.</source>
        <translation>Plus de logements vacants que de logements : vérifiez les deux champs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="225"/>
        <source>Vacancy rate undefined for {n} territories (no dwellings).</source>
        <translation>Taux de vacance non défini pour {n} territoires (aucun logement).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="259"/>
        <source>The weights have {rows} rows for {n} units.</source>
        <translation>La matrice de pondération compte {rows} lignes pour {n} unités.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="290"/>
        <source>The grouping code is missing.</source>
        <translation>Le code de regroupement est manquant.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="162"/>
        <source>{layer}: empty or missing geometries.</source>
        <translation>{layer} : géométries vides ou manquantes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="171"/>
        <source>{layer}: invalid geometries (run &apos;Fix geometries&apos; first).</source>
        <translation>{layer} : géométries invalides (lancez d'abord « Réparer les géométries »).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/costs.py" line="60"/>
        <source>{what}: expected x, y coordinates.</source>
        <translation>{what} : coordonnées x, y attendues.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/costs.py" line="65"/>
        <source>{what}: missing or infinite coordinates.</source>
        <translation>{what} : coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/costs.py" line="107"/>
        <source>The search radius must be positive.</source>
        <translation>Le rayon de recherche doit être positif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/costs.py" line="140"/>
        <source>The speed must be positive.</source>
        <translation>La vitesse doit être positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/costs.py" line="142"/>
        <source>The detour factor must be at least 1.</source>
        <translation>Le coefficient de détour doit être au moins égal à 1.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="63"/>
        <source>Give at least one step.</source>
        <translation>Donnez au moins un palier.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="67"/>
        <source>Step weights must not be negative.</source>
        <translation>Les poids des paliers ne doivent pas être négatifs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="91"/>
        <source>Sigma must be positive.</source>
        <translation>Sigma doit être positif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="99"/>
        <source>The gravity scale must be positive.</source>
        <translation>L'échelle gravitaire doit être positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="101"/>
        <source>A negative gravity exponent needs a minimum cost above 0.</source>
        <translation>Un exposant gravitaire négatif nécessite un coût minimal supérieur à 0.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/groups.py" line="307"/>
        <source>&apos;{what}&apos; has {got} values, expected {expected}.</source>
        <translation>« {what} » a {got} valeurs, {expected} attendues.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="153"/>
        <source>&apos;{what}&apos; has missing, negative or infinite values.</source>
        <translation>« {what} » a des valeurs manquantes, négatives ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="191"/>
        <source>The catchment size must be positive.</source>
        <translation>La taille de l'aire de recours doit être positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="243"/>
        <source>Travel costs must be finite and not negative.</source>
        <translation>Les coûts de déplacement doivent être finis et non négatifs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="201"/>
        <source>3SFCA needs a weight function.</source>
        <translation>La méthode 3SFCA nécessite une fonction de pondération.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="230"/>
        <source>{n} facilities have no demand within their catchment.</source>
        <translation>{n} équipements n'ont aucune demande dans leur aire de recours.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="240"/>
        <source>{n} demand units have no facility within reach.</source>
        <translation>{n} unités de demande n'ont aucun équipement à portée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="264"/>
        <source>Give one consumption value per age group.</source>
        <translation>Donnez une valeur de consommation par tranche d'âge.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="269"/>
        <source>The population is zero.</source>
        <translation>La population est nulle.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="192"/>
        <source>{n} lines are not arrays of (x, y) vertices.</source>
        <translation>{n} lignes ne sont pas des suites de sommets (x, y).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="251"/>
        <source>The snapping tolerance must be a positive distance.</source>
        <translation>La tolérance d'accrochage doit être une distance positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="255"/>
        <source>The maximum edge length must be positive.</source>
        <translation>La longueur maximale des tronçons doit être positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="261"/>
        <source>{n} lines have a missing, zero or negative speed (km/h).</source>
        <translation>{n} lignes ont une vitesse (km/h) manquante, nulle ou négative.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="274"/>
        <source>{n} lines have a one-way value other than 0, 1 or -1.</source>
        <translation>{n} lignes ont une valeur de sens unique autre que 0, 1 ou -1.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="286"/>
        <source>{n} lines have missing or infinite coordinates.</source>
        <translation>{n} lignes ont des coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="353"/>
        <source>The network has no road segment of non-zero length.</source>
        <translation>Le réseau ne contient aucun tronçon de longueur non nulle.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/attributes.py" line="84"/>
        <source>Speed table: &apos;{cls}&apos; has no positive speed.</source>
        <translation>Table des vitesses : « {cls} » n'a pas de vitesse positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/attributes.py" line="90"/>
        <source>The default speed must be positive (km/h).</source>
        <translation>La vitesse par défaut doit être positive (km/h).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/attributes.py" line="105"/>
        <source>{n} lines have a road class with no speed: {values}.</source>
        <translation>{n} lignes ont une classe de route sans vitesse : {values}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/attributes.py" line="166"/>
        <source>{n} lines have an unknown one-way value: {values}.</source>
        <translation>{n} lignes ont une valeur de sens inconnue : {values}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/snap.py" line="106"/>
        <source>{n} points have missing coordinates.</source>
        <translation>{n} points ont des coordonnées manquantes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/snap.py" line="41"/>
        <source>The maximum snapping distance must be positive.</source>
        <translation>La distance maximale d'accrochage doit être positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/snap.py" line="45"/>
        <source>The access speed must be positive (km/h).</source>
        <translation>La vitesse d'accès doit être positive (km/h).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/search.py" line="228"/>
        <source>The cut-off must be a positive time.</source>
        <translation>Le seuil doit être un temps positif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="181"/>
        <source>Unknown basket &apos;{basket}&apos; (known: {known}).</source>
        <translation>Panier « {basket} » inconnu (connus : {known}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="187"/>
        <source>BPE code table {path}: {problem}</source>
        <translation>Table des codes BPE {path} : {problem}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="754"/>
        <source>BPE file not found: {path}.</source>
        <translation>Fichier BPE introuvable : {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="755"/>
        <source>The BPE file {path} is empty.</source>
        <translation>Le fichier BPE {path} est vide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="756"/>
        <source>The BPE file {path} lacks the columns: {columns}.</source>
        <translation>Il manque au fichier BPE {path} les colonnes : {columns}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="759"/>
        <source>The BPE file {path} has no AN column: give its vintage.</source>
        <translation>Le fichier BPE {path} n'a pas de colonne AN : indiquez son millésime.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="762"/>
        <source>The file&apos;s vintage ({file}) is used, not {given}.</source>
        <translation>Le millésime du fichier ({file}) est utilisé, pas {given}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="765"/>
        <source>{n} BPE rows have no AN value: vintage {vintage} assumed.</source>
        <translation>{n} lignes BPE sans valeur AN : millésime {vintage} supposé.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="768"/>
        <source>Vintage {vintage} read with the {first} nomenclature.</source>
        <translation>Millésime {vintage} lu avec la nomenclature {first}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="771"/>
        <source>{n} malformed BPE rows (wrong field count) skipped.</source>
        <translation>{n} lignes BPE mal formées (nombre de champs incorrect) ignorées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="774"/>
        <source>{n} BPE rows without usable coordinates dropped.</source>
        <translation>{n} lignes BPE sans coordonnées utilisables écartées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="777"/>
        <source>{n} BPE rows with unknown TYPEQU kept as &apos;?&apos;: {codes}.</source>
        <translation>{n} lignes BPE au TYPEQU inconnu gardées avec le domaine « ? » : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="780"/>
        <source>Unknown QUALITE_XY values kept: {values}.</source>
        <translation>Valeurs de QUALITE_XY inconnues conservées : {values}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="43"/>
        <source>{n} demand units have missing or infinite coordinates.</source>
        <translation>{n} unités de demande ont des coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="46"/>
        <source>{n} facilities have missing or infinite coordinates.</source>
        <translation>{n} équipements ont des coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="49"/>
        <source>{n} candidate sites have missing or infinite coordinates.</source>
        <translation>{n} sites candidats ont des coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="52"/>
        <source>{n} points have missing or infinite coordinates.</source>
        <translation>{n} points ont des coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="55"/>
        <source>{n} demand units are more than {d} m from the network: they count as unreachable.</source>
        <translation>{n} unités de demande sont à plus de {d} m du réseau : elles sont comptées comme inaccessibles.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="59"/>
        <source>{n} facilities are more than {d} m from the network: they are left out.</source>
        <translation>{n} équipements sont à plus de {d} m du réseau : ils sont écartés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="63"/>
        <source>{n} candidate sites are more than {d} m from the network: they are left out.</source>
        <translation>{n} sites candidats sont à plus de {d} m du réseau : ils sont écartés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="67"/>
        <source>{n} points are more than {d} m from the network: they are left out.</source>
        <translation>{n} points sont à plus de {d} m du réseau : ils sont écartés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="137"/>
        <source>Expected (x, y) coordinates, one row per point.</source>
        <translation>Coordonnées (x, y) attendues, une ligne par point.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/search.py" line="230"/>
        <source>Listing every pair needs a finite cut-off (minutes): results must stay sparse.</source>
        <translation>Lister tous les couples nécessite un seuil fini (minutes) : les résultats doivent rester creux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="96"/>
        <source>Select at least one facility type.</source>
        <translation>Choisissez au moins un type d'équipement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="137"/>
        <source>Unknown facility types: {types}.</source>
        <translation>Types d'équipement inconnus : {types}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="207"/>
        <source>No facility of type {types}: every demand unit is counted as beyond reach of it.</source>
        <translation>Aucun équipement de type {types} : chaque unité de demande est comptée hors de portée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="410"/>
        <source>The search cut-off must be at least the threshold ({t} min).</source>
        <translation>Le seuil de recherche doit être au moins égal au seuil d'accès ({t} min).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="535"/>
        <source>{n} demand units have a missing or negative time.</source>
        <translation>{n} unités de demande ont un temps manquant ou négatif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="66"/>
        <source>{n} demand units have a missing or negative population.</source>
        <translation>{n} unités de demande ont une population manquante ou négative.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="555"/>
        <source>Zone weights must be finite and not negative.</source>
        <translation>Les poids des zones doivent être finis et non négatifs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="567"/>
        <source>{n} zones have no population: their share beyond the threshold is left empty.</source>
        <translation>{n} zones n'ont pas de population : leur part au-delà du seuil reste vide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="803"/>
        <source>The number of sites must be a positive integer.</source>
        <translation>Le nombre de sites doit être un entier positif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="846"/>
        <source>Only {n} sites were chosen: no other candidate covers more demand.</source>
        <translation>Seulement {n} sites ont été choisis : aucun autre candidat ne couvre davantage de demande.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/isochrones.py" line="127"/>
        <source>Time bands must be positive minutes in increasing order (at most 254), got {bands}.</source>
        <translation>Les tranches de temps doivent être des minutes positives en ordre croissant (254 au plus) ; reçu : {bands}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/isochrones.py" line="198"/>
        <source>The walk around the roads must be a positive distance (metres).</source>
        <translation>La marge autour des routes doit être une distance positive (mètres).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/isochrones.py" line="205"/>
        <source>The grid cell must be a positive distance (metres).</source>
        <translation>La maille de la grille doit être une distance positive (mètres).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="58"/>
        <source>At least two territories are needed, got {n}.</source>
        <translation>Il faut au moins deux territoires ; {n} donné(s).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="59"/>
        <source>&apos;{indicator}&apos; has the same value everywhere: it cannot rank territories.</source>
        <translation>« {indicator} » a la même valeur partout : il ne peut pas départager les territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="62"/>
        <source>Unknown {what} &apos;{method}&apos;: use one of {choices}.</source>
        <translation>{what} « {method} » inconnu(e) : utilisez l'un de {choices}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="63"/>
        <source>The weight of &apos;{name}&apos; must be a positive number, got {value}.</source>
        <translation>Le poids de « {name} » doit être un nombre positif ; reçu {value}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="66"/>
        <source>Weights given for unknown {what}: {names}.</source>
        <translation>Poids donnés pour des {what} inconnus : {names}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="67"/>
        <source>&apos;{indicator}&apos; has no polarity: say whether higher is better or worse.</source>
        <translation>« {indicator} » n'a pas de polarité : indiquez si une valeur plus haute est meilleure ou pire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="70"/>
        <source>&apos;{indicator}&apos; is missing from the table.</source>
        <translation>« {indicator} » manque dans la table.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="73"/>
        <source>No indicator to build the index from.</source>
        <translation>Aucun indicateur pour construire l'indice.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="74"/>
        <source>Distance to target needs a target value for &apos;{indicator}&apos;.</source>
        <translation>La distance à la cible nécessite une valeur cible pour « {indicator} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="77"/>
        <source>The target of &apos;{indicator}&apos; ({target}) is not better than its worst value.</source>
        <translation>La cible de « {indicator} » ({target}) n'est pas meilleure que sa plus mauvaise valeur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="80"/>
        <source>The geometric mean needs positive values: {n} are zero or negative.</source>
        <translation>La moyenne géométrique nécessite des valeurs positives : {n} sont nulles ou négatives.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="83"/>
        <source>The geometric mean cannot use z-scores: choose another normalisation.</source>
        <translation>La moyenne géométrique ne peut pas utiliser des scores z : choisissez une autre normalisation.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="86"/>
        <source>The weight spread must be at least 0 and below 1, got {value}.</source>
        <translation>La dispersion des poids doit être comprise entre 0 inclus et 1 exclu ; reçu {value}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="89"/>
        <source>At least one sample is needed, got {n}.</source>
        <translation>Il faut au moins un tirage ; {n} donné(s).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="90"/>
        <source>Unknown dimension &apos;{dimension}&apos;.</source>
        <translation>Dimension « {dimension} » inconnue.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="91"/>
        <source>&apos;{indicator}&apos;: {n} territories have no value and are left out of it.</source>
        <translation>« {indicator} » : {n} territoires n'ont pas de valeur et en sont exclus.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="94"/>
        <source>{n} territories lack some values: their means re-weight the others.</source>
        <translation>{n} territoires ont des valeurs manquantes : leurs moyennes repondèrent les autres.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="97"/>
        <source>{n} territories have no value at all: no score.</source>
        <translation>{n} territoires n'ont aucune valeur : pas de score.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="98"/>
        <source>&apos;{indicator}&apos;: {n} outlying values winsorised (skew {skew}, kurtosis {kurt}).</source>
        <translation>« {indicator} » : {n} valeurs extrêmes winsorisées (asymétrie {skew}, aplatissement {kurt}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="101"/>
        <source>&apos;{indicator}&apos;: too skewed after winsorising, log-transformed instead.</source>
        <translation>« {indicator} » : encore trop asymétrique après winsorisation, transformé en logarithme à la place.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="104"/>
        <source>Distance to target: outliers are not treated, targets are in raw units.</source>
        <translation>Distance à la cible : les valeurs extrêmes ne sont pas traitées, les cibles sont en unités brutes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/dashboard.py" line="52"/>
        <source>No indicator field in this layer: run a ReTerr algorithm (territorial profile, services, resilience index) or declare one of its numeric fields as an indicator.</source>
        <translation>Aucun champ indicateur dans cette couche : lancez un algorithme ReTerr (profil territorial, services, indice de résilience) ou déclarez l'un de ses champs numériques comme indicateur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/dashboard.py" line="57"/>
        <source>&apos;{indicator}&apos; has the same value everywhere: left out of the radar.</source>
        <translation>« {indicator} » a la même valeur partout : écarté du radar.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/dashboard.py" line="60"/>
        <source>A single territory: ranks and references need at least two.</source>
        <translation>Un seul territoire : rangs et références en demandent au moins deux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/adequacy.py" line="121"/>
        <source>&apos;{what}&apos; must have one row per territory ({n}) and one column per crop group ({groups}).</source>
        <translation>« {what} » doit avoir une ligne par territoire ({n}) et une colonne par groupe de cultures ({groups}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/adequacy.py" line="133"/>
        <source>{n} territories have a missing or negative value in &apos;{what}&apos;.</source>
        <translation>{n} territoires ont une valeur manquante ou négative dans « {what} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/adequacy.py" line="201"/>
        <source>Give the population with the needs.</source>
        <translation>Donnez la population avec les besoins.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/adequacy.py" line="231"/>
        <source>{n} territories have no population (or need no land): their adequacy is left empty: {rows}.</source>
        <translation>{n} territoires n'ont pas de population (ou n'ont besoin d'aucune surface) : leur adéquation est laissée vide : {rows}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/needs.py" line="368"/>
        <source>Give at least one scenario.</source>
        <translation>Donnez au moins un scénario.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="251"/>
        <source>The table {path} is not valid: {problem}.</source>
        <translation>La table {path} n'est pas valide : {problem}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/endogenous.py" line="50"/>
        <source>{n} establishments have a territory index outside 0..{last} (-1 marks those outside every territory).</source>
        <translation>{n} établissements ont un indice de territoire hors de 0..{last} (-1 marque ceux situés hors de tout territoire).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/endogenous.py" line="55"/>
        <source>{n} establishments have missing or negative jobs.</source>
        <translation>{n} établissements ont un nombre d'emplois manquant ou négatif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/chains.py" line="68"/>
        <source>Unknown value-chain stages: {stages}.</source>
        <translation>Maillons de filière inconnus : {stages}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/chains.py" line="69"/>
        <source>The threshold of stage {stage} must be a positive number of minutes.</source>
        <translation>Le seuil du maillon {stage} doit être un nombre positif de minutes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/chains.py" line="72"/>
        <source>The production flags must be a (territories × chains) table: {shape}.</source>
        <translation>Les marqueurs de production (oui/non) doivent former un tableau (territoires × filières) : {shape}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/chains.py" line="75"/>
        <source>{n} demand units have a territory index outside 0..{last}.</source>
        <translation>{n} unités de demande ont un indice de territoire hors de 0..{last}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/chains.py" line="79"/>
        <source>No establishment of stage {stages} among the facilities: where that stage is missing it counts as a missing link.</source>
        <translation>Aucun établissement du ou des maillons {stages} parmi les établissements fournis : là où un maillon est absent, il compte comme maillon manquant.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/endogenous.py" line="56"/>
        <source>{n} territories have no jobs in the establishment file: their shares are empty.</source>
        <translation>{n} territoires n'ont aucun emploi dans le fichier des établissements : leurs parts sont laissées vides.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/endogenous.py" line="60"/>
        <source>The reference number of sectors ({given}) is below the {seen} sectors present.</source>
        <translation>Le nombre de secteurs de référence ({given}) est inférieur aux {seen} secteurs présents.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="159"/>
        <source>No territory given.</source>
        <translation>Aucun territoire fourni.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="236"/>
        <source>{n} parcels had an invalid geometry and were repaired (make_valid) before their area was counted.</source>
        <translation>{n} parcelles avaient une géométrie invalide et ont été réparées (make_valid) avant le calcul de leur surface.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="248"/>
        <source>{n} parcels have no geometry and are not counted.</source>
        <translation>{n} parcelles n'ont pas de géométrie et ne sont pas comptées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="370"/>
        <source>Unknown overlap check {method}.</source>
        <translation>Méthode de contrôle des chevauchements inconnue : {method}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="363"/>
        <source>Give the RPG crop codes: the CODE_GROUP field, the CODE_CULTU field or both.</source>
        <translation>Indiquez les codes de culture du RPG : le champ CODE_GROUP, le champ CODE_CULTU ou les deux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="453"/>
        <source>{n} parcels have a crop code absent from the mapping table; their {ha:,.1f} ha are counted as 'non classé': {codes}.</source>
        <translation>{n} parcelles ont un code de culture absent de la table de correspondance ; leurs {ha:,.1f} ha sont comptés en « non classé » : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="469"/>
        <source>{n_out} parcels lie outside every territory and {n_part} partly; {ha:,.1f} ha are not counted.</source>
        <translation>{n_out} parcelles sont entièrement hors de tout territoire et {n_part} en partie ; {ha:,.1f} ha ne sont pas comptés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="486"/>
        <source>Territories overlap ({territories}): {n} parcels are counted in more than one territory.</source>
        <translation>Des territoires se chevauchent ({territories}) : {n} parcelles sont comptées dans plusieurs territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="508"/>
        <source>{n} pairs of parcels overlap ({ha:,.1f} ha); the overlapping area is counted twice.</source>
        <translation>{n} paires de parcelles se chevauchent ({ha:,.1f} ha) ; la surface commune est comptée deux fois.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="555"/>
        <source>Reading a land-cover raster needs the Python package rasterio, built on the GDAL of QGIS (on Debian and Ubuntu: the python3-rasterio package).</source>
        <translation>La lecture d'un raster d'occupation du sol nécessite le paquet Python rasterio, compilé avec la GDAL de QGIS (sous Debian et Ubuntu : le paquet python3-rasterio).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="604"/>
        <source>Unknown coordinate reference system {crs}.</source>
        <translation>Système de coordonnées de référence inconnu : {crs}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="989"/>
        <source>Cannot read the raster {path}: {error}</source>
        <translation>Impossible de lire le raster {path} : {error}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1030"/>
        <source>The raster has {count} bands; band {band} asked.</source>
        <translation>Le raster a {count} bandes ; la bande {band} est demandée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1038"/>
        <source>The raster is in a geographic CRS ({crs}): pixel areas are not constant. Reproject it to a projected CRS in metres (Lambert-93 in France) first.</source>
        <translation>Le raster est dans un SCR géographique ({crs}) : la surface des pixels n'est pas constante. Reprojetez-le d'abord dans un SCR projeté en mètres (Lambert-93 en France).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1053"/>
        <source>The raster has no CRS: it is assumed to be in the territories&apos; CRS.</source>
        <translation>Le raster n'a pas de SCR : il est supposé être dans le SCR des territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1074"/>
        <source>The territories were reprojected to the raster&apos;s CRS ({crs}) to be counted.</source>
        <translation>Les territoires ont été reprojetés dans le SCR du raster ({crs}) pour le décompte.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1130"/>
        <source>Raster classes absent from the mapping table cover {ha:,.1f} ha, counted as 'non classé': {codes}.</source>
        <translation>Des classes du raster absentes de la table de correspondance couvrent {ha:,.1f} ha, comptés en « non classé » : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1141"/>
        <source>{ha:,.1f} ha of the territories are &apos;no data&apos; in the raster.</source>
        <translation>{ha:,.1f} ha des territoires sont sans données (« no data ») dans le raster.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1150"/>
        <source>{n} territories are less than half covered by the raster&apos;s pixels (outside its extent, on no data, smaller than a pixel or overlapped by another territory): {rows}.</source>
        <translation>{n} territoires sont couverts à moins de la moitié par les pixels du raster (hors de son emprise, sur des pixels sans données, plus petits qu'un pixel ou chevauchés par un autre territoire) : {rows}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/groups.py" line="107"/>
        <source>Table {path}: {problem}</source>
        <translation>Table {path} : {problem}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/groups.py" line="175"/>
        <source>Unknown diet scenario {scenario}; the table has {known}.</source>
        <translation>Scénario de régime alimentaire {scenario} inconnu ; la table contient {known}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/groups.py" line="382"/>
        <source>The class mapping is empty.</source>
        <translation>La table de correspondance des classes est vide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/needs.py" line="86"/>
        <source>Unknown crop group {group}.</source>
        <translation>Groupe de cultures inconnu : {group}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/groups.py" line="441"/>
        <source>Land-cover nomenclature {name} is not in the table {path}.</source>
        <translation>La nomenclature d'occupation du sol {name} ne figure pas dans la table {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/needs.py" line="94"/>
        <source>The organic yield ratio must be a number above 0.</source>
        <translation>Le rapport de rendement bio/conventionnel doit être un nombre supérieur à 0.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/needs.py" line="110"/>
        <source>{name} must be between {low} and {high} (got {value}).</source>
        <translation>{name} doit être compris entre {low} et {high} (reçu {value}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/needs.py" line="159"/>
        <source>The age weighting needs one non-negative index and one reference share per age band ({bands}).</source>
        <translation>La pondération par âge demande un indice positif ou nul et une part de référence par tranche d'âge ({bands}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/needs.py" line="228"/>
        <source>{n} territories have a missing or negative {what}.</source>
        <translation>{n} territoires ont une valeur manquante ou négative pour « {what} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/needs.py" line="257"/>
        <source>Age counts must have one row per territory ({n}) and one column per age band ({bands}).</source>
        <translation>Les effectifs par âge doivent avoir une ligne par territoire ({n}) et une colonne par tranche d'âge ({bands}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/needs.py" line="268"/>
        <source>{n} territories have a missing or negative age count.</source>
        <translation>{n} territoires ont un effectif par âge manquant ou négatif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/needs.py" line="280"/>
        <source>{n} territories have a population but no age counts; their needs are not age-weighted: {rows}.</source>
        <translation>{n} territoires ont une population mais aucun effectif par âge ; leurs besoins ne sont pas pondérés par l'âge : {rows}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/needs.py" line="337"/>
        <source>Age weighting needs the population per age band.</source>
        <translation>La pondération par âge nécessite la population par tranche d'âge.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="228"/>
        <source>SIRENE file not found: {path}.</source>
        <translation>Fichier SIRENE introuvable : {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="229"/>
        <source>The SIRENE file {path} is empty.</source>
        <translation>Le fichier SIRENE {path} est vide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="230"/>
        <source>The file {path} is not the official {layout} layout: it lacks the columns {columns}.</source>
        <translation>Le fichier {path} n'a pas le format officiel {layout} : il lui manque les colonnes {columns}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="234"/>
        <source>The file {path} is not comma-separated: the official {layout} file is a CSV with commas.</source>
        <translation>Le fichier {path} n'est pas séparé par des virgules : le fichier officiel {layout} est un CSV à virgules.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="238"/>
        <source>The file {path} is not UTF-8 (line {line}): use the official {layout}_utf8.csv file.</source>
        <translation>Le fichier {path} n'est pas en UTF-8 (ligne {line}) : utilisez le fichier officiel {layout}_utf8.csv.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="242"/>
        <source>Give at least one commune code to filter the SIRENE stock on.</source>
        <translation>Donnez au moins un code commune pour filtrer le stock SIRENE.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="245"/>
        <source>Commune codes must have 5 characters (e.g. 12202, 2A004): {codes}.</source>
        <translation>Les codes commune doivent comporter 5 caractères (p. ex. 12202, 2A004) : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="248"/>
        <source>Unknown SIRENE columns requested: {columns}.</source>
        <translation>Colonnes SIRENE demandées inconnues : {columns}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="252"/>
        <source>{n} malformed SIRENE rows (wrong number of fields) skipped, e.g. line {line}.</source>
        <translation>{n} lignes SIRENE mal formées (nombre de champs incorrect) ignorées, p. ex. la ligne {line}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="255"/>
        <source>{n} establishments have no Lambert coordinates ({masked} not diffusible): they are placed at their commune&apos;s town hall.</source>
        <translation>{n} établissements n'ont pas de coordonnées Lambert ({masked} non diffusibles) : ils sont placés à la mairie de leur commune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="260"/>
        <source>{n} establishments are coded in an older nomenclature than NAF rév. 2 ({names}): they belong to no value-chain stage.</source>
        <translation>{n} établissements sont codés dans une nomenclature antérieure à la NAF rév. 2 ({names}) : ils ne relèvent d'aucun maillon de filière.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="265"/>
        <source>{n} establishments have an empty or unknown size class ({codes}): counted as non-employers.</source>
        <translation>{n} établissements ont une tranche d'effectifs vide ou inconnue ({codes}) : ils sont comptés comme non employeurs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="269"/>
        <source>The head office of {n} establishments&apos; legal units is not in the file: their head-office commune is left empty.</source>
        <translation>Le siège de l'unité légale de {n} établissements ne figure pas dans le fichier : la commune de leur siège est laissée vide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="274"/>
        <source>{n} legal units of the establishments kept are not in the StockUniteLegale file: their category and ESS flag are left empty.</source>
        <translation>{n} unités légales des établissements retenus ne figurent pas dans le fichier StockUniteLegale : leur catégorie d'entreprise et leur indicateur ESS sont laissés vides.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="279"/>
        <source>For {n} legal units the head office flagged in StockEtablissement differs from nicSiegeUniteLegale: the establishment stock&apos;s is used.</source>
        <translation>Pour {n} unités légales, le siège signalé dans StockEtablissement diffère de nicSiegeUniteLegale : celui du stock des établissements est retenu.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="181"/>
        <source>The balances must be one value per territory, or one column per family.</source>
        <translation>Les soldes doivent comporter une valeur par territoire, ou une colonne par famille de produits.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="190"/>
        <source>Give at least one product family.</source>
        <translation>Donnez au moins une famille de produits.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="192"/>
        <source>Product families must have distinct names.</source>
        <translation>Les familles de produits doivent avoir des noms distincts.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="197"/>
        <source>{family}: {got} balances for {expected} territories in the travel costs.</source>
        <translation>{family} : {got} soldes pour {expected} territoires dans les coûts de déplacement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="208"/>
        <source>{family}: missing or infinite surplus/deficit values.</source>
        <translation>{family} : valeurs d'excédent/déficit manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="225"/>
        <source>The travel costs must go from the territories to the same territories ({n_o} origins, {n_d} destinations).</source>
        <translation>Les coûts de déplacement doivent relier les territoires aux mêmes territoires ({n_o} origines, {n_d} destinations).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="249"/>
        <source>The radius must be a number of at least 0.</source>
        <translation>Le rayon doit être un nombre supérieur ou égal à 0.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="809"/>
        <source>The network simplex did not prove its solution optimal: solved again with HiGHS.</source>
        <translation>Le simplexe réseau n'a pas prouvé l'optimalité de sa solution : problème résolu à nouveau avec HiGHS.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="819"/>
        <source>The compiled solver needs numba, which is not installed or switched off: solved with HiGHS (slower on large problems).</source>
        <translation>Le solveur compilé nécessite numba, qui n'est pas installé ou est désactivé : problème résolu avec HiGHS (plus lent sur les gros problèmes).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="918"/>
        <source>{family}: no territory has a surplus; nothing to match.</source>
        <translation>{family} : aucun territoire n'est excédentaire ; rien à apparier.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="928"/>
        <source>{family}: no territory has a deficit; nothing to match.</source>
        <translation>{family} : aucun territoire n'est déficitaire ; rien à apparier.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="940"/>
        <source>{family}: no pair links a surplus territory to a deficit territory; nothing matched.</source>
        <translation>{family} : aucune paire ne relie un territoire excédentaire à un territoire déficitaire ; aucun appariement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="946"/>
        <source>{family}: no deficit territory is within {radius} of a surplus territory; nothing matched.</source>
        <translation>{family} : aucun territoire déficitaire n'est à moins de {radius} d'un territoire excédentaire ; aucun appariement.</translation>
    </message>
</context>
<context>
    <name>ReterrIndicatorDock</name>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="116"/>
        <source>ReTerr — resilience indicators</source>
        <translation>ReTerr — indicateurs de résilience</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="139"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="147"/>
        <source>Pick</source>
        <translation>Choisir</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="148"/>
        <source>Click a territory on the map to show its profile</source>
        <translation>Cliquez sur un territoire de la carte pour afficher son profil</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="446"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="372"/>
        <source>Median of all territories</source>
        <translation>Médiane de tous les territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="158"/>
        <source>Median of its peers sharing</source>
        <translation>Médiane de ses pairs partageant</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="169"/>
        <source>Compare: keep this territory as A</source>
        <translation>Comparer : garder ce territoire comme A</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="173"/>
        <source>Declare an indicator…</source>
        <translation>Déclarer un indicateur…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="502"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="180"/>
        <source>Radar as PNG…</source>
        <translation>Radar en PNG…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="181"/>
        <source>Radar as SVG…</source>
        <translation>Radar en SVG…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="182"/>
        <source>Table as CSV…</source>
        <translation>Tableau en CSV…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="327"/>
        <source>Choose a layer of territories.</source>
        <translation>Choisissez une couche de territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="270"/>
        <source>'{layer}' has no indicator field. Run a ReTerr algorithm on it (territorial profile, service access, resilience index) or declare one of its numeric fields as an indicator with “Declare an indicator…”.</source>
        <translation>« {layer} » n'a aucun champ indicateur. Lancez-y un algorithme ReTerr (profil territorial, accès aux services, indice de résilience) ou déclarez l'un de ses champs numériques comme indicateur avec « Déclarer un indicateur… ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="291"/>
        <source>Reading the indicators of '{layer}'…</source>
        <translation>Lecture des indicateurs de « {layer} »…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="307"/>
        <source>Reading the indicators was cancelled.</source>
        <translation>La lecture des indicateurs a été annulée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="341"/>
        <source>Select a territory on the map (or use “Pick”) to see its profile.</source>
        <translation>Sélectionnez un territoire sur la carte (ou utilisez « Choisir ») pour voir son profil.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="373"/>
        <source>Median of the territories with {field} = {value}</source>
        <translation>Médiane des territoires où {field} = {value}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="383"/>
        <source>A: {name} — select another territory to compare</source>
        <translation>A : {name} — sélectionnez un autre territoire pour comparer</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="431"/>
        <source>Scores out of 10</source>
        <translation>Notes sur 10</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="433"/>
        <source>No indicator can be scored on the radar.</source>
        <translation>Aucun indicateur ne peut être noté sur le radar.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="443"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="444"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="445"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="449"/>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="469"/>
        <source>{dimension}
Field: {field}
{polarity}</source>
        <translation>{dimension}
Champ : {field}
{polarity}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="478"/>
        <source>Rank {rank} of {n}</source>
        <translation>Rang {rank} sur {n}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="489"/>
        <source>Higher is better</source>
        <translation>Plus c'est haut, mieux c'est</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="491"/>
        <source>Higher is worse</source>
        <translation>Plus c'est haut, moins bien c'est</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="492"/>
        <source>Context (neither good nor bad)</source>
        <translation>Contexte (ni bon ni mauvais)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="498"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="499"/>
        <source>SVG image (*.svg)</source>
        <translation>Image SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="500"/>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="516"/>
        <source>Nothing to export: select a territory first.</source>
        <translation>Rien à exporter : sélectionnez d'abord un territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="529"/>
        <source>Cannot write &apos;{path}&apos;: {error}</source>
        <translation>Impossible d'écrire « {path} » : {error}</translation>
    </message>
</context>
<context>
    <name>ReterrLayers</name>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="44"/>
        <source> and {n} more</source>
        <translation> et {n} autres</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="103"/>
        <source>Layer &apos;{layer}&apos; has no valid coordinate reference system. Set its CRS (for metropolitan France, Lambert-93, EPSG:2154).</source>
        <translation>La couche « {layer} » n'a pas de système de coordonnées de référence valide. Définissez son SCR (en France métropolitaine, Lambert-93, EPSG:2154).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="113"/>
        <source>Layer &apos;{layer}&apos; is in a geographic CRS ({crs}): distances and areas would be in degrees. Reproject it first (for metropolitan France, Lambert-93, EPSG:2154) with &apos;Reproject layer&apos;.</source>
        <translation>La couche « {layer} » est dans un SCR géographique ({crs}) : distances et surfaces seraient exprimées en degrés. Reprojetez-la d'abord (en France métropolitaine, Lambert-93, EPSG:2154) avec « Reprojeter une couche ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="169"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;. Available fields: {fields}.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ». Champs disponibles : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/writer.py" line="143"/>
        <source>feature {fid}</source>
        <translation>entité {fid}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="182"/>
        <source>Field &apos;{field}&apos; of layer &apos;{layer}&apos; holds values that are not numbers for: {features}. Correct them or choose another field.</source>
        <translation>Le champ « {field} » de la couche « {layer} » contient des valeurs non numériques pour : {features}. Corrigez-les ou choisissez un autre champ.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="427"/>
        <source>Layer &apos;{layer}&apos;: {n} features have no geometry: {features}. Remove them or give them a geometry.</source>
        <translation>Couche « {layer} » : {n} entités n'ont pas de géométrie : {features}. Supprimez-les ou attribuez-leur une géométrie.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="441"/>
        <source>Layer &apos;{layer}&apos;: {n} features have an invalid geometry: {features}. Run &apos;Fix geometries&apos; on the layer first.</source>
        <translation>Couche « {layer} » : {n} entités ont une géométrie invalide : {features}. Lancez d'abord « Réparer les géométries » sur la couche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="463"/>
        <source>Layer &apos;{layer}&apos;, features: {features}.</source>
        <translation>Couche « {layer} », entités : {features}.</translation>
    </message>
</context>
<context>
    <name>ReterrNetwork</name>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="60"/>
        <source>Road network (lines)</source>
        <translation>Réseau routier (lignes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="60"/>
        <source>Roads as lines (OSM, BD TOPO, your own); the graph is cached between runs.</source>
        <translation>Routes en lignes (OSM, BD TOPO, les vôtres) ; le graphe est gardé en cache d'un traitement à l'autre.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="74"/>
        <source>Speed field (km/h)</source>
        <translation>Champ de vitesse (km/h)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="74"/>
        <source>Average speed of each road; when empty, the road class is used.</source>
        <translation>Vitesse moyenne de chaque route ; si vide, la classe de route est utilisée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="89"/>
        <source>Road class field</source>
        <translation>Champ de classe de route</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="89"/>
        <source>OSM &apos;highway&apos;, BD TOPO &apos;nature&apos; or &apos;importance&apos;.</source>
        <translation>OSM « highway », BD TOPO « nature » ou « importance ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="102"/>
        <source>Speeds by road class</source>
        <translation>Vitesses par classe de route</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="102"/>
        <source>OSM highway (car)</source>
        <translation>OSM highway (voiture)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="102"/>
        <source>BD TOPO nature</source>
        <translation>BD TOPO nature</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="102"/>
        <source>BD TOPO importance</source>
        <translation>BD TOPO importance</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="102"/>
        <source>Default car speeds per class; see the plugin documentation for their sources (several are to be confirmed).</source>
        <translation>Vitesses voiture par défaut pour chaque classe ; voir la documentation de l'extension pour leurs sources (plusieurs sont à confirmer).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="121"/>
        <source>Speed of unknown classes (km/h, 0: error)</source>
        <translation>Vitesse des classes inconnues (km/h, 0 : erreur)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="121"/>
        <source>0 reports unknown classes as an error.</source>
        <translation>0 signale les classes inconnues comme une erreur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="133"/>
        <source>One-way field</source>
        <translation>Champ de sens unique</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="133"/>
        <source>OSM &apos;oneway&apos; or BD TOPO &apos;sens_de_circulation&apos;; empty: two-way.</source>
        <translation>OSM « oneway » ou BD TOPO « sens_de_circulation » ; vide : double sens.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="148"/>
        <source>Junction tolerance (m)</source>
        <translation>Tolérance de raccordement (m)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="148"/>
        <source>Line ends closer than this are joined.</source>
        <translation>Les extrémités de lignes plus proches que cette distance sont raccordées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/graphs.py" line="141"/>
        <source>Layer &apos;{layer}&apos;: give a speed field or a road class field (none of them was found).</source>
        <translation>Couche « {layer} » : indiquez un champ de vitesse ou un champ de classe de route (aucun n'a été trouvé).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/graphs.py" line="151"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/graphs.py" line="171"/>
        <source>The network layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche de réseau « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/graphs.py" line="235"/>
        <source>Road graph loaded from the cache ({path}).</source>
        <translation>Graphe routier chargé depuis le cache ({path}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="160"/>
        <source>Maximum segment length (m, 0: off)</source>
        <translation>Longueur maximale des tronçons (m, 0 : sans)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="160"/>
        <source>Long roads get intermediate nodes this far apart, so that places snap to a nearby point of the road rather than to a distant junction.</source>
        <translation>Les longues routes reçoivent des nœuds intermédiaires espacés de cette distance, pour que les lieux s'accrochent à un point proche de la route plutôt qu'à un carrefour éloigné.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/graphs.py" line="108"/>
        <source>Road searches: compiled kernels (numba), {n} threads.</source>
        <translation>Recherches routières : noyaux compilés (numba), {n} fils d'exécution.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/graphs.py" line="112"/>
        <source>Road searches: scipy&apos;s Dijkstra (install numba for searches 3 to 6 times faster).</source>
        <translation>Recherches routières : Dijkstra de scipy (installez numba pour des recherches 3 à 6 fois plus rapides).</translation>
    </message>
</context>
<context>
    <name>ReterrParams</name>
    <message>
        <location filename="../reterr_qgis/processing/common/params.py" line="20"/>
        <source>&apos;{item}&apos; is not a number.</source>
        <translation>« {item} » n'est pas un nombre.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/params.py" line="21"/>
        <source>&apos;{item}&apos; is not of the form &apos;name:value&apos;.</source>
        <translation>« {item} » n'est pas de la forme « nom:valeur ».</translation>
    </message>
</context>
<context>
    <name>ReterrPlugin</name>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="43"/>
        <source>Territorial profile…</source>
        <translation>Profil territorial…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/plugin.py" line="112"/>
        <source>&amp;ReTerr</source>
        <translation>&amp;ReTerr</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/plugin.py" line="77"/>
        <source>Resilience indicators</source>
        <translation>Indicateurs de résilience</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="60"/>
        <source>Resilience index…</source>
        <translation>Indice de résilience…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="52"/>
        <source>Import the BPE…</source>
        <translation>Importer la BPE…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="58"/>
        <source>Access to a service (APL, floating catchment)…</source>
        <translation>Accessibilité à un service (APL, aires flottantes)…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="45"/>
        <source>Time to the nearest service…</source>
        <translation>Temps d'accès au service le plus proche…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="59"/>
        <source>Everyday services basket…</source>
        <translation>Panier de services de la vie courante…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="66"/>
        <source>Service gaps…</source>
        <translation>Écarts d'accès aux services…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="58"/>
        <source>Where to add a facility…</source>
        <translation>Où implanter un équipement…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="36"/>
        <source>Service areas (isochrones)…</source>
        <translation>Zones de desserte (isochrones)…</translation>
    </message>
</context>
<context>
    <name>ReterrProfilePage</name>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="78"/>
        <source>Resilience profile — {name}</source>
        <translation>Profil de résilience — {name}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="94"/>
        <source>Scores out of 10 (0 = worst, 10 = best territory)</source>
        <translation>Notes sur 10 (10 = le mieux placé)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="121"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="122"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="123"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="124"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="128"/>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="166"/>
        <source>Green: among the best third of territories for this indicator; red: the worst third; amber: in between. Rank 1 = best (context figures: largest). Reference: {ref}.</source>
        <translation>Vert : parmi le meilleur tiers des territoires pour cet indicateur ; rouge : le tiers le moins bien placé ; orange : entre les deux. Rang 1 = le mieux placé (chiffres de contexte : le plus grand). Référence : {ref}.</translation>
    </message>
</context>
<context>
    <name>ReterrProvider</name>
    <message>
        <location filename="../reterr_qgis/processing/provider.py" line="55"/>
        <source>ReTerr — territorial resilience ({version})</source>
        <translation>ReTerr — résilience territoriale ({version})</translation>
    </message>
</context>
<context>
    <name>ReterrStyle</name>
    <message>
        <location filename="../reterr_qgis/adapters/style.py" line="133"/>
        <source>ReTerr default style</source>
        <translation>Style par défaut ReTerr</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/style.py" line="134"/>
        <source>Style written by ReTerr</source>
        <translation>Style enregistré par ReTerr</translation>
    </message>
</context>
<context>
    <name>ServiceAlgorithm</name>
    <message>
        <location filename="../reterr_qgis/processing/services/base.py" line="15"/>
        <source>Services and access</source>
        <translation>Services et accessibilité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="130"/>
        <source>Demand (communes, IRIS, grid cells, points)</source>
        <translation>Demande (communes, IRIS, carreaux, points)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="130"/>
        <source>Polygons are represented by a point inside each of them.</source>
        <translation>Chaque polygone est représenté par un point situé à l'intérieur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="143"/>
        <source>Population field</source>
        <translation>Champ de population</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="143"/>
        <source>Demand of each unit (default: population).</source>
        <translation>Demande de chaque unité (par défaut : population).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="160"/>
        <source>Facilities (points)</source>
        <translation>Équipements (points)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="160"/>
        <source>E.g. the BPE geolocated facilities.</source>
        <translation>Par exemple les équipements géolocalisés de la BPE.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="170"/>
        <source>Facility type field</source>
        <translation>Champ du type d'équipement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="170"/>
        <source>Field holding the facility type (BPE: TYPEQU).</source>
        <translation>Champ contenant le type d'équipement (BPE : TYPEQU).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="212"/>
        <source>Speed (km/h)</source>
        <translation>Vitesse (km/h)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="212"/>
        <source>Average door-to-door speed on the straight-line distance × detour.</source>
        <translation>Vitesse moyenne de porte à porte appliquée à la distance à vol d'oiseau × détour.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="227"/>
        <source>Detour factor</source>
        <translation>Coefficient de détour</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="227"/>
        <source>Road distance over straight-line distance.</source>
        <translation>Distance routière rapportée à la distance à vol d'oiseau.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="187"/>
        <source>Points standing for the demand units (e.g. town halls)</source>
        <translation>Points représentant les unités de demande (par ex. les mairies)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="187"/>
        <source>A better origin than a polygon&apos;s interior point: the town hall or a population-weighted centre, matched on a code; used only when it lies inside its unit.</source>
        <translation>Une meilleure origine que le point intérieur d'un polygone : la mairie ou un centre pondéré par la population, apparié par un code ; utilisé seulement s'il est situé dans son unité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="205"/>
        <source>Demand code field</source>
        <translation>Champ du code de la demande</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="205"/>
        <source>Code matching the points to the demand units.</source>
        <translation>Code qui apparie les points aux unités de demande.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="218"/>
        <source>Point code field</source>
        <translation>Champ du code des points</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="218"/>
        <source>Code of each point, as in the demand layer.</source>
        <translation>Code de chaque point, comme dans la couche de demande.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="244"/>
        <source>Maximum distance to the network (m)</source>
        <translation>Distance maximale au réseau (m)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="244"/>
        <source>Places farther from any road node are reported as unreachable.</source>
        <translation>Les lieux plus éloignés de tout nœud routier sont signalés comme inaccessibles.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="259"/>
        <source>Speed to reach the network (km/h)</source>
        <translation>Vitesse pour rejoindre le réseau (km/h)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="259"/>
        <source>Over the straight line between a place and its network node.</source>
        <translation>Sur la ligne droite entre un lieu et son nœud du réseau.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="265"/>
        <source>Reading demand…</source>
        <translation>Lecture de la demande…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="279"/>
        <source>Layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="315"/>
        <source>The facility type field &apos;{field}&apos; is not in layer &apos;{layer}&apos;: choose the field holding the types (BPE: TYPEQU).</source>
        <translation>Le champ de type d'équipement « {field} » n'est pas dans la couche « {layer} » : choisissez le champ qui contient les types (BPE : TYPEQU).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="364"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="394"/>
        <source>{used} of {n} demand units start from their point; the others from a point inside them (no match, or the point lies outside the unit).</source>
        <translation>{used} unités de demande sur {n} partent de leur point ; les autres d'un point intérieur (pas de correspondance, ou point situé hors de l'unité).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/facility_types.py" line="49"/>
        <source>Give at least one facility type (codes separated by &apos;;&apos;, e.g. D265;D307).</source>
        <translation>Indiquez au moins un type d'équipement (codes séparés par « ; », par ex. D265;D307).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/facility_types.py" line="85"/>
        <source>Unknown facility types: {types}. They are neither BPE codes nor types of layer &apos;{layer}&apos;, which holds: {present}.</source>
        <translation>Types d'équipements inconnus : {types}. Ce ne sont ni des codes BPE ni des types de la couche « {layer} », qui contient : {present}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/facility_types.py" line="85"/>
        <source>(no type)</source>
        <translation>(aucun type)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/facility_types.py" line="116"/>
        <source>Layer &apos;{layer}&apos; has no facility of type {code} but holds {others}, the same facility in the codes of another BPE vintage: check the vintage of the codes you asked for.</source>
        <translation>La couche « {layer} » n'a aucun équipement de type {code} mais contient {others}, le même équipement dans les codes d'un autre millésime de la BPE : vérifiez le millésime des codes demandés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="299"/>
        <source>The road network and the demand layer must share one CRS (reproject the network).</source>
        <translation>Le réseau routier et la couche de demande doivent avoir le même SCR (reprojetez le réseau).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="320"/>
        <source>Travel times on the road network ({nodes} nodes), places snapped within {d} m and reached at {v} km/h.</source>
        <translation>Temps de parcours sur le réseau routier ({nodes} nœuds), lieux accrochés à moins de {d} m et rejoints à {v} km/h.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="329"/>
        <source>Straight-line travel times: distance × {detour} at {speed} km/h.</source>
        <translation>Temps de parcours à vol d'oiseau : distance × {detour} à {speed} km/h.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="340"/>
        <source>{n} demand units are more than {d} m from the road network and count as unreachable: {features}.</source>
        <translation>{n} unités de demande sont à plus de {d} m du réseau routier et sont comptées comme inaccessibles : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="368"/>
        <source>{n} candidate sites are more than {d} m from the road network and are ignored: {features}.</source>
        <translation>{n} sites candidats sont à plus de {d} m du réseau routier et sont ignorés : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="368"/>
        <source>{n} facilities are more than {d} m from the road network and are ignored: {features}.</source>
        <translation>{n} équipements sont à plus de {d} m du réseau routier et sont ignorés : {features}.</translation>
    </message>
</context>
<context>
    <name>ServiceAreas</name>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="49"/>
        <source>Service areas (isochrones)</source>
        <translation>Aires de desserte (isochrones)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="52"/>
        <source>Polygons of the area from which each facility is reached within each time band (home → facility, the direction that matters for access; or, optionally, reached from the facility), on the road network.

One search per facility, stopped at the largest band, gives every band. A road segment whose start is reached within the band counts up to the point reached (interpolated along the segment, drawn straight between junctions); the polygon is the area within the buffer distance (default 150 m, a short walk) of the reachable roads. Bands are nested: the 20-minute area contains the 10-minute one. Times in minutes; facilities snapped to the nearest node within the maximum distance and reached at the access speed. Unlike QGIS's own service area tools, the output is polygons, the speeds are car speeds in km/h and the cost is in minutes.</source>
        <translation>Polygones de la zone d'où chaque équipement est atteint dans chaque tranche de temps (domicile → équipement, le sens qui compte pour l'accès ; ou, au choix, atteinte depuis l'équipement), sur le réseau routier.

Une seule recherche par équipement, arrêtée à la plus grande tranche, donne toutes les tranches. Un tronçon dont le début est atteint dans la tranche compte jusqu'au point atteint (interpolé le long du tronçon, tracé droit entre carrefours) ; le polygone est la zone située à moins de la distance tampon (150 m par défaut, une courte marche) des routes atteintes. Les tranches sont emboîtées : la zone à 20 minutes contient celle à 10 minutes. Temps en minutes ; équipements accrochés au nœud le plus proche dans la distance maximale et rejoints à la vitesse d'accès. Contrairement aux outils de zone de desserte de QGIS, le résultat est fait de polygones, les vitesses sont des vitesses voiture en km/h et le coût est en minutes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="68"/>
        <source>Facilities (points)</source>
        <translation>Équipements (points)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="68"/>
        <source>E.g. the BPE geolocated facilities.</source>
        <translation>Par exemple les équipements géolocalisés de la BPE.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="76"/>
        <source>Facility type field</source>
        <translation>Champ du type d'équipement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="76"/>
        <source>Field holding the facility type.</source>
        <translation>Champ contenant le type d'équipement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="89"/>
        <source>Facility types to keep</source>
        <translation>Types d'équipement à retenir</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="89"/>
        <source>Codes separated by &apos;;&apos; (e.g. D265); empty: every facility.</source>
        <translation>Codes séparés par « ; » (par ex. D265) ; vide : tous les équipements.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="97"/>
        <source>Time bands (minutes)</source>
        <translation>Tranches de temps (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="97"/>
        <source>Increasing limits separated by &apos;;&apos;.</source>
        <translation>Limites croissantes séparées par « ; ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="105"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="105"/>
        <source>To the facility (access)</source>
        <translation>Vers l'équipement (accès)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="105"/>
        <source>From the facility</source>
        <translation>Depuis l'équipement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="105"/>
        <source>One-way streets make the two differ.</source>
        <translation>Les sens uniques rendent les deux différents.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="116"/>
        <source>Walk around reachable roads (m)</source>
        <translation>Marche autour des routes atteintes (m)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="116"/>
        <source>Width of the area kept on each side of a reachable road.</source>
        <translation>Largeur de la zone retenue de chaque côté d'une route atteinte.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="129"/>
        <source>Maximum distance to the network (m)</source>
        <translation>Distance maximale au réseau (m)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="129"/>
        <source>Facilities farther from any road node get no area (and are named).</source>
        <translation>Les équipements plus éloignés de tout nœud routier n'ont pas de zone (et sont nommés).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="141"/>
        <source>Speed to reach the network (km/h)</source>
        <translation>Vitesse pour rejoindre le réseau (km/h)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="141"/>
        <source>Over the straight line between a facility and its node.</source>
        <translation>Sur la ligne droite entre un équipement et son nœud.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="288"/>
        <source>Service areas</source>
        <translation>Aires de desserte</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="153"/>
        <source>One polygon per facility and band, with the facility&apos;s attributes.</source>
        <translation>Un polygone par équipement et par tranche, avec les attributs de l'équipement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="174"/>
        <source>Time bands must be minutes separated by &apos;;&apos;, e.g. &apos;10;20;30&apos;.</source>
        <translation>Les tranches de temps sont des minutes séparées par « ; », par ex. « 10;20;30 ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="178"/>
        <source>Give at least one positive time band.</source>
        <translation>Donnez au moins une tranche de temps positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="182"/>
        <source>Facility types were given but the type field &apos;{field}&apos; is not in layer &apos;{layer}&apos;.</source>
        <translation>Des types d'équipement ont été donnés mais le champ de type « {field} » n'existe pas dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="200"/>
        <source>No facility of type {types} in layer &apos;{layer}&apos;.</source>
        <translation>Aucun équipement de type {types} dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="223"/>
        <source>{n} facilities are too far from the road network and get no area: {features}.</source>
        <translation>{n} équipements sont trop loin du réseau routier et n'ont pas de zone : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="230"/>
        <source>Computing service areas…</source>
        <translation>Calcul des aires de desserte…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="283"/>
        <source>{n} service areas written ({f} facilities, bands {bands} min).</source>
        <translation>{n} aires de desserte écrites ({f} équipements, tranches {bands} min).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="288"/>
        <source>Isochrones of &apos;{layer}&apos; computed by ReTerr.</source>
        <translation>Isochrones de « {layer} » calculées par ReTerr.</translation>
    </message>
</context>
<context>
    <name>ServiceBasket</name>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="277"/>
        <source>Everyday-services basket</source>
        <translation>Panier de services de la vie courante</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="65"/>
        <source>For each demand unit: the share of a basket of facility types whose nearest facility is within the threshold, and the mean and longest time to the basket (METHODS §1.4).

basket_share = 100 × (types whose nearest facility is at ≤ T minutes) / (types of the basket), in %; basket_missing = types not reached within T; basket_mean_min and basket_max_min = mean and max over the types of the time to their nearest facility, in minutes (home → service). The basket is fixed, as INSEE counts it: a type with no facility in the layer stays in the denominator (a warning names it) but is left out of the mean and max times; a type that cannot be reached on the network makes them NULL.

Baskets (resources/bpe/baskets.csv): the 'panier de la vie courante' of the Observatoire des territoires in the BPE codes of 2024 (25 types, default; third-party list, to be confirmed) and the INSEE Première n°1579 (2016) basket (reconstructed, to be confirmed). Their codes are translated to the vintage chosen through the crosswalk of the BPE code table (e.g. D265 → D201 for 2021); a list of types replaces the basket. Default threshold 7 minutes: INSEE Première n°1579 reads the basket at 7 minutes (in some regions more than a quarter of residents live farther; half of metropolitan residents reach it within 4 minutes by road).

Travel times: on the road network when one is given (one search per type from all its facilities at once), else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h [to be confirmed]).</source>
        <translation>Pour chaque unité de demande : la part d'un panier de types d'équipements dont l'équipement le plus proche est à moins du seuil, et les temps moyen et maximal d'accès au panier (METHODS §1.4).

basket_share = 100 × (types dont l'équipement le plus proche est à ≤ T minutes) / (types du panier), en % ; basket_missing = types non atteints en T minutes ; basket_mean_min et basket_max_min = moyenne et maximum, sur les types, du temps jusqu'à leur équipement le plus proche, en minutes (domicile → service). Le panier est fixe, comme l'INSEE le compte : un type sans équipement dans la couche reste au dénominateur (un avertissement le nomme) mais est exclu des temps moyen et maximal ; un type inaccessible sur le réseau les rend NULL.

Paniers (resources/bpe/baskets.csv) : le « panier de la vie courante » de l'Observatoire des territoires dans les codes BPE 2024 (25 types, par défaut ; liste tierce, à confirmer) et le panier d'INSEE Première n°1579 (2016) (reconstitué, à confirmer). Leurs codes sont traduits dans le millésime choisi grâce à la table de passage de la table des codes BPE (par ex. D265 → D201 pour 2021) ; une liste de types remplace le panier. Seuil par défaut de 7 minutes : INSEE Première n°1579 lit le panier à 7 minutes (dans certaines régions plus d'un quart des habitants vivent plus loin ; la moitié des habitants de métropole l'atteignent en moins de 4 minutes par la route).

Temps de parcours : sur le réseau routier s'il est fourni (une recherche par type depuis tous ses équipements à la fois), sinon distance à vol d'oiseau × coefficient de détour à vitesse constante (par défaut 1,3 et 50 km/h [à confirmer]).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="100"/>
        <source>Basket</source>
        <translation>Panier</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="100"/>
        <source>Baskets of resources/bpe/baskets.csv, in the order of the file (new ones are added at the end).</source>
        <translation>Paniers de resources/bpe/baskets.csv, dans l'ordre du fichier (les nouveaux sont ajoutés à la fin).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="117"/>
        <source>Or facility types (replace the basket)</source>
        <translation>Ou types d'équipements (remplacent le panier)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="117"/>
        <source>Codes separated by &apos;;&apos;, taken as they are (no vintage translation).</source>
        <translation>Codes séparés par « ; », pris tels quels (sans traduction de millésime).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="125"/>
        <source>BPE vintage of the facilities&apos; codes</source>
        <translation>Millésime BPE des codes des équipements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="125"/>
        <source>The basket&apos;s codes are translated to this vintage&apos;s nomenclature (the 2023 and 2024 revisions renumbered shops, schools and health professionals).</source>
        <translation>Les codes du panier sont traduits dans la nomenclature de ce millésime (les révisions de 2023 et 2024 ont renuméroté les commerces, les écoles et les professionnels de santé).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="141"/>
        <source>Threshold (minutes)</source>
        <translation>Seuil (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="141"/>
        <source>A type is reached when its nearest facility is at most this far.</source>
        <translation>Un type est atteint quand son équipement le plus proche est au plus à cette distance-temps.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="154"/>
        <source>Basket of services</source>
        <translation>Panier de services</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="154"/>
        <source>The demand layer with basket_share (%), basket_mean_min, basket_max_min (minutes) and basket_missing.</source>
        <translation>La couche de demande avec basket_share (%), basket_mean_min, basket_max_min (minutes) et basket_missing.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="175"/>
        <source>Reading facilities…</source>
        <translation>Lecture des équipements…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="191"/>
        <source>Basket of {n} types given: {codes}.</source>
        <translation>Panier de {n} types indiqué : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="198"/>
        <source>Basket &apos;{basket}&apos; ({source}) in the codes of {vintage}: {n} types ({codes}).</source>
        <translation>Panier « {basket} » ({source}) dans les codes de {vintage} : {n} types ({codes}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="212"/>
        <source>The facilities are of BPE vintage {an} (field AN) but the basket is read in the codes of {vintage}: set the vintage to {an}.</source>
        <translation>Les équipements sont du millésime BPE {an} (champ AN) mais le panier est lu dans les codes de {vintage} : choisissez le millésime {an}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="219"/>
        <source>Searching the nearest facility of each type…</source>
        <translation>Recherche de l'équipement le plus proche de chaque type…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="260"/>
        <source>Population-weighted mean share of the basket within {t} minutes: {share} %; {full} % of the population reach the whole basket.</source>
        <translation>Part moyenne du panier à moins de {t} minutes, pondérée par la population : {share} % ; {full} % de la population atteint le panier complet.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="271"/>
        <source>Types of the basket without any facility in &apos;{layer}&apos; (counted as not reached): {types}.</source>
        <translation>Types du panier sans aucun équipement dans « {layer} » (comptés comme non atteints) : {types}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="277"/>
        <source>Share of the basket ({n} types) within {t} minutes of each unit of &apos;{demand}&apos;, facilities of &apos;{facilities}&apos;.</source>
        <translation>Part du panier ({n} types) à moins de {t} minutes de chaque unité de « {demand} », équipements de « {facilities} ».</translation>
    </message>
</context>
<context>
    <name>ServiceGaps</name>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="69"/>
        <source>Service gaps (population beyond a threshold)</source>
        <translation>Carences de services (population au-delà d'un seuil)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="72"/>
        <source>Who lives too far from each service: the population beyond a travel-time threshold per facility type, aggregated to any zoning given by a code field (commune, EPCI SIREN…), and the under-served units themselves (METHODS §1.2).

Per zone z and type: pop_beyond_&lt;TYPE&gt; = Σ_i P_i [t_i &gt; T] over its units, share_beyond_&lt;TYPE&gt; = 100 × pop_beyond / population (%), t_i the time from unit i to its nearest facility of the type (home → service; unreachable units are beyond every threshold). Zones without population get an empty share and a warning. Zones are the dissolved polygons of their units (no geometry when the demand is points); without a code field, one zone holds every unit.

Under-served layer: the units beyond T for at least one type, with t_&lt;TYPE&gt; (minutes, exact: the searches are not stopped at T), n_beyond (number of types beyond) and beyond (their codes).

What-if: candidate sites of new facilities of the FIRST type. The under-served layer then gets t_before and t_after (minutes to the nearest facility of that type without and with the candidates) and gain_min; the zones get pop_beyond_after and share_beyond_after.

Defaults: types D265;D307;B207 (general practitioners, pharmacies, bakeries, BPE 2024 codes), threshold 20 minutes. Travel times: on the road network when one is given, else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h [to be confirmed]).</source>
        <translation>Qui vit trop loin de chaque service : la population au-delà d'un seuil de temps de parcours pour chaque type d'équipement, agrégée selon tout zonage donné par un champ de code (commune, SIREN de l'EPCI…), et les unités mal desservies elles-mêmes (METHODS §1.2).

Pour la zone z et chaque type : pop_beyond_&lt;TYPE&gt; = Σ_i P_i [t_i &gt; T] sur ses unités, share_beyond_&lt;TYPE&gt; = 100 × pop_beyond / population (%), t_i étant le temps de l'unité i à l'équipement le plus proche du type (domicile → service ; les unités inaccessibles sont au-delà de tout seuil). Les zones sans population ont une part vide et un avertissement. Les zones sont les polygones fusionnés de leurs unités (sans géométrie quand la demande est faite de points) ; sans champ de code, une seule zone regroupe toutes les unités.

Couche des unités mal desservies : les unités au-delà de T pour au moins un type, avec t_&lt;TYPE&gt; (minutes, exact : les recherches ne s'arrêtent pas à T), n_beyond (nombre de types au-delà du seuil) et beyond (leurs codes).

Scénario : sites candidats de nouveaux équipements du PREMIER type. La couche des unités mal desservies reçoit alors t_before et t_after (minutes jusqu'à l'équipement le plus proche de ce type sans et avec les candidats) et gain_min ; les zones reçoivent pop_beyond_after et share_beyond_after.

Valeurs par défaut : types D265;D307;B207 (médecins généralistes, pharmacies, boulangeries, codes BPE 2024), seuil de 20 minutes. Temps de parcours : sur le réseau routier s'il est fourni, sinon distance à vol d'oiseau × coefficient de détour à vitesse constante (par défaut 1,3 et 50 km/h [à confirmer]).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="99"/>
        <source>Facility types</source>
        <translation>Types d'équipements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="99"/>
        <source>Codes separated by &apos;;&apos;; the first one is the type of the candidate sites.</source>
        <translation>Codes séparés par « ; » ; le premier est le type des sites candidats.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="107"/>
        <source>Threshold (minutes)</source>
        <translation>Seuil (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="107"/>
        <source>Units whose nearest facility is farther than this are beyond it.</source>
        <translation>Les unités dont l'équipement le plus proche est plus loin sont au-delà du seuil.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="119"/>
        <source>Aggregate by code field (e.g. EPCI SIREN)</source>
        <translation>Agréger selon un champ de code (par ex. SIREN de l'EPCI)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="119"/>
        <source>Units sharing this code form one zone (e.g. siren_epci); empty: one zone for every unit.</source>
        <translation>Les unités ayant ce code en commun forment une zone (par ex. siren_epci) ; vide : une seule zone pour toutes les unités.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="135"/>
        <source>Name of the aggregate field</source>
        <translation>Champ du nom du regroupement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="135"/>
        <source>Field giving the zone&apos;s name (e.g. nom_epci).</source>
        <translation>Champ donnant le nom de la zone (par ex. nom_epci).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="148"/>
        <source>Candidate sites of new facilities (what-if)</source>
        <translation>Sites candidats de nouveaux équipements (scénario)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="148"/>
        <source>Points where facilities of the first type would be added; the outputs then show the times and populations before and after.</source>
        <translation>Points où des équipements du premier type seraient ajoutés ; les sorties donnent alors les temps et les populations avant et après.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="386"/>
        <source>Service gaps by zone</source>
        <translation>Carences de services par zone</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="163"/>
        <source>One row per zone: population, pop_beyond_&lt;TYPE&gt; and share_beyond_&lt;TYPE&gt; (%).</source>
        <translation>Une ligne par zone : population, pop_beyond_&lt;TYPE&gt; et share_beyond_&lt;TYPE&gt; (%).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="401"/>
        <source>Under-served units</source>
        <translation>Unités mal desservies</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="171"/>
        <source>The demand units beyond the threshold for at least one type.</source>
        <translation>Les unités de demande au-delà du seuil pour au moins un type.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="196"/>
        <source>Reading facilities…</source>
        <translation>Lecture des équipements…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="220"/>
        <source>The candidate layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche de candidats « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="227"/>
        <source>Dissolving the zones</source>
        <translation>La fusion des zones</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="228"/>
        <source>Searching the nearest facilities…</source>
        <translation>Recherche des équipements les plus proches…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="259"/>
        <source>Adding the candidate sites…</source>
        <translation>Ajout des sites candidats…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="286"/>
        <source>every unit</source>
        <translation>toutes les unités</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="291"/>
        <source>{n} zones have no population: their share beyond the threshold is left empty ({zones}).</source>
        <translation>{n} zones n'ont pas de population : leur part au-delà du seuil reste vide ({zones}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="359"/>
        <source>{type}: {pop} inhabitants ({share} %) live more than {t} minutes from the nearest facility.</source>
        <translation>{type} : {pop} habitants ({share} %) vivent à plus de {t} minutes de l'équipement le plus proche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="368"/>
        <source>With the {n} candidate sites, {pop1} inhabitants remain more than {t} minutes from a facility of type {type} (instead of {pop0}).</source>
        <translation>Avec les {n} sites candidats, {pop1} habitants restent à plus de {t} minutes d'un équipement de type {type} (au lieu de {pop0}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="380"/>
        <source>{n} of {total} demand units are under-served for at least one type.</source>
        <translation>{n} unités de demande sur {total} sont mal desservies pour au moins un type.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="386"/>
        <source>Population more than {t} minutes from the nearest facility of each type ({types}), per zone, from &apos;{demand}&apos; and &apos;{facilities}&apos;.</source>
        <translation>Population à plus de {t} minutes de l'équipement le plus proche de chaque type ({types}), par zone, d'après « {demand} » et « {facilities} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="401"/>
        <source>Units of &apos;{demand}&apos; more than {t} minutes from the nearest facility of at least one type ({types}).</source>
        <translation>Unités de « {demand} » à plus de {t} minutes de l'équipement le plus proche d'au moins un type ({types}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="445"/>
        <source>All demand units</source>
        <translation>Toutes les unités de demande</translation>
    </message>
</context>
<context>
    <name>SuggestLocations</name>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="61"/>
        <source>Suggest locations for new facilities</source>
        <translation>Proposer des emplacements pour de nouveaux équipements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="64"/>
        <source>Where k new facilities of one type would bring the most people within the threshold: the maximal covering location problem (Church &amp; ReVelle 1974) solved by the greedy method.

Units already within T minutes of a facility of the type are covered. Each step picks the candidate site that covers (t ≤ T, home → site) the most population not covered yet; rank = order of choice, pop_gained = population newly covered by the site, pop_cumulative = total gained by the sites up to this one. The problem is NP-hard; the greedy choice is guaranteed to reach at least 1 − 1/e ≈ 63 % of the best possible coverage (Nemhauser, Wolsey &amp; Fisher 1978) and is often optimal or close. It stops early when no candidate covers anyone more.

Candidates: a point layer of possible sites (its attributes are kept), or by default the demand points themselves (their code and name are kept). Defaults: type D265 (general practitioner, BPE 2024), threshold 20 minutes, 3 sites. Travel times: on the road network when one is given, else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h [to be confirmed]).</source>
        <translation>Où k nouveaux équipements d'un type mettraient le plus d'habitants à moins du seuil : le problème de localisation à couverture maximale (Church et ReVelle 1974) résolu par la méthode gloutonne.

Les unités déjà à moins de T minutes d'un équipement du type sont couvertes. Chaque étape retient le site candidat qui couvre (t ≤ T, domicile → site) le plus de population encore non couverte ; rank = ordre de choix, pop_gained = population nouvellement couverte par le site, pop_cumulative = total gagné par les sites jusqu'à celui-ci. Le problème est NP-difficile ; le choix glouton atteint à coup sûr au moins 1 − 1/e ≈ 63 % de la meilleure couverture possible (Nemhauser, Wolsey et Fisher 1978) et il est souvent optimal ou proche de l'optimum. Il s'arrête plus tôt quand aucun candidat ne couvre plus personne.

Candidats : une couche de points de sites possibles (ses attributs sont conservés) ou, par défaut, les points de demande eux-mêmes (leur code et leur nom sont conservés). Valeurs par défaut : type D265 (médecin généraliste, BPE 2024), seuil de 20 minutes, 3 sites. Temps de parcours : sur le réseau routier s'il est fourni, sinon distance à vol d'oiseau × coefficient de détour à vitesse constante (par défaut 1,3 et 50 km/h [à confirmer]).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="86"/>
        <source>Facility type</source>
        <translation>Type d'équipement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="86"/>
        <source>One code (BPE 2024: D265 general practitioner, D307 pharmacy…).</source>
        <translation>Un seul code (BPE 2024 : D265 médecin généraliste, D307 pharmacie…).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="92"/>
        <source>Threshold (minutes)</source>
        <translation>Seuil (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="92"/>
        <source>A site covers the units at most this far from it.</source>
        <translation>Un site couvre les unités situées au plus à cette distance-temps.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="104"/>
        <source>Number of sites</source>
        <translation>Nombre de sites</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="104"/>
        <source>How many new facilities to place.</source>
        <translation>Nombre de nouveaux équipements à implanter.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="116"/>
        <source>Candidate sites</source>
        <translation>Sites candidats</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="116"/>
        <source>Possible sites; empty: the demand points themselves.</source>
        <translation>Sites possibles ; vide : les points de demande eux-mêmes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="299"/>
        <source>Suggested sites</source>
        <translation>Sites proposés</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="128"/>
        <source>The chosen sites in order, with rank, pop_gained and pop_cumulative.</source>
        <translation>Les sites retenus, dans l'ordre, avec rank, pop_gained et pop_cumulative.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="141"/>
        <source>Give one facility type, not {n} ({types}).</source>
        <translation>Indiquez un seul type d'équipement, pas {n} ({types}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="150"/>
        <source>Reading facilities…</source>
        <translation>Lecture des équipements…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="175"/>
        <source>The candidate layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche de candidats « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="180"/>
        <source>Finding who is covered already…</source>
        <translation>Recherche de la population déjà couverte…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="203"/>
        <source>Choosing the sites…</source>
        <translation>Choix des sites…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="268"/>
        <source>Site {rank}: {name} covers {gained} more inhabitants ({total} in all).</source>
        <translation>Site {rank} : {name} couvre {gained} habitants de plus ({total} au total).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="280"/>
        <source>Before: {uncovered} of {total} inhabitants live more than {t} minutes from a facility of type {type}; the {n} sites bring {gained} of them ({share} %) within reach.</source>
        <translation>Avant : {uncovered} habitants sur {total} vivent à plus de {t} minutes d'un équipement de type {type} ; les {n} sites en mettent {gained} ({share} %) à portée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="299"/>
        <source>{n} sites for new facilities of type {type} covering the most inhabitants of &apos;{demand}&apos; now more than {t} minutes away (greedy maximal covering).</source>
        <translation>{n} sites de nouveaux équipements de type {type} couvrant le plus d'habitants de « {demand} » aujourd'hui à plus de {t} minutes (couverture maximale gloutonne).</translation>
    </message>
</context>
<context>
    <name>TerritoryProfile</name>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="361"/>
        <source>Territorial profile</source>
        <translation>Profil territorial</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="63"/>
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
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="83"/>
        <source>Territories (polygons)</source>
        <translation>Territoires (polygones)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="83"/>
        <source>Polygons of the territories to profile, in a projected CRS.</source>
        <translation>Polygones des territoires à analyser, dans un SCR projeté.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="103"/>
        <source>Population field</source>
        <translation>Champ de population</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="103"/>
        <source>Number of inhabitants (e.g. INSEE legal population).</source>
        <translation>Nombre d'habitants (par ex. population légale INSEE).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="109"/>
        <source>Population aged 0-19 field</source>
        <translation>Champ des 0-19 ans</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="109"/>
        <source>Inhabitants aged under 20 (INSEE RP).</source>
        <translation>Habitants de moins de 20 ans (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="115"/>
        <source>Population aged 20-64 field</source>
        <translation>Champ des 20-64 ans</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="115"/>
        <source>Inhabitants aged 20 to 64 (INSEE RP).</source>
        <translation>Habitants de 20 à 64 ans (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="121"/>
        <source>Population aged 65+ field</source>
        <translation>Champ des 65 ans et plus</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="121"/>
        <source>Inhabitants aged 65 and over (INSEE RP).</source>
        <translation>Habitants de 65 ans et plus (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="127"/>
        <source>Dwellings field</source>
        <translation>Champ des logements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="127"/>
        <source>Number of dwellings (INSEE RP).</source>
        <translation>Nombre de logements (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="133"/>
        <source>Vacant dwellings field</source>
        <translation>Champ des logements vacants</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="133"/>
        <source>Number of vacant dwellings (INSEE RP).</source>
        <translation>Nombre de logements vacants (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="139"/>
        <source>Name field</source>
        <translation>Champ du nom</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="139"/>
        <source>Names used in messages and kept in the output.</source>
        <translation>Noms utilisés dans les messages et conservés dans la sortie.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="146"/>
        <source>Aggregate by code field (e.g. EPCI SIREN)</source>
        <translation>Agréger selon un champ de code (par ex. SIREN de l'EPCI)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="146"/>
        <source>Aggregate the territories sharing this code; their polygons are dissolved. Leave empty to keep one row per territory.</source>
        <translation>Regroupe les territoires qui partagent ce code ; leurs polygones sont fusionnés. Laisser vide pour garder une ligne par territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="156"/>
        <source>Name of the aggregate field</source>
        <translation>Champ du nom du regroupement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="156"/>
        <source>Field giving the aggregate&apos;s name (e.g. nom_epci).</source>
        <translation>Champ donnant le nom du regroupement (par ex. nom_epci).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="163"/>
        <source>Or aggregate into a zoning layer</source>
        <translation>Ou agréger selon une couche de zonage</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="163"/>
        <source>A coarser zoning (EPCI, bassins de vie, project areas). Its attributes are kept.</source>
        <translation>Un zonage plus large (EPCI, bassins de vie, périmètres de projet). Ses attributs sont conservés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="177"/>
        <source>Assignment to zones</source>
        <translation>Affectation aux zones</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="177"/>
        <source>Zone containing the interior point</source>
        <translation>Zone contenant le point intérieur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="177"/>
        <source>Zone of largest overlap</source>
        <translation>Zone de plus grand recouvrement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="177"/>
        <source>Split by area share</source>
        <translation>Répartition au prorata de la surface</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="177"/>
        <source>How territories are assigned to the zoning layer&apos;s zones.</source>
        <translation>Mode d'affectation des territoires aux zones de la couche de zonage.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="214"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="215"/>
        <source>The {what} fields must all be given; not found: {fields}.</source>
        <translation>Les champs {what} doivent tous être renseignés ; introuvables : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="220"/>
        <source>No {what} fields: those indicators are skipped.</source>
        <translation>Aucun champ {what} : ces indicateurs sont ignorés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="234"/>
        <source>age group</source>
        <translation>de tranche d'âge</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="242"/>
        <source>housing</source>
        <translation>de logement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="257"/>
        <source>Choose either a code field or a zoning layer to aggregate, not both.</source>
        <translation>Pour agréger, choisissez un champ de code ou une couche de zonage, pas les deux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="266"/>
        <source>Reading territories…</source>
        <translation>Lecture des territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="280"/>
        <source>Layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="286"/>
        <source>Computing indicators…</source>
        <translation>Calcul des indicateurs…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="288"/>
        <source>Aggregation</source>
        <translation>L'agrégation</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="337"/>
        <source>Writing output…</source>
        <translation>Écriture de la sortie…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="361"/>
        <source>Population, density, age structure and housing vacancy per territory, computed by ReTerr from &apos;{layer}&apos;.</source>
        <translation>Population, densité, structure par âge et vacance des logements par territoire, calculées par ReTerr à partir de « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="370"/>
        <source>{n} territories profiled.</source>
        <translation>{n} territoires analysés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="405"/>
        <source>The zoning layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche de zonage « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="414"/>
        <source>Zones reprojected from {a} to {b}.</source>
        <translation>Zones reprojetées de {a} vers {b}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="428"/>
        <source>{n} territories lie outside every zone and are left out: {features}.</source>
        <translation>{n} territoires ne sont dans aucune zone et sont laissés de côté : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="437"/>
        <source>{n} territories fall in several overlapping zones; the first zone was used: {features}.</source>
        <translation>{n} territoires tombent dans plusieurs zones qui se chevauchent ; la première zone a été retenue : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="192"/>
        <source>Polygons with the counts and indicators; a GeoPackage keeps the style and the provenance table.</source>
        <translation>Polygones avec les effectifs et les indicateurs ; un GeoPackage conserve le style et la table de traçabilité.</translation>
    </message>
</context>
</TS>
