package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/concurrency-atlas/atlas/bench/report"
	"github.com/concurrency-atlas/atlas/internal/claims"
)

type pkg struct {
	importPath, dir string
	benchmarks      int
}

func generate(ctx context.Context, o options, stdout, stderr io.Writer) error {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return errors.New("the go command is not on PATH: install Go 1.25 or newer (https://go.dev/dl/) and try again")
	}
	root, err := goOutput(ctx, goBin, "", "env", "GOMOD")
	if err != nil || root == "" || root == os.DevNull {
		return errors.New("run this from inside the Atlas module (no go.mod found)")
	}
	root = filepath.Dir(root)
	goVersion, err := goOutput(ctx, goBin, root, "env", "GOVERSION")
	if err != nil {
		return err
	}
	if o.from != "" {
		return rebuild(ctx, goBin, root, o.from, o.readme, stdout)
	}
	pkgs, err := findPackages(ctx, goBin, root, o.pkgs)
	if err != nil {
		return err
	}

	machine := report.DetectMachine(goVersion)
	stem := machine.FileStem()
	out := o.out
	writeReadme := o.readme && !o.quick && out == ""
	switch {
	case out == "" && o.quick:
		out = filepath.Join(os.TempDir(), "atlas-report-quick")
		stem += "-quick"
	case out == "":
		out = filepath.Join(root, "testdata", "bench")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "atlas-report-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	var raw bytes.Buffer
	raw.WriteString(machine.Header())
	fmt.Fprintf(&raw, "atlas-run: -count %d -cpu %s -benchtime %s -bench %s; at -cpu %s only %s\n",
		o.count, joinInts(o.cpu), o.benchtime, o.bench, joinInts(o.scaleCPU), o.scale)
	prog := newProgress(stderr, pkgs, o)
	for i, p := range pkgs {
		bin := filepath.Join(work, fmt.Sprintf("pkg%d.test", i))
		prog.status(i, 0, "building")
		if msg, err := exec.CommandContext(ctx, goBin, "test", "-c", "-o", bin, p.importPath).CombinedOutput(); err != nil {
			return fmt.Errorf("building %s: %v\n%s", p.importPath, err, msg)
		}
		for round := 1; round <= o.count; round++ {
			// One invocation per GOMAXPROCS value: with several -cpu values
			// in one run, a b.Loop benchmark measures its first value under
			// the GOMAXPROCS the previous run left behind (Go 1.26).
			for _, pass := range o.passes() {
				prog.status(i, round, fmt.Sprintf("round %d/%d, GOMAXPROCS=%d%s", round, o.count, pass.procs, pass.note))
				if err := runRound(ctx, bin, p, o, pass, &raw, prog, i, round); err != nil {
					return err
				}
				prog.rounds++
			}
		}
	}
	prog.done()

	// Everything ran: write the files under temporary names, then rename.
	return write(ctx, goBin, root, work, out, stem, raw.Bytes(), writeReadme, stdout)
}

// rebuild writes the report of an existing raw file next to it.
func rebuild(ctx context.Context, goBin, root, rawPath string, readme bool, stdout io.Writer) error {
	raw, err := os.ReadFile(rawPath)
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(rawPath)
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "atlas-report-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	inRepo := filepath.Dir(abs) == filepath.Join(root, "testdata", "bench")
	return write(ctx, goBin, root, work, filepath.Dir(abs), strings.TrimSuffix(filepath.Base(abs), ".txt"), raw, inRepo && readme, stdout)
}

// write stages the raw results, the Markdown report and the charts in work,
// moves them into out once all are written, and updates README if asked.
func write(ctx context.Context, goBin, root, work, out, stem string, raw []byte, writeReadme bool, stdout io.Writer) error {
	final := map[string]string{} // temporary path -> final path
	stage := func(name string, data []byte) error {
		tmp := filepath.Join(work, name)
		final[tmp] = filepath.Join(out, name)
		return os.WriteFile(tmp, data, 0o644)
	}
	rawName := stem + ".txt"
	if err := stage(rawName, raw); err != nil {
		return err
	}
	data, err := report.Parse(bytes.NewReader(raw), rawName)
	if err != nil {
		return fmt.Errorf("reading the results back: %w", err)
	}
	stat, err := goOutput(ctx, goBin, root, "tool", "benchstat", stem+"="+filepath.Join(work, rawName))
	if err != nil {
		return fmt.Errorf("benchstat: %w", err)
	}
	var chartFiles []string
	charts := report.Charts(data)
	for _, suffix := range sortedKeys(charts) {
		name := stem + "-" + suffix
		chartFiles = append(chartFiles, name)
		if err := stage(name, []byte(charts[suffix])); err != nil {
			return err
		}
	}
	results := report.Judge(data, data.Measured())
	md := report.Markdown(stem, data, results, stat, chartFiles)
	if err := stage(stem+".md", []byte(md)); err != nil {
		return err
	}
	for tmp, dst := range final {
		if err := moveFile(tmp, dst); err != nil {
			return err
		}
	}

	printChecks(stdout, root, results)
	fmt.Fprintf(stdout, "\nreport: %s\nraw:    %s\n", filepath.Join(out, stem+".md"), filepath.Join(out, rawName))
	if writeReadme {
		if err := updateReadme(root, filepath.ToSlash(filepath.Join("testdata", "bench", rawName)), data); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "README.md: generated section rewritten")
	}
	if bad := report.Contradictions(results); len(bad) > 0 {
		return contradicted(bad)
	}
	return nil
}

