"""Adam-type methods on periodic linear losses on [−1, 1]: where the iterate goes, proved.

The problem (Reddi, Kale & Kumar 2018; 004 lines 364–419) is f_t(x) = G_{ph(t)} x on
F = [−1, 1], with period n, G_0 = C (the spike, at t ≡ 1 mod n) and G_j = −1 otherwise.
For C > n − 1 the cycle's total Σ_j G_j = C − (n − 1) is positive, so the best fixed
point in hindsight is x* = −1.

Because the losses are linear, the gradients do not depend on x: the moments are
explicit, m_t = m∞_{ph(t)} − β1^t m∞_{n−1} and v_t = v∞_{ph(t)} − β2^t v∞_{n−1},
where m∞, v∞ is the periodic orbit.  Only x depends on the clipping.  For cycles that
start at a phase s at times t_c ≥ t0 the step of phase j is d = −α_t r_j, and r_j lies
in an interval computed at 50 digits from those closed forms (the tails β^t, the bias
factors 1/(1 − β^t) and, for α_t = α/√t, the weights √(t_c/t) are enclosed).

Certificate for the endpoint +1 (the wrong end): every suffix sum of the cycle's
scaled steps has a non-negative lower bound and the whole cycle's sum is ≥ σ > 0.
Then (with z the path clipped only at the top, which lower-bounds x since clipping at
−1 only raises it) x at phase s satisfies x' ≥ min(1, x + σ α_{t_c}), so x reaches 1
at phase s after finitely many cycles and stays there forever.  Each later cycle then
loses at least Σ_j G_j (x_j + 1) ≥ 2(C − n + 1) − (size of the steps) against x* = −1,
so R_T/T does not vanish.  The endpoint −1 is certified symmetrically (suffix sums ≤ 0,
total ≤ −σ), and then every cycle's regret is at most the steps' size: R_T/T → 0 for
α_t = α/√t.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import mpmath

from optverify.sim.engine.reference import Step, namespace
from optverify.sim.updates.vocabulary import EPS_MODES
from optverify.verify.numctx import FloatCtx, IvCtx

ALGORITHMS = ("adam", "amsgrad", "sgd")
SCHEDULES = ("constant", "inv_sqrt_t")


@dataclass(frozen=True)
class Setting:
    """One method on one periodic problem.  ``eps_mode``: "inside" √(v̂ + ε) or "outside" √v̂ + ε."""

    algorithm: str = "adam"
    n: int = 3
    C: float = 3.0
    beta1: float = 0.0
    beta2: float = 0.1
    alpha: float = 0.1
    schedule: str = "inv_sqrt_t"
    eps: float = 0.0
    eps_mode: str = "outside"
    bias_correction: bool = False
    x1: float = 0.0

    def __post_init__(self):
        if self.algorithm not in ALGORITHMS:
            raise ValueError(f"algorithm must be one of {ALGORITHMS}")
        if self.schedule not in SCHEDULES:
            raise ValueError(f"schedule must be one of {SCHEDULES}")
        if not (isinstance(self.n, int) and self.n >= 2):
            raise ValueError("the period n must be an integer ≥ 2")
        if not (0 <= self.beta1 < 1 and 0 <= self.beta2 < 1):
            raise ValueError("β1 and β2 must lie in [0, 1)")
        if not (self.alpha > 0 and self.eps >= 0 and self.C > 0):
            raise ValueError("need α > 0, ε ≥ 0, C > 0")
        if self.algorithm != "sgd" and self.beta2 == 0 and self.eps == 0:
            raise ValueError("β2 = 0 with ε = 0 divides by zero")
        if self.eps_mode not in ("inside", "outside"):
            raise ValueError("eps_mode must be inside or outside")
        if not -1 <= self.x1 <= 1:
            raise ValueError("x1 must lie in [−1, 1]")

    def label(self) -> str:
        return (f"{self.algorithm} n={self.n} C={self.C:g} β1={self.beta1:g} β2={self.beta2:g} α={self.alpha:g}"
                f"{'/√t' if self.schedule == 'inv_sqrt_t' else ''}" + (f" ε={self.eps:g} ({self.eps_mode})" if self.eps else "")
                + (" bias-corrected" if self.bias_correction else ""))


def periodic_orbit(G: list, beta, num) -> list:
    """The periodic solution u_j = β u_{j−1} + (1 − β) G_j (indices mod n), in O(n), in the number context ``num``.

    u_{n−1} = (1 − β)/(1 − β^n) Σ_k β^k G_{n−1−k} (closed form); the others follow by the recursion, which is the
    declared EMA step ``ema_momentum`` (its state v) run by the engine's reference.
    """
    n = len(G)
    one = num.num(1)
    acc, p = 0 * one, one
    for k in range(n):
        acc += p * G[n - 1 - k]
        p *= beta
    state = {"v": [(one - beta) / (one - p) * acc]}
    step = Step("ema_momentum", num, gamma=1, beta=beta)
    out = []
    for j in range(n):
        state = step(j + 1, [0 * one], [G[j]], state)[1]
        out.append(state["v"][0])
    return out


def _denominator(num, s: Setting):
    """v ↦ the step's denominator of the setting (ε inside or outside the root), the step language's word."""
    den = namespace(num)["denominator"]
    mode = EPS_MODES[s.eps_mode]
    return lambda v: den(v, s.eps, mode)


def limit_steps(s: Setting) -> "np.ndarray":
    """r∞_j (floats): the step of phase j divided by −α_t on the periodic orbit (t → ∞)."""
    import numpy as np

    G = np.array([s.C] + [-1.0] * (s.n - 1))
    if s.algorithm == "sgd":
        return G
    num = FloatCtx()
    m = np.array(periodic_orbit([float(g) for g in G], float(s.beta1), num))
    v = np.array(periodic_orbit([float(g * g) for g in G], float(s.beta2), num))
    if s.algorithm == "amsgrad":
        v = np.full_like(v, v.max())
    den = _denominator(num, s)
    return m / np.array([den(float(x)) for x in v])


def phase_margins(r, sign: int) -> "np.ndarray":
    """For each starting phase, min over the cycle's suffix sums of −sign·r (the +1 test when sign = +1)."""
    import numpy as np

    d = -sign * np.asarray(r, dtype=float)
    n = d.size
    P = np.concatenate([[0.0], np.cumsum(np.concatenate([d, d]))])
    out = np.empty(n)
    for s0 in range(n):  # suffix sums of d[s0 .. s0+n−1]: P[s0+n] − P[k], k = s0 .. s0+n−1
        out[s0] = P[s0 + n] - P[s0 : s0 + n].max()
    return out


