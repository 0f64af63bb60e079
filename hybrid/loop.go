// Claims H1, H2 and A9: an event loop coordinates and something else does
// the blocking. Every item is a task on one loop, on one thread, and the
// architectures differ in where a task's fetch and its computing run:
//
//   - eventLoop: on the loop. The fetch blocks the loop's thread and the
//     computing holds it, so the tasks run one after another, as slowly as
//     serial: the stall the material warns about.
//   - eventLoopToThread (H2): fetches on goroutines, so they overlap; the
//     computing stays on the loop. They go through RunInExecutor and
//     InGoroutines rather than ToThread, whose function takes no context,
//     so that a cancelled job stops them.
//   - eventLoopExecutor (A9): the computing goes to goroutines too, so the
//     loop only coordinates: Go's answer to "CPU work belongs off the loop".
//   - eventLoopProcessPool (H1, A9): the computing goes to worker
//     processes through the pool's own executor, compute.On(pool), as the
//     material recommends; the same computation as the goroutines' one.
//
//	go test -run 'TestEveryArchitecture.*/eventLoop|TestRunInExecutorOnAProcessPool' -v ./hybrid/
//
// You will see the four loop architectures reach the serial answer, and a
// loop task's call on the process pool answered by a worker's pid, not the
// test's own.

package hybrid

import (
	"context"
	"errors"

	"github.com/concurrency-atlas/atlas/eventloop"
	"github.com/concurrency-atlas/atlas/internal/workload"
)

// fetchOn says how a loop task fetches an item; computeOn how it computes
// one. Only a fetch that blocks the loop needs the job's ctx: a call off
// the loop gets a context from RunInExecutor, which onLoop cancels when
// the job's ends.
type (
	fetchOn   func(co *eventloop.Coro, ctx context.Context, env kit, id int) (string, error)
	computeOn func(co *eventloop.Coro, env kit, a computeArg) (int, error)
)

func fetchOnLoop(_ *eventloop.Coro, ctx context.Context, env kit, id int) (string, error) {
	return env.fetch(ctx, id)
}

func fetchInThread(co *eventloop.Coro, _ context.Context, env kit, id int) (string, error) {
	return eventloop.RunInExecutor(co, eventloop.InGoroutines(env.fetch), id)
}

func computeOnLoop(_ *eventloop.Coro, _ kit, a computeArg) (int, error) {
	return computeItem(a)
}

// inGoroutines computes items on goroutines, the loop's threads.
var inGoroutines = eventloop.InGoroutines(func(_ context.Context, a computeArg) (int, error) {
	return computeItem(a)
})

func computeInGoroutine(co *eventloop.Coro, _ kit, a computeArg) (int, error) {
	return eventloop.RunInExecutor(co, inGoroutines, a)
}

func computeInProcess(co *eventloop.Coro, env kit, a computeArg) (int, error) {
	return eventloop.RunInExecutor(co, compute.On(env.Pool), a)
}

// onLoop runs the job as a task of one event loop, and every item as a
// task the job gathers. When the job's ctx ends, a callback posted to the
// loop cancels the job; Gather passes that on to every item, and an item
// cancelled while it awaits a call off the loop cancels the call's
// context. The job then says ctx's error rather than ErrCancelled.
func onLoop(fetch fetchOn, comp computeOn) func(context.Context, kit, workload.Mix) (workload.Total, error) {
	return func(ctx context.Context, env kit, m workload.Mix) (workload.Total, error) {
		l := eventloop.New(eventloop.Log(nil))
		values, err := eventloop.Run(l, func(co *eventloop.Coro) ([]int, error) {
			job := eventloop.CreateTask(co, "job", func(co *eventloop.Coro) ([]int, error) {
				items := make([]eventloop.Awaitable[int], m.Items)
				for id := range m.Items {
					items[id] = eventloop.CreateTask(co, "item", func(co *eventloop.Coro) (int, error) {
						body, err := fetch(co, ctx, env, id)
						if err != nil {
							return 0, err
						}
						return comp(co, env, computeArg{ID: id, Body: body, FibBase: m.FibBase, Crash: env.crashes(id)})
					})
				}
				return eventloop.Gather(co, items...)
			})
			stop := context.AfterFunc(ctx, func() {
				// Neither error matters here: ErrLoopClosed says the loop
				// has finished, ErrAlreadyDone that the job has.
				_ = l.CallSoonThreadsafe(func() { _ = job.Cancel() })
			})
			defer stop()
			return eventloop.Await(co, job)
		})
		if errors.Is(err, eventloop.ErrCancelled) && ctx.Err() != nil {
			err = ctx.Err()
		}
		if err != nil {
			return workload.Total{}, err
		}
		return sum(values), nil
	}
}
