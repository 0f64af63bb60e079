// The measuring program, quick, read back with benchfmt; and Measure's
// handling of its options, its output file and its failures.

package cpython_test

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/perf/benchfmt"

	"github.com/concurrency-atlas/atlas/internal/cpython"
)

// quickBenchmarks is every result a quick run must give, name (as
// benchfmt reads it, without "Benchmark" and the -N suffix) to units.
var quickBenchmarks = map[string][]string{
	"CPUBound/model=threads":             {"sec/op", "speedup", "cpu-cores"},
	"CPUBound/model=processPoolFork":     {"sec/op", "speedup", "cpu-cores"},
	"CPUBound/model=asyncio":             {"sec/op", "speedup", "cpu-cores"},
	"IOBound/work=timer/model=threads":   {"sec/op", "tasks/s", "cpu-cores"},
	"IOBound/work=timer/model=asyncio":   {"sec/op", "tasks/s", "cpu-cores"},
	"StartJoin/model=thread":             {"sec/op"},
	"StartJoin/model=processFork":        {"sec/op"},
	"StartJoin/model=processSpawn":       {"sec/op"},
	"StartJoin/model=processForkserver":  {"sec/op"},
	"StartJoin/model=asyncioTask":        {"sec/op"},
	"RoundTrip/model=queueThreads":       {"sec/op", "sec/roundtrip"},
	"RoundTrip/model=pipeProcesses":      {"sec/op", "sec/roundtrip"},
	"RoundTrip/model=asyncioQueue":       {"sec/op", "sec/roundtrip"},
	"MemoryPerWaiter/model=thread":       {"sec/op", "B/waiter"},
	"MemoryPerWaiter/model=asyncioTask":  {"sec/op", "B/waiter"},
	"MemoryPerWaiter/model=process":      {"sec/op", "B/waiter"},
	"ManySleepers/model=asyncio/n=10000": {"sec/op"},
}

func TestQuickMeasureWritesEveryBenchmark(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("measure.py reads memory from /proc")
	}
	in := python(t)
	out := filepath.Join(t.TempDir(), "run-python.txt")
	var progress bytes.Buffer
	err := in.Measure(t.Context(), cpython.MeasureOptions{
		Script: filepath.Join(programs(t), "measure.py"), Quick: true}, out, &progress)
	require.NoError(t, err)
	t.Logf("progress:\n%s", progress.String())
	assert.Contains(t, progress.String(), "[6/6] ManySleepers")

	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	units := map[string][]string{}
	var config map[string]string
	r := benchfmt.NewReader(f, out)
	for r.Scan() {
		switch rec := r.Result().(type) {
		case *benchfmt.SyntaxError:
			t.Errorf("not benchfmt: %v", rec)
		case *benchfmt.Result:
			config = map[string]string{}
			for _, c := range rec.Config {
				config[c.Key] = string(c.Value)
			}
			full := string(rec.Name.Full())
			dash := strings.LastIndexByte(full, '-')
			require.Positive(t, dash, "%s has no -N suffix", full)
			base := full[:dash]
			assert.Equal(t, config["workers"], full[dash+1:], "%s: -N is the pool size", full)
			for _, v := range rec.Values {
				units[base] = append(units[base], v.Unit)
				assert.False(t, math.IsNaN(v.Value) || v.Value <= 0, "%s: %v %s", full, v.Value, v.Unit)
			}
		}
	}
	require.NoError(t, r.Err())
	for name, want := range quickBenchmarks {
		assert.ElementsMatch(t, want, units[name], "units of %s", name)
	}
	for name := range units {
		assert.Contains(t, quickBenchmarks, name, "a result nobody checks")
	}
	assert.Equal(t, "cpython", config["pkg"])
	assert.Equal(t, in.String(), config["python"], "the file and Find describe the interpreter alike")
	assert.Equal(t, runtime.GOOS, config["goos"])
	assert.Equal(t, runtime.GOARCH, config["goarch"])
	assert.NotEmpty(t, config["cpu"])
	assert.Equal(t, []string{"run-python.txt"}, dirNames(t, filepath.Dir(out)), "no partial file left")
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestMeasurePassesItsOptions(t *testing.T) {
	in := python(t)
	echo := script(t, "import sys\nprint(' '.join(sys.argv[1:]))\n")
	for _, c := range []struct {
		opts cpython.MeasureOptions
		want string
	}{
		{cpython.MeasureOptions{}, ""},
		{cpython.MeasureOptions{Quick: true}, "--quick"},
		{cpython.MeasureOptions{Count: 3, Bench: "CPUBound|StartJoin"}, "--count 3 --bench CPUBound|StartJoin"},
		{cpython.MeasureOptions{Quick: true, Count: 2}, "--quick --count 2"},
	} {
		c.opts.Script = echo
		out := filepath.Join(t.TempDir(), "out.txt")
		require.NoError(t, in.Measure(t.Context(), c.opts, out, nil))
		got, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Equal(t, c.want+"\n", string(got), "%+v", c.opts)
	}
}

func TestAFailedMeasureLeavesTheOldFile(t *testing.T) {
	in := python(t)
	out := filepath.Join(t.TempDir(), "run-python.txt")
	require.NoError(t, os.WriteFile(out, []byte("the last good run\n"), 0o644))
	failing := script(t, `import sys
print("BenchmarkHalf-2 1 1 ns/op", flush=True)
print("python: half way", file=sys.stderr, flush=True)
sys.exit(1)
`)
	var progress bytes.Buffer
	err := in.Measure(t.Context(), cpython.MeasureOptions{Script: failing}, out, &progress)
	var exit *cpython.ExitError
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, 1, exit.Code)
	assert.Equal(t, "python: half way\n", progress.String(), "progress streamed as it came")
	got, readErr := os.ReadFile(out)
	require.NoError(t, readErr)
	assert.Equal(t, "the last good run\n", string(got))
	assert.Equal(t, []string{"run-python.txt"}, dirNames(t, filepath.Dir(out)), "no partial file left")
}

func TestMeasureRefusesOptionsThatMakeNoRun(t *testing.T) {
	// Refused before anything runs, so no real interpreter is needed.
	in := cpython.Interpreter{Path: "/nonexistent/python3"}
	out := filepath.Join(t.TempDir(), "out.txt")
	err := in.Measure(t.Context(), cpython.MeasureOptions{Script: "m.py", Count: -1}, out, nil)
	assert.ErrorIs(t, err, cpython.ErrBadOptions)
	err = in.Measure(t.Context(), cpython.MeasureOptions{Script: "m.py"}, "", nil)
	assert.ErrorIs(t, err, cpython.ErrBadOptions)
	err = in.Measure(t.Context(), cpython.MeasureOptions{}, out, nil)
	assert.ErrorIs(t, err, cpython.ErrNoScript)
	assert.NoFileExists(t, out)
}

func TestResultsFileSitsBesideTheGoResults(t *testing.T) {
	assert.Equal(t, filepath.Join("testdata", "bench", "x-2026-12-01-python.txt"),
		cpython.ResultsFile(filepath.Join("testdata", "bench", "x-2026-12-01.txt")))
	assert.Equal(t, "run-python.txt", cpython.ResultsFile("run"))
}
