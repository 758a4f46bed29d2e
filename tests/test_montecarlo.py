"""Monte Carlo layer: per-seed = single runs, streaming moments, common random numbers, intervals."""

from __future__ import annotations

import numba
import numpy as np
import pytest

from optverify.sim import families as F
from optverify.sim import montecarlo as MC
from optverify.sim.algorithms import config, run
from optverify.sim.blockrng import seed_for

FAM = F.diagonal_quadratic([0.5, 1.0, 2.0], [0.1, -0.2, 0.3], sigma=[1.0, 0.5, 0.2])
W1 = np.array([1.0, 1.0, -1.0])
SGD = config("sgd", eta=0.1, schedule="inv_sqrt_t")


def test_replicates_equal_single_runs_and_do_not_depend_on_threads():
    r = MC.simulate(SGD, FAM, W1, 40, seeds=9, base_seed=4, stream=1, parallel=True)
    for s in (0, 5, 8):
        one = run(SGD, FAM, W1, 40, seed=seed_for(4, s), stream=1)
        np.testing.assert_array_equal(r.stats[s], np.array(list(one.stats.values())))
        np.testing.assert_array_equal(r.w_final[s], one.w_final)
    n = numba.get_num_threads()
    numba.set_num_threads(1)
    try:
        again = MC.simulate(SGD, FAM, W1, 40, seeds=9, base_seed=4, stream=1, parallel=True)
        m1 = MC.simulate_moments(SGD, FAM, W1, 40, seeds=9, base_seed=4, stream=1)
    finally:
        numba.set_num_threads(n)
    np.testing.assert_array_equal(again.stats, r.stats)
    m2 = MC.simulate_moments(SGD, FAM, W1, 40, seeds=9, base_seed=4, stream=1)
    np.testing.assert_array_equal(m1.mean_, m2.mean_)


def test_streaming_moments_equal_the_per_seed_moments():
    r = MC.simulate(SGD, FAM, W1, 30, seeds=257, base_seed=2)
    m = MC.simulate_moments(SGD, FAM, W1, 30, seeds=257, base_seed=2, nchunks=7)
    for name in ("regret", "final_subopt", "sum_g_sq", "min_grad_sq"):
        x = r.values(name)
        assert m.mean(name) == pytest.approx(x.mean(), rel=1e-12)
        assert m.std(name) == pytest.approx(x.std(ddof=1), rel=1e-9)
        assert m.min_[MC.stat_index(name)] == x.min() and m.max_[MC.stat_index(name)] == x.max()
        ci_a, ci_b = m.ci(name, 0.99), r.ci(name, 0.99)
        assert ci_a.lo == pytest.approx(ci_b.lo, rel=1e-9) and ci_a.hi == pytest.approx(ci_b.hi, rel=1e-9)
    np.testing.assert_allclose(m.w_mean, r.w_final.mean(axis=0), rtol=1e-12)


def test_exact_one_step_expectation_lies_in_the_interval():
    # w_2 = w_1 - eta (h r + sigma xi):  E[L(w_2)] = 1/2 sum h ((1 - eta h)^2 r^2 + eta^2 sigma^2)
    eta = 0.3
    h, ws, sig = FAM.P.h, FAM.P.wstar, FAM.P.sigma
    r1 = W1 - ws
    exact = 0.5 * np.sum(h * ((1 - eta * h) ** 2 * r1 ** 2 + eta ** 2 * sig ** 2))
    for noise_name in ("gaussian", "student_t", "bounded", "two_point", "one_sided"):
        fam = FAM.with_noise(noise_name, param={"student_t": 5.0, "two_point": 0.3}.get(noise_name))
        res = MC.simulate(config("sgd", eta=eta), fam, W1, 1, seeds=20000, base_seed=7)
        ci = res.ci("final_subopt", confidence=1 - 1e-6)
        assert ci.lo <= exact <= ci.hi, (noise_name, ci, exact)


