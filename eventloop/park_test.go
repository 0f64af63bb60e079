// Claim A10, the measuring tool: ParkWaiters leaves n units of one kind
// waiting on a loop of their own until Release, which lets every one go
// and ends the loop, so nothing outlives it; a bad count or kind is a
// named error.
//
//	go test -run TestParkWaiters -v ./eventloop/
//
// You will see 1,000 callbacks, timers and tasks each parked and
// released, and the errors for a count of 0 and an unknown kind.

package eventloop_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

func TestParkWaitersParksAndReleasesEachUnit(t *testing.T) {
	for _, unit := range []eventloop.Unit{eventloop.UnitCallback, eventloop.UnitTimer, eventloop.UnitTask} {
		t.Run(unit.String(), func(t *testing.T) {
			w, err := eventloop.ParkWaiters(unit, 1000)
			require.NoError(t, err)
			require.NoError(t, w.Release())
			assert.NoError(t, w.Release(), "a second Release returns the first's outcome")
			t.Logf("1,000 of unit %v parked and released", unit)
		})
	}
}

func TestParkWaitersRefusesABadCountOrKind(t *testing.T) {
	_, err := eventloop.ParkWaiters(eventloop.UnitTimer, 0)
	assert.ErrorIs(t, err, eventloop.ErrBadCount)
	t.Logf("count 0: %v", err)
	_, err = eventloop.ParkWaiters(eventloop.Unit(42), 10)
	assert.ErrorIs(t, err, eventloop.ErrUnknownUnit)
	t.Logf("unknown kind: %v", err)
	var none *eventloop.Waiters
	assert.NoError(t, none.Release(), "a nil Waiters has nothing to release")
	assert.ErrorIs(t, eventloop.ManySleepers(-1, 0, nil), eventloop.ErrBadCount)
}
