// Package newsession is the form that starts a session: its title, who is
// running it, when, which workshop, and who is in the room.
package newsession

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/details"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/workshops"
)

// brokenMark starts the value of a template that cannot be used; no
// template name holds a NUL byte, so it never clashes with a usable one.
const brokenMark = "\x00broken"

// Model is the new-session form.
type Model struct {
	ctx  common.Context
	cat  *workshops.Catalog
	form *details.Form
	// broken are the templates with a problem, by their choice's value.
	broken map[string]workshops.Entry
	width  int
	height int
}

// New makes the form with today's date and the default workshop chosen.
// A template with a problem is offered too, marked not usable, so that
// whoever wrote it sees why it is not there to start from.
func New(ctx common.Context, cat *workshops.Catalog) *Model {
	var names, labels []string
	broken := map[string]workshops.Entry{}
	for i, e := range cat.List() {
		if e.Err != nil {
			v := brokenMark + strconv.Itoa(i)
			broken[v] = e
			names = append(names, v)
			labels = append(labels, display.OneLine(e.Name)+" — not usable ("+display.OneLine(filepath.Base(e.Source))+")")
			continue
		}
		names = append(names, e.Name)
		label := e.Title
		if label == "" {
			label = e.Name
		}
		labels = append(labels, display.OneLine(label)+" ("+display.Count(e.Steps, "step", "steps")+")")
	}
	meta := model.Meta{Date: ctx.Now().Format(time.DateOnly)}
	f := details.New(ctx.Styles, meta, nil, nil,
		form.Field{Key: "workshop", Label: "Workshop", Kind: form.Choice, Options: names, Labels: labels, Value: workshops.Default})
	return &Model{ctx: ctx, cat: cat, form: f, broken: broken}
}

// Init focuses the title.
func (m *Model) Init() tea.Cmd { return m.form.Focus("title") }

// SetSize gives the form its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.layout()
}

// layout leaves room under the form for the problem of a template that
// cannot be used, while one is chosen.
func (m *Model) layout() {
	m.form.SetSize(max(m.width-2, 1), max(m.height-2-len(m.problemLines()), 1))
}

// Typing is always true: every key belongs to the form until it is saved
// or cancelled.
func (m *Model) Typing() bool { return true }

// Drafting reports whether the open form holds words not saved yet.
func (m *Model) Drafting() bool { return m.form != nil && m.form.Edited() }

// Update handles the form's keys.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	ev, cmd := m.form.Update(msg)
	m.showProblem()
	switch ev.Kind {
	case form.Cancel:
		return m, func() tea.Msg { return common.HomeMsg{} }
	case form.Submit:
		if _, ok := m.chosenBroken(); ok {
			// Its problem is in sight below the form already.
			m.form.SetError("workshop", "not usable, for the problem below; ←/→ chooses another")
			return m, nil
		}
		sess, err := m.session()
		if err != nil {
			m.form.SetProblem(err.Error())
			return m, nil
		}
		return m, func() tea.Msg { return common.CreateMsg{Session: sess} }
	}
	return m, cmd
}

// chosenBroken is the template chosen when it cannot be used.
func (m *Model) chosenBroken() (workshops.Entry, bool) {
	e, ok := m.broken[m.form.Value("workshop")]
	return e, ok
}

// showProblem says under the workshop why the one chosen cannot be used.
func (m *Model) showProblem() {
	if m.form.FocusedKey() != "workshop" {
		return
	}
	msg := ""
	if _, ok := m.chosenBroken(); ok {
		msg = "not usable, for the problem below; ←/→ chooses another"
	}
	m.form.SetError("workshop", msg)
	m.layout()
}

// problemLines is the whole problem of the chosen template, wrapped.
func (m *Model) problemLines() []string {
	e, ok := m.chosenBroken()
	if !ok {
		return nil
	}
	const most = 6
	lines := display.Wrap(display.OneLine(e.Err.Error())+" — `roundtable validate "+display.OneLine(e.Source)+"` lists every problem.", max(m.width-2, 1))
	if len(lines) > most {
		lines = append(lines[:most-1], "…")
	}
	return append([]string{""}, lines...)
}

// session builds the new session from the form.
func (m *Model) session() (*model.Session, error) {
	name := m.form.Value("workshop")
	if name == "" {
		return nil, errors.New("no usable workshop template; run `roundtable workshops` to see what is wrong with them")
	}
	w, err := m.cat.Get(name)
	if err != nil {
		return nil, err
	}
	now := m.ctx.Now()
	meta := m.form.Meta(model.Meta{
		Created: now.UTC().Truncate(time.Second),
		Updated: now.UTC().Truncate(time.Second),
	})
	sess := model.New(store.NewID(meta.Title, now), meta, w)
	for _, c := range m.form.Participants() {
		sess.Participants = append(sess.Participants, c.Participant)
	}
	return sess, nil
}

// View draws the form.
func (m *Model) View() string {
	st := m.ctx.Styles
	head := st.Heading.Render("New session") + st.Muted.Render("  — * is required")
	view := head + "\n\n" + m.form.View()
	if lines := m.problemLines(); len(lines) > 0 {
		view += "\n" + st.FieldError.Render(strings.Join(lines, "\n"))
	}
	return display.FitBlock(view, m.width, m.height)
}

// ShortHelp lists the form's keys.
func (m *Model) ShortHelp() []key.Binding { return m.form.ShortHelp() }

// FullHelp lists every key of the form.
func (m *Model) FullHelp() [][]key.Binding { return m.form.FullHelp() }
