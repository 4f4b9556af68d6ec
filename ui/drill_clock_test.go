package ui

import (
	"testing"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
)

// Bookkeeping edits (a drill clock written down, the step the room is on)
// must neither fill the undo stack nor keep putting off the autosave that
// waits for a quiet moment.
func TestBookkeepingEditsTakeNoUndoAndDoNotStarveAutosave(t *testing.T) {
	h := opened(t, 80, 24)
	h.send(common.EditMsg{Label: "set organisation", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
	for i := range 20 {
		h.send(common.EditMsg{NoUndo: true, Apply: func(s *model.Session) { s.Meta.Facilitator = "clock " + string(rune('a'+i)) }})
	}
	if h.app.open.undo.len() != 1 {
		t.Fatalf("undo holds %d changes, want only the organisation", h.app.open.undo.len())
	}
	if len(h.ticks) != 1 {
		t.Fatalf("bookkeeping edits rescheduled autosave: %d ticks", len(h.ticks))
	}
	h.deliverTicks()
	loaded, _, err := store.Load(h.app.open.handle.Path)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Meta.Organisation != "Initech" || loaded.Meta.Facilitator != "clock t" {
		t.Fatalf("on disk: %+v, want the last bookkeeping edit saved with the change", loaded.Meta)
	}
	// With nothing on its way, a bookkeeping edit schedules a save itself.
	h.send(common.EditMsg{NoUndo: true, Apply: func(s *model.Session) { s.Meta.Facilitator = "clock end" }})
	if len(h.ticks) != 1 {
		t.Fatalf("a lone bookkeeping edit should schedule a save, got %d ticks", len(h.ticks))
	}
	h.keys("u")
	if h.sess().Meta.Organisation == "Initech" {
		t.Fatal("u should take back the organisation, the last change the room made")
	}
}
