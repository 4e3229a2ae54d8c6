"""Default car speed tables (OSM ``highway``, IGN BD TOPO ``nature`` and ``importance``), the
classes that are not driven by car, and where each default speed comes from (:data:`SPEED_SOURCES`,
shown in the algorithm help).

Speeds are km/h; :data:`M_PER_MIN_PER_KMH` turns them into metres per minute, which divide the
lengths in metres into the graph's travel times in minutes.
"""

from __future__ import annotations

#: km/h → metres per minute.
M_PER_MIN_PER_KMH = 1000.0 / 60.0


#: Car speeds (km/h) for OSM ``highway`` values. See :data:`SPEED_SOURCES`.
OSM_CAR_SPEEDS: dict[str, float] = {
    "motorway": 110.0,
    "motorway_link": 60.0,
    "trunk": 90.0,
    "trunk_link": 50.0,
    "primary": 70.0,
    "primary_link": 40.0,
    "secondary": 60.0,
    "secondary_link": 40.0,
    "tertiary": 50.0,
    "tertiary_link": 30.0,
    "unclassified": 40.0,
    "road": 30.0,
    "residential": 30.0,
    "living_street": 20.0,
    "service": 20.0,
}

#: OSM ``highway`` values that are not driven by car: filter them out of a car network before
#: :func:`~.attributes.speeds_from_classes` (which would otherwise report them as unknown classes).
OSM_NON_CAR_HIGHWAYS: frozenset[str] = frozenset(
    {
        "footway",
        "path",
        "pedestrian",
        "steps",
        "cycleway",
        "bridleway",
        "track",
        "corridor",
        "elevator",
        "platform",
        "bus_stop",
        "busway",
        "bus_guideway",
        "construction",
        "proposed",
        "abandoned",
        "disused",
        "raceway",
        "escape",
        "via_ferrata",
        "rest_area",
        "services",
    }
)

#: Car speeds (km/h) for IGN BD TOPO ``troncon_de_route.nature``. See :data:`SPEED_SOURCES`.
BDTOPO_NATURE_SPEEDS: dict[str, float] = {
    "Type autoroutier": 110.0,
    "Route à 2 chaussées": 80.0,
    "Route à 1 chaussée": 50.0,
    "Bretelle": 50.0,
    "Rond-point": 30.0,
    "Place": 20.0,
    "Route empierrée": 20.0,
    "Chemin": 15.0,
}

#: BD TOPO natures that are not driven by car.
BDTOPO_NON_CAR_NATURES: frozenset[str] = frozenset(
    {"Sentier", "Escalier", "Piste cyclable", "Bac ou liaison maritime"}
)

#: Car speeds (km/h) for IGN BD TOPO ``troncon_de_route.importance`` (1 = main roads … 6 = local
#: tracks). See :data:`SPEED_SOURCES`.
BDTOPO_IMPORTANCE_SPEEDS: dict[str, float] = {
    "1": 100.0,
    "2": 80.0,
    "3": 65.0,
    "4": 50.0,
    "5": 35.0,
    "6": 20.0,
}

#: Where each default speed comes from. Shown in the algorithm help.
SPEED_SOURCES = """\
Default car speeds (km/h): realistic average running speeds, not speed limits.

Legal basis (French Code de la route, [K] not re-read): 130 km/h on motorways (110 in rain), 110 on
dual carriageways with a central reservation, 80 on other roads outside built-up areas since
1 July 2018 (decree 2018-487; since 2020 départements may restore 90 on their roads), 50 in
built-up areas, 30 in "zones 30", 20 in "zones de rencontre" (art. R110-2, R413-2, R413-3).

The defaults take the limit that applies to most of a class's length and lower it for junctions,
bends, crossings of villages and traffic (about 0.75-0.9 of the limit on main roads, lower on
local roads). Only the living_street value is a legal figure; every other value is [V]: to be
confirmed against measured speeds before a council document relies on it. For comparison, the
OSRM car profile [S: Project-OSRM car.lua speed_profile] uses motorway 90, trunk 85, primary 65,
secondary 55, tertiary 40, unclassified 25, residential 25, living_street 10, service 15.

OSM highway (OSM_CAR_SPEEDS):
  motorway 110 [V] limit 130 (110 in rain, often 110 near cities)
  trunk 90 [V] voies express 110, other trunk roads 80/90
  primary 70 [V] 80/90 outside built-up areas, 50 through towns
  secondary 60 [V] same limits, more bends and villages
  tertiary 50 [V]; unclassified 40 [V] narrow rural roads at 80
  residential 30 [V] limit 50, many zones 30; road (unknown type) 30 [V]
  living_street 20 [K] zone de rencontre limit; service 20 [V]
  links: motorway_link 60, trunk_link 50, primary_link 40, secondary_link 40, tertiary_link 30 [V]
  OSM implies oneway=yes on highway=motorway and junction=roundabout [S: OSM wiki Key:oneway].

IGN BD TOPO: prefer the field vitesse_moyenne_vl (IGN's average light-vehicle speed per road
section) as the speed field; the class tables are a fallback, all [V]:
  nature (BDTOPO_NATURE_SPEEDS): Type autoroutier 110, Route à 2 chaussées 80, Route à 1 chaussée
  50 (covers everything from departmental roads to streets: use importance or vitesse_moyenne_vl),
  Bretelle 50, Rond-point 30, Place 20, Route empierrée 20, Chemin 15.
  importance (BDTOPO_IMPORTANCE_SPEEDS): 1: 100, 2: 80, 3: 65, 4: 50, 5: 35, 6: 20.
  sens_de_circulation: Double sens / Sens direct / Sens inverse / Sans objet (no restriction).
"""
