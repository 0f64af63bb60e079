// CLAIMS.md's measured verdicts against the committed run that README
// names. These tests are what makes a verdict unable to drift from the
// numbers: flip one in CLAIMS.md, or commit a run that disagrees, and
// go test ./... fails, naming the claim and the figures.

package report_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
	"github.com/concurrency-atlas/atlas/internal/claims"
	"github.com/concurrency-atlas/atlas/internal/scene"
)

// committed reads CLAIMS.md and the run README's generated section names.
func committed(tb testing.TB) ([]claims.Row, *report.Run) {
	tb.Helper()
	rows, err := claims.Parse(filepath.Join(scene.ModuleRoot(tb), "CLAIMS.md"))
	require.NoError(tb, err)
	_, _, run := committedRun(tb)
	return rows, run
}

func TestCommittedRunBacksEveryMeasuredVerdict(t *testing.T) {
	rows, run := committed(t)
	// Without CPython's results T2's statement about them cannot be
	// shown, which is no failure on a reader's machine; the committed run
	// must show it.
	assert.NotNil(t, run.Python, "the committed run has no CPython results beside it, so T2's statement about CPython's threads is not judged")
	for _, err := range report.Verify(rows, report.Judge(run, true)) {
		t.Error(err)
	}
}

var verdicts = []string{claims.Holds, claims.DoesNotHold, claims.HoldsNuanced}

func TestFlippingAMeasuredVerdictFailsTheCheck(t *testing.T) {
	rows, run := committed(t)
	results := report.Judge(run, true)
	for i, row := range rows {
		if !slices.ContainsFunc(results, func(r report.CheckResult) bool { return r.ID == row.ID }) {
			continue
		}
		for _, v := range verdicts {
			if v == row.Verdict {
				continue
			}
			flipped := slices.Clone(rows)
			flipped[i].Verdict = v
			errs := report.Verify(flipped, results)
			found := slices.ContainsFunc(errs, func(err error) bool {
				return strings.HasPrefix(err.Error(), row.ID+": CLAIMS.md says \""+v+"\"")
			})
			assert.True(t, found, "%s flipped from %q to %q went unnoticed: %v", row.ID, row.Verdict, v, errs)
		}
	}
}

func TestEveryMeasuredClaimHasACheck(t *testing.T) {
	// The claims whose verdict rests on a ratio or an ordering.
	measured := []string{"F4", "F7", "F8", "T2", "T3", "T7", "M2", "M4", "A9", "A10", "A12", "H1", "H2", "H3", "H4", "D1", "D2"}
	backs := map[string]string{}
	for _, c := range report.Checks {
		if prev, ok := backs[c.ID]; ok {
			assert.Equal(t, prev, c.Verdict, "%s: every statement of one claim backs the same verdict", c.ID)
		}
		backs[c.ID] = c.Verdict
		assert.Contains(t, verdicts, c.Verdict, "%s: %q is not a verdict", c.ID, c.Verdict)
	}
	for _, id := range measured {
		assert.Contains(t, backs, id, "%s rests on numbers but no check reads them", id)
	}
}

func TestVerifyNamesEachDisagreement(t *testing.T) {
	rows := []claims.Row{
		{ID: "X1", Verdict: claims.Holds, Why: "It does."},
		{ID: "X2", Verdict: claims.Holds, Why: "On this machine the two are a tie."},
		{ID: "X3", Verdict: claims.Holds, Why: "It does."},
	}
	result := func(id string, o report.Outcome) report.CheckResult {
		return report.CheckResult{Check: report.Check{ID: id, Verdict: claims.Holds, Says: "a beats b"}, Outcome: o, Detail: "a 2, b 1"}
	}
	cases := []struct {
		name    string
		results []report.CheckResult
		want    string // "" for no error
	}{
		{"confirmed", []report.CheckResult{result("X1", report.Confirmed)}, ""},
		{"contradicted", []report.CheckResult{result("X1", report.Contradicted)}, `X1: the run contradicts "a beats b": a 2, b 1`},
		{"inconclusive, unadmitted", []report.CheckResult{result("X1", report.Inconclusive)}, "X1: the run cannot tell"},
		{"inconclusive, called a tie", []report.CheckResult{result("X2", report.Inconclusive)}, ""},
		{"missing data", []report.CheckResult{result("X3", report.NoData)}, "X3: \"a beats b\" cannot be checked"},
		{"one core", []report.CheckResult{result("X3", report.CannotShow)}, ""},
		{"no row", []report.CheckResult{result("X9", report.Confirmed)}, "X9: CLAIMS.md has no row"},
		{"other verdict", []report.CheckResult{{Check: report.Check{ID: "X1", Verdict: claims.DoesNotHold, Says: "s"}, Outcome: report.Confirmed}},
			`X1: CLAIMS.md says "holds", but the measured statement "s" backs "does not hold in Go"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			errs := report.Verify(rows, tc.results)
			if tc.want == "" {
				assert.Empty(t, errs)
				return
			}
			require.Len(t, errs, 1)
			assert.Contains(t, errs[0].Error(), tc.want)
		})
	}
}

// BenchmarkJudgeCommittedRun is what the checks cost over a full run:
// code over parsed results, no benchmark pass of its own.
func BenchmarkJudgeCommittedRun(b *testing.B) {
	_, run := committed(b)
	for b.Loop() {
		report.Judge(run, true)
	}
}
