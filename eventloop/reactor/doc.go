// Package reactor is the event loop with nothing hidden (A11): one locked
// OS thread asks the kernel, through epoll, which of many non-blocking
// sockets are ready, and serves each ready one a little at a time. It
// echoes lines back, and every connection has two fixed-size buffers, so a
// client that never reads or never ends its line costs a bounded amount of
// memory and stalls nobody.
//
// Go's own net package is built on the same idea (the netpoller) and hides
// it behind one goroutine per connection; GoroutineEchoServer is that
// version, and BenchmarkEcho compares the two on many connections.
//
// # Reading order
//
//   - protocol.go: the line-echo protocol both servers speak.
//   - reactor_linux.go (A11): the epoll reactor, and its tests in
//     reactor_linux_test.go.
//   - goroutines.go: the same server with a goroutine per connection.
//   - echo_bench_linux_test.go: BenchmarkEcho, the two side by side.
//
// The reactor is Linux-only; elsewhere Listen returns errors.ErrUnsupported
// and its tests skip.
//
// # Running it
//
//	go test -v ./eventloop/reactor/
//	go test -run '^$' -bench Echo -cpu 1,2 ./eventloop/reactor/
package reactor
