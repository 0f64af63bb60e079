// Package report turns raw `go test -bench` output into Atlas's benchmark
// report: the machine header written above the raw results, medians read
// back with golang.org/x/perf/benchfmt, speedup tables, SVG charts, the
// per-claim checks of verdicts that rest on a ratio, and README's generated
// decision table. The command in bench/cmd/report drives it; everything here
// works on committed files, so a test can regenerate what was committed.
package report
