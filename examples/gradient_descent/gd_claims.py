"""The claims of notes.md (Lecture 3: gradient descent on smooth functions), one per printed statement.

Run ``optverify run --claims examples/gradient_descent/gd_claims.py 'gd:*'``: Lemma 3 (a wrong
constant) and Theorem 2 (a wrong exponent) are refuted with replayable certificates; the rest
is proved or consistent.  The tutorial (docs/tutorial.md) builds this file step by step.
"""

from pathlib import Path

import sympy as sp

import optverify as ov
from optverify.notation import D, H, T, eta

notes = ov.Source(Path(__file__).with_name("notes.md"), name="gd")


# ---------------------------------------------------------------- the instances the notes speak of

@ov.family({"H": ov.real(0.1, 10), "a": ov.real(-1, 1, nonzero=0.05), "b": ov.real(-4, 4), "c": ov.real(0.1, 3),
            "x": ov.real(-3, 3), "y": ov.real(-3, 3)},
           description="f(x) = (a/2)·x² + b·log(1 + e^{cx}) with smoothness H scaled to the given H")
def smooth_1d(p, num):
    """A one-dimensional H-smooth function with exact H = sup |f''| = max(|a|, |a + b c²/4|), rescaled to H."""
    a, b, c, x, y = (num.num(p[k]) for k in "abcxy")
    scale = num.num(p["H"]) / max(abs(a), abs(a + b * c * c / 4))
    f = lambda z: scale * (a * z * z / 2 + b * num.log(1 + num.exp(c * z)))  # noqa: E731
    df = lambda z: scale * (a * z + b * c / (1 + num.exp(-c * z)))  # noqa: E731
    g, Hn = df(x), num.num(p["H"])
    x_next = x - g / Hn  # one gradient step with η = 1/H
    return {"gap": f(y) - f(x) - g * (y - x), "quad": Hn / 2 * (y - x) ** 2,
            "decrease": f(x) - f(x_next), "g2_over_2H": g * g / (2 * Hn), "g2_over_H": g * g / Hn}


@ov.family({"kind": ov.choice("quadratic", "huber"), "H": ov.real(0.1, 10), "lam": ov.real(0, 1),
            "delta": ov.real(0.01, 1), "x0": ov.real(-5, 5, nonzero=1e-3), "T": ov.integer(1, 40)},
           description="1-D convex H-smooth f with minimiser 0: (λH/2)x², or H·huber_δ(x); T steps of η = 1/H")
def gd_run(p, num):
    """T steps of gradient descent with η = 1/H; the measured quantity is f(x_T) − f(x*)."""
    Hn, lam, delta, x = num.num(p["H"]), num.num(p["lam"]), num.num(p["delta"]), num.num(p["x0"])
    if p["kind"] == "quadratic":
        f, df = (lambda z: lam * Hn * z * z / 2), (lambda z: lam * Hn * z)
    else:  # Huber: quadratic on |z| ≤ δ, linear outside, H-smooth and convex
        f = lambda z: Hn * z * z / 2 if abs(z) <= delta else Hn * delta * (abs(z) - delta / 2)  # noqa: E731
        df = lambda z: Hn * z if abs(z) <= delta else Hn * delta * num.sign(z)  # noqa: E731
    for _ in range(p["T"]):
        x = x - df(x) / Hn
    return {"measured": f(x), "H": Hn, "D": abs(num.num(p["x0"])), "T": num.num(p["T"])}


# ---------------------------------------------------------------- the claims, in the order of the notes

notes.claim("Def 1", 8, "H-smoothness", "definition", "definition of H-smooth",
            checks=[ov.NotCheckable("a definition")])

gap, quad = sp.symbols("gap quad")
notes.claim("Lem 1", 10, "quadratic upper bound", "inequality", "f(y) − f(x) − ⟨∇f(x), y − x⟩ ≤ (H/2)‖y − x‖²", end_line=12,
            hypotheses=["f is H-smooth (checked on the 1-D family smooth_1d, whose H is exact)"],
            checks=[ov.InstanceSearch(ov.Measured(smooth_1d, "gap"), quad)])

notes.claim(None, 18, "the gradient step", "definition", "definition of the update",
            checks=[ov.NotCheckable("the definition of gradient descent's update")])

g2 = sp.Symbol("g2", positive=True)  # ‖∇f(x)‖²
notes.claim(None, 20, "η = 1/H minimises the quadratic upper bound", "property", "argmin_η −η‖g‖² + (H/2)η²‖g‖² = 1/H",
            printed="gives the learning rate $\\eta = 1/H$",
            checks=[ov.ParameterChoice(-eta * g2 + H / 2 * eta**2 * g2, eta, 1 / H,
                                       {H: ov.closed(sp.Rational(1, 10), 10), g2: ov.closed(sp.Rational(1, 100), 100)},
                                       (sp.Rational(1, 1000), 100))])

decrease = sp.Symbol("decrease")
notes.claim("Lem 2", 22, "descent lemma", "inequality", "‖∇f(x_t)‖²/(2H) ≤ f(x_t) − f(x_{t+1})", end_line=24,
            hypotheses=["f is H-smooth, η = 1/H (checked on smooth_1d)"],
            checks=[ov.InstanceSearch(ov.Measured(smooth_1d, "g2_over_2H"), decrease)])

notes.claim("Lem 3", 26, "a faster descent", "inequality", "‖∇f(x_t)‖²/H ≤ f(x_t) − f(x_{t+1})", end_line=28,
            hypotheses=["f is H-smooth, η = 1/H (checked on smooth_1d)"],
            checks=[ov.InstanceSearch(ov.Measured(smooth_1d, "g2_over_H"), decrease)])

R = sp.Symbol("R", positive=True)  # f(x_T) − f(x*)
for label, line, title, bound, corrected in [
    ("Thm 1", 32, "gradient descent's O(1/T) rate", H * D**2 / (2 * T), None),
    ("Thm 2", 36, "a faster rate", H * D**2 / (2 * T**2),
     ov.Corrected("f(x_T) − f(x*) ≤ H‖x_0 − x*‖²/(4T + 2)", "the tight rate of gradient descent (Drori & Teboulle 2014)",
                  [ov.InstanceSearch(gd_run, ov.BOUND)], H * D**2 / (4 * T + 2))),
]:
    notes.claim(label, line, title, "inequality", f"f(x_T) − f(x*) ≤ {bound}", end_line=line + 2,
                hypotheses=["f convex and H-smooth with minimiser x*, η = 1/H, D = ‖x_0 − x*‖ (checked on gd_run)"],
                symbols={"H": H, "D": D, "T": T}, bound=bound, corrected=corrected,
                checks=[ov.InstanceSearch(gd_run, ov.BOUND), ov.Scaling(R, ov.BOUND, {R: "loss", H: "hess", D: "param", T: "none"})])
