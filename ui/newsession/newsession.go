// Package newsession is the form that starts a session: its title, who is
// running it, when, which workshop, and who is in the room.
package newsession

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/workshops"
)

// Keys are the form's keys beyond those of every form.
var Keys = struct{ Remove key.Binding }{
	Remove: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "remove participant")),
}

// Model is the new-session form.
type Model struct {
	ctx    common.Context
	cat    *workshops.Catalog
	form   *form.Form
	people []int
	nextID int
	width  int
	height int
}

const addPerson = "add-participant"

// New makes the form with today's date and the default workshop chosen.
func New(ctx common.Context, cat *workshops.Catalog) *Model {
	var names, labels []string
	for _, e := range cat.List() {
		// A template with a problem is listed by `roundtable workshops`
		// with its error; it cannot start a session.
		if e.Err != nil {
			continue
		}
		names = append(names, e.Name)
		label := e.Title
		if label == "" {
			label = e.Name
		}
		labels = append(labels, display.OneLine(label)+" ("+display.Count(e.Steps, "step", "steps")+")")
	}
	f := form.New(ctx.Styles,
		form.Field{Key: "title", Label: "Title", Required: true, Placeholder: "e.g. Who owns our social media?"},
		form.Field{Key: "organisation", Label: "Organisation"},
		form.Field{Key: "facilitator", Label: "Facilitator"},
		form.Field{Key: "date", Label: "Date", Value: ctx.Now().Format(time.DateOnly), Validate: form.Date, Placeholder: "YYYY-MM-DD"},
		form.Field{Key: "workshop", Label: "Workshop", Kind: form.Choice, Options: names, Labels: labels, Value: workshops.Default},
		form.Field{Key: addPerson, Label: "+ Add participant", Kind: form.Button},
	)
	return &Model{ctx: ctx, cat: cat, form: f}
}

// Init focuses the title.
func (m *Model) Init() tea.Cmd { return m.form.Focus("title") }

// SetSize gives the form its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.form.SetSize(max(width-2, 1), max(height-2, 1))
}

// Typing is always true: every key belongs to the form until it is saved
// or cancelled.
func (m *Model) Typing() bool { return true }

// Drafting reports whether the open form holds words not saved yet.
func (m *Model) Drafting() bool { return m.form != nil && m.form.Edited() }

// Update handles the form's keys.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && key.Matches(km, Keys.Remove) {
		return m, m.removePerson()
	}
	ev, cmd := m.form.Update(msg)
	switch ev.Kind {
	case form.Cancel:
		return m, func() tea.Msg { return common.HomeMsg{} }
	case form.Press:
		return m, m.addPerson()
	case form.Submit:
		sess, err := m.session()
		if err != nil {
			m.form.SetProblem(err.Error())
			return m, nil
		}
		return m, func() tea.Msg { return common.CreateMsg{Session: sess} }
	}
	return m, cmd
}

func (m *Model) addPerson() tea.Cmd {
	id := m.nextID
	m.nextID++
	m.people = append(m.people, id)
	p := "p" + strconv.Itoa(id) + "."
	m.form.Insert(m.form.Index(addPerson),
		form.Field{Key: p + "name", Label: fmt.Sprintf("Participant %d", len(m.people)), Placeholder: "name"},
		form.Field{Key: p + "department", Label: "Dept", Inline: true, Placeholder: "department"},
		form.Field{Key: p + "role", Label: "Role", Inline: true, Placeholder: "role title"},
	)
	return m.form.Focus(p + "name")
}

// removePerson drops the participant whose field has focus.
func (m *Model) removePerson() tea.Cmd {
	focused := m.form.FocusedKey()
	for i, id := range m.people {
		p := "p" + strconv.Itoa(id) + "."
		if strings.HasPrefix(focused, p) {
			m.people = append(m.people[:i], m.people[i+1:]...)
			m.form.Remove(p+"name", p+"department", p+"role")
			m.relabel()
			return nil
		}
	}
	return nil
}

func (m *Model) relabel() {
	// Labels are part of the field; rebuilding them keeps the numbering
	// 1, 2, 3 after a removal.
	for n, id := range m.people {
		k := "p" + strconv.Itoa(id) + ".name"
		m.form.SetLabel(k, fmt.Sprintf("Participant %d", n+1))
	}
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
	title := model.Clean(m.form.Value("title"))
	meta := model.Meta{
		Title:        title,
		Organisation: model.Clean(m.form.Value("organisation")),
		Facilitator:  model.Clean(m.form.Value("facilitator")),
		Date:         m.form.Value("date"),
		Created:      now.UTC().Truncate(time.Second),
		Updated:      now.UTC().Truncate(time.Second),
	}
	sess := model.New(store.NewID(title, now), meta, w)
	for _, id := range m.people {
		p := "p" + strconv.Itoa(id) + "."
		person := model.Participant{
			Name:       model.Clean(m.form.Value(p + "name")),
			Department: model.Clean(m.form.Value(p + "department")),
			RoleTitle:  model.Clean(m.form.Value(p + "role")),
		}
		if person != (model.Participant{}) {
			sess.Participants = append(sess.Participants, person)
		}
	}
	return sess, nil
}

// View draws the form.
func (m *Model) View() string {
	st := m.ctx.Styles
	head := st.Heading.Render("New session") + st.Muted.Render("  — * is required")
	return display.FitBlock(head+"\n\n"+m.form.View(), m.width, m.height)
}

// ShortHelp lists the form's keys.
func (m *Model) ShortHelp() []key.Binding {
	bs := form.Keys.ShortHelp()
	if strings.HasPrefix(m.form.FocusedKey(), "p") && m.form.FocusedKey() != addPerson {
		bs = append(bs, Keys.Remove)
	}
	return bs
}

// FullHelp lists every key of the form.
func (m *Model) FullHelp() [][]key.Binding {
	return append(form.Keys.FullHelp(), []key.Binding{Keys.Remove})
}
