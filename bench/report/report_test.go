package report

import (
	"testing"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

func TestMain(m *testing.M) { scene.Main(m) }
