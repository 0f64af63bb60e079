# Claims A3, A4 and A5: the material's fetch_data, run three ways on one
# event loop.
#
#     python3 testdata/python/fetch_data.py
#
# You will see three sections. Awaited in turn, the second fetch starts
# only when the first is done: 1 s + 2 s, "took 3 s". Made into tasks
# first, both start at the first await and overlap: "took 2 s". Gathered,
# three fetches of 3, 1 and 2 s run at once, finish shortest first, and
# their results come back in argument order: "took 3 s", the longest wait.

import asyncio

from scaled import Stopwatch, seconds


async def fetch_data(param):
    print(f"Do something with {param}...")
    await asyncio.sleep(seconds(param))
    print(f"Done with {param}")
    return f"Result of {param}"


async def awaited_in_turn():
    result1 = await fetch_data(1)
    print("Task 1 fully completed")
    result2 = await fetch_data(2)
    print("Task 2 fully completed")
    return [result1, result2]


async def with_create_task():
    task1 = asyncio.create_task(fetch_data(1))
    task2 = asyncio.create_task(fetch_data(2))
    result1 = await task1
    print("Task 1 fully completed")
    result2 = await task2
    print("Task 2 fully completed")
    return [result1, result2]


async def with_gather():
    return await asyncio.gather(fetch_data(3), fetch_data(1), fetch_data(2))


def main():
    for title, story in [
        ("awaited in turn", awaited_in_turn),
        ("with create_task", with_create_task),
        ("with gather", with_gather),
    ]:
        print(f"--- {title}")
        watch = Stopwatch()
        print(asyncio.run(story()))
        print(watch.took())


if __name__ == "__main__":
    main()
