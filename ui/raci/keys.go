package raci

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// keyMap holds the grid's own keys; global keys stay with the root.
type keyMap struct {
	Up, Down, Left, Right, PageUp, PageDown, Top, Bottom, First, Last key.Binding
	R, A, C, I, Clear, Suggest, Add, Edit, Delete                     key.Binding
	RowUp, RowDown, ColLeft, ColRight                                 key.Binding
}

// Space clears a cell here, so paging uses only the page keys.
var Keys = keyMap{
	Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous activity")),
	Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next activity")),
	Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous role")),
	Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next role")),
	PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
	PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
	Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first activity")),
	Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last activity")),
	First:    key.NewBinding(key.WithKeys("0"), key.WithHelp("0", "first role")),
	Last:     key.NewBinding(key.WithKeys("$"), key.WithHelp("$", "last role")),

	R:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "responsible")),
	A:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "accountable")),
	C:       key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "consulted")),
	I:       key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "informed")),
	Clear:   key.NewBinding(key.WithKeys(" ", "x"), key.WithHelp("space/x", "clear cell")),
	Suggest: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "suggested letters in empty cells")),
	Add:     key.NewBinding(key.WithKeys("+"), key.WithHelp("+", "add activity or role")),
	Edit:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit activity or role")),
	Delete:  key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete activity or role")),

	// Shifted movement keys carry the row or column along with the cursor.
	RowUp:    key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "move activity up")),
	RowDown:  key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", "move activity down")),
	ColLeft:  key.NewBinding(key.WithKeys("H", "shift+left"), key.WithHelp("H", "move role left")),
	ColRight: key.NewBinding(key.WithKeys("L", "shift+right"), key.WithHelp("L", "move role right")),
}

func matches(msg tea.KeyMsg, b key.Binding) bool { return key.Matches(msg, b) }

func itoa(n int) string { return strconv.Itoa(n) }

// ShortHelp lists the main keys of what the screen shows now.
func (m *Model) ShortHelp() []key.Binding {
	if bs, open := m.Frame.ShortHelp(); open {
		return bs
	}
	k := Keys
	return []key.Binding{k.R, k.A, k.C, k.I, k.Clear, k.Suggest, k.Add}
}

// FullHelp lists every key of what the screen shows now.
func (m *Model) FullHelp() [][]key.Binding {
	if groups, open := m.Frame.FullHelp(); open {
		return groups
	}
	k := Keys
	return [][]key.Binding{
		{k.R, k.A, k.C, k.I, k.Clear},
		{k.Suggest, k.Add, k.Edit, k.Delete},
		{k.RowUp, k.RowDown, k.ColLeft, k.ColRight},
		{k.Up, k.Down, k.Left, k.Right},
		{k.PageUp, k.PageDown, k.Top, k.Bottom, k.First, k.Last},
	}
}
