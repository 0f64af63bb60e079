// The sizes of a benchmark's pools and jobs, which come from the machine
// rather than from the code: a pool fixed at two workers would be judged
// undersized on a sixteen-core machine.

package workload

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
)

// CPUJob is the material's CPU-bound job, the same everywhere it is
// measured: four equal Fibonacci numbers.
var CPUJob = []int{30, 30, 30, 30}

// WorkersEnv names the environment variable that sets the size of every
// benchmark's process pool. The report command sets it from its -workers
// flag and records it in the run's header.
const WorkersEnv = "ATLAS_WORKERS"

// Workers is how many worker processes a benchmark's pool gets: the value
// of ATLAS_WORKERS if it is a whole number of at least 1, otherwise one per
// CPU this process may use (runtime.NumCPU, what pool.CPUs reports).
func Workers() (int, error) {
	v, ok := os.LookupEnv(WorkersEnv)
	if !ok || v == "" {
		return runtime.NumCPU(), nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%s=%q: want a whole number of at least 1", WorkersEnv, v)
	}
	return n, nil
}

// ThreadPoolSize is how many calls a bounded pool of goroutines runs at
// once: min(32, CPUs+4), the default of Python's ThreadPoolExecutor, so
// that the bounded model is sized as the material's thread pool would be
// on the same machine.
func ThreadPoolSize() int { return min(32, runtime.NumCPU()+4) }
