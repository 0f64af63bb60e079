package eventloop_test

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

// A task cancelled before its first step still finishes on the loop: its
// done-callbacks may read its result and touch the loop, as every other
// done-callback may.
func TestADoneCallbackOfATaskCancelledBeforeItStartedMayUseTheLoop(t *testing.T) {
	var got error
	_, err := eventloop.Run(eventloop.New(eventloop.Log(io.Discard)), func(co *eventloop.Coro) (int, error) {
		task := eventloop.CreateTask(co, "never", func(co *eventloop.Coro) (int, error) { return 1, nil })
		require.NoError(t, task.AddDoneCallback(func() { _, got = task.Result() }))
		require.NoError(t, task.Cancel())
		_, err := eventloop.Await(co, task)
		return 0, err
	})
	assert.ErrorIs(t, err, eventloop.ErrCancelled)
	assert.ErrorIs(t, got, eventloop.ErrCancelled, "the callback read the outcome, not ErrWrongGoroutine")
}
