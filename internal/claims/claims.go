package claims

import (
	"bufio"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// IDs are the claim identifiers of the catalogue, in order. Each must have
// exactly one row.
var IDs = []string{
	"F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8",
	"T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9",
	"M1", "M2", "M3", "M4", "M5", "M6", "M7",
	"A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12", "A13", "A14",
	"H1", "H2", "H3", "H4",
	"D1", "D2",
}

// Verdicts a row may carry.
const (
	Holds        = "holds"
	DoesNotHold  = "does not hold in Go"
	HoldsNuanced = "holds with a nuance"
	Pending      = "pending"
)

// Row is one claim of the table.
type Row struct {
	Line     int
	ID       string
	Claim    string
	Verdict  string
	Why      string   // what Go does, in a sentence
	Evidence []string // the back-quoted names of the evidence cell
}

var (
	idPattern    = regexp.MustCompile(`^[FTMAHD][0-9]+$`)
	quoted       = regexp.MustCompile("`([^`]+)`")
	funcEvidence = regexp.MustCompile(`^([A-Za-z0-9_./-]+?)\.((?:Test|Benchmark|Example|Fuzz)[A-Za-z0-9_]*)(/\S*)?$`)
)

// Parse reads the claim rows of a Markdown table whose first cell is a
// claim id. Columns: id | claim | verdict | in Go | evidence.
func Parse(path string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []Row
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if !idPattern.MatchString(cells[0]) {
			continue
		}
		if len(cells) != 5 {
			return nil, fmt.Errorf("%s:%d: row %s has %d cells, want 5 (id | claim | verdict | in Go | evidence)", path, n, cells[0], len(cells))
		}
		r := Row{Line: n, ID: cells[0], Claim: cells[1], Verdict: strings.Trim(cells[2], "*"), Why: cells[3]}
		for _, m := range quoted.FindAllStringSubmatch(cells[4], -1) {
			r.Evidence = append(r.Evidence, m[1])
		}
		rows = append(rows, r)
	}
	return rows, sc.Err()
}

// An Option changes what Check can verify.
type Option func(*definitions)

// WithRun lets Check verify sub-benchmark evidence (pkgdir.BenchmarkX/sub)
// against the benchmarks that run measured. Without a run, such evidence
// is reported as unverifiable rather than accepted.
func WithRun(r *Run) Option {
	return func(d *definitions) { d.run = r }
}

// Check parses the table at path and checks it against the module tree at
// root. It returns every problem found, not just the first.
func Check(root, path string, ids []string, opts ...Option) []error {
	rows, err := Parse(path)
	if err != nil {
		return []error{err}
	}
	var errs []error
	seen := map[string]int{}
	defs := newDefinitions(root)
	for _, o := range opts {
		o(defs)
	}
	for _, r := range rows {
		at := fmt.Sprintf("%s:%d: %s", filepath.Base(path), r.Line, r.ID)
		if prev, dup := seen[r.ID]; dup {
			errs = append(errs, fmt.Errorf("%s: duplicate row (first at line %d)", at, prev))
		}
		seen[r.ID] = r.Line
		if !slices.Contains(ids, r.ID) {
			errs = append(errs, fmt.Errorf("%s: not a claim of the catalogue", at))
		}
		switch r.Verdict {
		case Holds, DoesNotHold, HoldsNuanced:
			if len(r.Evidence) == 0 {
				errs = append(errs, fmt.Errorf("%s: verdict %q names no evidence", at, r.Verdict))
			}
			if r.Why == "" {
				errs = append(errs, fmt.Errorf("%s: verdict %q does not say why", at, r.Verdict))
			}
		case Pending:
			errs = append(errs, fmt.Errorf("%s: verdict pending: the claim has no answer yet", at))
		default:
			errs = append(errs, fmt.Errorf("%s: unknown verdict %q", at, r.Verdict))
		}
		for _, ev := range r.Evidence {
			if err := defs.resolve(ev); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", at, err))
			}
		}
	}
	for _, id := range ids {
		if _, ok := seen[id]; !ok {
			errs = append(errs, fmt.Errorf("%s: claim %s has no row", filepath.Base(path), id))
		}
	}
	return errs
}

