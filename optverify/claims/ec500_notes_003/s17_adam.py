"""003 §17, lines 2435–2555: Adam (Algorithm 12), de-biasing, momentum as averaging, the convergence failure of Adam.

The section reprints 000 §2; claims stating the same mathematics reuse 000's checks (``_reprint_000``).  Where 003
prints differently, the claim is written here:

* Algorithm 12 prints m_t = β1 m_{t−1} + (1 − β1) g_t; 000's Algorithm 1 (000:Alg 1) prints − (1 − β1) g_t and is refuted
  there — Algorithm 12 is checked as printed (it descends);
* line 2500 prints the last term β1^{t−1} (000:L231 prints β_t^{t−1});
* line 2506 decomposes g_t (000:L237 names it q_t);
* line 2550: with Algorithm 12's plus sign, β1 = β2 = 0 is the sign update (000:L281 is refuted through Algorithm 1's sign).

Adam is also printed in 002 (002:L324–002:L365: the moments named the other way round, ε inside the root) and in 004
(004:L243, 004:L319: ε inside the root); each printing is checked where it stands.
"""

import sympy as sp

from optverify import NotCheckable
from optverify.claims.ec500_notes_003._common import claim
from optverify.claims.ec500_notes_003._reprint_000 import checks_of, reprint

w, eta = sp.symbols("w eta", positive=True)
gg = sp.Symbol("g", real=True, nonzero=True)
ALG12 = ("as printed: v_0 = 0, m_t = β1 m_{t−1} + (1 − β1) g_t, m̂_t = m_t/(1 − β1^t), v_t[i] = β2 v_{t−1}[i] + (1 − β2) g_t[i]², "
         "v̂_t = v_t/(1 − β2^t), w_{t+1}[i] = w_t[i] − η_t m̂_t[i]/√v̂_t[i], no ε in the update, β1 = 0.9, β2 = 0.999 (the printed defaults)")
XREF = ("cross-references: 000:Alg 1 (the same algorithm printed with m_t = β1 m_{t−1} − (1 − β1) g_t, refuted there), 002:L365 "
        "(Adam in 002's notation, ε inside the root), 004:L243 and 004:L319 (ε inside the root)")

# 000 names the noisy gradient q_t (000:L237); 003 prints g_t at line 2506, as its displays use it
G_2506 = {"g_t = ∇L(w_t) + r_t (line 2506 prints q_t), E[r_t] = 0": "g_t = ∇L(w_t) + r_t as line 2506 prints it, E[r_t] = 0"}

