package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// README's generated section sits between these markers.
const (
	BeginMarker = "<!-- atlas:generated begin: do not edit; go run ./bench/cmd/report rewrites it -->"
	EndMarker   = "<!-- atlas:generated end -->"
)

// decisionRow is one kind of work in the decision table. The model named
// for it is whichever measured best in the run, not a fixed opinion.
type decisionRow struct {
	work   string
	pkg    string // the package folder's last element
	bench  string // a benchmark, compared across its sub-benchmarks
	unit   string
	higher bool // whether a higher value is better
	atMost func(cores int) int
}

func allCores(c int) int { return c }
func oneCore(int) int    { return 1 }

var decisionRows = []decisionRow{
	{"CPU-bound work (4 × Fibonacci), all cores", "bench", cpuBound, "speedup", true, allCores},
	{"Waiting on timers (64 waits of 1 ms), one core", "bench", ioBound + "/timer", "tasks/s", true, oneCore},
	{"Fast I/O (64 loopback requests answered at once), one core", "bench", ioBound + "/loopbackFast", "tasks/s", true, oneCore},
	{"Slow I/O (64 loopback requests answered after 5 ms), one core", "bench", ioBound + "/loopbackSlow", "tasks/s", true, oneCore},
	{"Mixed fetch + compute, mostly I/O, all cores", "hybrid", mixed + "/mostlyIO", "speedup", true, allCores},
	{"Mixed fetch + compute, balanced, all cores", "hybrid", mixed + "/balanced", "speedup", true, allCores},
	{"Mixed fetch + compute, mostly CPU, all cores", "hybrid", mixed + "/mostlyCPU", "speedup", true, allCores},
	{"Starting and joining one unit of work", "bench", start, "sec/op", false, oneCore},
	{"Passing one message there and back", "bench", roundTrip, "sec/op", false, oneCore},
	{"Memory held by one waiting unit", "bench", memory, "bytes/task", false, oneCore},
}

type measured struct {
	sub string
	v   float64   // the median
	xs  []float64 // the samples
}

func (d *Data) compare(r decisionRow, cores int) []measured {
	var ms []measured
	seen := map[string]bool{}
	for _, k := range d.Keys() {
		sub, ok := strings.CutPrefix(k.Name, r.bench+"/")
		if k.Pkg != r.pkg || !ok || seen[sub] || strings.Contains(sub, "/") {
			continue
		}
		if v, procs, ok := d.MedianAtMost(r.pkg, k.Name, r.atMost(cores), r.unit); ok {
			seen[sub] = true
			ms = append(ms, measured{sub, v, d.Samples(Key{r.pkg, k.Name, procs}, r.unit)})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if r.higher {
			return ms[i].v > ms[j].v
		}
		return ms[i].v < ms[j].v
	})
	return ms
}

// DecisionTable is the D1 table: for each kind of work, the model that
// measured best in this run and the others beside it. Where the U test
// cannot tell a runner-up from the best at the checks' confidence, the
// row calls it a tie and gives the p-value: a median that is a few
// percent ahead is no win.
func DecisionTable(d *Data) string {
	cores := d.Cores()
	var b strings.Builder
	b.WriteString("| work | best in Go on this machine | the others, measured in the same run |\n|---|---|---|\n")
	for _, r := range decisionRows {
		ms := d.compare(r, cores)
		if len(ms) == 0 {
			continue
		}
		best := []string{fmt.Sprintf("**%s** (%s)", ms[0].sub, Human(ms[0].v, r.unit))}
		var others []string
		for _, m := range ms[1:] {
			p := ratio(m.xs, ms[0].xs).P
			if p >= 1-Confidence {
				best = append(best, fmt.Sprintf("**%s** (%s, p=%.2f)", m.sub, Human(m.v, r.unit), p))
				continue
			}
			others = append(others, fmt.Sprintf("%s %s", m.sub, Human(m.v, r.unit)))
		}
		cell := best[0]
		if len(best) > 1 {
			cell = "a tie: " + strings.Join(best, " ~ ")
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r.work, cell, strings.Join(others, " · "))
	}
	return b.String()
}

// Reference is one CPython figure measured on this kind of machine.
type Reference struct {
	Key, Unit, What string
	Value           float64
}

// LoadReferences reads the committed CPython figures: lines of
// "key value unit description", '#' starting a comment.
func LoadReferences(r io.Reader) (map[string]Reference, error) {
	refs := map[string]Reference{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			return nil, fmt.Errorf("reference line %d: want key value unit description", n)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, fmt.Errorf("reference line %d: %w", n, err)
		}
		refs[f[0]] = Reference{Key: f[0], Value: v, Unit: f[2], What: strings.Join(f[3:], " ")}
	}
	return refs, sc.Err()
}

