"""Local truncation error of the two integrators of 003 §14 (lines 2025–2031) against their ODE, by sympy series.

The ODE as printed (line 2027) in one coordinate: dw/dt = u, du/dt = −a u + b L′(w), with a = 1 − β, b = η.  The
printed updates are its steps in u = −v (003:L2029): with time step h,

* Euler (equations (5)–(6)):  u⁺ = u + h(−a u + b L′(w)),            w⁺ = w + h u⁺;
* two-step (line 2031):       u⁺ = (1 − ha)u + h b L′(w + h(1 − ha)u),  w⁺ = w + h u⁺,

which at h = 1 are v_t = βv_{t−1} − η∇L(w_t), w_{t+1} = w_t − v_t and the printed two-step integrator (v = −u).  The
exact flow over time h is expanded from the ODE's derivatives; L′, L″, L‴ at w are the symbols g0, g1, g2, so each
coefficient of the local error is a polynomial in (a, b, u, g0, g1, g2): any values are those of a quadratic or cubic
loss at w.
"""

from __future__ import annotations

import sympy as sp

h = sp.Symbol("h", positive=True)
a, b = sp.symbols("a b", nonnegative=True)
w, u = sp.symbols("w u", real=True)
G = sp.symbols("g0:4", real=True)  # L′(w), L″(w), L‴(w), L⁗(w)
_Lp = sp.Function("Lp")  # L′


def _jet(expr):
    """Replace L′(w), L″(w), … by g0, g1, …."""
    expr = expr.doit()
    for k in reversed(range(len(G))):
        expr = expr.subs(sp.diff(_Lp(w), w, k) if k else _Lp(w), G[k])
    return expr


def _series(expr, order):
    """Taylor coefficients in h up to h^order of an expression in h, L′ evaluated at points w + O(h)."""
    s = sp.series(expr, h, 0, order + 1).removeO()
    return sp.expand(_jet(s))


def exact_flow(order: int):
    """(w(h), u(h)) of the ODE from (w, u), as polynomials in h up to h^order."""
    W, U = w, u
    dW, dU = U, -a * U + b * _Lp(W)
    derivs_w, derivs_u = [W], [U]
    cur_w, cur_u = W, U
    for _ in range(order):  # d/dt along the flow: ∂/∂w · u + ∂/∂u · (−au + bL′(w))
        cur_w, cur_u = (sp.diff(cur_w, w) * dW + sp.diff(cur_w, u) * dU, sp.diff(cur_u, w) * dW + sp.diff(cur_u, u) * dU)
        derivs_w.append(cur_w)
        derivs_u.append(cur_u)
    wh = sum(derivs_w[k] * h**k / sp.factorial(k) for k in range(order + 1))
    uh = sum(derivs_u[k] * h**k / sp.factorial(k) for k in range(order + 1))
    return sp.expand(_jet(wh)), sp.expand(_jet(uh))


def euler_step():
    u1 = u + h * (-a * u + b * _Lp(w))
    return w + h * u1, u1


def two_step():
    u1 = (1 - h * a) * u + h * b * _Lp(w + h * (1 - h * a) * u)
    return w + h * u1, u1


STEPS = {"euler": euler_step, "two_step": two_step}


def local_error(name: str, order: int = 3) -> dict:
    """{"w": [c_0, …, c_order], "u": [...]}: the coefficients of h^k in (step − exact flow), k ≤ order."""
    wx, ux = exact_flow(order)
    ws, us = STEPS[name]()
    out = {}
    for comp, s, x in (("w", ws, wx), ("u", us, ux)):
        e = sp.expand(_series(s, order) - x)
        out[comp] = [sp.factor(e.coeff(h, k)) for k in range(order + 1)]
    return out


def leading_order(name: str, order: int = 3) -> int:
    """The smallest k with a non-zero h^k coefficient of the local error (either component)."""
    err = local_error(name, order)
    return min(k for k in range(order + 1) if err["w"][k] != 0 or err["u"][k] != 0)
