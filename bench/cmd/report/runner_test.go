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
