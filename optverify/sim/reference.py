"""Reference implementations of the printed updates, in any number context.

These are plain-Python versions of the numba kernels, written to run both in
floats and in 50-digit mpmath (``num`` is a :mod:`optverify.verify.numctx`
context).  They serve the exact-enumeration instance families and the replay of
certificates; the numba kernels are tested against the same formulas.

Convention for 0/0: a coordinate whose accumulated squared gradients are all
zero has a zero gradient now too, and the printed step c·g/√(Σg²) is read as 0.
"""

from __future__ import annotations


def clip(num, x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def adagrad_diag_box_step(num, w, g, acc, c, D):
    """Theorem 3 (000, line 91): w[i] ← Π_{|w[i]|≤D}( w[i] − c g[i]/√(g²_{1:t}[i]) ); acc holds g²_{1:t-1}."""
    new_w, new_acc = [], []
    for wi, gi, ai in zip(w, g, acc):
        ai = ai + gi * gi
        step = c * gi / num.sqrt(ai) if ai > 0 else num.num(0)
        new_w.append(clip(num, wi - step, -D, D))
        new_acc.append(ai)
    return new_w, new_acc


def adagrad_norm_ball_step(num, w, g, acc, c, D):
    """Theorem 2 (000, line 80): w ← Π_{‖w‖₂≤D}( w − c g/√(‖g‖²_{1:t}) ); acc holds ‖g‖²_{1:t-1}."""
    acc = acc + sum(gi * gi for gi in g)
    if acc > 0:
        s = c / num.sqrt(acc)
        y = [wi - s * gi for wi, gi in zip(w, g)]
    else:
        y = list(w)
    norm = num.sqrt(sum(yi * yi for yi in y))
    if norm > D:
        y = [yi * D / norm for yi in y]
    return y, acc


def adam_step(num, state, g, t, eta, beta1, beta2, eps=0, momentum_sign=-1, bias_correction=True, eps_mode=0):
    """Algorithm 1 of 000 (line 195), one coordinate, with the switches the sources differ on.

    As printed: m_t = β1 m_{t−1} − (1 − β1) g_t (momentum_sign = −1); v_t = β2 v_{t−1} + (1 − β2) g_t²;
    m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t); w ← w − η_t m̂/√v̂  (eps_mode 0: no ε, as printed;
    1: √(v̂ + ε²); 2: √v̂ + ε).  A state (w, m, v, v̂max) runs AMSGrad instead (Reddi et al.'s
    Algorithm 2): the denominator uses the running maximum of v_t, taken before any bias correction.
    """
    w, m, v = state[:3]
    m = beta1 * m + momentum_sign * (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    vmax = max(state[3], v) if len(state) == 4 else None
    vv = v if vmax is None else vmax
    mh = m / (1 - beta1**t) if bias_correction else m
    vh = vv / (1 - beta2**t) if bias_correction else vv
    if eps_mode == 1:
        den = num.sqrt(vh + eps * eps)
    elif eps_mode == 2:
        den = num.sqrt(vh) + eps
    else:
        den = num.sqrt(vh)
    step = mh / den if den > 0 else num.num(0)
    return (w - eta * step, m, v) if vmax is None else (w - eta * step, m, v, vmax)


def sign_step(num, w, g, eta):
    """The sign update of 000 (line 281): w[i] ← w[i] − η g[i]/|g[i]| (0 where g[i] = 0)."""
    return [wi - eta * num.sign(gi) for wi, gi in zip(w, g)]


def run_on_quadratic(num, algorithm: str, params: dict, T: int, h=1, w1=1):
    """Run a printed algorithm on f(w) = h·w²/2 (exact gradients) from w_1; return [w_1, …, w_{T+1}]."""
    if algorithm == "adamal":
        from optverify.sim.reference_adamal import run_adamal_on_quadratic

        return run_adamal_on_quadratic(num, params, T, h, w1)
    h, w = num.num(h), num.num(w1)
    traj = [w]
    if algorithm == "adam":
        p = dict(params)
        eta0, power = num.num(p.pop("eta")), p.pop("eta_power", 0)
        state = (w, num.num(0), num.num(0))
        b1, b2 = num.num(p.pop("beta1")), num.num(p.pop("beta2"))
        eps = num.num(p.pop("eps", 0))
        for t in range(1, T + 1):
            eta = eta0 / num.num(t) ** power if power else eta0
            state = adam_step(num, state, h * state[0], t, eta, b1, b2, eps, **p)
            traj.append(state[0])
        return traj
    if algorithm in ("adagrad_diag_box", "adagrad_norm_ball"):
        D = num.num(params["D"])
        c = num.num(params.get("c_over_D", 2**0.5)) * D if "c" not in params else num.num(params["c"])
        if algorithm == "adagrad_diag_box":
            ws, acc = [w], [num.num(0)]
            step = adagrad_diag_box_step
        else:
            ws, acc = [w], num.num(0)
            step = adagrad_norm_ball_step
        for _ in range(T):
            ws, acc = step(num, ws, [h * ws[0]], acc, c, D)
            traj.append(ws[0])
        return traj
    if algorithm in ("heavy_ball", "nesterov", "sgd_momentum"):
        eta, beta = num.num(params["eta"]), num.num(params["beta"])
        if algorithm == "heavy_ball":  # w_{t+1} = w_t − η∇f(w_t) + β(w_t − w_{t−1}), w_0 = w_1
            prev = w
            for _ in range(T):
                prev, w = w, w - eta * h * w + beta * (w - prev)
                traj.append(w)
        elif algorithm == "nesterov":  # v_{t+1} = w_t − η∇f(w_t); w_{t+1} = v_{t+1} + β(v_{t+1} − v_t), v_1 = w_1
            v = w
            for _ in range(T):
                v_new = w - eta * h * w
                w, v = v_new + beta * (v_new - v), v_new
                traj.append(w)
        else:  # v_{t+1} = β v_t − η∇f(w_t); w_{t+1} = w_t + v_{t+1}, v_1 = 0
            v = num.num(0)
            for _ in range(T):
                v = beta * v - eta * h * w
                w = w + v
                traj.append(w)
        return traj
    if algorithm == "sign":
        eta0, power = num.num(params["eta"]), params.get("eta_power", 0)
        ws = [w]
        for t in range(1, T + 1):
            eta = eta0 / num.num(t) ** power if power else eta0
            ws = sign_step(num, ws, [h * ws[0]], eta)
            traj.append(ws[0])
        return traj
    raise ValueError(f"unknown algorithm {algorithm!r}")
