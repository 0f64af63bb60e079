package threading_test

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/threading"
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
	scene.Register("tight-loop", spinScene(threading.SpinUntil))
	scene.Register("yielding-loop", spinScene(threading.SpinYielding))
}

const spunAndStopped = "spinning\nmain ran while the loop spun\nloop stopped\n"

// tightLoop is testdata/programs/tightloop, the same scene as a program.
// scene.Program builds it without the race detector, so its loop stays
// call-free even when this test binary is built with -race.
const tightLoop = "testdata/programs/tightloop"

func TestTightLoopIsPreempted(t *testing.T) {
	res := scene.Program(t, tightLoop, scene.Env("GOMAXPROCS=1"))
	logChild(t, res)
	assert.False(t, res.TimedOut, res)
	assert.Equal(t, 0, res.ExitCode, res)
	assert.Equal(t, spunAndStopped, res.Stdout)
}

func TestTightLoopStarvesWithoutAsyncPreemption(t *testing.T) {
	// The child can never finish, so the deadline only bounds how long the
	// test waits to see that it did not.
	res := scene.Program(t, tightLoop,
		scene.Env("GOMAXPROCS=1", "GODEBUG=asyncpreemptoff=1"), scene.Timeout(2*time.Second))
	assertStarved(t, res)
}

// The same loop inside this test binary. Without -race it starves main
// just as the program does. With -race, stop.Load is a call into the race
// runtime, and every call checks whether the goroutine has been asked to
// give up the CPU: a cooperative preemption point, so the loop is no
// longer tight and main runs.
func TestRaceBuildGivesTheTightLoopAPreemptionPoint(t *testing.T) {
	env := scene.Env("GOMAXPROCS=1", "GODEBUG=asyncpreemptoff=1")
	if threading.RaceEnabled {
		res := scene.Run(t, "tight-loop", env)
		logChild(t, res)
		assert.False(t, res.TimedOut, res)
		assert.Equal(t, 0, res.ExitCode, res)
		assert.Equal(t, spunAndStopped, res.Stdout, "under -race the loop yields at its call")
		return
	}
	assertStarved(t, scene.Run(t, "tight-loop", env, scene.Timeout(2*time.Second)))
}

func assertStarved(t *testing.T, res scene.Result) {
	t.Helper()
	logChild(t, res)
	assert.True(t, res.TimedOut, "the loop should have starved main: %s", res)
	assert.Equal(t, "killed", res.Signal, res)
	assert.Equal(t, "spinning\n", res.Stdout, "main never got the CPU back")
}

func TestGoschedYieldsWithoutAsyncPreemption(t *testing.T) {
	res := scene.Run(t, "yielding-loop", scene.Env("GOMAXPROCS=1", "GODEBUG=asyncpreemptoff=1"))
	logChild(t, res)
	assert.False(t, res.TimedOut, res)
	assert.Equal(t, 0, res.ExitCode, res)
	assert.Equal(t, spunAndStopped, res.Stdout)
}

// The program keeps its own copy of the loop; this keeps the copy honest.
func TestTightLoopProgramMirrorsSpinUntil(t *testing.T) {
	want := funcSource(t, "preemption.go", "SpinUntil")
	got := funcSource(t, filepath.Join(scene.ModuleRoot(t), tightLoop, "main.go"), "spinUntil")
	assert.Equal(t, want, got)
}

// funcSource prints the signature and body of the function name in file.
func funcSource(t *testing.T, file, name string) string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	require.NoError(t, err)
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == name {
			var b strings.Builder
			require.NoError(t, format.Node(&b, fset, fn.Type))
			require.NoError(t, format.Node(&b, fset, fn.Body))
			return b.String()
		}
	}
	t.Fatalf("no func %s in %s", name, file)
	return ""
}
