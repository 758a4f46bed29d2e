"""Choose numba's fork-safe threading layer for the prange Monte Carlo drivers.

``optverify.runner`` decides each claim in a forked child process.  numba's
default layer on this platform is GNU OpenMP ("omp"), which is not fork-safe:
once a parent process has run any prange kernel, a forked child that runs one
aborts ("fork() called from a process already using GNU OpenMP").  The
"workqueue" layer is fork-safe and, for prange loops over whole Monte Carlo
replicates (coarse, equal-sized iterations), as fast.  So, unless the user
chose a layer (NUMBA_THREADING_LAYER) or numba already launched its threads,
select "workqueue".
"""

from __future__ import annotations

import os

import numba

__all__ = ["prefer_fork_safe_layer"]


def prefer_fork_safe_layer() -> str:
    """Select "workqueue" if still possible; return the layer numba will use (or uses)."""
    from numba.np.ufunc import parallel

    if "NUMBA_THREADING_LAYER" in os.environ or parallel._is_initialized:
        return str(numba.config.THREADING_LAYER)
    numba.config.THREADING_LAYER = "workqueue"
    return "workqueue"
