// The re-exec pattern must work wherever the program runs from, not only
// in a test binary: a built executable and `go run` (which runs a binary
// from a temporary directory) both start their workers from
// os.Executable.
//
//	go test -run TestPoolWorksFrom ./multiprocessing/

package multiprocessing_test

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPoolWorksFromABuiltBinaryAndGoRun(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("needs the go command to build the example program:", err)
	}
	bin := filepath.Join(t.TempDir(), "poolmap")
	out, err := exec.CommandContext(t.Context(), goTool, "build", "-o", bin, "./cmd/poolmap").CombinedOutput()
	require.NoError(t, err, "%s", out)

	for _, tc := range []struct {
		name string
		cmd  *exec.Cmd
	}{
		{"built", exec.CommandContext(t.Context(), bin)},
		{"go run", exec.CommandContext(t.Context(), goTool, "run", "./cmd/poolmap")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "go run" && testing.Short() {
				t.Skip("go run links the program again; skipped in -short")
			}
			out, err := tc.cmd.Output()
			require.NoError(t, err)
			assert.Equal(t, "[317811 832040 2178309]\n", string(out))
		})
	}
}
