"""003 §§18–22 (lines 2556–3277): data parallelism, Hogwild!, stochastic momentum, regularisation, strong convexity.

Verdicts worked out by hand (each refutation's reason is in the claim's notes), and the evidence that carries them."""

import math

import pytest

REFUTED = {  # claim → verdict of its corrected form (None: no corrected form, a broken proof step)
    "003:Thm 19.1": "consistent",  # ‖L‖² for ‖∇L‖², Algorithm 15's missing d, the proof's missing d and G
    "003:L2679": None,  # the proof's step ηd g[j] is not Algorithm 15's η g[j]
    "003:L2687": None,  # E‖ηd g[j]e_j‖² = η²d‖g‖², not η²G²
    "003:Alg 16": "consistent",  # w_2 = w_1 − m_1 ignores η
    "003:L2761": "proved",  # ‖∇L‖ for ‖∇L‖²
    "003:Lem 20.2": "proved",  # first step, η = α/√(48H), the halved constants of line 2880
    "003:L2856": "proved",  # H²η² for 2H²η²
    "003:L2876": "proved",  # = for ≤
    "003:L2880": None,  # 3η/(2α) × 8H²η²/α is 12H²η³/α², not 6
    "003:L2882": "proved",  # α/√(48H) ≤ α/(4H) fails for H > 3
    "003:L2884": "proved",
    "003:L2886": "proved",
    "003:Thm 20.3": "consistent",  # as printed the first step multiplies the gap by (1 − H)²
    "003:L2902": "proved",  # the H of 3√3Hη²σ² dropped
    "003:L2910": "proved",  # σ for σ²
    "003:L2920": "proved",  # η = α/(H√(48α))
    "003:L2926": "proved",  # the balancing α lacks the 6
    "003:L2934": "proved",
    "003:L3082": "proved",  # the last step drops L(w_*^λ) − L(w_*) ≥ 0: the wrong way
    "003:L3088": "proved",  # (λ/2)‖w_*‖² is a constant
    "003:L3090": "consistent",  # Theorem 21.6 applied one step off
    "003:L3094": "consistent",
    "003:L3167": "proved",  # μ‖·‖²/(2t) for μt‖·‖²/2
    "003:Thm 22.3": "proved",  # the chain mixes the two conclusions
    "003:L3258": "proved",  # 8γΔ/T printed γΔ/T
    "003:L3271": None,  # a smaller N and 5 → 4
}
PROVED = {"003:L2657", "003:L2627", "003:Alg 14", "003:Alg 15", "003:L2667", "003:L2671", "003:L2675", "003:L2683", "003:L2685", "003:L2719", "003:L2723",
          "003:L2729", "003:Lem 20.1", "003:L2745", "003:L2749", "003:L2753", "003:L2757", "003:L2767", "003:L2781", "003:L2785",
          "003:L2797", "003:L2825", "003:L2835", "003:L2844", "003:L2852", "003:L2864", "003:L2870", "003:L2898", "003:L2914",
          "003:L2918", "003:L2938", "003:L2946", "003:L2970", "003:Lem 21.2", "003:L2982", "003:L3000", "003:L3004", "003:L3008",
          "003:Lem 21.5", "003:Lem 21.8", "003:L3030", "003:L3034", "003:L3038", "003:Lem 21.7", "003:L3106", "003:L3110", "003:L3112", "003:L3146", "003:L3154",
          "003:L3158", "003:L3190", "003:L3208", "003:L3224", "003:L3228", "003:L3230", "003:L3238", "003:L3248", "003:L3265"}
CONSISTENT = {"003:Alg 13", "003:L2789", "003:L2801", "003:Lem 21.1", "003:Lem 21.4", "003:L3024", "003:Thm 21.6",
              "003:L3086", "003:L3098", "003:L3102", "003:L3114", "003:L3124", "003:L3132", "003:Thm 22.1", "003:L3150",
              "003:L3175", "003:Lem 21.5@L3186"}
NUMBERED = {"003:Alg 13", "003:Alg 14", "003:Alg 15", "003:Thm 19.1", "003:Alg 16", "003:Lem 20.1", "003:Lem 20.2", "003:Thm 20.3",
            "003:Lem 21.1", "003:Lem 21.2", "003:Def 21.3", "003:Lem 21.4", "003:Lem 21.5", "003:Thm 21.6", "003:Lem 21.7",
            "003:Lem 21.8", "003:Thm 22.1", "003:Lem 21.5@L3186", "003:Def 22.2", "003:Thm 22.3"}


@pytest.fixture(scope="module")
def report(decided):
    return {k: v for k, v in decided("003").items() if 2556 <= v["source"]["line"] <= 3277}


def checks_of(e):
    return e["checks"] + (e["corrected"]["checks"] if e["corrected"] else [])


def check(e, part):
    return next(c for c in e["checks"] if c["part"] == part)


def test_every_numbered_statement_is_encoded(report):
    assert NUMBERED <= set(report)


def test_verdicts(report):
    for cid, corr in REFUTED.items():
        e = report[cid]
        assert e["verdict"] == "refuted", (cid, e["summary"])
        assert (e["corrected"]["verdict"] if e["corrected"] else None) == corr, cid
    for cid in PROVED:
        assert report[cid]["verdict"] == "proved", (cid, report[cid]["summary"])
    for cid in CONSISTENT:
        assert report[cid]["verdict"] == "consistent", (cid, report[cid]["summary"])
    for cid, e in report.items():
        if cid not in REFUTED and cid not in PROVED and cid not in CONSISTENT:
            assert e["verdict"] == "not-checkable", (cid, e["verdict"])


