"""001 §4, lines 232–248: the CIFAR-10 experiments (not reproduced)."""

from optverify.claims.adamal_paper_001._common import claim
from optverify import NotCheckable

CLAIMS = [
    claim(None, 236, "AdamAL outperforms Adam and AMSGrad on CIFAR-10", "qualitative",
          "AdamAL beats Adam and AMSGrad, gains about 1% accuracy, reaches 95%, is insensitive to the mini-batch size",
          checks=[NotCheckable("experiment outside scope")]),
    claim(None, 240, "Table 1: accuracy after hyperparameter tuning", "qualitative",
          "Adam 94.98, AMSGrad 94.60, AdamAL 95.13, VSGD 94.73 (learning rate halved at 75, 125, 175)", end_line=248,
          checks=[NotCheckable("experiment outside scope")]),
]
