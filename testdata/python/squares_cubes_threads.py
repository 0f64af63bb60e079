# Claim T1: two threads run two functions at once, and join waits for
# both. The functions are the material's print_square and print_cube.
#
#     python3 testdata/python/squares_cubes_threads.py
#
# You will see "Square: 4" to "Square: 16", then "Cube: 8" to "Cube: 64",
# then "Done!". Each thread writes into a list of its own and the main
# thread prints both lists once the threads are joined: printed straight
# from the threads, the two sets of lines could interleave differently on
# every run.

import threading


def print_square(numbers, out):
    for n in numbers:
        out.append(f"Square: {n * n}")


def print_cube(numbers, out):
    for n in numbers:
        out.append(f"Cube: {n * n * n}")


def main():
    numbers = [2, 3, 4]
    squares, cubes = [], []
    t1 = threading.Thread(target=print_square, args=(numbers, squares))
    t2 = threading.Thread(target=print_cube, args=(numbers, cubes))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    print("\n".join(squares + cubes))
    print("Done!")


if __name__ == "__main__":
    main()
