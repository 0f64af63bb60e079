// CPython beside Go in one run. testdata/python/measure.py answers the
// cross-model questions with CPython's own models and writes them, as Go
// benchmark lines, to the file beside the Go results; this file pairs its
// series with Go's, and builds from those pairs the report's "Go and
// CPython" section, README's headline table and the benchstat tables
// that read both files at once.

package report

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/concurrency-atlas/atlas/internal/cpython"
)

// PythonPkg is the package CPython's results carry: measure.py writes
// "pkg: cpython" above them, so a [Key] of [Run.Python] has this Pkg.
const PythonPkg = "cpython"

// PythonKey is the line of the machine header that names the interpreter
// measured beside Go ([Machine.Python]), or says why none was.
const PythonKey = "atlas-python"

// NotMeasured starts [Machine.Python] when CPython was not measured:
// "not measured: no python3 on PATH".
const NotMeasured = "not measured: "

// question is one cross-model question that both languages answer: Go
// with a benchmark of package goPkg, CPython with measure.py's benchmark
// of the same name.
type question struct {
	title string // what is measured, as the tables say it
	unit  string
	goPkg string // the folder of Go's package
	pairs []pairing
}

// pairing sets one of CPython's series beside one of Go's. Both are
// named as the raw files name them, without "Benchmark" and without the
// GOMAXPROCS suffix. headline puts the pair in README's headline table.
type pairing struct {
	python, goSeries string
	headline         bool
}

// questions is the pairing table: every place where a figure of CPython
// meets a figure of Go. CPython's models are measure.py's (threads, a
// process pool started by fork or spawn, asyncio), Go's are package
// bench's, and eventloop's for the many sleepers, which no cross-model
// benchmark has. A CPython model is set beside each Go model that answers
// its question in Go: a thread beside an OS thread and beside the
// goroutine a Go programmer starts instead, an asyncio task beside a loop
// task.
var questions = []question{
	{"CPU-bound work (4 × Fibonacci) on all cores: speed vs serial", "speedup", "bench", []pairing{
		{"CPUBound/model=threads", "CPUBound/model=goroutines", true},
		{"CPUBound/model=processPoolFork", "CPUBound/model=processPool", true},
		{"CPUBound/model=asyncio", "CPUBound/model=eventLoop", false},
	}},
	{"Waiting on timers (64 waits of 1 ms): tasks per second", "tasks/s", "bench", []pairing{
		{"IOBound/work=timer/model=threads", "IOBound/work=timer/model=goroutines", false},
		{"IOBound/work=timer/model=asyncio", "IOBound/work=timer/model=eventLoop", false},
	}},
	{"Starting and joining one unit of work", "sec/op", "bench", []pairing{
		{"StartJoin/model=thread", "StartJoin/model=osThread", true},
		{"StartJoin/model=thread", "StartJoin/model=goroutine", true},
		{"StartJoin/model=asyncioTask", "StartJoin/model=loopTask", true},
		{"StartJoin/model=processFork", "StartJoin/model=process", true},
		{"StartJoin/model=processFork", "StartJoin/model=smallProcess", false},
		{"StartJoin/model=processSpawn", "StartJoin/model=process", false},
	}},
	{"Passing one message there and back", "sec/roundtrip", "bench", []pairing{
		{"RoundTrip/model=queueThreads", "RoundTrip/model=channel", false},
		{"RoundTrip/model=pipeProcesses", "RoundTrip/model=pipeProcesses", true},
		{"RoundTrip/model=asyncioQueue", "RoundTrip/model=loopQueue", false},
	}},
	{"Memory held by one waiting unit", "B/waiter", "bench", []pairing{
		{"MemoryPerWaiter/model=thread", "MemoryPerWaiter/model=osThread", false},
		{"MemoryPerWaiter/model=thread", "MemoryPerWaiter/model=goroutine", false},
		{"MemoryPerWaiter/model=asyncioTask", "MemoryPerWaiter/model=loopTask", true},
		{"MemoryPerWaiter/model=process", "MemoryPerWaiter/model=process", false},
	}},
	{"100,000 tasks each sleeping 0.1 s: wall time", "sec/op", "eventloop", []pairing{
		{"ManySleepers/model=asyncio/n=100000", "ManySleepers/loop/n=100000", true},
		{"ManySleepers/model=asyncio/n=100000", "ManySleepers/goroutines/n=100000", false},
	}},
}

