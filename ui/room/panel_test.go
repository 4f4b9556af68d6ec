package room

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/ui/screentest"
)

// TestPanelChoicesActBeforeTheNextKey: keys typed faster than commands run
// ("o", "v", "a" in one go) open the anonymous dot vote they spell, without
// waiting for the dialog's message to come back.
func TestPanelChoicesActBeforeTheNextKey(t *testing.T) {
	r := newRig(t)
	p := NewPanel(screentest.Context(time.Now), r.s, true)
	p.SetSession(pollSession())
	for _, k := range "ova" {
		p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{k}})
	}
	u := r.s.Update()
	if !u.Open || u.Tally.Kind != "dots" || !u.Tally.Anonymous || p.Typing() {
		t.Fatalf("after o, v, a: open %v, %+v, a dialog still open %v", u.Open, u.Tally.Activity, p.Typing())
	}
}
