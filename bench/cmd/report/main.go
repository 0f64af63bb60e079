// Command report runs Atlas's benchmarks and writes the report: raw
// `go test -bench` output with a header saying which machine it came from,
// a Markdown report with benchstat tables, speedup tables and SVG charts,
// and a statistical check of each measured verdict in CLAIMS.md against
// the fresh numbers (bench/report/checks.go). It exits with status 3 when
// this machine's numbers contradict one, after writing its files; a
// -quick run judges nothing.
//
//	go run ./bench/cmd/report            # the full run: several minutes on 2 cores
//	go run ./bench/cmd/report -quick     # everything once, a smoke test
//	go run ./bench/cmd/report -bench CPUBound -count 3 -cpu 1,2 -scale-cpu ""
//
// Every benchmark runs at each -cpu value; the scaling benchmarks (those
// whose claim is about GOMAXPROCS, -scale) also run at each -scale-cpu
// value, which the claim check for F8 needs: twice the machine's cores.
//
// The full run writes testdata/bench/<machine>-<date>.{txt,md} and its
// charts, and rewrites README's generated section from them. Nothing is
// renamed into place until every benchmark has passed, so a failed run
// leaves no report behind that looks complete.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run is main with its outside world passed in, so tests can drive it. It
// returns the exit status: 0 done, 1 a benchmark or step failed, 2 bad
// usage, 3 the run finished and its files are written, but its numbers
// contradict a measured verdict of CLAIMS.md.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	if err != nil {
		if err == errHelp {
			return 0
		}
		fmt.Fprintln(stderr, "report:", err)
		return 2
	}
	if err := generate(ctx, opts, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "report:", err)
		var c contradicted
		if errors.As(err, &c) {
			return 3
		}
		return 1
	}
	return 0
}
