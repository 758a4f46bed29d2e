"""Simulation layer: counter-based RNG, problem families, numba kernels of the printed algorithms, Monte Carlo."""

from .parallel_layer import prefer_fork_safe_layer

# Before any kernel runs: the runner forks one child per claim, and GNU OpenMP aborts forked children
# of a process that already ran a parallel kernel.  One place decides the layer, at import.
prefer_fork_safe_layer()

from .kernels import (
    AdamConfig,
    adagrad_diag_box,
    adagrad_diag_box_trajectory,
    adagrad_norm_ball,
    adagrad_norm_ball_trajectory,
    adam,
    adam_trajectory,
    mc_adagrad_diag_box,
    mc_adagrad_norm_ball,
    mc_adam,
    mc_sign_update,
    sign_update,
    sign_update_trajectory,
)
from .problems import (
    NOISE_GAUSSIAN,
    NOISE_KINDS,
    NOISE_RADEMACHER,
    SeparableProblem,
    sep_grad,
    sep_loss,
)
from .families import Family, Problem
from .algorithms import ALGORITHMS, Config, RunResult, config, run, run_trajectory
from .montecarlo import MCResult, Moments, compare, horizon_sweep, simulate, simulate_moments
from .rng import (
    categorical_index,
    normal,
    normal_array,
    rademacher,
    seed_for,
    uniform,
    uniform_array,
)

__all__ = [
    "Family",
    "Problem",
    "ALGORITHMS",
    "Config",
    "RunResult",
    "config",
    "run",
    "run_trajectory",
    "MCResult",
    "Moments",
    "compare",
    "horizon_sweep",
    "simulate",
    "simulate_moments",
    "AdamConfig",
    "adagrad_diag_box",
    "adagrad_diag_box_trajectory",
    "adagrad_norm_ball",
    "adagrad_norm_ball_trajectory",
    "adam",
    "adam_trajectory",
    "mc_adagrad_diag_box",
    "mc_adagrad_norm_ball",
    "mc_adam",
    "mc_sign_update",
    "sign_update",
    "sign_update_trajectory",
    "NOISE_GAUSSIAN",
    "NOISE_KINDS",
    "NOISE_RADEMACHER",
    "SeparableProblem",
    "sep_grad",
    "sep_loss",
    "categorical_index",
    "normal",
    "normal_array",
    "rademacher",
    "seed_for",
    "uniform",
    "uniform_array",
]
