"""The cubic-regularised Newton step, 003 section 25 (lines 3827 and 3861), declared once.

    w_{t+1} = w_t + delta*_t,
    delta*_t = argmin_delta <grad L(w_t), delta> + delta' grad^2 L(w_t) delta / 2 + J ||delta||^3 / 6

(003 line 3857 prints grad^2 L(w) without the index t; read as w_t.)  The subproblem is solved globally
by the step-language word ``vocabulary.cubic_step`` (eigendecomposition and bisection).
"""

from __future__ import annotations

from ..engine.declaration import REQUIRED, Param, State, Update
from .vocabulary import cubic_step, exact_grad, hessian_at


def cubic_newton_step(t, T, w, g, problem, H, Q, lam, gam, delta, J):
    exact_grad(problem, w, g)
    hessian_at(problem, w, H)
    cubic_step(g, H, J, lam, Q, gam, delta)
    for i in range(len(w)):
        w[i] = w[i] + delta[i]


UPDATES = (
    Update("cubic_newton", (Param("J", REQUIRED, float, "real"),),
           (State("H", ("d", "d")), State("Q", ("d", "d")), State("lam"), State("gam"), State("delta")),
           cubic_newton_step, "003 lines 3827, 3861",
           "Cubic-regularised Newton with exact gradients and Hessians: w_{t+1} = w_t + argmin_delta <grad L(w_t), "
           "delta> + delta' grad^2 L(w_t) delta / 2 + J ||delta||^3 / 6 (grad_mode is ignored; the tracker records "
           "grad L(w_t))."),
)
