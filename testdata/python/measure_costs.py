# The costs of measure.py: starting and joining, a message there and
# back, and the memory a waiting thread, task or process holds.

import asyncio
import gc
import multiprocessing
import os
import queue
import subprocess
import sys
import threading
import time


def noop():
    pass


async def noop_task():
    pass


def rss_bytes(pid="self"):
    """Resident memory of a process, from /proc/<pid>/statm (Linux)."""
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def start_join(b):
    """Start one unit of work that does nothing and wait for it to end. The
    forkserver is started before the timing, so its own start is not counted."""
    def threads(n):
        for _ in range(n):
            t = threading.Thread(target=noop)
            t.start()
            t.join()

    def processes(method):
        ctx = multiprocessing.get_context(method)

        def op(n):
            for _ in range(n):
                p = ctx.Process(target=noop)
                p.start()
                p.join()
        return op

    async def tasks(n):
        for _ in range(n):
            await asyncio.create_task(noop_task())

    models = [("thread", threads)]
    methods = multiprocessing.get_all_start_methods()
    for method, model in (("fork", "processFork"), ("spawn", "processSpawn"), ("forkserver", "processForkserver")):
        if method in methods:
            models.append((model, processes(method)))
    loop = asyncio.new_event_loop()
    models.append(("asyncioTask", lambda n: loop.run_until_complete(tasks(n))))
    if not b.wants_any(f"StartJoin/model={model}" for model, _ in models):
        loop.close()
        return
    try:
        if "forkserver" in methods and b.wants("StartJoin/model=processForkserver"):
            processes("forkserver")(1)
        for rep in range(b.count):
            b.progress(rep)
            for model, op in models:
                name = f"StartJoin/model={model}"
                if b.wants(name):
                    n, wall, _ = b.timed(op)
                    b.line(name, n, [(wall / n * 1e9, "ns/op")])
    finally:
        loop.close()


def echo_queue(inbox, outbox):
    while (message := inbox.get()) is not None:
        outbox.put(message)


def echo_pipe(conn):
    while message := conn.recv_bytes():
        conn.send_bytes(message)
    conn.close()


def round_trip(b):
    """One small message there and back: thread to thread over two
    queue.Queues, process to process over a multiprocessing.Pipe (one
    byte, send_bytes and recv_bytes, no pickling), task to task over two
    asyncio.Queues. Each partner is set up before the timing."""
    names = [f"RoundTrip/model={m}" for m in ("queueThreads", "pipeProcesses", "asyncioQueue")]
    if not b.wants_any(names):
        return

    def over_queues():
        inbox, outbox = queue.Queue(), queue.Queue()
        partner = threading.Thread(target=echo_queue, args=(inbox, outbox))
        partner.start()
        def op(n):
            for _ in range(n):
                inbox.put(1)
                outbox.get()

        try:
            return b.timed(op)
        finally:
            inbox.put(None)
            partner.join()

    def over_pipe():
        ctx = multiprocessing.get_context("fork")
        mine, theirs = ctx.Pipe()
        partner = ctx.Process(target=echo_pipe, args=(theirs,))
        partner.start()
        theirs.close()
        def op(n):
            for _ in range(n):
                mine.send_bytes(b"x")
                mine.recv_bytes()

        try:
            return b.timed(op)
        finally:
            mine.send_bytes(b"")
            partner.join()
            mine.close()

    async def over_asyncio_queues(n):
        inbox, outbox = asyncio.Queue(), asyncio.Queue()

        async def echo():
            while True:
                outbox.put_nowait(await inbox.get())

        partner = asyncio.create_task(echo())
        start = time.perf_counter()
        for _ in range(n):
            inbox.put_nowait(1)
            await outbox.get()
        elapsed = time.perf_counter() - start
        partner.cancel()
        await asyncio.gather(partner, return_exceptions=True)
        return elapsed

    loop = asyncio.new_event_loop()
    models = [over_queues, over_pipe,
              lambda: b.timed(lambda n: loop.run_until_complete(over_asyncio_queues(n)))]
    try:
        for rep in range(b.count):
            b.progress(rep)
            for name, measure in zip(names, models):
                if b.wants(name):
                    n, wall, _ = measure()
                    b.line(name, n, [(wall / n * 1e9, "ns/op"), (wall / n * 1e9, "ns/roundtrip")])
    finally:
        loop.close()


def park_threads(n):
    ready, release = threading.Barrier(n + 1), threading.Event()

    def wait():
        ready.wait()
        release.wait()

    before = rss_bytes()
    parked = [threading.Thread(target=wait) for _ in range(n)]
    for t in parked:
        t.start()
    ready.wait()
    after = rss_bytes()
    release.set()
    for t in parked:
        t.join()
    return (after - before) / n


async def park_tasks(n):
    release = asyncio.Event()
    before = rss_bytes()
    parked = [asyncio.create_task(release.wait()) for _ in range(n)]
    await asyncio.sleep(0)  # every task has run up to its await
    after = rss_bytes()
    release.set()
    await asyncio.gather(*parked)
    return (after - before) / n


def wait_in_process(ready, release):
    ready.wait(60)
    release.wait(60)


def idle_process_rss(k):
    """The resident memory of a waiting process: a fresh interpreter
    (spawn) that has imported this program, pages it shares with others
    included, as Go counts its idle worker."""
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Barrier(k + 1), ctx.Event()
    parked = [ctx.Process(target=wait_in_process, args=(ready, release)) for _ in range(k)]
    for p in parked:
        p.start()
    try:
        ready.wait(60)
        return sum(rss_bytes(p.pid) for p in parked) / k
    finally:
        release.set()
        for p in parked:
            p.join()


def memory(b):
    """B/waiter: for threads and tasks, how much this process's resident
    memory grows per waiter while n of them wait, in a fresh interpreter
    each time, so that memory freed by earlier measurements cannot hide the
    growth; it counts Python's objects, the interpreter's per-thread state
    and the stack pages a thread touched. For processes, see idle_process_rss.
    ns/op is the time the measurement took and means nothing."""
    sizes = {"thread": 50, "asyncioTask": 2000} if b.quick else {"thread": 200, "asyncioTask": 10000}
    processes = 2 if b.quick else 4
    if not b.wants_any(f"MemoryPerWaiter/model={m}" for m in ("thread", "asyncioTask", "process")):
        return
    for rep in range(b.count):
        b.progress(rep)
        for model, n in sizes.items():
            name = f"MemoryPerWaiter/model={model}"
            if b.wants(name):
                start = time.perf_counter()
                out = subprocess.run([sys.executable, __file__, model, str(n)],
                                     capture_output=True, text=True, check=True).stdout
                b.line(name, 1, [((time.perf_counter() - start) * 1e9, "ns/op"), (float(out), "B/waiter")])
        name = "MemoryPerWaiter/model=process"
        if b.wants(name):
            start = time.perf_counter()
            per = idle_process_rss(processes)
            b.line(name, 1, [((time.perf_counter() - start) * 1e9, "ns/op"), (per, "B/waiter")])


if __name__ == "__main__":
    # A child of memory(): measure one kind of waiter in a fresh interpreter.
    model, n = sys.argv[1], int(sys.argv[2])
    gc.collect()
    print(park_threads(n) if model == "thread" else asyncio.run(park_tasks(n)))
