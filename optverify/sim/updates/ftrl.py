"""Proximal mirror descent and FTPRL with a composite term, one coordinate at a time (001 Proposition 2, lines 73-83).

Psi(x) = a x + lam x^2/2 + mu |x| (per coordinate), R_t(x) = sigma_t x^2/2 centred at x_t, so
R_{1:t} has curvature S_t = sigma_{1:t}.  Each step minimises q x^2/2 + b x + mu|x|, whose minimiser is the soft
threshold -sign(b) max(|b| - mu, 0)/q.  ``sigma`` is sigma_t, the budget of the step (a per-step value is the
reference's ``Step.rebind(sigma=...)``).  ``form``:

* 0, proximal MDA (9): x_{t+1} = argmin g_t x + Psi(x) + S_t (x - x_t)^2/2;
* 1, FTPRL (10) with phi_{1:t-1} (McMahan 2010a, Theorem 3): x_{t+1} = argmin (g_{1:t} + phi_{1:t-1}) x + Psi(x)
  + sum_tau sigma_tau (x - x_tau)^2/2, then phi_t in dPsi(x_{t+1}) the subgradient with
  g_{1:t} + phi_{1:t} + grad R_{1:t}(x_{t+1}) = 0 (the step's optimality condition selects it);
* 2, FTPRL (10) as printed, phi_{1:t} in the objective, for a linear Psi (lam = mu = 0): phi_tau = a whatever
  point it is taken at, x_{t+1} = (sum_tau sigma_tau x_tau - g_{1:t} - (t + 1) a)/S_t.
"""

from __future__ import annotations

from ..engine.declaration import REQUIRED, Param, State, Update


def composite_ftprl_step(t, T, w, g, sig_sum, g_sum, phi_sum, sx_sum, sigma, a, lam, mu, form):
    for i in range(len(w)):
        sig_sum[i] = sig_sum[i] + sigma
        q = sig_sum[i] + lam
        if form == 0:
            b = g[i] + a - sig_sum[i] * w[i]
        else:
            g_sum[i] = g_sum[i] + g[i]
            sx_sum[i] = sx_sum[i] + sigma * w[i]
            b = g_sum[i] + phi_sum[i] + a - sx_sum[i]
        if form == 2:
            w[i] = (sx_sum[i] - g_sum[i] - t * a - a) / sig_sum[i]
        else:
            mag = abs(b) - mu
            x = 0.0
            if mag > 0.0:
                if b > 0.0:
                    x = -mag / q
                else:
                    x = mag / q
            if form == 1:
                phi_sum[i] = phi_sum[i] - (g_sum[i] + phi_sum[i] + sig_sum[i] * x - sx_sum[i])
            w[i] = x


def _params():
    return (Param("sigma", REQUIRED, float, "positive"), Param("a", 0.0, float, "real"),
            Param("lam", 0.0, float, "nonnegative"), Param("mu", 0.0, float, "nonnegative"))


_STATE = (State("sig_sum"), State("g_sum"), State("phi_sum"), State("sx_sum"))  # sigma_{1:t}, g_{1:t}, phi_{1:t}, sum sigma_tau x_tau

UPDATES = (
    Update("proximal_mda", _params(), _STATE, composite_ftprl_step, "001 eq. (9), Proposition 2, line 75",
           "x_{t+1} = argmin g_t x + Psi(x) + sigma_{1:t}(x - x_t)^2/2, Psi = a x + lam x^2/2 + mu|x|.",
           fixed={"form": 0}),
    Update("ftprl_composite", _params(), _STATE, composite_ftprl_step,
           "001 eq. (10), Proposition 2, line 80 (McMahan 2010a, Theorem 3: phi_{1:t-1})",
           "x_{t+1} = argmin (g_{1:t} + phi_{1:t-1}) x + Psi(x) + sum_tau sigma_tau (x - x_tau)^2/2; "
           "g_{1:t} + phi_{1:t} + grad R_{1:t}(x_{t+1}) = 0.", fixed={"form": 1}),
    Update("ftprl_composite_printed", _params(), _STATE, composite_ftprl_step,
           "001 eq. (10) as printed, line 80 (phi_{1:t} in the objective; Psi linear)",
           "x_{t+1} = (sum_tau sigma_tau x_tau - g_{1:t} - (t + 1) a)/sigma_{1:t} for Psi(x) = a x.",
           fixed={"form": 2}),
)
