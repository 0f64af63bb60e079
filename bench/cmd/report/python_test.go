// CPython beside Go: no interpreter is a note, a named program that is
// no usable Python 3 is refused, a quick run with python3 writes and reads
// CPython's results, and -workers reaches the benchmarks.

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
	"github.com/concurrency-atlas/atlas/internal/cpython"
)

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// onlyFile is the one file in dir whose name matches pattern.
func onlyFile(t *testing.T, dir, pattern string) string {
	t.Helper()
	var found []string
	for _, n := range listing(t, dir) {
		if regexp.MustCompile(pattern).MatchString(n) {
			found = append(found, filepath.Join(dir, n))
		}
	}
	require.Len(t, found, 1, "%s in %v", pattern, listing(t, dir))
	return found[0]
}

// pathWithGoOnly is a PATH on which the go command is found and python3
// is not.
func pathWithGoOnly(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.Symlink(goBin, filepath.Join(dir, "go")))
	return dir
}

// fakePython is a script named python3 in a folder of its own.
func fakePython(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "python3")
	require.NoError(t, os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755))
	return path
}

func TestNoPython3OnPATHIsANoteNotAFailure(t *testing.T) {
	t.Setenv("PATH", pathWithGoOnly(t))
	out := t.TempDir()
	code, stdout, stderr := runReport(t, "-quick", "-out", out, "-pkg", "./internal/workload")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "CPython: not measured: no python3 on PATH\n")
	assert.Contains(t, stdout, "CPython: not measured: no python3 on PATH\n")
	assert.NotContains(t, strings.Join(listing(t, out), " "), "-python.txt")
	md, err := os.ReadFile(onlyFile(t, out, `\.md$`))
	require.NoError(t, err)
	assert.Contains(t, string(md), "CPython was not measured beside this run: no python3 on PATH.")
	assert.Contains(t, string(md), "| python | not measured: no python3 on PATH |")
}

func TestAPython3ThatCannotMeasureIsANote(t *testing.T) {
	old := fakePython(t, `echo '{"major": 3, "executable": "/fake/python3.7", "version": "3.7.16", "implementation": "CPython", "build": "old", "gil": true}'`)
	t.Setenv("PATH", filepath.Dir(old)+string(os.PathListSeparator)+os.Getenv("PATH"))
	out := t.TempDir()
	code, stdout, stderr := runReport(t, "-quick", "-out", out, "-pkg", "./internal/workload")
	require.Equal(t, 0, code, stderr)
	assert.Regexp(t, `CPython: not measured: interpreter too old for the measuring program: \S+python3 is Python "3.7.16", and measure.py needs 3.8 or newer\n`, stdout)
}

// A program the reader names with -python that cannot measure is their
// mistake: refused before anything runs, with nothing written.
func TestANamedProgramThatCannotMeasureIsRefused(t *testing.T) {
	for name, body := range map[string]string{
		"not Python":  "echo hello",
		"too old":     `echo '{"major": 3, "executable": "/fake", "version": "3.6.15", "implementation": "CPython", "build": "old", "gil": true}'`,
		"not Python3": `echo '{"major": 2, "version": "2.7.18"}'`,
	} {
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			fake := fakePython(t, body)
			code, _, stderr := runReport(t, "-quick", "-out", out, "-pkg", "./internal/workload", "-python", fake)
			assert.Equal(t, 2, code, stderr)
			assert.Contains(t, stderr, "-python "+fake)
			assert.Empty(t, listing(t, out))
		})
	}
	// A named path with nothing there is a missing interpreter: a note.
	out := t.TempDir()
	missing := filepath.Join(t.TempDir(), "python3.99")
	code, stdout, stderr := runReport(t, "-quick", "-out", out, "-pkg", "./internal/workload", "-python", missing)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "CPython: not measured: no interpreter at "+missing+"\n")
}

