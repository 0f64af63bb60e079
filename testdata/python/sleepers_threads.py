# Claim T1: threads are started and joined, and three threads that each
# sleep 2 seconds finish together in about 2 seconds, not 6.
#
#     python3 testdata/python/sleepers_threads.py
#
# You will see the three threads start, each joined in turn, and
# "took 2 s": the sleeps overlap, since a sleeping thread holds no lock.

import threading
import time

from scaled import Stopwatch, seconds


def sleeper():
    time.sleep(seconds(2))


def main():
    watch = Stopwatch()
    threads = [threading.Thread(target=sleeper) for _ in range(3)]
    for t in threads:
        t.start()
    print("started 3 threads, each sleeping 2 s")
    for number, t in enumerate(threads, start=1):
        t.join()
        print(f"joined thread {number}")
    print(watch.took())


if __name__ == "__main__":
    main()
