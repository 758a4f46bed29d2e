"""000 §2.2, lines 275–285: Adam can fail to converge; the sign update."""

import sympy as sp

from optverify.claims.adagrad_adam_000._common import beta2, claim, t, tau
from optverify import Corrected, Identity, InstanceSearch, NotCheckable, Pseudocode, integers, open_
from optverify.counterexamples.families import Measured, sign_distribution

w, eta = sp.symbols("w eta", positive=True)
gg = sp.Symbol("g", real=True, nonzero=True)


def adam_at_zero_betas(sign):
    """Algorithm 1's update at β1 = β2 = 0, t ≥ 1: m_t = sign·(1 − 0)·g, v_t = g², no bias left (1 − 0^t = 1)."""
    b1 = b2 = sp.Integer(0)
    m = b1 * 0 + sign * (1 - b1) * gg
    v = b2 * 0 + (1 - b2) * gg**2
    mhat, vhat = m / (1 - b1**t), v / (1 - b2**t)
    return w - eta * mhat / sp.sqrt(vhat)


CLAIMS = [
    claim(None, 277, "constant |g_t| = 1 gives v̂_t = 1", "identity",
          "if |g_t| = 1 for all t then v̂_t = 1",
          printed="if there is some constant variance so that previous gradients always have  $|g_t|=1$  for example, regardless of the true value of  $\\nabla \\mathcal{L}(\\mathbf{w}_t)$ , then  $\\hat{\\mathbf{v}}_t$  will always be 1",
          hypotheses=["v_0 = 0 (Algorithm 1)"],
          checks=[Identity((1 - beta2) * sp.Sum(beta2**tau * 1, (tau, 0, t - 1)) / (1 - beta2**t), sp.Integer(1),
                           domain={beta2: open_(0, 1), t: integers(1, 12)})]),
    claim(None, 281, "β1 = β2 = 0 gives the sign update", "identity",
          "Algorithm 1 with β1 = β2 = 0 is w_{t+1}[i] = w_t[i] − η_t g_t[i]/|g_t[i]|",
          hypotheses=["Algorithm 1 as printed (m_t = β1 m_{t−1} − (1 − β1) g_t), g_t[i] ≠ 0, t ≥ 1"],
          checks=[
              Identity(adam_at_zero_betas(-1), w - eta * gg / sp.Abs(gg), part="Algorithm 1 at β1 = β2 = 0"),
              Pseudocode("sign", {"eta": 0.1, "eta_power": 0.5, "T": 100}, part="the sign update descends on a quadratic"),
          ],
          corrected=Corrected(
              "with m_t = β1 m_{t−1} + (1 − β1) g_t, β1 = β2 = 0 gives w_{t+1}[i] = w_t[i] − η_t g_t[i]/|g_t[i]|",
              "Algorithm 1's minus sign turns the sign update into w_t + η_t sign(g_t)",
              checks=[Identity(adam_at_zero_betas(+1), w - eta * gg / sp.Abs(gg))],
          )),
    claim(None, 283, "a distribution where the sign update makes negative progress", "property",
          "there is a gradient distribution with E[sign g] opposing sign(E[g]), so the sign update increases the loss in expectation",
          printed="you already provided a distribution for  $\\mathbf{g}_t$  such that the sign of  $\\mathbf{g}_t$ , on average, is different than the sign of  $\\mathbb{E}[\\mathbf{g}_t]$ , so that the above update will actually make negative progress in expectation",
          hypotheses=["an existence claim: one witness suffices"],
          checks=[InstanceSearch(Measured(sign_distribution, "expected_increase"), sp.Integer(0), quantifier="exists")]),
    claim(None, 285, "convergence for realistic β is open", "qualitative", "open problem",
          printed="So far as I know, this is still open.",
          checks=[NotCheckable("a statement about the state of the literature")]),
]
