// README's generated section: written from a committed run, found between
// its markers, swapped for a new one, and read back for the raw file it
// names.

package report

import (
	"errors"
	"fmt"
	"strings"

	"github.com/concurrency-atlas/atlas/internal/cpython"
)

// README's generated section sits between these markers.
const (
	BeginMarker = "<!-- atlas:generated begin: do not edit; go run ./bench/cmd/report rewrites it -->"
	EndMarker   = "<!-- atlas:generated end -->"
)

// Section is README's generated block for a committed run, whose raw
// file is rawPath, relative to the module's root; CPython's results, when
// the run has them, are in the file beside it.
func Section(rawPath string, run *Run) string {
	if run == nil {
		run = &Run{}
	}
	var b strings.Builder
	b.WriteString(BeginMarker + "\n")
	fmt.Fprintf(&b, "_From [`%s`](%s), %s, %s._\n\n", rawPath, rawPath, run.Config["atlas-cpu-model"], run.Config["atlas-go"])
	fmt.Fprintf(&b, "Compare your machine with this run (the report prints your file's name):\n\n")
	fmt.Fprintf(&b, "```\n%s\n```\n\n", CompareCommand(rawPath, "testdata/bench/<your file>.txt"))
	fmt.Fprintf(&b, "The full report, with benchstat tables and charts: [`%s`](%s).\n\n", strings.TrimSuffix(rawPath, ".txt")+".md", strings.TrimSuffix(rawPath, ".txt")+".md")
	b.WriteString("Which model for which work, in Go: each row names the model with the best median, ")
	b.WriteString("and calls it a tie with every model that the U test cannot tell from it at 95% confidence (p ≥ 0.05). ")
	b.WriteString("CLAIMS.md's measured verdicts are checked against the same run.\n\n")
	b.WriteString(DecisionTable(run))
	b.WriteString("\n")
	if run.Python != nil {
		py := cpython.ResultsFile(rawPath)
		fmt.Fprintf(&b, "Headline figures next to CPython's, measured in the same run on the same machine ([`%s`](%s), %s). ", py, py, interpreter(run))
		b.WriteString("CPython / Go divides CPython's median by Go's; the report's Go and CPython section has every pair:\n\n")
	}
	b.WriteString(Headlines(run))
	b.WriteString(EndMarker + "\n")
	return b.String()
}

// ErrNoSection means README lacks the markers.
var ErrNoSection = errors.New("README has no generated section markers")

// CurrentSection returns README's generated block, markers included.
func CurrentSection(readme string) (string, error) {
	i := strings.Index(readme, BeginMarker)
	j := strings.Index(readme, EndMarker)
	if i < 0 || j < i {
		return "", ErrNoSection
	}
	return readme[i : j+len(EndMarker)+1], nil
}

// ReplaceSection swaps README's generated block for section.
func ReplaceSection(readme, section string) (string, error) {
	cur, err := CurrentSection(readme)
	if err != nil {
		return "", err
	}
	return strings.Replace(readme, cur, section, 1), nil
}

// SourceOf reads which raw file a generated section came from.
func SourceOf(section string) (string, error) {
	_, rest, ok := strings.Cut(section, "_From [`")
	if !ok {
		return "", errors.New("generated section names no source file")
	}
	path, _, ok := strings.Cut(rest, "`")
	if !ok {
		return "", errors.New("generated section's source is malformed")
	}
	return path, nil
}
