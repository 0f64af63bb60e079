// Claim T4: a race condition need not be a data race. Every access to
// this account's balance is atomic, so the race detector has nothing to
// report, yet two withdrawals can both pass the balance check and
// overdraw it.
//
//	go test -race -run CheckThenAct -v ./threading/
//
// You will see the check-then-act subtest log "balance -100, 0 of 2
// withdrawals of 100 refused" and the compare-and-swap one "balance 0, 1
// of 2 withdrawals of 100 refused", and no race report: there is no data
// race for the detector to find.

package threading

import (
	"errors"
	"fmt"
	"sync/atomic"
)

// ErrInsufficientFunds is returned when a withdrawal is larger than the
// balance.
var ErrInsufficientFunds = errors.New("threading: insufficient funds")

// Account is a balance that is only ever read and written atomically.
type Account struct {
	balance atomic.Int64
	// afterCheck, when set, runs after a withdrawal has seen enough money
	// and before it takes it. Tests hold goroutines there to force the
	// interleaving that breaks check-then-act.
	afterCheck func()
}

// NewAccount opens an account with the given balance.
func NewAccount(balance int64) *Account {
	a := &Account{}
	a.balance.Store(balance)
	return a
}

// Balance is the current balance.
func (a *Account) Balance() int64 { return a.balance.Load() }

// WithdrawCheckThenAct checks the balance and then subtracts: two atomic
// steps with a gap between them. Another withdrawal in the gap sees the
// same money, and both take it.
func (a *Account) WithdrawCheckThenAct(amount int64) error {
	if err := checkAmount(amount); err != nil {
		return err
	}
	if a.balance.Load() < amount {
		return ErrInsufficientFunds
	}
	a.pause()
	a.balance.Add(-amount)
	return nil
}

// WithdrawCAS makes the check and the subtraction one step: the swap only
// succeeds if the balance is still the one that was checked, and a loser
// checks again against the new balance.
func (a *Account) WithdrawCAS(amount int64) error {
	if err := checkAmount(amount); err != nil {
		return err
	}
	for {
		seen := a.balance.Load()
		if seen < amount {
			return ErrInsufficientFunds
		}
		a.pause()
		if a.balance.CompareAndSwap(seen, seen-amount) {
			return nil
		}
	}
}

func (a *Account) pause() {
	if a.afterCheck != nil {
		a.afterCheck()
	}
}

func checkAmount(amount int64) error {
	if amount <= 0 {
		return fmt.Errorf("threading: withdrawal must be positive, got %d", amount)
	}
	return nil
}
