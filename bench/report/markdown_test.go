package report_test

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/bench/report"
)

func wellFormed(t *testing.T, svg string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err)
	}
}

func TestChartsAreWellFormedSVG(t *testing.T) {
	charts := report.Charts(sample(t))
	assert.Equal(t, []string{"speedup.svg", "costs.svg", "mixed.svg", "memory.svg"}, report.ChartNames(charts))
	for name, svg := range charts {
		t.Run(name, func(t *testing.T) { wellFormed(t, svg) })
	}
	assert.Contains(t, charts["speedup.svg"], "goroutines")
	assert.Contains(t, charts["speedup.svg"], "ideal on 2 cores")
	assert.Contains(t, charts["costs.svg"], ">start+join<")
	assert.Contains(t, charts["costs.svg"], ">1.500 ms<")

	run, err := report.Parse(strings.NewReader("pkg: x/eventloop\nBenchmarkX 1 1 ns/op\n"), "none.txt")
	require.NoError(t, err)
	assert.Empty(t, report.Charts(run), "a run without the cross-model benchmarks gets no chart")
}

func TestSpeedupTableHasAColumnPerProcs(t *testing.T) {
	table := report.SpeedupTable(sample(t))
	assert.Contains(t, table, "| benchmark | GOMAXPROCS=1 | GOMAXPROCS=2 | GOMAXPROCS=4 |")
	assert.Contains(t, table, "| `bench.BenchmarkCPUBound/model=goroutines` | 1.00x | 1.96x | 1.96x |")
	assert.Contains(t, table, "| `bench.BenchmarkCPUBound/model=processPool` | 0.91x | 1.82x | – |")
}

func TestMarkdownHoldsEverySection(t *testing.T) {
	run := sample(t)
	tables := report.StatTables(run)
	require.NotEmpty(t, tables)
	outputs := []report.StatOutput{{StatTable: tables[0], Text: "benchstat's table\n\n"}}
	md := report.Markdown(report.Page{Stem: "sample", RawPath: "testdata/sample.txt", Run: run,
		Results: report.Judge(run, true), Tables: outputs, Charts: []string{"sample-speedup.svg"}})
	for _, want := range []string{
		"# Benchmark report: sample\n",
		"[`sample.txt`](sample.txt)",
		"go tool benchstat -ignore cpu,atlas-cpu-model,atlas-cores,atlas-cgroup-cpu,atlas-gomaxprocs,atlas-go,atlas-os,atlas-date,atlas-run,workers,atlas-python testdata/sample.txt testdata/bench/<your file>.txt",
		"| cpu-model | Test CPU |\n",
		"\n## Claim checks\n",
		"| T7 | a goroutine starts and joins",
		"\n## Speedup over serial\n",
		"\n## Go and CPython\n\nCPython was not measured beside this run",
		"\n![" + report.ChartCaptions["speedup.svg"] + "](sample-speedup.svg)\n",
		"\n### " + tables[0].Title + "\n",
		"```\n$ " + tables[0].Command("testdata/sample.txt") + "\nbenchstat's table\n```\n",
	} {
		assert.Contains(t, md, want)
	}
	assert.True(t, strings.HasSuffix(md, "benchstat's table\n```\n"), "benchstat's trailing newlines are trimmed")
}

func TestMarkdownOfASameRunShowsCPythonBesideGo(t *testing.T) {
	run := sameRun(t)
	md := report.Markdown(report.Page{Stem: "samerun", RawPath: "testdata/samerun.txt", Run: run, Results: report.Judge(run, true)})
	assert.Contains(t, md, "| python | 3.11.7 (CPython, GIL on); main, Jan 1 2026 00:00:00, GCC 12.2.0 |\n", "the machine names the interpreter")
	assert.Contains(t, md, "| workers | 2 |\n")
	assert.Contains(t, md, "\n## Go and CPython\n\nThe same questions, asked of CPython")
	assert.Contains(t, md, "| T2 | in the same run, CPython's threads")
	assert.Less(t, strings.Index(md, "## Speedup over serial"), strings.Index(md, "## Go and CPython"))
}

func TestNoRunMakesEmptySectionsNotACrash(t *testing.T) {
	md := report.Markdown(report.Page{Stem: "nothing"})
	assert.Contains(t, md, "# Benchmark report: nothing\n")
	assert.Contains(t, md, "_No benchmark in this run reports a speedup._")
	assert.NotContains(t, md, "## Charts")
	assert.Empty(t, report.Charts(nil))
	assert.Empty(t, report.StatTables(nil))
}

func TestChecksMarkdownOfASmokeRunJudgesNothing(t *testing.T) {
	run := sample(t)
	smoke := report.ChecksMarkdown(report.Judge(run, false))
	assert.Contains(t, smoke, "no verdict is judged")
	assert.NotContains(t, smoke, "| claim |")
	escaped := report.ChecksMarkdown([]report.CheckResult{{Check: report.Check{ID: "X1", Says: "s"}, Outcome: report.Confirmed, Detail: "a|b"}})
	assert.Contains(t, escaped, `| X1 | s |  | confirmed | a\|b |`, "a | in the figures would end the cell")
}
