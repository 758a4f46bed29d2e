"""000 Theorems 2 and 3 (lines 77–97): AdaGrad-norm on the ℓ2 ball and diagonal AdaGrad on the box."""

import sympy as sp

from optverify.claims.adagrad_adam_000._common import D_2, D_inf, claim
from optverify.claims.adagrad_adam_000.adagrad_proof import theorem3_proof
from optverify import BOUND, Corrected, InstanceSearch, Pseudocode, Scaling, Simulation
from optverify.counterexamples.families import Measured, stochastic_separable
from optverify.counterexamples.families.start_anywhere import start_anywhere
from optverify.sim.experiments import AdaGradRegret

E_sqrt_norm = sp.Symbol("E_sqrt_norm", positive=True)  # E[√(Σ_t ‖g_t‖²)]
E_sum_sqrt_diag = sp.Symbol("E_sum_sqrt_diag", positive=True)  # E[Σ_i √(Σ_t g_t[i]²)]
R = sp.Symbol("R", positive=True)  # the expected regret E[Σ_t L(w_t) − L(w*)]

_READING = (
    "w_1 is whatever the algorithm is started from: the statement does not constrain it (only w_2, w_3, … are projected), "
    "so instances with w_1 outside the constraint set are instances of the theorem as printed"
)
_KINK = "the subgradient of |·| at its kink is 0; 0/0 in the first step is read as no move"


def _adagrad_theorem(label, line, end_line, title, algorithm, statement, region, update, D, D_name, E, E_name, E_meaning, set_name, proof=()):
    """Theorems 2 and 3 share their shape: the same checks, on the ball or on the box."""
    bound = 2 * sp.sqrt(2) * D * E
    return claim(
        label, line, title, "expectation bound", statement, end_line=end_line,
        hypotheses=[f"L convex with minimiser w*, {region}", f"c = √2·{D_name}", update, _READING, _KINK],
        constants={D.name: f"radius of the set containing w* ({region})", E.name: E_meaning},
        symbols={D.name: D, E.name: E},
        bound=bound,
        checks=[
            InstanceSearch(Measured(start_anywhere.bind(algorithm=algorithm), "regret"), BOUND),
            Scaling(R, BOUND, {R: "loss", D: "param", E: "grad"}),
            Pseudocode(f"adagrad_{algorithm}", {"D": 2.0, "T": 100}, part="the printed algorithm descends"),
            *proof,
        ],
        corrected=Corrected(
            f"the same bound when the algorithm is started inside the constraint set ({set_name})",
            "the first term L(w_1) − L(w*) is not controlled by the gradients when w_1 lies far outside the set: the proof's "
            "(w_1[i] − w*[i])² ≤ (2D)² (line 167) needs w_1 in the set",
            bound=bound,
            checks=[
                InstanceSearch(Measured(stochastic_separable.bind(algorithm=algorithm), "regret"), bound),
                Simulation(AdaGradRegret(algorithm), bound),
            ],
        ),
        notes="refuted as printed only through w_1: with w_1 in the set (the corrected form) no instance comes near the bound",
    )


CLAIMS = [
    _adagrad_theorem(
        "Thm 2", 77, 84, "Adaptive Gradient Descent (AdaGrad-norm with projection)", "norm_ball",
        "E[Σ_{t=1}^T L(w_t) − L(w*)] ≤ 2√2 D_2 E[√(Σ_{t=1}^T ‖g_t‖²)]", "‖w*‖₂ ≤ D_2",
        "w_{t+1} = Π_{‖w‖₂ ≤ D_2}(w_t − c g_t/√(‖g‖²_{1:t})), g_t = ∇ℓ(w_t, z_t), z_t i.i.d.",
        D_2, "D_2", E_sqrt_norm, "E_sqrt_norm", "E[√(Σ_t ‖g_t‖²)]", "‖w_1‖₂ ≤ D_2",
    ),
    _adagrad_theorem(
        "Thm 3", 88, 95, "AdaGrad Convergence (diagonal AdaGrad with box projection)", "diag_box",
        "E[Σ_{t=1}^T L(w_t) − L(w*)] ≤ 2√2 D_∞ E[Σ_{i=1}^d √(Σ_{t=1}^T g_t[i]²)]", "‖w*‖_∞ ≤ D_∞",
        "w_{t+1}[i] = Π_{|w[i]| ≤ D_∞}(w_t[i] − c g_t[i]/√(g²_{1:t}[i])), g_t = ∇ℓ(w_t, z_t), z_t i.i.d.",
        D_inf, "D_∞", E_sum_sqrt_diag, "E_sum_sqrt_diag", "E[Σ_i √(Σ_t g_t[i]²)]", "‖w_1‖_∞ ≤ D_∞",
        proof=theorem3_proof(),
    ),
]
