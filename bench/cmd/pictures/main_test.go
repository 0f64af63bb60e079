package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/internal/schedtrace"
)

func TestMain(m *testing.M) { scene.Main(m) }

// One run of the command writes one well-formed SVG per scenario and
// names each on stdout.
func TestWritesOnePicturePerScenario(t *testing.T) {
	dir := t.TempDir()
	var stdout bytes.Buffer
	require.NoError(t, run([]string{"-out", dir}, &stdout))

	scenarios := schedtrace.Scenarios()
	require.NotEmpty(t, scenarios)
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	assert.Len(t, lines, len(scenarios))
	for _, sc := range scenarios {
		path := filepath.Join(dir, sc.Name+".svg")
		assert.Contains(t, stdout.String(), path)
		svg, err := os.ReadFile(path)
		require.NoError(t, err)
		assertWellFormed(t, svg)
	}
}

func TestOnlyDrawsOneScenario(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, run([]string{"-out", dir, "-only", "f3-states"}, io.Discard))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	assert.Equal(t, "f3-states.svg", entries[0].Name())
}

func TestRejectsBadArguments(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-colour"}, "flag provided but not defined: -colour"},
		{"unknown scenario", []string{"-out", "unused", "-only", "z9"}, `no scenario named "z9"`},
		{"stray argument", []string{"pictures"}, `unexpected argument "pictures"`},
		{"empty output directory", []string{"-out", ""}, "-out must name a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(tt.args, io.Discard)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func assertWellFormed(t *testing.T, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		require.NoError(t, err)
	}
}
