// Package pictures adds to the schedule pictures the scenarios that use
// the chapters' code. Importing it registers them with internal/schedtrace,
// which the pictures command (bench/cmd/pictures) draws.
//
// # Scenarios
//
//   - eventloop.go: one event loop's tasks take turns on one thread though
//     two Ps are free (A1), and a task that never awaits stalls them all
//     (A7).
//   - processpool.go: the parent of a process pool waits, its readers on
//     the workers' pipes, while the workers compute (M2). The pool's own
//     goroutines get lanes through schedtrace.Adopt.
//
// # Why here
//
// They live beside bench/cmd/pictures, not in internal/: the packages
// under internal/ are the ground floor that the chapters build on, and
// import none of them.
//
// # Running it
//
//	go test -v ./bench/pictures/
//
// checks each schedule and each picture's rules; the pictures are
// testdata/pictures/a1-eventloop.svg, a7-stalled-loop.svg and
// m2-pool-parent.svg.
package pictures
