package hybrid

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/multiprocessing"
)

func TestMain(m *testing.M) {
	multiprocessing.ServeIfWorker() // a pool worker never returns from here
	scene.Main()
	goleak.VerifyTestMain(m)
}
