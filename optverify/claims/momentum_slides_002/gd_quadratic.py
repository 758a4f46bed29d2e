"""002, lines 29–76 and 230–256: gradient descent on f(w_1, w_2) = L/2 w_1² + μ/2 w_2², and the optimal step size."""

import sympy as sp

from optverify.claims.momentum_slides_002._common import L, T, claim, eta, mu, w1, w2
from optverify import Corrected, Identity, Induction, Inequality, NotCheckable, ParameterChoice, closed, integers, left_open
from optverify.claims.momentum_slides_002 import proofs

f = L / 2 * w1**2 + mu / 2 * w2**2
w10, w20 = sp.symbols("w_10 w_20", real=True)
n = sp.Symbol("n", integer=True, positive=True)
a_, b_ = sp.symbols("a b", nonnegative=True)  # |1 − ηL|^{2T}, |1 − ημ|^{2T}
a_, b_ = sp.symbols("a b", nonnegative=True)  # a = |1 − ηL|^{2T}, b = |1 − ημ|^{2T}
F_RATE = L / 2 * a_ * w10**2 + mu / 2 * b_ * w20**2  # f(w_T), lines 49–51
K_RATE = L / 2 * w10**2 + mu / 2 * w20**2  # the constant in front of max(a, b)
RATE_BOX = {L: left_open(0, 10), mu: left_open(0, 10), a_: closed(0, 4), b_: closed(0, 4), w10: closed(-3, 3), w20: closed(-3, 3)}
DOM = {L: left_open(0, 10), mu: left_open(0, 10), eta: left_open(0, 2), n: integers(1, 20), T: integers(1, 20)}


def _gd_update(coord_grad, w):
    return w - eta * coord_grad


def _gd_claims(first_line, second_line, suffix=""):
    return [
        claim(None, first_line, "GD on the first coordinate" + suffix, "identity", "w_{1,t+1} = w_{1,t} − ηL w_{1,t} is GD with step η",
              checks=[Identity(_gd_update(sp.diff(f, w1), w1), w1 - eta * L * w1)]),
        claim(None, second_line, "GD on the second coordinate" + suffix, "identity", "w_{2,t+1} = w_{2,t} − ημ w_{2,t} is GD with step η",
              checks=[Identity(_gd_update(sp.diff(f, w2), w2), w2 - eta * mu * w2)]),
    ]


rate = sp.Max(sp.Abs(1 - eta * L), sp.Abs(1 - eta * mu))

