# Claim H1: an event loop for the waiting, a process pool for the
# computing. Each job waits for its number, as a fetch would, and hands
# fib of it to a worker process through run_in_executor; the loop waits
# for both kinds of work and never computes itself.
#
#     python3 testdata/python/loop_process_pool.py
#
# You will see fib of 24 to 27 in job order, and that every one was
# computed in a worker process, not in the loop's.

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor

from scaled import seconds


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def fib_with_pid(n):
    return fib(n), os.getpid()


async def fetch_number(job):
    await asyncio.sleep(seconds(0.5))
    return 24 + job


async def handle(pool, job):
    n = await fetch_number(job)
    loop = asyncio.get_running_loop()
    value, pid = await loop.run_in_executor(pool, fib_with_pid, n)
    return n, value, pid


async def main():
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(handle(pool, job) for job in range(4)))
    for n, value, _ in results:
        print(f"fib({n}) = {value}")
    elsewhere = all(pid != os.getpid() for _, _, pid in results)
    print(f"computed in worker processes, none in the loop's: {elsewhere}")


if __name__ == "__main__":
    asyncio.run(main())
