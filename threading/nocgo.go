//go:build !cgo

package threading

// cgoLinked reports whether this binary links runtime/cgo.
const cgoLinked = false
