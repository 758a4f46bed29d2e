"""003 §§16–17 (lines 2265–2555) reprint the text of 000 (Notes 9: AdaGrad and Adam) nearly word for word.

Where a display of 003 states the same mathematics as a display of 000, its claim is decided by the checks already
written for 000 (one check, one place), relocated to 003's lines: a proof step's line and every "line N" in a part or a
note are mapped from 000's numbering to 003's.  Where the two printings differ (a sign, an index, a label, notation),
the 003 claim is written out in its own module, and its notes name the 000 claim it differs from.
"""

from __future__ import annotations

import dataclasses
import re

from optverify.claims.adagrad_adam_000 import CLAIMS as CLAIMS_000
from optverify.claims.ec500_notes_003._common import claim
from optverify.claims.model import Corrected
from optverify.claims.specs import ProofStep, Spec

BY_ID = {c.id: c for c in CLAIMS_000}

# 000's line → 003's line, for the displays 003 reprints
LINES = {9: 2269, 17: 2277, 19: 2279, 21: 2281, 23: 2283, 25: 2285, 33: 2293, 37: 2297, 39: 2299, 43: 2303, 49: 2309, 51: 2311,
         55: 2317, 59: 2321, 61: 2323, 63: 2325, 69: 2331, 73: 2335, 77: 2339, 80: 2341, 84: 2345, 88: 2351, 91: 2353, 95: 2357, 101: 2363,
         103: 2365, 108: 2369, 112: 2373, 114: 2373, 116: 2373, 120: 2377, 122: 2379, 126: 2383, 128: 2385, 130: 2387, 132: 2389, 133: 2389, 137: 2393, 139: 2395,
         147: 2403, 151: 2407, 155: 2411, 159: 2415, 161: 2415, 163: 2415, 167: 2419, 171: 2423, 175: 2427, 179: 2431, 180: 2431,
         192: 2448, 196: 2472, 206: 2480, 208: 2480, 212: 2484, 214: 2486, 216: 2488, 218: 2488, 220: 2490, 222: 2492, 228: 2498, 229: 2498,
         231: 2500, 233: 2502, 237: 2506, 239: 2508, 241: 2510, 242: 2512, 246: 2516, 250: 2520, 254: 2524, 256: 2526, 258: 2528,
         259: 2528, 261: 2530, 265: 2534, 267: 2536, 269: 2538, 273: 2542, 277: 2546, 281: 2550, 283: 2552, 285: 2554}
NAMES = {"(1) and (2)": "(8) and (9)", "Algorithm 1": "Algorithm 12", "Theorem 3": "Theorem 16.3", "Theorem 2": "Theorem 16.2", "Definition 1": "Definition 16.1"}


def retext(s: str) -> str:
    """000's line numbers and labels in a text, in 003's numbering."""
    s = re.sub(r"\b(lines?) (\d+)(?:–(\d+))?", lambda m: m.group(1) + " " + str(LINES.get(int(m.group(2)), m.group(2)))
               + ("–" + str(LINES.get(int(m.group(3)), m.group(3))) if m.group(3) else ""), s)
    for a, b in NAMES.items():
        s = re.sub(re.escape(a) + r"(?![\d.]\d|\d)", b, s)
    return s


def relocate(spec):
    """A copy of a check with its proof lines and its texts in 003's numbering (the families and expressions are shared)."""
    if isinstance(spec, (list, tuple)):
        return type(spec)(relocate(s) for s in spec)
    if not isinstance(spec, Spec):
        return spec
    changes = {}
    for f in dataclasses.fields(spec):
        val = getattr(spec, f.name)
        if isinstance(spec, ProofStep) and f.name == "line":
            changes["line"] = LINES.get(val, val)
        elif f.name in ("part", "note") and isinstance(val, str):
            changes[f.name] = retext(val)
        elif isinstance(val, Spec) or (isinstance(val, (list, tuple)) and val and all(isinstance(x, Spec) for x in val)):
            changes[f.name] = relocate(val)
    return dataclasses.replace(spec, **changes)


def checks_of(ref: str, corrected: bool = False) -> list:
    c = BY_ID[ref]
    return relocate(list(c.corrected.checks if corrected else c.checks))


def reprint(ref: str, label, line: int, *, end_line=None, printed=None, hypotheses=(), notes="", keep_corrected=True,
            reread=None, **override):
    """The 003 claim at ``line`` that reprints 000's claim ``ref``: the same reading, the same checks (relocated).

    ``reread``: {000's hypothesis (relocated): 003's} where a hypothesis speaks of 000's printing and 003 prints otherwise."""
    c = BY_ID[ref]
    reread = reread or {}
    own = [reread.get(h, h) for h in (retext(h) for h in c.hypotheses)]
    if set(reread) - {retext(h) for h in c.hypotheses}:
        raise ValueError(f"reprint of {ref}: reread names a hypothesis {ref} does not have")
    fields = dict(title=c.title, kind=c.kind, conclusion=retext(c.conclusion), hypotheses=own + list(hypotheses),
                  constants=dict(c.constants), symbols=dict(c.symbols), bound=c.bound, checks=relocate(list(c.checks)))
    if keep_corrected and c.corrected is not None:
        k = c.corrected
        fields["corrected"] = Corrected(retext(k.statement_latex), retext(k.reason), relocate(list(k.checks)), k.bound)
    fields.update(override)
    note = f"the same statement as {ref} (000 prints this text too); decided by the same checks"
    fields["notes"] = "; ".join(x for x in (note, retext(c.notes) if c.notes else "", notes) if x)
    title, kind, conclusion = retext(fields.pop("title")), fields.pop("kind"), fields.pop("conclusion")
    return claim(label, line, title, kind, conclusion, end_line=end_line, printed=printed, **fields)
