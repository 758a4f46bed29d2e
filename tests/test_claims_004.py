"""Every claim of slides 004 decided in quick mode, against the verdicts worked out by hand, with their evidence."""

from fractions import Fraction

import pytest


REFUTED = {  # claim → verdict of its corrected form
    "004:L259": "proved",  # E[m̂_t] = E[g_t] needs a constant mean (stated only at line 269)
    "004:L263": "proved",  # same for E[v̂_t] = E[g_t²]
    "004:L287": "proved",  # ε > 0 breaks exact scale invariance
    "004:L294": "proved",  # ε outside the root, where step 6 puts it inside
    "004:L298": "proved",  # |m̂| ≤ √v̂ needs β1 = β2
    "004:L30": "proved",  # 'any step downhill': only the steepest one points at the centre
    "004:L217": "proved",
    "004:L95": "proved",  # at the same γ momentum's cross-ravine oscillation decays by √0.9 per step, slower than GD's |1 − 10γ| below γ ≈ 0.195
    "004:L121": "proved",  # zigzag reduced (complex roots, positive real part), but the floor contracts by √0.9 > 1 − 2γ
    "004:L124": "proved",  # on the saddle's stable manifold momentum converges to the saddle like GD
    "004:L94": "proved",  # the EMA velocity (1 − β^t)a never outruns GD on a plateau; the heavy-ball form does  # one large earlier gradient outweighs two small ones
}
PROVED = {"004:L91", "004:L33", "004:L119", "004:L190", "004:L252", "004:L275", "004:L156", "004:L181", "004:L185", "004:L188", "004:L196", "004:L218", "004:L233", "004:L234",
          "004:L271", "004:L273", "004:L281", "004:L282", "004:L285", "004:L312", "004:L333", "004:L371", "004:L374", "004:L376",
          "004:L390", "004:L392", "004:L395", "004:L404", "004:L407", "004:L413", "004:L418", "004:L423", "004:L435"}
CONSISTENT = {"004:L243", "004:L291", "004:L319", "004:Thm 2", "004:Thm 4", "004:L448"}


@pytest.fixture(scope="module")
def report(decided):
    return decided("004")  # decided once per test session, shared with every test that asks


def checks_of(e):
    return e["checks"] + (e["corrected"]["checks"] if e["corrected"] else [])


def test_verdicts(report):
    for cid, corr in REFUTED.items():
        e = report[cid]
        assert e["verdict"] == "refuted", (cid, e["summary"])
        assert e["corrected"]["verdict"] == corr, cid
        assert all(c["certificate"] for c in e["checks"] if c["verdict"] == "refuted"), cid
    for cid in PROVED:
        assert report[cid]["verdict"] == "proved", (cid, report[cid]["summary"])
    for cid in CONSISTENT:
        assert report[cid]["verdict"] == "consistent", (cid, report[cid]["summary"])


def test_no_claim_is_left_undecided_or_crashes(report):
    for e in report.values():
        # only an environment without an optional package (torch: 004:L476, L501) may leave a claim undecided, and says so
        missing_package = all(c["evidence"].get("environment_error") and c["evidence"].get("missing_package") for c in e["checks"])
        assert e["verdict"] != "inconclusive" or missing_package, (e["id"], e["summary"])
        for c in checks_of(e):
            assert not c["evidence"].get("internal_error"), (e["id"], c["summary"])


def test_bounded_step_shows_the_largest_ratio_beside_the_sharp_value(report):
    e = report["004:L298"]
    assert e["sharp_ratio"] == pytest.approx(1.1048, abs=1e-3)  # √(Σ a_k²/b_k) at T = 16, β1 = 0.9, β2 = 0.999
    cs = next(c for c in e["checks"] if c["part"] == "Cauchy–Schwarz")
    assert cs["verdict"] == "refuted" and 0.95 <= cs["evidence"]["found_over_sharp"] <= 1 + 1e-9
    assert cs["certificate"]["replay"]["violation_stands"]
    cap = next(c for c in e["checks"] if c["part"] == "cap")
    assert cap["verdict"] == "proved"  # γ√v̂/(√v̂ + ε) ≤ γ is the true link of the chain


