// Command pictures draws the schedule pictures: it runs every scenario of
// internal/schedtrace under the execution tracer and writes one SVG per
// scenario, named after it.
//
// Run from the module root:
//
//	go run ./bench/cmd/pictures                  # all, into testdata/pictures
//	go run ./bench/cmd/pictures -out /tmp/pics   # somewhere else
//	go run ./bench/cmd/pictures -only f3-states  # one scenario
//
// You will see one line per picture written. The traces are real, so two
// runs never draw exactly the same picture; the shapes are what matter.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/concurrency-atlas/atlas/internal/schedtrace"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
	// The scenarios that use other chapters' code register themselves.
	_ "github.com/concurrency-atlas/atlas/bench/pictures"
)

func main() {
	// The process-pool scenario re-executes this program as its workers.
	pool.ServeIfWorker()
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "pictures:", err)
		os.Exit(1)
	}
}

// run parses args, draws the requested pictures and reports each file
// written to stdout.
func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("pictures", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", filepath.Join("testdata", "pictures"), "directory to write the SVG files into")
	only := fs.String("only", "", "draw only the scenario with this name")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w (usage: pictures [-out DIR] [-only NAME])", err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (usage: pictures [-out DIR] [-only NAME])", fs.Arg(0))
	}
	if *out == "" {
		return errors.New("-out must name a directory")
	}

	scenarios := schedtrace.Scenarios()
	if *only != "" {
		sc, err := schedtrace.Lookup(*only)
		if err != nil {
			return err
		}
		scenarios = []schedtrace.Scenario{sc}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for _, sc := range scenarios {
		tl, err := schedtrace.Record(sc)
		if err != nil {
			return err
		}
		var svg bytes.Buffer
		if err := schedtrace.Draw(&svg, sc, tl); err != nil {
			return fmt.Errorf("draw %s: %w", sc.Name, err)
		}
		path := filepath.Join(*out, sc.Name+".svg")
		if err := os.WriteFile(path, svg.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s\t%s\n", path, sc.Title)
	}
	return nil
}
