//go:build !unix

package multiprocessing

import "os"

// blockingPipe falls back to os.Pipe where pipe(2) is not available.
func blockingPipe() (r, w *os.File, err error) { return os.Pipe() }
