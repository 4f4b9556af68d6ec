package listen

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/roundtable/roundtable/ui/keys"
)

// keyMap holds the listening step's own keys; global keys stay with the root.
type keyMap struct {
	Pane, PaneBack               key.Binding
	Column, Plus, Minus, TypeNum key.Binding
	Add, Edit, Delete            key.Binding
	MoveUp, MoveDown             key.Binding
}

var Keys = keyMap{
	Pane:     keys.Pane.Next,
	PaneBack: keys.Pane.Back,
	Column:   key.NewBinding(key.WithKeys("left", "h", "right", "l"), key.WithHelp("←/→", "reads/creates")),
	Plus:     key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "one more")),
	Minus:    key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "one fewer")),
	TypeNum:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "type the count")),
	Add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
	Edit:     key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", "edit")),
	Delete:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
	MoveUp:   key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "move up")),
	MoveDown: key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "move down")),
}

// ShortHelp lists the main keys of what the screen shows now.
func (m *Model) ShortHelp() []key.Binding {
	if bs, open := m.Frame.ShortHelp(); open {
		return bs
	}
	k := Keys
	switch m.pane {
	case panePoll:
		return []key.Binding{k.Plus, k.Minus, k.TypeNum, k.Column, keys.Move.Down, keys.Move.Up, k.Pane}
	case paneInventory:
		return []key.Binding{k.Add, k.Edit, k.Delete, k.MoveUp, k.MoveDown, keys.Move.Down, keys.Move.Up, k.Pane}
	}
	return []key.Binding{k.Add, k.Edit, k.Delete, k.MoveUp, k.MoveDown, keys.Move.Down, keys.Move.Up, k.Pane}
}

// FullHelp lists every key of what the screen shows now.
func (m *Model) FullHelp() [][]key.Binding {
	if groups, open := m.Frame.FullHelp(); open {
		return groups
	}
	k := Keys
	move := []key.Binding{keys.Move.Down, keys.Move.Up, keys.Move.PageDown, keys.Move.PageUp, keys.Move.Top, keys.Move.Bottom}
	panes := []key.Binding{k.Pane, k.PaneBack}
	switch m.pane {
	case panePoll:
		return [][]key.Binding{{k.Plus, k.Minus, k.TypeNum, k.Column}, move, panes}
	}
	return [][]key.Binding{{k.Add, k.Edit, k.Delete}, {k.MoveUp, k.MoveDown}, move, panes}
}
