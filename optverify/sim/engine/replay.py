"""Printed algorithms on f(w) = h w²/2 from w_1 with exact gradients, in any number context.

The ``Pseudocode`` checks and their 50-digit replays name an algorithm and its
printed parameters (``eta_power`` p for η_t = η/t^p, one ``bias_correction``
flag, ...); ``printed_config`` maps them onto a declared update's schema, and
the run is the declared step (``reference.trajectory``).
"""

from __future__ import annotations

from .reference import Step, trajectory

__all__ = ["printed_config", "printed_step", "run_on_quadratic"]

_SCHEDULE_OF_POWER = {0: "constant", 0.5: "inv_sqrt_t", 1: "inv_t"}


def _schedule(p: dict, key: str) -> str:
    power = p.pop(key, 0)
    if power not in _SCHEDULE_OF_POWER:
        raise ValueError(f"{key} must be one of {sorted(_SCHEDULE_OF_POWER)}")
    return _SCHEDULE_OF_POWER[power]


def printed_config(num, algorithm: str, params: dict):
    """(declared update name, its parameters) of a printed algorithm with the Pseudocode parameter names."""
    p = dict(params)
    if algorithm == "adam":
        bc, sched = p.pop("bias_correction", True), _schedule(p, "eta_power")
        return "adam", {"momentum_sign": -1, **p, "schedule": sched, "bias_correction1": bc, "bias_correction2": bc}
    if algorithm in ("adagrad_diag_box", "adagrad_norm_ball"):
        D = num.num(p.pop("D"))
        c = num.num(p.pop("c")) if "c" in p else num.num(p.pop("c_over_D", 2**0.5)) * D
        name, region = ("adagrad_diag", "box") if algorithm == "adagrad_diag_box" else ("adagrad_norm", "ball")
        return name, {"c": c, "projection": region, "radius": D, **p}
    if algorithm in ("heavy_ball", "nesterov", "sgd_momentum"):
        return algorithm, p
    if algorithm == "sign":
        sched = _schedule(p, "eta_power")
        return "sign_sgd", {**p, "schedule": sched}
    if algorithm == "adamal":
        alpha, sched = p.pop("alpha", p.pop("eta", None)), _schedule(p, "alpha_power")
        return "adamal", {**p, "alpha": alpha, "schedule": sched}
    raise ValueError(f"unknown algorithm {algorithm!r}")


def run_on_quadratic(num, algorithm: str, params: dict, T: int, h=1, w1=1) -> list:
    """[w_1, ..., w_{T+1}] of the printed algorithm on f(w) = h w²/2 (g_t = h w_t)."""
    name, values = printed_config(num, algorithm, params)
    h = num.num(h)
    return [w[0] for w in trajectory(name, num, [num.num(w1)], lambda t, w: [h * w[0]], T, **values)]


def printed_step(num, algorithm: str, params: dict) -> Step:
    """The declared step of a printed algorithm (Pseudocode parameter names), as a function on lists."""
    name, values = printed_config(num, algorithm, params)
    return Step(name, num, **values)
