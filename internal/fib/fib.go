// Package fib holds the one CPU-bound function every chapter computes, in
// a package of its own that imports nothing: a worker process that links
// it pays for no package initialisation beyond its own.
package fib

// Fib is the deliberately slow, doubly recursive Fibonacci that the
// classic material uses as its CPU-bound task: it does no I/O, allocates
// nothing, and its cost grows by about 1.6x per step of n.
func Fib(n int) int {
	if n < 2 {
		return n
	}
	return Fib(n-1) + Fib(n-2)
}
