// Printing a measured value in its unit. Values are scaled the way
// benchstat scales them, with golang.org/x/perf/benchunit, so a figure in
// the report reads like the same figure in the benchstat tables beside it.

package report

import (
	"fmt"
	"math"
	"strings"

	"golang.org/x/perf/benchunit"
)

// Human prints v, measured in unit, the way a reader expects it:
//
//   - A time or a size gets an SI or binary prefix on its symbol and at
//     least three significant digits: "962.0 ns", "2.600 KiB",
//     "379.9 idle-µs/op", "1.500 MiB/s".
//   - What one unit of work costs (sec/op, sec/switch, sec/roundtrip, B/op,
//     B/waiter, bytes/task, bytes/worker) prints as a bare time or size:
//     "962.0 ns".
//   - Any other unit keeps its name, with the prefix on the number:
//     "51.10k tasks/s".
//   - A speedup prints as "1.87x", a CPU share as "0.0277 cores".
//
// A unit that is scaled already ("ns/op", "µs/roundtrip", "MB/s") is first
// brought to its base unit, so that no value reads as "466.5m µs/roundtrip":
// 0.4665 µs/roundtrip prints as "466.5 ns".
func Human(v float64, unit string) string {
	v, unit = tidy(v, unit)
	switch unit {
	case "speedup":
		return fmt.Sprintf("%.2fx", v)
	case "cpu-cores":
		return fmt.Sprintf("%.3g cores", v)
	}
	sc := benchunit.CommonScale([]float64{v}, benchunit.ClassOf(unit))
	if math.IsInf(v, 0) || math.IsNaN(v) {
		sc = benchunit.NoOpScaler
	}
	digits := strings.TrimSuffix(sc.Format(v), sc.Prefix)
	quantity, per, _ := strings.Cut(unit, "/")
	// A qualified quantity ("idle-sec") keeps its qualifier: "idle-µs".
	qualifier, base := "", quantity
	if i := strings.LastIndexByte(quantity, '-'); i >= 0 {
		qualifier, base = quantity[:i+1], quantity[i+1:]
	}
	symbol, ok := symbols[base]
	switch {
	case !ok:
		return digits + sc.Prefix + " " + unit
	case per == "" || perUnitOfWork[unit]:
		return digits + " " + qualifier + sc.Prefix + symbol
	}
	return digits + " " + qualifier + sc.Prefix + symbol + "/" + per
}

// symbols are the base units that take a prefix, and how they are written.
var symbols = map[string]string{"sec": "s", "B": "B", "bytes": "B"}

// perUnitOfWork are the units of what one unit of work costs, where the
// "per" goes without saying.
var perUnitOfWork = map[string]bool{
	"sec/op": true, "sec/switch": true, "sec/roundtrip": true,
	"B/op": true, "B/waiter": true, "bytes/task": true, "bytes/worker": true,
}

// inNanoseconds are the scaled units of time that benchunit.Tidy does not
// know, as multiples of the nanosecond, which it does.
var inNanoseconds = map[string]float64{"s": 1e9, "ms": 1e6, "µs": 1e3, "μs": 1e3, "us": 1e3}

// tidy brings a value to its unit's base unit ("sec", "B"), as benchfmt
// does when it reads a result, and also for the units of time that the
// benchmarks report themselves ("µs/roundtrip").
func tidy(v float64, unit string) (float64, string) {
	quantity, per, hasPer := strings.Cut(unit, "/")
	if k, ok := inNanoseconds[quantity]; ok {
		v, unit = v*k, "ns"
		if hasPer {
			unit += "/" + per
		}
	}
	return benchunit.Tidy(v, unit)
}
