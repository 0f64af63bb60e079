package report_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
)

func TestSmokeRunJudgesNothing(t *testing.T) {
	results := report.Judge(sample(t), false)
	require.Len(t, results, len(report.Checks))
	for _, r := range results {
		assert.Equal(t, report.NotJudged, r.Outcome, r.ID)
	}
}

func TestOneCoreCannotShowParallelism(t *testing.T) {
	run, err := report.Parse(strings.NewReader("atlas-cores: 1\npkg: x/bench\nBenchmarkCPUBound/model=goroutines 1 1 ns/op 1 speedup\n"), "one.txt")
	require.NoError(t, err)
	found := 0
	for _, r := range report.Judge(run, true) {
		if r.ID == "T2" && strings.Contains(r.Says, "all cores") {
			found++
			assert.Equal(t, report.CannotShow, r.Outcome)
			assert.Equal(t, "this machine has 1 core", r.Detail)
		}
	}
	assert.Equal(t, 2, found, "the statements about all cores, Go's goroutines' and CPython's threads'")
}

func TestAMissingSeriesIsNamed(t *testing.T) {
	run, err := report.Parse(strings.NewReader("atlas-cores: 2\npkg: x/bench\nBenchmarkX 1 1 ns/op\n"), "x.txt")
	require.NoError(t, err)
	for _, r := range report.Judge(run, true) {
		if strings.Contains(r.Says, "CPython") {
			// A run without CPython's results cannot show this one.
			assert.Equal(t, report.CannotShow, r.Outcome, "%s: %s", r.ID, r.Says)
			continue
		}
		assert.Equal(t, report.NoData, r.Outcome, "%s: %s", r.ID, r.Says)
		assert.True(t, strings.HasPrefix(r.Detail, "needs "), r.Detail)
	}
	// CPython's results beside the run, without the series T2 reads.
	run.Python, err = report.Parse(strings.NewReader("pkg: cpython\nBenchmarkStartJoin/model=thread-2 1 1 ns/op\n"), "x-python.txt")
	require.NoError(t, err)
	for _, r := range report.Judge(run, true) {
		if strings.Contains(r.Says, "CPython") {
			assert.Equal(t, report.NoData, r.Outcome)
			assert.Equal(t, "needs cpython.BenchmarkCPUBound/model=threads at GOMAXPROCS=2 (speedup)", r.Detail)
		}
	}
}

func TestOutcomesReadAsWords(t *testing.T) {
	words := map[report.Outcome]string{
		report.NoData: "no data", report.CannotShow: "cannot show here", report.NotJudged: "not judged",
		report.Confirmed: "confirmed", report.Inconclusive: "inconclusive", report.Contradicted: "CONTRADICTED",
	}
	for o, want := range words {
		assert.Equal(t, want, o.String())
	}
}
