// Where a run's numbers came from: the machine header written above the
// raw results, and the names and compare line built from it.

package report

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"time"
)

// Machine says where numbers came from. It is written into the raw results
// as benchfmt configuration lines ("key: value"), which benchstat carries
// along and Load reads back.
type Machine struct {
	CPUModel   string
	Cores      int
	CgroupCPU  string // the cgroup v2 cpu.max quota, or "none"
	GOMAXPROCS int
	GoVersion  string
	OS         string
	Date       time.Time
	// Workers is the size of the benchmarks' process pools, which the
	// report command sets through ATLAS_WORKERS; 0 leaves it unsaid.
	Workers int
	// Python is the CPython interpreter measured beside Go, in the words
	// of cpython.Interpreter.String and its build, or [NotMeasured] and
	// why none was; "" leaves it unsaid.
	Python string
}

// DetectMachine describes this machine. goVersion is the toolchain that
// will build the benchmarks, which may differ from the one running this.
func DetectMachine(goVersion string) Machine {
	return Machine{
		CPUModel:   cpuModel(),
		Cores:      runtime.NumCPU(),
		CgroupCPU:  cgroupCPU(),
		GOMAXPROCS: runtime.GOMAXPROCS(0),
		GoVersion:  goVersion,
		OS:         osName(),
		Date:       time.Now().UTC(),
	}
}

// CompareArgs are the benchstat arguments that compare raw results from
// two runs. Every key that names the machine or the run must be ignored,
// the pool size the benchmarks took from the cores ("workers") and the
// interpreter measured beside them too, or benchstat puts each file in a
// table of its own instead of side by side.
func CompareArgs(ours, yours string) []string {
	return []string{"-ignore", strings.Join([]string{
		"cpu", "atlas-cpu-model", "atlas-cores", "atlas-cgroup-cpu", "atlas-gomaxprocs",
		"atlas-go", "atlas-os", "atlas-date", "atlas-run", "workers", PythonKey,
	}, ","), ours, yours}
}

// CompareCommand is [CompareArgs] as a command line.
func CompareCommand(ours, yours string) string {
	return "go tool benchstat " + strings.Join(CompareArgs(ours, yours), " ")
}

// Header renders the machine as benchfmt configuration lines, which sit
// above the first pkg: line and so hold for the whole file.
func (m Machine) Header() string {
	var b strings.Builder
	fmt.Fprintf(&b, "atlas-cpu-model: %s\n", m.CPUModel)
	fmt.Fprintf(&b, "atlas-cores: %d\n", m.Cores)
	fmt.Fprintf(&b, "atlas-cgroup-cpu: %s\n", m.CgroupCPU)
	fmt.Fprintf(&b, "atlas-gomaxprocs: %d\n", m.GOMAXPROCS)
	fmt.Fprintf(&b, "atlas-go: %s\n", m.GoVersion)
	fmt.Fprintf(&b, "atlas-os: %s\n", m.OS)
	fmt.Fprintf(&b, "atlas-date: %s\n", m.Date.Format(time.RFC3339))
	if m.Python != "" {
		fmt.Fprintf(&b, "%s: %s\n", PythonKey, m.Python)
	}
	if m.Workers > 0 {
		fmt.Fprintf(&b, "workers: %d\n", m.Workers)
	}
	return b.String()
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

// FileStem names a run's files by machine and date, for example
// "amd-epyc-7b13-2cpu-2026-11-22".
func (m Machine) FileStem() string {
	model := strings.ToLower(m.CPUModel)
	for _, noise := range []string{"processor", "(r)", "(tm)", "cpu", "core"} {
		model = strings.ReplaceAll(model, noise, " ")
	}
	fields := strings.Fields(nonWord.ReplaceAllString(model, " "))
	if len(fields) > 4 {
		fields = fields[:4]
	}
	if len(fields) == 0 {
		fields = []string{"unknown"}
	}
	return fmt.Sprintf("%s-%dcpu-%s", strings.Join(fields, "-"), m.Cores, m.Date.Format("2006-01-02"))
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func cgroupCPU() string {
	b, err := os.ReadFile("/sys/fs/cgroup/cpu.max")
	if err != nil {
		return "none"
	}
	quota := strings.TrimSpace(string(b))
	if strings.HasPrefix(quota, "max") {
		return "none (" + quota + ")"
	}
	return quota
}

func osName() string {
	out, err := exec.Command("uname", "-sr").Output()
	if err != nil {
		return runtime.GOOS
	}
	return strings.TrimSpace(string(out))
}
