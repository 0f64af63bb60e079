package schedtrace_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/schedtrace"
)

// helperLoop and lonelyHelper stand for functions a library starts
// goroutines in, which the scenario cannot label.
func helperLoop(done <-chan struct{}, exited chan<- struct{}) {
	<-done
	exited <- struct{}{}
}

func lonelyHelper(done <-chan struct{}, exited chan<- struct{}) {
	<-done
	exited <- struct{}{}
}

func selfNamingHelper(stage *schedtrace.Stage, done <-chan struct{}, exited chan<- struct{}) {
	stage.Label("named itself")
	<-done
	exited <- struct{}{}
}

// Goroutines started outside the Stage get lanes by the function they
// start in: numbered when several match, plain when one does, and a
// label the goroutine writes itself wins.
func TestAdoptNamesGoroutinesByWhereTheyStart(t *testing.T) {
	sc := schedtrace.Scenario{
		Name: "adopt", Procs: 1,
		Adopt: []schedtrace.Adopt{
			{Func: "schedtrace_test.helperLoop", Label: "helper"},
			{Func: "schedtrace_test.lonelyHelper", Label: "lonely"},
			{Func: "schedtrace_test.selfNamingHelper", Label: "unused"},
		},
		Run: func(stage *schedtrace.Stage) {
			stage.Go("starter", func() {
				done, exited := make(chan struct{}), make(chan struct{}, 4)
				go helperLoop(done, exited)
				go helperLoop(done, exited)
				go lonelyHelper(done, exited)
				go selfNamingHelper(stage, done, exited)
				close(done)
				for range 4 {
					<-exited
				}
			})
		},
	}
	tl, err := schedtrace.Record(sc)
	require.NoError(t, err)
	var got []string
	for _, g := range tl.Goroutines {
		got = append(got, g.Label)
	}
	assert.ElementsMatch(t, []string{"starter", "helper 1", "helper 2", "lonely", "named itself"}, got)
}

func TestAdoptRulesMustBeComplete(t *testing.T) {
	for _, bad := range []schedtrace.Adopt{{Func: "pool.(*Pool).collect"}, {Label: "reader"}} {
		sc := schedtrace.Scenario{Name: "bad adopt", Procs: 1, Run: func(*schedtrace.Stage) {}, Adopt: []schedtrace.Adopt{bad}}
		_, err := schedtrace.Capture(sc)
		assert.True(t, errors.Is(err, schedtrace.ErrInvalidScenario), "Capture: %v", err)
		_, err = schedtrace.Parse(nil, bad)
		assert.True(t, errors.Is(err, schedtrace.ErrInvalidScenario), "Parse: %v", err)
	}
}

func TestParseRejectsANilReader(t *testing.T) {
	_, err := schedtrace.Parse(nil)
	assert.EqualError(t, err, "schedtrace: no trace to read (nil reader)")
}