# ---------------------------------------------------------------- float runs (evidence)


def run(s: Setting, T: int, num=None) -> dict:
    """The iterates x_1 … x_{T+1} and R_t/t, by the method's own recursion (the reference updates of
    :mod:`optverify.sim.updates`, run by the engine's reference, not the closed forms), in floats or any number context ``num``."""
    num = num or FloatCtx()
    G = [num.num(s.C)] + [num.num(-1)] * (s.n - 1)
    box = {"schedule": s.schedule, "projection": "box", "radius": 1}
    if s.algorithm == "sgd":
        step = Step("sgd", num, eta=num.num(s.alpha), **box)
    else:
        eps = {} if s.eps == 0 else {"eps": num.num(s.eps), "eps_mode": s.eps_mode}
        step = Step(s.algorithm, num, eta=num.num(s.alpha), beta1=num.num(s.beta1), beta2=num.num(s.beta2),
                    momentum_sign=1, bias_correction1=s.bias_correction, bias_correction2=s.bias_correction, **eps, **box)
    x = [num.num(s.x1)]
    state = step.init(x)
    xs, avg, cum_loss, cum_g = [x[0]], [], num.num(0), num.num(0)
    for t in range(1, T + 1):
        g = G[(t - 1) % s.n]
        cum_loss += g * x[0]
        cum_g += g
        avg.append((cum_loss + abs(cum_g)) / t)  # min over [−1, 1] of Σ g_s y is −|Σ g_s|
        x, state = step(t, x, [g], state)
        xs.append(x[0])
    return {"x": xs, "avg_regret": avg}


