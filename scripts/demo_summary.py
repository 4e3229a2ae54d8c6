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
        f"  {Path(pdf).resolve()}  (3 pages : carte, profil de Rodez, accès aux médecins ; "
        "+ PNG, indice_resilience.csv)"
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
    labels = {"dim_vulnerability": "vulnérabilité", "dim_services": "services"}
    scores = " ; ".join(
        f"{labels.get(d, d)} {fmt(v)}/100" for d, v in zip(dims, rodez[: len(dims)])
    )
    rank, low, high = rodez[len(dims) :]
    print(
        f"  Indice de résilience (sans score global) : Rodez — {scores} ; rang en "
        f"{labels.get(dims[0], dims[0])} {rank} sur {n_index} (bande Monte-Carlo 5–95 % : "
        f"{fmt(low, 0)}–{fmt(high, 0)})"
    )


if __name__ == "__main__":
    main(*sys.argv[1:3])
