"""003 §§13–17 (lines 1877–2555) decided in quick mode, against verdicts worked out by hand, with their evidence."""

import pytest

FIRST, LAST = 1877, 2555  # the range of this test file
# claim → verdict of its corrected form (None: not asserted, its check needs the engine's Monte Carlo kernels compiled in time)
REFUTED = {
    "003:L1993": "proved",  # (6) w_{t+1} = w_t − v_t: v is minus the velocity
    "003:L1995": "proved",  # β = 0 gives gradient ascent
    "003:Alg 10@L2003": "consistent",  # ascends as printed; w_{t+1} = w_t + v_t descends and is Algorithm 11
    "003:L2027": "proved",  # +η∇L: the energy grows
    "003:L2029": "proved",  # not the Euler step of the printed ODE
    "003:L2033": "proved",  # the look-ahead point is w_t − βv_{t−1}
    "003:L2031": "proved",  # 'more accurate': same order as Euler (local error O(h²)), velocity error larger for some L″(w)u
    "003:L2121": "consistent",  # α_t = Σα_i: the square is missing
    "003:L2127": "proved",  # +τ_t y_t in the third line
    "003:L2151": "consistent",  # not Algorithm 10 as printed
    "003:Prop 15.3": "consistent",  # 'Further, α_t = Σα_i'
    "003:L2175": "proved",  # Σ_{i≤t−1} where α_{t+1} needs Σ_{i≤t}
    "003:L2179": "proved",
    "003:L2225": "consistent",  # t in place of α_t
    "003:L2393": "proved",  # ‖g_{1:T}‖² is the norm of the sum (Definition 16.1)
    "003:L2279": "consistent",  # reprints 000:L19
    "003:L2484": "proved",  # reprints 000:L212
    "003:L2490": "proved",  # reprints 000:L220
    "003:L2510": "proved",  # reprints 000:L241
    "003:L2512": "proved",
    "003:L2516": "proved",  # reprints 000:L246
    "003:L2524": "proved",
    "003:L2526": "proved",
    "003:L2427": "proved",  # reprints 000:L175 (w_1 outside the box)
    "003:L2323": "proved",  # reprints 000:L61 (with g_τ: only the ∇L ≠ 0 failure)
    "003:L2379": "proved",  # reprints 000:L122 (w√d needs w ≥ 0)
    "003:L2385": "proved",  # reprints 000:L128 (2^d needs w ≠ 0)
    "003:L2395": "consistent",  # reprints 000:L139 (the log d factor)
}
PROVED = {"003:L1911", "003:L1979", "003:L2069", "003:L2119", "003:L2123", "003:L2131", "003:L2135", "003:L2143", "003:L2147", "003:L2163",
          "003:L2183", "003:L2195", "003:L2213", "003:L2217", "003:L2221", "003:L2317", "003:L2480", "003:L2500", "003:L2492",
          "003:L2371",  # L2371 reprints 000:L110 (existence: a witness, (8) > (9))
          "003:L2486",  # reprints 000:L214
          "003:L1929"}  # a witness: L(w) = w on [0, 1] breaks Lemma 13.2 off the whole space
CONSISTENT = {"003:Thm 2.4@L1889", "003:L1895", "003:Thm 13.1", "003:Lem 13.2", "003:Thm 13.3", "003:L1951", "003:Thm 15.1", "003:Alg 11",
              "003:Thm 15.2", "003:L2191", "003:L2261", "003:Alg 12", "003:L2229", "003:L2249", "003:L2253", "003:L2257"}
PEP = ("003:Thm 2.4@L1889", "003:L1895", "003:Thm 13.3", "003:L1951", "003:Thm 15.2")


@pytest.fixture(scope="module")
def report(decided):
    return {k: e for k, e in decided("003").items() if FIRST <= e["source"]["line"] <= LAST}


def notes(e):
    return " ".join(e["notes"]) if isinstance(e["notes"], list) else e["notes"]


def checks_of(e):
    return e["checks"] + (e["corrected"]["checks"] if e["corrected"] else [])


def pep_check(e):
    return next(c for c in e["checks"] if c["strategy"] == "performance estimation")


def test_the_range_is_encoded(report):
    assert len(report) >= 130
    for cid in (*REFUTED, *PROVED, *CONSISTENT):
        assert cid in report, cid


def test_verdicts(report):
    for cid, corr in REFUTED.items():
        e = report[cid]
        assert e["verdict"] == "refuted", (cid, e["summary"])
        assert e["corrected"]["verdict"] == corr, (cid, e["corrected"]["verdict"])
    for cid in PROVED:
        assert report[cid]["verdict"] == "proved", (cid, report[cid]["summary"])
    for cid in CONSISTENT:
        assert report[cid]["verdict"] == "consistent", (cid, report[cid]["summary"])


