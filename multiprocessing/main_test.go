package multiprocessing_test

import (
	"testing"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

// The test binary is also the worker binary: a worker is this binary
// started again, so ServeIfWorker must come before everything else.
func TestMain(m *testing.M) { scene.Main(m) }
