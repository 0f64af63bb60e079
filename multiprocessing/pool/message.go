// Inside each frame is one message. The encoding is our own few bytes, not
// gob or JSON, because the payloads are already bytes (the caller picked
// their encoding; the typed Func layer uses JSON) and the envelope only has
// to say what kind of message it is and, for a call, which function:
//
//	call:   kindCall   | len(name) as 1 byte | name | argument
//	reply:  kind       | result bytes or error text
//
// gob would send type descriptors on every new stream and reflect on every
// message; JSON would quote the payload. A fixed layout costs neither, makes
// "bytes serialised per task" easy to count exactly, and is small enough for
// the fuzzer to cover completely.

package pool

import (
	"errors"
	"fmt"
	"strings"
)

// Message kinds. Zero is deliberately unused so that a zeroed buffer is
// never a valid message.
const (
	kindCall     byte = 1 // parent -> worker: run name(body)
	kindHello    byte = 2 // worker -> parent: ready, first message only
	kindResult   byte = 3 // the function returned body
	kindFailed   byte = 4 // the function returned an error; body is its text
	kindPanic    byte = 5 // the function panicked; body is value and stack
	kindUnknown  byte = 6 // no function of that name in the worker
	kindTooLarge byte = 7 // the result was over the frame limit
	kindBadArg   byte = 8 // the argument did not decode; body says why
	lastKind          = kindBadArg
)

// maxNameLen keeps the name length in one byte.
const maxNameLen = 255

var errBadMessage = errors.New("pool: malformed message")

type message struct {
	kind byte
	name string // calls only
	body []byte
}

func (m message) encode() []byte {
	if m.kind == kindCall {
		b := make([]byte, 0, 2+len(m.name)+len(m.body))
		b = append(b, m.kind, byte(len(m.name)))
		b = append(b, m.name...)
		return append(b, m.body...)
	}
	b := make([]byte, 0, 1+len(m.body))
	b = append(b, m.kind)
	return append(b, m.body...)
}

// decodeMessage is the inverse of encode. It checks every length against
// the bytes actually present, so truncated input is an error, not a panic.
func decodeMessage(b []byte) (message, error) {
	if len(b) == 0 {
		return message{}, fmt.Errorf("%w: empty", errBadMessage)
	}
	m := message{kind: b[0]}
	if m.kind == 0 || m.kind > lastKind {
		return message{}, fmt.Errorf("%w: unknown kind %d", errBadMessage, m.kind)
	}
	rest := b[1:]
	if m.kind == kindCall {
		if len(rest) == 0 {
			return message{}, fmt.Errorf("%w: call without a name length", errBadMessage)
		}
		n := int(rest[0])
		if len(rest)-1 < n {
			return message{}, fmt.Errorf("%w: name of %d bytes, only %d present", errBadMessage, n, len(rest)-1)
		}
		m.name = string(rest[1 : 1+n])
		rest = rest[1+n:]
	}
	m.body = rest
	return m, nil
}

// decodeReply turns a worker's reply to a call of name into its result
// or the error that says how the call failed.
func decodeReply(name string, m message) ([]byte, error) {
	switch m.kind {
	case kindResult:
		return m.body, nil
	case kindFailed:
		return nil, &TaskError{Func: name, Message: string(m.body)}
	case kindPanic:
		value, stack, _ := strings.Cut(string(m.body), "\n")
		return nil, &TaskPanicError{Func: name, Value: value, Stack: stack}
	case kindBadArg:
		return nil, fmt.Errorf("%w argument of %s: %s", ErrDecode, name, m.body)
	case kindUnknown:
		return nil, fmt.Errorf("%w: %q", ErrUnknownFunc, name)
	case kindTooLarge:
		return nil, fmt.Errorf("%w: %s returned a %s", ErrFrameTooLarge, name, m.body)
	}
	return nil, fmt.Errorf("%w: reply of kind %d", errBadMessage, m.kind)
}
