//go:build !linux

package eventloop

import "testing"

func TestEveryTaskRunsOnTheLoopThread(t *testing.T) {
	t.Skip("reading the OS thread id needs Linux (gettid)")
}
