// Package objectives is the objectives step: the room picks objectives from
// the workshop's catalogue or writes its own, gives each an audience, a
// strategy, a technology chosen last, a sponsor with a budget, a metric
// with a target and a date, ranks them by dot voting, and chooses how the
// company will organise its social media work.
package objectives

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/frame"
	"github.com/roundtable/roundtable/ui/pick"
	"github.com/roundtable/roundtable/ui/theme"
)

type pane int

const (
	paneList pane = iota
	paneModel
	paneCount
)

// formKind says what the open form is for.
type formKind int

const (
	formNone formKind = iota
	formObjective
	formVotes
	formPerParticipant
)

// maxVotes keeps a typo of extra digits from ranking nonsense.
const maxVotes = 10000

// Model is the objectives step's screen.
type Model struct {
	ctx           common.Context
	sess          *model.Session
	rev           int
	width, height int

	pane pane
	// sel is the index in Items of the selected objective: the cursor
	// follows an objective when a vote moves it up or down the ranking.
	sel, top int
	// ranked is Items by votes, worked out once per revision.
	ranked []int
	// shown is set once the selection has been placed on a first session.
	shown          bool
	modelCur, mTop int

	// picking is set while the catalogue of objectives is open.
	picking        bool
	pickCur, pkTop int

	// The open form or dialog; formKind says what the form is for.
	frame.Frame
	formKind formKind
	// editing is the index the open form changes, or -1 when it adds.
	editing   int
	catalogue string
	sponsor   pick.Pick

	ink inks
}

type inks struct {
	heading, muted, warn, bad, marker, selected, bar, text theme.Ink
}

// New makes the objectives screen.
func New(ctx common.Context) common.StepScreen { return newModel(ctx) }

func newModel(ctx common.Context) *Model {
	st := ctx.Styles
	return &Model{ctx: ctx, Frame: frame.New(st, formHead), editing: -1, ink: inks{
		heading: theme.InkOf(st.Heading), muted: theme.InkOf(st.Muted), warn: theme.InkOf(st.Warn),
		bad: theme.InkOf(st.Bad), marker: theme.InkOf(st.Marker), selected: theme.InkOf(st.Selected),
		bar: theme.InkOf(st.Bar), text: theme.InkOf(st.Text),
	}}
}

// SetSession shows sess at revision rev.
func (m *Model) SetSession(sess *model.Session, rev int) {
	m.sess, m.rev = sess, rev
	m.ranked = sess.Objectives.Ranked()
	if !m.shown && len(m.ranked) > 0 {
		// The room starts at the top of the ranking.
		m.sel, m.shown = m.ranked[0], true
	}
	m.sel = min(max(m.sel, 0), max(len(sess.Objectives.Items)-1, 0))
	m.modelCur = min(max(m.modelCur, 0), max(len(m.models())-1, 0))
}

// SetSize gives the screen its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.Frame.SetSize(width, height)
}

// Typing reports whether a form, dialog or the catalogue is open: keys then
// go to it, and esc closes it instead of leaving the step.
func (m *Model) Typing() bool { return m.Frame.Typing() || m.picking }

// Update handles keys.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.sess == nil {
		return m, nil
	}
	return m, m.Frame.Update(msg, m.SetSize, m.key)
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := Keys
	if cmd, ok := m.DialogKey(msg); ok {
		return cmd
	}
	switch {
	case m.Form != nil:
		return m.formKey(msg)
	case m.picking:
		return m.pickKey(msg)
	case key.Matches(msg, k.Pane), key.Matches(msg, k.PaneBack):
		m.pane = (m.pane + 1) % paneCount
		return nil
	case m.pane == paneModel:
		return m.modelKey(msg)
	}
	return m.listKey(msg)
}

// move moves cur within n rows for the movement keys and reports whether
// the key was one of them.
func (m *Model) move(msg tea.KeyMsg, cur *int, n int) bool {
	return frame.Move(msg, cur, n, m.height-8)
}

// position is where the selected objective stands in the ranking.
func (m *Model) position() int {
	if i := slices.Index(m.ranked, m.sel); i >= 0 {
		return i
	}
	return 0
}

