"""FTPRL forms of first-order methods (001, eqs. (12)–(14), lines 104–124 and 156–157).

One coordinate, any gradient sequence g_1 … g_T, X = R.  The FTPRL iterate

    x_{t+1} = argmin_x { C_t x + ½ Σ_{τ≤t} σ_τ (x − x_τ)² } = (Σ_{τ≤t} σ_τ x_τ − C_t) / σ_{1:t}

is computed from the printed linear coefficient C_t and the printed budget
σ_{1:t} — every sum over τ recomputed from scratch at every t, the centres x_τ
being the FTPRL iterates themselves — and compared with the algorithm's own
recursion (its declared update of ``optverify.sim.updates``, run by the engine's reference).
``measured`` is the last FTPRL iterate, ``x_alg`` the algorithm's.

Methods (the budget is what the paper prints for it):

* ``sgd_inv_t``  SGD with η_t = 1/t; budget σ_{1:t} = t (line 107)
* ``sgd_fixed``  SGD with η_t = 1/k; budget σ_{1:t} = k (line 107)
* ``sgd``        SGD with any positive step sizes η_t; budget 1/η_t (McMahan's equivalence)
* ``adam``       x_{t+1} = x_t − m_t/√v_t (α_t = 1, no bias correction, ε = 0), m_t, v_t of eq. (2);
                 C_t = g_{1:t} − Σ_{τ≤t} β1^{t+1−τ} g_τ, budget √v_t (eq. (13), line 124)
* ``sgdm``       m_t = β1 m_{t−1} + g_t, x_{t+1} = x_t − η_t m_t;
                 C_t = (g_{1:t} − Σ_{τ≤t} β1^{t+1−τ} g_τ)/(1 − β1), budget 1/η_t (eq. (13) SGDM)
* ``adagrad``    x_{t+1} = x_t − g_t/√(Σ_{τ≤t} g_τ²); C_t = g_{1:t}, budget √(Σ_{τ≤t} g_τ²) (eq. (14))
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, family, integer, real
from optverify.sim.engine.reference import Step

G_MAX = 5.0
METHODS = ("sgd_inv_t", "sgd_fixed", "sgd", "adam", "sgdm", "adagrad")
T_MAX = {"quick": 6, "thorough": 16}


# the instance parameters each method uses (the others are fixed at DEFAULTS)
USES = {
    "sgd_inv_t": (),
    "sgd_fixed": ("k",),
    "sgd": ("eta",),
    "adam": ("beta1", "beta2"),
    "sgdm": ("beta1", "eta"),
    "adagrad": (),
}
SCALARS = {"beta1": (0.01, 0.99), "beta2": (0.01, 0.999), "k": (0.2, 5), "eta": (0.01, 2)}
DEFAULTS = {"beta1": 0.9, "beta2": 0.999, "k": 1.0, "eta": 1.0}
SHOW = {"beta1": "β1", "beta2": "β2", "k": "k", "eta": "step sizes η_t"}


def _validate(method):
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; one of {METHODS}")


def _scalar(q):
    """A parameter the method uses ranges over SCALARS[q]; one it does not use is fixed at DEFAULTS[q]."""
    return real(lambda o: SCALARS[q][0] if q in USES[o["method"]] else DEFAULTS[q],
                lambda o: SCALARS[q][1] if q in USES[o["method"]] else DEFAULTS[q])


# ---------------------------------------------------------------- the printed forms
def _eta(method, inst, num, t):
    """η_t (t ≥ 1) of the SGD-type methods."""
    if method == "sgd_inv_t":
        return 1 / num.num(t)
    if method == "sgd_fixed":
        return 1 / num.num(inst["k"])
    return num.num(inst["eta"][t - 1])


def linear_coefficient(method, inst, num, g, t):
    """C_t as printed, recomputed from g_1 … g_t."""
    G = sum(g[:t])
    if method in ("adam", "sgdm"):
        b1 = num.num(inst["beta1"])
        corr = sum(b1 ** (t + 1 - tau) * g[tau - 1] for tau in range(1, t + 1))
        C = G - corr
        return C / (1 - b1) if method == "sgdm" else C
    return G


def budget(method, inst, num, g, t):
    """σ_{1:t} as printed."""
    if method == "sgd_inv_t":
        return num.num(t)
    if method == "sgd_fixed":
        return num.num(inst["k"])
    if method in ("sgd", "sgdm"):
        return 1 / num.num(inst["eta"][t - 1])
    if method == "adam":
        b2 = num.num(inst["beta2"])
        return num.sqrt((1 - b2) * sum(b2 ** (t - tau) * g[tau - 1] ** 2 for tau in range(1, t + 1)))
    return num.sqrt(sum(gi * gi for gi in g[:t]))  # adagrad


def ftprl(method, inst, num, g):
    xs = [num.num(inst["x1"])]
    S = [budget(method, inst, num, g, s) for s in range(1, len(g) + 1)]
    sig = [S[0]] + [S[s] - S[s - 1] for s in range(1, len(S))]
    for t in range(1, len(g) + 1):
        P = sum(sig[s] * xs[s] for s in range(t))
        xs.append((P - linear_coefficient(method, inst, num, g, t)) / S[t - 1])
    return xs, S, sig


def algorithm(method, inst, num, g):
    """x_1 … x_{T+1} of the method's own recursion: its declared update (sgd, sgdm, adam, adagrad_norm), η_t per step."""
    x = [num.num(inst["x1"])]
    xs = [x[0]]
    b1 = num.num(inst["beta1"])
    b2 = num.num(inst["beta2"])
    if method == "adam":  # α_t = 1, no bias correction, ε = 0
        step = Step("adam", num, eta=1, beta1=b1, beta2=b2, momentum_sign=1, bias_correction1=False,
                    bias_correction2=False)
    elif method == "adagrad":  # c = 1, ε = 0
        step = Step("adagrad_norm", num, c=1)
    elif method == "sgdm":
        step = Step("sgdm", num, eta=_eta(method, inst, num, 1), beta=b1)
    else:
        step = Step("sgd", num, eta=_eta(method, inst, num, 1))
    state = step.init(x)
    for t, gt in enumerate(g, start=1):
        if t > 1 and method in ("sgd_inv_t", "sgd", "sgdm"):
            step = step.rebind(eta=_eta(method, inst, num, t))
        x, state = step(t, x, [gt], state)
        xs.append(x[0])
    return xs


