"""Number contexts: the same algorithm code runs in floats (search) and in 50-digit mpmath (replay)."""

from __future__ import annotations

import math

import mpmath

REPLAY_DPS = 50


class FloatCtx:
    """IEEE doubles, for fast search."""

    name = "float64"

    @staticmethod
    def num(x):
        return float(x)

    sqrt = staticmethod(math.sqrt)
    exp = staticmethod(math.exp)
    log = staticmethod(math.log)
    fabs = staticmethod(abs)

    @staticmethod
    def sign(x):
        return (x > 0) - (x < 0)


class _MpFunctions:
    """num, sqrt, exp, log and fabs through ``self.mp`` (an mpmath context: real numbers or intervals)."""

    def num(self, x):
        return self.mp.mpf(x)

    def sqrt(self, x):
        return self.mp.sqrt(x)

    def exp(self, x):
        return self.mp.exp(x)

    def log(self, x):
        return self.mp.log(x)

    def fabs(self, x):
        return abs(x)


class MpCtx(_MpFunctions):
    """mpmath at ``dps`` digits, for replaying certificates."""

    def __init__(self, dps: int = REPLAY_DPS):
        self.mp = mpmath.mp.clone()
        self.mp.dps = dps
        self.name = f"mpmath-{dps}"

    sign = staticmethod(FloatCtx.sign)


class IvCtx(_MpFunctions):
    """mpmath interval arithmetic (``mpmath.iv`` at its current precision), for certificates that enclose a run."""

    name = "mpmath-iv"

    def __init__(self):
        self.mp = mpmath.iv


def show(x, digits: int = 20) -> str:
    """A number as a decimal string for evidence (50-digit values keep ``digits`` significant digits)."""
    if isinstance(x, float):
        return repr(x)
    try:
        return mpmath.nstr(x, digits)
    except Exception:
        return str(x)


def sigmoid(num, u):
    """1/(1 + e^{−u}) in the number context ``num``, without overflow for large |u|."""
    if u >= 0:
        return 1 / (1 + num.exp(-u))
    e = num.exp(u)
    return e / (1 + e)


def softplus(num, u):
    """log(1 + e^u) in the number context ``num``, without overflow for large u."""
    return num.log(1 + num.exp(u)) if u < 30 else u + num.log(1 + num.exp(-u))
