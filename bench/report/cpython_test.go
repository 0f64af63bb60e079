// CPython beside Go: the file beside the Go results read into the run,
// the pairs set side by side, README's headline table, the benchstat
// tables over both files, and T2's statement about CPython's threads.

package report_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
	"github.com/concurrency-atlas/atlas/internal/claims"
)

func TestLoadReadsCPythonFromTheFileBesideTheRun(t *testing.T) {
	run := sameRun(t)
	require.NotNil(t, run.Python)
	v, ok := run.Python.Median(report.Key{Pkg: report.PythonPkg, Name: "BenchmarkCPUBound/model=threads", Procs: 2}, "speedup")
	require.True(t, ok)
	assert.Equal(t, 1.0, v)
	assert.Equal(t, "3.11.7 (CPython, GIL on)", run.Python.Config["python"])
	assert.NotContains(t, run.Config, "python", "CPython's configuration stays in its own run")
	_, ok = run.Median(report.Key{Pkg: report.PythonPkg, Name: "BenchmarkCPUBound/model=threads", Procs: 2}, "speedup")
	assert.False(t, ok, "nor do its samples mix with Go's")

	assert.Nil(t, sample(t).Python, "no file beside sample.txt")

	dir := t.TempDir()
	copyInto(t, filepath.Join("testdata", "sample.txt"), filepath.Join(dir, "x.txt"))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x-python.txt"), []byte("pkg: cpython\nBenchmarkX-2 1 many ns/op\n"), 0o644))
	_, err := report.Load(filepath.Join(dir, "x.txt"))
	assert.ErrorContains(t, err, "x-python.txt", "a broken CPython file is an error, not an absent one")
}

func copyInto(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(to, b, 0o644))
}

func TestGoAndCPythonSetsEachPairSideBySide(t *testing.T) {
	section := report.GoAndCPython(sameRun(t), "samerun")
	for _, want := range []string{
		"\n## Go and CPython\n\n",
		"([`samerun-python.txt`](samerun-python.txt)), with Python 3.11.7 (CPython, GIL on); main, Jan 1 2026 00:00:00, GCC 12.2.0.",
		"| question | CPython | Go | CPython / Go |\n|---|---|---|---:|\n",
		"| CPU-bound work (4 × Fibonacci) on all cores: speed vs serial | threads 1.00x | goroutines 1.90x | 0.526 |\n",
		"|  | processPoolFork 1.90x | processPool 1.80x | 1.06 |\n",
		// Go's timer waits ran at GOMAXPROCS=1 only, and the cell says so.
		"| Waiting on timers (64 waits of 1 ms): tasks per second | threads 2.000k tasks/s | goroutines 50.00k tasks/s (GOMAXPROCS=1) | 0.04 |\n",
		// Go's starts ran at 1 and 2: the machine's two cores are taken.
		"| Starting and joining one unit of work | thread 100.0 µs | osThread 40.00 µs | 2.5 |\n",
		"|  | thread 100.0 µs | goroutine 1.000 µs | 100 |\n",
		"|  | processSpawn 50.00 ms | process 4.000 ms | 12.5 |\n",
		"|  | pipeProcesses 20.00 µs | pipeProcesses 10.00 µs | 2 |\n",
		"|  | process 22.89 MiB | process 7.629 MiB | 3 |\n",
		"| 100,000 tasks each sleeping 0.1 s: wall time | asyncio 2.400 s | loop 300.0 ms | 8 |\n",
		"|  | asyncio 2.400 s | goroutines 250.0 ms | 9.6 |\n",
	} {
		assert.Contains(t, section, want)
	}
	assert.Equal(t, 20, strings.Count(section, "\n| ")-1, "every pair of the synthetic run, below the header")
	assert.NotContains(t, section, "smoke run")
}

