package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
)

// sample is the small hand-written run in testdata: three GOMAXPROCS
// values of the CPU-bound benchmarks, starts, round trips, timers, mixes.
func sample(t *testing.T) *report.Run {
	t.Helper()
	run, err := report.Load(filepath.Join("testdata", "sample.txt"))
	require.NoError(t, err)
	return run
}

// crossModel is a synthetic run in the benchmark names of issue #15:
// every model of every cross-model question, six samples each.
func crossModel(t *testing.T) *report.Run {
	t.Helper()
	run, err := report.Load(filepath.Join("testdata", "crossmodel.txt"))
	require.NoError(t, err)
	return run
}

// sameRun is a synthetic pair of raw files, Go's and CPython's of one
// run: every series the Go and CPython section pairs, six invented
// samples each around a round median.
func sameRun(t *testing.T) *report.Run {
	t.Helper()
	run, err := report.Load(filepath.Join("testdata", "samerun.txt"))
	require.NoError(t, err)
	return run
}

func TestLoadGroupsSeriesByPackageNameAndProcs(t *testing.T) {
	run := sample(t)
	v, ok := run.Median(report.Key{Pkg: "bench", Name: "BenchmarkCPUBound/model=goroutines", Procs: 2}, "speedup")
	require.True(t, ok)
	assert.Equal(t, 1.96, v, "median of 1.92, 2.00, 1.96")
	v, ok = run.Median(report.Key{Pkg: "bench", Name: "BenchmarkCPUBound/model=goroutines", Procs: 2}, "sec/op")
	require.True(t, ok)
	assert.InDelta(t, 0.051, v, 1e-9, "ns/op is read as seconds")
	_, ok = run.Median(report.Key{Pkg: "eventloop", Name: "BenchmarkCreateAwait/loopTask", Procs: 1}, "sec/op")
	assert.True(t, ok, "the package comes from the latest pkg: line")
	assert.Equal(t, []int{1, 2, 4}, run.Procs("bench", "BenchmarkCPUBound/model=goroutines"))
	assert.Equal(t, 2, run.Cores())
	assert.Equal(t, "Test CPU", run.Config["atlas-cpu-model"])
}

func TestLoadRejectsEmptyAndMalformedInput(t *testing.T) {
	_, err := report.Parse(strings.NewReader("goos: linux\nPASS\n"), "empty.txt")
	assert.ErrorContains(t, err, "no benchmark results")
	_, err = report.Parse(strings.NewReader("BenchmarkX 10 notanumber ns/op\n"), "bad.txt")
	assert.Error(t, err)
	_, err = report.Load(filepath.Join("testdata", "missing.txt"))
	assert.ErrorContains(t, err, "no such file")
}

func TestSamplesKeepRunOrderAndCannotChangeTheRun(t *testing.T) {
	run, err := report.Parse(strings.NewReader("pkg: x/bench\nBenchmarkX 1 30 ns/op\nBenchmarkX 1 10 ns/op\nBenchmarkX 1 20 ns/op\n"), "s.txt")
	require.NoError(t, err)
	k := report.Key{Pkg: "bench", Name: "BenchmarkX", Procs: 1}
	xs := run.Samples(k, "sec/op")
	assert.InDeltaSlice(t, []float64{30e-9, 10e-9, 20e-9}, xs, 1e-18)
	xs[0] = 0
	v, _ := run.Median(k, "sec/op")
	assert.InDelta(t, 20e-9, v, 1e-18, "the median is of the run's samples, not of the copy")
	assert.Empty(t, run.Samples(k, "speedup"), "a unit the series did not report")
	_, ok := run.Median(report.Key{Pkg: "bench", Name: "BenchmarkY", Procs: 1}, "sec/op")
	assert.False(t, ok)
}

func TestMedianAtMostTakesTheHighestProcsAllowed(t *testing.T) {
	run := sample(t)
	v, procs, ok := run.MedianAtMost("bench", "BenchmarkCPUBound/model=processPool", 4, "speedup")
	require.True(t, ok)
	assert.Equal(t, 2, procs, "processPool ran at 1 and 2, not 4")
	assert.Equal(t, 1.82, v)
	_, _, ok = run.MedianAtMost("bench", "BenchmarkCPUBound/model=processPool", 0, "speedup")
	assert.False(t, ok, "no GOMAXPROCS at or below 0")
}

func TestKeysUnitsAndStringListEverySeriesInOrder(t *testing.T) {
	run, err := report.Parse(strings.NewReader(
		"pkg: x/b\nBenchmarkZ-2 1 5 tasks/s\nBenchmarkA-2 1 7 tasks/s 3 speedup\nBenchmarkA 1 8 tasks/s\npkg: x/a\nBenchmarkZ 1 9 tasks/s\n"), "k.txt")
	require.NoError(t, err)
	assert.Equal(t, []report.Key{
		{Pkg: "a", Name: "BenchmarkZ", Procs: 1},
		{Pkg: "b", Name: "BenchmarkA", Procs: 1},
		{Pkg: "b", Name: "BenchmarkA", Procs: 2},
		{Pkg: "b", Name: "BenchmarkZ", Procs: 2},
	}, run.Keys())
	assert.Equal(t, []string{"speedup", "tasks/s"}, run.Units(report.Key{Pkg: "b", Name: "BenchmarkA", Procs: 2}))
	assert.Equal(t, "a BenchmarkZ-1 tasks/s=9\nb BenchmarkA-1 tasks/s=8\nb BenchmarkA-2 speedup=3\nb BenchmarkA-2 tasks/s=7\nb BenchmarkZ-2 tasks/s=5\n", run.String())
}

func TestCoresDefaultsToOne(t *testing.T) {
	for _, header := range []string{"", "atlas-cores: many\n", "atlas-cores: 0\n"} {
		run, err := report.Parse(strings.NewReader(header+"pkg: x/bench\nBenchmarkX 1 1 ns/op\n"), "c.txt")
		require.NoError(t, err)
		assert.Equal(t, 1, run.Cores(), "%q", header)
	}
}

func TestOnlyARepeatedRunIsMeasured(t *testing.T) {
	assert.True(t, sample(t).Measured())
	cases := map[string]string{
		"-benchtime 1x": "atlas-run: -count 2 -cpu 1 -benchtime 1x -bench .\npkg: x/bench\nBenchmarkX 1 1 ns/op\nBenchmarkX 1 1 ns/op\n",
		"one sample":    "pkg: x/bench\nBenchmarkX 1 1 ns/op\nBenchmarkY 1 1 ns/op\n",
	}
	for name, raw := range cases {
		run, err := report.Parse(strings.NewReader(raw), "q.txt")
		require.NoError(t, err)
		assert.False(t, run.Measured(), name)
	}
}
