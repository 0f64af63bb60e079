// Claim: Shield gives up a wait without cancelling what it waits for, as
// asyncio.shield does, in virtual time.
//
//	go test -run 'TestShield' -v ./eventloop/
//
// You will see a task cancelled at 1s while it waits through Shield get
// ErrCancelled, and the shielded 2 s job still finish at 2s with its
// result for anyone who awaits it.

package eventloop_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

func TestShieldCancelsTheWaitNotTheTask(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		start := time.Now()
		job := eventloop.CreateTask(co, "job", sleepThenSay(2*time.Second))
		waiter := eventloop.CreateTask(co, "waiter", func(co *eventloop.Coro) (string, error) {
			return eventloop.Shield(co, job)
		})
		require.NoError(t, co.Sleep(time.Second))
		require.NoError(t, waiter.Cancel())
		_, err := eventloop.Await(co, waiter)
		t.Logf("at %v: the shielded wait ended with %v", time.Since(start), err)
		assert.ErrorIs(t, err, eventloop.ErrCancelled)
		assert.Equal(t, time.Second, time.Since(start))
		assert.False(t, job.Done(), "the job runs on")

		got, err := eventloop.Await(co, job)
		t.Logf("at %v: the job ended with %q, %v", time.Since(start), got, err)
		assert.NoError(t, err)
		assert.Equal(t, "on time", got)
		assert.Equal(t, 2*time.Second, time.Since(start))
		return 0, nil
	})
}

func TestShieldPassesOnEveryOutcome(t *testing.T) {
	inBubble(t, func(co *eventloop.Coro) (int, error) {
		boom := errors.New("boom")
		got, err := eventloop.Shield(co, eventloop.CreateTask(co, "fine", sleepThenSay(time.Second)))
		assert.NoError(t, err)
		assert.Equal(t, "on time", got)

		_, err = eventloop.Shield(co, eventloop.CreateTask(co, "failing", func(co *eventloop.Coro) (string, error) {
			return "", boom
		}))
		assert.ErrorIs(t, err, boom, "a failure comes through")

		direct := eventloop.CreateTask(co, "cancelled directly", sleepThenSay(time.Hour))
		require.NoError(t, co.Loop().CallSoon(func() { _ = direct.Cancel() }))
		_, err = eventloop.Shield(co, direct)
		assert.ErrorIs(t, err, eventloop.ErrCancelled, "cancelling the shielded task itself still cancels it")

		never := eventloop.CreateTask(co, "cancelled before it starts", sleepThenSay(time.Hour))
		require.NoError(t, never.Cancel())
		_, err = eventloop.Shield(co, never)
		assert.ErrorIs(t, err, eventloop.ErrCancelled, "a task cancelled before its first step")

		done := eventloop.NewFuture[string](co.Loop())
		require.NoError(t, done.SetResult("already"))
		got, err = eventloop.Shield(co, done)
		assert.NoError(t, err)
		assert.Equal(t, "already", got, "a done future returns at once")
		return 0, nil
	})
}

// A wait given up leaves the outcome to others; if nobody reads an error,
// the loop says so when it closes, as for any task.
func TestShieldedErrorNobodyReadsIsReported(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var log bytes.Buffer
		l := eventloop.New(eventloop.Log(&log))
		_, err := eventloop.Run(l, func(co *eventloop.Coro) (int, error) {
			job := eventloop.CreateTask(co, "job", func(co *eventloop.Coro) (string, error) {
				if err := co.Sleep(2 * time.Second); err != nil {
					return "", err
				}
				return "", errors.New("failed after the wait was given up")
			})
			waiter := eventloop.CreateTask(co, "waiter", func(co *eventloop.Coro) (string, error) {
				return eventloop.Shield(co, job)
			})
			require.NoError(t, co.Sleep(time.Second))
			require.NoError(t, waiter.Cancel())
			_, err := eventloop.Await(co, waiter)
			assert.ErrorIs(t, err, eventloop.ErrCancelled)
			return 0, co.Sleep(3 * time.Second)
		})
		require.NoError(t, err)
		t.Logf("the loop wrote: %s", log.String())
		assert.Contains(t, strings.Join(l.Warnings(), "\n"), `task "job": error was never retrieved: failed after the wait was given up`)
	})
}

func TestShieldMisuseHasNamedErrors(t *testing.T) {
	foreign := eventloop.NewFuture[int](eventloop.New())
	_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
		var nilTask *eventloop.Task[int]
		var nilFuture *eventloop.Future[int]
		for _, tc := range []struct {
			name string
			a    eventloop.Awaitable[int]
			want error
		}{
			{"nil awaitable", nil, eventloop.ErrNilFuture},
			{"nil task", nilTask, eventloop.ErrNilFuture},
			{"nil future", nilFuture, eventloop.ErrNilFuture},
			{"another loop's future", foreign, eventloop.ErrOtherLoop},
			{"a future on no loop", eventloop.NewFuture[int](nil), eventloop.ErrOtherLoop},
		} {
			_, err := eventloop.Shield(co, tc.a)
			t.Logf("Shield, %s: %v", tc.name, err)
			assert.ErrorIs(t, err, tc.want, tc.name)
		}
		bornFailed := eventloop.CreateTask(nil, "born failed", func(*eventloop.Coro) (int, error) { return 0, nil })
		_, err := eventloop.Shield(co, bornFailed)
		assert.ErrorIs(t, err, eventloop.ErrOutsideLoop, "a task born failed gives its reason")
		return 0, nil
	})
	require.NoError(t, err)
	_, err = eventloop.Shield(nil, eventloop.Awaitable[int](foreign))
	assert.ErrorIs(t, err, eventloop.ErrOutsideLoop)
}