def test_common_random_numbers_across_configurations():
    # the first gradient is taken at the same w_1 with the same key: identical across configurations
    res = MC.compare({"sgd": config("sgd", eta=0.1), "sign": config("sign_sgd", eta=0.1)}, FAM, W1, 1,
                     seeds=50, base_seed=3)
    np.testing.assert_array_equal(res["sgd"].values("sum_g_sq"), res["sign"].values("sum_g_sq"))
    # paired differences between two step sizes have a far smaller spread than unpaired ones
    a = MC.simulate(config("sgd", eta=0.10), FAM, W1, 50, seeds=400, base_seed=1)
    b = MC.simulate(config("sgd", eta=0.11), FAM, W1, 50, seeds=400, base_seed=1)
    c = MC.simulate(config("sgd", eta=0.11), FAM, W1, 50, seeds=400, base_seed=2)
    paired = MC.paired_difference_ci(a, b, "regret")
    unpaired = np.std(a.values("regret") - c.values("regret"), ddof=1)
    assert paired.std < 0.2 * unpaired
    with pytest.raises(ValueError):
        MC.paired_difference_ci(a, c, "regret")


def test_trajectories_and_horizon_sweep():
    r = MC.simulate(SGD, FAM, W1, 25, seeds=6, base_seed=1, trajectories=True)
    assert r.trajectories.shape == (6, 26, 3)
    np.testing.assert_array_equal(r.trajectories[:, 0, :], np.tile(W1, (6, 1)))
    plain = MC.simulate(SGD, FAM, W1, 25, seeds=6, base_seed=1)
    np.testing.assert_array_equal(r.w_final, plain.w_final)
    sw = MC.horizon_sweep(SGD, FAM, W1, [10, 40, 20], "regret", seeds=50)
    assert list(sw.horizons) == [10, 20, 40]
    assert np.all(sw.lo <= sw.mean) and np.all(sw.mean <= sw.hi)
    assert sw.mean[0] < sw.mean[1] < sw.mean[2]
    # the runs of the sweep share their prefix: regret at 20 is regret at 10 plus the next 10 terms
    assert np.all(sw.values[1] >= sw.values[0])


def _child(q):
    q.put(MC.simulate(SGD, FAM, W1, 20, seeds=8, base_seed=1, parallel=True).mean("regret"))


def test_forked_children_can_run_monte_carlo_after_the_parent_did():
    import multiprocessing as mp

    here = MC.simulate(SGD, FAM, W1, 20, seeds=8, base_seed=1, parallel=True).mean("regret")  # parent launches its threads
    ctx = mp.get_context("fork")  # as optverify.runner does, once per claim
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(q,))
    p.start()
    p.join(60)
    assert p.exitcode == 0
    assert q.get(timeout=5) == here


def test_every_algorithm_has_its_drivers():
    from optverify.sim import engine
    from optverify.sim.algorithms import ALGORITHMS

    assert set(ALGORITHMS) >= set(engine.BUNDLED)
    for name in engine.BUNDLED:  # every algorithm is declared: its drivers come from its generated module
        m = engine.module(name)
        assert all(callable(getattr(m, f)) for f in ("kernel", "mc", "mc_block", "mc_moments", "mc_trajectories"))
        required = {p.name: 1.0 for p in engine.BUNDLED[name].params if p.default is engine.REQUIRED}
        assert MC.drivers(config(name, **required)) == (m.mc, m.mc_moments, m.mc_trajectories)


def test_streaming_memory_does_not_grow_with_seeds():
    m = MC.simulate_moments(SGD, FAM, W1, 5, seeds=20000, base_seed=0)
    assert m.count[MC.stat_index("regret")] == 20000
    online = MC.simulate_moments(config("sgd", eta=0.1, projection="box", radius=1.0), F.reddi_cyclic(3.0),
                                 [0.0], 30, seeds=10)
    assert online.count[MC.stat_index("final_subopt")] == 0  # NaN statistics skipped, not averaged
    with pytest.raises(ValueError):
        online.ci("final_subopt")


def test_the_serial_path_gives_the_parallel_drivers_numbers():
    """simulate below SERIAL_WORK calls the kernel per replicate: the prange driver's statistics, final iterates and
    trajectories, bit for bit (so which path ran never changes a verdict)."""
    for traj in (False, True):  # SGD: its drivers are compiled for the tests above already
        a = MC.simulate(SGD, FAM, W1, 40, seeds=6, base_seed=3, stream=1, trajectories=traj, parallel=True)
        b = MC.simulate(SGD, FAM, W1, 40, seeds=6, base_seed=3, stream=1, trajectories=traj, parallel=False)
        np.testing.assert_array_equal(a.stats, b.stats)
        np.testing.assert_array_equal(a.w_final, b.w_final)
        if traj:
            np.testing.assert_array_equal(a.trajectories, b.trajectories)
    assert 6 * 40 * 3 <= MC.SERIAL_WORK  # this size takes the serial path by default
