// Package listen is the listening step: a show-of-hands poll of who in the
// room reads and who creates on each platform, read as a rough ladder of
// participation; the inventory of places where people talk about the
// company, with the surprises standing out; and the internal experts who
// already know the ground.
package listen

import (
	"errors"
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
	"github.com/roundtable/roundtable/ui/keys"
	"github.com/roundtable/roundtable/ui/pick"
	"github.com/roundtable/roundtable/ui/theme"
)

type pane int

const (
	panePoll pane = iota
	paneInventory
	paneExperts
	paneCount
)

// column is which count of a poll row is selected.
type column int

const (
	colReads column = iota
	colCreates
)

// formKind says what the open form is for.
type formKind int

const (
	formNone formKind = iota
	formCount
	formConversation
	formExpert
)

// maxCount keeps a typo of extra digits from drawing a meaningless ladder.
const maxCount = 100000

// Model is the listening step's screen.
type Model struct {
	ctx           common.Context
	sess          *model.Session
	rev           int
	width, height int

	pane pane
	// Cursors and first visible rows of each pane.
	poll, inv, exp          int
	col                     column
	pollTop, invTop, expTop int

	// The open form or dialog; formKind says what the form is for.
	frame.Frame
	formKind formKind
	// editing is the index the open form changes, or -1 when it adds.
	editing int
	formCol column
	// voice picks who talks from the workshop's voices, or lets it be typed.
	voice pick.Pick
	// expert picks an expert from the participants.
	expert pick.Pick

	ink inks
}

// inks are the styles captured once, so a row costs no lipgloss Render.
type inks struct {
	heading, muted, warn, marker, selected, bar, barAlt, text theme.Ink
}

// New makes the listening screen.
func New(ctx common.Context) common.StepScreen { return newModel(ctx) }

func newModel(ctx common.Context) *Model {
	st := ctx.Styles
	return &Model{ctx: ctx, Frame: frame.New(st, formHead), editing: -1, ink: inks{
		heading: theme.InkOf(st.Heading), muted: theme.InkOf(st.Muted), warn: theme.InkOf(st.Warn),
		marker: theme.InkOf(st.Marker), selected: theme.InkOf(st.Selected),
		bar: theme.InkOf(st.Bar), barAlt: theme.InkOf(st.BarAlt), text: theme.InkOf(st.Text),
	}}
}

// SetSession shows sess at revision rev; cursors stay inside the lists.
func (m *Model) SetSession(sess *model.Session, rev int) {
	m.sess, m.rev = sess, rev
	m.clamp()
}

func (m *Model) clamp() {
	if m.sess == nil {
		return
	}
	l := &m.sess.Listen
	m.poll = min(max(m.poll, 0), max(len(l.Poll)-1, 0))
	m.inv = min(max(m.inv, 0), max(len(l.Inventory)-1, 0))
	m.exp = min(max(m.exp, 0), max(len(l.Experts)-1, 0))
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
	if cmd, ok := m.DialogKey(msg); ok {
		return cmd
	}
	if m.Form != nil {
		return m.formKey(msg)
	}
	k := Keys
	switch {
	case key.Matches(msg, k.Pane):
		m.pane = (m.pane + 1) % paneCount
		return nil
	case key.Matches(msg, k.PaneBack):
		m.pane = (m.pane + paneCount - 1) % paneCount
		return nil
	}
	switch m.pane {
	case panePoll:
		return m.pollKey(msg)
	case paneInventory:
		return m.listKey(msg, &m.inv, len(m.sess.Listen.Inventory), conversations)
	}
	return m.listKey(msg, &m.exp, len(m.sess.Listen.Experts), experts)
}

// moveCursor moves cur within n rows for the movement keys and reports
// whether the key was one of them.
func (m *Model) moveCursor(msg tea.KeyMsg, cur *int, n int) bool {
	return frame.Move(msg, cur, n, m.height-6)
}

