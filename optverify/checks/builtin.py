"""The built-in checks: importing this module registers each of them for its spec type."""

from optverify.checks import (  # noqa: F401  (imported for their @register)
    backward_pass,
    construction,
    induction,
    inequality,
    instance,
    iterate_limit,
    linear_algebra,
    moments,
    not_checkable,
    parameter_choice,
    pep,
    periodic_regret,
    proof_chain,
    pseudocode,
    real_arith,
    rate,
    scaling,
    simulation,
    symbolic,
)
