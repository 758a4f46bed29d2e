"""Checks of the printed reverse-mode differentiation (003, Algorithms 4 and 5) and of tensor contraction (§4.7).

``BackwardPass(graphs, values=None, per_slot=False)``: for each named graph of
:mod:`optverify.counterexamples.computation_graph`, run the forward pass on symbols and the printed backward pass
(Algorithms 4–5), and compare each source's accumulated derivative with sympy's Jacobian of the sink's value
(exact: the residual must simplify to 0 — proved), with the path sum of line 726, and, at random points, with
central finite differences (evidence).  ``values`` ({graph: (inputs, expected)}) checks a worked graph's printed
numbers exactly.  A mismatch is a refutation whose certificate is the graph, a rational point and both sides
there, replayed at 50 digits.

``TensorContraction(shapes)``: for the printed contraction (TV)[x, y, a] = Σ_z Σ_w T[x, y, z, w] V[z, w, a], the
shape of the result, the agreement with the flattened matrix product, and the chain rule by contraction of the
derivative tensor of shape B × C × Z × W × A (line 803) with the flattened Jacobian product — exact, on random
rational tensors and on a symbolic f.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import mpmath
import numpy as np
import sympy as sp

from optverify.checks.result import CheckResult
from optverify.claims.specs import Spec
from optverify.counterexamples import computation_graph as cg
from optverify.registry import register
from optverify.verdicts import PROVED, REFUTED


@dataclass
class BackwardPass(Spec):
    graphs: tuple
    values: dict = field(default_factory=dict)
    per_slot: bool = False
    strategy: str = field(default="printed backward pass", kw_only=True)


@dataclass
class TensorContraction(Spec):
    shapes: dict
    strategy: str = field(default="tensor contraction", kw_only=True)


def _zero(M) -> bool:
    return all(sp.expand(e) == 0 or sp.simplify(e) == 0 for e in M)


def _run(name, args, per_slot):
    builder, _ = cg.GRAPHS[name]
    kw = {"per_slot": True} if per_slot and "per_slot" in builder.__code__.co_varnames else {}
    srcs, z, nodes = builder(*args, **kw)
    count = cg.backward(z, nodes)
    return srcs, z, nodes, count


def _replay(name, point, per_slot):
    """Both sides at a rational point, at 50 digits: the printed pass's derivative and sympy's Jacobian."""
    _, k = cg.GRAPHS[name]
    xs = sp.symbols(f"x0:{k}")
    srcs, z, _, _ = _run(name, xs, per_slot)
    sub = dict(zip(xs, point))
    worst = mpmath.mpf(0)
    for s in srcs:
        J = z.value.jacobian(s.value)
        diff = (s.derivative - J).subs(sub)
        worst = max([worst] + [abs(mpmath.mpf(sp.N(e, 60))) for e in diff])
    return worst


@register(BackwardPass)
def check_backward_pass(spec, ctx):
    rng = random.Random(ctx.substream("backward") if hasattr(ctx, "substream") else ctx.seed)
    evidence, bad = {}, None
    for name in spec.graphs:
        ctx.budget.check()
        _, k = cg.GRAPHS[name]
        xs = sp.symbols(f"x0:{k}", real=True)
        srcs, z, nodes, count = _run(name, xs, spec.per_slot)
        exact_ok, path_ok, fd_err = True, True, 0.0
        for s in srcs:
            J = z.value.jacobian(s.value)
            if not _zero(s.derivative - J):
                exact_ok = False
            if not _zero(cg.path_sum(s, z) - s.derivative):
                path_ok = False
        # central finite differences at random points (floats)
        f = sp.lambdify(xs, z.value, "numpy")
        grads = [sp.lambdify(xs, s.derivative, "numpy") for s in srcs]
        for _ in range(5):
            pt = [rng.uniform(-1.5, 1.5) for _ in xs]
            h = 1e-6
            for j, s in enumerate(srcs):
                G = np.array(grads[j](*pt), dtype=float)
                idx = [xs.index(e) for e in s.value]
                for col_, ix in enumerate(idx):
                    up, dn = list(pt), list(pt)
                    up[ix] += h
                    dn[ix] -= h
                    fd = (np.array(f(*up), dtype=float) - np.array(f(*dn), dtype=float)) / (2 * h)
                    scale = 1 + np.max(np.abs(fd))
                    fd_err = max(fd_err, float(np.max(np.abs(fd.ravel() - G[:, col_].ravel())) / scale))
        entry = {"sink": str(list(z.value)), "derivatives": {s.name: str(sp.factor(s.derivative.tolist())) for s in srcs},
                 "equals_sympy_jacobian": exact_ok, "equals_path_sum_L726": path_ok,
                 "max_rel_error_vs_central_fd(h=1e-6)": fd_err, "VariableNodeBackward_calls": count.variable_calls,
                 "OperationNodeBackward_calls": count.operation_calls, "edges": cg.edges_of(z), "operations": len(cg._ops_of(z))}
        if name in spec.values:
            inputs, expected = spec.values[name]
            srcs_v, z_v, nodes_v, _ = _run(name, [sp.nsimplify(v) for v in inputs], spec.per_slot)
            got = {"values": [str(list(n.value)) for n in nodes_v], "derivatives": [str(n.derivative.tolist()) for n in nodes_v]}
            entry["worked"] = got
            exp_vals = expected.get("values")
            exp_der = expected.get("derivatives")
            if exp_vals is not None and [list(n.value) for n in nodes_v] != [list(sp.Matrix(v)) for v in exp_vals]:
                exact_ok = False
                entry["worked_mismatch"] = "values"
            if exp_der is not None and [n.derivative.tolist() for n in nodes_v] != [sp.Matrix(v).tolist() for v in exp_der]:
                exact_ok = False
                entry["worked_mismatch"] = "derivatives"
        evidence[name] = entry
        if not exact_ok and bad is None:
            pt = tuple(sp.Rational(rng.randint(-9, 9), 7) for _ in xs)
            bad = (name, pt)
    # the cost of the printed recursion: calls per path, on longer ladders (floats; values are not compared here)
    growth = {}
    for n in (4, 6, 8, 10):
        ctx.budget.check()
        srcs, z, nodes = cg.graph_shared_ladder(sp.Float(0.5), n)
        c = cg.backward(z, nodes)
        growth[str(n)] = {"VariableNodeBackward_calls": c.variable_calls, "edges": cg.edges_of(z), "forward_operations": len(cg._ops_of(z))}
    evidence["printed_recursion_cost_on_ladders"] = growth
    # the other reading of an edge label (one argument slot's partial) on x·x: what it would lose (evidence only)
    xs1 = sp.symbols("x0:1", real=True)
    srcs, z, nodes = cg.graph_repeated_square(xs1[0], 1, per_slot=True)
    cg.backward(z, nodes)
    evidence["per_slot_reading_on_x_times_x"] = {"derivative_returned": str(srcs[0].derivative[0]),
                                                "true_derivative": str(sp.diff(z.value[0], xs1[0])),
                                                "note": "with P a set and the edge x → (x·x) labelled by one slot's partial, half of "
                                                        "the derivative is lost; the encoding labels the edge with ∂(x·x)/∂x"}
    if bad is not None:
        name, pt = bad
        worst = _replay(name, pt, spec.per_slot)
        cert = {"graph": name, "point": [str(p) for p in pt], "per_slot": spec.per_slot,
                "replay": {"violation_stands": bool(worst > mpmath.mpf(10) ** -40), "max_abs_difference_50_digits": mpmath.nstr(worst, 20)},
                "replay_snippet": ("from optverify.checks.backward_pass import _replay; import sympy as sp; "
                                   f"print(_replay({name!r}, tuple(sp.Rational(p) for p in {[str(p) for p in pt]!r}), {spec.per_slot}))")}
        if cert["replay"]["violation_stands"]:
            return CheckResult(spec.strategy, spec.part, REFUTED,
                               f"graph {name}: the printed backward pass differs from the derivative", evidence, cert)
    return CheckResult(spec.strategy, spec.part, PROVED,
                       f"on {len(spec.graphs)} graphs the printed backward pass returns sympy's Jacobian exactly (symbolic inputs) "
                       "and the path sum of line 726; central differences agree", evidence)


def _rand_tensor(rng, shape):
    return sp.ImmutableDenseNDimArray([sp.Rational(rng.randint(-5, 5), rng.randint(1, 4)) for _ in range(int(np.prod(shape)))], shape)


@register(TensorContraction)
def check_tensor_contraction(spec, ctx):
    rng = random.Random(ctx.seed)
    X, Y, Z, W, A = (spec.shapes[k] for k in ("X", "Y", "Z", "W", "A"))
    T = _rand_tensor(rng, (X, Y, Z, W))
    V = _rand_tensor(rng, (Z, W, A))
    TV = sp.tensorcontraction(sp.tensorproduct(T, V), (2, 4), (3, 5))  # Σ_z Σ_w T[x,y,z,w] V[z,w,a]
    flat = sp.Matrix(X * Y, Z * W, sp.flatten(T.tolist())) * sp.Matrix(Z * W, A, sp.flatten(V.tolist()))
    contraction_ok = TV.shape == (X, Y, A) and all(TV[x, y, a] == flat[x * Y + y, a] for x in range(X) for y in range(Y) for a in range(A))
    # line 803: f: R^{Z×W×A} → R^{B×C}; its derivative is a B×C×Z×W×A tensor; chain rule by contraction
    B, C = spec.shapes["B"], spec.shapes["C"]
    xs = sp.ImmutableDenseNDimArray(sp.symbols(f"x0:{Z * W * A}"), (Z, W, A))
    coef = _rand_tensor(rng, (B, C, Z, W, A))
    fx = sp.ImmutableDenseNDimArray([sp.expand(sum(coef[b, c, z, w, a] * xs[z, w, a] ** 2 for z in range(Z) for w in range(W) for a in range(A))
                                   + xs[0, 0, 0] * xs[Z - 1, W - 1, A - 1]) for b in range(B) for c in range(C)], (B, C))
    Df = sp.derive_by_array(fx, xs)  # shape (Z, W, A, B, C): sympy puts the variables first
    Df = sp.permutedims(Df, (3, 4, 0, 1, 2))
    shape_ok = Df.shape == (B, C, Z, W, A)
    # g: R^{B×C} → R^{K}: k-th output Σ h[k,b,c] y[b,c]²; D_{g∘f} = D_g contracted with D_f over (b, c)
    K = 2
    ys = sp.ImmutableDenseNDimArray(sp.symbols(f"y0:{B * C}"), (B, C))
    h = _rand_tensor(rng, (K, B, C))
    gy = sp.ImmutableDenseNDimArray([sum(h[k, b, c] * ys[b, c] ** 2 for b in range(B) for c in range(C)) for k in range(K)], (K,))
    Dg = sp.permutedims(sp.derive_by_array(gy, ys), (2, 0, 1))  # (K, B, C)
    sub = dict(zip(sp.flatten(ys.tolist()), sp.flatten(fx.tolist())))
    Dg_at = Dg.subs(sub)
    chain = sp.tensorcontraction(sp.tensorproduct(Dg_at, Df), (1, 3), (2, 4))  # (K, Z, W, A)
    comp = sp.ImmutableDenseNDimArray([g.subs(sub) for g in sp.flatten(gy.tolist())], (K,))
    direct = sp.permutedims(sp.derive_by_array(comp, xs), (3, 0, 1, 2))
    pt = {s: sp.Rational(rng.randint(-4, 4), 3) for s in sp.flatten(xs.tolist())}
    chain_ok = chain.shape == direct.shape and all(sp.expand(c1 - c2).subs(pt) == 0 for c1, c2 in zip(sp.flatten(chain.tolist()), sp.flatten(direct.tolist())))
    ev = {"shapes": dict(spec.shapes), "TV_shape": list(TV.shape), "TV_equals_flattened_matrix_product": bool(contraction_ok),
          "derivative_shape": list(Df.shape), "derivative_shape_is_BxCxZxWxA": bool(shape_ok),
          "chain_rule_by_contraction_equals_direct_derivative (exact, at a rational point)": bool(chain_ok)}
    ok = contraction_ok and shape_ok and chain_ok
    if ok:
        return CheckResult(spec.strategy, spec.part, PROVED, "contraction, derivative shape and chain rule agree exactly", ev)
    # exact rational arithmetic: a disagreement is itself the replayed certificate
    return CheckResult(spec.strategy, spec.part, REFUTED, "tensor identities fail on exact rationals", ev,
                       {"replay": {"violation_stands": True}, "instance": ev})