def test_every_refutation_carries_a_certificate_that_replays(report):
    for e in report.values():
        for c in e["checks"]:
            if c["verdict"] != "refuted":
                continue
            assert c["certificate"], (e["id"], c["part"])
            if c["strategy"] == "instance":
                assert c["certificate"]["replay"]["violation_stands"], (e["id"], c["part"])
                assert c["certificate"]["replay"]["digits"] == 50


def test_no_internal_errors(report):
    for e in report.values():
        for c in checks_of(e):
            msg = c["evidence"].get("internal_error")
            # the engine's Monte Carlo kernels may still be compiling when a claim's budget ends (000:L63's corrected form)
            assert not msg or "no compiled object yet" in str(c["summary"]), (e["id"], c["summary"])


def test_sharp_ratio_per_horizon(report):
    for cid in PEP:
        ev = pep_check(report[cid])["evidence"]
        ratios = ev["sharp_ratio_per_N"]
        assert len(ratios) >= 4 and all(0 < r <= 1 + 1e-4 for r in ratios.values()), (cid, ratios)
    # Theorem 13.3: the worst case of Σ_{t≤T} L(w_t) − L* with η = 1/(2H) is 2HD²·T/(2(T + 1)) on the grid
    r133 = pep_check(report["003:Thm 13.3"])["evidence"]["sharp_ratio_per_N"]
    for n in (1, 2, 3, 4):
        assert r133[f"N={n} (H = 1, D = 1)"] == pytest.approx(n / (2 * (n + 1)), abs=1e-4)
    # Theorem 2.4@L1889 is tight: the subgradient method's Σ gaps reaches G D √T
    assert all(r == pytest.approx(1, abs=1e-3) for r in pep_check(report["003:Thm 2.4@L1889"])["evidence"]["sharp_ratio_per_N"].values())
    # Theorem 15.2's constant 9/2 is loose: the worst case stays below a third of it up to T = 10
    assert pep_check(report["003:Thm 15.2"])["evidence"]["worst_ratio"] < 1 / 3


def test_momentum_sign_evidence(report):
    alg10 = report["003:Alg 10@L2003"]
    inst = next(c for c in alg10["checks"] if c["strategy"] == "instance")
    assert float(inst["certificate"]["replay"]["measured"]) > 0  # L(w_{T+1}) − L(w_1) > 0: the printed update climbs
    sims = [c for c in alg10["checks"] if c["strategy"] == "simulation"]
    assert sims and all(c["verdict"] == "refuted" for c in sims)
    assert any("Algorithm 11" in c["part"] and c["verdict"] == "consistent" for c in alg10["corrected"]["checks"])
    assert "002:L228" in notes(alg10)


def test_alpha_slips_and_the_broken_induction(report):
    prop = report["003:Prop 15.3"]
    further = next(c for c in prop["checks"] if c["part"].startswith("Further"))
    assert further["verdict"] == "refuted" and further["certificate"]["replay"]["violation_stands"]
    steps = {c["part"]: c for c in prop["checks"] if c["strategy"] == "proof step"}
    assert steps["proof, line 2191"]["verdict"] == "refuted"  # the induction assumption does not give √(Σ_{i<t}α_i) ≥ t/3
    assert report["003:L2191"]["verdict"] == "consistent" and "proof broken at line 2191" in report["003:L2191"]["summary"]
    assert all(c["verdict"] in ("consistent", "proved") for c in report["003:L2225"]["corrected"]["checks"])


def test_reprints_of_000_name_their_source(report):
    assert "000:Thm 3" in notes(report["003:Thm 16.3"])
    assert "000:Alg 1" in notes(report["003:Alg 12"])
    assert "000:L231" in notes(report["003:L2500"])
    steps = [c for c in report["003:Thm 16.3"]["checks"] if c["strategy"] == "proof step"]
    assert steps and all(2403 <= int(c["part"].split()[-1]) <= 2431 for c in steps)


def test_the_two_step_integrator_is_not_more_accurate(report):
    from fractions import Fraction

    e = report["003:L2031"]
    parts = {c["part"]: c for c in e["checks"]}
    w = parts["w: the h² term of the local error is no larger"]
    assert w["verdict"] == "proved" and "h^2 for Euler and h^2 for the two-step integrator" in notes(e)
    u = parts["u: the h² term of the local error is no larger"]
    assert u["verdict"] == "refuted"
    p = {k: Fraction(v) for k, v in u["certificate"]["point"].items()}
    two = -(p["a"] ** 2 * p["u"] - p["a"] * p["b"] * p["g0"] - p["b"] * p["g1"] * p["u"]) / 2  # the series coefficients
    euler = -(p["a"] ** 2 * p["u"] - p["a"] * p["b"] * p["g0"] + p["b"] * p["g1"] * p["u"]) / 2
    assert abs(two) > abs(euler) and 0 <= p["a"] <= 1 and p["b"] > 0
    assert [c["verdict"] for c in e["corrected"]["checks"]] == ["proved", "proved"]
