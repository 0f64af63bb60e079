package child

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
)

// Marker is the one environment variable that makes a process a child. Its
// value names the entry point to run.
const Marker = "ATLAS_CHILD"

var (
	mu      sync.Mutex
	entries = map[string]func() int{}
)

// Register adds an entry point: fn runs in a child started with
// Env(name), and what it returns is the child's exit status. It panics on
// an empty name, a nil fn or a name already taken. Register is called at
// init time, so a mistake is in the program's text and shows in every
// run, parent and child alike.
func Register(name string, fn func() int) {
	if name == "" || fn == nil {
		panic("child: Register needs a name and a function")
	}
	mu.Lock()
	defer mu.Unlock()
	if _, dup := entries[name]; dup {
		panic("child: " + name + " registered twice")
	}
	entries[name] = fn
}

// Entries lists the registered entry points in order.
func Entries() []string {
	mu.Lock()
	defer mu.Unlock()
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Serve runs the entry point this process was started for and exits with
// its status. In a process started any other way it returns at once. Call
// it first in main and in TestMain.
//
// The Marker is removed before the entry runs, so that the children an
// entry starts in turn start clean. A name no entry has exits with status
// 3 and says so on stderr: a typo must not pass for a child that printed
// nothing.
func Serve() {
	name, ok := os.LookupEnv(Marker)
	if !ok {
		return
	}
	os.Unsetenv(Marker)
	mu.Lock()
	fn := entries[name]
	mu.Unlock()
	if fn == nil {
		fmt.Fprintf(os.Stderr, "child: no entry point named %q in this binary\n", name)
		os.Exit(3)
	}
	os.Exit(fn())
}

// Unserved reports whether this process was started as a child and yet is
// running its own code: its main never called Serve. A parent that finds
// itself so must not start children of its own, or each would do the
// same, without end.
func Unserved() bool {
	_, ok := os.LookupEnv(Marker)
	return ok
}

// Env is the environment of a child that runs the entry point name: the
// parent's, less any Marker it inherited, then the Marker, then settings
// (KEY=VALUE, later ones winning).
//
// Under the race detector every process sleeps a second at exit (GORACE's
// atexit_sleep_ms, there to let reports flush). For a child that only
// delays its parent, so it is turned off; any other GORACE options the
// parent has are kept.
func Env(name string, settings ...string) []string {
	parent := os.Environ()
	env := make([]string, 0, len(parent)+2+len(settings))
	race := "atexit_sleep_ms=0"
	for _, kv := range parent {
		if strings.HasPrefix(kv, Marker+"=") {
			continue
		}
		if v, ok := strings.CutPrefix(kv, "GORACE="); ok {
			race = v + " " + race
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "GORACE="+race, Marker+"="+name)
	return append(env, settings...)
}
