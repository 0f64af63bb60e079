// Running a program: its status, its arguments, and nothing left behind.

package cpython_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/child"
	"github.com/concurrency-atlas/atlas/internal/cpython"
)

// script writes a Python program into a temporary folder.
func script(t *testing.T, source string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "prog.py")
	require.NoError(t, os.WriteFile(path, []byte(source), 0o644))
	return path
}

func TestRunPassesArgumentsAndEnvironment(t *testing.T) {
	in := python(t)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "helper.py"), []byte("NAME = 'helper'\n"), 0o644))
	prog := filepath.Join(dir, "prog.py")
	require.NoError(t, os.WriteFile(prog, []byte(
		"import os, sys, helper\nprint(helper.NAME, sys.argv[1:], os.environ['ATLAS_TEST'])\n"), 0o644))
	var out bytes.Buffer
	err := in.Run(t.Context(), cpython.Program{Script: prog, Args: []string{"a", "b c"},
		Env: []string{"ATLAS_TEST=here"}, Stdout: &out})
	require.NoError(t, err)
	assert.Equal(t, "helper ['a', 'b c'] here\n", out.String())
	assert.NoDirExists(t, filepath.Join(dir, "__pycache__"), "run with -B: no bytecode cache beside the modules")
}

func TestRunReportsHowAProgramEnded(t *testing.T) {
	in := python(t)
	t.Run("exit status", func(t *testing.T) {
		var stderr bytes.Buffer
		err := in.Run(t.Context(), cpython.Program{Stderr: &stderr,
			Script: script(t, "import sys\nsys.stderr.write('going down\\n')\nsys.exit(3)\n")})
		var exit *cpython.ExitError
		require.ErrorAs(t, err, &exit)
		assert.Equal(t, 3, exit.Code)
		assert.Empty(t, exit.Signal)
		assert.Equal(t, "going down", exit.Stderr)
		assert.Equal(t, "going down\n", stderr.String(), "stderr reaches the caller's writer too")
	})
	t.Run("signal", func(t *testing.T) {
		err := in.Run(t.Context(), cpython.Program{
			Script: script(t, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n")})
		var exit *cpython.ExitError
		require.ErrorAs(t, err, &exit)
		assert.Equal(t, -1, exit.Code)
		assert.Equal(t, "killed", exit.Signal)
	})
	t.Run("no script", func(t *testing.T) {
		assert.ErrorIs(t, in.Run(t.Context(), cpython.Program{}), cpython.ErrNoScript)
		err := in.Run(t.Context(), cpython.Program{Script: filepath.Join(t.TempDir(), "none.py")})
		assert.ErrorIs(t, err, os.ErrNotExist)
	})
}

// startsASleeper is a program that starts `sleep 60`, prints its pid, and
// then, if told to, waits itself.
const startsASleeper = `import subprocess, sys, time
sleeper = subprocess.Popen(["sleep", "60"])
print(sleeper.pid, flush=True)
if sys.argv[1:] == ["wait"]:
    time.sleep(60)
`

func TestRunKillsAndReportsWhatTheProgramLeftBehind(t *testing.T) {
	in := python(t)
	var out bytes.Buffer
	err := in.Run(t.Context(), cpython.Program{Script: script(t, startsASleeper), Stdout: &out,
		Linger: 100 * time.Millisecond})
	require.ErrorIs(t, err, cpython.ErrLeftBehind)
	pid, convErr := strconv.Atoi(strings.TrimSpace(out.String()))
	require.NoError(t, convErr)
	assert.Contains(t, err.Error(), strconv.Itoa(pid))
	assert.False(t, child.Alive(pid), "the sleeper was killed")
}

// firstLine hands on the first line written to it.
type firstLine struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	sent bool
	line chan string
}

func (f *firstLine) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf.Write(p)
	if s := f.buf.String(); !f.sent && strings.Contains(s, "\n") {
		f.sent = true
		f.line <- strings.TrimSpace(s)
	}
	return len(p), nil
}

func TestCancellingRunKillsTheWholeGroup(t *testing.T) {
	in := python(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	out := &firstLine{line: make(chan string, 1)}
	done := make(chan error, 1)
	go func() {
		done <- in.Run(ctx, cpython.Program{Script: script(t, startsASleeper), Args: []string{"wait"}, Stdout: out})
	}()
	var pid int
	select {
	case line := <-out.line:
		var err error
		pid, err = strconv.Atoi(line)
		require.NoError(t, err)
	case err := <-done:
		t.Fatalf("the program ended before printing: %v", err)
	}
	require.True(t, child.Alive(pid))
	cancel()
	require.ErrorIs(t, <-done, context.Canceled)
	assert.False(t, child.Alive(pid), "the program's own child went with it")
}