def test_amsgrad_counterexample_evidence(report):
    slide = report["004:L418"]["checks"][0]["evidence"]["settings"]
    for row in slide:  # Adam at +1 with a positive liminf of R_T/T; AMSGrad at −1 on the same problem
        assert row["certificate"]["endpoint"] == 1 and float(row["certificate"]["avg_regret_bound"]) > 0.3
        assert row["amsgrad"]["endpoint"] == -1
        assert row["float_run"]["final_x"] > 0.99
    reddi = report["004:L333"]["checks"][0]["evidence"]["settings"]
    C3 = next(r for r in reddi if r["certificate"]["setting"]["C"] == 3.0)
    assert float(C3["certificate"]["avg_regret_bound"]) == pytest.approx(2 / 3)  # 2(C − 2)/3
    assert C3["float_run"]["avg_regret"][30000] > 0.66


def test_theorem2_probe_covers_the_region_and_reports_beyond_it(report):
    ev = report["004:Thm 2"]["checks"][0]["evidence"]
    assert ev["witnessed_inside"] == "17/17"
    assert all(p["amsgrad_endpoint"] == -1 for p in ev["inside_region"])


def test_decided_where_text_was_marked_not_checkable(report):
    e = report["004:L217"]
    cert = e["checks"][0]["certificate"]
    assert float(cert["violation"]) > 0 and cert["violation_is"].startswith("rhs − lhs")
    point = {k: float(v) for k, v in cert["point"].items()}
    assert point["p_r"] ** 2 > 2 * point["q_f"] ** 2  # the infrequent coordinate's single earlier gradient outweighs the two
    assert {c["part"]: c["verdict"] for c in e["corrected"]["checks"]} == {"difference": "proved", "sign": "proved"}
    parts = {c["part"]: c["verdict"] for c in report["004:L119"]["checks"]}
    assert parts["oscillating: the alternating sum"] == parts["consistent: the contribution (1 − β^t)a"] == "proved"
    assert len(parts) == 5 and set(parts.values()) == {"proved"}
    assert {c["part"] for c in report["004:L275"]["checks"]} == {"m̂_t", "v̂_t"}


def test_any_downhill_step(report):
    e = report["004:L30"]
    bad = next(c for c in e["checks"] if c["verdict"] == "refuted")
    assert bad["part"] == "d ∥ −θ" and "2*tau*(x**2 + y**2)" in bad["summary"]
    assert next(c for c in e["checks"] if c["part"] == "d is downhill")["verdict"] == "proved"


def test_the_ema_velocity_never_outruns_gradient_descent_on_a_plateau(report):
    e = report["004:L94"]
    q = Fraction(e["checks"][0]["certificate"]["point"]["q"])  # q = β^t
    assert 0 < q < 1 and 1 - q < 1
    assert "root cause" in e["notes"][0] and "heavy-ball" in e["notes"][0]
    assert {c["part"]: c["verdict"] for c in e["corrected"]["checks"]} == {"the heavy-ball velocity": "proved", "longer than GD's from t = 2": "proved"}
    assert [c["verdict"] for c in report["004:L91"]["checks"]] == ["proved", "proved"]


def test_ravine_zigzag_and_saddle(report):
    from fractions import Fraction

    g95 = Fraction(next(c for c in report["004:L95"]["checks"] if c["verdict"] == "refuted")["certificate"]["point"]["gamma"])
    assert Fraction(1, 10) < g95 < Fraction(1, 5) and Fraction(9, 10) >= (1 - 10 * g95) ** 2  # GD's zigzag decays faster there
    parts = {c["part"]: c["verdict"] for c in report["004:L121"]["checks"]}
    assert parts["GD: the steep coordinate reverses at every step"] == parts["momentum's steep-axis roots are complex (modulus √β)"] == "proved"
    assert parts["progress along the floor: √β < 1 − 2γ"] == "refuted"
    e = report["004:L124"]
    parts = {c["part"]: c for c in e["checks"]}
    assert parts["flat area: after k steps with g = 0 momentum has moved γβ(1 − β^k)v/(1 − β)"]["verdict"] == "proved"
    pt = {k: Fraction(v) for k, v in parts["saddle: momentum's x does not converge (a root on or outside the unit circle)"]["certificate"]["point"].items()}
    assert abs(1 + pt["beta"] - pt["gamma"] * (1 - pt["beta"])) < 1 + pt["beta"] and 0 < pt["gamma"] < 2  # Jury: it converges
    assert {c["part"][:10] for c in e["corrected"]["checks"]} >= {"heavy ball", "EMA: 1 + γ"}
