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
	assert.Equal(t, 1, found, "the statement about all cores")
}

func TestAMissingSeriesIsNamed(t *testing.T) {
	run, err := report.Parse(strings.NewReader("atlas-cores: 2\npkg: x/bench\nBenchmarkX 1 1 ns/op\n"), "x.txt")
	require.NoError(t, err)
	for _, r := range report.Judge(run, true) {
		assert.Equal(t, report.NoData, r.Outcome, "%s: %s", r.ID, r.Says)
		assert.True(t, strings.HasPrefix(r.Detail, "needs "), r.Detail)
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