CLAIMS = [
    claim(None, 33, "the two-dimensional quadratic", "definition", "f(w_1, w_2) = L/2 w_1² + μ/2 w_2²",
          checks=[NotCheckable("definition of the example function")]),
    claim(None, 37, "its Hessian", "identity", "∇²f = diag(L, μ)",
          checks=[Identity(sp.hessian(f, (w1, w2)), sp.Matrix([[L, 0], [0, mu]]))]),
    *_gd_claims(41, 43),
    claim(None, 49, "GD iterates on the first coordinate", "identity", "w_{1,T} = (1 − ηL)^T w_{1,0}",
          checks=[Induction(lambda k: (1 - eta * L) ** k * w10, lambda prev, k: prev - eta * L * prev, n, 0, w10, domain=DOM)]),
    claim(None, 51, "GD iterates on the second coordinate", "identity", "w_{2,T} = (1 − ημ)^T w_{2,0}",
          checks=[Induction(lambda k: (1 - eta * mu) ** k * w20, lambda prev, k: prev - eta * mu * prev, n, 0, w20, domain=DOM)]),
    claim(None, 56, "loss after T steps", "identity",
          "f(w_T) = L/2 (1 − ηL)^{2T} w_{1,0}² + μ/2 (1 − ημ)^{2T} w_{1,0}²",
          hypotheses=["w_T from lines 49–51; the second term is printed with w_{1,0}"],
          checks=[Identity(f.subs({w1: (1 - eta * L) ** T * w10, w2: (1 - eta * mu) ** T * w20}),
                           L / 2 * (1 - eta * L) ** (2 * T) * w10**2 + mu / 2 * (1 - eta * mu) ** (2 * T) * w10**2, domain=DOM)],
          corrected=Corrected("f(w_T) = L/2 (1 − ηL)^{2T} w_{1,0}² + μ/2 (1 − ημ)^{2T} w_{2,0}²", "the second coordinate starts at w_{2,0}",
                              checks=[Identity(f.subs({w1: (1 - eta * L) ** T * w10, w2: (1 - eta * mu) ** T * w20}),
                                               L / 2 * (1 - eta * L) ** (2 * T) * w10**2 + mu / 2 * (1 - eta * mu) ** (2 * T) * w20**2, domain=DOM)])),
    claim(None, 60, "asymptotic rate of GD", "rate", "f(w_T) = O(max(|1 − ηL|^{2T}, |1 − ημ|^{2T}))",
          hypotheses=["with a = |1 − ηL|^{2T}, b = |1 − ημ|^{2T} ≥ 0: f(w_T) = L/2 a w_{1,0}² + μ/2 b w_{2,0}² ≤ "
                      "(L/2 w_{1,0}² + μ/2 w_{2,0}²)·max(a, b), a constant independent of T times max(a, b)"],
          checks=[Identity(K_RATE * sp.Max(a_, b_) - F_RATE, L / 2 * w10**2 * sp.Max(0, b_ - a_) + mu / 2 * w20**2 * sp.Max(0, a_ - b_),
                           domain=RATE_BOX, part="difference", note="max(a, b) − a = max(0, b − a), max(a, b) − b = max(0, a − b)"),
                  Inequality(L / 2 * w10**2 * sp.Max(0, b_ - a_) + mu / 2 * w20**2 * sp.Max(0, a_ - b_), ">=", sp.Integer(0), RATE_BOX,
                             part="sign")]),
    claim(None, 72, "the optimal step size", "identity", "η = 2/(L + μ) minimises the GD rate max(|1 − ηL|, |1 − ημ|)",
          hypotheses=["L ≥ μ > 0 (written L = μ + k, k ≥ 0); 'optimal (for convergence)' read as minimising the contraction factor"],
          checks=[
              ParameterChoice(rate.subs(L, mu + sp.Symbol("k", nonnegative=True)), eta, 2 / (2 * mu + sp.Symbol("k", nonnegative=True)),
                              {mu: left_open(0, 5), sp.Symbol("k", nonnegative=True): closed(0, 20)}, (0, 2)),
              Identity(sp.Abs(1 - 2 / (L + mu) * L), sp.Abs(1 - 2 / (L + mu) * mu), domain={L: left_open(0, 10), mu: left_open(0, 10)},
                       part="at η = 2/(L + μ) the two contraction factors are equal"),
              proofs.L72(rate, eta, L, mu),
          ]),
    claim(None, 236, "the two-dimensional quadratic (again)", "definition", "f(w_1, w_2) = L/2 w_1² + μ/2 w_2²",
          checks=[NotCheckable("definition, repeated from line 33")]),
    *_gd_claims(240, 244, " (again)"),
    claim(None, 252, "level set", "definition", "C = L/2 w_1² + μ/2 w_2²", checks=[NotCheckable("definition of a level set")]),
]

# Performance estimation (issue 12): the rate over every μ-strongly convex L-smooth f, the class line 206 speaks of.
from optverify import PerformanceEstimation  # noqa: E402

_D = sp.Symbol("D", positive=True)
next(c for c in CLAIMS if c.source.line == 60).add_checks(
    PerformanceEstimation("smooth strongly convex", "gradient descent", "last gap", T, rhs=L / 2 * _D**2 * rate ** (2 * T), L=L, mu=mu,
                          params={"step": eta}, radius=_D, constants={L: 1, _D: 1, mu: closed(sp.Rational(1, 20), sp.Rational(9, 10)), eta: closed(sp.Rational(1, 10), sp.Rational(19, 10))},
                          part="sign",
                          wider_class="the slide's f is one quadratic L/2 w_1² + μ/2 w_2²; F_{μ,L} contains it, so a bound that holds on F_{μ,L} holds "
                                      "for it, but a worst case of F_{μ,L} above the bound would not be an instance of the claim",
                          note="the consequence f(w_T) ≤ L/2 ‖w_0‖² max(a, b) of the reading (K ≤ L/2 ‖w_0‖²), over the wider class F_{μ,L}; "
                               "normalised L = 1, D = 1 (the bound is homogeneous in the loss scale and in the parameters); η, μ sampled"),
    hypotheses=["performance estimation: the same rate with constant L/2 ‖w_0 − w*‖², over every μ-strongly convex L-smooth f (μ < L = 1, "
                "η ∈ [0.1, 1.9], ‖w_0 − w*‖ ≤ 1): evidence beside the proof, never a refutation of the quadratic's claim"])
