"""Slides 004: Adam and its variants — momentum, preconditioning, AdaGrad, RMSProp, Adam's four properties,
the AMSGrad counterexample with Theorems 2 and 4, L2 versus weight decay and AdamW, implicit bias (Dong-Young Lim, UNIST)."""

from optverify.claims.adam_variants_004 import (adagrad_rmsprop, adam_properties, amsgrad_counterexample, amsgrad_theorem4,
                                                implicit_bias, landscape, weight_decay)

CLAIMS = [*landscape.CLAIMS, *adagrad_rmsprop.CLAIMS, *adam_properties.CLAIMS, *amsgrad_counterexample.CLAIMS,
          *amsgrad_theorem4.CLAIMS, *weight_decay.CLAIMS, *implicit_bias.CLAIMS]
