//go:build linux

package multiprocessing

import "syscall"

// HasParentDeathSignal reports whether workers are killed by the kernel as
// soon as their parent dies. Elsewhere a worker notices only when it next
// reads its input pipe and finds it closed.
const HasParentDeathSignal = true

func setParentDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
