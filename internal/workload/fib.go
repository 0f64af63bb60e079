package workload

import "github.com/concurrency-atlas/atlas/internal/fib"

// Fib is fib.Fib, the material's CPU-bound task, beside the other jobs.
// Code that must stay light to start, a worker process's, imports
// internal/fib directly: this package links net/http.
func Fib(n int) int { return fib.Fib(n) }
