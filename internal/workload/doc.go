// Package workload holds the jobs every chapter runs, so that comparisons
// between models are like for like: a CPU-bound recursive Fibonacci, a
// calibrated busy loop, simulated I/O, and a loopback HTTP server with
// configurable latency and failures.
package workload
