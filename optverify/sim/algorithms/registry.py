"""The algorithm registry: names, kernel codes, parameter layouts and their sources.

``config(name, **params)`` validates the named parameters of an algorithm and
builds its ``prm`` vector; ``ALGORITHMS[name]`` holds the kernel, its
parameter layout and where the update is printed.  The prange drivers of
``mc_drivers.py`` are generated from this registry (tools/gen_mc_drivers.py).
Defaults reproduce the update *as printed* wherever the sources print one;
parameters the sources disagree on without a printed default (Adam's
momentum sign) must be given.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from . import adaptive, distributed, momentum, normalized, second_order, sgd, variance_reduction
from ._common import PROJECTIONS, SCHEDULES

__all__ = ["Spec", "Config", "ALGORITHMS", "config", "REQUIRED"]

REQUIRED = object()

EPS_MODES = {"none": 0, "eps2_inside": 1, "outside": 2, "inside": 3}
BETA1_MODES = {"constant": 0, "geometric": 1, "inv_t": 2}


@dataclass(frozen=True)
class Spec:
    """One algorithm: kernel, index in the registry, ordered parameters (name, default, encoding), source."""

    name: str
    code: int
    kernel: Callable
    params: tuple  # of (name, default, encoding): encoding float | int | bool | dict | "blocks"
    source: str
    doc: str = ""


def _sched():
    return (("schedule", "constant", SCHEDULES), ("schedule_a", 0.0, float))


def _proj():
    return (("projection", "none", PROJECTIONS), ("radius", math.inf, float))


def _adam_params(momentum_sign=REQUIRED, bc=True, eps_mode="none"):
    return (("eta", REQUIRED, float), *_sched(), ("beta1", 0.9, float), ("beta2", 0.999, float),
            ("eps", 0.0, float), ("eps_mode", eps_mode, EPS_MODES), ("momentum_sign", momentum_sign, float),
            ("bias_correction1", bc, bool), ("bias_correction2", bc, bool),
            ("beta1_mode", "constant", BETA1_MODES), ("beta1_decay", 1.0, float), *_proj())


_SPECS = [
    ("sgd", sgd.sgd, (("eta", REQUIRED, float), *_sched(), *_proj()),
     "003 Alg. 1 l.152, Alg. 2 l.287/857, Alg. 3 l.994, l.1084; 003 Thm 15.1; 001 eq. (3) l.39; 002 l.39; 004 l.18"),
    ("gradient_descent", sgd.gradient_descent, (("eta", REQUIRED, float),), "003 Algorithm 1, line 152"),
    ("projected_sgd_strongly_convex", sgd.projected_sgd_strongly_convex,
     (("mu", REQUIRED, float), ("D", REQUIRED, float)), "003 Theorem 22.1, line 3136"),
    ("sgd_weight_decay", sgd.sgd_weight_decay,
     (("gamma", REQUIRED, float), ("lam", REQUIRED, float), ("mode", "l2", {"l2": 0, "weight_decay": 1})),
     "004 lines 463-469"),
    ("minibatch_sgd", sgd.minibatch_sgd, (("eta", REQUIRED, float), *_sched(), ("B", 1, int)),
     "003 Algorithm 6, line 1126"),
    ("sgd_erm_shuffle", sgd.sgd_erm_shuffle, (("eta", REQUIRED, float), ("reshuffle", True, bool)),
     "003 Algorithm 3, line 385"),
    ("adagrad_norm", adaptive.adagrad_norm,
     (("c", REQUIRED, float), ("eps", 0.0, float), ("eps_mode", "none", EPS_MODES), ("lag", 0, int), *_proj()),
     "000 Theorem 2 l.80; 003 Algorithm 7 l.1391, Algorithm 10 l.1679, l.1365"),
    ("adagrad_diag", adaptive.adagrad_diag,
     (("c", REQUIRED, float), ("eps", 0.0, float), ("eps_mode", "none", EPS_MODES), ("lag", 0, int), *_proj()),
     "000 Theorem 3 l.91, l.51, l.73; 004 l.215"),
    ("adaptive_sgd_ema", adaptive.adaptive_sgd_ema,
     (("c", REQUIRED, float), ("eps", 1e-4, float), ("beta", REQUIRED, float)), "003 Algorithm 8, line 1803"),
    ("adaptive_sgd_ema_corrected", adaptive.adaptive_sgd_ema_corrected,
     (("c", REQUIRED, float), ("eps", 1e-4, float), ("beta", REQUIRED, float)), "003 Algorithm 9, line 1825"),
    ("rmsprop", adaptive.rmsprop,
     (("gamma", REQUIRED, float), ("rho", 0.9, float), ("eps", 1e-8, float), ("eps_mode", "inside", EPS_MODES)),
     "004 line 227"),
    ("adam", adaptive.adam, _adam_params(),
     "000 Alg. 1 l.195; 003 Alg. 12 l.2448; 002 l.322-365; 004 l.243, l.298"),
    ("amsgrad", adaptive.amsgrad, (*_adam_params(momentum_sign=1.0, bc=False),
                                   ("ams_mode", "reddi", {"reddi": 1, "feedback": 2})),
     "004 line 430 (Reddi et al. Alg. 2); 001 eq. (16), line 182"),
    ("adam_l2", adaptive.adam_l2, (*_adam_params(momentum_sign=1.0, eps_mode="inside"), ("lam", REQUIRED, float),
                                   ("l2_mode", "mhat", {"gradient": 1, "mhat": 2})), "004 lines 482-484"),
    ("adamw", adaptive.adamw, (*_adam_params(momentum_sign=1.0, eps_mode="inside"), ("lam", REQUIRED, float)),
     "004 line 496"),
    ("adamal", adaptive.adamal,
     (("alpha", REQUIRED, float), *_sched(), ("beta1", 0.9, float), ("beta2", 0.999, float),
      ("v_beta", "beta1", {"beta1": 0, "beta2": 1}), ("eps", 0.0, float), ("eps_mode", "none", EPS_MODES),
      *_proj()), "001 Algorithm 1, line 212"),
    ("sign_sgd", adaptive.sign_sgd, (("eta", REQUIRED, float), *_sched()), "000 line 281; 003 line 2550"),
    ("heavy_ball", momentum.heavy_ball, (("eta", REQUIRED, float), ("beta", REQUIRED, float)), "002 line 103"),
    ("nesterov", momentum.nesterov, (("eta", REQUIRED, float), ("beta", REQUIRED, float)), "002 line 224"),
    ("sgd_momentum", momentum.sgd_momentum, (("eta", REQUIRED, float), ("beta", REQUIRED, float)), "002 line 228"),
    ("ema_momentum", momentum.ema_momentum, (("gamma", REQUIRED, float), ("beta", REQUIRED, float)),
     "004 lines 103-108"),
    ("gd_momentum", momentum.gd_momentum,
     (("eta", REQUIRED, float), ("beta", 0.0, float), ("two_step", False, bool), ("update_sign", -1.0, float),
      ("beta_schedule", "constant", {"constant": 0, "accelerated": 1})), "003 Algorithm 10, line 2003"),
    ("sgd_momentum_alpha", momentum.sgd_momentum_alpha,
     (("eta", REQUIRED, float), ("alpha", REQUIRED, float), ("first_step_eta", False, bool)),
     "003 Algorithm 16, line 2701"),
    ("accelerated_gd", momentum.accelerated_gd, (("eta", REQUIRED, float),), "003 Algorithm 11, line 2083"),
    ("normalized_sgd_momentum", normalized.normalized_sgd_momentum,
     (("eta", REQUIRED, float), ("alpha", REQUIRED, float)), "003 line 3436"),
    ("normalized_sgd_vr_momentum", normalized.normalized_sgd_vr_momentum,
     (("eta", REQUIRED, float), ("alpha", REQUIRED, float)), "003 line 3600"),
    ("lars", normalized.lars, (("eta", REQUIRED, float), ("blocks", None, "blocks")), "003 line 3714"),
    ("lamb", normalized.lamb,
     (("eta", REQUIRED, float), ("beta1", 0.9, float), ("beta2", None, float),
      ("variant", "adam", {"momentum": 0, "adam": 1}), ("new_m", False, bool), ("eps", 0.0, float),
      ("eps_mode", "none", EPS_MODES), ("blocks", None, "blocks")), "003 lines 3720, 3724"),
    ("svrg", variance_reduction.svrg, (("eta", REQUIRED, float), ("N", 0, int)), "003 Algorithm 17, line 3354"),
    ("parallel_minibatch_sgd", distributed.parallel_minibatch_sgd,
     (("eta", REQUIRED, float), ("B", REQUIRED, int), ("M", REQUIRED, int)), "003 Algorithm 13, line 2579"),
    ("hogwild", distributed.hogwild,
     (("eta", REQUIRED, float), ("tau", 0, int), ("delay", "fixed", {"fixed": 0, "uniform": 1}),
      ("coordinate", True, bool), ("scale_by_d", False, bool)),
     "003 Algorithm 14 l.2608, Algorithm 15 l.2633, proof l.2667"),
    ("cubic_newton", second_order.cubic_newton, (("J", REQUIRED, float),), "003 lines 3827, 3861"),
]

ALGORITHMS: dict[str, Spec] = {
    name: Spec(name, code, kern, params, src, (kern.__doc__ or "").strip())
    for code, (name, kern, params, src) in enumerate(_SPECS)
}


@dataclass(frozen=True)
class Config:
    """A named algorithm with its parameters; ``prm`` is what the kernel reads."""

    name: str
    values: dict = field(default_factory=dict)
    prm: Any = None

    @property
    def spec(self) -> Spec:
        return ALGORITHMS[self.name]

    @property
    def code(self) -> int:
        return self.spec.code

    @property
    def kernel(self):
        return self.spec.kernel

    def replace(self, **changes) -> "Config":
        return config(self.name, **{**self.values, **changes})

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.values.items())
        return f"Config({self.name!r}, {inner})"


def _encode(name, value, enc):
    if enc is float:
        return [float(value)]
    if enc is int:
        if int(value) != value:
            raise ValueError(f"{name} must be an integer")
        return [float(int(value))]
    if enc is bool:
        return [1.0 if value else 0.0]
    if isinstance(enc, dict):
        if isinstance(value, str):
            if value not in enc:
                raise ValueError(f"{name} must be one of {sorted(enc)}, got {value!r}")
            return [float(enc[value])]
        if value in enc.values():
            return [float(value)]
        raise ValueError(f"{name} must be one of {sorted(enc)}")
    if enc == "blocks":
        if value is None:
            return [0.0]
        b = [int(x) for x in value]
        return [float(len(b) - 1), *map(float, b)]
    raise TypeError(enc)


def config(name: str, **params) -> Config:
    """Validate ``params`` for algorithm ``name`` and build its Config (with ``prm``)."""
    if name not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {name!r}; one of {sorted(ALGORITHMS)}")
    spec = ALGORITHMS[name]
    known = {p[0] for p in spec.params}
    unknown = set(params) - known
    if unknown:
        raise ValueError(f"{name}: unknown parameter(s) {sorted(unknown)}; known {sorted(known)}")
    values, prm = {}, []
    for pname, default, enc in spec.params:
        value = params.get(pname, default)
        if value is REQUIRED:
            raise ValueError(f"{name}: parameter {pname!r} is required")
        if name == "lamb" and pname == "beta2" and value is None:
            value = values["beta1"]  # printed: one beta for both moments
        values[pname] = value
        prm.extend(_encode(pname, value, enc))
    return Config(name, values, np.asarray(prm, dtype=np.float64))
