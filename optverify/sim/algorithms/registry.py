"""The algorithm registry: names, codes and, from each name's declaration, its parameter layout and source.

Every algorithm is an update declared once in ``optverify/sim/updates`` (``engine.BUNDLED``): its kernel
and Monte Carlo drivers are generated from the declaration (``engine/codegen.py``).  ``config(name,
**params)`` validates the named parameters of an algorithm and builds its ``prm`` vector.  Defaults
reproduce the update *as printed* wherever the sources print one; parameters the sources disagree on
without a printed default (Adam's momentum sign) must be given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .. import engine
from ..engine.declaration import REQUIRED, check_domain, encode

__all__ = ["Spec", "Config", "ALGORITHMS", "config", "REQUIRED", "register_update"]


@dataclass(frozen=True)
class Spec:
    """One algorithm: index in the registry, ordered parameters (name, default, encoding), source, declaration."""

    name: str
    code: int
    params: tuple  # of (name, default, encoding): encoding float | int | bool | dict | "blocks"
    source: str
    doc: str
    update: Any  # the declaration (optverify/sim/updates) the kernel is generated from

    @property
    def kernel(self):
        return engine.module(self.name).kernel


_SPECS = [  # the order gives the codes; each update is declared in optverify/sim/updates
    "sgd",
    "gradient_descent",
    "projected_sgd_strongly_convex",
    "sgd_weight_decay",
    "minibatch_sgd",
    "sgd_erm_shuffle",
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
    "gd_momentum",
    "sgd_momentum_alpha",
    "accelerated_gd",
    "normalized_sgd_momentum",
    "normalized_sgd_vr_momentum",
    "lars",
    "lamb",
    "svrg",
    "parallel_minibatch_sgd",
    "hogwild",
    "cubic_newton",
    "sgdm",  # appended: the codes above keep their values
    "proximal_mda",
    "ftprl_composite",
    "ftprl_composite_printed",
]


def _spec(code: int, u) -> Spec:
    return Spec(u.name, code, tuple(p.as_tuple() for p in u.params), u.source, u.doc, u)


ALGORITHMS: dict[str, Spec] = {name: _spec(code, engine.BUNDLED[name]) for code, name in enumerate(_SPECS)}


def register_update(u) -> Spec:
    """Add a user's declared update (``engine.declare``) to the registry: ``config(u.name, ...)`` then works."""
    code = ALGORITHMS[u.name].code if u.name in ALGORITHMS else len(ALGORITHMS)
    ALGORITHMS[u.name] = _spec(code, u)
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
        p = spec.update.params[len(values)]
        if value is None and p.default_from is not None:
            value = values[p.default_from]
        values[pname] = value
        check_domain(spec.update, p, value)
        x = encode(p, value)
        prm.extend(x if isinstance(x, list) else [x])
    return Config(name, values, np.asarray(prm, dtype=np.float64))
