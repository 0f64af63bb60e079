// Claim: ROSETTA.md is held to the code: every row is proved by an
// Example that go test checks, every Python construct has one row, and a
// row with no Go side fails.
//
//	go test -run Rosetta -v ./internal/claims/
//
// You will see the real table's row count, and each fixture table's
// mistake logged with the error that caught it.

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

// required lists what issue #18 asks ROSETTA.md to cover: each entry is
// a set of spellings that must appear together in one row's Python cell.
var required = [][]string{
	{"threading.Thread("}, {"daemon=True"}, {"threading.Lock()"}, {"threading.RLock()"},
	{"threading.Semaphore("}, {"threading.BoundedSemaphore("}, {"threading.Event()"},
	{"threading.Condition()"}, {"threading.Barrier("}, {"threading.local()"}, {"threading.Timer("},
	{"queue.Queue("}, {"queue.LifoQueue()"}, {"queue.PriorityQueue()"}, {"q.task_done()", "q.join()"},
	{"ThreadPoolExecutor(max_workers"}, {"ThreadPoolExecutor.submit("}, {"ThreadPoolExecutor.map("},
	{"as_completed(", "ThreadPoolExecutor"}, {"FIRST_COMPLETED", "ThreadPoolExecutor"},
	{"ThreadPoolExecutor.shutdown(", "cancel_futures=True"},
	{"ProcessPoolExecutor(max_workers"}, {"ProcessPoolExecutor.submit("}, {"ProcessPoolExecutor.map("},
	{"as_completed(", "ProcessPoolExecutor"}, {"FIRST_COMPLETED", "ProcessPoolExecutor"},
	{"ProcessPoolExecutor.shutdown(", "cancel_futures=True"},
	{"future.result(timeout="}, {"future.add_done_callback("},
	{"multiprocessing.Process("}, {"Pool.map("}, {"Pool.imap_unordered("}, {"Pool.apply_async("},
	{"Pool.starmap("}, {"multiprocessing.Queue()"}, {"multiprocessing.Pipe()"},
	{"multiprocessing.Value("}, {"multiprocessing.Array("}, {"multiprocessing.Manager()"},
	{"shared_memory.SharedMemory("}, {`set_start_method("fork")`}, {`set_start_method("spawn")`},
	{`set_start_method("forkserver")`},
	{"asyncio.run("}, {"asyncio.create_task("}, {"asyncio.gather(*aws)"}, {"return_exceptions=True"},
	{"asyncio.wait(aws)"}, {"asyncio.wait(", "FIRST_COMPLETED"}, {"asyncio.wait_for("}, {"asyncio.timeout("},
	{"asyncio.TaskGroup()"}, {"asyncio.Queue("}, {"asyncio.Semaphore("}, {"asyncio.Lock()"},
	{"asyncio.Event()"}, {"asyncio.to_thread("}, {"loop.run_in_executor("}, {"asyncio.as_completed("},
	{"asyncio.shield("}, {"task.cancel()", "asyncio.CancelledError"}, {"loop.call_soon_threadsafe("},
	{"GIL"}, {"sys.setswitchinterval("}, {"os.fork()"},
}

func TestProjectRosettaIsBackedByExamples(t *testing.T) {
	root := scene.ModuleRoot(t)
	path := filepath.Join(root, "ROSETTA.md")
	for _, err := range CheckRosetta(root, path) {
		t.Error(err)
	}
	rows, err := ParseRosetta(path)
	require.NoError(t, err)
	t.Logf("ROSETTA.md: %d rows", len(rows))
	assert.GreaterOrEqual(t, len(rows), 50, "the issue asks for at least 50 rows")
	for _, spellings := range required {
		found := false
		for _, r := range rows {
			all := true
			for _, s := range spellings {
				all = all && strings.Contains(r.Python, s)
			}
			found = found || all
		}
		assert.True(t, found, "no row's Python cell spells %q", spellings)
	}
}

