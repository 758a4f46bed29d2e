"""Every algorithm kernel against a straightforward NumPy transcription of the printed update (1e-12)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import optimize

from optverify.sim import families as F
from optverify.sim import noise
from optverify.sim.algorithms import ALGORITHMS, config, run, run_trajectory
from optverify.sim.engine.reference import Oracle, namespace
from optverify.verify.numctx import FloatCtx

TOL = dict(rtol=1e-12, atol=1e-12)
_WORDS = namespace(FloatCtx())  # the step language's words, run on floats (the kernels compile the same text)


def permutation(n, seed, stream, epoch):
    order = [0] * n
    _WORDS["shuffle"](Oracle(seed=seed, stream=stream), order, epoch)
    return np.array(order)


def cubic_step(g, H, J):
    d = len(g)
    delta = [0.0] * d
    _WORDS["cubic_step"](list(g), [list(r) for r in H], J, [0.0] * d, [[0.0] * d for _ in range(d)], [0.0] * d, delta)
    return np.array(delta)


def cubic_model(g, H, J, delta):
    return g @ delta + 0.5 * delta @ H @ delta + J * np.linalg.norm(delta) ** 3 / 6
SEED, STREAM = 5, 2
QUAD = F.rotated_quadratic([0.3, 1.0, 2.0], [0.4, -0.3, 0.2], seed=1, sigma=[0.5, 0.2, 0.8])
LOGI = F.logistic_regression(12, 3, seed=3, lam=0.05)
W1 = np.array([1.0, -0.5, 0.7])


def exact_grad(fam, w):
    P = fam.P
    if P.kind == F.QUADRATIC:
        return P.A @ w - P.b
    if P.kind == F.LOGISTIC:
        z = P.b * (P.A @ w)
        return -(P.A.T @ (P.b / (1 + np.exp(z)))) / P.A.shape[0] + P.fp[F.FP_LAM] * w
    if P.kind == F.SEPARABLE:
        r = w - P.wstar
        return P.h * r + P.k * np.sign(r)
    raise NotImplementedError


def comp_grad(fam, w, j):
    P = fam.P
    x, y = P.A[j], P.b[j]
    return -y * x / (1 + np.exp(y * (x @ w))) + P.fp[F.FP_LAM] * w


def ref_oracle(fam, w, t, k=0, mode=1):
    P = fam.P
    if P.kind >= 10:
        return F.online_vec(P, w.copy(), t, SEED, STREAM, np.empty(w.size))
    if mode == 0:
        return exact_grad(fam, w)
    if P.kind == F.LOGISTIC:
        return comp_grad(fam, w, F.sample_index(P, SEED, STREAM, t, k))
    xi = noise.fill_noise(P.noise, P.fp[F.FP_NOISE], SEED, STREAM, t, k, np.empty(w.size))
    return exact_grad(fam, w) + P.sigma * xi


def traj(name, fam, T, w1=W1, gm="stochastic", **kw):
    return run_trajectory(config(name, **kw), fam, w1, T, seed=SEED, stream=STREAM, grad_mode=gm).trajectory


def simple(fam, T, step, w1=W1, mode=1):
    """Reference loop: w_{t+1} = step(w_t, g_t, t, state)."""
    w, out, state = w1.copy(), [w1.copy()], {}
    for t in range(1, T + 1):
        w = step(w, ref_oracle(fam, w, t, mode=mode), t, state)
        out.append(w.copy())
    return np.array(out)


def clip(w, R):
    return np.clip(w, -R, R)


def ball(w, R):
    n = np.linalg.norm(w)
    return w * (R / n) if n > R else w


# ------------------------------------------------------------------ SGD family


@pytest.mark.parametrize("sched,a", [("constant", 0.0), ("inv_t", 0.0), ("inv_sqrt_t", 0.0), ("cosine", 0.01),
                                     ("warmup", 3.0)])
def test_sgd_schedules(sched, a):
    T = 7
    eta_t = {"constant": lambda t: 0.1, "inv_t": lambda t: 0.1 / t, "inv_sqrt_t": lambda t: 0.1 / np.sqrt(t),
             "cosine": lambda t: a + 0.5 * (0.1 - a) * (1 + np.cos(np.pi * t / T)),
             "warmup": lambda t: t * 0.1 / a if t <= a else 0.1 * np.sqrt(a / t)}[sched]
    ref = simple(QUAD, T, lambda w, g, t, s: w - eta_t(t) * g)
    np.testing.assert_allclose(traj("sgd", QUAD, T, eta=0.1, schedule=sched, schedule_a=a), ref, **TOL)


def test_sgd_projections_gd_and_projected_strongly_convex():
    ref = simple(QUAD, 6, lambda w, g, t, s: ball(w - 0.5 * g, 0.8))
    np.testing.assert_allclose(traj("sgd", QUAD, 6, eta=0.5, projection="ball", radius=0.8), ref, **TOL)
    ref = simple(QUAD, 6, lambda w, g, t, s: clip(w - 0.5 * g, 0.6))
    np.testing.assert_allclose(traj("sgd", QUAD, 6, eta=0.5, projection="box", radius=0.6), ref, **TOL)
    ref = simple(QUAD, 6, lambda w, g, t, s: w - 0.4 * g, mode=0)
    np.testing.assert_allclose(traj("gradient_descent", QUAD, 6, gm="stochastic", eta=0.4), ref, **TOL)
    mu, D = 0.3, 0.9
    ref = simple(QUAD, 6, lambda w, g, t, s: ball(w - g / (mu * t), D))
    np.testing.assert_allclose(traj("projected_sgd_strongly_convex", QUAD, 6, mu=mu, D=D), ref, **TOL)


def test_sgd_l2_and_weight_decay_coincide():
    a = traj("sgd_weight_decay", QUAD, 8, gamma=0.2, lam=0.3, mode="l2")
    b = traj("sgd_weight_decay", QUAD, 8, gamma=0.2, lam=0.3, mode="weight_decay")
    ref = simple(QUAD, 8, lambda w, g, t, s: w - 0.2 * (g + 0.3 * w))
    np.testing.assert_allclose(a, ref, **TOL)
    np.testing.assert_allclose(b, ref, rtol=1e-12, atol=1e-14)


def test_minibatch_and_parallel_minibatch():
    B, T = 4, 5
    w, ref = W1.copy(), [W1.copy()]
    for t in range(1, T + 1):
        g = np.mean([ref_oracle(LOGI, w, t, k) for k in range(B)], axis=0)
        w = w - 0.3 * g
        ref.append(w.copy())
    ref = np.array(ref)
    np.testing.assert_allclose(traj("minibatch_sgd", LOGI, T, eta=0.3, B=B), ref, **TOL)
    np.testing.assert_allclose(traj("parallel_minibatch_sgd", LOGI, T, eta=0.3, B=B, M=2), ref, **TOL)
    with pytest.raises(ValueError):
        traj("parallel_minibatch_sgd", LOGI, T, eta=0.3, B=5, M=2)


@pytest.mark.parametrize("reshuffle", [False, True])
def test_sgd_erm_shuffle(reshuffle):
    n = LOGI.P.A.shape[0]
    T = 2 * n + 3
    w, ref, order = W1.copy(), [W1.copy()], np.arange(n)
    t, e = 1, 1
    while t <= T:
        for pos in range(n):
            if t > T:
                break
            w = w - 0.2 * comp_grad(LOGI, w, order[pos])
            ref.append(w.copy())
            t += 1
        if reshuffle:
            order = permutation(n, SEED, STREAM, e)
            assert sorted(order) == list(range(n))
        e += 1
    np.testing.assert_allclose(traj("sgd_erm_shuffle", LOGI, T, eta=0.2, reshuffle=reshuffle), np.array(ref), **TOL)


# ------------------------------------------------------------------ adaptive


def den(v, eps, mode):
    return {0: np.sqrt(v), 1: np.sqrt(v + eps * eps), 2: np.sqrt(v) + eps, 3: np.sqrt(v + eps)}[mode]


@pytest.mark.parametrize("eps_mode,lag,proj", [(0, 0, "ball"), (1, 0, "none"), (1, 1, "none"), (3, 0, "box")])
def test_adagrad_norm_and_diag(eps_mode, lag, proj):
    eps, c, R = 0.1, 0.5, 0.9
    P_ = {"ball": ball, "box": clip, "none": lambda w, R: w}[proj]
    name = {0: "none", 1: "eps2_inside", 3: "inside"}[eps_mode]

    def norm_step(w, g, t, s):
        prev = s.get("S", 0.0)
        s["S"] = prev + g @ g
        return P_(w - c * g / den(prev if lag else s["S"], eps, eps_mode), R)

    def diag_step(w, g, t, s):
        prev = s.get("S", np.zeros_like(w))
        s["S"] = prev + g * g
        return P_(w - c * g / den(prev if lag else s["S"], eps, eps_mode), R)

    kw = dict(c=c, eps=eps, eps_mode=name, lag=lag, projection=proj, radius=R)
    np.testing.assert_allclose(traj("adagrad_norm", QUAD, 6, **kw), simple(QUAD, 6, norm_step), **TOL)
    np.testing.assert_allclose(traj("adagrad_diag", QUAD, 6, **kw), simple(QUAD, 6, diag_step), **TOL)


def test_adaptive_sgd_ema_and_corrected():
    c, eps, beta = 0.5, 1e-2, 0.8

    def ema(w, g, t, s):
        s["A"] = beta * s.get("A", 0.0) + g @ g
        return w - c / np.sqrt(eps ** 2 + s["A"]) * g

    def corrected(w, g, t, s):
        s["A"] = beta * s.get("A", 0.0) + g @ g
        s["B"] = max(s.get("B", eps ** 2), t * s["A"])
        return w - c / np.sqrt(s["B"]) * g

    np.testing.assert_allclose(traj("adaptive_sgd_ema", QUAD, 7, c=c, eps=eps, beta=beta), simple(QUAD, 7, ema), **TOL)
    np.testing.assert_allclose(traj("adaptive_sgd_ema_corrected", QUAD, 7, c=c, eps=eps, beta=beta),
                               simple(QUAD, 7, corrected), **TOL)


def adam_ref(fam, T, eta, b1, b2, eps, eps_mode, sign, bc1, bc2, sched=None, ams=0, lam=0.0, wd=0, proj=None,
             R=np.inf, b1_mode=0, decay=1.0):
    def step(w, g, t, s):
        m, v, vm = s.get("m", 0 * w), s.get("v", 0 * w), s.get("vm", 0 * w)
        e = eta if sched is None else sched(t)
        b1t = b1 if b1_mode == 0 else (b1 * decay ** (t - 1) if b1_mode == 1 else b1 / t)
        gg = g + lam * w if wd == 1 else g
        m = b1t * m + sign * (1 - b1t) * gg
        vn = b2 * v + (1 - b2) * gg * gg
        v = np.maximum(vn, v) if ams == 2 else vn
        vh = v / (1 - b2 ** t) if bc2 else v
        if ams == 1:
            vm = np.maximum(vm, vh)
            vh = vm
        mh = m / (1 - b1 ** t) if bc1 else m
        if wd == 2:
            mh = mh + lam * w
        dd = den(vh, eps, eps_mode)
        stp = np.where(dd > 0, e * mh / np.where(dd > 0, dd, 1.0), 0.0)
        w = w - stp - (e * lam * w if wd == 3 else 0.0)
        if proj is not None:
            w = proj(w, R)
        s.update(m=m, v=v, vm=vm)
        return w

    return simple(fam, T, step)


ADAM_BASE = dict(eta=0.05, beta1=0.8, beta2=0.9)


@pytest.mark.parametrize("sign,eps_mode,bc", [(-1.0, 0, True), (1.0, 0, True), (1.0, 2, True), (1.0, 3, False),
                                              (1.0, 1, True)])
def test_adam_switches(sign, eps_mode, bc):
    names = {0: "none", 1: "eps2_inside", 2: "outside", 3: "inside"}
    got = traj("adam", QUAD, 7, momentum_sign=sign, eps=1e-3, eps_mode=names[eps_mode], bias_correction1=bc,
               bias_correction2=bc, **ADAM_BASE)
    ref = adam_ref(QUAD, 7, 0.05, 0.8, 0.9, 1e-3, eps_mode, sign, bc, bc)
    np.testing.assert_allclose(got, ref, **TOL)


def test_adam_beta1_schedules_and_projection():
    got = traj("adam", QUAD, 7, momentum_sign=1.0, beta1_mode="geometric", beta1_decay=0.7, schedule="inv_sqrt_t",
               projection="box", radius=0.5, bias_correction1=False, bias_correction2=False, **ADAM_BASE)
    ref = adam_ref(QUAD, 7, 0.05, 0.8, 0.9, 0.0, 0, 1.0, False, False, sched=lambda t: 0.05 / np.sqrt(t),
                   proj=clip, R=0.5, b1_mode=1, decay=0.7)
    np.testing.assert_allclose(got, ref, **TOL)
    got = traj("adam", QUAD, 7, momentum_sign=1.0, beta1_mode="inv_t", bias_correction1=False, **ADAM_BASE)
    ref = adam_ref(QUAD, 7, 0.05, 0.8, 0.9, 0.0, 0, 1.0, False, True, b1_mode=2)
    np.testing.assert_allclose(got, ref, **TOL)


@pytest.mark.parametrize("mode,code", [("reddi", 1), ("feedback", 2)])
def test_amsgrad(mode, code):
    got = traj("amsgrad", QUAD, 8, ams_mode=mode, **ADAM_BASE)
    ref = adam_ref(QUAD, 8, 0.05, 0.8, 0.9, 0.0, 0, 1.0, False, False, ams=code)
    np.testing.assert_allclose(got, ref, **TOL)


@pytest.mark.parametrize("mode,code", [("gradient", 1), ("mhat", 2)])
def test_adam_l2_and_adamw(mode, code):
    got = traj("adam_l2", QUAD, 7, lam=0.2, l2_mode=mode, eps=1e-3, **ADAM_BASE)
    ref = adam_ref(QUAD, 7, 0.05, 0.8, 0.9, 1e-3, 3, 1.0, True, True, lam=0.2, wd=code)
    np.testing.assert_allclose(got, ref, **TOL)
    got = traj("adamw", QUAD, 7, lam=0.2, eps=1e-3, **ADAM_BASE)
    ref = adam_ref(QUAD, 7, 0.05, 0.8, 0.9, 1e-3, 3, 1.0, True, True, lam=0.2, wd=3)
    np.testing.assert_allclose(got, ref, **TOL)


def test_rmsprop():
    def step(w, g, t, s):
        s["s"] = 0.9 * s.get("s", 0 * w) + 0.1 * g * g
        return w - 0.01 * g / np.sqrt(s["s"] + 1e-8)

    np.testing.assert_allclose(traj("rmsprop", QUAD, 7, gamma=0.01, rho=0.9, eps=1e-8), simple(QUAD, 7, step), **TOL)


@pytest.mark.parametrize("v_beta", ["beta1", "beta2"])
def test_adamal_as_printed(v_beta):
    b1, b2 = 0.8, 0.95
    b = b1 if v_beta == "beta1" else b2

    def step(w, g, t, s):
        m, v = s.get("m", 0 * w), s.get("v", 0 * w)
        m = b1 * m + (1 - b1) * g
        v = b * v + (1 - b) * np.maximum(g * g, v)
        s.update(m=m, v=v)
        return clip(w - 0.05 * m / np.sqrt(v), 0.9)

    got = traj("adamal", QUAD, 8, alpha=0.05, beta1=b1, beta2=b2, v_beta=v_beta, projection="box", radius=0.9)
    np.testing.assert_allclose(got, simple(QUAD, 8, step), **TOL)


def test_sign_sgd():
    ref = simple(QUAD, 7, lambda w, g, t, s: w - 0.1 / np.sqrt(t) * np.sign(g))
    np.testing.assert_allclose(traj("sign_sgd", QUAD, 7, eta=0.1, schedule="inv_sqrt_t"), ref, **TOL)


def test_heavy_ball_nesterov_sgd_momentum_ema():
    def hb(w, g, t, s):
        prev = s.get("prev", w)
        s["prev"] = w
        return w - 0.2 * g + 0.6 * (w - prev)

    def nest(w, g, t, s):
        v_prev = s.get("v", w)
        v = w - 0.2 * g
        s["v"] = v
        return v + 0.6 * (v - v_prev)

    def sgdm(w, g, t, s):
        s["v"] = 0.6 * s.get("v", 0 * w) - 0.2 * g
        return w + s["v"]

    def ema(w, g, t, s):
        s["v"] = 0.6 * s.get("v", 0 * w) + 0.4 * g
        return w - 0.2 * s["v"]

    for name, f in (("heavy_ball", hb), ("nesterov", nest), ("sgd_momentum", sgdm)):
        np.testing.assert_allclose(traj(name, QUAD, 8, eta=0.2, beta=0.6), simple(QUAD, 8, f), **TOL)
    np.testing.assert_allclose(traj("ema_momentum", QUAD, 8, gamma=0.2, beta=0.6), simple(QUAD, 8, ema), **TOL)


@pytest.mark.parametrize("two_step,sign", [(False, -1.0), (True, -1.0), (True, 1.0)])
def test_gd_momentum_algorithm_10(two_step, sign):
    w, v, ref = W1.copy(), np.zeros(3), [W1.copy()]
    for t in range(1, 8):
        x = w + sign * 0.6 * v if two_step else w
        g = ref_oracle(QUAD, x, t)
        v = 0.6 * v - 0.1 * g
        w = w + sign * v
        ref.append(w.copy())
    got = traj("gd_momentum", QUAD, 7, eta=0.1, beta=0.6, two_step=two_step, update_sign=sign)
    np.testing.assert_allclose(got, np.array(ref), **TOL)


def test_gd_momentum_as_printed_ascends_on_a_quadratic():
    fam = F.diagonal_quadratic([1.0], [0.0], noise="none")
    w = traj("gd_momentum", fam, 20, w1=np.array([1.0]), gm="exact", eta=0.1, beta=0.5)[:, 0]
    assert np.all(np.diff(np.abs(w)) > 0)  # 003 Algorithm 10 as printed (w_{t+1} = w_t - v_t) moves uphill
    w = traj("gd_momentum", fam, 20, w1=np.array([1.0]), gm="exact", eta=0.1, beta=0.5, update_sign=1.0)[:, 0]
    assert abs(w[-1]) < 0.2


def test_sgd_momentum_alpha_first_step_as_printed():
    def step(first_eta):
        def f(w, g, t, s):
            if t == 1:
                s["m"] = g
                return w - (0.1 if first_eta else 1.0) * g
            s["m"] = 0.7 * s["m"] + 0.3 * g
            return w - 0.1 * s["m"]
        return f

    for fe in (False, True):
        got = traj("sgd_momentum_alpha", QUAD, 7, eta=0.1, alpha=0.3, first_step_eta=fe)
        np.testing.assert_allclose(got, simple(QUAD, 7, step(fe)), **TOL)


def test_accelerated_gd_and_its_momentum_form():
    T, eta = 9, 0.3
    w, y, ref, alphas, S = W1.copy(), W1.copy(), [W1.copy()], [0.0, 1.0], 0.0
    for t in range(1, T + 1):
        S += alphas[t]
        tau = alphas[t] / S
        x = (1 - tau) * w + tau * y
        gx = exact_grad(QUAD, x)
        y = y - eta * alphas[t] * gx
        w = x - eta * gx
        ref.append(w.copy())
        alphas.append((1 + np.sqrt(1 + 4 * S)) / 2)
        assert alphas[-1] ** 2 - alphas[-1] == pytest.approx(S)
    got = traj("accelerated_gd", QUAD, T, gm="exact", eta=eta)
    np.testing.assert_allclose(got, np.array(ref), **TOL)
    # 003 line 2149: Algorithm 11 is Algorithm 10 (two-step, + sign) with beta_t = a_{t-2}^2/(a_t a_{t-1})
    mom = traj("gd_momentum", QUAD, T, gm="exact", eta=eta, two_step=True, update_sign=1.0,
               beta_schedule="accelerated")
    np.testing.assert_allclose(mom, got, rtol=1e-10, atol=1e-12)


# ------------------------------------------------------------------ normalized, VR, distributed


@pytest.mark.parametrize("vr", [False, True])
def test_normalized_momentum(vr):
    w, wprev, m, ref = W1.copy(), W1.copy(), None, [W1.copy()]
    for t in range(1, 8):
        g = ref_oracle(QUAD, w, t)
        if t == 1:
            m = g
        elif vr:
            m = 0.7 * (m + g - ref_oracle(QUAD, wprev, t)) + 0.3 * g
        else:
            m = 0.7 * m + 0.3 * g
        wprev = w
        w = w - 0.05 * m / np.linalg.norm(m)
        ref.append(w.copy())
        assert np.linalg.norm(ref[-1] - ref[-2]) == pytest.approx(0.05)
    name = "normalized_sgd_vr_momentum" if vr else "normalized_sgd_momentum"
    np.testing.assert_allclose(traj(name, QUAD, 7, eta=0.05, alpha=0.3), np.array(ref), **TOL)


def test_lars_and_lamb():
    blocks = [0, 1, 3]

    def per_block(w, D, eta):
        w = w.copy()
        for lo, hi in zip(blocks[:-1], blocks[1:]):
            wn, dn = np.linalg.norm(w[lo:hi]), np.linalg.norm(D[lo:hi])
            if wn > 0 and dn > 0:
                w[lo:hi] -= eta * wn * D[lo:hi] / dn
        return w

    ref = simple(QUAD, 6, lambda w, g, t, s: per_block(w, g, 0.1))
    np.testing.assert_allclose(traj("lars", QUAD, 6, eta=0.1, blocks=blocks), ref, **TOL)

    def lamb_m(new):
        def f(w, g, t, s):
            M = s.get("M", 0 * w)
            Mn = 0.8 * M + 0.2 * g
            s["M"] = Mn
            return per_block(w, Mn if new else M, 0.1)
        return f

    for new in (False, True):
        got = traj("lamb", QUAD, 6, eta=0.1, beta1=0.8, variant="momentum", new_m=new, blocks=blocks)
        np.testing.assert_allclose(got, simple(QUAD, 6, lamb_m(new)), **TOL)

    def lamb_adam(w, g, t, s):
        s["M"] = 0.8 * s.get("M", 0 * w) + 0.2 * g
        s["V"] = 0.8 * s.get("V", 0 * w) + 0.2 * g * g
        return per_block(w, s["M"] / np.sqrt(s["V"]), 0.1)

    got = traj("lamb", QUAD, 6, eta=0.1, beta1=0.8, variant="adam", blocks=blocks)  # printed: one beta
    np.testing.assert_allclose(got, simple(QUAD, 6, lamb_adam), **TOL)
    zero = traj("lars", QUAD, 4, w1=np.zeros(3), eta=0.1)  # ||W|| = 0: LARS never moves
    assert np.all(zero == 0)


def test_svrg_as_printed():
    n, eta = LOGI.P.A.shape[0], 0.2
    T = 2 * n + 5
    w, v = W1.copy(), W1.copy()
    mu, ref, window = exact_grad(LOGI, v), [W1.copy()], []
    for t in range(1, T + 1):
        j = F.sample_index(LOGI.P, SEED, STREAM, t, 0)
        g = comp_grad(LOGI, w, j) - comp_grad(LOGI, v, j) + mu
        window.append(w.copy())
        w = w - eta * g
        ref.append(w.copy())
        if t % n == 0:
            v = np.mean(window[-n:], axis=0)
            mu = exact_grad(LOGI, v)
    np.testing.assert_allclose(traj("svrg", LOGI, T, eta=eta), np.array(ref), **TOL)


@pytest.mark.parametrize("coordinate,scale,delay", [(True, False, "fixed"), (True, True, "uniform"),
                                                    (False, False, "uniform")])
def test_hogwild_delay_model(coordinate, scale, delay):
    from optverify.sim.noise import M_COORD, M_DELAY, substream
    from optverify.sim.blockrng import uniform

    tau, eta, d = 2, 0.3, 3
    hist, w, ref = {}, W1.copy(), [W1.copy()]
    for t in range(1, 9):
        hist[t] = w.copy()
        lag = min(tau, t - 1)
        if delay == "uniform":
            lag = min(int(uniform(SEED, substream(STREAM, 0, M_DELAY), t, 0) * (min(tau, t - 1) + 1)), lag)
        g = ref_oracle(QUAD, hist[t - lag], t)
        w = w.copy()
        if coordinate:
            j = min(int(uniform(SEED, substream(STREAM, 0, M_COORD), t, 0) * d), d - 1)
            w[j] -= eta * (d if scale else 1) * g[j]
        else:
            w -= eta * g
        ref.append(w.copy())
    got = traj("hogwild", QUAD, 8, eta=eta, tau=tau, delay=delay, coordinate=coordinate, scale_by_d=scale)
    np.testing.assert_allclose(got, np.array(ref), **TOL)


# ------------------------------------------------------------------ cubic Newton


@pytest.mark.parametrize("case", ["convex", "indefinite", "hard"])
def test_cubic_step_is_the_global_minimiser(case):
    g_ = np.random.default_rng(4)
    if case == "convex":
        H, g = np.diag([1.0, 2.0, 3.0]), g_.standard_normal(3)
    elif case == "indefinite":
        Q = np.linalg.qr(g_.standard_normal((3, 3)))[0]
        H, g = Q @ np.diag([-2.0, 0.5, 1.0]) @ Q.T, g_.standard_normal(3)
    else:
        H, g = np.diag([-1.0, 2.0, 3.0]), np.array([0.0, 1.0, -1.0])  # g orthogonal to the bottom eigenvector
    J = 1.5
    delta = cubic_step(g, H, J)
    best = min((optimize.minimize(lambda x: cubic_model(g, H, J, x), x0, method="BFGS", tol=1e-12)
                for x0 in g_.standard_normal((30, 3)) * 3), key=lambda r: r.fun)
    assert cubic_model(g, H, J, delta) <= best.fun + 1e-10
    grad_m = g + H @ delta + 0.5 * J * np.linalg.norm(delta) * delta
    assert np.linalg.norm(grad_m) < 1e-8
    assert np.linalg.eigvalsh(H + 0.5 * J * np.linalg.norm(delta) * np.eye(3)).min() >= -1e-9


def test_cubic_newton_escapes_the_saddle_of_the_quartic():
    fam = F.quartic([1.0, 1.0])
    W = traj("cubic_newton", fam, 25, w1=np.array([1e-3, 0.0]), J=6.0 * 2.0)
    ref, w = [np.array([1e-3, 0.0])], np.array([1e-3, 0.0])
    for _ in range(25):
        w = w + cubic_step(fam.grad(w), fam.hessian(w), 12.0)
        ref.append(w)
    np.testing.assert_allclose(W, np.array(ref), **TOL)
    assert fam.loss(W[-1]) - fam.constants["L_star"] < 1e-10


# ------------------------------------------------------------------ statistics and registry


def test_streaming_statistics_match_the_trajectory():
    r = run_trajectory(config("sgd", eta=0.2), QUAD, W1, 12, seed=SEED, stream=STREAM)
    W, L, Ls = r.trajectory, QUAD.loss, QUAD.constants["L_star"]
    sub = np.array([L(w) - Ls for w in W])
    gsq = np.array([np.sum(exact_grad(QUAD, w) ** 2) for w in W])
    G = np.array([ref_oracle(QUAD, w, t) for t, w in enumerate(W[:-1], start=1)])
    ws = QUAD.constants["w_star"]
    s = r.stats
    assert s["regret"] == pytest.approx(sub[:-1].sum(), rel=1e-12)
    assert s["avg_regret"] == pytest.approx(sub[:-1].mean(), rel=1e-12)
    assert s["final_subopt"] == pytest.approx(sub[-1], rel=1e-10)
    assert s["min_subopt"] == pytest.approx(sub.min(), rel=1e-10)
    assert s["avg_iter_subopt"] == pytest.approx(L(W[:-1].mean(axis=0)) - Ls, rel=1e-10)
    assert s["min_grad_sq"] == pytest.approx(gsq[:-1].min(), rel=1e-10)
    assert s["avg_grad_sq"] == pytest.approx(gsq[:-1].mean(), rel=1e-10)
    assert s["final_grad_sq"] == pytest.approx(gsq[-1], rel=1e-10)
    assert s["final_dist"] == pytest.approx(np.linalg.norm(W[-1] - ws), rel=1e-10)
    assert s["max_dist"] == pytest.approx(np.linalg.norm(W - ws, axis=1).max(), rel=1e-10)
    assert s["sum_g_sq"] == pytest.approx(np.sum(G ** 2), rel=1e-12)
    assert s["sum_sqrt_coord"] == pytest.approx(np.sum(np.sqrt(np.sum(G ** 2, axis=0))), rel=1e-12)
    assert s["lin_regret"] == pytest.approx(np.sum(G * (W[:-1] - ws)), rel=1e-10)
    assert s["subopt_w1"] == pytest.approx(sub[0], rel=1e-12)
    assert s["n_nonfinite"] == 0 and s["steps"] == 12


def test_online_regret_against_the_best_fixed_point():
    fam = F.reddi_cyclic(3.0)
    r = run_trajectory(config("sgd", eta=0.05, projection="box", radius=1.0), fam, [0.2], 30)
    x = r.trajectory[:-1, 0]
    a = np.where(np.arange(1, 31) % 3 == 1, 3.0, -1.0)
    assert r.stats["regret"] == pytest.approx(np.sum(a * x) + abs(a.sum()), rel=1e-12)
    assert r.stats["final_dist"] == pytest.approx(abs(r.w_final[0] + 1.0))
    assert np.isnan(r.stats["final_subopt"])


def test_divergence_is_counted_and_config_validation():
    fam = F.diagonal_quadratic([1.0], [0.0], noise="none")
    r = run(config("gradient_descent", eta=3.0), fam, [1.0], 2000, grad_mode="exact")
    assert r.stats["n_nonfinite"] > 0
    with pytest.raises(ValueError):
        config("adam", eta=0.1)  # the momentum sign is not printed consistently: must be chosen
    with pytest.raises(ValueError):
        config("sgd", eta=0.1, schedule="nope")
    with pytest.raises(ValueError):
        config("sgd", eta=0.1, bogus=1)
    assert len({s.code for s in ALGORITHMS.values()}) == len(ALGORITHMS)
    from optverify.sim.engine import BUNDLED

    for spec in ALGORITHMS.values():  # every printed update says where it is printed (a user's may say nothing)
        assert spec.name not in BUNDLED or (spec.source and spec.doc)
