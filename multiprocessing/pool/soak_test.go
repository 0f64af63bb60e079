// Claim F6 under fire: a pool runs thousands of tasks while another
// goroutine SIGKILLs its workers at random moments. Every task still ends
// exactly once, with its own correct result or with a WorkerDiedError; a
// death costs at most the one task its worker was running, and what waited
// in its pipe runs elsewhere; afterwards no worker is left and no goroutine
// leaks (TestMain's goleak).
//
//	go test -run Soak -v ./multiprocessing/pool/
//
// You will see the kills and the tasks they cost, logged; every other task
// right.

package pool_test

import (
	"errors"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/workload"
	"github.com/concurrency-atlas/atlas/multiprocessing/internal/testfuncs"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func TestPoolSoakUnderRandomKills(t *testing.T) {
	tasks, kills := 3000, 60
	if testing.Short() {
		tasks, kills = 200, 5
	}
	// The kill schedule is counted in finished tasks, not in time, and is
	// the same on every run; only where each kill lands in a worker's life
	// is left to the scheduler.
	const seed = 13
	rng := rand.New(rand.NewPCG(seed, seed))
	p := testfuncs.NewPool(t, 3)

	inputs := make([]int, tasks)
	futs := make([]*pool.Future, tasks)
	for i := range inputs {
		inputs[i] = rng.IntN(21)
		futs[i] = p.Submit(t.Context(), pool.Fib.Name(), strconv.AppendInt(nil, int64(inputs[i]), 10))
	}
	// Kill number k comes after about k*step tasks have finished.
	step := tasks / (kills + 1)
	killAt := make([]int, kills)
	for k := range killAt {
		killAt[k] = (k+1)*step - rng.IntN(step/2)
	}

	// The killer only ever picks a worker it has not killed before. The
	// only deaths in this test are its own, so such a worker is alive, or
	// at least not yet reaped, and its pid cannot belong to a stranger.
	kick := make(chan struct{})
	killerDone := make(chan struct{})
	var killed, seen []int
	var killErrs []error
	go func() {
		defer close(killerDone)
		pick := rand.New(rand.NewPCG(seed, seed+1))
		for range kick {
			pids := p.PIDs()
			seen = append(seen, pids...)
			pids = slices.DeleteFunc(pids, func(pid int) bool { return slices.Contains(killed, pid) })
			if len(pids) == 0 {
				continue // every worker is a fresh corpse; skip this kill
			}
			pid := pids[pick.IntN(len(pids))]
			killed = append(killed, pid)
			if err := kill(pid); err != nil {
				killErrs = append(killErrs, err)
			}
		}
	}()

	results := make([][]byte, tasks)
	errs := make([]error, tasks)
	for i, f := range futs {
		results[i], errs[i] = f.Wait()
		for len(killAt) > 0 && i+1 >= killAt[0] {
			kick <- struct{}{}
			killAt = killAt[1:]
		}
	}
	close(kick)
	<-killerDone
	require.Empty(t, killErrs)

	ok, blamed := 0, map[int]int{}
	for i, err := range errs {
		if err == nil {
			ok++
			assert.Equal(t, strconv.Itoa(workload.Fib(inputs[i])), string(results[i]), "task %d", i)
			continue
		}
		var died *pool.WorkerDiedError
		if !assert.ErrorAs(t, err, &died, "task %d", i) {
			continue
		}
		assert.Equal(t, "signal: killed", died.Exit, "task %d", i)
		assert.Contains(t, killed, died.PID, "task %d blames a worker nobody killed", i)
		blamed[died.PID]++
	}
	for pid, n := range blamed {
		assert.Equal(t, 1, n, "the death of worker %d cost %d tasks", pid, n)
	}
	assert.Equal(t, int64(ok), p.Stats().Tasks, "a reply for every result, and no more")
	t.Logf("seed %d: %d tasks, %d kills, %d tasks lost with their worker", seed, tasks, len(killed), len(blamed))

	seen = append(seen, p.PIDs()...)
	require.NoError(t, p.Close())
	requireAllGone(t, seen)
}

// kill sends SIGKILL to a worker of this process's pool.
func kill(pid int) error {
	p, err := os.FindProcess(pid)
	if err != nil {
		return err
	}
	defer p.Release()
	if err := p.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	return nil
}
