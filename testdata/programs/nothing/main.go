// Command nothing is the smallest Go program: it starts the Go runtime and
// exits. Built with CGO_ENABLED=0, what it costs to start and join beyond
// true(1) is the runtime's own start-up (bench.BenchmarkStartJoin,
// model=goProgram against model=binTrue).
package main

func main() {}
