// Package cpython runs CPython beside Go: it finds a Python 3
// interpreter, says what it is, and runs the repository's Python
// programs under testdata/python, the material's own examples and the
// program that measures CPython as package bench measures Go.
//
// # Finding and describing an interpreter
//
// Find looks for python3 on PATH, or takes the path it is given, and
// asks the interpreter what it is: its version, implementation, build,
// and whether the GIL is on (sys._is_gil_enabled() from 3.13; always on
// before). No interpreter is ErrNoInterpreter, a value to report as a
// note, never a failure; a program that is not Python 3 is ErrNotPython3.
// Interpreter.String is the short form a run's header wants, "3.11.7
// (CPython, GIL on)", the same text as the `python:` line of the results.
//
// # Measuring
//
// Measure runs testdata/python/measure.py (MeasureScript, from the module
// root) and writes its results to a file, in Go's benchmark format, with
// the benchmark names, keys and units of package bench: BenchmarkCPUBound
// (sec/op, speedup, cpu-cores), BenchmarkIOBound/work=timer (tasks/s),
// BenchmarkStartJoin (sec/op), BenchmarkRoundTrip (ns/roundtrip),
// BenchmarkMemoryPerWaiter (B/waiter) and BenchmarkManySleepers/n=100000
// (sec/op), each keyed model=<CPython's model>. Every line carries -N, the cores the
// interpreter may use, which is also the size of its pools. The program's
// progress lines are streamed to a writer as they come; the file appears
// only when the run has succeeded. Quick is one pass at small sizes that
// takes seconds and measures nothing. CanMeasure says beforehand whether
// an interpreter is recent enough for the program (MeasureNeeds); one
// that is not is ErrTooOld.
//
// The report command is meant to use it so, beside its Go run:
//
//	in, err := cpython.Find(ctx, pythonFlag) // "" for python3 on PATH
//	if errors.Is(err, cpython.ErrNoInterpreter) {
//		// a note: "no python3 found; CPython not measured"
//	} // ErrNotPython3 from a -python the user named is their mistake: an error
//	err = in.CanMeasure() // ErrTooOld: a note for python3 on PATH, as above
//	header := in.String() + "; " + in.Build // for the run's header
//	err = in.Measure(ctx, cpython.MeasureOptions{
//		Script: filepath.Join(root, cpython.MeasureScript),
//		Quick:  quick,
//		Count:  count,
//	}, cpython.ResultsFile(goRaw), progress)
//
// "-python=off" is the caller's to honour: it does not call Find.
//
// # Reading the two files together
//
// Both files are benchfmt, but their configuration differs (pkg, python,
// the Go file's own keys), so benchstat puts them in separate tables by
// default. Some models have the same name on both sides (process in
// BenchmarkMemoryPerWaiter, pipeProcesses in BenchmarkRoundTrip), so
// merging the tables with -table "" and -col /model alone would pool
// Go's and CPython's samples; keep the language in the column:
//
//	go tool benchstat -table "" -col pkg,/model run.txt run-python.txt
//
// # Running a program
//
// Run runs any Python program (the tests run each example with it) in a
// process group of its own, kills the group when the context ends, and
// makes sure nothing the program started outlives it: processes still
// running a while after it ended are killed and reported as
// ErrLeftBehind. A non-zero exit is an *ExitError carrying the end of the
// program's stderr.
package cpython
