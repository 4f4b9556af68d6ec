package review

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/roundtable/roundtable/ui/keys"
)

// keyMap is the review screen's own keys.
type keyMap struct {
	Pane, PaneBack          key.Binding
	Add, Edit, Delete       key.Binding
	Done, Export            key.Binding
	Propose                 key.Binding
	Up, Down                key.Binding
	PageUp, PageDown        key.Binding
	Top, Bottom             key.Binding
	ScrollLeft, ScrollRight key.Binding
}

var Keys = keyMap{
	Pane:     keys.Pane.Next,
	PaneBack: keys.Pane.Back,
	Add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add action")),
	Edit:     key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", "edit action")),
	Delete:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete action")),
	Done:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "mark done/open")),
	// A on a finding is the root's, on every step; on the findings pane
	// enter does the same.
	Propose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter/A", "propose an action for the finding")),
	// The root handles ctrl+e; it is listed here so the review step's
	// help says where the plan goes.
	Export:      key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "export the plan")),
	Up:          keys.Move.Up,
	Down:        keys.Move.Down,
	PageUp:      keys.Move.PageUp,
	PageDown:    keys.Move.PageDown,
	Top:         keys.Move.Top,
	Bottom:      keys.Move.Bottom,
	ScrollLeft:  keys.Move.Left,
	ScrollRight: keys.Move.Right,
}

// ShortHelp lists the keys of the pane in view.
func (m *Model) ShortHelp() []key.Binding {
	if bs, open := m.Frame.ShortHelp(); open {
		return bs
	}
	switch {
	case m.pane == actionsPane:
		return []key.Binding{Keys.Pane, Keys.Add, Keys.Edit, Keys.Delete, Keys.Done, Keys.Export}
	case m.pane == findingsPane:
		return []key.Binding{Keys.Pane, Keys.Propose, Keys.Down, Keys.Up}
	}
	return []key.Binding{Keys.Pane, Keys.Down, Keys.Up, Keys.Export}
}

// FullHelp lists every key of the screen.
func (m *Model) FullHelp() [][]key.Binding {
	if groups, open := m.Frame.FullHelp(); open {
		return groups
	}
	return [][]key.Binding{
		{Keys.Pane, Keys.PaneBack, Keys.Export},
		{Keys.Add, Keys.Edit, Keys.Delete, Keys.Done, Keys.Propose},
		{Keys.Up, Keys.Down, Keys.PageUp, Keys.PageDown, Keys.Top, Keys.Bottom},
	}
}
