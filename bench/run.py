"""Benchmark runner: times each case and its peer in the same process, prints a table and writes
``out/bench.json`` as a list of ``{name, seconds, peer, peer_seconds, ratio, ...}``.

Each case module in ``bench/`` exposes ``CASES``: a list of dicts with ``name``, ``run`` (our code),
optionally ``peer`` (name) and ``peer_run``, ``check`` (asserts both gave the same result) and
``note``. Times are the median of ``--repeat`` runs (default 3) after one warm-up (all runs are
kept in ``runs_s`` / ``peer_runs_s``: the spread says how quiet the machine was). ``peak_rss_mb`` is
the peak resident size during our runs (reset before each case on Linux), ``peer_peak_rss_mb`` the
peer's.

Usage: python bench/run.py [--only SUBSTRING] [--repeat N]
"""

from __future__ import annotations

import argparse
import importlib
import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASE_MODULES = [
    "bench.bench_profile",
    "bench.bench_fca",
    "bench.bench_network",
    "bench.bench_access",
    "bench.bench_isochrones",
    "bench.bench_dock",
    "bench.bench_supply_farmland",
    "bench.bench_supply_sourcing",
    "bench.bench_supply_sirene",
    "bench.bench_compl_specialisation",
    "bench.bench_compl_flows",
    "bench.bench_wkb",
]


def reset_peak() -> bool:
    """Reset this process's peak resident size (Linux: ``5`` into ``/proc/self/clear_refs``), so
    that each case's peak is its own and not the largest of the cases run before it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_mb() -> float:
    """Peak resident size since the last :func:`reset_peak` (MB; else since the start)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_time(fn, repeat: int) -> tuple[float, list[float], object]:
    """Median of ``repeat`` timed runs after one warm-up, every run's time, and the result;
    ``repeat=0`` times the single first run."""
    if repeat <= 0:
        t0 = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - t0
        return elapsed, [elapsed], result
    result = fn()  # warm-up (and the result to compare)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return float(statistics.median(times)), times, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", default="")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "out" / "bench.json"))
    args = ap.parse_args()
    rows = []
    for mod_name in CASE_MODULES:
        mod = importlib.import_module(mod_name)
        for case in mod.CASES:
            if args.only not in case["name"]:
                continue
            repeat = case.get("repeat", args.repeat)
            reset_peak()
            seconds, runs, ours = median_time(case["run"], args.repeat)
            ours_peak = peak_mb()
            row = {
                "name": case["name"],
                "seconds": seconds,
                "peer": case.get("peer"),
                "peer_seconds": None,
                "ratio": None,
                "runs_s": runs,
            }
            if case.get("peer_run") is not None:
                # A slow peer ("repeat": 1) runs once, without warm-up.
                reset_peak()
                peer_seconds, peer_runs, theirs = median_time(
                    case["peer_run"], 0 if repeat == 1 else repeat
                )
                row["peer_runs_s"] = peer_runs
                row["peer_peak_rss_mb"] = peak_mb()
                if case.get("check") is not None:
                    case["check"](ours, theirs)
                row["peer_seconds"] = peer_seconds
                row["ratio"] = peer_seconds / seconds if seconds > 0 else None
            note = case.get("note", "")
            row["note"] = note() if callable(note) else note
            # Peak of our run alone (the process's data from earlier cases included, the peer's not).
            row["peak_rss_mb"] = ours_peak
            rows.append(row)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(f"{'case':<48} {'ours (s)':>10} {'peer':<28} {'peer (s)':>10} {'ratio':>8}")
    for r in rows:
        peer_s = f"{r['peer_seconds']:.4f}" if r["peer_seconds"] is not None else "-"
        ratio = f"{r['ratio']:.1f}x" if r["ratio"] is not None else "-"
        print(
            f"{r['name']:<48} {r['seconds']:>10.4f} {r['peer'] or '-':<28} {peer_s:>10} {ratio:>8}"
        )
    print(f"\nwritten: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
