// Claim M3: processes talk through pipes, sockets and shared memory. A Peer
// is a child process at the other end of one of these: send it a number,
// it answers with the number plus one. The answer proves the child did the
// work; the round trip is what bench's BenchmarkRoundTrip measures (as
// model=pipe, model=unixSocket and model=sharedMemory), next to the same
// exchange between two goroutines over a channel.
//
//	go test -run TestPeer -v ./multiprocessing/
//	go test -run '^$' -bench RoundTrip ./bench/
//
// You will see every kind answer correctly, and ns/roundtrip grow from
// channel to shared memory to pipe and socket.

package multiprocessing

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// Peer is a child process that answers v with v+1 over some kind of IPC.
type Peer interface {
	RoundTrip(v uint64) (uint64, error)
	// Close tells the child to exit and joins it. It fails if the child
	// did not exit cleanly.
	Close() error
}

func init() {
	pool.Register("atlas/stream-peer", func([]byte) ([]byte, error) {
		return nil, answerStream(os.NewFile(3, "in"), os.NewFile(4, "out"))
	})
}

// answerStream is the child's side of a pipe or socket peer: read eight
// bytes, write back the number plus one, until the stream ends.
func answerStream(in io.Reader, out io.Writer) error {
	var buf [8]byte
	for {
		if _, err := io.ReadFull(in, buf[:]); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		binary.LittleEndian.PutUint64(buf[:], binary.LittleEndian.Uint64(buf[:])+1)
		if _, err := out.Write(buf[:]); err != nil {
			return err
		}
	}
}

// streamPeer is the parent's side of a pipe or socket peer.
type streamPeer struct {
	proc  *Process
	in    io.Reader
	out   io.WriteCloser
	close []io.Closer
	buf   [8]byte
}

// StartPipePeer starts a child that answers over a pair of pipes.
func StartPipePeer(ctx context.Context) (Peer, error) {
	toR, toW, err := blockingPipe()
	if err != nil {
		return nil, err
	}
	fromR, fromW, err := blockingPipe()
	if err != nil {
		toR.Close()
		toW.Close()
		return nil, err
	}
	proc, err := Start(ctx, "atlas/stream-peer", nil, toR, fromW)
	toR.Close()
	fromW.Close()
	if err != nil {
		toW.Close()
		fromR.Close()
		return nil, err
	}
	return &streamPeer{proc: proc, in: fromR, out: toW, close: []io.Closer{fromR}}, nil
}

func (p *streamPeer) RoundTrip(v uint64) (uint64, error) {
	binary.LittleEndian.PutUint64(p.buf[:], v)
	if _, err := p.out.Write(p.buf[:]); err != nil {
		return 0, err
	}
	if _, err := io.ReadFull(p.in, p.buf[:]); err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(p.buf[:]), nil
}

func (p *streamPeer) Close() error {
	err := p.out.Close() // end of stream: the child's signal to exit
	res, jerr := p.proc.Join()
	for _, c := range p.close {
		c.Close()
	}
	return errors.Join(err, jerr, exitError(res))
}

func exitError(res ProcessResult) error {
	if res.ExitCode == 0 {
		return nil
	}
	return fmt.Errorf("multiprocessing: %s (pid %d): %s: %s", res.Func, res.PID, res.Exit, res.Stderr)
}
