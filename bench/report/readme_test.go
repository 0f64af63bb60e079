package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
	"github.com/concurrency-atlas/atlas/internal/scene"
)

func TestDecisionTableNamesTheMeasuredBest(t *testing.T) {
	table := report.DecisionTable(sample(t))
	// One sample against three cannot be told apart: a tie, with its p.
	assert.Contains(t, table, "| CPU-bound work (4 × Fibonacci), all cores | a tie: **goroutines** (1.96x) ~ **processPool** (1.82x, p=0.50) ~ **serial** (1.00x, p=0.50) |  |")
	assert.Contains(t, table, "| Mixed fetch + compute, balanced, all cores | a tie: **pipeline** (4.80x) ~ **goroutines** (4.70x, p=1.00) |  |")
	assert.Contains(t, table, "| Waiting on timers (64 waits of 1 ms), one core | a tie: **goroutines** (58.00k tasks/s) ~ **serial** (1.000k tasks/s, p=1.00) |  |")
	// Lower is better for costs: the cheapest start comes first.
	assert.Contains(t, table, "| Starting and joining one unit of work | a tie: **goroutine** (300.0 ns) ~ **osThread** (20.00 µs, p=1.00) ~ **process** (1.500 ms, p=1.00) |  |")
	assert.Contains(t, table, "| Memory held by one waiting unit | a tie: **goroutine** (2.539 KiB) ~ **osThread** (87.89 KiB, p=1.00) ~ **process** (2.861 MiB, p=1.00) |  |")

	run, err := report.Parse(strings.NewReader("pkg: x/bench\nBenchmarkStartJoin/model=goroutine 10 300 ns/op\n"), "one.txt")
	require.NoError(t, err)
	assert.NotContains(t, report.DecisionTable(run), "Mixed", "a row without data is left out")
}

// The decision table reads the benchmarks by their keys: every model of
// a question is found, whatever its name, and a series that is no model
// (exec of a tiny program, the floor of a process start) stands apart.
func TestDecisionTableReadsModelsByTheirKeys(t *testing.T) {
	table := report.DecisionTable(crossModel(t))
	for _, row := range []string{
		"| Starting and joining one unit of work | **goroutine** (982.0 ns) | loopTask 1.009 µs · osThread 37.62 µs · process 3.774 ms · (the floor, exec of a tiny C program: binTrue 1.092 ms) |",
		"| Passing one message there and back | **sharedMemory** (585.9 ns) | channel 956.6 ns ·",
		"| Memory held by one waiting unit | **goroutine** (2.623 KiB) | loopTask 3.073 KiB · osThread 39.82 KiB · process 8.016 MiB |",
		"| Fast I/O (64 loopback requests answered at once), one core | **serial** (25.20k tasks/s) |",
		"| Mixed fetch + compute, mostly I/O, all cores | **goroutines** (27.66x) |",
	} {
		assert.Contains(t, table, row)
	}
	assert.Equal(t, 12, strings.Count(table, "\n"), "a header, a rule and ten rows")
}

func TestSectionRoundTripsThroughReadme(t *testing.T) {
	sec := report.Section("testdata/samerun.txt", sameRun(t))
	assert.Contains(t, sec, "| CPU-bound work (4 × Fibonacci) on all cores: speed vs serial | threads 1.00x | goroutines 1.90x | 0.526 |")
	assert.Contains(t, sec, "([`testdata/samerun-python.txt`](testdata/samerun-python.txt), Python 3.11.7 (CPython, GIL on); main, Jan 1 2026 00:00:00, GCC 12.2.0)")
	readme := "# T\n\n" + report.BeginMarker + "\nold\n" + report.EndMarker + "\n\nrest\n"
	updated, err := report.ReplaceSection(readme, sec)
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(updated, "\nrest\n"))
	got, err := report.CurrentSection(updated)
	require.NoError(t, err)
	assert.Equal(t, sec, got)
	src, err := report.SourceOf(got)
	require.NoError(t, err)
	assert.Equal(t, "testdata/samerun.txt", src)

	assert.Contains(t, report.Section("testdata/none.txt", nil), "CPython was not measured", "no run is no crash")
	_, err = report.ReplaceSection("no markers", sec)
	assert.ErrorIs(t, err, report.ErrNoSection)
	_, err = report.CurrentSection(report.EndMarker + "\n" + report.BeginMarker + "\n")
	assert.ErrorIs(t, err, report.ErrNoSection, "markers the wrong way round")
	_, err = report.SourceOf(report.BeginMarker + "\n" + report.EndMarker + "\n")
	assert.Error(t, err)
}

// README's decision table and headline figures are generated from the
// committed run; this fails when they drift from what the report command
// would write from that run today.
func TestReadmeSectionMatchesCommittedRun(t *testing.T) {
	current, src, run := committedRun(t)
	assert.Equal(t, report.Section(src, run), current,
		"README's generated section is stale: run go run ./bench/cmd/report (or regenerate it from %s)", src)
}

// committedRun reads README's generated section, the raw file it names
// (relative to the module's root, with slashes) and the run in that file,
// with CPython's results beside it.
func committedRun(tb testing.TB) (section, src string, run *report.Run) {
	tb.Helper()
	root := scene.ModuleRoot(tb)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(tb, err)
	section, err = report.CurrentSection(string(readme))
	require.NoError(tb, err)
	src, err = report.SourceOf(section)
	require.NoError(tb, err)
	run, err = report.Load(filepath.Join(root, filepath.FromSlash(src)))
	require.NoError(tb, err)
	return section, src, run
}