// contradicted is the error of a run whose numbers disagree with a
// verdict in CLAIMS.md: the files are written, and the claims named.
type contradicted []report.CheckResult

func (c contradicted) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "this machine's numbers contradict %d measured statement(s) behind CLAIMS.md:", len(c))
	for _, r := range c {
		fmt.Fprintf(&b, "\n  %s (%s): %s\n     %s", r.ID, r.Verdict, r.Says, r.Detail)
	}
	return b.String()
}

// keep is what the raw file takes from a benchmark binary's output: the
// configuration lines benchstat reads and the results.
var keep = regexp.MustCompile(`^(Benchmark|goos:|goarch:|pkg:|cpu:)`)

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

func runRound(ctx context.Context, bin string, p pkg, o options, ps pass, raw *bytes.Buffer, prog *progress, i, round int) error {
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"-test.run=^$", "-test.bench="+ps.bench, "-test.benchmem",
		"-test.count=1", fmt.Sprintf("-test.cpu=%d", ps.procs), "-test.benchtime="+o.benchtime,
		"-test.timeout=0")
	cmd.Dir = p.dir
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
	sc := bufio.NewScanner(pipe)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	failed := false
	for sc.Scan() {
		line := sc.Text()
		all.WriteString(line + "\n")
		if strings.HasPrefix(line, "--- FAIL") || line == "FAIL" {
			failed = true
		}
		if keep.MatchString(line) {
			if (round > 1 || ps.procs != o.cpu[0]) && !strings.HasPrefix(line, "Benchmark") {
				continue
			}
			raw.WriteString(line + "\n")
			if f := strings.Fields(line); strings.HasPrefix(line, "Benchmark") && len(f) > 1 {
				prog.result(i, round, f[0])
			}
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
func findPackages(ctx context.Context, goBin, root string, named []string) ([]pkg, error) {
	patterns := named
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	args := append([]string{"list", "-f", "{{.ImportPath}}|{{.Dir}}|{{join .TestGoFiles \",\"}}|{{join .XTestGoFiles \",\"}}"}, patterns...)
	listing, err := goOutput(ctx, goBin, root, args...)
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

func goOutput(ctx context.Context, goBin, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, goBin, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(string(out)), nil
}

// moveFile renames, falling back to copy+remove across file systems.
func moveFile(src, dst string) error {
	if err := os.Rename(src, dst); err == nil {
		return nil
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	tmp := dst + ".partial"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

func updateReadme(root, rawRel string, data *report.Data) error {
	refs, err := report.LoadReferencesFile(filepath.Join(root, "testdata", "bench", "python-reference.txt"))
	if err != nil {
		return err
	}
	path := filepath.Join(root, "README.md")
	readme, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	updated, err := report.ReplaceSection(string(readme), report.Section(rawRel, data, refs))
	if err != nil {
		return err
	}
	return os.WriteFile(path, []byte(updated), 0o644)
}

func printChecks(w io.Writer, root string, results []report.CheckResult) {
	if len(results) > 0 && results[0].Outcome == report.NotJudged {
		fmt.Fprintln(w, "Claim checks: not judged. A smoke run takes one sample of each benchmark, which measures nothing.")
		return
	}
	verdicts := map[string]string{}
	if rows, err := claims.Parse(filepath.Join(root, "CLAIMS.md")); err == nil {
		for _, r := range rows {
			verdicts[r.ID] = r.Verdict
		}
	}
	fmt.Fprintln(w, "Claim checks against this run (95% confidence):")
	for _, r := range results {
		fmt.Fprintf(w, "  %-3s %-13s %s\n      CLAIMS.md: %q; figures: %s\n", r.ID, r.Outcome, r.Says, verdicts[r.ID], r.Detail)
	}
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// progress tells the person waiting what runs now and how long is left.
type progress struct {
	w       io.Writer
	pkgs    []pkg
	o       options
	start   time.Time
	rounds  int // rounds finished
	total   int
	results int
	isTTY   bool
}

func newProgress(w io.Writer, pkgs []pkg, o options) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &progress{w: w, pkgs: pkgs, o: o, start: time.Now(), total: len(pkgs) * o.count * len(o.passes()), isTTY: tty}
}

func (p *progress) status(i, round int, note string) {
	left := "estimating"
	if p.rounds > 0 {
		per := time.Since(p.start) / time.Duration(p.rounds)
		left = "about " + (per * time.Duration(p.total-p.rounds)).Round(time.Second).String() + " left"
	}
	if note == "" {
		note = fmt.Sprintf("round %d/%d", round, p.o.count)
	}
	p.clear()
	fmt.Fprintf(p.w, "[%d/%d] %s: %s (%s)\n", i+1, len(p.pkgs), p.pkgs[i].importPath, note, left)
}

func (p *progress) result(i, round int, name string) {
	p.results++
	if p.isTTY {
		fmt.Fprintf(p.w, "\r\033[K  %d results · %s", p.results, name)
	}
}

func (p *progress) clear() {
	if p.isTTY {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func (p *progress) done() {
	p.clear()
	fmt.Fprintf(p.w, "benchmarks done: %d results in %s\n", p.results, time.Since(p.start).Round(time.Second))
}