CLAIMS = [
    claim("Alg 12", 2448, "Adam", "algorithm", "the printed Adam update minimises the loss (a descent method on convex quadratics)",
          end_line=2472,
          hypotheses=[ALG12, "η_t is not given a value: η = 0.1 on the 1-D quadratic, η = 0.01 in the simulation",
                      "m_0 is not set by the algorithm: read as 0; A_0[i] = ε² is set but never used; v_{t−1} in the v_t[i] line read as "
                      "v_{t−1}[i]"],
          checks=checks_of("000:Alg 1", corrected=True),
          notes=XREF + "; the checks are 000:Alg 1's corrected form, which is this printing"),
    reprint("000:L206", None, 2480),
    reprint("000:L212", None, 2484, hypotheses=["Algorithm 12 sets v_0 = 0 and A_0[i] = ε², as 000's Algorithm 1 does"]),
    reprint("000:L214", None, 2486),
    reprint("000:L216", None, 2488),
    reprint("000:L220", None, 2490, printed='by dividing by  $1 - \\beta_2^t$ , we obtain an "unbiased" estimate of  $g$'),
    claim(None, 2492, "bias correction of the momentum", "identity", "E[m_t/(1 − β1^t)] = E[g] when E[g_t] is constant and m_0 = 0",
          printed="In the case of the momentum parameter  $m_t$ , dividing by  $1 - \\beta_1^t$  has a similar de-biasing effect.",
          hypotheses=["'a similar de-biasing effect' read as: dividing by 1 − β1^t removes the factor (1 − β1^t) that m_0 = 0 puts on "
                      "E[m_t], as for v_t (line 2488)", "E[g_t] = μ for every t; m_0 = 0 (Algorithm 12 does not set it); Algorithm 12's "
                      "m_t = β1 m_{t−1} + (1 − β1) g_t"],
          checks=checks_of("000:L222")[:1],
          notes="000:L222 also checks 000's Algorithm 1 recursion (with the minus sign); Algorithm 12 has the plus sign"),
    reprint("000:L228", None, 2498),
    claim(None, 2500, "geometric sum of the weights", "identity", "(1 − β1^t)/(1 − β1) = 1 + β1 + β1² + ⋯ + β1^{t−1}",
          printed="\\frac{1 - \\beta_1^t}{1 - \\beta_1} = 1 + \\beta_1 + \\beta_1^2 + \\cdots + \\beta_1^{t-1}",
          checks=checks_of("000:L231", corrected=True),
          notes="000:L231 prints the last term β_t^{t−1} and is refuted there; 003 prints β1^{t−1}"),
    reprint("000:L233", None, 2502),
    claim(None, 2506, "gradient = mean + noise", "definition", "g_t = ∇L(w_t) + r_t with r_t mean zero",
          checks=[NotCheckable("definition (000:L237 names the left side q_t)")]),
    reprint("000:L241", None, 2510, title="the bias-corrected momentum decomposed", reread=G_2506,
            conclusion="m̂_t = ∇L(w_t) + Σ_τ β1^τ r_{t−τ}/Σ_τ β1^τ",
            notes="000 prints this display and the next (003:L2512) as one (000:L241)"),
    reprint("000:L241", None, 2512, title="mean of the bias-corrected momentum", conclusion="E[m̂_t] = ∇L(w_t)", reread=G_2506,
            notes="000 prints this display and the previous (003:L2510) as one (000:L241)"),
    reprint("000:L246", None, 2516),
    reprint("000:L250", None, 2520),
    reprint("000:L254", None, 2524),
    reprint("000:L256", None, 2526, printed="So that if  $\\beta_1 = \\frac{N-1}{N}$ , we would have variance of about  $\\frac{\\sigma^2}{N}$"),
    reprint("000:L258", None, 2528),
    reprint("000:L261", None, 2530,
            printed="If  $m_{t-1}$  happened to be the average of  $N - 1$  elements, then this formula would set  $m_t$  to be the average of "
                    "those  $N - 1$  elements and  $g_t$ , a total of  $N$  elements."),
    reprint("000:L265", None, 2534),
    reprint("000:L267", None, 2536, printed="so long as  $t \\geq \\log(1/2)/\\log(\\beta_1)$ , we will have  $\\beta_1^t \\leq 1/2$"),
    reprint("000:L269", None, 2538),
    reprint("000:L273", None, 2542,
            printed="Unfortunately, this decrease in variance is actually accompanied by a corresponding increase in *bias*."),
    reprint("000:L277", None, 2546,
            printed="if there is some constant variance so that previous gradients always have  $|g_t| = 1$  for example, regardless of the "
                    "true value of  $\\nabla \\mathcal{L}(\\mathbf{w}_t)$ , then  $\\hat{\\mathbf{v}}_t$  will always be 1",
            hypotheses=["v_0 = 0 (Algorithm 12)"]),
    claim(None, 2550, "β1 = β2 = 0 gives the sign update", "identity",
          "Algorithm 12 with β1 = β2 = 0 is w_{t+1}[i] = w_t[i] − η_t g_t[i]/|g_t[i]|",
          hypotheses=["Algorithm 12 as printed (m_t = β1 m_{t−1} + (1 − β1) g_t), g_t[i] ≠ 0, t ≥ 1"],
          checks=[*checks_of("000:L281", corrected=True), *[c for c in checks_of("000:L281") if c.strategy == "pseudocode"]],
          notes="000:L281 is refuted through 000's Algorithm 1 (its minus sign); with Algorithm 12's plus sign the display holds"),
    reprint("000:L283", None, 2552,
            printed="you already provided a distribution for  $\\mathbf{g}_t$  such that the sign of  $\\mathbf{g}_t$ , on average, is "
                    "different than the sign of  $\\mathbb{E}[\\mathbf{g}_t]$ , so that the above update will actually make negative "
                    "progress in expectation"),
    reprint("000:L285", None, 2554, printed="So far as I know, this is still open."),
]
