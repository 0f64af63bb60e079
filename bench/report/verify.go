package report

// Holding CLAIMS.md to a run: every check's outcome is read against the
// verdict the table gives its claim. The test over the committed run and
// the report command over a fresh one both go through here.

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

// ChecksMarkdown is the report's section on the claim checks.
func ChecksMarkdown(results []CheckResult) string {
	var b strings.Builder
	b.WriteString("\n## Claim checks\n\n")
	if len(results) > 0 && results[0].Outcome == NotJudged {
		b.WriteString("This is a smoke run: one sample of each benchmark measures nothing, so no verdict is judged.\n")
		return b.String()
	}
	b.WriteString("Each verdict in CLAIMS.md that rests on a measurement, as statements checked against this run ")
	b.WriteString("(`bench/report/checks.go`). A ratio is the ratio of the two medians with its 95% confidence interval ")
	b.WriteString("(the U test turned round) and the U test's p-value; a single series shows its median with its interval. ")
	b.WriteString("**confirmed**: the whole interval agrees; **CONTRADICTED**: the whole interval disagrees; ")
	b.WriteString("**inconclusive**: the noise is wider than the difference.\n\n")
	b.WriteString("| claim | statement | backs | here | figures |\n|---|---|---|---|---|\n")
	for _, r := range results {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", r.ID, r.Says, r.Verdict, r.Outcome, strings.ReplaceAll(r.Detail, "|", "\\|"))
	}
	return b.String()
}
