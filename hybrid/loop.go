package hybrid

// The event-loop architectures (H1, H2, A9). Every item is a task on one
// loop, on one thread, and what differs is where the blocking parts go:
//
//   - eventLoop: nowhere. The fetch blocks the loop's thread and the
//     computation holds it, so the tasks run one after another, as slowly
//     as serial: the stall the material warns about.
//   - eventLoopToThread (H2): fetches go to other goroutines through
//     ToThread, so they overlap; the computing still happens on the loop.
//   - eventLoopExecutor (A9): fetches through ToThread, and the computing
//     goes to other goroutines through RunInExecutor, so the loop only
//     coordinates: Go's answer to "CPU work belongs off the loop".
//   - eventLoopProcessPool (H1, A9): the same, with worker processes
//     doing the computing, as the material recommends.
//
//	go test -run 'TestEveryArchitecture.*/eventLoop' -v ./hybrid/

import (
	"context"

	"github.com/concurrency-atlas/atlas/eventloop"
	"github.com/concurrency-atlas/atlas/internal/workload"
)

// fetchOn says how a loop task fetches an item; computeOn how it computes.
type (
	fetchOn   func(co *eventloop.Coro, ctx context.Context, env kit, id int) (string, error)
	computeOn func(co *eventloop.Coro, ctx context.Context, env kit, m workload.Mix, id int, body string) (int, error)
)

func fetchOnLoop(_ *eventloop.Coro, ctx context.Context, env kit, id int) (string, error) {
	return workload.Fetch(ctx, env.Client, env.Server.ItemURL(id))
}

func fetchInThread(co *eventloop.Coro, ctx context.Context, env kit, id int) (string, error) {
	return eventloop.RunInExecutor(co, eventloop.GoroutineExecutor, func(inner context.Context) (string, error) {
		ctx, stop := both(ctx, inner)
		defer stop()
		return workload.Fetch(ctx, env.Client, env.Server.ItemURL(id))
	})
}

func computeOnLoop(_ *eventloop.Coro, _ context.Context, _ kit, m workload.Mix, id int, body string) (int, error) {
	return m.Compute(id, body)
}

func computeInGoroutine(co *eventloop.Coro, _ context.Context, _ kit, m workload.Mix, id int, body string) (int, error) {
	return eventloop.RunInExecutor(co, eventloop.GoroutineExecutor, func(context.Context) (int, error) {
		return m.Compute(id, body)
	})
}

func computeInProcess(co *eventloop.Coro, ctx context.Context, env kit, m workload.Mix, id int, body string) (int, error) {
	return eventloop.RunInExecutor(co, poolExecutor(env), func(inner context.Context) (int, error) {
		ctx, stop := both(ctx, inner)
		defer stop()
		return compute.Call(ctx, env.Pool, computeArg{ID: id, Body: body, FibBase: m.FibBase, Crash: env.crashes(id)})
	})
}

// poolExecutor is the seam the loop offers for run-in-executor: the call
// itself goes to the process pool inside fn, so the executor only has to
// run fn on a goroutine of its own while the loop keeps serving.
func poolExecutor(kit) eventloop.Executor { return eventloop.GoroutineExecutor }

// onLoop runs every item as a task of one event loop.
func onLoop(fetch fetchOn, comp computeOn) func(context.Context, kit, workload.Mix) (workload.Total, error) {
	return func(ctx context.Context, env kit, m workload.Mix) (workload.Total, error) {
		values, err := eventloop.Run(eventloop.New(eventloop.Log(nil)), func(co *eventloop.Coro) ([]int, error) {
			tasks := make([]eventloop.Awaitable[int], m.Items)
			for id := range m.Items {
				tasks[id] = eventloop.CreateTask(co, "item", func(co *eventloop.Coro) (int, error) {
					body, err := fetch(co, ctx, env, id)
					if err != nil {
						return 0, err
					}
					return comp(co, ctx, env, m, id, body)
				})
			}
			return eventloop.Gather(co, tasks...)
		})
		if err != nil {
			return workload.Total{}, err
		}
		return sum(values), nil
	}
}

// both is a context that ends when either parent does.
func both(a, b context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(a)
	stop := context.AfterFunc(b, cancel)
	return ctx, func() { stop(); cancel() }
}
