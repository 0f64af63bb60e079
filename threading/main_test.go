package threading

import (
	"testing"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

// Scenes (races, deadlocks, panics, starvation) run in a re-executed copy
// of this binary; scene.Main sends such a child to its scene and exits.
func TestMain(m *testing.M) { scene.Main(m) }
