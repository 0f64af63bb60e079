//go:build race

package threading

// raceEnabled reports whether this binary was built with -race. Tests use
// it to pick what a data race can show: the detector's report, or the lost
// updates themselves.
const raceEnabled = true
