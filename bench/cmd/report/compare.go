// Running benchstat, and the comparison printed at the end of a run: this
// run's raw file beside the committed run that README names, in one
// benchstat table per package, so that a reader sees at once where this
// machine differs from ours.

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/concurrency-atlas/atlas/bench/report"
)

// benchstat runs `go tool benchstat` in the module and returns what it
// printed. benchstat reports a bad flag on stderr and still exits 0, so
// anything on stderr is an error here.
func (tc toolchain) benchstat(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, tc.goBin, append([]string{"tool", "benchstat"}, args...)...)
	cmd.Dir = tc.root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err == nil && stderr.Len() > 0 {
		err = errors.New("it complained")
	}
	if err != nil {
		return "", fmt.Errorf("go tool benchstat %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), nil
}

// committedRun is the raw file that README's generated section names,
// relative to the module's root, or why there is none.
func committedRun(root string) (string, error) {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return "", errors.New("there is no README.md to name a committed run")
	}
	section, err := report.CurrentSection(string(readme))
	if err != nil {
		return "", errors.New("README.md names no committed run")
	}
	src, err := report.SourceOf(section)
	if err != nil {
		return "", errors.New("README.md names no committed run")
	}
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(src))); err != nil {
		return "", fmt.Errorf("%s, the committed run README.md names, is missing", src)
	}
	return src, nil
}

// compare prints benchstat's comparison of the committed run with this
// one, whose raw file the reader names as shown; or, in one line, why
// there is nothing to compare.
func (w writer) compare(ctx context.Context, shown string) error {
	const none = "\nNo comparison with the committed run: %s.\n"
	if w.quick {
		fmt.Fprintf(w.stdout, none, "a -quick run measures nothing")
		return nil
	}
	src, err := committedRun(w.tc.root)
	if err != nil {
		fmt.Fprintf(w.stdout, none, err)
		return nil
	}
	if src == shown {
		fmt.Fprintf(w.stdout, none, "this run is the committed one, "+src)
		return nil
	}
	args := report.CompareArgs(src, shown)
	out, err := w.tc.benchstat(ctx, args...)
	if err != nil {
		return fmt.Errorf("comparing with the committed run: %w", err)
	}
	fmt.Fprintf(w.stdout, "\nThis run beside the committed one:\n\n$ go tool benchstat %s\n%s", strings.Join(args, " "), out)
	return nil
}
