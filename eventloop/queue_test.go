// Claim A6, with a queue, under test: a bounded queue makes a fast
// producer wait for a slow consumer without blocking the loop; a
// cancelled getter passes on the wake-up it will not use; a negative size
// is refused.
//
//	go test -run TestQueue -v ./eventloop/
//
// You will see the producer and the consumer take turns, second by
// second, and the second getter receive the item the cancelled first one
// was woken for.

package eventloop

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQueueBoundedProducerWaitsForConsumer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var trace []string
		_, err := runQuiet(t, func(co *Coro) (int, error) {
			q, err := NewQueue[int](co.Loop(), 1)
			require.NoError(t, err)
			producer := CreateTask(co, "producer", func(co *Coro) (int, error) {
				for i := range 3 {
					if err := q.Put(co, i); err != nil {
						return 0, err
					}
					trace = append(trace, fmt.Sprintf("put %d at %v", i, time.Since(start)))
				}
				return 3, nil
			})
			consumer := CreateTask(co, "consumer", func(co *Coro) (int, error) {
				sum := 0
				for range 3 {
					if err := co.Sleep(time.Second); err != nil {
						return 0, err
					}
					v, err := q.Get(co)
					if err != nil {
						return 0, err
					}
					trace = append(trace, fmt.Sprintf("got %d at %v", v, time.Since(start)))
					sum += v
				}
				return sum, nil
			})
			got, err := Gather(co, producer, consumer)
			assert.Equal(t, []int{3, 3}, got)
			return 0, err
		})
		require.NoError(t, err)
		for _, line := range trace {
			t.Log(line)
		}
		assert.Equal(t, []string{
			"put 0 at 0s", "got 0 at 1s", "put 1 at 1s", "got 1 at 2s", "put 2 at 2s", "got 2 at 3s",
		}, trace)
	})
}

func TestQueueCancelledGetterDoesNotSwallowAWakeUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, err := runQuiet(t, func(co *Coro) (int, error) {
			q, err := NewQueue[string](co.Loop(), 0)
			require.NoError(t, err)
			first := CreateTask(co, "first", func(co *Coro) (string, error) { return q.Get(co) })
			second := CreateTask(co, "second", func(co *Coro) (string, error) { return q.Get(co) })
			require.NoError(t, co.Sleep(0)) // both are now waiting
			require.NoError(t, q.Put(co, "item"))
			require.NoError(t, first.Cancel()) // woken and cancelled in one turn
			got, err := Await(co, second)
			assert.NoError(t, err)
			assert.Equal(t, "item", got)
			t.Logf("the second getter got %q", got)
			_, err = Await(co, first)
			assert.ErrorIs(t, err, ErrCancelled)
			return 0, nil
		})
		require.NoError(t, err)
	})
}

func TestQueueRejectsANegativeSize(t *testing.T) {
	_, err := NewQueue[int](New(), -1)
	assert.EqualError(t, err, "eventloop: queue size must be zero (unbounded) or more")
}
