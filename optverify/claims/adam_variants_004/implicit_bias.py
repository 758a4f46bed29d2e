"""004, lines 518–595: do faster optimisers generalise better?  Wilson et al. (2017) and implicit bias."""

import sympy as sp

from optverify.claims.adam_variants_004._common import claim
from optverify import Corrected, Identity, IterateLimit, NotCheckable
from optverify.counterexamples.symmetric_interpolation import SymmetricInterpolation
from optverify.counterexamples.weight_decay_points import WilsonLimits

# ---------------------------------------------------------------- a generic over-parameterised least-squares problem
X = sp.Matrix(2, 3, sp.symbols("x_11 x_12 x_13 x_21 x_22 x_23", real=True))  # n = 2 samples, d = 3 features
alpha = sp.Matrix(sp.symbols("alpha_1 alpha_2", real=True))  # w = Xᵀα: a point of the row space
y = sp.Matrix(sp.symbols("y_1 y_2", real=True))
eta, tau = sp.symbols("eta tau", real=True)
z = X[0, :].T.cross(X[1, :].T)  # Xz = 0: a direction of the null space (nonzero when the rows are independent)
w = X.T * alpha
gd_step = w - eta * X.T * (X * w - y)
sgd_step = w - eta * X[0, :].T * (X[0, :] * w - y[0, :])  # the stochastic gradient of sample 1: x_1(x_1ᵀw − y_1)
e1 = sp.Matrix([1, 0])

wilson = WilsonLimits()  # n = 20, d = 103, training labels drawn with P(y = +1) = 0.6; test error at p = 1/2
ADAPTIVE = ("adagrad", "rmsprop", "adam")
_WILSON_HYP = (
    "instance: Wilson et al. (2017, sec. 3.3)'s problem (constructions.wilson_separable: n = 20, d = 103, labels drawn with "
    "P(y = +1) = 0.6, seed 0, 14 positives), square loss, from w = 0; GD with step 0.5/H and SGD (one row per step, step "
    "0.5/max‖x_i‖², 8 seeds); AdaGrad, RMSProp and Adam with ε = 0 (Wilson's Lemma needs it)"
)

