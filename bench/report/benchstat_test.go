package report_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
)

// benchstat runs `go tool benchstat` with args and fails the test on any
// complaint: benchstat exits 0 even when it cannot parse a flag, and says
// so on stderr.
func benchstat(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"tool", "benchstat"}, args...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	require.Empty(t, stderr.String())
	return string(out)
}

// Every cross-model question gets a table of its own with the models as
// columns, and benchstat finds nothing to warn about in any of them.
func TestStatTablesPutTheModelsSideBySide(t *testing.T) {
	raw := filepath.Join("testdata", "crossmodel.txt")
	tables := report.StatTables(crossModel(t))
	var titles []string
	for _, tb := range tables {
		titles = append(titles, tb.Title)
	}
	require.Equal(t, []string{
		"CPU-bound work: every model against serial",
		"CPU-bound work: how each model scales with GOMAXPROCS",
		"I/O-bound work: every model against serial, by kind of wait",
		"Starting and joining one unit of work",
		"Passing one message there and back",
		"Memory held by one waiting unit",
		"Mixed fetch + compute: every architecture against serial, by mix",
		"Package github.com/concurrency-atlas/atlas/eventloop",
	}, titles, "the single chapter's benchmarks get a plain table")

	columns := map[string][]string{
		titles[0]: {"serial", "goroutines", "workerPool", "processPool", "eventLoop", "eventLoopExecutor", "sec/op", "speedup", "cpu-cores"},
		titles[1]: {"serial", "eventLoopExecutor", "speedup"},
		titles[2]: {"boundedPool", "timer", "loopbackFast", "loopbackSlow", "tasks/s"},
		titles[3]: {"goroutine", "osThread", "loopTask", "process", "binTrue"},
		titles[4]: {"channel", "sharedMemory", "poolTask", "sec/roundtrip"},
		titles[5]: {"goroutine", "osThread", "B/waiter"},
		titles[6]: {"mostlyIO", "balanced", "mostlyCPU", "eventLoopProcessPool", "/gomaxprocs: 2"},
		titles[7]: {"CreateAwait/loopTask", "ManySleepers/loop/n=100000", "bytes/task"},
	}
	for _, tb := range tables {
		t.Run(tb.Title, func(t *testing.T) {
			out := benchstat(t, append(tb.Args, raw)...)
			for _, want := range columns[tb.Title] {
				assert.Contains(t, out, want)
			}
			assert.NotContains(t, out, "vary in", "the projection hides no key it should show")
			assert.NotContains(t, out, "atlas-cpu-model", "the machine is under Machine, not above each table")
			assert.NotContains(t, out, "allocs/op", "a question's table shows its own units")
		})
	}
	scaling := benchstat(t, append(tables[1].Args, raw)...)
	assert.Regexp(t, `│\s+│\s+2\s+│\s+4\s+│`, scaling, "a column per GOMAXPROCS, 1 unlabelled")
	assert.NotContains(t, scaling, "sec/op", "the scaling table is of speedups")
}

// The command printed above each table is the one that made it, as a
// shell reads it.
func TestStatTableCommandRunsInAShell(t *testing.T) {
	raw := filepath.Join("testdata", "crossmodel.txt")
	tb := report.StatTables(crossModel(t))[0]
	cmd := tb.Command(raw)
	assert.Contains(t, cmd, `-filter 'pkg:"github.com/concurrency-atlas/atlas/bench" .name:CPUBound .unit:(ns/op OR speedup OR cpu-cores)'`)
	out, err := exec.Command("sh", "-c", cmd).Output()
	require.NoError(t, err)
	assert.Equal(t, benchstat(t, append(tb.Args, raw)...), string(out))
	assert.Equal(t, `go tool benchstat 'it'\''s here'`, report.StatTable{}.Command("it's here"))
}

func TestStatTablesOfARunWithoutQuestionsArePerPackage(t *testing.T) {
	run, err := report.Parse(strings.NewReader("pkg: example.com/m/a\nBenchmarkX 1 1 ns/op\npkg: example.com/m/b\nBenchmarkY 1 1 ns/op\n"), "p.txt")
	require.NoError(t, err)
	tables := report.StatTables(run)
	require.Len(t, tables, 2)
	assert.Equal(t, "Package example.com/m/a", tables[0].Title)
	assert.Equal(t, []string{"-filter", `pkg:"example.com/m/b"`}, tables[1].Args[2:])
}
