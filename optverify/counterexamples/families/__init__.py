"""Instance families: the classes of instances claims speak of, evaluated exactly.

Every family is declared from one parameter schema (``optverify.counterexamples.schema``)
and evaluates an instance with a number context (floats for search, 50-digit mpmath
for replay), so a violation found in floats is recomputed from scratch at high
precision before it can become a certificate.  Families with options (the algorithm,
a variant) are bound with ``fam.bind(...)``.
"""

from optverify.counterexamples.families.adagrad_sequences import adagrad_coordinate
from optverify.counterexamples.families.adam_step import adam_moments
from optverify.counterexamples.families.adamal_theorem import adamal_two_point
from optverify.counterexamples.families.adaptive_budget import adaptive_budget
from optverify.counterexamples.families.amsgrad_regret import amsgrad_regret
from optverify.counterexamples.families.companion import companion_matrix
from optverify.counterexamples.families.composite_ftprl import composite_ftprl
from optverify.counterexamples.families.ftprl_forms import ftprl_form
from optverify.counterexamples.families.logistic import logistic_gradient_variance, logistic_smoothness
from optverify.counterexamples.families.projected_step import projected_step
from optverify.counterexamples.families.sign_distribution import sign_distribution
from optverify.counterexamples.families.sparse_onehot import onehot_half_norm, sparse_onehot
from optverify.counterexamples.families.stochastic_separable import stochastic_separable
from optverify.counterexamples.families.vectors import gradient_matrix, sign_patterns
from optverify.counterexamples.schema import Measured

__all__ = [
    "Measured",
    "adagrad_coordinate",
    "adam_moments",
    "adamal_two_point",
    "adaptive_budget",
    "amsgrad_regret",
    "companion_matrix",
    "composite_ftprl",
    "ftprl_form",
    "gradient_matrix",
    "sign_patterns",
    "logistic_gradient_variance",
    "logistic_smoothness",
    "projected_step",
    "sign_distribution",
    "sparse_onehot",
    "onehot_half_norm",
    "stochastic_separable",
]
