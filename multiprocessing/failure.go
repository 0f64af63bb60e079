// Claim F6: a crashing child process does not bring its parent down. A
// task that panics, returns an error or has its worker killed under it
// fails alone, with an error the parent can take apart, and the pool
// replaces the worker and finishes the rest.
//
//	go test -run 'TestTaskPanic|TestKilledWorker|TestPrefetchedTaskOutlives|TestMapReportsEachFailure' -v ./multiprocessing/pool/
//	go test -run 'TestPoolSoakUnderRandomKills' -v ./multiprocessing/pool/
//
// You will see every test pass. They check that a panic arrives as a
// *pool.TaskPanicError carrying the worker's stack, an error as a
// *pool.TaskError with the function's message, and a kill as a
// *pool.WorkerDiedError naming the pid and "signal: killed"; that a map
// around a failed input still returns every other result; and that the
// soak test loses no task while workers are killed at random.

package multiprocessing
