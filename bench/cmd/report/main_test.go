package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
	"github.com/concurrency-atlas/atlas/internal/cpython"
	"github.com/concurrency-atlas/atlas/internal/scene"
)

func TestMain(m *testing.M) { scene.Main(m) }

func runReport(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(t.Context(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBadFlagsGiveUsageErrors(t *testing.T) {
	cases := map[string][]string{
		"-count must be at least 1":            {"-count", "0"},
		"-cpu \"1,x\"":                         {"-cpu", "1,x"},
		"-cpu \"0\"":                           {"-cpu", "0"},
		"-bench: error parsing":                {"-bench", "("},
		"-benchtime \"soon\"":                  {"-benchtime", "soon"},
		"unexpected arguments":                 {"extra"},
		"-workers must be at least 1, not 0":   {"-workers", "0"},
		"-python wants an interpreter, or off": {"-python", ""},
		"flag provided but not defined: -nope": {"-nope"},
	}
	for want, args := range cases {
		t.Run(want, func(t *testing.T) {
			code, _, stderr := runReport(t, args...)
			assert.Equal(t, 2, code)
			assert.Contains(t, stderr, want)
		})
	}
}

func TestMissingGoToolchainIsExplained(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	code, _, stderr := runReport(t, "-quick", "-out", t.TempDir())
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "the go command is not on PATH")
}

func TestFailingBenchmarkLeavesNoReport(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := runReport(t, "-quick", "-out", out, "-pkg", "./bench/cmd/report/testdata/failing", "-python=off")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "this benchmark fails on purpose")
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Empty(t, entries, "a failed run must not leave files behind")
}

func TestQuickRunWritesACompleteReport(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runReport(t, "-quick", "-out", out, "-pkg", "./internal/workload", "-python=off")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "round 1/1, GOMAXPROCS=1")
	assert.Contains(t, stderr, "CPython: not measured: -python=off\n", "a note, not an error")
	assert.Contains(t, stdout, "CPython: not measured: -python=off\n")
	assert.Contains(t, stdout, "Claim checks: not judged", "a smoke run measures nothing")
	assert.NotContains(t, stdout, "confirmed")
	assert.Contains(t, stdout, "\nNo comparison with the committed run: a -quick run measures nothing.\n")

	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	require.Len(t, names, 2, names)
	var raw, md string
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(out, n))
		require.NoError(t, err)
		if strings.HasSuffix(n, ".txt") {
			raw = string(b)
		} else {
			md = string(b)
		}
	}
	assert.Contains(t, raw, "atlas-cores: ")
	assert.Contains(t, raw, "atlas-python: not measured: -python=off\n")
	assert.Contains(t, raw, "BenchmarkFib/n=20")
	assert.Contains(t, md, "## Claim checks")
	assert.Contains(t, md, "no verdict is judged")
	assert.Contains(t, md, "## benchstat")
	assert.Contains(t, md, "### Package github.com/concurrency-atlas/atlas/internal/workload\n")
	assert.Contains(t, md, "\n## Go and CPython\n\nCPython was not measured beside this run: -python=off.\n")
	assert.Contains(t, md, "| python | not measured: -python=off |")
}

