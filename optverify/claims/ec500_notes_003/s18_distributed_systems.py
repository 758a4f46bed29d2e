"""003 §18 (lines 2556–2563): distributed and large-scale systems; data and model parallelism."""

from __future__ import annotations

import optverify as ov
from optverify.claims.ec500_notes_003._common import claim

CLAIMS = [
    claim(None, 2560, "two reasons for parallelism", "qualitative",
          "large data needs parallel processing; large models may need a parallel loss evaluation", end_line=2561,
          checks=[ov.NotCheckable("motivation about computing time: nothing exact (the parallel algorithms follow in §19)")]),
    claim(None, 2563, "data and model parallelism", "qualitative",
          "model parallelism distributes the computation of ℓ(w, z) over computers; it is far less common than data parallelism",
          printed="Model parallelism is far less common than data parallelism",
          checks=[ov.NotCheckable("a definition of two paradigms and a statement about practice: nothing a computation decides")]),
]
