"""The public API as a user meets it: a claims file of one's own, outside the package.

The file is written to a temporary folder with its own notes, then decided
through the command line, through the pytest plugin and through ``ov.decide``;
malformed claims fail when they are declared; an installed package's entry
point brings its claims in; a check that overruns its budget ends on time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import pytest
import sympy as sp

import optverify as ov
from plugin_loading import plugin_args

NOTES = """\
# Lecture 7: two elementary inequalities

**Lemma 1.** For every $x \\ge 0$, $\\log(1+x) \\le x$.

**Lemma 2.** For every $x \\ge 0$, $\\log(1+x) \\le x/2$.

The second lemma is wrong: at $x = 1$, $\\log 2 > 1/2$.
"""

CLAIMS = '''
"""Lecture 7, Lemmas 1 and 2."""
import sympy as sp
import optverify as ov

x = sp.Symbol("x", nonnegative=True)
notes = ov.Source(__file__.replace("lecture7_claims.py", "lecture7.md"))

notes.claim("Lem 1", 3, "log(1 + x) ≤ x", "inequality", "log(1+x) ≤ x for x ≥ 0", printed=r"$\\log(1+x) \\le x$",
            checks=[ov.Inequality(sp.log(1 + x), "<=", x, {x: ov.closed(0, 10)})])
notes.claim("Lem 2", 5, "log(1 + x) ≤ x/2", "inequality", "log(1+x) ≤ x/2 for x ≥ 0", printed=r"$\\log(1+x) \\le x/2$",
            checks=[ov.Inequality(sp.log(1 + x), "<=", x / 2, {x: ov.closed(0, 10)})])
'''


@pytest.fixture(scope="module")
def user_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("user")
    (d / "lecture7.md").write_text(NOTES, encoding="utf-8")
    (d / "lecture7_claims.py").write_text(CLAIMS, encoding="utf-8")
    return d


def cli(*args, cwd=None, env=None):
    p = subprocess.run([sys.executable, "-m", "optverify", *args], capture_output=True, text=True, timeout=300, cwd=cwd,
                       env={**os.environ, **(env or {})})
    return p.returncode, p.stdout, p.stderr


def test_a_claims_file_outside_the_package_through_every_command(user_dir):
    f = str(user_dir / "lecture7_claims.py")
    code, out, err = cli("list", "lecture7:*", "--claims", f, "--json")
    assert code == 0, err
    assert [(c["id"], c["line"]) for c in json.loads(out)] == [("lecture7:Lem 1", 3), ("lecture7:Lem 2", 5)]
    code, out, _ = cli("show", "lecture7:Lem 2", "--claims", f, "--json")
    shown = json.loads(out)
    assert shown["statement_latex"] == r"$\log(1+x) \le x/2$" and shown["source"]["file"] == "lecture7.md"
    code, out, _ = cli("coverage", "lecture7", "--claims", f, "--json")
    cov = json.loads(out)
    assert (cov["statements"], cov["statements_encoded"]) == (2, 2)

    out_dir = user_dir / "report"
    code, out, err = cli("run", "lecture7:*", "--claims", f, "--out", str(out_dir), "--quiet", cwd=str(user_dir))
    assert code == 0, err
    rep = json.loads((out_dir / "report.json").read_text())
    by_id = {e["id"]: e for e in rep["claims"]}
    assert by_id["lecture7:Lem 1"]["verdict"] == "proved"
    assert by_id["lecture7:Lem 1"]["checks"][0]["evidence"]["interval"]["status"] == "proved"
    lem2 = by_id["lecture7:Lem 2"]
    assert lem2["verdict"] == "refuted"
    cert = lem2["checks"][0]["certificate"]
    # the certificate replays in a clean interpreter: lhs − rhs at the point, at 50 digits, is positive
    replayed = subprocess.run([sys.executable, "-c", cert["replay"]], capture_output=True, text=True, timeout=60, cwd=str(user_dir))
    assert replayed.returncode == 0, replayed.stderr
    assert float(replayed.stdout) > 0 and len(replayed.stdout.strip().lstrip("-").replace(".", "")) >= 45

    code, out, err = cli("check", "lecture7:Lem 1", "--claims", f, "--json")
    assert code == 0 and json.loads(out)["verdict"] == "proved"


def test_a_claims_module_by_name_and_the_same_id_twice(user_dir):
    code, out, err = cli("list", "--claims", "lecture7_claims", "lecture7:*", env={"PYTHONPATH": str(user_dir)})
    assert code == 0, err
    assert "lecture7:Lem 1" in out
    code, _, err = cli("list", "--claims", "lecture7_claims", "--claims", str(user_dir / "lecture7_claims.py"),
                       env={"PYTHONPATH": str(user_dir)})
    assert code == 2 and "declared twice" in err and len(err.strip().splitlines()) == 1


def test_decide_from_python(user_dir):
    claims = ov.use(str(user_dir / "lecture7_claims.py"))
    entries = ov.decide(claims, seed=3)
    assert [e["verdict"] for e in entries] == [ov.PROVED, ov.REFUTED]
    assert ov.decide("lecture7:Lem 2", seed=3)[0]["checks"][0]["certificate"] == entries[1]["checks"][0]["certificate"]


def test_the_pytest_plugin_sees_user_claims(user_dir, pytester):
    pytester.makepyfile(test_lecture7=textwrap.dedent('''
        import pytest

        @pytest.mark.claim("lecture7:Lem 1")
        def test_relies_on_lemma_1():
            pass

        @pytest.mark.claim("lecture7:Lem 2")
        def test_relies_on_lemma_2():
            pass
        '''))
    pytester.makeini(f"[pytest]\noptverify_claims =\n    {user_dir / 'lecture7_claims.py'}\n")
    res = pytester.runpytest_subprocess(*plugin_args())
    res.assert_outcomes(passed=1, failed=1)
    res.stdout.fnmatch_lines(["*claim lecture7:Lem 2 is refuted*"])
    # the command-line option does the same as the ini key
    pytester.makeini("[pytest]\n")
    res = pytester.runpytest_subprocess(*plugin_args(), "--optverify-claims", str(user_dir / "lecture7_claims.py"), "-k", "lemma_1")
    res.assert_outcomes(passed=1)


pytest_plugins = ["pytester"]


def test_an_installed_package_brings_its_claims_by_entry_point(user_dir, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "lecture7_pkg.py").write_text(CLAIMS.replace('__file__.replace("lecture7_claims.py", "lecture7.md")',
                                                        repr(str(user_dir / "lecture7.md"))).replace('"Lem 1"', '"Lem 1@L3"'))
    dist = site / "lecture7_pkg-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: lecture7-pkg\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[optverify.claims]\nlecture7 = lecture7_pkg\n")
    code, out, err = cli("list", "lecture7:*", env={"PYTHONPATH": str(site)})
    assert code == 0, err
    assert "lecture7:Lem 1@L3" in out and "lecture7:Lem 2" in out


# ---------------------------------------------------------------------------------------------- contracts


def _src(tmp_path):
    (tmp_path / "n.md").write_text("line one\n$$ a \\le b $$\nline three\n", encoding="utf-8")
    return ov.Source(tmp_path / "n.md", name="n")


x = sp.Symbol("x", positive=True)


@pytest.mark.parametrize("make, needle", [
    (lambda s: s.claim(None, 2, "t", "inequality", "c", checks=[ov.Inequality(x, "<=", x + 1, {})]), "no range in domain for x"),
    (lambda s: s.claim(None, 2, "t", "inequality", "c", checks=[ov.Inequality(x, "=<", x + 1, {x: ov.closed(0, 1)})]), "rel is one of"),
    (lambda s: s.claim(None, 2, "t", "inequality", "c", symbols={"x": x}, bound=x * sp.Symbol("y"), checks=[]), "the bound uses y"),
    (lambda s: s.claim(None, 2, "t", "inequality", "c", checks=[ov.Inequality(x, "<=", ov.BOUND, {x: ov.closed(0, 1)})]), "no bound="),
    (lambda s: s.claim(None, 2, "t", "inequality", "c", printed="a < b"), "not found verbatim"),
    (lambda s: s.claim(None, 9, "t", "inequality", "c"), "outside the file"),
    (lambda s: s.claim("Theorem 2", 2, "t", "inequality", "c"), "does not follow"),
    (lambda s: s.claim(None, 2, "t", "lemma", "c"), "unknown kind"),
    (lambda s: s.claim(None, 2, "t", "inequality", "c", checks=[ov.NotCheckable("")]), "says why"),
    (lambda s: s.claim(None, 2, "t", "inequality", "c", checks=[ov.InstanceSearch(object(), x)]), "lacks name"),
    (lambda s: s.claim(None, 2, "t", "inequality", "c", checks=["interval"]), "not a check spec"),
    (lambda s: s.claim(None, 2, "t", "inequality", "c", checks=[Unregistered()]), "no check is registered for Unregistered"),
    (lambda s: s.claim(None, 2, "t", "inequality", "c", checks=[ov.Scaling(x, ov.BOUND, {})], symbols={"x": x}, bound=x),
     "dims gives no kind"),
])
def test_malformed_claims_fail_when_declared(tmp_path, make, needle):
    with pytest.raises(ValueError, match=needle):
        make(_src(tmp_path))


class Unregistered(ov.Spec):
    pass


def test_a_users_own_check_registers_itself(tmp_path):
    from dataclasses import dataclass

    @dataclass
    class Positive(ov.Spec):
        value: float

    @ov.register(Positive)
    def check_positive(spec, ctx):
        return ov.CheckResult("sign", spec.part, ov.PROVED if spec.value > 0 else ov.REFUTED, f"value {spec.value}")

    c = _src(tmp_path).claim(None, 2, "t", "property", "c", checks=[Positive(2.0)])
    from optverify.checks.dispatch import run_check

    assert run_check(c.checks[0], ov.CheckContext(seed=0)).verdict == ov.PROVED


def test_bad_source_names_and_files(tmp_path):
    with pytest.raises(ov.UserError, match="no such file"):
        ov.Source(tmp_path / "missing.md")
    (tmp_path / "n.md").write_text("x\n")
    with pytest.raises(ov.UserError, match="source name"):
        ov.Source(tmp_path / "n.md", name="my notes")


# ---------------------------------------------------------------------------------------------- budgets


class _Sleepy:
    def run(self, mode, seed, deadline):
        time.sleep(30)


def _one_spec_per_check_type():
    """For every registered spec type, the first bundled spec of that type (its claim's bound in force)."""
    from optverify.claims import all_claims
    from optverify.registry import registered

    found = {}
    for c in all_claims():
        for spec in c.checks:
            found.setdefault(type(spec), (c, spec))
    return [found[t] for t in registered() if t in found]


def test_every_check_type_ends_on_time_when_it_overruns():
    from optverify.claims.model import Claim
    from optverify.runner import GRACE_S, run

    budget = 0.3
    cases = _one_spec_per_check_type()
    assert len(cases) >= 15
    claims = [Claim(id=f"{c.seed}:L{c.source.line}", source=c.source, title=c.title, kind=c.kind, statement_latex="",
                    conclusion="", symbols=c.symbols, bound=c.bound, checks=[spec]) for c, spec in cases]
    # and one that certainly overruns: a single call that never consults the budget
    sleepy = Claim(id="000:L1", source=cases[0][0].source.__class__(cases[0][0].source.file, 1), title="t", kind="property",
                   statement_latex="", conclusion="", checks=[ov.Simulation(_Sleepy(), sp.Integer(1))])
    claims.append(sleepy)
    cases.append((sleepy, sleepy.checks[0]))
    t0 = time.monotonic()
    entries, _ = run(claims, "quick", 0, budget=budget, jobs=2)
    assert len(entries) == len(claims)
    stopped_in_process = 0
    for e, (c, spec) in zip(entries, cases):
        (ck,) = e["checks"]
        # numba compilation (a cold cache) is outside the budget and moves the hard limit by as much
        assert e["timings"]["duration_s"] - e["timings"].get("compile_s", 0.0) < budget + GRACE_S + 2, \
            (type(spec).__name__, e["timings"])
        # a check that consults its budget stops with what it has (any verdict its evidence supports);
        # one that does not is interrupted in its process, or killed at the hard limit: inconclusive either way
        if "budget" in ck["summary"] or "time limit" in ck["summary"]:
            assert ck["verdict"] == "inconclusive"
            stopped_in_process += "claim's time budget" in ck["summary"]
    assert entries[-1]["checks"][0]["summary"] == "stopped at the claim's time budget"
    assert stopped_in_process >= 1
    assert time.monotonic() - t0 < len(claims) * (budget + GRACE_S + 2)


def test_every_public_name_is_in_the_api_reference():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [n for n in ov.__all__ if f"ov.{n}" not in doc and f"`{n}`" not in doc]
    assert not missing, f"public names missing from docs/api.md: {missing}"
    assert set(ov.__all__) <= set(dir(ov))


# ---------------------------------------------------------------------------------------------- the worked example


def test_the_worked_example_refutes_exactly_the_planted_errors(tmp_path):
    """examples/gradient_descent: Lemma 3 (constant 1/H for 1/(2H)) and Theorem 2 (1/T² for 1/T) are planted errors."""
    from pathlib import Path

    claims = Path(__file__).resolve().parents[1] / "examples" / "gradient_descent" / "gd_claims.py"
    code, _, err = cli("run", "gd:*", "--claims", str(claims), "--out", str(tmp_path / "rep"), "--quiet")
    assert code == 0, err
    entries = {e["id"]: e for e in json.loads((tmp_path / "rep" / "report.json").read_text())["claims"]}
    verdicts = {cid: e["verdict"] for cid, e in entries.items()}
    assert {cid for cid, v in verdicts.items() if v == "refuted"} == {"gd:Lem 3", "gd:Thm 2"}
    assert {cid for cid, v in verdicts.items() if v == "not-checkable"} == {"gd:Def 1", "gd:L18"}
    assert all(v in ("proved", "consistent") for cid, v in verdicts.items() if cid not in ("gd:Lem 3", "gd:Thm 2", "gd:Def 1", "gd:L18"))
    assert entries["gd:Thm 2"]["corrected"]["verdict"] == "consistent"
    assert entries["gd:Lem 3"]["worst_ratio"] == pytest.approx(2.0, rel=1e-6)  # a quadratic of curvature H: exactly twice
    assert entries["gd:Thm 1"]["worst_ratio"] < 0.5 + 1e-9  # the tight constant is 1/(4T + 2) against 1/(2T)
    # the refutation replays from a clean interpreter in another directory, locating the family by the file's path
    snippet = entries["gd:Thm 2"]["checks"][0]["certificate"]["replay_snippet"]
    p = subprocess.run([sys.executable, "-c", snippet], capture_output=True, text=True, timeout=120, cwd=str(tmp_path))
    assert p.returncode == 0, p.stderr
    assert "violation_stands: True" in p.stdout


NEW_THEOREM = '''import optverify as ov
from optverify.notation import D, G, T

notes = ov.Source(__file__.replace(".py", ".md"), name="ogd")


@ov.family({"D": ov.real(0.1, 5), "G": ov.real(0.1, 5), "T": ov.integer(1, 8), "g": ov.array(ov.choice(-1, 1), "T")})
def ogd_regret(p, num):
    """Projected online gradient descent on the losses g_t·x over [−D, D], step D/(G√t), against x* = −D·sign(Σg)."""
    Dn, Gn, x, regret, total = num.num(p["D"]), num.num(p["G"]), num.num(0), num.num(0), num.num(0)
    for t, s in enumerate(p["g"], start=1):
        g = Gn * s
        regret, total = regret + g * x, total + g
        x = min(max(x - Dn / (Gn * num.sqrt(num.num(t))) * g, -Dn), Dn)
    return {"measured": regret + Dn * abs(total), "D": Dn, "G": Gn, "T": num.num(p["T"])}


notes.claim("Thm 1", 3, "online gradient descent", "inequality", "R_T ≤ D G √T / 2", printed="R_T \\\\le \\\\frac{1}{2} D G \\\\sqrt{T}",
            symbols={"D": D, "G": G, "T": T}, bound=D * G * T**0.5 / 2, checks=[ov.InstanceSearch(ogd_regret, ov.BOUND)])
'''


def test_a_new_theorem_with_a_bound_in_at_most_25_lines(tmp_path):
    """The 'done when' of the public API: a newcomer's theorem, a family and a bound, public names only, ≤ 25 lines."""
    assert len(NEW_THEOREM.strip().splitlines()) <= 25
    (tmp_path / "ogd.md").write_text("# OGD\n\n**Theorem 1.** $R_T \\le \\frac{1}{2} D G \\sqrt{T}$ for every sequence.\n")
    (tmp_path / "ogd.py").write_text(NEW_THEOREM)
    code, out, err = cli("check", "ogd:Thm 1", "--claims", str(tmp_path / "ogd.py"), "--json")
    assert code == 0, err
    e = json.loads(out)
    assert e["verdict"] == "refuted"  # at T = 1 the regret is D·G, twice the bound
    snippet = e["checks"][0]["certificate"]["replay_snippet"]
    p = subprocess.run([sys.executable, "-c", snippet], capture_output=True, text=True, timeout=120, cwd="/")
    assert "violation_stands: True" in p.stdout, p.stderr


LOADED = '''
import json, sys
import optverify as ov
from optverify.claims import SOURCE_MODULES, match

def loaded():
    return [m.rsplit("_", 1)[1] for m in SOURCE_MODULES if m in sys.modules]

steps = {}
match(["000:Thm 3"]); steps["000:Thm 3"] = loaded()
ov.use(sys.argv[1]); match(["lecture7:*"]); steps["lecture7:*"] = loaded()
match(["003:L1*", "000:*"]); steps["003:L1*, 000:*"] = loaded()
match(["*:Thm 3"]); steps["*:Thm 3"] = loaded()
print(json.dumps(steps))
'''

CLASH = '''
import sympy as sp
import optverify as ov

x = sp.Symbol("x", nonnegative=True)
notes = ov.Source(__file__.replace("clash_claims.py", "lecture7.md"), name="000")
notes.claim("Thm 3", 3, "log(1 + x) ≤ x", "inequality", "log(1+x) ≤ x for x ≥ 0", printed=r"$\\log(1+x) \\le x$",
            checks=[ov.Inequality(sp.log(1 + x), "<=", x, {x: ov.closed(0, 10)})])
'''


def test_a_bundled_source_is_loaded_only_when_an_id_or_pattern_names_it(user_dir):
    """`check '000:Thm 3'` or a user's own claims file imports no other bundled source; a glob over sources loads all."""
    p = subprocess.run([sys.executable, "-c", LOADED, str(user_dir / "lecture7_claims.py")], capture_output=True, text=True,
                       timeout=300, cwd=str(user_dir))
    assert p.returncode == 0, p.stderr[-2000:]
    assert json.loads(p.stdout) == {"000:Thm 3": ["000"], "lecture7:*": ["000"], "003:L1*, 000:*": ["000", "003"],
                                    "*:Thm 3": ["000", "001", "002", "003", "004"]}


def test_a_users_claim_under_a_bundled_id_is_still_a_duplicate(user_dir):
    """The one bundled source the user's ids name is loaded to check them, and the clash is one line, exit 2."""
    (user_dir / "clash_claims.py").write_text(CLASH, encoding="utf-8")
    code, _, err = cli("list", "--claims", str(user_dir / "clash_claims.py"), "--claims", str(user_dir / "lecture7_claims.py"),
                       "lecture7:*")  # the pattern names no bundled source
    assert code == 2 and "'000:Thm 3' is declared twice" in err and len(err.strip().splitlines()) == 1
