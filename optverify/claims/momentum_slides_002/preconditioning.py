"""002, lines 258–298: preconditioning by an affine change of variables, P = RRᵀ."""

import sympy as sp

from optverify.claims.momentum_slides_002._common import claim, eta
from optverify import Identity, NotCheckable

d = sp.Symbol("d", integer=True, positive=True)
R2 = sp.Matrix(2, 2, sp.symbols("r_11 r_12 r_21 r_22", real=True))
u = sp.Matrix(sp.symbols("u_1 u_2", real=True))
A = sp.Matrix([[sp.Symbol("a_11", real=True), sp.Symbol("a_12", real=True)], [sp.Symbol("a_12", real=True), sp.Symbol("a_22", real=True)]])
bvec = sp.Matrix(sp.symbols("b_1 b_2", real=True))
F = sp.Function("F")


def f_of(w):
    """A generic smooth function of two variables (an undefined sympy function)."""
    return F(w[0], w[1])


def grad_f_at(w):
    x1, x2 = sp.symbols("x_1 x_2", real=True)
    return sp.Matrix([sp.diff(F(x1, x2), x1), sp.diff(F(x1, x2), x2)]).subs({x1: w[0], x2: w[1]})


g_u = f_of(R2 * u)
grad_g = sp.Matrix([sp.diff(g_u, u[0]), sp.diff(g_u, u[1])])
Rs = sp.MatrixSymbol("R", d, d)
xs = sp.MatrixSymbol("x", d, 1)

CLAIMS = [
    claim(None, 263, "change of variables", "definition", "g(u) = f(Ru)", checks=[NotCheckable("definition")]),
    claim(None, 269, "GD on g", "identity", "u_{t+1} = u_t − η∇g(u_t) = u_t − ηRᵀ∇f(Ru_t)",
          hypotheses=["f a generic differentiable function of two variables, R a 2×2 matrix (the chain rule)"],
          checks=[Identity(u - eta * grad_g, u - eta * R2.T * grad_f_at(R2 * u))]),
    claim(None, 273, "the same iteration in w = Ru", "identity", "w_{t+1} = w_t − ηRRᵀ∇f(w_t)",
          hypotheses=["multiply line 269 by R; w = Ru"],
          checks=[Identity(R2 * (u - eta * R2.T * grad_f_at(R2 * u)), R2 * u - eta * R2 * R2.T * grad_f_at(R2 * u))]),
    claim(None, 279, "P = RRᵀ is positive semidefinite", "property", "xᵀRRᵀx = ‖Rᵀx‖² ≥ 0 for every x",
          checks=[Identity((xs.T * Rs * Rs.T * xs)[0, 0], ((Rs.T * xs).T * (Rs.T * xs))[0, 0],
                           note="xᵀPx is the squared norm of Rᵀx, a sum of squares")]),
]
