"""Print where the demo outputs are and a short summary of the diagnostic (in French)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path


def fmt(value: float, decimals: int = 1) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u202f").replace(".", ",")


def main(gpkg: str, pdf: str) -> None:
    con = sqlite3.connect(gpkg)
    n_com, pop, p65, tot = con.execute(
        "select count(*), sum(population), sum(pop_65p), sum(pop_0_19 + pop_20_64 + pop_65p) "
        "from communes"
    ).fetchone()
    epci = con.execute(
        "select nom_epci, population, share_65p, vacancy_rate from epci order by share_65p desc"
    ).fetchall()
    styled = con.execute("select f_table_name from layer_styles where useAsDefault").fetchall()
    apl = con.execute(
        "select sum(population), sum(case when apl_underserved = 1 then population else 0 end), "
        "sum(apl_underserved), count(*) from acces_medecins"
    ).fetchone()
    runs = con.execute("select count(*) from reterr_provenance").fetchone()[0]
    gaps = con.execute(
        "select nom_epci, share_beyond_D265, share_beyond_D307 from ecarts_epci "
        "order by share_beyond_D265 desc limit 3"
    ).fetchall()
    dims = [
        r[1]
        for r in con.execute("pragma table_info(indice_resilience)").fetchall()
        if r[1].startswith("dim_")
    ]
    rodez = con.execute(
        f"select {', '.join(dims)}, rank, rank_p05, rank_p95 from indice_resilience "
        "where nom = 'Rodez'"
    ).fetchone()
    n_index = con.execute("select count(*) from indice_resilience").fetchone()[0]
    con.close()
    print()
    print("Diagnostic territorial — Aveyron (12)")
    print(
        f"  {Path(gpkg).resolve()}  (couches stylées : {', '.join(s for (s,) in styled)} ; "
        f"{runs} traitements tracés dans reterr_provenance)"
    )
    print(
        f"  {Path(pdf).resolve()}  (6 pages : carte, profil de Rodez, accès aux médecins, "
        "autonomie alimentaire, flux domicile-travail, aires fonctionnelles ; + PNG, "
        "indice_resilience.csv)"
    )
    print(
        f"  {n_com} communes, {fmt(pop, 0)} habitants, {fmt(100 * p65 / tot)} % de 65 ans et plus"
    )
    print(f"  {len(epci)} EPCI ; les plus âgés :")
    for name, epop, share, vac in epci[:3]:
        print(
            f"    {name} : {fmt(share)} % de 65 ans et plus, {fmt(vac)} % de logements vacants "
            f"({fmt(epop, 0)} hab.)"
        )
    name, epop, share, vac = epci[-1]
    print(f"  le plus jeune : {name} ({fmt(share)} %)")
    pop_all, pop_under, n_under, n_all = apl
    print(
        f"  Accès aux médecins (APL, données illustratives) : {n_under} communes sur {n_all} "
        f"sous-denses (< 2,5), soit {fmt(100 * pop_under / pop_all)} % de la population"
    )
    print("  EPCI les plus éloignés d'un médecin (part de la population à plus de 20 min) :")
    for epci_name, gp, pharmacy in gaps:
        print(f"    {epci_name} : {fmt(gp)} % (pharmacie : {fmt(pharmacy)} %)")
    labels = {
        "dim_vulnerability": "vulnérabilité",
        "dim_services": "services",
        "dim_self_sufficiency": "autonomie",
        "dim_economy": "économie locale",
        "dim_complementarity": "ouverture",
    }
    scores = " ; ".join(
        f"{labels.get(d, d)} {fmt(v)}/100" for d, v in zip(dims, rodez[: len(dims)])
    )
    rank, low, high = rodez[len(dims) :]
    print(
        f"  Indice de résilience (sans score global) : Rodez — {scores} ; rang en "
        f"{labels.get(dims[0], dims[0])} {rank} sur {n_index} (bande Monte-Carlo 5–95 % : "
        f"{fmt(low, 0)}–{fmt(high, 0)})"
    )

    supply_summary(gpkg)
    complementarity_summary(gpkg)


def supply_summary(gpkg: str) -> None:
    """Food autonomy, sourcing flows, value chains and endogenous economy of the EPCI."""
    con = sqlite3.connect(gpkg)
    groups = ("cer", "olp", "fou", "flg", "aut")
    sau = " + ".join(f"sau_{g}" for g in groups)
    bes = " + ".join(f"bes_{g}" for g in groups)
    capped = " + ".join(f"min(sau_{g}, bes_{g})" for g in groups)
    total_sau, total_bes, total_capped, fed = con.execute(
        f"select sum({sau}), sum({bes}), sum({capped}), sum(nourris) from autonomie_alimentaire"
    ).fetchone()
    scen = con.execute(
        "select sum(nourris_ac), sum(nourris_25), sum(nourris_50), sum(population) "
        "from autonomie_alimentaire"
    ).fetchone()
    lowest = con.execute(
        "select nom_epci, adq_cap from autonomie_alimentaire order by adq_cap limit 3"
    ).fetchall()
    n_flows, vol, ha_km = con.execute(
        "select count(*), sum(vol_ha), sum(ha_km) from flux_approvisionnement"
    ).fetchone()
    by_family = con.execute(
        "select famille, sum(vol_ha) from flux_approvisionnement group by famille order by 2 desc"
    ).fetchall()
    links = con.execute(
        "select nom_epci, n_links, links from chaines_valeur where n_links > 0 "
        "order by n_links desc limit 3"
    ).fetchall()
    n_missing = con.execute("select count(*) from chaines_valeur where n_links > 0").fetchone()[0]
    n_epci = con.execute("select count(*) from chaines_valeur").fetchone()[0]
    endo = con.execute(
        "select sum(jobs), sum(jobs * siege_terr) / sum(jobs), sum(jobs * ess_pct) / sum(jobs) "
        "from economie_endogene where jobs > 0"
    ).fetchone()
    least_local = con.execute(
        "select nom_epci, siege_terr from economie_endogene where jobs > 0 "
        "order by siege_terr limit 2"
    ).fetchall()
    con.close()
    print("  Autonomie alimentaire (parcelles ILLUSTRATIVES au format du RPG) :")
    print(
        f"    surfaces agricoles productives {fmt(total_sau, 0)} ha pour des besoins de "
        f"{fmt(total_bes, 0)} ha (régime actuel) ; adéquation plafonnée de l'ensemble "
        f"{fmt(100 * total_capped / total_bes)} %, {fmt(fed, 0)} personnes nourrissables"
    )
    fed_ac, fed_25, fed_50, pop = scen
    print(
        f"    personnes nourrissables selon le régime : actuel {fmt(fed_ac, 0)}, −25 % de "
        f"produits animaux {fmt(fed_25, 0)}, −50 % {fmt(fed_50, 0)} (population "
        f"{fmt(pop, 0)})"
    )
    print(
        "    EPCI les moins autonomes : " + " ; ".join(f"{name} {fmt(v)} %" for name, v in lowest)
    )
    if n_flows:
        print(
            f"    approvisionnement local à moins de 40 km : {n_flows} flux, {fmt(vol, 0)} ha "
            f"({', '.join(f'{fam} {fmt(v, 0)}' for fam, v in by_family)}), distance moyenne "
            f"{fmt(ha_km / vol)} km"
        )
    else:
        print("    approvisionnement local à moins de 40 km : aucun flux possible")
    print(
        f"  Filières (établissements ILLUSTRATIFS au format SIRENE) : {n_missing} EPCI sur "
        f"{n_epci} ont au moins un maillon manquant ; les plus touchés :"
    )
    for name, n, text in links:
        shown = text.split("; ")
        more = f" et {len(shown) - 5} autres" if len(shown) > 5 else ""
        print(f"    {name} : {n} ({'; '.join(shown[:5])}{more})")
    jobs, local, ess = endo
    print(
        f"  Économie endogène : {fmt(local)} % des {fmt(jobs, 0)} emplois dans des "
        f"établissements dont le siège est dans l'EPCI, {fmt(ess)} % dans l'ESS ; le moins : "
        + " ; ".join(f"{name} {fmt(v)} %" for name, v in least_local)
    )


def complementarity_summary(gpkg: str) -> None:
    """Diversity, complementarity, commuting and functional areas of the EPCI."""
    con = sqlite3.connect(gpkg)
    lo, med_hi = con.execute("select min(shannon_n), max(shannon_n) from specialisation").fetchone()
    special = con.execute(
        "select nom_epci, lib_spe, lq_spe, pct_spe from specialisation "
        "order by lq_spe * pct_spe desc limit 2"
    ).fetchall()
    links = con.execute(
        "select nom_a, nom_b, vol, ic_sym, fam_ab, fam_ba from complementarite "
        "order by vol desc limit 2"
    ).fetchall()
    n_links = con.execute("select count(*) from complementarite").fetchone()[0]
    flows = con.execute(
        "select nom_epci, auto_off, ratio_emp from indicateurs_flux order by auto_off limit 2"
    ).fetchall()
    poles = con.execute(
        "select nom_epci, ratio_emp from indicateurs_flux where ratio_emp > 100 "
        "order by ratio_emp desc"
    ).fetchall()
    areas = con.execute(
        "select nom, n_communes, population, auto_off, valide from aires_fonctionnelles "
        "order by population desc"
    ).fetchall()
    con.close()
    print(
        f"  Diversité économique (Shannon normalisé, divisions NAF) : de {fmt(lo, 2)} à "
        f"{fmt(med_hi, 2)} selon l'EPCI ; spécialisations marquées :"
    )
    for name, label, lq, pct in special:
        print(f"    {name} : {label} ({fmt(pct)} % des emplois, indice {fmt(lq, 1)})")
    print(
        f"  Complémentarités alimentaires entre EPCI voisins : {n_links} liens ; les plus forts :"
    )
    for a, b, vol, ic, fab, fba in links:
        fams = ", ".join(f for f in (fab, fba) if f)
        print(f"    {a} – {b} : {fmt(vol, 0)} ha échangeables ({fams}), indice {fmt(ic, 0)} %")
    print(
        "  Flux domicile-travail (ILLUSTRATIFS) : EPCI les moins autonomes en emplois : "
        + " ; ".join(f"{n} {fmt(a)} % des actifs sur place" for n, a, _r in flows)
    )
    print(
        "    pôles d'emploi (plus d'emplois que d'actifs résidents) : "
        + (" ; ".join(f"{n} ({fmt(r, 0)} emplois pour 100 actifs)" for n, r in poles) or "aucun")
    )
    print(f"  Aires fonctionnelles trouvées dans les flux : {len(areas)}")
    for name, n, pop, auto, valid in areas:
        state = "valide" if valid else "non valide"
        print(
            f"    autour de {name} : {n} communes, {fmt(pop, 0)} hab., {fmt(auto)} % des actifs "
            f"y travaillent ({state})"
        )


if __name__ == "__main__":
    main(*sys.argv[1:3])
