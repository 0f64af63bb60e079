# The material's waits, scaled for tests: the examples import this module.
#
# Run by hand, every wait is the material's own (2 seconds is 2 seconds).
# The Go test sets ATLAS_PY_SCALE=0.2, so that a 2-second wait takes 0.4 s;
# the elapsed time is divided by the same factor before it is printed, so
# the figure printed is still the material's ("took 2 s").

import os
import sys
import time

_raw = os.environ.get("ATLAS_PY_SCALE", "1")
try:
    SCALE = float(_raw)
except ValueError:
    SCALE = -1.0
if not SCALE > 0:
    sys.exit(f"ATLAS_PY_SCALE must be a positive number, not {_raw!r}")


def seconds(s):
    """The material's s seconds, as this run waits them."""
    return s * SCALE


class Stopwatch:
    """Measures from its creation; took() says how long, in the material's seconds."""

    def __init__(self):
        self._start = time.perf_counter()

    def took(self):
        elapsed = (time.perf_counter() - self._start) / SCALE
        return f"took {round(elapsed)} s"
