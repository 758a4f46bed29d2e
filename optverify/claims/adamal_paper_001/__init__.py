"""Paper 001: "A new perspective in understanding of Adam-type algorithms and beyond" (anonymous ICLR submission).

Adam-type methods as mirror descent / FTPRL, the regularisation budget, AMSGrad's swaps and AdamAL.
One module per section; each claim keeps the line it is printed at.
"""

from optverify.claims.adamal_paper_001 import (
    adam_mirror_descent,
    adamal,
    experiments,
    ftprl_forms,
    non_convergence,
    preliminaries,
    regularization_budget,
    theorem_3_1,
)

CLAIMS = [
    *preliminaries.CLAIMS,
    *ftprl_forms.CLAIMS,
    *adam_mirror_descent.CLAIMS,
    *regularization_budget.CLAIMS,
    *non_convergence.CLAIMS,
    *adamal.CLAIMS,
    *theorem_3_1.CLAIMS,
    *experiments.CLAIMS,
]
