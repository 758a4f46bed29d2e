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

from .. import engine
from ..engine.declaration import REQUIRED, Param, check_domain, encode
from ..updates.vocabulary import EPS_MODES, PROJECTIONS, SCHEDULES
from . import distributed, momentum, normalized, second_order, sgd, variance_reduction

__all__ = ["Spec", "Config", "ALGORITHMS", "config", "REQUIRED", "register_update"]



@dataclass(frozen=True)
class Spec:
    """One algorithm: kernel, index in the registry, ordered parameters (name, default, encoding), source."""

    name: str
    code: int
    _kernel: Callable
    params: tuple  # of (name, default, encoding): encoding float | int | bool | dict | "blocks"
    source: str
    doc: str = ""
    update: Any = None  # the declaration (optverify/sim/updates) when the kernel is generated from one

    @property
    def kernel(self) -> Callable:
        return engine.module(self.name).kernel if self.update is not None else self._kernel


def _sched():
    return (("schedule", "constant", SCHEDULES), ("schedule_a", 0.0, float))


def _proj():
    return (("projection", "none", PROJECTIONS), ("radius", math.inf, float))


_SPECS = [  # a name alone: the update is declared in optverify/sim/updates (its kernel generated)
    "sgd",
    "gradient_descent",
    "projected_sgd_strongly_convex",
    "sgd_weight_decay",
    ("minibatch_sgd", sgd.minibatch_sgd, (("eta", REQUIRED, float), *_sched(), ("B", 1, int)),
     "003 Algorithm 6, line 1126"),
    ("sgd_erm_shuffle", sgd.sgd_erm_shuffle, (("eta", REQUIRED, float), ("reshuffle", True, bool)),
     "003 Algorithm 3, line 385"),
    "adagrad_norm",
    "adagrad_diag",
    "adaptive_sgd_ema",
    "adaptive_sgd_ema_corrected",
    "rmsprop",
    "adam",
    "amsgrad",
    "adam_l2",
    "adamw",
    "adamal",
    "sign_sgd",
    "heavy_ball",
    "nesterov",
    "sgd_momentum",
    "ema_momentum",
    ("gd_momentum", momentum.gd_momentum,
     (("eta", REQUIRED, float), ("beta", 0.0, float), ("two_step", False, bool), ("update_sign", -1.0, float),
      ("beta_schedule", "constant", {"constant": 0, "accelerated": 1})), "003 Algorithm 10, line 2003"),
    "sgd_momentum_alpha",
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
    "sgdm",  # appended: the codes above keep their values
    "proximal_mda",
    "ftprl_composite",
    "ftprl_composite_printed",
]



def _spec(code, entry) -> Spec:
    if isinstance(entry, str):
        u = engine.BUNDLED[entry]
        return Spec(u.name, code, None, tuple(p.as_tuple() for p in u.params), u.source, u.doc, u)
    name, kern, params, src = entry
    return Spec(name, code, kern, params, src, (kern.__doc__ or "").strip())


ALGORITHMS: dict[str, Spec] = {s.name: s for s in (_spec(code, e) for code, e in enumerate(_SPECS))}


def register_update(u) -> Spec:
    """Add a user's declared update (``engine.declare``) to the registry: ``config(u.name, ...)`` then works."""
    code = ALGORITHMS[u.name].code if u.name in ALGORITHMS else len(ALGORITHMS)
    ALGORITHMS[u.name] = Spec(u.name, code, None, tuple(p.as_tuple() for p in u.params), u.source, u.doc, u)
    return ALGORITHMS[u.name]


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
    if isinstance(enc, str) and enc == "blocks":
        if value is None:
            return [0.0]
        b = [int(x) for x in value]
        return [float(len(b) - 1), *map(float, b)]
    return [float(encode(Param(name, None, enc, None), value))]


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
        if spec.update is not None:
            check_domain(spec.update, spec.update.params[len(values) - 1], value)
        prm.extend(_encode(pname, value, enc))
    return Config(name, values, np.asarray(prm, dtype=np.float64))
