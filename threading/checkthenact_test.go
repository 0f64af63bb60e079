package threading_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-atlas/atlas/threading"
)

func TestCheckThenActOverdrawsAndCASDoesNot(t *testing.T) {
	tests := []struct {
		name        string
		withdraw    func(*threading.Account, int64) error
		wantBalance int64
		wantRefused int
	}{
		{"check-then-act", (*threading.Account).WithdrawCheckThenAct, -100, 0},
		{"compare-and-swap", (*threading.Account).WithdrawCAS, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := threading.NewAccount(100)
			// Both withdrawals wait after their check until both have
			// checked: the interleaving that breaks check-then-act, every
			// time. A third pass through the gap would panic the barrier.
			var barrier sync.WaitGroup
			barrier.Add(2)
			threading.HoldAfterCheck(a, func() {
				barrier.Done()
				barrier.Wait()
			})
			errs := make([]error, 2)
			var wg sync.WaitGroup
			for i := range errs {
				wg.Go(func() { errs[i] = tt.withdraw(a, 100) })
			}
			wg.Wait()

			refused := 0
			for _, err := range errs {
				if err != nil {
					assert.ErrorIs(t, err, threading.ErrInsufficientFunds)
					refused++
				}
			}
			t.Logf("balance %d, %d of 2 withdrawals of 100 refused", a.Balance(), refused)
			assert.Equal(t, tt.wantBalance, a.Balance())
			assert.Equal(t, tt.wantRefused, refused)
		})
	}
}

func TestWithdrawalsRejectBadAmounts(t *testing.T) {
	a := threading.NewAccount(10)
	for _, amount := range []int64{0, -5} {
		assert.ErrorContains(t, a.WithdrawCheckThenAct(amount), "withdrawal must be positive")
		assert.ErrorContains(t, a.WithdrawCAS(amount), "withdrawal must be positive")
	}
	assert.ErrorIs(t, a.WithdrawCAS(11), threading.ErrInsufficientFunds)
	assert.ErrorIs(t, a.WithdrawCheckThenAct(11), threading.ErrInsufficientFunds)
	assert.Equal(t, int64(10), a.Balance())
}
