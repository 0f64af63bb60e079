package claims

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/perf/benchfmt"
)

// A Run is what one committed `go test -bench` run measured: for each
// package import path, the benchmark names without the "Benchmark" prefix
// and without the -N GOMAXPROCS suffix. Only a run can say whether a
// sub-benchmark exists, since sub-benchmarks are made at run time by b.Run.
type Run struct {
	file  string
	names map[string][]string
}

// MeasuredIn reads a raw `go test -bench` output file.
func MeasuredIn(path string) (*Run, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	run := &Run{file: path, names: map[string][]string{}}
	seen := map[string]bool{}
	rd := benchfmt.NewReader(f, path)
	for rd.Scan() {
		switch rec := rd.Result().(type) {
		case *benchfmt.SyntaxError:
			return nil, rec
		case *benchfmt.Result:
			pkg, name := rec.GetConfig("pkg"), withoutProcs(rec.Name)
			if key := pkg + " " + name; !seen[key] {
				seen[key] = true
				run.names[pkg] = append(run.names[pkg], name)
			}
		}
	}
	if err := rd.Err(); err != nil {
		return nil, err
	}
	if len(seen) == 0 {
		return nil, fmt.Errorf("%s: no benchmark results", path)
	}
	return run, nil
}

// withoutProcs drops the trailing -N that go test adds when GOMAXPROCS is
// not 1, so the names measured at -cpu 1 and -cpu 2 are the same.
func withoutProcs(n benchfmt.Name) string {
	base, parts := n.Parts()
	if k := len(parts); k > 0 && parts[k-1][0] == '-' {
		parts = parts[:k-1]
	}
	var b strings.Builder
	b.Write(base)
	for _, p := range parts {
		b.Write(p)
	}
	return b.String()
}

// measured reports whether the run holds the benchmark path (say
// "RoundTrip/pipe") of package pkg, or a sub-benchmark below it. A longer
// name that merely starts with the same letters ("RoundTrip/pipeThreads")
// does not count.
func (r *Run) measured(pkg, path string) bool {
	for _, n := range r.names[pkg] {
		if n == path || strings.HasPrefix(n, path+"/") {
			return true
		}
	}
	return false
}

// CommittedRun returns the run file that README's generated section is
// drawn from, named on its line "_From [`testdata/bench/<file>.txt`]...".
// The name is relative to README's folder.
func CommittedRun(readme string) (string, error) {
	f, err := os.Open(readme)
	if err != nil {
		return "", err
	}
	defer f.Close()
	const lead = "_From [`"
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), lead)
		if !ok {
			continue
		}
		name, _, ok := strings.Cut(rest, "`")
		if !ok || name == "" {
			return "", fmt.Errorf("%s: the %s line does not close its file name", readme, lead)
		}
		return filepath.Join(filepath.Dir(readme), filepath.FromSlash(name)), nil
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", fmt.Errorf("%s: no %s line names the committed run", readme, lead)
}

// modulePath reads the module line of root/go.mod; a run's pkg: lines are
// import paths, and the table names folders below root.
func modulePath(root string) (string, error) {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	return "", errors.New("go.mod has no module line")
}
