package hybrid

// Architectures lists every way this chapter runs the mixed job, serial
// first. The tests hold each to the same answer; BenchmarkMixed times them.
func Architectures() []Architecture {
	return []Architecture{
		{Name: "serial", Run: Serial},
		{Name: "goroutines", Run: Goroutines},
		{Name: "pipeline", Run: Pipeline(DefaultPipeline())},
	}
}
