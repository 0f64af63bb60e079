// Package report turns raw `go test -bench` output into Atlas's benchmark
// report: the machine header written above the raw results, samples read
// back with golang.org/x/perf/benchfmt, speedup tables, SVG charts, README's
// generated decision table, and the claim checks.
//
// The claim checks (checks.go) are every measured verdict of CLAIMS.md as
// statements over a run, judged with golang.org/x/perf/benchmath (stats.go):
// confirmed, contradicted or inconclusive at 95% confidence. Verify
// (verify.go) reads their outcomes against the claims table; the tests run
// it over the committed run that README names, and the command in
// bench/cmd/report over each fresh run. Everything here works on committed
// files, so a test can regenerate and re-judge what was committed.
package report
