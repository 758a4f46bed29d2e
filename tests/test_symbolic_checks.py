"""Symbolic strategy on claims whose truth is known by construction."""

import mpmath
import sympy as sp

from optverify.checks.result import CheckContext
from optverify.checks.symbolic import check_identity, check_induction, check_limit
from optverify.claims.specs import Identity, Induction, Limit, integers, open_

b = sp.Symbol("beta", positive=True)
t = sp.Symbol("t", integer=True, positive=True)
n = sp.Symbol("n", integer=True, positive=True)
tau = sp.Symbol("tau", integer=True, nonnegative=True)
s = sp.Symbol("sigma", positive=True)
g = sp.Function("g")
DOM = {b: open_(0, 1), t: integers(1, 10), n: integers(1, 10)}
CTX = CheckContext(seed=7)


def test_true_geometric_sum_is_proved():
    r = check_identity(Identity(sp.Sum(b**tau, (tau, 0, t - 1)), (1 - b**t) / (1 - b), domain=DOM), CTX)
    assert r.verdict == "proved"
    assert r.evidence["residual"] == "0"


def test_off_by_one_geometric_sum_is_refuted_with_a_replayable_point():
    r = check_identity(Identity(sp.Sum(b**tau, (tau, 0, t)), (1 - b**t) / (1 - b), domain=DOM), CTX)
    assert r.verdict == "refuted"
    cert = r.certificate
    point = {sp.Symbol(k, positive=True) if k == "beta" else sp.Symbol(k, integer=True, positive=True): sp.Rational(v) for k, v in cert["point"].items()}
    bv, tv = point[b], point[t]
    lhs = sum(bv**k for k in range(int(tv) + 1))
    rhs = (1 - bv**tv) / (1 - bv)
    # the certificate's numbers are the exact values, and they differ
    assert abs(mpmath.mpf(cert["lhs"]) - mpmath.mpf(sp.N(lhs, 50))) < mpmath.mpf(10) ** -40
    assert abs(mpmath.mpf(cert["rhs"]) - mpmath.mpf(sp.N(rhs, 50))) < mpmath.mpf(10) ** -40
    assert lhs != rhs
    assert "replay" in cert


def test_ema_variance_true_and_wrong_exponent():
    var = s**2 * sp.Sum(b ** (2 * tau), (tau, 0, t - 1)) / sp.Sum(b**tau, (tau, 0, t - 1)) ** 2
    true = s**2 * (1 - b) ** 2 * (1 - b ** (2 * t)) / ((1 - b**2) * (1 - b**t) ** 2)
    wrong_exponent = s**2 * (1 - b) ** 2 * (1 - b ** (2 * t - 1)) / ((1 - b**2) * (1 - b**t) ** 2)
    dropped_square = s**2 * (1 - b) * (1 - b ** (2 * t)) / ((1 - b**2) * (1 - b**t) ** 2)
    assert check_identity(Identity(var, true, domain=DOM), CTX).verdict == "proved"
    for wrong in (wrong_exponent, dropped_square):
        r = check_identity(Identity(var, wrong, domain=DOM), CTX)
        assert r.verdict == "refuted"
        assert sp.Float(r.certificate["difference"]) != 0


def test_ema_mean_with_and_without_bias_correction():
    mu = sp.Symbol("mu", real=True)
    step = lambda prev, k: b * prev + (1 - b) * mu  # noqa: E731
    ok = Induction(lambda k: (1 - b**k) * mu, step, n, 0, sp.Integer(0), domain=DOM)
    assert check_induction(ok, CTX).verdict == "proved"
    # "E[m_t] = μ" without the bias correction is false at t = 1
    r = check_induction(Induction(lambda k: mu, step, n, 1, (1 - b) * mu, domain=DOM), CTX)
    assert r.verdict == "refuted"


def test_induction_failing_only_at_its_base_case():
    # x_n = x_{n-1} + 1 is solved by n + c for any c; the claim x_n = n + 1 with x_0 = 0 fails only at the base
    r = check_induction(Induction(lambda k: k + 1, lambda prev, k: prev + 1, n, 0, sp.Integer(0), domain=DOM), CTX)
    assert r.verdict == "refuted"
    assert "base case" in r.summary
    assert r.evidence["step"].endswith("= 0")


def test_limit_reading_of_approximations():
    assert check_limit(Limit((1 - b) / (1 + b), (1 - b) / 2, b, 1, "-"), CTX).verdict == "proved"
    r = check_limit(Limit((1 - b) / (1 + b), 1 - b, b, 1, "-"), CTX)
    assert r.verdict == "refuted" and r.certificate["limit_of_ratio"] == "1/2"


def test_max_identities_are_proved_and_a_swapped_one_is_refuted():
    from optverify.claims.specs import closed

    x, y = sp.symbols("x y", nonnegative=True)
    box = {x: closed(0, 10), y: closed(0, 10)}
    r = check_identity(Identity(sp.Max(x, y) - x, sp.Max(0, y - x), domain=box), CTX)
    assert r.verdict == "proved" and any("max(x, y)" in st for st in r.evidence["steps"])
    k = sp.Symbol("k", positive=True)  # a weighted form, as in a rate bound: k·max(x, y) − k·x
    assert check_identity(Identity(k * sp.Max(x, y) - k * x - sp.Max(0, y - x) * k, sp.Integer(0), domain={**box, k: closed(0, 5)}),
                          CTX).verdict == "proved"
    wrong = check_identity(Identity(sp.Max(x, y) - x, sp.Max(0, x - y), domain=box), CTX)
    assert wrong.verdict == "refuted" and wrong.certificate["point"]
