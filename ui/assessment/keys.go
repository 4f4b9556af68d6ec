package assessment

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/roundtable/roundtable/ui/keys"
)

// keyMap holds the self-assessment's keys. Digits jump between steps, so
// ratings are stepped with + and - or typed after enter.
type keyMap struct {
	Side, Plus, Minus, TypeRating, Clear, Notes, Sort key.Binding
}

var Keys = keyMap{
	Side:       key.NewBinding(key.WithKeys("left", "h", "right", "l", "tab", "shift+tab"), key.WithHelp("←/→", "IT/business")),
	Plus:       key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "rate higher")),
	Minus:      key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "rate lower")),
	TypeRating: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "type the rating")),
	Clear:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "not rated")),
	Notes:      key.NewBinding(key.WithKeys("e", "n"), key.WithHelp("e", "notes")),
	Sort:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by gap")),
}

// ShortHelp lists the main keys of what the screen shows now.
func (m *Model) ShortHelp() []key.Binding {
	if bs, open := m.Frame.ShortHelp(); open {
		return bs
	}
	k := Keys
	return []key.Binding{k.Plus, k.Minus, k.Side, k.TypeRating, k.Notes, k.Sort, keys.Move.Down, keys.Move.Up}
}

// FullHelp lists every key of what the screen shows now.
func (m *Model) FullHelp() [][]key.Binding {
	if groups, open := m.Frame.FullHelp(); open {
		return groups
	}
	k := Keys
	return [][]key.Binding{
		{k.Plus, k.Minus, k.TypeRating, k.Clear, k.Side},
		{k.Notes, k.Sort},
		{keys.Move.Down, keys.Move.Up, keys.Move.PageDown, keys.Move.PageUp, keys.Move.Top, keys.Move.Bottom},
	}
}
