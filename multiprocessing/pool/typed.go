// Pools move bytes. Func puts types on top: arguments and results are
// encoded as JSON, which every Go type with exported fields supports and
// which a reader can see on the wire. JSON is not the cheapest encoding;
// BenchmarkTaskPayload shows what serialising costs as the payload grows.

package pool

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
)

// Func is a typed handle on a registered function.
type Func[A, R any] struct{ name string }

// Define registers fn under name with JSON-encoded argument and result and
// returns its handle. Like Register, call it at package level or in init;
// it refuses what Register refuses, a nil fn included, the same way.
func Define[A, R any](name string, fn func(A) (R, error)) Func[A, R] {
	var raw func([]byte) ([]byte, error)
	if fn != nil {
		raw = func(arg []byte) ([]byte, error) {
			var a A
			if err := json.Unmarshal(arg, &a); err != nil {
				return nil, badArgument{name: name, err: err}
			}
			r, err := fn(a)
			if err != nil {
				return nil, err
			}
			return json.Marshal(r)
		}
	}
	register("Define", name, raw)
	return Func[A, R]{name: name}
}

// badArgument is an argument the worker could not decode. The worker
// replies with its own message kind (kindBadArg) instead of a failure of
// the function, which never ran, so that the caller's error can match
// ErrDecode.
type badArgument struct {
	name string
	err  error
}

func (e badArgument) Error() string {
	return fmt.Sprintf("%v argument of %s: %v", ErrDecode, e.name, e.err)
}

// Remote is a typed handle on a function registered elsewhere, for example
// with Register by another package. Nothing checks that its types match
// until an argument or a result fails to decode.
func Remote[A, R any](name string) Func[A, R] { return Func[A, R]{name: name} }

// Name is the registered name.
func (f Func[A, R]) Name() string { return f.name }

// Call runs the function once on the pool and waits for its result. An
// argument that the worker cannot decode for a Define'd function, or a
// result that the caller cannot decode, fails with an error matching
// ErrDecode that names the function.
func (f Func[A, R]) Call(ctx context.Context, p *Pool, a A) (R, error) {
	var r R
	arg, err := json.Marshal(a)
	if err != nil {
		return r, err
	}
	res, err := p.Submit(ctx, f.name, arg).Wait()
	if err != nil {
		return r, err
	}
	return r, f.decode(res, &r)
}

// Map runs the function on every input, spread over the pool's workers,
// and returns the results in input order, as Pool.Map does.
func (f Func[A, R]) Map(ctx context.Context, p *Pool, inputs []A) ([]R, error) {
	args := make([][]byte, len(inputs))
	for i, a := range inputs {
		b, err := json.Marshal(a)
		if err != nil {
			return nil, fmt.Errorf("input %d: %w", i, err)
		}
		args[i] = b
	}
	raw, err := p.Map(ctx, f.name, args)
	var errs []error
	out := make([]R, len(inputs))
	for i, b := range raw {
		if b == nil {
			continue // this input failed; err says why
		}
		if derr := f.decode(b, &out[i]); derr != nil {
			errs = append(errs, fmt.Errorf("input %d: %w", i, derr))
		}
	}
	if errs == nil {
		return out, err
	}
	return out, errors.Join(append([]error{err}, errs...)...)
}

func (f Func[A, R]) decode(b []byte, r *R) error {
	if err := json.Unmarshal(b, r); err != nil {
		return fmt.Errorf("%w result of %s: %v", ErrDecode, f.name, err)
	}
	return nil
}

// PoolExecutor runs calls of one registered function on a pool's worker
// processes: the process-pool executor of asyncio's run_in_executor. Its
// Execute method is all an eventloop.Executor[A, R] asks for, so an event
// loop task can await it with eventloop.RunInExecutor; this package need
// not know about event loops, since a Go interface is met by methods.
type PoolExecutor[A, R any] struct {
	f    Func[A, R]
	pool *Pool
}

// On binds f to the pool p as an executor. Only the argument travels to
// the worker, as in every Call: the function is already registered there.
func (f Func[A, R]) On(p *Pool) PoolExecutor[A, R] { return PoolExecutor[A, R]{f: f, pool: p} }

// Execute calls the function once on the pool and waits for its result,
// as Func.Call does: ctx ending cancels the task, and a worker that dies
// running it is a *WorkerDiedError. An executor with no pool (a nil p
// given to On, or a zero PoolExecutor) returns ErrNilPool.
func (e PoolExecutor[A, R]) Execute(ctx context.Context, arg A) (R, error) {
	return e.f.Call(ctx, e.pool, arg)
}
