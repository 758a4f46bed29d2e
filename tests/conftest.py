import os

os.environ.setdefault("NUMBA_NUM_THREADS", "2")
