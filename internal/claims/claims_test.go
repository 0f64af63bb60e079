package claims

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

func TestMain(m *testing.M) {
	scene.Main()
	goleak.VerifyTestMain(m)
}

func TestProjectClaimsTableIsBackedByEvidence(t *testing.T) {
	root := scene.ModuleRoot(t)
	for _, err := range Check(root, filepath.Join(root, "CLAIMS.md"), IDs) {
		t.Error(err)
	}
}

// The fixture module has one test, one benchmark and one example; each
// table below gets one thing wrong.
func TestCheckCatchesEachKindOfMistake(t *testing.T) {
	fixture := filepath.Join("testdata", "fixture")
	ids := []string{"F1", "F2"}
	cases := []struct {
		name, table, wantErr string
	}{
		{"good table", "| F1 | a | holds | w | `demo.TestThing`, `demo.BenchmarkThing/sub`, `demo.ExampleThing` |\n| F2 | b | pending | | |", ""},
		{"wrong test name", "| F1 | a | holds | w | `demo.TestNoSuchThing` |\n| F2 | b | pending | | |", "no func TestNoSuchThing in demo"},
		{"wrong package", "| F1 | a | holds | w | `nodir.TestThing` |\n| F2 | b | pending | | |", "no package folder nodir"},
		{"verdict without evidence", "| F1 | a | holds | w | none yet |\n| F2 | b | pending | | |", `verdict "holds" names no evidence`},
		{"unknown verdict", "| F1 | a | probably | w | `demo.TestThing` |\n| F2 | b | pending | | |", `unknown verdict "probably"`},
		{"missing row", "| F1 | a | pending | | |", "claim F2 has no row"},
		{"duplicate row", "| F1 | a | pending | | |\n| F1 | a | pending | | |\n| F2 | b | pending | | |", "duplicate row"},
		{"missing picture", "| F1 | a | holds | w | `pictures/none.svg` |\n| F2 | b | pending | | |", "pictures/none.svg: file not found"},
		{"present picture", "| F1 | a | holds | w | `pictures/f1.svg` |\n| F2 | b | pending | | |", ""},
		{"not a claim", "| F1 | a | pending | | |\n| F2 | b | pending | | |\n| Z9 | c | pending | | |", ""},
		{"foreign id", "| F1 | a | pending | | |\n| F2 | b | pending | | |\n| T9 | c | pending | | |", "T9: not a claim of the catalogue"},
		{"verdict without why", "| F1 | a | holds | | `demo.TestThing` |\n| F2 | b | pending | | |", `verdict "holds" does not say why`},
		{"wrong cell count", "| F1 | a | pending | |\n| F2 | b | pending | | |", "row F1 has 4 cells"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "CLAIMS.md")
			require.NoError(t, os.WriteFile(path, []byte("| id | claim | verdict | in Go | evidence |\n|---|---|---|---|---|\n"+tc.table+"\n"), 0o644))
			errs := Check(fixture, path, ids)
			if tc.wantErr == "" {
				assert.Empty(t, errs)
				return
			}
			var all []string
			for _, e := range errs {
				all = append(all, e.Error())
			}
			assert.Contains(t, strings.Join(all, "\n"), tc.wantErr)
		})
	}
}
