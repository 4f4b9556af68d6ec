// Package dialog is the small box that asks the room a question before
// something happens: delete this session? open it read-only? Each choice has
// its own key; esc always means "no, leave it".
package dialog

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/theme"
)

// Choice is one answer to a dialog.
type Choice struct {
	// Key is the key that picks the choice, e.g. "y".
	Key   string
	Label string
	// Msg is sent when the choice is picked; nil just closes the dialog.
	Msg tea.Msg
}

// Dialog is a question with choices.
type Dialog struct {
	Title   string
	Body    string
	Choices []Choice
	// Cancel is sent on esc; nil just closes the dialog.
	Cancel tea.Msg
	styles *theme.Styles
	cursor int
}

// New makes a dialog.
func New(styles *theme.Styles, title, body string, choices ...Choice) *Dialog {
	return &Dialog{Title: title, Body: body, Choices: choices, styles: styles}
}

// ClosedMsg tells the screen that owns the dialog to drop it.
type ClosedMsg struct{}

// Keys are the dialog's own keys.
var Keys = struct{ Move, Pick, Close key.Binding }{
	Move:  key.NewBinding(key.WithKeys("left", "right", "h", "l", "tab", "shift+tab"), key.WithHelp("←/→", "choose")),
	Pick:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
	Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
}

// ShortHelp lists the dialog's keys.
func (d *Dialog) ShortHelp() []key.Binding {
	bs := make([]key.Binding, 0, len(d.Choices)+3)
	for _, c := range d.Choices {
		bs = append(bs, key.NewBinding(key.WithKeys(c.Key), key.WithHelp(c.Key, strings.ToLower(c.Label))))
	}
	return append(bs, Keys.Move, Keys.Pick, Keys.Close)
}

// FullHelp lists the dialog's keys.
func (d *Dialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

// Update handles a key. It returns done when the dialog should close, and
// the command carrying the chosen message.
func (d *Dialog) Update(msg tea.Msg) (done bool, cmd tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return false, nil
	}
	s := km.String()
	switch {
	case key.Matches(km, Keys.Close):
		return true, send(d.Cancel)
	case key.Matches(km, Keys.Pick):
		if d.cursor < len(d.Choices) {
			return true, send(d.Choices[d.cursor].Msg)
		}
		return true, nil
	case s == "left" || s == "h" || s == "shift+tab":
		if len(d.Choices) > 0 {
			d.cursor = (d.cursor + len(d.Choices) - 1) % len(d.Choices)
		}
		return false, nil
	case s == "right" || s == "l" || s == "tab":
		if len(d.Choices) > 0 {
			d.cursor = (d.cursor + 1) % len(d.Choices)
		}
		return false, nil
	}
	for _, c := range d.Choices {
		if s == c.Key {
			return true, send(c.Msg)
		}
	}
	return false, nil
}

func send(msg tea.Msg) tea.Cmd {
	if msg == nil {
		return nil
	}
	return func() tea.Msg { return msg }
}

// View draws the dialog no wider than width.
func (d *Dialog) View(width int) string {
	st := d.styles
	inner := max(min(width-4, 72), 1)
	var lines []string
	lines = append(lines, st.Title.Render(display.Fit(display.OneLine(d.Title), inner)))
	if d.Body != "" {
		lines = append(lines, "")
		lines = append(lines, display.Wrap(d.Body, inner)...)
	}
	lines = append(lines, "")
	var buttons []string
	for i, c := range d.Choices {
		label := "[" + c.Key + "] " + c.Label
		if i == d.cursor {
			buttons = append(buttons, st.Selected.Render("› "+label))
		} else {
			buttons = append(buttons, "  "+label)
		}
	}
	buttons = append(buttons, st.Muted.Render("  [esc] cancel"))
	lines = append(lines, wrapButtons(buttons, inner)...)
	for i, l := range lines {
		lines[i] = display.Fit(l, inner)
	}
	if width < 6 {
		return strings.Join(lines, "\n")
	}
	return st.Dialog.Render(strings.Join(lines, "\n"))
}

func wrapButtons(buttons []string, width int) []string {
	var out []string
	cur := ""
	for _, b := range buttons {
		switch {
		case cur == "":
			cur = b
		case display.Width(cur)+2+display.Width(b) <= width:
			cur += "  " + b
		default:
			out = append(out, cur)
			cur = b
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}
