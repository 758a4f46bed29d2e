"""Monte Carlo throughput: numba kernels vs vectorised NumPy vs a per-run torch.optim loop.

Run on demand (not a test):

    python benchmarks/bench_montecarlo.py            # full workloads
    python benchmarks/bench_montecarlo.py --quick    # smaller, for a smoke run

Workloads (Gaussian gradient noise on L(w) = 1/2 sum_i h_i (w_i - w*_i)^2,
h_i from 0.5 to 2, sigma = 1, w_1 = 1):

  A  Adam,            d = 100, T = 2000,  64 seeds
  B  diagonal AdaGrad d = 100, T = 2000,  64 seeds
  C  Adam (scalar),   d = 1,   T = 10^4,  10^4 seeds

Implementations, all measured in the same process (compilation excluded):

  numba     the engine's generated driver ``mc`` of the declared update
            (``optverify.sim.engine``: prange over seeds, block ziggurat
            noise, all 16 streaming statistics tracked per step)
  numba-stream  its ``mc_moments``: statistics streamed over seeds too
  minimal   a minimal hand-written numba kernel of the same update: prange
            over seeds, the same block noise, regret tracked, nothing else
  numpy     state arrays (seeds, d), one vectorised update per step, noise
            from ``np.random.Generator.standard_normal``, regret tracked
  noise     the block generator alone, at the workload's shape (prange over
            seeds, one block of d normals per step, nothing else): every
            kernel above draws exactly these normals, so noise / numpy is the
            ceiling of numba / numpy for any kernel on this generator
  torch     ``torch.optim.Adam`` / ``Adagrad`` on one run at a time (the loop
            a practitioner writes), on a subset of seeds and extrapolated per
            update; skipped when torch is not installed

and the noise "trap": the same minimal numba Adam kernel drawing its noise by
(i) ``np.random.standard_normal()`` per element inside njit, (ii) the
counter-based block generator ``blockrng.normal_block``.  (i) is also not
reproducible under prange (numba's per-thread generator states): shown.

The ``profile`` section (one thread) splits a coordinate-update's cost:
the block generator's ns per normal, NumPy's ns per normal and per element
of its whole step, and the engine's driver with exact gradients (no noise)
against stochastic ones.

Peak memory of the streaming workload C (10^4 seeds x 10^4 steps) is measured
in a fresh subprocess (no torch imported): its own high-water RSS (VmHWM of
/proc/self/status; getrusage's ru_maxrss would count the pages of the forking
parent), tracemalloc for the Python heap and numba's NRT allocation counts.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

os.environ.setdefault("NUMBA_NUM_THREADS", str(os.cpu_count() or 1))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402
from numba import njit, prange  # noqa: E402

from optverify.sim import blockrng, engine  # noqa: E402
from optverify.sim import families as F  # noqa: E402
from optverify.sim.algorithms import config  # noqa: E402
from optverify.sim.parallel_layer import prefer_fork_safe_layer  # noqa: E402

ETA, B1, B2, EPS = 1e-3, 0.9, 0.999, 1e-8
ADAGRAD_C = 0.1


def workloads(quick: bool):
    if quick:
        return {"A": ("adam", 100, 500, 16), "B": ("adagrad", 100, 500, 16), "C": ("adam", 1, 2000, 2000)}
    return {"A": ("adam", 100, 2000, 64), "B": ("adagrad", 100, 2000, 64), "C": ("adam", 1, 10_000, 10_000)}


def problem(d):
    h = np.linspace(0.5, 2.0, d) if d > 1 else np.array([1.0])
    return h, np.zeros(d), np.ones(d)


def timeit(fn, repeat=1):
    best = np.inf
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


# ----------------------------------------------------------------- numba (project)


def cfg_for(algo):
    if algo == "adam":
        return config("adam", eta=ETA, beta1=B1, beta2=B2, eps=EPS, eps_mode="outside", momentum_sign=1.0)
    return config("adagrad_diag", c=ADAGRAD_C, eps=1e-10, eps_mode="outside")


def run_numba(algo, d, T, seeds, streaming=False):
    h, ws, w1 = problem(d)
    fam = F.diagonal_quadratic(h, ws, sigma=1.0, noise="gaussian")
    cfg = cfg_for(algo)
    m = engine.module(cfg.name)
    if streaming:
        m.mc_moments(fam.P, w1, cfg.prm, 1, 3, 2, 0, 0, 64)
        return timeit(lambda: m.mc_moments(fam.P, w1, cfg.prm, 1, T, seeds, 0, 0, 64))
    m.mc(fam.P, w1, cfg.prm, 1, 3, 2, 0, 0)
    return timeit(lambda: m.mc(fam.P, w1, cfg.prm, 1, T, seeds, 0, 0))


@njit(cache=True, parallel=True)
def _minimal(h, ws, w1, T, seeds, adam):
    """The update written by hand for this one problem: block noise, regret tracked, nothing else."""
    d = w1.shape[0]
    out = np.empty(seeds)
    for s in prange(seeds):
        seed = blockrng.seed_for(0, s)
        w = w1.copy()
        m = np.zeros(d)
        v = np.zeros(d)
        xi = np.empty(d)
        regret = 0.0
        b1t = 1.0
        b2t = 1.0
        for t in range(1, T + 1):
            blockrng.normal_block(seed, 0, t, xi)
            b1t *= B1
            b2t *= B2
            for i in range(d):
                r = w[i] - ws[i]
                regret += 0.5 * h[i] * r * r
                g = h[i] * r + xi[i]
                if adam:
                    m[i] = B1 * m[i] + (1 - B1) * g
                    v[i] = B2 * v[i] + (1 - B2) * g * g
                    w[i] -= ETA * (m[i] / (1 - b1t)) / (np.sqrt(v[i] / (1 - b2t)) + EPS)
                else:
                    v[i] += g * g
                    w[i] -= ADAGRAD_C * g / (np.sqrt(v[i]) + 1e-10)
        out[s] = regret
    return out


def run_minimal(algo, d, T, seeds):
    h, ws, w1 = problem(d)
    _minimal(h, ws, w1, 3, 2, algo == "adam")
    return timeit(lambda: _minimal(h, ws, w1, T, seeds, algo == "adam"))


# ----------------------------------------------------------------- NumPy


def run_numpy(algo, d, T, seeds):
    h, ws, w1 = problem(d)

    def go():
        g = np.random.default_rng(0)
        w = np.tile(w1, (seeds, 1))
        m = np.zeros_like(w)
        v = np.zeros_like(w)
        regret = np.zeros(seeds)
        for t in range(1, T + 1):
            r = w - ws
            regret += 0.5 * np.sum(h * r * r, axis=1)
            grad = h * r + g.standard_normal((seeds, d))
            if algo == "adam":
                m = B1 * m + (1 - B1) * grad
                v = B2 * v + (1 - B2) * grad * grad
                w = w - ETA * (m / (1 - B1 ** t)) / (np.sqrt(v / (1 - B2 ** t)) + EPS)
            else:
                v = v + grad * grad
                w = w - ADAGRAD_C * grad / (np.sqrt(v) + 1e-10)
        return regret

    return timeit(go)


# ----------------------------------------------------------------- torch


def run_torch(algo, d, T, seeds_total, max_updates):
    try:
        import torch
    except ImportError:
        return None
    h, ws, w1 = problem(d)
    ht, wst = torch.tensor(h), torch.tensor(ws)
    n_runs = max(1, min(seeds_total, int(max_updates // (T * d)) or 1))
    gen = torch.Generator().manual_seed(0)

    def go():
        for _ in range(n_runs):
            w = torch.tensor(w1.copy(), dtype=torch.float64)
            if algo == "adam":
                opt = torch.optim.Adam([w], lr=ETA, betas=(B1, B2), eps=EPS)
            else:
                opt = torch.optim.Adagrad([w], lr=ADAGRAD_C, eps=1e-10)
            with torch.no_grad():
                for _t in range(T):
                    w.grad = ht * (w - wst) + torch.randn(d, generator=gen, dtype=torch.float64)
                    opt.step()
        return n_runs

    dt, n = timeit(go)
    return dt, n, torch.__version__, torch.get_num_threads()


# ----------------------------------------------------------------- the noise trap


@njit(cache=True)
def _adam_noise(d, T, seed, mode, buf):
    w = np.ones(d)
    m = np.zeros(d)
    v = np.zeros(d)
    b1t = 1.0
    b2t = 1.0
    for t in range(1, T + 1):
        if mode == 1:
            blockrng.normal_block(seed, 0, t, buf)
        b1t *= B1
        b2t *= B2
        for i in range(d):
            xi = np.random.standard_normal() if mode == 0 else buf[i]
            g = w[i] + xi
            m[i] = B1 * m[i] + (1 - B1) * g
            v[i] = B2 * v[i] + (1 - B2) * g * g
            w[i] -= ETA * (m[i] / (1 - b1t)) / (np.sqrt(v[i] / (1 - b2t)) + EPS)
    return w[0]


@njit(cache=True, parallel=True)
def _mc_noise(d, T, seeds, mode):
    out = np.empty(seeds)
    for s in prange(seeds):
        out[s] = _adam_noise(d, T, s, mode, np.empty(d))
    return out


def run_trap(d, T, seeds):
    res = {}
    for mode, name in ((0, "np.random per element in njit"), (1, "blockrng block (counter, ziggurat)")):
        _mc_noise(d, 3, 2, mode)
        dt, out = timeit(lambda: _mc_noise(d, T, seeds, mode))
        again = _mc_noise(d, T, seeds, mode)
        res[name] = (dt, bool(np.array_equal(out, again)))
    return res


# ----------------------------------------------------------------- memory (subprocess)

MEM_SNIPPET = r"""
import json, resource, sys, time, tracemalloc
def vm_hwm_kb():  # this process's own peak RSS (ru_maxrss would include the forking parent's pages)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
sys.path.insert(0, {root!r})
import numpy as np
from numba.core.runtime import rtsys
from optverify.sim.parallel_layer import prefer_fork_safe_layer
prefer_fork_safe_layer()
from optverify.sim import families as F
from optverify.sim.algorithms import config
from optverify.sim import engine
d, T, seeds = {d}, {T}, {seeds}
fam = F.diagonal_quadratic([1.0] * d, [0.0] * d, sigma=1.0)
cfg = config("adam", eta=1e-3, eps=1e-8, eps_mode="outside", momentum_sign=1.0)
mod = engine.module("adam")
mcm = mod.mc_moments
rss_import = vm_hwm_kb()
mcm(fam.P, np.ones(d), cfg.prm, 1, 3, 2, 0, 0, 64)
rss0 = vm_hwm_kb()
a0 = rtsys.get_allocation_stats()
tracemalloc.start()
t0 = time.perf_counter()
n, mean, m2, lo, hi, wm = mcm(fam.P, np.ones(d), cfg.prm, 1, T, seeds, 0, 0, 64)
dt = time.perf_counter() - t0
_, py_peak = tracemalloc.get_traced_memory()
a1 = rtsys.get_allocation_stats()
rss1 = vm_hwm_kb()
print(json.dumps(dict(seconds=dt, rss_import_kb=rss_import, cache_hits=sum(mod.mc_block.stats.cache_hits.values()),
                      rss_before_kb=rss0, rss_peak_kb=rss1, py_peak_bytes=py_peak,
                      nrt_allocs=a1.alloc - a0.alloc, nrt_frees=a1.free - a0.free,
                      mean_final_subopt=float(mean[2]), count=float(n[2]))))
