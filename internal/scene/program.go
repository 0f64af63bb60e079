package scene

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Program builds the main package at dir (a path from the module root,
// usually under testdata/, where ./... never compiles it) and runs it
// under the same rules as a scene.
//
// Some demonstrations need a plain binary rather than the test binary. The
// runtime's deadlock detector is the main case: it stays silent in any
// binary that links cgo, because the thread cgo keeps for callbacks counts
// as running. A test binary that imports net, or is built with -race,
// links cgo; a small program built with CGO_ENABLED=0 does not.
func Program(t testing.TB, dir string, opts ...Option) Result {
	t.Helper()
	bin := Build(t, dir)
	res, err := start(t.Context(), dir, bin, nil, nil, opts...)
	if err != nil {
		t.Fatalf("program %s: %v", dir, err)
	}
	logOnFailure(t, res)
	return res
}

// Build builds the main package at dir (a path from the module root) with
// CGO_ENABLED=0 into a folder of the test's own and returns the binary's
// path, for a test or benchmark that starts it some other way than
// Program does.
func Build(t testing.TB, dir string) string {
	t.Helper()
	root := ModuleRoot(t)
	bin := filepath.Join(t.TempDir(), filepath.Base(dir))
	build := exec.CommandContext(t.Context(), "go", "build", "-o", bin, "./"+filepath.ToSlash(dir))
	build.Dir = root
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building %s: %v\n%s", dir, err, out)
	}
	return bin
}

// ModuleRoot is the folder holding go.mod above the test's folder, so that
// tests can read the repository's own files and nothing outside it.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("scene: no go.mod above the test's folder")
		}
		dir = parent
	}
}
