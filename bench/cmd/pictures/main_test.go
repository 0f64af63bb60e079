package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/internal/schedtrace"
	"github.com/concurrency-atlas/atlas/internal/schedtrace/svgtest"
)

func TestMain(m *testing.M) { scene.Main(m) }

// The real program, main and its os.Exit included, run in a child with
// the command line a scene gives it.
func init() {
	for name, args := range map[string][]string{
		"help":         {"-h"},
		"long-help":    {"-help"},
		"unknown-flag": {"-colour"},
	} {
		scene.Register(name, func() {
			os.Args = append([]string{"pictures"}, args...)
			main()
		})
	}
}

// Asked for help, the program prints its usage, flags and scenarios to
// stdout and exits 0; given a flag it does not know, it names the flag on
// stderr and exits 2, as Go's own flag handling does.
func TestExitStatuses(t *testing.T) {
	for _, name := range []string{"help", "long-help"} {
		t.Run(name, func(t *testing.T) {
			res := scene.Run(t, name)
			assert.Equal(t, 0, res.ExitCode)
			assert.Contains(t, res.Stdout, "usage: go run ./bench/cmd/pictures")
			assert.Contains(t, res.Stdout, "-only string")
			assert.Contains(t, res.Stdout, "f3-states")
			assert.Empty(t, res.Stderr)
		})
	}
	t.Run("unknown-flag", func(t *testing.T) {
		res := scene.Run(t, "unknown-flag")
		assert.Equal(t, 2, res.ExitCode)
		assert.Contains(t, res.Stderr, "pictures: flag provided but not defined: -colour")
		assert.Contains(t, res.Stderr, "usage: go run ./bench/cmd/pictures")
		assert.Empty(t, res.Stdout)
	})
}

// One run of the command writes one picture per scenario, each keeping
// the rules svgtest checks, and names each on stdout.
func TestWritesOnePicturePerScenario(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, cli([]string{"-out", dir}, &stdout, &stderr), stderr.String())

	scenarios := schedtrace.Scenarios()
	require.NotEmpty(t, scenarios)
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	assert.Len(t, lines, len(scenarios))
	for _, sc := range scenarios {
		path := filepath.Join(dir, sc.Name+".svg")
		assert.Contains(t, stdout.String(), path)
		assertKeepsTheRules(t, path)
	}
}

// The committed pictures are drawn by the code as it is: each keeps the
// rules, and the pool's parent shows its readers waiting on their pipes.
// Regenerate them with go run ./bench/cmd/pictures if this fails.
func TestCommittedPicturesKeepTheRules(t *testing.T) {
	dir := filepath.Join(scene.ModuleRoot(t), "testdata", "pictures")
	for _, sc := range schedtrace.Scenarios() {
		t.Run(sc.Name, func(t *testing.T) {
			p := assertKeepsTheRules(t, filepath.Join(dir, sc.Name+".svg"))
			if p != nil && sc.Name == "m2-pool-parent" {
				assert.Contains(t, p.Keys("goroutine"), schedtrace.KeyPipeWait)
			}
		})
	}
}

func assertKeepsTheRules(t *testing.T, path string) *svgtest.Picture {
	t.Helper()
	svg, err := os.ReadFile(path)
	require.NoError(t, err)
	p, err := svgtest.Read(svg)
	require.NoError(t, err)
	assert.NoError(t, p.Check(schedtrace.MinSliceWidth), path)
	return p
}

func TestOnlyDrawsOneScenario(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, cli([]string{"-out", dir, "-only", "f3-states"}, &stdout, &stderr), stderr.String())
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	assert.Equal(t, "f3-states.svg", entries[0].Name())
}

func TestHelpGoesToStdout(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 0, cli([]string{arg}, &stdout, &stderr), arg)
		assert.Contains(t, stdout.String(), "-out string", arg)
		assert.Empty(t, stderr.String(), arg)
	}
}

// A mistake on the command line exits 2, says what was wrong, and writes
// no picture.
func TestRejectsBadArguments(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-colour"}, "flag provided but not defined: -colour"},
		{"unknown scenario", []string{"-only", "z9"}, `no scenario named "z9"`},
		{"stray argument", []string{"pictures"}, `unexpected argument "pictures"`},
		{"empty output directory", []string{"-out", ""}, "-out must name a directory"},
		{"flag without its value", []string{"-only"}, "flag needs an argument: -only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var stdout, stderr bytes.Buffer
			args := tt.args
			if tt.name != "empty output directory" {
				args = append([]string{"-out", dir}, args...)
			}
			assert.Equal(t, 2, cli(args, &stdout, &stderr))
			assert.Contains(t, stderr.String(), tt.want)
			assert.Contains(t, stderr.String(), "usage:")
			assert.Empty(t, stdout.String())
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, entries)
		})
	}
}

// A picture that cannot be written is a failure, status 1, not a usage
// mistake.
func TestUnwritableDirectoryFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 1, cli([]string{"-out", file, "-only", "f3-states"}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "pictures:")
}
