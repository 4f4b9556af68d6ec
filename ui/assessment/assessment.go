// Package assessment is the self-assessment step: each practice of the
// workshop with what it means, rated from 1 to 5 by IT and by the business
// side by side, the gap between the two highlighted where the room should
// talk, and notes.
package assessment

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/frame"
	"github.com/roundtable/roundtable/ui/theme"
)

// side is which of the two ratings is selected.
type side int

const (
	sideIT side = iota
	sideBusiness
)

func (s side) String() string {
	if s == sideBusiness {
		return "business"
	}
	return "IT"
}

// whose names the side as the owner of a rating.
func (s side) whose() string {
	if s == sideBusiness {
		return "the business's"
	}
	return "IT's"
}

// WideGap is the gap between IT and the business that the room should talk
// about: the workshop asks each side for an example from two points apart.
const WideGap = 2

// row is one practice as the screen shows it.
type row struct {
	id, title   string
	explanation model.Text
	rating      model.Rating
	// known is false for a rating whose practice the workshop no longer has.
	known bool
}

// formKind says what the open form is for.
type formKind int

const (
	formNone formKind = iota
	formRating
	formNotes
)

// Model is the self-assessment screen.
type Model struct {
	ctx           common.Context
	sess          *model.Session
	rev           int
	width, height int

	rows []row
	// selID is the practice selected; the selection follows it when
	// sorting by gap moves it.
	selID string
	side  side
	top   int
	// byGap lists the widest gaps first instead of the workshop's order.
	byGap bool

	// The open form; formKind says what it is for.
	frame.Frame
	formKind formKind
	formID   string
	formSide side

	ink inks
}

type inks struct {
	heading, muted, warn, bad, marker, selected, bar, barAlt, text theme.Ink
}

// New makes the self-assessment screen.
func New(ctx common.Context) common.StepScreen { return newModel(ctx) }

func newModel(ctx common.Context) *Model {
	st := ctx.Styles
	return &Model{ctx: ctx, Frame: frame.New(st, formHead), ink: inks{
		heading: theme.InkOf(st.Heading), muted: theme.InkOf(st.Muted), warn: theme.InkOf(st.Warn),
		bad: theme.InkOf(st.Bad), marker: theme.InkOf(st.Marker), selected: theme.InkOf(st.Selected),
		bar: theme.InkOf(st.Bar), barAlt: theme.InkOf(st.BarAlt), text: theme.InkOf(st.Text),
	}}
}

// SetSession shows sess at revision rev.
func (m *Model) SetSession(sess *model.Session, rev int) {
	m.sess, m.rev = sess, rev
	m.build()
}

// build matches the workshop's practices with the session's ratings by
// practice ID; ratings of practices the workshop lacks come last.
func (m *Model) build() {
	ratings := map[string]model.Rating{}
	for _, r := range m.sess.Assessment {
		if _, seen := ratings[r.Practice]; !seen {
			ratings[r.Practice] = r
		}
	}
	m.rows = m.rows[:0]
	listed := map[string]bool{}
	for _, p := range m.sess.Workshop.Assessment.Practices {
		if listed[p.ID] {
			continue
		}
		listed[p.ID] = true
		r, ok := ratings[p.ID]
		if !ok {
			r = model.Rating{Practice: p.ID}
		}
		m.rows = append(m.rows, row{id: p.ID, title: p.Title, explanation: p.Explanation, rating: r, known: true})
	}
	for _, r := range m.sess.Assessment {
		if !listed[r.Practice] {
			listed[r.Practice] = true
			m.rows = append(m.rows, row{id: r.Practice, title: r.Practice, rating: r})
		}
	}
	if m.byGap {
		slices.SortStableFunc(m.rows, func(a, b row) int { return cmp.Compare(b.rating.Gap(), a.rating.Gap()) })
	}
	if m.position() < 0 {
		m.selID = ""
		if len(m.rows) > 0 {
			m.selID = m.rows[0].id
		}
	}
}

// position is the index of the selected row, or -1.
func (m *Model) position() int {
	return slices.IndexFunc(m.rows, func(r row) bool { return r.id == m.selID })
}

// SetSize gives the screen its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.Frame.SetSize(width, height)
}

