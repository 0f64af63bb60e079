// A benchmark run read back from its raw file, and every question the rest
// of the package asks of it: which series ran, at which GOMAXPROCS values,
// and what they measured.

package report

import (
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/perf/benchfmt"

	"github.com/concurrency-atlas/atlas/internal/cpython"
)

// Key identifies one benchmark series: the package folder's last element,
// the benchmark's name without its GOMAXPROCS suffix, and that GOMAXPROCS.
type Key struct {
	Pkg   string // e.g. "threading"
	Name  string // e.g. "BenchmarkCPUBound/goroutines"
	Procs int
}

// Run is one parsed benchmark run: every sample, grouped by series and
// unit, and the configuration lines of its file, which hold the machine
// header that [Machine.Header] wrote. Units are the ones benchfmt tidies
// them to: "ns/op" is read as "sec/op", in seconds.
type Run struct {
	Config map[string]string // file configuration (atlas-*, goos, cpu, ...)
	// Python is CPython's results of the same run, from the file beside
	// the Go results (cpython.ResultsFile), whose series are in package
	// [PythonPkg]; nil when CPython was not measured.
	Python  *Run
	samples map[Key]map[string][]float64
	imports map[string]string // package folder's last element -> import path
	order   map[string]int    // "pkg name" -> where the series first appeared
}

// Load reads raw `go test -bench` output from a file, and CPython's
// results of the same run into [Run.Python] when they are beside it.
func Load(path string) (*Run, error) {
	run, err := loadFile(path)
	if err != nil {
		return nil, err
	}
	py := cpython.ResultsFile(path)
	if _, err := os.Stat(py); err == nil {
		if run.Python, err = loadFile(py); err != nil {
			return nil, err
		}
	}
	return run, nil
}

func loadFile(path string) (*Run, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(f, path)
}

// Parse reads raw `go test -bench` output from r; name is used in errors.
func Parse(r io.Reader, name string) (*Run, error) {
	run := &Run{Config: map[string]string{}, samples: map[Key]map[string][]float64{},
		imports: map[string]string{}, order: map[string]int{}}
	rd := benchfmt.NewReader(r, name)
	for rd.Scan() {
		switch rec := rd.Result(); rec := rec.(type) {
		case *benchfmt.SyntaxError:
			return nil, rec
		case *benchfmt.Result:
			for _, c := range rec.Config {
				if c.File {
					run.Config[c.Key] = string(c.Value)
				}
			}
			k := keyOf(rec)
			run.imports[k.Pkg] = rec.GetConfig("pkg")
			if _, ok := run.order[k.Pkg+" "+k.Name]; !ok {
				run.order[k.Pkg+" "+k.Name] = len(run.order)
			}
			if run.samples[k] == nil {
				run.samples[k] = map[string][]float64{}
			}
			for _, v := range rec.Values {
				run.samples[k][v.Unit] = append(run.samples[k][v.Unit], v.Value)
			}
		}
	}
	if err := rd.Err(); err != nil {
		return nil, err
	}
	if len(run.samples) == 0 {
		return nil, fmt.Errorf("%s: no benchmark results", name)
	}
	return run, nil
}

func keyOf(r *benchfmt.Result) Key {
	pkg := r.GetConfig("pkg")
	pkg = pkg[strings.LastIndexByte(pkg, '/')+1:]
	full := string(r.Name.Full())
	name, procs := full, 1
	if i := strings.LastIndexByte(full, '-'); i > 0 {
		if n, err := strconv.Atoi(full[i+1:]); err == nil {
			name, procs = full[:i], n
		}
	}
	return Key{Pkg: pkg, Name: "Benchmark" + name, Procs: procs}
}

