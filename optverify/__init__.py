"""optverify: checks the mathematics of optimization-for-ML lecture material.

Every printed claim becomes a :class:`~optverify.claims.model.Claim`; the runner
decides each one (proved, refuted with a replayable certificate, consistent,
inconclusive, not-checkable) and the reports render the evidence.

The public API (``import optverify as ov``; reference in ``docs/api.md``) is
:mod:`optverify.api`, whose names are available here.  They are imported on
first use, so that ``import optverify`` stays cheap.
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    import importlib

    api = importlib.import_module("optverify.api")
    if name == "__all__":
        return list(api.__all__)
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'optverify' has no attribute {name!r}")


def __dir__():
    import importlib

    api = importlib.import_module("optverify.api")
    return sorted(set(globals()) | set(api.__all__))
