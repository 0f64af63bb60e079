// Command pictures draws the schedule pictures: it runs every scenario of
// internal/schedtrace under the execution tracer and writes one SVG per
// scenario, named after it.
//
// Run from the module root:
//
//	go run ./bench/cmd/pictures                  # all, into testdata/pictures
//	go run ./bench/cmd/pictures -out /tmp/pics   # somewhere else
//	go run ./bench/cmd/pictures -only f3-states  # one scenario
//	go run ./bench/cmd/pictures -h               # the flags and the scenarios
//
// You will see one line per picture written. The traces are real, so two
// runs never draw exactly the same picture; the shapes are what matter.
// It exits with status 0 when done or when asked for help (-h), 2 when
// the command line is wrong, and 1 when a picture cannot be drawn.
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
	os.Exit(cli(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2 // as the flag package's own ExitOnError uses
)

// options is what the command line asks for.
type options struct {
	out       string
	scenarios []schedtrace.Scenario
}

// cli runs the command with args and returns its exit status. Help goes
// to stdout; a usage mistake is named on stderr, with the usage line.
func cli(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pictures", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // cli writes every message itself
	opts, err := parse(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage(stdout, fs)
		return exitOK
	case err != nil:
		fmt.Fprintf(stderr, "pictures: %v\n%s\n(-h lists the flags and the scenarios)\n", err, usageLine)
		return exitUsage
	}
	if err := draw(opts, stdout); err != nil {
		fmt.Fprintln(stderr, "pictures:", err)
		return exitFail
	}
	return exitOK
}

// parse reads args into options. Every error but flag.ErrHelp is a usage
// mistake.
func parse(fs *flag.FlagSet, args []string) (options, error) {
	out := fs.String("out", filepath.Join("testdata", "pictures"), "directory to write the SVG files into")
	only := fs.String("only", "", "draw only the scenario with this name (see the list below)")
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	switch {
	case fs.NArg() > 0:
		return options{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case *out == "":
		return options{}, errors.New("-out must name a directory")
	}
	opts := options{out: *out, scenarios: schedtrace.Scenarios()}
	if *only != "" {
		sc, err := schedtrace.Lookup(*only)
		if err != nil {
			return options{}, err
		}
		opts.scenarios = []schedtrace.Scenario{sc}
	}
	return opts, nil
}

const usageLine = "usage: go run ./bench/cmd/pictures [-out DIR] [-only NAME]"

// usage explains the flags and lists the scenarios.
func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, usageLine)
	fmt.Fprintln(w, "\nRuns each scenario under the execution tracer and writes its picture, NAME.svg, into DIR.")
	fmt.Fprintln(w, "\nflags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprintln(w, "\nscenarios:")
	for _, sc := range schedtrace.Scenarios() {
		fmt.Fprintf(w, "  %-18s %s\n", sc.Name, sc.Title)
	}
}

// draw captures and draws each scenario and names each file written on
// stdout.
func draw(opts options, stdout io.Writer) error {
	if err := os.MkdirAll(opts.out, 0o755); err != nil {
		return err
	}
	for _, sc := range opts.scenarios {
		tl, err := schedtrace.Record(sc)
		if err != nil {
			return err
		}
		var svg bytes.Buffer
		if err := schedtrace.Draw(&svg, sc, tl); err != nil {
			return fmt.Errorf("draw %s: %w", sc.Name, err)
		}
		path := filepath.Join(opts.out, sc.Name+".svg")
		if err := os.WriteFile(path, svg.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s\t%s\n", path, sc.Title)
	}
	return nil
}
