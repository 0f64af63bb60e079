package report_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-atlas/atlas/bench/report"
)

func TestHumanScalesEachKindOfUnit(t *testing.T) {
	cases := []struct {
		v    float64
		unit string
		want string
	}{
		// What one unit of work costs: a bare time or size.
		{962e-9, "sec/op", "962.0 ns"},
		{31.28e-6, "sec/op", "31.28 µs"},
		{0.31047, "sec/op", "310.5 ms"},
		{2.1, "sec/op", "2.100 s"},
		{2.7e-9, "sec/switch", "2.700 ns"},
		{2662, "bytes/task", "2.600 KiB"},
		{8 << 20, "bytes/task", "8.000 MiB"},
		{512, "B/op", "512.0 B"},
		{0, "bytes/worker", "0.000 B"},
		// A unit that is scaled already is brought to its base first.
		{962, "ns/op", "962.0 ns"},
		{0.4665, "µs/roundtrip", "466.5 ns"},
		{12.5, "µs/roundtrip", "12.50 µs"},
		{13070e-9, "sec/roundtrip", "13.07 µs"},
		{2687, "B/waiter", "2.624 KiB"},
		{3, "ms/op", "3.000 ms"},
		{1.5, "MB/s", "1.431 MiB/s"},
		// Any other time or size keeps what it is per.
		{379.9e-6, "idle-sec/op", "379.9 idle-µs/op"},
		{4096, "bytes/conn", "4.000 KiB/conn"},
		// Counts keep their unit, with the prefix on the number.
		{51100, "tasks/s", "51.10k tasks/s"},
		{918, "tasks/s", "918.0 tasks/s"},
		{2.5e6, "items/s", "2.500M items/s"},
		{12, "allocs/op", "12.00 allocs/op"},
		// Ratios are not scaled.
		{1.8712, "speedup", "1.87x"},
		{0.0277, "cpu-cores", "0.0277 cores"},
		{1, "cpu-cores", "1 cores"},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%g %s", tc.v, tc.unit), func(t *testing.T) {
			assert.Equal(t, tc.want, report.Human(tc.v, tc.unit))
		})
	}
}

// A sample too small for an interval has infinite bounds; they print as
// infinities, not with a prefix picked for them.
func TestHumanPrintsInfinitiesPlainly(t *testing.T) {
	assert.Equal(t, "+Inf s", report.Human(math.Inf(1), "sec/op"))
	assert.Equal(t, "-Inf tasks/s", report.Human(math.Inf(-1), "tasks/s"))
	assert.Equal(t, "NaN B", report.Human(math.NaN(), "bytes/task"))
}

func ExampleHuman() {
	fmt.Println(report.Human(0.4665, "µs/roundtrip"))
	fmt.Println(report.Human(2687, "B/waiter"))
	fmt.Println(report.Human(51100, "tasks/s"))
	// Output:
	// 466.5 ns
	// 2.624 KiB
	// 51.10k tasks/s
}
