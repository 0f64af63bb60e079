package threading_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/threading"
)

func init() {
	scene.Register("panic-in-goroutine", func() {
		// main recovers a panic of its own...
		func() {
			defer func() { fmt.Println("main recovered:", recover()) }()
			panic("main's own")
		}()
		// ...and has a recover deferred for the rest, which never runs:
		// the worker's panic does not unwind main's stack.
		defer func() { fmt.Println("main recovered:", recover()) }()
		never := make(chan struct{})
		go func() { panic("worker failed") }()
		<-never
	})
}

func TestPanicInAnyGoroutineEndsTheProcess(t *testing.T) {
	res := scene.Run(t, "panic-in-goroutine")
	logChild(t, res, "panic:")
	require.False(t, res.TimedOut, res)
	assert.Equal(t, 2, res.ExitCode, res)
	assert.Equal(t, "main recovered: main's own\n", res.Stdout)
	assert.Contains(t, res.Stderr, "panic: worker failed\n\ngoroutine ", res)
}

func TestGoCatchingTurnsAPanicIntoAnError(t *testing.T) {
	err := <-threading.GoCatching(func() { panic("worker failed") })
	var pe *threading.PanicError
	require.True(t, errors.As(err, &pe), err)
	assert.Equal(t, "worker failed", pe.Value)
	assert.EqualError(t, err, "threading: goroutine panicked: worker failed")

	assert.NoError(t, <-threading.GoCatching(func() {}), "no panic, no error")
}
