// Package pictures adds to the schedule pictures the scenarios that use
// the chapters' code: the event loop (claims A1 and A7) and the parent
// side of a process pool (M2). Importing it registers them with
// internal/schedtrace, which the pictures command draws.
//
// They live here, beside bench/cmd/pictures, and not in internal/: the
// packages under internal/ are the ground floor that the chapters build
// on, and import none of them.
//
// Run: go test ./bench/pictures/ and see testdata/pictures/a1-eventloop.svg,
// a7-stalled-loop.svg and m2-pool-parent.svg.
package pictures
