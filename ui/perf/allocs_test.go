package perf

import (
	"math"
	"slices"
	"testing"
)

// TestAllocationBudgets holds every hot path to its allocation budget.
// Allocation counts, unlike times, are the same on every machine, so a
// change that makes a keystroke or a save allocate much more fails here
// rather than slowing the room down unnoticed.
func TestAllocationBudgets(t *testing.T) {
	for _, b := range Budgets {
		if b.Allocs == 0 {
			continue
		}
		t.Run(b.Name, func(t *testing.T) {
			f := ops[b.Name](t)
			f()
			got := testing.AllocsPerRun(10, f)
			t.Logf("%s: %.0f allocations (budget %d)", b.Name, got, b.Allocs)
			if got > float64(b.Allocs) {
				t.Errorf("%s (%s) made %.0f allocations per run, over its budget of %d: find what allocates with go test -bench %s -memprofile mem.out ./ui/perf/, or raise the budget in ui/perf/budgets.go if the cost is worth it",
					b.Name, b.What, math.Round(got), b.Allocs, b.Name)
			}
		})
	}
}

// TestEveryBudgetIsMeasured keeps the table and the benchmarks together: a
// budget without an operation would promise what nothing checks.
func TestEveryBudgetIsMeasured(t *testing.T) {
	for _, b := range Budgets {
		if _, ok := ops[b.Name]; !ok && !slices.Contains(inTerminal, b.Name) {
			t.Errorf("budget %s has no operation in ops", b.Name)
		}
		if b.Time <= 0 || b.What == "" {
			t.Errorf("budget %s needs a time and a description", b.Name)
		}
	}
	for name := range ops {
		if _, ok := Lookup(name); !ok {
			t.Errorf("operation %s has no budget in Budgets", name)
		}
	}
}
