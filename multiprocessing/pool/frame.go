// A pipe carries a stream of bytes, not messages, so every message travels
// as a frame: a 4-byte big-endian length, then that many bytes. The reader
// refuses a length above its limit before allocating anything, so a corrupt
// or hostile header cannot make it allocate gigabytes or wait forever for
// bytes that will never come. FuzzReadFrame feeds it garbage:
//
//	go test -run '^$' -fuzz FuzzReadFrame -fuzztime 20s ./multiprocessing/pool/

package pool

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// DefaultMaxFrame bounds one message in either direction unless a pool is
// given WithMaxFrame. It is generous for arguments and results, and small
// enough that a garbage length cannot exhaust memory.
const DefaultMaxFrame = 16 << 20

// frameHeader is the size of the length prefix.
const frameHeader = 4

// ErrFrameTooLarge is returned when a message is longer than the limit,
// whether it is being written or its header has just been read.
var ErrFrameTooLarge = errors.New("pool: frame too large")

// WriteFrame writes body as one frame. It fails with ErrFrameTooLarge,
// writing nothing, if body is longer than max.
func WriteFrame(w io.Writer, body []byte, max int) error {
	if len(body) > max {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrFrameTooLarge, len(body), max)
	}
	// One write per frame: a pipe write of up to PIPE_BUF bytes is atomic,
	// and one system call is cheaper than two.
	buf := make([]byte, frameHeader+len(body))
	binary.BigEndian.PutUint32(buf, uint32(len(body)))
	copy(buf[frameHeader:], body)
	_, err := w.Write(buf)
	return err
}

// ReadFrame reads one frame and returns its body. A clean end of stream
// before the first header byte is io.EOF; a stream that ends inside a frame
// is io.ErrUnexpectedEOF; a length above max is ErrFrameTooLarge.
func ReadFrame(r io.Reader, max int) ([]byte, error) {
	var hdr [frameHeader]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if uint64(n) > uint64(max) {
		return nil, fmt.Errorf("%w: header says %d bytes, limit %d", ErrFrameTooLarge, n, max)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return body, nil
}
