"""Property-based: the per-coordinate AdaGrad regret bound of 000 (line 175) holds for every gradient sequence."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from optverify.counterexamples.families import adagrad_coordinate
from optverify.verify.numctx import FloatCtx

FAM = adagrad_coordinate


@st.composite
def instances(draw):
    """Any box radius D, start and optimum in [−D, D], any gradient sequence with g_1 ≠ 0."""
    D = draw(st.floats(0.1, 10))
    g1 = draw(st.one_of(st.floats(1e-3, 10), st.floats(-10, -1e-3)))
    rest = draw(st.lists(st.floats(-10, 10), max_size=40))
    return {"D": D, "w1": draw(st.floats(-1, 1)) * D, "wstar": draw(st.floats(-1, 1)) * D, "g": [g1, *rest]}


@settings(max_examples=300, deadline=None)
@given(inst=instances())
def test_adagrad_coordinate_regret_bound(inst):
    D = inst["D"]
    vals = FAM.evaluate(inst, FloatCtx())
    bound = 2 * math.sqrt(2) * D * math.sqrt(vals["S"])
    assert vals["regret"] <= bound * (1 + 1e-9)


@settings(max_examples=300, deadline=None)
@given(inst=instances())
def test_corrected_chain_of_the_proof_holds(inst):
    """Line 167 with 4D² in place of D², and line 171 with the integral 2√S."""
    v = FAM.evaluate(inst, FloatCtx())
    tol = 1e-9 * (1 + abs(v["L167_b_4D2"]))
    assert v["regret"] <= v["L167_a"] + tol
    assert v["L167_a"] <= v["L167_b_4D2"] + tol
    assert v["sum_g2_over_sqrt"] <= 2 * math.sqrt(v["S"]) * (1 + 1e-12)
