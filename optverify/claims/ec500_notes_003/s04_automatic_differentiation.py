"""003 §4 (lines 413–805): automatic differentiation — Definition 4.1, Jacobians and the chain rule on the worked
examples, partial derivatives, multiple outputs, computation graphs, Algorithms 4 and 5 run as printed
(optverify.counterexamples.computation_graph) and tensor contraction."""

import sympy as sp

from optverify import Corrected, Identity, NotCheckable, RateCounterexample, integers
from optverify.checks.backward_pass import BackwardPass, TensorContraction
from optverify.claims.ec500_notes_003._common import claim
from optverify.counterexamples import ad_cost
from optverify.counterexamples.computation_graph import naive_product_replay, naive_product_run

x0, x1, x2, z0, z1, t_ = sp.symbols("x0 x1 x2 z0 z1 t", real=True)
X = sp.Matrix([x0, x1])
f_ex = sp.Matrix([x1, 1 + x0])  # line 482
g_ex = lambda z: sp.Matrix([z[0] * z[1], z[0], z[1]])  # noqa: E731  line 483
Zv = sp.Matrix([z0, z1])


def mat_identity(A, B, what):
    """One Identity per entry (a matrix display is equal iff every entry is)."""
    A, B = sp.Matrix(A), sp.Matrix(B)
    if A.shape != B.shape:
        raise ValueError(f"{what}: shapes {A.shape} and {B.shape}")
    return [Identity(A[i, j], B[i, j], part=f"{what} [{i}, {j}]") for i in range(A.shape[0]) for j in range(A.shape[1])]


gof = g_ex(f_ex)
D_gof = gof.jacobian(X)
D_f = f_ex.jacobian(X)
D_g_z = g_ex(Zv).jacobian(Zv)
D_g_fx = D_g_z.subs({z0: f_ex[0], z1: f_ex[1]})

# line 512: d/dt f(x_0(t), …, x_{k−1}(t)) = Σ_i ∂f/∂x_i dx_i/dt, k = 3 with generic f, x_i
F = sp.Function("f")
xs_t = [sp.Function(f"x_{i}")(t_) for i in range(3)]
u_ = sp.symbols("u0:3", real=True)
chain_lhs = sp.diff(F(*xs_t), t_)
chain_rhs = sum(sp.diff(F(*u_), u_[i]).subs(dict(zip(u_, xs_t))) * sp.diff(xs_t[i], t_) for i in range(3))

# lines 533–540: a 3-argument f: R^1 × R^1 × R^2 → R^2 and f̄ combining the last two arguments
a0, b0, c0, c1 = sp.symbols("a0 b0 c0 c1", real=True)
f3 = sp.Matrix([a0 * b0 * c0 + c1**2, sp.sin(a0) + b0 * c1])
P0, P1, P2 = f3.jacobian([a0]), f3.jacobian([b0]), f3.jacobian([c0, c1])
Pbar1 = f3.jacobian([b0, c0, c1])  # f̄'s second argument (b0, c0, c1)
d1_, d2_ = sp.symbols("d_1 d_2", integer=True, positive=True)

# lines 545–549: h(x_0, x_1) = f(g_0(x_0), g_1(x_1)); g_0: R → R², g_1: R → R
y0, y1, y2 = sp.symbols("y0 y1 y2", real=True)
fk = sp.Matrix([y0 * y2 + y1**2])  # f: R² × R → R
g0 = sp.Matrix([sp.exp(a0), a0**2])
g1 = sp.Matrix([sp.cos(b0)])
hk = fk.subs({y0: g0[0], y1: g0[1], y2: g1[0]})
sub_g = {y0: g0[0], y1: g0[1], y2: g1[0]}
d_h_0 = hk.jacobian([a0])
d_f_0_at = fk.jacobian([y0, y1]).subs(sub_g)

# lines 561 and 571: multi-output g: R^{t_0} × R^{t_1} → R^{d_0} × R^{d_1}, then f
gg0 = sp.Matrix([a0 * b0, a0 + b0**2])  # g^0 ∈ R²
gg1 = sp.Matrix([sp.sin(a0 * b0)])  # g^1 ∈ R
ff = sp.Matrix([y0 * y2 + y1, y0 - y2**2])  # f(u ∈ R², v ∈ R) ∈ R²
sub_gg = {y0: gg0[0], y1: gg0[1], y2: gg1[0]}
fog = ff.subs(sub_gg)
rhs571 = ff.jacobian([y0, y1]).subs(sub_gg) * gg0.jacobian([a0]) + ff.jacobian([y2]).subs(sub_gg) * gg1.jacobian([a0])
Gfull = sp.Matrix.vstack(gg0, gg1)
blocks561 = sp.Matrix.vstack(sp.Matrix.hstack(gg0.jacobian([a0]), gg0.jacobian([b0])),
                             sp.Matrix.hstack(gg1.jacobian([a0]), gg1.jacobian([b0])))

