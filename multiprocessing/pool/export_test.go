package pool

import "github.com/concurrency-atlas/atlas/internal/child"

// Hooks for the external tests.

// WithoutParentDeathSignal leaves the parent-death signal off, so a test
// can show that a closed input pipe alone also ends an idle worker.
func WithoutParentDeathSignal() Option { return func(c *config) { c.deathSignal = false } }

// EnvWorker is the re-exec marker's variable.
const EnvWorker = child.Marker

// OnSend makes f run each time a call of name joins the in-flight list of
// worker pid, just before it is written, until restore is called.
func OnSend(f func(name string, pid int)) (restore func()) {
	testHookSent.Store(&f)
	return func() { testHookSent.Store(nil) }
}