@family(
    {
        "T": integer(1, T_MAX),
        "x1": real(-5, 5),
        "beta1": _scalar("beta1"),
        "beta2": _scalar("beta2"),
        "k": _scalar("k"),
        "g": array(real(-G_MAX, G_MAX), "T", at={0: real(-G_MAX, G_MAX, nonzero=1e-3)}),
        "eta": array(_scalar("eta"), "T"),
    },
    name="ftprl-form-{method}",
    description=lambda o: (
        f"{o['method']}: one coordinate, x_1 ∈ [−5, 5], T ≤ 6 (quick) / 16 (thorough), gradients g_t ∈ [−5, 5] with |g_1| ≥ 10⁻³"
        + "".join(f", {SHOW[q]} ∈ [{SCALARS[q][0]:g}, {SCALARS[q][1]:g}]" for q in USES[o["method"]])
        + "; FTPRL argmin with the printed linear term and budget against the algorithm's recursion"
    ),
    validate=_validate,
)
def ftprl_form(inst, num, *, method="sgd"):
    g = [num.num(v) for v in inst["g"]]
    xf, S, sig = ftprl(method, inst, num, g)
    xa = algorithm(method, inst, num, g)
    gap = max(abs(a - b) for a, b in zip(xf, xa))
    return {
        "measured": xf[-1],
        "x_ftprl": xf[-1],
        "x_alg": xa[-1],
        "max_gap": gap,
        "budget_last": S[-1],
        "sigma_min": min(sig),
        "T": num.num(len(g)),
    }
