//go:build !unix

package child

import (
	"os"
	"os/exec"
	"syscall"
	"time"
)

// Attrs has nothing to set here: no process groups, no parent-death signal.
func Attrs(bool) *syscall.SysProcAttr { return nil }

// KillGroup kills the child alone: there are no groups here.
func KillGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return cmd.Process.Kill()
}

// WaitGroupGone has no group to wait for.
func WaitGroupGone(*exec.Cmd, time.Duration) {}

func aliveBySignal(int) bool { return false }

// Signal is unknown here.
func Signal(*os.ProcessState) string { return "" }
