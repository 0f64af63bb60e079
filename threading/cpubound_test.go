package threading_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-atlas/atlas/threading"
)

func TestFibSerialAndGoroutinesAgree(t *testing.T) {
	ns := []int{20, 21, 22, 23}
	want := []int{6765, 10946, 17711, 28657}
	assert.Equal(t, want, threading.FibSerial(ns))
	assert.Equal(t, want, threading.FibGoroutines(ns))
}
