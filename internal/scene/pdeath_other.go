//go:build unix && !linux

package scene

import "syscall"

func setParentDeathSignal(*syscall.SysProcAttr) {}
