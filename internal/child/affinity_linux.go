// Pinning a child to one CPU. A process starts with the affinity of the
// thread that forked it, and every thread its runtime makes inherits it.
// A Forker forks from a locked thread of its own, so that thread can narrow
// its affinity to one CPU for the fork and widen it again afterwards: the
// child is pinned from its first instruction, all its threads included,
// and nothing else in the parent is.

package child

import (
	"os/exec"

	"golang.org/x/sys/unix"
)

// AllowedCPUs lists the CPUs this process may run on, in order.
func AllowedCPUs() []int {
	var set unix.CPUSet
	if err := unix.SchedGetaffinity(0, &set); err != nil {
		return nil
	}
	var cpus []int
	for cpu := 0; cpu < len(set)*64 && len(cpus) < set.Count(); cpu++ {
		if set.IsSet(cpu) {
			cpus = append(cpus, cpu)
		}
	}
	return cpus
}

// startOn starts cmd pinned to cpu, or unpinned if cpu is -1. It must run
// on a locked thread: it changes that thread's own affinity for a moment.
func startOn(cmd *exec.Cmd, cpu int) error {
	if cpu < 0 {
		return cmd.Start()
	}
	var old, one unix.CPUSet
	if err := unix.SchedGetaffinity(0, &old); err != nil {
		return err
	}
	one.Set(cpu)
	if err := unix.SchedSetaffinity(0, &one); err != nil {
		return err
	}
	err := cmd.Start()
	// Should this fail, the only harm is that later workers of this pool
	// inherit the same CPU; failing a start that succeeded would be worse.
	_ = unix.SchedSetaffinity(0, &old)
	return err
}
