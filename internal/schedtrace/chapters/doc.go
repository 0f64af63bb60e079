// Package chapters adds to the schedule pictures the scenarios that use
// other chapters' code: the event loop (claims A1 and A7). Importing it
// registers them with schedtrace.
//
// They live apart from schedtrace so that schedtrace depends on nothing
// but the runtime: a chapter may use schedtrace in its own tests without
// an import cycle, and a change in a chapter's API breaks only this
// package.
//
// Run: go test ./internal/schedtrace/chapters/ and see
// testdata/pictures/a1-eventloop.svg and a7-stalled-loop.svg.
package chapters
