package threading

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

// spinScene starts spin on a goroutine and then needs the CPU back. Run at
// GOMAXPROCS=1, the main goroutine can only print once the spinner has
// been taken off the one P, and only main can stop the spinner.
func spinScene(spin func(*atomic.Bool) uint64) func() {
	return func() {
		var stop atomic.Bool
		spinning := make(chan struct{})
		done := make(chan uint64)
		go func() {
			fmt.Println("spinning")
			close(spinning)
			done <- spin(&stop)
		}()
		<-spinning
		fmt.Println("main ran while the loop spun")
		stop.Store(true)
		<-done
		fmt.Println("loop stopped")
	}
}

func init() {
	scene.Register("tight-loop", spinScene(SpinUntil))
	scene.Register("yielding-loop", spinScene(SpinYielding))
}

const spunAndStopped = "spinning\nmain ran while the loop spun\nloop stopped\n"

func TestTightLoopIsPreempted(t *testing.T) {
	res := scene.Run(t, "tight-loop", scene.Env("GOMAXPROCS=1"))
	assert.False(t, res.TimedOut, res)
	assert.Equal(t, 0, res.ExitCode, res)
	assert.Equal(t, spunAndStopped, res.Stdout)
}

func TestTightLoopStarvesWithoutAsyncPreemption(t *testing.T) {
	env := scene.Env("GOMAXPROCS=1", "GODEBUG=asyncpreemptoff=1")
	if raceEnabled {
		// -race turns stop.Load into a call, and the call's stack check
		// is a cooperative preemption point: the loop is no longer tight.
		res := scene.Run(t, "tight-loop", env)
		assert.False(t, res.TimedOut, res)
		assert.Equal(t, spunAndStopped, res.Stdout, "under -race the loop yields at its call")
		return
	}
	// The child can never finish, so the deadline only bounds how long the
	// test waits to see that it did not.
	res := scene.Run(t, "tight-loop", env, scene.Timeout(2*time.Second))
	assert.True(t, res.TimedOut, "the loop should have starved main: %s", res)
	assert.Equal(t, "killed", res.Signal, res)
	assert.Equal(t, "spinning\n", res.Stdout, "main never got the CPU back")
}

func TestGoschedYieldsWithoutAsyncPreemption(t *testing.T) {
	res := scene.Run(t, "yielding-loop", scene.Env("GOMAXPROCS=1", "GODEBUG=asyncpreemptoff=1"))
	assert.False(t, res.TimedOut, res)
	assert.Equal(t, 0, res.ExitCode, res)
	assert.Equal(t, spunAndStopped, res.Stdout)
}
