// Holding CLAIMS.md to a run: every check's outcome is read against the
// verdict the table gives its claim. The test over the committed run and
// the report command over a fresh one both go through here.

package report

import (
	"fmt"
	"strings"

	"github.com/concurrency-atlas/atlas/internal/claims"
)

// Verify reads results against the claims table's rows and returns one
// error per disagreement, each naming the claim and the figures:
//   - the row's verdict is not the one the check backs;
//   - the run contradicts the check's statement;
//   - the run is inconclusive, and the row does not say so (its "in Go"
//     text must call the result a tie or inconclusive);
//   - the run lacks the benchmarks the check reads.
//
// A check that this machine cannot show (one core) is no disagreement.
func Verify(rows []claims.Row, results []CheckResult) []error {
	byID := map[string]claims.Row{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	var errs []error
	for _, r := range results {
		row, ok := byID[r.ID]
		if !ok {
			errs = append(errs, fmt.Errorf("%s: CLAIMS.md has no row for this measured claim (%q)", r.ID, r.Says))
			continue
		}
		if row.Verdict != r.Verdict {
			errs = append(errs, fmt.Errorf("%s: CLAIMS.md says %q, but the measured statement %q backs %q (%s: %s)",
				r.ID, row.Verdict, r.Says, r.Verdict, r.Outcome, r.Detail))
		}
		switch r.Outcome {
		case Contradicted:
			errs = append(errs, fmt.Errorf("%s: the run contradicts %q: %s", r.ID, r.Says, r.Detail))
		case Inconclusive:
			if !admitsNoise(row.Why) {
				errs = append(errs, fmt.Errorf("%s: the run cannot tell whether %q (%s); the verdict's text must say it is a tie or inconclusive",
					r.ID, r.Says, r.Detail))
			}
		case NoData:
			errs = append(errs, fmt.Errorf("%s: %q cannot be checked: %s", r.ID, r.Says, r.Detail))
		case NotJudged:
			errs = append(errs, fmt.Errorf("%s: %q was not judged: %s", r.ID, r.Says, r.Detail))
		}
	}
	return errs
}

// admitsNoise says whether a verdict's text owns up to a result that the
// noise hides.
func admitsNoise(why string) bool {
	why = strings.ToLower(why)
	return strings.Contains(why, "a tie") || strings.Contains(why, "inconclusive")
}

// Contradictions are the results that this run's numbers disagree with.
func Contradictions(results []CheckResult) []CheckResult {
	var out []CheckResult
	for _, r := range results {
		if r.Outcome == Contradicted {
			out = append(out, r)
		}
	}
	return out
}