"""


def run_memory(d, T, seeds):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    code = MEM_SNIPPET.format(root=root, d=d, T=T, seeds=seeds)
    env = dict(os.environ, NUMBA_NRT_STATS="1")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=3600, env=env)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------- main


def fmt(x):
    return f"{x / 1e6:9.1f} M/s" if x >= 1e5 else f"{x / 1e3:9.1f} k/s"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--sections", default="throughput,profile,trap,memory",
                    help="comma-separated subset of throughput, profile, trap, memory")
    ap.add_argument("--torch-updates", type=float, default=3e6,
                    help="coordinate updates to time per torch workload (a subset of the seeds)")
    args = ap.parse_args()
    import numba

    layer = prefer_fork_safe_layer()  # what optverify.sim.montecarlo selects
    print(f"machine: {os.cpu_count()} cores; numba {numba.__version__} with {numba.get_num_threads()} threads "
          f"(layer {layer}); numpy {np.__version__}")
    rows = {}
    sections = set(args.sections.split(","))
    for key, (algo, d, T, seeds) in (workloads(args.quick).items() if "throughput" in sections else []):
        n_upd = d * T * seeds
        print(f"\nworkload {key}: {algo}, d = {d}, T = {T}, seeds = {seeds}  ({n_upd:.3g} coordinate updates)")
        r = {}
        dt, _ = run_numba(algo, d, T, seeds)
        r["numba"] = n_upd / dt
        dt, _ = run_numba(algo, d, T, seeds, streaming=True)
        r["numba-stream"] = n_upd / dt
        dt, _ = run_minimal(algo, d, T, seeds)
        r["minimal"] = n_upd / dt
        dt, _ = run_numpy(algo, d, T, seeds)
        r["numpy"] = n_upd / dt
        _noise_mc(d, 3, 2)
        dt, _ = timeit(lambda: _noise_mc(d, T, seeds))
        r["noise"] = n_upd / dt
        tt = run_torch(algo, d, T, seeds, args.torch_updates)
        if tt is None:
            print("  torch: not installed, column skipped")
        else:
            dt, n_runs, ver, thr = tt
            r["torch"] = n_runs * T * d / dt
            print(f"  torch {ver} ({thr} threads): timed {n_runs} of {seeds} runs, extrapolated per update")
        for name, rate in r.items():
            print(f"  {name:13s} {fmt(rate)}")
        print(f"  ratio numba / numpy = {r['numba'] / r['numpy']:.2f}x (target >= 10);  numba / minimal = "
              f"{r['numba'] / r['minimal']:.2f}x (target >= 0.5)"
              + f";  ceiling on this generator noise / numpy = {r['noise'] / r['numpy']:.2f}x"
              + (f";  numba / torch.optim loop = {r['numba'] / r['torch']:.0f}x (target >= 1000)" if "torch" in r else ""))
        rows[key] = r
    algo, d, T, seeds = workloads(args.quick)["A"]
    if "profile" in sections:
        profile_section(args.quick)
    if "trap" in sections:
        trap_section(d, T, seeds)
    algo, d, T, seeds = workloads(args.quick)["C"]
    if "memory" in sections:
        memory_section(d, T, seeds)


@njit(cache=True, parallel=True)
def _noise_mc(d, T, seeds):
    """The workload's noise and nothing else: seed s draws the blocks (seed_for(0, s), 0, t) of d normals."""
    out = np.empty(seeds)
    for s in prange(seeds):
        buf = np.empty(d)
        key = blockrng.block_key(blockrng.seed_for(0, s), 0)
        acc = 0.0
        for t in range(1, T + 1):
            blockrng.normal_block_keyed(key, t, buf)
            acc += buf[0]
        out[s] = acc
    return out


