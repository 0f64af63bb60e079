// Claim A2, under test: a paused coroutine resumes with its locals; a
// future's callbacks run on the loop in the order they were scheduled;
// and another goroutine wakes the sleeping loop through
// CallSoonThreadsafe.
//
//	go test -run 'TestCoroutinePausesAtAwait|TestFutureCallbacks|TestCallSoonThreadsafeWakes' -v ./eventloop/
//
// You will see the paused task's trace, the callbacks run as "soon 1",
// "soon 2", "done callback", and the value a goroutine set through the
// loop.

package eventloop

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCoroutinePausesAtAwait(t *testing.T) {
	var trace []string
	_, err := runQuiet(t, func(co *Coro) (string, error) {
		ready := NewFuture[string](co.Loop())
		task := CreateTask(co, "paused", func(co *Coro) (string, error) {
			local := "kept"
			trace = append(trace, "task: before await")
			v, err := Await(co, ready)
			trace = append(trace, "task: resumed with "+v+", local "+local)
			return v, err
		})
		// Let the task run up to its await.
		if err := co.Sleep(0); err != nil {
			return "", err
		}
		trace = append(trace, fmt.Sprintf("main: task paused, done=%v", task.Done()))
		require.NoError(t, ready.SetResult("value"))
		return Await(co, task)
	})
	require.NoError(t, err)
	for _, line := range trace {
		t.Log(line)
	}
	assert.Equal(t, []string{
		"task: before await",
		"main: task paused, done=false",
		"task: resumed with value, local kept",
	}, trace)
}

func TestFutureCallbacksRunInOrderOnTheLoop(t *testing.T) {
	var trace []string
	got, err := runQuiet(t, func(co *Coro) (int, error) {
		l := co.Loop()
		f := NewFuture[int](l)
		require.NoError(t, l.CallSoon(func() { trace = append(trace, "soon 1") }))
		require.NoError(t, l.CallSoon(func() { trace = append(trace, "soon 2"); _ = f.SetResult(42) }))
		f.AddDoneCallback(func() { trace = append(trace, "done callback") })
		_, err := f.Result()
		assert.ErrorIs(t, err, ErrNotDone)
		v, err := Await(co, f)
		assert.ErrorIs(t, f.SetResult(1), ErrAlreadyDone)
		return v, err
	})
	require.NoError(t, err)
	assert.Equal(t, 42, got)
	assert.Equal(t, []string{"soon 1", "soon 2", "done callback"}, trace)
	t.Logf("callbacks ran in this order: %q", trace)
}

func TestCallSoonThreadsafeWakesTheLoopFromAnotherGoroutine(t *testing.T) {
	got, err := runQuiet(t, func(co *Coro) (string, error) {
		l := co.Loop()
		f := NewFuture[string](l)
		done := make(chan struct{})
		go func() {
			defer close(done)
			// Another goroutine may not touch f, only ask the loop to.
			assert.NoError(t, l.CallSoonThreadsafe(func() { _ = f.SetResult("from a goroutine") }))
		}()
		v, err := Await(co, f)
		<-done
		return v, err
	})
	require.NoError(t, err)
	assert.Equal(t, "from a goroutine", got)
	t.Logf("main awaited %q", got)
}
