"""The claims of notes.md (Lecture 4: worst cases of first-order methods), decided by performance estimation.

Run ``optverify run --claims examples/performance_estimation/pep_claims.py 'pep:*'``: Theorem 3 (a wrong
exponent) is refuted by a function whose class membership and run are replayed at 50 digits; the others
are consistent with the exact worst case per N beside the printed bound.  Theorems 1 and 2 are tight:
``optverify check 'pep:Thm 1' --claims examples/performance_estimation/pep_claims.py --scale 0.9`` is
refuted by a replayed instance, and ``optverify tighten 'pep:Thm 1' --claims …`` prints the sharp constant 1 per N.
"""

from pathlib import Path

import sympy as sp

import optverify as ov
from optverify.notation import D, G, H, T

notes = ov.Source(Path(__file__).with_name("notes.md"), name="pep")
N = sp.Symbol("N", integer=True, positive=True)
SYMS = {"H": H, "D": D, "N": N}
NORMALISED = "H = D = 1 (G = D = 1): the bound is homogeneous in the loss scale and in the parameter scale"

notes.claim("Thm 1", 5, "gradient descent's tight rate", "inequality", "f(x_N) − f(x*) ≤ H D²/(4N + 2)", end_line=7,
            hypotheses=["f convex and H-smooth, ‖x_0 − x*‖ ≤ D, x_{k+1} = x_k − ∇f(x_k)/H", NORMALISED],
            symbols=SYMS, bound=H * D**2 / (4 * N + 2),
            checks=[ov.PerformanceEstimation("smooth convex", "gradient descent", "last gap", N, rhs=ov.BOUND, L=H, params={"step": 1 / H},
                                             radius=D, constants={H: 1, D: 1}, tight=H * D**2 / (4 * N + 2),
                                             tight_reference="Drori & Teboulle (2014), Theorem 3.1, attained by a Huber function")])

notes.claim("Thm 2", 9, "the subgradient method", "inequality", "min_{0≤k≤N} f(x_k) − f(x*) ≤ G D/√(N + 1)", end_line=11,
            hypotheses=["f convex, every subgradient of norm ≤ G, ‖x_0 − x*‖ ≤ D, x_{k+1} = x_k − D/(G√(N+1)) g_k with g_k ∈ ∂f(x_k) "
                        "(any choice of subgradient)", NORMALISED],
            symbols={"G": G, "D": D, "N": N}, bound=G * D / sp.sqrt(N + 1),
            checks=[ov.PerformanceEstimation("convex lipschitz", "gradient descent", "min gap", N, rhs=ov.BOUND, G=G,
                                             params={"step": D / (G * sp.sqrt(N + 1))}, radius=D, constants={G: 1, D: 1},
                                             tight=G * D / sp.sqrt(N + 1),
                                             tight_reference="Drori & Teboulle (2016), §3.2.3; tight by the lower complexity bound (Nesterov 2004, §3.2.1)")])

notes.claim("Thm 3", 13, "a faster rate", "inequality", "f(x_N) − f(x*) ≤ H D²/(4N² + 2)", end_line=15,
            hypotheses=["the assumptions of Theorem 1", NORMALISED],
            symbols=SYMS, bound=H * D**2 / (4 * N**2 + 2),
            checks=[ov.PerformanceEstimation("smooth convex", "gradient descent", "last gap", N, rhs=ov.BOUND, L=H, params={"step": 1 / H},
                                             radius=D, constants={H: 1, D: 1}, tight=H * D**2 / (4 * N + 2),
                                             tight_reference="Drori & Teboulle (2014), Theorem 3.1")])

notes.claim("Thm 4", 17, "regret of online gradient descent", "inequality", "Σ_t f_t(x_t) − f_t(u) ≤ G D √T", end_line=19,
            hypotheses=["f_1 … f_T convex, subgradients of norm ≤ G, ‖x_1 − u‖ ≤ D, x_{t+1} = x_t − D/(G√T) g_t, g_t ∈ ∂f_t(x_t); "
                        "indexed from 0 in the check (x_0 … x_{T−1})", NORMALISED],
            symbols={"G": G, "D": D, "T": T}, bound=G * D * sp.sqrt(T),
            checks=[ov.PerformanceEstimation("convex lipschitz", "online gradient descent", "regret", T, rhs=ov.BOUND, G=G,
                                             params={"step": D / (G * sp.sqrt(T))}, radius=D, constants={G: 1, D: 1})])

notes.claim("Thm 5", 21, "Nesterov's accelerated rate", "inequality", "f(x_N) − f(x*) ≤ 2 H D²/(N + 1)²", end_line=23,
            hypotheses=["the assumptions of Theorem 1; y_0 = x_0, k counted from 0", NORMALISED],
            symbols=SYMS, bound=2 * H * D**2 / (N + 1) ** 2,
            checks=[ov.PerformanceEstimation("smooth convex", "nesterov", "last gap", N, rhs=ov.BOUND, L=H,
                                             params={"step": 1 / H, "beta": ov.pep_k / (ov.pep_k + 3)}, radius=D, constants={H: 1, D: 1})])
