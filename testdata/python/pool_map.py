# Claim M5: a pool's map spreads a function over its inputs, each worker
# process taking some, and returns the results in input order.
#
#     python3 testdata/python/pool_map.py
#
# You will see [317811, 832040, 2178309]: fib of 28, 30 and 32, in the
# order asked, though fib(28) is done long before fib(32).

import os
from multiprocessing import Pool


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main():
    numbers = [28, 30, 32]
    workers = min(len(numbers), os.cpu_count() or 1)
    with Pool(workers) as pool:
        print(pool.map(fib, numbers))


if __name__ == "__main__":
    main()