// Update handles keys.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.sess == nil {
		return m, nil
	}
	return m, m.Frame.Update(msg, m.SetSize, m.key)
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if m.Form != nil {
		return m.formKey(msg)
	}
	k := Keys
	if m.move(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Sort):
		m.byGap = !m.byGap
		m.build()
		return nil
	case key.Matches(msg, k.Side):
		m.side = 1 - m.side
		return nil
	}
	pos := m.position()
	if pos < 0 {
		return nil
	}
	r := m.rows[pos]
	cur := rating(r.rating, m.side)
	switch {
	case key.Matches(msg, k.Plus):
		if cur < 5 {
			return m.rate(r, m.side, cur+1)
		}
	case key.Matches(msg, k.Minus):
		if cur > 0 {
			return m.rate(r, m.side, cur-1)
		}
	case key.Matches(msg, k.Clear):
		if cur != 0 {
			return m.rate(r, m.side, 0)
		}
	case key.Matches(msg, k.TypeRating):
		value := ""
		if cur > 0 {
			value = strconv.Itoa(cur)
		}
		m.openForm(formRating, r.id, display.OneLine(r.title)+" — "+m.side.whose()+" rating, 1 (not at all) to 5 (we do this well)",
			form.Field{Key: "rating", Label: m.side.String(), Kind: form.Line, Value: value, Validate: oneToFive, Placeholder: "1 to 5; empty for not rated", Replace: true})
		m.formSide = m.side
	case key.Matches(msg, k.Notes):
		m.openForm(formNotes, r.id, "Notes on "+display.OneLine(r.title)+": the examples each side gave",
			form.Field{Key: "notes", Label: "Notes", Kind: form.Paragraph, Value: string(r.rating.Notes)})
	}
	return nil
}

func (m *Model) move(msg tea.KeyMsg) bool {
	pos, n := m.position(), len(m.rows)
	if !frame.Move(msg, &pos, n, m.height-10) {
		return false
	}
	if n > 0 {
		m.selID = m.rows[pos].id
	}
	return true
}

func rating(r model.Rating, s side) int {
	if s == sideBusiness {
		return r.Business
	}
	return r.IT
}

// rate sets one side's rating of the practice id; 0 means not rated.
func (m *Model) rate(r row, s side, v int) tea.Cmd {
	label := s.String() + " rating: " + display.OneLine(r.title) + " " + strconv.Itoa(v)
	if v == 0 {
		label = s.String() + " rating: " + display.OneLine(r.title) + " not rated"
	}
	return editCmd(label, withRating(r.id, func(x *model.Rating) {
		if s == sideBusiness {
			x.Business = v
		} else {
			x.IT = v
		}
	}))
}

// withRating changes the rating of practice id, adding one when the
// session has none yet for a practice of the workshop.
func withRating(id string, fn func(*model.Rating)) func(*model.Session) {
	return func(s *model.Session) {
		for i := range s.Assessment {
			if s.Assessment[i].Practice == id {
				fn(&s.Assessment[i])
				return
			}
		}
		r := model.Rating{Practice: id}
		fn(&r)
		s.Assessment = append(s.Assessment, r)
	}
}

func oneToFive(v string) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 || n > 5 {
		return errors.New("type a whole number from 1 to 5, or leave it empty for not rated")
	}
	return nil
}

// formHead is the lines above an open form: the step's prompts and the
// form's title.
const formHead = 2

func (m *Model) openForm(kind formKind, id, title string, fields ...form.Field) {
	m.OpenForm(title, fields...)
	m.formKind, m.formID = kind, id
}

func (m *Model) closeForm() {
	m.CloseForm()
	m.formKind, m.formID = formNone, ""
}

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	ev, cmd := m.Form.Update(msg)
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
	i := slices.IndexFunc(m.rows, func(r row) bool { return r.id == m.formID })
	if i < 0 {
		return nil
	}
	r := m.rows[i]
	switch m.formKind {
	case formRating:
		v := 0
		if s := m.Form.Value("rating"); s != "" {
			v, _ = strconv.Atoi(s)
		}
		if v == rating(r.rating, m.formSide) {
			return nil
		}
		return m.rate(r, m.formSide, v)
	case formNotes:
		notes := model.Text(model.Clean(m.Form.Value("notes")))
		if notes == r.rating.Notes {
			return nil
		}
		return editCmd("notes: "+display.OneLine(r.title), withRating(r.id, func(x *model.Rating) { x.Notes = notes }))
	}
	return nil
}

func editCmd(label string, fn func(*model.Session)) tea.Cmd {
	e := common.EditMsg{Label: label, Apply: fn}
	return func() tea.Msg { return e }
}
