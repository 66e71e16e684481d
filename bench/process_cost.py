"""Benchmark: the duplicate-structure model for many services × municipalities at once.

Synthetic input: per service the staff minutes per case, channel and career level; per
service and municipality the annual cases per channel, material and fixed costs and ΔC_ana.
Times :func:`duplicate_structure_arrays` (cost per channel, hours freed, staff saving, net
effect, break-even online share and its status for every pair). Target: under 2 s for
600 services × 400 municipalities.

    .venv/bin/python bench/process_cost.py                # 600 × 400
    .venv/bin/python bench/process_cost.py --quick        # smoke run
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digitalbilanz.economics import CHANNELS, LEVELS  # noqa: E402
from digitalbilanz.economics.process_cost import STATUSES, duplicate_structure_arrays  # noqa: E402

HOURLY_COST = np.array([25.50, 42.20, 70.40, 40.70]) * 1.2  # Destatis 2025 municipal + 20 % overhead


def synthetic(services: int, municipalities: int, seed: int = 7) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    channels, levels = len(CHANNELS), len(LEVELS)
    minutes = rng.uniform(0, 30, (services, 1, channels, levels))
    minutes[..., 0, :] *= 0.5  # online cases need less staff time
    return {
        "cases": rng.integers(0, 5_000, (services, municipalities, channels)).astype(np.float64),
        "minutes": minutes,
        "media_break": rng.uniform(0, 10, (services, 1, levels)),
        "hourly_cost": HOURLY_COST,
        "material_cost": rng.uniform(0, 3, (services, 1, channels)),
        "fixed_costs": rng.uniform(0, 20_000, (services, municipalities, channels)),
        "analog_fixed_change": rng.uniform(-2_000, 5_000, (services, municipalities)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=600)
    parser.add_argument("--municipalities", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs")
    parser.add_argument("--quick", action="store_true", help="small smoke run")
    args = parser.parse_args()
    if args.quick:
        args.services, args.municipalities, args.repeat = 50, 20, 1
    inputs = synthetic(args.services, args.municipalities)
    pairs = args.services * args.municipalities
    print(
        f"Input: {args.services:,} services × {args.municipalities:,} municipalities = {pairs:,} pairs, "
        f"{len(CHANNELS)} channels, {len(LEVELS)} career levels; NumPy {np.__version__}"
    )
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = duplicate_structure_arrays(**inputs)
        times.append(time.perf_counter() - start)
    median = sorted(times)[len(times) // 2]
    print(
        f"Duplicate-structure model, all pairs: {median:.3f} s (median of {args.repeat} runs: "
        + ", ".join(f"{t:.3f}" for t in times)
        + " s)"
    )
    counts = np.bincount(result.status.ravel(), minlength=len(STATUSES))
    print(
        "Break-even status: " + ", ".join(f"{name} {n:,}" for name, n in zip(STATUSES, counts, strict=True))
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Peak resident memory of this process: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
