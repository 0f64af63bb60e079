package report

import "fmt"

// Human prints a value in the unit a reader expects.
func Human(v float64, unit string) string {
	switch unit {
	case "sec/op", "sec/switch":
		switch {
		case v < 1e-6:
			return fmt.Sprintf("%.0f ns", v*1e9)
		case v < 1e-3:
			return fmt.Sprintf("%.1f µs", v*1e6)
		case v < 1:
			return fmt.Sprintf("%.2f ms", v*1e3)
		}
		return fmt.Sprintf("%.2f s", v)
	case "bytes/task", "B/op", "bytes/worker":
		if v >= 1<<20 {
			return fmt.Sprintf("%.1f MiB", v/(1<<20))
		}
		if v >= 1<<10 {
			return fmt.Sprintf("%.1f KiB", v/(1<<10))
		}
		return fmt.Sprintf("%.0f B", v)
	case "cpu-cores":
		return fmt.Sprintf("%.3g cores", v)
	case "speedup":
		return fmt.Sprintf("%.2fx", v)
	case "tasks/s", "items/s":
		switch {
		case v >= 1e6:
			return fmt.Sprintf("%.2fM %s", v/1e6, unit)
		case v >= 1e3:
			return fmt.Sprintf("%.1fk %s", v/1e3, unit)
		}
		return fmt.Sprintf("%.0f %s", v, unit)
	}
	return fmt.Sprintf("%.3g %s", v, unit)
}