func (m *Model) pollKey(msg tea.KeyMsg) tea.Cmd {
	rows := m.sess.Listen.Poll
	k := Keys
	switch {
	case m.moveCursor(msg, &m.poll, len(rows)):
		return nil
	case key.Matches(msg, keys.Move.Left):
		m.col = colReads
		return nil
	case key.Matches(msg, keys.Move.Right):
		m.col = colCreates
		return nil
	}
	if m.poll >= len(rows) {
		return nil
	}
	row := rows[m.poll]
	cur := count(row, m.col)
	switch {
	case key.Matches(msg, k.Plus):
		return m.setCount(m.poll, m.col, row.Platform, cur, 1)
	case key.Matches(msg, k.Minus):
		if cur <= 0 {
			return nil
		}
		return m.setCount(m.poll, m.col, row.Platform, cur, -1)
	case key.Matches(msg, k.TypeNum):
		m.openCount(row, cur)
	}
	return nil
}

func count(r model.PollRow, c column) int {
	if c == colCreates {
		return r.Creates
	}
	return r.Reads
}

func colName(c column) string {
	if c == colCreates {
		return "creates"
	}
	return "reads"
}

// setCount steps the count of row i by delta; Apply steps the count it
// finds, so two quick presses make two, and never goes below zero.
func (m *Model) setCount(i int, c column, platform string, cur, delta int) tea.Cmd {
	label := "poll: " + display.OneLine(platform) + " " + colName(c) + " " + strconv.Itoa(max(cur+delta, 0))
	return editCmd(label, func(s *model.Session) {
		if i >= len(s.Listen.Poll) {
			return
		}
		r := &s.Listen.Poll[i]
		if c == colCreates {
			r.Creates = min(max(r.Creates+delta, 0), maxCount)
		} else {
			r.Reads = min(max(r.Reads+delta, 0), maxCount)
		}
	})
}

func wholeNumber(v string) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	switch {
	case err != nil && strings.HasPrefix(strings.TrimSpace(v), "-"):
		return errors.New("counts start at 0; type a whole number such as 7")
	case err != nil:
		return errors.New("type a whole number such as 7")
	case n < 0:
		return errors.New("counts start at 0; type a whole number such as 7")
	case n > maxCount:
		return errors.New("at most " + strconv.Itoa(maxCount) + "; check for an extra digit")
	}
	return nil
}

func (m *Model) openCount(row model.PollRow, cur int) {
	question := "How many read or use it?"
	if m.col == colCreates {
		question = "How many contribute or create on it?"
	}
	m.openForm(formCount, m.poll, display.OneLine(row.Platform)+" — "+question, form.Field{
		Key: "count", Label: colName(m.col), Kind: form.Line, Value: strconv.Itoa(cur),
		Required: true, Validate: wholeNumber, Placeholder: "a whole number, 0 or more", Replace: true,
	})
	m.formCol = m.col
}

func (m *Model) openForm(kind formKind, editing int, title string, fields ...form.Field) {
	m.OpenForm(title, fields...)
	m.formKind, m.editing = kind, editing
}

