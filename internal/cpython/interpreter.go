// Finding a Python 3 interpreter and asking it what it is.

package cpython

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ErrNoInterpreter means there is no interpreter to run: none on PATH,
// none at the path given, or a zero Interpreter. A caller that can do
// without Python reports it as a note.
var ErrNoInterpreter = errors.New("cpython: no Python 3 interpreter")

// ErrNotPython3 means the program found runs, but is not a Python 3
// interpreter that can describe itself.
var ErrNotPython3 = errors.New("cpython: not a Python 3 interpreter")

// Interpreter is one Python 3 interpreter, as it described itself.
type Interpreter struct {
	// Path is the program found or given: a name on PATH, a link, a
	// pyenv shim.
	Path string
	// Executable is the binary behind Path (sys.executable), which Run
	// and Measure start, so that what runs is what was described.
	Executable string
	// Version is the release, "3.11.7".
	Version string
	// Implementation is "CPython", "PyPy", ...
	Implementation string
	// Build is the build's tag, date and compiler, for a run's header:
	// "main, May 9 2026 07:35:25, GCC 12.2.0".
	Build string
	// FreeThreaded is set for a build that can run without the GIL (the
	// free-threaded builds of 3.13 and later).
	FreeThreaded bool
	// GIL is whether the global interpreter lock is on. It is always on
	// before 3.13; from then sys._is_gil_enabled() says.
	GIL bool
}

// String is the interpreter in a few words, "3.11.7 (CPython, GIL on)":
// the value of the `python:` line that measure.py writes.
func (in Interpreter) String() string {
	gil := "off"
	if in.GIL {
		gil = "on"
	}
	return fmt.Sprintf("%s (%s, GIL %s)", in.Version, in.Implementation, gil)
}

// describeScript prints what Find needs as one JSON object. It parses
// under Python 2 as well, so that an old interpreter is told apart from
// a program that is no Python at all.
const describeScript = `import json, platform, sys, sysconfig
check = getattr(sys, "_is_gil_enabled", None)
print(json.dumps({
    "major": sys.version_info[0],
    "executable": sys.executable,
    "version": platform.python_version(),
    "implementation": platform.python_implementation(),
    "build": ", ".join(platform.python_build() + (platform.python_compiler(),)),
    "free_threaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
    "gil": True if check is None else bool(check()),
}))
`

// Find finds an interpreter and describes it. path is a file, or a name
// to look up on PATH; "" means python3 on PATH. An interpreter that
// cannot be found is ErrNoInterpreter; one that runs but does not
// describe itself as Python 3 is ErrNotPython3.
func Find(ctx context.Context, path string) (Interpreter, error) {
	name := path
	if name == "" {
		name = "python3"
	}
	found, err := exec.LookPath(name)
	if err != nil {
		return Interpreter{}, fmt.Errorf("%w: %v", ErrNoInterpreter, err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, found, "-c", describeScript)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return Interpreter{}, ctx.Err()
		}
		return Interpreter{}, fmt.Errorf("%w: %s: %v: %s", ErrNotPython3, found, err, strings.TrimSpace(stderr.String()))
	}
	var d struct {
		Major          int    `json:"major"`
		Executable     string `json:"executable"`
		Version        string `json:"version"`
		Implementation string `json:"implementation"`
		Build          string `json:"build"`
		FreeThreaded   bool   `json:"free_threaded"`
		GIL            bool   `json:"gil"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &d); err != nil {
		return Interpreter{}, fmt.Errorf("%w: %s did not describe itself: %q", ErrNotPython3, found, stdout.String())
	}
	if d.Major != 3 || d.Version == "" {
		return Interpreter{}, fmt.Errorf("%w: %s is Python %s", ErrNotPython3, found, d.Version)
	}
	return Interpreter{
		Path:           found,
		Executable:     d.Executable,
		Version:        d.Version,
		Implementation: d.Implementation,
		Build:          strings.Join(strings.Fields(d.Build), " "),
		FreeThreaded:   d.FreeThreaded,
		GIL:            d.GIL,
	}, nil
}

// program is the binary to start: the one described, or Path when the
// interpreter did not name one.
func (in Interpreter) program() (string, error) {
	switch {
	case in.Executable != "":
		return in.Executable, nil
	case in.Path != "":
		return in.Path, nil
	}
	return "", fmt.Errorf("%w: a zero Interpreter (use Find)", ErrNoInterpreter)
}
