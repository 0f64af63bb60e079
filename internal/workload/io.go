package workload

import (
	"context"
	"time"
)

// SimulatedIO stands for a call that waits on the outside world: it uses
// no CPU for d, or until ctx is done, whichever comes first. Inside a
// testing/synctest bubble the wait is virtual and costs no real time.
func SimulatedIO(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
