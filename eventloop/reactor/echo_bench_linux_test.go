// Claim A11, the comparison: the epoll reactor against a goroutine per
// connection, on many loopback connections at once (10,000 when the
// file-descriptor limit allows; the benchmark raises its soft limit to the
// hard one, and uses fewer connections if even that is too low; 200 under
// -short).
//
//	go test -run '^$' -bench Echo -cpu 1,2 ./eventloop/reactor/
//
// You will see roundtrips/s (every connection echoes one line per op) and
// bytes/conn (heap plus stacks per open connection, client side included,
// which is the same for both).

package reactor

import (
	"fmt"
	"io"
	"net"
	"runtime"
	"sync"
	"syscall"
	"testing"
)

// connBudget raises RLIMIT_NOFILE as far as it may and says how many
// client+server connection pairs fit, up to want. A privileged process
// (root, or CAP_SYS_RESOURCE) may raise the hard limit too; others stop
// at it.
func connBudget(b *testing.B, want int) int {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		b.Fatal(err)
	}
	if need := uint64(2*want + 256); lim.Max < need {
		raised := syscall.Rlimit{Cur: need, Max: need}
		if syscall.Setrlimit(syscall.RLIMIT_NOFILE, &raised) == nil {
			lim = raised
		}
	}
	if lim.Cur < lim.Max {
		lim.Cur = lim.Max
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
			b.Logf("could not raise the fd limit: %v", err)
		}
		_ = syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim)
	}
	n := min(want, (int(lim.Cur)-256)/2) // two fds per connection, plus slack
	if n < want {
		b.Logf("fd limit %d: using %d connections instead of %d", lim.Cur, n, want)
	}
	return n
}

func inUse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse + ms.StackInuse
}

func BenchmarkEcho(b *testing.B) {
	want := 10_000
	if testing.Short() {
		want = 200
	}
	n := connBudget(b, want)
	servers := []struct {
		name  string
		start func() (addr string, stop func(), err error)
	}{
		{"reactor", func() (string, func(), error) {
			s, err := Listen("127.0.0.1:0", 0)
			if err != nil {
				return "", nil, err
			}
			served := make(chan error, 1)
			go func() { served <- s.Serve() }()
			return s.Addr(), func() { s.Shutdown(); <-served }, nil
		}},
		{"goroutinePerConn", func() (string, func(), error) {
			s, err := ListenGoroutines("127.0.0.1:0", 0)
			if err != nil {
				return "", nil, err
			}
			return s.Addr(), s.Shutdown, nil
		}},
	}
	for _, srv := range servers {
		b.Run(srv.name, func(b *testing.B) {
			runtime.GC()
			before := inUse()
			addr, stop, err := srv.start()
			if err != nil {
				b.Fatal(err)
			}
			defer stop()
			conns := make([]net.Conn, n)
			defer func() {
				for _, c := range conns {
					if c != nil {
						c.Close()
					}
				}
			}()
			for i := range conns {
				if conns[i], err = net.Dial("tcp4", addr); err != nil {
					b.Fatalf("dial %d: %v", i, err)
				}
			}
			roundAll(b, conns) // every connection is now accepted and warm
			perConn := float64(inUse()-before) / float64(n)

			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				roundAll(b, conns)
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "roundtrips/s")
			b.ReportMetric(perConn, "bytes/conn")
		})
	}
}

// roundAll sends one line on every connection and reads every echo, with a
// few client goroutines each owning a slice of the connections.
func roundAll(b *testing.B, conns []net.Conn) {
	const clients = 64
	var wg sync.WaitGroup
	per := (len(conns) + clients - 1) / clients
	for lo := 0; lo < len(conns); lo += per {
		mine := conns[lo:min(lo+per, len(conns))]
		wg.Go(func() {
			msg := []byte("ping\n")
			buf := make([]byte, len(msg))
			for _, c := range mine {
				if _, err := c.Write(msg); err != nil {
					b.Error(err)
					return
				}
			}
			for _, c := range mine {
				if _, err := io.ReadFull(c, buf); err != nil || string(buf) != string(msg) {
					b.Error(fmt.Errorf("echo: %q, %v", buf, err))
					return
				}
			}
		})
	}
	wg.Wait()
}
