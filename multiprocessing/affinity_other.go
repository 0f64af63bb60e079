//go:build !linux

package multiprocessing

import "os/exec"

// allowedCPUs is unknown here, so WithCPUAffinity pins nothing.
func allowedCPUs() []int { return nil }

func startOn(cmd *exec.Cmd, _ int) error { return cmd.Start() }
