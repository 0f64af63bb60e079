//go:build !linux

package multiprocessing

import "syscall"

// HasParentDeathSignal reports whether workers are killed by the kernel as
// soon as their parent dies. Only Linux offers that; here a worker notices
// when it next reads its input pipe and finds it closed.
const HasParentDeathSignal = false

func setParentDeathSignal(*syscall.SysProcAttr) {}
