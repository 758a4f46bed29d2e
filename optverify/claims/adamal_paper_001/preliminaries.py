"""001 §1–2.1, lines 15–59: the adaptive update, Adam's moments, PGD, mirror descent and Proposition 1."""

import sympy as sp

from optverify.claims.adamal_paper_001._common import claim, eta, n, tau
from optverify import Corrected, Identity, Induction, NotCheckable, integers, open_

# ---------------------------------------------------------------- eq. (2)
beta = sp.Symbol("beta", positive=True)
h = sp.Function("h")  # any sequence: h = g gives m_t (β = β1), h = g² gives v_t (β = β2)
_DOM2 = {beta: open_(0, 1), n: integers(1, 10)}


def _ema(k_):
    return (1 - beta) * sp.Sum(beta ** (k_ - tau) * h(tau), (tau, 1, k_))


# ---------------------------------------------------------------- eq. (3): the A-"norm"
A = sp.Symbol("A", positive=True)  # a 1×1 positive definite matrix
c_, x_ = sp.symbols("c x", real=True)


def _printed_A_norm(v):
    """‖v‖_A = ⟨v, A v⟩ as printed (one coordinate)."""
    return v * A * v


# ---------------------------------------------------------------- eqs. (4)–(6), two coordinates
x1, x2, y1, y2, g1, g2 = sp.symbols("x_1 x_2 xt_1 xt_2 g_1 g_2", real=True)
X, Y, G = sp.Matrix([x1, x2]), sp.Matrix([y1, y2]), sp.Matrix([g1, g2])


def _psi(v):
    return (v.T * v)[0, 0] / 2  # ψ(x) = ½‖x‖²


bregman = _psi(X) - _psi(Y) - (Y.T * (X - Y))[0, 0]  # D_ψ(x, x_t) = ψ(x) − ψ(x_t) − ⟨∇ψ(x_t), x − x_t⟩, ∇ψ(y) = y
half_sq = ((X - Y).T * (X - Y))[0, 0] / 2
obj4 = (G.T * X)[0, 0] + bregman / eta  # eq. (4) with this ψ
obj5 = (G.T * X)[0, 0] + half_sq / eta  # eq. (5) as printed: ⟨g_t, x⟩ + ‖x − x_t‖²/(2η_t)
stationary5 = sp.solve([sp.diff(obj5, x1), sp.diff(obj5, x2)], [x1, x2], dict=True)[0]
ft = sp.Symbol("f_t", real=True)  # f(x_t)
linearisation = ft + (G.T * (X - Y))[0, 0]
prox_lin = sp.solve([sp.diff(linearisation + half_sq / eta, v) for v in (x1, x2)], [x1, x2], dict=True)[0]
shift = Y - eta * G
# Rockafellar's proximal point step on f itself, f(x) = ½‖x‖² (so g_t = ∇f(x_t) = x_t): argmin_x f(x) + ‖x − x_t‖²/(2η_t)
ppa = sp.solve([sp.diff(_psi(X) + half_sq / eta, v) for v in (x1, x2)], [x1, x2], dict=True)[0]
step5_quad = {k_: v_.subs({g1: y1, g2: y2}) for k_, v_ in stationary5.items()}  # (5) with g_t = ∇f(x_t) = x_t
# (5) over the constraint set X = [0, ∞)² (closed, convex): the objective is separable, ‖x − (x_t − η_t g_t)‖²/(2η_t) + const,
# so its minimiser is max(0, ·) coordinatewise (the completed square below); first coordinate
argmin5_X = sp.Max(0, y1 - eta * g1)
_DOM52 = {y1: open_(0, 1), g1: open_(1, 2), eta: open_(1, 2)}  # x_t[1] − η_t g_t[1] < 0: the step leaves X
completed_square = ((X - shift).T * (X - shift))[0, 0] / (2 * eta) + (G.T * Y)[0, 0] - eta * (G.T * G)[0, 0] / 2