// With python3 on PATH, a quick run measures CPython first, writes its
// results beside the Go ones, and the report reads both.
func TestQuickRunMeasuresCPythonBesideGo(t *testing.T) {
	in, err := cpython.Find(t.Context(), "")
	if errors.Is(err, cpython.ErrNoInterpreter) {
		t.Skip("no python3 on PATH: CPython cannot be measured here (the test without it is TestNoPython3OnPATHIsANoteNotAFailure)")
	}
	require.NoError(t, err)
	if err := in.CanMeasure(); err != nil {
		t.Skipf("python3 on PATH cannot run measure.py: %v", err)
	}
	out := t.TempDir()
	code, stdout, stderr := runReport(t, "-quick", "-out", out, "-pkg", "./bench", "-bench", "StartJoin", "-scale-cpu", "")
	require.Equal(t, 0, code, stderr)
	assert.Regexp(t, `\[python 3/6\] StartJoin: repetition 1/1 \((estimating|about \S+ left)\)\n`, stderr, "progress as the Go part shows it")
	assert.Contains(t, stderr, "[python] CPython done in ")
	assert.Less(t, strings.Index(stderr, "[python] CPython done"), strings.Index(stderr, "[1/1] github.com/concurrency-atlas/atlas/bench: building"),
		"CPython first, so that a failure there shows before the long Go part")

	raw := onlyFile(t, out, `\d\.txt$`)
	py := cpython.ResultsFile(raw)
	require.FileExists(t, py)
	assert.Contains(t, stdout, "python: "+py+"\n")
	run, err := report.Load(raw)
	require.NoError(t, err)
	require.NotNil(t, run.Python, "the report reads CPython's results back")
	assert.Equal(t, in.String()+"; "+in.Build, run.Config[report.PythonKey], "the header names the interpreter and its build")
	assert.Equal(t, in.String(), run.Python.Config["python"])
	_, ok := run.Python.Median(report.Key{Pkg: report.PythonPkg, Name: "BenchmarkStartJoin/model=thread", Procs: run.Cores()}, "sec/op")
	assert.True(t, ok, "CPython's thread start, at the machine's cores")
	_, ok = run.Python.Median(report.Key{Pkg: report.PythonPkg, Name: "BenchmarkCPUBound/model=threads", Procs: run.Cores()}, "speedup")
	assert.False(t, ok, "-bench reached measure.py")

	md, err := os.ReadFile(onlyFile(t, out, `\.md$`))
	require.NoError(t, err)
	for _, want := range []string{
		"\n## Go and CPython\n",
		"This is a smoke run, one sample of each: these figures measure nothing.",
		"| Starting and joining one unit of work | thread ",
		"\n### Go and CPython: Starting and joining one unit of work\n",
		raw + " " + py + "\n", // the command reads both files
		"| python | " + in.String(),
	} {
		assert.Contains(t, string(md), want)
	}
	assert.Regexp(t, `│ +cpython +│`, string(md), "benchstat's columns hold CPython's results")
}

// -workers sets ATLAS_WORKERS for every benchmark, and the raw file says
// so above its first pkg: line.
func TestWorkersFlagReachesTheBenchmarks(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := runReport(t, "-quick", "-out", out, "-python=off", "-workers", "3", "-scale-cpu", "",
		"-pkg", "./bench/cmd/report/testdata/workers,./bench", "-bench", "Workers|CPUBound")
	require.Equal(t, 0, code, stderr)
	rawPath := onlyFile(t, out, `\.txt$`)
	b, err := os.ReadFile(rawPath)
	require.NoError(t, err)
	raw := string(b)
	seen := regexp.MustCompile(`\nBenchmarkWorkers\S*\s+\d+\s+\S+ ns/op\s+(\S+) workers\s`).FindAllStringSubmatch(raw, -1)
	require.Len(t, seen, 2, "one result at each GOMAXPROCS:\n%s", raw)
	for _, m := range seen {
		assert.Equal(t, "3.000", m[1], "the benchmark saw ATLAS_WORKERS=3")
	}
	i := strings.Index(raw, "\nworkers: 3\n")
	require.Positive(t, i, "a workers: line in the header")
	assert.Less(t, i, strings.Index(raw, "\npkg: "), "file-level configuration, above the first pkg:")
	assert.Regexp(t, `BenchmarkCPUBound/model=processPool-2\s`, raw, "a pool-using benchmark runs with three workers")
	run, err := report.Load(rawPath)
	require.NoError(t, err)
	assert.Equal(t, "3", run.Config["workers"])
	md, err := os.ReadFile(onlyFile(t, out, `\.md$`))
	require.NoError(t, err)
	assert.Contains(t, string(md), "| workers | 3 |")
}

