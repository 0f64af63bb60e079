// Claim T4: shared data needs synchronisation, or updates are lost.
//
//	go test -race -run 'DataRace|LostUpdate' -v ./threading/
//	go test       -run 'DataRace|LostUpdate' -v ./threading/
//
// You will see, with -race, a child process increment one
// LostUpdateCounter from two goroutines, print how many of its 200
// increments it counted, and end with exit status 66, the detector's
// "WARNING: DATA RACE" report pointing at the line of c.n++; without
// -race that test is skipped. Either way, TestLostUpdateInterleaving
// walks two increments through the one interleaving that loses an update,
// in a fixed order, and logs "two increments, counter at 1".

package threading

// LostUpdateCounter is a Counter with no synchronisation at all: the
// hazard that the counters of counters.go fix. Inc is a read, an add and
// a write; a second goroutine that reads between the first one's read and
// write writes back the same value, and one increment vanishes. Used from
// one goroutine it is correct.
type LostUpdateCounter struct{ n int64 }

// Inc adds one. Called from two goroutines at once, this is a data race.
func (c *LostUpdateCounter) Inc() {
	c.n++ // the racy line
}

// Value is the current count.
func (c *LostUpdateCounter) Value() int64 { return c.n }

// IncPausing is Inc with its read and its write pulled apart: it reads,
// calls between, then writes what it read plus one. It shows where
// another goroutine can get in; the caller decides who does.
func (c *LostUpdateCounter) IncPausing(between func()) {
	read := c.n
	between()
	c.n = read + 1
}
