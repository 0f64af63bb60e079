//go:build !linux

package pool

import (
	"io"
	"os"
)

// newQuietPipe is the file itself: the raw-call trick of
// quietpipe_linux.go was measured on Linux only.
func newQuietPipe(f *os.File) io.ReadWriter { return f }

// pollableFile opens an inherited pipe end as it is.
func pollableFile(fd int, name string) *os.File { return os.NewFile(uintptr(fd), name) }
