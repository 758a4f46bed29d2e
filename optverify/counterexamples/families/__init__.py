"""Instance families: the classes of instances claims speak of, evaluated exactly.

Every family evaluates an instance with a number context (floats for search,
50-digit mpmath for replay), so a violation found in floats is recomputed from
scratch at high precision before it can become a certificate.
"""

from optverify.counterexamples.families.adagrad_sequences import AdaGradCoordinate
from optverify.counterexamples.families.amsgrad_regret import AMSGradRegret
from optverify.counterexamples.families.adam_step import AdamMoments
from optverify.counterexamples.families.adamal_theorem import AdamALTwoPoint
from optverify.counterexamples.families.adaptive_budget import AdaptiveBudget
from optverify.counterexamples.families.composite_ftprl import CompositeFTPRL
from optverify.counterexamples.families.ftprl_forms import FTPRLForm
from optverify.counterexamples.families.logistic import LogisticGradientVariance, LogisticSmoothness
from optverify.counterexamples.families.projected_step import ProjectedStep
from optverify.counterexamples.families.sign_distribution import SignDistribution
from optverify.counterexamples.families.sparse_onehot import SparseOneHot
from optverify.counterexamples.families.stochastic_separable import StochasticSeparable
from optverify.counterexamples.families.vectors import GradientMatrix, Measured

__all__ = [
    "AdaGradCoordinate",
    "AdamMoments",
    "AdamALTwoPoint",
    "AMSGradRegret",
    "AdaptiveBudget",
    "CompositeFTPRL",
    "FTPRLForm",
    "GradientMatrix",
    "LogisticGradientVariance",
    "LogisticSmoothness",
    "Measured",
    "ProjectedStep",
    "SignDistribution",
    "SparseOneHot",
    "StochasticSeparable",
]
