// The command line: the flags, their defaults, and what a valid value is.

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// options are the parsed flags.
type options struct {
	quick     bool
	count     int
	cpu       []int
	scaleCPU  []int  // extra GOMAXPROCS values, for the scaling benchmarks only
	scale     string // the scaling benchmarks
	benchtime string
	bench     string
	pkgs      []string
	out       string
	readme    bool
	timeout   time.Duration
	from      string // rebuild the report from this raw file instead of running
	python    string // the interpreter to measure CPython with, or "off"
	// pythonNamed says the reader set -python: an interpreter they named
	// that cannot measure is their mistake, not a note.
	pythonNamed bool
	workers     int // the benchmarks' pool size, ATLAS_WORKERS
}

// pythonOff is the -python value that skips CPython.
const pythonOff = "off"

var errHelp = errors.New("help requested")

// parseFlags reads the command line; usage and errors go to stderr.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	var cpu, scaleCPU, pkgs string
	fs.BoolVar(&o.quick, "quick", false, "run every benchmark once with -benchtime 1x into a temporary folder (a smoke test, not a measurement)")
	fs.IntVar(&o.count, "count", 10, "how many times to run each benchmark (the claim checks want 10; benchstat needs at least 6)")
	fs.StringVar(&cpu, "cpu", "1,2", "GOMAXPROCS values to run every benchmark at")
	// The F8 check needs the scaling benchmarks at the core count and at
	// twice it, where the speedup must have stopped growing.
	cores := runtime.NumCPU()
	fs.StringVar(&scaleCPU, "scale-cpu", fmt.Sprintf("%d,%d", cores, 2*cores), "more GOMAXPROCS values, for the scaling benchmarks only (empty for none)")
	fs.StringVar(&o.scale, "scale", "CPUBound", "regular expression selecting the scaling benchmarks")
	fs.StringVar(&o.benchtime, "benchtime", "100ms", "go test -benchtime for each benchmark")
	fs.StringVar(&o.bench, "bench", ".", "regular expression selecting benchmarks (go test -bench)")
	fs.StringVar(&pkgs, "pkg", "", "comma-separated packages to run (default: every package with benchmarks)")
	fs.StringVar(&o.out, "out", "", "folder for the results (default testdata/bench; a temporary folder with -quick; the raw file's folder with -from)")
	fs.BoolVar(&o.readme, "readme", false, "also rewrite README's generated section from this run, whose files must go to testdata/bench (not with -quick)")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Minute, "limit for one package's benchmarks")
	fs.StringVar(&o.from, "from", "", "rebuild the report and charts of this raw file (and of CPython's results beside it), running nothing")
	fs.StringVar(&o.python, "python", "python3", "the Python 3 interpreter that measures CPython beside Go, a path or a name on PATH; \""+pythonOff+"\" skips it")
	fs.IntVar(&o.workers, "workers", cores, "the size of the benchmarks' process pools (ATLAS_WORKERS in their environment)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./bench/cmd/report [flags]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, errHelp
		}
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	o.pythonNamed = set["python"]
	if o.quick {
		if !set["count"] {
			o.count = 1
		}
		if !set["benchtime"] {
			o.benchtime = "1x"
		}
	}
	if o.readme && o.quick {
		return o, errors.New("-readme wants a measured run: a -quick run measures nothing, so README cannot name it")
	}
	if o.count < 1 {
		return o, fmt.Errorf("-count must be at least 1, not %d", o.count)
	}
	if o.workers < 1 {
		return o, fmt.Errorf("-workers must be at least 1, not %d", o.workers)
	}
	if o.python == "" {
		return o, fmt.Errorf("-python wants an interpreter, or %s", pythonOff)
	}
	var err error
	if o.cpu, err = parseCPU(cpu); err != nil {
		return o, err
	}
	if scaleCPU != "" {
		if o.scaleCPU, err = parseCPU(scaleCPU); err != nil {
			return o, fmt.Errorf("-scale-cpu: %v", err)
		}
	}
	if _, err := regexp.Compile(o.scale); err != nil {
		return o, fmt.Errorf("-scale: %v", err)
	}
	if _, err := regexp.Compile(o.bench); err != nil {
		return o, fmt.Errorf("-bench: %v", err)
	}
	if !validBenchtime(o.benchtime) {
		return o, fmt.Errorf("-benchtime %q: want a duration like 300ms or a count like 100x", o.benchtime)
	}
	for _, p := range strings.Split(pkgs, ",") {
		if p = strings.TrimSpace(p); p != "" {
			o.pkgs = append(o.pkgs, p)
		}
	}
	return o, nil
}

func parseCPU(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-cpu %q: want a list of positive whole numbers like 1,2,4", s)
		}
		out = append(out, n)
	}
	return out, nil
}

func validBenchtime(s string) bool {
	if n, ok := strings.CutSuffix(s, "x"); ok {
		v, err := strconv.Atoi(n)
		return err == nil && v > 0
	}
	d, err := time.ParseDuration(s)
	return err == nil && d > 0
}

func joinInts(xs []int) string {
	var s []string
	for _, x := range xs {
		s = append(s, strconv.Itoa(x))
	}
	return strings.Join(s, ",")
}
