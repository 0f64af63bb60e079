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
	require.Contains(t, charts, "speedup.svg")
	require.Contains(t, charts, "costs.svg")
	for name, svg := range charts {
		t.Run(name, func(t *testing.T) { wellFormed(t, svg) })
	}
	assert.Contains(t, charts["speedup.svg"], "goroutines")
	assert.Contains(t, charts["speedup.svg"], "ideal on 2 cores")
	assert.Contains(t, charts["costs.svg"], "start+join: process")
	assert.Contains(t, charts["costs.svg"], ">1.500 ms<")
}

func TestSpeedupTableHasAColumnPerProcs(t *testing.T) {
	table := report.SpeedupTable(sample(t))
	assert.Contains(t, table, "| benchmark | GOMAXPROCS=1 | GOMAXPROCS=2 | GOMAXPROCS=4 |")
	assert.Contains(t, table, "| `bench.BenchmarkCPUBound/goroutines` | 1.00x | 1.96x | 1.96x |")
	assert.Contains(t, table, "| `bench.BenchmarkCPUBound/processPool` | 0.91x | 1.82x | – |")
}

func TestMarkdownHoldsEverySection(t *testing.T) {
	run := sample(t)
	md := report.Markdown("sample", run, report.Judge(run, true), "benchstat's table\n\n", []string{"sample-speedup.svg"})
	for _, want := range []string{
		"# Benchmark report: sample\n",
		"[`sample.txt`](sample.txt)",
		"| cpu-model | Test CPU |\n",
		"\n## Claim checks\n",
		"| T7 | a goroutine starts and joins",
		"\n## Speedup over serial\n",
		"\n![speedup](sample-speedup.svg)\n",
		"```\nbenchstat's table\n```\n",
	} {
		assert.Contains(t, md, want)
	}
	assert.True(t, strings.HasSuffix(md, "benchstat's table\n```\n"), "benchstat's trailing newlines are trimmed")
}

func TestChecksMarkdownOfASmokeRunJudgesNothing(t *testing.T) {
	run := sample(t)
	smoke := report.ChecksMarkdown(report.Judge(run, false))
	assert.Contains(t, smoke, "no verdict is judged")
	assert.NotContains(t, smoke, "| claim |")
	escaped := report.ChecksMarkdown([]report.CheckResult{{Check: report.Check{ID: "X1", Says: "s"}, Outcome: report.Confirmed, Detail: "a|b"}})
	assert.Contains(t, escaped, `| X1 | s |  | confirmed | a\|b |`, "a | in the figures would end the cell")
}
