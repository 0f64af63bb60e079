// Package scene runs small demonstration programs ("scenes") in a child
// process: the test binary re-executes itself and runs one named function
// instead of its tests.
//
// Some behaviour cannot be shown inside a test binary. A data race makes a
// -race build fail; the runtime's deadlock detector only fires when every
// goroutine is asleep; an unrecovered panic ends the process; a starved
// scheduler hangs it. A scene contains the damage: the parent test gets the
// child's exit status and output and asserts on them exactly.
//
// A package registers its scenes at init time, and its TestMain is one
// line, which runs a scene in a child and the tests (under goleak) in the
// parent:
//
//	func init() { scene.Register("deadlock", deadlockScene) }
//
//	func TestMain(m *testing.M) { scene.Main(m) }
//
// and a test runs it:
//
//	res := scene.Run(t, "deadlock", scene.Env("GOMAXPROCS=1"))
//	require.Equal(t, 2, res.ExitCode)
//
// Every child runs in its own process group and is killed, with everything
// it started, when its deadline passes or its test ends. The machinery for
// that, shared with the worker processes of multiprocessing, is in
// internal/child; a scene is one kind of child entry point.
package scene