func TestPythonProgressSpeaksLikeTheGoPart(t *testing.T) {
	var b strings.Builder
	p := &pythonProgress{w: &b, start: time.Now()}
	_, err := p.Write([]byte("python: [1/6] CPUBound, repetition 1 of 2 (0 s so far)\npython: [1/6] CPU"))
	require.NoError(t, err)
	assert.Equal(t, "[python 1/6] CPUBound: repetition 1/2 (estimating)\n", b.String(), "a line is rewritten once it is whole")
	b.Reset()
	_, err = p.Write([]byte("Bound, repetition 2 of 2 (3 s so far)\nTraceback (most recent call last):\n"))
	require.NoError(t, err)
	assert.Regexp(t, `^\[python 1/6\] CPUBound: repetition 2/2 \(about \S+ left\)\nTraceback \(most recent call last\):\n$`, b.String(),
		"anything else passes as it came")
	b.Reset()
	_, err = p.Write([]byte("python: done in 9 s"))
	require.NoError(t, err)
	p.flush()
	assert.Regexp(t, `^\[python\] CPython done in \S+\n$`, b.String())
}

// -from reads CPython's results beside the raw file, copies them beside
// the report in -out, and -readme's headline table comes from the pair.
func TestFromReadsCPythonBesideTheRawFile(t *testing.T) {
	synth := filepath.Join("..", "..", "report", "testdata")
	src, out := t.TempDir(), t.TempDir()
	copyFile(t, filepath.Join(synth, "samerun.txt"), filepath.Join(src, "pair.txt"))
	copyFile(t, filepath.Join(synth, "samerun-python.txt"), filepath.Join(src, "pair-python.txt"))

	code, stdout, stderr := runReport(t, "-from", filepath.Join(src, "pair.txt"), "-out", out)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, listing(t, out), "pair-python.txt")
	assert.Contains(t, stdout, "python: "+filepath.Join(out, "pair-python.txt")+"\n")
	assert.Contains(t, stdout, "T2  confirmed     in the same run, CPython's threads", "T2 reads CPython's file")
	md, err := os.ReadFile(filepath.Join(out, "pair.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "| Starting and joining one unit of work | thread 100.0 µs | osThread 40.00 µs | 2.5 |")
	assert.Contains(t, string(md), "\n### Go and CPython: Memory held by one waiting unit\n")
	assert.Regexp(t, `│ +cpython +│`, string(md))

	clone := fakeClone(t)
	copyFile(t, filepath.Join(src, "pair-python.txt"), filepath.Join(clone, "testdata", "bench", "new-run-python.txt"))
	copyFile(t, filepath.Join(src, "pair.txt"), filepath.Join(clone, "testdata", "bench", "new-run.txt"))
	code, _, stderr = runReport(t, "-from", filepath.Join("testdata", "bench", "new-run.txt"), "-readme")
	require.Equal(t, 0, code, stderr)
	readme, err := os.ReadFile(filepath.Join(clone, "README.md"))
	require.NoError(t, err)
	assert.Contains(t, string(readme), "([`testdata/bench/new-run-python.txt`](testdata/bench/new-run-python.txt), Python 3.11.7 (CPython, GIL on)")
	assert.Contains(t, string(readme), "| 100,000 tasks each sleeping 0.1 s: wall time | asyncio 2.400 s | loop 300.0 ms | 8 |")
}
