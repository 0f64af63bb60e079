// Package report turns raw `go test -bench` output into Atlas's benchmark
// report, and holds the measured verdicts of CLAIMS.md to it. Everything
// here works on committed files, so a test can regenerate and re-judge
// what was committed.
//
// # Reading a run
//
// [DetectMachine] describes this machine, and [Machine.Header] writes it
// above the raw results as configuration lines that benchstat carries
// along: the machine, the pool size (workers:) and the CPython measured
// beside Go, or why none was. [Load] and [Parse] read the file back with
// golang.org/x/perf/benchfmt into a [Run]: every sample by series ([Key])
// and unit, and the machine header in [Run.Config]. Load also reads
// CPython's results of the same run into [Run.Python] when they are in
// the file beside the Go results (cpython.ResultsFile). [Human] prints a
// value in its unit, scaled with golang.org/x/perf/benchunit as
// benchstat scales it.
//
// # Judging the claims
//
// [Checks] are the measured verdicts of CLAIMS.md as statements over a run.
// [Judge] decides each one with golang.org/x/perf/benchmath: confirmed,
// contradicted or inconclusive at [Confidence]. [Verify] reads the outcomes
// against the claims table and names every disagreement; the tests run it
// over the committed run that README names, and bench/cmd/report over each
// fresh run, which fails when [Contradictions] finds one. A run can fail
// to show a statement without disagreeing with it ([CannotShow]): one
// about running in parallel on a machine with one core, and T2's about
// CPython's interpreter lock in a run without CPython's results.
//
// # Writing the report
//
// [Markdown] writes a [Page], the report that goes next to the raw file:
// [ChecksMarkdown], [SpeedupTable], [GoAndCPython], the pictures of
// [Charts] and the benchstat tables of [StatTables]. Each such table is a
// projection of the raw file onto one cross-model question (benchstat's
// -filter, -row and -col over the keys the benchmarks are named with,
// such as /model), which bench/cmd/report runs through `go tool
// benchstat`; the benchmarks of single chapters get one plain table per
// package. The charts are plain SVG drawn by [LineChart] and [BarChart],
// and every point and bar carries the spread of its samples.
//
// # Go and CPython
//
// testdata/python/measure.py answers the cross-model questions with
// CPython's models, under the benchmark names of package bench. One table
// in cpython.go pairs its series with Go's (threads with OS threads and
// goroutines, asyncio tasks with loop tasks, a forked process with a
// process, ...); [GoAndCPython] sets every pair side by side with the
// ratio of their medians, and [Headlines] the few that README shows.
// Both come from one run, never from figures kept apart from it. The
// benchstat tables of those questions ([StatTable.Python]) read the Go
// file and CPython's together, with the language in the column:
//
//	go tool benchstat -table "" -col pkg,/model run.txt run-python.txt
//
// # README
//
// [Section] is README's generated block: the [DecisionTable] and the
// [Headlines]. [CurrentSection], [ReplaceSection] and [SourceOf] find it
// in README, swap it and name the run it came from, and [CompareArgs]
// puts another machine's run beside it.
package report
