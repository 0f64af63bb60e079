//go:build !linux

package child

import "os/exec"

// AllowedCPUs is unknown here: it is nil, and nothing is pinned.
func AllowedCPUs() []int { return nil }

func startOn(cmd *exec.Cmd, _ int) error { return cmd.Start() }
