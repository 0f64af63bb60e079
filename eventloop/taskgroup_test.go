// Claim: a TaskGroup's tasks end together, as asyncio.TaskGroup's do, in
// virtual time: Wait returns when the last has finished, the first
// failure cancels the rest, and a cancelled owner takes them all down.
//
//	go test -run 'TestTaskGroup' -v ./eventloop/
//
// You will see three tasks of 1, 2 and 3 s end together at 3s; a task
// failing at 1s cancel its 5 s siblings at 1s, with only its own error
// returned; and a cancelled owner take its group's tasks down with it.

package eventloop_test

import (
	"errors"
	"fmt"
	"io"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

func TestTaskGroupWaitsForEveryTask(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		start := time.Now()
		var g eventloop.TaskGroup
		results := make([]int, 3)
		for i := range 3 {
			require.NoError(t, g.Go(co, fmt.Sprint("sleep ", i+1), func(co *eventloop.Coro) error {
				if err := co.Sleep(time.Duration(i+1) * time.Second); err != nil {
					return err
				}
				results[i] = (i + 1) * 10
				return nil
			}))
		}
		err := g.Wait(co)
		t.Logf("at %v: Wait returned %v with %v", time.Since(start), err, results)
		assert.NoError(t, err)
		assert.Equal(t, []int{10, 20, 30}, results)
		assert.Equal(t, 3*time.Second, time.Since(start))
		return 0, nil
	})
}

func TestTaskGroupFirstFailureCancelsTheRest(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		start := time.Now()
		boom := errors.New("boom")
		var g eventloop.TaskGroup
		var siblings []error
		require.NoError(t, g.Go(co, "failing", func(co *eventloop.Coro) error {
			if err := co.Sleep(time.Second); err != nil {
				return err
			}
			return boom
		}))
		for i := range 2 {
			require.NoError(t, g.Go(co, fmt.Sprint("sibling ", i), func(co *eventloop.Coro) error {
				err := co.Sleep(5 * time.Second)
				siblings = append(siblings, err)
				return err
			}))
		}
		err := g.Wait(co)
		t.Logf("at %v: Wait returned %v; siblings saw %v", time.Since(start), err, siblings)
		assert.ErrorIs(t, err, boom)
		assert.ErrorContains(t, err, `task "failing": boom`)
		assert.NotErrorIs(t, err, eventloop.ErrCancelled, "the siblings' cancellation is not a failure")
		assert.Equal(t, time.Second, time.Since(start))
		require.Len(t, siblings, 2)
		for _, e := range siblings {
			assert.ErrorIs(t, e, eventloop.ErrCancelled)
		}
		assert.ErrorIs(t, g.Go(co, "late", func(*eventloop.Coro) error { return nil }), eventloop.ErrTaskGroupDone)
		return 0, nil
	})
}

// A task that fails while the group is cancelling it (a cleanup that goes
// wrong, say) is a failure too: Wait returns both, joined.
func TestTaskGroupJoinsEveryFailure(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		first, cleanup := errors.New("first"), errors.New("cleanup failed")
		var g eventloop.TaskGroup
		require.NoError(t, g.Go(co, "first", func(co *eventloop.Coro) error {
			if err := co.Sleep(time.Second); err != nil {
				return err
			}
			return first
		}))
		require.NoError(t, g.Go(co, "stubborn", func(co *eventloop.Coro) error {
			if err := co.Sleep(time.Hour); errors.Is(err, eventloop.ErrCancelled) {
				return cleanup
			}
			return nil
		}))
		err := g.Wait(co)
		t.Logf("Wait returned:\n%v", err)
		assert.ErrorIs(t, err, first)
		assert.ErrorIs(t, err, cleanup)
		return 0, nil
	})
}

// A sibling cancelled before it ever started still counts as finished:
// Wait does not wait for it forever. (Its done callback runs outside any
// step of the loop, where the group must defer its bookkeeping.)
func TestTaskGroupSiblingCancelledBeforeItStartedIsFinished(t *testing.T) {
	boom := errors.New("boom")
	_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
		var g eventloop.TaskGroup
		started := false
		require.NoError(t, g.Go(co, "fails at once", func(*eventloop.Coro) error { return boom }))
		require.NoError(t, g.Go(co, "never starts", func(*eventloop.Coro) error { started = true; return nil }))
		assert.ErrorIs(t, g.Wait(co), boom)
		assert.False(t, started, "cancelled before its first step")
		return 0, nil
	})
	require.NoError(t, err)
}

func TestTaskGroupPanicIsAFailure(t *testing.T) {
	_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
		var g eventloop.TaskGroup
		require.NoError(t, g.Go(co, "panicky", func(co *eventloop.Coro) error { panic("oops") }))
		err := g.Wait(co)
		var pe *eventloop.PanicError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "oops", pe.Value)
		return 0, nil
	})
	require.NoError(t, err)
}

