// Claim T4: shared data needs synchronisation, or updates are lost.
//
//	go test -race -run 'DataRace|LostUpdate' -v ./threading/
//	go test       -run 'DataRace|LostUpdate' -v ./threading/
//
// With -race, a child process increments a LostUpdateCounter from two
// goroutines and the race detector reports it: "WARNING: DATA RACE", the
// line of c.n++, exit status 66. Without -race, a test walks two
// increments through the one interleaving that loses an update, in a
// fixed order, and the counter ends at 1 instead of 2.

package threading

// LostUpdateCounter is a counter with no synchronisation at all. Inc is a
// read, an add and a write; a second goroutine that reads between the
// first one's read and write writes back the same value, and one
// increment vanishes. Used from one goroutine it is correct.
type LostUpdateCounter struct{ n int }

// Inc adds one. Called from two goroutines at once, this is a data race.
func (c *LostUpdateCounter) Inc() {
	c.n++ // the racy line
}

// Value is the current count.
func (c *LostUpdateCounter) Value() int { return c.n }

// IncPausing is Inc with its read and its write pulled apart: it reads,
// calls between, then writes what it read plus one. It shows where
// another goroutine can get in; the caller decides who does.
func (c *LostUpdateCounter) IncPausing(between func()) {
	read := c.n
	between()
	c.n = read + 1
}
