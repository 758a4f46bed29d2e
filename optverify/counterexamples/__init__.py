"""Constructions from the literature and adversarial search for violations."""
