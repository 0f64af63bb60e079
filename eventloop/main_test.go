package eventloop

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

func TestMain(m *testing.M) {
	scene.Main()
	goleak.VerifyTestMain(m)
}