// side is one language's figure of a pairing: the median of the series
// at the highest GOMAXPROCS not above the machine's cores.
type side struct {
	name  string // the series, without "Benchmark"
	procs int
	v     float64
}

// resolve finds a series of run at the machine's cores, or below them.
func resolve(run *Run, pkg, name, unit string, cores int) (side, bool) {
	v, procs, ok := run.MedianAtMost(pkg, "Benchmark"+name, cores, unit)
	return side{name, procs, v}, ok
}

// pairRow is a pairing that both files of a run measured.
type pairRow struct {
	q          question
	p          pairing
	py, goSide side
}

// pairRows lists the pairings that run measured on both sides, in the
// order of questions; only the headline ones if headlines is set.
func pairRows(run *Run, headlines bool) []pairRow {
	if run == nil || run.Python == nil {
		return nil
	}
	var rows []pairRow
	for _, q := range questions {
		for _, p := range q.pairs {
			if headlines && !p.headline {
				continue
			}
			py, okPy := resolve(run.Python, PythonPkg, p.python, q.unit, run.Cores())
			g, okGo := resolve(run, q.goPkg, p.goSeries, q.unit, run.Cores())
			if okPy && okGo {
				rows = append(rows, pairRow{q, p, py, g})
			}
		}
	}
	return rows
}

// modelOf is how a table names a series: its model key's value
// ("threads"), or for a series not keyed by model the part after the
// benchmark's name ("loop").
func modelOf(name string) string {
	parts := strings.Split(name, "/")
	for _, part := range parts[1:] {
		if v, ok := strings.CutPrefix(part, "model="); ok {
			return v
		}
	}
	if len(parts) > 1 {
		return parts[1]
	}
	return name
}

// ratioText prints CPython's median over Go's with three significant
// digits, and never in exponent form.
func ratioText(r float64) string {
	if r >= 1000 {
		return fmt.Sprintf("%.0f", r)
	}
	return fmt.Sprintf("%.3g", r)
}

// pairTable is the Markdown table of rows: the question once, above its
// pairs, each side's model and median, and CPython / Go.
func pairTable(rows []pairRow, cores int, first string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| %s | CPython | Go | CPython / Go |\n|---|---|---|---:|\n", first)
	last := ""
	for _, r := range rows {
		title := ""
		if r.q.title != last {
			title, last = r.q.title, r.q.title
		}
		goCell := fmt.Sprintf("%s %s", modelOf(r.goSide.name), Human(r.goSide.v, r.q.unit))
		if r.goSide.procs < cores {
			goCell += fmt.Sprintf(" (GOMAXPROCS=%d)", r.goSide.procs)
		}
		fmt.Fprintf(&b, "| %s | %s %s | %s | %s |\n", title, modelOf(r.py.name), Human(r.py.v, r.q.unit), goCell, ratioText(r.py.v/r.goSide.v))
	}
	return b.String()
}

// interpreter is the CPython that measured run's Python results, as the
// files describe it: "Python 3.11.7 (CPython, GIL on); <its build>".
func interpreter(run *Run) string {
	if v := run.Config[PythonKey]; v != "" && !strings.HasPrefix(v, NotMeasured) {
		return "Python " + v
	}
	if run.Python != nil && run.Python.Config["python"] != "" {
		return "Python " + run.Python.Config["python"]
	}
	return "an interpreter that the files do not name"
}

// WhyNoPython says why the run has no CPython results, as its header
// tells it ("no python3 on PATH"), for a run whose [Run.Python] is nil.
func (run *Run) WhyNoPython() string {
	if run != nil {
		if why, ok := strings.CutPrefix(run.Config[PythonKey], NotMeasured); ok {
			return why
		}
	}
	return "no CPython results beside the raw file"
}

