// Every CLAIMS.md verdict that rests on a measurement, as statements over
// a run's results. This file is the one place where a verdict meets its
// numbers: the report command judges these checks on every run and fails
// when the machine contradicts one, and a test judges them on the
// committed run that README names, so a verdict cannot drift from the
// data. Each statement is one sentence about the numbers ("a goroutine
// starts at least ten times faster than an OS thread"), made of the
// kinds in statements.go.

package report

// Outcome is what a run's numbers say about one statement.
type Outcome int

const (
	NoData       Outcome = iota // the benchmarks behind the check did not run
	CannotShow                  // this machine cannot show the effect (one core, say)
	NotJudged                   // a smoke run: one sample of each, which measures nothing
	Confirmed                   // the confidence interval agrees with the statement
	Inconclusive                // the interval straddles the statement's bound: within the noise
	Contradicted                // the interval disagrees with the statement
)

func (o Outcome) String() string {
	return [...]string{"no data", "cannot show here", "not judged", "confirmed", "inconclusive", "CONTRADICTED"}[o]
}

// Check is one measured statement and the CLAIMS.md verdict it backs.
type Check struct {
	ID      string // the claim, as in CLAIMS.md
	Verdict string // the verdict a confirmed statement backs
	Says    string // the statement, in words
	eval    statement
}

// CheckResult is one check's outcome on a run, with the figures behind it.
type CheckResult struct {
	Check
	Outcome Outcome
	Detail  string
}

// The verdicts, as CLAIMS.md spells them.
const (
	holds       = "holds"
	nuanced     = "holds with a nuance"
	doesNotHold = "does not hold in Go"
)

// The benchmarks the checks read, by package folder.
const (
	cpuBound  = "BenchmarkCPUBound"
	ioBound   = "BenchmarkIOBound"
	startJoin = "BenchmarkStartJoin"
	roundTrip = "BenchmarkRoundTrip"
	memory    = "BenchmarkMemoryPerWaiter"
	mixed     = "BenchmarkMixed"
)

// bench, model, mix, cpu and ioSeries name the series the checks read.
// Sub-benchmarks are keyed as benchstat keys: model=…, work=…, mix=….
func bench(name, unit string, procs int) series { return series{"bench", name, procs, unit} }

// model is one model's series of a cross-model benchmark of package bench.
func model(benchmark, m, unit string, procs int) series {
	return bench(benchmark+"/model="+m, unit, procs)
}

func mix(m, arch string, procs int) series {
	return series{"hybrid", mixed + "/mix=" + m + "/model=" + arch, procs, "speedup"}
}

func cpu(m string, procs int) series { return model(cpuBound, m, "speedup", procs) }

func ioSeries(kind, m string) series {
	return bench(ioBound+"/work="+kind+"/model="+m, "tasks/s", 1)
}

var mixNames = []string{"mostlyIO", "balanced", "mostlyCPU"}

// hybrids are the architectures of the hybrid chapter that combine models.
var hybrids = []string{"eventLoopToThread", "eventLoopExecutor", "eventLoopProcessPool", "processPoolGoroutineIO", "pipeline"}

