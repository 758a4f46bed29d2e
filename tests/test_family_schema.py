"""Families declared from one parameter schema: the strategy, the search box and the decoder agree,
options bind, and every refutation's snippet replays in a clean interpreter (a user's file included)."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings

import optverify.counterexamples.families as F
from optverify.checks.instance import check_instances
from optverify.checks.result import CheckContext
from optverify.claims import get
from optverify.claims.specs import InstanceSearch
from optverify.counterexamples.families import Measured
from optverify.counterexamples.schema import Family, array, choice, family, integer, locate, real
from optverify.runner import Override, decide
from optverify.verify.numctx import FloatCtx, MpCtx

BUNDLED = [
    F.adagrad_coordinate, F.adam_moments.bind(beta1=0.9, beta2=0.999), F.adamal_two_point,
    F.adaptive_budget.bind(algorithm="adam", force_decrease=True, constant_rate=True), F.adaptive_budget.bind(algorithm="amsgrad"),
    F.amsgrad_regret, F.companion_matrix.bind(region="complex"), F.companion_matrix.bind(region="any"),
    F.composite_ftprl.bind(variant="mcmahan"), F.composite_ftprl.bind(variant="printed"),
    *[F.ftprl_form.bind(method=m) for m in ("sgd_inv_t", "sgd_fixed", "sgd", "adam", "sgdm", "adagrad")],
    F.gradient_matrix, F.logistic_gradient_variance, F.logistic_smoothness, F.projected_step, F.sign_distribution,
    F.sparse_onehot, F.stochastic_separable.bind(algorithm="diag_box"), F.stochastic_separable.bind(algorithm="norm_ball"),
]


@family({
    "D": real(0.5, 4),
    "w": real(lambda p: -p["D"], lambda p: p["D"]),
    "T": integer(1, {"quick": 3, "thorough": 5}),
    "d": integer(1, 2),
    "s": choice(-1, 1),
    "scale": real(1e-3, 10, log=True),
    "g": array(real(-2, 2), ("T", "d"), at={0: real(-2, 2, nonzero=0.5)}),
    "h": array(real(lambda p: 0.0, lambda p: p["D"]), "T", examples=[lambda p: [p["D"]] * p["T"]]),
})
def toy(p, num, *, k=1):
    return {"measured": num.num(k) * sum(num.num(v) for row in p["g"] for v in row), "D": num.num(p["D"])}


def _drawn(fam, mode, n=40):
    out = []

    @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(fam.strategy(mode))
    def collect(inst):
        out.append(inst)

    collect()
    return out


# ------------------------------------------------------------------------------ strategy, box and decoder agree
@pytest.mark.parametrize("fam", BUNDLED, ids=lambda f: f.name)
def test_bundled_strategy_box_and_decoder_agree(fam):
    rng = np.random.default_rng(0)
    for mode in ("quick", "thorough"):
        box = fam.vector_bounds(mode)
        assert all(lo <= hi for lo, hi in box)
        for _ in range(25):
            inst = fam.decode(np.array([rng.uniform(lo, hi) for lo, hi in box]), mode)
            assert fam.contains(inst, mode), inst
        corners = [np.array([lo for lo, _ in box]), np.array([hi for _, hi in box])]
        for x in corners:
            assert fam.contains(fam.decode(x, mode), mode)
    drawn = _drawn(fam, "quick", 25)
    assert drawn and all(fam.contains(i, "quick") for i in drawn)
    vals = fam.evaluate(drawn[0], FloatCtx())
    exact = fam.evaluate(drawn[0], MpCtx(50))
    assert set(vals) == set(exact)


def test_dependent_bounds_integer_choice_and_array_shapes():
    box = toy.vector_bounds("quick")
    # D, w (a fraction of its own range), T, d, s, log10 scale, g (3×2 max), h (3 max)
    assert box[:6] == [(0.5, 4.0), (0.0, 1.0), (1.0, 3.999), (1.0, 2.999), (0.0, 1.999), (-3.0, 1.0)]
    assert len(box) == 6 + 3 * 2 + 3 and len(toy.vector_bounds("thorough")) == 6 + 5 * 2 + 5
    x = np.array([2.0, 0.0, 2.7, 2.2, 1.5, -1.0] + [0.1] * 6 + [1.0] * 3)
    inst = toy.decode(x, "quick")
    assert inst["w"] == -2.0 and toy.decode(np.r_[x[:1], 1.0, x[2:]], "quick")["w"] == 2.0  # w ∈ [−D, D]
    assert inst["T"] == 2 and inst["d"] == 2 and inst["s"] == 1 and inst["scale"] == pytest.approx(0.1)
    assert np.shape(inst["g"]) == (2, 2) and np.shape(inst["h"]) == (2,)
    assert inst["g"][0] == [0.5, 0.5] and inst["g"][1] == [0.1, 0.1]  # the first row keeps |g| ≥ 0.5
    assert inst["h"] == [2.0, 2.0]  # h ∈ [0, D]
    assert toy.decode(np.r_[x[:4], 0.2, x[5:]], "quick")["s"] == -1
    assert toy.contains(inst, "quick") and not toy.contains({**inst, "w": 2.5}, "quick")
    assert not toy.contains({**inst, "g": [[0.1, 0.1], [0.1, 0.1]]}, "quick")  # first row inside (−0.5, 0.5)
    assert not toy.contains({**inst, "T": 3}, "quick")  # g no longer has T rows
    for inst in _drawn(toy, "thorough", 60):
        assert toy.contains(inst, "thorough"), inst
        assert np.shape(inst["g"]) == (inst["T"], inst["d"]) and -inst["D"] <= inst["w"] <= inst["D"]
        assert all(0 <= v <= inst["D"] for v in inst["h"])


def test_examples_are_drawn_and_lie_in_the_schema():
    fam = F.adam_moments.bind(beta1=0.9, beta2=0.999)
    drawn = _drawn(fam, "quick", 200)
    assert sum(i["T"] == 16 for i in drawn) > len(drawn) / 4  # the longest horizon, where the EMAs differ most
    ramps = [i for i in drawn if i["T"] > 2 and i["g"][-1] == 5.0 and 0 < i["g"][0] < 5.0
             and np.allclose(np.diff(np.log(i["g"])), np.log(0.999 / 0.9))]
    assert ramps  # the Cauchy–Schwarz maximiser g_k ∝ (β1/β2)^{T−k}


def test_description_and_bind():
    assert toy.description.startswith('D ∈ [0.5, 4]; w ∈ [-p["D"], p["D"]]; T ∈ {1, …, 3 (quick) / 5 (thorough)}; d ∈ {1, …, 2}; s ∈ {-1, 1}')
    assert "g: T×d reals in [-2, 2] (index 0: [-2, 2] with |·| ≥ 0.5)" in toy.description
    fixed = family({"p": real(0, lambda o: 0 if o["constant"] else 1)})(lambda p, num, *, constant=False: {})
    assert "p ∈ [0, 1]" in fixed.description and "p ∈ {0}" in fixed.bind(constant=True).description
    bound = toy.bind(k=3)
    assert bound.evaluate({"g": [[1.0, 2.0]], "D": 1.0}, FloatCtx())["measured"] == 9.0
    assert toy.evaluate({"g": [[1.0, 2.0]], "D": 1.0}, FloatCtx())["measured"] == 3.0
    assert "k=3" in repr(bound) and "(k=3)" in bound.description
    with pytest.raises(TypeError):
        toy.bind(c=1)
    with pytest.raises(ValueError):
        F.adaptive_budget.bind(algorithm="sgd")
    assert F.adaptive_budget.bind(algorithm="amsgrad").name == "adaptive-budget-amsgrad"
    with pytest.raises(ValueError):
        family({"g": array(real(0, 1), "T"), "T": integer(1, 3)})(lambda p, num: {})  # shape parameter declared after
    with pytest.raises(ValueError):
        array(real(0, 1), (2, 2, 2))  # lists and lists of lists only


def test_replay_source_and_locate_rebuild_the_family():
    fam = Measured(F.adaptive_budget.bind(algorithm="adam", constant_rate=True), "B_last")
    imports, expr = fam.replay_source()
    # by module where a fresh interpreter would import this very file; by its path where it would import another
    # copy (a checkout imported from the current directory beside an installed optverify, as in CI)
    import sys

    module = sys.modules["optverify.counterexamples.families.adaptive_budget"]  # (the package's attribute is the family)
    where = (f"'{module.__file__}:adaptive_budget'" if "/" in F.adaptive_budget.ref()
             else "'optverify.counterexamples.families.adaptive_budget:adaptive_budget'")
    assert expr == f"Measured(locate({where}).bind(algorithm='adam', constant_rate=True), measured='B_last')"
    space = {}
    exec(imports, space)
    again = eval(expr, space)
    assert again.family == fam.family and again.key == "B_last"
    assert locate("optverify.counterexamples.families:sparse_onehot") is F.sparse_onehot
    assert pickle.loads(pickle.dumps(fam.family)) == fam.family  # pickled by reference, as it is replayed
    assert pickle.loads(pickle.dumps(F.sparse_onehot)) is F.sparse_onehot


# ------------------------------------------------------------------------------ replay from a clean interpreter
USER_FILE = '''
"""A user's family, in a file outside any package."""
from optverify.counterexamples.schema import array, family, integer, real


