// The CPython figures that the project was handed, and README's headline
// table that sets Go's figures from a run beside them.

package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

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
	{"cpu-threads-speedup", "bench", "BenchmarkCPUBound/model=goroutines", "speedup", 0},
	{"cpu-pool-speedup", "bench", "BenchmarkCPUBound/model=processPool", "speedup", 0},
	{"thread-start-join", "bench", "BenchmarkStartJoin/model=goroutine", "sec/op", 1},
	{"process-start-join", "bench", "BenchmarkStartJoin/model=process", "sec/op", 1},
	{"pipe-roundtrip", "bench", "BenchmarkRoundTrip/model=pipe", "sec/roundtrip", 1},
	{"task-create-await", "eventloop", "BenchmarkCreateAwait/loopTask", "sec/op", 1},
	{"sleepers-100k", "eventloop", "BenchmarkManySleepers/loop/n=100000", "sec/op", 1},
	{"sleepers-100k-memory", "eventloop", "BenchmarkManySleepers/loop/n=100000", "bytes/task", 1},
}

// Headlines is a table of Go's figures next to CPython's on the same kind
// of machine.
func Headlines(run *Run, refs map[string]Reference) string {
	var b strings.Builder
	b.WriteString("| measure | CPython 3.11 | Go, Atlas |\n|---|---:|---:|\n")
	for _, h := range headlines {
		ref, ok := refs[h.ref]
		if !ok {
			continue
		}
		procs := h.procs
		if procs == 0 {
			procs = run.Cores()
		}
		v, _, ok := run.MedianAtMost(h.pkg, h.name, procs, h.unit)
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", ref.What, Human(ref.Value, ref.Unit), Human(v, h.unit))
	}
	return b.String()
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
