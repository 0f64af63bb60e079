package claims

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
)

func TestMain(m *testing.M) { scene.Main(m) }

// The real table is checked against the run README's figures come from, so
// a sub-benchmark it names must have been measured in that run.
func TestProjectClaimsTableIsBackedByEvidence(t *testing.T) {
	root := scene.ModuleRoot(t)
	file, err := CommittedRun(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	run, err := MeasuredIn(file)
	require.NoError(t, err)
	for _, err := range Check(root, filepath.Join(root, "CLAIMS.md"), IDs, WithRun(run)) {
		t.Error(err)
	}
}

// The fixture module has tests, benchmarks and examples in demo, and a
// committed run named by its README; each table below gets one thing wrong,
// or gets a tricky thing right.
func TestCheckCatchesEachKindOfMistake(t *testing.T) {
	fixture := filepath.Join("testdata", "fixture")
	file, err := CommittedRun(filepath.Join(fixture, "README.md"))
	require.NoError(t, err)
	run, err := MeasuredIn(file)
	require.NoError(t, err)
	ids := []string{"F1", "F2"}
	const f2 = "\n| F2 | b | holds | w | `demo.TestThing` |"
	row := func(evidence string) string { return "| F1 | a | holds | w | " + evidence + " |" + f2 }
	cases := []struct {
		name, table, wantErr string
	}{
		{"good table", row("`demo.TestThing`, `demo.BenchmarkThing/sub`, `demo.ExampleThing`"), ""},
		{"wrong test name", row("`demo.TestNoSuchThing`"), "no func TestNoSuchThing in demo"},
		{"wrong package", row("`nodir.TestThing`"), "no package folder nodir"},
		{"verdict without evidence", row("none yet"), `verdict "holds" names no evidence`},
		{"unknown verdict", "| F1 | a | probably | w | `demo.TestThing` |" + f2, `unknown verdict "probably"`},
		{"pending verdict", "| F1 | a | pending | | |" + f2, "CLAIMS.md:3: F1: verdict pending: the claim has no answer yet"},
		{"missing row", "| F1 | a | holds | w | `demo.TestThing` |", "claim F2 has no row"},
		{"duplicate row", row("`demo.TestThing`") + f2, "duplicate row"},
		{"missing picture", row("`pictures/none.svg`"), "pictures/none.svg: file not found"},
		{"present picture", row("`pictures/f1.svg`"), ""},
		{"not a claim", row("`demo.TestThing`") + "\n| Z9 | c | pending | | |", ""},
		{"foreign id", row("`demo.TestThing`") + "\n| T9 | c | holds | w | `demo.TestThing` |", "T9: not a claim of the catalogue"},
		{"verdict without why", "| F1 | a | holds | | `demo.TestThing` |" + f2, `verdict "holds" does not say why`},
		{"wrong cell count", "| F1 | a | holds | w |" + f2, "row F1 has 4 cells"},

		{"example with output", row("`demo.ExampleThing`"), ""},
		{"example with unordered output", row("`demo.ExampleUnordered`"), ""},
		{"example without output", row("`demo.ExampleUnchecked`"),
			"CLAIMS.md:3: F1: evidence demo.ExampleUnchecked: example ExampleUnchecked has no // Output: comment, so it is compiled but never checked"},
		{"example whose output comment is not the last", row("`demo.ExampleOutputNotLast`"), "example ExampleOutputNotLast has no // Output: comment"},

		{"measured sub-benchmark", row("`demo.BenchmarkRoundTrip/pipeThreads`"), ""},
		{"sub-benchmark measured only below", row("`demo.BenchmarkThing/timer`"), ""},
		{"sub-benchmark measured at GOMAXPROCS 1 and 2", row("`demo.BenchmarkThing/timer/goroutines`"), ""},
		{"sub-benchmark that is only a prefix of a measured one", row("`demo.BenchmarkRoundTrip/pipe`"),
			"CLAIMS.md:3: F1: evidence demo.BenchmarkRoundTrip/pipe: BenchmarkRoundTrip/pipe of example.com/fixture/demo is not in the committed run testdata/bench/run.txt"},
		{"sub-benchmark never measured", row("`demo.BenchmarkThing/timer/threads`"), "BenchmarkThing/timer/threads of example.com/fixture/demo is not in the committed run"},
		{"sub-benchmark named with its GOMAXPROCS suffix", row("`demo.BenchmarkThing/sub-2`"), "BenchmarkThing/sub-2 of example.com/fixture/demo is not in the committed run"},
		{"sub-benchmark measured in another package", row("`demo.BenchmarkOther/x`"), "BenchmarkOther/x of example.com/fixture/demo is not in the committed run"},
		{"sub-benchmark of a missing func", row("`demo.BenchmarkNoSuch/sub`"), "no func BenchmarkNoSuch in demo"},
	}
	// Without a run, Check still works but cannot vouch for a sub-benchmark.
	withoutRun := []struct {
		name, table, wantErr string
	}{
		{"sub-benchmark without a run", row("`demo.BenchmarkThing/sub`"),
			"CLAIMS.md:3: F1: evidence demo.BenchmarkThing/sub: sub-benchmark BenchmarkThing/sub cannot be checked without a committed run"},
		{"plain benchmark without a run", row("`demo.BenchmarkThing`"), ""},
		{"example without output, without a run", row("`demo.ExampleUnchecked`"), "example ExampleUnchecked has no // Output: comment"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkTable(t, fixture, tc.table, ids, tc.wantErr, WithRun(run)) })
	}
	for _, tc := range withoutRun {
		t.Run(tc.name, func(t *testing.T) { checkTable(t, fixture, tc.table, ids, tc.wantErr) })
	}
}

// checkTable writes table under a header and wants Check to report
// wantErr, or nothing at all when wantErr is empty.
func checkTable(t *testing.T, root, table string, ids []string, wantErr string, opts ...Option) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "CLAIMS.md")
	require.NoError(t, os.WriteFile(path, []byte("| id | claim | verdict | in Go | evidence |\n|---|---|---|---|---|\n"+table+"\n"), 0o644))
	errs := Check(root, path, ids, opts...)
	if wantErr == "" {
		assert.Empty(t, errs)
		return
	}
	var all []string
	for _, e := range errs {
		all = append(all, e.Error())
	}
	assert.Contains(t, strings.Join(all, "\n"), wantErr)
}

func TestCommittedRunIsReadFromTheFromLine(t *testing.T) {
	dir := t.TempDir()
	readme := filepath.Join(dir, "README.md")
	require.NoError(t, os.WriteFile(readme, []byte("# x\n\n_From [`testdata/bench/a.txt`](testdata/bench/a.txt), somewhere._\n"), 0o644))
	file, err := CommittedRun(readme)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "testdata", "bench", "a.txt"), file)

	require.NoError(t, os.WriteFile(readme, []byte("# x\n\nno run here\n"), 0o644))
	_, err = CommittedRun(readme)
	assert.ErrorContains(t, err, "no _From [` line names the committed run")
}

func TestMeasuredInRejectsARunWithoutResults(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.txt")
	require.NoError(t, os.WriteFile(path, []byte("goos: linux\nPASS\n"), 0o644))
	_, err := MeasuredIn(path)
	assert.ErrorContains(t, err, "no benchmark results")

	_, err = MeasuredIn(filepath.Join(t.TempDir(), "none.txt"))
	assert.Error(t, err)
}
