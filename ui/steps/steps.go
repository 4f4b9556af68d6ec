// Package steps shows a session's steps: for each step its prompts, what is
// still missing, and everything the room has recorded, laid out so a
// facilitator can put it on the projector. The rendered page is cached and
// only the visible window is drawn, so big sessions stay instant.
package steps

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/keys"
)

// Model is the step screen of an open session.
type Model struct {
	ctx    common.Context
	sess   *model.Session
	rev    int
	width  int
	height int
	view   viewport.Model

	// The page is rebuilt only when the session, the step or the width
	// changes; scrolling just moves the window.
	builtRev, builtStep, builtWidth int
	missing                         string
	built                           bool
	offsets                         map[int]int

	// screensMade are the interactive step screens made so far, by kind.
	screensMade map[model.StepKind]common.StepScreen
}

// New shows sess, at revision rev.
func New(ctx common.Context, sess *model.Session, rev int) *Model {
	v := viewport.New(0, 0)
	v.KeyMap = viewport.KeyMap{
		PageDown:     keys.Move.PageDown,
		PageUp:       keys.Move.PageUp,
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u")),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d")),
		Up:           keys.Move.Up,
		Down:         keys.Move.Down,
		Left:         keys.Move.Left,
		Right:        keys.Move.Right,
	}
	v.SetHorizontalStep(8)
	return &Model{ctx: ctx, sess: sess, rev: rev, view: v, offsets: map[int]int{},
		screensMade: map[model.StepKind]common.StepScreen{}}
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
	m.view.Width = max(width, 0)
	m.view.Height = max(height-2, 0)
	for _, s := range m.screensMade {
		s.SetSize(width, max(height-2, 0))
	}
}

// Init does nothing: the session is already loaded.
func (m *Model) Init() tea.Cmd { return nil }

// Update hands the message to the step's screen, or scrolls the page of a
// step that has none.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.refresh()
	if s := m.screen(); s != nil {
		_, cmd := s.Update(msg)
		return m, cmd
	}
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, keys.Move.Top):
			m.view.GotoTop()
			return m, nil
		case key.Matches(km, keys.Move.Bottom):
			m.view.GotoBottom()
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	m.offsets[m.step()] = m.view.YOffset
	return m, cmd
}

func (m *Model) step() int {
	return min(max(m.sess.Step, 0), max(len(m.sess.Workshop.Steps)-1, 0))
}

// refresh rebuilds the page when the session, step or width changed.
func (m *Model) refresh() {
	if m.built && m.builtRev == m.rev && m.builtStep == m.step() && m.builtWidth == m.width {
		return
	}
	stepChanged := !m.built || m.builtStep != m.step()
	m.built, m.builtRev, m.builtStep, m.builtWidth = true, m.rev, m.step(), m.width
	step, ok := m.sess.CurrentStep()
	if !ok {
		m.missing = ""
		m.view.SetContent("This workshop has no steps. Its template needs a [[steps]] table.")
		return
	}
	missing := m.sess.Missing(step.Kind)
	st := m.ctx.Styles
	if len(missing) == 0 {
		m.missing = st.Good.Render("✓ Complete: nothing is missing for this step.")
	} else {
		m.missing = st.Warn.Render("Still missing: " + display.OneLine(strings.Join(missing, "; ")))
	}
	p := newPage(st, max(m.width, 1))
	p.prompts(step.Prompts)
	render(p, m.sess, step.Kind)
	m.view.SetContent(strings.Join(p.lines, "\n"))
	if stepChanged {
		m.view.SetYOffset(m.offsets[m.step()])
		m.view.SetXOffset(0)
	}
}

// View draws the step's title, what is missing, and the visible part of
// the page.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	m.refresh()
	step, _ := m.sess.CurrentStep()
	st := m.ctx.Styles
	title := st.Title.Render(display.OneLine(step.Title))
	if more := m.view.TotalLineCount() - m.view.VisibleLineCount(); more > 0 && m.screen() == nil {
		pct := int(m.view.ScrollPercent()*100 + 0.5)
		title += st.Muted.Render("  (" + itoa(pct) + "%, ↑↓ to scroll)")
	}
	head := display.Fit(title, m.width) + "\n" + display.Fit(m.missing, m.width)
	if m.height <= 2 {
		return display.FitBlock(head, m.width, m.height)
	}
	if s := m.screen(); s != nil {
		return head + "\n" + s.View()
	}
	return head + "\n" + m.view.View()
}

// ShortHelp lists the main keys of the step's screen, or those that move
// around the page.
func (m *Model) ShortHelp() []key.Binding {
	if s := m.screen(); s != nil {
		return s.ShortHelp()
	}
	return []key.Binding{keys.Move.Down, keys.Move.Up}
}

// FullHelp lists every key of the step's screen or of the page.
func (m *Model) FullHelp() [][]key.Binding {
	if s := m.screen(); s != nil {
		return s.FullHelp()
	}
	return [][]key.Binding{
		{keys.Move.Up, keys.Move.Down, keys.Move.Left, keys.Move.Right},
		{keys.Move.PageUp, keys.Move.PageDown, keys.Move.Top, keys.Move.Bottom},
	}
}
