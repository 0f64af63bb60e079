// Claim: a wait can be given up without giving up what it waits for, as
// asyncio.shield allows. Await cancels what it awaits when its task is
// cancelled; Shield awaits a stand-in future instead, so the cancellation
// stops only the waiting, and the shielded task runs on to its end.
//
//	go test -run 'TestShield' -v ./eventloop/
//
// You will see a task cancelled at 1s while it waits through Shield get
// ErrCancelled, and the shielded 2 s job still finish at 2s with its
// result for anyone who awaits it.

package eventloop

import "errors"

// Shield awaits a as Await does, except that when the calling task is
// cancelled, Shield returns ErrCancelled and leaves a running: only the
// wait is cancelled, as with asyncio.shield. a is still cancelled if
// someone cancels it directly, and then Shield returns ErrCancelled too.
// Once a shielded wait has been given up, a's outcome is left for whoever
// awaits it next; an error that nobody retrieves is reported when the
// loop closes, as for any task. A nil a is ErrNilFuture, and an a of
// another loop ErrOtherLoop.
func Shield[T any](co *Coro, a Awaitable[T]) (T, error) {
	var zero T
	if err := onLoop(co); err != nil {
		return zero, err
	}
	m, err := memberOf(a)
	if err != nil {
		return zero, err
	}
	standIn := NewFuture[T](co.Loop())
	err = m.AddDoneCallback(func() {
		whereAllowed(co.Loop(), func() {
			if standIn.Done() {
				return // the shielded wait was given up: a's outcome is not ours
			}
			v, err := m.Result()
			switch {
			case err == nil:
				_ = standIn.SetResult(v)
			case m.Cancelled():
				_ = standIn.Cancel()
			default:
				_ = standIn.SetError(err)
			}
		})
	})
	if err != nil {
		if errors.Is(err, ErrNilLoop) && m.Done() { // born failed on no loop: its reason is its outcome
			return Await(co, a)
		}
		return zero, foreign(err)
	}
	return Await(co, standIn)
}
