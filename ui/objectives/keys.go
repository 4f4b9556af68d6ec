package objectives

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/roundtable/roundtable/ui/keys"
)

// keyMap holds the objectives step's own keys; global keys stay with the
// root. Digits jump between steps there, so votes are stepped with + and -
// or typed after v.
type keyMap struct {
	Pane, PaneBack         key.Binding
	Add, Edit, Delete      key.Binding
	Plus, Minus, TypeVotes key.Binding
	PerParticipant         key.Binding
	Choose, Clear          key.Binding
	Pick, Cancel           key.Binding
}

var Keys = keyMap{
	Pane:           keys.Pane.Next,
	PaneBack:       keys.Pane.Back,
	Add:            key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
	Edit:           key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", "edit")),
	Delete:         key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
	Plus:           key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "one more vote")),
	Minus:          key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "one vote fewer")),
	TypeVotes:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "type the votes")),
	PerParticipant: key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "dots per participant")),
	Choose:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose this model")),
	Clear:          key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear the choice")),
	Pick:           key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pick")),
	Cancel:         key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
}

// ShortHelp lists the main keys of what the screen shows now.
func (m *Model) ShortHelp() []key.Binding {
	k := Keys
	if bs, open := m.Frame.ShortHelp(); open {
		return bs
	}
	switch {
	case m.picking:
		return []key.Binding{k.Pick, keys.Move.Down, keys.Move.Up, k.Cancel}
	case m.pane == paneModel:
		return []key.Binding{k.Choose, keys.Move.Down, keys.Move.Up, k.Clear, k.Pane}
	}
	return []key.Binding{k.Add, k.Edit, k.Plus, k.Minus, k.TypeVotes, k.PerParticipant, k.Delete, k.Pane}
}

// FullHelp lists every key of what the screen shows now.
func (m *Model) FullHelp() [][]key.Binding {
	k := Keys
	move := []key.Binding{keys.Move.Down, keys.Move.Up, keys.Move.Top, keys.Move.Bottom}
	if groups, open := m.Frame.FullHelp(); open {
		return groups
	}
	switch {
	case m.picking:
		return [][]key.Binding{{k.Pick, k.Cancel}, move}
	case m.pane == paneModel:
		return [][]key.Binding{{k.Choose, k.Clear}, move, {k.Pane, k.PaneBack}}
	}
	return [][]key.Binding{{k.Add, k.Edit, k.Delete}, {k.Plus, k.Minus, k.TypeVotes, k.PerParticipant}, move, {k.Pane, k.PaneBack}}
}
