// Running the measuring program, testdata/python/measure.py, into a file.

package cpython

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// MeasureScript is the measuring program, from the module root.
const MeasureScript = "testdata/python/measure.py"

// ErrBadOptions means MeasureOptions or the output file cannot make a run.
var ErrBadOptions = errors.New("cpython: bad measure options")

// MeasureNeeds is the oldest Python that the measuring program runs on:
// it uses assignment expressions, which came with 3.8.
const MeasureNeeds = "3.8"

// ErrTooOld means an interpreter is older than MeasureNeeds.
var ErrTooOld = errors.New("cpython: interpreter too old for the measuring program")

// CanMeasure says, before anything runs, whether the interpreter can run
// the measuring program: nil, or ErrTooOld naming both versions (and
// ErrNoInterpreter for a zero Interpreter).
func (in Interpreter) CanMeasure() error {
	if _, err := in.program(); err != nil {
		return err
	}
	if !atLeast(in.Version, MeasureNeeds) {
		return fmt.Errorf("%w: %s is Python %q, and measure.py needs %s or newer", ErrTooOld, in.Path, in.Version, MeasureNeeds)
	}
	return nil
}

// atLeast says whether release version ("3.11.7", "3.13.0rc1") is
// need ("3.8") or later; a version it cannot read is not.
func atLeast(version, need string) bool {
	have, want := strings.Split(version, "."), strings.Split(need, ".")
	if len(have) < 2 {
		return false
	}
	for i := range 2 {
		h, err := strconv.Atoi(have[i])
		if err != nil {
			return false
		}
		w, _ := strconv.Atoi(want[i])
		if h != w {
			return h > w
		}
	}
	return true
}

// MeasureOptions says how to run the measuring program.
type MeasureOptions struct {
	// Script is measure.py: filepath.Join(root, MeasureScript) for the
	// module's own.
	Script string
	// Quick is one pass at small sizes, a smoke test that measures
	// nothing; it runs in seconds.
	Quick bool
	// Count is how many times each measurement is repeated, one result
	// line each: 0 means 10, or 1 when Quick.
	Count int
	// Bench is a regular expression (Python's re) selecting benchmarks by
	// name, such as "CPUBound|StartJoin"; "" selects all of them.
	Bench string
}

// args are the program's arguments for these options.
func (o MeasureOptions) args() []string {
	var args []string
	if o.Quick {
		args = append(args, "--quick")
	}
	if o.Count > 0 {
		args = append(args, "--count", strconv.Itoa(o.Count))
	}
	if o.Bench != "" {
		args = append(args, "--bench", o.Bench)
	}
	return args
}

// ResultsFile names the CPython results of a run beside the run's Go
// results: testdata/bench/x.txt becomes testdata/bench/x-python.txt.
func ResultsFile(goResults string) string {
	return strings.TrimSuffix(goResults, ".txt") + "-python.txt"
}

// Measure runs the measuring program and writes its results, in Go's
// benchmark format, to the file out; its progress lines are copied to
// progress as they come (nil discards them). out appears only once the
// program has succeeded: a failed or cancelled run leaves no file behind
// that looks complete, and an existing out is replaced only by a
// complete one. The errors are Run's, and ErrBadOptions.
func (in Interpreter) Measure(ctx context.Context, opts MeasureOptions, out string, progress io.Writer) error {
	if _, err := in.program(); err != nil {
		return err
	}
	switch {
	case opts.Count < 0:
		return fmt.Errorf("%w: Count must not be negative, not %d", ErrBadOptions, opts.Count)
	case opts.Script == "":
		return fmt.Errorf("%w (the module's measuring program is %s)", ErrNoScript, MeasureScript)
	case out == "":
		return fmt.Errorf("%w: no output file", ErrBadOptions)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.partial")
	if err != nil {
		return fmt.Errorf("cpython: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	runErr := in.Run(ctx, Program{Script: opts.Script, Args: opts.args(), Stdout: tmp, Stderr: progress})
	if err := tmp.Close(); err != nil && runErr == nil {
		runErr = fmt.Errorf("cpython: %w", err)
	}
	if runErr != nil {
		return runErr
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("cpython: %w", err)
	}
	return nil
}
