package multiprocessing_test

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/multiprocessing"
)

// The test binary is also the worker binary: a worker is this binary
// started again, so ServeIfWorker must come before everything else.
func TestMain(m *testing.M) {
	multiprocessing.ServeIfWorker()
	scene.Main()
	goleak.VerifyTestMain(m)
}
