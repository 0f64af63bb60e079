package threading_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

// logChild shows under go test -v what a child process did, so that the
// evidence a test asserted on is printed and not only summed up as PASS:
// how the child ended, what it wrote to stdout, and the first line of its
// stderr that contains each of marks.
func logChild(t *testing.T, res scene.Result, marks ...string) {
	t.Helper()
	switch {
	case res.TimedOut:
		t.Logf("child %s: still running at its deadline, killed", res.Name)
	case res.Signal != "":
		t.Logf("child %s: %s", res.Name, res.Signal)
	default:
		t.Logf("child %s: exit status %d", res.Name, res.ExitCode)
	}
	// Plain loops, not range over strings.Lines: t.Helper covers this
	// function but not the closure a range-over-func body becomes, and the
	// lines should point at the test.
	for _, line := range strings.Split(strings.TrimSuffix(res.Stdout, "\n"), "\n") {
		if line != "" {
			t.Logf("  stdout: %s", line)
		}
	}
	stderr := strings.Split(res.Stderr, "\n")
	for _, mark := range marks {
		i := slices.IndexFunc(stderr, func(line string) bool { return strings.Contains(line, mark) })
		if i < 0 {
			t.Logf("  stderr: no line with %q", mark)
			continue
		}
		t.Logf("  stderr: %s", strings.TrimSpace(stderr[i]))
	}
}
