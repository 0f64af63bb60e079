// The live members of a process group, read from /proc (Linux).

//go:build unix

package cpython

import (
	"os"
	"strconv"
	"syscall"

	"github.com/concurrency-atlas/atlas/internal/child"
)

// groupMembers lists the processes of group pgid that still run; zombies,
// which have ended and wait only to be reaped, are not counted. Without
// /proc it knows of none.
func groupMembers(pgid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if g, err := syscall.Getpgid(pid); err == nil && g == pgid && child.Alive(pid) {
			pids = append(pids, pid)
		}
	}
	return pids
}
