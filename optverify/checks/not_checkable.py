"""Text with nothing exact in it: the claim says why, and that is its evidence."""

from __future__ import annotations

from optverify.checks.result import CheckContext, CheckResult
from optverify.claims import specs
from optverify.registry import register
from optverify.verdicts import NOT_CHECKABLE


@register(specs.NotCheckable)
def check_not_checkable(spec: specs.NotCheckable, ctx: CheckContext) -> CheckResult:
    return CheckResult("none", spec.part, NOT_CHECKABLE, spec.reason)
