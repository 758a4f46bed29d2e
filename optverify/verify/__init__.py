"""Symbolic engine (sympy) and rigorous numerics (mpmath)."""
