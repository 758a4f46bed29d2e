"""optverify: checks the mathematics of optimization-for-ML lecture material.

Every printed claim becomes a :class:`~optverify.claims.model.Claim`; the runner
decides each one (proved, refuted with a replayable certificate, consistent,
inconclusive, not-checkable) and the reports render the evidence.
"""

__version__ = "0.1.0"
