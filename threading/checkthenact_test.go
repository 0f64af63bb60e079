package threading

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheckThenActOverdrawsAndCASDoesNot(t *testing.T) {
	tests := []struct {
		name        string
		withdraw    func(*Account, int64) error
		wantBalance int64
		wantRefused int
	}{
		{"check-then-act", (*Account).WithdrawCheckThenAct, -100, 0},
		{"compare-and-swap", (*Account).WithdrawCAS, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := NewAccount(100)
			// Both withdrawals wait after their check until both have
			// checked: the interleaving that breaks check-then-act, every
			// time. A third pass through the gap would panic the barrier.
			var barrier sync.WaitGroup
			barrier.Add(2)
			a.afterCheck = func() {
				barrier.Done()
				barrier.Wait()
			}
			errs := make([]error, 2)
			var wg sync.WaitGroup
			for i := range errs {
				wg.Go(func() { errs[i] = tt.withdraw(a, 100) })
			}
			wg.Wait()

			refused := 0
			for _, err := range errs {
				if err != nil {
					assert.ErrorIs(t, err, ErrInsufficientFunds)
					refused++
				}
			}
			assert.Equal(t, tt.wantBalance, a.Balance())
			assert.Equal(t, tt.wantRefused, refused)
		})
	}
}

func TestWithdrawalsRejectBadAmounts(t *testing.T) {
	a := NewAccount(10)
	for _, amount := range []int64{0, -5} {
		assert.ErrorContains(t, a.WithdrawCheckThenAct(amount), "withdrawal must be positive")
		assert.ErrorContains(t, a.WithdrawCAS(amount), "withdrawal must be positive")
	}
	assert.ErrorIs(t, a.WithdrawCAS(11), ErrInsufficientFunds)
	assert.ErrorIs(t, a.WithdrawCheckThenAct(11), ErrInsufficientFunds)
	assert.Equal(t, int64(10), a.Balance())
}
