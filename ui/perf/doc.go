// Package perf holds Roundtable's performance budgets and the benchmarks
// that measure them, in one place: start-up to the first frame, a frame and
// a keystroke of every screen on the benchmark-sized session
// (modeltest.Large: 1,000 risks, 200 activities × 30 roles, a 60-minute
// drill log), loading, saving and exporting that session, and the live
// room with 200 phones voting at once (BenchmarkRoom). BenchmarkFirstFrame
// weighs start-up against a bare Bubble Tea program started in turn with
// it, and reports the ratio.
//
// Budgets lists every budget by benchmark name. Times depend on the
// machine, so they are reported (as "%budget" beside ns/op) but never fail
// a build; allocation counts do not, so TestAllocationBudgets holds the hot
// paths to theirs on every `go test ./...`. Run the benchmarks with
//
//	go test -run '^$' -bench . ./ui/perf/
//
// and CI runs them briefly (.ci/bench) so they keep working.
package perf