# line 584: h(x) = f(ḡ(x)), ḡ(x) = (x, x + 1), f(x_0, x_1) = x_0 x_1
xx = sp.Symbol("x", real=True)
gbar = (xx, xx + 1)
dh = 1 * gbar[1] + 1 * gbar[0]  # ∂_{f,0} ∂_{ḡ⁰,0} + ∂_{f,1} ∂_{ḡ¹,0} = ḡ¹(x)·1 + ḡ⁰(x)·1

_WORKED = {
    "chain": ((1,), {"values": [[1], [2], [4]]}),  # lines 614–624: x : 1, y : 2, z : 4
    "shared": ((2,), {"values": [[2], [3], [6]], "derivatives": [[[5]], [[2]], [[1]]]}),  # lines 643–666, 758–767
}
_GRAPHS = ("chain", "shared", "p", "two_outputs", "two_sources", "repeated_square", "shared_ladder")
_HYP_AD = ["Algorithms 4 and 5 run line by line (optverify.counterexamples.computation_graph), recursion as printed, "
           "starting with VariableNodeBackward(z, I); graphs built dynamically (§4.5); inputs symbolic, so the derivative "
           "returned is compared with sympy's Jacobian for every input",
           "graphs: the notes' chain x → x+1 → (·)² and shared x·(x+1); p(x) = f(x², 3x) (line 528); the vector example of "
           "lines 480–502 (sink in R³); three sources with a shared intermediate and a vector sink; x·x repeated 3 times; "
           "a ladder y ↦ y(y + 1) three times (2^3 paths; call counts also on ladders of 4 … 10 rungs, in floats)",
           "reading: P in Algorithm 5 is the set of parents and an edge is labelled with the derivative of the output with "
           "respect to that parent variable (the sum over the argument slots where it stands); labelling it with one slot's "
           "partial would lose the other slots of x·x (evidence of the per-slot reading: 003:Alg 5's notes)"]

