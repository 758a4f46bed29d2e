"""Errors that reach the user as one clear line and exit status 2."""


class UserError(Exception):
    """Bad input: an unknown id, a malformed expression, a value out of its domain."""
