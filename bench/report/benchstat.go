// The report's benchstat tables: one per cross-model question, each a
// projection of the raw file (benchstat's -filter, -row and -col), so
// that a table puts the models side by side with benchstat's p-values,
// and one plain table per package for the benchmarks of single chapters.
// bench/cmd/report runs `go tool benchstat` with each table's flags.

package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/concurrency-atlas/atlas/internal/cpython"
)

// StatTable is one benchstat table of the report: what it answers, how
// to read it, and the flags that project the raw file onto it.
type StatTable struct {
	Title string
	Note  string   // how to read it, or ""
	Args  []string // benchstat's flags; the raw file goes after them
	// Python is set for a table that also reads CPython's results: their
	// file (cpython.ResultsFile) goes after the raw file.
	Python bool
}

// StatOutput is a table with the text benchstat printed for it.
type StatOutput struct {
	StatTable
	Text string
}

// projection is one cross-model question's table, before the run fills
// in its package.
type projection struct {
	title, note string
	pkg, bench  string   // package folder's last element and benchmark
	units       []string // the units shown, as the benchmark reports them
	proj        []string // -table, -row and -col flags
}

// byProcs puts each GOMAXPROCS in a table of its own, headed
// "/gomaxprocs: 2"; benchstat leaves the value blank for GOMAXPROCS=1.
var byProcs = []string{"-table", ".config,/gomaxprocs"}

var projections = []projection{
	{"CPU-bound work: every model against serial", "Rows are GOMAXPROCS (no suffix: 1); vs base compares each model with serial.",
		"bench", "BenchmarkCPUBound", []string{"ns/op", "speedup", "cpu-cores"}, []string{"-col", "/model"}},
	{"CPU-bound work: how each model scales with GOMAXPROCS", "Columns are GOMAXPROCS, the first (unlabelled) is 1; vs base compares each with GOMAXPROCS=1.",
		"bench", "BenchmarkCPUBound", []string{"speedup"}, []string{"-row", "/model", "-col", "/gomaxprocs"}},
	{"I/O-bound work: every model against serial, by kind of wait", "One table per GOMAXPROCS (blank: 1); rows are the kinds of wait.",
		"bench", "BenchmarkIOBound", []string{"tasks/s"}, append(slices.Clone(byProcs), "-row", "/work", "-col", "/model")},
	{"Starting and joining one unit of work", "Rows are GOMAXPROCS (no suffix: 1); binTrue, exec of a tiny C program, is the machine's floor for a process.",
		"bench", "BenchmarkStartJoin", []string{"ns/op"}, []string{"-col", "/model"}},
	{"Passing one message there and back", "Rows are GOMAXPROCS (no suffix: 1).",
		"bench", "BenchmarkRoundTrip", []string{"ns/roundtrip"}, []string{"-col", "/model"}},
	{"Memory held by one waiting unit", "Rows are GOMAXPROCS (no suffix: 1).",
		"bench", "BenchmarkMemoryPerWaiter", []string{"B/waiter"}, []string{"-col", "/model"}},
	{"Mixed fetch + compute: every architecture against serial, by mix", "One table per GOMAXPROCS (blank: 1); rows are the mixes.",
		"hybrid", "BenchmarkMixed", []string{"speedup"}, append(slices.Clone(byProcs), "-row", "/mix", "-col", "/model")},
}

// headerKeys are the machine's configuration lines, which the report
// shows once under Machine rather than above every table.
var headerKeys = []string{"cpu", "goos", "goarch", "atlas-cpu-model", "atlas-cores", "atlas-cgroup-cpu",
	"atlas-gomaxprocs", "atlas-go", "atlas-os", "atlas-date", "atlas-run", "workers", PythonKey, "python"}

// ignoredKeys is the -ignore flag every table of the report carries.
func ignoredKeys() []string { return []string{"-ignore", strings.Join(headerKeys, ",")} }

// StatTables lists the report's benchstat tables for run: one for each
// cross-model question the run holds, one for each question that Go and
// CPython both answered in it ([StatTable.Python]), then one for each
// package with benchmarks that no question covers, in the order the run
// met them.
func StatTables(run *Run) []StatTable {
	if run == nil {
		return nil
	}
	var out []StatTable
	covered := map[string][]string{} // pkg -> benchmarks with a question
	for _, p := range projections {
		if !slices.Contains(run.benchmarks(p.pkg), p.bench) {
			continue
		}
		if !slices.Contains(covered[p.pkg], p.bench) {
			covered[p.pkg] = append(covered[p.pkg], p.bench)
		}
		filter := fmt.Sprintf("pkg:%s .name:%s .unit:(%s)", quoteValue(run.importPath(p.pkg)),
			strings.TrimPrefix(p.bench, "Benchmark"), strings.Join(p.units, " OR "))
		out = append(out, StatTable{Title: p.title, Note: p.note,
			Args: append(append(ignoredKeys(), "-filter", filter), p.proj...)})
	}
	out = append(out, pythonTables(run)...)
	for _, pkg := range run.packages() {
		var rest []string
		for _, b := range run.benchmarks(pkg) {
			if !slices.Contains(covered[pkg], b) {
				rest = append(rest, strings.TrimPrefix(b, "Benchmark"))
			}
		}
		if len(rest) == 0 {
			continue
		}
		filter := "pkg:" + quoteValue(run.importPath(pkg))
		if len(covered[pkg]) > 0 {
			filter += " .name:(" + strings.Join(rest, " OR ") + ")"
		}
		out = append(out, StatTable{Title: "Package " + run.importPath(pkg), Args: append(ignoredKeys(), "-filter", filter)})
	}
	return out
}

// Command is the table's benchstat command for a shell, on the raw file
// file, and on CPython's results beside it for a [StatTable.Python].
func (t StatTable) Command(file string) string {
	words := []string{"go", "tool", "benchstat"}
	args := append(slices.Clone(t.Args), file)
	if t.Python {
		args = append(args, cpython.ResultsFile(file))
	}
	for _, a := range args {
		words = append(words, shellQuote(a))
	}
	return strings.Join(words, " ")
}

// quoteValue writes a filter value as a double-quoted string, which
// benchstat's filter syntax reads whatever the value holds.
func quoteValue(v string) string { return strconv.Quote(v) }

// shellQuote quotes a word for a POSIX shell when it needs it.
func shellQuote(s string) string {
	const safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./,=:@+"
	if s != "" && strings.Trim(s, safe) == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// packages lists the run's packages in the order it met them.
func (run *Run) packages() []string {
	var out []string
	for _, k := range run.byAppearance() {
		if !slices.Contains(out, k.Pkg) {
			out = append(out, k.Pkg)
		}
	}
	return out
}

// benchmarks lists the benchmark functions of package pkg in the run, in
// the order it met them.
func (run *Run) benchmarks(pkg string) []string {
	var out []string
	for _, k := range run.byAppearance() {
		base, _, _ := strings.Cut(k.Name, "/")
		if k.Pkg == pkg && !slices.Contains(out, base) {
			out = append(out, base)
		}
	}
	return out
}
