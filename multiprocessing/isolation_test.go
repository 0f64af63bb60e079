// Claim F2: a process has its own memory. A worker changes its copy of a
// package-level variable; the parent's copy does not move. The only way
// the new value reaches the parent is as bytes in a reply.
//
//	go test -run Isolat ./multiprocessing/

package multiprocessing_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/internal/testfuncs"
)

func TestWorkerStateIsIsolatedFromTheParent(t *testing.T) {
	p := testfuncs.NewPool(t, 1)
	start := testfuncs.Counter
	for i := 1; i <= 3; i++ {
		res, err := p.Submit(t.Context(), "test/bump-counter", nil).Wait()
		require.NoError(t, err)
		assert.Equal(t, strconv.Itoa(start+i), string(res),
			"the worker keeps its own state between tasks")
	}
	assert.Equal(t, start, testfuncs.Counter, "the parent's copy is untouched")

	// A new process starts from the program's initial value, not from what
	// another worker did.
	proc, err := multiprocessing.Start(t.Context(), "test/bump-counter", nil)
	require.NoError(t, err)
	res, err := proc.Join()
	require.NoError(t, err)
	assert.Equal(t, strconv.Itoa(start+1), res.Stdout)
}