def profile_section(quick):
    """Where a coordinate-update's time goes, on one thread (numba.set_num_threads(1))."""
    import numba

    numba.set_num_threads(1)
    T1 = 20_000 if quick else 100_000
    print("\nprofile (one thread; ns per coordinate-update unless said):")
    for d, T, seeds in ((100, T1 // 50, 16), (1, T1 // 10, 256)):
        _noise_mc(d, 3, 1)
        dt, _ = timeit(lambda: _noise_mc(d, T * seeds // 8, 1), repeat=3)  # one seed: one thread
        ns_normal = dt / (T * seeds // 8 * d) * 1e9
        h, ws, w1 = problem(d)
        fam = F.diagonal_quadratic(h, ws, sigma=1.0, noise="gaussian")
        cfg = cfg_for("adam")
        m = engine.module("adam")
        res = {}
        for gm, gname in ((0, "exact"), (1, "noisy")):
            m.mc(fam.P, w1, cfg.prm, gm, 3, 2, 0, 0)
            dt, _ = timeit(lambda: m.mc(fam.P, w1, cfg.prm, gm, T, seeds, 0, 0), repeat=3)
            res[gname] = dt / (T * seeds * d) * 1e9
        g = np.random.default_rng(0)
        dt, _ = timeit(lambda: [g.standard_normal((seeds, d)) for _ in range(200)], repeat=3)
        np_normal = dt / (200 * seeds * d) * 1e9
        dt, _ = timeit(lambda: run_numpy("adam", d, T // 4, seeds), repeat=1)
        np_elem = dt / (T // 4 * seeds * d) * 1e9
        print(f"  Adam d = {d}, {seeds} seeds: block generator {ns_normal:.1f} ns/normal; NumPy standard_normal "
              f"{np_normal:.1f} ns/normal, NumPy's whole step {np_elem:.1f} ns/element")
        print("    engine: " + ", ".join(f"{k} {v:.1f}" for k, v in res.items())
              + f"  (noise share: {1 - res['exact'] / res['noisy']:.0%})")
    numba.set_num_threads(numba.config.NUMBA_NUM_THREADS)


def trap_section(d, T, seeds):
    print(f"\nnoise trap (minimal Adam, d = {d}, T = {T}, seeds = {seeds}):")
    n_upd = d * T * seeds
    for name, (dt, repro) in run_trap(d, T, seeds).items():
        print(f"  {name:36s} {fmt(n_upd / dt)}   reproducible across calls: {repro}")


def memory_section(d, T, seeds):
    print(f"\nmemory: streaming moments, d = {d}, T = {T}, seeds = {seeds} (fresh subprocess, no torch):")
    mem = run_memory(d, T, seeds)
    print(f"  time {mem['seconds']:.2f} s; peak RSS {mem['rss_peak_kb'] / 1024:.0f} MB "
          f"(after imports {mem['rss_import_kb'] / 1024:.0f} MB; after loading the kernel, before the run "
          f"{mem['rss_before_kb'] / 1024:.0f} MB; kernel from numba's cache: {mem['cache_hits'] > 0}); "
          f"Python-heap peak during the run {mem['py_peak_bytes'] / 1024:.0f} kB; "
          f"NRT allocations during the run {mem['nrt_allocs']} (freed {mem['nrt_frees']})")
    print(f"  peak RSS under 500 MB: {mem['rss_peak_kb'] / 1024 < 500}")


if __name__ == "__main__":
    main()
