"""Lecture notes 000: per-coordinate learning rates, AdaGrad and Adam (Ashok Cutkosky, Notes 9).

One module per section; each claim keeps the line it is printed at.
"""

from optverify.claims.adagrad_adam_000 import (
    adagrad_proof,
    adagrad_theorems,
    adam_algorithm,
    convergence_failure,
    logistic_regression,
    momentum_averaging,
    norm_comparison,
    per_coordinate_rates,
)

CLAIMS = [
    *logistic_regression.CLAIMS,
    *per_coordinate_rates.CLAIMS,
    *adagrad_theorems.CLAIMS,
    *norm_comparison.CLAIMS,
    *adagrad_proof.CLAIMS,
    *adam_algorithm.CLAIMS,
    *momentum_averaging.CLAIMS,
    *convergence_failure.CLAIMS,
]
