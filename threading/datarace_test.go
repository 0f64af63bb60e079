package threading_test

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/threading"
)

func init() {
	// The load every safe counter survives (TestSafeCounterReachesExactlyN),
	// on the counter with no synchronisation. The detector does not need an
	// unlucky interleaving: the goroutines' accesses are unordered by
	// happens-before, so it reports on every run.
	scene.Register("data-race", func() {
		fmt.Println("counted", incrementFromMany(&threading.LostUpdateCounter{}, 2, 100), "of 200")
	})
}

func TestDataRaceIsReportedByTheDetector(t *testing.T) {
	if !threading.RaceEnabled {
		t.Skip("the detector is only in -race builds; TestLostUpdateInterleaving shows the effect")
	}
	// The exit code is set here rather than assumed: 66 is the detector's
	// default, and halt_on_error=0 lets the scene run to its end.
	res := scene.Run(t, "data-race", scene.Env("GORACE=exitcode=66 halt_on_error=0"))
	logChild(t, res, "WARNING: DATA RACE", "datarace.go:")
	require.False(t, res.TimedOut, res)
	assert.Equal(t, 66, res.ExitCode, res)
	assert.Contains(t, res.Stderr, "WARNING: DATA RACE", res)
	assert.Contains(t, res.Stderr, fmt.Sprintf("datarace.go:%d", lineOf(t, "datarace.go", "c.n++ // the racy line")), res)
	assert.Contains(t, res.Stdout, "of 200", "the scene ran to its end")
}

func TestLostUpdateInterleaving(t *testing.T) {
	// A reads 0 and hands over; B increments to 1 and hands back; A writes
	// its stale 0+1. The channels order every step, so this is the lost
	// update without a data race: the same result on every run and under
	// -race.
	var c threading.LostUpdateCounter
	aRead, bDone := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		c.IncPausing(func() {
			close(aRead)
			<-bDone
		})
	})
	wg.Go(func() {
		<-aRead
		c.Inc()
		close(bDone)
	})
	wg.Wait()
	t.Logf("two increments, counter at %d", c.Value())
	assert.Equal(t, int64(1), c.Value(), "two increments, one lost")
}

func TestLostUpdateCounterIsCorrectOnOneGoroutine(t *testing.T) {
	var c threading.LostUpdateCounter
	for range 10 {
		c.Inc()
	}
	c.IncPausing(func() {})
	assert.Equal(t, int64(11), c.Value())
}

// lineOf finds the 1-based line of file (in this package) that contains
// text, so assertions on reported lines survive edits above it.
func lineOf(t *testing.T, file, text string) int {
	t.Helper()
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.Contains(sc.Text(), text) {
			return n
		}
	}
	require.NoError(t, sc.Err())
	t.Fatalf("%q not found in %s", text, file)
	return 0
}
