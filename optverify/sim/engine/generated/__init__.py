"""Generated numba modules of the bundled updates (python -m optverify.sim.engine.codegen)."""
