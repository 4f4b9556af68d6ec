package ui

import (
	"testing"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/workshops"
)

// openSample stores the sample session, with a second run stopped half-way
// when stopped is set, and opens it on its drill step: a stopped run comes
// back paused, so no clock ticks under the test.
func openSample(t *testing.T, h *harness, stopped, readOnly bool) {
	t.Helper()
	w, err := h.app.opts.Workshops.Get(workshops.Default)
	if err != nil {
		t.Fatal(err)
	}
	s := model.New(store.NewID("Northwind", fixedNow), model.Meta{Title: "Northwind", Date: "2026-03-14"}, w)
	if err := workshops.Sample(s); err != nil {
		t.Fatal(err)
	}
	if stopped {
		second := s.Drill.Runs[0].Clone()
		second.Ended, second.Review, second.Clock = false, model.AfterAction{}, 600
		s.Drill.Runs = append(s.Drill.Runs, second)
	}
	for i, st := range s.Workshop.Steps {
		if st.Kind == model.StepDrill {
			s.Step = i
		}
	}
	if _, err := h.store.Create(s); err != nil {
		t.Fatal(err)
	}
	h.send(common.OpenMsg{Ref: s.ID, ReadOnly: readOnly})
	if h.sess() == nil {
		t.Fatalf("the sample did not open:\n%s", h.screen())
	}
}

// Finishing a run and deleting one are changes the room can take back
// with u, like any other; the step keeps its tick meanwhile, as the plan
// reports the finished run.
func TestFinishingAndDeletingARunAreUndone(t *testing.T) {
	h := newHarness(t, 80, 24)
	openSample(t, h, true, false)
	h.wantScreen("PAUSED 10:00", "5 Crisis drill✓")
	h.keys("f", "y")
	h.wantScreen("Results of run 2 of 2")
	h.keys("u")
	h.wantScreen("Undone: Drill finished at 10:00", "PAUSED 10:00")
	if h.sess().Drill.Runs[1].Ended {
		t.Fatal("u did not take the finish back")
	}
	h.keys("f", "y", "tab", "tab", "tab", "d")
	h.wantScreen("Delete drill run 2?")
	h.keys("y")
	if n := len(h.sess().Drill.Runs); n != 1 {
		t.Fatalf("d and y left %d runs", n)
	}
	h.wantScreen("Results of run 1 of 1", "5 Crisis drill✓")
	h.keys("u")
	if n := len(h.sess().Drill.Runs); n != 2 {
		t.Fatalf("u did not bring the run back: %d runs", n)
	}
	h.wantScreen("Undone: Deleted drill run 2", "Results of run 2 of 2")
}

// Read-only, the drill asks nothing it could not keep: the start and
// delete questions close at once, and nothing changes.
func TestReadOnlyDrillChangesNothing(t *testing.T) {
	h := newHarness(t, 80, 24)
	openSample(t, h, true, true)
	h.keys("f")
	h.wantScreen("read-only")
	h.dontWantScreen("Finish the drill?")
	if h.sess().Drill.Runs[1].Ended {
		t.Fatal("a read-only drill was finished")
	}
	h.keys("esc")

	h2 := newHarness(t, 80, 24)
	openSample(t, h2, false, true)
	h2.wantScreen("Results of run 1 of 1")
	h2.keys("n", "enter")
	h2.dontWantScreen("Start drill run 2?")
	h2.wantScreen("read-only")
	h2.keys("b", "tab", "tab", "tab", "d")
	h2.dontWantScreen("Delete drill run 1?")
	h2.wantScreen("read-only")
	if n := len(h2.sess().Drill.Runs); n != 1 || h2.app.open.rev != 0 {
		t.Fatalf("read-only: %d runs, revision %d", n, h2.app.open.rev)
	}
}