func (m *Model) listKey(msg tea.KeyMsg) tea.Cmd {
	k := Keys
	items := m.sess.Objectives.Items
	pos := m.position()
	if m.move(msg, &pos, len(items)) {
		if pos < len(m.ranked) {
			m.sel = m.ranked[pos]
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Add):
		if len(m.sess.Workshop.Objectives.Objectives) == 0 {
			m.openObjective(-1, model.Objective{})
			return nil
		}
		m.picking, m.pickCur, m.pkTop = true, 0, 0
		return nil
	case key.Matches(msg, k.PerParticipant):
		m.openForm(formPerParticipant, -1, "Dots per participant: how many votes may each person place?", form.Field{
			Key: "votes", Label: "Dots each", Kind: form.Line, Value: strconv.Itoa(m.sess.Objectives.VotesPerParticipant), Replace: true,
			Required: true, Validate: wholeNumber, Placeholder: "3 is usual",
		})
		return nil
	case m.sel >= len(items):
		return nil
	}
	i, o := m.sel, items[m.sel]
	name := display.OneLine(o.Title)
	switch {
	case key.Matches(msg, k.Edit):
		m.openObjective(i, o)
	case key.Matches(msg, k.Plus):
		return m.stepVotes(i, name, o.Votes, 1)
	case key.Matches(msg, k.Minus):
		if o.Votes > 0 {
			return m.stepVotes(i, name, o.Votes, -1)
		}
	case key.Matches(msg, k.TypeVotes):
		m.openForm(formVotes, i, name+" — how many dots did it get?", form.Field{
			Key: "votes", Label: "Votes", Kind: form.Line, Value: strconv.Itoa(o.Votes), Replace: true,
			Required: true, Validate: wholeNumber, Placeholder: "the dots counted on the wall",
		})
	case key.Matches(msg, k.Delete):
		del := common.EditMsg{Label: "deleted objective: " + name, Apply: func(s *model.Session) {
			if i < len(s.Objectives.Items) {
				s.Objectives.Items = slices.Delete(s.Objectives.Items, i, i+1)
			}
		}}
		m.Ask("Delete this objective?", o.Title+"\n\nu undoes it afterwards.",
			dialog.Choice{Key: "y", Label: "Delete", Msg: del},
			dialog.Choice{Key: "n", Label: "Keep"})
	}
	return nil
}

// stepVotes adds delta to the tally Apply finds, so quick presses add up.
func (m *Model) stepVotes(i int, name string, cur, delta int) tea.Cmd {
	label := "votes: " + name + " " + strconv.Itoa(max(cur+delta, 0))
	return editCmd(label, func(s *model.Session) {
		if i < len(s.Objectives.Items) {
			o := &s.Objectives.Items[i]
			o.Votes = min(max(o.Votes+delta, 0), maxVotes)
		}
	})
}

// catalogue is the workshop's objectives, then a last row to write one.
func (m *Model) catalogueLen() int { return len(m.sess.Workshop.Objectives.Objectives) + 1 }

func (m *Model) pickKey(msg tea.KeyMsg) tea.Cmd {
	k := Keys
	switch {
	case m.move(msg, &m.pickCur, m.catalogueLen()):
	case key.Matches(msg, k.Cancel):
		m.picking = false
	case key.Matches(msg, k.Pick):
		m.picking = false
		cat := m.sess.Workshop.Objectives.Objectives
		if m.pickCur < len(cat) {
			c := cat[m.pickCur]
			m.openObjective(-1, model.Objective{Title: c.Title, Catalogue: c.ID})
			return nil
		}
		m.openObjective(-1, model.Objective{})
	}
	return nil
}

// models is the workshop's organisational models.
func (m *Model) models() []model.OrgModel {
	if m.sess == nil {
		return nil
	}
	return m.sess.Workshop.Objectives.Models
}

func (m *Model) modelKey(msg tea.KeyMsg) tea.Cmd {
	k := Keys
	models := m.models()
	switch {
	case m.move(msg, &m.modelCur, len(models)):
	case key.Matches(msg, k.Choose) && m.modelCur < len(models):
		c := models[m.modelCur]
		if c.ID == m.sess.Objectives.Model {
			return nil
		}
		return editCmd("organisational model: "+display.OneLine(c.Name), func(s *model.Session) {
			s.Objectives.Model = c.ID
		})
	case key.Matches(msg, k.Clear) && m.sess.Objectives.Model != "":
		return editCmd("organisational model cleared", func(s *model.Session) {
			s.Objectives.Model = ""
		})
	}
	return nil
}

// wholeNumber checks a count typed by the facilitator.
func wholeNumber(v string) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	switch {
	case err == nil && n > maxVotes:
		return errors.New("at most " + strconv.Itoa(maxVotes) + "; check for an extra digit")
	case err != nil && !strings.HasPrefix(strings.TrimSpace(v), "-"):
		return errors.New("type a whole number such as 3")
	case err != nil || n < 0:
		return errors.New("votes start at 0; type a whole number such as 3")
	}
	return nil
}

