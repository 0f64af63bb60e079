package multiprocessing

import "github.com/concurrency-atlas/atlas/internal/child"

// Hooks for the external tests.

// OnceEnv is the environment Start gives a process that runs fn.
func OnceEnv(fn string) []string { return child.Env(entryOnce, envFunc+"="+fn) }
