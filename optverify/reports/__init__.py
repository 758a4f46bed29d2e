"""Renderers: report.json is the source of truth; Markdown and the terminal render it. No computation here."""
