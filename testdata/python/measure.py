# CPython measured the way Atlas measures Go: the quantities of the
# cross-model benchmarks of package bench, written as Go benchmark lines
# (benchfmt) with the same names, keys and units, so that `go tool
# benchstat -col /model` reads this program's output beside the Go file.
# The models are CPython's own (threads, processPoolFork, asyncio, ...).
# Every line ends in -N, N the cores this process may use, which is also
# the size of every pool and thread pool here; a `workers: N` line says so.
#
#     python3 testdata/python/measure.py [--count N] [--quick] [--bench REGEXP]
#
# Results go to stdout, one line per repetition as `go test -count` prints
# them, so that benchstat has samples; progress goes to stderr. --quick is
# one pass at small sizes, a smoke test that measures nothing. Standard
# library only; Linux for the memory figures (/proc). internal/cpython
# runs this program for the report.
#
# measure_work.py holds the work (CPU-bound, waiting, many sleepers),
# measure_costs.py the costs (start and join, round trips, memory); this
# file writes the lines, sizes the timed loops and runs both.

import argparse
import os
import platform
import re
import sys
import time

import measure_costs
import measure_work


def cores():
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def python_line():
    """The interpreter in a few words; internal/cpython's Interpreter.String
    says the same."""
    check = getattr(sys, "_is_gil_enabled", None)  # from 3.13; before, always on
    gil = "on" if check is None or check() else "off"
    return f"{platform.python_version()} ({platform.python_implementation()}, GIL {gil})"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


GOARCH = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64",
          "i386": "386", "i686": "386", "armv7l": "arm", "riscv64": "riscv64"}


def fmt(v):
    return f"{v:.0f}" if abs(v) >= 1000 else f"{v:.4g}"


class Bench:
    """Writes result and progress lines, and sizes the timed loops."""

    def __init__(self, args):
        self.count, self.quick = args.count, args.quick
        self.target = 0.02 if args.quick else 0.1  # seconds per timed loop, like -benchtime
        self.procs = cores()
        self.selected = re.compile(args.bench)
        self.start = time.perf_counter()
        self.step = ""

    def wants(self, name):
        return self.selected.search(name) is not None

    def wants_any(self, names):
        return any(self.wants(name) for name in names)

    def progress(self, rep):
        spent = time.perf_counter() - self.start
        print(f"python: {self.step}, repetition {rep + 1} of {self.count} ({spent:.0f} s so far)",
              file=sys.stderr, flush=True)

    def line(self, name, iters, metrics):
        values = "\t".join(f"{fmt(v)} {unit}" for v, unit in metrics)
        print(f"Benchmark{name}-{self.procs}\t{iters:8d}\t{values}", flush=True)

    def timed(self, op):
        """Calls op(n), which does n operations, with n growing until one call
        lasts the target time, as Go's testing package does. Returns n and the
        wall and CPU seconds of that last call. An op that times itself, to
        leave its set-up out, returns the seconds it measured."""
        n = 1
        while True:
            wall, cpu = time.perf_counter(), time.process_time()
            inside = op(n)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if inside is not None:
                wall = inside
            if wall >= self.target or n >= 10**9:
                return n, wall, cpu
            grow = 100 if wall <= 0 else 1.2 * self.target / wall
            n = int(min(100 * n, max(n + 1, n * grow)))


def main():
    parser = argparse.ArgumentParser(description="CPython's side of Atlas's cross-model benchmarks, as Go benchmark lines.")
    parser.add_argument("--count", "-count", type=int, help="repetitions of each measurement (default 10, 1 with --quick)")
    parser.add_argument("--quick", "-quick", action="store_true", help="one pass at small sizes: a smoke test, not a measurement")
    parser.add_argument("--bench", "-bench", default=".", help="regular expression selecting benchmarks by name")
    args = parser.parse_args()
    if args.count is None:
        args.count = 1 if args.quick else 10
    if args.count < 1:
        parser.error(f"--count must be at least 1, not {args.count}")
    try:
        re.compile(args.bench)
    except re.error as e:
        parser.error(f"--bench: {e}")
    b = Bench(args)
    print(f"goos: {sys.platform if sys.platform != 'win32' else 'windows'}")
    print(f"goarch: {GOARCH.get(platform.machine().lower(), platform.machine().lower())}")
    print(f"cpu: {cpu_model()}")
    print("pkg: cpython")
    print(f"python: {python_line()}")
    print(f"workers: {b.procs}", flush=True)
    steps = [("CPUBound", measure_work.cpu_bound), ("IOBound", measure_work.io_bound),
             ("StartJoin", measure_costs.start_join), ("RoundTrip", measure_costs.round_trip),
             ("MemoryPerWaiter", measure_costs.memory), ("ManySleepers", measure_work.many_sleepers)]
    for i, (title, step) in enumerate(steps, start=1):
        b.step = f"[{i}/{len(steps)}] {title}"
        step(b)
    print(f"python: done in {time.perf_counter() - b.start:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
