package threading_test

import (
	"context"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/threading"
)

func ExampleSquaresAndCubes() {
	squares, cubes := threading.SquaresAndCubes([]int{2, 3, 4})
	fmt.Println("squares:", squares)
	fmt.Println("cubes:  ", cubes)
	// Output:
	// squares: [4 9 16]
	// cubes:   [8 27 64]
}

func TestThreeSleepersFinishInOneSleep(t *testing.T) {
	waits := []time.Duration{2 * time.Second, 2 * time.Second, 2 * time.Second}
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		require.NoError(t, threading.SleepTogether(t.Context(), waits))
		t.Logf("three 2 s sleeps together: %v of virtual time", time.Since(start))
		assert.Equal(t, 2*time.Second, time.Since(start), "together: the longest wait")

		start = time.Now()
		require.NoError(t, threading.SleepInTurn(t.Context(), waits))
		t.Logf("the same sleeps in turn: %v", time.Since(start))
		assert.Equal(t, 6*time.Second, time.Since(start), "in turn: the sum")
	})
}

func TestSleepTogetherStopsOnCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		start := time.Now()
		err := threading.SleepTogether(ctx, []time.Duration{time.Hour, time.Hour})
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, time.Second, time.Since(start))
	})
}

func TestSleepRejectsNegativeWaits(t *testing.T) {
	bad := []time.Duration{time.Second, -time.Second}
	assert.EqualError(t, threading.SleepTogether(context.Background(), bad), "threading: wait 1 is negative (-1s)")
	assert.EqualError(t, threading.SleepInTurn(context.Background(), bad), "threading: wait 1 is negative (-1s)")
}
