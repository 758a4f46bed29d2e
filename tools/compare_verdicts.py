"""Compare the verdicts of two report.json files: python tools/compare_verdicts.py BEFORE AFTER."""

import json
import sys


def main(before: str, after: str) -> int:
    a = {e["id"]: e for e in json.load(open(before))["claims"]}
    b = {e["id"]: e for e in json.load(open(after))["claims"]}
    changed = 0
    for cid in sorted(set(a) | set(b)):
        va = a.get(cid, {}).get("verdict", "—")
        vb = b.get(cid, {}).get("verdict", "—")
        ca = (a.get(cid, {}).get("corrected") or {}).get("verdict")
        cb = (b.get(cid, {}).get("corrected") or {}).get("verdict")
        if va != vb or ca != cb:
            changed += 1
            print(f"{cid:18s} {va:>13s} → {vb:<13s}" + (f" (corrected {ca} → {cb})" if ca != cb else "") + f"  {b.get(cid, {}).get('summary', '')[:90]}")
    print(f"{changed} of {len(set(a) | set(b))} claims changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
