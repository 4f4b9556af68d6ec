package review

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/roundtable/roundtable/ui/keys"
)

// keyMap is the review screen's own keys.
type keyMap struct {
	NextPane, PrevPane   key.Binding
	Add, Edit, Delete    key.Binding
	Done, Export         key.Binding
	Propose              key.Binding
	Up, Down             key.Binding
	PageUp, PageDown     key.Binding
	Top, Bottom          key.Binding
	ScrollL, ScrollRight key.Binding
}

var reviewKeys = keyMap{
	NextPane: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
	PrevPane: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
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
	ScrollL:     keys.Move.Left,
	ScrollRight: keys.Move.Right,
}
