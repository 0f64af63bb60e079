// ROSETTA.md at the module root answers "what do I write instead of X?"
// for Python's concurrency constructs, one row each: the construct, the Go
// idiom, the Example that proves it, and where the semantics differ. This
// file holds that table to the code as Check holds CLAIMS.md: an answer
// nothing runs would drift, as prose answers do.
//
//	go test -run Rosetta -v ./internal/claims/
//
// You will see the real table pass, and one fixture table per kind of
// mistake caught with its error.

package claims

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// RosettaRow is one row of ROSETTA.md.
type RosettaRow struct {
	Line       int
	Python     string   // the Python cell as written
	Constructs []string // its back-quoted spellings, which name the construct
	Go         string   // the idiomatic Go equivalent
	Examples   []string // the back-quoted names of the proof cell
	Differs    string   // where the semantics differ
}

// Construct is the row's key: its Python spellings joined. No two rows
// may have the same.
func (r RosettaRow) Construct() string { return strings.Join(r.Constructs, " + ") }

// rosettaHeader is the first cell of the table's header row.
const rosettaHeader = "Python"

// ParseRosetta reads every row of the Markdown tables in path whose
// header's first cell is "Python". Columns: Python | Go | proved by |
// where it differs. Cells are split at every "|", so no cell may hold one.
func ParseRosetta(path string) ([]RosettaRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []RosettaRow
	inTable := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") {
			inTable = false
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		switch {
		case cells[0] == rosettaHeader:
			inTable = true
			continue
		case !inTable || strings.Trim(cells[0], "-: ") == "":
			continue // another table, or the header's separator
		}
		if len(cells) != 4 {
			return nil, fmt.Errorf("%s:%d: row has %d cells, want 4 (Python | Go | proved by | where it differs)", path, n, len(cells))
		}
		r := RosettaRow{Line: n, Python: cells[0], Go: cells[1], Differs: cells[3]}
		for _, m := range quoted.FindAllStringSubmatch(cells[0], -1) {
			r.Constructs = append(r.Constructs, strings.Join(strings.Fields(m[1]), " "))
		}
		for _, m := range quoted.FindAllStringSubmatch(cells[2], -1) {
			r.Examples = append(r.Examples, m[1])
		}
		rows = append(rows, r)
	}
	return rows, sc.Err()
}

// CheckRosetta parses the table at path and checks it against the module
// tree at root, returning every problem found:
//
//   - every row names its Python construct in back quotes, and no two
//     rows name the same one; a row whose construct is one spelling owns
//     it, so no other row may use that spelling even beside others;
//   - every row gives a Go equivalent and says where the semantics
//     differ;
//   - every row is proved by at least one Example, each named as
//     pkgdir.ExampleName, existing in that package folder and ending with
//     an // Output: comment, so that go test runs and checks it.
func CheckRosetta(root, path string) []error {
	rows, err := ParseRosetta(path)
	if err != nil {
		return []error{err}
	}
	if len(rows) == 0 {
		return []error{fmt.Errorf("%s: no rows under a %q header", filepath.Base(path), rosettaHeader)}
	}
	var errs []error
	defs := newDefinitions(root)
	byKey := map[string]int{}               // construct -> line of its first row
	bySpelling := map[string][]RosettaRow{} // spelling -> the rows using it
	for _, r := range rows {
		for _, s := range r.Constructs {
			bySpelling[s] = append(bySpelling[s], r)
		}
	}
	for _, r := range rows {
		at := fmt.Sprintf("%s:%d", filepath.Base(path), r.Line)
		if len(r.Constructs) == 0 {
			errs = append(errs, fmt.Errorf("%s: %q names no Python construct in back quotes", at, r.Python))
		} else {
			key := r.Construct()
			if prev, dup := byKey[key]; dup {
				errs = append(errs, fmt.Errorf("%s: construct `%s` appears twice (first at line %d)", at, key, prev))
			} else {
				byKey[key] = r.Line
			}
			if len(r.Constructs) == 1 {
				for _, other := range bySpelling[key] {
					if other.Construct() != key { // an exact twin is reported above
						errs = append(errs, fmt.Errorf("%s: construct `%s` is also spelled in the row at line %d; one search must find one row", at, key, other.Line))
					}
				}
			}
		}
		if r.Go == "" {
			errs = append(errs, fmt.Errorf("%s: %s has no Go equivalent", at, r.Python))
		}
		if r.Differs == "" {
			errs = append(errs, fmt.Errorf("%s: %s does not say where the semantics differ", at, r.Python))
		}
		if len(r.Examples) == 0 {
			errs = append(errs, fmt.Errorf("%s: %s names no Example that proves it", at, r.Python))
		}
		for _, ex := range r.Examples {
			if m := funcEvidence.FindStringSubmatch(ex); m == nil || m[3] != "" || !strings.HasPrefix(m[2], "Example") {
				errs = append(errs, fmt.Errorf("%s: proof %s is not an Example named as pkgdir.ExampleName", at, ex))
				continue
			}
			if err := defs.resolve(ex); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", at, err))
			}
		}
	}
	return errs
}
