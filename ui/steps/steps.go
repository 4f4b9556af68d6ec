// Package steps shows a session's current step: its title and what is
// still missing above the step's own screen, one screen per kind of step.
package steps

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/details"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
)

// Model is the step screen of an open session.
type Model struct {
	ctx    common.Context
	sess   *model.Session
	rev    int
	width  int
	height int

	// missing is worked out again only when the session or the step
	// changes.
	missing             string
	builtRev, builtStep int
	built               bool

	// screensMade are the step screens made so far, by kind.
	screensMade map[model.StepKind]common.StepScreen

	// details is the open form of the session's details and participants,
	// drawn in place of the step's screen.
	details *details.Form
	// proposal is the open form of an action proposed for a finding,
	// drawn in place of the step's screen.
	proposal *proposal
}

// New shows sess, at revision rev.
func New(ctx common.Context, sess *model.Session, rev int) *Model {
	return &Model{ctx: ctx, sess: sess, rev: rev, screensMade: map[model.StepKind]common.StepScreen{}}
}

// SetSession shows a changed session; rev tells whether it changed.
func (m *Model) SetSession(sess *model.Session, rev int) {
	if m == nil {
		return
	}
	m.sess, m.rev = sess, rev
	for _, s := range m.screensMade {
		s.SetSession(sess, rev)
	}
}

// SetSize gives the screen its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	for _, s := range m.screensMade {
		s.SetSize(width, max(height-2, 0))
	}
	if m.details != nil {
		m.details.SetSize(width, max(height-2, 1))
	}
	if m.proposal != nil {
		m.proposal.form.SetSize(width, max(height-3, 1))
	}
}

// OpenDetails opens the form of the session's details and participants;
// saving it is one change of the session, undone with u.
func (m *Model) OpenDetails() tea.Cmd {
	m.details = details.New(m.ctx.Styles, m.sess.Meta, m.sess.Participants, m.sess)
	m.details.SetSize(m.width, max(m.height-2, 1))
	return m.details.Focus("title")
}

// Init does nothing: the session is already loaded.
func (m *Model) Init() tea.Cmd { return nil }

// Update hands the message to the step's screen, and keys to the details
// form while it is open: the screen's clocks keep running meanwhile.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, isKey := msg.(tea.KeyMsg); isKey && m.proposal != nil {
		return m, m.proposalKey(msg)
	}
	if _, isKey := msg.(tea.KeyMsg); isKey && m.details != nil {
		ev, cmd := m.details.Update(msg)
		switch ev.Kind {
		case form.Cancel:
			m.details = nil
		case form.Submit:
			e := m.details.Edit()
			m.details = nil
			return m, func() tea.Msg { return e }
		}
		return m, cmd
	}
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		// The step's screen has the room below the title and what is
		// missing, not the whole terminal.
		size.Width, size.Height = m.width, max(m.height-2, 0)
		msg = size
	}
	if s := m.screen(); s != nil {
		_, cmd := s.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) step() int {
	return min(max(m.sess.Step, 0), max(len(m.sess.Workshop.Steps)-1, 0))
}

// refresh works out what is missing when the session or step changed.
func (m *Model) refresh() {
	if m.built && m.builtRev == m.rev && m.builtStep == m.step() {
		return
	}
	m.built, m.builtRev, m.builtStep = true, m.rev, m.step()
	step, ok := m.sess.CurrentStep()
	if !ok {
		m.missing = ""
		return
	}
	st := m.ctx.Styles
	if missing := m.ctx.Latest.Checks(m.sess, m.rev).Missing(step.Kind); len(missing) == 0 {
		m.missing = st.Good.Render("✓ Complete: nothing is missing for this step.")
	} else {
		// The count tells the room how much is left when the line is cut.
		head := "Still missing: "
		if len(missing) > 1 {
			head = "Still missing (" + strconv.Itoa(len(missing)) + "): "
		}
		m.missing = st.Warn.Render(head + display.OneLine(strings.Join(missing, "; ")))
	}
}

// View draws the step's title, what is missing, and the step's screen.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	step, ok := m.sess.CurrentStep()
	if !ok {
		return display.FitBlock("This workshop has no steps. Its template needs a [[steps]] table.", m.width, m.height)
	}
	st := m.ctx.Styles
	if m.details != nil {
		head := display.Fit(st.Title.Render("Session details and participants"), m.width) + "\n" +
			display.Fit(st.Muted.Render("Renaming someone renames them on every step. ctrl+s saves; u undoes it."), m.width)
		return display.FitBlock(head+"\n"+m.details.View(), m.width, m.height)
	}
	if m.proposal != nil {
		return m.proposalView()
	}
	m.refresh()
	head := display.Fit(st.Title.Render(display.OneLine(step.Title)), m.width) + "\n" + display.Fit(m.missing, m.width)
	s := m.screen()
	if m.height <= 2 || s == nil {
		return display.FitBlock(head, m.width, m.height)
	}
	return head + "\n" + s.View()
}

// ShortHelp lists the main keys of the step's screen.
func (m *Model) ShortHelp() []key.Binding {
	if m.proposal != nil {
		return form.Keys.ShortHelp()
	}
	if m.details != nil {
		return m.details.ShortHelp()
	}
	if s := m.screen(); s != nil {
		return s.ShortHelp()
	}
	return nil
}

// FullHelp lists every key of the step's screen.
func (m *Model) FullHelp() [][]key.Binding {
	if m.proposal != nil {
		return form.Keys.FullHelp()
	}
	if m.details != nil {
		return m.details.FullHelp()
	}
	if s := m.screen(); s != nil {
		return s.FullHelp()
	}
	return nil
}
