// The frame reader and message decoder take bytes from another process,
// so they must treat them as hostile: any input gives a message or an
// error, never a panic, a hang or a huge allocation.
//
//	go test -run Frame ./multiprocessing/pool/
//	go test -run '^$' -fuzz FuzzReadFrame -fuzztime 20s ./multiprocessing/pool/

package pool

import (
	"bytes"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// realFrames are frames exactly as the pool writes them.
func realFrames(t testing.TB) [][]byte {
	msgs := []message{
		{kind: kindHello},
		{kind: kindCall, name: "atlas/fib", body: []byte("30")},
		{kind: kindCall, name: Echo},
		{kind: kindResult, body: []byte("832040")},
		{kind: kindFailed, body: []byte("fib(-1): n must be in [0, 60]")},
		{kind: kindPanic, body: []byte("boom\ngoroutine 1 [running]:")},
		{kind: kindUnknown, body: []byte("nope")},
		{kind: kindTooLarge, body: []byte("result of 99 bytes")},
		{kind: kindBadArg, body: []byte("json: cannot unmarshal string into Go value of type int")},
	}
	var frames [][]byte
	for _, m := range msgs {
		var buf bytes.Buffer
		require.NoError(t, WriteFrame(&buf, m.encode(), DefaultMaxFrame))
		frames = append(frames, buf.Bytes())
	}
	return frames
}

func TestFrameRoundTrip(t *testing.T) {
	var stream bytes.Buffer
	for _, f := range realFrames(t) {
		stream.Write(f)
	}
	for _, want := range realFrames(t) {
		body, err := ReadFrame(&stream, DefaultMaxFrame)
		require.NoError(t, err)
		assert.Equal(t, want[frameHeader:], body)
		_, err = decodeMessage(body)
		require.NoError(t, err)
	}
	_, err := ReadFrame(&stream, DefaultMaxFrame)
	assert.Equal(t, io.EOF, err, "a clean end between frames is io.EOF")
}

func TestMalformedFramesAreErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want error
	}{
		{"header cut short", []byte{0, 0}, io.ErrUnexpectedEOF},
		{"body cut short", []byte{0, 0, 0, 5, 3, 'a'}, io.ErrUnexpectedEOF},
		{"length over the limit", []byte{0xff, 0xff, 0xff, 0xff}, ErrFrameTooLarge},
		{"empty message", []byte{0, 0, 0, 0}, errBadMessage},
		{"kind zero", []byte{0, 0, 0, 1, 0}, errBadMessage},
		{"unknown kind", []byte{0, 0, 0, 1, 99}, errBadMessage},
		{"call without name length", []byte{0, 0, 0, 1, kindCall}, errBadMessage},
		{"name longer than the message", []byte{0, 0, 0, 3, kindCall, 9, 'x'}, errBadMessage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, err := ReadFrame(bytes.NewReader(tc.in), 1<<10)
			if err == nil {
				_, err = decodeMessage(body)
			}
			assert.ErrorIs(t, err, tc.want)
		})
	}
}

func TestWriteFrameRefusesOversizedBody(t *testing.T) {
	var buf bytes.Buffer
	err := WriteFrame(&buf, make([]byte, 11), 10)
	require.ErrorIs(t, err, ErrFrameTooLarge)
	assert.Zero(t, buf.Len(), "nothing was written")
}

func FuzzReadFrame(f *testing.F) {
	for _, fr := range realFrames(f) {
		f.Add(fr)
	}
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		const max = 1 << 12
		r := bytes.NewReader(data)
		for {
			body, err := ReadFrame(r, max)
			if err != nil {
				return // any error is fine; a panic or a hang is not
			}
			if len(body) > max {
				t.Fatalf("body of %d bytes passed a limit of %d", len(body), max)
			}
			m, err := decodeMessage(body)
			if err != nil {
				continue
			}
			// A message that decodes must encode back to the same bytes.
			if got := m.encode(); !bytes.Equal(got, body) {
				t.Fatalf("re-encoded %q as %q", body, got)
			}
		}
	})
}
