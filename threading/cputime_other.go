//go:build unix && !linux

package threading

import (
	"syscall"
	"time"
)

// ThreadCPUTime falls back to the whole process's CPU time where there is
// no per-thread figure; the other threads add a little noise.
func ThreadCPUTime() (time.Duration, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, err
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}
