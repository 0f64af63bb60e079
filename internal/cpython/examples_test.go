// Claims T1, T4, T6, M1, M5, A3, A4, A5, A8 and H1: the material's own
// examples in Python, run as they are, checked against what the material
// says they print.
//
//	go test -run 'Examples|EveryProgram' -v ./internal/cpython/
//
// You will see one subtest per example in testdata/python, each passing
// when the program printed exactly the lines below (the racy counter's
// first two lines say honestly whether updates were lost, and are logged),
// wrote nothing to stderr and left no process behind; without python3 on
// PATH that test says so and skips. The second test passes when every
// program there has its lines here and names claims CLAIMS.md has.

package cpython_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/cpython"
	"github.com/concurrency-atlas/atlas/internal/scene"
)

// scale makes each of the material's seconds 0.2 s; the programs
// still print the material's figures.
const scale = "ATLAS_PY_SCALE=0.2"

// examples maps each program to the lines it must print, in order; a
// nil entry is checked by a function of its own (see counterLines).
var examples = map[string][]string{
	"sleepers_threads.py": {
		"started 3 threads, each sleeping 2 s",
		"joined thread 1", "joined thread 2", "joined thread 3",
		"took 2 s",
	},
	"squares_cubes_threads.py": {
		"Square: 4", "Square: 9", "Square: 16",
		"Cube: 8", "Cube: 27", "Cube: 64",
		"Done!",
	},
	"squares_cubes_processes.py": {
		"Square: 4", "Square: 9", "Square: 16",
		"Cube: 8", "Cube: 27", "Cube: 64",
		"both ran in other processes: True",
		"exit codes: 0 0",
		"Done!",
	},
	"fetch_data.py": {
		"--- awaited in turn",
		"Do something with 1...", "Done with 1", "Task 1 fully completed",
		"Do something with 2...", "Done with 2", "Task 2 fully completed",
		"['Result of 1', 'Result of 2']",
		"took 3 s",
		"--- with create_task",
		"Do something with 1...", "Do something with 2...",
		"Done with 1", "Task 1 fully completed", "Done with 2", "Task 2 fully completed",
		"['Result of 1', 'Result of 2']",
		"took 2 s",
		"--- with gather",
		"Do something with 3...", "Do something with 1...", "Do something with 2...",
		"Done with 1", "Done with 2", "Done with 3",
		"['Result of 3', 'Result of 1', 'Result of 2']",
		"took 3 s",
	},
	"to_thread.py": {
		"Do something with 1...", "Do something with 2...",
		"Done with 1", "Done with 2",
		"['Result of 1', 'Result of 2']",
		"the heartbeat kept ticking while the threads slept: True",
		"took 2 s",
	},
	"pool_map.py": {"[317811, 832040, 2178309]"},
	"thread_pool_fetch.py": {
		"item 3", "item 1", "item 4", "item 1", "item 5",
		"took 1 s",
	},
	"counter.py": nil,
	"loop_process_pool.py": {
		"fib(24) = 46368", "fib(25) = 75025", "fib(26) = 121393", "fib(27) = 196418",
		"computed in worker processes, none in the loop's: True",
	},
}

// notExamples are the programs in testdata/python that are not the
// material's examples.
var notExamples = map[string]bool{
	"scaled.py": true, "measure.py": true, "measure_work.py": true, "measure_costs.py": true,
}

func TestExamplesPrintWhatTheMaterialSays(t *testing.T) {
	in := python(t)
	dir := programs(t)
	for name, want := range examples {
		t.Run(strings.TrimSuffix(name, ".py"), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
			defer cancel()
			var stdout, stderr bytes.Buffer
			err := in.Run(ctx, cpython.Program{Script: filepath.Join(dir, name), Env: []string{scale},
				Stdout: &stdout, Stderr: &stderr})
			require.NoError(t, err, "it exits 0 and leaves no process behind\n%s", stderr.String())
			assert.Empty(t, stderr.String(), "no stray output")
			got := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
			if want == nil {
				counterLines(t, got)
				return
			}
			assert.Equal(t, want, got)
		})
	}
}

var unlocked = regexp.MustCompile(`^without a lock, (.+): expected (\d+), got (\d+), (no update lost|(\d+) updates lost)$`)

// counterLines checks counter.py: without a lock a count may fall short,
// and the line must say by how much; with the lock it is always exact.
func counterLines(t *testing.T, got []string) {
	t.Helper()
	require.Len(t, got, 4)
	for _, line := range got[:2] {
		t.Log(line)
		m := unlocked.FindStringSubmatch(line)
		require.NotNil(t, m, "%q", line)
		expected, _ := strconv.Atoi(m[2])
		final, _ := strconv.Atoi(m[3])
		assert.LessOrEqual(t, final, expected, "%q: a race loses updates, it cannot invent them", line)
		if final == expected {
			assert.Equal(t, "no update lost", m[4], line)
		} else {
			assert.Equal(t, strconv.Itoa(expected-final), m[5], line)
		}
	}
	assert.Equal(t, []string{
		"with a lock, counter += 1: expected 800000, got 800000, no update lost",
		"with a lock, read, sleep(0), write: expected 4000, got 4000, no update lost",
	}, got[2:])
}

// claimHeader is the first line of every example: the claims it shows.
var claimHeader = regexp.MustCompile(`^# Claims? ([A-Z]\d+(?:(?:, | and )[A-Z]\d+)*): `)

func TestEveryProgramIsCheckedAndNamesItsClaims(t *testing.T) {
	root := scene.ModuleRoot(t)
	claims, err := os.ReadFile(filepath.Join(root, "CLAIMS.md"))
	require.NoError(t, err)
	files, err := filepath.Glob(filepath.Join(programs(t), "*.py"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	seen := map[string]bool{}
	for _, path := range files {
		name := filepath.Base(path)
		seen[name] = true
		if notExamples[name] {
			continue
		}
		assert.Contains(t, examples, name, "%s has no expected output here", name)
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		first, _, _ := strings.Cut(string(src), "\n")
		m := claimHeader.FindStringSubmatch(first)
		if !assert.NotNil(t, m, "%s: the first line names its claims: %q", name, first) {
			continue
		}
		for _, id := range regexp.MustCompile(`[A-Z]\d+`).FindAllString(m[1], -1) {
			assert.Contains(t, string(claims), "| "+id+" |", "%s names claim %s, which CLAIMS.md lacks", name, id)
		}
		assert.Contains(t, string(src), "python3 testdata/python/"+name, "%s: its header says how to run it", name)
	}
	for name := range examples {
		assert.True(t, seen[name], "%s is expected but missing", name)
	}
}
