//go:build !linux

package eventloop

// threadID is 0 where the thread id is not at hand, which turns the debug
// mode's thread check off there.
func threadID() int { return 0 }
