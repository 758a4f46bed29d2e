"""Slides 002: momentum, Polyak heavy ball on quadratics, Nesterov, preconditioning and Adam (Dingzhu Wen)."""

from optverify.claims.momentum_slides_002 import adam_slides, gd_quadratic, heavy_ball, motivation, other_momentum, preconditioning

CLAIMS = [*gd_quadratic.CLAIMS, *motivation.CLAIMS, *heavy_ball.CLAIMS, *other_momentum.CLAIMS, *preconditioning.CLAIMS, *adam_slides.CLAIMS]
