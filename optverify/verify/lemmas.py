"""Named lemmas for vectors of any dimension and sequences of any length, each proved by induction on the length.

A lemma is a template statement over sequences a(i), b(i), … of length n; its
proof is an induction (:func:`optverify.verify.induction.induct`) whose state
summarises the sums (or the maximum) the statement speaks of.  A claim is
reduced to a lemma by an instance (each template mapped to the claim's
expression); the check verifies that the instantiated lemma is the claim's
relation, decides the lemma's side conditions for the instance, and proves the
lemma itself, so nothing is assumed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from optverify.claims.specs import Range

i = sp.Symbol("i", integer=True, positive=True)
n = sp.Symbol("n", integer=True, nonnegative=True)
a, b = sp.Function("a"), sp.Function("b")
max_over = sp.Function("max_over")  # max_over(expr, i, 1, n): max over i = 1..n of expr (0 for n = 0)

_R = Range(-sp.oo, sp.oo)
_NONNEG = Range(sp.Integer(0), sp.oo)
C, A, B, M, S, N, P, x, y, w, D = sp.symbols("C A B M S N P x y w D", real=True)


def _sum(e):
    return sp.Sum(e, (i, 1, n))


@dataclass(frozen=True)
class Lemma:
    name: str
    text: str
    templates: tuple  # names the instance must map: "a", "b", "n", …
    lhs: sp.Expr
    rel: str
    rhs: sp.Expr
    proof: dict  # keyword arguments of induct(): the induction on n
    meaning: dict = field(default_factory=dict)  # state symbol → what it sums
    side: tuple = ()  # (template relation in a(i), b(i), description) to decide for the instance


LEMMAS: dict[str, Lemma] = {}


def _lemma(lm: Lemma) -> None:
    LEMMAS[lm.name] = lm


_lemma(Lemma(
    "Cauchy–Schwarz for sums", "Σ_{i≤n} a_i b_i ≤ √(Σ a_i²) √(Σ b_i²) for real a_i, b_i and every n",
    ("a", "b", "n"), _sum(a(i) * b(i)), "<=", sp.sqrt(_sum(a(i) ** 2)) * sp.sqrt(_sum(b(i) ** 2)),
    dict(state={C: 0, A: 0, B: 0}, element={x: _R, y: _R}, update={C: C + x * y, A: A + x**2, B: B + y**2},
         invariant=(A >= 0, B >= 0, C**2 <= A * B), goal=sp.Le(C, sp.sqrt(A) * sp.sqrt(B))),
    {"C": "Σ a_i b_i", "A": "Σ a_i²", "B": "Σ b_i²", "x": "a_{n+1}", "y": "b_{n+1}"}))

_lemma(Lemma(
    "max-norm at most 2-norm", "max_{i≤n} |a_i| ≤ √(Σ_{i≤n} a_i²) for every n",
    ("a", "n"), max_over(sp.Abs(a(i)), i, 1, n), "<=", sp.sqrt(_sum(a(i) ** 2)),
    dict(state={M: 0, S: 0}, element={x: _R}, update={M: sp.Max(M, sp.Abs(x)), S: S + x**2},
         invariant=(M >= 0, M**2 <= S), goal=sp.Le(M, sp.sqrt(S))),
    {"M": "max |a_i|", "S": "Σ a_i²", "x": "a_{n+1}"}))

_lemma(Lemma(
    "2-norm at most √n max-norm", "√(Σ_{i≤n} a_i²) ≤ √n max_{i≤n} |a_i| for every n",
    ("a", "n"), sp.sqrt(_sum(a(i) ** 2)), "<=", sp.sqrt(n) * max_over(sp.Abs(a(i)), i, 1, n),
    dict(state={N: 0, M: 0, S: 0}, element={x: _R}, update={N: N + 1, M: sp.Max(M, sp.Abs(x)), S: S + x**2},
         invariant=(N >= 0, M >= 0, S <= N * M**2), goal=sp.Le(sp.sqrt(S), sp.sqrt(N) * M)),
    {"N": "n", "M": "max |a_i|", "S": "Σ a_i²", "x": "a_{n+1}"}))

_lemma(Lemma(
    "sum over root of partial sums", "Σ_{t≤n} a_t/√(Σ_{τ≤t} a_τ) ≤ 2√(Σ_{t≤n} a_t) for a_t ≥ 0 with positive partial sums",
    ("a", "n"), _sum(a(i) / sp.sqrt(sp.Sum(a(sp.Symbol("tau", integer=True, positive=True)), (sp.Symbol("tau", integer=True, positive=True), 1, i)))),
    "<=", 2 * sp.sqrt(_sum(a(i))),
    dict(state={P: 0, S: 0}, element={x: _NONNEG}, given=(P + x > 0,), update={P: P + x, S: S + x / sp.sqrt(P + x)},
         invariant=(P >= 0, S <= 2 * sp.sqrt(P)), goal=sp.Le(S, 2 * sp.sqrt(P))),
    {"P": "Σ a_t", "S": "Σ a_t/√(a_{1:t})", "x": "a_{n+1}"},
    side=((a(i) >= 0, "every a_t ≥ 0"),)))

_lemma(Lemma(
    "projection onto a box is non-expansive", "Σ_i (Π_{[−D,D]}(a_i) − b_i)² ≤ Σ_i (a_i − b_i)² when every |b_i| ≤ D",
    ("a", "b", "n", "D"), _sum((sp.Max(-D, sp.Min(D, a(i))) - b(i)) ** 2), "<=", _sum((a(i) - b(i)) ** 2),
    dict(state={P: 0, S: 0}, element={x: _R, y: _R}, params={D: _NONNEG}, given=(sp.Abs(y) <= D,),
         update={P: P + (sp.Max(-D, sp.Min(D, x)) - y) ** 2, S: S + (x - y) ** 2}, invariant=(P <= S,), goal=sp.Le(P, S)),
    {"P": "Σ (Π(a_i) − b_i)²", "S": "Σ (a_i − b_i)²", "x": "a_{n+1}", "y": "b_{n+1}"},
    side=((sp.Abs(b(i)) <= D, "every |b_i| ≤ D"),)))


def instantiate(lemma: Lemma, instance: dict) -> tuple[sp.Expr, sp.Expr, list]:
    """The lemma's two sides and side conditions with the templates replaced by the instance."""
    funcs = {"a": a, "b": b}
    syms = {"n": n, "D": D}

    def sub(e):
        for name, f in funcs.items():
            if name in instance:
                lam = instance[name]
                e = e.replace(f, lambda *args, lam=lam: lam(*args) if callable(lam) else lam)
        return e.subs({syms[k]: v for k, v in instance.items() if k in syms}, simultaneous=True)

    return sub(lemma.lhs), sub(lemma.rhs), [(sub(r), why) for r, why in lemma.side]
