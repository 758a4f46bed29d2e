"""The engine: every declared update's generated kernel against its reference (the same step text), the
reference at 50 digits against the float run, the generated modules current by content, seed blocks that
merge exactly, a user's own update through the public API, interval coverage and a true bound never refuted."""

from __future__ import annotations

import inspect
import math
import pathlib

import mpmath
import numpy as np
import pytest

import optverify as ov
from optverify.bounds.stats import mean_ci, paired_ratio_ci
from optverify.checks.simulation import CONFIDENCE
from optverify.sim import engine
from optverify.sim import families as F
from optverify.sim.algorithms import config, run, run_states, run_trajectory
from optverify.sim.blockrng import seed_for
from optverify.sim.engine import codegen
from optverify.sim.engine import reference
from optverify.sim.engine.reference import Oracle, Step, trajectory
from optverify.sim.montecarlo import merge_moments, simulate, simulate_moments, stat_index, tail_means
from optverify.verify.numctx import FloatCtx, MpCtx

# one configuration per declared update, its switches away from the defaults where it has any
EXAMPLES = {
    "sgd": dict(eta=0.2, schedule="cosine", schedule_a=0.01, projection="ball", radius=0.8),
    "gradient_descent": dict(eta=0.3),
    "projected_sgd_strongly_convex": dict(mu=0.5, D=0.7),
    "sgd_weight_decay": dict(gamma=0.1, lam=0.2, mode="weight_decay"),
    "adagrad_norm": dict(c=0.7, eps=0.1, eps_mode="eps2_inside", lag=1, projection="ball", radius=0.9),
    "adagrad_diag": dict(c=0.7, projection="box", radius=0.6),
    "adaptive_sgd_ema": dict(c=0.3, beta=0.5),
    "adaptive_sgd_ema_corrected": dict(c=0.3, beta=0.5),
    "rmsprop": dict(gamma=0.05),
    "adam": dict(eta=0.05, momentum_sign=1.0, eps=1e-3, eps_mode="outside", schedule="inv_sqrt_t",
                 beta1_mode="geometric", beta1_decay=0.5),
    "amsgrad": dict(eta=0.05, bias_correction1=True, bias_correction2=True),
    "adam_l2": dict(eta=0.05, lam=0.1, eps=1e-8, l2_mode="gradient"),
    "adamw": dict(eta=0.05, lam=0.1, eps=1e-8),
    "adamal": dict(alpha=0.05, v_beta="beta2", projection="box", radius=0.7),
    "sign_sgd": dict(eta=0.05, schedule="warmup", schedule_a=3),
    "heavy_ball": dict(eta=0.1, beta=0.5),
    "nesterov": dict(eta=0.1, beta=0.5),
    "sgd_momentum": dict(eta=0.1, beta=0.5),
    "ema_momentum": dict(gamma=0.1, beta=0.5),
    # steps that ask the problem themselves (oracle words)
    "minibatch_sgd": dict(eta=0.1, B=3, schedule="inv_sqrt_t"),
    "sgd_erm_shuffle": dict(eta=0.05),
    "gd_momentum": dict(eta=0.1, beta=0.5, two_step=True, update_sign=1.0, beta_schedule="accelerated"),
    "sgd_momentum_alpha": dict(eta=0.1, alpha=0.5, first_step_eta=True),
    "accelerated_gd": dict(eta=0.1),
    "normalized_sgd_momentum": dict(eta=0.05, alpha=0.3),
    "normalized_sgd_vr_momentum": dict(eta=0.05, alpha=0.3),
    "lars": dict(eta=0.1, blocks=[0, 1, 3]),
    "lamb": dict(eta=0.05, beta2=0.99, eps=1e-8, eps_mode="outside", blocks=[0, 2, 3]),
    "svrg": dict(eta=0.1, N=4),
    "parallel_minibatch_sgd": dict(eta=0.1, B=4, M=2),
    "hogwild": dict(eta=0.1, tau=3, delay="uniform", scale_by_d=True),
    "cubic_newton": dict(J=2.0),
    "sgdm": dict(eta=0.1, beta=0.5),
    "proximal_mda": dict(sigma=2.0, a=0.1, lam=0.5, mu=0.05),
    "ftprl_composite": dict(sigma=2.0, a=0.1, lam=0.5, mu=0.05),
    "ftprl_composite_printed": dict(sigma=2.0, a=0.1),
}
FAM = F.separable([1.0, 2.0, 0.5], [0.2, 0.0, 0.1], [0.3, -0.2, 0.1], [0.5, 0.3, 0.0])
_X = np.array([[1.0, 0.5, -0.25], [0.25, -1.0, 0.5], [0.25, 0.125, 1.25], [-0.75, 0.5, 0.25], [0.5, 0.5, 0.5]])
_Y = np.array([1.0, -0.5, 0.25, 0.25, -1.0])
LSQ = F.least_squares(_X, _Y, lam=0.125)  # a finite sum (dyadic data: exact in every precision)
ON_LSQ = {"sgd_erm_shuffle"}  # updates that need a finite sum
W1 = np.array([0.9, -0.8, 0.5])
T = 12


