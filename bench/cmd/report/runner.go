// Running the benchmarks: each package's test binary is built once and run
// once per round and GOMAXPROCS value, and the lines benchstat reads are
// kept, below the machine header, as the raw results.

package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/concurrency-atlas/atlas/bench/report"
	"github.com/concurrency-atlas/atlas/internal/workload"
)

// pkg is a package with benchmarks.
type pkg struct {
	importPath, dir string
	benchmarks      int
}

// pass is one invocation of a package's benchmarks within a round.
type pass struct {
	procs int
	bench string
	note  string
}

// passes lists a round's invocations: every benchmark at each -cpu value,
// then the scaling benchmarks at each -scale-cpu value not already run.
func (o options) passes() []pass {
	var ps []pass
	for _, procs := range o.cpu {
		ps = append(ps, pass{procs: procs, bench: o.bench})
	}
	for _, procs := range o.scaleCPU {
		if !slices.Contains(o.cpu, procs) {
			ps = append(ps, pass{procs: procs, bench: o.scale, note: ", scaling benchmarks"})
		}
	}
	return ps
}

// runner runs the benchmarks of one report and collects their raw output.
type runner struct {
	o    options
	tc   toolchain
	work string // where the test binaries go
	prog *progress
	raw  bytes.Buffer
}

// run runs every pass of every round of each package's benchmarks and
// returns the raw results, machine header first: that header holds the
// pool size (workers:) and the CPython measured beside Go, as file-level
// configuration above the first pkg: line.
func (r *runner) run(ctx context.Context, machine report.Machine, pkgs []pkg) ([]byte, error) {
	r.raw.WriteString(machine.Header())
	fmt.Fprintf(&r.raw, "atlas-run: -count %d -cpu %s -benchtime %s -bench %s", r.o.count, joinInts(r.o.cpu), r.o.benchtime, r.o.bench)
	if len(r.o.scaleCPU) > 0 {
		fmt.Fprintf(&r.raw, "; at -cpu %s only %s", joinInts(r.o.scaleCPU), r.o.scale)
	}
	r.raw.WriteString("\n")
	for i, p := range pkgs {
		bin := filepath.Join(r.work, fmt.Sprintf("pkg%d.test", i))
		r.prog.status(i, "building")
		if msg, err := exec.CommandContext(ctx, r.tc.goBin, "test", "-c", "-o", bin, p.importPath).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("building %s: %v\n%s", p.importPath, err, msg)
		}
		for round := 1; round <= r.o.count; round++ {
			// One invocation per GOMAXPROCS value: with several -cpu values
			// in one run, a b.Loop benchmark measures its first value under
			// the GOMAXPROCS the previous run left behind (Go 1.26).
			for _, ps := range r.o.passes() {
				r.prog.status(i, fmt.Sprintf("round %d/%d, GOMAXPROCS=%d%s", round, r.o.count, ps.procs, ps.note))
				if err := r.runPass(ctx, bin, p, round, ps); err != nil {
					return nil, err
				}
				r.prog.passDone()
			}
		}
	}
	r.prog.done()
	return r.raw.Bytes(), nil
}

// keep is what the raw file takes from a benchmark binary's output: the
// results, and every configuration line benchstat reads, "key: value" with
// a key that starts in lower case and has no space or capital in it. That
// is goos:, pkg: and cpu:, and also what the benchmarks add themselves,
// such as the pool size they took from the cores ("workers: 2").
var keep = regexp.MustCompile(`^(Benchmark|\p{Ll}[^\s\p{Lu}]*:(\s|$))`)

// runPass runs one pass of a package's test binary bin and adds its
// results to the raw output; the configuration lines only once, from the
// package's first pass.
func (r *runner) runPass(ctx context.Context, bin string, p pkg, round int, ps pass) error {
	ctx, cancel := context.WithTimeout(ctx, r.o.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"-test.run=^$", "-test.bench="+ps.bench, "-test.benchmem",
		"-test.count=1", fmt.Sprintf("-test.cpu=%d", ps.procs), "-test.benchtime="+r.o.benchtime,
		"-test.timeout=0")
	cmd.Dir = p.dir
	// The pools take their size from here, whatever the environment says.
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d", workload.WorkersEnv, r.o.workers))
	// stdout is read line by line below; stderr gets a buffer of its own,
	// since exec copies into it from another goroutine.
	var all, errOut bytes.Buffer
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		return err
	}
	first := round == 1 && ps.procs == r.o.cpu[0]
	sc := bufio.NewScanner(pipe)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	failed := false
	for sc.Scan() {
		line := sc.Text()
		all.WriteString(line + "\n")
		if strings.HasPrefix(line, "--- FAIL") || line == "FAIL" {
			failed = true
		}
		if !keep.MatchString(line) || (!first && !strings.HasPrefix(line, "Benchmark")) {
			continue
		}
		r.raw.WriteString(line + "\n")
		if f := strings.Fields(line); strings.HasPrefix(line, "Benchmark") && len(f) > 1 {
			r.prog.result(f[0])
		}
	}
	werr := cmd.Wait()
	if werr != nil || failed {
		tail := all.String() + errOut.String()
		if len(tail) > 4000 {
			tail = "...\n" + tail[len(tail)-4000:]
		}
		return fmt.Errorf("benchmarks of %s failed (round %d, GOMAXPROCS=%d): %v\n%s", p.importPath, round, ps.procs, werr, tail)
	}
	return nil
}

var benchFunc = regexp.MustCompile(`(?m)^func Benchmark\w*\(b \*testing\.B\)`)

// findPackages lists the packages to run: those named, or every package of
// the module whose test files define a benchmark.
// ownBenchmarks is the package whose benchmarks time the report's own
// code (judging a run), which answers no claim: a default run leaves it
// out, and naming it runs it.
const ownBenchmarks = "/bench/report"

func findPackages(ctx context.Context, tc toolchain, named []string) ([]pkg, error) {
	patterns := named
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	args := append([]string{"list", "-f", "{{.ImportPath}}|{{.Dir}}|{{join .TestGoFiles \",\"}}|{{join .XTestGoFiles \",\"}}"}, patterns...)
	listing, err := tc.output(ctx, args...)
	if err != nil {
		return nil, err
	}
	var pkgs []pkg
	for _, line := range strings.Split(listing, "\n") {
		f := strings.Split(line, "|")
		if len(f) != 4 {
			continue
		}
		p := pkg{importPath: f[0], dir: f[1]}
		if len(named) == 0 && strings.HasSuffix(p.importPath, ownBenchmarks) {
			continue
		}
		for _, name := range strings.Split(f[2]+","+f[3], ",") {
			if name == "" {
				continue
			}
			src, err := os.ReadFile(filepath.Join(p.dir, name))
			if err != nil {
				return nil, err
			}
			p.benchmarks += len(benchFunc.FindAll(src, -1))
		}
		if p.benchmarks > 0 {
			pkgs = append(pkgs, p)
		}
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no benchmarks in %s", strings.Join(patterns, " "))
	}
	return pkgs, nil
}
