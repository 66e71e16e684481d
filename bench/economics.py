"""Benchmark: vectorised Monte Carlo appraisal vs. a plain per-measure Python loop.

Synthetic portfolio: every measure-year flow is uncertain (triangular low /
most likely / high). The vectorised engine runs on the whole portfolio; the
pure-Python loop (random.triangular, nested loops) runs on a subset and is
extrapolated linearly to the full portfolio, because it would take minutes.

    .venv/bin/python bench/economics.py            # 10,000 × 10 × 2,000
    .venv/bin/python bench/economics.py --quick    # smoke run
"""

from __future__ import annotations

import argparse
import math
import os
import random
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digitalbilanz.economics.montecarlo import monte_carlo_arrays  # noqa: E402

PERCENTILES = (5, 50, 95)


def synthetic_portfolio(measures: int, years: int, seed: int = 42):
    """Signed net flows (EUR): an investment in year 0, uncertain net benefits after."""
    rng = np.random.default_rng(seed)
    invest = rng.uniform(20_000, 500_000, measures)
    mode = np.empty((measures, years))
    mode[:, 0] = -invest
    mode[:, 1:] = (
        invest[:, None] / rng.uniform(3, 12, (measures, 1)) * rng.uniform(0.6, 1.4, (measures, years - 1))
    )
    # Costs overrun more than they undershoot (optimism bias); benefits vary both ways.
    low = mode - np.abs(mode) * rng.uniform(0.05, 1.0, mode.shape)
    high = mode + np.abs(mode) * rng.uniform(0.05, 0.5, mode.shape)
    discount = 1.0 / 1.009 ** np.arange(years)  # BMF Kalkulationszinssatz 0.9 %
    return low, mode, high, discount


def python_loop(low, mode, high, discount, draws, seed=0):
    """Per measure, per draw, per year: random.triangular; percentiles by sorting."""
    rnd = random.Random(seed)
    percentiles, payback = [], []
    for i in range(len(mode)):
        lo_i, mo_i, hi_i = low[i].tolist(), mode[i].tolist(), high[i].tolist()
        npvs, paid = [], 0
        for _ in range(draws):
            running, best = 0.0, -math.inf
            for t, factor in enumerate(discount):
                running += rnd.triangular(lo_i[t], hi_i[t], mo_i[t]) * factor
                best = max(best, running)
            npvs.append(running)
            paid += best >= 0
        npvs.sort()
        percentiles.append([_percentile(npvs, p) for p in PERCENTILES])
        payback.append(paid / draws)
    return np.array(percentiles), np.array(payback)


def _percentile(sorted_values, p):
    h = (len(sorted_values) - 1) * p / 100
    lo = math.floor(h)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (h - lo)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--draws", type=int, default=2_000)
    parser.add_argument("--subset", type=int, default=100, help="measures for the Python loop")
    parser.add_argument("--workers", type=int, default=None, help="threads (default: ≤ 4 CPUs)")
    parser.add_argument("--dtype", choices=("float32", "float64"), default="float32")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the engine")
    parser.add_argument("--quick", action="store_true", help="small smoke run")
    args = parser.parse_args()
    if args.quick:
        args.measures, args.draws, args.subset, args.repeat = 500, 500, 10, 1
    subset = min(args.subset, args.measures)
    workers = args.workers or min(4, os.cpu_count() or 1)
    low, mode, high, discount = synthetic_portfolio(args.measures, args.years)
    run = dict(draws=args.draws, seed=0, percentiles=PERCENTILES, dtype=args.dtype, workers=workers)

    print(
        f"Portfolio: {args.measures:,} measures × {args.years} years × {args.draws:,} draws "
        f"= {args.measures * args.years * args.draws:,} triangular samples"
    )
    print(
        f"Engine: {args.dtype}, {workers} worker thread(s), {os.cpu_count()} CPU(s), NumPy {np.__version__}"
    )
    monte_carlo_arrays(low[:50], mode[:50], high[:50], discount, **run)  # warm-up
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = monte_carlo_arrays(low, mode, high, discount, **run)
        times.append(time.perf_counter() - start)
    vectorised = sorted(times)[len(times) // 2]  # median run
    print(
        "Vectorised Monte Carlo (NPV percentiles + payback probability, all measures): "
        f"{vectorised:.3f} s (median of {args.repeat} runs: " + ", ".join(f"{t:.3f}" for t in times) + " s)"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Peak resident memory of this process: {peak:,.0f} MB")

    start = time.perf_counter()
    loop_pct, loop_payback = python_loop(
        low[:subset], mode[:subset], high[:subset], discount.tolist(), args.draws
    )
    loop_subset = time.perf_counter() - start
    loop_full = loop_subset * args.measures / subset
    print(
        f"Pure-Python loop (random.triangular): {loop_subset:.3f} s for {subset} measures; "
        f"extrapolated linearly to {args.measures:,} measures: {loop_full:.1f} s"
    )
    print(f"Speed-up (extrapolated loop / vectorised): {loop_full / vectorised:.0f}×")

    # Same input, independent random streams: results agree within sampling error.
    spread = loop_pct[:, 2] - loop_pct[:, 0]
    deviation = np.abs(result.npv_percentiles[:subset] - loop_pct) / spread[:, None]
    print(
        "Agreement on the subset: mean |P5/P50/P95 difference| = "
        f"{deviation.mean() * 100:.2f} % of the P5–P95 range; mean |payback probability "
        f"difference| = {np.abs(result.payback_probability[:subset] - loop_payback).mean():.4f}"
    )


if __name__ == "__main__":
    main()
