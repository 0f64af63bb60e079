// Claims A1 and A7: one thread runs many tasks through an event loop; a
// task that never awaits stalls all of them.
//
//	go test -run 'TestEventLoopRunsOneTaskAtATime|TestStalledLoopRunsNothingElse' -v ./bench/pictures/
//
// You will see "A1: 3 tasks, at most 1 running at once, OS threads used:
// 1" with the number of switches between the tasks, then "A7: while the
// hog computed (one stretch of …), no other task ran", each read from a
// runtime trace with two Ps. testdata/pictures/a1-eventloop.svg and a7-stalled-loop.svg draw
// the same schedules.

package pictures

import (
	"fmt"
	"io"
	"time"

	"github.com/concurrency-atlas/atlas/eventloop"
	"github.com/concurrency-atlas/atlas/internal/schedtrace"
)

// LoopTasks is the number of well-behaved tasks on the loop in both
// scenarios, and LoopRounds how often each computes and sleeps.
const (
	LoopTasks  = 3
	LoopRounds = 4
)

// politeTask computes a little, then awaits a sleep, LoopRounds times.
func politeTask(stage *schedtrace.Stage, name string) func(*eventloop.Coro) (int, error) {
	return func(co *eventloop.Coro) (int, error) {
		stage.Label(name)
		for range LoopRounds {
			schedtrace.Burn(time.Millisecond)
			if err := co.Sleep(2 * time.Millisecond); err != nil {
				return 0, err
			}
		}
		return 0, nil
	}
}

// politeTasks makes LoopTasks polite tasks, named "task 1" and on, and the
// order to create them in.
func politeTasks(stage *schedtrace.Stage) (map[string]func(*eventloop.Coro) (int, error), []string) {
	tasks := map[string]func(*eventloop.Coro) (int, error){}
	var order []string
	for i := 1; i <= LoopTasks; i++ {
		name := fmt.Sprintf("task %d", i)
		tasks[name], order = politeTask(stage, name), append(order, name)
	}
	return tasks, order
}

// runLoop runs, in a goroutine labelled "loop", a loop whose main task
// gathers the given tasks.
func runLoop(stage *schedtrace.Stage, loop *eventloop.Loop, tasks map[string]func(*eventloop.Coro) (int, error), order []string) {
	stage.Go("loop", func() {
		_, err := eventloop.Run(loop, func(co *eventloop.Coro) (int, error) {
			var aws []eventloop.Awaitable[int]
			for _, name := range order {
				aws = append(aws, eventloop.CreateTask(co, name, tasks[name]))
			}
			_, err := eventloop.Gather(co, aws...)
			return 0, err
		})
		if err != nil {
			panic(fmt.Sprintf("event loop scenario failed: %v", err))
		}
	})
}

// ManyTasksOnOneLoop runs LoopTasks tasks on one event loop with two Ps
// available.
func ManyTasksOnOneLoop() schedtrace.Scenario {
	return schedtrace.Scenario{
		Name:  "a1-eventloop",
		Claim: "A1",
		Title: "A1: one event loop runs several tasks on one thread",
		Caption: "Two Ps are available, yet no two tasks ever run at the same time: the loop goroutine, " +
			"locked to one OS thread, switches to one task's coroutine at a time while the loop and the " +
			"other tasks wait. The P that thread holds may change from turn to turn; the thread does not.",
		Procs: 2,
		Run: func(stage *schedtrace.Stage) {
			tasks, order := politeTasks(stage)
			runLoop(stage, eventloop.New(eventloop.Log(io.Discard)), tasks, order)
		},
	}
}

// HogDuration is how long the hog in the A7 scenario computes without
// awaiting.
const HogDuration = 30 * time.Millisecond

// LoopStalledByAHog runs the same tasks plus one that computes for
// HogDuration without awaiting.
func LoopStalledByAHog() schedtrace.Scenario {
	return schedtrace.Scenario{
		Name:  "a7-stalled-loop",
		Claim: "A7",
		Title: "A7: a task that never awaits stalls the whole loop",
		Caption: "The hog computes without awaiting. The other tasks' sleeps end, but nothing resumes " +
			"them until the hog finishes: the loop has one thread, so at most one P is busy at a time. " +
			"When the runtime preempts the hog (runnable), that frees the thread for nobody else.",
		Procs: 2,
		Run: func(stage *schedtrace.Stage) {
			tasks, order := politeTasks(stage)
			tasks["hog"] = func(co *eventloop.Coro) (int, error) {
				stage.Label("hog")
				if err := co.Sleep(3 * time.Millisecond); err != nil {
					return 0, err
				}
				schedtrace.Burn(HogDuration)
				return 0, nil
			}
			order = append(order, "hog")
			runLoop(stage, eventloop.New(eventloop.Log(io.Discard)), tasks, order)
		},
	}
}

func init() {
	schedtrace.Register(ManyTasksOnOneLoop())
	schedtrace.Register(LoopStalledByAHog())
}