// definitions caches the top-level functions of each package folder.
type definitions struct {
	root  string
	run   *Run
	funcs map[string]map[string]funcInfo
}

// funcInfo is what the check needs to know about one function.
type funcInfo struct {
	output bool // its body ends with an // Output: or // Unordered output: comment
}

func newDefinitions(root string) *definitions {
	return &definitions{root: root, funcs: map[string]map[string]funcInfo{}}
}

// resolve accepts either a function in a package folder (pkgdir.Name, with
// an optional /sub suffix, checked against the run for benchmarks) or a
// file path relative to the module root (optionally with a #fragment).
func (d *definitions) resolve(ev string) error {
	if m := funcEvidence.FindStringSubmatch(ev); m != nil {
		dir, name, sub := m[1], m[2], m[3]
		funcs, err := d.load(dir)
		if err != nil {
			return fmt.Errorf("evidence %s: %w", ev, err)
		}
		fn, ok := funcs[name]
		if !ok {
			return fmt.Errorf("evidence %s: no func %s in %s", ev, name, dir)
		}
		if strings.HasPrefix(name, "Example") && !fn.output {
			return fmt.Errorf("evidence %s: example %s has no // Output: comment, so it is compiled but never checked", ev, name)
		}
		if strings.HasPrefix(name, "Benchmark") && sub != "" {
			return d.resolveSub(ev, dir, name+sub)
		}
		return nil
	}
	file, _, _ := strings.Cut(ev, "#")
	if strings.Contains(file, "/") || strings.Contains(file, ".") {
		if _, err := os.Stat(filepath.Join(d.root, filepath.FromSlash(file))); err != nil {
			return fmt.Errorf("evidence %s: file not found", ev)
		}
		return nil
	}
	return fmt.Errorf("evidence %s: neither pkgdir.TestName nor a file path", ev)
}

// resolveSub checks that the run measured the sub-benchmark full (say
// "BenchmarkRoundTrip/pipe") in the package at folder dir.
func (d *definitions) resolveSub(ev, dir, full string) error {
	if d.run == nil {
		return fmt.Errorf("evidence %s: sub-benchmark %s cannot be checked without a committed run", ev, full)
	}
	mod, err := modulePath(d.root)
	if err != nil {
		return fmt.Errorf("evidence %s: %w", ev, err)
	}
	pkg := mod + "/" + dir
	if !d.run.measured(pkg, strings.TrimPrefix(full, "Benchmark")) {
		file := d.run.file
		if rel, err := filepath.Rel(d.root, file); err == nil && filepath.IsLocal(rel) {
			file = filepath.ToSlash(rel)
		}
		return fmt.Errorf("evidence %s: %s of %s is not in the committed run %s", ev, full, pkg, file)
	}
	return nil
}

func (d *definitions) load(dir string) (map[string]funcInfo, error) {
	if funcs, ok := d.funcs[dir]; ok {
		return funcs, nil
	}
	full := filepath.Join(d.root, filepath.FromSlash(dir))
	entries, err := os.ReadDir(full)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no package folder %s", dir)
	} else if err != nil {
		return nil, err
	}
	funcs := map[string]funcInfo{}
	fset := token.NewFileSet()
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(full, e.Name()), nil, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil {
				funcs[fn.Name.Name] = funcInfo{output: hasOutput(fn.Body, f.Comments)}
			}
		}
	}
	d.funcs[dir] = funcs
	return funcs, nil
}

var outputComment = regexp.MustCompile(`(?i)^\s*(unordered )?output:`)

// hasOutput reports whether the last comment inside body is an output
// comment. go test looks only at that last comment: an // Output: line
// followed by another comment is not checked, and neither is the example.
func hasOutput(body *ast.BlockStmt, comments []*ast.CommentGroup) bool {
	if body == nil {
		return false
	}
	var last *ast.CommentGroup
	for _, c := range comments {
		if c.Pos() >= body.Lbrace && c.End() <= body.Rbrace {
			last = c
		}
	}
	return last != nil && outputComment.MatchString(last.Text())
}
