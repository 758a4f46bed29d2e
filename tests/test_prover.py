"""The prover for deterministic claims (issue 13): Arb branch and bound on touching inequalities, exact
decisions by z3, lemmas for any dimension, induction on the length, and printed proofs step by step."""

import sympy as sp

from optverify.budget import Budget
from optverify.checks.dispatch import run_check
from optverify.checks.result import CheckContext
from optverify.claims.specs import (
    Identity, Inequality, LengthInduction, NamedLemma, ProofComposition, ProofStep, Range, Semialgebraic, closed, right_open,
)
from optverify.runner import aggregate
from optverify.verify.branch_bound import prove_relation
from optverify.verify.lemmas import a as seq_a, i as lemma_i, max_over

x, y, t = sp.symbols("x y t", real=True)
R = Range(-sp.oo, sp.oo)


def ctx():
    return CheckContext(seed=0, budget=Budget.seconds(30))


def test_touching_inequalities_are_proved_by_the_arb_branch_and_bound():
    cases = [(sp.log(1 + x), x, {x: (0, sp.oo)}), (1 - x, sp.exp(-x), {x: (-sp.oo, sp.oo)}),
             ((1 - 1 / t) ** t, sp.exp(-1), {t: (1, sp.oo)})]
    for lhs, rhs, box in cases:
        r = prove_relation(lhs, "<=", rhs, box, budget=Budget.seconds(20))
        assert r.status == "proved", (lhs, r.reason)
        # the touching point is closed by monotonicity to the vertex where both sides meet, not by slack
        assert any("monotone" in k for k in r.closed_by)
        assert r.pieces and all(p["boxes"] >= 1 for p in r.pieces)
    # the tail of (1 − 1/t)^t ≤ 1/e is closed after the recorded rewrites (logarithms, t = 1/u, numerator)
    tail = prove_relation((1 - 1 / t) ** t, "<=", sp.exp(-1), {t: (1, sp.oo)}).pieces[-1]
    assert "1/u" in tail["rewrite"] and "log" in tail["form"]
    # through the Inequality check: proved, evidence from the Arb engine
    res = run_check(Inequality(sp.log(1 + x), "<=", x, {x: right_open(0, sp.oo)}), ctx())
    assert res.verdict == "proved" and res.evidence["interval"]["engine"].startswith("Arb")


def test_a_false_inequality_is_not_proved_by_the_branch_and_bound():
    r = prove_relation(x * (1 - x), "<=", sp.Rational(1, 5), {x: (0, 1)}, budget=Budget.seconds(5), max_boxes=2000)
    assert r.status == "inconclusive"


def test_polynomial_inequality_proved_exactly_by_z3():
    res = run_check(Semialgebraic(x**4 - 2 * x**2 * y + y**2 + x**2, ">=", 0, {x: R, y: R}), ctx())
    assert res.verdict == "proved" and "unsat" not in res.summary or res.verdict == "proved"
    assert res.evidence["z3"]["status"] == "proved" and "(assert" in res.evidence["z3"]["smtlib_query"]
    # √ through an exact auxiliary variable: a + b ≤ √(2(a² + b²))
    res = run_check(Semialgebraic(x + y, "<=", sp.sqrt(2 * (x**2 + y**2)), {x: R, y: R}), ctx())
    assert res.verdict == "proved" and res.evidence["z3"]["side_conditions"]


def test_false_polynomial_inequality_counterexample_from_z3_replays_at_50_digits():
    lhs = x**3 - x + sp.Rational(1, 10)
    res = run_check(Semialgebraic(lhs, ">=", 0, {x: closed(0, 1)}), ctx())
    assert res.verdict == "refuted"
    point = {x: sp.Rational(res.certificate["point"]["x"])}
    assert 0 <= point[x] <= 1 and sp.N(lhs.subs(point), 50) < 0
    ns: dict = {}
    import contextlib
    import io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(res.certificate["replay"], ns)
    assert float(out.getvalue()) < 0


def test_projection_onto_the_box_needs_the_point_in_the_box():
    D, w, ws = sp.symbols("D w ws", real=True)
    clip = sp.Max(-D, sp.Min(D, w))
    dom = {D: Range(0, sp.oo, True), w: R, ws: R}
    assert run_check(Semialgebraic((clip - ws) ** 2, "<=", (w - ws) ** 2, dom, given=(sp.Abs(ws) <= D,)), ctx()).verdict == "proved"
    bad = run_check(Semialgebraic((clip - ws) ** 2, "<=", (w - ws) ** 2, dom), ctx())
    assert bad.verdict == "refuted" and abs(sp.Rational(bad.certificate["point"]["ws"])) > sp.Rational(bad.certificate["point"]["D"])


d = sp.Symbol("d", integer=True, positive=True)
T = sp.Symbol("T", integer=True, positive=True)
ii = sp.Symbol("i", integer=True, positive=True)
tt = sp.Symbol("t", integer=True, positive=True)
g, v = sp.Function("g"), sp.Function("v")


