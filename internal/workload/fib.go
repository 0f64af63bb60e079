package workload

// Fib is the deliberately slow, doubly recursive Fibonacci that the
// classic material uses as its CPU-bound task: it does no I/O, allocates
// nothing, and its cost grows by about 1.6x per step of n.
func Fib(n int) int {
	if n < 2 {
		return n
	}
	return Fib(n-1) + Fib(n-2)
}
