package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPassesRunTheScalingBenchmarksAtTheExtraProcsOnly(t *testing.T) {
	o := options{cpu: []int{1, 2}, scaleCPU: []int{2, 4}, bench: ".", scale: "CPUBound"}
	assert.Equal(t, []pass{
		{procs: 1, bench: "."},
		{procs: 2, bench: "."},
		{procs: 4, bench: "CPUBound", note: ", scaling benchmarks"},
	}, o.passes(), "GOMAXPROCS=2 runs every benchmark already")
	o.scaleCPU = nil
	assert.Len(t, o.passes(), 2)
}

func TestTheRawFileKeepsResultsAndConfigurationLines(t *testing.T) {
	for line, want := range map[string]bool{
		"BenchmarkCPUBound/model=serial-2 \t 4 \t 27000000 ns/op": true,
		"goos: linux":                  true,
		"pkg: github.com/x/y":          true,
		"workers: 2":                   true,
		"atlas-note:":                  true,
		"PASS":                         false,
		"--- FAIL: BenchmarkX":         false,
		"    x_test.go:12: a log line": false,
		"Workers: 2":                   false,
		"two words: no":                false,
		"ok  \tgithub.com/x/y\t1.2s":   false,
	} {
		assert.Equal(t, want, keep.MatchString(line), "%q", line)
	}
}
