# Claim T4: shared data needs a lock, or updates can get lost. Four
# threads add to one global counter, without a lock and with one.
#
#     python3 testdata/python/counter.py
#
# You will see four lines, each with the expected and the final count.
# Without a lock, `counter += 1` may or may not lose updates: CPython
# 3.11 switches threads only at certain points of the bytecode, and
# seldom or never between the read and the write of this line, but no
# version promises that. The line says what happened this run. Reading,
# yielding (time.sleep(0)) and then writing puts a switch exactly between
# the two, and loses most updates. With the lock both reach the exact
# total, every run.

import threading
import time

THREADS = 4
counter = 0
lock = threading.Lock()


def add_in_place(times):
    global counter
    for _ in range(times):
        counter += 1


def add_across_a_yield(times):
    global counter
    for _ in range(times):
        value = counter
        time.sleep(0)
        counter = value + 1


def locked(add):
    def add_under_lock(times):
        global counter
        for _ in range(times):
            with lock:
                add(1)

    return add_under_lock


def run(add, times):
    global counter
    counter = 0
    threads = [threading.Thread(target=add, args=(times,)) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return THREADS * times, counter


def main():
    stories = [
        ("without a lock, counter += 1", add_in_place, 200_000),
        ("without a lock, read, sleep(0), write", add_across_a_yield, 1_000),
        ("with a lock, counter += 1", locked(add_in_place), 200_000),
        ("with a lock, read, sleep(0), write", locked(add_across_a_yield), 1_000),
    ]
    for title, add, times in stories:
        expected, got = run(add, times)
        if got == expected:
            verdict = "no update lost"
        else:
            verdict = f"{expected - got} updates lost"
        print(f"{title}: expected {expected}, got {got}, {verdict}")


if __name__ == "__main__":
    main()
