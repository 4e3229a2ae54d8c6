<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>BpeTypes</name>
    <message>
        <location filename="../reterr_qgis/gui/bpe_types.py" line="115"/>
        <source>Facility types</source>
        <translation>Types d'équipements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/bpe_types.py" line="118"/>
        <source>Search a type or a code…</source>
        <translation>Rechercher un type ou un code…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/bpe_types.py" line="146"/>
        <source>BPE code until {year}</source>
        <translation>code BPE jusqu'en {year}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/bpe_types.py" line="206"/>
        <source>{n} selected</source>
        <translation>{n} sélectionné(s)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/bpe_types.py" line="218"/>
        <source>Codes separated by ';', or choose with …</source>
        <translation>Codes séparés par « ; », ou choisir avec …</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/bpe_types.py" line="223"/>
        <source>Choose the facility types from the list</source>
        <translation>Choisir les types d'équipements dans la liste</translation>
    </message>
</context>
<context>
    <name>BuildNetwork</name>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="34"/>
        <source>Services and access</source>
        <translation>Services et accessibilité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="37"/>
        <source>Build road network</source>
        <translation>Construire le réseau routier</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="57"/>
        <source>Network nodes</source>
        <translation>Nœuds du réseau</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="57"/>
        <source>Points with their component, degree and a dangling flag.</source>
        <translation>Points avec leur composante, leur degré et un indicateur d'extrémité pendante.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="69"/>
        <source>Nodes</source>
        <translation>Nœuds</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="69"/>
        <source>Road segments</source>
        <translation>Tronçons</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="69"/>
        <source>Connected components</source>
        <translation>Composantes connexes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="69"/>
        <source>Nodes in the largest component</source>
        <translation>Nœuds de la plus grande composante</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="69"/>
        <source>Dangling ends</source>
        <translation>Extrémités pendantes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="69"/>
        <source>Length (km)</source>
        <translation>Longueur (km)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="82"/>
        <source>{nodes} nodes, {edges} road segments, {km:.1f} km; {comp} connected components (largest: {largest} nodes); {dangling} dangling ends.</source>
        <translation>{nodes} nœuds, {edges} tronçons, {km:.1f} km ; {comp} composantes connexes (la plus grande : {largest} nœuds) ; {dangling} extrémités pendantes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="96"/>
        <source>Places on the smaller components cannot reach the rest: check the nodes layer (component field) for missing junctions.</source>
        <translation>Les lieux situés sur les petites composantes ne peuvent pas atteindre le reste : cherchez les carrefours manquants dans la couche des nœuds (champ component).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="40"/>
        <source>Turns a road line layer into the routing graph used by the ReTerr access algorithms, and reports what it found: nodes (junctions and dead ends), road segments, connected components and dangling ends (often lines that miss a junction).

Travel time of a segment = length / speed, in minutes. Speeds come from a speed field (km/h) or from a table by road class (OSM highway, BD TOPO nature or importance; car defaults set by ReTerr a little below the legal limits, documented in the plugin; give a speed field to use your own). One-way streets follow the OSM &apos;oneway&apos; or BD TOPO &apos;sens_de_circulation&apos; values. Lines meet only at shared vertices (within the tolerance): a bridge does not connect to the road below.

The graph is cached in the QGIS profile and reused by every algorithm given the same layer and parameters, until the layer file changes. The optional nodes layer shows each node&apos;s component and degree, to find the gaps.</source>
        <translation>Transforme une couche de lignes routières en graphe d'itinéraires utilisé par les algorithmes d'accessibilité de ReTerr, et rend compte de ce qu'il contient : nœuds (carrefours et impasses), tronçons, composantes connexes et extrémités pendantes (souvent des lignes qui n'atteignent pas un carrefour).

Temps de parcours d'un tronçon = longueur / vitesse, en minutes. Les vitesses viennent d'un champ de vitesse (km/h) ou d'une table par classe de route (highway d'OSM, nature ou importance de la BD TOPO ; vitesses par défaut en voiture fixées par ReTerr un peu en dessous des limites légales, documentées dans l'extension ; donnez un champ de vitesse pour utiliser les vôtres). Les sens uniques suivent les valeurs « oneway » d'OSM ou « sens_de_circulation » de la BD TOPO. Les lignes ne se rejoignent qu'aux sommets communs (à la tolérance près) : un pont n'est pas relié à la route qui passe dessous.

Le graphe est gardé en cache dans le profil QGIS et réutilisé par tout algorithme qui reçoit la même couche et les mêmes paramètres, tant que le fichier de la couche ne change pas. La couche facultative des nœuds indique la composante et le degré de chaque nœud, pour repérer les discontinuités.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="139"/>
        <source>Road network nodes</source>
        <translation>Nœuds du réseau routier</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/network/build_network.py" line="139"/>
        <source>Junctions and line ends of the road network: connected component, degree (lines meeting there), dangling end (degree 1).</source>
        <translation>Carrefours et extrémités de lignes du réseau routier : composante connexe, degré (lignes qui s'y rejoignent), impasse ou extrémité libre (degré 1).</translation>
    </message>
</context>
<context>
    <name>Complementarity</name>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="113"/>
        <source>Complementarity between neighbouring territories</source>
        <translation>Complémentarité entre territoires voisins</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="116"/>
        <source>Which neighbours have what a territory lacks, and lack what it has? For each pair of neighbouring territories, how well one's surpluses match the other's deficits (the complementarity index) and how much could be exchanged at most (the matchable volume), family by family: a 'solidarity links' layer and each territory's best partners.

Input: territories with a signed balance per family (surplus &gt; 0, deficit &lt; 0), in one unit: by default the crop-group balances of 'Food adequacy' (sol_cer, sol_olp, sol_fou, sol_flg, sol_aut: farmland − need, hectares), or any fields (e.g. jobs above or below the reference share per sector). Neighbours: territories sharing a border (or a corner; a gap narrower than the tolerance, 1 m by default, counts as shared), or whose interior points lie within a distance (default 40 km, the short-chain radius of 'Local sourcing flows').

Method (METHODS §3.2; Michaely's and the World Bank's trade complementarity index on surplus and deficit structures; Ullman's complementarity). With S_ak = max(balance, 0), D_bk = max(−balance, 0), s_a the shares of a's surpluses over the families and d_b those of b's deficits: ic_ab = 100 × (1 − ½ Σ_k |s_ak − d_bk|) (100 = a's surpluses have exactly the structure of b's deficits, 0 = no family in common; NULL when a has no surplus or b no deficit); vol_ab = Σ_k min(S_ak, D_bk), what a could at most supply to b; ic_ba and vol_ba the other way; vol = vol_ab + vol_ba; ic_sym = (vol_ab ic_ab + vol_ba ic_ba) / vol (both directions weighted by their volumes); fam_ab, fam_ba the family of the largest matchable volume of each direction; dist_km between the interior points. Read the index with the volume: 100 % between tiny volumes means little. Pairs with no matchable volume are dropped by default (counted in the log).

Optional: dissim = bilateral Krugman dissimilarity Σ_k |p_ak − p_bk| (0 … 2) of two structures given in other fields (e.g. farmland per crop group, jobs per sector): how different two territories are, which is not complementarity (dissimilar territories need not have anything to exchange).

Territories output: code_ic, nom_ic, ic_max (best partner by index, ties by volume), code_vol, nom_vol, vol_max (best partner by matchable volume, ties by index), n_parten (neighbours with a matchable volume &gt; 0), vol_tot (matchable volume with all of them, both directions).</source>
        <translation>Quels voisins ont ce qui manque à un territoire, et manquent de ce qu'il a ? Pour chaque paire de territoires voisins, dans quelle mesure les excédents de l'un correspondent aux déficits de l'autre (l'indice de complémentarité) et combien pourrait au plus être échangé (le volume échangeable), famille par famille : une couche « liens de solidarité » et les meilleurs partenaires de chaque territoire.

Entrée : des territoires portant un solde signé par famille (excédent &gt; 0, déficit &lt; 0), dans une même unité : par défaut les soldes par groupe de cultures de « Adéquation alimentaire » (sol_cer, sol_olp, sol_fou, sol_flg, sol_aut : surfaces agricoles − besoins, en hectares), ou n'importe quels champs (par ex. les emplois au-dessus ou au-dessous de la part de référence, par secteur). Voisins : les territoires partageant une frontière (ou un coin ; un écart plus étroit que la tolérance, 1 m par défaut, compte comme partagé), ou dont les points intérieurs sont à moins d'une distance donnée (40 km par défaut, le rayon des circuits courts de « Flux d'approvisionnement local »).

Méthode (METHODS §3.2 ; indice de complémentarité commerciale de Michaely et de la Banque mondiale, appliqué aux structures d'excédents et de déficits ; complémentarité d'Ullman). Avec S_ak = max(solde, 0), D_bk = max(−solde, 0), s_a les parts des excédents de a entre les familles et d_b celles des déficits de b : ic_ab = 100 × (1 − ½ Σ_k |s_ak − d_bk|) (100 = les excédents de a ont exactement la structure des déficits de b, 0 = aucune famille en commun ; NULL quand a n'a aucun excédent ou b aucun déficit) ; vol_ab = Σ_k min(S_ak, D_bk), ce que a pourrait au plus fournir à b ; ic_ba et vol_ba dans l'autre sens ; vol = vol_ab + vol_ba ; ic_sym = (vol_ab ic_ab + vol_ba ic_ba) / vol (les deux sens pondérés par leurs volumes) ; fam_ab, fam_ba la famille du plus grand volume échangeable dans chaque sens ; dist_km la distance entre les points intérieurs. Lisez l'indice avec le volume : 100 % entre de très petits volumes ne signifie pas grand-chose. Les paires sans volume échangeable sont écartées par défaut (comptées dans le journal).

Optionnel : dissim = dissimilarité bilatérale de Krugman Σ_k |p_ak − p_bk| (0 … 2) de deux structures données dans d'autres champs (par ex. surfaces agricoles par groupe de cultures, emplois par secteur) : à quel point deux territoires diffèrent, ce qui n'est pas la complémentarité (des territoires dissemblables n'ont pas forcément quelque chose à échanger).

Sortie des territoires : code_ic, nom_ic, ic_max (meilleur partenaire selon l'indice, départagé par le volume), code_vol, nom_vol, vol_max (meilleur partenaire selon le volume échangeable, départagé par l'indice), n_parten (voisins avec un volume échangeable &gt; 0), vol_tot (volume échangeable avec l'ensemble d'entre eux, dans les deux sens).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="153"/>
        <source>Territories with a balance per family</source>
        <translation>Territoires avec un solde par famille</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="153"/>
        <source>E.g. the output of &apos;Food adequacy&apos;, in a projected CRS in metres (Lambert-93 in metropolitan France).</source>
        <translation>Par ex. la sortie de « Adéquation alimentaire », dans un SCR projeté en mètres (Lambert-93 en France métropolitaine).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="166"/>
        <source>Balance fields (one per family)</source>
        <translation>Champs de solde (un par famille)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="166"/>
        <source>Surplus (&gt; 0) or deficit (&lt; 0) of each territory, one field per family, all in one unit. Empty: the balance fields of &apos;Food adequacy&apos; (sol_cer, sol_olp, sol_fou, sol_flg, sol_aut).</source>
        <translation>Excédent (&gt; 0) ou déficit (&lt; 0) de chaque territoire, un champ par famille, tous dans la même unité. Vide : les champs de solde de « Adéquation alimentaire » (sol_cer, sol_olp, sol_fou, sol_flg, sol_aut).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="184"/>
        <source>Territory code field</source>
        <translation>Champ du code des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="184"/>
        <source>Code of each territory, written on the links and in the outputs.</source>
        <translation>Code de chaque territoire, écrit sur les liens et dans les sorties.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="184"/>
        <source>Territory name field</source>
        <translation>Champ du nom des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="184"/>
        <source>Name of each territory, written on the links and used in messages.</source>
        <translation>Nom de chaque territoire, écrit sur les liens et utilisé dans les messages.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="206"/>
        <source>Neighbours</source>
        <translation>Voisins</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="206"/>
        <source>Sharing a border</source>
        <translation>Partageant une frontière</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="206"/>
        <source>Within a distance (between interior points)</source>
        <translation>À moins d'une distance (entre points intérieurs)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="206"/>
        <source>Which pairs are compared: territories sharing a border (or a corner), or whose interior points lie within the distance below.</source>
        <translation>Quelles paires sont comparées : les territoires partageant une frontière (ou un coin), ou dont les points intérieurs sont à moins de la distance ci-dessous.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="223"/>
        <source>Distance (km, straight line)</source>
        <translation>Distance (km, à vol d'oiseau)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="223"/>
        <source>With &apos;Within a distance&apos;: the largest straight-line distance between two territories&apos; interior points (default 40 km, the short-chain radius of &apos;Local sourcing flows&apos;).</source>
        <translation>Avec « À moins d'une distance » : la plus grande distance à vol d'oiseau entre les points intérieurs de deux territoires (40 km par défaut, le rayon des circuits courts de « Flux d'approvisionnement local »).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="242"/>
        <source>Border tolerance (m)</source>
        <translation>Tolérance de frontière (m)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="242"/>
        <source>With &apos;Sharing a border&apos;: two territories closer than this still share a border (slivers and gaps of digitising).</source>
        <translation>Avec « Partageant une frontière » : deux territoires plus proches que cette valeur partagent tout de même une frontière (interstices et écarts de numérisation).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="262"/>
        <source>Keep the pairs without matchable volume</source>
        <translation>Garder les paires sans volume échangeable</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="262"/>
        <source>Write a link also between neighbours that have nothing to exchange (vol = 0); by default they are left out and counted in the log.</source>
        <translation>Écrire un lien aussi entre les voisins qui n'ont rien à échanger (vol = 0) ; par défaut, ils sont écartés et comptés dans le journal.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="275"/>
        <source>Structure fields for the dissimilarity (optional)</source>
        <translation>Champs de structure pour la dissimilarité (optionnel)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="275"/>
        <source>Counts ≥ 0 describing each territory's structure (e.g. farmland per crop group sau_cer…, jobs per sector): adds dissim, the bilateral Krugman dissimilarity of the two structures (not a complementarity).</source>
        <translation>Valeurs ≥ 0 décrivant la structure de chaque territoire (par ex. surfaces agricoles par groupe de cultures sau_cer…, emplois par secteur) : ajoute dissim, la dissimilarité bilatérale de Krugman des deux structures (ce n'est pas une complémentarité).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="589"/>
        <source>Solidarity links</source>
        <translation>Liens de solidarité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="293"/>
        <source>One line per pair of neighbours, between their interior points: indices (%), matchable volumes, main families, distance.</source>
        <translation>Une ligne par paire de voisins, entre leurs points intérieurs : indices (%), volumes échangeables, familles principales, distance.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="645"/>
        <source>Best partners by territory</source>
        <translation>Meilleurs partenaires par territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="304"/>
        <source>The territories with their best partner by index and by volume, and their number of partners.</source>
        <translation>Les territoires avec leur meilleur partenaire selon l'indice et selon le volume, et leur nombre de partenaires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="328"/>
        <source>The distance must be a positive number of kilometres.</source>
        <translation>La distance doit être un nombre positif de kilomètres.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="344"/>
        <source>Finding the neighbours…</source>
        <translation>Recherche des voisins…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="346"/>
        <source>Finding the territories sharing a border</source>
        <translation>Recherche des territoires partageant une frontière</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="356"/>
        <source>{m} pairs of neighbours among {n} territories.</source>
        <translation>{m} paires de voisins parmi {n} territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="360"/>
        <source>{n} territories have no neighbour: {features}.</source>
        <translation>{n} territoires n'ont aucun voisin : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="368"/>
        <source>Computing the complementarity of each pair…</source>
        <translation>Calcul de la complémentarité de chaque paire…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="392"/>
        <source>{n} pairs of neighbours have no matchable volume (neither has a surplus of a family the other lacks): no link is drawn between them.</source>
        <translation>{n} paires de voisins n'ont aucun volume échangeable (aucun des deux n'a d'excédent dans une famille où l'autre est en déficit) : aucun lien n'est tracé entre eux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="410"/>
        <source>{m} solidarity links; the largest matchable volume: {a} – {b}, {vol} (index {ic} %).</source>
        <translation>{m} liens de solidarité ; le plus grand volume échangeable : {a} – {b}, {vol} (indice {ic} %).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="436"/>
        <source>Choose the balance fields of layer &apos;{layer}&apos; (one per family, surplus &gt; 0, deficit &lt; 0): it has none of the fields of &apos;Food adequacy&apos; (sol_cer, sol_olp, sol_fou, sol_flg, sol_aut). Its fields: {fields}.</source>
        <translation>Choisissez les champs de solde de la couche « {layer} » (un par famille, excédent &gt; 0, déficit &lt; 0) : elle n'a aucun des champs de « Adéquation alimentaire » (sol_cer, sol_olp, sol_fou, sol_flg, sol_aut). Ses champs : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="443"/>
        <source>Balance fields used: {fields}.</source>
        <translation>Champs de solde utilisés : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="448"/>
        <source>Fields not found in layer &apos;{layer}&apos;: {missing} (its fields: {fields}).</source>
        <translation>Champs introuvables dans la couche « {layer} » : {missing} (ses champs : {fields}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="464"/>
        <source>Territory {feature} of &apos;{layer}&apos;: a value of {fields} is not a number.</source>
        <translation>Territoire {feature} de « {layer} » : une valeur de {fields} n'est pas un nombre.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="476"/>
        <source>{n} territories of &apos;{layer}&apos; have no value in {fields}: {features}. Give them a value (0 when balanced) or remove them.</source>
        <translation>{n} territoires de « {layer} » n'ont pas de valeur dans {fields} : {features}. Donnez-leur une valeur (0 s'ils sont à l'équilibre) ou retirez-les.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="507"/>
        <source>Fields not found in layer &apos;{layer}&apos;: {missing}.</source>
        <translation>Champs introuvables dans la couche « {layer} » : {missing}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="582"/>
        <source>sharing a border</source>
        <translation>partageant une frontière</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="582"/>
        <source>within {d} km</source>
        <translation>à moins de {d} km</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="589"/>
        <source>Pairs of territories of &apos;{layer}&apos; {neighbours}: trade complementarity index of one&apos;s surpluses against the other&apos;s deficits (%, both directions and volume-weighted) and matchable volume, over the families {families}.</source>
        <translation>Paires de territoires de « {layer} » {neighbours} : indice de complémentarité commerciale des excédents de l'un face aux déficits de l'autre (%, dans les deux sens et pondéré par les volumes) et volume échangeable, sur les familles {families}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/complementarity.py" line="645"/>
        <source>Per territory of &apos;{layer}&apos;: its most complementary neighbour (index, %) and the one with the largest matchable volume, over the families {families}.</source>
        <translation>Pour chaque territoire de « {layer} » : son voisin le plus complémentaire (indice, %) et celui qui offre le plus grand volume échangeable, sur les familles {families}.</translation>
    </message>
</context>
<context>
    <name>ComplementarityAlgorithm</name>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/base.py" line="16"/>
        <source>Complementarity</source>
        <translation>Complémentarité</translation>
    </message>
</context>
<context>
    <name>EndogenousEconomy</name>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="95"/>
        <source>Endogenous economy (local head offices, ESS, size, diversity)</source>
        <translation>Économie endogène (sièges locaux, ESS, taille, diversité)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="98"/>
        <source>How much of each territory's employment is run from within, from the SIRENE establishments (e.g. the output of 'Import SIRENE establishments'): each establishment counts in the territory containing it, with its jobs (from its size class).

Local head offices (siège de l'unité légale): siege_terr, siege_dep or siege_reg = 100 × jobs of the establishments whose legal unit's head office (siège de l'unité légale) lies in the same territory, the same département or the same region (the scope parameter) / jobs whose head-office commune is known (%). siege_unk: % of the jobs whose head-office commune is unknown. Same territory: the head-office commune's territory (the territory whose code is that commune, or that holds its establishments). Same département: the first 2 characters of the commune codes (3 for the overseas départements, 97x). Same region: the region field of the territories when given (the regions of the départements of the territories; a head office elsewhere is in another region, unless the field holds official region codes), else the official regions (COG, since 2016).

Caveat: the legal unit's siège is not the group's decision centre. A subsidiary registered locally counts as local even when its group is run from elsewhere: SIRENE understates the external control of subsidiaries. INSEE's LIFI survey measures group control (e.g. 44 % of private jobs in Provence-Alpes-Côte d'Azur controlled from outside the region).

ESS: ess_pct = 100 × jobs of legal units of the social and solidarity economy (flag O) / all jobs; ess_unk: % of jobs without the flag (StockUniteLegale not joined).

Size structure (% of jobs): micro_pct (legal units of fewer than 10 employees), pme_pct (other SMEs), eti_pct (mid-sized), ge_pct (large enterprises), size_unk, from the company category (categorieEntreprise) and the size class. The size class is that of the establishment: exact for single-establishment units, an approximation for the others.

Sector diversity: shannon = −Σ p_s ln p_s over the sectors s of the jobs (NAF rév. 2 at the chosen level, division by default), shannon_n = shannon / ln N with N the number of positions of that level in the NAF (88 divisions, 272 groups, 615 classes, 732 sous-classes): 0 = one sector, 1 = jobs spread evenly over every sector of the nomenclature; n_sectors = sectors present. Also jobs and n_estab.</source>
        <translation>Dans quelle mesure l'emploi de chaque territoire est dirigé depuis le territoire lui-même, d'après les établissements SIRENE (par ex. la sortie de « Importer les établissements SIRENE ») : chaque établissement compte dans le territoire qui le contient, avec ses emplois (tirés de sa tranche d'effectifs).

Sièges locaux (siège de l'unité légale) : siege_terr, siege_dep ou siege_reg = 100 × emplois des établissements dont le siège de l'unité légale se trouve dans le même territoire, le même département ou la même région (selon le paramètre d'échelle) / emplois dont la commune du siège est connue (%). siege_unk : % des emplois dont la commune du siège est inconnue. Même territoire : le territoire de la commune du siège (le territoire dont le code est celui de cette commune, ou qui contient ses établissements). Même département : les 2 premiers caractères des codes commune (3 pour les départements d'outre-mer, 97x). Même région : le champ de région des territoires s'il est renseigné (il donne la région des départements des territoires ; un siège situé ailleurs compte dans une autre région, sauf si le champ contient des codes de région officiels), sinon les régions officielles (COG, depuis 2016).

Mise en garde : le siège de l'unité légale n'est pas le centre de décision du groupe. Une filiale immatriculée localement compte comme locale même si son groupe est dirigé d'ailleurs : SIRENE sous-estime le contrôle extérieur des filiales. L'enquête LIFI de l'INSEE mesure le contrôle par les groupes (par ex. 44 % des emplois privés de Provence-Alpes-Côte d'Azur contrôlés depuis l'extérieur de la région).

ESS : ess_pct = 100 × emplois des unités légales de l'économie sociale et solidaire (indicateur O) / ensemble des emplois ; ess_unk : % des emplois sans indicateur (StockUniteLegale non joint).

Structure par taille (% des emplois) : micro_pct (unités légales de moins de 10 salariés), pme_pct (autres PME), eti_pct (entreprises de taille intermédiaire), ge_pct (grandes entreprises), size_unk (taille inconnue), d'après la catégorie d'entreprise (categorieEntreprise) et la tranche d'effectifs. La tranche d'effectifs est celle de l'établissement : exacte pour les unités à un seul établissement, approchée pour les autres.

Diversité sectorielle : shannon = −Σ p_s ln p_s sur les secteurs s des emplois (NAF rév. 2 au niveau choisi, la division par défaut), shannon_n = shannon / ln N, N étant le nombre de postes de ce niveau dans la NAF (88 divisions, 272 groupes, 615 classes, 732 sous-classes) : 0 = un seul secteur, 1 = emplois répartis également entre tous les secteurs de la nomenclature ; n_sectors = nombre de secteurs présents. Également : jobs (emplois) et n_estab (établissements).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="137"/>
        <source>Region field of the territories</source>
        <translation>Champ de région des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="137"/>
        <source>Region of each territory, for the 'same region' scope; empty: the official regions of the départements.</source>
        <translation>Région de chaque territoire, pour l'échelle « même région » ; vide : les régions officielles des départements.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>Jobs field</source>
        <translation>Champ des emplois</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>Jobs of each establishment (from the SIRENE size class).</source>
        <translation>Emplois de chaque établissement (d'après la tranche d'effectifs SIRENE).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>Establishment commune field</source>
        <translation>Champ de la commune de l'établissement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>Commune code of each establishment (codeCommuneEtablissement).</source>
        <translation>Code commune de chaque établissement (codeCommuneEtablissement).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>Head-office commune field (siège de l'unité légale)</source>
        <translation>Champ de la commune du siège (siège de l'unité légale)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>Commune code of the head office of the establishment&apos;s legal unit; empty values: unknown.</source>
        <translation>Code commune du siège de l'unité légale de l'établissement ; valeurs vides : inconnu.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>ESS flag field</source>
        <translation>Champ de l'indicateur ESS</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>economieSocialeSolidaireUniteLegale: O (yes), N (no), empty (unknown).</source>
        <translation>economieSocialeSolidaireUniteLegale : O (oui), N (non), vide (inconnu).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>Company category field</source>
        <translation>Champ de la catégorie d'entreprise</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>categorieEntreprise: PME, ETI, GE (empty: unknown).</source>
        <translation>categorieEntreprise : PME, ETI, GE (vide : inconnue).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>Size class field</source>
        <translation>Champ de la tranche d'effectifs</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>SIRENE size class (trancheEffectifs…: NN, 00, 01 … 53): the legal unit's when you have it, else the establishment's.</source>
        <translation>Tranche d'effectifs SIRENE (trancheEffectifs… : NN, 00, 01 … 53) : celle de l'unité légale si vous l'avez, sinon celle de l'établissement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>NAF code field</source>
        <translation>Champ du code NAF</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="149"/>
        <source>NAF rév. 2 sous-classe of each establishment ('10.71C' or '1071C').</source>
        <translation>Sous-classe NAF rév. 2 de chaque établissement (« 10.71C » ou « 1071C »).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="209"/>
        <source>Local means the head office is in the same</source>
        <translation>Le siège est local s'il est situé dans</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="209"/>
        <source>territory</source>
        <translation>le même territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="209"/>
        <source>département</source>
        <translation>le même département</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="209"/>
        <source>region</source>
        <translation>la même région</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="209"/>
        <source>Where the siège de l'unité légale must lie for its jobs to count as locally run.</source>
        <translation>Où doit se trouver le siège de l'unité légale pour que ses emplois comptent comme dirigés localement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="223"/>
        <source>Sector level of the diversity index</source>
        <translation>Niveau sectoriel de l'indice de diversité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="223"/>
        <source>NAF division (2 digits, 88)</source>
        <translation>Division NAF (2 chiffres, 88)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="223"/>
        <source>NAF group (3 digits, 272)</source>
        <translation>Groupe NAF (3 chiffres, 272)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="223"/>
        <source>NAF class (4 digits, 615)</source>
        <translation>Classe NAF (4 chiffres, 615)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="223"/>
        <source>NAF sous-classe (732)</source>
        <translation>Sous-classe NAF (732)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="223"/>
        <source>Sectors over which the Shannon index is computed.</source>
        <translation>Secteurs sur lesquels l'indice de Shannon est calculé.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="381"/>
        <source>Endogenous economy</source>
        <translation>Économie endogène</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="239"/>
        <source>The territories with the indicators (shares in %).</source>
        <translation>Les territoires avec les indicateurs (parts en %).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="271"/>
        <source>the local head-office share is left empty</source>
        <translation>la part des sièges locaux est laissée vide</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="274"/>
        <source>the ESS share is left empty</source>
        <translation>la part de l'ESS est laissée vide</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="275"/>
        <source>mid-sized and large enterprises are not told apart</source>
        <translation>les ETI et les grandes entreprises ne sont pas distinguées</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="279"/>
        <source>the size structure is left empty</source>
        <translation>la structure par taille est laissée vide</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="280"/>
        <source>the sector diversity is left empty</source>
        <translation>la diversité sectorielle est laissée vide</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="309"/>
        <source>{n} establishments have no NAF rév. 2 code: they are left out of the sector diversity.</source>
        <translation>{n} établissements n'ont pas de code NAF rév. 2 : ils sont exclus de la diversité sectorielle.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="315"/>
        <source>Computing the indicators…</source>
        <translation>Calcul des indicateurs…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="331"/>
        <source>{n} territories have no jobs among the establishments: their shares are left empty ({features}).</source>
        <translation>{n} territoires n'ont aucun emploi parmi les établissements : leurs parts sont laissées vides ({features}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="377"/>
        <source>the same territory</source>
        <translation>le même territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="378"/>
        <source>the same département</source>
        <translation>le même département</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="379"/>
        <source>the same region</source>
        <translation>la même région</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="381"/>
        <source>Per territory of '{layer}': share of jobs whose siège de l'unité légale is in {scope} (legal-unit head office, not the group's: it understates external control), ESS share, size structure and sector diversity, from '{est}'.</source>
        <translation>Pour chaque territoire de « {layer} » : part des emplois dont le siège de l'unité légale est situé dans {scope} (siège de l'unité légale, pas celui du groupe : cela sous-estime le contrôle extérieur), part de l'ESS, structure par taille et diversité sectorielle, d'après « {est} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="394"/>
        <source>{share} % of the {jobs} jobs whose head office is known depend on a siège de l'unité légale in {scope}.</source>
        <translation>{share} % des {jobs} emplois dont le siège est connu dépendent d'un siège de l'unité légale situé dans {scope}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/endogenous_economy.py" line="438"/>
        <source>The region of the départements {deps} is not known: head offices there count as outside the region.</source>
        <translation>La région des départements {deps} est inconnue : les sièges qui s'y trouvent comptent comme hors de la région.</translation>
    </message>
</context>
<context>
    <name>ExportAtlas</name>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="63"/>
        <source>Maps</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="66"/>
        <source>Export council atlas (one page per territory)</source>
        <translation>Atlas pour le conseil (une page par territoire)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="74"/>
        <source>Makes one PDF with one page per territory of a layer (each EPCI, or each commune of an EPCI with a filter), for a council or a committee.

Each page shows the map zoomed on the territory, its neighbours in grey; its key figures (population, area, density, the mapped indicators and, for a layer made by the resilience index, its rank with the band holding it in 90 % of the weightings); and its profile: the index dimension scores, then each indicator with its rank and the median of its peers (the territories sharing the value of the peer field, e.g. the same EPCI; all territories without one), coloured green, amber or red for the best, middle and worst third.

The pages are a QGIS atlas: tick &apos;Add the layout to the project&apos; to open it in the layout designer, edit it and export it again (desktop only).

Runs without an open project (qgis_process).</source>
        <translation>Produit un PDF avec une page par territoire d'une couche (chaque EPCI, ou chaque commune d'un EPCI avec un filtre), pour un conseil ou une commission.

Chaque page montre la carte centrée sur le territoire, ses voisins en gris ; ses chiffres clés (population, superficie, densité, les indicateurs cartographiés et, pour une couche produite par l'indice de résilience, son rang avec l'intervalle qui le contient pour 90 % des pondérations) ; et son profil : les scores par dimension de l'indice, puis chaque indicateur avec son rang et la médiane de ses pairs (les territoires qui partagent la valeur du champ des pairs, par ex. le même EPCI ; tous les territoires sans ce champ), en vert, orange ou rouge pour le meilleur tiers, le tiers du milieu et le moins bon tiers.

Les pages forment un atlas QGIS : cochez « Ajouter la mise en page au projet » pour l'ouvrir dans le concepteur de mise en page, la modifier et l'exporter à nouveau (QGIS Desktop uniquement).

Fonctionne sans projet ouvert (qgis_process).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="91"/>
        <source>Territories (one page each)</source>
        <translation>Territoires (une page chacun)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="91"/>
        <source>Polygon layer of the territories, e.g. the EPCI profile or the output of the resilience index.</source>
        <translation>Couche de polygones des territoires, par ex. le profil des EPCI ou la sortie de l'indice de résilience.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="102"/>
        <source>Indicators to map</source>
        <translation>Indicateurs à cartographier</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="102"/>
        <source>The first is mapped, all are listed in the key figures. Empty: the index score when the layer has one, else its first indicator.</source>
        <translation>Le premier est cartographié, tous figurent dans les chiffres clés. Vide : le score de l'indice si la couche en a un, sinon son premier indicateur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="118"/>
        <source>Name of the territories</source>
        <translation>Nom des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="118"/>
        <source>Page title; empty: a usual name field (nom, nom_epci…).</source>
        <translation>Titre de la page ; vide : un champ de nom usuel (nom, nom_epci…).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="129"/>
        <source>Only the territories where</source>
        <translation>Seulement les territoires où</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="129"/>
        <source>An expression choosing the pages, e.g. &quot;nom_epci&quot; = 'CA Rodez Agglomération'. Empty: every territory.</source>
        <translation>Une expression qui choisit les pages, par ex. &quot;nom_epci&quot; = 'CA Rodez Agglomération'. Vide : tous les territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="143"/>
        <source>Peers: the territories sharing</source>
        <translation>Pairs : les territoires partageant</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="143"/>
        <source>Field whose value defines a territory&apos;s peers (e.g. nom_epci): the profile compares it with their median. Empty: the median of all territories.</source>
        <translation>Champ dont la valeur définit les pairs d'un territoire (par ex. nom_epci) : le profil le compare à leur médiane. Vide : la médiane de tous les territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="157"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="157"/>
        <source>Under each territory&apos;s name; empty: the mapped indicator.</source>
        <translation>Sous le nom de chaque territoire ; vide : l'indicateur cartographié.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="165"/>
        <source>Atlas (PDF)</source>
        <translation>Atlas (PDF)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="165"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="165"/>
        <source>One A4 landscape page per territory, with real text.</source>
        <translation>Une page A4 paysage par territoire, avec du vrai texte.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="173"/>
        <source>Add the layout to the project</source>
        <translation>Ajouter la mise en page au projet</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="173"/>
        <source>The atlas layout, to edit in the layout designer (desktop only).</source>
        <translation>La mise en page de l'atlas, à modifier dans le concepteur de mise en page (QGIS Desktop uniquement).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="195"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="220"/>
        <source>The filter expression is not valid: {error}</source>
        <translation>L'expression de filtre n'est pas valide : {error}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="230"/>
        <source>Reading the territories…</source>
        <translation>Lecture des territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="304"/>
        <source>Layer &apos;{layer}&apos; has no territory: no atlas to make.</source>
        <translation>La couche « {layer} » ne contient aucun territoire : pas d'atlas à produire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="243"/>
        <source>Field &apos;{field}&apos; has no value to map (all NULL).</source>
        <translation>Le champ « {field} » n'a aucune valeur à cartographier (tout est NULL).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="282"/>
        <source>No data</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="284"/>
        <source>Peers&apos; median</source>
        <translation>Médiane des pairs</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="284"/>
        <source>Median</source>
        <translation>Médiane</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="304"/>
        <source>No territory of layer &apos;{layer}&apos; passes the filter &apos;{filter}&apos;.</source>
        <translation>Aucun territoire de la couche « {layer} » ne satisfait le filtre « {filter} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="316"/>
        <source>Page {k} of {n}…</source>
        <translation>Page {k} sur {n}…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="319"/>
        <source>Exporting PDF…</source>
        <translation>Export du PDF…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="328"/>
        <source>{n} pages written in {s} s ({p} s per page).</source>
        <translation>{n} pages écrites en {s} s ({p} s par page).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="355"/>
        <source>Layer &apos;{layer}&apos; has no indicator to map: choose the indicator fields.</source>
        <translation>La couche « {layer} » n'a aucun indicateur à cartographier : choisissez les champs indicateurs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="365"/>
        <source>No open project: the layout is only in the PDF.</source>
        <translation>Aucun projet ouvert : la mise en page figure seulement dans le PDF.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_atlas.py" line="378"/>
        <source>Layout &apos;{name}&apos; added to the project.</source>
        <translation>Mise en page « {name} » ajoutée au projet.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="233"/>
        <source>Index score</source>
        <translation>Score de l'indice</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="195"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="197"/>
        <source>Area</source>
        <translation>Superficie</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="203"/>
        <source>Density</source>
        <translation>Densité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="203"/>
        <source>inh./km²</source>
        <translation>hab./km²</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="220"/>
        <source>{rank} of {n}</source>
        <translation>{rank} sur {n}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="223"/>
        <source>(90 % band: {low} – {high})</source>
        <translation>(intervalle à 90 % : {low} – {high})</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="226"/>
        <source>Rank in the index (1 = best)</source>
        <translation>Rang dans l'indice (1 = le mieux placé)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="289"/>
        <source>Atlas tables</source>
        <translation>Tableaux de l'atlas</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="385"/>
        <source>Neighbouring territories</source>
        <translation>Territoires voisins</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="387"/>
        <source>Others</source>
        <translation>Autres territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="394"/>
        <source>This territory</source>
        <translation>Ce territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="486"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="486"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="486"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="502"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="505"/>
        <source>Peers&apos; median: the median of the territories of {value}.</source>
        <translation>Médiane des pairs : la médiane des territoires de {value}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="509"/>
        <source>Median: of all the territories of the layer.</source>
        <translation>Médiane : celle de tous les territoires de la couche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/atlas.py" line="510"/>
        <source>Green: best third; amber: middle third; red: worst third. Rank 1 = best.</source>
        <translation>Vert : tiers le mieux placé ; orange : tiers du milieu ; rouge : tiers le moins bien placé. Rang 1 = le mieux placé.</translation>
    </message>
</context>
<context>
    <name>ExportCouncilMap</name>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="92"/>
        <source>Maps</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="95"/>
        <source>Export council map</source>
        <translation>Carte pour le conseil</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="132"/>
        <source>Layer to map</source>
        <translation>Couche à cartographier</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="132"/>
        <source>Polygon layer holding the indicator (e.g. a territorial profile output).</source>
        <translation>Couche de polygones portant l'indicateur (par ex. une sortie de « Profil territorial »).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="140"/>
        <source>Indicator field</source>
        <translation>Champ de l'indicateur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="153"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="153"/>
        <source>Map title; empty: the indicator&apos;s label.</source>
        <translation>Titre de la carte ; vide : le libellé de l'indicateur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="161"/>
        <source>Territory name</source>
        <translation>Nom du territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="171"/>
        <source>Label field</source>
        <translation>Champ des étiquettes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="171"/>
        <source>Names written on the map for the main towns.</source>
        <translation>Noms inscrits sur la carte pour les principales communes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="183"/>
        <source>Field ranking the towns to label</source>
        <translation>Champ de classement des communes à étiqueter</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="183"/>
        <source>The N features with the largest values are labelled.</source>
        <translation>Les N entités aux valeurs les plus élevées sont étiquetées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="196"/>
        <source>Number of towns to label</source>
        <translation>Nombre de communes à étiqueter</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="196"/>
        <source>0 for no labels.</source>
        <translation>0 pour n'afficher aucune étiquette.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="209"/>
        <source>Number of classes</source>
        <translation>Nombre de classes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="209"/>
        <source>Classes of the choropleth.</source>
        <translation>Classes de la carte choroplèthe.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="222"/>
        <source>Classification</source>
        <translation>Discrétisation</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="222"/>
        <source>Quantiles</source>
        <translation>Quantiles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="222"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Seuils naturels (Jenks)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="222"/>
        <source>Equal intervals</source>
        <translation>Intervalles égaux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="222"/>
        <source>Pretty breaks</source>
        <translation>Seuils arrondis</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="222"/>
        <source>How class breaks are chosen.</source>
        <translation>Méthode de calcul des seuils de classes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="238"/>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="238"/>
        <source>Automatic (from the indicator&apos;s polarity)</source>
        <translation>Automatique (selon la polarité de l'indicateur)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="238"/>
        <source>Sequential ColorBrewer palette.</source>
        <translation>Palette séquentielle ColorBrewer.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="260"/>
        <source>Boundaries to overlay (e.g. EPCI)</source>
        <translation>Limites à superposer (par ex. EPCI)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="260"/>
        <source>Drawn as dark outlines above the choropleth.</source>
        <translation>Tracées en contours sombres au-dessus de la carte choroplèthe.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="271"/>
        <source>Legend label of the boundaries</source>
        <translation>Libellé des limites dans la légende</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="326"/>
        <source>Empty: the layer name.</source>
        <translation>Vide : le nom de la couche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="337"/>
        <source>Sources and attribution</source>
        <translation>Sources et mentions</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="337"/>
        <source>Printed at the bottom of the page.</source>
        <translation>Imprimées en bas de page.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="382"/>
        <source>Layout template (.qpt)</source>
        <translation>Modèle de mise en page (.qpt)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="382"/>
        <source>Empty: the ReTerr A4 landscape template.</source>
        <translation>Vide : le modèle ReTerr A4 paysage.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="390"/>
        <source>Resolution (dpi)</source>
        <translation>Résolution (dpi)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="390"/>
        <source>Resolution of rasterised parts and of the PNG.</source>
        <translation>Résolution des parties rastérisées et du PNG.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="403"/>
        <source>Map (PDF)</source>
        <translation>Carte (PDF)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="403"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="411"/>
        <source>Map (PNG)</source>
        <translation>Carte (PNG)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="411"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="432"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="453"/>
        <source>Field &apos;{field}&apos; has no value to map (all NULL).</source>
        <translation>Le champ « {field} » n'a aucune valeur à cartographier (tout est NULL).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="510"/>
        <source>No data</source>
        <translation>Sans donnée</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="399"/>
        <source>{territory} — {date}</source>
        <translation>{territory} — {date}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="482"/>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="408"/>
        <source>quantiles</source>
        <translation>quantiles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="409"/>
        <source>natural breaks (Jenks)</source>
        <translation>seuils naturels (Jenks)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="410"/>
        <source>equal intervals</source>
        <translation>intervalles égaux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="411"/>
        <source>pretty breaks</source>
        <translation>seuils arrondis</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="413"/>
        <source>Map: ReTerr {version} (QGIS {qgis}), {date}. Classes: {method}, {n} classes.</source>
        <translation>Carte : ReTerr {version} (QGIS {qgis}), {date}. Discrétisation : {method}, {n} classes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="568"/>
        <source>Exporting PDF…</source>
        <translation>Export du PDF…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="634"/>
        <source>The PDF could not be written to {path} ({error}).</source>
        <translation>Impossible d'écrire le PDF dans {path} ({error}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="651"/>
        <source>The PNG could not be written to {path}.</source>
        <translation>Impossible d'écrire le PNG dans {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="579"/>
        <source>{n} territories have no value and are drawn in grey.</source>
        <translation>{n} territoires n'ont pas de valeur et sont dessinés en gris.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="134"/>
        <source>Cannot read the layout template {path}: {error}</source>
        <translation>Impossible de lire le modèle de mise en page {path} : {error}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="143"/>
        <source>The layout template {path} is not valid XML.</source>
        <translation>Le modèle de mise en page {path} n'est pas un fichier XML valide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="151"/>
        <source>The layout template {path} could not be loaded.</source>
        <translation>Le modèle de mise en page {path} n'a pas pu être chargé.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="159"/>
        <source>The layout template {path} has no map item with id &apos;map&apos;.</source>
        <translation>Le modèle de mise en page {path} ne contient aucun élément carte d'identifiant « map ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="508"/>
        <source>Territories mapped</source>
        <translation>Territoires cartographiés</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="516"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="517"/>
        <source>Area</source>
        <translation>Superficie</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="520"/>
        <source>Density</source>
        <translation>Densité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="520"/>
        <source>inh./km²</source>
        <translation>hab./km²</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="529"/>
        <source>{label}, whole territory</source>
        <translation>{label}, ensemble du territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="544"/>
        <source>Median of territories</source>
        <translation>Médiane des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="550"/>
        <source>Lowest – highest</source>
        <translation>Minimum – maximum</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="557"/>
        <source>Territories without data</source>
        <translation>Territoires sans donnée</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="140"/>
        <source>Numeric field to map (default: share_65p).</source>
        <translation>Champ numérique à cartographier (par défaut : share_65p).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="403"/>
        <source>The A4 landscape map, with real text.</source>
        <translation>La carte A4 paysage, avec du texte réel (copiable).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="411"/>
        <source>Optional image of the page (at most 200 dpi).</source>
        <translation>Image facultative de la page (200 dpi au plus).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="249"/>
        <source>Class limits</source>
        <translation>Limites de classes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="249"/>
        <source>Inner class limits separated by &apos;;&apos; (e.g. &apos;2.5;4&apos; around the APL threshold); they replace the classification.</source>
        <translation>Limites intérieures des classes séparées par « ; » (par ex. « 2.5;4 » autour du seuil de l'APL) ; elles remplacent la discrétisation.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="461"/>
        <source>Class limits must be numbers separated by &apos;;&apos;, e.g. &apos;2.5;4&apos;.</source>
        <translation>Les limites de classes doivent être des nombres séparés par « ; », par ex. « 2.5;4 ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="407"/>
        <source>manual limits</source>
        <translation>limites choisies</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="349"/>
        <source>Profile page for the territory</source>
        <translation>Page de profil du territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="349"/>
        <source>Name or code of a territory: adds a page with its resilience profile (radar and indicator table). Empty: no profile page.</source>
        <translation>Nom ou code d'un territoire : ajoute une page avec son profil de résilience (radar et tableau des indicateurs). Vide : pas de page de profil.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="360"/>
        <source>Indicators of the profile page</source>
        <translation>Indicateurs de la page de profil</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="360"/>
        <source>Layer holding the indicator fields; empty: the mapped layer.</source>
        <translation>Couche qui porte les champs indicateurs ; vide : la couche cartographiée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="371"/>
        <source>Profile reference: peers sharing</source>
        <translation>Référence du profil : pairs partageant</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="371"/>
        <source>Field whose value defines the territory&apos;s peers (e.g. nom_epci): the reference is their median. Empty: the median of all territories.</source>
        <translation>Champ dont la valeur définit les pairs du territoire (par ex. nom_epci) : la référence est leur médiane. Vide : la médiane de tous les territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="549"/>
        <source>Profile page…</source>
        <translation>Page de profil…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="634"/>
        <source>Peer field &apos;{field}&apos; not found in layer &apos;{layer}&apos;.</source>
        <translation>Champ des pairs « {field} » introuvable dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="642"/>
        <source>Layer &apos;{layer}&apos; has no indicator field for the profile page: give the output of a ReTerr algorithm (e.g. the resilience index) as its indicator layer.</source>
        <translation>La couche « {layer} » n'a aucun champ indicateur pour la page de profil : donnez comme couche d'indicateurs la sortie d'un algorithme ReTerr (par ex. l'indice de résilience).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="210"/>
        <source>median of all territories</source>
        <translation>médiane de tous les territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="216"/>
        <source>median of the territories with {field} = {value}</source>
        <translation>médiane des territoires où {field} = {value}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="397"/>
        <source>{layer}: {n} territories compared — {date}</source>
        <translation>{layer} : {n} territoires comparés — {date}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="400"/>
        <source>Radar: each indicator (or dimension of the index) scored from 0 (worst territory) to 10 (best), by its polarity, as in the ReTerr dock and reterr:resilience_index.</source>
        <translation>Radar : chaque indicateur (ou dimension de l'indice) noté de 0 (territoire le moins bien placé) à 10 (le mieux placé) selon son sens, comme dans le panneau ReTerr et reterr:resilience_index.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="703"/>
        <source>No territory named or coded &apos;{key}&apos; in layer &apos;{layer}&apos; (searched the fields {fields}).</source>
        <translation>Aucun territoire nommé ou codé « {key} » dans la couche « {layer} » (champs cherchés : {fields}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="724"/>
        <source>{name} ({field} {code}, EPCI {epci})</source>
        <translation>{name} ({field} {code}, EPCI {epci})</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="728"/>
        <source>{name} ({field} {code})</source>
        <translation>{name} ({field} {code})</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="732"/>
        <source>{name} (feature {fid})</source>
        <translation>{name} (entité {fid})</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="735"/>
        <source>… and {n} more</source>
        <translation>… et {n} autres</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="737"/>
        <source>Which one? Give its code instead (field &apos;{field}&apos;).</source>
        <translation>Lequel ? Donnez plutôt son code (champ « {field} »).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="741"/>
        <source>The layer has no code field to tell them apart: give a layer with one (e.g. code_insee).</source>
        <translation>La couche n'a pas de champ de code pour les distinguer : donnez une couche qui en a un (par ex. code_insee).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="745"/>
        <source>{n} territories are named &apos;{key}&apos; in layer &apos;{layer}&apos; (field &apos;{field}&apos;): {candidates}. {advice}</source>
        <translation>{n} territoires s'appellent « {key} » dans la couche « {layer} » (champ « {field} ») : {candidates}. {advice}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="282"/>
        <source>Flow lines to overlay (e.g. local sourcing flows)</source>
        <translation>Lignes de flux à superposer (par ex. flux d'approvisionnement local)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="296"/>
        <source>Volume of the flows</source>
        <translation>Volume des flux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="296"/>
        <source>Numeric field giving the width of the arrows (vol_ha for sourcing flows).</source>
        <translation>Champ numérique donnant l'épaisseur des flèches (vol_ha pour les flux d'approvisionnement).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="311"/>
        <source>Colour the flows by</source>
        <translation>Colorer les flux selon</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="311"/>
        <source>Field giving one colour per value (famille: the crop group of sourcing flows). Empty: one colour.</source>
        <translation>Champ donnant une couleur par valeur (famille : le groupe de cultures des flux d'approvisionnement). Vide : une seule couleur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="326"/>
        <source>Legend label of the flows</source>
        <translation>Libellé des flux dans la légende</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="594"/>
        <source>Field &apos;{field}&apos; not found in the flow layer &apos;{layer}&apos;: choose the field holding the volumes.</source>
        <translation>Champ « {field} » introuvable dans la couche de flux « {layer} » : choisissez le champ qui contient les volumes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="603"/>
        <source>Field &apos;{field}&apos; not found in the flow layer &apos;{layer}&apos;.</source>
        <translation>Champ « {field} » introuvable dans la couche de flux « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="610"/>
        <source>The flow layer &apos;{layer}&apos; is empty: no flow drawn.</source>
        <translation>La couche de flux « {layer} » est vide : aucun flux n'est dessiné.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="282"/>
        <source>Drawn as arrows above the choropleth, their width growing with the volume, e.g. the flows of 'Local sourcing flows (surplus → deficit)'.</source>
        <translation>Dessinées en flèches au-dessus de la carte choroplèthe, leur épaisseur croissant avec le volume, par ex. les flux de « Flux d'approvisionnement local (excédent → déficit) ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="105"/>
        <source>Renders a numeric field of a polygon layer as a classed choropleth into an A4 landscape print layout (resources/layouts/council_map.qpt, or your own template with the same item ids) and exports it to PDF and, optionally, PNG.

The page holds a title (the indicator's label by default), a subtitle with the territory and the date, the map with the names of the main towns (the N largest by the rank field, or the largest by area without one), optional boundaries (e.g. EPCI), the legend, a scale bar, a north arrow, a table of key figures and the sources.

Key figures for a ReTerr indicator are recomputed for the whole territory from the summed counts (e.g. the share of people aged 65+ of the département), not averaged over territories. Colours follow the indicator's polarity (reds where a higher value is worse, greens where it is better) unless a palette is chosen. Territories without a value are drawn in grey and counted.

Profile page: give a territory (its name or code) and a second page shows its resilience profile as in the ReTerr dock — the radar of its scores against the median of all territories (or of its peers sharing the value of a field, e.g. its EPCI) and the table of its indicators with value, rank, reference and change between vintages, coloured by how it stands. The indicators are read from the profile layer (by default the mapped layer), e.g. the output of the resilience index.

Flows: a line layer (e.g. the flows of local sourcing between territories) is drawn as arrows above the map, their width growing with the volume and one colour per family.

Runs without an open project (qgis_process).</source>
        <translation>Représente un champ numérique d'une couche de polygones en carte choroplèthe par classes dans une mise en page A4 paysage (resources/layouts/council_map.qpt, ou votre propre modèle avec les mêmes identifiants d'éléments) et l'exporte en PDF et, en option, en PNG.

La page comporte un titre (par défaut, le libellé de l'indicateur), un sous-titre avec le territoire et la date, la carte avec le nom des principales communes (les N premières selon le champ de classement, ou, à défaut, les plus grandes en superficie), des limites en surimpression (par ex. les EPCI) si demandé, la légende, une barre d'échelle, une flèche du nord, un tableau de chiffres clés et les sources.

Les chiffres clés d'un indicateur ReTerr sont recalculés pour l'ensemble du territoire à partir des effectifs cumulés (par ex. la part des 65 ans et plus dans le département), et non moyennés sur les territoires. Les couleurs suivent la polarité de l'indicateur (rouges quand une valeur élevée est défavorable, verts quand elle est favorable), sauf si une palette est choisie. Les territoires sans valeur sont dessinés en gris et décomptés.

Page de profil : indiquez un territoire (son nom ou son code) et une deuxième page montre son profil de résilience comme dans le panneau ReTerr — le radar de ses notes face à la médiane de tous les territoires (ou de ses pairs partageant la valeur d'un champ, par ex. son EPCI) et le tableau de ses indicateurs avec valeur, rang, référence et évolution entre millésimes, colorés selon sa position. Les indicateurs sont lus dans la couche de profil (par défaut la couche cartographiée), par ex. la sortie de l'indice de résilience.

Flux : une couche de lignes (par ex. les flux d'approvisionnement local entre territoires) est dessinée en flèches au-dessus de la carte, leur épaisseur croissant avec le volume, avec une couleur par famille.

Fonctionne sans projet ouvert (qgis_process).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="161"/>
        <source>Shown in the subtitle with the date (e.g. Aveyron); empty: the date only.</source>
        <translation>Affiché dans le sous-titre avec la date (par ex. Aveyron) ; vide : la date seule.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/report/export_council_map.py" line="496"/>
        <source>No field to rank the towns: the {n} largest territories by area are labelled.</source>
        <translation>Aucun champ pour classer les communes : les {n} territoires les plus grands en superficie sont étiquetés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/council_map.py" line="600"/>
        <source>{figure} (territories left out, counts missing: {n})</source>
        <translation>{figure} (territoires écartés faute d'effectifs : {n})</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="407"/>
        <source>Radar and scores: the dimension scores of the index as reterr:resilience_index wrote them (0–100, higher = more resilient), the same as in the layer and the ReTerr dock. The indicators are those the index was built from.</source>
        <translation>Radar et scores : les scores par dimension de l'indice tels que reterr:resilience_index les a écrits (0–100, plus élevé = plus résilient), les mêmes que dans la couche et le panneau ReTerr. Les indicateurs sont ceux à partir desquels l'indice a été construit.</translation>
    </message>
</context>
<context>
    <name>Farmland</name>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="345"/>
        <source>Farmland per crop group</source>
        <translation>Surfaces agricoles par groupe de cultures</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="138"/>
        <source>Territories</source>
        <translation>Territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="138"/>
        <source>Communes, EPCI or any zoning, in a projected CRS (Lambert-93).</source>
        <translation>Communes, EPCI ou tout autre zonage, dans un SCR projeté (Lambert-93).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="146"/>
        <source>Name field</source>
        <translation>Champ du nom</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="146"/>
        <source>Names of the territories in messages (default: nom).</source>
        <translation>Noms des territoires dans les messages (par défaut : nom).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="344"/>
        <source>RPG parcels</source>
        <translation>Parcelles du RPG</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="159"/>
        <source>The &apos;parcelles graphiques&apos; layer of the RPG (IGN), or any parcel layer with RPG crop codes. Give either this layer or a land-cover raster.</source>
        <translation>La couche « parcelles graphiques » du RPG (IGN), ou toute couche de parcelles portant les codes de culture du RPG. Donnez soit cette couche, soit un raster d'occupation du sol.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="173"/>
        <source>RPG crop group field</source>
        <translation>Champ du groupe de cultures RPG</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="173"/>
        <source>RPG group code 1–28 (published name: CODE_GROUP).</source>
        <translation>Code du groupe RPG, de 1 à 28 (nom publié : CODE_GROUP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="186"/>
        <source>RPG crop code field</source>
        <translation>Champ du code de culture RPG</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="186"/>
        <source>Three-letter PAC crop code (published name: CODE_CULTU); overrides the group where the mapping table lists the code.</source>
        <translation>Code de culture PAC à trois lettres (nom publié : CODE_CULTU) ; il prime sur le groupe quand la table de correspondance contient le code.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="202"/>
        <source>RPG code → crop group table (CSV)</source>
        <translation>Table code RPG → groupe de cultures (CSV)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="202"/>
        <source>Columns level; code; crop_group. Empty: the shipped table (resources/supply/rpg_crop_groups.csv).</source>
        <translation>Colonnes level; code; crop_group. Vide : la table fournie (resources/supply/rpg_crop_groups.csv).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="216"/>
        <source>Land-cover raster</source>
        <translation>Raster d'occupation du sol</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="216"/>
        <source>A GeoTIFF (or any file GDAL reads) of land-cover classes, e.g. OSO (CESBIO) or CORINE Land Cover with its level-3 codes. Give either this raster or RPG parcels.</source>
        <translation>Un GeoTIFF (ou tout fichier lisible par GDAL) de classes d'occupation du sol, par ex. OSO (CESBIO) ou CORINE Land Cover avec ses codes de niveau 3. Donnez soit ce raster, soit les parcelles du RPG.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="228"/>
        <source>Land-cover nomenclature</source>
        <translation>Nomenclature d'occupation du sol</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="228"/>
        <source>OSO 2018 and later (23 classes)</source>
        <translation>OSO 2018 et suivants (23 classes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="228"/>
        <source>OSO 2016–2017 (17 classes)</source>
        <translation>OSO 2016–2017 (17 classes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="228"/>
        <source>CORINE Land Cover (level-3 codes 111–523)</source>
        <translation>CORINE Land Cover (codes de niveau 3, 111–523)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="228"/>
        <source>Which classes the raster holds (rows of the mapping table used).</source>
        <translation>Classes contenues dans le raster (lignes de la table de correspondance utilisées).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="243"/>
        <source>Land-cover class → crop group table (CSV)</source>
        <translation>Table classe d'occupation du sol → groupe de cultures (CSV)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="243"/>
        <source>Columns nomenclature; class; crop_group; share. Empty: the shipped table (resources/supply/landcover_crop_groups.csv).</source>
        <translation>Colonnes nomenclature; class; crop_group; share. Vide : la table fournie (resources/supply/landcover_crop_groups.csv).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="257"/>
        <source>Farmland</source>
        <translation>Surfaces agricoles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="257"/>
        <source>The territories with sau_cer … sau_aut, sau_total, sau_exclu, non_agri and non_classe (ha).</source>
        <translation>Les territoires avec sau_cer … sau_aut, sau_total, sau_exclu, non_agri et non_classe (ha).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="278"/>
        <source>Give either an RPG parcel layer or a land-cover raster (exactly one of the two).</source>
        <translation>Donnez soit une couche de parcelles du RPG, soit un raster d'occupation du sol (exactement l'un des deux).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="284"/>
        <source>Counting farmland</source>
        <translation>Le décompte des surfaces agricoles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="289"/>
        <source>Reading territories…</source>
        <translation>Lecture des territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="445"/>
        <source>Layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="317"/>
        <source>Writing output…</source>
        <translation>Écriture de la sortie…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="330"/>
        <source>Farmland in the {n} territories: {total} ha in the five crop groups ({groups}); {excluded} ha excluded as non-productive; {unclassified} ha not classified.</source>
        <translation>Surfaces agricoles des {n} territoires : {total} ha dans les cinq groupes de cultures ({groups}) ; {excluded} ha exclus comme non productifs ; {unclassified} ha non classés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="344"/>
        <source>land-cover raster</source>
        <translation>raster d'occupation du sol</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="345"/>
        <source>Hectares of farmland per crop group in the territories of &apos;{layer}&apos;, from the {what}, computed by ReTerr.</source>
        <translation>Hectares de surfaces agricoles par groupe de cultures dans les territoires de « {layer} », calculés par ReTerr (source : {what}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="375"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;. Available fields: {fields}. Choose the field holding the RPG codes.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ». Champs disponibles : {fields}. Choisissez le champ qui contient les codes du RPG.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="384"/>
        <source>Layer &apos;{layer}&apos; has neither a CODE_GROUP nor a CODE_CULTU field. Available fields: {fields}. Choose the fields holding the RPG crop group and crop code.</source>
        <translation>La couche « {layer} » n'a ni champ CODE_GROUP ni champ CODE_CULTU. Champs disponibles : {fields}. Choisissez les champs qui contiennent le groupe de cultures et le code de culture du RPG.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="400"/>
        <source>Crop groups read from {path}.</source>
        <translation>Groupes de cultures lus dans {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="402"/>
        <source>Reading parcels…</source>
        <translation>Lecture des parcelles…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="417"/>
        <source>Parcels reprojected from {a} to {b}.</source>
        <translation>Parcelles reprojetées de {a} vers {b}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="449"/>
        <source>Splitting parcels between territories…</source>
        <translation>Partage des parcelles entre les territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="464"/>
        <source>Parcels of &apos;{layer}&apos; outside every territory: {features}.</source>
        <translation>Parcelles de « {layer} » situées hors de tout territoire : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="471"/>
        <source>Parcels of &apos;{layer}&apos; without geometry: {features}.</source>
        <translation>Parcelles de « {layer} » sans géométrie : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="477"/>
        <source>Crop codes absent from the mapping table: {codes}.</source>
        <translation>Codes de culture absents de la table de correspondance : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="482"/>
        <source>{n} parcels read; {split} split between territories; {out} ha outside every territory.</source>
        <translation>{n} parcelles lues ; {split} partagées entre plusieurs territoires ; {out} ha hors de tout territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="500"/>
        <source>Land-cover classes ({nomenclature}) read from {path}.</source>
        <translation>Classes d'occupation du sol ({nomenclature}) lues dans {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="507"/>
        <source>The land-cover raster &apos;{layer}&apos; is not a file (provider {provider}): save it as a GeoTIFF first.</source>
        <translation>Le raster d'occupation du sol « {layer} » n'est pas un fichier (fournisseur {provider}) : enregistrez-le d'abord en GeoTIFF.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="517"/>
        <source>Counting land-cover pixels per territory…</source>
        <translation>Décompte des pixels d'occupation du sol par territoire…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="533"/>
        <source>Territories already rasterised in an earlier run: reused.</source>
        <translation>Territoires déjà rastérisés lors d'un traitement précédent : réutilisés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="535"/>
        <source>Raster classes absent from the mapping table: {codes}.</source>
        <translation>Classes du raster absentes de la table de correspondance : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="540"/>
        <source>Pixel area: {area} m².</source>
        <translation>Surface d'un pixel : {area} m².</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/farmland.py" line="104"/>
        <source>Hectares of farmland per crop group in each territory, from EITHER the parcels of the Registre parcellaire graphique (RPG, as published by IGN) OR a land-cover raster (OSO, CORINE Land Cover) — give exactly one of the two.

Output fields (added to the territories), in hectares: sau_cer (cereals), sau_olp (oilseeds and protein crops), sau_fou (fodder and grassland), sau_flg (fruit and vegetables), sau_aut (other crops), sau_total (the five groups: the farmland counted for food adequacy), sau_exclu (farmland counted as non-productive: fallow, summer pastures and heath, 'divers'), non_agri (land that is not farmland; raster only), non_classe (codes or classes absent from the mapping table: counted and listed in the log, never dropped).

RPG: each parcel gets a group from its CODE_CULTU (crop code) when the mapping table lists it, else from its CODE_GROUP (RPG group 1–28). A parcel crossing a boundary is split by area; areas are planar, in the territories' projected CRS. Parcels outside every territory, overlapping parcels and unknown codes are reported in the log.

Raster: one band of class codes in a projected CRS; a pixel belongs to the territory containing its centre; pixel area from the raster's resolution. The territories are reprojected to the raster's CRS when they differ. The rasterised territories are kept in memory for the next run on the same territories and raster.

Mapping tables (editable CSV, every row with its source; resources/supply): RPG groups 11 (fallow), 17 (summer pastures and heath) and 28 (divers) and CRATer's low-productivity crop codes are excluded as in CRATer; the other group assignments are ReTerr defaults following the families of CRATer and Territoires Fertiles (the table's status column says which rows a source confirms). Land-cover classes that mix groups (OSO maize, CORINE arable land) go to one group by default (give shares in the table to split them); natural grassland and heath are excluded like RPG group 17.</source>
        <translation>Hectares de surfaces agricoles par groupe de cultures dans chaque territoire, à partir SOIT des parcelles du Registre parcellaire graphique (RPG, tel que publié par l'IGN), SOIT d'un raster d'occupation du sol (OSO, CORINE Land Cover) : donnez exactement l'une des deux sources.

Champs en sortie (ajoutés aux territoires), en hectares : sau_cer (céréales), sau_olp (oléoprotéagineux), sau_fou (fourrages et prairies), sau_flg (fruits et légumes), sau_aut (autres cultures), sau_total (les cinq groupes : la SAU prise en compte pour l'adéquation alimentaire), sau_exclu (surfaces agricoles comptées comme non productives : jachères, estives et landes, « divers »), non_agri (surfaces non agricoles ; raster seulement), non_classe (codes ou classes absents de la table de correspondance : comptés et listés dans le journal, jamais écartés).

RPG : chaque parcelle reçoit un groupe d'après son CODE_CULTU (code de culture) quand la table de correspondance le contient, sinon d'après son CODE_GROUP (groupe RPG 1–28). Une parcelle à cheval sur une limite est partagée au prorata de la surface ; les surfaces sont planimétriques, dans le SCR projeté des territoires. Les parcelles situées hors de tout territoire, les parcelles qui se chevauchent et les codes inconnus sont signalés dans le journal.

Raster : une bande de codes de classes dans un SCR projeté ; un pixel appartient au territoire qui contient son centre ; la surface d'un pixel est tirée de la résolution du raster. Les territoires sont reprojetés dans le SCR du raster s'ils n'ont pas le même. Les territoires rastérisés sont gardés en mémoire pour le traitement suivant sur les mêmes territoires et le même raster.

Tables de correspondance (CSV modifiables, chaque ligne avec sa source ; resources/supply) : les groupes RPG 11 (gel), 17 (estives et landes) et 28 (divers) et les codes de culture peu productifs retenus par CRATer sont exclus comme dans CRATer ; les autres affectations aux groupes sont des valeurs par défaut de ReTerr qui suivent les familles de CRATer et de Territoires Fertiles (la colonne status de la table indique les lignes qu'une source confirme). Les classes d'occupation du sol qui mêlent plusieurs groupes (maïs d'OSO, terres arables de CORINE) vont par défaut à un seul groupe (indiquez des parts dans la table pour les répartir) ; les prairies naturelles et les landes sont exclues comme le groupe RPG 17.</translation>
    </message>
</context>
<context>
    <name>FloatingCatchment</name>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="125"/>
        <source>Age group fields (APL)</source>
        <translation>Champs des tranches d'âge (APL)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="125"/>
        <source>For the APL age standardisation, in the order of the consumption values.</source>
        <translation>Pour la standardisation par l'âge de l'APL, dans l'ordre des valeurs de consommation.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="139"/>
        <source>Relative consumption per age group (APL)</source>
        <translation>Consommation relative par tranche d'âge (APL)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="154"/>
        <source>Facility types to keep</source>
        <translation>Types d'équipement à retenir</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="154"/>
        <source>Codes separated by &apos;;&apos; (e.g. D265 for GPs); empty: every facility.</source>
        <translation>Codes séparés par « ; » (par ex. D265 pour les médecins généralistes) ; vide : tous les équipements.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="164"/>
        <source>Capacity field</source>
        <translation>Champ de capacité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="164"/>
        <source>Supply of each facility (e.g. full-time GPs); empty: 1 per facility.</source>
        <translation>Offre de chaque équipement (par ex. médecins en ETP) ; vide : 1 par équipement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="177"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="177"/>
        <source>Gaussian decay</source>
        <translation>Décroissance gaussienne</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="177"/>
        <source>Gravity decay</source>
        <translation>Décroissance gravitaire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="177"/>
        <source>APL (DREES preset)</source>
        <translation>APL (préréglage DREES)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="177"/>
        <source>Weighting of travel times.</source>
        <translation>Pondération des temps de parcours.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="195"/>
        <source>Catchment (minutes)</source>
        <translation>Aire de recours (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="195"/>
        <source>Pairs beyond this travel time are ignored (APL: 20).</source>
        <translation>Les couples au-delà de ce temps de parcours sont ignorés (APL : 20).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="210"/>
        <source>Steps (minutes:weight;…)</source>
        <translation>Paliers (minutes:poids;…)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="210"/>
        <source>Override the method&apos;s default steps, e.g. &apos;10:1;20:0.68;30:0.22&apos;.</source>
        <translation>Remplace les paliers par défaut de la méthode, par ex. « 10:1;20:0.68;30:0.22 ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="220"/>
        <source>Gaussian sigma (minutes)</source>
        <translation>Sigma gaussien (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="220"/>
        <source>Width of the Gaussian decay.</source>
        <translation>Largeur de la décroissance gaussienne.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="237"/>
        <source>Gravity exponent</source>
        <translation>Exposant gravitaire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="237"/>
        <source>Negative for a decay.</source>
        <translation>Négatif pour une décroissance.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="253"/>
        <source>Gravity minimum time (minutes)</source>
        <translation>Temps minimal gravitaire (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="253"/>
        <source>Times below are raised to it (avoids infinite weights).</source>
        <translation>Les temps inférieurs sont ramenés à cette valeur (évite des poids infinis).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="271"/>
        <source>Add the index relative to the mean</source>
        <translation>Ajouter l'indice relatif à la moyenne</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="271"/>
        <source>fca_index = access / population-weighted mean access.</source>
        <translation>fca_index = accessibilité / accessibilité moyenne pondérée par la population.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="279"/>
        <source>Accessibility</source>
        <translation>Accessibilité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="279"/>
        <source>The demand layer with the accessibility fields.</source>
        <translation>La couche de demande avec les champs d'accessibilité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="349"/>
        <source>Reading facilities…</source>
        <translation>Lecture des équipements…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="360"/>
        <source>Facility types were given but the type field &apos;{field}&apos; is not in layer &apos;{layer}&apos;.</source>
        <translation>Des types d'équipement ont été donnés mais le champ de type « {field} » n'existe pas dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="382"/>
        <source>No facility of type {types} in layer &apos;{layer}&apos;.</source>
        <translation>Aucun équipement de type {types} dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="404"/>
        <source>Computing accessibility…</source>
        <translation>Calcul de l'accessibilité…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="408"/>
        <source>Steps must read 'minutes:weight;…', e.g. '10:1;20:0.68;30:0.22'.</source>
        <translation>Les paliers s'écrivent « minutes:poids;… », par ex. « 10:1;20:0.68;30:0.22 ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="427"/>
        <source>The APL preset needs the age group fields.</source>
        <translation>Le préréglage APL nécessite les champs des tranches d'âge.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="432"/>
        <source>Give one consumption value per age field ({n} fields).</source>
        <translation>Donnez une valeur de consommation par champ d'âge ({n} champs).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="485"/>
        <source>{pairs} demand–facility pairs within {t} minutes; {n} facilities.</source>
        <translation>{pairs} couples demande–équipement à moins de {t} minutes ; {n} équipements.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="490"/>
        <source>Potential accessibility</source>
        <translation>Accessibilité potentielle</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="490"/>
        <source>Floating catchment accessibility ({method}) of &apos;{demand}&apos; to &apos;{facilities}&apos;.</source>
        <translation>Accessibilité par aires flottantes ({method}) de « {demand} » à « {facilities} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="293"/>
        <source>Relative consumption per age group (AGE_CONSUMPTION): &apos;{item}&apos; is not a number. Give one number per age group field, separated by &apos;;&apos;, e.g. &apos;0.8;1.0;1.6&apos;.</source>
        <translation>Consommation relative par tranche d'âge (AGE_CONSUMPTION) : « {item} » n'est pas un nombre. Donnez un nombre par champ de tranche d'âge, séparés par « ; », par ex. « 0,8;1,0;1,6 ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="394"/>
        <source>The capacity field &apos;{field}&apos; is empty (NULL), negative or infinite for facilities of layer &apos;{layer}&apos;: {features}. Give them a capacity (0 for none), or leave the capacity field empty to count 1 per facility.</source>
        <translation>Le champ de capacité « {field} » est vide (NULL), négatif ou infini pour des équipements de la couche « {layer} » : {features}. Donnez-leur une capacité (0 si aucune), ou laissez le champ de capacité vide pour compter 1 par équipement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="442"/>
        <source>Age group fields {fields} are empty (NULL), negative or infinite for units of layer &apos;{layer}&apos;: {features}. Fill them in, or leave these units out.</source>
        <translation>Les champs de tranches d'âge {fields} sont vides (NULL), négatifs ou infinis pour des unités de la couche « {layer} » : {features}. Complétez-les, ou retirez ces unités.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="85"/>
        <source>Access to a service (APL, floating catchment)</source>
        <translation>Accessibilité à un service (APL, aires flottantes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="98"/>
        <source>Potential accessibility of each demand unit (commune, IRIS, grid cell) to facilities, taking competition between users into account.

Supply-to-demand ratio of facility j: R_j = S_j / Σ_i w(c_ij)·P_i; accessibility of unit i: A_i = Σ_j w(c_ij)·R_j, over the pairs within the catchment. Methods: 2SFCA (w = 1), E2SFCA (steps, default ≤10 min 1, ≤20 0.68, ≤30 0.22, as PySAL access), 3SFCA (steps 10/20/30/60 min 0.962/0.704/0.377/0.042 and selection weights), Gaussian exp(-c²/2σ²), gravity (max(c, c_min)/1)^α.

APL preset (DREES/IRDES 'Accessibilité Potentielle Localisée'): 20-minute catchment, steps &lt; 10 min 1, 10-15 2/3, 15-20 1/3 (ReTerr's reading of the DREES/IRDES method, Barlet et al. 2012, not checked against DREES's latest note: give other steps in Steps), demand standardised by age (relative consumption of the age groups, default 0.8/1.0/1.6: a ReTerr default for three age groups, where DREES uses a finer age-sex table; give your own values), supply = full-time GPs × 5,400 consultations a year (ARS Bourgogne-Franche-Comté); result in consultations per standardised inhabitant and year; below 2.5 the unit is under-served (DREES).

Travel times: on the road network when one is given (graph cached, searches stopped at the catchment, places snapped to the nearest node within the maximum distance), else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h: a ReTerr rule of thumb for rural roads, not a published figure; change them under Advanced parameters, or give a road network). Results equal PySAL access on the same costs.</source>
        <translation>Accessibilité potentielle de chaque unité de demande (commune, IRIS, carreau) aux équipements, en tenant compte de la concurrence entre usagers.

Ratio offre/demande de l'équipement j : R_j = S_j / Σ_i w(c_ij)·P_i ; accessibilité de l'unité i : A_i = Σ_j w(c_ij)·R_j, sur les couples situés dans l'aire de recours. Méthodes : 2SFCA (w = 1), E2SFCA (paliers, par défaut ≤ 10 min 1, ≤ 20 0,68, ≤ 30 0,22, comme PySAL access), 3SFCA (paliers 10/20/30/60 min 0,962/0,704/0,377/0,042 et poids de sélection), décroissance gaussienne exp(-c²/2σ²), gravitaire (max(c, c_min)/1)^α.

Préréglage APL (DREES/IRDES « Accessibilité Potentielle Localisée ») : aire de 20 minutes, paliers &lt; 10 min 1, 10-15 2/3, 15-20 1/3 (lecture par ReTerr de la méthode DREES/IRDES, Barlet et al. 2012, non vérifiée par rapport à la dernière note de la DREES : indiquez d'autres paliers dans « Paliers »), demande standardisée par l'âge (consommation relative des tranches d'âge, par défaut 0,8/1,0/1,6 : une valeur par défaut de ReTerr pour trois tranches d'âge, là où la DREES utilise une table plus fine par âge et sexe ; indiquez vos propres valeurs), offre = médecins généralistes en ETP × 5 400 consultations par an (ARS Bourgogne-Franche-Comté) ; résultat en consultations par habitant standardisé et par an ; en dessous de 2,5 l'unité est sous-dense (DREES).

Temps de parcours : sur le réseau routier s'il est fourni (graphe en cache, recherches arrêtées à l'aire de recours, lieux accrochés au nœud le plus proche dans la distance maximale), sinon distance à vol d'oiseau × coefficient de détour à vitesse constante (par défaut 1,3 et 50 km/h : une règle empirique de ReTerr pour les routes rurales, pas une valeur publiée ; modifiez-les dans les paramètres avancés, ou fournissez un réseau routier). Les résultats sont égaux à ceux de PySAL access pour les mêmes coûts.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="139"/>
        <source>One value per age field, separated by &apos;;&apos; (default 0.8;1.0;1.6: a ReTerr default, not a DREES table).</source>
        <translation>Une valeur par champ d'âge, séparées par « ; » (par défaut « 0.8;1.0;1.6 » : une valeur par défaut de ReTerr, pas une table de la DREES).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/floating_catchment.py" line="330"/>
        <source>APL with a {t:g}-minute catchment: the DREES&apos;s APL uses 20 minutes (set &apos;Catchment&apos; to 20 for the published indicator).</source>
        <translation>APL avec une aire de recours de {t:g} minutes : l'APL de la DREES utilise 20 minutes (indiquez 20 dans « Aire de recours » pour l'indicateur publié).</translation>
    </message>
</context>
<context>
    <name>FlowIndicators</name>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="79"/>
        <source>Flow indicators and flow lines</source>
        <translation>Indicateurs de flux et lignes de flux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="82"/>
        <source>How each territory works with the others through commuting: how many of its working residents leave it, how many come in to work, how many live and work there, whether it is a job pole or residential, and how much it depends on one destination; and a map of the main flows between territories.

Input: the territories (communes, EPCI, zones…) and a flow table with an origin code, a destination code and a number of persons, e.g. the output of 'Import INSEE commuting flows' at the same level (its ZONING field set to the territories' code). A row whose origin or destination is not a territory (HORS, ETRANGER, another commune) counts as leaving for, or coming from, outside.

Method (METHODS §3.3; INSEE, Observatoire des territoires). For territory i, with T_ij the persons living in i and working in j: internes = T_ii; sortants O_i = Σ_{j≠i} T_ij + the flows to outside; entrants I_i = Σ_{j≠i} T_ji + the flows from outside; brut = O_i + I_i; net = I_i − O_i (&gt; 0: more come in than go out); auto_off = 100 · T_ii / (T_ii + O_i), supply-side self-containment, the share of the working residents who work in the territory (INSEE's 'taux d'actifs stables'); auto_dem = 100 · T_ii / (T_ii + I_i), demand-side self-containment, the share of the jobs held by residents (LabourMarketAreas uses the smaller of the two); ratio_emp = 100 · jobs / working residents = 100 · (T_ii + I_i) / (T_ii + O_i), INSEE's job ratio (indicateur de concentration d'emploi: &lt; 100 residential, &gt; 100 employment pole; France 98.3 in 2018); dep_max = 100 · T_ij / O_i for the destination j ≠ i with the largest flow (dest_max, nom_dmax: its code and name), the dependence on the main destination. A territory without any flow gets empty values and is named in the log.

Flow lines: one line per pair of territories between points inside them (never the internal flows): directed (one line per direction), gross (both directions summed, from the territory that sends more) or net (the difference, in its direction). Kept: volumes of at least the threshold (default 100 persons; Géoclip and the Observatoire des territoires keep flows above 50 for communes) and, per origin, the k largest (default 5; 0 keeps all). Fields: orig, dest, noms, flux, fiable (INSEE reliability: 0 below 200 persons, use with caution; 1 from 200 to 500; 2 above 500), part (% of the origin's out-commuters, or exchanges for gross lines), rang (rank among the origin's lines). Drawn with QGIS's arrow symbol layer, curved, width growing with the square root of the volume.</source>
        <translation>Comment chaque territoire fonctionne avec les autres à travers les déplacements domicile-travail : combien de ses actifs résidents le quittent pour travailler, combien y viennent travailler, combien y vivent et y travaillent, s'il est un pôle d'emploi ou un territoire résidentiel, et à quel point il dépend d'une seule destination ; et une carte des principaux flux entre territoires.

Entrée : les territoires (communes, EPCI, zones…) et une table de flux avec un code d'origine, un code de destination et un nombre de personnes, par ex. la sortie de « Import des flux domicile-travail INSEE » au même niveau (son champ ZONING réglé sur le code des territoires). Une ligne dont l'origine ou la destination n'est pas un territoire (HORS, ETRANGER, une autre commune) compte comme un départ vers l'extérieur ou une arrivée depuis l'extérieur.

Méthode (METHODS §3.3 ; INSEE, Observatoire des territoires). Pour le territoire i, avec T_ij les personnes résidant en i et travaillant en j : internes = T_ii ; sortants O_i = Σ_{j≠i} T_ij + les flux vers l'extérieur ; entrants I_i = Σ_{j≠i} T_ji + les flux depuis l'extérieur ; brut = O_i + I_i ; net = I_i − O_i (&gt; 0 : plus d'entrants que de sortants) ; auto_off = 100 · T_ii / (T_ii + O_i), la part des actifs travaillant sur place, c'est-à-dire des actifs résidents qui travaillent dans le territoire (le « taux d'actifs stables » de l'INSEE) ; auto_dem = 100 · T_ii / (T_ii + I_i), la part des emplois occupés par des résidents (LabourMarketAreas retient la plus petite des deux) ; ratio_emp = 100 · emplois / actifs résidents = 100 · (T_ii + I_i) / (T_ii + O_i), l'indicateur de concentration d'emploi de l'INSEE (&lt; 100 : résidentiel, &gt; 100 : pôle d'emploi ; France : 98,3 en 2018) ; dep_max = 100 · T_ij / O_i pour la destination j ≠ i du plus grand flux (dest_max, nom_dmax : son code et son nom), la dépendance à la destination principale. Un territoire sans aucun flux reçoit des valeurs vides et est nommé dans le journal.

Lignes de flux : une ligne par paire de territoires, entre des points situés à l'intérieur de ceux-ci (jamais les flux internes) : orientées (une ligne par sens), brutes (les deux sens additionnés, depuis le territoire qui envoie le plus) ou nettes (la différence, dans son sens). Sont gardés : les volumes d'au moins le seuil (100 personnes par défaut ; Géoclip et l'Observatoire des territoires gardent les flux de plus de 50 pour les communes) et, par origine, les k plus grands (5 par défaut ; 0 les garde tous). Champs : orig, dest, noms, flux, fiable (fiabilité INSEE : 0 sous 200 personnes, à utiliser avec prudence ; 1 de 200 à 500 ; 2 au-delà de 500), part (% des sortants de l'origine, ou des échanges pour les lignes brutes), rang (rang parmi les lignes de l'origine). Dessinées avec la couche de symbole flèche de QGIS, courbes, d'une épaisseur croissant avec la racine carrée du volume.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="120"/>
        <source>Territories (polygons)</source>
        <translation>Territoires (polygones)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="120"/>
        <source>Communes, EPCI or any zoning, in a projected CRS (Lambert-93 in metropolitan France), with the codes used in the flow table.</source>
        <translation>Communes, EPCI ou tout autre zonage, dans un SCR projeté (Lambert-93 en France métropolitaine), avec les codes utilisés dans la table de flux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="131"/>
        <source>Territory code field</source>
        <translation>Champ du code des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="131"/>
        <source>Code of each territory, as in the flow table&apos;s origins and destinations.</source>
        <translation>Code de chaque territoire, tel qu'il figure dans les origines et destinations de la table de flux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="131"/>
        <source>Territory name field</source>
        <translation>Champ du nom des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="131"/>
        <source>Name of each territory, used in messages and the lines&apos; names.</source>
        <translation>Nom de chaque territoire, utilisé dans les messages et dans les noms des lignes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="153"/>
        <source>Flow table (e.g. from &apos;Import INSEE commuting flows&apos;)</source>
        <translation>Table de flux (par ex. issue de « Import des flux domicile-travail INSEE »)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="153"/>
        <source>One row per origin–destination pair with a number of persons.</source>
        <translation>Une ligne par paire origine–destination, avec un nombre de personnes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="163"/>
        <source>Origin code field</source>
        <translation>Champ du code d'origine</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="163"/>
        <source>Code of the territory of residence.</source>
        <translation>Code du territoire de résidence.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="163"/>
        <source>Destination code field</source>
        <translation>Champ du code de destination</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="163"/>
        <source>Code of the territory of work (or study).</source>
        <translation>Code du territoire de travail (ou d'études).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="163"/>
        <source>Flow field</source>
        <translation>Champ du flux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="163"/>
        <source>Number of persons of the pair.</source>
        <translation>Nombre de personnes de la paire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="264"/>
        <source>Flow lines</source>
        <translation>Lignes de flux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="199"/>
        <source>Directed (one line per direction)</source>
        <translation>Orientées (une ligne par sens)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="199"/>
        <source>Gross (both directions summed)</source>
        <translation>Brutes (les deux sens additionnés)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="199"/>
        <source>Net (difference of the two directions)</source>
        <translation>Nettes (différence des deux sens)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="199"/>
        <source>What each line carries.</source>
        <translation>Ce que représente chaque ligne.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="214"/>
        <source>Smallest flow drawn (persons)</source>
        <translation>Plus petit flux dessiné (personnes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="214"/>
        <source>Lines carrying fewer persons are not drawn (they still count in the indicators). Below 200 INSEE advises caution.</source>
        <translation>Les lignes portant moins de personnes ne sont pas dessinées (elles comptent tout de même dans les indicateurs). Sous 200, l'INSEE recommande la prudence.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="232"/>
        <source>Largest lines kept per origin (0: all)</source>
        <translation>Nombre maximal de lignes gardées par origine (0 : toutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="232"/>
        <source>Keeps the map readable: the k largest lines leaving each territory.</source>
        <translation>Garde la carte lisible : les k plus grandes lignes partant de chaque territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="244"/>
        <source>Curved lines</source>
        <translation>Lignes courbes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="244"/>
        <source>Bend each line at its middle so that the two directions of a pair do not overlap; off: straight lines.</source>
        <translation>Courbe chaque ligne en son milieu pour que les deux sens d'une paire ne se superposent pas ; désactivé : lignes droites.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="253"/>
        <source>Flow indicators</source>
        <translation>Indicateurs de flux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="253"/>
        <source>The territories with sortants, entrants, internes, brut, net, auto_off, auto_dem, ratio_emp, dep_max, dest_max, nom_dmax.</source>
        <translation>Les territoires avec sortants, entrants, internes, brut, net, auto_off, auto_dem, ratio_emp, dep_max, dest_max, nom_dmax.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="264"/>
        <source>The flows between territories kept by the threshold and per origin.</source>
        <translation>Les flux entre territoires retenus par le seuil et par origine.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="282"/>
        <source>The field &apos;{field}&apos; is not in the flow table &apos;{layer}&apos; (its fields: {fields}): choose it in the parameter &apos;{param}&apos;.</source>
        <translation>Le champ « {field} » n'est pas dans la table de flux « {layer} » (ses champs : {fields}) : choisissez-le dans le paramètre « {param} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="301"/>
        <source>Reading the flows…</source>
        <translation>Lecture des flux…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="313"/>
        <source>The flow table &apos;{layer}&apos; has no rows.</source>
        <translation>La table de flux « {layer} » n'a aucune ligne.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="319"/>
        <source>{n} rows of '{layer}' have an empty or negative '{field}' (fid {fids}): give each pair a number of persons ≥ 0.</source>
        <translation>{n} lignes de « {layer} » ont un « {field} » vide ou négatif (fid {fids}) : donnez à chaque paire un nombre de personnes ≥ 0.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="354"/>
        <source>Several territories of &apos;{layer}&apos; have the same code in &apos;{field}&apos;: {features}. Give each territory its own code (or dissolve them first).</source>
        <translation>Plusieurs territoires de « {layer} » ont le même code dans « {field} » : {features}. Donnez à chaque territoire son propre code (ou fusionnez-les d'abord).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="365"/>
        <source>{n} territories have no code: no flow can be theirs ({features}).</source>
        <translation>{n} territoires n'ont pas de code : aucun flux ne peut leur être rattaché ({features}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="381"/>
        <source>No origin or destination of &apos;{flows}&apos; is a territory code of &apos;{layer}&apos; (flows: {fcodes}; territories: {tcodes}). Use flows at the territories&apos; level: in &apos;Import INSEE commuting flows&apos;, set the zoning field to the field of the territories&apos; codes (e.g. siren_epci).</source>
        <translation>Aucune origine ni destination de « {flows} » n'est un code de territoire de « {layer} » (flux : {fcodes} ; territoires : {tcodes}). Utilisez des flux au niveau des territoires : dans « Import des flux domicile-travail INSEE », réglez le champ de zonage sur le champ des codes des territoires (par ex. siren_epci).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="404"/>
        <source>{n} rows of &apos;{flows}&apos; ({w} persons) have neither end in the territories and are not counted.</source>
        <translation>{n} lignes de « {flows} » ({w} personnes) n'ont aucune extrémité dans les territoires et ne sont pas comptées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="411"/>
        <source>{n} territories have no flow at all (neither residents nor jobs in the flows): their indicators are left empty: {features}.</source>
        <translation>{n} territoires n'ont aucun flux (ni résidents ni emplois dans les flux) : leurs indicateurs restent vides : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="452"/>
        <source>Commuting flow indicators</source>
        <translation>Indicateurs de flux domicile-travail</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="452"/>
        <source>Out-, in- and internal commuters, self-containment, job ratio and dependence on the main destination of the territories of &apos;{layer}&apos;, from the flows of &apos;{flows}&apos;.</source>
        <translation>Sortants, entrants et internes, part des actifs travaillant sur place et part des emplois occupés par des résidents, indicateur de concentration d'emploi et dépendance à la destination principale des territoires de « {layer} », d'après les flux de « {flows} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="465"/>
        <source>{n} territories: {pole} job poles (ratio_emp &gt; 100); supply-side self-containment from {lo} % to {hi} %.</source>
        <translation>{n} territoires : {pole} pôles d'emploi (ratio_emp &gt; 100) ; part des actifs travaillant sur place de {lo} % à {hi} %.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="564"/>
        <source>{n} flow lines of {c} pairs with a flow ({mode}, ≥ {t} persons, {k} per origin): they carry {share} % of the flows between territories.</source>
        <translation>{n} lignes de flux pour {c} paires avec un flux ({mode}, ≥ {t} personnes, {k} par origine) : elles portent {share} % des flux entre territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="593"/>
        <source>all</source>
        <translation>toutes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="578"/>
        <source>No flow between territories reaches the threshold: the flow lines layer is empty (lower the smallest flow drawn).</source>
        <translation>Aucun flux entre territoires n'atteint le seuil : la couche des lignes de flux est vide (abaissez le plus petit flux dessiné).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="587"/>
        <source>{n} lines carry fewer than 200 persons: INSEE advises using them with caution (fiable = 0).</source>
        <translation>{n} lignes portent moins de 200 personnes : l'INSEE recommande de les utiliser avec prudence (fiable = 0).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="593"/>
        <source>Commuting flow lines</source>
        <translation>Lignes de flux domicile-travail</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/flow_indicators.py" line="593"/>
        <source>Flows between the territories of &apos;{layer}&apos; from &apos;{flows}&apos; ({mode}, at least {t} persons, the {k} largest per origin).</source>
        <translation>Flux entre les territoires de « {layer} » d'après « {flows} » ({mode}, au moins {t} personnes, lignes gardées par origine : {k}).</translation>
    </message>
</context>
<context>
    <name>FoodAdequacy</name>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="74"/>
        <source>Food adequacy (farmland against needs)</source>
        <translation>Adéquation alimentaire (surfaces agricoles face aux besoins)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="105"/>
        <source>Territories with farmland and needs</source>
        <translation>Territoires avec surfaces agricoles et besoins</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="105"/>
        <source>One layer with the farmland fields (sau_*) and the needs fields (bes_*) or the population.</source>
        <translation>Une couche avec les champs de surfaces agricoles (sau_*) et les champs de besoins (bes_*) ou la population.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="121"/>
        <source>cereals</source>
        <translation>céréales</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="121"/>
        <source>oilseeds and protein crops</source>
        <translation>oléoprotéagineux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="121"/>
        <source>fodder and grassland</source>
        <translation>fourrages et prairies</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="121"/>
        <source>fruit and vegetables</source>
        <translation>fruits et légumes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="121"/>
        <source>other crops</source>
        <translation>autres cultures</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="129"/>
        <source>Farmland field (ha): {group}</source>
        <translation>Champ des surfaces agricoles (ha) : {group}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="129"/>
        <source>Hectares of farmland of the group (written by &apos;Farmland per crop group&apos;).</source>
        <translation>Hectares de surfaces agricoles du groupe (écrits par « Surfaces agricoles par groupe de cultures »).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="138"/>
        <source>Needs field (ha): {group}</source>
        <translation>Champ des besoins (ha) : {group}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="138"/>
        <source>Hectares needed for the group (written by &apos;Food needs&apos;); not used when diet scenarios are chosen.</source>
        <translation>Hectares nécessaires pour le groupe (écrits par « Besoins alimentaires ») ; non utilisé quand des scénarios de régime alimentaire sont choisis.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="147"/>
        <source>Diet scenarios to compare (needs recomputed from the population)</source>
        <translation>Scénarios de régime alimentaire à comparer (besoins recalculés à partir de la population)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="147"/>
        <source>Empty: the needs fields are used. One or more scenarios: the needs are recomputed from the population for each, with the levers below, and the output fields get a suffix per scenario (_ac, _25, _50). With qgis_process: SCENARIOS=0,2.</source>
        <translation>Vide : les champs de besoins sont utilisés. Un ou plusieurs scénarios : les besoins sont recalculés à partir de la population pour chacun, avec les leviers ci-dessous, et les champs en sortie reçoivent un suffixe par scénario (_ac, _25, _50). Avec qgis_process : SCENARIOS=0,2.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="278"/>
        <source>Food adequacy</source>
        <translation>Adéquation alimentaire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="165"/>
        <source>The territories with adq_bru, adq_cap, nourris and, per group, adq_*, cap_* (%) and sol_* (ha).</source>
        <translation>Les territoires avec adq_bru, adq_cap, nourris et, pour chaque groupe, adq_*, cap_* (%) et sol_* (ha).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="208"/>
        <source>Reading territories…</source>
        <translation>Lecture des territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="241"/>
        <source>{n} territories have no population (or need no land): their adequacy is left empty: {features}.</source>
        <translation>{n} territoires n'ont pas de population (ou n'ont besoin d'aucune surface) : leur adéquation est laissée vide : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="253"/>
        <source>{scenario}all territories together: raw adequacy {raw} %, capped adequacy {capped} %, people fed {fed} of {pop} inhabitants.</source>
        <translation>{scenario}ensemble des territoires : adéquation brute {raw} %, adéquation plafonnée {capped} %, personnes nourries {fed} sur {pop} habitants.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="265"/>
        <source>Writing output…</source>
        <translation>Écriture de la sortie…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="278"/>
        <source>Farmland against the land needed to feed the population of &apos;{layer}&apos;, per crop group (capped adequacy: a surplus never offsets a deficit), computed by ReTerr.</source>
        <translation>Surfaces agricoles comparées aux surfaces nécessaires pour nourrir la population de « {layer} », par groupe de cultures (adéquation plafonnée : un excédent ne compense jamais un déficit), calculées par ReTerr.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_adequacy.py" line="77"/>
        <source>Compares each territory's farmland with the land needed to feed its population, per crop group: the 'potentiel nourricier' of PARCEL and CRATer.

Input: ONE layer holding the farmland per crop group (fields sau_cer … sau_aut written by 'Farmland per crop group') and either the needs per group (fields bes_cer … bes_aut written by 'Food needs') or, when diet scenarios are chosen, the population only: the needs are then recomputed for each scenario with the levers below (without age weighting). Join the two outputs first, or chain the algorithms in a model.

Output fields, in % unless stated: adq_bru (raw adequacy) = Σ farmland / Σ needs; adq_cap (capped adequacy) = Σ min(farmland_g, need_g) / Σ needs — a surplus in one group never offsets a deficit in another, so it never exceeds 100 % nor the raw adequacy; per group g (cer cereals, olp oilseeds and protein crops, fou fodder, flg fruit and vegetables, aut other crops): adq_g = farmland / need, cap_g = min(farmland, need) / need, sol_g = farmland − need (ha, &gt; 0 surplus, &lt; 0 deficit); nourris (people fed) = the largest population, with the territory's diet and needs per inhabitant, whose needs in every group its farmland covers (min over the groups of farmland_g / need per inhabitant_g). With several scenarios each field gets a suffix: _ac current diet, _25 and _50 for 25 % and 50 % fewer animal products.

Territories without population (or without any need) get empty ratios and are named in a warning. Default needs per inhabitant: the shipped table (0.321 ha, current diet, calibrated on PARCEL; the split per group is a ReTerr default, see 'Food needs').</source>
        <translation>Compare les surfaces agricoles de chaque territoire aux surfaces nécessaires pour nourrir sa population, par groupe de cultures : le « potentiel nourricier » de PARCEL et de CRATer.

Entrée : UNE couche contenant les surfaces agricoles par groupe de cultures (champs sau_cer … sau_aut écrits par « Surfaces agricoles par groupe de cultures ») et soit les besoins par groupe (champs bes_cer … bes_aut écrits par « Besoins alimentaires »), soit, quand des scénarios de régime alimentaire sont choisis, la population seule : les besoins sont alors recalculés pour chaque scénario avec les leviers ci-dessous (sans pondération par âge). Joignez d'abord les deux sorties, ou enchaînez les algorithmes dans un modèle.

Champs en sortie, en % sauf mention contraire : adq_bru (adéquation brute) = Σ surfaces agricoles / Σ besoins ; adq_cap (adéquation plafonnée) = Σ min(surface_g, besoin_g) / Σ besoins — l'excédent d'un groupe ne compense jamais le déficit d'un autre, elle ne dépasse donc jamais 100 % ni l'adéquation brute ; pour chaque groupe g (cer céréales, olp oléoprotéagineux, fou fourrages, flg fruits et légumes, aut autres cultures) : adq_g = surface / besoin, cap_g = min(surface, besoin) / besoin, sol_g = surface − besoin (ha, &gt; 0 excédent, &lt; 0 déficit) ; nourris (personnes nourries) = la plus grande population, avec le régime alimentaire et les besoins par habitant du territoire, dont les besoins de chaque groupe sont couverts par ses surfaces agricoles (minimum sur les groupes de surface_g / besoin par habitant_g). Avec plusieurs scénarios, chaque champ reçoit un suffixe : _ac régime actuel, _25 et _50 pour 25 % et 50 % de produits animaux en moins.

Les territoires sans population (ou sans aucun besoin) reçoivent des ratios vides et sont nommés dans un avertissement. Besoins par habitant par défaut : la table fournie (0,321 ha, régime actuel, calé sur PARCEL ; la répartition par groupe est une valeur par défaut de ReTerr, voir « Besoins alimentaires »).</translation>
    </message>
</context>
<context>
    <name>FoodNeeds</name>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="68"/>
        <source>Current diet</source>
        <translation>Régime actuel</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="69"/>
        <source>−25 % animal products</source>
        <translation>−25 % de produits animaux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="70"/>
        <source>−50 % animal products</source>
        <translation>−50 % de produits animaux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="97"/>
        <source>Organic share (%)</source>
        <translation>Part de bio (%)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="97"/>
        <source>Share of the food produced organically. Organic land yields less: it needs 1 / (organic yield ratio) times the area.</source>
        <translation>Part de l'alimentation produite en bio. Les surfaces en bio rendent moins : il leur faut 1 / (rapport de rendement bio) fois la surface.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="117"/>
        <source>Organic yield ratio (organic / conventional)</source>
        <translation>Rapport de rendement bio (bio / conventionnel)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="117"/>
        <source>Organic yield divided by conventional yield; used only with an organic share. Default 0.75 (Seufert et al. 2012, Nature).</source>
        <translation>Rendement en bio divisé par le rendement en conventionnel ; utilisé seulement avec une part de bio. Par défaut 0,75 (Seufert et al. 2012, Nature).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="137"/>
        <source>Waste reduction (% of the needs saved)</source>
        <translation>Réduction du gaspillage (% des besoins économisés)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="137"/>
        <source>Share of the land needed that less food waste saves (e.g. 5 when waste making 10 % of the needs is halved).</source>
        <translation>Part des surfaces nécessaires économisée grâce à la baisse du gaspillage alimentaire (par ex. 5 quand un gaspillage représentant 10 % des besoins est divisé par deux).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="157"/>
        <source>Share of the food produced locally (%)</source>
        <translation>Part de l'alimentation produite localement (%)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="157"/>
        <source>100: the territory aims to produce all its food itself (PARCEL&apos;s reference).</source>
        <translation>100 : le territoire vise à produire lui-même toute son alimentation (référence de PARCEL).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="176"/>
        <source>Needs per inhabitant table (CSV)</source>
        <translation>Table des besoins par habitant (CSV)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="176"/>
        <source>Hectares per inhabitant per crop group and diet scenario (columns group; scenario; ha_per_inhabitant). Empty: the table shipped with the plugin (resources/supply/needs_per_inhabitant.csv), which can be copied and edited.</source>
        <translation>Hectares par habitant par groupe de cultures et scénario de régime alimentaire (colonnes group; scenario; ha_per_inhabitant). Vide : la table fournie avec l'extension (resources/supply/needs_per_inhabitant.csv), que l'on peut copier et modifier.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="209"/>
        <source>Needs per inhabitant read from {path}.</source>
        <translation>Besoins par habitant lus dans {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="232"/>
        <source>Food needs (farmland needed per crop group)</source>
        <translation>Besoins alimentaires (surfaces agricoles nécessaires par groupe de cultures)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="268"/>
        <source>Territories</source>
        <translation>Territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="268"/>
        <source>Communes, EPCI or any zoning with a population field.</source>
        <translation>Communes, EPCI ou tout zonage doté d'un champ de population.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="78"/>
        <source>Population field</source>
        <translation>Champ de population</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="78"/>
        <source>Number of inhabitants (default: population).</source>
        <translation>Nombre d'habitants (par défaut : population).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="84"/>
        <source>Name field</source>
        <translation>Champ du nom</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="84"/>
        <source>Names of the territories in messages (default: nom).</source>
        <translation>Noms des territoires dans les messages (par défaut : nom).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="279"/>
        <source>Diet scenario</source>
        <translation>Scénario de régime alimentaire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="279"/>
        <source>Scenario of the needs table: current diet, or 25 % or 50 % fewer animal products.</source>
        <translation>Scénario de la table des besoins : régime actuel, ou 25 % ou 50 % de produits animaux en moins.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="291"/>
        <source>Weight the needs by age</source>
        <translation>Pondérer les besoins par l'âge</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="291"/>
        <source>Children eat less than adults: with the three age fields below, the needs of each territory follow its age structure.</source>
        <translation>Les enfants mangent moins que les adultes : avec les trois champs d'âge ci-dessous, les besoins de chaque territoire suivent sa structure par âge.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="302"/>
        <source>Youngest age band field</source>
        <translation>Champ de la tranche d'âge la plus jeune</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="302"/>
        <source>Inhabitants of the youngest band (INSEE RP: under 20).</source>
        <translation>Habitants de la tranche la plus jeune (INSEE RP : moins de 20 ans).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="308"/>
        <source>Adult age band field</source>
        <translation>Champ de la tranche d'âge adulte</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="308"/>
        <source>Inhabitants of the adult band (INSEE RP: 20 to 64).</source>
        <translation>Habitants de la tranche adulte (INSEE RP : 20 à 64 ans).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="314"/>
        <source>Senior age band field</source>
        <translation>Champ de la tranche d'âge des seniors</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="314"/>
        <source>Inhabitants aged 65 and over (INSEE RP).</source>
        <translation>Habitants de 65 ans et plus (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="427"/>
        <source>Food needs</source>
        <translation>Besoins alimentaires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="320"/>
        <source>The territories with bes_cer … bes_aut, bes_total (ha) and bes_hab (ha per inhabitant).</source>
        <translation>Les territoires avec bes_cer … bes_aut, bes_total (ha) et bes_hab (ha par habitant).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="355"/>
        <source>Reading territories…</source>
        <translation>Lecture des territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="395"/>
        <source>Writing output…</source>
        <translation>Écriture de la sortie…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="409"/>
        <source>{n} territories, {pop} inhabitants: {ha} ha needed ({diet}, organic {bio} %, waste reduction {w} %, produced locally {r} %).</source>
        <translation>{n} territoires, {pop} habitants : {ha} ha nécessaires ({diet}, bio {bio} %, réduction du gaspillage {w} %, production locale {r} %).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="424"/>
        <source>Farmland needed per inhabitant: {ha} ha.</source>
        <translation>Surface agricole nécessaire par habitant : {ha} ha.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="427"/>
        <source>Farmland needed to feed the population of &apos;{layer}&apos;, per crop group (ha), diet scenario &apos;{diet}&apos;, computed by ReTerr.</source>
        <translation>Surface agricole nécessaire pour nourrir la population de « {layer} », par groupe de cultures (ha), scénario de régime alimentaire « {diet} », calculée par ReTerr.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/food_needs.py" line="235"/>
        <source>How much farmland each territory would need to feed its own population, per crop group, in hectares, as in PARCEL (BASIC, Terre de Liens, FNAB).

Output fields (added to the territories): bes_cer (cereals), bes_olp (oilseeds and protein crops), bes_fou (fodder and grassland), bes_flg (fruit and vegetables), bes_aut (other crops), bes_total (all groups), in hectares; bes_hab (hectares needed per inhabitant); fact_age (age factor, with age weighting only).

Method: need_g = population × a × s_g(diet) × r × (1 − w) × ((1 − b) + b / ρ), with s_g the hectares per inhabitant of crop group g in the needs table for the diet scenario, r the share of the food produced locally, w the waste reduction, b the organic share, ρ the organic/conventional yield ratio and a the age factor (1 without age weighting).

Defaults and sources: the shipped table's current diet totals 0.321 ha per inhabitant, calibrated on PARCEL (France, current diet, non-organic, fully relocalised: 20.9 Mha ≈ 0.32 ha per inhabitant); −25 % and −50 % animal products total 0.259 and 0.197 ha. The split between crop groups and the diet factors are ReTerr defaults derived from PARCEL's totals (PARCEL does not publish its per-group figures openly); the table's notes and resources/supply/README.md say how each was derived, and you can replace the table. Organic yield ratio 0.75: mean of the meta-analysis of Seufert, Ramankutty &amp; Foley (2012, Nature 485:229). Age weighting: consumption index 0.86 for the youngest band (ENNS 2006 energy intakes of children against adults), 1 for adults, 0.90 for 65 and over (a ReTerr default, no published index), normalised by a reference age structure 21 % / 57 % / 22 % (France, rounded) so that a territory with the national structure keeps a = 1; the index was set for the bands 0–17 / 18–64 / 65+ and is applied to the age fields given (INSEE's 0–19 / 20–64 / 65+ by default).

Territories without population get zero needs; a missing or negative population is an error naming the territories.</source>
        <translation>Surface agricole dont chaque territoire aurait besoin pour nourrir sa propre population, par groupe de cultures, en hectares, comme dans PARCEL (BASIC, Terre de Liens, FNAB).

Champs en sortie (ajoutés aux territoires) : bes_cer (céréales), bes_olp (oléoprotéagineux), bes_fou (fourrages et prairies), bes_flg (fruits et légumes), bes_aut (autres cultures), bes_total (tous groupes), en hectares ; bes_hab (hectares nécessaires par habitant) ; fact_age (facteur d'âge, seulement avec la pondération par âge).

Méthode : besoin_g = population × a × s_g(régime) × r × (1 − w) × ((1 − b) + b / ρ), où s_g est le nombre d'hectares par habitant du groupe de cultures g dans la table des besoins pour le scénario de régime alimentaire, r la part de l'alimentation produite localement, w la réduction du gaspillage, b la part de bio, ρ le rapport de rendement bio/conventionnel et a le facteur d'âge (1 sans pondération par âge).

Valeurs par défaut et sources : le régime actuel de la table fournie totalise 0,321 ha par habitant, calé sur PARCEL (France, régime actuel, non bio, alimentation entièrement relocalisée : 20,9 Mha ≈ 0,32 ha par habitant) ; les scénarios −25 % et −50 % de produits animaux totalisent 0,259 et 0,197 ha. La répartition entre groupes de cultures et les facteurs de régime sont des valeurs par défaut de ReTerr dérivées des totaux de PARCEL (PARCEL ne publie pas ses chiffres par groupe en accès libre) ; resources/supply/README.md indique, ligne par ligne, comment chaque valeur a été obtenue, et vous pouvez remplacer la table. Rapport de rendement bio de 0,75 : moyenne de la méta-analyse de Seufert, Ramankutty et Foley (2012, Nature 485:229). Pondération par âge : indice de consommation de 0,86 pour la tranche la plus jeune (apports énergétiques des enfants rapportés à ceux des adultes, ENNS 2006), 1 pour les adultes, 0,90 pour les 65 ans et plus (valeur par défaut de ReTerr, aucun indice publié), normalisé par une structure par âge de référence 21 % / 57 % / 22 % (France, valeurs arrondies) de sorte qu'un territoire ayant la structure nationale garde a = 1 ; l'indice a été établi pour les tranches 0–17 / 18–64 / 65+ et s'applique aux champs d'âge fournis (par défaut les 0–19 / 20–64 / 65+ de l'INSEE).

Les territoires sans population ont des besoins nuls ; une population manquante ou négative provoque une erreur qui nomme les territoires.</translation>
    </message>
</context>
<context>
    <name>FunctionalAreas</name>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="272"/>
        <source>Functional areas from flows</source>
        <translation>Aires fonctionnelles d'après les flux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="275"/>
        <source>Which communes function together? Groups the communes into areas where people mostly live and work, from home–work flows (e.g. the output of 'Import INSEE commuting flows'), and says how far these areas match an official zoning (zones d'emploi, EPCI…) and where they cut it.

Method
Flows between two communes of the layer make the graph; a row whose destination is not a commune of the layer (e.g. 'HORS…', outside the communes) is left out of the graph but counts as leaving its commune in the self-containment; a row from a commune outside the layer to one inside counts as a job of the latter.
Community detection (Leiden, the default, Traag, Waltman &amp; van Eck 2019; or Louvain, Blondel et al. 2008; implementation: the igraph package, optional) maximises the modularity Q = Σ_c [S_cc / 2m − γ (k_c / 2m)²] of the undirected graph S = T + Tᵀ (flows within a commune left out), γ the resolution (default 1: above, more and smaller areas; below, fewer and larger). The seed fixes the random draws: the same seed gives the same areas.
LabourMarketAreas regrouping (the method of the British travel-to-work areas and of INSEE's zones d'emploi 2020, ported from Istat's R package LabourMarketAreas 3.4; needs no extra package): starting from one area per commune, the least valid area gives a commune to the area it is most linked with, until every area is valid. An area with residents in work L (actifs), jobs W (emplois) and flows within it T is valid when validity = min(msc / tarSC, 1) × (1 − (1 − minSC / tarSC) × max((tarSZ − L) / (tarSZ − minSZ), 0)) × tarSC / minSC ≥ 1, with msc = min(T / L, T / W): at the target size it needs the minimum self-containment, at the minimum size the target one. Defaults are Istat 2011's: minimum size 1,000 and target size 10,000 employed residents, minimum self-containment 66.67 % and target 75 % (the British ONS uses 3,500 / 66.7 % / 25,000 / 75 %; INSEE does not publish its values). 'Leiden then regrouping' starts the regrouping from Leiden's areas. The regrouping sees the flows between the layer's communes only.
Contiguity (default on): a part of an area that does not touch its main part (communes sharing a border) joins the neighbouring area it exchanges most flows with.
Official zoning (optional field of the communes, e.g. ZE2020 or siren_epci): adjusted Rand index (Hubert &amp; Arabie 1985; 1 identical, about 0 no better than chance) and normalised mutual information (MI / mean of the two entropies; 1 identical, 0 independent), in the log and as outputs ARI and NMI; per area the zones it cuts (zones whose communes fall in several areas), and per commune whether it lies outside its zone's main area (hors_zone).

Output: one polygon per area, dissolved from its communes: aire (number, largest first), nom (its most populated commune, or the one with most jobs without a population field), n_communes, population, actifs (employed residents), emplois (jobs), internes (living and working in the area), auto_off = 100 × internes / actifs and auto_dem = 100 × internes / emplois (self-containment, supply and demand side, %), validite and valide (1 when the LabourMarketAreas rule holds), zones_cut. Optional: the communes with their area (aire, aire_nom, hors_zone).</source>
        <translation>Quelles communes fonctionnent ensemble ? Regroupe les communes en aires où les habitants, pour l'essentiel, vivent et travaillent, d'après les flux domicile-travail (par ex. la sortie de « Import des flux domicile-travail INSEE »), et indique dans quelle mesure ces aires correspondent à un zonage officiel (zones d'emploi, EPCI…) et où elles le découpent.

Méthode
Les flux entre deux communes de la couche forment le graphe ; une ligne dont la destination n'est pas une commune de la couche (par ex. « HORS… », hors des communes) est écartée du graphe mais compte comme un départ de sa commune dans la part des actifs travaillant sur place ; une ligne allant d'une commune hors de la couche vers une commune de la couche compte comme un emploi de cette dernière.
Détection de communautés (Leiden, par défaut, Traag, Waltman &amp; van Eck 2019 ; ou Louvain, Blondel et al. 2008 ; implémentation : le paquet igraph, optionnel) : maximise la modularité Q = Σ_c [S_cc / 2m − γ (k_c / 2m)²] du graphe non orienté S = T + Tᵀ (flux internes à une commune exclus), γ étant la résolution (1 par défaut ; au-dessus, des aires plus nombreuses et plus petites ; en dessous, moins nombreuses et plus grandes). La graine fixe les tirages aléatoires : la même graine donne les mêmes aires.
Regroupement LabourMarketAreas (la méthode des travel-to-work areas britanniques et des zones d'emploi 2020 de l'INSEE, portée depuis le paquet R LabourMarketAreas 3.4 de l'Istat ; ne demande aucun paquet supplémentaire) : en partant d'une aire par commune, l'aire la moins valide cède une commune à l'aire avec laquelle elle est le plus liée, jusqu'à ce que toutes les aires soient valides. Une aire avec des actifs occupés résidents L (actifs), des emplois W (emplois) et des flux internes T est valide quand validité = min(msc / tarSC, 1) × (1 − (1 − minSC / tarSC) × max((tarSZ − L) / (tarSZ − minSZ), 0)) × tarSC / minSC ≥ 1, avec msc = min(T / L, T / W), la part interne (la plus petite de la part des actifs travaillant sur place et de la part des emplois occupés par des résidents) : à la taille cible, il lui faut la part interne minimale ; à la taille minimale, la part interne cible. Les valeurs par défaut sont celles de l'Istat 2011 : taille minimale 1 000 et taille cible 10 000 actifs occupés résidents, part interne minimale 66,67 % et cible 75 % (l'ONS britannique utilise 3 500 / 66,7 % / 25 000 / 75 % ; l'INSEE ne publie pas ses valeurs). « Leiden puis regroupement » lance le regroupement à partir des aires de Leiden. Le regroupement ne voit que les flux entre les communes de la couche.
Contiguïté (activée par défaut) : une partie d'aire qui ne touche pas sa partie principale (communes partageant une frontière) rejoint l'aire voisine avec laquelle elle échange le plus de flux.
Zonage officiel (champ optionnel des communes, par ex. ZE2020 ou siren_epci) : indice de Rand ajusté (Hubert &amp; Arabie 1985 ; 1 : identique, environ 0 : pas mieux que le hasard) et information mutuelle normalisée (IM / moyenne des deux entropies ; 1 : identique, 0 : indépendant), dans le journal et en sorties ARI et NMI ; par aire, les zones qu'elle découpe (zones dont les communes tombent dans plusieurs aires) et, par commune, si elle se trouve hors de l'aire principale de sa zone (hors_zone).

Sortie : un polygone par aire, fusionné à partir de ses communes : aire (numéro, la plus grande en premier), nom (sa commune la plus peuplée, ou celle qui a le plus d'emplois en l'absence de champ de population), n_communes, population, actifs (actifs occupés résidents), emplois (emplois), internes (vivant et travaillant dans l'aire), auto_off = 100 × internes / actifs et auto_dem = 100 × internes / emplois (part des actifs travaillant sur place et part des emplois occupés par des résidents, en %), validite et valide (1 quand la règle LabourMarketAreas est respectée), zones_cut. Optionnel : les communes avec leur aire (aire, aire_nom, hors_zone).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="324"/>
        <source>Communes (polygons)</source>
        <translation>Communes (polygones)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="324"/>
        <source>The communes to group (or any territories the flows are given for), in a projected CRS (Lambert-93 in metropolitan France).</source>
        <translation>Les communes à regrouper (ou tout territoire pour lequel les flux sont donnés), dans un SCR projeté (Lambert-93 en France métropolitaine).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="335"/>
        <source>Commune code field</source>
        <translation>Champ du code commune</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="335"/>
        <source>Code of each commune, as in the flows&apos; origin and destination fields.</source>
        <translation>Code de chaque commune, tel qu'il figure dans les champs d'origine et de destination des flux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="335"/>
        <source>Commune name field</source>
        <translation>Champ du nom de commune</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="335"/>
        <source>Name of each commune: the areas take the name of their main commune.</source>
        <translation>Nom de chaque commune : les aires prennent le nom de leur commune principale.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="335"/>
        <source>Population field</source>
        <translation>Champ de population</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="335"/>
        <source>Population of each commune, summed per area and used to name the areas (without it: the commune with most jobs).</source>
        <translation>Population de chaque commune, additionnée par aire et utilisée pour nommer les aires (sans elle : la commune qui a le plus d'emplois).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="362"/>
        <source>Commuting flows (table)</source>
        <translation>Flux domicile-travail (table)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="362"/>
        <source>One row per origin → destination pair with a number of persons: the output of 'Import INSEE commuting flows' (fields orig, dest, flux) or any such table.</source>
        <translation>Une ligne par couple origine → destination avec un nombre de personnes : la sortie de « Import des flux domicile-travail INSEE » (champs orig, dest, flux) ou toute table de ce type.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="373"/>
        <source>Origin (residence) code field</source>
        <translation>Champ du code d'origine (résidence)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="373"/>
        <source>Commune of residence of each flow.</source>
        <translation>Commune de résidence de chaque flux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="373"/>
        <source>Destination (place of work) code field</source>
        <translation>Champ du code de destination (lieu de travail)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="373"/>
        <source>Commune of work of each flow; a code that is not a commune of the layer (e.g. 'HORS…') counts as leaving for outside.</source>
        <translation>Commune de travail de chaque flux ; un code qui n'est pas une commune de la couche (par ex. « HORS… ») compte comme un départ hors territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="373"/>
        <source>Flow field</source>
        <translation>Champ du flux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="373"/>
        <source>Number of persons of each flow.</source>
        <translation>Nombre de personnes de chaque flux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="400"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="400"/>
        <source>Community detection: Leiden (needs igraph)</source>
        <translation>Détection de communautés : Leiden (nécessite igraph)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="400"/>
        <source>Community detection: Louvain (needs igraph)</source>
        <translation>Détection de communautés : Louvain (nécessite igraph)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="400"/>
        <source>LabourMarketAreas regrouping (zones d&apos;emploi method)</source>
        <translation>Regroupement LabourMarketAreas (méthode des zones d'emploi)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="400"/>
        <source>Leiden then LabourMarketAreas regrouping (needs igraph)</source>
        <translation>Leiden puis regroupement LabourMarketAreas (nécessite igraph)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="400"/>
        <source>Community detection finds groups of communes with more flows between them than expected; the regrouping makes areas large and self-contained enough (the rule of the zones d&apos;emploi).</source>
        <translation>La détection de communautés trouve des groupes de communes qui échangent entre elles plus de flux qu'attendu ; le regroupement rend les aires assez grandes et assez autonomes (la règle des zones d'emploi).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="420"/>
        <source>Resolution (community detection)</source>
        <translation>Résolution (détection de communautés)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="420"/>
        <source>γ of the modularity: above 1 more and smaller areas, below 1 fewer and larger ones (default 1, the classic modularity).</source>
        <translation>γ de la modularité : au-dessus de 1, des aires plus nombreuses et plus petites ; en dessous de 1, moins nombreuses et plus grandes (par défaut 1, la modularité classique).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="440"/>
        <source>Random seed</source>
        <translation>Graine aléatoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="440"/>
        <source>The same seed gives the same areas (community detection).</source>
        <translation>La même graine donne les mêmes aires (détection de communautés).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="450"/>
        <source>Minimum size (employed residents, regrouping)</source>
        <translation>Taille minimale (actifs occupés résidents, regroupement)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="450"/>
        <source>An area this small must reach the target self-containment (Istat 2011: 1,000).</source>
        <translation>Une aire de cette taille doit atteindre l'autonomie cible (Istat 2011 : 1 000).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="450"/>
        <source>Target size (employed residents, regrouping)</source>
        <translation>Taille cible (actifs occupés résidents, regroupement)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="450"/>
        <source>An area this large needs only the minimum self-containment (Istat 2011: 10,000).</source>
        <translation>Une aire de cette taille n'a besoin que de l'autonomie minimale (Istat 2011 : 10 000).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="450"/>
        <source>Minimum self-containment (%, regrouping)</source>
        <translation>Autonomie minimale (%, regroupement)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="450"/>
        <source>Istat 2011: 66.67 %.</source>
        <translation>Istat 2011 : 66,67 %.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="450"/>
        <source>Target self-containment (%, regrouping)</source>
        <translation>Autonomie cible (%, regroupement)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="450"/>
        <source>Istat 2011: 75 %.</source>
        <translation>Istat 2011 : 75 %.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="492"/>
        <source>Make the areas contiguous</source>
        <translation>Rendre les aires d'un seul tenant</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="492"/>
        <source>A part of an area that does not touch the rest joins the neighbouring area it exchanges most flows with.</source>
        <translation>Une partie d'aire qui ne touche pas le reste de l'aire rejoint l'aire voisine avec laquelle elle échange le plus de flux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="503"/>
        <source>Official zoning to compare with (field of the communes)</source>
        <translation>Zonage officiel à comparer (champ des communes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="503"/>
        <source>Zone of each commune in an official zoning (e.g. ZE2020 for the zones d&apos;emploi, siren_epci for the EPCI): agreement (ARI, NMI) and the zones each area cuts.</source>
        <translation>Zone de chaque commune dans un zonage officiel (par ex. ZE2020 pour les zones d'emploi, siren_epci pour les EPCI) : concordance (ARI, NMI) et zones que chaque aire découpe.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="744"/>
        <source>Functional areas</source>
        <translation>Aires fonctionnelles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="514"/>
        <source>One polygon per area with its size and self-containment.</source>
        <translation>Un polygone par aire avec sa taille et son autonomie.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="522"/>
        <source>Communes with their functional area</source>
        <translation>Communes avec leur aire fonctionnelle</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="522"/>
        <source>The communes with their area (aire, aire_nom) and, with a zoning, hors_zone = 1 where the commune lies outside its zone&apos;s main area.</source>
        <translation>Les communes avec leur aire (aire, aire_nom) et, avec un zonage, hors_zone = 1 quand la commune est en dehors de l'aire principale de sa zone.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="537"/>
        <source>Adjusted Rand index with the zoning</source>
        <translation>Indice de Rand ajusté avec le zonage</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="537"/>
        <source>Normalised mutual information with the zoning</source>
        <translation>Information mutuelle normalisée avec le zonage</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="537"/>
        <source>Number of functional areas</source>
        <translation>Nombre d'aires fonctionnelles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="581"/>
        <source>Layer &apos;{layer}&apos; has no field &apos;{field}&apos;: the areas are named by commune code.</source>
        <translation>La couche « {layer} » n'a pas de champ « {field} » : les aires sont nommées par code commune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="590"/>
        <source>Layer &apos;{layer}&apos; has no field &apos;{field}&apos;: population left empty, areas named after the commune with most jobs.</source>
        <translation>La couche « {layer} » n'a pas de champ « {field} » : population laissée vide, aires nommées d'après la commune qui a le plus d'emplois.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="603"/>
        <source>Reading the communes…</source>
        <translation>Lecture des communes…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="625"/>
        <source>Finding the communes' neighbours…</source>
        <translation>Recherche des voisines des communes…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="639"/>
        <source>Making the areas contiguous…</source>
        <translation>Mise d'un seul tenant des aires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="645"/>
        <source>Contiguity: {n} communes detached from the rest of their area joined a neighbouring area ({names}).</source>
        <translation>Contiguïté : {n} communes détachées du reste de leur aire ont rejoint une aire voisine ({names}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="684"/>
        <source>Dissolving the communes into areas…</source>
        <translation>Fusion des communes en aires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="739"/>
        <source>Leiden community detection</source>
        <translation>Détection de communautés Leiden</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="740"/>
        <source>Louvain community detection</source>
        <translation>Détection de communautés Louvain</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="741"/>
        <source>LabourMarketAreas regrouping</source>
        <translation>Regroupement LabourMarketAreas</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="742"/>
        <source>Leiden then LabourMarketAreas regrouping</source>
        <translation>Leiden puis regroupement LabourMarketAreas</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="744"/>
        <source>Functional areas of the communes of &apos;{layer}&apos; from the flows of &apos;{flows}&apos; ({method}), with their size and self-containment.</source>
        <translation>Aires fonctionnelles des communes de « {layer} » d'après les flux de « {flows} » ({method}), avec leur taille et leur autonomie.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="778"/>
        <source>Communes by functional area</source>
        <translation>Communes par aire fonctionnelle</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="778"/>
        <source>The communes of &apos;{layer}&apos; with their functional area ({method}); hors_zone = 1 where a commune lies outside its zone&apos;s main area.</source>
        <translation>Les communes de « {layer} » avec leur aire fonctionnelle ({method}) ; hors_zone = 1 quand une commune est en dehors de l'aire principale de sa zone.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="798"/>
        <source>{k} functional areas ({method}) for {n} communes; {valid} meet the LabourMarketAreas validity rule. Largest: {largest}.</source>
        <translation>{k} aires fonctionnelles ({method}) pour {n} communes ; {valid} respectent la règle de validité LabourMarketAreas. La plus grande : {largest}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="820"/>
        <source>The field &apos;{field}&apos; is not in layer &apos;{layer}&apos; (its fields: {fields}): choose the field holding it in the parameter &apos;{param}&apos;.</source>
        <translation>Le champ « {field} » n'est pas dans la couche « {layer} » (ses champs : {fields}) : choisissez le champ qui le contient dans le paramètre « {param} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="835"/>
        <source>{n} communes of layer &apos;{layer}&apos; have no code in field &apos;{field}&apos;: {features}. Fill their codes.</source>
        <translation>{n} communes de la couche « {layer} » n'ont pas de code dans le champ « {field} » : {features}. Renseignez leur code.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="846"/>
        <source>Several communes of layer &apos;{layer}&apos; have the same code in field &apos;{field}&apos;: {codes}. Each commune needs its own code (dissolve the repeated features first).</source>
        <translation>Plusieurs communes de la couche « {layer} » ont le même code dans le champ « {field} » : {codes}. Chaque commune doit avoir son propre code (fusionnez d'abord les entités répétées).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="872"/>
        <source>The regrouping parameters must satisfy 0 &lt; minimum size &lt; target size and 0 &lt; minimum self-containment ≤ target self-containment ≤ 100 % (got sizes {min_size:g} and {target_size:g}, self-containment {min_sc:g} % and {target_sc:g} %).</source>
        <translation>Les paramètres du regroupement doivent vérifier 0 &lt; taille minimale &lt; taille cible et 0 &lt; autonomie minimale ≤ autonomie cible ≤ 100 % (reçu : tailles {min_size:g} et {target_size:g}, autonomie {min_sc:g} % et {target_sc:g} %).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="904"/>
        <source>Reading the flows…</source>
        <translation>Lecture des flux…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="916"/>
        <source>The flow table &apos;{layer}&apos; has no rows.</source>
        <translation>La table de flux « {layer} » n'a aucune ligne.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="922"/>
        <source>{n} rows of the flow table &apos;{layer}&apos; have an empty or negative flow in field &apos;{field}&apos; (feature ids {fids}): correct them or remove them.</source>
        <translation>{n} lignes de la table de flux « {layer} » ont un flux vide ou négatif dans le champ « {field} » (identifiants d'entités {fids}) : corrigez-les ou supprimez-les.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="960"/>
        <source>No flow of &apos;{layer}&apos; links two communes of the layer: check that the origin and destination fields hold the same codes as the commune code field (flows: {flow_codes}; communes: {codes}).</source>
        <translation>Aucun flux de « {layer} » ne relie deux communes de la couche : vérifiez que les champs d'origine et de destination contiennent les mêmes codes que le champ du code commune (flux : {flow_codes} ; communes : {codes}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="971"/>
        <source>Flows read from &apos;{layer}&apos;: {total} persons; {between} between communes of the layer (graph), {out} leaving them for outside, {inside} coming from outside.</source>
        <translation>Flux lus dans « {layer} » : {total} personnes ; {between} entre communes de la couche (graphe), {out} sortant vers l'extérieur, {inside} venant de l'extérieur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="985"/>
        <source>{n} rows of &apos;{layer}&apos; ({weight} persons) have neither their origin nor their destination among the communes: ignored (origins {codes}).</source>
        <translation>{n} lignes de « {layer} » ({weight} personnes) n'ont ni leur origine ni leur destination parmi les communes : ignorées (origines {codes}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="999"/>
        <source>{n} communes have no flow at all: each stays an area of its own ({codes}).</source>
        <translation>{n} communes n'ont aucun flux : chacune reste une aire à part ({codes}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="1014"/>
        <source>Detecting communities…</source>
        <translation>Détection des communautés…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="1026"/>
        <source>Community detection: {k} communities, modularity {q} (resolution {g}, seed {seed}).</source>
        <translation>Détection de communautés : {k} communautés, modularité {q} (résolution {g}, graine {seed}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="1033"/>
        <source>Regrouping into valid areas…</source>
        <translation>Regroupement en aires valides…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="1045"/>
        <source>Regrouping: {k} areas, {valid} valid, after {steps} steps ({moved} moves).</source>
        <translation>Regroupement : {k} aires, dont {valid} valides, après {steps} étapes ({moved} déplacements).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="1098"/>
        <source>{n} communes have no zone in field &apos;{field}&apos;: left out of the comparison ({features}).</source>
        <translation>{n} communes n'ont pas de zone dans le champ « {field} » : exclues de la comparaison ({features}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="1107"/>
        <source>No commune has a zone in field &apos;{field}&apos;: no comparison.</source>
        <translation>Aucune commune n'a de zone dans le champ « {field} » : pas de comparaison.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/functional_areas.py" line="1128"/>
        <source>Agreement with &apos;{field}&apos; ({zones} zones, {areas} areas): adjusted Rand index {ari}, normalised mutual information {nmi}. {cut} zones are split between several areas ({names}); {off} communes lie outside their zone&apos;s main area.</source>
        <translation>Concordance avec « {field} » ({zones} zones, {areas} aires) : indice de Rand ajusté {ari}, information mutuelle normalisée {nmi}. {cut} zones sont partagées entre plusieurs aires ({names}) ; {off} communes sont en dehors de l'aire principale de leur zone.</translation>
    </message>
</context>
<context>
    <name>ImportBpe</name>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="73"/>
        <source>Import BPE facilities (INSEE)</source>
        <translation>Importer les équipements de la BPE (INSEE)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="76"/>
        <source>Loads the geolocated file of the INSEE Base permanente des équipements as published (';'-separated CSV, columns REG, DEP, DEPCOM, DCIRIS, AN, TYPEQU, LAMBERT_X, LAMBERT_Y, QUALITE_XY; UTF-8 or Latin-1; decimal comma or dot) into a point layer.

Rows without usable coordinates are dropped and counted by reason. Each facility is tagged with its domain, label, gamme and membership of the everyday-services basket from the versioned code table shipped in resources/bpe (2021, 2023 and 2024+ nomenclatures, with the crosswalk of the 2023 and 2024 revisions). Unknown codes are kept with the domain '?' and listed. Coordinates are Lambert-93 in metropolitan France and UTM overseas: one CRS per run, choose the départements accordingly.</source>
        <translation>Charge le fichier géolocalisé de la Base permanente des équipements de l'INSEE tel qu'il est publié (CSV séparé par « ; », colonnes REG, DEP, DEPCOM, DCIRIS, AN, TYPEQU, LAMBERT_X, LAMBERT_Y, QUALITE_XY ; UTF-8 ou Latin-1 ; virgule ou point décimal) dans une couche de points.

Les lignes sans coordonnées utilisables sont écartées et comptées par motif. Chaque équipement reçoit son domaine, son libellé, sa gamme et son appartenance au panier de la vie courante, d'après la table des codes versionnée fournie dans resources/bpe (nomenclatures 2021, 2023 et 2024 et suivantes, avec la table de passage des révisions 2023 et 2024). Les codes inconnus sont gardés avec le domaine « ? » et listés. Les coordonnées sont en Lambert-93 en France métropolitaine et en UTM outre-mer : un seul système par traitement, choisissez les départements en conséquence.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="90"/>
        <source>BPE file (CSV)</source>
        <translation>Fichier BPE (CSV)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="90"/>
        <source>The geolocated BPE file as downloaded from insee.fr.</source>
        <translation>Le fichier BPE géolocalisé tel que téléchargé sur insee.fr.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="96"/>
        <source>Vintage (if the file has no AN column)</source>
        <translation>Millésime (si le fichier n'a pas de colonne AN)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="96"/>
        <source>Year of the BPE; the file&apos;s AN column wins when present.</source>
        <translation>Année de la BPE ; la colonne AN du fichier prévaut si elle existe.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="109"/>
        <source>Types or domains to keep</source>
        <translation>Types ou domaines à retenir</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="109"/>
        <source>TYPEQU codes or domain letters separated by &apos;;&apos; (e.g. &apos;D265;D307&apos; or &apos;D&apos;); empty: all.</source>
        <translation>Codes TYPEQU ou lettres de domaine séparés par « ; » (par ex. « D265;D307 » ou « D ») ; vide : tous.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="122"/>
        <source>Départements to keep</source>
        <translation>Départements à retenir</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="122"/>
        <source>Codes separated by &apos;;&apos; (e.g. &apos;12;46&apos;); empty: all.</source>
        <translation>Codes séparés par « ; » (par ex. « 12;46 ») ; vide : tous.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="265"/>
        <source>BPE facilities</source>
        <translation>Équipements BPE</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="130"/>
        <source>One point per located facility.</source>
        <translation>Un point par équipement localisé.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="153"/>
        <source>Reading {path}…</source>
        <translation>Lecture de {path}…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="167"/>
        <source>{n} rows dropped: {reason}.</source>
        <translation>{n} lignes écartées : {reason}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="176"/>
        <source>No facility left after filtering ({n} located rows read).</source>
        <translation>Aucun équipement après filtrage ({n} lignes localisées lues).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="185"/>
        <source>The selection mixes coordinate systems {codes}: only the EPSG:{epsg} rows are written. Run again per overseas département.</source>
        <translation>La sélection mélange les systèmes de coordonnées {codes} : seules les lignes en EPSG:{epsg} sont écrites. Relancez pour chaque département d'outre-mer.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="253"/>
        <source>{kept} facilities written; {read} rows read, {dropped} dropped.</source>
        <translation>{kept} équipements écrits ; {read} lignes lues, {dropped} écartées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="259"/>
        <source>Unknown TYPEQU codes (kept, domain &apos;?&apos;): {codes}.</source>
        <translation>Codes TYPEQU inconnus (gardés, domaine « ? ») : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="265"/>
        <source>Facilities of the INSEE BPE read from &apos;{path}&apos; by ReTerr.</source>
        <translation>Équipements de la BPE de l'INSEE lus dans « {path} » par ReTerr.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/import_bpe.py" line="203"/>
        <source>The file&apos;s column &apos;{column}&apos; is written as &apos;{name}&apos;: its name is already used by the output.</source>
        <translation>La colonne « {column} » du fichier est écrite sous le nom « {name} » : son nom est déjà pris par la sortie.</translation>
    </message>
</context>
<context>
    <name>ImportFlows</name>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="100"/>
        <source>Import INSEE commuting flows (MOBPRO, MOBSCO)</source>
        <translation>Import des flux domicile-travail INSEE (MOBPRO, MOBSCO)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="103"/>
        <source>Who lives where and works (or studies) where: the home–work (MOBPRO) and home–study (MOBSCO) flows of the INSEE census, as INSEE publishes them, summed for the communes of your study area — per commune pair, or per pair of zones (EPCI, zones d'emploi…) when a zoning field is chosen. The table feeds 'Flow indicators and flow lines'.

Files read (recognised from their header, ';'-separated): the detail files FD_MOBPRO_&lt;year&gt;.csv (one row per person of the census sample: residence COMMUNE and ARM, place of work DCLT, weight IPONDI) and FD_MOBSCO_&lt;year&gt;.csv (place of study DCETUF), and the aggregated 'base flux' files (CODGEO, LIBGEO, DCLT, L_DCLT, NBFLUX_C&lt;yy&gt;_ACTOCC15P for MOBPRO; DCETU, L_DCETU, NBFLUX_C&lt;yy&gt;_SCOL02P for MOBSCO), or an extract in the same layout. The file is streamed: a national detail file (8 million rows) takes a few seconds.

Method. flux = the sum of the weights (IPONDI, or the NBFLUX values) of the rows of each pair: an estimate of the number of persons. Kept: the flows whose residence or place of work is one of the communes (default; or the residence only, the place of work only, or both). With a zoning field (e.g. siren_epci), communes are replaced by their zone, flows within a zone become internal flows (orig = dest), and the communes outside the zoning (outside the study area, or without a zone: named in the log) are grouped as HORS. The arrondissements of Paris, Lyon and Marseille are counted in their city (75056, 69123, 13055) by default, as in the commune layers of the COG.

Nothing is dropped: a place of work that is not a French commune goes to a row of its origin with dest = ETRANGER (abroad: a country code 99…, or a foreign border commune), NONRENS (not given) or INCONNU (a code that is not a commune); the rows whose residence is not a commune are summed in one row orig = INCONNU; so the sum of flux equals the file's total weight minus the flows left out by the choice of communes, which the log checks.

fiable: INSEE's reliability rule for census flows: 0 below 200 persons (to be used with caution: sampling), 1 from 200 to 500 (comparisons fragile), 2 above 500 (reliable).

Output: a table (no geometry) orig, orig_nom, dest, dest_nom, flux, fiable, sorted by origin and destination.</source>
        <translation>Qui habite où et travaille (ou étudie) où : les flux domicile-travail (MOBPRO) et domicile-études (MOBSCO) du recensement de l'INSEE, tels que l'INSEE les publie, additionnés pour les communes de votre zone d'étude, par couple de communes, ou par couple de zones (EPCI, zones d'emploi…) quand un champ de zonage est choisi. La table alimente « Indicateurs de flux et lignes de flux ».

Fichiers lus (reconnus d'après leur en-tête, séparateur « ; ») : les fichiers détail FD_MOBPRO_&lt;année&gt;.csv (une ligne par personne de l'échantillon du recensement : résidence COMMUNE et ARM, lieu de travail DCLT, poids IPONDI) et FD_MOBSCO_&lt;année&gt;.csv (lieu d'études DCETUF), et les fichiers agrégés « base flux » (CODGEO, LIBGEO, DCLT, L_DCLT, NBFLUX_C&lt;aa&gt;_ACTOCC15P pour MOBPRO ; DCETU, L_DCETU, NBFLUX_C&lt;aa&gt;_SCOL02P pour MOBSCO), ou un extrait de même format. Le fichier est lu en flux continu : un fichier détail national (8 millions de lignes) prend quelques secondes.

Méthode. flux = la somme des poids (IPONDI, ou les valeurs NBFLUX) des lignes de chaque couple : une estimation du nombre de personnes. Sont conservés les flux dont la résidence ou le lieu de travail est l'une des communes (par défaut ; ou la résidence seule, le lieu de travail seul, ou les deux). Avec un champ de zonage (par ex. siren_epci), les communes sont remplacées par leur zone, les flux au sein d'une zone deviennent des flux internes (orig = dest), et les communes hors du zonage (hors de la zone d'étude, ou sans zone : citées dans le journal) sont regroupées sous HORS. Les arrondissements de Paris, Lyon et Marseille sont comptés par défaut dans leur ville (75056, 69123, 13055), comme dans les couches de communes du COG.

Rien n'est perdu : un lieu de travail qui n'est pas une commune française va dans une ligne de sa commune d'origine avec dest = ETRANGER (étranger : un code pays 99…, ou une commune frontalière étrangère), NONRENS (non renseigné) ou INCONNU (un code qui n'est pas une commune) ; les lignes dont la résidence n'est pas une commune sont additionnées dans une seule ligne orig = INCONNU ; ainsi la somme des flux est égale au poids total du fichier moins les flux écartés par le choix des communes, ce que le journal vérifie.

fiable : la règle de fiabilité de l'INSEE pour les flux du recensement : 0 en dessous de 200 personnes (à utiliser avec précaution : échantillonnage), 1 de 200 à 500 (comparaisons fragiles), 2 au-dessus de 500 (fiable).

Sortie : une table (sans géométrie) orig, orig_nom, dest, dest_nom, flux, fiable, triée par origine et destination.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="139"/>
        <source>INSEE flow file (MOBPRO or MOBSCO, CSV)</source>
        <translation>Fichier de flux INSEE (MOBPRO ou MOBSCO, CSV)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="139"/>
        <source>FD_MOBPRO_&lt;year&gt;.csv or FD_MOBSCO_&lt;year&gt;.csv (detail), or the aggregated base flux file, as downloaded from insee.fr, or an extract in the same layout.</source>
        <translation>FD_MOBPRO_&lt;année&gt;.csv ou FD_MOBSCO_&lt;année&gt;.csv (fichier détail), ou le fichier agrégé « base flux », tels que téléchargés sur insee.fr, ou un extrait de même format.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="150"/>
        <source>Communes of the study area</source>
        <translation>Communes de la zone d'étude</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="150"/>
        <source>The communes whose flows are kept; their names label the output, and one of their fields may give the zoning.</source>
        <translation>Les communes dont les flux sont conservés ; leurs noms servent d'étiquettes en sortie, et l'un de leurs champs peut fournir le zonage.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="163"/>
        <source>Commune code field</source>
        <translation>Champ du code commune</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="163"/>
        <source>INSEE commune code (5 characters, e.g. 12202, 2A004).</source>
        <translation>Code commune INSEE (5 caractères, par ex. 12202, 2A004).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="176"/>
        <source>Commune name field</source>
        <translation>Champ du nom de commune</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="176"/>
        <source>Names written in orig_nom and dest_nom (absent: the aggregated files&apos; own labels, or none).</source>
        <translation>Noms écrits dans orig_nom et dest_nom (absent : les libellés propres des fichiers agrégés, ou aucun).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="192"/>
        <source>Flows kept</source>
        <translation>Flux conservés</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="192"/>
        <source>Residence or place of work in the communes</source>
        <translation>Résidence ou lieu de travail dans les communes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="192"/>
        <source>Residence in the communes</source>
        <translation>Résidence dans les communes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="192"/>
        <source>Place of work (or study) in the communes</source>
        <translation>Lieu de travail (ou d'études) dans les communes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="192"/>
        <source>Both in the communes</source>
        <translation>Les deux dans les communes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="192"/>
        <source>Which flows of the file are kept. The default keeps every flow touching the study area, so that out-commuters and in-commuters are both counted.</source>
        <translation>Quels flux du fichier sont conservés. Par défaut, tout flux touchant la zone d'étude est conservé, afin de compter à la fois les actifs qui en sortent et ceux qui y entrent.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="211"/>
        <source>Zoning field (aggregate the communes to zones)</source>
        <translation>Champ de zonage (agréger les communes en zones)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="211"/>
        <source>A field of the communes giving their zone (e.g. siren_epci, or a zone d&apos;emploi code): the flows are summed per pair of zones. Empty: commune pairs.</source>
        <translation>Un champ des communes donnant leur zone (par ex. siren_epci, ou un code de zone d'emploi) : les flux sont additionnés par couple de zones. Vide : couples de communes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="228"/>
        <source>Zone name field</source>
        <translation>Champ du nom de zone</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="228"/>
        <source>Name of each commune&apos;s zone (e.g. nom_epci), written in the output.</source>
        <translation>Nom de la zone de chaque commune (par ex. nom_epci), écrit dans la sortie.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="241"/>
        <source>Count the arrondissements of Paris, Lyon and Marseille in their city</source>
        <translation>Compter les arrondissements de Paris, Lyon et Marseille dans leur ville</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="241"/>
        <source>On: 75101…75120 are counted in 75056, 69381…69389 in 69123, 13201…13216 in 13055, as the commune layers of the COG have one code per city. Off: the arrondissements are kept (give a communes layer with arrondissements).</source>
        <translation>Activé : 75101…75120 sont comptés dans 75056, 69381…69389 dans 69123, 13201…13216 dans 13055, car les couches communales du COG ont un seul code par ville. Désactivé : les arrondissements sont conservés (fournissez une couche de communes avec arrondissements).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="517"/>
        <source>Commuting flows</source>
        <translation>Flux domicile-travail</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="255"/>
        <source>One row per origin–destination pair: orig, orig_nom, dest, dest_nom, flux (persons), fiable (INSEE reliability class). No geometry.</source>
        <translation>Une ligne par couple origine–destination : orig, orig_nom, dest, dest_nom, flux (personnes), fiable (classe de fiabilité INSEE). Sans géométrie.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="276"/>
        <source>The field &apos;{field}&apos; is not in layer &apos;{layer}&apos; (its fields: {fields}): choose the field in the parameter &apos;{param}&apos;.</source>
        <translation>Le champ « {field} » n'est pas dans la couche « {layer} » (ses champs : {fields}) : choisissez le champ dans le paramètre « {param} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="304"/>
        <source>Reading the communes…</source>
        <translation>Lecture des communes…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="315"/>
        <source>Layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="321"/>
        <source>{n} communes of &apos;{layer}&apos; have no code and are ignored (fid {fids}).</source>
        <translation>{n} communes de « {layer} » n'ont pas de code et sont ignorées (fid {fids}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="350"/>
        <source>Commune {code} of &apos;{layer}&apos; has two zones in &apos;{field}&apos;: {a} and {b}. Give each commune one zone.</source>
        <translation>La commune {code} de « {layer} » a deux zones dans « {field} » : {a} et {b}. Donnez une seule zone à chaque commune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="361"/>
        <source>{n} codes of the field &apos;{field}&apos; of &apos;{layer}&apos; are not INSEE commune codes (5 letters or digits, e.g. 12202, 2A004): {codes}. Choose the field holding the commune codes.</source>
        <translation>{n} codes du champ « {field} » de « {layer} » ne sont pas des codes communaux INSEE (5 lettres ou chiffres, par ex. 12202, 2A004) : {codes}. Choisissez le champ qui contient les codes des communes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="369"/>
        <source>Layer &apos;{layer}&apos; has no commune code to keep flows for.</source>
        <translation>La couche « {layer} » n'a aucun code communal pour lequel garder des flux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="387"/>
        <source>Reading {path}…</source>
        <translation>Lecture de {path}…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="410"/>
        <source>Summing the flows…</source>
        <translation>Sommation des flux…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="412"/>
        <source>abroad</source>
        <translation>étranger</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="413"/>
        <source>place not given</source>
        <translation>lieu non renseigné</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="414"/>
        <source>code that is not a commune</source>
        <translation>code qui n'est pas une commune</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="415"/>
        <source>communes outside the zoning</source>
        <translation>communes hors du zonage</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="435"/>
        <source>residence that is not a known commune</source>
        <translation>résidence qui n'est pas une commune connue</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="465"/>
        <source>{rows} rows read from {path} ({layout}), total weight {total} persons; {malformed} malformed rows skipped.</source>
        <translation>{rows} lignes lues dans {path} ({layout}), poids total {total} personnes ; {malformed} lignes mal formées ignorées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="477"/>
        <source>Kept: {kept} persons in {n} rows ({units}); left out by the choice of communes: {left}. Weight outside French communes kept: {outside} (abroad {abroad}, not given {missing}, unknown code {unknown}); residences that are not a commune: {unusable}.</source>
        <translation>Conservé : {kept} personnes en {n} lignes ({units}) ; écarté par le choix des communes : {left}. Poids hors communes françaises conservé : {outside} (étranger {abroad}, non renseigné {missing}, code inconnu {unknown}) ; résidences qui ne sont pas une commune : {unusable}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="477"/>
        <source>zone pairs</source>
        <translation>couples de zones</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="477"/>
        <source>commune pairs</source>
        <translation>couples de communes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="497"/>
        <source>Check failed: the table sums to {kept} persons, the file to {total} minus {left} left out. Please report this file.</source>
        <translation>Échec du contrôle : la table totalise {kept} personnes, le fichier {total} moins {left} écartées. Merci de signaler ce fichier.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="505"/>
        <source>Check: the table's {kept} persons = the file's {total} − {left} left out.</source>
        <translation>Contrôle : les {kept} personnes de la table = les {total} du fichier − {left} écartées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="512"/>
        <source>{n} communes of &apos;{layer}&apos; have no flow in the file: {codes}.</source>
        <translation>{n} communes de « {layer} » n'ont aucun flux dans le fichier : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="517"/>
        <source>Flows of &apos;{path}&apos; summed per {units} for the communes of &apos;{layer}&apos; (flux: persons; fiable: INSEE reliability class).</source>
        <translation>Flux de « {path} » sommés par {units} pour les communes de « {layer} » (flux : personnes ; fiable : classe de fiabilité INSEE).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="517"/>
        <source>pair of zones</source>
        <translation>couple de zones</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="517"/>
        <source>commune pair</source>
        <translation>couple de communes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="535"/>
        <source>No commune of &apos;{layer}&apos; has a zone in the zoning field: choose another field, or leave it empty for commune pairs.</source>
        <translation>Aucune commune de « {layer} » n'a de zone dans le champ de zonage : choisissez un autre champ, ou laissez-le vide pour des couples de communes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="542"/>
        <source>{n} communes of &apos;{layer}&apos; have no zone: their flows are counted as {outside}: {codes}.</source>
        <translation>{n} communes de « {layer} » n'ont pas de zone : leurs flux sont comptés comme {outside} : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/import_flows.py" line="561"/>
        <source>{n} communes outside &apos;{layer}&apos; exchange flows with it: grouped as {outside}.</source>
        <translation>{n} communes hors de « {layer} » échangent des flux avec elle : regroupées en {outside}.</translation>
    </message>
</context>
<context>
    <name>ImportSirene</name>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="82"/>
        <source>Import SIRENE establishments (INSEE)</source>
        <translation>Importer les établissements SIRENE (INSEE)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="117"/>
        <source>SIRENE establishment stock (CSV)</source>
        <translation>Stock SIRENE des établissements (CSV)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="117"/>
        <source>StockEtablissement_utf8.csv as downloaded from data.gouv.fr / INSEE, or an extract in the same layout.</source>
        <translation>StockEtablissement_utf8.csv tel que téléchargé sur data.gouv.fr / INSEE, ou un extrait de même structure.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="128"/>
        <source>SIRENE legal-unit stock (CSV)</source>
        <translation>Stock SIRENE des unités légales (CSV)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="128"/>
        <source>StockUniteLegale_utf8.csv: adds the company category and the ESS flag.</source>
        <translation>StockUniteLegale_utf8.csv : ajoute la catégorie d'entreprise et l'indicateur ESS.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="139"/>
        <source>Communes to keep (polygons)</source>
        <translation>Communes à retenir (polygones)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="139"/>
        <source>The communes of your territory; their code field filters the stock and their polygons place the rows without coordinates.</source>
        <translation>Les communes de votre territoire ; leur champ de code filtre le stock et leurs polygones servent à placer les lignes sans coordonnées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="152"/>
        <source>Commune code field</source>
        <translation>Champ du code commune</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="152"/>
        <source>INSEE commune code (5 characters, e.g. 12202, 2A004).</source>
        <translation>Code commune INSEE (5 caractères, par ex. 12202, 2A004).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="165"/>
        <source>Town halls (points)</source>
        <translation>Mairies (points)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="165"/>
        <source>Where to place the establishments without coordinates; without it, a point inside their commune.</source>
        <translation>Où placer les établissements sans coordonnées ; à défaut, en un point à l'intérieur de leur commune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="179"/>
        <source>Town hall commune code field</source>
        <translation>Champ du code commune des mairies</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="179"/>
        <source>Commune code of each town hall, as in the communes layer.</source>
        <translation>Code commune de chaque mairie, comme dans la couche des communes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="192"/>
        <source>Active establishments only</source>
        <translation>Établissements actifs uniquement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="192"/>
        <source>Leave out the closed establishments (they are counted).</source>
        <translation>Écarte les établissements fermés (ils sont comptés).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="449"/>
        <source>SIRENE establishments</source>
        <translation>Établissements SIRENE</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="200"/>
        <source>One point per establishment kept, in Lambert-93 (EPSG:2154).</source>
        <translation>Un point par établissement retenu, en Lambert-93 (EPSG:2154).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="214"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;: choose the field holding the INSEE commune codes.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} » : choisissez le champ qui contient les codes communes INSEE.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="227"/>
        <source>Layer &apos;{layer}&apos; has no valid coordinate reference system: set its CRS.</source>
        <translation>La couche « {layer} » n'a pas de système de coordonnées de référence valide : définissez son SCR.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="257"/>
        <source>Reading the communes…</source>
        <translation>Lecture des communes…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="269"/>
        <source>{n} communes of &apos;{layer}&apos; have no code and are ignored: {features}.</source>
        <translation>{n} communes de « {layer} » n'ont pas de code et sont ignorées : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="277"/>
        <source>Layer &apos;{layer}&apos; has no commune code to filter on.</source>
        <translation>La couche « {layer} » ne contient aucun code commune sur lequel filtrer.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="282"/>
        <source>Every commune of &apos;{layer}&apos; is overseas ({codes}): SIRENE gives overseas coordinates in local projections, and this import writes Lambert-93 for metropolitan France only.</source>
        <translation>Toutes les communes de « {layer} » sont en outre-mer ({codes}) : SIRENE donne les coordonnées d'outre-mer dans des projections locales, et cet import écrit du Lambert-93 pour la France métropolitaine seulement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="301"/>
        <source>Reading {path}…</source>
        <translation>Lecture de {path}…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="321"/>
        <source>{n} establishments of overseas communes are left out: SIRENE gives their coordinates in local projections, not Lambert-93 (EPSG:2154).</source>
        <translation>{n} établissements de communes d'outre-mer sont écartés : SIRENE donne leurs coordonnées dans des projections locales, pas en Lambert-93 (EPSG:2154).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="337"/>
        <source>{n} establishments have coordinates outside metropolitan Lambert-93: they are placed like the rows without coordinates.</source>
        <translation>{n} établissements ont des coordonnées hors du Lambert-93 métropolitain : ils sont placés comme les lignes sans coordonnées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="359"/>
        <source>{n} establishments without coordinates could not be placed (their commune is neither in the town halls nor in the communes layer) and are left out: SIRET {sirets}.</source>
        <translation>{n} établissements sans coordonnées n'ont pas pu être placés (leur commune ne figure ni dans les mairies ni dans la couche des communes) et sont écartés : SIRET {sirets}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="419"/>
        <source>{rows} rows read: {kept} establishments of the {communes} communes kept, {closed} closed ones left out, {outside} rows of other communes, {malformed} malformed rows.</source>
        <translation>{rows} lignes lues : {kept} établissements des {communes} communes retenus, {closed} établissements fermés écartés, {outside} lignes d'autres communes, {malformed} lignes mal formées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="433"/>
        <source>{n} establishments written: {xy} at their Lambert-93 coordinates, {hall} at their town hall, {commune} at a point inside their commune.</source>
        <translation>{n} établissements écrits : {xy} à leurs coordonnées Lambert-93, {hall} à leur mairie, {commune} en un point à l'intérieur de leur commune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="444"/>
        <source>{jobs} jobs estimated from the size classes.</source>
        <translation>{jobs} emplois estimés d'après les tranches d'effectif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="449"/>
        <source>Establishments of the SIRENE stock &apos;{path}&apos; in the communes of &apos;{layer}&apos;{active}, located by their Lambert-93 coordinates or their commune.</source>
        <translation>Établissements du stock SIRENE « {path} » dans les communes de « {layer} »{active}, localisés par leurs coordonnées Lambert-93 ou par leur commune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="449"/>
        <source> (active only)</source>
        <translation> (actifs uniquement)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/import_sirene.py" line="85"/>
        <source>Loads the establishments of your territory from the SIRENE stock as INSEE publishes it (StockEtablissement_utf8.csv: 54 columns, UTF-8, comma-separated; a national file of tens of millions of rows is read in blocks, never loaded whole), optionally joined with StockUniteLegale_utf8.csv for the company category (PME, ETI, GE) and the ESS flag of each legal unit.

Kept: the establishments whose commune (codeCommuneEtablissement; the arrondissements of Paris, Lyon and Marseille count as their city) is one of the communes layer's codes, and by default only the active ones (etatAdministratifEtablissement = A). Closed establishments, rows of other communes and malformed rows are counted in the log.

Location: the Lambert-93 coordinates of the file (placement = lambert). Rows without coordinates (empty, or [ND] for establishments that are not diffusible) or outside the metropolitan Lambert-93 extent are placed at their commune's town hall when a town-halls layer is given (placement = mairie), else at a point inside the commune polygon (placement = commune); both are counted. Overseas départements (codes 97…, 98…) are left out with a warning: SIRENE gives their coordinates in local projections, and this layer is Lambert-93 (EPSG:2154) for metropolitan France.

Fields: siret, siren, commune, nom (usual name or sign), naf (NAF rév. 2 sub-class; empty when the row uses an older nomenclature, counted), naf25 (NAF 2025 when the file has it), tranche (size class), emplois (jobs), actif, siege (1 for the legal unit's head office), com_siege (commune of the head office, found in the same file), ess and categorie (from StockUniteLegale), placement.

Jobs: the midpoint of the size class (0 employees → 1, 1–2 → 1.5, 3–5 → 4, 6–9 → 7.5, 10–19 → 14.5 … 10,000 and more → 15,000; non-employers and unknown classes → 1), the BASIC/SISTA method (METHODS §2.4), table editable in resources/supply/sirene_tranches.csv.</source>
        <translation>Charge les établissements de votre territoire depuis le stock SIRENE tel que l'INSEE le publie (StockEtablissement_utf8.csv : 54 colonnes, UTF-8, séparateur virgule ; un fichier national de plusieurs dizaines de millions de lignes est lu par blocs, jamais chargé en entier), avec en option la jointure de StockUniteLegale_utf8.csv pour la catégorie d'entreprise (PME, ETI, GE) et l'indicateur d'appartenance à l'économie sociale et solidaire (ESS) de chaque unité légale.

Sont retenus : les établissements dont la commune (codeCommuneEtablissement ; les arrondissements de Paris, Lyon et Marseille comptent pour leur ville) figure parmi les codes de la couche des communes et, par défaut, seulement les établissements actifs (etatAdministratifEtablissement = A). Les établissements fermés, les lignes d'autres communes et les lignes mal formées sont comptés dans le journal.

Localisation : les coordonnées Lambert-93 du fichier (placement = lambert). Les lignes sans coordonnées (vides, ou [ND] pour les établissements non diffusibles) ou hors de l'emprise Lambert-93 métropolitaine sont placées à la mairie de leur commune si une couche de mairies est fournie (placement = mairie), sinon en un point à l'intérieur du polygone de la commune (placement = commune) ; les deux cas sont comptés. Les départements d'outre-mer (codes 97…, 98…) sont écartés avec un avertissement : SIRENE donne leurs coordonnées dans des projections locales, et cette couche est en Lambert-93 (EPSG:2154) pour la France métropolitaine.

Champs : siret, siren, commune, nom (nom usuel ou enseigne), naf (sous-classe NAF rév. 2 ; vide quand la ligne utilise une nomenclature plus ancienne, compté), naf25 (NAF 2025 si le fichier la contient), tranche (tranche d'effectif), emplois (nombre d'emplois estimé), actif, siege (1 pour le siège de l'unité légale), com_siege (commune du siège, trouvée dans le même fichier), ess et categorie (issus de StockUniteLegale), placement.

Emplois : le milieu de la tranche d'effectif (0 salarié → 1, 1–2 → 1,5, 3–5 → 4, 6–9 → 7,5, 10–19 → 14,5 … 10 000 et plus → 15 000 ; unités non employeuses et tranches inconnues → 1), selon la méthode BASIC/SISTA (METHODS §2.4), table modifiable dans resources/supply/sirene_tranches.csv.</translation>
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
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="40"/>
        <source>The field becomes an indicator of the dock for this layer (saved with the project). Fields already produced by ReTerr are declared already.</source>
        <translation>Le champ devient un indicateur du panneau pour cette couche (enregistré avec le projet). Les champs produits par ReTerr sont déjà déclarés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="53"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="55"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="57"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="59"/>
        <source>Higher is better</source>
        <translation>Plus c'est haut, mieux c'est</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="60"/>
        <source>Higher is worse</source>
        <translation>Plus c'est haut, moins bien c'est</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="61"/>
        <source>Context (neither good nor bad)</source>
        <translation>Contexte (ni bon ni mauvais)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="64"/>
        <source>Polarity</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="69"/>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/indicator_dialog.py" line="70"/>
        <source>Forget this declaration</source>
        <translation>Oublier cette déclaration</translation>
    </message>
</context>
<context>
    <name>LocalSourcing</name>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="112"/>
        <source>Local sourcing flows (surplus → deficit)</source>
        <translation>Flux d'approvisionnement local (excédent → déficit)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="149"/>
        <source>Territories with balances per family</source>
        <translation>Territoires avec les soldes par famille</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="149"/>
        <source>Polygons or points in a projected CRS, e.g. the output of &apos;Food adequacy&apos;.</source>
        <translation>Polygones ou points dans un SCR projeté, par ex. la sortie de « Adéquation alimentaire ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="161"/>
        <source>Balance fields (one per family)</source>
        <translation>Champs de solde (un par famille)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="161"/>
        <source>Surplus (&gt; 0) or deficit (&lt; 0) of each territory, one field per product family. Empty: the balance fields of &apos;Food adequacy&apos; ({fields}).</source>
        <translation>Excédent (&gt; 0) ou déficit (&lt; 0) de chaque territoire, un champ par famille de produits. Vide : les champs de solde de « Adéquation alimentaire » ({fields}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="178"/>
        <source>Territory code field</source>
        <translation>Champ du code des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="178"/>
        <source>Code written on the flow lines and matched with the town halls&apos; codes; without it, the feature id.</source>
        <translation>Code écrit sur les lignes de flux et apparié aux codes des mairies ; à défaut, l'identifiant de l'entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="194"/>
        <source>Territory name field</source>
        <translation>Champ du nom des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="194"/>
        <source>Name written on the flow lines and used in messages.</source>
        <translation>Nom écrit sur les lignes de flux et utilisé dans les messages.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="207"/>
        <source>Radius (km, straight line)</source>
        <translation>Rayon (km, à vol d'oiseau)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="207"/>
        <source>Largest straight-line distance between a supplying and a receiving territory (without a road network).</source>
        <translation>Plus grande distance à vol d'oiseau entre un territoire qui fournit et un territoire qui reçoit (sans réseau routier).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="225"/>
        <source>Largest road time (minutes, with a road network)</source>
        <translation>Temps de parcours routier maximal (minutes, avec un réseau routier)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="225"/>
        <source>Used instead of the radius when a road network is given.</source>
        <translation>Utilisé à la place du rayon quand un réseau routier est fourni.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="240"/>
        <source>Solver</source>
        <translation>Solveur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="240"/>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="240"/>
        <source>Network simplex (needs numba)</source>
        <translation>Simplexe réseau (nécessite numba)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="240"/>
        <source>HiGHS (scipy)</source>
        <translation>HiGHS (scipy)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="240"/>
        <source>Automatic: the compiled network simplex when numba is installed, else HiGHS. Both give the same optimum.</source>
        <translation>Automatique : le simplexe réseau compilé si numba est installé, sinon HiGHS. Les deux donnent le même optimum.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="260"/>
        <source>Points standing for the territories (e.g. town halls)</source>
        <translation>Points représentant les territoires (par ex. les mairies)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="260"/>
        <source>Matched on the territory code; used where the point lies inside its territory, else a point inside the polygon.</source>
        <translation>Appariés par le code du territoire ; utilisés quand le point est situé dans son territoire, sinon un point à l'intérieur du polygone.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="274"/>
        <source>Point code field</source>
        <translation>Champ du code des points</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="274"/>
        <source>Code of each point, as in the territory code field.</source>
        <translation>Code de chaque point, comme dans le champ du code des territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="288"/>
        <source>Sourcing flows</source>
        <translation>Flux d'approvisionnement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="288"/>
        <source>One line per flow, from the supplying to the receiving territory, styled by volume.</source>
        <translation>Une ligne par flux, du territoire qui fournit au territoire qui reçoit, symbolisée selon le volume.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="299"/>
        <source>Territories: deficits covered, unmatched surplus and deficit</source>
        <translation>Territoires : déficits couverts, excédents et déficits non appariés</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="299"/>
        <source>The territories with, per family, couv_, envoi_, recu_, exc_ and def_.</source>
        <translation>Les territoires avec, pour chaque famille, couv_, envoi_, recu_, exc_ et def_.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="322"/>
        <source>Balance fields of &apos;Food adequacy&apos; used: {fields}.</source>
        <translation>Champs de solde de « Adéquation alimentaire » utilisés : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="328"/>
        <source>Choose the balance fields of layer &apos;{layer}&apos; (one per product family, surplus &gt; 0, deficit &lt; 0): it has none of the fields of &apos;Food adequacy&apos; ({defaults}).</source>
        <translation>Choisissez les champs de solde de la couche « {layer} » (un par famille de produits, excédent &gt; 0, déficit &lt; 0) : elle ne contient aucun des champs de « Adéquation alimentaire » ({defaults}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="337"/>
        <source>Fields not found in layer &apos;{layer}&apos;: {fields}.</source>
        <translation>Champs introuvables dans la couche « {layer} » : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="349"/>
        <source>The fields &apos;{a}&apos; and &apos;{b}&apos; both stand for the family &apos;{family}&apos;: give one balance field per family.</source>
        <translation>Les champs « {a} » et « {b} » correspondent tous deux à la famille « {family} » : indiquez un seul champ de solde par famille.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="358"/>
        <source>The balance fields {fields} give the same output field names: rename them.</source>
        <translation>Les champs de solde {fields} donnent les mêmes noms de champs en sortie : renommez-les.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="370"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="396"/>
        <source>Reading the territories…</source>
        <translation>Lecture des territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="422"/>
        <source>Points standing for the territories are matched on the territory code: choose the code field of layer &apos;{layer}&apos;.</source>
        <translation>Les points représentant les territoires sont appariés par le code du territoire : choisissez le champ du code de la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="441"/>
        <source>Finding the pairs of territories within reach…</source>
        <translation>Recherche des paires de territoires à portée…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="455"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="460"/>
        <source>Straight-line distances between the territories&apos; points, at most {radius} km.</source>
        <translation>Distances à vol d'oiseau entre les points des territoires, au plus {radius} km.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="466"/>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="470"/>
        <source>Matching surpluses and deficits…</source>
        <translation>Appariement des excédents et des déficits…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="584"/>
        <source>{family}: {matched} matched of {matchable} that could move without a radius ({share} %), {flows} flows, mean {mean} {unit}; solver: {solver}.</source>
        <translation>{family} : {matched} appariés sur {matchable} appariables sans limite de rayon ({share} %), {flows} flux, moyenne {mean} {unit} ; solveur : {solver}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="601"/>
        <source>{n} territories with a deficit receive nothing within reach: {names}.</source>
        <translation>{n} territoires en déficit ne reçoivent rien à portée : {names}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="607"/>
        <source>No flow within reach: the flow layer is empty (see the messages above).</source>
        <translation>Aucun flux à portée : la couche de flux est vide (voir les messages ci-dessus).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="613"/>
        <source>Local sourcing flows</source>
        <translation>Flux d'approvisionnement local</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="614"/>
        <source>Surpluses matched with deficits within {limit} {unit} per family ({families}), from &apos;{layer}&apos; (min-cost maximum matching).</source>
        <translation>Excédents appariés aux déficits dans un rayon de {limit} {unit} par famille ({families}), d'après « {layer} » (appariement maximal à coût minimal).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="632"/>
        <source>Deficits covered by local sourcing</source>
        <translation>Déficits couverts par l'approvisionnement local</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="632"/>
        <source>Share of each territory&apos;s deficit covered within {limit} {unit}, sent, received and unmatched volumes per family, from &apos;{layer}&apos;.</source>
        <translation>Part du déficit de chaque territoire couverte dans un rayon de {limit} {unit}, volumes envoyés, reçus et non appariés par famille, d'après « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/local_sourcing.py" line="115"/>
        <source>Whose surplus can cover whose deficit nearby? For each product family (one balance field each: surplus &gt; 0, deficit &lt; 0, e.g. the hectares per crop group written by 'Food adequacy'), the surpluses of the territories are matched with the deficits of the others within a radius, and the result drawn as flow lines.

Method (METHODS §2.3, SUPPLY_AND_COMPLEMENTARITY §B4): a min-cost maximum matching per family — first the largest volume that can move between a surplus and a deficit territory closer than the radius, then, for that volume, the smallest total of volume × distance (or × time). Families never compensate each other: a surplus of fodder never covers a deficit of cereals. What cannot be matched within the radius stays as unmatched surplus or deficit; it is never forced.

Distances: straight line between the points standing for the territories (a point inside each polygon, or its town hall when a points layer is given), in km, at most RADIUS (default 40 km: the radius of a département-size short chain used in ReTerr's reference notes, a planning choice to set for each territory). With a road network, road times in minutes instead, at most MAX_TIME (default 45 min, a ReTerr default of the same order).

Flow lines: famille, orig_code / orig_nom (supplying territory), dest_code / dest_nom (receiving territory), vol_ha (volume, in the unit of the balance fields: hectares for food adequacy), dist_km (straight line), time_min (road time, with a network), ha_km = vol_ha × dist_km, and ha_min = vol_ha × time_min with a network.

Territories: the input with, per family (suffix cer, olp, fou, flg, aut for the crop groups, else the field name): couv_ = share of the deficit covered within the radius (%, empty without a deficit), envoi_ and recu_ = volume sent and received, exc_ = unmatched surplus, def_ = unmatched deficit; and over all families ha_km (volume received × straight-line km) and dist_moy (mean km of the volume received).

Solver: a compiled network simplex when numba is installed, else scipy's HiGHS (both give the same optimum; the log says which ran). No surplus, no deficit or nothing within the radius is not an error: the flow layer is then empty and the log says why.</source>
        <translation>Quel excédent peut couvrir quel déficit à proximité ? Pour chaque famille de produits (un champ de solde par famille : excédent &gt; 0, déficit &lt; 0, par ex. les hectares par groupe de cultures écrits par « Adéquation alimentaire »), les excédents des territoires sont appariés aux déficits des autres territoires dans un rayon donné, et le résultat est dessiné en lignes de flux.

Méthode (METHODS §2.3, SUPPLY_AND_COMPLEMENTARITY §B4) : un appariement maximal à coût minimal par famille — d'abord le plus grand volume qui peut circuler entre un territoire en excédent et un territoire en déficit plus proches que le rayon, puis, pour ce volume, le plus petit total volume × distance (ou × temps). Les familles ne se compensent jamais entre elles : un excédent de fourrages ne couvre jamais un déficit de céréales. Ce qui ne peut pas être apparié dans le rayon reste en excédent ou en déficit non apparié ; rien n'est forcé.

Distances : à vol d'oiseau entre les points qui représentent les territoires (un point à l'intérieur de chaque polygone, ou sa mairie si une couche de points est fournie), en km, au plus RADIUS (40 km par défaut : le rayon d'un circuit court à l'échelle d'un département retenu dans les notes de référence de ReTerr, un choix d'aménagement à fixer pour chaque territoire). Avec un réseau routier, ce sont les temps de parcours routiers en minutes, au plus MAX_TIME (45 min par défaut, valeur par défaut de ReTerr du même ordre de grandeur).

Lignes de flux : famille, orig_code / orig_nom (territoire qui fournit), dest_code / dest_nom (territoire qui reçoit), vol_ha (volume, dans l'unité des champs de solde : des hectares pour l'adéquation alimentaire), dist_km (à vol d'oiseau), time_min (temps routier, avec un réseau), ha_km = vol_ha × dist_km, et ha_min = vol_ha × time_min avec un réseau.

Territoires : la couche d'entrée avec, pour chaque famille (suffixe cer, olp, fou, flg, aut pour les groupes de cultures, sinon le nom du champ) : couv_ = part du déficit couverte dans le rayon (%, vide en l'absence de déficit), envoi_ et recu_ = volume envoyé et reçu, exc_ = excédent non apparié, def_ = déficit non apparié ; et, toutes familles confondues, ha_km (volume reçu × km à vol d'oiseau) et dist_moy (distance moyenne en km du volume reçu).

Solveur : un simplexe réseau compilé si numba est installé, sinon HiGHS de scipy (les deux donnent le même optimum ; le journal indique lequel a été utilisé). L'absence d'excédent, de déficit ou de territoire à portée n'est pas une erreur : la couche de flux est alors vide et le journal en donne la raison.</translation>
    </message>
</context>
<context>
    <name>NearestService</name>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="47"/>
        <source>Nearest facility by type</source>
        <translation>Équipement le plus proche par type</translation>
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
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="91"/>
        <source>Cut-off (minutes)</source>
        <translation>Temps limite (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="91"/>
        <source>Searches stop there: farther facilities give NULL times and are not counted.</source>
        <translation>Les recherches s'arrêtent là : les équipements plus lointains donnent des temps NULL et ne sont pas comptés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="108"/>
        <source>Count the facilities within the cut-off</source>
        <translation>Compter les équipements dans le temps limite</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="108"/>
        <source>Adds n_&lt;TYPE&gt;, the number of facilities of each type within the cut-off.</source>
        <translation>Ajoute n_&lt;TYPE&gt;, le nombre d'équipements de chaque type dans le temps limite.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="205"/>
        <source>Nearest facilities</source>
        <translation>Équipements les plus proches</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="117"/>
        <source>The demand layer with t_&lt;TYPE&gt; (minutes) and n_&lt;TYPE&gt; per type.</source>
        <translation>La couche de demande avec t_&lt;TYPE&gt; (minutes) et n_&lt;TYPE&gt; pour chaque type.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="132"/>
        <source>Reading facilities…</source>
        <translation>Lecture des équipements…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="144"/>
        <source>Searching the nearest facilities…</source>
        <translation>Recherche des équipements les plus proches…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="186"/>
        <source>{type}: {n} of {total} demand units ({pop} inhabitants, {share} %) have no facility within {t} minutes.</source>
        <translation>{type} : {n} unités de demande sur {total} ({pop} habitants, {share} %) n'ont aucun équipement à moins de {t} minutes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="200"/>
        <source>{type}: {n} of {total} demand units have no facility within {t} minutes.</source>
        <translation>{type} : {n} unités de demande sur {total} n'ont aucun équipement à moins de {t} minutes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="205"/>
        <source>Minutes from each unit of &apos;{demand}&apos; to the nearest facility of each type ({types}) of &apos;{facilities}&apos;, cut-off {t} minutes.</source>
        <translation>Minutes de chaque unité de « {demand} » à l'équipement le plus proche de chaque type ({types}) de « {facilities} », temps limite de {t} minutes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/nearest_service.py" line="50"/>
        <source>For each demand unit (commune, IRIS, grid cell, address point) and each facility type: the travel time to the nearest facility of that type and, optionally, the number of facilities of the type reachable within the cut-off.

t_&lt;TYPE&gt; = min_j c_ij in minutes, from the demand unit to the facility (home → service: on a network with one-way streets this is not the return time); NULL when no facility of the type lies within the cut-off or none can be reached. n_&lt;TYPE&gt; = Σ_j [c_ij ≤ T], the cumulative opportunities within T minutes (METHODS §1.2). Defaults: types D265;D307;B207 (general practitioners, pharmacies, bakeries in the BPE codes of 2024), cut-off 30 minutes.

Types are compared as text with the type field (BPE: TYPEQU). A type that is neither a BPE code (any vintage of the code table shipped in resources/bpe) nor present in the layer is an error; a BPE type with no facility gives a warning (NULL times, zero counts), with a hint when the layer holds the same facility in another vintage's codes (e.g. D201 before 2024 for D265).

Travel times: on the road network when one is given (graph cached; one search per type from all its facilities at once, stopped at the cut-off; places snapped to the nearest node within the maximum distance and reached at the access speed), else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h: a ReTerr rule of thumb for rural roads, not a published figure; change them under Advanced parameters, or give a road network). Polygons start from a point inside them, or from the matching point of the anchor layer (e.g. the town hall).</source>
        <translation>Pour chaque unité de demande (commune, IRIS, carreau, point adresse) et chaque type d'équipement : le temps de parcours jusqu'à l'équipement le plus proche de ce type et, en option, le nombre d'équipements du type accessibles dans le temps limite.

t_&lt;TYPE&gt; = min_j c_ij en minutes, de l'unité de demande vers l'équipement (domicile → service : sur un réseau avec des sens uniques, ce n'est pas le temps du retour) ; NULL quand aucun équipement du type ne se trouve dans le temps limite ou qu'aucun n'est accessible. n_&lt;TYPE&gt; = Σ_j [c_ij ≤ T], les opportunités cumulées à moins de T minutes (METHODS §1.2). Valeurs par défaut : types D265;D307;B207 (médecins généralistes, pharmacies, boulangeries dans les codes BPE 2024), temps limite de 30 minutes.

Les types sont comparés comme du texte au champ de type (BPE : TYPEQU). Un type qui n'est ni un code BPE (de tout millésime de la table des codes fournie dans resources/bpe) ni présent dans la couche est une erreur ; un type BPE sans équipement donne un avertissement (temps NULL, comptes nuls), avec une piste quand la couche contient le même équipement dans les codes d'un autre millésime (par ex. D201 avant 2024 pour D265).

Temps de parcours : sur le réseau routier s'il est fourni (graphe en cache ; une recherche par type depuis tous ses équipements à la fois, arrêtée au temps limite ; lieux accrochés au nœud le plus proche dans la distance maximale et rejoints à la vitesse d'accès), sinon distance à vol d'oiseau × coefficient de détour à vitesse constante (par défaut 1,3 et 50 km/h : une règle empirique de ReTerr pour les routes rurales, pas une valeur publiée ; modifiez-les dans les paramètres avancés, ou fournissez un réseau routier). Les polygones partent d'un point situé à l'intérieur, ou du point correspondant de la couche de points de départ (par ex. la mairie).</translation>
    </message>
</context>
<context>
    <name>ResilienceIndex</name>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="84"/>
        <source>Resilience indicators</source>
        <translation>Indicateurs de résilience</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="555"/>
        <source>Resilience index</source>
        <translation>Indice de résilience</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="90"/>
        <source>Builds a composite resilience index from indicator fields of a territory layer (communes, EPCI, any zoning; join the outputs of several algorithms by territory code first).

Pipeline: (1) outlier treatment, COINr defaults: an indicator whose skewness exceeds 2 in absolute value and whose excess kurtosis exceeds 3.5 is winsorised (the most extreme value replaced by the next one, up to 5 times); if it still fails, it is log-transformed instead. (2) Polarity-aware normalisation (min-max 0-100, z-score, percentile rank, or distance to a target): a higher score always means more resilient; higher-is-worse indicators are mirrored, never multiplied by -1. (3) Weighted mean of the indicators within each dimension, then of the dimensions (arithmetic, or weighted geometric mean of scores mapped to 1-100). (4) Ranks, 1 = best.

Polarities and dimensions of ReTerr indicators come from the indicator registry (e.g. share_65p: higher is worse; fca_access: higher is better); any other field needs its polarity ('field:+' or 'field:-'), and goes to the dimension 'other' unless one is given.

The overall score is optional: without it, only the dimension scores are written (the CRATer choice) and the rank is that of the first dimension.

Uncertainty: the index is recomputed with randomly varied weights (±25 % around their values); rank_median is the median rank and [rank_p05, rank_p95] the band holding the rank in 90 % of the weightings. A narrow band means a robust rank; overlapping bands mean the difference between two territories depends on the weights.

Missing values: a territory lacking some indicators is scored on those it has, their weights re-spread over them (it is named in the log); a territory with none gets no score. A constant indicator cannot rank territories and is refused.</source>
        <translation>Construit un indice composite de résilience à partir des champs d'indicateurs d'une couche de territoires (communes, EPCI, tout zonage ; joignez d'abord les sorties de plusieurs algorithmes par code de territoire).

Chaîne de calcul : (1) traitement des valeurs extrêmes, réglages par défaut de COINr : un indicateur dont l'asymétrie dépasse 2 en valeur absolue et dont l'excès d'aplatissement (kurtosis) dépasse 3,5 est winsorisé (la valeur la plus extrême remplacée par la suivante, jusqu'à 5 fois) ; s'il échoue encore, il est passé au logarithme à la place. (2) Normalisation selon la polarité (min-max 0-100, score z, rang centile ou distance à une cible) : un score plus élevé signifie toujours plus résilient ; les indicateurs pour lesquels plus haut est pire sont inversés en miroir, jamais multipliés par -1. (3) Moyenne pondérée des indicateurs au sein de chaque dimension, puis des dimensions (arithmétique, ou moyenne géométrique pondérée des scores ramenés à 1-100). (4) Rangs, 1 = meilleur.

Les polarités et dimensions des indicateurs ReTerr viennent du registre des indicateurs (par ex. share_65p : plus haut est pire ; fca_access : plus haut est mieux) ; tout autre champ a besoin de sa polarité (« champ:+ » ou « champ:- ») et va dans la dimension « other » sauf si une dimension est donnée.

Le score global est facultatif : sans lui, seuls les scores par dimension sont écrits (le choix de CRATer) et le rang est celui de la première dimension.

Incertitude : l'indice est recalculé avec des poids tirés au hasard (± 25 % autour de leur valeur) ; rank_median est le rang médian et [rank_p05, rank_p95] l'intervalle qui contient le rang dans 90 % des pondérations. Un intervalle étroit signifie un rang robuste ; des intervalles qui se chevauchent signifient que l'écart entre deux territoires dépend des poids.

Valeurs manquantes : un territoire auquel manquent certains indicateurs est noté sur ceux qu'il a, leurs poids redistribués entre eux (il est nommé dans le journal) ; un territoire qui n'en a aucun n'a pas de score. Un indicateur constant ne peut pas classer les territoires et est refusé.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="119"/>
        <source>Territories</source>
        <translation>Territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="119"/>
        <source>Layer of territories with one numeric field per indicator.</source>
        <translation>Couche des territoires, avec un champ numérique par indicateur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="127"/>
        <source>Indicator fields</source>
        <translation>Champs des indicateurs</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="127"/>
        <source>The numeric fields combined into the index (at least one).</source>
        <translation>Les champs numériques combinés dans l'indice (au moins un).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="312"/>
        <source>Polarities</source>
        <translation>Polarités</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="140"/>
        <source>&apos;field:+;other:-&apos; (+ higher is better, - higher is worse). Default: the registry&apos;s polarity of ReTerr indicators.</source>
        <translation>« champ:+;autre:- » (+ : plus c'est haut, mieux c'est ; - : plus c'est haut, pire c'est). Par défaut : la polarité des indicateurs ReTerr inscrite au registre.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="317"/>
        <source>Dimensions</source>
        <translation>Dimensions</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="151"/>
        <source>'field:dimension;…'. Default: the registry's dimension, else 'other'.</source>
        <translation>« champ:dimension;… ». Par défaut : la dimension inscrite au registre, sinon « other ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="159"/>
        <source>Normalisation</source>
        <translation>Normalisation</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="159"/>
        <source>Min-max (0-100)</source>
        <translation>Min-max (0-100)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="159"/>
        <source>Z-score</source>
        <translation>Score z (centré réduit)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="159"/>
        <source>Percentile rank (0-100)</source>
        <translation>Rang centile (0-100)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="159"/>
        <source>Distance to a target (0-100)</source>
        <translation>Distance à une cible (0-100)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="159"/>
        <source>How each indicator is put on a common scale, higher = more resilient.</source>
        <translation>Comment chaque indicateur est ramené à une échelle commune (plus haut = plus résilient).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="393"/>
        <source>Targets</source>
        <translation>Cibles</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="175"/>
        <source>'field:value;…' in the indicators' units, for the distance to a target.</source>
        <translation>« champ:valeur;… » dans les unités des indicateurs, pour la distance à une cible.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="181"/>
        <source>Treat outliers (COINr rule)</source>
        <translation>Traiter les valeurs extrêmes (règle COINr)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="181"/>
        <source>Winsorise, or else log-transform, strongly skewed indicators.</source>
        <translation>Winsorise, ou à défaut passe au logarithme, les indicateurs très asymétriques.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="189"/>
        <source>Aggregation</source>
        <translation>Agrégation</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="189"/>
        <source>Arithmetic mean</source>
        <translation>Moyenne arithmétique</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="189"/>
        <source>Geometric mean</source>
        <translation>Moyenne géométrique</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="189"/>
        <source>Arithmetic: weaknesses are compensated by strengths; geometric: less so.</source>
        <translation>Arithmétique : les faiblesses sont compensées par les points forts ; géométrique : moins.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="200"/>
        <source>Compute an overall score</source>
        <translation>Calculer un score global</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="200"/>
        <source>Unchecked: dimension scores only, no overall score.</source>
        <translation>Décoché : scores par dimension seulement, sans score global.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="383"/>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="208"/>
        <source>&apos;field:2;other:1&apos; (weights within a dimension) and/or &apos;dimension:2&apos; (weights of the dimensions). Default: equal weights.</source>
        <translation>« champ:2;autre:1 » (poids au sein d'une dimension) et/ou « dimension:2 » (poids des dimensions). Par défaut : poids égaux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="217"/>
        <source>Monte-Carlo samples</source>
        <translation>Tirages de Monte-Carlo</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="217"/>
        <source>Weightings drawn for the rank band; 0: no uncertainty analysis.</source>
        <translation>Pondérations tirées pour l'intervalle de rang ; 0 : pas d'analyse d'incertitude.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="232"/>
        <source>Random seed</source>
        <translation>Graine aléatoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="232"/>
        <source>Same seed, same rank bands.</source>
        <translation>Même graine, mêmes intervalles de rang.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="245"/>
        <source>Name field</source>
        <translation>Champ du nom</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="245"/>
        <source>Names used in messages and in the CSV.</source>
        <translation>Noms utilisés dans les messages et dans le CSV.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="258"/>
        <source>The territories with dimension scores, score, rank and rank band.</source>
        <translation>Les territoires avec les scores par dimension, le score, le rang et l'intervalle de rang.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="264"/>
        <source>Normalised values (CSV)</source>
        <translation>Valeurs normalisées (CSV)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="264"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="264"/>
        <source>The normalised value of each indicator per territory.</source>
        <translation>La valeur normalisée de chaque indicateur, par territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="284"/>
        <source>{param}: &apos;{item}&apos; is not of the form &apos;name:value&apos;.</source>
        <translation>{param} : « {item} » n'est pas de la forme « nom:valeur ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="292"/>
        <source>{param}: &apos;{name}&apos; is not one of the indicator fields: {fields}.</source>
        <translation>{param} : « {name} » n'est pas l'un des champs des indicateurs : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="304"/>
        <source>{param}: the value of &apos;{name}&apos; is not a number: {value}.</source>
        <translation>{param} : la valeur de « {name} » n'est pas un nombre : {value}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="332"/>
        <source>Polarities: &apos;{value}&apos; for &apos;{field}&apos; is not understood: use + (higher is better) or - (higher is worse).</source>
        <translation>Polarités : « {value} » pour « {field} » n'est pas compris : utilisez + (plus c'est haut, mieux c'est) ou - (plus c'est haut, pire c'est).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="341"/>
        <source>&apos;{field}&apos; is a neutral indicator (neither good nor bad in itself): give its polarity in Polarities (&apos;{field}:+&apos; if higher is better, &apos;{field}:-&apos; if higher is worse) or leave it out.</source>
        <translation>« {field} » est un indicateur neutre (ni bon ni mauvais en soi) : donnez sa polarité dans Polarités (« {field}:+ » si plus haut est mieux, « {field}:- » si plus haut est pire) ou retirez-le.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="349"/>
        <source>&apos;{field}&apos; has no known polarity: give it in Polarities (&apos;{field}:+&apos; if higher is better, &apos;{field}:-&apos; if higher is worse).</source>
        <translation>« {field} » n'a pas de polarité connue : donnez-la dans Polarités (« {field}:+ » si plus haut est mieux, « {field}:- » si plus haut est pire).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="373"/>
        <source>Choose at least one indicator field.</source>
        <translation>Choisissez au moins un champ d'indicateur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="385"/>
        <source>Weights: &apos;{name}&apos; is neither an indicator field nor a dimension ({choices}).</source>
        <translation>Poids : « {name} » n'est ni un champ d'indicateur ni une dimension ({choices}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="413"/>
        <source>Reading territories…</source>
        <translation>Lecture des territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="427"/>
        <source>Layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="440"/>
        <source>Computing the index…</source>
        <translation>Calcul de l'indice…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="454"/>
        <source>Monte-Carlo rank bands…</source>
        <translation>Intervalles de rang par Monte-Carlo…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="466"/>
        <source>Scored on the indicators they have (weights re-spread): {features}.</source>
        <translation>Notés sur les indicateurs dont ils disposent (poids redistribués) : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="528"/>
        <source>Writing output…</source>
        <translation>Écriture de la sortie…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="555"/>
        <source>Composite resilience index ({dims}) computed by ReTerr from &apos;{layer}&apos;: {norm} normalisation, {agg} mean.</source>
        <translation>Indice composite de résilience ({dims}) calculé par ReTerr à partir de « {layer} » : normalisation {norm}, moyenne {agg}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="569"/>
        <source>{n} territories scored on {k} indicators in {d} dimensions.</source>
        <translation>{n} territoires notés sur {k} indicateurs dans {d} dimensions.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/index/resilience_index.py" line="482"/>
        <source>Dimensions &apos;{first}&apos; and &apos;{dim}&apos; have the same field name once punctuation, accents and case are removed: &apos;{first}&apos; is written to &apos;{field1}&apos;, &apos;{dim}&apos; to &apos;{field2}&apos;.</source>
        <translation>Les dimensions « {first} » et « {dim} » ont le même nom de champ une fois la ponctuation, les accents et la casse retirés : « {first} » est écrite dans « {field1} », « {dim} » dans « {field2} ».</translation>
    </message>
</context>
<context>
    <name>ReterrAlgorithm</name>
    <message>
        <location filename="../reterr_qgis/adapters/writer.py" line="470"/>
        <source>the output holds {stored} of the {count} features written, it refused the others (e.g. a repeated fid)</source>
        <translation>la sortie contient {stored} des {count} entités écrites, elle a refusé les autres (par ex. un fid répété)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/base.py" line="261"/>
        <source>Territorial diagnostic</source>
        <translation>Diagnostic territorial</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="156"/>
        <source>Could not store the style in the GeoPackage: {e}</source>
        <translation>Impossible d'enregistrer le style dans le GeoPackage : {e}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/feedback.py" line="92"/>
        <source>Canceled: no output was written.</source>
        <translation>Annulé : aucune sortie n'a été écrite.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/writer.py" line="53"/>
        <source>Writing the output failed, nothing was kept: {error}</source>
        <translation>L'écriture de la sortie a échoué, rien n'a été conservé : {error}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="983"/>
        <source>The output {output} would replace the table “{table}” of {path}, which the input {input} reads: write it into a table of another name, or to another file.</source>
        <translation>La sortie {output} remplacerait la table « {table} » de {path}, que lit l'entrée {input} : écrivez-la dans une table d'un autre nom, ou dans un autre fichier.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="997"/>
        <source>The output {output} would overwrite {path}, the GeoPackage the input {input} reads, and every table in it: write the output to another file, or into a new table of that GeoPackage with ogr:dbname=&apos;{path}&apos; table=&quot;name&quot; (geom).</source>
        <translation>La sortie {output} écraserait {path}, le GeoPackage que lit l'entrée {input}, et toutes ses tables : écrivez la sortie dans un autre fichier, ou dans une nouvelle table de ce GeoPackage avec ogr:dbname='{path}' table=&quot;nom&quot; (geom).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="1003"/>
        <source>The output {output} would overwrite {path}, the file the input {input} reads: write the output to another file.</source>
        <translation>La sortie {output} écraserait {path}, le fichier que lit l'entrée {input} : écrivez la sortie dans un autre fichier.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="353"/>
        <source>The output {dest} could not be put in place: {error}</source>
        <translation>La sortie {dest} n'a pas pu être enregistrée à son emplacement final : {error}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="659"/>
        <source>The output {output} cannot be written to {path}: {error}</source>
        <translation>La sortie {output} ne peut pas être écrite dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="1015"/>
        <source>The folder of the output {output} does not exist: {folder}. Create it, or choose a file in an existing folder.</source>
        <translation>Le dossier de la sortie {output} n'existe pas : {folder}. Créez-le, ou choisissez un fichier dans un dossier existant.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="545"/>
        <source>The output {output} is a shapefile, whose field names hold 10 characters: {fields} will be renamed ({renamed}) and texts cut to 254 characters. The original names are kept as field aliases (in the .qml file next to it); choose a GeoPackage (.gpkg) to keep the names.</source>
        <translation>La sortie {output} est un fichier shapefile, dont les noms de champs tiennent en 10 caractères : {fields} seront renommés ({renamed}) et les textes coupés à 254 caractères. Les noms d'origine sont gardés comme alias des champs (dans le fichier .qml à côté) ; choisissez un GeoPackage (.gpkg) pour garder les noms.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="583"/>
        <source>Could not store the field aliases of {path}: {e}</source>
        <translation>Impossible d'enregistrer les alias des champs de {path} : {e}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/base.py" line="291"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="197"/>
        <source>Could not store the style in the database: {e}</source>
        <translation>Impossible d'enregistrer le style dans la base de données : {e}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="212"/>
        <source>Could not record the provenance in the database: {e}</source>
        <translation>Impossible d'enregistrer la provenance dans la base de données : {e}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/feedback.py" line="51"/>
        <source>{what} needs {packages}.</source>
        <translation>{what} a besoin de {packages}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/outputs.py" line="959"/>
        <source>The output {output} would replace the table “{table}” of the database “{database}”, which the input {input} reads: write it into a table of another name, or to another schema.</source>
        <translation>La sortie {output} remplacerait la table « {table} » de la base « {database} », que lit l'entrée {input} : écrivez-la dans une table d'un autre nom, ou dans un autre schéma.</translation>
    </message>
</context>
<context>
    <name>ReterrAliases</name>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="33"/>
        <source>Resilience score</source>
        <translation>Score de résilience</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="34"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="35"/>
        <source>Facilities within reach</source>
        <translation>Équipements à portée</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="36"/>
        <source>Age-standardised population</source>
        <translation>Population standardisée par l'âge</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="37"/>
        <source>Under-served (APL below 2.5)</source>
        <translation>Sous-dense (APL inférieure à 2,5)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="38"/>
        <source>Travel time band (min)</source>
        <translation>Tranche de temps de parcours (min)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="39"/>
        <source>Facility (feature id)</source>
        <translation>Équipement (identifiant de l'entité)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="40"/>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="41"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="42"/>
        <source>Origin code</source>
        <translation>Code d'origine</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="43"/>
        <source>Destination code</source>
        <translation>Code de destination</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="44"/>
        <source>Origin name</source>
        <translation>Nom de l'origine</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="45"/>
        <source>Destination name</source>
        <translation>Nom de la destination</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="46"/>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="47"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="48"/>
        <source>Outgoing flows</source>
        <translation>Flux sortants</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="49"/>
        <source>Incoming flows</source>
        <translation>Flux entrants</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="50"/>
        <source>Internal flows</source>
        <translation>Flux internes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="51"/>
        <source>Net flow (incoming − outgoing)</source>
        <translation>Solde des flux (entrants − sortants)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="52"/>
        <source>Distance (km)</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="54"/>
        <source>Travel time (min)</source>
        <translation>Temps de parcours (min)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="55"/>
        <source>Functional area</source>
        <translation>Aire fonctionnelle</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="56"/>
        <source>Functional area name</source>
        <translation>Nom de l'aire fonctionnelle</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="57"/>
        <source>Number of communes</source>
        <translation>Nombre de communes</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="58"/>
        <source>Jobs</source>
        <translation>Emplois</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="59"/>
        <source>Number of establishments</source>
        <translation>Nombre d'établissements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="60"/>
        <source>Farmland needed, total (ha)</source>
        <translation>Surface agricole nécessaire totale (ha)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="61"/>
        <source>Farmland needed per inhabitant (ha)</source>
        <translation>Surface agricole nécessaire par habitant (ha)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="62"/>
        <source>Farmland, total (ha)</source>
        <translation>Surface agricole totale (ha)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="63"/>
        <source>Farmland excluded (ha)</source>
        <translation>Surface agricole exclue (ha)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="69"/>
        <source>Rank (1 = best placed)</source>
        <translation>Rang (1 = le mieux placé)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="70"/>
        <source>Median rank over the weightings tried</source>
        <translation>Rang médian sur les pondérations essayées</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="71"/>
        <source>Rank band: best (5th percentile)</source>
        <translation>Intervalle de rang : meilleur (5e centile)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="72"/>
        <source>Rank band: worst (95th percentile)</source>
        <translation>Intervalle de rang : pire (95e centile)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="75"/>
        <source>Order of choice</source>
        <translation>Ordre de choix</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="79"/>
        <source>Score: {dimension}</source>
        <translation>Score : {dimension}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="80"/>
        <source>APL — {service} ({codes})</source>
        <translation>APL — {service} ({codes})</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="81"/>
        <source>Potential accessibility (APL)</source>
        <translation>Accessibilité potentielle localisée (APL)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/aliases.py" line="82"/>
        <source>{label} ({unit})</source>
        <translation>{label} ({unit})</translation>
    </message>
</context>
<context>
    <name>ReterrChecks</name>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="57"/>
        <source>&apos;{label}&apos; ({name})</source>
        <translation>« {label} » ({name})</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="63"/>
        <source>{param} is required: give a value.</source>
        <translation>{param} est obligatoire : indiquez une valeur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="67"/>
        <source>a whole number</source>
        <translation>un nombre entier</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="67"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="73"/>
        <source> between {lo} and {hi}</source>
        <translation> entre {lo} et {hi}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="77"/>
        <source> of at least {lo}</source>
        <translation> supérieur ou égal à {lo}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="79"/>
        <source> of at most {hi}</source>
        <translation> inférieur ou égal à {hi}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="82"/>
        <source>{param} must be {what}{bounds}; &apos;{value}&apos; was given.</source>
        <translation>{param} doit être {what}{bounds} ; valeur reçue : « {value} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="88"/>
        <source>{param} must be one or more of the choices {choices}; &apos;{value}&apos; was given.</source>
        <translation>{param} doit prendre une ou plusieurs des valeurs proposées : {choices}. Valeur reçue : « {value} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="88"/>
        <source>{param} must be one of the choices {choices}; &apos;{value}&apos; was given.</source>
        <translation>{param} doit prendre l'une des valeurs proposées : {choices}. Valeur reçue : « {value} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="100"/>
        <source>{param} must be true or false; &apos;{value}&apos; was given.</source>
        <translation>{param} doit valoir vrai ou faux ; valeur reçue : « {value} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="104"/>
        <source>{param}: the layer &apos;{value}&apos; cannot be opened. Give an existing file (for a table of a GeoPackage: &apos;file.gpkg|layername=table&apos;) or a layer of the project.</source>
        <translation>{param} : impossible d'ouvrir la couche « {value} ». Indiquez un fichier existant (pour une table d'un GeoPackage : « file.gpkg|layername=table ») ou une couche du projet.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="112"/>
        <source>{param}: the file &apos;{value}&apos; does not exist.</source>
        <translation>{param} : le fichier « {value} » n'existe pas.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="115"/>
        <source>{param}: &apos;{value}&apos; is not a file of the expected kind ({ext}).</source>
        <translation>{param} : « {value} » n'est pas un fichier du type attendu ({ext}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="119"/>
        <source>{param} must be the name of a field of the input layer; &apos;{value}&apos; was given.</source>
        <translation>{param} doit être le nom d'un champ de la couche en entrée ; valeur reçue : « {value} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="124"/>
        <source>{param} must be a coordinate reference system, e.g. &apos;EPSG:2154&apos;; &apos;{value}&apos; was given.</source>
        <translation>{param} doit être un système de coordonnées de référence (SCR), par ex. « EPSG:2154 » ; valeur reçue : « {value} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/checks.py" line="128"/>
        <source>{param}: &apos;{value}&apos; is not an accepted value (expected: {kind}).</source>
        <translation>{param} : « {value} » n'est pas une valeur acceptée (type attendu : {kind}).</translation>
    </message>
</context>
<context>
    <name>ReterrDependencies</name>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="60"/>
        <source>most algorithms (sparse matrices, road searches, statistics)</source>
        <translation>la plupart des algorithmes (matrices creuses, calculs d'itinéraires sur le réseau routier, statistiques)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="66"/>
        <source>3 to 6 times faster road searches (optional)</source>
        <translation>recherches sur le réseau routier 3 à 6 fois plus rapides (facultatif)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="69"/>
        <source>functional areas by community detection (optional)</source>
        <translation>aires fonctionnelles par détection de communautés (facultatif)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="72"/>
        <source>farmland from a land-cover raster (optional)</source>
        <translation>surfaces agricoles à partir d'un raster d'occupation du sol (facultatif)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="291"/>
        <source>shapely 2 (Debian 12 packages 1.8), built against the GEOS QGIS uses (a pip wheel brings its own GEOS, which clashes with QGIS&apos;s):</source>
        <translation>shapely 2 (Debian 12 fournit la 1.8), compilé avec la GEOS qu'utilise QGIS (une wheel pip apporte sa propre GEOS, qui entre en conflit avec celle de QGIS) :</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="310"/>
        <source>OSGeo4W: run the OSGeo4W setup again (Advanced install) and tick {packages}. Standalone installer: in the OSGeo4W Shell installed with QGIS, type:</source>
        <translation>OSGeo4W : relancez l'installateur OSGeo4W (installation avancée) et cochez {packages}. Installateur autonome : dans l'OSGeo4W Shell installé avec QGIS, tapez :</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="319"/>
        <source>In the OSGeo4W Shell installed with QGIS, type:</source>
        <translation>Dans l'OSGeo4W Shell installé avec QGIS, tapez :</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="325"/>
        <source>In the Terminal:</source>
        <translation>Dans le Terminal :</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="329"/>
        <source>Then restart QGIS.</source>
        <translation>Puis redémarrez QGIS.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="340"/>
        <source>This algorithm needs the Python package(s) {packages}, not found in the Python of QGIS. To install them:</source>
        <translation>Cet algorithme a besoin du ou des paquets Python {packages}, introuvables dans le Python de QGIS. Pour les installer :</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="369"/>
        <source>ReTerr: Python package(s) missing: {packages}. The algorithms needing them say so; see the details to install them.</source>
        <translation>ReTerr : paquet(s) Python manquant(s) : {packages}. Les algorithmes qui en ont besoin le signalent ; voir les détails pour les installer.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="159"/>
        <source>shapely 2 built against the GEOS {qgis} of QGIS (the shapely installed is a pip wheel carrying its own GEOS {wheel}, which clashes with QGIS&apos;s)</source>
        <translation>shapely 2 compilé avec la GEOS {qgis} de QGIS (le shapely installé est une wheel pip qui apporte sa propre GEOS {wheel}, en conflit avec celle de QGIS)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="264"/>
        <source>First remove the shapely wheel whose GEOS clashes with QGIS&apos;s:</source>
        <translation>Retirez d'abord la wheel shapely dont la GEOS entre en conflit avec celle de QGIS :</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="272"/>
        <source>then build shapely 2 against your system&apos;s GEOS (its development package installed, e.g. libgeos-devel or geos-devel):</source>
        <translation>puis compilez shapely 2 avec la GEOS de votre système (son paquet de développement installé, par exemple libgeos-devel ou geos-devel) :</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/dependencies.py" line="63"/>
        <source>assignment to a zoning layer, service areas, farmland</source>
        <translation>affectation à un zonage, zones de desserte, surfaces agricoles</translation>
    </message>
</context>
<context>
    <name>ReterrDock</name>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="82"/>
        <source>ReTerr: reading the indicators of {layer}</source>
        <translation>ReTerr : lecture des indicateurs de {layer}</translation>
    </message>
</context>
<context>
    <name>ReterrEngine</name>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="74"/>
        <source>&apos;{field}&apos; must hold one value per territory.</source>
        <translation>« {field} » doit contenir une valeur par territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="419"/>
        <source>&apos;{field}&apos; has {got} values, expected {expected}.</source>
        <translation>« {field} » contient {got} valeurs au lieu de {expected}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="100"/>
        <source>Unknown count fields: {fields}.</source>
        <translation>Champs d'effectifs inconnus : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="106"/>
        <source>The &apos;{field}&apos; values are required.</source>
        <translation>Les valeurs de « {field} » sont obligatoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="115"/>
        <source>&apos;{field}&apos; has negative or infinite values.</source>
        <translation>« {field} » contient des valeurs négatives ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="122"/>
        <source>The population is missing (NULL).</source>
        <translation>La population est manquante (NULL).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="127"/>
        <source>The area is zero or missing (empty geometry?).</source>
        <translation>La superficie est nulle ou manquante (géométrie vide ?).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="166"/>
        <source>Give all three age groups (0-19, 20-64, 65+) or none.</source>
        <translation>Indiquez les trois tranches d'âge (0-19, 20-64, 65 ans et plus) ou aucune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="173"/>
        <source>Give both dwellings and vacant dwellings, or neither.</source>
        <translation>Indiquez à la fois les logements et les logements vacants, ou aucun des deux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="183"/>
        <source>{n} territories have zero population.</source>
        <translation>{n} territoires ont une population nulle.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="196"/>
        <source>Age shares undefined for {n} territories (no age data).</source>
        <translation>Parts par âge non définies pour {n} territoires (aucune donnée d'âge).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="206"/>
        <source>Ageing index undefined for {n} territories (nobody under 20).</source>
        <translation>Indice de vieillissement non défini pour {n} territoires (aucun habitant de moins de 20 ans).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="218"/>
        <source>More vacant dwellings than dwellings: check the two fields.</source>
        <translation>Plus de logements vacants que de logements : vérifiez les deux champs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="227"/>
        <source>Vacancy rate undefined for {n} territories (no dwellings).</source>
        <translation>Taux de vacance non défini pour {n} territoires (aucun logement).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="261"/>
        <source>The weights have {rows} rows for {n} units.</source>
        <translation>La matrice de pondération compte {rows} lignes pour {n} unités.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/profile/territory.py" line="292"/>
        <source>The grouping code is missing.</source>
        <translation>Le code de regroupement est manquant.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="190"/>
        <source>{layer}: empty or missing geometries.</source>
        <translation>{layer} : géométries vides ou manquantes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="199"/>
        <source>{layer}: invalid geometries (run &apos;Fix geometries&apos; first).</source>
        <translation>{layer} : géométries invalides (lancez d'abord « Réparer les géométries »).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/costs.py" line="67"/>
        <source>{what}: expected x, y coordinates.</source>
        <translation>{what} : coordonnées x, y attendues.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/costs.py" line="72"/>
        <source>{what}: missing or infinite coordinates.</source>
        <translation>{what} : coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/costs.py" line="156"/>
        <source>The search radius must be positive.</source>
        <translation>Le rayon de recherche doit être positif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/costs.py" line="200"/>
        <source>The speed must be positive.</source>
        <translation>La vitesse doit être positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/costs.py" line="202"/>
        <source>The detour factor must be at least 1.</source>
        <translation>Le coefficient de détour doit être au moins égal à 1.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="65"/>
        <source>Give at least one step.</source>
        <translation>Donnez au moins un palier.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="69"/>
        <source>Step weights must not be negative.</source>
        <translation>Les poids des paliers ne doivent pas être négatifs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="93"/>
        <source>Sigma must be positive.</source>
        <translation>Sigma doit être positif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="101"/>
        <source>The gravity scale must be positive.</source>
        <translation>L'échelle gravitaire doit être positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="103"/>
        <source>A negative gravity exponent needs a minimum cost above 0.</source>
        <translation>Un exposant gravitaire négatif nécessite un coût minimal supérieur à 0.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/groups.py" line="307"/>
        <source>&apos;{what}&apos; has {got} values, expected {expected}.</source>
        <translation>« {what} » a {got} valeurs, {expected} attendues.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="155"/>
        <source>&apos;{what}&apos; has missing, negative or infinite values.</source>
        <translation>« {what} » a des valeurs manquantes, négatives ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="193"/>
        <source>The catchment size must be positive.</source>
        <translation>La taille de l'aire de recours doit être positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sourcing.py" line="243"/>
        <source>Travel costs must be finite and not negative.</source>
        <translation>Les coûts de déplacement doivent être finis et non négatifs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="203"/>
        <source>3SFCA needs a weight function.</source>
        <translation>La méthode 3SFCA nécessite une fonction de pondération.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="232"/>
        <source>{n} facilities have no demand within their catchment.</source>
        <translation>{n} équipements n'ont aucune demande dans leur aire de recours.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="242"/>
        <source>{n} demand units have no facility within reach.</source>
        <translation>{n} unités de demande n'ont aucun équipement à portée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="266"/>
        <source>Give one consumption value per age group.</source>
        <translation>Donnez une valeur de consommation par tranche d'âge.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="281"/>
        <source>The population is zero.</source>
        <translation>La population est nulle.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="194"/>
        <source>{n} lines are not arrays of (x, y) vertices.</source>
        <translation>{n} lignes ne sont pas des suites de sommets (x, y).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="253"/>
        <source>The snapping tolerance must be a positive distance.</source>
        <translation>La tolérance d'accrochage doit être une distance positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="257"/>
        <source>The maximum edge length must be positive.</source>
        <translation>La longueur maximale des tronçons doit être positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="263"/>
        <source>{n} lines have a missing, zero or negative speed (km/h).</source>
        <translation>{n} lignes ont une vitesse (km/h) manquante, nulle ou négative.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="276"/>
        <source>{n} lines have a one-way value other than 0, 1 or -1.</source>
        <translation>{n} lignes ont une valeur de sens unique autre que 0, 1 ou -1.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="288"/>
        <source>{n} lines have missing or infinite coordinates.</source>
        <translation>{n} lignes ont des coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/graph.py" line="355"/>
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
        <location filename="../reterr_qgis/engine/routing/search.py" line="230"/>
        <source>The cut-off must be a positive time.</source>
        <translation>Le seuil doit être un temps positif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="200"/>
        <source>Unknown basket &apos;{basket}&apos; (known: {known}).</source>
        <translation>Panier « {basket} » inconnu (connus : {known}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="206"/>
        <source>BPE code table {path}: {problem}</source>
        <translation>Table des codes BPE {path} : {problem}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="812"/>
        <source>BPE file not found: {path}.</source>
        <translation>Fichier BPE introuvable : {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="813"/>
        <source>The BPE file {path} is empty.</source>
        <translation>Le fichier BPE {path} est vide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="814"/>
        <source>The BPE file {path} lacks the columns: {columns}.</source>
        <translation>Il manque au fichier BPE {path} les colonnes : {columns}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="817"/>
        <source>The BPE file {path} has no AN column: give its vintage.</source>
        <translation>Le fichier BPE {path} n'a pas de colonne AN : indiquez son millésime.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="820"/>
        <source>The file&apos;s vintage ({file}) is used, not {given}.</source>
        <translation>Le millésime du fichier ({file}) est utilisé, pas {given}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="823"/>
        <source>{n} BPE rows have no AN value: vintage {vintage} assumed.</source>
        <translation>{n} lignes BPE sans valeur AN : millésime {vintage} supposé.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="826"/>
        <source>Vintage {vintage} read with the {first} nomenclature.</source>
        <translation>Millésime {vintage} lu avec la nomenclature {first}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="829"/>
        <source>{n} malformed BPE rows (wrong field count) skipped.</source>
        <translation>{n} lignes BPE mal formées (nombre de champs incorrect) ignorées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="832"/>
        <source>{n} BPE rows without usable coordinates dropped.</source>
        <translation>{n} lignes BPE sans coordonnées utilisables écartées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="835"/>
        <source>{n} BPE rows with unknown TYPEQU kept as &apos;?&apos;: {codes}.</source>
        <translation>{n} lignes BPE au TYPEQU inconnu gardées avec le domaine « ? » : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="853"/>
        <source>Unknown QUALITE_XY values kept: {values}.</source>
        <translation>Valeurs de QUALITE_XY inconnues conservées : {values}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="45"/>
        <source>{n} demand units have missing or infinite coordinates.</source>
        <translation>{n} unités de demande ont des coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="48"/>
        <source>{n} facilities have missing or infinite coordinates.</source>
        <translation>{n} équipements ont des coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="51"/>
        <source>{n} candidate sites have missing or infinite coordinates.</source>
        <translation>{n} sites candidats ont des coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="54"/>
        <source>{n} points have missing or infinite coordinates.</source>
        <translation>{n} points ont des coordonnées manquantes ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="57"/>
        <source>{n} demand units are more than {d} m from the network: they count as unreachable.</source>
        <translation>{n} unités de demande sont à plus de {d} m du réseau : elles sont comptées comme inaccessibles.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="61"/>
        <source>{n} facilities are more than {d} m from the network: they are left out.</source>
        <translation>{n} équipements sont à plus de {d} m du réseau : ils sont écartés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="65"/>
        <source>{n} candidate sites are more than {d} m from the network: they are left out.</source>
        <translation>{n} sites candidats sont à plus de {d} m du réseau : ils sont écartés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="69"/>
        <source>{n} points are more than {d} m from the network: they are left out.</source>
        <translation>{n} points sont à plus de {d} m du réseau : ils sont écartés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/travel.py" line="139"/>
        <source>Expected (x, y) coordinates, one row per point.</source>
        <translation>Coordonnées (x, y) attendues, une ligne par point.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/search.py" line="232"/>
        <source>Listing every pair needs a finite cut-off (minutes): results must stay sparse.</source>
        <translation>Lister tous les couples nécessite un seuil fini (minutes) : les résultats doivent rester creux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="120"/>
        <source>Select at least one facility type.</source>
        <translation>Choisissez au moins un type d'équipement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="161"/>
        <source>Unknown facility types: {types}.</source>
        <translation>Types d'équipement inconnus : {types}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="231"/>
        <source>No facility of type {types}: every demand unit is counted as beyond reach of it.</source>
        <translation>Aucun équipement de type {types} : chaque unité de demande est comptée hors de portée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="434"/>
        <source>The search cut-off must be at least the threshold ({t} min).</source>
        <translation>Le seuil de recherche doit être au moins égal au seuil d'accès ({t} min).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="559"/>
        <source>{n} demand units have a missing or negative time.</source>
        <translation>{n} unités de demande ont un temps manquant ou négatif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="69"/>
        <source>{n} demand units have a missing or negative population.</source>
        <translation>{n} unités de demande ont une population manquante ou négative.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="579"/>
        <source>Zone weights must be finite and not negative.</source>
        <translation>Les poids des zones doivent être finis et non négatifs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="591"/>
        <source>{n} zones have no population: their share beyond the threshold is left empty.</source>
        <translation>{n} zones n'ont pas de population : leur part au-delà du seuil reste vide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="827"/>
        <source>The number of sites must be a positive integer.</source>
        <translation>Le nombre de sites doit être un entier positif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/access.py" line="870"/>
        <source>Only {n} sites were chosen: no other candidate covers more demand.</source>
        <translation>Seulement {n} sites ont été choisis : aucun autre candidat ne couvre davantage de demande.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/isochrones.py" line="129"/>
        <source>Time bands must be positive minutes in increasing order (at most 254), got {bands}.</source>
        <translation>Les tranches de temps doivent être des minutes positives en ordre croissant (254 au plus) ; reçu : {bands}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/isochrones.py" line="200"/>
        <source>The walk around the roads must be a positive distance (metres).</source>
        <translation>La marge autour des routes doit être une distance positive (mètres).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/routing/isochrones.py" line="207"/>
        <source>The grid cell must be a positive distance (metres).</source>
        <translation>La maille de la grille doit être une distance positive (mètres).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="60"/>
        <source>At least two territories are needed, got {n}.</source>
        <translation>Il faut au moins deux territoires ; {n} donné(s).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="61"/>
        <source>&apos;{indicator}&apos; has the same value everywhere: it cannot rank territories.</source>
        <translation>« {indicator} » a la même valeur partout : il ne peut pas départager les territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="64"/>
        <source>Unknown {what} &apos;{method}&apos;: use one of {choices}.</source>
        <translation>{what} « {method} » inconnu(e) : utilisez l'un de {choices}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="65"/>
        <source>The weight of &apos;{name}&apos; must be a positive number, got {value}.</source>
        <translation>Le poids de « {name} » doit être un nombre positif ; reçu {value}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="68"/>
        <source>Weights given for unknown {what}: {names}.</source>
        <translation>Poids donnés pour des {what} inconnus : {names}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="69"/>
        <source>&apos;{indicator}&apos; has no polarity: say whether higher is better or worse.</source>
        <translation>« {indicator} » n'a pas de polarité : indiquez si une valeur plus haute est meilleure ou pire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="72"/>
        <source>&apos;{indicator}&apos; is missing from the table.</source>
        <translation>« {indicator} » manque dans la table.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="75"/>
        <source>No indicator to build the index from.</source>
        <translation>Aucun indicateur pour construire l'indice.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="76"/>
        <source>Distance to target needs a target value for &apos;{indicator}&apos;.</source>
        <translation>La distance à la cible nécessite une valeur cible pour « {indicator} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="79"/>
        <source>The target of &apos;{indicator}&apos; ({target}) is not better than its worst value.</source>
        <translation>La cible de « {indicator} » ({target}) n'est pas meilleure que sa plus mauvaise valeur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="82"/>
        <source>The geometric mean needs positive values: {n} are zero or negative.</source>
        <translation>La moyenne géométrique nécessite des valeurs positives : {n} sont nulles ou négatives.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="85"/>
        <source>The geometric mean cannot use z-scores: choose another normalisation.</source>
        <translation>La moyenne géométrique ne peut pas utiliser des scores z : choisissez une autre normalisation.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="88"/>
        <source>The weight spread must be at least 0 and below 1, got {value}.</source>
        <translation>La dispersion des poids doit être comprise entre 0 inclus et 1 exclu ; reçu {value}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="91"/>
        <source>At least one sample is needed, got {n}.</source>
        <translation>Il faut au moins un tirage ; {n} donné(s).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="92"/>
        <source>Unknown dimension &apos;{dimension}&apos;.</source>
        <translation>Dimension « {dimension} » inconnue.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="93"/>
        <source>&apos;{indicator}&apos;: {n} territories have no value and are left out of it.</source>
        <translation>« {indicator} » : {n} territoires n'ont pas de valeur et en sont exclus.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="96"/>
        <source>{n} territories lack some values: their means re-weight the others.</source>
        <translation>{n} territoires ont des valeurs manquantes : leurs moyennes repondèrent les autres.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="99"/>
        <source>{n} territories have no value at all: no score.</source>
        <translation>{n} territoires n'ont aucune valeur : pas de score.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="100"/>
        <source>&apos;{indicator}&apos;: {n} outlying values winsorised (skew {skew}, kurtosis {kurt}).</source>
        <translation>« {indicator} » : {n} valeurs extrêmes winsorisées (asymétrie {skew}, aplatissement {kurt}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="103"/>
        <source>&apos;{indicator}&apos;: too skewed after winsorising, log-transformed instead.</source>
        <translation>« {indicator} » : encore trop asymétrique après winsorisation, transformé en logarithme à la place.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/index/composite.py" line="106"/>
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
        <location filename="../reterr_qgis/engine/supply/chains.py" line="70"/>
        <source>Unknown value-chain stages: {stages}.</source>
        <translation>Maillons de filière inconnus : {stages}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/chains.py" line="71"/>
        <source>The threshold of stage {stage} must be a positive number of minutes.</source>
        <translation>Le seuil du maillon {stage} doit être un nombre positif de minutes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/chains.py" line="74"/>
        <source>The production flags must be a (territories × chains) table: {shape}.</source>
        <translation>Les marqueurs de production (oui/non) doivent former un tableau (territoires × filières) : {shape}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/chains.py" line="77"/>
        <source>{n} demand units have a territory index outside 0..{last}.</source>
        <translation>{n} unités de demande ont un indice de territoire hors de 0..{last}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/chains.py" line="81"/>
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
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="187"/>
        <source>No territory given.</source>
        <translation>Aucun territoire fourni.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="264"/>
        <source>{n} parcels had an invalid geometry and were repaired (make_valid) before their area was counted.</source>
        <translation>{n} parcelles avaient une géométrie invalide et ont été réparées (make_valid) avant le calcul de leur surface.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="276"/>
        <source>{n} parcels have no geometry and are not counted.</source>
        <translation>{n} parcelles n'ont pas de géométrie et ne sont pas comptées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="398"/>
        <source>Unknown overlap check {method}.</source>
        <translation>Méthode de contrôle des chevauchements inconnue : {method}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="391"/>
        <source>Give the RPG crop codes: the CODE_GROUP field, the CODE_CULTU field or both.</source>
        <translation>Indiquez les codes de culture du RPG : le champ CODE_GROUP, le champ CODE_CULTU ou les deux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="481"/>
        <source>{n} parcels have a crop code absent from the mapping table; their {ha:,.1f} ha are counted as 'non classé': {codes}.</source>
        <translation>{n} parcelles ont un code de culture absent de la table de correspondance ; leurs {ha:,.1f} ha sont comptés en « non classé » : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="497"/>
        <source>{n_out} parcels lie outside every territory and {n_part} partly; {ha:,.1f} ha are not counted.</source>
        <translation>{n_out} parcelles sont entièrement hors de tout territoire et {n_part} en partie ; {ha:,.1f} ha ne sont pas comptés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="514"/>
        <source>Territories overlap ({territories}): {n} parcels are counted in more than one territory.</source>
        <translation>Des territoires se chevauchent ({territories}) : {n} parcelles sont comptées dans plusieurs territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="536"/>
        <source>{n} pairs of parcels overlap ({ha:,.1f} ha); the overlapping area is counted twice.</source>
        <translation>{n} paires de parcelles se chevauchent ({ha:,.1f} ha) ; la surface commune est comptée deux fois.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="583"/>
        <source>Reading a land-cover raster needs the Python package rasterio, built on the GDAL of QGIS (on Debian and Ubuntu: the python3-rasterio package).</source>
        <translation>La lecture d'un raster d'occupation du sol nécessite le paquet Python rasterio, compilé avec la GDAL de QGIS (sous Debian et Ubuntu : le paquet python3-rasterio).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="638"/>
        <source>Unknown coordinate reference system {crs}.</source>
        <translation>Système de coordonnées de référence inconnu : {crs}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1273"/>
        <source>Cannot read the raster {path}: {error}</source>
        <translation>Impossible de lire le raster {path} : {error}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1321"/>
        <source>The raster has {count} bands; band {band} asked.</source>
        <translation>Le raster a {count} bandes ; la bande {band} est demandée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1329"/>
        <source>The raster is in a geographic CRS ({crs}): pixel areas are not constant. Reproject it to a projected CRS in metres (Lambert-93 in France) first.</source>
        <translation>Le raster est dans un SCR géographique ({crs}) : la surface des pixels n'est pas constante. Reprojetez-le d'abord dans un SCR projeté en mètres (Lambert-93 en France).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1344"/>
        <source>The raster has no CRS: it is assumed to be in the territories&apos; CRS.</source>
        <translation>Le raster n'a pas de SCR : il est supposé être dans le SCR des territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1363"/>
        <source>The territories were reprojected to the raster&apos;s CRS ({crs}) to be counted.</source>
        <translation>Les territoires ont été reprojetés dans le SCR du raster ({crs}) pour le décompte.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1418"/>
        <source>Raster classes absent from the mapping table cover {ha:,.1f} ha, counted as 'non classé': {codes}.</source>
        <translation>Des classes du raster absentes de la table de correspondance couvrent {ha:,.1f} ha, comptés en « non classé » : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1429"/>
        <source>{ha:,.1f} ha of the territories are &apos;no data&apos; in the raster.</source>
        <translation>{ha:,.1f} ha des territoires sont sans données (« no data ») dans le raster.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/farmland.py" line="1438"/>
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
        <translation>Les codes commune doivent comporter 5 caractères (par ex. 12202, 2A004) : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="248"/>
        <source>Unknown SIRENE columns requested: {columns}.</source>
        <translation>Colonnes SIRENE demandées inconnues : {columns}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/supply/sirene.py" line="252"/>
        <source>{n} malformed SIRENE rows (wrong number of fields) skipped, e.g. line {line}.</source>
        <translation>{n} lignes SIRENE mal formées (nombre de champs incorrect) ignorées, par ex. la ligne {line}.</translation>
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
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="63"/>
        <source>'{what}' must be a table of territories × families ({shape} expected, got {got}).</source>
        <translation>« {what} » doit être un tableau territoires × familles ({shape} attendu, reçu {got}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="70"/>
        <source>{n} pairs name a territory outside 0..{last}.</source>
        <translation>{n} paires désignent un territoire hors de 0..{last}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="71"/>
        <source>The pairs have {a} first and {b} second territories.</source>
        <translation>Les paires ont {a} territoires en première position et {b} en seconde position.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="74"/>
        <source>The adjacency must be a square table of territories: {shape}.</source>
        <translation>La matrice d'adjacence doit être un tableau carré territoires × territoires : {shape}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="77"/>
        <source>The distance must be a positive number: {value}.</source>
        <translation>La distance doit être un nombre positif : {value}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="80"/>
        <source>{n} territories have no valid point (x, y): {which}.</source>
        <translation>{n} territoires n'ont pas de point (x, y) valide : {which}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="83"/>
        <source>{n} pairs join a territory to itself: left out.</source>
        <translation>{n} paires relient un territoire à lui-même : écartées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="84"/>
        <source>{n} pairs were given twice (in either order): counted once.</source>
        <translation>{n} paires ont été données deux fois (dans un sens ou dans l'autre) : comptées une seule fois.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="87"/>
        <source>{n} territories have no surplus in any family: they supply no partner ({rows}).</source>
        <translation>{n} territoires n'ont d'excédent dans aucune famille : ils n'approvisionnent aucun partenaire ({rows}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="91"/>
        <source>{n} territories have no deficit in any family: they need nothing from a partner ({rows}).</source>
        <translation>{n} territoires n'ont de déficit dans aucune famille : ils n'ont besoin de rien de la part d'un partenaire ({rows}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="95"/>
        <source>Rank partners by &apos;index&apos; or &apos;volume&apos;, not &apos;{by}&apos;.</source>
        <translation>Classez les partenaires par « index » ou par « volume », pas par « {by} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/complementarity.py" line="96"/>
        <source>The number of partners must be at least 1: {k}.</source>
        <translation>Le nombre de partenaires doit être au moins égal à 1 : {k}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/functional_areas.py" line="101"/>
        <source>The flows must be a square origin × destination table of finite values ≥ 0: {problem}.</source>
        <translation>Les flux doivent former un tableau carré origine × destination de valeurs finies ≥ 0 : {problem}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flow_indicators.py" line="66"/>
        <source>{n} territories have no flow at all (neither residents nor jobs in the flows): their indicators are left empty: {names}.</source>
        <translation>{n} territoires n'ont aucun flux (ni actifs résidents ni emplois dans les flux) : leurs indicateurs sont laissés vides : {names}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flow_indicators.py" line="71"/>
        <source>Unknown flow line mode &apos;{mode}&apos;: use one of {modes}.</source>
        <translation>Mode de lignes de flux inconnu « {mode} » : utilisez l'un de {modes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flow_indicators.py" line="74"/>
        <source>The number of lines per origin must be at least 1 (got {k}).</source>
        <translation>Le nombre de lignes par origine doit être au moins 1 (reçu {k}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="173"/>
        <source>Flow file not found: {path}.</source>
        <translation>Fichier de flux introuvable : {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="174"/>
        <source>The flow file {path} is empty.</source>
        <translation>Le fichier de flux {path} est vide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="175"/>
        <source>The file {path} is not one of INSEE&apos;s flow layouts (columns found: {found}). Expected the detail file FD_MOBPRO (COMMUNE, ARM, DCLT, IPONDI) or FD_MOBSCO (COMMUNE, ARM, DCETUF, IPONDI), or the aggregated base flux MOBPRO (CODGEO, LIBGEO, DCLT, L_DCLT, NBFLUX_C&lt;yy&gt;_ACTOCC15P) or MOBSCO (CODGEO, LIBGEO, DCETU, L_DCETU, NBFLUX_C&lt;yy&gt;_SCOL02P), separated by semicolons.</source>
        <translation>Le fichier {path} n'a pas l'une des structures des fichiers de flux de l'INSEE (colonnes trouvées : {found}). Attendu : le fichier détail FD_MOBPRO (COMMUNE, ARM, DCLT, IPONDI) ou FD_MOBSCO (COMMUNE, ARM, DCETUF, IPONDI), ou la base flux agrégée MOBPRO (CODGEO, LIBGEO, DCLT, L_DCLT, NBFLUX_C&lt;yy&gt;_ACTOCC15P) ou MOBSCO (CODGEO, LIBGEO, DCETU, L_DCETU, NBFLUX_C&lt;yy&gt;_SCOL02P), séparés par des points-virgules.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="183"/>
        <source>The weight {column} of line {line} of {path} is not a number ({value}): the file is damaged or not an INSEE flow file.</source>
        <translation>La pondération {column} de la ligne {line} de {path} n'est pas un nombre ({value}) : le fichier est endommagé ou n'est pas un fichier de flux de l'INSEE.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="188"/>
        <source>{n} rows of {path} have a wrong number of fields and were skipped (first at line {line}).</source>
        <translation>{n} lignes de {path} n'ont pas le bon nombre de champs et ont été ignorées (la première à la ligne {line}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="192"/>
        <source>{weight} of {total} go to a place that is not a French commune: abroad {abroad}, not given {missing}, unknown code {unknown}{codes}. They are kept in the origin&apos;s outside flows.</source>
        <translation>{weight} sur {total} vont vers un lieu qui n'est pas une commune française : étranger {abroad}, non renseigné {missing}, code inconnu {unknown}{codes}. Ils restent comptés, pour leur commune de résidence, dans les flux vers l'extérieur (hors communes françaises).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="197"/>
        <source>{weight} ({rows} rows) have a residence code that is not a known commune{codes}: counted, but in no commune pair.</source>
        <translation>{weight} ({rows} lignes) ont un code de résidence qui n'est pas une commune connue{codes} : comptés, mais dans aucun couple de communes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="202"/>
        <source>The weights of {path} use a decimal comma: they were read as numbers.</source>
        <translation>Les pondérations de {path} utilisent la virgule décimale : elles ont été lues comme des nombres.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="205"/>
        <source>{rows} rows name an arrondissement of Paris, Lyon or Marseille: counted in the city&apos;s commune.</source>
        <translation>{rows} lignes désignent un arrondissement de Paris, Lyon ou Marseille : comptées dans la commune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="210"/>
        <source>Commune codes must have 5 letters or digits (e.g. 12202, 2A004): {codes}.</source>
        <translation>Les codes de commune doivent avoir 5 chiffres ou lettres (par ex. 12202, 2A004) : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="215"/>
        <source>{n} flows have a missing, negative or non-numeric value.</source>
        <translation>{n} flux ont une valeur manquante, négative ou non numérique.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="218"/>
        <source>The zoning gives several zones to the same commune: {codes}.</source>
        <translation>Le zonage donne plusieurs zones à une même commune : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="222"/>
        <source>{n} communes of the flows are in no zone of the zoning ({codes}): their {weight} of flows are counted as coming from or going to outside the zoning.</source>
        <translation>{n} communes des flux ne sont dans aucune zone du zonage ({codes}) : leurs {weight} de flux sont comptés comme venant de l'extérieur du zonage ou y allant.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/flows.py" line="227"/>
        <source>The file holds more than {n} distinct codes that are not commune codes: it is not an INSEE flow file.</source>
        <translation>Le fichier contient plus de {n} codes distincts qui ne sont pas des codes de commune : ce n'est pas un fichier de flux de l'INSEE.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/functional_areas.py" line="106"/>
        <source>Community detection needs the Python package igraph, which is not installed. Install it in the Python of QGIS (pip install igraph, or the python3-igraph package of your distribution) and run the algorithm again. The LabourMarketAreas regrouping method works without it.</source>
        <translation>La détection de communautés a besoin du paquet Python igraph, qui n'est pas installé. Installez-le dans le Python de QGIS (pip install igraph, ou le paquet python3-igraph de votre distribution) puis relancez l'algorithme. La méthode de regroupement LabourMarketAreas (zones d'emploi) fonctionne sans lui.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/functional_areas.py" line="113"/>
        <source>Unknown community detection method &apos;{method}&apos;: use one of {methods}.</source>
        <translation>Méthode de détection de communautés inconnue « {method} » : utilisez l'une de {methods}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/functional_areas.py" line="116"/>
        <source>The regrouping parameters must satisfy 0 &lt; minimum size &lt; target size and 0 &lt; minimum self-containment ≤ target self-containment ≤ 1 (got {params}).</source>
        <translation>Les paramètres du regroupement doivent vérifier 0 &lt; taille minimale &lt; taille cible et 0 &lt; autonomie minimale ≤ autonomie cible ≤ 1 (reçu {params}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/functional_areas.py" line="121"/>
        <source>The resolution must be a number above 0 (got {value}).</source>
        <translation>La résolution doit être un nombre supérieur à 0 (reçu {value}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/functional_areas.py" line="124"/>
        <source>The regrouping stopped after {n} steps without making every area valid: {invalid} areas are still below the validity threshold.</source>
        <translation>Le regroupement s'est arrêté après {n} étapes sans rendre toutes les aires valides : {invalid} aires restent sous le seuil de validité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/functional_areas.py" line="129"/>
        <source>{n} units have no flow linking them to any area: each is left as an area of its own, flagged not valid: {names}.</source>
        <translation>{n} unités n'ont aucun flux les reliant à une aire : chacune forme une aire à part, marquée non valide : {names}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/functional_areas.py" line="134"/>
        <source>{n} units have no resident or no job in the flows (or only internal flows): left out of the regrouping, then attached to the area they are most linked with: {names}.</source>
        <translation>{n} unités n'ont aucun actif résident ou aucun emploi dans les flux (ou seulement des flux internes) : écartées du regroupement, puis rattachées à l'aire avec laquelle elles sont le plus liées : {names}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/functional_areas.py" line="139"/>
        <source>{n} detached parts of areas have no neighbour in another area (islands): they stay in their area: {names}.</source>
        <translation>{n} parties détachées d'aires n'ont aucun voisin dans une autre aire (îles) : elles restent dans leur aire : {names}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/functional_areas.py" line="144"/>
        <source>The adjacency must be a square table over the {n} units (got {shape}).</source>
        <translation>La contiguïté doit être un tableau carré sur les {n} unités (reçu {shape}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/functional_areas.py" line="147"/>
        <source>{n} units have no area (a missing or negative label): {names}.</source>
        <translation>{n} unités n'ont pas d'aire (étiquette manquante ou négative) : {names}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/naf.py" line="101"/>
        <source>The NAF table {path} is not valid: {problem}.</source>
        <translation>La table NAF {path} n'est pas valide : {problem}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/naf.py" line="102"/>
        <source>Unknown NAF level &apos;{level}&apos;: use one of {levels}.</source>
        <translation>Niveau NAF inconnu « {level} » : utilisez l'un de {levels}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/naf.py" line="103"/>
        <source>The NAF level {coarse} does not group the codes of level {level} (a code of {level} falls in several positions of {coarse}, e.g. {code}): choose a coarser level.</source>
        <translation>Le niveau NAF {coarse} ne regroupe pas les codes du niveau {level} (un code de {level} se répartit entre plusieurs postes de {coarse}, par ex. {code}) : choisissez un niveau plus agrégé.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/naf.py" line="108"/>
        <source>{n} rows have a code that is not a NAF rév. 2 code ({codes}): they are not counted in any sector.</source>
        <translation>{n} lignes ont un code qui n'est pas un code NAF rév. 2 ({codes}) : elles ne sont comptées dans aucun secteur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/naf.py" line="113"/>
        <source>{n} rows have a NAF code too coarse for level {level} ({codes}): they are not counted in any sector; give the codes at level {level} or finer.</source>
        <translation>{n} lignes ont un code NAF trop agrégé pour le niveau {level} ({codes}) : elles ne sont comptées dans aucun secteur ; donnez les codes au niveau {level} ou à un niveau plus fin.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/naf.py" line="118"/>
        <source>{n} rows have no sector code: they are not counted in any sector.</source>
        <translation>{n} lignes n'ont pas de code de secteur : elles ne sont comptées dans aucun secteur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/naf.py" line="121"/>
        <source>{n} rows have a NAF code that lost its leading zero (e.g. {code}): read as {fixed}.</source>
        <translation>{n} lignes ont un code NAF qui a perdu son zéro initial (par ex. {code}) : lu comme {fixed}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/specialisation.py" line="66"/>
        <source>{n} rows have a territory index outside 0..{last} (-1 marks those outside every territory).</source>
        <translation>{n} lignes ont un indice de territoire hors de 0..{last} (-1 marque celles situées hors de tout territoire).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/specialisation.py" line="70"/>
        <source>{n} rows have a sector index outside 0..{last}.</source>
        <translation>{n} lignes ont un indice de secteur hors de 0..{last}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/specialisation.py" line="71"/>
        <source>{n} rows have a missing or negative count (jobs or establishments).</source>
        <translation>{n} lignes ont un effectif (emplois ou établissements) manquant ou négatif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/specialisation.py" line="74"/>
        <source>The counts must be a table of territories × sectors with finite values ≥ 0: {problem}.</source>
        <translation>Les effectifs doivent former un tableau territoires × secteurs de valeurs finies ≥ 0 : {problem}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/specialisation.py" line="78"/>
        <source>No territory has any count: the study area cannot serve as the reference; give a reference table.</source>
        <translation>Aucun territoire n'a d'effectif : la zone d'étude ne peut pas servir de référence ; donnez une table de référence.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/specialisation.py" line="83"/>
        <source>The reference must give one value ≥ 0 per sector ({n}) and not be all zero: {problem}.</source>
        <translation>La référence doit donner une valeur ≥ 0 par secteur ({n}) et ne pas être entièrement nulle : {problem}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/specialisation.py" line="87"/>
        <source>The sector groups must give one group per sector ({n}); got {got}.</source>
        <translation>Les groupes de secteurs doivent donner un groupe par secteur ({n}) ; reçu {got}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/specialisation.py" line="90"/>
        <source>The number of sectors of the level ({given}) is below the {seen} sectors of the table.</source>
        <translation>Le nombre de secteurs du niveau ({given}) est inférieur aux {seen} secteurs du tableau.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/specialisation.py" line="94"/>
        <source>{n} territories have no count in any sector: their indicators are left empty: {rows}.</source>
        <translation>{n} territoires n'ont d'effectif dans aucun secteur : leurs indicateurs restent vides : {rows}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/specialisation.py" line="98"/>
        <source>{n} sectors are present in territories but absent from the reference ({sectors}): their location quotients and the Hachman index of those territories are left empty.</source>
        <translation>{n} secteurs sont présents dans des territoires mais absents de la référence ({sectors}) : leurs indices de spécificité (quotients de localisation) et l'indice de Hachman de ces territoires restent vides.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/complementarity/specialisation.py" line="103"/>
        <source>{weight} of {total} (jobs or establishments) have a sector code that could not be read at level {level}; they are left out of every indicator.</source>
        <translation>{weight} sur {total} (emplois ou établissements) ont un code de secteur illisible au niveau {level} ; ils sont exclus de tous les indicateurs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="838"/>
        <source>The last line of the BPE file (line {line}) is cut: the file looks truncated. That row is not read; download the file again if more rows are missing.</source>
        <translation>La dernière ligne du fichier BPE (ligne {line}) est coupée : le fichier semble tronqué. Cette ligne n'est pas lue ; téléchargez à nouveau le fichier s'il manque d'autres lignes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="843"/>
        <source>{n} BPE rows have coordinates outside the area of their département in its coordinate system (metres expected): they are not placed. First rows: {rows}.</source>
        <translation>{n} lignes de la BPE ont des coordonnées hors de la zone de leur département dans son système de coordonnées (mètres attendus) : elles ne sont pas placées. Premières lignes : {rows}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/bpe.py" line="848"/>
        <source>{n} of them look like longitude/latitude degrees: LAMBERT_X and LAMBERT_Y must be projected coordinates in metres.</source>
        <translation>{n} d'entre elles ressemblent à des degrés de longitude/latitude : LAMBERT_X et LAMBERT_Y doivent être des coordonnées projetées en mètres.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/services/fca.py" line="271"/>
        <source>Age groups {groups} have missing, negative or infinite values.</source>
        <translation>Les tranches d'âge {groups} ont des valeurs manquantes, négatives ou infinies.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/engine/core/wkb.py" line="40"/>
        <source>{n} features are not lines (or their geometry cannot be read): a road network needs LineString or MultiLineString geometries.</source>
        <translation>{n} entités ne sont pas des lignes (ou leur géométrie est illisible) : un réseau routier demande des géométries LineString ou MultiLineString.</translation>
    </message>
</context>
<context>
    <name>ReterrIndicatorDock</name>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="122"/>
        <source>ReTerr — resilience indicators</source>
        <translation>ReTerr — indicateurs de résilience</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="145"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="153"/>
        <source>Pick</source>
        <translation>Choisir</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="154"/>
        <source>Click a territory on the map to show its profile</source>
        <translation>Cliquez sur un territoire de la carte pour afficher son profil</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="485"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="384"/>
        <source>Median of all territories</source>
        <translation>Médiane de tous les territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="164"/>
        <source>Median of its peers sharing</source>
        <translation>Médiane de ses pairs partageant</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="175"/>
        <source>Compare: keep this territory as A</source>
        <translation>Comparer : garder ce territoire comme A</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="179"/>
        <source>Declare an indicator…</source>
        <translation>Déclarer un indicateur…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="625"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="186"/>
        <source>Radar as PNG…</source>
        <translation>Radar en PNG…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="187"/>
        <source>Radar as SVG…</source>
        <translation>Radar en SVG…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="188"/>
        <source>Table as CSV…</source>
        <translation>Tableau en CSV…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="339"/>
        <source>Choose a layer of territories.</source>
        <translation>Choisissez une couche de territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="283"/>
        <source>'{layer}' has no indicator field. Run a ReTerr algorithm on it (territorial profile, service access, resilience index) or declare one of its numeric fields as an indicator with “Declare an indicator…”.</source>
        <translation>« {layer} » n'a aucun champ indicateur. Lancez-y un algorithme ReTerr (profil territorial, accès aux services, indice de résilience) ou déclarez l'un de ses champs numériques comme indicateur avec « Déclarer un indicateur… ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="304"/>
        <source>Reading the indicators of '{layer}'…</source>
        <translation>Lecture des indicateurs de « {layer} »…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="320"/>
        <source>Reading the indicators was cancelled.</source>
        <translation>La lecture des indicateurs a été annulée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="353"/>
        <source>Select a territory on the map (or use “Pick”) to see its profile.</source>
        <translation>Sélectionnez un territoire sur la carte (ou utilisez « Choisir ») pour voir son profil.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="389"/>
        <source>Median of the territories with {field} = {value}</source>
        <translation>Médiane des territoires où {field} = {value}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="407"/>
        <source>A: {name} — select another territory to compare</source>
        <translation>A : {name} — sélectionnez un autre territoire pour comparer</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="467"/>
        <source>Scores out of 10</source>
        <translation>Notes sur 10</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="469"/>
        <source>No indicator can be scored on the radar.</source>
        <translation>Aucun indicateur ne peut être noté sur le radar.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="482"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="483"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="484"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="488"/>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="518"/>
        <source>{dimension}
Field: {field}
{polarity}</source>
        <translation>{dimension}
Champ : {field}
{polarity}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="527"/>
        <source>Rank {rank} of {n}</source>
        <translation>Rang {rank} sur {n}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="612"/>
        <source>Higher is better</source>
        <translation>Plus c'est haut, mieux c'est</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="614"/>
        <source>Higher is worse</source>
        <translation>Plus c'est haut, moins bien c'est</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="615"/>
        <source>Context (neither good nor bad)</source>
        <translation>Contexte (ni bon ni mauvais)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="621"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="622"/>
        <source>SVG image (*.svg)</source>
        <translation>Image SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="623"/>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="639"/>
        <source>Nothing to export: select a territory first.</source>
        <translation>Rien à exporter : sélectionnez d'abord un territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="652"/>
        <source>Cannot write &apos;{path}&apos;: {error}</source>
        <translation>Impossible d'écrire « {path} » : {error}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="396"/>
        <source>EPCI {name}</source>
        <translation>EPCI {name}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="398"/>
        <source>département {name}</source>
        <translation>département {name}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="542"/>
        <source>Double-click an indicator you declared to change which way it counts.</source>
        <translation>Double-cliquez sur un indicateur que vous avez déclaré pour changer son sens de lecture.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="587"/>
        <source>{indicator}: 1 extreme value brought back to the next value before scoring, so that it does not squash the others.</source>
        <translation>{indicator} : 1 valeur extrême ramenée à la valeur suivante avant le calcul des scores, pour qu'elle n'écrase pas les autres.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="587"/>
        <source>{indicator}: {n} extreme values brought back to the next value before scoring, so that they do not squash the others.</source>
        <translation>{indicator} : {n} valeurs extrêmes ramenées à la valeur suivante avant le calcul des scores, pour qu'elles n'écrasent pas les autres.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/gui/dock.py" line="600"/>
        <source>{indicator}: values too uneven between territories, scored on a logarithmic scale.</source>
        <translation>{indicator} : valeurs trop inégales entre territoires, notées sur une échelle logarithmique.</translation>
    </message>
</context>
<context>
    <name>ReterrLayers</name>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="50"/>
        <source> and {n} more</source>
        <translation> et {n} autres</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="200"/>
        <source>Layer &apos;{layer}&apos; has no valid coordinate reference system. Set its CRS (for metropolitan France, Lambert-93, EPSG:2154).</source>
        <translation>La couche « {layer} » n'a pas de système de coordonnées de référence valide. Définissez son SCR (en France métropolitaine, Lambert-93, EPSG:2154).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="210"/>
        <source>Layer &apos;{layer}&apos; is in a geographic CRS ({crs}): distances and areas would be in degrees. Reproject it first (for metropolitan France, Lambert-93, EPSG:2154) with &apos;Reproject layer&apos;.</source>
        <translation>La couche « {layer} » est dans un SCR géographique ({crs}) : distances et surfaces seraient exprimées en degrés. Reprojetez-la d'abord (en France métropolitaine, Lambert-93, EPSG:2154) avec « Reprojeter une couche ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="323"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;. Available fields: {fields}.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ». Champs disponibles : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/writer.py" line="444"/>
        <source>feature {fid}</source>
        <translation>entité {fid}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="350"/>
        <source>Field &apos;{field}&apos; of layer &apos;{layer}&apos; holds values that are not numbers for: {features}. Correct them or choose another field.</source>
        <translation>Le champ « {field} » de la couche « {layer} » contient des valeurs non numériques pour : {features}. Corrigez-les ou choisissez un autre champ.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="609"/>
        <source>Layer &apos;{layer}&apos;: {n} features have no geometry: {features}. Remove them or give them a geometry.</source>
        <translation>Couche « {layer} » : {n} entités n'ont pas de géométrie : {features}. Supprimez-les ou attribuez-leur une géométrie.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="623"/>
        <source>Layer &apos;{layer}&apos;: {n} features have an invalid geometry: {features}. Run &apos;Fix geometries&apos; on the layer first.</source>
        <translation>Couche « {layer} » : {n} entités ont une géométrie invalide : {features}. Lancez d'abord « Réparer les géométries » sur la couche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="645"/>
        <source>Layer &apos;{layer}&apos;, features: {features}.</source>
        <translation>Couche « {layer} », entités : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="341"/>
        <source>Field &apos;{field}&apos; of layer &apos;{layer}&apos; holds values that are not numbers for: {features}. Correct them or choose another field. A comma before three digits (&apos;1,116&apos;) or next to another separator (&apos;1,234.5&apos;) can be read two ways: write thousands without a separator or with spaces (&apos;1116&apos;, &apos;1 116&apos;) and decimals with one comma (&apos;1,5&apos;).</source>
        <translation>Le champ « {field} » de la couche « {layer} » contient des valeurs non numériques pour : {features}. Corrigez-les ou choisissez un autre champ. Une virgule suivie de trois chiffres ('1,116') ou accolée à un autre séparateur ('1,234.5') peut se lire de deux façons : écrivez les milliers sans séparateur ou avec des espaces ('1116', '1 116') et les décimales avec une seule virgule ('1,5').</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="225"/>
        <source>Layer &apos;{layer}&apos; is in a Mercator projection ({crs}, e.g. the web maps&apos; EPSG:3857): its metres are stretched by 1 / cos(latitude), about 1.4 in France, so distances and times would be 40 % too long and areas twice too large. Reproject it first (for metropolitan France, Lambert-93, EPSG:2154) with &apos;Reproject layer&apos;.</source>
        <translation>La couche « {layer} » est dans une projection de Mercator ({crs}, par ex. l'EPSG:3857 des cartes web) : ses mètres sont étirés de 1 / cos(latitude), environ 1,4 en France ; les distances et les temps seraient 40 % trop longs et les surfaces deux fois trop grandes. Reprojetez-la d'abord (pour la France métropolitaine, Lambert-93, EPSG:2154) avec « Reprojeter une couche ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="239"/>
        <source>Layer &apos;{layer}&apos; has a projected CRS ({crs}) whose unit is not the metre. Reproject it first (for metropolitan France, Lambert-93, EPSG:2154) with &apos;Reproject layer&apos;.</source>
        <translation>La couche « {layer} » a un SCR projeté ({crs}) dont l'unité n'est pas le mètre. Reprojetez-la d'abord (pour la France métropolitaine, Lambert-93, EPSG:2154) avec « Reprojeter une couche ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/layers.py" line="118"/>
        <source>Layer &apos;{layer}&apos;: {n} features cannot be reprojected from {source} to {target}: {features}. Check that the layer&apos;s CRS is the one its coordinates are in (e.g. metres in a layer declared in degrees), or set it.</source>
        <translation>Couche « {layer} » : {n} entités ne peuvent pas être reprojetées de {source} vers {target} : {features}. Vérifiez que le SCR de la couche est bien celui de ses coordonnées (par ex. des mètres dans une couche déclarée en degrés), ou définissez-le.</translation>
    </message>
</context>
<context>
    <name>ReterrModels</name>
    <message>
        <location filename="../reterr_qgis/processing/provider.py" line="80"/>
        <source>Territorial resilience diagnostic</source>
        <translation>Diagnostic de résilience du territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/provider.py" line="83"/>
        <source>Theme: access to services</source>
        <translation>Thème : accès aux services</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/provider.py" line="84"/>
        <source>Theme: food autonomy and local economy</source>
        <translation>Thème : autonomie alimentaire et économie locale</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/provider.py" line="85"/>
        <source>Theme: complementarity and flows</source>
        <translation>Thème : complémentarité et flux</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/provider.py" line="105"/>
        <source>Complete diagnostics (models)</source>
        <translation>Diagnostics complets (modèles)</translation>
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
        <location filename="../reterr_qgis/processing/common/travel.py" line="138"/>
        <source>One-way field</source>
        <translation>Champ de sens unique</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="138"/>
        <source>OSM &apos;oneway&apos; or BD TOPO &apos;sens_de_circulation&apos;; empty: two-way.</source>
        <translation>OSM « oneway » ou BD TOPO « sens_de_circulation » ; vide : double sens.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="153"/>
        <source>Junction tolerance (m)</source>
        <translation>Tolérance de raccordement (m)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="153"/>
        <source>Line ends closer than this are joined.</source>
        <translation>Les extrémités de lignes plus proches que cette distance sont raccordées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/graphs.py" line="151"/>
        <source>Layer &apos;{layer}&apos;: give a speed field or a road class field (none of them was found).</source>
        <translation>Couche « {layer} » : indiquez un champ de vitesse ou un champ de classe de route (aucun n'a été trouvé).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/graphs.py" line="161"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/graphs.py" line="181"/>
        <source>The network layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche de réseau « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/graphs.py" line="241"/>
        <source>Road graph loaded from the cache ({path}).</source>
        <translation>Graphe routier chargé depuis le cache ({path}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="170"/>
        <source>Maximum segment length (m, 0: off)</source>
        <translation>Longueur maximale des tronçons (m, 0 : sans)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="170"/>
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
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="102"/>
        <source>Default car speeds per class, set by ReTerr a little below the legal limits (see the plugin documentation); give a speed field to use your own.</source>
        <translation>Vitesses automobiles par défaut par classe, fixées par ReTerr un peu en dessous des limites légales (voir la documentation de l'extension) ; indiquez un champ de vitesse pour utiliser vos propres vitesses.</translation>
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
        <location filename="../reterr_qgis/plugin.py" line="139"/>
        <source>&amp;ReTerr</source>
        <translation>&amp;ReTerr</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/plugin.py" line="101"/>
        <source>Resilience indicators</source>
        <translation>Indicateurs de résilience</translation>
    </message>
</context>
<context>
    <name>ReterrProfilePage</name>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="259"/>
        <source>Resilience profile — {name}</source>
        <translation>Profil de résilience — {name}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="277"/>
        <source>Scores out of 10 (0 = worst, 10 = best territory)</source>
        <translation>Notes sur 10 (10 = le mieux placé)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="306"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="307"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="308"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="309"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="313"/>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="80"/>
        <source>Overall</source>
        <translation>global</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="83"/>
        <source>Score: {dimension}</source>
        <translation>Score : {dimension}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="83"/>
        <source>Index score from 0 to 100, higher = more resilient. Field: {field}</source>
        <translation>Score de l'indice de 0 à 100, plus élevé = plus résilient. Champ : {field}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="99"/>
        <source>Rank in the index (1 = best placed)</source>
        <translation>Rang dans l'indice (1 = le mieux placé)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="102"/>
        <source>Rank on {dimension} (1 = best placed)</source>
        <translation>Rang pour {dimension} (1 = le mieux placé)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="105"/>
        <source>Field: {field}</source>
        <translation>Champ : {field}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="119"/>
        <source>Rank when the weights vary (90 % of draws)</source>
        <translation>Rang quand les poids varient (90 % des tirages)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="119"/>
        <source>Monte-Carlo band: the rank stays within it in 90 % of the random weightings. A narrow band means a robust rank.</source>
        <translation>Bande Monte-Carlo : le rang y reste dans 90 % des pondérations aléatoires. Une bande étroite signifie un rang robuste.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="169"/>
        <source>Index scores (0–100, higher = more resilient)</source>
        <translation>Scores de l'indice (0–100, plus élevé = plus résilient)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="170"/>
        <source>Indicator scores (0–100, higher = more resilient)</source>
        <translation>Scores des indicateurs (0–100, plus élevé = plus résilient)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="177"/>
        <source>Rank 1 = best placed. Green: best third of territories; amber: middle third; red: worst third.</source>
        <translation>Rang 1 = le mieux placé. Vert : le meilleur tiers des territoires ; orange : le tiers du milieu ; rouge : le moins bon tiers.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="187"/>
        <source>Higher = more vulnerable: {indicators}.</source>
        <translation>Plus élevé = plus vulnérable : {indicators}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="193"/>
        <source>Higher = more resilient: {indicators}.</source>
        <translation>Plus élevé = plus résilient : {indicators}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="199"/>
        <source>Context, neither good nor bad: {indicators}.</source>
        <translation>Contexte, ni bon ni mauvais : {indicators}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="213"/>
        <source>median of the EPCI {name}</source>
        <translation>médiane de l'EPCI {name}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="215"/>
        <source>median of the département {name}</source>
        <translation>médiane du département {name}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/report/profile_page.py" line="353"/>
        <source>Reference: {ref}.</source>
        <translation>Référence : {ref}.</translation>
    </message>
</context>
<context>
    <name>ReterrProvider</name>
    <message>
        <location filename="../reterr_qgis/processing/provider.py" line="138"/>
        <source>ReTerr — territorial resilience ({version})</source>
        <translation>ReTerr — résilience territoriale ({version})</translation>
    </message>
</context>
<context>
    <name>ReterrStyle</name>
    <message>
        <location filename="../reterr_qgis/adapters/style.py" line="209"/>
        <source>ReTerr default style</source>
        <translation>Style par défaut ReTerr</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/style.py" line="210"/>
        <source>Style written by ReTerr</source>
        <translation>Style enregistré par ReTerr</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/adapters/style.py" line="190"/>
        <source>{range} (under-served)</source>
        <translation>{range} (sous-dense)</translation>
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
        <location filename="../reterr_qgis/processing/common/inputs.py" line="246"/>
        <source>Demand (communes, IRIS, grid cells, points)</source>
        <translation>Demande (communes, IRIS, carreaux, points)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="246"/>
        <source>Polygons are represented by a point inside each of them.</source>
        <translation>Chaque polygone est représenté par un point situé à l'intérieur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="259"/>
        <source>Population field</source>
        <translation>Champ de population</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="259"/>
        <source>Demand of each unit (default: population).</source>
        <translation>Demande de chaque unité (par défaut : population).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="276"/>
        <source>Facilities (points)</source>
        <translation>Équipements (points)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="276"/>
        <source>E.g. the BPE geolocated facilities.</source>
        <translation>Par exemple les équipements géolocalisés de la BPE.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="286"/>
        <source>Facility type field</source>
        <translation>Champ du type d'équipement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="286"/>
        <source>Field holding the facility type (BPE: TYPEQU).</source>
        <translation>Champ contenant le type d'équipement (BPE : TYPEQU).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="227"/>
        <source>Speed (km/h)</source>
        <translation>Vitesse (km/h)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="227"/>
        <source>Average door-to-door speed on the straight-line distance × detour.</source>
        <translation>Vitesse moyenne de porte à porte appliquée à la distance à vol d'oiseau × détour.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="247"/>
        <source>Detour factor</source>
        <translation>Coefficient de détour</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="247"/>
        <source>Road distance over straight-line distance.</source>
        <translation>Distance routière rapportée à la distance à vol d'oiseau.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="303"/>
        <source>Points standing for the demand units (e.g. town halls)</source>
        <translation>Points représentant les unités de demande (par ex. les mairies)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="303"/>
        <source>A better origin than a polygon&apos;s interior point: the town hall or a population-weighted centre, matched on a code; used only when it lies inside its unit.</source>
        <translation>Une meilleure origine que le point intérieur d'un polygone : la mairie ou un centre pondéré par la population, apparié par un code ; utilisé seulement s'il est situé dans son unité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="321"/>
        <source>Demand code field</source>
        <translation>Champ du code de la demande</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="321"/>
        <source>Code matching the points to the demand units.</source>
        <translation>Code qui apparie les points aux unités de demande.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="334"/>
        <source>Point code field</source>
        <translation>Champ du code des points</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="334"/>
        <source>Code of each point, as in the demand layer.</source>
        <translation>Code de chaque point, comme dans la couche de demande.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="269"/>
        <source>Maximum distance to the network (m)</source>
        <translation>Distance maximale au réseau (m)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="269"/>
        <source>Places farther from any road node are reported as unreachable.</source>
        <translation>Les lieux plus éloignés de tout nœud routier sont signalés comme inaccessibles.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="289"/>
        <source>Speed to reach the network (km/h)</source>
        <translation>Vitesse pour rejoindre le réseau (km/h)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="289"/>
        <source>Over the straight line between a place and its network node.</source>
        <translation>Sur la ligne droite entre un lieu et son nœud du réseau.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="381"/>
        <source>Reading demand…</source>
        <translation>Lecture de la demande…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="63"/>
        <source>Layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="425"/>
        <source>The facility type field &apos;{field}&apos; is not in layer &apos;{layer}&apos;: choose the field holding the types (BPE: TYPEQU).</source>
        <translation>Le champ de type d'équipement « {field} » n'est pas dans la couche « {layer} » : choisissez le champ qui contient les types (BPE : TYPEQU).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="475"/>
        <source>Field &apos;{field}&apos; not found in layer &apos;{layer}&apos;.</source>
        <translation>Champ « {field} » introuvable dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/inputs.py" line="505"/>
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
        <location filename="../reterr_qgis/processing/common/travel.py" line="334"/>
        <source>The road network and the demand layer must share one CRS (reproject the network).</source>
        <translation>Le réseau routier et la couche de demande doivent avoir le même SCR (reprojetez le réseau).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="355"/>
        <source>Travel times on the road network ({nodes} nodes), places snapped within {d} m and reached at {v} km/h.</source>
        <translation>Temps de parcours sur le réseau routier ({nodes} nœuds), lieux accrochés à moins de {d} m et rejoints à {v} km/h.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="364"/>
        <source>Straight-line travel times: distance × {detour} at {speed} km/h.</source>
        <translation>Temps de parcours à vol d'oiseau : distance × {detour} à {speed} km/h.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="375"/>
        <source>{n} demand units are more than {d} m from the road network and count as unreachable: {features}.</source>
        <translation>{n} unités de demande sont à plus de {d} m du réseau routier et sont comptées comme inaccessibles : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="403"/>
        <source>{n} candidate sites are more than {d} m from the road network and are ignored: {features}.</source>
        <translation>{n} sites candidats sont à plus de {d} m du réseau routier et sont ignorés : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/common/travel.py" line="403"/>
        <source>{n} facilities are more than {d} m from the road network and are ignored: {features}.</source>
        <translation>{n} équipements sont à plus de {d} m du réseau routier et sont ignorés : {features}.</translation>
    </message>
</context>
<context>
    <name>ServiceAreas</name>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="56"/>
        <source>Service areas (isochrones)</source>
        <translation>Aires de desserte (isochrones)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="59"/>
        <source>Polygons of the area from which each facility is reached within each time band (home → facility, the direction that matters for access; or, optionally, reached from the facility), on the road network.

One search per facility, stopped at the largest band, gives every band. A road segment whose start is reached within the band counts up to the point reached (interpolated along the segment, drawn straight between junctions); the polygon is the area within the buffer distance (default 150 m, a short walk) of the reachable roads. Bands are nested: the 20-minute area contains the 10-minute one. Times in minutes; facilities snapped to the nearest node within the maximum distance and reached at the access speed. Unlike QGIS's own service area tools, the output is polygons, the speeds are car speeds in km/h and the cost is in minutes.</source>
        <translation>Polygones de la zone d'où chaque équipement est atteint dans chaque tranche de temps (domicile → équipement, le sens qui compte pour l'accès ; ou, au choix, atteinte depuis l'équipement), sur le réseau routier.

Une seule recherche par équipement, arrêtée à la plus grande tranche, donne toutes les tranches. Un tronçon dont le début est atteint dans la tranche compte jusqu'au point atteint (interpolé le long du tronçon, tracé droit entre carrefours) ; le polygone est la zone située à moins de la distance tampon (150 m par défaut, une courte marche) des routes atteintes. Les tranches sont emboîtées : la zone à 20 minutes contient celle à 10 minutes. Temps en minutes ; équipements accrochés au nœud le plus proche dans la distance maximale et rejoints à la vitesse d'accès. Contrairement aux outils de zone de desserte de QGIS, le résultat est fait de polygones, les vitesses sont des vitesses voiture en km/h et le coût est en minutes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="75"/>
        <source>Facilities (points)</source>
        <translation>Équipements (points)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="75"/>
        <source>E.g. the BPE geolocated facilities.</source>
        <translation>Par exemple les équipements géolocalisés de la BPE.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="83"/>
        <source>Facility type field</source>
        <translation>Champ du type d'équipement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="83"/>
        <source>Field holding the facility type.</source>
        <translation>Champ contenant le type d'équipement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="96"/>
        <source>Facility types to keep</source>
        <translation>Types d'équipement à retenir</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="96"/>
        <source>Codes separated by &apos;;&apos; (e.g. D265); empty: every facility.</source>
        <translation>Codes séparés par « ; » (par ex. D265) ; vide : tous les équipements.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="106"/>
        <source>Time bands (minutes)</source>
        <translation>Tranches de temps (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="106"/>
        <source>Increasing limits separated by &apos;;&apos;.</source>
        <translation>Limites croissantes séparées par « ; ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="114"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="114"/>
        <source>To the facility (access)</source>
        <translation>Vers l'équipement (accès)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="114"/>
        <source>From the facility</source>
        <translation>Depuis l'équipement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="114"/>
        <source>One-way streets make the two differ.</source>
        <translation>Les sens uniques rendent les deux différents.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="125"/>
        <source>Walk around reachable roads (m)</source>
        <translation>Marche autour des routes atteintes (m)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="125"/>
        <source>Width of the area kept on each side of a reachable road.</source>
        <translation>Largeur de la zone retenue de chaque côté d'une route atteinte.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="143"/>
        <source>Maximum distance to the network (m)</source>
        <translation>Distance maximale au réseau (m)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="143"/>
        <source>Facilities farther from any road node get no area (and are named).</source>
        <translation>Les équipements plus éloignés de tout nœud routier n'ont pas de zone (et sont nommés).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="162"/>
        <source>Speed to reach the network (km/h)</source>
        <translation>Vitesse pour rejoindre le réseau (km/h)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="162"/>
        <source>Over the straight line between a facility and its node.</source>
        <translation>Sur la ligne droite entre un équipement et son nœud.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="341"/>
        <source>Service areas</source>
        <translation>Aires de desserte</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="179"/>
        <source>One polygon per facility and band, with the facility&apos;s attributes.</source>
        <translation>Un polygone par équipement et par tranche, avec les attributs de l'équipement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="200"/>
        <source>Time bands must be minutes separated by &apos;;&apos;, e.g. &apos;10;20;30&apos;.</source>
        <translation>Les tranches de temps sont des minutes séparées par « ; », par ex. « 10;20;30 ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="204"/>
        <source>Give at least one positive time band.</source>
        <translation>Donnez au moins une tranche de temps positive.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="213"/>
        <source>Facility types were given but the type field &apos;{field}&apos; is not in layer &apos;{layer}&apos;.</source>
        <translation>Des types d'équipement ont été donnés mais le champ de type « {field} » n'existe pas dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="236"/>
        <source>No facility of type {types} in layer &apos;{layer}&apos;.</source>
        <translation>Aucun équipement de type {types} dans la couche « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="259"/>
        <source>{n} facilities are too far from the road network and get no area: {features}.</source>
        <translation>{n} équipements sont trop loin du réseau routier et n'ont pas de zone : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="266"/>
        <source>Computing service areas…</source>
        <translation>Calcul des aires de desserte…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="336"/>
        <source>{n} service areas written ({f} facilities, bands {bands} min).</source>
        <translation>{n} aires de desserte écrites ({f} équipements, tranches {bands} min).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="341"/>
        <source>Isochrones of &apos;{layer}&apos; computed by ReTerr.</source>
        <translation>Isochrones de « {layer} » calculées par ReTerr.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_areas.py" line="327"/>
        <source>{n} facilities get no {band} min area (their access to the road network takes longer than the band): {features}.</source>
        <translation>{n} équipements n'ont pas d'aire de desserte à {band} min (leur accès au réseau routier prend plus de temps que cette tranche) : {features}.</translation>
    </message>
</context>
<context>
    <name>ServiceBasket</name>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="285"/>
        <source>Everyday-services basket</source>
        <translation>Panier de services de la vie courante</translation>
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
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="130"/>
        <source>BPE vintage of the facilities&apos; codes</source>
        <translation>Millésime BPE des codes des équipements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="130"/>
        <source>The basket&apos;s codes are translated to this vintage&apos;s nomenclature (the 2023 and 2024 revisions renumbered shops, schools and health professionals).</source>
        <translation>Les codes du panier sont traduits dans la nomenclature de ce millésime (les révisions de 2023 et 2024 ont renuméroté les commerces, les écoles et les professionnels de santé).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="146"/>
        <source>Threshold (minutes)</source>
        <translation>Seuil (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="146"/>
        <source>A type is reached when its nearest facility is at most this far.</source>
        <translation>Un type est atteint quand son équipement le plus proche est au plus à cette distance-temps.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="162"/>
        <source>Basket of services</source>
        <translation>Panier de services</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="162"/>
        <source>The demand layer with basket_share (%), basket_mean_min, basket_max_min (minutes) and basket_missing.</source>
        <translation>La couche de demande avec basket_share (%), basket_mean_min, basket_max_min (minutes) et basket_missing.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="183"/>
        <source>Reading facilities…</source>
        <translation>Lecture des équipements…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="199"/>
        <source>Basket of {n} types given: {codes}.</source>
        <translation>Panier de {n} types indiqué : {codes}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="206"/>
        <source>Basket &apos;{basket}&apos; ({source}) in the codes of {vintage}: {n} types ({codes}).</source>
        <translation>Panier « {basket} » ({source}) dans les codes de {vintage} : {n} types ({codes}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="220"/>
        <source>The facilities are of BPE vintage {an} (field AN) but the basket is read in the codes of {vintage}: set the vintage to {an}.</source>
        <translation>Les équipements sont du millésime BPE {an} (champ AN) mais le panier est lu dans les codes de {vintage} : choisissez le millésime {an}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="227"/>
        <source>Searching the nearest facility of each type…</source>
        <translation>Recherche de l'équipement le plus proche de chaque type…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="268"/>
        <source>Population-weighted mean share of the basket within {t} minutes: {share} %; {full} % of the population reach the whole basket.</source>
        <translation>Part moyenne du panier à moins de {t} minutes, pondérée par la population : {share} % ; {full} % de la population atteint le panier complet.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="279"/>
        <source>Types of the basket without any facility in &apos;{layer}&apos; (counted as not reached): {types}.</source>
        <translation>Types du panier sans aucun équipement dans « {layer} » (comptés comme non atteints) : {types}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="285"/>
        <source>Share of the basket ({n} types) within {t} minutes of each unit of &apos;{demand}&apos;, facilities of &apos;{facilities}&apos;.</source>
        <translation>Part du panier ({n} types) à moins de {t} minutes de chaque unité de « {demand} », équipements de « {facilities} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_basket.py" line="64"/>
        <source>For each demand unit: the share of a basket of facility types whose nearest facility is within the threshold, and the mean and longest time to the basket (METHODS §1.4).

basket_share = 100 × (types whose nearest facility is at ≤ T minutes) / (types of the basket), in %; basket_missing = types not reached within T; basket_mean_min and basket_max_min = mean and max over the types of the time to their nearest facility, in minutes (home → service). The basket is fixed, as INSEE counts it: a type with no facility in the layer stays in the denominator (a warning names it) but is left out of the mean and max times; a type that cannot be reached on the network makes them NULL.

Baskets (resources/bpe/baskets.csv): the 'panier de la vie courante' of the Observatoire des territoires in the BPE codes of 2024 (25 types, default; third-party list, not INSEE's own) and the INSEE Première n°1579 (2016) basket (reconstructed by ReTerr from the publication). Their codes are translated to the vintage chosen through the crosswalk of the BPE code table (e.g. D265 → D201 for 2021); a list of types replaces the basket. Default threshold 7 minutes: INSEE Première n°1579 reads the basket at 7 minutes (in some regions more than a quarter of residents live farther; half of metropolitan residents reach it within 4 minutes by road).

Travel times: on the road network when one is given (one search per type from all its facilities at once), else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h: a ReTerr rule of thumb for rural roads, not a published figure; change them under Advanced parameters, or give a road network).</source>
        <translation>Pour chaque unité de demande : la part d'un panier de types d'équipements dont l'équipement le plus proche est à moins du seuil, et le temps moyen et le plus long pour atteindre le panier (METHODS §1.4).

basket_share = 100 × (types dont l'équipement le plus proche est à ≤ T minutes) / (types du panier), en % ; basket_missing = types non atteints en T minutes ; basket_mean_min et basket_max_min = moyenne et maximum, sur les types, du temps jusqu'à leur équipement le plus proche, en minutes (domicile → service). Le panier est fixe, comme l'INSEE le compte : un type sans équipement dans la couche reste au dénominateur (un avertissement le nomme) mais est exclu des temps moyen et maximal ; un type qui ne peut pas être atteint sur le réseau les rend NULL.

Paniers (resources/bpe/baskets.csv) : le « panier de la vie courante » de l'Observatoire des territoires dans les codes BPE de 2024 (25 types, par défaut ; liste établie par un tiers, pas par l'INSEE) et le panier de l'INSEE Première n°1579 (2016) (reconstitué par ReTerr à partir de la publication). Leurs codes sont traduits dans le millésime choisi grâce à la table de passage de la table des codes BPE (par ex. D265 → D201 pour 2021) ; une liste de types remplace le panier. Seuil par défaut de 7 minutes : l'INSEE Première n°1579 lit le panier à 7 minutes (dans certaines régions, plus d'un quart des habitants vivent plus loin ; la moitié des habitants de la métropole l'atteignent en 4 minutes par la route).

Temps de parcours : sur le réseau routier s'il est fourni (une recherche par type, depuis tous ses équipements à la fois), sinon distance à vol d'oiseau × coefficient de détour à vitesse constante (par défaut 1,3 et 50 km/h : une règle empirique de ReTerr pour les routes rurales, pas un chiffre publié ; modifiez-les dans les paramètres avancés, ou fournissez un réseau routier).</translation>
    </message>
</context>
<context>
    <name>ServiceGaps</name>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="71"/>
        <source>Service gaps (population beyond a threshold)</source>
        <translation>Carences de services (population au-delà d'un seuil)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="102"/>
        <source>Facility types</source>
        <translation>Types d'équipements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="102"/>
        <source>Codes separated by &apos;;&apos;; the first one is the type of the candidate sites.</source>
        <translation>Codes séparés par « ; » ; le premier est le type des sites candidats.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="114"/>
        <source>Threshold (minutes)</source>
        <translation>Seuil (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="114"/>
        <source>Units whose nearest facility is farther than this are beyond it.</source>
        <translation>Les unités dont l'équipement le plus proche est plus loin sont au-delà du seuil.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="129"/>
        <source>Aggregate by code field (e.g. EPCI SIREN)</source>
        <translation>Agréger selon un champ de code (par ex. SIREN de l'EPCI)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="129"/>
        <source>Units sharing this code form one zone (e.g. siren_epci); empty: one zone for every unit.</source>
        <translation>Les unités ayant ce code en commun forment une zone (par ex. siren_epci) ; vide : une seule zone pour toutes les unités.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="145"/>
        <source>Name of the aggregate field</source>
        <translation>Champ du nom du regroupement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="145"/>
        <source>Field giving the zone&apos;s name (e.g. nom_epci).</source>
        <translation>Champ donnant le nom de la zone (par ex. nom_epci).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="158"/>
        <source>Candidate sites of new facilities (what-if)</source>
        <translation>Sites candidats de nouveaux équipements (scénario)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="158"/>
        <source>Points where facilities of the first type would be added; the outputs then show the times and populations before and after.</source>
        <translation>Points où des équipements du premier type seraient ajoutés ; les sorties donnent alors les temps et les populations avant et après.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="395"/>
        <source>Service gaps by zone</source>
        <translation>Carences de services par zone</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="173"/>
        <source>One row per zone: population, pop_beyond_&lt;TYPE&gt; and share_beyond_&lt;TYPE&gt; (%).</source>
        <translation>Une ligne par zone : population, pop_beyond_&lt;TYPE&gt; et share_beyond_&lt;TYPE&gt; (%).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="410"/>
        <source>Under-served units</source>
        <translation>Unités mal desservies</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="181"/>
        <source>The demand units beyond the threshold for at least one type.</source>
        <translation>Les unités de demande au-delà du seuil pour au moins un type.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="206"/>
        <source>Reading facilities…</source>
        <translation>Lecture des équipements…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="230"/>
        <source>The candidate layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche de candidats « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="237"/>
        <source>Searching the nearest facilities…</source>
        <translation>Recherche des équipements les plus proches…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="268"/>
        <source>Adding the candidate sites…</source>
        <translation>Ajout des sites candidats…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="295"/>
        <source>every unit</source>
        <translation>toutes les unités</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="300"/>
        <source>{n} zones have no population: their share beyond the threshold is left empty ({zones}).</source>
        <translation>{n} zones n'ont pas de population : leur part au-delà du seuil reste vide ({zones}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="368"/>
        <source>{type}: {pop} inhabitants ({share} %) live more than {t} minutes from the nearest facility.</source>
        <translation>{type} : {pop} habitants ({share} %) vivent à plus de {t} minutes de l'équipement le plus proche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="377"/>
        <source>With the {n} candidate sites, {pop1} inhabitants remain more than {t} minutes from a facility of type {type} (instead of {pop0}).</source>
        <translation>Avec les {n} sites candidats, {pop1} habitants restent à plus de {t} minutes d'un équipement de type {type} (au lieu de {pop0}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="389"/>
        <source>{n} of {total} demand units are under-served for at least one type.</source>
        <translation>{n} unités de demande sur {total} sont mal desservies pour au moins un type.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="395"/>
        <source>Population more than {t} minutes from the nearest facility of each type ({types}), per zone, from &apos;{demand}&apos; and &apos;{facilities}&apos;.</source>
        <translation>Population à plus de {t} minutes de l'équipement le plus proche de chaque type ({types}), par zone, d'après « {demand} » et « {facilities} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="410"/>
        <source>Units of &apos;{demand}&apos; more than {t} minutes from the nearest facility of at least one type ({types}).</source>
        <translation>Unités de « {demand} » à plus de {t} minutes de l'équipement le plus proche d'au moins un type ({types}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="454"/>
        <source>All demand units</source>
        <translation>Toutes les unités de demande</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/service_gaps.py" line="74"/>
        <source>Who lives too far from each service: the population beyond a travel-time threshold per facility type, aggregated to any zoning given by a code field (commune, EPCI SIREN…), and the under-served units themselves (METHODS §1.2).

Per zone z and type: pop_beyond_&lt;TYPE&gt; = Σ_i P_i [t_i &gt; T] over its units, share_beyond_&lt;TYPE&gt; = 100 × pop_beyond / population (%), t_i the time from unit i to its nearest facility of the type (home → service; unreachable units are beyond every threshold). Zones without population get an empty share and a warning. Zones are the dissolved polygons of their units (no geometry when the demand is points); without a code field, one zone holds every unit.

Under-served layer: the units beyond T for at least one type, with t_&lt;TYPE&gt; (minutes, exact: the searches are not stopped at T), n_beyond (number of types beyond) and beyond (their codes).

What-if: candidate sites of new facilities of the FIRST type. The under-served layer then gets t_before and t_after (minutes to the nearest facility of that type without and with the candidates) and gain_min; the zones get pop_beyond_after and share_beyond_after.

Defaults: types D265;D307;B207 (general practitioners, pharmacies, bakeries, BPE 2024 codes), threshold 20 minutes. Travel times: on the road network when one is given, else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h: a ReTerr rule of thumb for rural roads, not a published figure; change them under Advanced parameters, or give a road network).</source>
        <translation>Qui vit trop loin de chaque service : la population au-delà d'un seuil de temps de parcours par type d'équipement, agrégée selon tout zonage donné par un champ de code (commune, SIREN de l'EPCI…), et les unités mal desservies elles-mêmes (METHODS §1.2).

Par zone z et par type : pop_beyond_&lt;TYPE&gt; = Σ_i P_i [t_i &gt; T] sur ses unités, share_beyond_&lt;TYPE&gt; = 100 × pop_beyond / population (%), t_i étant le temps de l'unité i jusqu'à l'équipement le plus proche du type (domicile → service ; les unités inaccessibles sont au-delà de tout seuil). Les zones sans population reçoivent une part vide et un avertissement. Les zones sont les polygones fusionnés de leurs unités (sans géométrie quand la demande est faite de points) ; sans champ de code, une seule zone regroupe toutes les unités.

Couche des unités mal desservies : les unités au-delà de T pour au moins un type, avec t_&lt;TYPE&gt; (minutes, exact : les recherches ne sont pas arrêtées à T), n_beyond (nombre de types au-delà du seuil) et beyond (leurs codes).

Scénario : des sites candidats de nouveaux équipements du PREMIER type. La couche des unités mal desservies reçoit alors t_before et t_after (minutes jusqu'à l'équipement le plus proche de ce type sans et avec les candidats) et gain_min ; les zones reçoivent pop_beyond_after et share_beyond_after.

Par défaut : types D265;D307;B207 (médecins généralistes, pharmacies, boulangeries, codes BPE 2024), seuil de 20 minutes. Temps de parcours : sur le réseau routier s'il est fourni, sinon distance à vol d'oiseau × coefficient de détour à vitesse constante (par défaut 1,3 et 50 km/h : une règle empirique de ReTerr pour les routes rurales, pas un chiffre publié ; modifiez-les dans les paramètres avancés, ou fournissez un réseau routier).</translation>
    </message>
</context>
<context>
    <name>Specialisation</name>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="106"/>
        <source>Specialisation and diversity of the economy</source>
        <translation>Spécialisation et diversité de l'économie</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="109"/>
        <source>Is each territory's economy diverse, or does it depend on a few sectors? From jobs (or establishments) by NAF sector: location quotients, specialisation and diversity indices, related and unrelated variety, and the most over-represented sector of each territory.

Input: the SIRENE establishments (points, e.g. the output of 'Import SIRENE establishments': fields commune, naf, emplois), each counted in the territory containing it (a point outside every territory: in the territory whose code is its commune, or that holds the other establishments of its commune); or a table without geometry with a territory code, a NAF code and a count per row (rows whose code is not a territory code are listed and left out). NAF codes of any level and spelling (10.71C, 1071C, 10.71, 10, C, or a code of an INSEE aggregation level) are brought to the chosen level; codes that are not NAF rév. 2 (NAF rév. 1, typos) or are too coarse for it are listed with the jobs they carry and left out. Weight: the count field (jobs, default emplois) or the number of establishments (each feature counts 1).

Method (METHODS §3.1; EconGeo; Frenken, Van Oort &amp; Verburg 2007). With e_ij the count of sector i in territory j, s_ij = e_ij / e_j its share and R_i the reference share of sector i: LQ_ij = s_ij / R_i (&gt; 1.25 is often read as specialised); krugman = Σ_i |s_ij − R_i| (0 = the reference structure, 2 = nothing in common); hoover = krugman / 2; hhi = Σ_i s_ij², hhi_n = (hhi − 1/N) / (1 − 1/N); shannon = −Σ_i s_ij ln s_ij (natural logarithm), shannon_n = shannon / ln N, with N the number of positions of the level in the NAF (88 divisions by default; 732 sous-classes, 38 for A38…); hachman = 1 / Σ_i s_ij LQ_ij (1 = the reference structure). Related and unrelated variety: with the sectors grouped (default: sous-classes, classes and groups by division, divisions by section; the group level parameter), P_g the share of group g, var_unrel = −Σ_g P_g ln P_g (entropy between groups: spreads the risk of a shock over unrelated activities) and var_rel = Σ_g P_g H_g, H_g the entropy of the sectors within g (related variety: knowledge spill-overs); shannon = var_unrel + var_rel exactly.

Reference: the study area by default (R_i = Σ_j e_ij / Σ_ij e_ij: the indices then say how each territory differs from the whole of the layer); or a reference table (CSV, ';', first column a NAF code, second a share or a count, e.g. national jobs by sector from INSEE), brought to the chosen level. A sector present in a territory but absent from the reference has no LQ (NULL).

Outputs. Territories: total (jobs or establishments counted), krugman, hoover, hhi, hhi_n, shannon, shannon_n, hachman, var_rel, var_unrel, n_secteurs (sectors present), sect_spe, lib_spe, lq_spe, pct_spe (main specialisation: the sector whose share most exceeds its reference share, s_ij − R_i, i.e. that holds the most jobs above what the reference structure would give; its label, LQ and share of the territory in %; rather than the highest LQ, which a single small establishment of a rare sector can give). Territories without any count get NULL indices and are named. Optional table: one row per territory and sector present, with the count, the share (%), the reference share (%) and the LQ.</source>
        <translation>L'économie de chaque territoire est-elle diversifiée, ou dépend-elle de quelques secteurs ? À partir des emplois (ou des établissements) par secteur NAF : indices de spécificité, indices de spécialisation et de diversité, variété liée et non liée, et le secteur le plus surreprésenté de chaque territoire.

Entrée : les établissements SIRENE (points, par ex. la sortie de « Importer les établissements SIRENE » : champs commune, naf, emplois), chacun compté dans le territoire qui le contient (un point hors de tout territoire : dans le territoire dont le code est sa commune, ou qui contient les autres établissements de sa commune) ; ou une table sans géométrie avec un code de territoire, un code NAF et un effectif par ligne (les lignes dont le code n'est pas un code de territoire sont listées et écartées). Les codes NAF de tout niveau et de toute graphie (10.71C, 1071C, 10.71, 10, C, ou un code d'un niveau d'agrégation INSEE) sont ramenés au niveau choisi ; les codes qui ne sont pas de la NAF rév. 2 (NAF rév. 1, fautes de frappe) ou trop agrégés pour ce niveau sont listés avec les emplois qu'ils portent et écartés. Pondération : le champ d'effectif (emplois, par défaut emplois) ou le nombre d'établissements (chaque entité compte pour 1).

Méthode (METHODS §3.1 ; EconGeo ; Frenken, Van Oort &amp; Verburg 2007). Avec e_ij l'effectif du secteur i dans le territoire j, s_ij = e_ij / e_j sa part et R_i la part de référence du secteur i : LQ_ij = s_ij / R_i (&gt; 1,25 est souvent lu comme une spécialisation) ; krugman = Σ_i |s_ij − R_i| (0 = la structure de référence, 2 = rien en commun) ; hoover = krugman / 2 ; hhi = Σ_i s_ij², hhi_n = (hhi − 1/N) / (1 − 1/N) ; shannon = −Σ_i s_ij ln s_ij (logarithme népérien), shannon_n = shannon / ln N, avec N le nombre de postes du niveau dans la NAF (88 divisions par défaut ; 732 sous-classes, 38 pour A38…) ; hachman = 1 / Σ_i s_ij LQ_ij (1 = la structure de référence). Variété liée et non liée : avec les secteurs regroupés (par défaut : sous-classes, classes et groupes par division, divisions par section ; paramètre du niveau des groupes), P_g la part du groupe g, var_unrel = −Σ_g P_g ln P_g (entropie entre groupes : répartit le risque d'un choc sur des activités non liées) et var_rel = Σ_g P_g H_g, H_g l'entropie des secteurs au sein de g (variété liée : diffusion des connaissances) ; shannon = var_unrel + var_rel exactement.

Référence : la zone d'étude par défaut (R_i = Σ_j e_ij / Σ_ij e_ij : les indices disent alors en quoi chaque territoire diffère de l'ensemble de la couche) ; ou une table de référence (CSV, « ; », première colonne un code NAF, seconde une part ou un effectif, par ex. les emplois nationaux par secteur de l'INSEE), ramenée au niveau choisi. Un secteur présent dans un territoire mais absent de la référence n'a pas de LQ (NULL).

Sorties. Territoires : total (emplois ou établissements comptés), krugman, hoover, hhi, hhi_n, shannon, shannon_n, hachman, var_rel, var_unrel, n_secteurs (secteurs présents), sect_spe, lib_spe, lq_spe, pct_spe (spécialisation principale : le secteur dont la part dépasse le plus sa part de référence, s_ij − R_i, c'est-à-dire celui qui porte le plus d'emplois au-delà de ce que donnerait la structure de référence ; son libellé, son LQ et sa part dans le territoire en % ; plutôt que le LQ le plus élevé, qu'un seul petit établissement d'un secteur rare peut produire). Les territoires sans aucun effectif reçoivent des indices NULL et sont nommés. Table facultative : une ligne par territoire et secteur présent, avec l'effectif, la part (%), la part de référence (%) et le LQ.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="158"/>
        <source>Establishments (points) or table of counts by territory and sector</source>
        <translation>Établissements (points) ou table des effectifs par territoire et secteur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="158"/>
        <source>Points (e.g. the output of &apos;Import SIRENE establishments&apos;), counted in the territory containing them; or a table without geometry (e.g. a CSV) with a territory code, a NAF code and a count per row.</source>
        <translation>Points (par ex. la sortie de « Importer les établissements SIRENE »), comptés dans le territoire qui les contient ; ou une table sans géométrie (par ex. un CSV) avec un code de territoire, un code NAF et un effectif par ligne.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="172"/>
        <source>Commune or territory code field</source>
        <translation>Champ du code de commune ou de territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="172"/>
        <source>Points: the commune code of each establishment, which places the points lying outside every territory (optional). Table: the territory code of each row, as in the territory code field (required).</source>
        <translation>Points : le code communal de chaque établissement, qui place les points situés hors de tout territoire (facultatif). Table : le code de territoire de chaque ligne, comme dans le champ du code de territoire (obligatoire).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="184"/>
        <source>NAF code field</source>
        <translation>Champ du code NAF</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="184"/>
        <source>NAF rév. 2 code of each row, at any level ('10.71C', '1071C', '10', 'C').</source>
        <translation>Code NAF rév. 2 de chaque ligne, à n'importe quel niveau (« 10.71C », « 1071C », « 10 », « C »).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="192"/>
        <source>Weight</source>
        <translation>Pondération</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="192"/>
        <source>Jobs (the count field)</source>
        <translation>Emplois (le champ d'effectif)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="192"/>
        <source>Number of establishments (each feature counts 1)</source>
        <translation>Nombre d'établissements (chaque entité compte pour 1)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="192"/>
        <source>What is counted per sector: the value of the count field (jobs, from the SIRENE size class), or one per establishment.</source>
        <translation>Ce qui est compté par secteur : la valeur du champ d'effectif (emplois, d'après la tranche d'effectif SIRENE), ou un par établissement.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="209"/>
        <source>Count field (jobs)</source>
        <translation>Champ d'effectif (emplois)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="209"/>
        <source>Jobs (or any count ≥ 0) of each row, read when the weight is the count field.</source>
        <translation>Emplois (ou tout effectif ≥ 0) de chaque ligne, lus quand la pondération est le champ d'effectif.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="221"/>
        <source>NAF sous-classe (A732)</source>
        <translation>NAF sous-classe (A732)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="222"/>
        <source>NAF classe (A615)</source>
        <translation>NAF classe (A615)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="223"/>
        <source>NAF groupe (A272)</source>
        <translation>NAF groupe (A272)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="224"/>
        <source>INSEE A129</source>
        <translation>INSEE A129</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="225"/>
        <source>NAF division (A88)</source>
        <translation>NAF division (A88)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="226"/>
        <source>INSEE A64</source>
        <translation>INSEE A64</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="227"/>
        <source>INSEE A38</source>
        <translation>INSEE A38</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="228"/>
        <source>NAF section (A21)</source>
        <translation>NAF section (A21)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="229"/>
        <source>INSEE A17</source>
        <translation>INSEE A17</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="230"/>
        <source>INSEE A10</source>
        <translation>INSEE A10</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="232"/>
        <source>Sector level</source>
        <translation>Niveau des secteurs</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="232"/>
        <source>Level of the NAF rév. 2 or of INSEE's aggregation levels at which sectors are told apart (N of the normalised indices = its number of positions). Division by default; A38 reads well on a map of location quotients.</source>
        <translation>Niveau de la NAF rév. 2 ou des niveaux d'agrégation de l'INSEE auquel les secteurs sont distingués (le N des indices normalisés = son nombre de postes). Division par défaut ; A38 se lit bien sur une carte des indices de spécificité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="247"/>
        <source>Sector groups of related and unrelated variety</source>
        <translation>Groupes de secteurs de la variété liée et non liée</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="247"/>
        <source>Automatic (next level of the NAF hierarchy)</source>
        <translation>Automatique (niveau suivant de la hiérarchie NAF)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="247"/>
        <source>Groups of sectors: variety between groups is unrelated, within them related. Automatic: divisions for finer levels (Frenken et al.), sections for divisions, A64 and A38, A10 for sections and A17. Must be coarser than the sector level.</source>
        <translation>Groupes de secteurs : la variété entre groupes est non liée, la variété au sein d'un groupe est liée. Automatique : divisions pour les niveaux plus fins (Frenken et al.), sections pour les divisions, A64 et A38, A10 pour les sections et A17. Doit être plus agrégé que le niveau des secteurs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="264"/>
        <source>Reference structure (CSV: NAF code; share or count)</source>
        <translation>Structure de référence (CSV : code NAF ; part ou effectif)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="264"/>
        <source>Shares or counts of the reference economy per NAF code (e.g. France&apos;s jobs by division), &apos;;&apos;-separated, an optional header line. Empty: the study area (all the territories together).</source>
        <translation>Parts ou effectifs de l'économie de référence par code NAF (par ex. les emplois de la France par division), séparés par « ; », avec une ligne d'en-tête facultative. Vide : la zone d'étude (tous les territoires ensemble).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="401"/>
        <source>Specialisation and diversity</source>
        <translation>Spécialisation et diversité</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="279"/>
        <source>The territories with the specialisation and diversity indices.</source>
        <translation>Les territoires avec les indices de spécialisation et de diversité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="287"/>
        <source>Sectors by territory (table)</source>
        <translation>Secteurs par territoire (table)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="287"/>
        <source>One row per territory and sector present: count, share (%), reference share (%) and location quotient.</source>
        <translation>Une ligne par territoire et secteur présent : effectif, part (%), part de référence (%) et indice de spécificité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="323"/>
        <source>Counting per territory and sector…</source>
        <translation>Comptage par territoire et secteur…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="334"/>
        <source>No job or establishment of layer &apos;{layer}&apos; could be counted in a territory and a sector: check the NAF code field (&apos;{naf}&apos;), the count field and that the establishments lie in the territories.</source>
        <translation>Aucun emploi ni établissement de la couche « {layer} » n'a pu être compté dans un territoire et un secteur : vérifiez le champ du code NAF (« {naf} »), le champ d'effectif et que les établissements sont situés dans les territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="345"/>
        <source>Computing the indices…</source>
        <translation>Calcul des indices…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="396"/>
        <source>the reference table {path}</source>
        <translation>la table de référence {path}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="396"/>
        <source>the study area</source>
        <translation>la zone d'étude</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="401"/>
        <source>Per territory of &apos;{layer}&apos;: location quotients against {reference}, Krugman, Hoover, HHI, Shannon, Hachman, related and unrelated variety over the NAF sectors (level {level}, groups {groups}), from &apos;{est}&apos;.</source>
        <translation>Par territoire de « {layer} » : indices de spécificité par rapport à {reference}, Krugman, Hoover, HHI, Shannon, Hachman, variété liée et non liée sur les secteurs NAF (niveau {level}, groupes {groups}), d'après « {est} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="424"/>
        <source>{n} territories, {total} counted in {s} sectors (level {level}); normalised Shannon from {lo} to {hi}, median {med}.</source>
        <translation>{n} territoires, {total} comptés dans {s} secteurs (niveau {level}) ; Shannon normalisé de {lo} à {hi}, médiane {med}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="447"/>
        <source>The sector groups ({groups}) must be a coarser level than the sectors ({level}): choose a coarser group level, or &apos;Automatic&apos;.</source>
        <translation>Les groupes de secteurs ({groups}) doivent être un niveau plus agrégé que les secteurs ({level}) : choisissez un niveau de groupes plus agrégé, ou « Automatique ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="464"/>
        <source>The field &apos;{field}&apos; is not in layer &apos;{layer}&apos; (its fields: {fields}): choose the field holding it in the parameter &apos;{param}&apos;.</source>
        <translation>Le champ « {field} » n'est pas dans la couche « {layer} » (ses champs : {fields}) : choisissez le champ qui le contient dans le paramètre « {param} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="495"/>
        <source>Reading the table of counts…</source>
        <translation>Lecture de la table des effectifs…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="508"/>
        <source>Layer &apos;{layer}&apos; has no rows.</source>
        <translation>La couche « {layer} » ne contient aucune ligne.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="515"/>
        <source>No code of field &apos;{field}&apos; of &apos;{layer}&apos; (e.g. {examples}) is a code of the territories (field &apos;{code}&apos;, e.g. {codes}): give the territory code of each row, as in the territories layer.</source>
        <translation>Aucun code du champ « {field} » de « {layer} » (par ex. {examples}) n'est un code des territoires (champ « {code} », par ex. {codes}) : donnez le code de territoire de chaque ligne, comme dans la couche des territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="530"/>
        <source>{n} rows of &apos;{layer}&apos; name a territory code that is not in the territories ({codes}): they are left out.</source>
        <translation>{n} lignes de « {layer} » désignent un code de territoire absent des territoires ({codes}) : elles sont écartées.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="555"/>
        <source>{n} features of &apos;{layer}&apos; have no count in field &apos;{field}&apos;: they are left out: {features}.</source>
        <translation>{n} entités de « {layer} » n'ont pas d'effectif dans le champ « {field} » : elles sont écartées : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="576"/>
        <source>{n} establishments lie in several overlapping territories; each counts in the first one only: {features}.</source>
        <translation>{n} établissements sont situés dans plusieurs territoires qui se chevauchent ; chacun ne compte que dans le premier : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="590"/>
        <source>{n} establishments outside every territory polygon were counted in the territory of their commune.</source>
        <translation>{n} établissements situés hors de tout polygone de territoire ont été comptés dans le territoire de leur commune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="598"/>
        <source>{n} establishments lie outside every territory (and their commune is none of them): they are not counted: {features}.</source>
        <translation>{n} établissements sont situés hors de tout territoire (et leur commune n'en fait pas partie) : ils ne sont pas comptés : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="616"/>
        <source>Reference table {name}: {message}</source>
        <translation>Table de référence {name} : {message}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="621"/>
        <source>The reference table {name} gives no value &gt; 0 to a NAF code of level {level}: give NAF codes in its first column and shares or counts in the second.</source>
        <translation>La table de référence {name} ne donne aucune valeur &gt; 0 à un code NAF de niveau {level} : mettez des codes NAF dans sa première colonne et des parts ou des effectifs dans la seconde.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="628"/>
        <source>Reference: {n} sectors of level {level} from {name}.</source>
        <translation>Référence : {n} secteurs de niveau {level} d'après {name}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="645"/>
        <source>The reference table {name} cannot be read: {error}</source>
        <translation>La table de référence {name} ne peut pas être lue : {error}</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="652"/>
        <source>The reference table {name} is empty.</source>
        <translation>La table de référence {name} est vide.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="661"/>
        <source>The reference table {name}, line {line}: expected a NAF code and a share or a count separated by &apos;{sep}&apos;.</source>
        <translation>Table de référence {name}, ligne {line} : un code NAF et une part ou un effectif séparés par « {sep} » étaient attendus.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="672"/>
        <source>The reference table {name}, line {line}: &apos;{value}&apos; is not a number (share or count).</source>
        <translation>Table de référence {name}, ligne {line} : « {value} » n'est pas un nombre (part ou effectif).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="679"/>
        <source>The reference table {name}, line {line}: the value of {code} is negative.</source>
        <translation>Table de référence {name}, ligne {line} : la valeur de {code} est négative.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="687"/>
        <source>The reference table {name} has no row of values.</source>
        <translation>La table de référence {name} ne contient aucune ligne de valeurs.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="783"/>
        <source>Sectors by territory</source>
        <translation>Secteurs par territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/complementarity/specialisation.py" line="783"/>
        <source>Count, share and location quotient of each NAF sector (level {level}) present in each territory of &apos;{layer}&apos;.</source>
        <translation>Effectif, part et indice de spécificité de chaque secteur NAF (niveau {level}) présent dans chaque territoire de « {layer} ».</translation>
    </message>
</context>
<context>
    <name>SuggestLocations</name>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="60"/>
        <source>Suggest locations for new facilities</source>
        <translation>Proposer des emplacements pour de nouveaux équipements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="87"/>
        <source>Facility type</source>
        <translation>Type d'équipement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="87"/>
        <source>One code (BPE 2024: D265 general practitioner, D307 pharmacy…).</source>
        <translation>Un seul code (BPE 2024 : D265 médecin généraliste, D307 pharmacie…).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="96"/>
        <source>Threshold (minutes)</source>
        <translation>Seuil (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="96"/>
        <source>A site covers the units at most this far from it.</source>
        <translation>Un site couvre les unités situées au plus à cette distance-temps.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="111"/>
        <source>Number of sites</source>
        <translation>Nombre de sites</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="111"/>
        <source>How many new facilities to place.</source>
        <translation>Nombre de nouveaux équipements à implanter.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="123"/>
        <source>Candidate sites</source>
        <translation>Sites candidats</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="123"/>
        <source>Possible sites; empty: the demand points themselves.</source>
        <translation>Sites possibles ; vide : les points de demande eux-mêmes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="306"/>
        <source>Suggested sites</source>
        <translation>Sites proposés</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="135"/>
        <source>The chosen sites in order, with rank, pop_gained and pop_cumulative.</source>
        <translation>Les sites retenus, dans l'ordre, avec rank, pop_gained et pop_cumulative.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="148"/>
        <source>Give one facility type, not {n} ({types}).</source>
        <translation>Indiquez un seul type d'équipement, pas {n} ({types}).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="157"/>
        <source>Reading facilities…</source>
        <translation>Lecture des équipements…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="182"/>
        <source>The candidate layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche de candidats « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="187"/>
        <source>Finding who is covered already…</source>
        <translation>Recherche de la population déjà couverte…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="210"/>
        <source>Choosing the sites…</source>
        <translation>Choix des sites…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="275"/>
        <source>Site {rank}: {name} covers {gained} more inhabitants ({total} in all).</source>
        <translation>Site {rank} : {name} couvre {gained} habitants de plus ({total} au total).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="287"/>
        <source>Before: {uncovered} of {total} inhabitants live more than {t} minutes from a facility of type {type}; the {n} sites bring {gained} of them ({share} %) within reach.</source>
        <translation>Avant : {uncovered} habitants sur {total} vivent à plus de {t} minutes d'un équipement de type {type} ; les {n} sites en mettent {gained} ({share} %) à portée.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="306"/>
        <source>{n} sites for new facilities of type {type} covering the most inhabitants of &apos;{demand}&apos; now more than {t} minutes away (greedy maximal covering).</source>
        <translation>{n} sites de nouveaux équipements de type {type} couvrant le plus d'habitants de « {demand} » aujourd'hui à plus de {t} minutes (couverture maximale gloutonne).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/services/suggest_locations.py" line="63"/>
        <source>Where k new facilities of one type would bring the most people within the threshold: the maximal covering location problem (Church &amp; ReVelle 1974) solved by the greedy method.

Units already within T minutes of a facility of the type are covered. Each step picks the candidate site that covers (t ≤ T, home → site) the most population not covered yet; rank = order of choice, pop_gained = population newly covered by the site, pop_cumulative = total gained by the sites up to this one. The problem is NP-hard; the greedy choice is guaranteed to reach at least 1 − 1/e ≈ 63 % of the best possible coverage (Nemhauser, Wolsey &amp; Fisher 1978) and is often optimal or close. It stops early when no candidate covers anyone more.

Candidates: a point layer of possible sites (its attributes are kept), or by default the demand points themselves (their code and name are kept). Defaults: type D265 (general practitioner, BPE 2024), threshold 20 minutes, 3 sites. Travel times: on the road network when one is given, else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h: a ReTerr rule of thumb for rural roads, not a published figure; change them under Advanced parameters, or give a road network).</source>
        <translation>Où k nouveaux équipements d'un type amèneraient le plus de personnes à moins du seuil : le problème de localisation à couverture maximale (Church &amp; ReVelle 1974), résolu par la méthode gloutonne.

Les unités déjà à moins de T minutes d'un équipement du type sont couvertes. À chaque étape, le site candidat retenu est celui qui couvre (t ≤ T, domicile → site) la plus grande population non encore couverte ; rank = ordre de choix, pop_gained = population nouvellement couverte par le site, pop_cumulative = total gagné par les sites jusqu'à celui-ci inclus. Le problème est NP-difficile ; le choix glouton atteint à coup sûr au moins 1 − 1/e ≈ 63 % de la meilleure couverture possible (Nemhauser, Wolsey &amp; Fisher 1978) et est souvent optimal ou presque. Il s'arrête plus tôt quand plus aucun candidat ne couvre de personne supplémentaire.

Candidats : une couche de points de sites possibles (ses attributs sont conservés), ou par défaut les points de demande eux-mêmes (leur code et leur nom sont conservés). Par défaut : type D265 (médecin généraliste, BPE 2024), seuil de 20 minutes, 3 sites. Temps de parcours : sur le réseau routier s'il est fourni, sinon distance à vol d'oiseau × coefficient de détour à vitesse constante (par défaut 1,3 et 50 km/h : une règle empirique de ReTerr pour les routes rurales, pas un chiffre publié ; modifiez-les dans les paramètres avancés, ou fournissez un réseau routier).</translation>
    </message>
</context>
<context>
    <name>SupplyAlgorithm</name>
    <message>
        <location filename="../reterr_qgis/processing/supply/base.py" line="15"/>
        <source>Local supply chains</source>
        <translation>Filières locales</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="82"/>
        <source>Territories (polygons)</source>
        <translation>Territoires (polygones)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="82"/>
        <source>Communes, EPCI or any zoning, in a projected CRS (Lambert-93 in metropolitan France). Each establishment counts in the territory that contains it.</source>
        <translation>Communes, EPCI ou tout autre zonage, dans un SCR projeté (Lambert-93 en France métropolitaine). Chaque établissement compte dans le territoire qui le contient.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="96"/>
        <source>Territory code field</source>
        <translation>Champ du code des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="96"/>
        <source>Code of each territory (commune INSEE code, EPCI SIREN…), written in the outputs.</source>
        <translation>Code de chaque territoire (code commune INSEE, SIREN de l'EPCI…), écrit dans les sorties.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="107"/>
        <source>Territory name field</source>
        <translation>Champ du nom des territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="107"/>
        <source>Name of each territory, used in messages and written in the outputs.</source>
        <translation>Nom de chaque territoire, utilisé dans les messages et écrit dans les sorties.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="122"/>
        <source>Establishments (points, e.g. from &apos;Import SIRENE establishments&apos;)</source>
        <translation>Établissements (points, par ex. issus de « Importer les établissements SIRENE »)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="122"/>
        <source>One point per establishment, with its NAF code and jobs; the output of &apos;Import SIRENE establishments&apos; has every field this algorithm reads.</source>
        <translation>Un point par établissement, avec son code NAF et ses emplois ; la sortie de « Importer les établissements SIRENE » contient tous les champs lus par cet algorithme.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="181"/>
        <source>The territory code field &apos;{field}&apos; is not in layer &apos;{layer}&apos; (its fields: {fields}): choose the field holding the territories&apos; codes.</source>
        <translation>Le champ du code des territoires « {field} » n'est pas dans la couche « {layer} » (ses champs : {fields}) : choisissez le champ qui contient les codes des territoires.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="191"/>
        <source>Reading territories…</source>
        <translation>Lecture des territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="233"/>
        <source>Layer &apos;{layer}&apos; has no field &apos;{field}&apos;: {what}.</source>
        <translation>La couche « {layer} » n'a pas de champ « {field} » : {what}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="273"/>
        <source>The field &apos;{field}&apos; is not in layer &apos;{layer}&apos; (its fields: {fields}): choose the field holding it in the parameter &apos;{param}&apos;.</source>
        <translation>Le champ « {field} » n'est pas dans la couche « {layer} » (ses champs : {fields}) : choisissez le champ qui le contient dans le paramètre « {param} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="287"/>
        <source>Reading establishments…</source>
        <translation>Lecture des établissements…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="306"/>
        <source>Assigning the establishments to the territories</source>
        <translation>Affectation des établissements aux territoires</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="331"/>
        <source>{n} establishments lie in several overlapping territories; each counts in the first one only: {features}.</source>
        <translation>{n} établissements sont situés dans plusieurs territoires qui se chevauchent ; chacun ne compte que dans le premier : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="345"/>
        <source>{n} establishments outside every territory polygon were counted in the territory of their commune.</source>
        <translation>{n} établissements situés hors de tout polygone de territoire ont été comptés dans le territoire de leur commune.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/establishments.py" line="354"/>
        <source>{n} establishments lie outside every territory: they count in no territory (they remain candidates as nearest establishments).</source>
        <translation>{n} établissements sont situés hors de tout territoire : ils ne comptent dans aucun territoire (ils restent candidats comme établissements les plus proches).</translation>
    </message>
</context>
<context>
    <name>TerritoryProfile</name>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="369"/>
        <source>Territorial profile</source>
        <translation>Profil territorial</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="72"/>
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
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="92"/>
        <source>Territories (polygons)</source>
        <translation>Territoires (polygones)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="92"/>
        <source>Polygons of the territories to profile, in a projected CRS.</source>
        <translation>Polygones des territoires à analyser, dans un SCR projeté.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="112"/>
        <source>Population field</source>
        <translation>Champ de population</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="112"/>
        <source>Number of inhabitants (e.g. INSEE legal population).</source>
        <translation>Nombre d'habitants (par ex. population légale INSEE).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="118"/>
        <source>Population aged 0-19 field</source>
        <translation>Champ des 0-19 ans</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="118"/>
        <source>Inhabitants aged under 20 (INSEE RP).</source>
        <translation>Habitants de moins de 20 ans (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="124"/>
        <source>Population aged 20-64 field</source>
        <translation>Champ des 20-64 ans</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="124"/>
        <source>Inhabitants aged 20 to 64 (INSEE RP).</source>
        <translation>Habitants de 20 à 64 ans (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="130"/>
        <source>Population aged 65+ field</source>
        <translation>Champ des 65 ans et plus</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="130"/>
        <source>Inhabitants aged 65 and over (INSEE RP).</source>
        <translation>Habitants de 65 ans et plus (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="136"/>
        <source>Dwellings field</source>
        <translation>Champ des logements</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="136"/>
        <source>Number of dwellings (INSEE RP).</source>
        <translation>Nombre de logements (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="142"/>
        <source>Vacant dwellings field</source>
        <translation>Champ des logements vacants</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="142"/>
        <source>Number of vacant dwellings (INSEE RP).</source>
        <translation>Nombre de logements vacants (INSEE RP).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="148"/>
        <source>Name field</source>
        <translation>Champ du nom</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="148"/>
        <source>Names used in messages and kept in the output.</source>
        <translation>Noms utilisés dans les messages et conservés dans la sortie.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="155"/>
        <source>Aggregate by code field (e.g. EPCI SIREN)</source>
        <translation>Agréger selon un champ de code (par ex. SIREN de l'EPCI)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="155"/>
        <source>Aggregate the territories sharing this code; their polygons are dissolved. Leave empty to keep one row per territory.</source>
        <translation>Regroupe les territoires qui partagent ce code ; leurs polygones sont fusionnés. Laisser vide pour garder une ligne par territoire.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="165"/>
        <source>Name of the aggregate field</source>
        <translation>Champ du nom du regroupement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="165"/>
        <source>Field giving the aggregate&apos;s name (e.g. nom_epci).</source>
        <translation>Champ donnant le nom du regroupement (par ex. nom_epci).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="172"/>
        <source>Or aggregate into a zoning layer</source>
        <translation>Ou agréger selon une couche de zonage</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="172"/>
        <source>A coarser zoning (EPCI, bassins de vie, project areas). Its attributes are kept.</source>
        <translation>Un zonage plus large (EPCI, bassins de vie, périmètres de projet). Ses attributs sont conservés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="186"/>
        <source>Assignment to zones</source>
        <translation>Affectation aux zones</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="186"/>
        <source>Zone containing the interior point</source>
        <translation>Zone contenant le point intérieur</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="186"/>
        <source>Zone of largest overlap</source>
        <translation>Zone de plus grand recouvrement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="186"/>
        <source>Split by area share</source>
        <translation>Répartition au prorata de la surface</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="186"/>
        <source>How territories are assigned to the zoning layer&apos;s zones.</source>
        <translation>Mode d'affectation des territoires aux zones de la couche de zonage.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="223"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="224"/>
        <source>The {what} fields must all be given; not found: {fields}.</source>
        <translation>Les champs {what} doivent tous être renseignés ; introuvables : {fields}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="229"/>
        <source>No {what} fields: those indicators are skipped.</source>
        <translation>Aucun champ {what} : ces indicateurs sont ignorés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="243"/>
        <source>age group</source>
        <translation>de tranche d'âge</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="251"/>
        <source>housing</source>
        <translation>de logement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="266"/>
        <source>Choose either a code field or a zoning layer to aggregate, not both.</source>
        <translation>Pour agréger, choisissez un champ de code ou une couche de zonage, pas les deux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="275"/>
        <source>Reading territories…</source>
        <translation>Lecture des territoires…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="289"/>
        <source>Layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="295"/>
        <source>Computing indicators…</source>
        <translation>Calcul des indicateurs…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="301"/>
        <source>Aggregation</source>
        <translation>L'agrégation</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="348"/>
        <source>Writing output…</source>
        <translation>Écriture de la sortie…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="369"/>
        <source>Population, density, age structure and housing vacancy per territory, computed by ReTerr from &apos;{layer}&apos;.</source>
        <translation>Population, densité, structure par âge et vacance des logements par territoire, calculées par ReTerr à partir de « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="378"/>
        <source>{n} territories profiled.</source>
        <translation>{n} territoires analysés.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="413"/>
        <source>The zoning layer &apos;{layer}&apos; has no features.</source>
        <translation>La couche de zonage « {layer} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="422"/>
        <source>Zones reprojected from {a} to {b}.</source>
        <translation>Zones reprojetées de {a} vers {b}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="468"/>
        <source>{n} territories lie outside every zone and are left out: {features}.</source>
        <translation>{n} territoires ne sont dans aucune zone et sont laissés de côté : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="477"/>
        <source>{n} territories fall in several overlapping zones; the first zone was used: {features}.</source>
        <translation>{n} territoires tombent dans plusieurs zones qui se chevauchent ; la première zone a été retenue : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="201"/>
        <source>Polygons with the counts and indicators; a GeoPackage or a PostGIS table keeps the style and the provenance.</source>
        <translation>Polygones avec les effectifs et les indicateurs ; un GeoPackage ou une table PostGIS conserve le style et la traçabilité.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="446"/>
        <source> and {n} more</source>
        <translation> et {n} autres</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="447"/>
        <source>{n} territories lie partly outside every zone: the part outside is left out, {lost} inhabitants ({share} of the population) by area share. Check that the zoning covers the territories (same CRS, same boundaries): {features}.</source>
        <translation>{n} territoires sont en partie hors de toute zone : la partie hors zone est laissée de côté, soit {lost} habitants ({share} de la population) au prorata de la surface. Vérifiez que le zonage couvre les territoires (même SCR, mêmes limites) : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="477"/>
        <source>{n} territories are covered by overlapping zones: their counts are counted in each zone (fix the overlaps of the zoning): {features}.</source>
        <translation>{n} territoires sont couverts par des zones qui se chevauchent : leurs effectifs sont comptés dans chacune de ces zones (corrigez les chevauchements du zonage) : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="503"/>
        <source>No zone of &apos;{layer}&apos; contains a territory: check that the zoning covers the territories (same area, same CRS).</source>
        <translation>Aucune zone de « {layer} » ne contient de territoire : vérifiez que le zonage couvre les territoires (même emprise, même SCR).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="509"/>
        <source>{n} zones of &apos;{layer}&apos; contain no territory and are left out: {features}.</source>
        <translation>{n} zones de « {layer} » ne contiennent aucun territoire et sont laissées de côté : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/profile/territory_profile.py" line="531"/>
        <source>{message} Zones: {zones}.</source>
        <translation>{message} Zones : {zones}.</translation>
    </message>
</context>
<context>
    <name>ValueChains</name>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="103"/>
        <source>Value chains and missing links</source>
        <translation>Filières et maillons manquants</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="149"/>
        <source>NAF code field</source>
        <translation>Champ du code NAF</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="149"/>
        <source>NAF rév. 2 sous-classe of each establishment ('10.71C' or '1071C').</source>
        <translation>Sous-classe NAF rév. 2 de chaque établissement (« 10.71C » ou « 1071C »).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="157"/>
        <source>Jobs field</source>
        <translation>Champ des emplois</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="157"/>
        <source>Jobs of each establishment (from the SIRENE size class).</source>
        <translation>Emplois de chaque établissement (d'après la tranche d'effectifs SIRENE).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="166"/>
        <source>Establishment identifier field (SIRET)</source>
        <translation>Champ de l'identifiant d'établissement (SIRET)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="166"/>
        <source>Written in the missing links layer for the nearest establishment.</source>
        <translation>Inscrit dans la couche des maillons manquants pour l'établissement le plus proche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="174"/>
        <source>Establishment commune field</source>
        <translation>Champ de la commune de l'établissement</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="174"/>
        <source>Commune code of each establishment: places the points lying just outside every territory, and is written for the nearest establishment.</source>
        <translation>Code commune de chaque établissement : sert à placer les points situés juste en dehors de tous les territoires, et est inscrit pour l'établissement le plus proche.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="185"/>
        <source>Value chain table (CSV)</source>
        <translation>Table des filières (CSV)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="185"/>
        <source>Chains and their stages as NAF codes (&apos;;&apos;-separated, UTF-8). Empty: the table shipped with the plugin (resources/supply/value_chains.csv), which can be copied and edited.</source>
        <translation>Filières et leurs maillons sous forme de codes NAF (séparateur « ; », UTF-8). Vide : la table fournie avec l'extension (resources/supply/value_chains.csv), que l'on peut copier et modifier.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="200"/>
        <source>Chains to include</source>
        <translation>Filières à inclure</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="200"/>
        <source>Chain ids separated by &apos;;&apos; (e.g. lait; viande); empty: every chain of the table.</source>
        <translation>Identifiants des filières séparés par « ; » (par ex. lait; viande) ; vide : toutes les filières de la table.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="211"/>
        <source>Thresholds per stage (minutes)</source>
        <translation>Seuils par maillon (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="211"/>
        <source>&apos;chain:stage:minutes&apos; separated by &apos;;&apos; (e.g. viande:abattage:45; lait:transformation:20); they replace the table&apos;s values.</source>
        <translation>« filière:maillon:minutes » séparés par « ; » (par ex. viande:abattage:45; lait:transformation:20) ; ils remplacent les valeurs de la table.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="225"/>
        <source>Default threshold (minutes)</source>
        <translation>Seuil par défaut (minutes)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="225"/>
        <source>Threshold of the stages that have none in the table.</source>
        <translation>Seuil des maillons qui n'en ont pas dans la table.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="241"/>
        <source>Points standing for the territories (e.g. town halls)</source>
        <translation>Points représentant les territoires (par ex. les mairies)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="241"/>
        <source>Origins of the trips: the points inside each territory (town halls of its communes, population grid cells); a territory without any starts from a point inside it.</source>
        <translation>Origines des trajets : les points situés dans chaque territoire (mairies de ses communes, carreaux de population) ; un territoire qui n'en contient aucun part d'un point situé à l'intérieur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="256"/>
        <source>Population field of the points</source>
        <translation>Champ de population des points</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="256"/>
        <source>Weights of the points in their territory&apos;s mean time; empty or absent: equal weights.</source>
        <translation>Poids des points dans le temps moyen de leur territoire ; vide ou absent : poids égaux.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="604"/>
        <source>Value chains by territory</source>
        <translation>Filières par territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="269"/>
        <source>The territories with, per chain, the stages present, the jobs and the missing links.</source>
        <translation>Les territoires avec, pour chaque filière, les maillons présents, les emplois et les maillons manquants.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="706"/>
        <source>Missing links</source>
        <translation>Maillons manquants</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="280"/>
        <source>One line per territory and missing stage, to the nearest establishment of that stage.</source>
        <translation>Une ligne par territoire et par maillon absent, vers l'établissement le plus proche de ce maillon.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="295"/>
        <source>Stages by territory (table)</source>
        <translation>Maillons par territoire (table)</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="295"/>
        <source>One row per territory and stage: establishments, jobs, present, missing, minutes, link.</source>
        <translation>Une ligne par territoire et par maillon : établissements (n_estab), emplois (jobs), présent (present), absent (missing), minutes, maillon manquant (link).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="321"/>
        <source>Unknown chains: {unknown}. The table has: {known}.</source>
        <translation>Filières inconnues : {unknown}. La table contient : {known}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="327"/>
        <source>{n} value chains ({chains}), {s} stages, from {path}.</source>
        <translation>{n} filières ({chains}), {s} maillons, lues dans {path}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="346"/>
        <source>Thresholds per stage: &apos;{item}&apos; is not of the form chain:stage:minutes (e.g. viande:abattage:45).</source>
        <translation>Seuils par maillon : « {item} » n'est pas de la forme filière:maillon:minutes (par ex. viande:abattage:45).</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="354"/>
        <source>Thresholds per stage: unknown stages {unknown}; the stages are: {keys}.</source>
        <translation>Seuils par maillon : maillons inconnus {unknown} ; les maillons sont : {keys}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="361"/>
        <source>Thresholds per stage: the threshold of {stages} must be a positive number of minutes.</source>
        <translation>Seuils par maillon : le seuil de {stages} doit être un nombre positif de minutes.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="389"/>
        <source>Layer &apos;{layer}&apos; has no field &apos;{field}&apos;: its points weigh the same.</source>
        <translation>La couche « {layer} » n'a pas de champ « {field} » : ses points ont tous le même poids.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="417"/>
        <source>{n} points of &apos;{layer}&apos; stand for {t} territories; {lone} territories without any start from a point inside them.</source>
        <translation>{n} points de « {layer} » représentent {t} territoires ; {lone} territoires qui n'en contiennent aucun partent d'un point situé à l'intérieur.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="457"/>
        <source>Stages present per territory…</source>
        <translation>Maillons présents par territoire…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="464"/>
        <source>{n} of the {total} establishments belong to a stage of the chains.</source>
        <translation>{n} établissements sur {total} appartiennent à un maillon des filières.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="472"/>
        <source>Searching the nearest establishment of each stage…</source>
        <translation>Recherche de l'établissement le plus proche de chaque maillon…</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="481"/>
        <source>Territories whose points are more than {d} m from the road network (their missing stages count as out of reach): {features}.</source>
        <translation>Territoires dont les points sont à plus de {d} m du réseau routier (leurs maillons absents sont comptés comme hors de portée) : {features}.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="533"/>
        <source>{n} missing links (stage absent, nearest establishment beyond its threshold) in {t} of the {total} territories; {m} missing stages in all.</source>
        <translation>{n} maillons manquants (maillon absent, établissement le plus proche au-delà de son seuil) dans {t} territoires sur {total} ; {m} maillons absents en tout.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="604"/>
        <source>Stages of the value chains present in each territory of &apos;{layer}&apos; and missing links (nearest establishment of an absent stage beyond its threshold), from the establishments of &apos;{est}&apos;.</source>
        <translation>Maillons des filières présents dans chaque territoire de « {layer} » et maillons manquants (établissement le plus proche d'un maillon absent au-delà de son seuil), d'après les établissements de « {est} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="706"/>
        <source>Stages absent from the territories of &apos;{layer}&apos; while an earlier stage is present: line to the nearest establishment of the stage; link = 1 when it is beyond the stage&apos;s threshold.</source>
        <translation>Maillons absents des territoires de « {layer} » alors qu'un maillon amont est présent : ligne vers l'établissement le plus proche du maillon ; link = 1 quand il est au-delà du seuil du maillon.</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="766"/>
        <source>Stages by territory</source>
        <translation>Maillons par territoire</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="766"/>
        <source>Establishments, jobs and presence of each value-chain stage per territory of &apos;{layer}&apos;.</source>
        <translation>Établissements, emplois et présence de chaque maillon de filière par territoire de « {layer} ».</translation>
    </message>
    <message>
        <location filename="../reterr_qgis/processing/supply/value_chains.py" line="106"/>
        <source>Which stages of the local value chains (grain → mill → bakery, milk → dairy, livestock → abattoir → butcher, forest → sawmill → joinery…) each territory holds, and the missing links: stages absent from the territory while an earlier stage of the same chain is there, whose nearest establishment is too far.

Chains: an editable table of stages, each a list of NAF rév. 2 sous-classes (resources/supply/value_chains.csv, columns chain_id; stage_order; stage_id; naf_codes; max_minutes…). An establishment belongs to every stage listing its NAF code. The establishments are points with a NAF code and jobs, e.g. the output of 'Import SIRENE establishments'; each counts in the territory containing it (a point just outside every territory, in the territory of its commune).

Method. A stage is present in a territory when it has at least one establishment of it; it is missing when an earlier stage of its chain is present but not the stage itself. For a missing stage, t = the travel time (minutes) from the territory to the nearest establishment of that stage among ALL the establishments given (they may lie beyond the territories: give the surrounding départements too). A missing link is a missing stage with t &gt; threshold. The territory's origin is a point inside it, or the points standing for it (e.g. the town halls of its communes, or population grid cells), t being then their mean weighted by the population field. Travel times on the road network when one is given, else straight line × detour factor at a constant speed (defaults 1.3 and 50 km/h).

Thresholds: per stage, the max_minutes of the table, else the default threshold (30 minutes). The shipped table gives 30 minutes for mills and dairies and 60 minutes for abattoirs (the examples of ReTerr's reference notes), 60 minutes for collection, wholesale, feed and oil mills (a département-size reach), 45 minutes for the other processing stages and 15 minutes for bakeries and food shops (the everyday reach of the services basket). These are ReTerr defaults: no published norm fixes a distance to a mill, a dairy or an abattoir; set your own in 'Thresholds per stage' or in the table.

Outputs. Territories: per chain, &lt;chain&gt;_st the stages present, &lt;chain&gt;_jb the jobs in the chain's establishments, &lt;chain&gt;_ml the missing links; n_links and links (every missing link, 'chain:stage'). Missing links layer: one line per territory and missing stage, from the territory's point to the nearest establishment of that stage, with minutes, threshold, link (1: beyond the threshold, a missing link; 0: absent but within reach) and that establishment's siret, commune and NAF code. Optional stage table: establishments, jobs, presence and time per territory and stage.</source>
        <translation>Quels maillons des filières locales (céréales → moulin → boulangerie, lait → laiterie, élevage → abattoir → boucherie, forêt → scierie → menuiserie…) chaque territoire possède, et les maillons manquants : maillons absents du territoire alors qu'un maillon amont de la même filière y est présent, et dont l'établissement le plus proche est trop loin.

Filières : une table modifiable de maillons, chacun défini par une liste de sous-classes NAF rév. 2 (resources/supply/value_chains.csv, colonnes chain_id ; stage_order ; stage_id ; naf_codes ; max_minutes…). Un établissement appartient à tous les maillons qui citent son code NAF. Les établissements sont des points dotés d'un code NAF et d'emplois, par ex. la sortie de « Importer les établissements SIRENE » ; chacun compte dans le territoire qui le contient (un point situé juste en dehors de tous les territoires compte dans le territoire de sa commune).

Méthode. Un maillon est présent dans un territoire quand celui-ci compte au moins un établissement de ce maillon ; il est absent quand un maillon amont de sa filière est présent mais pas le maillon lui-même. Pour un maillon absent, t = le temps de parcours (en minutes) du territoire à l'établissement le plus proche de ce maillon parmi TOUS les établissements fournis (ils peuvent se trouver au-delà des territoires : fournissez aussi les départements voisins). Un maillon manquant est un maillon absent avec t &gt; seuil. L'origine du territoire est un point situé à l'intérieur, ou les points qui le représentent (par ex. les mairies de ses communes, ou des carreaux de population), t étant alors leur moyenne pondérée par le champ de population. Temps de parcours sur le réseau routier s'il est fourni, sinon distance à vol d'oiseau × coefficient de détour à vitesse constante (par défaut 1,3 et 50 km/h).

Seuils : pour chaque maillon, la valeur max_minutes de la table, sinon le seuil par défaut (30 minutes). La table fournie donne 30 minutes pour les moulins et les laiteries et 60 minutes pour les abattoirs (les exemples des notes de référence de ReTerr), 60 minutes pour la collecte, le commerce de gros, les usines d'aliments pour animaux et les huileries (une portée à l'échelle d'un département), 45 minutes pour les autres maillons de transformation et 15 minutes pour les boulangeries et les commerces alimentaires (la portée quotidienne du panier de services de la vie courante). Ce sont des valeurs par défaut de ReTerr : aucune norme publiée ne fixe de distance à un moulin, une laiterie ou un abattoir ; fixez les vôtres dans « Seuils par maillon » ou dans la table.

Sorties. Territoires : pour chaque filière, &lt;chain&gt;_st les maillons présents, &lt;chain&gt;_jb les emplois des établissements de la filière, &lt;chain&gt;_ml les maillons manquants ; n_links et links (tous les maillons manquants, « filière:maillon »). Couche des maillons manquants : une ligne par territoire et par maillon absent, du point du territoire à l'établissement le plus proche de ce maillon, avec minutes, threshold (seuil), link (1 : au-delà du seuil, maillon manquant ; 0 : absent mais à portée) ainsi que le siret, la commune et le code NAF de cet établissement. Table facultative des maillons par territoire : établissements, emplois, présence et temps par territoire et par maillon.</translation>
    </message>
</context>
</TS>