func (m *Model) openObjective(i int, o model.Objective) {
	title := "Add an objective: people, objective, strategy, then technology"
	if i >= 0 {
		title = "Edit objective: " + display.OneLine(o.Title)
	}
	m.sponsor = pick.People("sponsor", "Sponsor", m.sess, "a person with a budget; they join the participants")
	fields := []form.Field{
		{Key: "title", Label: "Objective", Kind: form.Line, Value: o.Title, Required: true, Placeholder: "what the company wants, in a few words"},
		{Key: "audience", Label: "Audience", Kind: form.Line, Value: o.Audience, Placeholder: "the people to reach"},
		{Key: "strategy", Label: "Strategy", Kind: form.Paragraph, Value: string(o.Strategy)},
		{Key: "technology", Label: "Technology", Kind: form.Line, Value: o.Technology, Placeholder: "chosen last: the tool that serves the strategy"},
	}
	fields = append(fields, m.sponsor.Fields(o.Sponsor)...)
	fields = append(fields,
		form.Field{Key: "metric", Label: "Metric", Kind: form.Line, Value: o.Metric, Placeholder: "the number that shows it worked"},
		form.Field{Key: "target", Label: "Target", Kind: form.Line, Value: o.Target, Placeholder: "the number to reach"},
		form.Field{Key: "due", Label: "Due", Kind: form.Line, Value: o.Due, Validate: form.Date, Placeholder: "YYYY-MM-DD"},
		form.Field{Key: "votes", Label: "Votes", Kind: form.Line, Value: strconv.Itoa(o.Votes), Replace: true, Validate: wholeNumber, Placeholder: "0"},
		form.Field{Key: "notes", Label: "Notes", Kind: form.Paragraph, Value: string(o.Notes)},
	)
	m.openForm(formObjective, i, title, fields...)
	m.catalogue = o.Catalogue
}

func (m *Model) openForm(kind formKind, editing int, title string, fields ...form.Field) {
	m.OpenForm(title, fields...)
	m.formKind, m.editing = kind, editing
}

func (m *Model) closeForm() {
	m.CloseForm()
	m.formKind, m.editing, m.catalogue = formNone, -1, ""
}

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	// Only the objective's form holds the sponsor's pick.
	sponsor := []pick.Pick{}
	if m.formKind == formObjective {
		sponsor = append(sponsor, m.sponsor)
	}
	ev, cmd := pick.Update(m.Form, msg, sponsor...)
	switch ev.Kind {
	case form.Cancel:
		m.closeForm()
		return nil
	case form.Submit:
		done := m.submit()
		m.closeForm()
		return done
	}
	return cmd
}

func (m *Model) submit() tea.Cmd {
	f, i := m.Form, m.editing
	switch m.formKind {
	case formPerParticipant:
		n, err := strconv.Atoi(f.Value("votes"))
		if err != nil {
			return nil
		}
		return editCmd("dots per participant: "+strconv.Itoa(n), func(s *model.Session) {
			s.Objectives.VotesPerParticipant = n
		})
	case formVotes:
		n, err := strconv.Atoi(f.Value("votes"))
		if err != nil || i < 0 || i >= len(m.sess.Objectives.Items) {
			return nil
		}
		return editCmd("votes: "+display.OneLine(m.sess.Objectives.Items[i].Title)+" "+strconv.Itoa(n), func(s *model.Session) {
			if i < len(s.Objectives.Items) {
				s.Objectives.Items[i].Votes = n
			}
		})
	case formObjective:
		votes, _ := strconv.Atoi(f.Value("votes"))
		o := model.Objective{
			Title:      model.Clean(f.Value("title")),
			Catalogue:  m.catalogue,
			Audience:   model.Clean(f.Value("audience")),
			Strategy:   model.Text(model.Clean(f.Value("strategy"))),
			Technology: model.Clean(f.Value("technology")),
			Sponsor:    model.Clean(m.sponsor.Value(f)),
			Metric:     model.Clean(f.Value("metric")),
			Target:     model.Clean(f.Value("target")),
			Due:        f.Value("due"),
			Votes:      votes,
			Notes:      model.Text(model.Clean(f.Value("notes"))),
		}
		joining := display.OneLine(pick.Joining(m.sess, o.Sponsor))
		if i < 0 {
			m.sel = len(m.sess.Objectives.Items)
			return editCmd("added objective: "+display.OneLine(o.Title)+joining, func(s *model.Session) {
				s.Objectives.Items = append(s.Objectives.Items, o)
				s.JoinParticipant(o.Sponsor, "")
			})
		}
		return editCmd("edited objective: "+display.OneLine(o.Title)+joining, func(s *model.Session) {
			s.JoinParticipant(o.Sponsor, "")
			if i < len(s.Objectives.Items) {
				s.Objectives.Items[i] = o
			}
		})
	}
	return nil
}

func editCmd(label string, fn func(*model.Session)) tea.Cmd {
	e := common.EditMsg{Label: label, Apply: fn}
	return func() tea.Msg { return e }
}
