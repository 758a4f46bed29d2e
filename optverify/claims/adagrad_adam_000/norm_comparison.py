"""000 lines 101–137: comparing the bounds of Theorems 2 and 3; the equality case; the 1-hot example."""

import sympy as sp

from optverify.claims.adagrad_adam_000._common import D_2, D_inf, claim, d, i, t, T
from optverify import Corrected, Identity, InstanceSearch, Limit, integers
from optverify.counterexamples.families import Measured, gradient_matrix, onehot_half_norm, sign_patterns, sparse_onehot
from optverify.claims.adagrad_adam_000 import proofs

sym = sp.symbols("sum_sqrt sqrt_total two_norm inf_norm E_sum_sqrt E_sqrt_norm", nonnegative=True)
sum_sqrt, sqrt_total, two_norm, inf_norm, E_sum_sqrt, E_sqrt_norm = sym
dd = sp.Symbol("d", positive=True)  # d as a family value (a float)
TT = sp.Symbol("T", positive=True)
G = sp.Function("G")  # G(t, i) = g_t[i]²
X = sp.Symbol("X", nonnegative=True)
w = sp.Symbol("w", nonnegative=True)
wr = sp.Symbol("w", real=True)  # 'some constant w' (line 120)
wnz = sp.Symbol("w", real=True, nonzero=True)

