// The CPython pass: the interpreter that -python names, what the run's
// header says about it (or why CPython is not measured), and a run of
// testdata/python/measure.py before the Go benchmarks, whose progress is
// shown as the Go part's is.

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/concurrency-atlas/atlas/bench/report"
	"github.com/concurrency-atlas/atlas/internal/cpython"
)

// pythonPass is the CPython side of a run: the interpreter, or a note
// saying why there is none.
type pythonPass struct {
	in   *cpython.Interpreter
	note string // "no python3 on PATH", when in is nil
}

// findPython resolves -python before anything runs. No interpreter is a
// note, never an error, and so is a python3 on PATH that cannot run
// measure.py; a program the reader named that cannot is a usage error.
func findPython(ctx context.Context, o options) (pythonPass, error) {
	if o.python == pythonOff {
		return pythonPass{note: "-python=" + pythonOff}, nil
	}
	in, err := cpython.Find(ctx, o.python)
	if errors.Is(err, cpython.ErrNoInterpreter) {
		if strings.ContainsRune(o.python, filepath.Separator) {
			return pythonPass{note: "no interpreter at " + o.python}, nil
		}
		return pythonPass{note: "no " + o.python + " on PATH"}, nil
	}
	if err == nil {
		err = in.CanMeasure()
	}
	switch {
	case err == nil:
		return pythonPass{in: &in}, nil
	case ctx.Err() != nil:
		return pythonPass{}, ctx.Err()
	case o.pythonNamed:
		return pythonPass{}, usageError{fmt.Errorf("-python %s: %w", o.python, err)}
	}
	return pythonPass{note: strings.TrimPrefix(err.Error(), "cpython: ")}, nil
}

// header is the run's atlas-python line: the interpreter and its build,
// or that CPython was not measured, and why.
func (p pythonPass) header() string {
	if p.in == nil {
		return report.NotMeasured + p.note
	}
	return p.in.String() + "; " + p.in.Build
}

// measure runs measure.py into out, as -quick, -count and -bench say.
func (p pythonPass) measure(ctx context.Context, root string, o options, out string, stderr io.Writer) error {
	opts := cpython.MeasureOptions{Script: filepath.Join(root, cpython.MeasureScript), Quick: o.quick, Count: o.count}
	if o.bench != "." {
		opts.Bench = o.bench
	}
	prog := &pythonProgress{w: stderr, start: time.Now()}
	fmt.Fprintf(stderr, "[python] CPython %s: %s\n", p.in, p.in.Executable)
	err := p.in.Measure(ctx, opts, out, prog)
	prog.flush()
	return err
}

// pythonProgress rewrites measure.py's progress lines ("python: [2/6]
// IOBound, repetition 3 of 10 (41 s so far)") in the Go part's words, with
// an estimate of the time left from the repetitions done; any other line
// it passes on as it is.
type pythonProgress struct {
	w       io.Writer
	start   time.Time
	partial []byte
}

var pythonStep = regexp.MustCompile(`^python: \[(\d+)/(\d+)\] (.+), repetition (\d+) of (\d+) \(`)

func (p *pythonProgress) Write(b []byte) (int, error) {
	p.partial = append(p.partial, b...)
	for {
		i := bytes.IndexByte(p.partial, '\n')
		if i < 0 {
			return len(b), nil
		}
		p.line(string(p.partial[:i]))
		p.partial = p.partial[i+1:]
	}
}

// flush passes on what is left of an unfinished last line.
func (p *pythonProgress) flush() {
	if len(p.partial) > 0 {
		p.line(string(p.partial))
		p.partial = nil
	}
}

func (p *pythonProgress) line(s string) {
	m := pythonStep.FindStringSubmatch(s)
	if m == nil {
		if strings.HasPrefix(s, "python: done") {
			fmt.Fprintf(p.w, "[python] CPython done in %s\n", time.Since(p.start).Round(time.Second))
			return
		}
		fmt.Fprintln(p.w, s)
		return
	}
	n := make([]int, 6)
	for i := 1; i <= 5; i++ {
		if i != 3 {
			n[i], _ = strconv.Atoi(m[i])
		}
	}
	step, steps, rep, reps := n[1], n[2], n[4], n[5]
	left := "estimating"
	if done := (step-1)*reps + rep - 1; done > 0 && steps*reps > done {
		per := time.Since(p.start) / time.Duration(done)
		left = "about " + (per * time.Duration(steps*reps-done)).Round(time.Second).String() + " left"
	}
	fmt.Fprintf(p.w, "[python %d/%d] %s: repetition %d/%d (%s)\n", step, steps, m[3], rep, reps, left)
}
