"""000 Theorems 2 and 3 (lines 77–97): AdaGrad-norm on the ℓ2 ball and diagonal AdaGrad on the box."""

import sympy as sp

from optverify.claims.adagrad_adam_000._common import D_2, D_inf, claim
from optverify.claims.model import BOUND
from optverify.claims.specs import InstanceSearch, Pseudocode, Scaling, Simulation
from optverify.counterexamples.families import Measured, StochasticSeparable
from optverify.sim.experiments import AdaGradRegret

E_sqrt_norm = sp.Symbol("E_sqrt_norm", positive=True)  # E[√(Σ_t ‖g_t‖²)]
E_sum_sqrt_diag = sp.Symbol("E_sum_sqrt_diag", positive=True)  # E[Σ_i √(Σ_t g_t[i]²)]
R = sp.Symbol("R", positive=True)  # the expected regret E[Σ_t L(w_t) − L(w*)]

_READING = (
    "w_1 is read as lying in the constraint set (the statement does not constrain it; every later iterate is "
    "projected); the subgradient of |·| at its kink is 0; 0/0 in the first step is read as no move"
)

CLAIMS = [
    claim("Thm 2", 77, "Adaptive Gradient Descent (AdaGrad-norm with projection)", "expectation bound",
          "E[Σ_{t=1}^T L(w_t) − L(w*)] ≤ 2√2 D_2 E[√(Σ_{t=1}^T ‖g_t‖²)]", end_line=84,
          hypotheses=["L convex with minimiser w*, ‖w*‖₂ ≤ D_2", "c = √2·D_2",
                      "w_{t+1} = Π_{‖w‖₂ ≤ D_2}(w_t − c g_t/√(‖g‖²_{1:t})), g_t = ∇ℓ(w_t, z_t), z_t i.i.d.", _READING],
          constants={"D_2": "radius of the ℓ2 ball containing w*", "E_sqrt_norm": "E[√(Σ_t ‖g_t‖²)]"},
          symbols={"D_2": D_2, "E_sqrt_norm": E_sqrt_norm},
          bound=2 * sp.sqrt(2) * D_2 * E_sqrt_norm,
          checks=[
              InstanceSearch(Measured(StochasticSeparable("norm_ball"), "regret"), BOUND),
              Simulation(AdaGradRegret("norm_ball"), BOUND),
              Scaling(R, BOUND, {R: "loss", D_2: "param", E_sqrt_norm: "grad"}),
              Pseudocode("adagrad_norm_ball", {"D": 2.0, "T": 100}, part="the printed algorithm descends"),
          ]),
    claim("Thm 3", 88, "AdaGrad Convergence (diagonal AdaGrad with box projection)", "expectation bound",
          "E[Σ_{t=1}^T L(w_t) − L(w*)] ≤ 2√2 D_∞ E[Σ_{i=1}^d √(Σ_{t=1}^T g_t[i]²)]", end_line=95,
          hypotheses=["L convex with minimiser w*, ‖w*‖_∞ ≤ D_∞", "c = √2·D_∞",
                      "w_{t+1}[i] = Π_{|w[i]| ≤ D_∞}(w_t[i] − c g_t[i]/√(g²_{1:t}[i])), g_t = ∇ℓ(w_t, z_t), z_t i.i.d.", _READING],
          constants={"D_inf": "ℓ∞ radius of the box containing w*", "E_sum_sqrt_diag": "E[Σ_i √(Σ_t g_t[i]²)]"},
          symbols={"D_inf": D_inf, "E_sum_sqrt_diag": E_sum_sqrt_diag},
          bound=2 * sp.sqrt(2) * D_inf * E_sum_sqrt_diag,
          checks=[
              InstanceSearch(Measured(StochasticSeparable("diag_box"), "regret"), BOUND),
              Simulation(AdaGradRegret("diag_box"), BOUND),
              Scaling(R, BOUND, {R: "loss", D_inf: "param", E_sum_sqrt_diag: "grad"}),
              Pseudocode("adagrad_diag_box", {"D": 2.0, "T": 100}, part="the printed algorithm descends"),
          ]),
]