CLAIMS = [
    claim("Def 4.1", 439, "total derivative", "definition", "lim_{h→0} (f(x + h) − f(x) − D_{f,x}(h))/‖h‖ = 0", end_line=442,
          checks=[NotCheckable("a definition: names the linear map D_{f,x}")]),
    claim(None, 451, "the Jacobian is the total derivative", "identity", "D_{f,x}[i, j] = ∂f(x)[i]/∂x[j]",
          hypotheses=["instance: the f of line 482 at x, increment h = s·(1, 2): (f(x + h) − f(x) − J h)/‖h‖ → 0 as s → 0"],
          checks=[Identity(sp.Limit(((f_ex.subs({x0: x0 + t_, x1: x1 + 2 * t_}) - f_ex - D_f * sp.Matrix([t_, 2 * t_])).norm())
                                    / (sp.sqrt(5) * t_), t_, 0, "+"), 0)]),
    claim(None, 480, "the worked f and g", "definition", "f(x) = (x[1], 1 + x[0]), g(z) = (z[0]z[1], z[0], z[1])", end_line=484,
          checks=[NotCheckable("definitions of the example's f and g")]),
    claim(None, 487, "g ∘ f by hand", "identity", "(g ∘ f)(x) = (x[0]x[1] + x[1], x[1], 1 + x[0])",
          checks=mat_identity(gof, [x0 * x1 + x1, x1, 1 + x0], "(g∘f)(x)")),
    claim(None, 489, "D_{g∘f,x} by hand", "identity", "D_{g∘f,x} = ((x[1], x[0] + 1), (0, 1), (1, 0))",
          checks=mat_identity(D_gof, [[x1, x0 + 1], [0, 1], [1, 0]], "D_{g∘f,x}")),
    claim(None, 493, "D_{f,x}", "identity", "D_{f,x} = ((0, 1), (1, 0))", checks=mat_identity(D_f, [[0, 1], [1, 0]], "D_{f,x}")),
    claim(None, 496, "D_{g,z}", "identity", "D_{g,z} = ((z[1], z[0]), (1, 0), (0, 1))",
          checks=mat_identity(D_g_z, [[z1, z0], [1, 0], [0, 1]], "D_{g,z}")),
    claim(None, 498, "D_{g,f(x)}", "identity", "D_{g,f(x)} = ((1 + x[0], x[1]), (1, 0), (0, 1))",
          checks=mat_identity(D_g_fx, [[1 + x0, x1], [1, 0], [0, 1]], "D_{g,f(x)}")),
    claim(None, 502, "chain rule: the product", "identity", "D_{g,f(x)} D_{f,x} = ((x[1], x[0] + 1), (0, 1), (1, 0))",
          checks=mat_identity(D_g_fx * D_f, [[x1, x0 + 1], [0, 1], [1, 0]], "product")),
    claim(None, 512, "multivariable chain rule", "identity", "d/dt f(x_0(t), …, x_{k−1}(t)) = Σ_i ∂f/∂x_i dx_i/dt",
          hypotheses=["k = 3, f and x_i(t) undefined smooth functions"], checks=[Identity(chain_lhs, chain_rhs)]),
    claim(None, 522, "partial derivative", "definition", "∂_{f,i,x} = D_{f^{i,x}, x_i}",
          checks=[NotCheckable("a definition (the printed f^{i,x}(z) = f(x_1, …, x_{i−1}, z, x_{i+1}, x_k) is read with indices 0 … k−1)")]),
    claim(None, 526, "entries of the partial derivative", "identity", "∂_{f,i,x}[a, b] = ∂f[a]/∂x_i[b]",
          hypotheses=["instance: f: R × R × R² → R² of lines 533–540, i = 2: the Jacobian of z ↦ f(x_0, x_1, z) is the block of columns"],
          checks=mat_identity(P2, f3.jacobian(sp.Matrix([a0, b0, c0, c1]))[:, 2:4], "∂_{f,2,x}")),
    claim(None, 528, "the composite p", "identity", "p(x) = f(g(x), h(x)) = 3x⁴", printed="$p(x) = f(g(x), h(x)) = 3x^4$",
          hypotheses=["f(x) = x[0]x[1], g(x) = x², h(x) = 3x, so f(g(x), h(x)) = x²·3x"],
          checks=[Identity(xx**2 * (3 * xx), 3 * xx**4)],
          corrected=Corrected("p(x) = f(g(x), h(x)) = 3x³", "x²·3x = 3x³", checks=[Identity(xx**2 * (3 * xx), 3 * xx**3)])),
    claim(None, 532, "combining two arguments: the dimension", "identity", "f̄ : R^{d_0} × R^{d_1·d_2} → R^n",
          printed="$\\bar{f} : \\mathbb{R}^{d_0} \\times \\mathbb{R}^{d_1 \\cdot d_2} \\rightarrow \\mathbb{R}^n$",
          hypotheses=["the combined argument is the concatenation of x_1 ∈ R^{d_1} and x_2 ∈ R^{d_2} (line 539 concatenates an "
                      "n × d_1 and an n × d_2 matrix), so it has d_1 + d_2 entries; the claim is that this number is d_1·d_2"],
          checks=[Identity(d1_ + d2_, d1_ * d2_, domain={d1_: integers(1, 10), d2_: integers(1, 10)})],
          corrected=Corrected("f̄ : R^{d_0} × R^{d_1 + d_2} → R^n", "concatenation adds dimensions",
                              checks=[Identity(sp.Integer(Pbar1.shape[1]), sp.Integer(P1.shape[1] + P2.shape[1]))])),
    claim(None, 534, "associativity (1) and (2)", "identity", "∂_{f̄,0,x} = ∂_{f,0,x}; ∂_{f̄,1,x} = (∂_{f,1,x}, ∂_{f,2,x})",
          end_line=537, hypotheses=["instance f: R × R × R² → R² (d_0 = d_1 = 1, d_2 = 2), f̄ combining (x_1, x_2)"],
          checks=mat_identity(P0, P0, "(1)") + mat_identity(Pbar1, sp.Matrix.hstack(P1, P2), "(2)")),
    claim(None, 540, "total derivative as concatenated partials", "identity", "D_{f,x} = (∂_{f,0,x}, …, ∂_{f,k−1,x})",
          hypotheses=["same instance"],
          checks=mat_identity(f3.jacobian([a0, b0, c0, c1]), sp.Matrix.hstack(P0, P1, P2), "D_{f,x}")),
    claim(None, 545, "the composition h", "definition", "h(x_0, …, x_{k−1}) = f(g_0(x_0), …, g_{k−1}(x_{k−1}))",
          checks=[NotCheckable("a definition of h")]),
    claim(None, 549, "chain rule for partial derivatives", "identity", "∂_{h,i,x} = ∂_{f,i,g(x)} ∘ D_{g_i,x_i}", end_line=550,
          hypotheses=["instance: g_0(x_0) = (e^{x_0}, x_0²), g_1(x_1) = cos x_1, f(u, v) = u[0]v + u[1]², i = 0"],
          checks=mat_identity(d_h_0, d_f_0_at * g0.jacobian([a0]), "∂_{h,0,x}")),
    claim(None, 561, "block matrix of partials (several outputs)", "identity",
          "D_{f,x} = (∂_{f_a,b,x})_{a,b}", hypotheses=["instance: (g^0, g^1) with g^0 ∈ R², g^1 ∈ R of inputs (x_0, x_1) ∈ R × R"],
          checks=mat_identity(Gfull.jacobian([a0, b0]), blocks561, "D")),
    claim(None, 571, "chain rule with several inputs and outputs", "identity",
          "∂_{f∘g,i,x} = Σ_j ∂_{f,j,g(x)} ∘ ∂_{g^j,i,x}", hypotheses=["same instance, f(u ∈ R², v ∈ R) ∈ R², i = 0"],
          checks=mat_identity(fog.jacobian([a0]), rhs571, "∂_{f∘g,0,x}")),
    claim(None, 573, "reusing x", "identity", "f(x, x + 1) = x² + x", printed="that is,  $f(x, x + 1) = x^2 + x$",
          checks=[Identity(xx * (xx + 1), xx**2 + xx)]),
    claim(None, 584, "derivative through the reused input", "identity",
          "dh/dx = ∂_{f,0,ḡ(x)}∂_{ḡ⁰,0,x} + ∂_{f,1,ḡ(x)}∂_{ḡ¹,0,x} = ḡ¹(x)·1 + ḡ⁰(x)·1 = 2x + 1",
          checks=[Identity(sp.diff(xx * (xx + 1), xx), dh, part="first equality"), Identity(dh, 2 * xx + 1, part="= 2x + 1")]),
    claim(None, 590, "sum over paths of products", "property",
          "the derivative is the sum over all input→output paths of the products of the partials along them",
          printed="*multiplying partial derivatives along all paths* and then *adding up*", end_line=590,
          hypotheses=_HYP_AD, checks=[BackwardPass(_GRAPHS)]),
    claim(None, 614, "forward pass of the chain graph", "identity", "x : 1 → y : 2 → z : 4", end_line=624,
          printed="$$x : 1 \\longrightarrow \\boxed{g : x \\mapsto x + 1} \\longrightarrow y : 2 \\longrightarrow \\boxed{f : x \\mapsto x^2} \\longrightarrow z : 4$$",
          hypotheses=["the graph x → [x ↦ x + 1] → y → [x ↦ x²] → z run forward from x = 1"],
          checks=[BackwardPass(("chain",), {"chain": _WORKED["chain"]})]),
    claim(None, 666, "forward pass of the shared graph", "identity", "x = 2 gives z = 6",
          printed="Notice that the sink node ( $z$ ) is labeled with the final output of the computation (6)",
          hypotheses=["the graph x → [x ↦ x + 1] → y, [x, y ↦ xy] → z from x = 2 (line 643); the backward pass then labels "
                      "x, y, z with 5, 2, 1 (dh/dx = 2x + 1 = 5)"],
          checks=[BackwardPass(("shared",), {"shared": _WORKED["shared"]})]),
    claim("Alg 4", 687, "VariableNodeBackward", "algorithm", "V.derivative ← V.derivative + D; OperationNodeBackward(parent, D)",
          end_line=697, printed="### Algorithm 4 VariableNodeBackward", hypotheses=_HYP_AD,
          checks=[BackwardPass(_GRAPHS, _WORKED)]),
    claim("Alg 5", 705, "OperationNodeBackward", "algorithm", "for V in parents: VariableNodeBackward(V, D∂)", end_line=719,
          printed="**Algorithm 5** OperationNodeBackward", hypotheses=_HYP_AD,
          checks=[BackwardPass(_GRAPHS, _WORKED)],
          notes="the printed recursion visits every path: VariableNodeBackward is called once per path from the sink "
                "(2^n + 2^(n+1) − 1 … calls on an n-rung ladder: see printed_recursion_cost_on_ladders), not once per node — the evidence lists the call counts against the edges"),
    claim(None, 726, "accumulators hold the path sums", "identity",
          "V.derivative = Σ_paths ∂_{O_N,V_{N−1}} ⋯ ∂_{O_1,V_0}", hypotheses=_HYP_AD, checks=[BackwardPass(_GRAPHS)]),
    claim(None, 758, "a fresh variable node", "identity", "x : 2 : 0", end_line=767, printed="$$x : 2 : 0$$",
          hypotheses=["the dynamic graph of §4.5 from x = 2: values 2, 3, 6 and accumulators 0 before the backward pass; "
                      "after it 5, 2, 1"],
          checks=[BackwardPass(("shared",), {"shared": _WORKED["shared"]})]),
    claim(None, 779, "cost of the naive product D∂", "rate", "naively, D∂ (1 × d by d × d) takes O(d) time",
          printed="and then  $O(d)$  time to compute the matrix product  $D\\partial$",
          hypotheses=["'naively': the identity stored as a dense d × d matrix and multiplied by the schoolbook loop; the number "
                      "of scalar multiplications is counted at d = 16 … 512"],
          checks=[RateCounterexample(naive_product_run, naive_product_replay, 1.0, horizons=(16, 32, 64, 128, 256, 512))],
          notes="the dense product costs d² multiply-adds (d per output entry, d entries); O(d) is the storage-free shortcut "
                "the next sentence describes",
          corrected=Corrected("naively, D∂ takes O(d²) time", "d entries of d products each",
                              checks=[RateCounterexample(naive_product_run, naive_product_replay, 2.0, horizons=(16, 32, 64, 128, 256, 512))])),
    claim(None, 795, "tensor contraction", "identity", "(TV)[x, y, a] = Σ_z Σ_w T[x, y, z, w] V[z, w, a]",
          hypotheses=["exact rational tensors of shapes (X, Y, Z, W) = (2, 3, 2, 2) and (Z, W, A) = (2, 2, 3); the contraction "
                      "agrees with the flattened matrix product; the derivative of f: R^{Z×W×A} → R^{B×C} (B, C = 2, 2) is a "
                      "B × C × Z × W × A tensor and the chain rule holds with contraction in place of the matrix product"],
          checks=[TensorContraction({"X": 2, "Y": 3, "Z": 2, "W": 2, "A": 3, "B": 2, "C": 2})]),
    claim(None, 803, "derivative tensor of shape B × C × Z × W × A", "identity",
          "D_{f,x}[b, c, z, w, a] = ∂f(x)[b, c]/∂x[z, w, a]", hypotheses=["as line 795"],
          checks=[TensorContraction({"X": 2, "Y": 3, "Z": 2, "W": 2, "A": 3, "B": 2, "C": 2})]),
]

