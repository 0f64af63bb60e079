//go:build !linux

package schedtrace

import "time"

// threadCPUTime is not available here; the sizing falls back to the wall
// clock (workload.Calibrate).
func threadCPUTime() (time.Duration, bool) { return 0, false }
