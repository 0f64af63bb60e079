// Claim: nothing outlives a loop. When main returns, Run does what
// asyncio.run does on its way out: it cancels the tasks still pending and
// lets them unwind, waits for calls off the loop, tells submitters whose
// tasks never started, and reports every error nobody retrieved.
//
//	go test -run 'TestPendingTasksAreCancelled|TestNeverRetrieved|TestSubmitWaitersAreTold' -v ./eventloop/
//
// You will see the warnings a closing loop writes: a task cancelled at
// close, an error never retrieved; and each submitter's Pending end with
// ErrCancelled or ErrLoopClosing.

package eventloop

import "fmt"

// shutdown is asyncio.run's ending: cancel what is left, let it unwind,
// wait for executor calls, close the inbox (telling submitters whose
// tasks never started), report errors nobody retrieved, and release the
// parked coroutines so no goroutine outlives the loop. The state becomes
// closed last, so that a goroutine that sees it closed sees all of this.
func (l *Loop) shutdown() {
	l.closing = true
	for co := l.live.head; co != nil; co = co.next {
		l.warn(fmt.Sprintf("eventloop: task %q was still pending when the loop closed; cancelled", co.Name()))
		co.cancel()
	}
	for l.live.head != nil {
		l.runOnce()
	}
	l.calls.Wait()
	l.mu.Lock()
	l.shut = true
	left := l.inbox
	l.inbox = nil
	l.mu.Unlock()
	for _, p := range left {
		if p.dropped != nil {
			p.dropped()
		}
	}
	for _, f := range l.failed {
		if !f.retrieved {
			what := "future"
			if f.owner != nil {
				what = fmt.Sprintf("task %q", f.name)
			}
			l.warn(fmt.Sprintf("eventloop: %s: error was never retrieved: %v", what, f.err))
		}
	}
	for _, w := range l.idle {
		w.stop()
	}
	l.idle = nil
	l.timers.release()
	l.ready.release()
	l.clock.Stop()
	l.state.Store(stateClosed)
}
