// Claim F6: one misbehaving thread brings down the whole process. In Go an
// unrecovered panic in any goroutine ends the program with exit status 2,
// and recover only works in the goroutine that panicked: main cannot
// catch a worker's panic for it.
//
//	go test -run Panic -v ./threading/
//
// You will see a child process print "main recovered: main's own", then
// end with exit status 2 and "panic: worker failed" when a worker
// goroutine panics, main's second deferred recover never running; and
// TestGoCatchingTurnsAPanicIntoAnError pass: GoCatching recovers inside
// the worker and hands the panic back as an error.

package threading

import "fmt"

// PanicError is a recovered panic, turned into an error.
type PanicError struct{ Value any }

func (e *PanicError) Error() string { return fmt.Sprintf("threading: goroutine panicked: %v", e.Value) }

// GoCatching runs f in a new goroutine and delivers its outcome on the
// returned channel: nil, or a *PanicError if f panicked. The deferred
// recover runs in f's own goroutine, the only place it can work.
func GoCatching(f func()) <-chan error {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- &PanicError{Value: r}
				return
			}
			done <- nil
		}()
		f()
	}()
	return done
}
