// Time on the axis is shown in the unit a reader expects at that scale:
// ticks fall on 1, 2 or 5 times a power of ten, labelled in ns, µs or ms.

package schedtrace

import (
	"strconv"
	"time"
)

// niceStep returns the smallest 1, 2 or 5 × 10^k nanoseconds that is at
// least rough (and at least 1 ns).
func niceStep(rough time.Duration) time.Duration {
	step := time.Duration(1)
	for {
		for _, m := range []time.Duration{1, 2, 5} {
			if m*step >= rough {
				return m * step
			}
		}
		step *= 10
	}
}

// unitFor picks the unit in which a tick step of step reads best.
func unitFor(step time.Duration) (time.Duration, string) {
	switch {
	case step >= time.Second:
		return time.Second, "s"
	case step >= time.Millisecond:
		return time.Millisecond, "ms"
	case step >= time.Microsecond:
		return time.Microsecond, "µs"
	}
	return time.Nanosecond, "ns"
}

// formatTick labels a tick at t on an axis whose ticks are step apart.
func formatTick(t, step time.Duration) string {
	if t == 0 {
		return "0"
	}
	unit, name := unitFor(step)
	return strconv.FormatFloat(float64(t)/float64(unit), 'f', -1, 64) + " " + name
}

// formatDuration writes d to three significant figures in its own unit.
func formatDuration(d time.Duration) string {
	unit, name := unitFor(d)
	return strconv.FormatFloat(float64(d)/float64(unit), 'g', 3, 64) + " " + name
}
