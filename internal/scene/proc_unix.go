//go:build unix

package scene

import (
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// isolate puts the child in a process group of its own so that a kill
// reaches everything it started.
func isolate(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	setParentDeathSignal(cmd.SysProcAttr)
}

func killGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	if err == syscall.ESRCH {
		return os.ErrProcessDone
	}
	return err
}

// waitGroupGone waits, at most for limit, until no live process is left
// in the child's process group.
func waitGroupGone(cmd *exec.Cmd, limit time.Duration) {
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

func signalOf(ps *os.ProcessState) string {
	if ps == nil {
		return ""
	}
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return ws.Signal().String()
	}
	return ""
}