def _family(name):
    return LSQ if name in ON_LSQ else FAM


def test_every_declared_update_has_an_example():
    from optverify.sim.algorithms import ALGORITHMS, registry

    assert set(EXAMPLES) == set(engine.BUNDLED) == set(registry._SPECS)  # every algorithm is declared
    assert all(ALGORITHMS[name].update is engine.BUNDLED[name] for name in registry._SPECS)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_kernel_equals_reference(name):
    """The numba kernel and the float reference (the step source executed on lists) agree to 1e-12."""
    cfg = config(name, **EXAMPLES[name])
    fam = _family(name)
    got = run_trajectory(cfg, fam, W1, T, seed=5, stream=2).trajectory
    ref = np.array(trajectory(name, FloatCtx(), W1, Oracle.of_family(fam, 5, 2), T, **EXAMPLES[name]), dtype=float)
    np.testing.assert_allclose(got, ref, rtol=1e-12, atol=1e-12)
    assert not np.allclose(got[-1], W1)  # the run moved


def _mp_oracle(mp, name):
    """Exact 50-digit oracles: the quadratic 1/2 sum_i h_i (w_i - w*_i)^2, or the least-squares finite sum LSQ."""
    if name in ON_LSQ:
        X, y, lam, n = [[mp.num(a) for a in r] for r in _X], [mp.num(a) for a in _Y], mp.num(0.125), len(_Y)

        def comp(w, j):
            r = sum(a * b for a, b in zip(X[j], w)) - y[j]
            return [r * a + lam * b for a, b in zip(X[j], w)]

        def grad(w):
            gs = [comp(w, j) for j in range(n)]
            return [sum(g[i] for g in gs) / n for i in range(len(w))]

        return Oracle(grad, component=comp, n=n)
    hs, wss = [mp.num(x) for x in (1.0, 2.0, 0.5)], [mp.num(x) for x in (0.3, -0.2, 0.1)]
    return Oracle(lambda w: [hi * (wi - si) for hi, wi, si in zip(hs, w, wss)],
                  hessian=lambda w: [[hs[i] if i == j else mp.num(0) for j in range(3)] for i in range(3)])


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_reference_at_50_digits_agrees_with_the_float_run(name):
    """Exact gradients: the 50-digit replay (mpmath oracle) and the float kernel tell the same story."""
    fam = LSQ if name in ON_LSQ else F.diagonal_quadratic([1.0, 2.0, 0.5], [0.3, -0.2, 0.1])
    got = run_trajectory(config(name, **EXAMPLES[name]), fam, W1, T, grad_mode="exact").trajectory
    mp = MpCtx(50)
    with mpmath.workdps(50):
        ref = trajectory(name, mp, W1, _mp_oracle(mp, name), T, **EXAMPLES[name])
        assert all(x.context.dps == 50 for x in ref[-1])  # 50-digit numbers, not floats
    np.testing.assert_allclose(got, np.array(ref, dtype=float), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("name", sorted(engine.BUNDLED))
def test_the_loaded_module_is_the_current_generation(name):
    """What runs is the text the declaration generates now (by content): the step verbatim, the schema's unpacking."""
    u = engine.BUNDLED[name]
    text = pathlib.Path(engine.module(name).__file__).read_text()
    assert text == codegen.module_source(u)
    assert inspect.getsource(u.step).strip() in text
    for k, p in enumerate(u.params):
        assert f"    {p.name} = " in text and (f"prm[{k}]" in text or f"block_bounds(prm[{k}:]" in text)
    if u.uses_oracle:  # the step asks the problem; the g it wrote is recorded at w_t
        assert "(t, T, w, g, problem" in text and "track_grad(P, S, acc, g, wt)" in text
    else:  # the fused fast path stays for steps that only read g
        assert "track_separable(" in text and "problem" not in text.split("def kernel")[1]


def test_parameter_packing_follows_the_schema():
    cfg = config("adam", eta=0.05, momentum_sign=1.0, eps_mode="outside", schedule="inv_t")
    schema = [p.name for p in engine.BUNDLED["adam"].params]
    assert len(cfg.prm) == len(schema)
    assert cfg.prm[schema.index("eps_mode")] == 2.0 and cfg.prm[schema.index("schedule")] == 1.0
    with pytest.raises(ValueError, match="domain"):
        config("adagrad_diag", c=-1.0)
    with pytest.raises(ValueError, match="required"):
        config("adam", eta=0.1)


def test_seed_blocks_merge_exactly():
    cfg = config("adam", eta=0.05, momentum_sign=1.0)
    whole = engine.mc_block(cfg, FAM, W1, 30, 0, 40, base_seed=3)
    a = engine.mc_block(cfg, FAM, W1, 30, 0, 17, base_seed=3)
    b = engine.mc_block(cfg, FAM, W1, 30, 17, 40, base_seed=3)
    merged = merge_moments(a, b)
    for x, y in zip(whole, merged):
        np.testing.assert_allclose(x, y, rtol=1e-11, atol=1e-13)
    per_seed = simulate(cfg, FAM, W1, 30, 40, base_seed=3)
    j = stat_index("regret")
    assert whole[0][j] == 40
    assert whole[1][j] == pytest.approx(per_seed.values("regret").mean(), rel=1e-12)
    assert whole[2][j] == pytest.approx(np.var(per_seed.values("regret")) * 40, rel=1e-10)
    m = simulate_moments(cfg, FAM, W1, 30, 40, base_seed=3)
    assert m.mean("regret") == pytest.approx(whole[1][j], rel=1e-12)


def halving_step(t, T, w, g, eta):
    for i in range(len(w)):
        w[i] = w[i] - eta * g[i] / (t + 1.0)


def test_a_users_update_runs_on_the_engine():
    u = ov.declare_update("halving_sgd_test", halving_step, [ov.Param("eta", ov.REQUIRED, float, "positive")],
                          source="a test", doc="w_{t+1} = w_t - eta g_t/(t+1)")
    cfg = config("halving_sgd_test", eta=0.5)
    got = run_trajectory(cfg, FAM, W1, T, seed=1).trajectory
    ref = trajectory("halving_sgd_test", FloatCtx(), W1,
                     lambda t, w: list(FAM.stochastic_grad(np.array(w), 1, t)), T, eta=0.5)
    np.testing.assert_allclose(got, np.array(ref), rtol=1e-12, atol=1e-12)
    assert engine.module(u.name).__file__.startswith(str(codegen._cache_dir()))
    r = simulate(cfg, FAM, W1, 20, 8, base_seed=2)
    assert r.values("regret").shape == (8,) and np.all(np.isfinite(r.values("regret")))


def clashing_step(t, T, w, g, mom, eta):
    # locals named like the kernel's own (k, S, acc, key, d, h): written in place they are renamed, never shared
    d = len(w)
    for k in range(d):
        S = g[k]
        acc = 0.5 * mom[k] + S
        mom[k] = acc
        key = eta * acc
        h = key / (1.0 + t)
        w[k] = w[k] - h


def looping_step(t, T, w, g, eta):
    n = 0
    while n < 2:  # 'while' is outside the syntax written in place: the step is called
        n += 1
    for i in range(len(w)):
        w[i] = w[i] - eta * n * g[i] / 2.0


@pytest.mark.parametrize("step, inlined", [(clashing_step, True), (looping_step, False)])
def test_a_step_is_written_into_the_kernel_or_called_and_equals_the_reference(step, inlined):
    """A step is written into the kernel's loop (its locals renamed: a local k does not overwrite the kernel's k, the
    family's |.| weights the fused tracker reads), or called when its syntax is outside what is written in place."""
    name = f"{step.__name__}_test"
    state = (ov.State("mom"),) if step is clashing_step else ()
    u = ov.declare_update(name, step, [ov.Param("eta", ov.REQUIRED, float, "positive")], state, source="a test")
    assert (f"# {step.__name__}, written in place" in codegen.module_source(u)) == inlined
    cfg = config(name, eta=0.25)
    res = run_trajectory(cfg, FAM, W1, T, seed=1)
    ref = trajectory(name, FloatCtx(), W1, lambda t, w: list(FAM.stochastic_grad(np.array(w), 1, t)), T, eta=0.25)
    np.testing.assert_allclose(res.trajectory, np.array(ref), rtol=1e-12, atol=1e-12)
    assert res.stats["regret"] == pytest.approx(sum(FAM.loss(w) - FAM.constants["L_star"] for w in np.array(ref)[:-1]), rel=1e-12)


# ---------------------------------------------------------------- the oracle words, one test each
# Each word is used by a small update declared here; its kernel (the word bound to the family's numba oracle)
# must equal the reference (the word bound to Oracle.of_family) and an independent NumPy transcription.

from optverify.sim.blockrng import uniform  # noqa: E402
from optverify.sim.noise import substream  # noqa: E402
from optverify.sim.updates.vocabulary import (M_COORD, draw_uniform, eigh, exact_grad, grad_at, hessian_at,  # noqa: E402
                                              sample_count, sample_grad)


def word_grad_at_step(t, T, w, g, problem, eta):
    grad_at(problem, w, t, 2, g)  # sample index k = 2 of step t
    for i in range(len(w)):
        w[i] = w[i] - eta * g[i]


def word_exact_grad_step(t, T, w, g, problem, eta):
    exact_grad(problem, w, g)
    for i in range(len(w)):
        w[i] = w[i] - eta * g[i]


def word_sample_grad_step(t, T, w, g, problem, eta):
    sample_grad(problem, w, (3 * t) % 5, g)
    for i in range(len(w)):
        w[i] = w[i] - eta * g[i]


def word_hessian_at_step(t, T, w, g, problem, H, eta):
    hessian_at(problem, w, H)  # g = H(w) w: a Hessian-vector product
    for i in range(len(w)):
        s = 0.0
        for j in range(len(w)):
            s += H[i][j] * w[j]
        g[i] = s
    for i in range(len(w)):
        w[i] = w[i] - eta * g[i]


def word_sample_count_step(t, T, w, g, problem, eta):
    n = sample_count(problem)
    for i in range(len(w)):
        g[i] = w[i] / (n + 1.0)
        w[i] = w[i] - eta * g[i]


def word_draw_uniform_step(t, T, w, g, problem, eta):
    for i in range(len(w)):
        g[i] = draw_uniform(problem, M_COORD, t, i)
        w[i] = w[i] - eta * g[i]


def word_eigh_step(t, T, w, g, problem, H, Q, lam, eta):
    hessian_at(problem, w, H)
    eigh(H, lam, Q)  # g = Q diag(lam) Q' w = H w (whatever the eigenvectors' signs)
    for i in range(len(w)):
        s = 0.0
        for k in range(len(w)):
            c = 0.0
            for j in range(len(w)):
                c += Q[j][k] * w[j]
            s += Q[i][k] * lam[k] * c
        g[i] = s
    for i in range(len(w)):
        w[i] = w[i] - eta * g[i]


_ROT = F.rotated_quadratic([0.5, 1.0, 2.0], [0.1, -0.2, 0.3], seed=3, sigma=0.4)
_NUMPY = {  # word: (step, state, family, the update in NumPy: w_{t+1} from (t, w_t))
    "grad_at": (word_grad_at_step, (), _ROT, lambda t, w: w - 0.1 * _ROT.stochastic_grad(w, 5, t, stream=2, k=2)),
    "exact_grad": (word_exact_grad_step, (), _ROT, lambda t, w: w - 0.1 * _ROT.grad(w)),
    "sample_grad": (word_sample_grad_step, (), LSQ,
                    lambda t, w: w - 0.1 * ((_X[3 * t % 5] @ w - _Y[3 * t % 5]) * _X[3 * t % 5] + 0.125 * w)),
    "hessian_at": (word_hessian_at_step, (engine.State("H", ("d", "d")),), _ROT,
                   lambda t, w: w - 0.1 * _ROT.hessian(w) @ w),
    "sample_count": (word_sample_count_step, (), LSQ, lambda t, w: w - 0.1 * w / 6.0),
    "draw_uniform": (word_draw_uniform_step, (), _ROT,
                     lambda t, w: w - 0.1 * np.array([uniform(5, substream(2, 0, M_COORD), t, i) for i in range(3)])),
    "eigh": (word_eigh_step, (engine.State("H", ("d", "d")), engine.State("Q", ("d", "d")), engine.State("lam")), _ROT,
             lambda t, w: w - 0.1 * _ROT.hessian(w) @ w),
}


def test_every_oracle_word_has_a_test():
    from optverify.sim.updates.vocabulary import ORACLE_WORDS

    assert set(_NUMPY) == set(ORACLE_WORDS)


@pytest.mark.parametrize("word", sorted(_NUMPY))
def test_oracle_word(word):
    step, state, fam, numpy_step = _NUMPY[word]
    name = f"oracle_word_{word}"
    u = engine.declare(name, step, [engine.Param("eta", engine.REQUIRED, float, "real")], state, source="a test")
    assert u.uses_oracle
    got = run_trajectory(config(name, eta=0.1), fam, W1, 6, seed=5, stream=2)
    ref = np.array(trajectory(name, FloatCtx(), W1, Oracle.of_family(fam, 5, 2), 6, eta=0.1), dtype=float)
    np.testing.assert_allclose(got.trajectory, ref, rtol=1e-12, atol=1e-12)
    w, want = W1.copy(), [W1.copy()]
    for t in range(1, 7):
        w = numpy_step(t, w)
        want.append(w)
    np.testing.assert_allclose(got.trajectory, np.array(want), rtol=1e-12, atol=1e-12)
    # the tracker records the g the step wrote: sum_t ||g_t||^2 = sum_t ||(w_t - w_{t+1}) / eta||^2
    assert got.stats["sum_g_sq"] == pytest.approx(np.sum(((got.trajectory[:-1] - got.trajectory[1:]) / 0.1) ** 2),
                                                  rel=1e-10)


def test_a_step_with_problem_needs_an_oracle_in_the_reference():
    step = Step("svrg", FloatCtx(), eta=0.1, N=2)
    with pytest.raises(ValueError, match="Oracle"):
        step(1, list(W1), None, step.init(list(W1)))


# ---------------------------------------------------------------- statistics of the Monte Carlo

# E||g_1||^2 at w_1 is ||grad L(w_1)||^2 + sum_i sigma_i^2 exactly: a statistic with a known mean
_KNOWN = F.separable([1.0], [0.0], [0.0], [1.5])
_KNOWN_MEAN = 0.5**2 + 1.5**2


def test_intervals_cover_a_known_mean():
    cfg = config("sgd", eta=0.1)
    hits, reps = 0, 200
    for base in range(reps):
        x = simulate(cfg, _KNOWN, [0.5], 1, 60, base_seed=1000 + base).values("sum_g_sq")
        ci = mean_ci(x, 0.95)
        hits += ci.lo <= _KNOWN_MEAN <= ci.hi
    # 95 % intervals: the count is Binomial(200, 0.95) if the intervals are right (P(outside [178, 198]) < 1e-3)
    assert 178 <= hits <= 198, hits


def test_a_true_tight_bound_is_never_refuted():
    """The check's interval (confidence 1 - 1e-6) never puts E[measured]/E[bound] above 1 when equality holds."""
    cfg = config("sgd", eta=0.1)
    worst = -math.inf
    for base in range(100):
        x = simulate(cfg, _KNOWN, [0.5], 1, 200, base_seed=5000 + base).values("sum_g_sq")
        _, lo, _ = paired_ratio_ci(x, np.full_like(x, _KNOWN_MEAN), CONFIDENCE)
        worst = max(worst, lo)
    assert worst < 1.0


def test_fused_separable_tracking_equals_the_generic_calls():
    """The one-pass path of separable families does exactly what track_point + oracle + track_grad do."""
    from optverify.sim import tracking
    from optverify.sim.blockrng import normal_block
    from optverify.sim.families import STOCHASTIC, oracle

    P = FAM.P
    rng = np.random.default_rng(0)
    for t in (1, 2, 9):
        w = rng.standard_normal(3)
        S1, acc1 = tracking.track_start(P, W1)
        S2, acc2 = tracking.track_start(P, W1)
        g1, g2, buf = np.empty(3), np.empty(3), np.empty(3)
        tracking.track_point(P, S1, acc1, w, t, 4, 1)
        oracle(P, w, STOCHASTIC, 4, 1, t, 0, g1, buf)
        tracking.track_grad(P, S1, acc1, g1, w)
        xi = normal_block(4, 1, t, np.empty(3))
        tracking.track_separable(P.h, P.k, P.wstar, P.sigma, P.fp[0], True, w, g2, xi, S2, acc2)
        assert np.array_equal(g1, g2) and np.array_equal(S1, S2) and np.array_equal(acc1[:2], acc2[:2])


# ---------------------------------------------------------------- the keyed generator


def test_the_keyed_block_generator_is_the_block_generator():
    """normal_block (a run's key hashed once, the ziggurat's first test inline) equals normal_at element by
    element (the four-counter hash and the full ziggurat), tail and wedge draws included."""
    from optverify.sim import blockrng

    n = 4000  # about 1 % of draws leave the ziggurat's fast path: dozens here
    for seed, stream, t in ((0, 0, 1), (123456789, 3, 77), (2**62, 1, 10**6)):
        blk = blockrng.normal_block(seed, stream, t, np.empty(n))
        assert np.array_equal(blk, [blockrng.normal_at(seed, stream, t, i) for i in range(n)])


def test_a_name_the_kernel_binds_cannot_be_a_parameter_or_state():
    """A state called S (the kernel's statistics) or a parameter called d would shadow the kernel's own: refused when
    declared, naming the clash, instead of a kernel that silently computes something else."""
    with pytest.raises(ValueError, match=r"\['S'\]"):
        engine.declare("shadow_state_test", halving_step_with_state, [ov.Param("eta", ov.REQUIRED, float, "positive")],
                       [engine.State("S")], source="a test")
    with pytest.raises(ValueError, match=r"\['d'\]"):
        engine.declare("shadow_param_test", halving_step_with_d, [ov.Param("d", ov.REQUIRED, float, "positive")],
                       source="a test")
    with pytest.raises(ValueError, match=r"\['_s_i'\]"):  # the prefix of a step's renamed locals
        engine.declare("shadow_local_test", halving_step_with_s_i, [ov.Param("_s_i", ov.REQUIRED, float, "positive")],
                       source="a test")


def halving_step_with_state(t, T, w, g, S, eta):
    for i in range(len(w)):
        S[i] = g[i]
        w[i] = w[i] - eta * S[i]


def halving_step_with_s_i(t, T, w, g, _s_i):
    for i in range(len(w)):
        w[i] = w[i] - _s_i * g[i]


def halving_step_with_d(t, T, w, g, d):
    for i in range(len(w)):
        w[i] = w[i] - d * g[i]


# ---------------------------------------------------------------- the families of 003 Theorems 20.3 and 22.1


@pytest.mark.parametrize("name, fam, params", [
    ("sgd_momentum_alpha", F.saturating_quadratic([1.0, 4.0, 0.5], [0.3, -0.2, 0.1], sigma=0.4),
     dict(eta=0.1, alpha=0.5, first_step_eta=True)),
    ("sgd_momentum_alpha", F.saturating_quadratic([1.0, 4.0, 0.5], [0.3, -0.2, 0.1], sigma=0.4),
     dict(eta=0.1, alpha=0.3, first_step_eta=False)),
    ("projected_sgd_strongly_convex", F.separable_linear([0.5, 0.5, 0.5], [0.25, 0.25, 0.25], [0.5, 0.0, -0.5],
                                                         [0.4, -0.1, -0.2], 0.5), dict(mu=0.5, D=0.7)),
])
def test_new_families_kernel_equals_reference_and_statistics(name, fam, params):
    """The kernel on the non-convex and the linear-term separable family: the reference's iterates, and the
    tracked regret / avg_grad_sq are the sums over those iterates."""
    cfg = config(name, **params)
    res = run_trajectory(cfg, fam, W1, 8, seed=5, stream=2)
    ref = np.array(trajectory(name, FloatCtx(), W1, Oracle.of_family(fam, 5, 2), 8, **params), dtype=float)
    np.testing.assert_allclose(res.trajectory, ref, rtol=1e-12, atol=1e-12)
    assert not np.allclose(res.trajectory[-1], W1)
    pts = ref[:-1]  # w_1 .. w_T
    regret = sum(fam.loss(w) - fam.constants["L_star"] for w in pts)
    assert res.stats["regret"] == pytest.approx(regret, rel=1e-12)
    assert res.stats["avg_grad_sq"] == pytest.approx(np.mean([fam.grad(w) @ fam.grad(w) for w in pts]), rel=1e-12)
    mc = simulate(cfg, fam, W1, 8, seeds=3, base_seed=9)
    one = run(cfg, fam, W1, 8, seed=seed_for(9, 1))  # replicate 1 of base seed 9
    assert mc.values("regret")[1] == one.stats["regret"]


def test_hogwild_on_the_one_coordinate_oracle_equals_the_reference():
    """003 Theorem 19.1's simulation: Algorithm 15 (stale reads, the proof's step ηd g[j]) on sparse Huber gradients
    (grad_mode "coordinate"): kernel = reference, and Σ_t ‖∇L(w_t)‖² is the sum over the reference's iterates."""
    fam = F.huber([1.0, 2.0, 0.5], 0.5, [0.3, -0.2, 0.1], noise="none")
    params = dict(eta=0.1, tau=2, delay="uniform", coordinate=True, scale_by_d=True)
    res = run_trajectory(config("hogwild", **params), fam, W1, 12, seed=5, stream=2, grad_mode="coordinate")
    ref = np.array(trajectory("hogwild", FloatCtx(), W1, Oracle.of_family(fam, 5, 2, "coordinate"), 12, **params), dtype=float)
    np.testing.assert_allclose(res.trajectory, ref, rtol=1e-12, atol=1e-12)
    steps = np.diff(ref, axis=0)
    assert np.all(np.count_nonzero(steps, axis=1) <= 1) and np.count_nonzero(steps) >= 4  # one coordinate per update
    assert res.stats["avg_grad_sq"] * 12 == pytest.approx(sum(fam.grad(w) @ fam.grad(w) for w in ref[:-1]), rel=1e-12)


@pytest.mark.parametrize("name, params", [("adamw", dict(eta=0.05, lam=0.1, eps=1e-8)),
                                          ("hogwild", dict(eta=0.1, tau=2, delay="uniform", scale_by_d=True))])
def test_tail_means_are_the_window_means_of_the_iterate_and_the_state(name, params):
    """montecarlo.tail_means (004's weight-decay limits): per replicate, the means over steps t = 9..16 of w_{t+1}
    and of each declared state after step t, as the reference run of that replicate gives them (a matrix state too)."""
    cfg = config(name, **params)
    tm = tail_means(cfg, FAM, W1, 16, 8, seeds=3, base_seed=4)
    ws, states = reference.run(name, FloatCtx(), W1, Oracle.of_family(FAM, seed_for(4, 2)), 16, **params)
    np.testing.assert_allclose(tm.w[2], np.mean(np.array(ws[9:], dtype=float), axis=0), rtol=1e-12, atol=1e-14)
    assert set(tm.state) == {s.name for s in engine.BUNDLED[name].state}
    for k, v in tm.state.items():
        np.testing.assert_allclose(v[2], np.mean([np.array(st[k], dtype=float) for st in states[8:]], axis=0),
                                   rtol=1e-12, atol=1e-14)
    assert tm.values("regret")[2] == run(cfg, FAM, W1, 16, seed=seed_for(4, 2)).stats["regret"]
    with pytest.raises(ValueError, match="window"):
        tail_means(cfg, FAM, W1, 16, 16)
    # blocks: the window 4..16 (13 steps) in 3 blocks of 5, 4, 4 steps (step j of the window in block ⌊3j/13⌋)
    bm = tail_means(cfg, FAM, W1, 16, 3, seeds=3, base_seed=4, blocks=3)
    for b, (lo, hi) in enumerate([(4, 9), (9, 13), (13, 17)]):  # steps t = lo .. hi − 1
        np.testing.assert_allclose(bm.w[2, b], np.mean(np.array(ws[lo:hi], dtype=float), axis=0), rtol=1e-12, atol=1e-14)
    # every step: run_states records the state after each step
    one = run_states(cfg, FAM, W1, 16, seed=seed_for(4, 2))
    np.testing.assert_allclose(one.trajectory, np.array(ws, dtype=float), rtol=1e-12, atol=1e-14)
    for k, v in one.state.items():
        np.testing.assert_allclose(v, np.array([st[k] for st in states], dtype=float), rtol=1e-12, atol=1e-14)


def test_every_cached_sim_function_is_stamped_with_all_sim_sources():
    """numba keys a cached function by its own file only; tracking.track_point inlines families.loss, so a changed
    families.py must invalidate it too: the stamp of every cached sim function carries the digest of all sim sources."""
    from optverify.sim import numba_cache, tracking

    for fn in (F.loss, F.oracle, tracking.track_point, tracking.track_separable):
        stamp = fn._cache._impl.locator.get_source_stamp()
        assert stamp[1] == numba_cache.DIGEST and type(fn._cache._impl.locator).__name__.startswith("SimStamped")
    assert codegen._LINKED_DIGEST == numba_cache.DIGEST