# ---------------------------------------------------------------- Proposition 1: entropic mirror map on X = [0, ∞)
xp, yp = sp.symbols("x y", positive=True)  # x ∈ X, x_t = y
zz = sp.Symbol("z", real=True)
psi_ent = xp * sp.log(xp)  # ψ(x) = x log x, convex on [0, ∞)
D_ent = sp.simplify(psi_ent - psi_ent.subs(xp, yp) - sp.diff(psi_ent, xp).subs(xp, yp) * (xp - yp))
gsub = sp.Integer(1)  # f(x) = |x − 1|, x_t > 1: the subgradient is 1
mda_ent = sp.solve(sp.diff(gsub * xp + D_ent / eta, xp), xp)[0]  # eq. (4): interior stationary point (D_ent is strictly convex in x)
pgd_step = sp.Max(0, yp - eta * gsub)  # eq. (3): P_X(x_t − η f'(x_t)), X = [0, ∞)
# Beck & Teboulle's MDA in the dual: x_{t+1} = ∇ψ*(∇ψ(x_t) − η f'(x_t)), ψ*(z) = max_x {x z − ψ(x)}
x_of_z = sp.solve(sp.Eq(zz, sp.diff(psi_ent, xp)), xp)[0]
psi_star = sp.simplify(x_of_z * zz - psi_ent.subs(xp, x_of_z))
md_dual = sp.diff(psi_star, zz).subs(zz, sp.diff(psi_ent, xp).subs(xp, yp) - eta * gsub)
gen = sp.Symbol("g", real=True)
xr = sp.Symbol("x", real=True)
yr = sp.Symbol("x_t", real=True)
psi_euc = xr**2 / 2
D_euc = psi_euc - psi_euc.subs(xr, yr) - sp.diff(psi_euc, xr).subs(xr, yr) * (xr - yr)
mda_euc = sp.solve(sp.diff(gen * xr + D_euc / eta, xr), xr)[0]
_DOMP1 = {yp: open_(1, 4), eta: open_(0, 1)}

