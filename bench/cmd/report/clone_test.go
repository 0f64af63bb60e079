package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
	"github.com/concurrency-atlas/atlas/internal/scene"
)

// synthetic is a raw file in the benchmark names of issue #15, made up
// for the tests of bench/report.
var synthetic = filepath.Join("..", "..", "report", "testdata", "crossmodel.txt")

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(to), 0o755))
	require.NoError(t, os.WriteFile(to, b, 0o644))
}

// listing is the sorted names in dir.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	f, err := os.Open(dir)
	require.NoError(t, err)
	defer f.Close()
	names, err := f.Readdirnames(-1)
	require.NoError(t, err)
	slices.Sort(names)
	return names
}

// -from honours -out: the report goes where -out says, the folder of the
// raw file and README are left as they were, and the run is compared with
// the committed one that README names.
func TestFromWritesIntoOutAndLeavesTheCloneAlone(t *testing.T) {
	root := scene.ModuleRoot(t)
	readmeBefore, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "new")
	raw := filepath.Join(src, "mine.txt")
	copyFile(t, synthetic, raw)

	code, stdout, stderr := runReport(t, "-from", raw, "-out", out)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, []string{"mine.txt"}, listing(t, src), "nothing is written beside the raw file")
	assert.Equal(t, []string{"mine-costs.svg", "mine-memory.svg", "mine-mixed.svg", "mine-speedup.svg", "mine.md", "mine.txt"}, listing(t, out))
	copied, err := os.ReadFile(filepath.Join(out, "mine.txt"))
	require.NoError(t, err)
	original, err := os.ReadFile(synthetic)
	require.NoError(t, err)
	assert.Equal(t, original, copied, "the report's link to its raw file works")

	readmeAfter, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	assert.Equal(t, string(readmeBefore), string(readmeAfter), "README changes only with -readme")
	assert.NotContains(t, stdout, "README.md: generated section rewritten")

	section, err := report.CurrentSection(string(readmeBefore))
	require.NoError(t, err)
	committed, err := report.SourceOf(section)
	require.NoError(t, err)
	assert.Contains(t, stdout, "\nThis run beside the committed one:\n\n$ "+
		report.CompareCommand(committed, filepath.Join(out, "mine.txt"))+"\n")
	assert.Regexp(t, "│ +"+regexp.QuoteMeta(committed)+" +│", stdout, "benchstat's columns are the two files")

	md, err := os.ReadFile(filepath.Join(out, "mine.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "\n### CPU-bound work: how each model scales with GOMAXPROCS\n")
	assert.Contains(t, string(md), "$ go tool benchstat -ignore ")
	assert.Less(t, strings.Count(string(md), "\n"), 400, "a table per question, not one long column")
}

// fakeClone is a copy of the module's files that the command reads and
// writes, in a folder of its own that the test works in, so that -readme
// rewrites a README that is not the real one.
func fakeClone(t *testing.T) string {
	t.Helper()
	root := scene.ModuleRoot(t)
	clone := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum", "README.md", "CLAIMS.md"} {
		copyFile(t, filepath.Join(root, filepath.FromSlash(f)), filepath.Join(clone, filepath.FromSlash(f)))
	}
	synth, err := filepath.Abs(synthetic)
	require.NoError(t, err)
	t.Chdir(clone)
	copyFile(t, synth, filepath.Join(clone, "testdata", "bench", "new-run.txt"))
	return clone
}

func TestReadmeFlagRewritesOnlyTheGeneratedSection(t *testing.T) {
	clone := fakeClone(t)
	before, err := os.ReadFile("README.md")
	require.NoError(t, err)
	oldSection, err := report.CurrentSection(string(before))
	require.NoError(t, err)
	oldSource, err := report.SourceOf(oldSection)
	require.NoError(t, err)

	code, stdout, stderr := runReport(t, "-from", filepath.Join("testdata", "bench", "new-run.txt"), "-readme")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "README.md: generated section rewritten")
	assert.Contains(t, stdout, "\nNo comparison with the committed run: "+oldSource+", the committed run README.md names, is missing.\n",
		"the clone has README but not the raw file it names")

	after, err := os.ReadFile(filepath.Join(clone, "README.md"))
	require.NoError(t, err)
	section, err := report.CurrentSection(string(after))
	require.NoError(t, err)
	src, err := report.SourceOf(section)
	require.NoError(t, err)
	assert.Equal(t, "testdata/bench/new-run.txt", src)
	assert.Contains(t, section, "| Starting and joining one unit of work | **goroutine** (982.0 ns) |")
	assert.Equal(t, strings.Replace(string(before), oldSection, section, 1), string(after), "nothing outside the section changes")
}

func TestReadmeFlagIsRefusedWhereReadmeCouldNotLink(t *testing.T) {
	clone := fakeClone(t)
	before, err := os.ReadFile("README.md")
	require.NoError(t, err)
	elsewhere := t.TempDir()
	for name, args := range map[string][]string{
		"outside testdata/bench": {"-from", filepath.Join("testdata", "bench", "new-run.txt"), "-out", elsewhere, "-readme"},
		"a smoke run":            {"-quick", "-readme"},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := runReport(t, args...)
			assert.Equal(t, 2, code, stderr)
			assert.Contains(t, stderr, "-readme")
		})
	}
	assert.Empty(t, listing(t, elsewhere), "refused before anything was written")
	after, err := os.ReadFile(filepath.Join(clone, "README.md"))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(before, after))
}

// A fresh run into testdata/bench never replaces a file already there:
// a second run on the same machine and day gets a name of its own.
func TestAFreshRunNeverReplacesAnEarlierOne(t *testing.T) {
	dir := t.TempDir()
	assert.Equal(t, "m-2026-12-01", freeStem(dir, "m-2026-12-01"))
	for _, f := range []string{"m-2026-12-01.txt", "m-2026-12-01-2.md"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), nil, 0o644))
	}
	assert.Equal(t, "m-2026-12-01-3", freeStem(dir, "m-2026-12-01"), "a .txt or a .md of the name takes it")
	assert.True(t, slices.Equal([]string{"m-2026-12-01-2.md", "m-2026-12-01.txt"}, listing(t, dir)))
}
