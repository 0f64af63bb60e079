//go:build !linux

package reactor

import "testing"

func TestReactor(t *testing.T) { t.Skip("the reactor is built on epoll, which only Linux has") }
