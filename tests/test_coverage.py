"""Tests of the coverage scanner (synthetic texts with known truth, and source 000)."""

from __future__ import annotations

from pathlib import Path

import pytest

from optverify.coverage import CoverageItem, find_relations, label_to_id_label, scan_source

SOURCES = Path(__file__).resolve().parents[1] / "optverify" / "sources"
SOURCE_000 = SOURCES / "000_5f54ea678090eb2e.txt"


def statements(items: list[CoverageItem]) -> list[tuple[str, int]]:
    return [(it.label, it.line) for it in items if it.kind == "statement"]


def displays(items: list[CoverageItem]) -> dict[int, CoverageItem]:
    return {it.line: it for it in items if it.kind == "display"}


# ---------------------------------------------------------------- labels


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Theorem 16.3", "Thm 16.3"),
        ("Lemma 2", "Lem 2"),
        ("Proposition 2.3", "Prop 2.3"),
        ("Corollary 1", "Cor 1"),
        ("Definition 1", "Def 1"),
        ("Algorithm 12", "Alg 12"),
        ("theorem 3", "Thm 3"),
        ("Theorem", "Thm"),
        ("Remark 4", "Remark 4"),
    ],
)
def test_label_to_id_label(label, expected):
    assert label_to_id_label(label) == expected


# ---------------------------------------------------------------- relations


@pytest.mark.parametrize(
    "math, expected",
    [
        (r"a = b", ["="]),
        (r"a \le b \leq c", ["≤"]),
        (r"a \ge b, c \geq d", ["≥"]),
        (r"a < b > c", ["<", ">"]),
        (r"a \neq b", ["≠"]),
        (r"a \not= b", ["≠"]),
        (r"a \approx b", ["≈"]),
        (r"\eta_t \propto \frac{1}{\sqrt t}", ["∝"]),
        (r"a \lesssim b", ["≲"]),
        (r"a ≤ b ≥ c", ["≤", "≥"]),
        (r"\sum_{i=1}^{d} \sqrt{\sum_{t=1}^{T} g_t[i]^2}", []),
        (r"\Pi_{|w| \le D} w_t", []),
        (r"t \leftarrow t + 1", []),
        (r"f : \mathbb{R} \rightarrow \mathbb{R}, \quad x \Rightarrow y", []),
        (r"\left< x, y \right>", []),
        (r"\text{for all } x = 1", ["="]),
        (r"\text{a=b}", []),
        (r"x_{a:b} := \sum_{t=a}^b x_t", ["="]),
        (r"\begin{aligned} a &= b \\ &\leq c \end{aligned}", ["=", "≤"]),
    ],
)
def test_find_relations(math, expected):
    assert find_relations(math) == expected


# ---------------------------------------------------------------- statements

SYNTHETIC = """\
# Notes

**Definition 1.** A thing is good if $x \\le 1$.

From Theorem 3 we know something (Notes 6 Lemma 2).

**Theorem 3** (Name). Suppose that $a \\geq 0$. Then with $c = 1$, the algorithm:

$$g_t = \\nabla f(w_t)$$
$$w_{t+1} = w_t - c g_t$$

satisfies:

$$\\sum_{t=1}^T f(w_t) \\le 2 c$$

Note that in this theorem, we emphasise something.

**Lemma 16.2.** For all $t$, $a_t \\le b_t$.

Theorem 6.1 has the problem that it is not adaptive.

#### Algorithm 1 Adam

```
Set m_t = beta m_{t-1} + g_t
$$x = 1$$
```

3. **Momentum:** we saw two forms.

Algorithm 2:

Algorithm 4 VariableNodeBackward

- **Proposition 2.3.** Listed as a bullet.

Theorem 5. For any constant $\\beta < 1$ there is a problem.

Theorem:  every slide has one.

*Proof of Theorem 3.* Easy.
"""


def test_synthetic_statements():
    items = scan_source(SYNTHETIC)
    assert statements(items) == [
        ("Definition 1", 3),
        ("Theorem 3", 7),
        ("Lemma 16.2", 18),
        ("Algorithm 1", 22),
        ("Algorithm 2", 31),
        ("Algorithm 4", 33),
        ("Proposition 2.3", 35),
        ("Theorem 5", 37),
        ("Theorem", 39),
    ]


def test_statement_extents_and_relations():
    items = {it.label: it for it in scan_source(SYNTHETIC) if it.kind == "statement"}
    assert (items["Definition 1"].line, items["Definition 1"].end_line) == (3, 3)
    assert items["Definition 1"].relations == ["≤"]
    thm = items["Theorem 3"]
    assert (thm.line, thm.end_line) == (7, 14)  # lead-ins and displays, not the remark after
    assert thm.relations == ["≥", "=", "≤"]
    assert thm.text.startswith("**Theorem 3** (Name).")
    alg = items["Algorithm 1"]
    assert (alg.line, alg.end_line) == (22, 27)  # the fenced body belongs to the algorithm


