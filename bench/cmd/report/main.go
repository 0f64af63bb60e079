// The command's entry point: flags in, exit status out.

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
// usage (a flag, or a request refused before anything ran), 3 the run finished and its files are written, but its numbers
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
		var u usageError
		switch {
		case errors.As(err, &c):
			return 3
		case errors.As(err, &u):
			return 2
		}
		return 1
	}
	return 0
}