func TestTaskGroupTasksMayStartSiblings(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		start := time.Now()
		var g eventloop.TaskGroup
		var ran []string
		require.NoError(t, g.Go(co, "parent", func(co *eventloop.Coro) error {
			if err := co.Sleep(time.Second); err != nil {
				return err
			}
			ran = append(ran, "parent")
			return g.Go(co, "child", func(co *eventloop.Coro) error {
				if err := co.Sleep(time.Second); err != nil {
					return err
				}
				ran = append(ran, "child")
				return nil
			})
		}))
		assert.NoError(t, g.Wait(co))
		assert.Equal(t, []string{"parent", "child"}, ran)
		assert.Equal(t, 2*time.Second, time.Since(start), "Wait waited for the task started meanwhile")
		return 0, nil
	})
}

func TestTaskGroupCancelledOwnerCancelsItsTasks(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		start := time.Now()
		var childErr error
		owner := eventloop.CreateTask(co, "owner", func(co *eventloop.Coro) (int, error) {
			var g eventloop.TaskGroup
			require.NoError(t, g.Go(co, "child", func(co *eventloop.Coro) error {
				childErr = co.Sleep(time.Hour)
				return childErr
			}))
			return 0, g.Wait(co)
		})
		require.NoError(t, co.Sleep(time.Second))
		require.NoError(t, owner.Cancel())
		_, err := eventloop.Await(co, owner)
		t.Logf("at %v: the owner ended with %v, its child with %v", time.Since(start), err, childErr)
		assert.ErrorIs(t, err, eventloop.ErrCancelled)
		assert.ErrorIs(t, childErr, eventloop.ErrCancelled)
		assert.Equal(t, time.Second, time.Since(start))
		return 0, nil
	})
}

// A loop that closes while a group waits does not hang: the owner's wait
// fails and the group's tasks are cancelled with everything else.
func TestTaskGroupOnAClosingLoopDoesNotHang(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := eventloop.New(eventloop.Log(io.Discard))
		var waitErr error
		_, err := eventloop.Run(l, func(co *eventloop.Coro) (int, error) {
			eventloop.CreateTask(co, "owner", func(co *eventloop.Coro) (int, error) {
				var g eventloop.TaskGroup
				require.NoError(t, g.Go(co, "child", func(co *eventloop.Coro) error { return co.Sleep(time.Hour) }))
				waitErr = g.Wait(co)
				return 0, waitErr
			})
			return 0, co.Sleep(time.Second)
		})
		require.NoError(t, err)
		t.Logf("the owner's Wait at close: %v", waitErr)
		assert.True(t, errors.Is(waitErr, eventloop.ErrCancelled) || errors.Is(waitErr, eventloop.ErrLoopClosing), waitErr)
	})
}

func TestTaskGroupMisuseHasNamedErrors(t *testing.T) {
	var g eventloop.TaskGroup
	noop := func(*eventloop.Coro) error { return nil }
	_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
		var nilGroup *eventloop.TaskGroup
		assert.ErrorIs(t, nilGroup.Go(co, "x", noop), eventloop.ErrNilTaskGroup)
		assert.ErrorIs(t, nilGroup.Wait(co), eventloop.ErrNilTaskGroup)
		assert.ErrorIs(t, g.Go(co, "nil", nil), eventloop.ErrNilFunc)
		require.NoError(t, g.Go(co, "fine", noop))
		assert.NoError(t, g.Wait(co))
		assert.ErrorIs(t, g.Wait(co), eventloop.ErrTaskGroupDone, "a second Wait")
		assert.ErrorIs(t, g.Go(co, "late", noop), eventloop.ErrTaskGroupDone, "Go after Wait")

		// A second task may not Wait while the first one does.
		var h eventloop.TaskGroup
		require.NoError(t, h.Go(co, "slow", func(co *eventloop.Coro) error { return co.Sleep(time.Millisecond) }))
		second := eventloop.CreateTask(co, "second waiter", func(co *eventloop.Coro) (int, error) {
			return 0, h.Wait(co)
		})
		assert.NoError(t, h.Wait(co))
		_, err := eventloop.Await(co, second)
		assert.ErrorIs(t, err, eventloop.ErrTaskGroupDone)

		result := make(chan error)
		go func() { result <- h.Go(co, "from another goroutine", noop) }()
		assert.ErrorIs(t, <-result, eventloop.ErrWrongGoroutine)
		return 0, nil
	})
	require.NoError(t, err)

	// g belongs to the first loop; a task of another may not use it.
	_, err = runLoop(t, func(co *eventloop.Coro) (int, error) {
		assert.ErrorIs(t, g.Go(co, "other loop", noop), eventloop.ErrOtherLoop)
		assert.ErrorIs(t, g.Wait(co), eventloop.ErrOtherLoop)
		return 0, nil
	})
	require.NoError(t, err)
	assert.ErrorIs(t, g.Go(nil, "no loop", noop), eventloop.ErrOutsideLoop)
}
