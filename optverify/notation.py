"""The notation every source shares: one sympy symbol per printed symbol, with one set of assumptions.

Import from here instead of creating symbols, so that β₁ in one source and β₁
in another are the same sympy object with the same assumptions::

    from optverify.notation import T, G, D, beta1, eta

A symbol particular to one text (a constant it alone names) is declared in
that text's claims file.  Two symbols that print alike but mean different
things (an index k and a constant k) get different names.
"""

from __future__ import annotations

import sympy as sp

__all__ = [
    "t", "T", "d", "i", "k", "n", "tau",
    "beta", "beta1", "beta2", "eps", "eta", "alpha", "gamma", "lam", "rho",
    "H", "G", "D", "D_inf", "D_2", "L", "mu", "sigma", "C", "Delta", "J",
    "g", "TABLE",
]

# indices and horizons
t = sp.Symbol("t", integer=True, positive=True)  #: the step t = 1, 2, …
T = sp.Symbol("T", integer=True, positive=True)  #: the horizon (number of steps)
d = sp.Symbol("d", integer=True, positive=True)  #: the dimension
i = sp.Symbol("i", integer=True, positive=True)  #: a coordinate index
k = sp.Symbol("k", integer=True, positive=True)  #: a summation index
n = sp.Symbol("n", integer=True, positive=True)  #: a count (samples, period)
tau = sp.Symbol("tau", integer=True, nonnegative=True)  #: a lag τ = 0, 1, …

# method parameters
beta = sp.Symbol("beta", positive=True)  #: a momentum / averaging parameter β
beta1 = sp.Symbol("beta_1", positive=True)  #: Adam's first-moment parameter β₁
beta2 = sp.Symbol("beta_2", positive=True)  #: Adam's second-moment parameter β₂
eps = sp.Symbol("epsilon", positive=True)  #: the ε in a denominator
eta = sp.Symbol("eta", positive=True)  #: a learning rate η
alpha = sp.Symbol("alpha", positive=True)  #: a learning rate α
gamma = sp.Symbol("gamma", positive=True)  #: a learning rate γ
lam = sp.Symbol("lambda", positive=True)  #: a regularisation or weight-decay coefficient λ
rho = sp.Symbol("rho", positive=True)  #: a decay rate ρ

# constants of the problem class
H = sp.Symbol("H", positive=True)  #: smoothness: ‖∇f(x) − ∇f(y)‖ ≤ H‖x − y‖
L = sp.Symbol("L", positive=True)  #: smoothness, where a text calls it L
G = sp.Symbol("G", positive=True)  #: a bound on gradient norms (Lipschitz constant)
D = sp.Symbol("D", positive=True)  #: a diameter or radius
D_inf = sp.Symbol("D_inf", positive=True)  #: an ℓ∞ radius D_∞
D_2 = sp.Symbol("D_2", positive=True)  #: an ℓ₂ radius D₂
Delta = sp.Symbol("Delta", positive=True)  #: the initial suboptimality Δ = L(w_1) − L(w_*)
J = sp.Symbol("J", positive=True)  #: second-order smoothness: ‖∇²L(x) − ∇²L(y)‖_op ≤ J‖x − y‖
mu = sp.Symbol("mu", positive=True)  #: strong convexity μ
sigma = sp.Symbol("sigma", positive=True)  #: the noise level σ
C = sp.Symbol("C", positive=True)  #: a constant C (Reddi et al.'s spike)

g = sp.Function("g")  #: a scalar gradient sequence g_1, g_2, …

#: name → (symbol, what it stands for), for the API reference and `optverify show`
TABLE = {s.name: (s, (lambda c: c)(doc)) for s, doc in [
    (t, "step"), (T, "horizon"), (d, "dimension"), (i, "coordinate index"), (k, "summation index"), (n, "count"),
    (tau, "lag"), (beta, "momentum β"), (beta1, "β₁"), (beta2, "β₂"), (eps, "ε"), (eta, "learning rate η"),
    (alpha, "learning rate α"), (gamma, "learning rate γ"), (lam, "regularisation λ"), (rho, "decay ρ"),
    (H, "smoothness H"), (L, "smoothness L"), (G, "gradient bound G"), (D, "diameter D"), (D_inf, "ℓ∞ radius"),
    (D_2, "ℓ₂ radius"), (mu, "strong convexity μ"), (sigma, "noise σ"), (C, "constant C"),
    (Delta, "initial gap Δ = L(w_1) − L(w_*)"), (J, "second-order smoothness J"),
]}

