package hybrid

// architectures lists every way this chapter runs the mixed job, serial
// first. The tests hold each to the same answer; BenchmarkMixed times them.
func architectures() []architecture {
	return []architecture{
		{Name: "serial", Run: serialArch},
		{Name: "goroutines", Run: goroutinesArch},
		{Name: "eventLoop", Run: onLoop(fetchOnLoop, computeOnLoop)},
		{Name: "eventLoopToThread", Run: onLoop(fetchInThread, computeOnLoop)},
		{Name: "eventLoopExecutor", Run: onLoop(fetchInThread, computeInGoroutine)},
		{Name: "eventLoopProcessPool", Run: onLoop(fetchInThread, computeInProcess), NeedsPool: true},
		{Name: "processPoolGoroutineIO", Run: processPoolGoroutineIO, NeedsPool: true},
		{Name: "pipeline", Run: pipelineArch(defaultPipeline())},
	}
}