// Checks lists every measured statement, claim by claim.
var Checks = []Check{
	{"F4", holds, "computing keeps the CPU busy at least ten times as much of the time as waiting on timers does",
		atLeast(model(cpuBound, "serial", "cpu-cores", 1), bench(ioBound+"/work=timer/model=serial", "cpu-cores", 1), 10)},

	{"F7", nuanced, "a round trip between goroutines costs under a tenth of one between goroutines locked to OS threads",
		atMost(model(roundTrip, "channel", "sec/op", 1), model(roundTrip, "lockedOSThreads", "sec/op", 1), 0.1)},
	{"F7", nuanced, "on all cores, the same blocking pipe ping-pong between two processes costs within a third of one between two threads of one process",
		needsCores(within(model(roundTrip, "pipeProcesses", "sec/op", atCores), model(roundTrip, "pipeThreads", "sec/op", atCores), 0.75, 1.33))},

	{"F8", holds, "the CPU-bound speedup grows by at least 30% from one core to the machine's cores",
		needsCores(atLeast(cpu("goroutines", atCores), cpu("goroutines", 1), 1.3))},
	{"F8", holds, "beyond the machine's cores it grows by no more than 10%",
		needsCores(func(run *Run) (Outcome, string) {
			return atMost(cpu("goroutines", 2*run.Cores()), cpu("goroutines", atCores), 1.1)(run)
		})},

	{"T2", doesNotHold, "CPU-bound goroutines on all cores run at least 1.3 times as fast as serial, where a global lock would hold them to 1",
		needsCores(sampleAtLeast(cpu("goroutines", atCores), 1.3))},
	{"T2", doesNotHold, "at GOMAXPROCS=1, Go's nearest analogue of the lock, they gain no more than 10%",
		sampleAtMost(cpu("goroutines", 1), 1.1)},
	{"T2", doesNotHold, "in the same run, CPython's threads, which take turns holding its interpreter lock, run the same work on all cores at most 1.3 times as fast as serial",
		needsCores(withTheLock(sampleAtMost(series{PythonPkg, cpuBound + "/model=threads", atCores, "speedup"}, 1.3)))},

	{"T3", holds, "on one core, goroutines get through timer waits at least ten times as fast as serial",
		atLeast(ioSeries("timer", "goroutines"), ioSeries("timer", "serial"), 10)},

	{"T7", holds, "a goroutine starts and joins at least ten times faster than an OS thread, and an OS thread ten times faster than a process",
		all(atMost(model(startJoin, "goroutine", "sec/op", 1), model(startJoin, "osThread", "sec/op", 1), 0.1),
			atMost(model(startJoin, "osThread", "sec/op", 1), model(startJoin, "process", "sec/op", 1), 0.1))},

	{"M2", nuanced, "a warm process pool on all cores runs CPU-bound work at least 1.3 times as fast as serial",
		needsCores(sampleAtLeast(cpu("processPool", atCores), 1.3))},
	{"M2", nuanced, "but no faster than goroutines: at most 5% above them",
		needsCores(atMost(cpu("processPool", atCores), cpu("goroutines", atCores), 1.05))},

	{"M4", holds, "a process costs at least a thousand times a goroutine to start, and a hundred times its memory while it waits",
		all(atLeast(model(startJoin, "process", "sec/op", 1), model(startJoin, "goroutine", "sec/op", 1), 1000),
			atLeast(model(memory, "process", "B/waiter", 1), model(memory, "goroutine", "B/waiter", 1), 100))},

	{"A9", nuanced, "on all cores, goroutines do CPU-bound work at least as fast as a process pool, within 5%",
		needsCores(atLeast(cpu("goroutines", atCores), cpu("processPool", atCores), 0.95))},
	{"A9", nuanced, "inside an event loop, a process pool does the computing of the balanced and computing-heavy mixes faster than a goroutine executor",
		needsCores(forEach([]string{"balanced", "mostlyCPU"}, func(m string) statement {
			return atLeast(mix(m, "eventLoopProcessPool", atCores), mix(m, "eventLoopExecutor", atCores), 1)
		}))},

	{"A10", nuanced, "a waiting callback or timer of the loop's layer below tasks holds under a fifth of a waiting goroutine's memory",
		all(atMost(model(memory, "loopCallback", "B/waiter", 1), model(memory, "goroutine", "B/waiter", 1), 0.2),
			atMost(model(memory, "loopTimer", "B/waiter", 1), model(memory, "goroutine", "B/waiter", 1), 0.2))},
	{"A10", nuanced, "a waiting loop task holds more memory than a waiting goroutine, and under a fifth of an OS thread's",
		all(atLeast(model(memory, "loopTask", "B/waiter", 1), model(memory, "goroutine", "B/waiter", 1), 1),
			atMost(model(memory, "loopTask", "B/waiter", 1), model(memory, "osThread", "B/waiter", 1), 0.2))},

	{"A12", nuanced, "a message between two loop tasks and back costs within 50% of one between two goroutines, and under a tenth of one between goroutines locked to OS threads",
		all(within(model(roundTrip, "loopQueue", "sec/op", 1), model(roundTrip, "channel", "sec/op", 1), 0.67, 1.5),
			atMost(model(roundTrip, "loopQueue", "sec/op", 1), model(roundTrip, "lockedOSThreads", "sec/op", 1), 0.1))},
	{"A12", nuanced, "a switch between two loop tasks costs less than one between two goroutines",
		atMost(series{"eventloop", "BenchmarkSwitch/loopTasks", 1, "sec/switch"}, series{"eventloop", "BenchmarkSwitch/goroutines", 1, "sec/switch"}, 1)},
	{"A12", nuanced, "creating and awaiting a loop task costs within a third of starting and joining a goroutine",
		within(model(startJoin, "loopTask", "sec/op", 1), model(startJoin, "goroutine", "sec/op", 1), 0.75, 1.33)},

	{"A13", holds, "awaiting a coroutine directly costs under a tenth of creating and awaiting it as a task",
		atMost(series{"eventloop", "BenchmarkDirectAwait/callee=returns/via=direct", 1, "sec/op"},
			series{"eventloop", "BenchmarkDirectAwait/callee=returns/via=task", 1, "sec/op"}, 0.1)},

	{"H1", nuanced, "on the balanced and computing-heavy mixes, a loop that sends its computing to a process pool beats the loop that fetches off the loop but computes on it",
		needsCores(forEach([]string{"balanced", "mostlyCPU"}, func(m string) statement {
			return atLeast(mix(m, "eventLoopProcessPool", atCores), mix(m, "eventLoopToThread", atCores), 1)
		}))},
	{"H1", nuanced, "plain goroutines do every mix at least as fast, within 5%",
		needsCores(forEach(mixNames, func(m string) statement {
			return atLeast(mix(m, "goroutines", atCores), mix(m, "eventLoopProcessPool", atCores), 0.95)
		}))},

	{"H2", holds, "on the mostly-waiting mix, fetching through ToThread makes the loop at least five times as fast as the loop that blocks",
		atLeast(mix("mostlyIO", "eventLoopToThread", atCores), mix("mostlyIO", "eventLoop", atCores), 5)},

	{"H3", nuanced, "at GOMAXPROCS=1, the process pool with goroutine I/O beats plain goroutines on the computing-heavy mix: its workers bring cores of their own",
		needsCores(atLeast(mix("mostlyCPU", "processPoolGoroutineIO", 1), mix("mostlyCPU", "goroutines", 1), 1))},
	{"H3", nuanced, "on all cores, plain goroutines do every mix at least as fast, within 5%",
		needsCores(forEach(mixNames, func(m string) statement {
			return atLeast(mix(m, "goroutines", atCores), mix(m, "processPoolGoroutineIO", atCores), 0.95)
		}))},

	{"H4", doesNotHold, "on all cores, no hybrid beats plain goroutines on any mix by more than 15%",
		needsCores(forEach(mixNames, func(m string) statement {
			return forEach(hybrids, func(h string) statement {
				return atMost(mix(m, h, atCores), mix(m, "goroutines", atCores), 1.15)
			})
		}))},

	{"D1", nuanced, "for CPU-bound work on all cores, no model beats goroutines by more than 10%",
		needsCores(forEach([]string{"workerPool", "processPool", "eventLoopExecutor"}, func(m string) statement {
			return atMost(cpu(m, atCores), cpu("goroutines", atCores), 1.1)
		}))},
	{"D1", nuanced, "for timer waits and slow loopback requests on one core, no model beats goroutines by more than 10%",
		forEach([]string{"timer", "loopbackSlow"}, func(kind string) statement {
			return forEach([]string{"serial", "boundedPool", "eventLoop", "processPool"}, func(m string) statement {
				return atMost(ioSeries(kind, m), ioSeries(kind, "goroutines"), 1.1)
			})
		})},
	{"D1", nuanced, "for fast loopback requests on one core, a goroutine per request is no faster than making them one at a time: at most 10% above",
		atMost(ioSeries("loopbackFast", "goroutines"), ioSeries("loopbackFast", "serial"), 1.1)},

	{"D2", holds, "a waiting goroutine holds at most a fifth of an OS thread's memory, and an OS thread at most a tenth of a process's",
		all(atMost(model(memory, "goroutine", "B/waiter", 1), model(memory, "osThread", "B/waiter", 1), 0.2),
			atMost(model(memory, "osThread", "B/waiter", 1), model(memory, "process", "B/waiter", 1), 0.1))},
}

// Judge runs every check against run. A run with fewer than two samples of
// anything measures nothing, so pass measured=false for a smoke run
// (see [Run.Measured]) and every check says NotJudged.
func Judge(run *Run, measured bool) []CheckResult {
	out := make([]CheckResult, 0, len(Checks))
	for _, c := range Checks {
		if !measured {
			out = append(out, CheckResult{Check: c, Outcome: NotJudged, Detail: "a smoke run takes one sample of each benchmark"})
			continue
		}
		o, detail := c.eval(run)
		out = append(out, CheckResult{Check: c, Outcome: o, Detail: detail})
	}
	return out
}
