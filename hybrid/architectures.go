package hybrid

// Architectures lists every way this chapter runs the mixed job, serial
// first. The tests hold each to the same answer; BenchmarkMixed times them.
func Architectures() []Architecture {
	return []Architecture{
		{Name: "serial", Run: Serial},
		{Name: "goroutines", Run: Goroutines},
		{Name: "eventLoop", Run: OnLoop(fetchOnLoop, computeOnLoop)},
		{Name: "eventLoopToThread", Run: OnLoop(fetchInThread, computeOnLoop)},
		{Name: "eventLoopExecutor", Run: OnLoop(fetchInThread, computeInGoroutine)},
		{Name: "eventLoopProcessPool", Run: OnLoop(fetchInThread, computeInProcess), NeedsPool: true},
		{Name: "processPoolGoroutineIO", Run: ProcessPoolGoroutineIO, NeedsPool: true},
		{Name: "pipeline", Run: Pipeline(DefaultPipeline())},
	}
}
