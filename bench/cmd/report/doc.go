// Command report runs Atlas's benchmarks and writes their report: the raw
// `go test -bench` output under a header that says which machine it came
// from, a Markdown report with benchstat's tables, a speedup table and SVG
// charts, and a statistical check of each measured verdict of CLAIMS.md
// against the fresh numbers (bench/report/checks.go).
//
// # Usage
//
//	go run ./bench/cmd/report            # the full run: several minutes on 2 cores
//	go run ./bench/cmd/report -quick     # everything once, a smoke test
//	go run ./bench/cmd/report -bench CPUBound -count 3 -cpu 1,2 -scale-cpu ""
//	go run ./bench/cmd/report -from testdata/bench/<run>.txt   # rebuild, running nothing
//
// # Rounds
//
// Every benchmark runs at each -cpu value; the scaling benchmarks (those
// whose claim is about GOMAXPROCS, -scale) also run at each -scale-cpu
// value, which the claim check for F8 needs: twice the machine's cores.
// A round runs each package's test binary once per value, and -count
// rounds make the samples.
//
// # Files
//
// The full run writes testdata/bench/<machine>-<date>.{txt,md} and its
// charts, and rewrites README's generated section from them. Nothing is
// renamed into place until every benchmark has passed, so a failed run
// leaves no report behind that looks complete. -quick writes into a
// temporary folder unless -out names one.
//
// -from rebuilds the report and charts of an existing raw file next to
// that file, whatever -out says, and rewrites README's section from it
// when the file is in testdata/bench, unless -readme=false.
//
// # Exit status
//
// 0 when done; 1 when a benchmark or a step failed; 2 for bad usage; 3 when
// the run finished and its files are written, but its numbers contradict a
// measured verdict of CLAIMS.md. A -quick run judges nothing.
package main