@family({"T": integer(1, 5), "g": array(real(-1, 1), "T")}, name="user-sum-of-squares")
def sum_of_squares(p, num, *, weight=1):
    s = sum(num.num(v) ** 2 for v in p["g"])
    return {"measured": num.num(weight) * s, "T": num.num(len(p["g"]))}
'''


def _replays_clean(snippet: str, cwd) -> str:
    proc = subprocess.run([sys.executable, "-c", snippet], cwd=cwd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_user_family_from_a_file_is_refuted_and_replays_in_a_clean_interpreter(tmp_path):
    path = tmp_path / "my_claims" / "families_of_mine.py"
    path.parent.mkdir()
    path.write_text(textwrap.dedent(USER_FILE))
    fam = locate(f"{path}:sum_of_squares")
    assert isinstance(fam, Family) and locate(f"{path}:sum_of_squares") is fam  # the file is loaded once
    assert fam.ref() == f"{path}:sum_of_squares"
    assert pickle.loads(pickle.dumps(fam.bind(weight=2))) == fam.bind(weight=2)
    T = sp.Symbol("T", positive=True, integer=True)
    # planted wrong bound: Σ g_t² ≤ T/2 (the truth is ≤ T, with weight 1)
    r = check_instances(InstanceSearch(fam.bind(weight=1), T / 2), CheckContext(seed=0, deadline=time.monotonic() + 60))
    assert r.verdict == "refuted", r.summary
    snippet = r.certificate["replay_snippet"]
    assert str(path) in snippet and "weight=1" in snippet
    empty = tmp_path / "empty"
    empty.mkdir()
    out = _replays_clean(snippet, empty)
    assert "violation_stands: True" in out
    # the true bound is never refuted
    r = check_instances(InstanceSearch(fam, T), CheckContext(seed=0, deadline=time.monotonic() + 60))
    assert r.verdict == "consistent" and r.evidence["worst_ratio"] <= 1


def test_bundled_refutation_replays_in_a_clean_interpreter(tmp_path):
    """000 line 175 with half its bound: refuted, and the certificate's snippet replays from an empty directory."""
    entry = decide(get("000:L175"), mode="quick", seed=0, override=Override(scale=0.5))
    assert entry["verdict"] == "refuted", entry["summary"]
    certs = [c["certificate"] for c in entry["checks"] if c.get("certificate") and "replay_snippet" in c["certificate"]]
    assert certs
    snippet = certs[0]["replay_snippet"]
    assert "locate('optverify.counterexamples.families." in snippet or "/optverify/counterexamples/families/" in snippet
    out = _replays_clean(snippet, tmp_path)
    assert "violation_stands: True" in out
