"""003 §16, lines 2265–2433: per-coordinate learning rates, Definition 16.1, Theorems 16.2 and 16.3 and the proof of 16.3.

The section reprints 000 §1 (Notes 9); claims that state the same mathematics reuse 000's checks (``_reprint_000``) and
name the 000 claim.  Where 003 prints something else, the claim is written here:

* line 2317 prints y_t in the denominator (000:L55 prints y): the identity holds as printed here;
* line 2321 closes its bracket (000:L59 does not);
* line 2393 prints ‖g_{1:T}‖²₂ — by Definition 16.1 the squared norm of the sum Σ_t g_t — where 000:L137 prints
  ‖g‖²_{1:T} = Σ_t ‖g_t‖².
"""

import dataclasses

import sympy as sp

from optverify import Corrected, Identity, NotCheckable
from optverify.claims.ec500_notes_003._common import claim
from optverify.claims.ec500_notes_003._reprint_000 import checks_of, reprint

D_2 = sp.Symbol("D_2", positive=True)
s, y_t, x_i = sp.symbols("s y_t x_i", real=True)
theorem3_proof_steps = [c for c in checks_of("000:Thm 3") if c.strategy in ("proof step", "proof composition")]

CLAIMS = [
    reprint("000:L9", None, 2269),
    reprint("000:L17", None, 2277),
    reprint("000:L19", None, 2279, printed="This loss is 2-smooth"),
    reprint("000:L21", None, 2281),
    reprint("000:L23", None, 2283,
            printed="if the feature vectors  $x$  satisfy  $\\|x\\| \\leq r$ , we might expect the variance to be bounded by  $r^2$"),
    reprint("000:L25", None, 2285),
    reprint("000:L33", None, 2293),
    reprint("000:L37", None, 2297),
    reprint("000:L43", None, 2303),
    reprint("000:L49", None, 2309),
    reprint("000:L51", None, 2311),
    claim(None, 2317, "coordinate i of the logistic gradient", "identity",
          "g_t[i] = [−y_t e^{−y_t⟨w_t,x_t⟩}/(1 + e^{−y_t⟨w_t,x_t⟩})] x_t[i]",
          hypotheses=["ℓ(w, (x_t, y_t)) = log(1 + exp(−y_t⟨w, x_t⟩)) (line 2277 at the t-th example), s = ⟨w_t, x_t⟩"],
          checks=[Identity(sp.diff(sp.log(1 + sp.exp(-y_t * s)), s) * x_i, (-y_t * sp.exp(-y_t * s) / (1 + sp.exp(-y_t * s))) * x_i,
                           note="lhs: ∂ℓ/∂w[i] at example t (chain rule through s = ⟨w, x_t⟩)")],
          notes="000:L55 prints the same display with y (not y_t) in the denominator and is refuted there; 003 prints y_t"),
    claim(None, 2321, "per-coordinate variance", "definition", "σ²[i] = E[(∇ℓ(w_t,z_t)[i] − ∇L(w_t)[i])²]",
          checks=[NotCheckable("definition of σ²[i] (000:L59 prints it with an unbalanced bracket)")]),
    reprint("000:L61", None, 2323,
            printed="our previous adaptive learning rate  $\\eta_t \\propto \\frac{1}{\\sqrt{\\sum_{\\tau=1}^t \\|\\mathbf{g}_\\tau\\|^2}}$  is "
                    "an estimate of  $\\frac{1}{\\sigma\\sqrt{t}}$",
            conclusion="η_t ∝ 1/√(Σ_{τ=1}^t ‖g_τ‖²) is an estimate of 1/(σ√t)",
            reread={"as printed the summand is ‖g_t‖², the same for every τ, so the sum is t‖g_t‖²":
                    "the summand is ‖g_τ‖² as printed here (000:L61 prints ‖g_t‖, an index slip refuted there)",
                    "instance with ∇L = 0 for the printed index: z = 2a with probability 1/3, −a with probability 2/3 (mean 0, "
                    "σ² = 2a²): η_t σ√t/c = σ/|z_t| ∈ {√2/2, √2}, drawn afresh at every t":
                    "000's second instance (its index slip) does not apply: 003 prints g_τ"},
            checks=checks_of("000:L61")[:1]),
    reprint("000:L63", None, 2325),
    reprint("000:Def 1", "Def 16.1", 2331),
    reprint("000:L73", None, 2335),
    reprint("000:Thm 2", "Thm 16.2", 2339, end_line=2345),
    reprint("000:Thm 3", "Thm 16.3", 2351, end_line=2357),
    reprint("000:L101", None, 2363, printed="The infinity norm is always smaller than the 2-norm"),
    reprint("000:L110", None, 2371, printed="It is possible for (8) to be bigger than (9)."),
    reprint("000:L112", None, 2373),
    reprint("000:L122", None, 2379),
    reprint("000:L126", None, 2383),
    reprint("000:L128", None, 2385),
    reprint("000:L132", None, 2389),
    claim(None, 2393, "1-hot sparse gradients: AdaGrad-norm's bound", "identity", "E[D_2 √(‖g_{1:T}‖²₂)] = D_2 √T",
          hypotheses=["the setting of line 2387: g_t 1-hot, coordinate i is ±1 with probability ∝ 1/i², the sign read as uniform and "
                      "independent across t",
                      "g_{1:T} = Σ_{t=1}^T g_t by Definition 16.1 (x_{a:b} is the sum of the vectors), so ‖g_{1:T}‖²₂ = ‖Σ_t g_t‖²",
                      "instance: d = 1, T = 2: Σ_t g_t ∈ {−2, 0, 0, 2} with probability 1/4 each, E‖Σ_t g_t‖ = 1"],
          checks=[Identity(D_2 * (sp.Rational(1, 4) * 2 + sp.Rational(1, 2) * 0 + sp.Rational(1, 4) * 2), D_2 * sp.sqrt(2),
                           part="d = 1, T = 2")],
          corrected=Corrected("E[D_2 √(‖g‖²_{1:T})] = D_2 √T, with ‖g‖²_{1:T} = Σ_t ‖g_t‖² (Definition 16.1's third notation)",
                              "‖g_{1:T}‖² is the squared norm of the sum; the bound of Theorem 16.2 has Σ_t ‖g_t‖², which is T on every "
                              "outcome (000:L137 prints ‖g‖²_{1:T})",
                              checks=checks_of("000:L137")),
          notes="000:L137 prints ‖g‖²_{1:T} and is decided there"),
    reprint("000:L139", None, 2395,
            printed="so long as  $D_\\infty$  is significantly less than  $D_2$ , the bound will be significantly better using AdaGrad"),
    reprint("000:L147", None, 2403),
    reprint("000:L151", None, 2407),
    reprint("000:L155", None, 2411),
    claim(None, 2415, "projection, expansion, one-step inequality", "inequality",
          "(w_{t+1}[i] − w*[i])² ≤ (w_t[i] − η_t[i]g_t[i] − w*[i])² = (w_t[i] − w*[i])² − 2η_t[i]g_t[i](w_t[i] − w*[i]) + "
          "η_t[i]²g_t[i]², hence g_t[i](w_t[i] − w*[i]) ≤ ((w_t[i] − w*[i])² − (w_{t+1}[i] − w*[i])²)/(2η_t[i]) + η_t[i]g_t[i]²/2",
          hypotheses=["|w*[i]| ≤ D_∞, w_{t+1}[i] = Π_{|w| ≤ D_∞}(w_t[i] − η_t[i] g_t[i]), η_t[i] > 0"],
          checks=[dataclasses.replace(c, part=f"{row}: {c.part}") for row, ref in (("first row", "000:L159"), ("second row", "000:L161"),
                                                                                  ("third row", "000:L163")) for c in checks_of(ref)],
          notes="000 prints these three rows as lines 159, 161 and 163 (000:L159, 000:L161, 000:L163); decided by the same checks"),
    reprint("000:L167", None, 2419),
    reprint("000:L171", None, 2423),
    reprint("000:L175", None, 2427),
    reprint("000:L179", None, 2431),
]

assert theorem3_proof_steps, "000:Thm 3 carries its printed proof"
