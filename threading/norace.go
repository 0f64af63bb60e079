//go:build !race

package threading

// raceEnabled reports whether this binary was built with -race.
const raceEnabled = false
