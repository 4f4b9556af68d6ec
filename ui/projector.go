package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
)

// The facilitator steers the room's view (`roundtable present`) from any
// step: F freezes it on what the room sees, Z puts the selected risk,
// objective or drill message in focus there. Both are written into the
// session with the next autosave, the only way the two programs talk; no
// step screen may bind these keys.
var projectorKeys = struct {
	Freeze, Focus key.Binding
}{
	Freeze: key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "freeze the projector / let it follow")),
	Focus:  key.NewBinding(key.WithKeys("Z"), key.WithHelp("Z", "selection in focus on the projector")),
}

// projectorCheckEvery is how often the program looks for projectors.
const projectorCheckEvery = 2 * time.Second

// projectorsMsg says how many projectors follow the session at path; a
// negative count is a system that cannot tell.
type projectorsMsg struct {
	path string
	n    int
}

// projectorsDueMsg asks for the next look.
type projectorsDueMsg struct{ path string }

// steerProjector answers F and Z.
func (a *App) steerProjector(msg tea.KeyMsg) tea.Cmd {
	sess := a.open.sess
	if a.open.readOnly {
		a.setError(errReadOnly)
		return nil
	}
	p := sess.Projector
	if key.Matches(msg, projectorKeys.Freeze) {
		step := sess.Step
		label := "The projector is frozen on what the room sees: look anything up, then F lets it follow again."
		if p.Frozen {
			label = "The projector follows again."
		}
		return a.apply(common.EditMsg{Label: label, NoUndo: true, Apply: func(s *model.Session) {
			s.Projector.Frozen, s.Projector.FrozenStep = !p.Frozen, step
		}})
	}
	kind, i, ok := a.steps.Selected()
	if !ok {
		if p.Focus.Kind != model.FocusNone {
			return a.apply(common.EditMsg{Label: "Nothing in focus on the projector now.", NoUndo: true, Apply: func(s *model.Session) {
				s.Projector.Focus = model.Focus{}
			}})
		}
		a.setStatus("Z: select a risk, an objective or a drill message first.")
		return nil
	}
	f := sess.FocusOn(kind, i)
	label := "In focus on the projector: " + string(kind) + " " + f.Title + "; Z again takes it away."
	if at, found := p.Focus.Find(sess); found && p.Focus.Kind == kind && at == i {
		f, label = model.Focus{}, "Nothing in focus on the projector now."
	}
	return a.apply(common.EditMsg{Label: label, NoUndo: true, Apply: func(s *model.Session) { s.Projector.Focus = f }})
}

// projectorOnOpen lets the projector follow a session just opened, its
// drill clock paused as the drill screen shows it, and starts looking for
// projectors.
func (a *App) projectorOnOpen() tea.Cmd {
	if a.open.readOnly {
		return nil
	}
	var cmd tea.Cmd
	if a.open.sess.Reopened() {
		cmd = a.show(a.open.touched(a.ctx.Now()))
	}
	return tea.Batch(cmd, a.lookForProjectors())
}

func (a *App) lookForProjectors() tea.Cmd {
	path := a.open.handle.Path
	return func() tea.Msg {
		n, err := store.Projectors(path)
		if err != nil {
			n = -1
		}
		return projectorsMsg{path: path, n: n}
	}
}

// projectorsSeen keeps the count for the status line, and looks again
// while the same session is open.
func (a *App) projectorsSeen(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case projectorsMsg:
		if a.open == nil || a.open.handle.Path != msg.path {
			return nil
		}
		a.projectors = msg.n
		if msg.n < 0 {
			return nil
		}
		return a.lookLater(projectorCheckEvery, projectorsDueMsg{path: msg.path})
	case projectorsDueMsg:
		if a.open == nil || a.open.handle.Path != msg.path || a.open.readOnly {
			return nil
		}
		return a.lookForProjectors()
	}
	return nil
}

// projectorState is the status line's word on the room's view: whether a
// projector follows, and what the facilitator did with it.
func (a *App) projectorState() string {
	if a.open == nil || a.open.readOnly {
		return ""
	}
	p := a.open.sess.Projector
	steered := p.Frozen || p.Focus.Kind != model.FocusNone
	switch {
	case a.projectors == 0 && steered:
		return "no projector follows"
	case p.Frozen:
		return "projector frozen"
	case p.Focus.Kind != model.FocusNone:
		return "projector: " + string(p.Focus.Kind) + " in focus"
	case a.projectors > 0:
		return "projector follows"
	}
	return ""
}
