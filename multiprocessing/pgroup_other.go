//go:build !unix

package multiprocessing

import "syscall"

func ownProcessGroup(*syscall.SysProcAttr) {}