CLAIMS = [
    claim(None, 17, "generic adaptive update", "definition", "x_{t+1} = x_t − α_t m_t/√v_t (entry-wise)",
          checks=[NotCheckable("definition of the generic adaptive update (Reddi et al. 2019); its FTPRL form is checked at eq. (13)")]),
    claim(None, 21, "Adam's moments as exponential moving averages", "identity",
          "m_t = (1 − β1) Σ_{i≤t} β1^{t−i} g_i and v_t = (1 − β2) Σ_{i≤t} β2^{t−i} g_i²",
          hypotheses=["m_t = β1 m_{t−1} + (1 − β1) g_t, v_t = β2 v_{t−1} + (1 − β2) g_t², m_0 = v_0 = 0 (one coordinate)",
                      "both are the EMA e_t = β e_{t−1} + (1 − β) h_t, e_0 = 0, of a sequence h: m_t with (β, h) = (β1, g), v_t with (β2, g²); "
                      "the closed form is checked once for any β ∈ (0, 1) and any sequence h"],
          checks=[
              Induction(_ema, lambda prev, k_: beta * prev + (1 - beta) * h(k_), n, 0, sp.Integer(0), domain=_DOM2,
                        part="(1 − β) Σ_{i≤t} β^{t−i} h_i solves e_t = β e_{t−1} + (1 − β) h_t, e_0 = 0"),
          ]),
    claim(None, 39, "the A-norm of the Zinkevich projection", "identity", "‖x‖_A = ⟨x, Ax⟩ is the norm P_X^A projects in",
          printed="|| \\cdot ||_A = \\langle x, Ax \\rangle",
          hypotheses=["‖·‖_A is read as a norm (absolutely homogeneous: ‖cx‖_A = |c|‖x‖_A); one coordinate, A > 0 (a 1×1 positive definite matrix)",
                      "the projection P_X^A(y) = argmin_{x∈X} ‖x − y‖_A is unaffected by the slip: ⟨v, Av⟩ and its square root have the same minimisers",
                      "g_t ∈ ∂f_t(x_t) = f'(x_t) is read as: g_t is a subgradient (the gradient where f_t is differentiable)"],
          checks=[Identity(_printed_A_norm(c_ * x_), sp.Abs(c_) * _printed_A_norm(x_), part="‖c x‖_A = |c| ‖x‖_A with ‖v‖_A = ⟨v, Av⟩")],
          corrected=Corrected(
              "‖x‖_A = √⟨x, Ax⟩ (equivalently ‖x‖_A² = ⟨x, Ax⟩)",
              "⟨x, Ax⟩ is quadratic in x: it is the square of the A-norm",
              checks=[Identity(sp.sqrt(_printed_A_norm(c_ * x_)), sp.Abs(c_) * sp.sqrt(_printed_A_norm(x_)))],
          )),
    claim(None, 41, "mirror descent update", "definition", "x_{t+1} = argmin_x ⟨f'(x_t), x⟩ + D_ψ(·)/η_t",
          hypotheses=["D_ψ(·) is read as D_ψ(x, x_t)"],
          checks=[NotCheckable("definition of the mirror descent update (4); its Euclidean instance is checked at lines 45–52, "
                               "its relation to PGD at Proposition 1")]),
    claim(None, 45, "Bregman distance of the Euclidean mirror map", "identity",
          "ψ(x) = ½‖x‖² gives D_ψ(x, x_t) = ½‖x − x_t‖²",
          printed="taking  $\\psi(x) = \\frac{1}{2}||x||_2^2$ , and  $D_{\\psi}(x, x_t) = \\frac{1}{2}||x - x_t||_2^2$",
          hypotheses=["D_ψ(x, y) = ψ(x) − ψ(y) − ⟨∇ψ(y), x − y⟩; two coordinates"],
          checks=[Identity(bregman, half_sq)]),
    claim(None, 47, "eq. (5): mirror descent with the Euclidean mirror map", "identity",
          "⟨g_t, x⟩ + D_ψ(x, x_t)/η_t = ⟨g_t, x⟩ + ‖x − x_t‖²/(2η_t)",
          hypotheses=["eq. (4) with ψ = ½‖x‖² (line 45), f'(x_t) = g_t; two coordinates"],
          checks=[Identity(obj4, obj5)]),
    claim(None, 50, "eq. (5) as a proximal point step", "property",
          "the update (5) is the proximal point step (Rockafellar 1976)",
          printed="Update scheme in the above equation. 5 is also known as **proximal point algorithm** (Rockafellar, 1976).",
          hypotheses=["the proximal point algorithm of Rockafellar (1976), which the text names: x_{t+1} = argmin_x f(x) + ‖x − x_t‖²/(2η_t) "
                      "on the objective f itself (implicit: x_{t+1} = x_t − η_t ∇f(x_{t+1}))",
                      "instance: f(x) = ½‖x‖² on X = R², g_t = ∇f(x_t) = x_t: (5) gives (1 − η_t)x_t, the proximal point step x_t/(1 + η_t)"],
          checks=[Identity(sp.Matrix([ppa[x1], ppa[x2]]), sp.Matrix([step5_quad[x1], step5_quad[x2]]),
                           part="(5) is the proximal point step on f")],
          corrected=Corrected(
              "(5) is the proximal point step on the linearisation ℓ_t(x) = f(x_t) + ⟨g_t, x − x_t⟩: x_{t+1} = argmin_x ℓ_t(x) + ‖x − x_t‖²/(2η_t)",
              "(5) replaces f by its linearisation at x_t (an explicit step); Rockafellar's iteration on f is implicit and the two agree "
              "only for linear f",
              checks=[Identity(sp.Matrix([prox_lin[x1], prox_lin[x2]]), sp.Matrix([stationary5[x1], stationary5[x2]]))],
          )),
    claim(None, 52, "eq. (6): the minimiser of (5) is the (projected) gradient step", "identity",
          "x_{t+1} = x* = x_t − η_t g_t = P_X^I(x_t − η_t g_t)",
          hypotheses=["x_{t+1} is the minimiser of (5) over x ∈ X, X closed and convex as printed (eq. (5) keeps argmin_{x∈X})",
                      "x* = x_t − η_t g_t is the stationary point of the objective of (5) (the derivative argument of line 50)",
                      "instance for the first equality: X = [0, ∞)², x_t[1] ∈ (0, 1), g_t[1] ∈ (1, 2), η_t ∈ (1, 2), so that x_t − η_t g_t "
                      "leaves X; the minimiser over X is max(0, x_t − η_t g_t) coordinatewise (the completed square)"],
          checks=[
              Identity(obj5, completed_square, part="(5) = ‖x − (x_t − η_t g_t)‖²/(2η_t) + const: its minimiser over X is P_X^I(x_t − η_t g_t)"),
              Identity(argmin5_X, y1 - eta * g1, domain=_DOM52, part="x_{t+1} = x* = x_t − η_t g_t"),
              Identity(sp.Matrix([stationary5[x1], stationary5[x2]]), Y - eta * G, part="stationary point of (5): x* = x_t − η_t g_t"),
          ],
          corrected=Corrected(
              "x_{t+1} = P_X^I(x_t − η_t g_t), which is x_t − η_t g_t when that point lies in X (always when X = R^d)",
              "the minimiser of (5) over a constraint set is the projection of the stationary point, not the stationary point",
              checks=[
                  Identity(obj5, completed_square, part="(5) = ‖x − (x_t − η_t g_t)‖²/(2η_t) + const: its minimiser over X is P_X^I(x_t − η_t g_t)"),
                  Identity(sp.Matrix([stationary5[x1], stationary5[x2]]), Y - eta * G, part="X = R²: x* = x_t − η_t g_t"),
              ],
          )),
    claim("Prop 1", 57, "mirror descent is equivalent to PGD (Beck & Teboulle, Prop. 3.2, as restated)", "property",
          "for a convex mirror map ψ with conjugate ψ*, the MDA sequence (4) equals the PGD sequence (3)",
          hypotheses=["instance of the printed class: X = [0, ∞) ⊂ R (closed, convex, non-empty interior), f(x) = |x − 1| (convex, "
                      "1-Lipschitz, X* = {1} ≠ ∅), ψ(x) = x log x (convex on X), the same step η_t ∈ (0, 1) in both methods, x_t ∈ (1, 4) "
                      "so that f'(x_t) = 1",
                      "MDA (4) with D_ψ(x, x_t) = x log(x/x_t) − x + x_t: its minimiser is the stationary point x_t e^{−η_t} (interior); "
                      "PGD (3): P_X(x_t − η_t) = max(0, x_t − η_t)",
                      "'equivalent' read as: the same iterates from the same x_t with the same step size"],
          checks=[Identity(mda_ent, pgd_step, domain=_DOMP1, part="one MDA step equals one PGD step")],
          corrected=Corrected(
              "Beck & Teboulle (2003, Prop. 3.2): the MDA sequence x_{t+1} = ∇ψ*(∇ψ(x_t) − η_t f'(x_t)) equals the nonlinear projected "
              "subgradient sequence (4) with the Bregman distance D_ψ; it is the PGD sequence (3) when ψ = ½‖x‖²",
              "the equivalence is between the dual (conjugate) form of mirror descent and its Bregman-proximal form (4); "
              "PGD is the Euclidean special case only",
              checks=[
                  Identity(md_dual, mda_ent, domain=_DOMP1, part="ψ = x log x: ∇ψ*(∇ψ(x_t) − η_t g) = argmin (4)"),
                  Identity(mda_euc, yr - eta * gen, part="ψ = ½x²: argmin (4) = x_t − η_t g (the PGD step)"),
              ],
          )),
]
