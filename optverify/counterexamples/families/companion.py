"""The heavy-ball companion matrix M = [[1 + β − ηλ, −β], [1, 0]] and its eigen-decomposition (002, lines 123–178).

An instance fixes β ∈ (0, 1), a = 1 + β − ηλ, a start x_1 ∈ R² and t; ``region``
"complex" keeps a² < 4β (complex eigenvalues), "any" keeps a away from the
double-root boundary (so that M = QΛQ⁻¹ exists).  Norms are spectral norms,
computed by SVD (numpy in floats, mpmath at 50 digits).
"""

from __future__ import annotations

import math

import numpy as np

from optverify.counterexamples.schema import array, family, integer, real
from optverify.verify.numctx import FloatCtx


def _spectral(A, num):
    if isinstance(num, FloatCtx):
        return float(np.linalg.norm(np.asarray(A, dtype=complex), 2))
    return max(abs(s) for s in num.mp.svd_c(num.mp.matrix(A), compute_uv=False))


def _a(beta, s, region):
    """a = 1 + β − ηλ from the fraction s: a² < 4β ("complex"), or away from the double root |a| = 2√β ("any")."""
    bound = 2 * math.sqrt(beta)
    if region == "complex":
        return s * bound  # |s| < 1 ⇒ a² < 4β
    # outside a band around the boundary |a| = 2√β: map s ∈ (−1, 1) to a ∈ (−2√β·0.9, 2√β·0.9) ∪ beyond
    return s * bound * 0.9 if abs(s) < 0.5 else math.copysign(bound * 1.1 + abs(s), s)


def _validate(region, t_max):
    if region not in ("complex", "any"):
        raise ValueError("region is 'complex' or 'any'")


@family(
    {"beta": real(0.05, 0.95), "s": real(-0.98, 0.98), "x1": array(real(-3, 3), 2), "t": integer(1, lambda o: o["t_max"])},
    name="heavy-ball-companion-matrix",
    description=lambda o: (f"β ∈ (0.05, 0.95), a = 1 + β − ηλ with {'a² < 4β' if o['region'] == 'complex' else '|a² − 4β| ≥ 0.05'}, "
                           f"x_1 ∈ [−3, 3]², t ≤ {o['t_max']}; spectral norms"),
    derive=lambda p, region, t_max: {"a": _a(p["beta"], p["s"], region)},
    validate=_validate,
)
def companion_matrix(inst, num, *, region="complex", t_max=40):
    a, beta, t = num.num(inst["a"]), num.num(inst["beta"]), inst["t"]
    x1 = [num.num(v) for v in inst["x1"]]
    if isinstance(num, FloatCtx):
        M = np.array([[a, -beta], [1.0, 0.0]])
        gam, Q = np.linalg.eig(M)
        Qi = np.linalg.inv(Q)
        Mt = np.linalg.matrix_power(M, t)
        x = Mt @ np.array(x1)
        x_norm = float(np.linalg.norm(x))
        lam_t = [complex(g) ** t for g in gam]
    else:
        mp = num.mp
        M = mp.matrix([[a, -beta], [1, 0]])
        gam, Q = mp.eig(M)
        for j in range(2):  # unit columns, as numpy returns them: the same Q up to column phases
            nj = mp.sqrt(abs(Q[0, j]) ** 2 + abs(Q[1, j]) ** 2)
            Q[0, j], Q[1, j] = Q[0, j] / nj, Q[1, j] / nj
        Qi = mp.inverse(Q)
        x = (M**t) * mp.matrix(x1)
        x_norm = mp.sqrt(abs(x[0]) ** 2 + abs(x[1]) ** 2)
        lam_t = [g**t for g in gam]
        Q = [[Q[i, j] for j in range(2)] for i in range(2)]
        Qi = [[Qi[i, j] for j in range(2)] for i in range(2)]
    x1n = num.sqrt(x1[0] ** 2 + x1[1] ** 2)
    lam_norm = max(abs(v) for v in lam_t)
    rho = max(abs(g) for g in gam)
    return {
        "x_norm": x_norm,
        "x1_norm": x1n,
        "Q_norm": _spectral(Q, num),
        "Qinv_norm": _spectral(Qi, num),
        "Lambda_t_norm": _spectral([[lam_t[0], 0], [0, lam_t[1]]], num),
        "max_gamma_t": lam_norm,
        "rho_t": rho**t,
        "beta_t_half": beta ** (num.num(t) / 2),
    }
