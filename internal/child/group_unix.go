//go:build unix

package child

import (
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// Attrs is what every child gets from the OS: a process group of its own,
// so that a signal aimed at the parent's group (Ctrl-C, a harness killing
// a group) does not decide its fate and a kill of its group reaches all it
// started; and, if deathSignal is set and the system has one, the
// parent-death signal. Start such a child from a Forker.
func Attrs(deathSignal bool) *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{Setpgid: true}
	if deathSignal {
		setParentDeathSignal(a)
	}
	return a
}

// KillGroup kills cmd's child with everything in its process group.
func KillGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	if err == syscall.ESRCH {
		return os.ErrProcessDone
	}
	return err
}

// WaitGroupGone waits, at most for limit, until no live process is left
// in the process group of cmd's child. SIGKILL is delivered
// asynchronously, so a caller that checks pids right after KillGroup
// could otherwise still see one dying.
func WaitGroupGone(cmd *exec.Cmd, limit time.Duration) {
	if cmd.Process == nil {
		return
	}
	deadline := time.Now().Add(limit)
	for groupAlive(cmd.Process.Pid) && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
}

// groupAlive reports whether a process of group pgid is still running.
// Zombies do not count: they have exited and wait only to be reaped.
func groupAlive(pgid int) bool {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return syscall.Kill(-pgid, 0) == nil
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if g, state, ok := procGroup(pid); ok && g == pgid && state != 'Z' && state != 'X' {
			return true
		}
	}
	return false
}

func aliveBySignal(pid int) bool { return syscall.Kill(pid, 0) == nil }

// Signal names the signal that ended a process, or "" if none did.
func Signal(ps *os.ProcessState) string {
	if ps == nil {
		return ""
	}
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return ws.Signal().String()
	}
	return ""
}
