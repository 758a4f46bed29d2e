"""Check strategies: each turns one spec into a verdict with its evidence."""
