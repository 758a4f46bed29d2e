"""001 Theorem 3.1 (lines 221–226): the bound for Algorithm 1, eq. (19).

The bound has unnamed constants A_0 … A_3.  A relation LHS ≤ A_1 S_1 + A_2 S_2 + A_3 S_3 + A_0 with finite
constants implies LHS ≤ max_i A_i · (S_1 + S_2 + S_3 + 1); it therefore fails for every choice of the constants
along any family of admissible instances on which LHS/(S_1 + S_2 + S_3 + 1) → ∞.  Two such families are checked:

* T → ∞ with α_t = 1/T on an exact instance satisfying Chen et al.'s (2018) assumptions (the theorem's
  "Assumption in Section II" is not in this paper; its statement is Chen et al.'s Theorem 3.1): the constants
  may depend on anything but T and α (Chen et al.'s C_1 … C_3 are independent of T, C_4 too, and grow with α);
* the loss multiplied by a → ∞ (constants depending on β1 and G only, as printed).
"""

import sympy as sp

from optverify.claims.adamal_paper_001._common import claim, n
from optverify import Corrected, Induction, InstanceSearch, Limit, Scaling, open_
from optverify.counterexamples.families import Measured, adamal_two_point
from optverify.verify.scaling import exponents

T = sp.Symbol("T", integer=True, positive=True)
Tc = sp.Symbol("T", positive=True)  # the same horizon, for the limit
FAM = adamal_two_point

# closed forms on the instance (see optverify/counterexamples/families/adamal_theorem.py), checked against the exact runs below
E_lhs = lambda T_: 3 * T_ / (4 * sp.sqrt(2))  # E[Σ_t ⟨∇f, ∇f/√v_t⟩] = T·E[v_1^{−1/2}], v_1 ∈ {8, 2}
E_lhs_alpha = lambda T_: E_lhs(T_) / T_  # α_t = 1/T
E_sums = lambda T_: (2 + sp.Rational(5, 16) * (T_ + 1)) / T_**2  # E[S_1 + S_2 + S_3], S_2 = S_3 = α²/v_1, E[1/v_1] = 5/16

# v_t stays at v_1 once v_1 ≥ g_t² = 1 (line 6: ĝ_t = max{g_t², v_{t−1}} = v_{t−1})
b = sp.Symbol("beta_1", positive=True)
w = sp.Symbol("w", nonnegative=True)
v_start = 1 + w  # v_1 ≥ 1

# loss scaling ℓ ↦ a ℓ (parameters fixed): how each quantity of (19) transforms
gradf, gg, v, alpha = sp.Symbol("gradf", real=True), sp.Symbol("g", real=True), sp.Symbol("v", positive=True), sp.Symbol("alpha", positive=True)
DIMS = {gradf: "grad", gg: "grad", v: "grad2", alpha: "param"}
p_lhs = exponents(gradf**2 / sp.sqrt(v), DIMS)[0]  # ⟨∇f, ∇f/√v⟩
p_1 = exponents(alpha**2 * gg**2 / v, DIMS)[0]  # ‖α g/√v‖²
p_23 = exponents((alpha / sp.sqrt(v)) ** 2, DIMS)[0]  # ‖α/√v − α'/√v'‖²
a = sp.Symbol("a", positive=True)
T0 = 2  # the instance of the family at T = 2: LHS, S_1, S_2 + S_3 as above
scaled_lhs = a**p_lhs * E_lhs(T0)
scaled_rhs = a**p_1 * (2 + sp.Rational(5, 16) * (T0 - 1)) / T0**2 + a**p_23 * 2 * sp.Rational(5, 16) / T0**2 + 1

# the corrected (Chen et al.) form: constants with the dimensions of L, H, f(x_1) − f*
L_, H_, Delta = sp.Symbol("L", positive=True), sp.Symbol("H", positive=True), sp.Symbol("Delta", positive=True)
chen_lhs = alpha * gradf**2 / sp.sqrt(v)
chen_rhs = L_ * alpha**2 * gg**2 / v + H_**2 * alpha / sp.sqrt(v) + L_ * H_**2 * alpha**2 / v + Delta

