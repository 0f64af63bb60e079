// Package testfuncs registers the functions that the tests of
// multiprocessing and its pool run in workers. Both test binaries import
// it, so the functions exist in the parent and in every worker started
// from it, and each test package need not register its own copy.
package testfuncs

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// Counter is package state. Each process has its own copy.
var Counter = 7

func init() {
	pool.Register("test/pid", func([]byte) ([]byte, error) {
		return strconv.AppendInt(nil, int64(os.Getpid()), 10), nil
	})
	pool.Register("test/panic", func(arg []byte) ([]byte, error) {
		panic("boom: " + string(arg))
	})
	pool.Register("test/fail", func(arg []byte) ([]byte, error) {
		return nil, errors.New("refusing " + string(arg))
	})
	pool.Register("test/not-json", func([]byte) ([]byte, error) {
		return []byte("<not json>"), nil
	})
	pool.Register("test/bytes", func(arg []byte) ([]byte, error) {
		n, err := strconv.Atoi(string(arg))
		return make([]byte, n), err
	})
	pool.Register("test/bump-counter", func([]byte) ([]byte, error) {
		Counter++
		return strconv.AppendInt(nil, int64(Counter), 10), nil
	})
	// report-and-block tells the test, over a loopback connection, which
	// worker picked it up, then never returns: the test decides its end.
	pool.Register("test/report-and-block", func(addr []byte) ([]byte, error) {
		c, err := net.Dial("tcp", string(addr))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(c, "%d\n", os.Getpid())
		time.Sleep(time.Hour)
		return nil, c.Close()
	})
	// report-and-wait is report-and-block that returns its pid when the
	// test writes a line or hangs up.
	pool.Register("test/report-and-wait", func(addr []byte) ([]byte, error) {
		c, err := net.Dial("tcp", string(addr))
		if err != nil {
			return nil, err
		}
		defer c.Close()
		fmt.Fprintf(c, "%d\n", os.Getpid())
		_, _ = c.Read(make([]byte, 1))
		return strconv.AppendInt(nil, int64(os.Getpid()), 10), nil
	})
	pool.Register("test/sleep", func([]byte) ([]byte, error) {
		time.Sleep(time.Hour)
		return nil, nil
	})
	pool.Register("example/fibtext", func(arg []byte) ([]byte, error) {
		n, err := strconv.Atoi(string(arg))
		if err != nil {
			return nil, err
		}
		return fmt.Appendf(nil, "fib(%d) = %d", n, workload.Fib(n)), nil
	})
}

func MustAtoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// NewPool starts a pool of n workers that the test closes when it ends.
func NewPool(t testing.TB, n int, opts ...pool.Option) *pool.Pool {
	t.Helper()
	p, err := pool.New(t.Context(), n, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}
