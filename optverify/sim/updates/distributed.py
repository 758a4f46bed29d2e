"""Data-parallel SGD declared once: parallel minibatch SGD (003 Algorithm 13) and Hogwild! with a delay
model (003 Algorithms 14 and 15).

The machine is simulated, not used: asynchrony enters through the staleness k(t) of the iterate a
gradient is evaluated at (003 line 2651), drawn from a delay model, so runs are deterministic and share
noise across configurations.
"""

from __future__ import annotations

from ..engine.declaration import REQUIRED, Param, State, Update
from .vocabulary import M_COORD, M_DELAY, draw_uniform, grad_at

DELAY_MODELS = {"fixed": 0, "uniform": 1}


def parallel_minibatch_sgd_step(t, T, w, g, problem, gp, gj, eta, B, M):
    if B < 1 or M < 1 or B % M != 0:
        raise ValueError("need B >= 1, M >= 1 and M dividing B")
    per = B // M
    for i in range(len(w)):
        g[i] = 0.0
    for p in range(M):
        for i in range(len(w)):
            gp[i] = 0.0
        for j in range(p * per, (p + 1) * per):
            grad_at(problem, w, t, j, gj)
            for i in range(len(w)):
                gp[i] += gj[i]
        for i in range(len(w)):
            g[i] += gp[i]
    for i in range(len(w)):
        g[i] /= B
    for i in range(len(w)):
        w[i] = w[i] - eta * g[i]


def hogwild_step(t, T, w, g, problem, hist, eta, tau, delay, coordinate, scale_by_d):
    d = len(w)
    for i in range(d):
        hist[t % (tau + 1)][i] = w[i]
    lag = min(tau, t - 1)
    if delay == 1:
        lag = int(draw_uniform(problem, M_DELAY, t, 0) * (min(tau, t - 1) + 1))
        if lag > min(tau, t - 1):
            lag = min(tau, t - 1)
    k = t - lag
    grad_at(problem, hist[k % (tau + 1)], t, 0, g)
    if coordinate:
        scale = 1.0
        if scale_by_d:
            scale = d * 1.0
        j = int(draw_uniform(problem, M_COORD, t, 0) * d)
        if j >= d:
            j = d - 1
        w[j] = w[j] - eta * scale * g[j]
    else:
        for i in range(d):
            w[i] = w[i] - eta * g[i]


UPDATES = (
    Update("parallel_minibatch_sgd",
           (Param("eta", REQUIRED, float, "real"), Param("B", REQUIRED, int, "count"), Param("M", REQUIRED, int, "count")),
           (State("gp"), State("gj")), parallel_minibatch_sgd_step, "003 Algorithm 13, line 2579",
           "Processor i = 0..M-1 sums g_{t,i} = sum_{j=iB/M}^{(i+1)B/M-1} grad l(w_t, z_{t,j}); after all finish, "
           "g_t = 1/B sum_i g_{t,i} and w_{t+1} = w_t - eta g_t (M dividing B); sample j of step t has key (t, j): the "
           "samples of minibatch_sgd with batch B, summed in another order."),
    Update("hogwild",
           (Param("eta", REQUIRED, float, "real"), Param("tau", 0, int, "count"), Param("delay", "fixed", DELAY_MODELS, None),
            Param("coordinate", True, bool, None), Param("scale_by_d", False, bool, None)),
           (State("hist", ("tau + 1", "d")),), hogwild_step,
           "003 Algorithm 14 l.2608, Algorithm 15 l.2633, proof l.2667",
           "Hogwild! under a delay model: update t (counted over all workers) uses the gradient at the stale iterate "
           "w_{k(t)}, t - k(t) <= tau (delay 'fixed': k(t) = max(1, t - tau); 'uniform': t - k(t) uniform on "
           "0..min(tau, t - 1)).  coordinate (Algorithm 15, line 2633): j(t) uniform on 0..d-1, w_{t+1}[j] = w_t[j] - "
           "eta s grad l(w_{k(t)}, z_t)[j], s = 1 as printed, s = d (scale_by_d) as in the proof (line 2667); "
           "otherwise (Algorithm 14, line 2608, a consistent stale read) w_{t+1} = w_t - eta grad l(w_{k(t)}, z_t)."),
)
