// Telling the person waiting what runs now and about how long is left.

package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress writes a line per step of a run, with an estimate of the time
// left from the passes done so far; on a terminal it also keeps a live
// count of the results.
type progress struct {
	w       io.Writer
	pkgs    []pkg
	start   time.Time
	passes  int // passes finished
	total   int // passes in the whole run
	results int
	isTTY   bool
}

// newProgress reports on a run of perPkg passes over each of pkgs.
func newProgress(w io.Writer, pkgs []pkg, perPkg int) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &progress{w: w, pkgs: pkgs, start: time.Now(), total: len(pkgs) * perPkg, isTTY: tty}
}

// status says what package i does now.
func (p *progress) status(i int, note string) {
	left := "estimating"
	if p.passes > 0 {
		per := time.Since(p.start) / time.Duration(p.passes)
		left = "about " + (per * time.Duration(p.total-p.passes)).Round(time.Second).String() + " left"
	}
	p.clear()
	fmt.Fprintf(p.w, "[%d/%d] %s: %s (%s)\n", i+1, len(p.pkgs), p.pkgs[i].importPath, note, left)
}

// passDone counts one pass finished.
func (p *progress) passDone() { p.passes++ }

// result counts one benchmark result.
func (p *progress) result(name string) {
	p.results++
	if p.isTTY {
		fmt.Fprintf(p.w, "\r\033[K  %d results · %s", p.results, name)
	}
}

func (p *progress) clear() {
	if p.isTTY {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func (p *progress) done() {
	p.clear()
	fmt.Fprintf(p.w, "benchmarks done: %d results in %s\n", p.results, time.Since(p.start).Round(time.Second))
}
