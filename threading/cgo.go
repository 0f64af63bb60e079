//go:build cgo

package threading

// cgoLinked reports whether this binary links runtime/cgo. This package
// imports net (through the loopback server), which links it whenever cgo
// is enabled. A cgo binary keeps an extra OS thread for callbacks from C,
// and the runtime's deadlock detector counts it as running, so the
// detector stays silent there.
const cgoLinked = true