func (m *Model) closeForm() {
	m.CloseForm()
	m.formKind, m.editing = formNone, -1
}

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	var ev form.Event
	var cmd tea.Cmd
	switch m.formKind {
	case formConversation:
		ev, cmd = pick.Update(m.Form, msg, m.voice)
	case formExpert:
		was := m.expert.Value(m.Form)
		ev, cmd = pick.Update(m.Form, msg, m.expert)
		m.followDepartment(was)
	default:
		ev, cmd = m.Form.Update(msg)
	}
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
	case formCount:
		n, err := strconv.Atoi(f.Value("count"))
		if err != nil || i < 0 || i >= len(m.sess.Listen.Poll) {
			return nil
		}
		c := m.formCol
		label := "poll: " + display.OneLine(m.sess.Listen.Poll[i].Platform) + " " + colName(c) + " " + strconv.Itoa(n)
		return editCmd(label, func(s *model.Session) {
			if i >= len(s.Listen.Poll) {
				return
			}
			if c == colCreates {
				s.Listen.Poll[i].Creates = n
			} else {
				s.Listen.Poll[i].Reads = n
			}
		})
	case formConversation:
		c := model.Conversation{
			Place:    model.Clean(f.Value("place")),
			Who:      model.Clean(m.voice.Value(f)),
			Tone:     model.Clean(f.Value("tone")),
			Volume:   model.Clean(f.Value("volume")),
			Surprise: f.Value("surprise") == "yes",
			Notes:    model.Text(model.Clean(f.Value("notes"))),
		}
		if i < 0 {
			m.inv = len(m.sess.Listen.Inventory)
			return editCmd("added conversation: "+display.OneLine(c.Place), func(s *model.Session) {
				s.Listen.Inventory = append(s.Listen.Inventory, c)
			})
		}
		return editCmd("edited conversation: "+display.OneLine(c.Place), func(s *model.Session) {
			if i < len(s.Listen.Inventory) {
				s.Listen.Inventory[i] = c
			}
		})
	case formExpert:
		e := model.Expert{
			Name:       model.Clean(m.expert.Value(f)),
			Department: model.Clean(f.Value("department")),
			Knows:      model.Text(model.Clean(f.Value("knows"))),
		}
		joining := ""
		if pick.Joining(m.sess, e.Name) != "" {
			joining = ", now a participant too"
		}
		if i < 0 {
			m.exp = len(m.sess.Listen.Experts)
			return editCmd("added expert: "+display.OneLine(e.Name)+joining, func(s *model.Session) {
				s.Listen.Experts = append(s.Listen.Experts, e)
				s.JoinParticipant(e.Name, e.Department)
			})
		}
		return editCmd("edited expert: "+display.OneLine(e.Name)+joining, func(s *model.Session) {
			s.JoinParticipant(e.Name, e.Department)
			if i < len(s.Listen.Experts) {
				s.Listen.Experts[i] = e
			}
		})
	}
	return nil
}

// list is what differs between the inventory and the experts: the list
// keys, forms and edits are the same.
type list struct {
	noun  string
	count func(s *model.Session) int
	names func(s *model.Session) []string
	open  func(m *Model, i int)
	del   func(s *model.Session, i int)
	swap  func(s *model.Session, i, j int)
}

var conversations = list{
	noun:  "conversation",
	count: func(s *model.Session) int { return len(s.Listen.Inventory) },
	names: func(s *model.Session) []string {
		out := make([]string, len(s.Listen.Inventory))
		for i, c := range s.Listen.Inventory {
			out[i] = c.Place
		}
		return out
	},
	open: (*Model).openConversation,
	del: func(s *model.Session, i int) {
		s.Listen.Inventory = append(s.Listen.Inventory[:i:i], s.Listen.Inventory[i+1:]...)
	},
	swap: func(s *model.Session, i, j int) {
		inv := s.Listen.Inventory
		inv[i], inv[j] = inv[j], inv[i]
	},
}

var experts = list{
	noun:  "expert",
	count: func(s *model.Session) int { return len(s.Listen.Experts) },
	names: func(s *model.Session) []string {
		out := make([]string, len(s.Listen.Experts))
		for i, e := range s.Listen.Experts {
			out[i] = e.Name
		}
		return out
	},
	open: (*Model).openExpert,
	del: func(s *model.Session, i int) {
		s.Listen.Experts = append(s.Listen.Experts[:i:i], s.Listen.Experts[i+1:]...)
	},
	swap: func(s *model.Session, i, j int) {
		ex := s.Listen.Experts
		ex[i], ex[j] = ex[j], ex[i]
	},
}

func (m *Model) listKey(msg tea.KeyMsg, cur *int, n int, l list) tea.Cmd {
	k := Keys
	if m.moveCursor(msg, cur, n) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Add):
		l.open(m, -1)
		return nil
	case n == 0 || *cur >= n:
		return nil
	case key.Matches(msg, k.Edit):
		l.open(m, *cur)
	case key.Matches(msg, k.Delete):
		i, name := *cur, display.OneLine(l.names(m.sess)[*cur])
		del := common.EditMsg{Label: "deleted " + l.noun + ": " + name, Apply: func(s *model.Session) {
			if i < l.count(s) {
				l.del(s, i)
			}
		}}
		m.Ask("Delete this "+l.noun+"?", name+"\n\nu undoes it afterwards.",
			dialog.Choice{Key: "y", Label: "Delete", Msg: del},
			dialog.Choice{Key: "n", Label: "Keep"})
	case key.Matches(msg, k.MoveUp), key.Matches(msg, k.MoveDown):
		i, j, dir := *cur, *cur-1, "up"
		if key.Matches(msg, k.MoveDown) {
			j, dir = *cur+1, "down"
		}
		if j < 0 || j >= n {
			return nil
		}
		*cur = j
		name := display.OneLine(l.names(m.sess)[i])
		return editCmd("moved "+l.noun+" "+dir+": "+name, func(s *model.Session) {
			if i < l.count(s) && j < l.count(s) {
				l.swap(s, i, j)
			}
		})
	}
	return nil
}