LADDER_T = (8, 10, 12, 14, 16, 18, 20, 22)  # forward operations: ladders of 4 … 11 rungs
CLAIMS += [
    claim(None, 429, "a gradient in roughly twice the time of f", "rate",
          "reverse-mode automatic differentiation (§4, Algorithms 4–5) computes the gradient at a cost within a constant factor "
          "(roughly 2) of the cost of computing f",
          printed="Automatic differentiation fixes the first two issues, and usually allows us to compute a gradient in roughly "
                  "twice the amount of time it takes to compute  $f$",
          hypotheses=["AD is the backward pass the section prints: Algorithms 4–5 with their recursion as printed "
                      "(optverify.counterexamples.computation_graph); cost counted in the units both passes share: operation "
                      "evaluations for f, VariableNodeBackward calls (one product D∂ each) for the gradient",
                      "'usually' is read as covering the graphs of machine-learning models, where an intermediate feeds more than "
                      "one operation (the notes' own example x·(x + 1), lines 746–767; a residual block y + f(y)); the test graph is "
                      "the ladder y_{k+1} = y_k·(y_k + 1), T = 2 × rungs forward operations; a constant factor means calls = O(T^1)",
                      "'fixes the first two issues' (exactness): the printed backward pass returns the exact derivative "
                      "(003:Alg 4, 003:Alg 5)"],
          checks=[BackwardPass(("chain", "shared", "shared_ladder"), part="exact: the printed backward pass returns the derivative"),
                  RateCounterexample(ad_cost.printed_run, ad_cost.printed_replay, 1.0, horizons=LADDER_T,
                                     part="cost: backward calls = O(forward operations)")],
          notes=("the printed recursion sends a derivative down every path from the sink, so on shared graphs its calls grow "
                 "like the number of paths (3·2^{T/2} − 2 on the ladder); sweeping the nodes once in reverse topological order "
                 "makes one product per edge (3T/2 on the ladder), which is what the 'roughly twice' of line 429 describes"),
          corrected=Corrected("with the backward pass done in reverse topological order (each node's derivative sent once, after "
                              "all its children's), the gradient costs one product per edge of the graph: O(cost of f)",
                              "Algorithms 4–5 as printed recurse per path; accumulating first and sending once is per edge",
                              checks=[RateCounterexample(ad_cost.topological_run, ad_cost.topological_replay, 1.0,
                                                         horizons=LADDER_T,
                                                         part="cost: products = O(forward operations)")])),
]
