// Package screentest drives a step screen as the root would, for the step
// screens' tests: keys go in, each common.EditMsg is applied to the session
// and the session is shown again at the next revision, and the ansi-stripped
// view is there to read.
package screentest

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/theme"
)

// Rig holds a step screen, the session it shows and what it asked of the
// root so far.
type Rig struct {
	Screen  common.StepScreen
	Session *model.Session
	// Rev is the revision the screen shows now; it starts at 0 and counts
	// every edit the rig applied.
	Rev int
	// Edits are the changes the screen asked for, in order.
	Edits []common.EditMsg
	// Status is every line the root would have put in the status bar:
	// the labels of edits and the screen's own status messages.
	Status []string

	t testing.TB
}

// New shows s on screen at revision 0 and width×height.
func New(t testing.TB, screen common.StepScreen, s *model.Session, width, height int) *Rig {
	screen.SetSession(s, 0)
	screen.SetSize(width, height)
	return &Rig{Screen: screen, Session: s, t: t}
}

var named = map[string]tea.KeyMsg{
	"enter":     {Type: tea.KeyEnter},
	"esc":       {Type: tea.KeyEsc},
	"tab":       {Type: tea.KeyTab},
	"shift+tab": {Type: tea.KeyShiftTab},
	"up":        {Type: tea.KeyUp},
	"down":      {Type: tea.KeyDown},
	"left":      {Type: tea.KeyLeft},
	"right":     {Type: tea.KeyRight},
	"pgup":      {Type: tea.KeyPgUp},
	"pgdown":    {Type: tea.KeyPgDown},
	"home":      {Type: tea.KeyHome},
	"end":       {Type: tea.KeyEnd},
	"backspace": {Type: tea.KeyBackspace},
	"delete":    {Type: tea.KeyDelete},
	"ctrl+s":    {Type: tea.KeyCtrlS},
	"ctrl+u":    {Type: tea.KeyCtrlU},
	// A terminal sends the space bar as a key that is also a rune.
	"space": {Type: tea.KeySpace, Runes: []rune{' '}},
}

// Key is the key press a terminal sends for name ("enter", "shift+tab",
// "pgdown", "space", …); any other string is typed as text, at once.
func Key(name string) tea.KeyMsg {
	if k, ok := named[name]; ok {
		return k
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// Keys presses each key in turn, as Key reads it.
func (r *Rig) Keys(names ...string) {
	for _, k := range names {
		r.Send(Key(k))
	}
}

// Send gives msg to the screen and runs the command it returns.
func (r *Rig) Send(msg tea.Msg) {
	_, cmd := r.Screen.Update(msg)
	r.run(cmd)
}

// run does what the root does with a command's message: it applies edits,
// keeps status lines and hands anything else back to the screen.
func (r *Rig) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			r.run(c)
		}
	case common.EditMsg:
		r.Edits = append(r.Edits, msg)
		msg.Apply(r.Session)
		r.Show(r.Session)
		if msg.Label != "" {
			r.Status = append(r.Status, msg.Label)
		}
	case common.StatusMsg:
		if msg.Err != nil {
			r.Status = append(r.Status, msg.Err.Error())
		} else {
			r.Status = append(r.Status, msg.Text)
		}
	default:
		r.Send(msg)
	}
}

// Show puts s on screen at the next revision, as the root does after an
// edit, an undo or a change of step.
func (r *Rig) Show(s *model.Session) {
	r.Session = s
	r.Rev++
	r.Screen.SetSession(s, r.Rev)
}

// View is the screen as a user reads it, without colours.
func (r *Rig) View() string { return ansi.Strip(r.Screen.View()) }

// WantView fails the test unless the view shows every part.
func (r *Rig) WantView(parts ...string) {
	r.t.Helper()
	v := r.View()
	for _, p := range parts {
		if !strings.Contains(v, p) {
			r.t.Errorf("the view should show %q:\n%s", p, v)
		}
	}
}

// DontWantView fails the test if the view shows any part.
func (r *Rig) DontWantView(parts ...string) {
	r.t.Helper()
	v := r.View()
	for _, p := range parts {
		if strings.Contains(v, p) {
			r.t.Errorf("the view should not show %q:\n%s", p, v)
		}
	}
}

// LastLabel is the label of the last edit, or "" before any.
func (r *Rig) LastLabel() string {
	if len(r.Edits) == 0 {
		return ""
	}
	return r.Edits[len(r.Edits)-1].Label
}

// LastStatus is the status line the root would show now, or "" before any.
func (r *Rig) LastStatus() string {
	if len(r.Status) == 0 {
		return ""
	}
	return r.Status[len(r.Status)-1]
}

// Main runs a screen package's tests as a terminal without colour draws
// the screens, so views compare as plain text.
func Main(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// Context is what the root hands a screen, for tests: the dark palette and
// the clock now, which a test may move by hand.
func Context(now func() time.Time) common.Context {
	return common.Context{Styles: theme.New(theme.Dark), Now: now}
}

// Screen is a Rig with the step screen's own model at hand, for tests that
// look at what only that screen knows.
type Screen[M common.StepScreen] struct {
	*Rig
	M M
}

// Open makes a screen with newScreen, in the test Context on the wall
// clock, and shows s on it at width×height.
func Open[M common.StepScreen](t testing.TB, newScreen func(common.Context) M, s *model.Session, width, height int) *Screen[M] {
	m := newScreen(Context(time.Now))
	return &Screen[M]{New(t, m, s, width, height), m}
}
