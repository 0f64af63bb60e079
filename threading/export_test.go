// Hooks for the external tests, which otherwise see only what a user of
// the package sees.

package threading

// RaceEnabled and CgoLinked say how this test binary was built.
const (
	RaceEnabled = raceEnabled
	CgoLinked   = cgoLinked
)

// HoldAfterCheck makes every withdrawal from a run hold after it has seen
// enough money and before it takes it, so that a test can force the
// interleaving that breaks check-then-act.
func HoldAfterCheck(a *Account, hold func()) { a.afterCheck = hold }
