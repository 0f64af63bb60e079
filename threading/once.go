// Claim T4: sync.Once runs an initialisation exactly once, however many
// goroutines ask for it first, and every caller sees its result.
//
//	go test -race -run Lazy -v ./threading/
//
// You will see TestLazyLoadsOnce log "32 callers, 1 load" under -race:
// every caller got the loaded value, and the loader ran once.

package threading

import "sync"

// Lazy computes a value on first use.
type Lazy[T any] struct {
	once sync.Once
	load func() T
	v    T
}

// NewLazy wraps load, which will run at most once.
func NewLazy[T any](load func() T) *Lazy[T] { return &Lazy[T]{load: load} }

// Get returns the value, loading it if no one has yet. Once.Do returns
// only after load has finished, so no caller sees a half-made value.
func (l *Lazy[T]) Get() T {
	l.once.Do(func() { l.v = l.load() })
	return l.v
}
