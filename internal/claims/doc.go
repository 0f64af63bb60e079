// Package claims holds the project's claims table (CLAIMS.md at the module
// root) to the source. A table that points at evidence nobody can run is
// worse than none.
//
// # What it checks
//
// Check parses the table (Parse) and reports every problem, not just the
// first:
//
//   - every claim of the catalogue (IDs) has exactly one row, and no row
//     stays pending;
//   - every verdict says why and names its evidence;
//   - every test, benchmark, example or fuzz target it names, as
//     folder.Name, is a function in that package folder, and every file it
//     names exists;
//   - a named Example has an // Output: comment, so go test checks it;
//   - a named sub-benchmark (folder.BenchmarkX/sub) was measured in the
//     committed run, since sub-benchmarks only exist once b.Run makes them.
//
// # The committed run
//
// README's generated section names the run its figures come from, on its
// "_From [`testdata/bench/<file>.txt`]" line. CommittedRun finds that
// file, MeasuredIn reads which benchmarks it measured, and WithRun lets
// Check vouch for sub-benchmarks against it.
//
// # Running it
//
//	go test ./internal/claims/
//
// checks the real CLAIMS.md against the code and the committed run, and
// checks Check itself against a fixture module in testdata/fixture, with
// one table per kind of mistake.
package claims
