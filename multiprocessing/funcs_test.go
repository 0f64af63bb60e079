package multiprocessing_test

// Functions the tests run in workers. They are registered in init, so they
// exist in the parent test binary and in every worker started from it.

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing"
)

// workerCounter is package state. Each process has its own copy.
var workerCounter = 7

func init() {
	multiprocessing.Register("test/pid", func([]byte) ([]byte, error) {
		return strconv.AppendInt(nil, int64(os.Getpid()), 10), nil
	})
	multiprocessing.Register("test/panic", func(arg []byte) ([]byte, error) {
		panic("boom: " + string(arg))
	})
	multiprocessing.Register("test/fail", func(arg []byte) ([]byte, error) {
		return nil, errors.New("refusing " + string(arg))
	})
	multiprocessing.Register("test/not-json", func([]byte) ([]byte, error) {
		return []byte("<not json>"), nil
	})
	multiprocessing.Register("test/bytes", func(arg []byte) ([]byte, error) {
		n, err := strconv.Atoi(string(arg))
		return make([]byte, n), err
	})
	multiprocessing.Register("test/bump-counter", func([]byte) ([]byte, error) {
		workerCounter++
		return strconv.AppendInt(nil, int64(workerCounter), 10), nil
	})
	// report-and-block tells the test, over a loopback connection, which
	// worker picked it up, then never returns: the test decides its end.
	multiprocessing.Register("test/report-and-block", func(addr []byte) ([]byte, error) {
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
	multiprocessing.Register("test/report-and-wait", func(addr []byte) ([]byte, error) {
		c, err := net.Dial("tcp", string(addr))
		if err != nil {
			return nil, err
		}
		defer c.Close()
		fmt.Fprintf(c, "%d\n", os.Getpid())
		_, _ = c.Read(make([]byte, 1))
		return strconv.AppendInt(nil, int64(os.Getpid()), 10), nil
	})
	multiprocessing.Register("test/sleep", func([]byte) ([]byte, error) {
		time.Sleep(time.Hour)
		return nil, nil
	})
	multiprocessing.Register("example/fibtext", func(arg []byte) ([]byte, error) {
		n, err := strconv.Atoi(string(arg))
		if err != nil {
			return nil, err
		}
		return fmt.Appendf(nil, "fib(%d) = %d", n, workload.Fib(n)), nil
	})
}

func mustAtoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
