//go:build unix

package multiprocessing

import "syscall"

func ownProcessGroup(a *syscall.SysProcAttr) { a.Setpgid = true }
