# The work of measure.py: CPU-bound, waiting, and very many sleepers,
# each done by CPython's models (threads, process pools, asyncio).

import asyncio
import multiprocessing
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def cpu_bound(b):
    """4 x fib(30). speedup is the time of the four in turn, measured in the
    same repetition, over the model's; cpu-cores is this process's CPU time
    over the wall time (a pool's workers are not counted, as in Go)."""
    n = 24 if b.quick else 30
    job, want = [n] * 4, [fib(n)] * 4
    # A warm pool computes the same whatever started its workers, so only
    # the fork pool is timed here; StartJoin prices spawn and forkserver.
    names = [f"CPUBound/model={m}" for m in ("threads", "processPoolFork", "asyncio")]
    if not b.wants_any(names):
        return
    # The fork pool first, while this process has no other thread to copy.
    fork = multiprocessing.get_context("fork").Pool(b.procs)
    threads = ThreadPoolExecutor(b.procs)
    loop = asyncio.new_event_loop()

    async def compute(k):
        return fib(k)

    async def on_loop():
        return await asyncio.gather(*(compute(k) for k in job))

    try:
        fork.map(fib, [20] * b.procs)  # warm: every worker has started
        runs = [lambda: list(threads.map(fib, job)),
                lambda: fork.map(fib, job, chunksize=1),
                lambda: loop.run_until_complete(on_loop())]
        for rep in range(b.count):
            b.progress(rep)
            serial = time.perf_counter()
            [fib(k) for k in job]
            serial = time.perf_counter() - serial
            for name, run in zip(names, runs):
                if not b.wants(name):
                    continue
                wall, cpu = time.perf_counter(), time.process_time()
                got = run()
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                if got != want:
                    sys.exit(f"{name}: wrong answer {got}")
                b.line(name, 1, [(wall * 1e9, "ns/op"), (serial / wall, "speedup"), (cpu / wall, "cpu-cores")])
    finally:
        loop.close()
        threads.shutdown()
        fork.close()
        fork.join()


def io_bound(b):
    """64 waits of 1 ms: a thread for each, or a task for each on one loop.
    ns/op is one batch of 64."""
    tasks, wait = 64, 0.001
    names = [f"IOBound/work=timer/model={m}" for m in ("threads", "asyncio")]
    if not b.wants_any(names):
        return

    def on_threads(n):
        for _ in range(n):
            batch = [threading.Thread(target=time.sleep, args=(wait,)) for _ in range(tasks)]
            for t in batch:
                t.start()
            for t in batch:
                t.join()

    async def batches(n):
        for _ in range(n):
            await asyncio.gather(*(asyncio.sleep(wait) for _ in range(tasks)))

    loop = asyncio.new_event_loop()
    models = [on_threads, lambda n: loop.run_until_complete(batches(n))]
    try:
        for rep in range(b.count):
            b.progress(rep)
            for name, op in zip(names, models):
                if b.wants(name):
                    n, wall, cpu = b.timed(op)
                    b.line(name, n, [(wall / n * 1e9, "ns/op"), (tasks * n / wall, "tasks/s"), (cpu / wall, "cpu-cores")])
    finally:
        loop.close()


def many_sleepers(b):
    """100,000 tasks each sleeping 0.1 s, gathered: creating, waiting, ending."""
    n = 10_000 if b.quick else 100_000
    name = f"ManySleepers/model=asyncio/n={n}"
    if not b.wants(name):
        return

    async def sleepers():
        await asyncio.gather(*(asyncio.sleep(0.1) for _ in range(n)))

    loop = asyncio.new_event_loop()
    try:
        # At most five repetitions: each takes seconds, and nothing judges
        # this figure; its median is enough for the report's table.
        for rep in range(min(b.count, 5)):
            b.progress(rep)
            start = time.perf_counter()
            loop.run_until_complete(sleepers())
            b.line(name, 1, [((time.perf_counter() - start) * 1e9, "ns/op")])
    finally:
        loop.close()
