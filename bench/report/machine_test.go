package report_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
)

// The compare line must really put two runs side by side: two files that
// differ only in their machine header give one table with two columns.
func TestCompareCommandPutsTwoMachinesSideBySide(t *testing.T) {
	dir := t.TempDir()
	body := "pkg: x/bench\nBenchmarkX 10 100 ns/op\nBenchmarkX 10 110 ns/op\n"
	a := report.DetectMachine("go1.26.0")
	a.Workers, a.Python = 2, "3.11.7 (CPython, GIL on); main, GCC 12.2.0"
	b := a
	// The pools are sized by the cores, and CPython may be missing.
	b.CPUModel, b.Cores, b.Date, b.Workers, b.Python = "Other CPU", 8, b.Date.AddDate(0, 0, 1), 8, report.NotMeasured+"no python3 on PATH"
	write := func(name string, m report.Machine) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(m.Header()+"cpu: "+m.CPUModel+"\n"+body), 0o644))
		return path
	}
	ours, yours := write("ours.txt", a), write("yours.txt", b)
	args := strings.Fields(report.CompareCommand(ours, yours))
	require.Equal(t, []string{"go", "tool", "benchstat"}, args[:3])
	out, err := exec.Command("go", args[1:]...).CombinedOutput()
	require.NoError(t, err, string(out))
	assert.Contains(t, string(out), "vs base", "benchstat compared the two files:\n%s", out)
	assert.Equal(t, args[3:], report.CompareArgs(ours, yours))
}

func TestMachineHeaderIsReadBack(t *testing.T) {
	m := report.DetectMachine("go1.26.0")
	assert.NotContains(t, m.Header(), "workers:", "unsaid until the report command sets it")
	assert.NotContains(t, m.Header(), report.PythonKey)
	m.Workers, m.Python = 3, "3.11.7 (CPython, GIL on); main, GCC 12.2.0"
	run, err := report.Parse(strings.NewReader(m.Header()+"pkg: x/bench\nBenchmarkX 1 1 ns/op\n"), "h.txt")
	require.NoError(t, err)
	assert.Equal(t, m.CPUModel, run.Config["atlas-cpu-model"])
	assert.Equal(t, m.Cores, run.Cores())
	assert.Equal(t, "go1.26.0", run.Config["atlas-go"])
	assert.Equal(t, "3", run.Config["workers"], "a file-level line, above the first pkg:")
	assert.Equal(t, m.Python, run.Config[report.PythonKey])
	assert.Regexp(t, `^[a-z0-9-]+-\d+cpu-\d{4}-\d{2}-\d{2}$`, m.FileStem())
}

func TestFileStemNamesModelCoresAndDate(t *testing.T) {
	date := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	cases := map[string]string{
		"AMD EPYC 7B13":                      "amd-epyc-7b13-2cpu-2026-11-22",
		"Intel(R) Xeon(R) Processor":         "intel-xeon-2cpu-2026-11-22",
		"Intel(R) Core(TM) i7-8650U CPU @ 1": "intel-i7-8650u-1-2cpu-2026-11-22",
		"(TM)":                               "unknown-2cpu-2026-11-22",
	}
	for model, want := range cases {
		assert.Equal(t, want, report.Machine{CPUModel: model, Cores: 2, Date: date}.FileStem(), model)
	}
}
