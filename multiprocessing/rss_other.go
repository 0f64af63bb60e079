//go:build !linux

package multiprocessing

import "errors"

// ResidentMemory needs Linux's /proc.
func ResidentMemory(pid int) (int64, error) { return 0, errors.ErrUnsupported }
