package bench

import (
	"testing"
	"time"
)

// Claim F4: waiting leaves the CPU idle, computing keeps it busy. A
// benchmark shows it with cpu-cores, the CPU time the process used per
// second of the benchmark's wall time: about 1 for one goroutine that
// computes, near 0 for one that waits on timers, up to GOMAXPROCS for
// many that compute.

// cpuMeter reads the process's CPU time at the start of a benchmark's
// timed loop.
type cpuMeter struct{ start time.Duration }

func startCPU() cpuMeter { return cpuMeter{processCPU()} }

// report adds cpu-cores to b's results. Call it right after the timed
// loop, with nothing in between that uses the CPU.
func (m cpuMeter) report(b *testing.B) {
	used := processCPU() - m.start
	if wall := b.Elapsed(); wall > 0 {
		b.ReportMetric(used.Seconds()/wall.Seconds(), "cpu-cores")
	}
}