def summary(s: Setting, horizons=(1000, 3000, 10000, 30000)) -> dict:
    r = run(s, max(horizons))
    return {
        "setting": s.label(),
        "final_x": r["x"][-1],
        "last_cycle_x": [round(v, 6) for v in r["x"][-s.n - 1 : -1]],
        "avg_regret": {int(h): r["avg_regret"][h - 1] for h in horizons},
    }


# ---------------------------------------------------------------- the certificate


@dataclass
class Certificate:
    setting: dict
    endpoint: int | None  # +1, −1, or None (no certificate)
    phase: int | None = None  # x equals the endpoint at every t ≡ phase + 1 (mod n) with t ≥ t_reach
    t0: int | None = None
    sigma: str | None = None  # lower bound of |cycle sum| of the scaled steps
    t_reach: int | None = None  # by this time x sits at the endpoint at that phase, from any start
    avg_regret_bound: str | None = None  # +1: liminf R_T/T ≥ this; −1: limsup R_T/T ≤ this
    reason: str = ""
    suffix_lower: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def _lo(x):
    """The lower endpoint of an interval, as an mpf."""
    return mpmath.mp.make_mpf(x._mpi_[0])


def _hi(x):
    return mpmath.mp.make_mpf(x._mpi_[1])


def _step_intervals(s: Setting, t0: int) -> list:
    """Intervals for r_j (the step of phase j divided by −α_t), valid at every t ≥ t0."""
    iv = mpmath.iv
    G = [iv.mpf(s.C)] + [iv.mpf(-1)] * (s.n - 1)
    if s.algorithm == "sgd":
        return G
    b1, b2 = iv.mpf(s.beta1), iv.mpf(s.beta2)
    num = IvCtx()
    m_inf = periodic_orbit(G, b1, num)
    v_inf = periodic_orbit([g * g for g in G], b2, num)
    den_of = _denominator(num, s)
    tail1 = iv.mpf([0, b1**t0 if s.beta1 > 0 else 0])
    tail2 = iv.mpf([0, b2**t0 if s.beta2 > 0 else 0])
    bias1 = iv.mpf([1, 1 / (1 - b1**t0)]) if s.bias_correction and s.beta1 > 0 else iv.mpf(1)
    bias2 = iv.mpf([1, 1 / (1 - b2**t0)]) if s.bias_correction and s.beta2 > 0 else iv.mpf(1)
    vmax_inf = max(_hi(vi) for vi in v_inf)
    # AMSGrad: within the last n steps some u had the phase of max_j v∞_j, and v_u ≥ v∞_j − β2^{t0−n} v∞_{n−1}
    vmax_lo = max(_lo(vi - (b2 ** max(t0 - s.n, 0) if s.beta2 > 0 else 0) * v_inf[-1]) for vi in v_inf)
    out = []
    for j in range(s.n):
        m = m_inf[j] - tail1 * m_inf[-1]
        v = v_inf[j] - tail2 * v_inf[-1]
        v = iv.mpf([max(_lo(v), 0), _hi(v)])
        if s.algorithm == "amsgrad":  # v̂_t = max_{u ≤ t} v_u, and every v_u ≤ v∞_{ph(u)} ≤ max_j v∞_j
            v = iv.mpf([max(_lo(v), vmax_lo), vmax_inf])
        mh, vh = m * bias1, v * bias2
        den = den_of(vh)
        if _lo(den) <= 0:
            return []
        out.append(mh / den)
    return out


def _try(s: Setting, t0: int, phase: int, r: list, sign: int) -> Certificate | None:
    iv = mpmath.iv
    n = s.n
    order = [(phase + k) % n for k in range(n)]
    deltas = []
    for pos, j in enumerate(order):
        w = iv.mpf(1) if s.schedule == "constant" else iv.mpf([_lo(iv.sqrt(iv.mpf(t0) / (t0 + pos))), 1])
        deltas.append(-w * r[j] * sign)  # sign-normalised: the +1 test on −x certifies −1
    suffix, acc = [], iv.mpf(0)
    for dlt in reversed(deltas):
        acc = acc + dlt
        suffix.append(acc)
    if any(_lo(x) < 0 for x in suffix) or _lo(suffix[-1]) <= 0:
        return None
    sigma = _lo(suffix[-1])
    return Certificate(asdict(s), sign, phase, t0, mpmath.nstr(sigma, 12), suffix_lower=[mpmath.nstr(_lo(x), 8) for x in reversed(suffix)])


