//go:build !unix

package scene

import (
	"os"
	"os/exec"
	"time"
)

func isolate(*exec.Cmd) {}

func killGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return cmd.Process.Kill()
}

func aliveBySignal(int) bool { return false }

func waitGroupGone(*exec.Cmd, time.Duration) {}

func signalOf(*os.ProcessState) string { return "" }
