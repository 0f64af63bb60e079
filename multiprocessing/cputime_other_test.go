//go:build !unix

package multiprocessing_test

// parentCPU is not measured on this system.
func parentCPU() (int64, bool) { return 0, false }
