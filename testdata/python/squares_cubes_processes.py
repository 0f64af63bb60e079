# Claim M1: several processes can be started and joined. The same two
# functions as squares_cubes_threads.py, each in a process of its own.
#
#     python3 testdata/python/squares_cubes_processes.py
#
# You will see the same lines as the threads printed, then that both
# functions ran in processes other than this one and that both exited
# with status 0, then "Done!". A process cannot append to the parent's
# list, so each sends its lines back over a queue, and the parent prints
# them in a fixed order.

import multiprocessing
import os


def print_square(numbers, results):
    results.put(("square", os.getpid(), [f"Square: {n * n}" for n in numbers]))


def print_cube(numbers, results):
    results.put(("cube", os.getpid(), [f"Cube: {n * n * n}" for n in numbers]))


def main():
    numbers = [2, 3, 4]
    results = multiprocessing.Queue()
    p1 = multiprocessing.Process(target=print_square, args=(numbers, results))
    p2 = multiprocessing.Process(target=print_cube, args=(numbers, results))
    p1.start()
    p2.start()
    # Read before joining: a process that has put data on a queue does not
    # end until that data is taken.
    got = {}
    for _ in range(2):
        name, pid, lines = results.get()
        got[name] = (pid, lines)
    p1.join()
    p2.join()
    print("\n".join(got["square"][1] + got["cube"][1]))
    elsewhere = all(pid != os.getpid() for pid, _ in got.values())
    print(f"both ran in other processes: {elsewhere}")
    print(f"exit codes: {p1.exitcode} {p2.exitcode}")
    print("Done!")


if __name__ == "__main__":
    main()
