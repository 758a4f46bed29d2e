"""Reverse-mode automatic differentiation exactly as printed in the EC500 notes (003, §4.4, lines 633–726).

* Variable and operation nodes of a computation graph, built dynamically (§4.5, lines 746–767): ``Op.forward``
  computes the child's value and labels every edge parent → operation with the partial derivative of the
  operation's output with respect to that parent (line 653), a matrix (output size × parent size).
* :func:`variable_node_backward` is Algorithm 4 (lines 687–697) and :func:`operation_node_backward` Algorithm 5
  (lines 705–719), line by line: the recursion is the printed depth-first search, not a topological sweep.
  The backward pass starts with VariableNodeBackward(z, I) (line 701).
* :func:`path_sum` is the formula of line 726: the sum over every path V → … → Z of the products of the edge labels.

Values are sympy matrices (column vectors), so the same code runs on symbols (an exact derivative to compare
with sympy's), on rationals (the notes' worked graphs) and on floats (finite differences).

Reading (the one ambiguity met): P in Algorithm 5 is "the *set* of parent variable nodes of O" and each edge is
labelled with "the partial derivative of the operation's output with respect to the parent variable input".
When an operation takes the same variable in two argument slots (x·x), there is one parent and one edge, and its
label is the derivative of the output with respect to that variable (the sum of the slots' partials).  Labelling
the edge with one slot's partial instead would lose the other slot's contribution; :func:`edge_label` computes the
sum, and ``per_slot=True`` shows the other reading for the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp


@dataclass(eq=False)
class Variable:
    """A variable node: its value, its (at most one) parent operation, and the derivative accumulator (line 681)."""

    value: sp.Matrix
    name: str = ""
    parent: "Op | None" = None
    derivative: object = 0

    @property
    def size(self) -> int:
        return self.value.shape[0]


@dataclass(eq=False)
class Op:
    """An operation node: ``fn(*values) -> Matrix``; its parents (with repetition, in argument order) and child."""

    fn: object
    name: str = ""
    parents: list = field(default_factory=list)
    child: Variable | None = None
    edge: dict = field(default_factory=dict)  # parent Variable → partial derivative (a matrix)
    per_slot: bool = False

    def forward(self, *args: Variable) -> Variable:
        """Dynamic graph (§4.5): compute the output and label the edges now; returns the child variable node."""
        self.parents = list(args)
        vals = [a.value for a in args]
        out = sp.Matrix(self.fn(*vals))
        self.child = Variable(out, name=f"{self.name}()", parent=self)
        for v in dict.fromkeys(args):  # the set P of parents (line 708)
            self.edge[v] = edge_label(self.fn, args, v, per_slot=self.per_slot)
        return self.child


def edge_label(fn, args, v: Variable, *, per_slot: bool = False) -> sp.Matrix:
    """∂ output / ∂ v at the current values: the Jacobian of u ↦ fn(…u in every slot where v stands…)."""
    u = sp.Matrix(sp.symbols(f"u0:{v.size}"))
    slots = [k for k, a in enumerate(args) if a is v]
    if per_slot:
        slots = slots[:1]
    vals = [u if k in slots else a.value for k, a in enumerate(args)]
    J = sp.Matrix(fn(*vals)).jacobian(u)
    return J.subs(dict(zip(u, v.value)))


class Counter:
    def __init__(self):
        self.variable_calls = 0
        self.operation_calls = 0
        self.products = 0


def variable_node_backward(V: Variable, D, count: Counter):
    """Algorithm 4 (VariableNodeBackward), line 687."""
    count.variable_calls += 1
    V.derivative = V.derivative + D  # Add D to V.derivative
    O = V.parent  # Let O be the parent operation node of V (if there is one)
    if O is not None:
        operation_node_backward(O, D, count)  # Call OperationNodeBackward(O, D)


def operation_node_backward(O: Op, D, count: Counter):
    """Algorithm 5 (OperationNodeBackward), line 705."""
    count.operation_calls += 1
    P = list(dict.fromkeys(O.parents))  # Let P be the set of parent variable nodes of O
    for V in P:  # for V in P do
        d = O.edge[V]  # the partial derivative labelling the edge V → O
        count.products += 1
        variable_node_backward(V, D * d, count)  # Call VariableNodeBackward(V, D∂) (matrix product)


def backward(z: Variable, nodes) -> Counter:
    """Accumulators to 0 (line 679), then VariableNodeBackward(z, I) (line 701)."""
    for v in nodes:
        v.derivative = sp.zeros(z.size, v.size)
    count = Counter()
    variable_node_backward(z, sp.eye(z.size), count)
    return count


def path_sum(V: Variable, z: Variable) -> sp.Matrix:
    """Line 726: Σ over paths V = V_0 → O_1 → V_1 → … → O_N → V_N = z of ∂_{O_N,V_{N−1}} ⋯ ∂_{O_1,V_0}, found by
    enumerating the paths forward from V (children are found by scanning every operation's parents)."""
    ops = _ops_of(z)
    total = sp.zeros(z.size, V.size)

    def walk(u: Variable, prod):
        nonlocal total
        if u is z:
            total += prod
            return
        for O in ops:
            if u in O.edge:
                walk(O.child, O.edge[u] * prod)

    walk(V, sp.eye(V.size))
    return total


def _ops_of(z: Variable) -> list:
    seen, out, stack = set(), [], [z]
    while stack:
        v = stack.pop()
        if v.parent is not None and id(v.parent) not in seen:
            seen.add(id(v.parent))
            out.append(v.parent)
            stack.extend(v.parent.parents)
    return out


def edges_of(z: Variable) -> int:
    return sum(len(O.edge) for O in _ops_of(z))


# ---------------------------------------------------------------- operations used by the graphs
def col(*xs) -> sp.Matrix:
    return sp.Matrix(list(xs))


def plus_constant(c):
    return lambda x: x + sp.ones(x.shape[0], 1) * c


def multiply(x, y):  # scalar · scalar (or elementwise)
    return x.multiply_elementwise(y)


def square(x):
    return x.multiply_elementwise(x)


def times(c):
    return lambda x: x * c


# ---------------------------------------------------------------- graphs: builder(inputs) -> (sources, sink, nodes)
def graph_chain(x0):
    """Lines 610–624: x → [g: x ↦ x + 1] → y → [f: x ↦ x²] → z."""
    x = Variable(col(x0), "x")
    y = Op(plus_constant(1), "g").forward(x)
    z = Op(square, "f").forward(y)
    return [x], z, [x, y, z]


def graph_shared(x0, *, per_slot=False):
    """Lines 746–767 (and 627–633): x → [g: x ↦ x + 1] → y; [f: x, y ↦ xy](x, y) → z; x is shared."""
    x = Variable(col(x0), "x")
    y = Op(plus_constant(1), "g", per_slot=per_slot).forward(x)
    z = Op(multiply, "f", per_slot=per_slot).forward(x, y)
    return [x], z, [x, y, z]


def graph_p(x0):
    """Line 529: p(x) = f(g(x), h(x)) with f(x) = x[0]x[1], g(x) = x², h(x) = 3x (x shared by g and h)."""
    x = Variable(col(x0), "x")
    u = Op(square, "g").forward(x)
    v = Op(times(3), "h").forward(x)
    p = Op(multiply, "f").forward(u, v)
    return [x], p, [x, u, v, p]


def graph_two_outputs(x0, x1):
    """Lines 480–502 as a graph: x ∈ R² → [f: x ↦ (x[1], 1 + x[0])] → u → [g: z ↦ (z[0]z[1], z[0], z[1])] → z ∈ R³."""
    x = Variable(col(x0, x1), "x")
    u = Op(lambda x: col(x[1], 1 + x[0]), "f").forward(x)
    z = Op(lambda z: col(z[0] * z[1], z[0], z[1]), "g").forward(u)
    return [x], z, [x, u, z]


def graph_two_sources(a0, b0, c0):
    """Several sources, shared intermediate, vector sink: s = a·b, t = s + c, z = (s·t, t², s)."""
    a, b, c = Variable(col(a0), "a"), Variable(col(b0), "b"), Variable(col(c0), "c")
    s = Op(multiply, "mul").forward(a, b)
    t = Op(lambda s, c: s + c, "add").forward(s, c)
    z = Op(lambda s, t: col(s[0] * t[0], t[0] ** 2, s[0]), "out").forward(s, t)
    return [a, b, c], z, [a, b, c, s, t, z]


def graph_repeated_square(x0, n=3, *, per_slot=False):
    """x_{k+1} = x_k · x_k, n times (an operation taking the same variable in both slots): x_n = x^(2^n)."""
    x = Variable(col(x0), "x")
    nodes, v = [x], x
    for k in range(n):
        v = Op(multiply, f"sq{k}", per_slot=per_slot).forward(v, v)
        nodes.append(v)
    return [x], v, nodes


def graph_shared_ladder(x0, n=3):
    """y_{k+1} = y_k · (y_k + 1): every y_k feeds two operations, so there are 2^n paths from x to the sink."""
    x = Variable(col(x0), "x")
    nodes, v = [x], x
    for k in range(n):
        w = Op(plus_constant(1), f"p{k}").forward(v)
        v = Op(multiply, f"m{k}").forward(v, w)
        nodes += [w, v]
    return [x], v, nodes


GRAPHS = {
    "chain": (graph_chain, 1),
    "shared": (graph_shared, 1),
    "p": (graph_p, 1),
    "two_outputs": (graph_two_outputs, 2),
    "two_sources": (graph_two_sources, 3),
    "repeated_square": (graph_repeated_square, 1),
    "shared_ladder": (graph_shared_ladder, 1),
}


# ---------------------------------------------------------------- §4.6, line 779: the naive product D∂ with ∂ = I
def naive_product_multiplications(d: int) -> int:
    """Scalar multiplications of the dense product of a 1 × d matrix D with the d × d identity, by the schoolbook loop."""
    D = [[1.0] * d]
    I = [[1.0 if i == j else 0.0 for j in range(d)] for i in range(d)]
    count = 0
    out = [[0.0] * d]
    for r in range(1):
        for c in range(d):
            acc = 0.0
            for k in range(d):
                acc += D[r][k] * I[k][c]
                count += 1
            out[r][c] = acc
    return count


def naive_product_run(horizons):
    return {"values": [float(naive_product_multiplications(d)) for d in horizons],
            "facts": {"product": "1 × d times d × d (the identity stored densely), schoolbook loop"}}


def naive_product_replay(num, d):
    return num.num(naive_product_multiplications(int(d)))