func TestHeadlinesAreTheHeadlinePairsOfTheSameRun(t *testing.T) {
	table := report.Headlines(sameRun(t))
	assert.True(t, strings.HasPrefix(table, "| measure | CPython | Go | CPython / Go |\n"))
	assert.Contains(t, table, "| CPU-bound work (4 × Fibonacci) on all cores: speed vs serial | threads 1.00x | goroutines 1.90x | 0.526 |\n")
	assert.Contains(t, table, "| 100,000 tasks each sleeping 0.1 s: wall time | asyncio 2.400 s | loop 300.0 ms | 8 |\n")
	assert.NotContains(t, table, "timers", "not a headline")
	assert.NotContains(t, table, "goroutines 250.0 ms", "not a headline")
	assert.Equal(t, 11, strings.Count(table, "\n"), "a header, a rule and nine pairs")
}

func TestWithoutCPythonTheTablesSayWhy(t *testing.T) {
	assert.Contains(t, report.GoAndCPython(sample(t), "sample"),
		"\n## Go and CPython\n\nCPython was not measured beside this run: no CPython results beside the raw file.\n")
	assert.Contains(t, report.GoAndCPython(nil, "nothing"), "CPython was not measured")

	run, err := report.Parse(strings.NewReader(report.Machine{Python: report.NotMeasured + "no python3 on PATH"}.Header()+
		"pkg: x/bench\nBenchmarkX 1 1 ns/op\n"), "nopy.txt")
	require.NoError(t, err)
	assert.Contains(t, report.GoAndCPython(run, "nopy"), "CPython was not measured beside this run: no python3 on PATH.\n")
	assert.Equal(t, "CPython was not measured beside this run (no python3 on PATH), so no figures of CPython stand next to Go's.\n", report.Headlines(run))
	section := report.Section("testdata/nopy.txt", run)
	assert.Contains(t, section, "CPython was not measured beside this run (no python3 on PATH)")
	assert.NotContains(t, section, "-python.txt", "no link to a file that is not there")
	assert.Empty(t, pythonTables(report.StatTables(run)))
}

func TestASmokeRunSaysItsFiguresMeasureNothing(t *testing.T) {
	run, err := report.Parse(strings.NewReader("atlas-cores: 2\npkg: x/bench\nBenchmarkStartJoin/model=osThread-2 1 40000 ns/op\n"), "q.txt")
	require.NoError(t, err)
	run.Python, err = report.Parse(strings.NewReader("pkg: cpython\nBenchmarkStartJoin/model=thread-2 1 100000 ns/op\n"), "q-python.txt")
	require.NoError(t, err)
	section := report.GoAndCPython(run, "q")
	assert.Contains(t, section, "This is a smoke run, one sample of each: these figures measure nothing.")
	assert.Contains(t, section, "| Starting and joining one unit of work | thread 100.0 µs | osThread 40.00 µs | 2.5 |")
}

// pythonTables keeps the tables that read CPython's file too.
func pythonTables(tables []report.StatTable) []report.StatTable {
	var out []report.StatTable
	for _, tb := range tables {
		if tb.Python {
			out = append(out, tb)
		}
	}
	return out
}

