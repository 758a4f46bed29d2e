"""002, lines 220–228: Nesterov's momentum step and momentum with SGD."""

import sympy as sp

from optverify.claims.momentum_slides_002._common import beta, claim, eta
from optverify import Identity, Pseudocode

w_t, w_prev, grad_t = sp.symbols("w_t w_prev g_t", real=True)
MOM = {"eta": 0.1, "beta": 0.9, "T": 200}

CLAIMS = [
    claim(None, 224, "Nesterov momentum step", "algorithm", "v_{t+1} = w_t − η∇f(w_t); w_{t+1} = v_{t+1} + β(v_{t+1} − v_t) descends",
          hypotheses=["η = 0.1, β = 0.9 on f(w) = w²/2, v_1 = w_1"],
          checks=[Pseudocode("nesterov", MOM)]),
    claim(None, 228, "momentum with SGD", "algorithm",
          "v_{t+1} = βv_t − η∇f_{i_t}(w_t); w_{t+1} = w_t + v_{t+1} descends, and is the heavy ball of line 103",
          hypotheses=["η = 0.1, β = 0.9 on f(w) = w²/2, v_1 = 0; with v_t = w_t − w_{t−1} the two forms coincide"],
          checks=[
              Pseudocode("sgd_momentum", MOM),
              Identity(w_t + (beta * (w_t - w_prev) - eta * grad_t), w_t - eta * grad_t + beta * (w_t - w_prev),
                       part="with v_t = w_t − w_{t−1}: w_{t+1} = w_t − η g_t + β(w_t − w_{t−1})"),
          ]),
]
