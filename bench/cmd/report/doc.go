// Command report runs Atlas's benchmarks, and CPython's answers to the
// same questions beside them, and writes their report: the raw `go test
// -bench` output under a header that says which machine it came from,
// CPython's results in the file beside it, a Markdown report with one
// benchstat table per question, a speedup table, CPython's figures set
// beside Go's and SVG charts, and a statistical check of each measured
// verdict of CLAIMS.md against the fresh numbers (bench/report/checks.go).
//
// # Usage
//
//	go run ./bench/cmd/report            # the full run: about ten minutes on 2 cores, after CPython's pass
//	go run ./bench/cmd/report -quick     # everything once, a smoke test
//	go run ./bench/cmd/report -bench CPUBound -count 3 -cpu 1,2 -scale-cpu ""
//	go run ./bench/cmd/report -from testdata/bench/<run>.txt -out /tmp/r   # rebuild, running nothing
//	go run ./bench/cmd/report -readme    # a full run, which README then names
//	go run ./bench/cmd/report -python=off -workers 4   # Go alone, pools of four workers
//
// # CPython
//
// Before the Go benchmarks, the command runs testdata/python/measure.py
// with the interpreter -python names (default: python3 on PATH), in its
// quick mode with -quick, with -count repetitions and -bench passed on,
// and shows its progress as it shows the Go part's. Its results go to
// <run>-python.txt beside the Go raw file (cpython.ResultsFile), and the
// raw file's header names the interpreter, its build and whether its GIL
// is on (atlas-python:). No interpreter is a note, never an error: the
// header, the report and the output say "CPython: not measured: no
// python3 on PATH", and so they do for -python=off and for a python3 too
// old to run measure.py. A program the reader names with -python that is
// no such interpreter is refused before anything runs, and a measure.py
// that fails fails the run, as a benchmark does.
//
// # Workers
//
// -workers N (default: one per CPU) sets ATLAS_WORKERS=N in the
// environment of every benchmark, which sizes their process pools
// (internal/workload.Workers), and the raw file says `workers: N` above
// its first pkg: line. measure.py takes no such option: its pools have one
// worker per core it may use, which its own `workers:` line says.
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
// The full run writes testdata/bench/<machine>-<date>.{txt,md}, CPython's
// <machine>-<date>-python.txt and the charts. It replaces no file that is there already: when a run of that
// name exists, the new one is called <machine>-<date>-2, -3 and so on. It
// leaves README alone too, so that on a fresh clone a run adds new files
// under testdata/bench and changes nothing that git tracks. Only -readme
// rewrites README's generated section, to name this run; README can link
// only to a run in testdata/bench, so -readme elsewhere (or with -quick)
// is refused before anything runs. Nothing is renamed into place until
// every benchmark has passed, so a failed run leaves no report behind
// that looks complete. -quick writes into a temporary folder unless -out
// names one.
//
// -from rebuilds the report and charts of an existing raw file, and of
// CPython's results beside it when they are there, into -out, with a copy
// of both files beside them, or next to the raw file when -out is not
// given.
//
// # The comparison
//
// At the end the command prints `go tool benchstat` of the committed run,
// the raw file that README names, beside this one. When there is nothing
// to compare (a -quick run, a clone without that file, or this run being
// that file) it says so in one line.
//
// # Exit status
//
// 0 when done; 1 when a benchmark or a step failed, measure.py among them;
// 2 for bad usage, a -readme that README could not follow or a -python
// that names no usable interpreter among them; 3 when the run
// finished and its files are written, but its numbers contradict a
// measured verdict of CLAIMS.md. A -quick run judges nothing.
package main
