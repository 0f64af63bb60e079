//go:build unix

package multiprocessing_test

import "syscall"

// parentCPU is the CPU time, user plus system, this process has used.
func parentCPU() (ns int64, ok bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
