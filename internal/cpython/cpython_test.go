// What the tests share: TestMain, and the interpreter they run, or the
// reason they skip.

package cpython_test

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/cpython"
	"github.com/concurrency-atlas/atlas/internal/scene"
)

func TestMain(m *testing.M) { scene.Main(m) }

// python is python3 from PATH; without one the test is skipped, saying why.
func python(t *testing.T) cpython.Interpreter {
	t.Helper()
	in, err := cpython.Find(t.Context(), "")
	if errors.Is(err, cpython.ErrNoInterpreter) {
		t.Skip("no python3 on PATH")
	}
	require.NoError(t, err)
	return in
}

// programs is the folder of the Python programs.
func programs(t *testing.T) string {
	return filepath.Join(scene.ModuleRoot(t), "testdata", "python")
}
