package frame

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/screentest"
)

func TestMoveStaysInTheList(t *testing.T) {
	cur := 0
	for _, c := range []struct {
		key  string
		want int
	}{{"j", 1}, {"pgdown", 6}, {"G", 9}, {"j", 9}, {"pgup", 4}, {"g", 0}, {"k", 0}} {
		if !Move(screentest.Key(c.key), &cur, 10, 5) || cur != c.want {
			t.Fatalf("%s: the cursor is on %d, want %d", c.key, cur, c.want)
		}
	}
	if Move(screentest.Key("a"), &cur, 10, 5) {
		t.Fatal("a is not a movement key")
	}
	if cur = 3; !Move(screentest.Key("j"), &cur, 0, 5) || cur != 0 {
		t.Fatalf("an empty list keeps the cursor at %d", cur)
	}
}

// A dialog takes the keys until it is answered; a form holds the room's
// words until it is closed.
func TestTheDialogAndTheFormTakeTheKeys(t *testing.T) {
	f := New(screentest.Context(time.Now).Styles, 1)
	f.SetSize(80, 24)
	f.Ask("Delete?", "", dialog.Choice{Key: "y", Label: "Delete", Msg: "deleted"})
	if !f.Typing() {
		t.Fatal("an open dialog does not take the keys")
	}
	if cmd, ok := f.DialogKey(screentest.Key("l")); !ok || cmd != nil || f.Dialog == nil {
		t.Fatal("moving between the answers closed the dialog")
	}
	if cmd, ok := f.DialogKey(screentest.Key("y")); !ok || cmd == nil || cmd() != "deleted" || f.Dialog != nil {
		t.Fatal("the answer was not given, or the dialog stayed open")
	}
	if _, ok := f.DialogKey(screentest.Key("y")); ok {
		t.Fatal("a key went to a dialog that is closed")
	}
	f.OpenForm("Name it", form.Field{Key: "name", Label: "Name"})
	key := func(k tea.KeyMsg) tea.Cmd { _, cmd := f.Form.Update(k); return cmd }
	f.Update(screentest.Key("Ana"), f.SetSize, key)
	if !f.Drafting() {
		t.Fatal("typed words are not held as a draft")
	}
	if lines, open := f.Lines(80); !open || lines[0] != "Name it" {
		t.Fatalf("the open form draws %q", lines)
	}
	f.CloseForm()
	if f.Typing() || f.Drafting() {
		t.Fatal("a closed form still takes the keys")
	}
}
