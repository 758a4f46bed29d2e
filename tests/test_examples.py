"""examples/: the Adam example suite runs green under `pytest examples/` with the optverify plugin active."""

import json
import subprocess
import sys
from pathlib import Path

from plugin_loading import plugin_args

ROOT = Path(__file__).resolve().parents[1]


def test_examples_suite_passes_with_the_plugin(tmp_path):
    out = tmp_path / "report"
    p = subprocess.run([sys.executable, "-m", "pytest", "examples", "-p", "no:cacheprovider", *plugin_args(),
                        f"--optverify-report={out}"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-2000:]
    assert "5 passed" in p.stdout
    rep = json.loads((out / "report.json").read_text())
    decided = {e["id"]: e for e in rep["claims"]}
    assert set(decided) == {"000:L216", "000:L222", "000:L277", "000:L175", "000:Thm 3"}
    # Theorem 3 and line 175 are refuted as printed (w_1 unconstrained); the examples rely on their corrected forms (w_1 in the box)
    relied = {cid: (e["corrected"]["verdict"] if cid in ("000:L175", "000:Thm 3") else e["verdict"]) for cid, e in decided.items()}
    assert set(relied.values()) <= {"proved", "consistent"}
    assert decided["000:Thm 3"]["verdict"] == decided["000:L175"]["verdict"] == "refuted"


def test_default_test_run_does_not_collect_examples():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert config["testpaths"] == ["tests"]
    assert not (ROOT / "examples" / "__init__.py").exists() and not (ROOT / "examples" / "conftest.py").exists()