// The smoke run README promises: every chapter's benchmarks once, into a
// report. It takes about a minute, so -short leaves it out.
func TestQuickRunCoversEveryChapter(t *testing.T) {
	if testing.Short() {
		t.Skip("the full quick run builds and runs every benchmark package")
	}
	out := t.TempDir()
	code, stdout, stderr := runReport(t, "-quick", "-out", out)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "Claim checks: not judged")
	txts, err := filepath.Glob(filepath.Join(out, "*.txt"))
	require.NoError(t, err)
	var raws []string
	for _, f := range txts {
		if !strings.HasSuffix(f, "-python.txt") {
			raws = append(raws, f)
		}
	}
	require.Len(t, raws, 1)
	// With python3 on PATH, CPython's results are beside the Go ones.
	_, noPython := exec.LookPath("python3")
	assert.Equal(t, noPython == nil, fileExists(cpython.ResultsFile(raws[0])), "CPython's results exactly when python3 is on PATH")
	raw, err := os.ReadFile(raws[0])
	require.NoError(t, err)
	// Every series a claim check reads exists under the name it reads:
	// one sample judges nothing, but a missing series would be no data.
	d, err := report.Load(raws[0])
	require.NoError(t, err)
	for _, r := range report.Judge(d, true) {
		assert.NotEqual(t, report.NoData, r.Outcome, "%s: %s", r.ID, r.Detail)
	}
	for _, pkg := range []string{"bench", "threading", "multiprocessing", "eventloop", "eventloop/reactor", "hybrid"} {
		assert.Contains(t, string(raw), "pkg: github.com/concurrency-atlas/atlas/"+pkg+"\n")
	}
	assert.Regexp(t, fmt.Sprintf(`BenchmarkCPUBound/model=goroutines-%d\s`, 2*runtime.NumCPU()), string(raw), "the scaling pass ran")
	charts, err := filepath.Glob(filepath.Join(out, "*.svg"))
	require.NoError(t, err)
	assert.Len(t, charts, 4, "speedup, costs, mixed and memory charts")
}

// With no -out, -from writes the report beside its raw file, and README
// stays as it is.
func TestFromRebuildsTheReportOfARawFile(t *testing.T) {
	dir := t.TempDir()
	raw := filepath.Join(dir, "somewhere.txt")
	copyFile(t, filepath.Join("..", "..", "report", "testdata", "sample.txt"), raw)

	code, stdout, stderr := runReport(t, "-from", raw)
	require.Equal(t, 0, code, stderr)
	assert.NotContains(t, stdout, "README.md: generated section rewritten", "only -readme rewrites README")
	md, err := os.ReadFile(filepath.Join(dir, "somewhere.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "| `bench.BenchmarkCPUBound/model=goroutines` | 1.00x | 1.96x | 1.96x |")
	for _, chart := range []string{"somewhere-speedup.svg", "somewhere-costs.svg", "somewhere-mixed.svg", "somewhere-memory.svg"} {
		assert.FileExists(t, filepath.Join(dir, chart))
		assert.Contains(t, string(md), "]("+chart+")")
	}

	code, _, stderr = runReport(t, "-from", filepath.Join(dir, "missing.txt"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "no such file")
}

// A run whose numbers contradict a verdict still writes its report, then
// exits with status 3 and names the claim: here goroutines that gain
// nothing from two cores, as if Go had a global lock.
func TestContradictedVerdictExitsThreeAfterWriting(t *testing.T) {
	var raw strings.Builder
	raw.WriteString("atlas-cores: 2\natlas-run: -count 6 -cpu 2 -benchtime 100ms -bench .\npkg: github.com/concurrency-atlas/atlas/bench\n")
	for _, v := range []string{"1.01", "0.99", "1.00", "1.02", "0.98", "1.00"} {
		fmt.Fprintf(&raw, "BenchmarkCPUBound/model=goroutines-2 10 100000000 ns/op %s speedup\n", v)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "gil.txt")
	require.NoError(t, os.WriteFile(path, []byte(raw.String()), 0o644))

	code, stdout, stderr := runReport(t, "-from", path)
	assert.Equal(t, 3, code, stderr)
	assert.Contains(t, stderr, "contradict")
	assert.Contains(t, stderr, "T2 (does not hold in Go): CPU-bound goroutines on all cores run at least 1.3 times as fast as serial")
	assert.Contains(t, stdout, "T2  CONTRADICTED")
	md, err := os.ReadFile(filepath.Join(dir, "gil.md"))
	require.NoError(t, err, "the report is written before the exit")
	assert.Contains(t, string(md), "| CONTRADICTED |")
}
