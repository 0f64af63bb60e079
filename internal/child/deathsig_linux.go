//go:build linux

package child

import "syscall"

// HasParentDeathSignal reports whether the kernel kills a child as soon as
// its parent dies. Elsewhere a child notices only when it next reads a
// pipe from its parent and finds it closed.
const HasParentDeathSignal = true

func setParentDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