// headline pairs a Go series with the CPython figure it answers.
type headline struct {
	ref       string
	pkg, name string
	unit      string
	procs     int // 0: the machine's cores
}

var headlines = []headline{
	{"cpu-threads-speedup", "bench", cpuBound + "/goroutines", "speedup", 0},
	{"cpu-pool-speedup", "bench", cpuBound + "/processPool", "speedup", 0},
	{"thread-start-join", "bench", start + "/goroutine", "sec/op", 1},
	{"process-start-join", "bench", start + "/process", "sec/op", 1},
	{"pipe-roundtrip", "bench", roundTrip + "/pipe", "sec/op", 1},
	{"task-create-await", "eventloop", "BenchmarkCreateAwait/loopTask", "sec/op", 1},
	{"sleepers-100k", "eventloop", "BenchmarkManySleepers/loop/n=100000", "sec/op", 1},
	{"sleepers-100k-memory", "eventloop", "BenchmarkManySleepers/loop/n=100000", "bytes/task", 1},
}

// Headlines is a table of Go's figures next to CPython's on the same kind
// of machine.
func Headlines(d *Data, refs map[string]Reference) string {
	var b strings.Builder
	b.WriteString("| measure | CPython 3.11 | Go, Atlas |\n|---|---:|---:|\n")
	for _, h := range headlines {
		ref, ok := refs[h.ref]
		if !ok {
			continue
		}
		procs := h.procs
		if procs == 0 {
			procs = d.Cores()
		}
		v, _, ok := d.MedianAtMost(h.pkg, h.name, procs, h.unit)
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", ref.What, Human(ref.Value, ref.Unit), Human(v, h.unit))
	}
	return b.String()
}

// Section is README's generated block for a committed run.
func Section(rawPath string, d *Data, refs map[string]Reference) string {
	var b strings.Builder
	b.WriteString(BeginMarker + "\n")
	fmt.Fprintf(&b, "_From [`%s`](%s), %s, %s._\n\n", rawPath, rawPath, d.Config["atlas-cpu-model"], d.Config["atlas-go"])
	fmt.Fprintf(&b, "Compare your machine with this run (the report prints your file's name):\n\n")
	fmt.Fprintf(&b, "```\n%s\n```\n\n", CompareCommand(rawPath, "testdata/bench/<your file>.txt"))
	fmt.Fprintf(&b, "The full report, with benchstat tables and charts: [`%s`](%s).\n\n", strings.TrimSuffix(rawPath, ".txt")+".md", strings.TrimSuffix(rawPath, ".txt")+".md")
	b.WriteString("Which model for which work, in Go: each row names the model with the best median, ")
	b.WriteString("and calls it a tie with every model that the U test cannot tell from it at 95% confidence (p ≥ 0.05). ")
	b.WriteString("CLAIMS.md's measured verdicts are checked against the same run.\n\n")
	b.WriteString(DecisionTable(d))
	b.WriteString("\nHeadline figures next to CPython's on the same kind of machine ")
	b.WriteString("([references](testdata/bench/python-reference.txt)):\n\n")
	b.WriteString(Headlines(d, refs))
	b.WriteString(EndMarker + "\n")
	return b.String()
}

// ErrNoSection means README lacks the markers.
var ErrNoSection = errors.New("README has no generated section markers")

// CurrentSection returns README's generated block, markers included.
func CurrentSection(readme string) (string, error) {
	i := strings.Index(readme, BeginMarker)
	j := strings.Index(readme, EndMarker)
	if i < 0 || j < i {
		return "", ErrNoSection
	}
	return readme[i : j+len(EndMarker)+1], nil
}

// ReplaceSection swaps README's generated block for section.
func ReplaceSection(readme, section string) (string, error) {
	cur, err := CurrentSection(readme)
	if err != nil {
		return "", err
	}
	return strings.Replace(readme, cur, section, 1), nil
}

// SourceOf reads which raw file a generated section came from.
func SourceOf(section string) (string, error) {
	_, rest, ok := strings.Cut(section, "_From [`")
	if !ok {
		return "", errors.New("generated section names no source file")
	}
	path, _, ok := strings.Cut(rest, "`")
	if !ok {
		return "", errors.New("generated section's source is malformed")
	}
	return path, nil
}

// LoadReferencesFile reads the committed references file.
func LoadReferencesFile(path string) (map[string]Reference, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return LoadReferences(f)
}
