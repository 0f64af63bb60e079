// The report file itself: the Markdown that bench/cmd/report writes next
// to each raw file, with the machine, the claim checks, the speedup table,
// CPython's figures beside Go's, the charts and benchstat's tables, one
// per question.

package report

import (
	"fmt"
	"strings"
)

// Page is what a report is written from.
type Page struct {
	Stem    string // the run's file name without ".txt"
	RawPath string // the raw file as a reader names it in a command
	Run     *Run
	Results []CheckResult
	Tables  []StatOutput // what benchstat printed for each of StatTables(Run)
	Charts  []string     // the chart files, relative to the report, in order
}

// Markdown renders the whole report. A page without a run has empty
// sections.
func Markdown(p Page) string {
	if p.Run == nil {
		p.Run = &Run{}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmark report: %s\n\n", p.Stem)
	b.WriteString("Written by `go run ./bench/cmd/report`. The raw results are in ")
	fmt.Fprintf(&b, "[`%s.txt`](%s.txt); compare your own machine with:\n\n", p.Stem, p.Stem)
	fmt.Fprintf(&b, "```\n%s\n```\n\n", CompareCommand(p.RawPath, "testdata/bench/<your file>.txt"))
	b.WriteString("## Machine\n\n| | |\n|---|---|\n")
	for _, k := range []string{"atlas-cpu-model", "atlas-cores", "atlas-cgroup-cpu", "atlas-gomaxprocs", "atlas-go", "atlas-os", "atlas-date", "atlas-run", "workers", PythonKey} {
		if v, ok := p.Run.Config[k]; ok {
			fmt.Fprintf(&b, "| %s | %s |\n", strings.TrimPrefix(k, "atlas-"), strings.ReplaceAll(v, "|", "\\|"))
		}
	}
	b.WriteString(ChecksMarkdown(p.Results))
	b.WriteString("\n## Speedup over serial\n\n")
	b.WriteString(SpeedupTable(p.Run))
	b.WriteString(GoAndCPython(p.Run, p.Stem))
	if len(p.Charts) > 0 {
		b.WriteString("\n## Charts\n\nEach point or bar is the median of its samples; its whisker runs from the lowest sample to the highest.\n")
	}
	for _, f := range p.Charts {
		caption := f
		for suffix, c := range ChartCaptions {
			if strings.HasSuffix(f, "-"+suffix) {
				caption = c
			}
		}
		fmt.Fprintf(&b, "\n![%s](%s)\n", caption, f)
	}
	b.WriteString(statMarkdown(p.RawPath, p.Tables))
	return b.String()
}

// statMarkdown is the report's benchstat section: a table per question,
// each under the command that prints it.
func statMarkdown(rawPath string, tables []StatOutput) string {
	var b strings.Builder
	b.WriteString("\n## benchstat\n\n")
	b.WriteString("One table per question, each printed by the command above it (run from the module's root). ")
	b.WriteString("A cell is a median with its 95% confidence interval; **vs base** compares it with the first column ")
	b.WriteString("by the U test, and `~` means the two cannot be told apart (p ≥ 0.05). ")
	b.WriteString("`" + strings.Join(ignoredKeys(), " ") + "` leaves out the machine's lines, which are under Machine above.\n")
	for _, t := range tables {
		fmt.Fprintf(&b, "\n### %s\n\n", t.Title)
		if t.Note != "" {
			b.WriteString(t.Note + "\n\n")
		}
		fmt.Fprintf(&b, "```\n$ %s\n%s\n```\n", t.Command(rawPath), strings.TrimRight(t.Text, "\n"))
	}
	return b.String()
}

// ChecksMarkdown is the report's section on the claim checks.
func ChecksMarkdown(results []CheckResult) string {
	var b strings.Builder
	b.WriteString("\n## Claim checks\n\n")
	if len(results) > 0 && results[0].Outcome == NotJudged {
		b.WriteString("This is a smoke run: one sample of each benchmark measures nothing, so no verdict is judged.\n")
		return b.String()
	}
	b.WriteString("Each verdict in CLAIMS.md that rests on a measurement, as statements checked against this run ")
	b.WriteString("(`bench/report/checks.go`). A ratio is the ratio of the two medians with its 95% confidence interval ")
	b.WriteString("(the U test turned round) and the U test's p-value; a single series shows its median with its interval. ")
	b.WriteString("**confirmed**: the whole interval agrees; **CONTRADICTED**: the whole interval disagrees; ")
	b.WriteString("**inconclusive**: the noise is wider than the difference.\n\n")
	b.WriteString("| claim | statement | backs | here | figures |\n|---|---|---|---|---|\n")
	for _, r := range results {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", r.ID, r.Says, r.Verdict, r.Outcome, strings.ReplaceAll(r.Detail, "|", "\\|"))
	}
	return b.String()
}

// SpeedupTable is a Markdown table of every series that reports a speedup,
// one column per GOMAXPROCS.
func SpeedupTable(run *Run) string {
	names, keys, procs := run.reporting("speedup")
	if len(names) == 0 {
		return "_No benchmark in this run reports a speedup._\n"
	}
	var b strings.Builder
	b.WriteString("| benchmark |")
	for _, p := range procs {
		fmt.Fprintf(&b, " GOMAXPROCS=%d |", p)
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(procs)) + "\n")
	for _, n := range names {
		fmt.Fprintf(&b, "| `%s` |", n)
		for _, p := range procs {
			k := keys[n]
			k.Procs = p
			if v, ok := run.Median(k, "speedup"); ok {
				fmt.Fprintf(&b, " %s |", Human(v, "speedup"))
			} else {
				b.WriteString(" – |")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
