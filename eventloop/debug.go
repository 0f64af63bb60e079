// Claim A7: a task that never awaits stalls every task on its loop. The
// loop cannot interrupt a step, only notice afterwards how long it held
// the thread; in debug mode it names the task and the time, as asyncio's
// debug mode does.
//
//	go test -run 'TestBlockingCall|TestSlowStep' -v ./eventloop/
//
// You will see a ticker due every 100 ms first run at 1s, behind a task
// that blocked for 1 s, and the warning that names that task; with the
// call moved to ToThread the ticks come on time.

package eventloop

import (
	"fmt"
	"io"
	"time"
)

// Debug turns on asyncio's debug mode: every step that holds the loop for
// threshold or longer is reported with its task's name and duration, and
// each await checks that it runs on the loop's own thread. That check
// costs a system call per await, which is why it is not always on;
// without it an await still refuses any caller but the running task (see
// Coro.check), and the operations that take no *Coro always check the
// thread (see Loop.owns).
func Debug(threshold time.Duration) Option {
	return func(c *config) { c.slow = threshold }
}

// Log sends the loop's warnings (slow steps, errors never retrieved, tasks
// cancelled at close) to w as well as to Warnings. The default is stderr.
func Log(w io.Writer) Option { return func(c *config) { c.log = w } }

// timed runs one step and, in debug mode, reports it if it held the loop
// too long: the loop cannot interrupt a step, only notice it afterwards.
func (l *Loop) timed(co *Coro, step func()) {
	if l.cfg.slow <= 0 {
		step()
		return
	}
	start := time.Now()
	step()
	if d := time.Since(start); d >= l.cfg.slow {
		what := "a callback"
		if co != nil {
			what = fmt.Sprintf("task %q", co.Name())
		}
		l.warn(fmt.Sprintf("eventloop: %s held the loop for %v (threshold %v)", what, d, l.cfg.slow))
	}
}

func (l *Loop) warn(msg string) {
	l.mu.Lock()
	l.warnings = append(l.warnings, msg)
	l.mu.Unlock()
	if l.cfg.log != nil {
		fmt.Fprintln(l.cfg.log, msg)
	}
}

// Warnings lists what the loop has reported so far, in order; after Run
// it is the whole list. Any goroutine may read it.
func (l *Loop) Warnings() []string {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.warnings...)
}
