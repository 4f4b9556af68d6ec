// Package frame is what every step screen draws and answers alike around
// its own content: a form or a dialog opened over it, with their keys and
// their help; the message loop that sends keys to them first; the line that
// asks the room the step's question; and the cursor keys of a list.
package frame

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/keys"
	"github.com/roundtable/roundtable/ui/theme"
)

// Frame is embedded in a step screen. Form is the open form, titled
// FormTitle, and Dialog the open question; at most one is drawn, the
// dialog over the form.
type Frame struct {
	Form      *form.Form
	FormTitle string
	Dialog    *dialog.Dialog

	styles  *theme.Styles
	heading theme.Ink
	// head is how many lines the screen draws above an open form.
	head          int
	width, height int
}

// New is the frame of a screen that draws head lines above an open form.
func New(styles *theme.Styles, head int) Frame {
	return Frame{styles: styles, heading: theme.InkOf(styles.Heading), head: head}
}

// Init does nothing: a step screen shows a session already read, and its
// clocks start when the room starts them.
func (f *Frame) Init() tea.Cmd { return nil }

// SetSize gives an open form the screen's space below its head.
func (f *Frame) SetSize(width, height int) {
	f.width, f.height = max(width, 0), max(height, 0)
	if f.Form != nil {
		f.Form.SetSize(max(f.width, 1), max(f.height-f.head, 1))
	}
}

// SetHead changes how many lines are drawn above an open form, for a
// screen whose head differs between its views; SetSize then sizes it.
func (f *Frame) SetHead(head int) { f.head = head }

// OpenForm opens a form of fields over the screen, titled title.
func (f *Frame) OpenForm(title string, fields ...form.Field) {
	f.Form, f.FormTitle = form.New(f.styles, fields...), title
	f.SetSize(f.width, f.height)
}

// CloseForm closes the open form.
func (f *Frame) CloseForm() { f.Form, f.FormTitle = nil, "" }

// Ask opens a dialog over the screen.
func (f *Frame) Ask(title, body string, choices ...dialog.Choice) *dialog.Dialog {
	f.Dialog = dialog.New(f.styles, title, body, choices...)
	return f.Dialog
}

// Typing reports whether a form or dialog is open: keys then go to it, and
// esc closes it instead of leaving the step.
func (f *Frame) Typing() bool { return f.Form != nil || f.Dialog != nil }

// Drafting reports whether the open form holds words not saved yet.
func (f *Frame) Drafting() bool { return f.Form != nil && f.Form.Edited() }

// Update is the message loop every step screen shares: a new size for the
// screen, keys to key (which hands them to DialogKey first), and anything
// else to the open form, whose fields blink and paste.
func (f *Frame) Update(msg tea.Msg, setSize func(width, height int), key func(tea.KeyMsg) tea.Cmd) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		setSize(msg.Width, msg.Height)
	case tea.KeyMsg:
		return key(msg)
	default:
		if f.Form != nil {
			_, cmd := f.Form.Update(msg)
			return cmd
		}
	}
	return nil
}

// DialogKey gives a key to the open dialog, which closes once answered;
// false when no dialog is open.
func (f *Frame) DialogKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if f.Dialog == nil {
		return nil, false
	}
	done, cmd := f.Dialog.Update(msg)
	if done {
		f.Dialog = nil
	}
	return cmd, true
}

// Lines draws the open dialog, or the open form under its title, in width
// cells; false when neither is open.
func (f *Frame) Lines(width int) ([]string, bool) {
	switch {
	case f.Dialog != nil:
		return strings.Split(f.Dialog.View(width), "\n"), true
	case f.Form != nil:
		title := f.heading.Paint(display.Fit(display.OneLine(f.FormTitle), width))
		return append([]string{title}, strings.Split(f.Form.View(), "\n")...), true
	}
	return nil, false
}

// ShortHelp is the open dialog's or form's main keys; false when neither
// is open.
func (f *Frame) ShortHelp() ([]key.Binding, bool) {
	switch {
	case f.Dialog != nil:
		return f.Dialog.ShortHelp(), true
	case f.Form != nil:
		return form.Keys.ShortHelp(), true
	}
	return nil, false
}

// FullHelp is every key of the open dialog or form; false when neither is
// open.
func (f *Frame) FullHelp() ([][]key.Binding, bool) {
	switch {
	case f.Dialog != nil:
		return f.Dialog.FullHelp(), true
	case f.Form != nil:
		return form.Keys.FullHelp(), true
	}
	return nil, false
}

// AskLine is the first line of a step of kind: the first question the
// facilitator asks the room, in width cells (common.Ask), in ink; "" unless
// the session is on such a step and its workshop asks something there.
func AskLine(sess *model.Session, kind model.StepKind, width int, ink theme.Ink) string {
	step, ok := sess.CurrentStep()
	if !ok || step.Kind != kind || len(step.Prompts) == 0 {
		return ""
	}
	return ink.Paint(common.Ask(step.Prompts, width))
}

// Move moves the cursor cur of a list of n rows for the movement keys,
// page rows at a time for page up and down, and reports whether the key
// was one of them.
func Move(msg tea.KeyMsg, cur *int, n, page int) bool {
	page = max(page, 1)
	switch {
	case key.Matches(msg, keys.Move.Up):
		*cur--
	case key.Matches(msg, keys.Move.Down):
		*cur++
	case key.Matches(msg, keys.Move.PageUp):
		*cur -= page
	case key.Matches(msg, keys.Move.PageDown):
		*cur += page
	case key.Matches(msg, keys.Move.Top):
		*cur = 0
	case key.Matches(msg, keys.Move.Bottom):
		*cur = n - 1
	default:
		return false
	}
	*cur = min(max(*cur, 0), max(n-1, 0))
	return true
}
