// The report file itself: the Markdown that bench/cmd/report writes next
// to each raw file, with the machine, the claim checks, the speedup table,
// the charts and benchstat's tables.

package report

import (
	"fmt"
	"strings"
)

// Markdown renders the whole report. benchstat is the text that
// `go tool benchstat` printed for the raw file; chartFiles are the chart
// file names, relative to the report.
func Markdown(stem string, run *Run, results []CheckResult, benchstat string, chartFiles []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmark report: %s\n\n", stem)
	b.WriteString("Written by `go run ./bench/cmd/report`. The raw results are in ")
	fmt.Fprintf(&b, "[`%s.txt`](%s.txt); compare your own machine with:\n\n", stem, stem)
	fmt.Fprintf(&b, "```\n%s\n```\n\n", CompareCommand("testdata/bench/"+stem+".txt", "testdata/bench/<your file>.txt"))
	b.WriteString("## Machine\n\n| | |\n|---|---|\n")
	for _, k := range []string{"atlas-cpu-model", "atlas-cores", "atlas-cgroup-cpu", "atlas-gomaxprocs", "atlas-go", "atlas-os", "atlas-date", "atlas-run"} {
		if v, ok := run.Config[k]; ok {
			fmt.Fprintf(&b, "| %s | %s |\n", strings.TrimPrefix(k, "atlas-"), v)
		}
	}
	b.WriteString(ChecksMarkdown(results))
	b.WriteString("\n## Speedup over serial\n\n")
	b.WriteString(SpeedupTable(run))
	for _, f := range chartFiles {
		fmt.Fprintf(&b, "\n![%s](%s)\n", strings.TrimSuffix(f[strings.LastIndexByte(f, '-')+1:], ".svg"), f)
	}
	b.WriteString("\n## benchstat\n\nMedians with their 95% confidence interval over the repeated runs.\n\n```\n")
	b.WriteString(strings.TrimRight(benchstat, "\n"))
	b.WriteString("\n```\n")
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
