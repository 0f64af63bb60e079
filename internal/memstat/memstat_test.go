package memstat

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

func TestMain(m *testing.M) { scene.Main(m) }

func TestPerUnitSeesParkedGoroutines(t *testing.T) {
	per, err := PerUnit(1000, func(n int) (func(), error) {
		stop := make(chan struct{})
		done := make(chan struct{}, n)
		for range n {
			go func() { <-stop; done <- struct{}{} }()
		}
		return func() {
			close(stop)
			for range n {
				<-done
			}
		}, nil
	})
	require.NoError(t, err)
	// A goroutine's stack starts at 2 KiB or more, so each holds at least that.
	assert.GreaterOrEqual(t, per, 2048.0)
}

func TestPerUnitPassesParkErrorsOn(t *testing.T) {
	_, err := PerUnit(1, func(int) (func(), error) { return nil, assert.AnError })
	assert.ErrorIs(t, err, assert.AnError)
}
