package pool_test

import (
	"testing"

	"github.com/concurrency-atlas/atlas/internal/scene"
	// The functions the tests run in workers, registered in both the
	// parent and every worker.
	_ "github.com/concurrency-atlas/atlas/multiprocessing/internal/testfuncs"
)

// The test binary is also the worker binary: scene.Main serves a worker
// and exits before any test runs in it.
func TestMain(m *testing.M) { scene.Main(m) }