def _reach_and_regret(s: Setting, cert: Certificate, r: list) -> None:
    """Fill in when the endpoint is reached from any start, and what it does to R_T/T."""
    iv = mpmath.iv
    n, t0, sigma = s.n, cert.t0, mpmath.mpf(cert.sigma)
    t_c = t0 + ((cert.phase + 1 - t0) % n)  # the first time ≥ t0 with the certified phase
    need, k = mpmath.mpf(2), 0  # x starts ≥ −1: a rise of 2 reaches the top
    if s.schedule == "constant":
        k = int(mpmath.ceil(need / (s.alpha * sigma)))
    else:  # Σ_{k<K} 1/√(t_c + kn) ≥ (2/n)(√(t_c + Kn) − √t_c)
        k = int(mpmath.ceil(((mpmath.sqrt(t_c) + n * need / (2 * s.alpha * sigma)) ** 2 - t_c) / n))
    cert.t_reach = int(t_c + k * n)
    step_size = sum(max(abs(_lo(x)), abs(_hi(x))) for x in r)  # Σ_j sup|r_j|: the iterate stays within α_t · this of the endpoint
    G = [s.C] + [-1.0] * (n - 1)
    total = iv.mpf(2) * (s.C - (n - 1))  # Σ_j G_j (x_j + 1) with every x_j = +1
    spread = iv.mpf(sum(abs(g) for g in G)) * step_size * (s.alpha if s.schedule == "constant" else 0)
    if cert.endpoint == 1:
        cert.avg_regret_bound = mpmath.nstr(_lo((total - spread) / n), 12)
    else:  # x_j + 1 ≤ steps since the endpoint; the spike term (x_s = −1 at its phase only) is bounded the same way
        cert.avg_regret_bound = mpmath.nstr(_hi(spread / n), 12)


def certify(s: Setting, t0_candidates=(10, 100, 1000, 10_000, 100_000, 1_000_000)) -> Certificate:
    """Prove where x_t ends (+1 or −1 at some phase), by interval arithmetic at 50 digits; endpoint None if no proof."""
    if s.C <= s.n - 1:
        return Certificate(asdict(s), None, reason="C ≤ n − 1: the cycle's total is not positive, x* = −1 is not forced")
    import numpy as np

    r_inf = limit_steps(s)  # screen in floats on the periodic orbit; the proof below is in intervals
    if not np.all(np.isfinite(r_inf)):
        return Certificate(asdict(s), None, reason="the denominator vanishes on the periodic orbit")
    scale = float(np.abs(r_inf).sum())
    candidates = []
    for sg in (1, -1):
        mg = phase_margins(r_inf, sg)
        best = np.argsort(-mg)[:2]
        candidates += [(float(mg[p]), int(p), sg) for p in best if mg[p] > 1e-12 * scale]
    candidates = [(ph, sg) for _, ph, sg in sorted(candidates, reverse=True)]
    if not candidates:
        return Certificate(asdict(s), None, reason="on the periodic orbit no phase has all suffix sums of one sign")
    with mpmath.workdps(50):
        for t0 in t0_candidates:
            r = _step_intervals(s, t0)
            if not r:
                continue
            for ph, sg in candidates:
                cert = _try(s, t0, ph, r, sg)
                if cert is not None:
                    _reach_and_regret(s, cert, r)
                    if cert.t_reach is None:
                        return Certificate(asdict(s), None, reason=cert.reason)
                    cert.reason = (f"for t ≥ {t0} every suffix sum of a cycle starting at phase {ph} has the sign of {sg:+d} "
                                   f"(cycle sum ≥ {cert.sigma} in units of α_t): x_t = {sg:+d} at t ≡ {ph + 1} (mod {s.n}) for all t ≥ {cert.t_reach}")
                    return cert
    return Certificate(asdict(s), None, reason=f"the tails do not settle by t0 = {t0_candidates[-1]}")
