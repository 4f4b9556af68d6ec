// Package keys holds the keys that mean the same on every screen (DESIGN.md
// "Keys"); each screen adds its own in its own package.
package keys

import "github.com/charmbracelet/bubbles/key"

// Global is the key contract of every screen.
type Global struct {
	Quit     key.Binding
	ForceQ   key.Binding
	Help     key.Binding
	PrevStep key.Binding
	NextStep key.Binding
	Jump     key.Binding
	Back     key.Binding
	Undo     key.Binding
	Redo     key.Binding
	Export   key.Binding
	Ask      key.Binding
	// Details opens the session's details and participants from any
	// step, so no step screen may bind P.
	Details key.Binding
}

// Keys is the key contract.
var Keys = Global{
	Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	ForceQ:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	PrevStep: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous step")),
	NextStep: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next step")),
	Jump:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "go to step")),
	Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "home")),
	Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
	Redo:     key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "redo")),
	Export:   key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "export the plan")),
	Ask:      key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "questions for the room")),
	Details:  key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "details and participants")),
}

// Pane moves between the panes of a screen, in turn and back.
var Pane = struct{ Next, Back key.Binding }{
	Next: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
	Back: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
}

// Move is the movement inside a list or view.
var Move = struct {
	Up, Down, Left, Right, PageUp, PageDown, Top, Bottom key.Binding
}{
	Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
	Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
	Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "left")),
	Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "right")),
	PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
	PageDown: key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn", "page down")),
	Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
	Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
}