func (m *Model) openConversation(i int) {
	var c model.Conversation
	title := "Add a conversation: where do people talk about the company?"
	if i >= 0 && i < len(m.sess.Listen.Inventory) {
		c = m.sess.Listen.Inventory[i]
		title = "Edit conversation: " + display.OneLine(c.Place)
	}
	surprise := "no"
	if c.Surprise {
		surprise = "yes"
	}
	cat := m.sess.Workshop.Listen
	m.voice = pick.Pick{Key: "who", Label: "Who talks", Options: cat.Voices, None: "(not known yet)", Placeholder: "customers, employees, press, critics…"}
	fields := []form.Field{{Key: "place", Label: "Where", Kind: form.Line, Value: c.Place, Required: true, Placeholder: hint(cat.Places, "a forum, a review site, a hashtag…")}}
	fields = append(fields, m.voice.Fields(c.Who)...)
	m.openForm(formConversation, i, title, append(fields,
		form.Field{Key: "tone", Label: "Tone", Kind: form.Line, Value: c.Tone, Placeholder: "positive, mixed, negative…"},
		form.Field{Key: "volume", Label: "Volume", Kind: form.Line, Value: c.Volume, Placeholder: "low, medium, high…"},
		form.Field{Key: "surprise", Label: "Did we know?", Kind: form.Choice, Value: surprise,
			Options: []string{"no", "yes"}, Labels: []string{"we knew about it", "no — a surprise"}},
		form.Field{Key: "notes", Label: "Notes", Kind: form.Paragraph, Value: string(c.Notes)},
	)...)
}

func (m *Model) openExpert(i int) {
	var e model.Expert
	title := "Add an internal expert: who inside already knows this ground?"
	if i >= 0 && i < len(m.sess.Listen.Experts) {
		e = m.sess.Listen.Experts[i]
		title = "Edit expert: " + display.OneLine(e.Name)
	}
	m.expert = pick.People("name", "Name", m.sess, "their name; they join the participants")
	m.expert.None, m.expert.Required = "(pick a participant)", true
	fields := m.expert.Fields(e.Name)
	m.openForm(formExpert, i, title, append(fields,
		form.Field{Key: "department", Label: "Department", Kind: form.Line, Value: e.Department, Placeholder: "IT, marketing, customer support…"},
		form.Field{Key: "knows", Label: "What they know", Kind: form.Paragraph, Value: string(e.Knows)},
	)...)
}

// followDepartment fills in the department of the participant just picked
// as the expert, unless the room typed another one.
func (m *Model) followDepartment(was string) {
	now := m.expert.Value(m.Form)
	if now == was {
		return
	}
	dept := m.Form.Value("department")
	if dept == "" || dept == m.departmentOf(was) {
		m.Form.SetValue("department", m.departmentOf(now))
	}
}

func (m *Model) departmentOf(name string) string {
	if i := m.sess.ParticipantNamed(name); i >= 0 {
		return model.Clean(m.sess.Participants[i].Department)
	}
	return ""
}

// hint is the catalogue's options as a placeholder, or fallback.
func hint(options []string, fallback string) string {
	if len(options) == 0 {
		return fallback
	}
	return strings.Join(options, ", ")
}

func editCmd(label string, fn func(*model.Session)) tea.Cmd {
	e := common.EditMsg{Label: label, Apply: fn}
	return func() tea.Msg { return e }
}