// GoAndCPython is the report's section that sets CPython's figures of the
// same run beside Go's, pair by pair, with the ratio of their medians; or
// says why CPython was not measured. stem names the run's files.
func GoAndCPython(run *Run, stem string) string {
	var b strings.Builder
	b.WriteString("\n## Go and CPython\n\n")
	if run == nil || run.Python == nil {
		fmt.Fprintf(&b, "CPython was not measured beside this run: %s.\n", run.WhyNoPython())
		return b.String()
	}
	py := filepath.Base(cpython.ResultsFile(stem + ".txt"))
	fmt.Fprintf(&b, "The same questions, asked of CPython in the same run by `testdata/python/measure.py` ([`%s`](%s)), with %s. ", py, py, interpreter(run))
	b.WriteString("Each row sets one of CPython's models beside a Go model that answers the same question (the pairs are listed in `bench/report/cpython.go`). ")
	b.WriteString("A figure is the median of its samples, with the machine's cores: CPython may use them all, and Go runs at the highest GOMAXPROCS up to them that the run has (named when lower). ")
	b.WriteString("**CPython / Go** divides CPython's median by Go's: for a time or a size, how many times as much as Go CPython takes; for a speed, what share of Go's speed CPython reaches.\n\n")
	if !run.Measured() || !run.Python.Measured() {
		b.WriteString("This is a smoke run, one sample of each: these figures measure nothing.\n\n")
	}
	if pw, gw := run.Python.Config["workers"], run.Config["workers"]; pw != "" && gw != "" && pw != gw {
		fmt.Fprintf(&b, "CPython's pools have %s workers (measure.py sizes them by its cores), Go's %s.\n\n", pw, gw)
	}
	rows := pairRows(run, false)
	if len(rows) == 0 {
		b.WriteString("_No question was measured on both sides in this run._\n")
		return b.String()
	}
	b.WriteString(pairTable(rows, run.Cores(), "question"))
	return b.String()
}

// Headlines is README's table of headline figures: CPython's and Go's
// from the same run, with the ratio of their medians; or a line saying
// why CPython was not measured.
func Headlines(run *Run) string {
	if run == nil || run.Python == nil {
		return fmt.Sprintf("CPython was not measured beside this run (%s), so no figures of CPython stand next to Go's.\n", run.WhyNoPython())
	}
	rows := pairRows(run, true)
	if len(rows) == 0 {
		return "_No headline question was measured on both sides in this run._\n"
	}
	return pairTable(rows, run.Cores(), "measure")
}

// pythonTables are the benchstat tables that read the Go file and
// CPython's beside it, one per question that both measured: Go's pkg
// and CPython's in the columns, each with its models, as
//
//	go tool benchstat -table "" -col pkg,/model go.txt go-python.txt
//
// with a filter that keeps only the question's paired series, each at the
// GOMAXPROCS its figure in the Go and CPython section has.
func pythonTables(run *Run) []StatTable {
	var out []StatTable
	rows := pairRows(run, false)
	for _, q := range questions {
		var pyNames, goNames []string
		keyed := true // every Go series has a model key, so rows can be .name
		for _, r := range rows {
			if r.q.title != q.title {
				continue
			}
			if n := fmt.Sprintf("%s-%d", r.py.name, r.py.procs); !slices.Contains(pyNames, n) {
				pyNames = append(pyNames, n) // measure.py writes -N even for 1
			}
			if n := goFullName(r.goSide); !slices.Contains(goNames, n) {
				goNames = append(goNames, n)
			}
			if _, keys, ok := nameKeys(r.goSide.name); !ok || keys["model"] == "" {
				keyed = false
			}
		}
		if len(goNames) == 0 {
			continue
		}
		filter := fmt.Sprintf(".unit:%s ((pkg:%s .fullname:(%s)) OR (pkg:%s .fullname:(%s)))", q.unit,
			PythonPkg, strings.Join(pyNames, " OR "), quoteValue(run.importPath(q.goPkg)), strings.Join(goNames, " OR "))
		args := append(ignoredKeys(), "-table", "", "-col", "pkg,/model")
		if keyed {
			args = append(args, "-row", ".name")
		}
		out = append(out, StatTable{
			Title:  "Go and CPython: " + q.title,
			Note:   "Go's models first, then CPython's; vs base compares each with the first column, so read a CPython model against its pair in the Go and CPython section.",
			Args:   append(args, "-filter", filter),
			Python: true,
		})
	}
	return out
}

// goFullName is a Go series' full name as benchstat's .fullname has it:
// with the GOMAXPROCS suffix, which go test leaves out at 1.
func goFullName(s side) string {
	if s.procs == 1 {
		return s.name
	}
	return fmt.Sprintf("%s-%d", s.name, s.procs)
}