def test_references_are_not_statements():
    items = scan_source("As shown in Theorem 3, and by Lemma 2.\nTheorem 6.1 has a problem.\n")
    assert statements(items) == []


# ---------------------------------------------------------------- displays


def test_synthetic_displays():
    items = scan_source(SYNTHETIC)
    d = displays(items)
    assert sorted(d) == [9, 10, 14]  # the $$ inside the code fence is not a display
    assert d[9].relations == ["="]
    assert d[14].relations == ["≤"]
    assert all(it.end_line == it.line for it in d.values())


DISPLAYS = """\
Intro with inline math $a = b$ that is not a display.

$$\\sum_{i=1}^{d} \\sqrt{\\sum_{t=1}^{T} g_t[i]^2}$$
 (1)

$$\\sqrt{\\sum_t g_t^2} \\tag{2}$$

$$\\begin{aligned}
a &= b \\\\
  &\\leq c
\\end{aligned}$$

$$x \\le y$$
$$y \\approx z$$

\\[ u \\geq v \\]

\\begin{equation}
p < q \\tag{3}
\\end{equation}

$$v_t = \\beta v_{t-1}$$

=  $\\beta^2 v_{t-2} + g_t$

- $|\\gamma_1| = |\\gamma_2|$ .

$x + y$

$$\\alpha = 1 \\quad (\\text{with } \\beta)$$ (7)
"""


def test_display_kinds_and_exact_lines():
    items = scan_source(DISPLAYS)
    d = displays(items)
    assert sorted(d) == [8, 13, 14, 16, 18, 22, 24, 26, 30]
    assert (d[8].line, d[8].end_line) == (8, 11)
    assert d[8].relations == ["=", "≤"]
    assert d[13].relations == ["≤"] and d[14].relations == ["≈"]
    assert d[16].relations == ["≥"]
    assert (d[18].end_line, d[18].tag, d[18].relations) == (20, "3", ["<"])
    assert d[24].relations == ["="]  # "= $...$" continuation line
    assert d[26].relations == ["="]  # a bullet consisting only of math
    assert d[30].tag == "7"
    # bare expressions (lines 3 and 6) and the inline / relation-free math are not items
    assert 3 not in d and 6 not in d and 1 not in d and 28 not in d


def test_tags_of_bare_expressions_are_not_items_but_tags_are_read():
    items = scan_source("$$a = b$$\n (4)\n\n$$c \\le d \\tag{5}$$\n")
    assert [(it.line, it.tag) for it in items] == [(1, "4"), (4, "5")]


def test_text_truncation():
    long = "$$" + " + ".join(f"x_{{{i}}}" for i in range(200)) + " = 0$$"
    (item,) = scan_source(long + "\n")
    assert len(item.text) <= 300 and item.text.endswith("...")


def test_path_and_text_inputs_agree():
    assert scan_source(SOURCE_000) == scan_source(str(SOURCE_000)) == scan_source(SOURCE_000.read_text())


# ---------------------------------------------------------------- real source 000


def test_source_000_statements():
    items = scan_source(SOURCE_000)
    assert statements(items) == [
        ("Definition 1", 69),
        ("Theorem 2", 77),
        ("Theorem 3", 88),
        ("Algorithm 1", 192),
    ]
    st = {it.label: it for it in items if it.kind == "statement"}
    assert st["Theorem 2"].end_line == 84
    assert st["Theorem 3"].end_line == 95
    assert st["Algorithm 1"].end_line == 196


def test_source_000_displays():
    d = displays(scan_source(SOURCE_000))
    for line in (21, 51, 112, 167, 171, 246, 269, 281):
        assert line in d, line
    assert 103 not in d  # bare expression
    assert 254 not in d  # bare expression without relation
    assert 108 not in d  # bare expression with \tag{2}
    assert 208 in d and d[208].relations == ["="]  # "= $...$" continuation line
    assert d[269].relations == ["≤", "="]
    assert d[25].relations == ["∝"] and d[63].relations == ["≈"]
    assert all(it.line == it.end_line for it in d.values())  # every display of 000 is one line


def test_latex_theorem_environments_and_displays():
    tex = "\n".join([
        r"\section{GD}",
        r"\begin{theorem}[Descent]\label{thm:descent}",
        r"If $f$ is $H$-smooth then",
        r"\[ f(x_{t+1}) \le f(x_t) - \frac{1}{2H}\|\nabla f(x_t)\|^2. \]",
        r"\end{theorem}",
        r"\begin{lemma*}",
        r"For all $x$, $\log(1+x) \le x$.",
        r"\end{lemma*}",
        r"\begin{equation}",
        r"a = b",
        r"\end{equation}",
    ])
    items = [(it.kind, it.label, it.line, it.end_line, it.relations) for it in scan_source(tex)]
    assert ("statement", "Theorem", 2, 5, ["≤"]) in items
    assert ("statement", "Lemma", 6, 8, ["≤"]) in items
    assert ("display", None, 4, 4, ["≤"]) in items and ("display", None, 9, 11, ["="]) in items
