"""Instance check: both sides evaluated on random and adversarial instances of the claim's class."""

from __future__ import annotations

import time

import sympy as sp

from optverify.claims import specs
from optverify.registry import register
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import InstanceSearch
from optverify.counterexamples.search import RhsEvaluator, replay, search
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, PROVED, REFUTED


@register(specs.InstanceSearch)
def check_instances(spec: InstanceSearch, ctx: CheckContext) -> CheckResult:
    rhs = ctx.resolve_rhs(sp.sympify(spec.rhs), spec.rel)
    share = min(ctx.remaining() * 0.8, 20.0 if ctx.mode == "quick" else 240.0)
    deadline = time.monotonic() + max(share, 0.5)
    out = search(spec.family, rhs, spec.rel, ctx.mode, ctx.substream(f"instances:{spec.part}"), deadline, maximize=spec.sharp is not None)
    fam = spec.family
    evidence = {
        "family": fam.name,
        "family_description": getattr(fam, "description", ""),
        "relation": f"measured {spec.rel} {sp.sstr(rhs)}",
        "instances_tried": out.evaluated,
        "random_instances": out.random_tried,
        "adversarial_evaluations": out.adversarial_evals,
        "stopped_at_budget": out.stopped_early,
    }
    if out.worst is None:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, "no instance could be evaluated within the budget", evidence)
    evidence["worst_ratio"] = out.worst.score if spec.rel != "==" else None
    evidence["worst_instance"] = out.worst.instance
    evidence["worst_measured"] = out.worst.measured
    evidence["worst_rhs"] = out.worst.rhs
    sharp = ""
    if spec.sharp is not None:
        value, inst = sharp_value(spec.family, spec.sharp, rhs, spec.rel, ctx.mode)
        evidence["sharp_ratio"] = value
        evidence["sharp_attained_at"] = inst
        evidence["sharp_derivation"] = spec.sharp.derivation
        evidence["found_over_sharp"] = out.worst.score / value
        if out.worst.score > value * (1 + 1e-9):
            evidence["sharp_exceeded"] = True  # the derivation of the sharp value is wrong, not the claim's verdict
        sharp = f" (sharp value {value:.6g}, attained at the derivation's instance: the search reached {out.worst.score / value:.2%} of it)"
    if spec.quantifier == "exists":
        return _existence(spec, out, evidence, rhs)
    if out.worst.violates and out.confirmed:
        cert = {
            "instance": out.worst.instance,
            "family": fam.name,
            "replay": out.replay,
            "replay_snippet": _snippet(fam, out.worst.instance, rhs, spec.rel),
        }
        what = "ratio measured/rhs" if spec.rel != "==" else "relative gap"
        return CheckResult(
            spec.strategy,
            spec.part,
            REFUTED,
            f"instance with {what} {out.worst.score:.6g}{sharp}; violation replayed at 50 digits (measured − rhs = {out.replay['measured_minus_rhs'][:18]})",
            evidence,
            cert,
        )
    if out.worst.violates:
        evidence["unconfirmed_float_violation"] = out.replay
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, "a float-level violation did not survive 50-digit replay", evidence)
    evidence["worst_replayed"] = out.replay
    if spec.rel == "==":
        return CheckResult(spec.strategy, spec.part, CONSISTENT, f"equal on all {out.evaluated} instances", evidence)
    return CheckResult(
        spec.strategy,
        spec.part,
        CONSISTENT,
        f"worst ratio measured/rhs {out.worst.score:.6g}{sharp} over {out.evaluated} instances (random and adversarial)",
        evidence,
    )


def sharp_value(family, sharp: specs.Sharp, rhs: sp.Expr, rel: str, mode: str) -> tuple[float, dict]:
    """The sharp value of measured/rhs: the ratio at the instance the derivation names, recomputed at 50 digits
    against the bound in force (so ``--scale`` and ``--bound`` move it with the bound)."""
    inst = family.instance(sharp.params(mode), mode)
    rep = replay(family, inst, RhsEvaluator(rhs), rel)
    return float(sp.Float(rep["measured"], 30) / sp.Float(rep["rhs"], 30)), inst


def _snippet(fam, instance, rhs, rel) -> str:
    """Python that replays the certificate at 50 digits in a fresh interpreter, from any directory.

    The family is rebuilt from where it is defined (``replay_source``: a module, or a
    claims file by its path); the right-hand side keeps its symbols' assumptions (srepr).
    """
    try:
        imports, expr = fam.replay_source()
    except (AttributeError, ValueError) as e:  # a hand-written protocol class, or a family defined inside a function
        return f"# not replayable in a fresh interpreter: {e}\n# the replay above was computed in-process at 50 digits"
    return (
        f"{imports}\n"
        "import sympy\n"
        "from optverify.counterexamples.search import replay, RhsEvaluator\n"
        f"family = {expr}\n"
        f"rhs = RhsEvaluator(sympy.sympify({sp.srepr(rhs)!r}))\n"
        f"result = replay(family, {instance!r}, rhs, {rel!r})\n"
        "print(result)\n"
        "print('violation_stands:', result['violation_stands'])"
    )


def _existence(spec: InstanceSearch, out, evidence: dict, rhs: sp.Expr) -> CheckResult:
    """An existence claim is proved by one witness that survives 50-digit replay."""
    if out.worst.violates and out.confirmed:
        cert = {
            "witness": out.worst.instance,
            "family": spec.family.name,
            "replay": out.replay,
            "replay_snippet": _snippet(spec.family, out.worst.instance, rhs, spec.rel),
        }
        return CheckResult(spec.strategy, spec.part, PROVED, f"witness found and replayed at 50 digits (measured − rhs = {out.replay['measured_minus_rhs'][:18]})", evidence, cert)
    return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, f"no witness among {out.evaluated} instances", evidence)
