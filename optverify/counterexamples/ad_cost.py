"""The cost of the backward pass against the forward pass (003, line 429: "roughly twice the amount of time").

Work is counted in the units both passes share: the forward pass evaluates each operation node once; the backward
pass of Algorithms 4–5 (:mod:`optverify.counterexamples.computation_graph`, recursion as printed) makes one call of
VariableNodeBackward, with one product D∂, per *path* from the sink, so on a graph whose intermediates each feed two
operations (:func:`~optverify.counterexamples.computation_graph.graph_shared_ladder`, the pattern of a residual block
y ↦ y + f(y)) the calls double with every rung.  :func:`topological_backward` is the same accumulation done in reverse
topological order (each variable sends its accumulated derivative once, after all its children): one product per
edge.  Both return the same derivative (checked in :func:`ladder_costs`).
"""

from __future__ import annotations

import sympy as sp

from optverify.counterexamples import computation_graph as cg


def topological_backward(z: cg.Variable, nodes) -> int:
    """Reverse-mode accumulation in reverse topological order; returns the number of products D∂ (one per edge)."""
    for v in nodes:
        v.derivative = sp.zeros(z.size, v.size)
    z.derivative = sp.eye(z.size)
    order, seen = [], set()

    def visit(v):  # depth-first post-order from the sink over parents: parents before children
        if id(v) in seen:
            return
        seen.add(id(v))
        if v.parent is not None:
            for p in dict.fromkeys(v.parent.parents):
                visit(p)
        order.append(v)

    visit(z)
    products = 0
    for v in reversed(order):  # children before parents: v.derivative is complete when v is reached
        O = v.parent
        if O is None:
            continue
        for p in dict.fromkeys(O.parents):
            p.derivative = p.derivative + v.derivative * O.edge[p]
            products += 1
    return products


def ladder_costs(rungs: int) -> dict:
    """Forward operations, printed-recursion calls and topological products on the ladder of ``rungs`` rungs."""
    _, z, nodes = cg.graph_shared_ladder(sp.Rational(1, 2), rungs)
    printed = cg.backward(z, nodes)
    d_printed = nodes[0].derivative
    products = topological_backward(z, nodes)
    assert nodes[0].derivative == d_printed, "the two backward passes disagree"
    return {"forward_operations": len(cg._ops_of(z)), "edges": cg.edges_of(z), "printed_calls": printed.variable_calls,
            "printed_products": printed.products, "topological_products": products}


FACTS = {"graph": "ladder y_{k+1} = y_k·(y_k + 1): every y_k feeds two operations (as y_k in a residual block y + f(y))",
         "horizon": "T = the number of forward operations (2 per rung)",
         "forward_work": "T operation evaluations"}


def _rungs(T) -> int:
    return int(T) // 2


def printed_run(horizons):
    """VariableNodeBackward calls of the printed recursion, per horizon T (forward operations)."""
    return {"values": [float(ladder_costs(_rungs(T))["printed_calls"]) for T in horizons],
            "facts": {**FACTS, "value": "VariableNodeBackward calls of Algorithms 4–5 (one product D∂ each, but the first)",
                      "asymptotics": "the calls are 3·2^{T/2} − 2 (one per path from the sink to a node), against 3T/2 edges"}}


def printed_replay(num, T):
    return num.num(ladder_costs(_rungs(T))["printed_calls"])


def _topological_products(T) -> int:
    _, z, nodes = cg.graph_shared_ladder(sp.Rational(1, 2), _rungs(T))
    return topological_backward(z, nodes)


def topological_run(horizons):
    return {"values": [float(_topological_products(T)) for T in horizons],
            "facts": {**FACTS, "value": "products D∂ of the reverse-topological sweep (one per edge)"}}


def topological_replay(num, T):
    return num.num(_topological_products(T))