CLAIMS = [
    claim("Thm 3.1", 221, "a bound for AdamAL (eq. (19))", "expectation bound",
          "E[Σ_t ⟨∇f(x_t), ∇f(x_t)/√v_t⟩] ≤ E[A_1 Σ‖α_t g_t/√v_t‖² + A_2 Σ‖α_t/√v_t − α_{t−1}/√v_{t−1}‖² + A_3 Σ_{t<T} ‖…‖²] + A_0",
          end_line=226,
          hypotheses=[
              "instance: Chen et al.'s assumptions (f bounded below, L-smooth, ‖∇f‖ ≤ H, ‖g_t‖ ≤ H, unbiased independent noise): f the Huber "
              "function (L = 1, |∇f| ≤ 1), g_t = ∇f(x_t) + ζ_t with ζ_1 = ±3 (probability ½ each), ζ_t = 0 for t ≥ 2 (H = 4); Algorithm 1 as "
              "printed with β1 = β_{1,t} = 1/2, x_1 = 3, X = R, α_t = 1/T; ‖α_t m_t/√v_t‖ ≤ G = √2 on every run",
              "the t = 1 terms of the A_2, A_3 sums contain α_0/√v_0 with v_0 = 0: read as α_0/√v_0 = 0 (Chen et al. start these sums at t = 2; "
              "either way they vanish as T → ∞ here)",
              "A_0 … A_3 are constants: independent of T and of the step size α (as printed, they depend on β1 and G only)",
              "the check reduces '≤ A_1 S_1 + A_2 S_2 + A_3 S_3 + A_0 for some constants' to 'LHS = O(S_1 + S_2 + S_3 + 1)' along the family: "
              "a ratio → ∞ defeats every choice of constants",
          ],
          checks=[
              InstanceSearch(Measured(FAM, "hyp_gap"), sp.Integer(0), part="instance: the hypotheses hold on the runs (G = √2, ∇f(x_t) = 1)"),
              Induction(lambda k_: v_start, lambda prev, k_: b * prev + (1 - b) * sp.Max(1, prev), n, 1, v_start, domain={b: open_(0, 1)},
                        part="instance: v_t = v_1 for all t once v_1 ≥ 1 ≥ g_t²"),
              InstanceSearch(Measured(FAM, "E_lhs"), E_lhs(T), rel="==", part="instance: E[LHS] = 3T/(4√2) (exact runs)"),
              InstanceSearch(Measured(FAM, "E_sums"), E_sums(T), rel="==", part="instance: E[S_1 + S_2 + S_3] = (2 + 5(T + 1)/16)/T² (exact runs)"),
              Limit(E_lhs(Tc), E_sums(Tc) + 1, Tc, sp.oo, expect="finite",
                    part="T → ∞ with α_t = 1/T: E[LHS] = O(E[S_1 + S_2 + S_3] + 1)"),
              Limit(scaled_lhs, scaled_rhs, a, sp.oo, expect="finite",
                    part="loss × a (A_i depending on β1, G only): LHS = O(S_1 + S_2 + S_3 + 1)"),
          ],
          corrected=Corrected(
              "Chen et al. (2018, Thm 3.1): E[Σ_t α_t ⟨∇f(x_t), ∇f(x_t)/√v_t⟩] ≤ E[C_1 Σ‖α_t g_t/√v_t‖² + C_2 Σ_{t≥2} ‖α_t/√v_t − "
              "α_{t−1}/√v_{t−1}‖_1 + C_3 Σ_{t=2}^{T−1} ‖α_t/√v_t − α_{t−1}/√v_{t−1}‖²] + C_4, the constants depending on L, H, G, β1 "
              "(C_4 also on f(x_1) − f*), not on T",
              "the left side needs the step size α_t; the second sum is an ℓ1 norm; the constants carry the dimensions of L, H and f(x_1) − f*",
              checks=[
                  Scaling(chen_lhs, chen_rhs, {**DIMS, L_: "hess", H_: "grad", Delta: "loss"},
                          part="every term scales like the left side (C_1 ~ L, C_2 ~ H², C_3 ~ L H², C_4 ~ f(x_1) − f*)"),
                  InstanceSearch(Measured(FAM, "E_lhs_alpha"), E_lhs_alpha(T), rel="==", part="instance: E[Σ α_t ⟨…⟩] = 3/(4√2)"),
                  Limit(E_lhs_alpha(Tc), E_sums(Tc) + 1, Tc, sp.oo, expect="finite",
                        part="on the refuting family the corrected left side stays O(S_1 + S_2 + S_3 + 1)"),
              ],
          )),
]
