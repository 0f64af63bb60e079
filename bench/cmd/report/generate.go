// Generating a report, from start to end: find the go command and the
// module, then either measure CPython (python.go) and run the benchmarks
// (runner.go) or take an existing raw file (-from), and write the files
// (write.go).

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/concurrency-atlas/atlas/bench/report"
	"github.com/concurrency-atlas/atlas/internal/cpython"
)

// toolchain is the go command and the module it works in.
type toolchain struct {
	goBin   string
	root    string // the module's folder
	version string // the Go version that builds the benchmarks
}

func findToolchain(ctx context.Context) (toolchain, error) {
	var tc toolchain
	var err error
	if tc.goBin, err = exec.LookPath("go"); err != nil {
		return tc, errors.New("the go command is not on PATH: install Go 1.25 or newer (https://go.dev/dl/) and try again")
	}
	// With no root yet, the go command runs in the current folder.
	gomod, err := tc.output(ctx, "env", "GOMOD")
	if err != nil || gomod == "" || gomod == os.DevNull {
		return tc, errors.New("run this from inside the Atlas module (no go.mod found)")
	}
	tc.root = filepath.Dir(gomod)
	tc.version, err = tc.output(ctx, "env", "GOVERSION")
	return tc, err
}

// output runs the go command in the module's folder and returns what it
// printed, trimmed; on failure the error holds its stderr.
func (tc toolchain) output(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, tc.goBin, args...)
	cmd.Dir = tc.root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(string(out)), nil
}

func generate(ctx context.Context, o options, stdout, stderr io.Writer) error {
	tc, err := findToolchain(ctx)
	if err != nil {
		return err
	}
	if o.from != "" {
		return rebuild(ctx, tc, o, stdout)
	}
	pkgs, err := findPackages(ctx, tc, o.pkgs)
	if err != nil {
		return err
	}
	py, err := findPython(ctx, o)
	if err != nil {
		return err
	}

	machine := report.DetectMachine(tc.version)
	machine.Workers, machine.Python = o.workers, py.header()
	w := writer{tc: tc, dir: o.out, stem: machine.FileStem(), readme: o.readme, quick: o.quick, stdout: stdout}
	switch {
	case w.dir == "" && o.quick:
		w.dir = filepath.Join(os.TempDir(), "atlas-report-quick")
		w.stem += "-quick"
	case w.dir == "":
		w.dir = filepath.Join(tc.root, "testdata", "bench")
	}
	if !o.quick {
		// A fresh run never replaces an earlier one, committed or not.
		w.stem = freeStem(w.dir, w.stem)
	}
	// Refused now, not after ten minutes of benchmarks.
	if err := w.checkReadme(); err != nil {
		return err
	}
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		return err
	}
	if w.work, err = os.MkdirTemp("", "atlas-report-"); err != nil {
		return err
	}
	defer os.RemoveAll(w.work)

	// CPython first: a failure there is found before the long Go part.
	var pyRaw []byte
	if py.in == nil {
		fmt.Fprintf(stderr, "CPython: not measured: %s\n", py.note)
	} else {
		out := cpython.ResultsFile(filepath.Join(w.work, "python", w.stem+".txt"))
		if err := os.Mkdir(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if err := py.measure(ctx, tc.root, o, out, stderr); err != nil {
			return fmt.Errorf("measuring CPython (-python=%s skips it): %w", pythonOff, err)
		}
		if pyRaw, err = os.ReadFile(out); err != nil {
			return err
		}
	}
	r := &runner{o: o, tc: tc, work: w.work, prog: newProgress(stderr, pkgs, len(o.passes())*o.count)}
	raw, err := r.run(ctx, machine, pkgs)
	if err != nil {
		return err
	}
	// Everything ran: write the files under temporary names, then rename.
	return w.write(ctx, raw, pyRaw)
}

// rebuild writes the report of an existing raw file, and of CPython's
// results beside it if there are any, into -out, or next to the file when
// -out is not given.
func rebuild(ctx context.Context, tc toolchain, o options, stdout io.Writer) error {
	raw, err := os.ReadFile(o.from)
	if err != nil {
		return err
	}
	pyRaw, err := os.ReadFile(cpython.ResultsFile(o.from))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	abs, err := filepath.Abs(o.from)
	if err != nil {
		return err
	}
	w := writer{
		tc:     tc,
		dir:    o.out,
		stem:   strings.TrimSuffix(filepath.Base(abs), ".txt"),
		readme: o.readme,
		stdout: stdout,
	}
	if w.dir == "" {
		w.dir = filepath.Dir(abs)
	}
	if err := w.checkReadme(); err != nil {
		return err
	}
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		return err
	}
	if w.work, err = os.MkdirTemp("", "atlas-report-"); err != nil {
		return err
	}
	defer os.RemoveAll(w.work)
	return w.write(ctx, raw, pyRaw)
}

// freeStem is stem, or stem-2, stem-3, ... if files of that name are in
// dir already.
func freeStem(dir, stem string) string {
	taken := func(s string) bool {
		for _, ext := range []string{".txt", ".md"} {
			if _, err := os.Stat(filepath.Join(dir, s+ext)); err == nil {
				return true
			}
		}
		return false
	}
	free := stem
	for n := 2; taken(free); n++ {
		free = fmt.Sprintf("%s-%d", stem, n)
	}
	return free
}

// usageError is a request the command refuses before doing anything:
// exit status 2, like a bad flag.
type usageError struct{ error }

// checkReadme refuses -readme for files that README could not link to.
func (w writer) checkReadme() error {
	if !w.readme {
		return nil
	}
	dir, err := filepath.Abs(w.dir)
	if err != nil {
		return err
	}
	if want := filepath.Join(w.tc.root, "testdata", "bench"); filepath.Clean(dir) != want {
		return usageError{fmt.Errorf("-readme: README names only a run in %s, and this one would go to %s", want, dir)}
	}
	return nil
}
