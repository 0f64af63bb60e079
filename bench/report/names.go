// Benchmark names read the way benchstat reads them. A cross-model
// benchmark names its sub-benchmarks as keys, so that
// "BenchmarkMixed/mix=balanced/model=pipeline" is the benchmark
// BenchmarkMixed with mix=balanced and model=pipeline, and the report
// finds every model of a question by its keys rather than by a list.

package report

import (
	"slices"
	"strings"
)

// nameKeys splits a series name (without its GOMAXPROCS) into its base
// and its keys. ok is false when a part after the base is not key=value.
func nameKeys(name string) (base string, keys map[string]string, ok bool) {
	parts := strings.Split(name, "/")
	keys = map[string]string{}
	for _, p := range parts[1:] {
		k, v, found := strings.Cut(p, "=")
		if !found || k == "" {
			return parts[0], nil, false
		}
		keys[k] = v
	}
	return parts[0], keys, true
}

// variant is one series of a benchmark, told apart from its siblings by
// the value of one key.
type variant struct {
	value string // the key's value, such as "goroutines"
	name  string // the series, such as "BenchmarkCPUBound/model=goroutines"
}

// variants lists the series of benchmark bench in package pkg that carry
// exactly the keys fixed ("work=timer", ...) and the key by, in the order
// they first appeared in the run, which is the order the benchmark ran
// them in.
func (run *Run) variants(pkg, bench, by string, fixed ...string) []variant {
	var out []variant
	seen := map[string]bool{}
	for _, k := range run.byAppearance() {
		if k.Pkg != pkg || seen[k.Name] {
			continue
		}
		base, keys, ok := nameKeys(k.Name)
		if !ok || base != bench || len(keys) != len(fixed)+1 {
			continue
		}
		if v, has := keys[by]; has && hasAll(keys, fixed) {
			seen[k.Name] = true
			out = append(out, variant{value: v, name: k.Name})
		}
	}
	return out
}

func hasAll(keys map[string]string, fixed []string) bool {
	for _, f := range fixed {
		k, v, _ := strings.Cut(f, "=")
		if got, ok := keys[k]; !ok || got != v {
			return false
		}
	}
	return true
}

// keyValues lists the values key takes across benchmark bench in package
// pkg, in the order they first appeared.
func (run *Run) keyValues(pkg, bench, key string) []string {
	var out []string
	for _, k := range run.byAppearance() {
		base, keys, ok := nameKeys(k.Name)
		if v, has := keys[key]; k.Pkg == pkg && ok && base == bench && has && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// spread is a series' median in one unit and the lowest and highest of
// its samples, which the charts draw around it.
func (run *Run) spread(k Key, unit string) (med, lo, hi float64, ok bool) {
	xs := run.samples[k][unit]
	if len(xs) == 0 {
		return 0, 0, 0, false
	}
	s := sorted(xs)
	return median(s), s[0], s[len(s)-1], true
}

// importPath is the import path of the package whose folder ends in pkg,
// as the run's pkg: lines give it.
func (run *Run) importPath(pkg string) string {
	if p, ok := run.imports[pkg]; ok && p != "" {
		return p
	}
	return pkg
}
