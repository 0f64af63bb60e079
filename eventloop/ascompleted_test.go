// Claim: AsCompleted hands over tasks as asyncio.as_completed does, in
// virtual time: each in the order it finished, including those that
// finish while the loop body awaits, with nothing cancelled when the loop
// is left early or the waiting task is cancelled.
//
//	go test -run 'TestAsCompleted' -v ./eventloop/
//
// You will see three tasks of 3, 1 and 2 s taken as 1, 2, 0 at 1s, 2s
// and 3s.

package eventloop_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

func TestAsCompletedYieldsInFinishingOrder(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		start := time.Now()
		tasks := sleepers(co, 3*time.Second, time.Second, 2*time.Second)
		var order []int
		for i, err := range eventloop.AsCompleted(co, tasks...) {
			require.NoError(t, err)
			got, err := eventloop.Await(co, tasks[i])
			require.NoError(t, err)
			t.Logf("at %v: task %d", time.Since(start), got)
			assert.Equal(t, time.Duration(len(order)+1)*time.Second, time.Since(start))
			order = append(order, got)
		}
		assert.Equal(t, []int{1, 2, 0}, order)
		return 0, nil
	})
}

func TestAsCompletedKeepsWhatFinishesWhileTheBodyAwaits(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		tasks := sleepers(co, 3*time.Second, time.Second, 2*time.Second)
		var order []int
		for i, err := range eventloop.AsCompleted(co, tasks...) {
			require.NoError(t, err)
			order = append(order, i)
			if len(order) == 1 {
				require.NoError(t, co.Sleep(5*time.Second)) // the others finish meanwhile
			}
		}
		assert.Equal(t, []int{1, 2, 0}, order)
		return 0, nil
	})
}

func TestAsCompletedStoppedEarlyCancelsNothing(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		tasks := sleepers(co, 2*time.Second, time.Second)
		for i, err := range eventloop.AsCompleted(co, tasks...) {
			require.NoError(t, err)
			assert.Equal(t, 1, i)
			break
		}
		got, err := eventloop.Await(co, tasks[0])
		assert.NoError(t, err, "the task left behind ran to its end")
		assert.Equal(t, 0, got)
		return 0, nil
	})
}

func TestAsCompletedEndsWithTheWaitersCancellation(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		child := sleepers(co, 2*time.Second)[0]
		var seen []error
		waiter := eventloop.CreateTask(co, "waiter", func(co *eventloop.Coro) (int, error) {
			for i, err := range eventloop.AsCompleted(co, child) {
				assert.Equal(t, -1, i)
				seen = append(seen, err)
			}
			return 0, nil
		})
		require.NoError(t, co.Sleep(time.Second))
		require.NoError(t, waiter.Cancel())
		_, err := eventloop.Await(co, waiter)
		require.NoError(t, err)
		require.Len(t, seen, 1)
		assert.ErrorIs(t, seen[0], eventloop.ErrCancelled)
		_, err = eventloop.Await(co, child)
		assert.NoError(t, err)
		return 0, nil
	})
}