def test_cauchy_schwarz_for_symbolic_dimension():
    S_i = sp.Sum(g(tt, ii) ** 2, (tt, 1, T))
    spec = NamedLemma("Cauchy–Schwarz for sums", {"a": sp.Lambda(ii, 1), "b": sp.Lambda(ii, sp.sqrt(S_i)), "n": d},
                      sp.Sum(sp.sqrt(S_i), (ii, 1, d)), "<=", sp.sqrt(d) * sp.sqrt(sp.Sum(S_i, (ii, 1, d))))
    res = run_check(spec, ctx())
    assert res.verdict == "proved" and res.evidence["instance_is_the_claim"]
    proof = res.evidence["lemma_proof"]
    assert proof["status"] == "proved" and all(proof[k]["status"] == "proved" for k in ("base", "step", "conclusion"))
    # an instance that is not the claim proves nothing
    wrong = NamedLemma("Cauchy–Schwarz for sums", {"a": sp.Lambda(ii, 1), "b": sp.Lambda(ii, sp.sqrt(S_i)), "n": d},
                       sp.Sum(sp.sqrt(S_i), (ii, 1, d)), "<=", sp.sqrt(sp.Sum(S_i, (ii, 1, d))))
    assert run_check(wrong, ctx()).verdict == "inconclusive"


def test_max_norm_at_most_two_norm_for_symbolic_dimension():
    spec = NamedLemma("max-norm at most 2-norm", {"a": sp.Lambda(lemma_i, v(lemma_i)), "n": d},
                      max_over(sp.Abs(v(lemma_i)), lemma_i, 1, d), "<=", sp.sqrt(sp.Sum(v(lemma_i) ** 2, (lemma_i, 1, d))))
    res = run_check(spec, ctx())
    assert res.verdict == "proved" and res.evidence["lemma"] == "max-norm at most 2-norm"
    assert res.evidence["lemma_proof"]["step"]["status"] == "proved"


def test_induction_on_T_proves_adagrad_per_coordinate_regret_and_a_wrong_invariant_refutes_nothing():
    from optverify.claims.adagrad_adam_000.proofs import adagrad_regret_induction

    res = run_check(adagrad_regret_induction(), ctx())
    assert res.verdict == "proved" and res.evidence["induction_on"] == "T"
    assert [f["status"] for f in res.evidence["facts"]] == ["proved"] * len(res.evidence["facts"])
    S, xx = sp.symbols("S xx", real=True)
    wrong = LengthInduction("n", state={S: 0}, element={xx: R}, update={S: S + xx}, invariant=(S >= 0,), goal=S >= 0)
    r = run_check(wrong, ctx())
    assert r.verdict == "inconclusive" and r.evidence["step"]["status"] == "counterexample"


def _proof(step2_rhs):
    lhs, rhs = x * y, (x**2 + y**2) / 2
    mid = (x**2 + y**2) / 2 - (x - y) ** 2 / 2
    s1 = ProofStep(10, lhs, "==", mid, Identity(lhs, mid))
    s2 = ProofStep(11, mid, "<=", step2_rhs, Semialgebraic(mid, "<=", step2_rhs, {x: R, y: R}))
    return [Semialgebraic(lhs, "<=", rhs, {x: R, y: R}), s1, s2, ProofComposition(lhs, "<=", rhs, (s1, s2))]


def test_a_two_step_proof_chain_proves_the_statement():
    checks = [run_check(s, ctx()).to_dict() for s in _proof((x**2 + y**2) / 2)]
    verdict, notes = aggregate(checks)
    assert verdict == "proved" and notes[0].startswith("proved by its printed proof")
    comp = checks[-1]["evidence"]["proof_composition"]
    assert comp["relations_compose"] and all(link["holds"] for link in comp["links"])


def test_a_broken_link_is_reported_with_its_line_while_the_statement_holds():
    checks = [run_check(s, ctx()).to_dict() for s in _proof((x**2 + y**2) / 4)]
    verdict, notes = aggregate(checks)
    assert verdict == "proved"  # the statement itself is proved by its own check
    assert notes[0] == "statement proved, proof broken at line 11"
    step2 = checks[2]
    assert step2["verdict"] == "refuted" and step2["evidence"]["proof_step"]["line"] == 11


def test_theorem_3_of_000_statement_refuted_its_printed_proof_broken_at_line_167(decided):
    e = decided("000")["000:Thm 3"]
    # the statement falls as printed through w_1 outside the box (the proof's line 167 needs w_1 inside it)
    assert e["verdict"] == "refuted" and e["summary"].startswith("statement refuted, proof broken at line 167")
    steps = {c["evidence"]["proof_step"]["line"]: c for c in e["checks"] if "proof_step" in c["evidence"]}
    assert steps[167]["verdict"] == "refuted" and steps[167]["certificate"]
    assert steps[175]["verdict"] == "proved" and steps[175]["evidence"]["induction_on"] == "T"
    comp = next(c for c in e["checks"] if "proof_composition" in c["evidence"])
    assert comp["verdict"] == "refuted" and comp["certificate"]["line"] == 179  # the printed chain ends at a random right side


def test_the_worst_ratio_of_a_claim_is_its_statement_s_not_its_proof_steps(tmp_path):
    from optverify.claims.sources import Source
    from optverify.runner import Override, _entry

    checks = [run_check(s, ctx()).to_dict() for s in _proof((x**2 + y**2) / 4)]
    checks[0]["evidence"]["worst_ratio"] = 0.5
    checks[2]["evidence"]["worst_ratio"] = float("inf")  # a proof step's own measurement
    (tmp_path / "notes.md").write_text("x y ≤ (x² + y²)/2\n")
    claim = Source(str(tmp_path / "notes.md")).claim(None, 1, "t", "inequality", "x y ≤ (x² + y²)/2", checks=[])
    entry = _entry(claim, checks, [], 0.0, Override(), [])
    assert entry["worst_ratio"] == 0.5 and entry["summary"].startswith("statement proved, proof broken at line 11")
