// Package common holds what Roundtable's screens share with the root model:
// the contract every screen keeps, the context handed to all of them, and
// the messages by which a screen asks the root to act.
package common

import (
	"strconv"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/theme"
)

// Component is a screen: a tea.Model that lists its keys for the help line
// and draws itself in the space the root gives it. The root forwards
// messages only to the active screen, and window sizes to every screen.
type Component interface {
	tea.Model
	help.KeyMap
	SetSize(width, height int)
}

// Typer is a screen that may have a text field in focus; while it does, keys
// go to the screen before any global key, so q or 1 types instead of
// quitting or jumping.
type Typer interface {
	Typing() bool
}

// Drafter is a screen that may hold words the room typed into an open form
// and has not saved yet; ctrl+c warns once before quitting without them.
type Drafter interface {
	Drafting() bool
}

// Context is handed to every screen.
type Context struct {
	Styles *theme.Styles
	// Now is the clock; tests fix it so relative times are stable.
	Now func() time.Time
	// Latest shares what every screen works out from the open session
	// at its latest revision; nil works it out on each question.
	Latest *Latest
}

// EditMsg asks the root to change the open session. The root keeps a copy
// for undo, applies Apply, marks the session unsaved and schedules a save,
// so every screen gets undo and autosave by sending this one message.
type EditMsg struct {
	// Label names the change in the status line: "added risk", …
	Label string
	Apply func(*model.Session)
	// NoUndo saves the change without an undo entry: bookkeeping such as
	// the running drill clock would otherwise bury the room's own changes.
	NoUndo bool
}

// OpenMsg asks the root to open a session by reference.
type OpenMsg struct {
	Ref      string
	ReadOnly bool
}

// NewSessionMsg asks the root to show the new-session form.
type NewSessionMsg struct{}

// CreateMsg asks the root to store a new session and open it.
type CreateMsg struct {
	Session *model.Session
}

// HomeMsg asks the root to show the home screen.
type HomeMsg struct{}

// StatusMsg puts a line in the status bar. With a session open an Err stays
// until the next save succeeds; on the home screen, until the next message.
// A plain Text is replaced by the next message.
type StatusMsg struct {
	Text string
	Err  error
}

// Status returns a command that shows text in the status bar.
func Status(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text} }
}

// Fail returns a command that shows err in the status bar.
func Fail(err error) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Err: err} }
}

// StepScreen is the interactive screen of one kind of step. The step screen
// draws the step's title and what is still missing above it; the screen
// draws the rest and changes the session only by sending EditMsg, so undo
// and autosave work the same on every step.
// Flusher is a screen that writes some bookkeeping down lazily, such as a
// running drill clock: the root asks it for that last change before it
// saves on the way out, so nothing is left behind.
type Flusher interface {
	// Flush returns the change to apply, or false when there is none.
	Flush() (EditMsg, bool)
}

// Focuser is a step screen with a selected item the facilitator can put
// in focus on the projector (`roundtable present`): a risk, an objective,
// a drill message.
type Focuser interface {
	// Selected is the kind and index of the selected item, false when none
	// is selected.
	Selected() (model.FocusKind, int, bool)
}

// FindingHolder is a step screen whose cursor can rest on something a
// finding is about: a RACI cell, a risk, an objective, the drill's roles
// and injects, the review's list of findings.
type FindingHolder interface {
	// Finding is the open finding under the cursor, false when there is
	// none or a form has the keys.
	Finding() (model.OpenFinding, bool)
}

type StepScreen interface {
	Component
	Typer
	// SetSession shows sess at revision rev; rev changes whenever the
	// session does, so a screen can keep what it rendered until then.
	SetSession(sess *model.Session, rev int)
}

// Ask is the line that opens a step: the first question the facilitator
// asks the room, cut to width cells, and how to see them all when there are
// more (the p key shows every question of the step).
func Ask(prompts []string, width int) string {
	if len(prompts) == 0 || width <= 0 {
		return ""
	}
	line := "Ask the room: " + display.OneLine(prompts[0])
	if len(prompts) == 1 {
		return display.Fit(line, width)
	}
	more := " · p: all " + strconv.Itoa(len(prompts)) + " questions"
	if display.Width(more) >= width {
		return display.Fit(line, width)
	}
	return display.Fit(line, width-display.Width(more)) + more
}