// Cores is the core count recorded in the run's header (1 if absent).
func (run *Run) Cores() int {
	n, err := strconv.Atoi(run.Config["atlas-cores"])
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// Measured says whether the run can judge anything: it repeated its
// benchmarks, and not with -benchtime 1x (a smoke run).
func (run *Run) Measured() bool {
	if strings.Contains(run.Config["atlas-run"], "-benchtime 1x") {
		return false
	}
	for _, units := range run.samples {
		for _, xs := range units {
			if len(xs) >= 2 {
				return true
			}
		}
	}
	return false
}

// Samples is a copy of a series' samples in one unit, in run order.
func (run *Run) Samples(k Key, unit string) []float64 {
	return slices.Clone(run.samples[k][unit])
}

// Median is the median of a series' samples in one unit ("sec/op",
// "speedup", "B/op", ...), and whether there were any.
func (run *Run) Median(k Key, unit string) (float64, bool) {
	xs := run.samples[k][unit]
	if len(xs) == 0 {
		return 0, false
	}
	return median(sorted(xs)), true
}

// MedianAtMost finds the series at the highest GOMAXPROCS not above procs,
// for metrics that barely depend on it (start costs, memory). It returns
// the median and the GOMAXPROCS it was measured at.
func (run *Run) MedianAtMost(pkg, name string, procs int, unit string) (float64, int, bool) {
	best := 0
	for _, p := range run.Procs(pkg, name) {
		if p <= procs {
			best = p
		}
	}
	if best == 0 {
		return 0, 0, false
	}
	v, ok := run.Median(Key{pkg, name, best}, unit)
	return v, best, ok
}

// Procs lists the GOMAXPROCS values a series was run at, in order.
func (run *Run) Procs(pkg, name string) []int {
	var ps []int
	for k := range run.samples {
		if k.Pkg == pkg && k.Name == name {
			ps = append(ps, k.Procs)
		}
	}
	sort.Ints(ps)
	return ps
}

// lowestProcs is the lowest GOMAXPROCS the series of k ran at, 0 if none.
func (run *Run) lowestProcs(k Key) int {
	ps := run.Procs(k.Pkg, k.Name)
	if len(ps) == 0 {
		return 0
	}
	return ps[0]
}

// Keys lists every series, sorted.
func (run *Run) Keys() []Key {
	keys := make([]Key, 0, len(run.samples))
	for k := range run.samples {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.Pkg != b.Pkg {
			return a.Pkg < b.Pkg
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Procs < b.Procs
	})
	return keys
}

// byAppearance is every series in the order the run met them.
func (run *Run) byAppearance() []Key {
	keys := run.Keys()
	slices.SortStableFunc(keys, func(a, b Key) int {
		return run.order[a.Pkg+" "+a.Name] - run.order[b.Pkg+" "+b.Name]
	})
	return keys
}

// Units lists the units a series reported.
func (run *Run) Units(k Key) []string {
	var us []string
	for u := range run.samples[k] {
		us = append(us, u)
	}
	sort.Strings(us)
	return us
}

// reporting lists every benchmark that reported unit, package-qualified
// and without GOMAXPROCS ("bench.BenchmarkCPUBound/serial"), in order; the
// key of each name, with Procs left 0; and every GOMAXPROCS value at which
// any of them ran, in order.
func (run *Run) reporting(unit string) ([]string, map[string]Key, []int) {
	seen := map[string]Key{}
	procSet := map[int]bool{}
	for _, k := range run.Keys() {
		if _, ok := run.samples[k][unit]; ok {
			seen[k.Pkg+"."+k.Name] = Key{Pkg: k.Pkg, Name: k.Name}
			procSet[k.Procs] = true
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	var procs []int
	for p := range procSet {
		procs = append(procs, p)
	}
	sort.Ints(procs)
	return names, seen, procs
}

// String renders every median, for debugging and tests.
func (run *Run) String() string {
	var b strings.Builder
	for _, k := range run.Keys() {
		for _, u := range run.Units(k) {
			v, _ := run.Median(k, u)
			fmt.Fprintf(&b, "%s %s-%d %s=%g\n", k.Pkg, k.Name, k.Procs, u, v)
		}
	}
	return b.String()
}
