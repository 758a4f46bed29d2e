"""Renderers: report.json is the source of truth; Markdown, HTML (with its plots) and the terminal render it. No computation here."""
