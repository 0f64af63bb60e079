package scene

import "syscall"

// setParentDeathSignal makes the kernel kill the child if the test binary
// dies first, so that not even a crashed parent leaves a scene running.
func setParentDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