// Each question both languages answered gets a benchstat table over the
// two files, with the language and the model in the columns, and only the
// series the Go and CPython section pairs.
func TestGoAndCPythonStatTablesReadBothFiles(t *testing.T) {
	raw := filepath.Join("testdata", "samerun.txt")
	tables := pythonTables(report.StatTables(sameRun(t)))
	var titles []string
	for _, tb := range tables {
		titles = append(titles, tb.Title)
	}
	require.Equal(t, []string{
		"Go and CPython: CPU-bound work (4 × Fibonacci) on all cores: speed vs serial",
		"Go and CPython: Waiting on timers (64 waits of 1 ms): tasks per second",
		"Go and CPython: Starting and joining one unit of work",
		"Go and CPython: Passing one message there and back",
		"Go and CPython: Memory held by one waiting unit",
		"Go and CPython: 100,000 tasks each sleeping 0.1 s: wall time",
	}, titles)
	columns := map[string][]string{
		titles[0]: {"goroutines", "processPool", "eventLoop", "threads", "processPoolFork", "asyncio", "speedup"},
		titles[1]: {"goroutines", "eventLoop", "threads", "asyncio", "tasks/s"},
		titles[2]: {"goroutine", "osThread", "loopTask", "process", "smallProcess", "thread", "processFork", "processSpawn", "asyncioTask"},
		titles[3]: {"channel", "pipeProcesses", "loopQueue", "queueThreads", "asyncioQueue", "sec/roundtrip"},
		titles[4]: {"goroutine", "osThread", "loopTask", "process", "thread", "asyncioTask", "B/waiter"},
		titles[5]: {"ManySleepers/loop/n=100000-2", "ManySleepers/goroutines/n=100000-2", "asyncio", "github.com/concurrency-atlas/atlas/eventloop"},
	}
	for _, tb := range tables {
		t.Run(tb.Title, func(t *testing.T) {
			out := benchstat(t, append(tb.Args, raw, filepath.Join("testdata", "samerun-python.txt"))...)
			assert.Regexp(t, `│ +cpython +│`, out, "CPython's columns under their own package")
			for _, want := range columns[tb.Title] {
				assert.Contains(t, out, want)
			}
			assert.NotContains(t, out, "vary in", "no cell mixes two series")
			assert.NotContains(t, out, "serial", "only the paired series")
		})
	}
	memory := benchstat(t, append(tables[4].Args, raw, filepath.Join("testdata", "samerun-python.txt"))...)
	assert.Equal(t, 2, strings.Count(memory, " process "), "a process on each side, in columns of their own:\n%s", memory)

	cmd := tables[2].Command(raw)
	assert.True(t, strings.HasSuffix(cmd, " testdata/samerun.txt testdata/samerun-python.txt"), cmd)
	assert.Contains(t, cmd, "-table '' -col pkg,/model -row .name")
	out, err := exec.Command("sh", "-c", cmd).Output()
	require.NoError(t, err)
	assert.Equal(t, benchstat(t, append(tables[2].Args, raw, filepath.Join("testdata", "samerun-python.txt"))...), string(out))
}

// pythonCheck is T2's statement about CPython's threads, judged on run.
func pythonCheck(t *testing.T, run *report.Run) report.CheckResult {
	t.Helper()
	for _, r := range report.Judge(run, true) {
		if r.ID == "T2" && strings.Contains(r.Says, "CPython") {
			return r
		}
	}
	t.Fatal("T2 makes no statement about CPython")
	return report.CheckResult{}
}

func TestT2HoldsCPythonsThreadsNearSerial(t *testing.T) {
	run := sameRun(t)
	r := pythonCheck(t, run)
	assert.Equal(t, report.Confirmed, r.Outcome, r.Detail)
	assert.Contains(t, r.Detail, "CPython threads@2 1.00x")

	free := *run
	free.Python = &report.Run{}
	*free.Python = *run.Python
	free.Python.Config = map[string]string{"python": "3.13.1 (CPython, GIL off)"}
	r = pythonCheck(t, &free)
	assert.Equal(t, report.CannotShow, r.Outcome, "a build without the lock cannot show what the lock does")
	assert.Contains(t, r.Detail, "GIL off")

	parallel := *run
	var err error
	parallel.Python, err = report.Parse(strings.NewReader("pkg: cpython\npython: 3.11.7 (CPython, GIL on)\n"+
		strings.Repeat("BenchmarkCPUBound/model=threads-2 1 50000000 ns/op 1.9 speedup\n", 6)), "fast-python.txt")
	require.NoError(t, err)
	r = pythonCheck(t, &parallel)
	assert.Equal(t, report.Contradicted, r.Outcome, "threads that ran in parallel contradict the claim: %s", r.Detail)
}

// A run without CPython's results cannot show T2's statement about it,
// and Verify counts that as no disagreement, as it does one core.
func TestARunWithoutCPythonIsNotFailedForIt(t *testing.T) {
	r := pythonCheck(t, sample(t))
	assert.Equal(t, report.CannotShow, r.Outcome)
	assert.Contains(t, r.Detail, "CPython was not measured beside this run")
	rows := []claims.Row{{ID: "T2", Verdict: claims.DoesNotHold, Why: "It does not."}}
	assert.Empty(t, report.Verify(rows, []report.CheckResult{r}))
}
