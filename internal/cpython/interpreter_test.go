// Finding an interpreter, describing it, and refusing what is not one.

package cpython_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/cpython"
)

func TestFindWithNoPython3OnPATHIsANote(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := cpython.Find(t.Context(), "")
	require.ErrorIs(t, err, cpython.ErrNoInterpreter)
	assert.Contains(t, err.Error(), "python3")
}

func TestFindAtAMissingPathIsANote(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "python3.99")
	_, err := cpython.Find(t.Context(), missing)
	require.ErrorIs(t, err, cpython.ErrNoInterpreter)
	assert.Contains(t, err.Error(), missing)
}

// fakePython writes an executable shell script standing in for an
// interpreter.
func fakePython(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "python3")
	require.NoError(t, os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755))
	return path
}

func TestFindRefusesWhatIsNotPython3(t *testing.T) {
	for name, body := range map[string]string{
		"prints no description": "echo hello",
		"fails":                 "echo 'no such thing' >&2; exit 1",
		"is Python 2":           `echo '{"major": 2, "version": "2.7.18"}'`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := cpython.Find(t.Context(), fakePython(t, body))
			require.ErrorIs(t, err, cpython.ErrNotPython3)
			assert.NotErrorIs(t, err, cpython.ErrNoInterpreter)
		})
	}
}

func TestFindDescribesTheInterpreter(t *testing.T) {
	in := python(t)
	t.Logf("found %s (%s): %s; %s", in.Path, in.Executable, in, in.Build)
	require.Regexp(t, `^3\.\d+\.\d+`, in.Version)
	assert.NotEmpty(t, in.Implementation)
	assert.NotEmpty(t, in.Build)
	assert.FileExists(t, in.Executable)

	// The interpreter says the same when asked another way.
	out, err := exec.CommandContext(t.Context(), in.Path, "--version").Output()
	require.NoError(t, err)
	assert.Equal(t, "Python "+in.Version, strings.TrimSpace(string(out)))
	out, err = exec.CommandContext(t.Context(), in.Path, "-c",
		`import sys; print(getattr(sys, "_is_gil_enabled", lambda: True)())`).Output()
	require.NoError(t, err)
	assert.Equal(t, strings.TrimSpace(string(out)) == "True", in.GIL)

	minor, err := strconv.Atoi(strings.Split(in.Version, ".")[1])
	require.NoError(t, err)
	if minor < 13 {
		assert.True(t, in.GIL, "before 3.13 the GIL is always on")
		assert.False(t, in.FreeThreaded)
	}
	assert.Regexp(t, regexp.MustCompile(`^3\.\d+\.\S+ \(\w+, GIL (on|off)\)$`), in.String())
}

func TestStringSaysWhetherTheGILIsOn(t *testing.T) {
	on := cpython.Interpreter{Version: "3.11.7", Implementation: "CPython", GIL: true}
	off := cpython.Interpreter{Version: "3.13.1", Implementation: "CPython", FreeThreaded: true}
	assert.Equal(t, "3.11.7 (CPython, GIL on)", on.String())
	assert.Equal(t, "3.13.1 (CPython, GIL off)", off.String())
}

func TestAZeroInterpreterRunsNothing(t *testing.T) {
	var zero cpython.Interpreter
	err := zero.Run(t.Context(), cpython.Program{Script: "x.py"})
	assert.ErrorIs(t, err, cpython.ErrNoInterpreter)
	err = zero.Measure(t.Context(), cpython.MeasureOptions{Script: "measure.py"}, filepath.Join(t.TempDir(), "out.txt"), nil)
	assert.ErrorIs(t, err, cpython.ErrNoInterpreter)
}

func TestCanMeasureRefusesAnInterpreterTooOldForMeasurePy(t *testing.T) {
	for version, ok := range map[string]bool{
		"3.7.16": false, "3.8.0": true, "3.11.7": true, "3.13.0rc1": true, "4.0.0": true,
		"2.7.18": false, "3": false, "": false, "three.eleven": false,
	} {
		err := cpython.Interpreter{Path: "/usr/bin/python3", Version: version}.CanMeasure()
		if ok {
			assert.NoError(t, err, version)
			continue
		}
		require.ErrorIs(t, err, cpython.ErrTooOld, version)
		assert.Contains(t, err.Error(), "needs "+cpython.MeasureNeeds+" or newer")
	}
	assert.ErrorIs(t, cpython.Interpreter{Version: "3.11.7"}.CanMeasure(), cpython.ErrNoInterpreter, "a zero Interpreter runs nothing")
}