CLAIMS = [
    claim(None, 520, "Adam became mainstream", "qualitative", "by the late 2010s Adam was the default for deep networks",
          checks=[NotCheckable("historical observation")]),
    claim(None, 522, "Adam-trained models often test worse", "qualitative", "models trained with Adam often test worse than with SGD",
          checks=[NotCheckable("empirical observation from the literature (Wilson et al. 2017, Keskar & Socher 2017)")]),
    claim(None, 523, "best for training is not best for test", "qualitative", "the best optimiser for training loss is not always the best for test",
          checks=[NotCheckable("empirical observation")]),
    claim(None, 530, "Wilson et al. answered the question", "qualitative", "Wilson et al. (2017) provided a striking answer",
          checks=[NotCheckable("citation")]),
    claim(None, 531, "adaptive methods can find different solutions", "property",
          "on some problem Adam and SGD reach different solutions (and adaptive solutions often generalise worse)",
          hypotheses=["'can find fundamentally different solutions' is an existence statement: one problem where they differ suffices",
                      _WILSON_HYP],
          checks=[IterateLimit(wilson, {"sgd": "min_norm", "adam": None}, avoid={"adam": "min_norm"}, tolerance=1e-6,
                               part="Adam and SGD reach different solutions"),
                  NotCheckable("'often generalize significantly worse' is an empirical finding", part="often generalise worse")]),
    claim(None, 533, "Wilson et al.'s problem: SGD 0 %, Adam 50 % test error", "property",
          "on Wilson et al.'s linearly separable problem SGD's solution has test error 0 and Adam's 1/2",
          hypotheses=[_WILSON_HYP,
                      "'achieves … test error' is read of the solution each method converges to (SGD: X⁺y, Adam: sign(Xᵀy)/c)",
                      "test points: a fresh label y with P(y = +1) = p and unseen sample-specific features, so w predicts "
                      "sign(y w_1 + w_2 + w_3); '50 %' is read literally, which happens at p = 1/2 exactly (the training sample "
                      "must have a positive majority, as here).  For Wilson's p > 1/2 Adam's error is 1 − p < 1/2 ('arbitrarily close "
                      "to half' in their abstract): here 2/5 at p = 0.6, in the facts"],
          checks=[IterateLimit(wilson, {"sgd": "min_norm", "adam": "sign_solution"}, tolerance=1e-6,
                               values={"test_error_sgd": sp.Integer(0), "test_error_adam": sp.Rational(1, 2)})]),
    claim(None, 534, "well-tuned SGD beats well-tuned Adam on test", "qualitative",
          "on several deep-learning tasks tuned SGD tests better than tuned Adam, even at lower training loss for Adam",
          checks=[NotCheckable("empirical finding of Wilson et al. (2017), figures at lines 537–578")]),
    claim(None, 582, "over-parameterised models have many interpolating solutions", "property",
          "with d > n, every w + τz (Xz = 0) fits the data whenever w does",
          hypotheses=["linear least squares with n = 2 samples and d = 3 features (X generic); z = x_1 × x_2 spans the null space "
                      "when the rows are independent, so the interpolating solutions form a line"],
          checks=[Identity(X * (w + tau * z), X * w)]),
    claim(None, 583, "optimisers have an implicit bias", "qualitative", "an optimiser's design makes it prefer some solutions",
          checks=[NotCheckable("qualitative; the instances are lines 585 and 588")]),
    claim(None, 585, "SGD from zero finds the minimum-norm solution", "property",
          "from w = 0, (S)GD on least squares converges to the interpolant of least Euclidean norm X⁺y",
          hypotheses=["linear least squares (the setting of Wilson et al.); 'implicit bias towards' read as: the limit, when the "
                      "iteration converges (step small enough), is the minimum-norm solution",
                      "the symbolic parts: n = 2, d = 3, X generic; the runs: " + _WILSON_HYP],
          checks=[Identity(gd_step, X.T * (alpha - eta * (X * w - y)), part="GD and SGD steps stay in the row space of X"),
                  Identity(sgd_step, X.T * (alpha - eta * (X[0, :] * w - y[0, :])[0] * e1), part="GD and SGD steps stay in the row space of X"),
                  Identity(((w + z).T * (w + z))[0], (w.T * w)[0] + (z.T * z)[0],
                           part="a row-space interpolant is the shortest: ‖w + z‖² = ‖w‖² + ‖z‖² for Xz = 0"),
                  IterateLimit(wilson, {"gd": "min_norm", "sgd": "min_norm"}, tolerance=1e-6, part="the runs reach X⁺y")]),
    claim(None, 586, "min-norm solutions generalise well", "qualitative",
          "the minimum-norm solution is often associated with large margins and good generalisation",
          checks=[NotCheckable("qualitative ('often associated')")]),
    claim(None, 588, "adaptive methods do not reach the minimum-norm solution", "property",
          "from w = 0, AdaGrad, RMSProp and Adam do not converge to X⁺y",
          hypotheses=["read as printed, for over-parameterised least squares (line 582's setting) from w = 0: no adaptive method "
                      "converges to X⁺y; instance: X = [[1, 1]], y = [1], whose interpolants form the line w_1 + w_2 = 1 and whose "
                      "minimum-norm one is (1/2, 1/2); AdaGrad, RMSProp, Adam with ε = 0 and Wilson's step sizes, 3000 exact steps",
                      "Wilson et al.'s Lemma (X sign(Xᵀy) = c y) keeps the adaptive iterates on the line through sign(Xᵀy) = (1, 1), "
                      "whose only interpolant is X⁺y here"],
          checks=[IterateLimit(SymmetricInterpolation(), {m: None for m in ADAPTIVE}, avoid={m: "min_norm" for m in ADAPTIVE}, tolerance=1e-6)],
          corrected=Corrected("from w = 0, AdaGrad, RMSProp and Adam need not converge to X⁺y: on Wilson et al.'s problem they provably do not",
                              "whether they reach X⁺y depends on the data: they do when sign(Xᵀy)/c is X⁺y (or the interpolant is unique)",
                              checks=[IterateLimit(wilson, {m: None for m in ADAPTIVE}, avoid={m: "min_norm" for m in ADAPTIVE}, tolerance=1e-6)])),
    claim(None, 589, "adaptive methods may rely on non-generalisable features", "qualitative",
          "adaptive methods sometimes converge to solutions relying on non-generalisable features",
          checks=[NotCheckable("qualitative ('sometimes tend to'); Wilson's instance is decided at line 533")]),
    claim(None, 593, "implicit bias explains the gap", "qualitative", "implicit bias is one compelling explanation of the generalisation gap",
          checks=[NotCheckable("qualitative")]),
    claim(None, 594, "one explanation among others", "qualitative", "implicit bias is just one possible explanation",
          checks=[NotCheckable("qualitative")]),
    claim(None, 595, "an open problem", "qualitative", "the optimiser–generalisation relationship is not fully understood",
          checks=[NotCheckable("statement about the state of research")]),
]
