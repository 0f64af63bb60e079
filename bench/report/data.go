package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/perf/benchfmt"
)

// Key identifies one benchmark series: the package folder's last element,
// the benchmark's name without its GOMAXPROCS suffix, and that GOMAXPROCS.
type Key struct {
	Pkg   string // e.g. "threading"
	Name  string // e.g. "BenchmarkCPUBound/goroutines"
	Procs int
}

// Data is a run's results, grouped so medians can be looked up by name.
type Data struct {
	Config  map[string]string // file configuration (atlas-*, goos, cpu, ...)
	samples map[Key]map[string][]float64
}

// Load reads raw `go test -bench` output.
func Load(path string) (*Data, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(f, path)
}

// Parse reads raw `go test -bench` output from r.
func Parse(r io.Reader, name string) (*Data, error) {
	d := &Data{Config: map[string]string{}, samples: map[Key]map[string][]float64{}}
	rd := benchfmt.NewReader(r, name)
	for rd.Scan() {
		switch rec := rd.Result(); rec := rec.(type) {
		case *benchfmt.SyntaxError:
			return nil, rec
		case *benchfmt.Result:
			for _, c := range rec.Config {
				if c.File {
					d.Config[c.Key] = string(c.Value)
				}
			}
			k := keyOf(rec)
			if d.samples[k] == nil {
				d.samples[k] = map[string][]float64{}
			}
			for _, v := range rec.Values {
				d.samples[k][v.Unit] = append(d.samples[k][v.Unit], v.Value)
			}
		}
	}
	if err := rd.Err(); err != nil {
		return nil, err
	}
	if len(d.samples) == 0 {
		return nil, fmt.Errorf("%s: no benchmark results", name)
	}
	return d, nil
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

// Median is the median of a series' samples in one unit ("sec/op",
// "speedup", "B/op", ...), and whether there were any.
func (d *Data) Median(k Key, unit string) (float64, bool) {
	xs := d.samples[k][unit]
	if len(xs) == 0 {
		return 0, false
	}
	s := slices.Clone(xs)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2], true
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2, true
}

// Samples is a copy of a series' samples in one unit, in run order.
func (d *Data) Samples(k Key, unit string) []float64 {
	return slices.Clone(d.samples[k][unit])
}

// sorted is a sorted copy of xs.
func sorted(xs []float64) []float64 {
	s := slices.Clone(xs)
	sort.Float64s(s)
	return s
}

// Measured says whether the run can judge anything: it repeated its
// benchmarks, and not with -benchtime 1x (a smoke run).
func (d *Data) Measured() bool {
	if strings.Contains(d.Config["atlas-run"], "-benchtime 1x") {
		return false
	}
	for _, units := range d.samples {
		for _, xs := range units {
			if len(xs) >= 2 {
				return true
			}
		}
	}
	return false
}

// Procs lists the GOMAXPROCS values a series was run at, in order.
func (d *Data) Procs(pkg, name string) []int {
	var ps []int
	for k := range d.samples {
		if k.Pkg == pkg && k.Name == name {
			ps = append(ps, k.Procs)
		}
	}
	sort.Ints(ps)
	return ps
}

// Keys lists every series, sorted.
func (d *Data) Keys() []Key {
	keys := make([]Key, 0, len(d.samples))
	for k := range d.samples {
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

// MedianAtMost finds the series at the highest GOMAXPROCS not above procs,
// for metrics that barely depend on it (start costs, memory).
func (d *Data) MedianAtMost(pkg, name string, procs int, unit string) (float64, int, bool) {
	best := 0
	for _, p := range d.Procs(pkg, name) {
		if p <= procs {
			best = p
		}
	}
	if best == 0 {
		return 0, 0, false
	}
	v, ok := d.Median(Key{pkg, name, best}, unit)
	return v, best, ok
}

// Units lists the units a series reported.
func (d *Data) Units(k Key) []string {
	var us []string
	for u := range d.samples[k] {
		us = append(us, u)
	}
	sort.Strings(us)
	return us
}

// String renders every median, for debugging and tests.
func (d *Data) String() string {
	var b bytes.Buffer
	for _, k := range d.Keys() {
		for _, u := range d.Units(k) {
			v, _ := d.Median(k, u)
			fmt.Fprintf(&b, "%s %s-%d %s=%g\n", k.Pkg, k.Name, k.Procs, u, v)
		}
	}
	return b.String()
}
