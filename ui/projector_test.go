package ui

import (
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
)

func saved(t *testing.T, h *harness) *model.Session {
	t.Helper()
	h.deliverTicks()
	s, _, err := store.Load(h.app.open.handle.Path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestFFreezesTheProjectorWithTheNextAutosave: the freeze is written into
// the session, where the projector reads it, and takes no undo entry.
func TestFFreezesTheProjectorWithTheNextAutosave(t *testing.T) {
	h := opened(t, 80, 24)
	h.keys("4", "F")
	h.wantScreen("The projector is frozen on what the room sees")
	if p := saved(t, h).Projector; !p.Frozen || p.FrozenStep != 3 {
		t.Fatalf("on disk the projector is %+v, want frozen on step 4", p)
	}
	h.keys("2")
	if p := saved(t, h).Projector; !p.Frozen || p.FrozenStep != 3 {
		t.Fatalf("moving on while frozen: %+v", p)
	}
	h.keys("u")
	h.wantScreen("Nothing to undo.")
	h.keys("F")
	h.wantScreen("The projector follows again.")
	if p := saved(t, h).Projector; p.Frozen {
		t.Fatalf("after F again the projector is %+v", p)
	}
}

// TestZPutsTheSelectedItemInFocus on the risks step; Z again, or another
// step, takes it away.
func TestZPutsTheSelectedItemInFocus(t *testing.T) {
	h := opened(t, 80, 24)
	h.keys("4", "j")
	kind, i, ok := h.app.steps.Selected()
	if !ok || kind != model.FocusRisk {
		t.Fatalf("the risks step selects %v %d %v", kind, i, ok)
	}
	want := h.sess().FocusOn(kind, i)
	h.keys("Z")
	if got := saved(t, h).Projector.Focus; got != want || got.Kind != model.FocusRisk {
		t.Fatalf("focus on disk %+v, want %+v", got, want)
	}
	h.wantScreen("In focus on the projector: risk")
	h.keys("Z")
	if got := saved(t, h).Projector.Focus; got.Kind != model.FocusNone {
		t.Fatalf("Z again left %+v in focus", got)
	}
	h.keys("Z", "2")
	if got := saved(t, h).Projector.Focus; got.Kind != model.FocusNone {
		t.Fatalf("another step left %+v in focus", got)
	}
	h.keys("j", "Z")
	if got := h.sess().Projector.Focus; got.Kind != model.FocusObjective && len(h.sess().Objectives.Items) > 0 {
		t.Fatalf("objectives: focus %+v", got)
	}
	h.keys("1", "Z")
	h.wantScreen("Z: select a risk, an objective or a drill message first.")
}

// TestUndoKeepsWhatTheProjectorShows: undoing an edit made while frozen
// does not unfreeze, nor an edit made before freeze it again.
func TestUndoKeepsWhatTheProjectorShows(t *testing.T) {
	h := opened(t, 80, 24)
	h.keys("F")
	h.send(common.EditMsg{Label: "set organisation", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
	h.keys("F", "u")
	if h.sess().Meta.Organisation == "Initech" || h.sess().Projector.Frozen {
		t.Fatalf("after undo: organisation %q, projector %+v", h.sess().Meta.Organisation, h.sess().Projector)
	}
}

// TestTheStatusLineSaysWhetherAProjectorFollows, from the count of
// projectors the system gives.
func TestTheStatusLineSaysWhetherAProjectorFollows(t *testing.T) {
	h := opened(t, 80, 24)
	path := h.app.open.handle.Path
	if len(h.looks) != 1 {
		t.Fatalf("opening a session should look for projectors and look again later, got %v", h.looks)
	}
	h.dontWantScreen("projector")
	h.send(projectorsMsg{path: path, n: 1})
	h.wantScreen("projector follows · ")
	h.keys("F")
	h.wantScreen("projector frozen · ")
	h.send(projectorsMsg{path: path, n: 0})
	h.wantScreen("no projector follows · ")
	h.keys("F", "4", "Z")
	h.wantScreen("no projector follows · ")
	h.send(projectorsMsg{path: path, n: 2})
	h.wantScreen("projector: risk in focus · ")
	// A look for another session, or after closing, changes nothing.
	h.send(projectorsMsg{path: path + "x", n: 0})
	h.wantScreen("projector: risk in focus · ")
	h.keys("esc")
	h.send(projectorsDueMsg{path: path})
}

// TestOpeningLetsTheProjectorFollowAndPausesAStrandedClock: a program that
// died left the projector frozen and a drill clock running; opening the
// session again writes both down as the screens show them.
func TestOpeningLetsTheProjectorFollowAndPausesAStrandedClock(t *testing.T) {
	h := newHarness(t, 80, 24)
	s := h.create("Stranded", "Acme")
	s.Projector.Frozen = true
	s.Drill.Runs = []model.DrillRun{{Scenario: s.Workshop.Drill.Scenarios[0].ID, Speed: 4, Clock: 300}}
	s.Drill.Runs[0].StartClock(fixedNow.Add(-time.Hour), 100)
	path, err := h.store.Resolve(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := store.Encode(s)
	writeFile(t, path, string(data))
	h.send(common.OpenMsg{Ref: s.ID})
	got := saved(t, h)
	if run := got.Drill.Runs[0]; run.Running() || run.Clock != 300 || got.Projector.Frozen {
		t.Fatalf("after opening: run %+v, projector %+v", run, got.Projector)
	}
}

// TestReadOnlyLeavesTheProjectorAlone: a session open read-only cannot
// steer the projector, nor does it look for one.
func TestReadOnlyLeavesTheProjectorAlone(t *testing.T) {
	h := newHarness(t, 80, 24)
	s := h.create("Look only", "Acme")
	h.send(common.OpenMsg{Ref: s.ID, ReadOnly: true})
	h.keys("4", "F", "Z")
	h.wantScreen("read-only")
	if p := h.sess().Projector; p != (model.Projector{}) {
		t.Fatalf("a read-only session steered the projector: %+v", p)
	}
	if len(h.looks) != 0 {
		t.Fatalf("a read-only session looks for projectors: %v", h.looks)
	}
}