def test_refutations_carry_certificates_that_replay(report):
    for cid in REFUTED:
        for c in report[cid]["checks"]:
            if c["verdict"] != "refuted":
                continue
            assert c["certificate"], (cid, c["part"])
            if c["strategy"] == "instance":
                assert c["certificate"]["replay"]["violation_stands"], (cid, c["part"])


def test_no_internal_errors_and_nothing_undecided(report):
    for e in report.values():
        assert e["verdict"] != "inconclusive", (e["id"], e["summary"])
        for c in checks_of(e):
            assert not c["evidence"].get("internal_error"), (e["id"], c["summary"])


def test_hogwild_theorem_as_printed_and_under_delays(report):
    e = report["003:Thm 19.1"]
    assert check(e, "main")["certificate"]["instance"]["c"] != 0  # a constant loss: Σ‖L(w_t)‖² = Tc², Δ = 0, no gradient
    printed_alg = check(e, "read with ∇L, Algorithm 15 as printed (step η g[j])")
    assert printed_alg["verdict"] == "refuted" and printed_alg["evidence"]["worst_ratio"] > 1.1  # the factor d
    proof_step = check(e, "read with ∇L, the proof's step ηd g[j] (line 2679)")
    assert proof_step["verdict"] == "refuted" and proof_step["certificate"]["replay"]["violation_stands"]
    sim = next(c for c in e["corrected"]["checks"] if c["strategy"] == "simulation")
    rows = sim["evidence"]["rows"]
    assert sim["verdict"] == "consistent" and sim["evidence"]["worst_ratio"] < 1
    assert {r["config"].split(", ")[1] for r in rows} == {"round-robin delays", "uniform delays"}
    assert any("τ = 8" in r["config"] and r["expected conflict rate"] > 0.5 for r in rows)  # stale reads that touch a written coordinate
    assert all(r["expected conflict rate"] == 0 for r in rows if "τ = 0" in r["config"])
    assert all(r["ratio_ci"][1] < 1 for r in rows)


def test_regularisation_tradeoff(report):
    e = report["003:L3082"]
    assert check(e, "line 4")["verdict"] == "refuted" and check(e, "line 3")["verdict"] == "proved"
    assert check(e, "on instances")["certificate"]["replay"]["violation_stands"]
    shift = report["003:L3090"]["checks"][0]
    inst = shift["certificate"]["instance"]
    assert inst["t"] == 1  # w_1 itself: exp(−λ/(H + λ)) < 1 bounds nothing
    kappa = inst["lam"] / (inst["a1"] + inst["lam"])
    assert shift["evidence"]["worst_ratio"] == pytest.approx(math.exp(kappa), rel=1e-6)
    pep = next(c for c in report["003:L3090"]["corrected"]["checks"] if c["strategy"] == "performance estimation")
    assert pep["verdict"] == "consistent" and float(pep["evidence"]["worst_ratio"]) <= 1 + 1e-4
    thm = report["003:Thm 21.6"]["checks"][0]
    assert thm["strategy"] == "performance estimation" and float(thm["evidence"]["worst_ratio"]) < 1
    assert report["003:L3114"]["worst_ratio"] < 1


def test_momentum_lemma_counterexamples(report):
    e = report["003:Lem 20.2"]
    main = check(e, "main")
    inst = main["certificate"]["instance"]
    # as printed (w_2 = w_1 − m_1, no noise at w_1): ratio 12(1 − α)²H^{3/2}/α + the noise term
    assert main["evidence"]["worst_ratio"] >= 12 * (1 - inst["alpha"]) ** 2 * inst["H"] ** 1.5 / inst["alpha"] * (1 - 1e-9)
    assert check(e, "first step w_1 − ηm_1, η = α/(√48·H) (the proof's reading, line 2922)")["evidence"]["worst_ratio"] > 1.1
    assert all(c["verdict"] in ("proved", "consistent") for c in e["corrected"]["checks"])
    assert report["003:Thm 20.3"]["checks"][0]["summary"].startswith("f/g → oo")


def test_printed_proofs(report):
    lem = report["003:Lem 20.1"]
    assert lem["verdict"] == "proved" and "proof broken at line 2761" in lem["summary"]  # ‖∇L‖ printed unsquared
    steps = [c for c in lem["checks"] if c["strategy"] == "proof step"]
    assert [c["verdict"] for c in steps].count("refuted") == 2 and all(c["verdict"] == "proved" for c in steps[:4])
    for cid in ("003:Lem 21.5", "003:Lem 21.8"):  # modulo Lemma 21.4, which each proof cites
        assert report[cid]["summary"].startswith("proved by its printed proof"), cid


def test_strongly_convex_sgd(report):
    sim = report["003:Thm 22.1"]["checks"][0]
    assert sim["evidence"]["worst_ratio"] < 0.2  # the printed average is bounded by the sum's bound: loose by T
    assert report["003:L3175"]["worst_ratio"] is None or report["003:L3175"]["worst_ratio"] < 1
