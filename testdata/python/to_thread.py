# Claim A8: handing a blocking call to a thread keeps the event loop
# serving. Each fetch sleeps with time.sleep, which would stop the loop;
# asyncio.to_thread runs it on a thread of the default executor instead.
#
#     python3 testdata/python/to_thread.py
#
# You will see both fetches start, the shorter one finish first, the
# results in order, that a heartbeat task on the loop kept ticking while
# the threads slept, and "took 2 s": the two blocking sleeps overlapped.

import asyncio
import time

from scaled import Stopwatch, seconds


def blocking_fetch(param):
    time.sleep(seconds(param))
    return f"Result of {param}"


async def fetch(param):
    print(f"Do something with {param}...")
    result = await asyncio.to_thread(blocking_fetch, param)
    print(f"Done with {param}")
    return result


async def main():
    ticks = 0

    async def heartbeat():
        nonlocal ticks
        while True:
            await asyncio.sleep(seconds(0.1))
            ticks += 1

    watch = Stopwatch()
    beating = asyncio.create_task(heartbeat())
    results = await asyncio.gather(fetch(1), fetch(2))
    beating.cancel()
    print(results)
    # About 20 ticks fit into the 2 s; a loop stalled by the sleeps would
    # have ticked not once before they were over.
    print(f"the heartbeat kept ticking while the threads slept: {ticks >= 5}")
    print(watch.took())


if __name__ == "__main__":
    asyncio.run(main())
