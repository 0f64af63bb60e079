package report

import (
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

func TestMain(m *testing.M) { scene.Main(m) }

func sample(t *testing.T) *Data {
	t.Helper()
	d, err := Load(filepath.Join("testdata", "sample.txt"))
	require.NoError(t, err)
	return d
}

func TestLoadGroupsSeriesByPackageNameAndProcs(t *testing.T) {
	d := sample(t)
	v, ok := d.Median(Key{"bench", "BenchmarkCPUBound/goroutines", 2}, "speedup")
	require.True(t, ok)
	assert.Equal(t, 1.96, v, "median of 1.92, 2.00, 1.96")
	v, ok = d.Median(Key{"bench", "BenchmarkCPUBound/goroutines", 2}, "sec/op")
	require.True(t, ok)
	assert.InDelta(t, 0.051, v, 1e-9, "ns/op is read as seconds")
	_, ok = d.Median(Key{"eventloop", "BenchmarkCreateAwait/loopTask", 1}, "sec/op")
	assert.True(t, ok, "the package comes from the latest pkg: line")
	assert.Equal(t, []int{1, 2, 4}, d.Procs("bench", "BenchmarkCPUBound/goroutines"))
	assert.Equal(t, 2, d.Cores())
	assert.Equal(t, "Test CPU", d.Config["atlas-cpu-model"])
}

func TestLoadRejectsEmptyAndMalformedInput(t *testing.T) {
	_, err := Parse(strings.NewReader("goos: linux\nPASS\n"), "empty.txt")
	assert.ErrorContains(t, err, "no benchmark results")
	_, err = Parse(strings.NewReader("BenchmarkX 10 notanumber ns/op\n"), "bad.txt")
	assert.Error(t, err)
}

func wellFormed(t *testing.T, svg string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err)
	}
}

func TestChartsAreWellFormedSVG(t *testing.T) {
	charts := Charts(sample(t))
	require.Contains(t, charts, "speedup.svg")
	require.Contains(t, charts, "costs.svg")
	for name, svg := range charts {
		t.Run(name, func(t *testing.T) { wellFormed(t, svg) })
	}
	assert.Contains(t, charts["speedup.svg"], "goroutines")
	assert.Contains(t, charts["speedup.svg"], "ideal on 2 cores")
	assert.Contains(t, charts["costs.svg"], "start+join: process")
	assert.Contains(t, charts["costs.svg"], "1.50 ms")
}

func TestSpeedupTableHasAColumnPerProcs(t *testing.T) {
	table := SpeedupTable(sample(t))
	assert.Contains(t, table, "| benchmark | GOMAXPROCS=1 | GOMAXPROCS=2 | GOMAXPROCS=4 |")
	assert.Contains(t, table, "| `bench.BenchmarkCPUBound/goroutines` | 1.00x | 1.96x | 1.96x |")
	assert.Contains(t, table, "| `bench.BenchmarkCPUBound/processPool` | 0.91x | 1.82x | – |")
}

func TestDecisionTableNamesTheMeasuredBest(t *testing.T) {
	table := DecisionTable(sample(t))
	// One sample against three cannot be told apart: a tie, with its p.
	assert.Contains(t, table, "| CPU-bound work (4 × Fibonacci), all cores | a tie: **goroutines** (1.96x) ~ **processPool** (1.82x, p=0.50) ~ **serial** (1.00x, p=0.50) |  |")
	assert.Contains(t, table, "| Mixed fetch + compute, balanced, all cores | a tie: **pipeline** (4.80x) ~ **goroutines** (4.70x, p=1.00) |  |")
	assert.Contains(t, table, "| Waiting on timers (64 waits of 1 ms), one core | a tie: **goroutines** (58.0k tasks/s) ~ **serial** (1.0k tasks/s, p=1.00) |  |")

	d, err := Parse(strings.NewReader("pkg: x/bench\nBenchmarkStart/goroutine 10 300 ns/op\n"), "one.txt")
	require.NoError(t, err)
	assert.NotContains(t, DecisionTable(d), "Mixed", "a row without data is left out")
}

func TestSectionRoundTripsThroughReadme(t *testing.T) {
	refs, err := LoadReferences(strings.NewReader("# c\ncpu-threads-speedup 0.81 speedup four threads\n"))
	require.NoError(t, err)
	sec := Section("testdata/sample.txt", sample(t), refs)
	assert.Contains(t, sec, "| four threads | 0.81x | 1.96x |")
	readme := "# T\n\n" + BeginMarker + "\nold\n" + EndMarker + "\n\nrest\n"
	updated, err := ReplaceSection(readme, sec)
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(updated, "\nrest\n"))
	got, err := CurrentSection(updated)
	require.NoError(t, err)
	assert.Equal(t, sec, got)
	src, err := SourceOf(got)
	require.NoError(t, err)
	assert.Equal(t, "testdata/sample.txt", src)

	_, err = ReplaceSection("no markers", sec)
	assert.ErrorIs(t, err, ErrNoSection)
	_, err = LoadReferences(strings.NewReader("key notanumber unit what\n"))
	assert.Error(t, err)
}

// The compare line must really put two runs side by side: two files that
// differ only in their machine header give one table with two columns.
func TestCompareCommandPutsTwoMachinesSideBySide(t *testing.T) {
	dir := t.TempDir()
	body := "pkg: x/bench\nBenchmarkX 10 100 ns/op\nBenchmarkX 10 110 ns/op\n"
	a := DetectMachine("go1.26.0")
	b := a
	b.CPUModel, b.Cores, b.Date = "Other CPU", 8, b.Date.AddDate(0, 0, 1)
	write := func(name string, m Machine) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(m.Header()+"cpu: "+m.CPUModel+"\n"+body), 0o644))
		return path
	}
	ours, yours := write("ours.txt", a), write("yours.txt", b)
	args := strings.Fields(CompareCommand(ours, yours))
	require.Equal(t, []string{"go", "tool", "benchstat"}, args[:3])
	out, err := exec.Command("go", args[1:]...).CombinedOutput()
	require.NoError(t, err, string(out))
	assert.Contains(t, string(out), "vs base", "benchstat compared the two files:\n%s", out)
}

func TestMachineHeaderIsReadBack(t *testing.T) {
	m := DetectMachine("go1.26.0")
	d, err := Parse(strings.NewReader(m.Header()+"pkg: x/bench\nBenchmarkX 1 1 ns/op\n"), "h.txt")
	require.NoError(t, err)
	assert.Equal(t, m.CPUModel, d.Config["atlas-cpu-model"])
	assert.Equal(t, m.Cores, d.Cores())
	assert.Equal(t, "go1.26.0", d.Config["atlas-go"])
	assert.Regexp(t, `^[a-z0-9-]+-\d+cpu-\d{4}-\d{2}-\d{2}$`, m.FileStem())
}

// README's decision table and headline figures are generated from the
// committed run; this fails when they drift from what the report command
// would write from that run today.
func TestReadmeSectionMatchesCommittedRun(t *testing.T) {
	root := scene.ModuleRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	current, err := CurrentSection(string(readme))
	require.NoError(t, err)
	src, err := SourceOf(current)
	require.NoError(t, err)
	d, err := Load(filepath.Join(root, filepath.FromSlash(src)))
	require.NoError(t, err)
	refs, err := LoadReferencesFile(filepath.Join(root, "testdata", "bench", "python-reference.txt"))
	require.NoError(t, err)
	assert.Equal(t, Section(src, d, refs), current,
		"README's generated section is stale: run go run ./bench/cmd/report (or regenerate it from %s)", src)
}
