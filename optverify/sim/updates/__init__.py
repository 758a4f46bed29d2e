"""Declarations of the printed updates, one module per family of methods (see optverify.sim.engine)."""
