//go:build linux

package threading

import (
	"time"

	"golang.org/x/sys/unix"
)

// ThreadCPUTime is the CPU time (user plus system) used so far by the
// calling OS thread. Lock the goroutine to its thread around a
// measurement, or the goroutine may move and the figure mean nothing.
func ThreadCPUTime() (time.Duration, error) {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_THREAD, &ru); err != nil {
		return 0, err
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}
