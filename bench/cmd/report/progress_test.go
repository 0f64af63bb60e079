package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestProgressSaysWhatRunsAndHowMuchIsLeft(t *testing.T) {
	var b strings.Builder // not a terminal
	p := newProgress(&b, []pkg{{importPath: "x/a"}, {importPath: "x/b"}}, 3)
	assert.Equal(t, 6, p.total, "three passes of each of two packages")

	p.status(0, "building")
	assert.Equal(t, "[1/2] x/a: building (estimating)\n", b.String(), "nothing has finished to estimate from")
	p.passDone()
	b.Reset()
	p.status(1, "round 1/1")
	assert.Regexp(t, `^\[2/2\] x/b: round 1/1 \(about [0-9hms.]+ left\)\n$`, b.String())

	b.Reset()
	p.result("BenchmarkX")
	assert.Empty(t, b.String(), "the live count is for a terminal only")
	p.done()
	assert.Regexp(t, `^benchmarks done: 1 results in [0-9hms.]+\n$`, b.String())
}
