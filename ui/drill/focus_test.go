package drill

import (
	"testing"

	"github.com/roundtable/roundtable/model"
)

// TestTheSelectedMessageCanBeInFocus: on the messages pane the selected
// message is what the projector can show large; elsewhere nothing is.
func TestTheSelectedMessageCanBeInFocus(t *testing.T) {
	r := startLeak(t, 80, 22)
	if _, _, ok := r.m.Selected(); ok {
		t.Fatal("the events pane offers an item for focus")
	}
	r.Keys("m", "We are sorry.", "ctrl+s")
	r.Keys("m", "More at noon.", "ctrl+s")
	kind, i, ok := r.m.Selected()
	if !ok || kind != model.FocusMessage || i != 1 {
		t.Fatalf("selected %v %d %v, want the newest message", kind, i, ok)
	}
	r.Keys("left")
	if _, i, _ := r.m.Selected(); i != 0 {
		t.Fatalf("after ← the selected message is %d", i)
	}
}
