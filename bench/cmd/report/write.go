// Writing a run's files: the raw results, the Markdown report with its
// benchstat tables and its charts, moved into place together once all are
// written; then the claim checks and the comparison with the committed run
// on stdout, and README's generated section if -readme asks for it.

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/concurrency-atlas/atlas/bench/report"
	"github.com/concurrency-atlas/atlas/internal/claims"
	"github.com/concurrency-atlas/atlas/internal/cpython"
)

// writer knows where a run's files go.
type writer struct {
	tc     toolchain
	work   string // the staging folder, on which benchstat runs too
	dir    string // where the files go
	stem   string // their name, without the extension
	readme bool   // whether to rewrite README's generated section
	quick  bool   // a smoke run, which is compared with nothing
	stdout io.Writer
}

// write stages the raw results, CPython's beside them (pyRaw, nil when
// CPython was not measured), the Markdown report and the charts in
// w.work, moves them into w.dir once all are written, prints the claim
// checks and the comparison with the committed run, and updates README
// if asked. It returns a contradicted error when the run's numbers
// contradict a verdict; the files are written by then.
func (w writer) write(ctx context.Context, raw, pyRaw []byte) error {
	final := map[string]string{} // temporary path -> final path
	stage := func(name string, data []byte) error {
		tmp := filepath.Join(w.work, name)
		final[tmp] = filepath.Join(w.dir, name)
		return os.WriteFile(tmp, data, 0o644)
	}
	rawName := w.stem + ".txt"
	if err := stage(rawName, raw); err != nil {
		return err
	}
	run, err := report.Parse(bytes.NewReader(raw), rawName)
	if err != nil {
		return fmt.Errorf("reading the results back: %w", err)
	}
	pyName := cpython.ResultsFile(rawName)
	if pyRaw != nil {
		if err := stage(pyName, pyRaw); err != nil {
			return err
		}
		if run.Python, err = report.Parse(bytes.NewReader(pyRaw), pyName); err != nil {
			return fmt.Errorf("reading CPython's results back: %w", err)
		}
	}
	shown := w.shownPath(rawName)
	var tables []report.StatOutput
	for _, t := range report.StatTables(run) {
		args := append(t.Args, shown+"="+filepath.Join(w.work, rawName))
		if t.Python {
			args = append(args, w.shownPath(pyName)+"="+filepath.Join(w.work, pyName))
		}
		text, err := w.tc.benchstat(ctx, args...)
		if err != nil {
			return err
		}
		tables = append(tables, report.StatOutput{StatTable: t, Text: text})
	}
	charts := report.Charts(run)
	var chartFiles []string
	for _, suffix := range report.ChartNames(charts) {
		name := w.stem + "-" + suffix
		chartFiles = append(chartFiles, name)
		if err := stage(name, []byte(charts[suffix])); err != nil {
			return err
		}
	}
	results := report.Judge(run, run.Measured())
	page := report.Page{Stem: w.stem, RawPath: shown, Run: run, Results: results, Tables: tables, Charts: chartFiles}
	if err := stage(w.stem+".md", []byte(report.Markdown(page))); err != nil {
		return err
	}
	for tmp, dst := range final {
		if err := moveFile(tmp, dst); err != nil {
			return err
		}
	}

	printChecks(w.stdout, w.tc.root, results)
	fmt.Fprintf(w.stdout, "\nreport: %s\nraw:    %s\n", filepath.Join(w.dir, w.stem+".md"), filepath.Join(w.dir, rawName))
	if run.Python != nil {
		fmt.Fprintf(w.stdout, "python: %s\n", filepath.Join(w.dir, pyName))
	} else {
		fmt.Fprintf(w.stdout, "CPython: not measured: %s\n", run.WhyNoPython())
	}
	if err := w.compare(ctx, shown); err != nil {
		return err
	}
	if w.readme {
		if err := updateReadme(w.tc.root, shown, run); err != nil {
			return err
		}
		fmt.Fprintln(w.stdout, "README.md: generated section rewritten")
	}
	if bad := report.Contradictions(results); len(bad) > 0 {
		return contradicted(bad)
	}
	return nil
}

// shownPath is how a reader names one of the run's files in a command
// run from the module's root: relative to it when the file is inside.
func (w writer) shownPath(name string) string {
	abs, err := filepath.Abs(filepath.Join(w.dir, name))
	if err != nil {
		return filepath.Join(w.dir, name)
	}
	if rel, err := filepath.Rel(w.tc.root, abs); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return abs
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

// updateReadme rewrites README's generated section from run, whose raw
// file is rawRel, relative to the module's root.
func updateReadme(root, rawRel string, run *report.Run) error {
	path := filepath.Join(root, "README.md")
	readme, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	updated, err := report.ReplaceSection(string(readme), report.Section(rawRel, run))
	if err != nil {
		return err
	}
	return os.WriteFile(path, []byte(updated), 0o644)
}

// printChecks lists each check's outcome beside the verdict CLAIMS.md
// gives its claim.
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
