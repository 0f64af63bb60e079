//go:build !unix

package scene

import "os"
import "os/exec"

func isolate(*exec.Cmd) {}

func killGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return cmd.Process.Kill()
}

func aliveBySignal(int) bool { return false }

func signalOf(*os.ProcessState) string { return "" }