// Each table below, checked against the fixture module (package demo
// has ExampleThing with an Output comment, ExampleUnchecked without one,
// and TestThing), gets one thing wrong, or gets a tricky thing right.
func TestCheckRosettaCatchesEachKindOfMistake(t *testing.T) {
	const lock = "| `threading.Lock()` | `sync.Mutex` | `demo.ExampleThing` | not reentrant |"
	cases := []struct {
		name, table, wantErr string
	}{
		{"good table", lock + "\n| `asyncio.Lock()` | a bounded Queue | `demo.ExampleThing`, `demo.ExampleUnordered` | one thread |", ""},
		{"missing Go side", "| `threading.Lock()` |  | `demo.ExampleThing` | not reentrant |",
			"ROSETTA.md:3: `threading.Lock()` has no Go equivalent"},
		{"missing proof", "| `threading.Lock()` | `sync.Mutex` | none yet | not reentrant |", "names no Example that proves it"},
		{"a test is no proof", "| `threading.Lock()` | `sync.Mutex` | `demo.TestThing` | x |", "proof demo.TestThing is not an Example"},
		{"a sub-name is no proof", "| `threading.Lock()` | `sync.Mutex` | `demo.ExampleThing/sub` | x |", "is not an Example named as pkgdir.ExampleName"},
		{"example without output", "| `threading.Lock()` | `sync.Mutex` | `demo.ExampleUnchecked` | x |",
			"example ExampleUnchecked has no // Output: comment"},
		{"example that does not exist", "| `threading.Lock()` | `sync.Mutex` | `demo.ExampleNoSuch` | x |", "no func ExampleNoSuch in demo"},
		{"example in a missing folder", "| `threading.Lock()` | `sync.Mutex` | `nodir.ExampleThing` | x |", "no package folder nodir"},
		{"missing difference", "| `threading.Lock()` | `sync.Mutex` | `demo.ExampleThing` |  |", "does not say where the semantics differ"},
		{"construct not in back quotes", "| threading.Lock | `sync.Mutex` | `demo.ExampleThing` | x |", "names no Python construct in back quotes"},
		{"duplicate construct", lock + "\n" + lock, "ROSETTA.md:4: construct `threading.Lock()` appears twice (first at line 3)"},
		{"construct spelled again beside another", lock + "\n| `with lock:` over `threading.Lock()` | defer | `demo.ExampleThing` | x |",
			"construct `threading.Lock()` is also spelled in the row at line 4"},
		{"same spelling in two combined rows", "| `as_completed(fs)` over `ThreadPoolExecutor` | a channel | `demo.ExampleThing` | x |\n" +
			"| `as_completed(fs)` over `ProcessPoolExecutor` | Done | `demo.ExampleThing` | x |", ""},
		{"wrong cell count", "| `threading.Lock()` | `sync.Mutex` | `demo.ExampleThing` |", "row has 3 cells, want 4"},
		{"no rows", "", "no rows under a \"Python\" header"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ROSETTA.md")
			table := "| Python | Go | proved by | where it differs |\n|---|---|---|---|\n" + tc.table + "\n"
			require.NoError(t, os.WriteFile(path, []byte(table), 0o644))
			errs := CheckRosetta(filepath.Join("testdata", "fixture"), path)
			var all []string
			for _, e := range errs {
				all = append(all, e.Error())
			}
			t.Logf("%s: %v", tc.name, all)
			if tc.wantErr == "" {
				assert.Empty(t, errs)
				return
			}
			assert.Contains(t, strings.Join(all, "\n"), tc.wantErr)
		})
	}
}

// Only tables under a "Python" header are read: other tables of the page
// (a legend, say) and prose around them are not rows.
func TestParseRosettaReadsOnlyItsTables(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ROSETTA.md")
	page := "# Title\n\n| key | meaning |\n|---|---|\n| a | b |\n\nSome prose | with a bar.\n\n" +
		"| Python | Go | proved by | where it differs |\n|:---|---|---|---|\n" +
		"| `threading.Lock()` | `sync.Mutex` | `demo.ExampleThing` | not reentrant |\n\n" +
		"| key | meaning |\n|---|---|\n| c | d |\n"
	require.NoError(t, os.WriteFile(path, []byte(page), 0o644))
	rows, err := ParseRosetta(path)
	require.NoError(t, err)
	require.Len(t, rows, 1)
	assert.Equal(t, RosettaRow{
		Line: 11, Python: "`threading.Lock()`", Constructs: []string{"threading.Lock()"},
		Go: "`sync.Mutex`", Examples: []string{"demo.ExampleThing"}, Differs: "not reentrant",
	}, rows[0])
	assert.Equal(t, "threading.Lock()", rows[0].Construct())
}