CLAIMS = [
    claim(None, 101, "the infinity norm is at most the 2-norm", "inequality", "‖x‖_∞ ≤ ‖x‖₂ for every x ∈ R^d",
          printed="The infinity norm is always smaller than the 2-norm",
          hypotheses=["'smaller' read as ≤ (the two are equal for vectors with one non-zero coordinate)"],
          checks=[InstanceSearch(Measured(gradient_matrix, "inf_norm"), two_norm),
                  proofs.L101()]),
    claim(None, 110, "(1) can be bigger than (2)", "existence", "Σ_i √(Σ_t g_t[i]²) > √(Σ_t ‖g_t‖²) for some g_1, …, g_T",
          printed="It is possible for (1) to be bigger than (2).",
          hypotheses=["'possible' read as: some gradient sequence makes (1) strictly bigger than (2) (a witness replayed at 50 digits)"],
          checks=[InstanceSearch(Measured(gradient_matrix, "sum_sqrt"), sqrt_total, quantifier="exists")]),
    claim(None, 112, "Cauchy–Schwarz comparison of (1) and (2)", "inequality",
          "Σ_i √(Σ_t g_t[i]²) ≤ √d √(Σ_i Σ_t g_t[i]²) = √d √(Σ_t Σ_i g_t[i]²) = √(d Σ_t ‖g_t‖²)", end_line=116,
          checks=[
              InstanceSearch(Measured(gradient_matrix, "sum_sqrt"), sp.sqrt(dd) * sqrt_total, part="line 112: Cauchy–Schwarz"),
              Identity(sp.Sum(sp.Sum(G(t, i), (t, 1, T)), (i, 1, d)).reorder((0, 1)), sp.Sum(sp.Sum(G(t, i), (i, 1, d)), (t, 1, T)),
                       domain={d: integers(1, 5), T: integers(1, 5)}, part="line 114: exchange of the finite sums"),
              Identity(sp.sqrt(d) * sp.sqrt(X), sp.sqrt(d * X), part="line 116: √d·√X = √(dX) for X ≥ 0"),
              proofs.L112("line 112: Cauchy–Schwarz"),
          ]),
    claim(None, 122, "norms of w* = (±w, …, ±w)", "identity", "‖w*‖₂ = w√d = ‖w*‖_∞√d",
          hypotheses=["w is 'some constant w' (line 120): any real number; the entries of w* are ±w"],
          checks=[
              Identity(sp.sqrt(sp.Sum(wr**2, (i, 1, d)).doit()), wr * sp.sqrt(d), domain={d: integers(1, 8)}, part="‖w*‖₂ = w√d"),
              InstanceSearch(Measured(gradient_matrix, "D_2"), sp.sqrt(dd) * sp.Symbol("D_inf", positive=True), rel="==",
                             part="‖w*‖₂ = ‖w*‖_∞ √d on sign vectors"),
              proofs.L122("‖w*‖₂ = ‖w*‖_∞ √d on sign vectors"),
          ],
          corrected=Corrected(
              "‖w*‖₂ = |w|√d = ‖w*‖_∞√d, which is w√d for w ≥ 0",
              "a negative constant w gives the same vectors (±w, …, ±w) but ‖w*‖₂ = |w|√d = −w√d",
              checks=[Identity(sp.sqrt(sp.Sum(wr**2, (i, 1, d)).doit()), sp.Abs(wr) * sp.sqrt(d), domain={d: integers(1, 8)},
                               part="‖w*‖₂ = |w|√d"),
                      Identity(sp.sqrt(sp.Sum(w**2, (i, 1, d)).doit()), w * sp.sqrt(d), part="w√d for w ≥ 0")],
          )),
    claim(None, 128, "sign patterns of w*", "identity", "w* = (±w, …, ±w) takes 2^d different values",
          printed="it does still allow for  $2^d$  possible different values",
          hypotheses=["w is 'some constant w' (line 120), any real number; the values of w* are counted by enumerating the 2^d "
                      "sign vectors (d ≤ 8, w ∈ [−3, 3], w = 0 among the examples)",
                      "the rest of the sentence ('some non-trivial optimization must happen to learn w*') names no quantity"],
          checks=[InstanceSearch(Measured(sign_patterns, "count"), 2**dd, rel="==", part="|{(±w, …, ±w)}| = 2^d")],
          corrected=Corrected(
              "for w ≠ 0, w* = (±w, …, ±w) takes 2^d different values (w = 0 gives the single point w* = 0)",
              "w and −w are two values only when w ≠ 0",
              checks=[Identity((2 - sp.KroneckerDelta(wnz, 0)) ** d, 2**d, domain={d: integers(1, 8)},
                               part="|{w, −w}|^d = 2^d, w ≠ 0",
                               note="the product set {w, −w}^d has |{w, −w}|^d elements; |{w, −w}| = 2 − [w = 0]")],
          )),
    claim(None, 126, "AdaGrad's bound is at most AdaGrad-norm's when w* = (±w, …, ±w)", "inequality",
          "D_∞ Σ_i √(Σ_t g_t[i]²) ≤ D_2 √(Σ_t ‖g_t‖²)",
          hypotheses=["w* = (±w, …, ±w), D_∞ = ‖w*‖_∞, D_2 = ‖w*‖₂; equality when every column has the same Σ_t g_t[i]²"],
          checks=[InstanceSearch(Measured(gradient_matrix, measured_expr=D_inf * sum_sqrt), D_2 * sqrt_total),
                  proofs.L126()]),
    claim(None, 132, "1-hot sparse gradients: AdaGrad's bound", "expectation bound",
          "E[D_∞ Σ_i √(g²_{1:t}[i])] ≤ D_∞ Σ_i √(T/i²) = D_∞ √T Σ_i 1/i = O(D_∞ log(d) √T)", end_line=133,
          hypotheses=["g_t is 1-hot; coordinate i is ±1 with probability ∝ 1/i²", "the printed g²_{1:t} is read at t = T"],
          checks=[
              InstanceSearch(Measured(sparse_onehot, measured_expr=D_inf * E_sum_sqrt),
                             D_inf * sp.Sum(sp.sqrt(T / i**2), (i, 1, d)), part="expectation ≤ D_∞ Σ √(T/i²)"),
              Identity(sp.Sum(sp.sqrt(T / i**2), (i, 1, d)), sp.sqrt(T) * sp.Sum(1 / i, (i, 1, d)),
                       domain={d: integers(1, 12), T: integers(1, 50)}, part="Σ √(T/i²) = √T Σ 1/i"),
              Limit(sp.harmonic(d), sp.log(d), d, sp.oo, expect="finite", part="Σ_{i≤d} 1/i = O(log d)"),
          ]),
    claim(None, 137, "1-hot sparse gradients: AdaGrad-norm's bound", "identity",
          "E[D_2 √(‖g‖²_{1:T})] = D_2 √T",
          hypotheses=["as line 130: ‖g_t‖ = 1 at every step"],
          checks=[
              InstanceSearch(Measured(sparse_onehot, measured_expr=D_2 * E_sqrt_norm), D_2 * sp.sqrt(T), rel="=="),
              Identity(D_2 * sp.sqrt(sp.Sum(1, (t, 1, T))), D_2 * sp.sqrt(T),
                       note="every g_t is 1-hot with entry ±1, so ‖g_t‖² = 1 and ‖g‖²_{1:T} = Σ_t 1 on every outcome"),
          ]),
    claim(None, 139, "AdaGrad's bound is significantly better when D_∞ is significantly less than D_2", "inequality",
          "D_∞ ≤ D_2/2 ⇒ E[D_∞ Σ_i √(g²_{1:T}[i])] ≤ E[D_2 √(‖g‖²_{1:T})]/2",
          printed="so long as  $D_{\\infty}$  is significantly less than  $D_2$ , the bound will be significantly better using AdaGrad",
          hypotheses=["the setting of line 130; the bounds compared are the expectations of lines 132 and 137",
                      "'significantly less' and 'significantly better' read as: by a factor of at least 2 (the same factor in both)",
                      "D_2/√d ≤ D_∞ ≤ D_2/2, as the norms of a w* ∈ ℝ^d with D_∞ ≤ D_2/2 are (so d ≥ 4); d ≤ 12, T ≤ 40 (exact "
                      "binomial expectations)"],
          checks=[InstanceSearch(Measured(onehot_half_norm, measured_expr=D_inf * E_sum_sqrt), D_2 * E_sqrt_norm / 2)],
          notes="lines 132–137 compare D_∞√T Σ_{i≤d} 1/i with D_2√T; the sentence drops the factor Σ_{i≤d} 1/i ≈ log d, which "
                "exceeds any fixed factor once d is large (at d = 4 already Σ 1/i = 25/12 > 2)",
          corrected=Corrected(
              "E[D_∞ Σ_i √(g²_{1:T}[i])] ≤ (D_∞ Σ_{i≤d} 1/i / D_2)·E[D_2 √(‖g‖²_{1:T})]: AdaGrad's bound is better by a factor k "
              "when D_∞ Σ_{i≤d} 1/i ≤ D_2/k",
              "the comparison of lines 132 and 137 carries Σ_{i≤d} 1/i: D_∞ must be small against D_2/log d, not D_2",
              checks=[InstanceSearch(Measured(sparse_onehot, measured_expr=D_inf * E_sum_sqrt),
                                     D_inf * sp.Sum(1 / i, (i, 1, d)) * E_sqrt_norm)],
          )),
]
