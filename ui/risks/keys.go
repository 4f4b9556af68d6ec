package risks

import (
	"github.com/charmbracelet/bubbles/key"
)

// keyMap holds the register's own keys; global keys stay with the root.
type keyMap struct {
	Up, Down, Left, Right, PageUp, PageDown, Top, Bottom key.Binding
	Add, Edit, Delete, Sort, Filter, Pane, ClearCell     key.Binding
	FilterDone, FilterClear                              key.Binding
}

var Keys = keyMap{
	Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
	Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
	Left:        key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "less likely")),
	Right:       key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "more likely")),
	PageUp:      key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
	PageDown:    key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
	Top:         key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first")),
	Bottom:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
	Add:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add risk")),
	Edit:        key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", "edit risk")),
	Delete:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete risk")),
	Sort:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by score / register order")),
	Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
	Pane:        key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "list / heat map")),
	ClearCell:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "show every cell")),
	FilterDone:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
	FilterClear: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
}

// mapKeys are the heat map's moves: likelihood runs left to right, impact
// bottom to top, as on the map.
var mapKeys = struct{ Up, Down key.Binding }{
	Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "more impact")),
	Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "less impact")),
}

// ShortHelp lists the main keys of what the screen shows now.
func (m *Model) ShortHelp() []key.Binding {
	k := Keys
	if bs, open := m.Frame.ShortHelp(); open {
		return bs
	}
	switch {
	case m.filtering:
		return []key.Binding{k.FilterDone, k.FilterClear}
	case m.onMap:
		return []key.Binding{k.Left, k.Right, mapKeys.Up, mapKeys.Down, k.ClearCell, k.Pane}
	}
	return []key.Binding{k.Add, k.Edit, k.Delete, k.Sort, k.Filter, k.Pane}
}

// FullHelp lists every key of what the screen shows now.
func (m *Model) FullHelp() [][]key.Binding {
	k := Keys
	if groups, open := m.Frame.FullHelp(); open {
		return groups
	}
	switch {
	case m.filtering:
		return [][]key.Binding{{k.FilterDone, k.FilterClear}}
	}
	return [][]key.Binding{
		{k.Add, k.Edit, k.Delete},
		{k.Sort, k.Filter, k.ClearCell, k.Pane},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Left, k.Right, mapKeys.Up, mapKeys.Down},
	}
}
