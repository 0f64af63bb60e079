// Claim: Python's multiprocessing constructs for single processes (exit
// codes, terminate, Queue, Pipe, the start methods, os.fork) each have a
// Go spelling, listed in ROSETTA.md at the module root and proved by
// these Examples. A child here is this test binary started again (Start),
// running one function registered at package level, so that the parent
// and every child know it.
//
//	go test -run 'Example_multiprocessing(Exitcode|Terminate|Queue|Pipe|ForkStartMethod|SpawnStartMethod)|Example_osFork' -v ./multiprocessing/
//
// You will see each Example pass, what it printed checked line by line
// against its Output comment.

package multiprocessing_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// startState is a package variable that the fork Example changes at run
// time: a spawned child starts with the value the program starts with.
var startState = "as the program starts"

func init() {
	pool.Register("rosetta/exit", func(arg []byte) ([]byte, error) {
		code, err := strconv.Atoi(string(arg))
		if err != nil {
			return nil, err
		}
		os.Exit(code)
		return nil, nil
	})
	pool.Register("rosetta/block", func([]byte) ([]byte, error) {
		time.Sleep(time.Hour) // until the parent kills it
		return nil, nil
	})
	pool.Register("rosetta/state", func([]byte) ([]byte, error) {
		return []byte(startState), nil
	})
	pool.Register("rosetta/whoami", func([]byte) ([]byte, error) {
		exe, err := os.Executable()
		return fmt.Appendf(nil, "%s %d", exe, os.Getppid()), err
	})
	pool.Register("rosetta/queue-writer", func(arg []byte) ([]byte, error) {
		q := os.NewFile(3, "queue") // the write end the parent passed
		defer q.Close()
		for _, msg := range strings.Fields(string(arg)) {
			if err := pool.WriteFrame(q, []byte(msg), 1<<10); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
}

// p.exitcode: ProcessResult.ExitCode after Join, and Exit as the OS puts
// it. A child killed by a signal has ExitCode -1, where Python reports
// minus the signal number.
func Example_multiprocessingExitcode() {
	p, err := multiprocessing.Start(context.Background(), "rosetta/exit", []byte("3"))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := p.Join()
	fmt.Println(res.ExitCode, res.Exit, err)
	// Output: 3 exit status 3 <nil>
}

// p.terminate() and p.kill(): cancel the context the process was started
// with; it is killed (SIGKILL), and Join reports how it ended.
func Example_multiprocessingTerminate() {
	ctx, kill := context.WithCancel(context.Background())
	defer kill()
	p, err := multiprocessing.Start(ctx, "rosetta/block", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	kill()
	res, err := p.Join()
	fmt.Println(res.ExitCode, res.Exit, err)
	// Output: -1 signal: killed <nil>
}

// multiprocessing.Queue(): between processes a queue is a pipe carrying
// framed messages. The child gets the write end as fd 3; the parent
// closes its own copy, so that it sees end of file once the child has
// finished. Python pickles each item; here the frames carry bytes, and
// the program chooses the encoding.
func Example_multiprocessingQueue() {
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	p, err := multiprocessing.Start(context.Background(), "rosetta/queue-writer", []byte("one two three"), w)
	w.Close()
	if err != nil {
		fmt.Println(err)
		return
	}
	for {
		msg, err := pool.ReadFrame(r, 1<<10)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println("got", string(msg))
	}
	res, err := p.Join()
	fmt.Println(res.Exit, err)
	// Output:
	// got one
	// got two
	// got three
	// exit status 0 <nil>
}

// multiprocessing.Pipe(): a pair of pipes between parent and child, one
// each way (os.Pipe is one way only). The pipe peer answers each number
// with the next.
func Example_multiprocessingPipe() {
	peer, err := multiprocessing.StartPipePeer(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := peer.RoundTrip(41)
	fmt.Println(v, err)
	fmt.Println(peer.Close())
	// Output:
	// 42 <nil>
	// <nil>
}

// multiprocessing.set_start_method("fork"): Go cannot fork a running
// program (its runtime is many threads, and fork copies one), so a child
// never inherits what the parent changed at run time: it starts afresh,
// with every package variable as the program starts.
func Example_multiprocessingForkStartMethod() {
	startState = "changed by the parent at run time"
	defer func() { startState = "as the program starts" }()
	p, err := multiprocessing.Start(context.Background(), "rosetta/state", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := p.Join()
	fmt.Println("parent:", startState)
	fmt.Println("child: ", res.Stdout, err)
	// Output:
	// parent: changed by the parent at run time
	// child:  as the program starts <nil>
}

// multiprocessing.set_start_method("spawn"): what Go always does. The
// child is this same executable started again, and runs the function
// registered under the name it is given.
func Example_multiprocessingSpawnStartMethod() {
	p, err := multiprocessing.Start(context.Background(), "rosetta/whoami", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := p.Join()
	exe, _ := os.Executable()
	childExe, ppid, _ := strings.Cut(res.Stdout, " ")
	fmt.Println("same executable:", childExe == exe, err)
	fmt.Println("its parent is us:", ppid == strconv.Itoa(os.Getpid()))
	fmt.Println("a process of its own:", res.PID != os.Getpid())
	// Output:
	// same executable: true <nil>
	// its parent is us: true
	// a process of its own: true
}

// os.fork(): there is none; a fork of a Go program would hold one thread
// of a many-threaded runtime. os/exec forks and at once runs a program
// from its start (syscall.ForkExec underneath). Here the program is this
// test binary, asked only to list one of its Examples.
func Example_osFork() {
	exe, err := os.Executable()
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := exec.Command(exe, "-test.list", "^Example_osFork$").Output()
	fmt.Printf("%s%v\n", out, err)
	// Output:
	// Example_osFork
	// <nil>
}
