"""Vectorised Monte Carlo appraisal of a portfolio (NumPy).

Every uncertain amount follows a triangular distribution (low, most likely,
high) and is drawn by the inverse of its distribution function from one
uniform number u; in branch-free form (c = (m − a) / (b − a))::

    x = (a + b − m) + sqrt(min(u, c)·(b − a)(m − a)) − sqrt((1 − max(u, c))·(b − a)(b − m))

For u < c the second root equals b − m and x = a + sqrt(u(b − a)(m − a));
for u ≥ c the first equals m − a and x = b − sqrt((1 − u)(b − a)(b − m)).

Random stream (part of the reproducibility contract): measures are cut into
blocks of :func:`block_size` measures; block k draws from its own generator
:func:`block_generator` (seed, k). Within a block, for each year t and slot s
that holds at least one uncertain amount in the block, one array of
uniforms of shape (measures in block, draws) is drawn (float64: 53 random
bits each; float32: 23 bits, so the two precisions draw different numbers).
Results do not depend on the number of worker threads. Risk surcharges (KN/R) are not
applied: the ranges themselves describe the uncertainty.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from .errors import EconomicsError
from .explain import simulation_explanation
from .model import Line, MeasureSimulation, MonteCarloResult, Parameters, PortfolioSimulation
from .npv import MAX_FIGURE, NOT_FINITE, discount_factors, params_for, validate_lines, year_sums

# Measures × draws per block: the block's arrays (~0.5 MB each in float32) stay
# in the L2 cache, and each NumPy call runs long enough that worker threads
# rarely wait for the GIL (1 << 15 scaled poorly to two threads).
BLOCK_ELEMENTS = 1 << 17


def block_size(draws: int) -> int:
    """Number of measures per block (depends only on ``draws``)."""
    return max(1, BLOCK_ELEMENTS // draws)


def block_generator(seed: int, block: int) -> np.random.Generator:
    """The independent random generator of one block of measures."""
    return np.random.Generator(np.random.SFC64(np.random.SeedSequence(seed, spawn_key=(block,))))


def fill_uniform(rng: np.random.Generator, out: np.ndarray) -> None:
    """Fill ``out`` (C-contiguous) with uniforms in [0, 1)."""
    if out.dtype == np.float64:
        rng.random(out=out)
        return
    # float32: 23 random mantissa bits per number, two numbers per 64-bit word;
    # measurably faster than rng.random(dtype=np.float32), which uses 24 bits.
    flat = out.reshape(-1).view(np.uint32)
    words = rng.integers(0, 2**64 - 1, size=(flat.size + 1) // 2, dtype=np.uint64, endpoint=True)
    np.right_shift(words.view(np.uint32)[: flat.size], 9, out=flat)
    np.bitwise_or(flat, 0x3F800000, out=flat)  # 1.mantissa -> [1, 2)
    out -= 1.0


@dataclass(frozen=True, eq=False)
class ArraySimulation:
    """Result of :func:`monte_carlo_arrays`; rows follow the measure axis."""

    percentiles: tuple[float, ...]
    npv_percentiles: np.ndarray  # (measures, len(percentiles))
    npv_mean: np.ndarray  # (measures,)
    payback_probability: np.ndarray  # (measures,)
    npv_nonnegative_probability: np.ndarray  # (measures,)
    portfolio_npv: np.ndarray  # (draws,) sum over measures per draw, float64
    samples: np.ndarray | None = None  # (measures, draws) if keep_samples

    @property
    def portfolio_percentiles(self) -> np.ndarray:
        return np.percentile(self.portfolio_npv, self.percentiles)

    @property
    def portfolio_mean(self) -> float:
        return float(self.portfolio_npv.mean())

    @property
    def portfolio_nonnegative_probability(self) -> float:
        return float(np.mean(self.portfolio_npv >= 0))


@dataclass(frozen=True)
class _Prepared:
    """Per-item constants, shape (measures, years[, slots]), in the working dtype."""

    base: np.ndarray  # df · (offset + Σ_s (a + b − m))
    c: np.ndarray
    root_a: np.ndarray  # (b − a)(m − a) · df²
    root_b: np.ndarray  # (b − a)(b − m) · df²
    uncertain: np.ndarray  # bool, b > a
    draws: int
    seed: int
    percentiles: tuple[float, ...]
    keep_samples: bool


def _as_3d(name: str, array: np.ndarray) -> np.ndarray:
    array = np.asarray(array, dtype=np.float64)
    if array.ndim == 2:
        array = array[:, :, None]
    if array.ndim != 3:
        raise EconomicsError(f"„{name}“ muss die Form (Maßnahmen, Jahre[, Positionen]) haben.")
    if not np.all(np.isfinite(array)):
        raise EconomicsError(f"„{name}“ darf nur endliche Zahlen enthalten.")
    return array


def _check_run(draws: int, seed: int, percentiles: Sequence[float]) -> tuple[float, ...]:
    if isinstance(draws, bool) or not isinstance(draws, int | np.integer) or draws < 1:
        raise EconomicsError("Die Zahl der Ziehungen muss mindestens 1 sein.", field="draws")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise EconomicsError("Der Startwert (Seed) muss eine nichtnegative ganze Zahl sein.", field="seed")
    result = tuple(percentiles)
    if not result or any(not 0 <= p <= 100 for p in result):
        raise EconomicsError("Die Perzentile müssen zwischen 0 und 100 liegen.", field="percentiles")
    return result


def _prepare(low, mode, high, discount, offset, dtype, run) -> _Prepared:
    a, m, b = _as_3d("low", low), _as_3d("mode", mode), _as_3d("high", high)
    if not a.shape == m.shape == b.shape:
        raise EconomicsError("„low“, „mode“ und „high“ müssen dieselbe Form haben.")
    if np.any(a > m) or np.any(m > b):
        raise EconomicsError("Es muss low ≤ mode ≤ high gelten.")
    n_measures, n_years = a.shape[:2]
    offset = np.zeros((n_measures, n_years)) if offset is None else np.asarray(offset, float)
    if offset.shape != (n_measures, n_years):
        raise EconomicsError("„offset“ muss die Form (Maßnahmen, Jahre) haben.")
    df = np.broadcast_to(np.asarray(discount, dtype=np.float64), (n_measures, n_years))
    if not np.all(np.isfinite(df)) or np.any(df < 0):
        raise EconomicsError("Die Abzinsungsfaktoren müssen endlich und ≥ 0 sein.")
    width = b - a
    uncertain = width > 0
    c = np.divide(m - a, width, out=np.zeros_like(width), where=uncertain)
    base = offset.copy()
    for s in range(a.shape[2]):
        base += (a[:, :, s] + b[:, :, s]) - m[:, :, s]
    # Discounting is folded into the constants: df·x = df·(a + b − m) + sqrt(·A·df²) − …
    df2 = (df * df)[:, :, None]
    cast = {"dtype": dtype, "order": "C"}
    return _Prepared(
        base=np.asarray(base * df, **cast),
        c=np.asarray(c, **cast),
        root_a=np.asarray((width * (m - a)) * df2, **cast),
        root_b=np.asarray((width * (b - m)) * df2, **cast),
        uncertain=uncertain,
        **run,
    )


def _add_triangular(running, u, v, c, root_a, root_b) -> None:
    """running += df·x − df·(a + b − m) for uniforms u (overwritten); v is scratch."""
    np.minimum(u, c, out=v)
    v *= root_a
    np.sqrt(v, out=v)
    np.maximum(u, c, out=u)
    np.subtract(1.0, u, out=u)
    u *= root_b
    np.sqrt(u, out=u)
    v -= u
    running += v


def _run_block(prep: _Prepared, block: int, size: int) -> tuple:
    lo, hi = block * size, min((block + 1) * size, prep.base.shape[0])
    rng = block_generator(prep.seed, block)
    shape, dtype = (hi - lo, prep.draws), prep.base.dtype
    running = np.zeros(shape, dtype)  # cumulative discounted balance
    u, v = np.empty(shape, dtype), np.empty(shape, dtype)
    active = prep.uncertain[lo:hi].any(axis=0)  # (years, slots) that draw uniforms
    for t in range(prep.base.shape[1]):
        running += prep.base[lo:hi, t, None]
        for s in np.flatnonzero(active[t]):
            fill_uniform(rng, u)
            _add_triangular(
                running,
                u,
                v,
                prep.c[lo:hi, t, s, None],
                prep.root_a[lo:hi, t, s, None],
                prep.root_b[lo:hi, t, s, None],
            )
    return _summarise(running, prep)


def sorted_percentiles(rows: np.ndarray, percentiles: Sequence[float]) -> np.ndarray:
    """Percentiles of each row of an already sorted array, shape (rows, len(percentiles)).

    Same definition as ``numpy.percentile(method="linear")``; sorting with
    NumPy's SIMD sort is several times faster than ``numpy.percentile``.
    """
    n = rows.shape[1]
    h = (n - 1) * np.asarray(percentiles, dtype=np.float64) / 100.0
    below = np.floor(h).astype(np.intp)
    above = np.minimum(below + 1, n - 1)
    frac = h - below
    a = rows[:, below].astype(np.float64)
    b = rows[:, above].astype(np.float64)
    diff = b - a
    return np.where(frac >= 0.5, b - diff * (1.0 - frac), a + diff * frac)


def _summarise(npv: np.ndarray, prep: _Prepared) -> tuple:
    # Payback within the horizon means the cumulative balance stays >= 0 from some year to the
    # end (see npv.payback_year), which is equivalent to the final cumulative balance >= 0.
    nonnegative = np.count_nonzero(npv >= 0, axis=1) / prep.draws
    return (
        sorted_percentiles(np.sort(npv, axis=1), prep.percentiles),
        npv.mean(axis=1, dtype=np.float64),
        nonnegative,
        nonnegative,
        npv.sum(axis=0, dtype=np.float64),
        npv.astype(np.float64) if prep.keep_samples else None,
    )


def monte_carlo_arrays(
    low,
    mode,
    high,
    discount,
    *,
    offset=None,
    draws: int = 2000,
    seed: int = 0,
    percentiles: Sequence[float] = (5, 50, 95),
    dtype=np.float64,
    workers: int | None = None,
    keep_samples: bool = False,
) -> ArraySimulation:
    """Simulate net flows given as arrays; the engine behind :func:`monte_carlo`.

    ``low``/``mode``/``high``: signed net flows (benefit − cost) in EUR, shape
    (measures, years) or (measures, years, slots) for several uncertain amounts
    per measure-year; a cell with low == high is deterministic. ``discount``:
    discount factors, shape (years,) or (measures, years); 0 beyond a measure's
    horizon. ``offset``: deterministic net flow per (measure, year). ``dtype``
    float32 halves memory traffic (about 7 significant digits); ``workers``
    threads share the blocks (default: up to 4 CPUs), with identical results.
    """
    percentiles = _check_run(draws, seed, percentiles)
    run = {"draws": int(draws), "seed": int(seed), "percentiles": percentiles}
    run["keep_samples"] = keep_samples
    prep = _prepare(low, mode, high, discount, offset, np.dtype(dtype), run)
    n_measures = prep.base.shape[0]
    if n_measures == 0 or prep.base.shape[1] == 0:
        raise EconomicsError("Für die Simulation ist mindestens eine Maßnahme mit einem Jahr nötig.")
    size = block_size(prep.draws)
    n_blocks = -(-n_measures // size)
    workers = min(4, os.cpu_count() or 1) if workers is None else max(1, int(workers))
    if workers == 1 or n_blocks == 1:
        parts = [_run_block(prep, k, size) for k in range(n_blocks)]
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(lambda k: _run_block(prep, k, size), range(n_blocks)))
    total = np.zeros(prep.draws)
    for part in parts:  # fixed block order: same sum for any number of workers
        total += part[4]
    return ArraySimulation(
        percentiles=prep.percentiles,
        npv_percentiles=np.concatenate([p[0] for p in parts]),
        npv_mean=np.concatenate([p[1] for p in parts]),
        payback_probability=np.concatenate([p[2] for p in parts]),
        npv_nonnegative_probability=np.concatenate([p[3] for p in parts]),
        portfolio_npv=total,
        samples=np.concatenate([p[5] for p in parts]) if keep_samples else None,
    )


# --- Line-level entry point ---------------------------------------------------


def monte_carlo(
    measures: Mapping[str, Sequence[Line]],
    params: Parameters | Mapping[str, Parameters],
    draws: int = 2000,
    seed: int = 0,
    percentiles: Sequence[float] = (5, 50, 95),
    *,
    workers: int | None = None,
) -> MonteCarloResult:
    """NPV (KN) distribution per measure and for the portfolio sum."""
    keys = list(measures)
    if not keys:
        raise EconomicsError("Für die Simulation ist mindestens eine Maßnahme nötig.")
    per: dict[str, Parameters] = {}
    for key in keys:
        try:
            per[key] = params_for(key, params)
            validate_lines(measures[key], per[key])
        except EconomicsError as error:
            raise error if error.measure else error.for_measure(key) from None
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is refused just below
        sim = monte_carlo_arrays(
            **_line_arrays(keys, measures, per),
            draws=draws,
            seed=seed,
            percentiles=percentiles,
            workers=workers,
        )
    pct = sim.percentiles
    figures = (sim.npv_percentiles, sim.npv_mean, sim.portfolio_percentiles, np.asarray(sim.portfolio_mean))
    if not all(np.isfinite(a).all() and (np.abs(a) <= MAX_FIGURE).all() for a in figures):
        raise EconomicsError(NOT_FINITE)
    per_measure = {
        key: MeasureSimulation(
            npv_percentiles=dict(zip(pct, sim.npv_percentiles[i].tolist(), strict=True)),
            npv_mean=float(sim.npv_mean[i]),
            payback_probability=float(sim.payback_probability[i]),
            npv_nonnegative_probability=float(sim.npv_nonnegative_probability[i]),
        )
        for i, key in enumerate(keys)
    }
    portfolio = PortfolioSimulation(
        npv_percentiles=dict(zip(pct, sim.portfolio_percentiles.tolist(), strict=True)),
        npv_mean=sim.portfolio_mean,
        npv_nonnegative_probability=sim.portfolio_nonnegative_probability,
    )
    explanation = simulation_explanation(
        measures, params, per_measure, portfolio, draws=draws, seed=seed, block=block_size(draws)
    )
    return MonteCarloResult(draws, seed, pct, per_measure, portfolio, explanation)


def _line_arrays(keys, measures, per) -> dict:
    """Deterministic lines -> offset; each uncertain line -> its own slot."""
    n_years = max(p.horizon for p in per.values())
    slots: dict[tuple[int, int], list[Line]] = {}
    offset, discount = np.zeros((len(keys), n_years)), np.zeros((len(keys), n_years))
    for i, key in enumerate(keys):
        p = per[key]
        # Same arithmetic as npv.appraise, so certain measures reproduce KN exactly.
        costs, benefits = year_sums(measures[key], p, select=lambda x: not x.is_uncertain)
        offset[i, : p.horizon] = [b - c for b, c in zip(benefits, costs, strict=True)]
        discount[i, : p.horizon] = discount_factors(p.discount_rate, p.horizon)
        for line in measures[key]:
            if line.is_uncertain:
                slots.setdefault((i, line.year - p.start_year), []).append(line)
    shape = (len(keys), n_years, max([1, *map(len, slots.values())]))
    low, mode, high = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    for (i, t), lines in slots.items():
        for s, line in enumerate(lines):
            lo, hi = line.bounds
            values = (-hi, -line.amount, -lo) if line.is_cost else (lo, line.amount, hi)
            low[i, t, s], mode[i, t, s], high[i, t, s] = values
    return {"low": low, "mode": mode, "high": high, "discount": discount, "offset": offset}
