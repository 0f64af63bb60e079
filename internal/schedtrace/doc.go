// Package schedtrace draws pictures of real schedules. The classic
// material explains concurrency and parallelism with a hand-drawn picture
// of tasks taking turns on one core or running side by side on several;
// this chapter draws it from what the Go runtime actually did.
//
// # Reading order
//
//   - scenario.go: a Scenario is a small program plus the words for its
//     picture. Its goroutines are started with Stage.Go, which names each
//     one in the trace, so the runtime's and the test harness's own
//     goroutines can be told apart and left out.
//   - capture.go: Capture runs a scenario under runtime/trace with
//     GOMAXPROCS set for the run; Record also parses the result.
//   - adopt.go: Adopt gives lanes to goroutines a scenario cannot label,
//     such as a library's own, by the function each starts in.
//   - parse.go: Parse reads the trace with golang.org/x/exp/trace into
//     spans (goroutine, state, P, start, end) and each goroutine's steps.
//   - blocked.go: Span.Blocked says what a wait was on, telling a pipe
//     from a socket by the stack where the trace's reason says only
//     "network".
//   - analyse.go: MaxConcurrentRunning (parallelism), Switches (taking
//     turns), Steps and WithoutPreemptions (a goroutine's life story),
//     Stops (why it stopped running each time), StoppedIn (where it was
//     when it was stopped: inside its loop, or at a call after it).
//   - svg.go, lanes.go, legend.go, units.go: Draw writes the SVG: a lane
//     per P (idle where it runs nothing), a lane per goroutine (not alive
//     before it starts and after it ends), a time axis in µs or ms, a
//     legend of only what is drawn, and a caption. A slice too short to
//     see is drawn MinSliceWidth wide, centred on its true time.
//   - svgtest: reads a picture back for tests and checks its rules.
//   - f1.go, f3.go, t8.go: the scenarios, one claim each.
//
// # Claims
//
//   - F1, concurrency versus parallelism: TestSingleProcNeverRunsTwoAtOnce,
//     TestTwoProcsRunInParallel.
//   - F3, a task's states: TestGoroutineStatesInOrder.
//   - T8, preemption: TestTightLoopIsPreempted, TestGoschedYieldsAtEveryCall.
//
// The tests capture their own traces while they run and check the shape
// of the schedule (how many goroutines ran at once, in which order the
// states came), never a duration. The pictures are checked the same way,
// by parsing the SVG, never by comparing pixels.
//
// # Running it
//
//	go test -v ./internal/schedtrace/
//
// captures every scenario, and each claim's test logs what its trace
// showed; the headers of f1.go, f3.go and t8.go name the command for one
// claim alone.
//
// # Pictures
//
// In testdata/pictures at the module root: f1-gomaxprocs1.svg and
// f1-gomaxprocs2.svg (F1), f3-states.svg (F3), t8-preempted.svg and
// t8-gosched.svg (T8). Regenerate them with
//
//	go run ./bench/cmd/pictures
package schedtrace
