// Package raci is the RACI step: activities as rows, roles as columns, one
// letter per cell. The room sets letters with r, a, c and i, sees every
// broken RACI rule the moment it is made, and can start from the workshop's
// suggested assignment ("IT owns plumbing, the business owns content").
package raci

import (
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/frame"
	"github.com/roundtable/roundtable/ui/pick"
)

// Model is the RACI grid screen.
type Model struct {
	ctx           common.Context
	sess          *model.Session
	rev           int
	width, height int

	// codes are the column headers of the roles labelled codeNames, made
	// again only when a label changes.
	codes, codeNames []string

	// row and col are the cursor: an activity index and a role index.
	row, col int
	// top and left are the first activity and role drawn.
	top, left int

	// The open form or dialog; formFor says what the form is for.
	frame.Frame
	formFor  formKind
	formAt   int
	formRole string
	// person and backup pick a role's people from the participants.
	person, backup pick.Pick
	// goRow and goCol move the cursor onto a row or column being added or
	// moved, once the edit arrives (a revision after goRev); -1 when
	// nothing is on its way. A refused edit leaves the cursor alone.
	goRow, goCol int
	goRev        int

	// checked holds what the rules say about the grid at checkedRev.
	checked    checks
	checkedRev int
	hasChecks  bool

	// names holds the roles' names as the wide header wraps them, so a
	// frame wraps only names it has not wrapped before.
	names map[wrapKey][]string
}

// checks is what the rules say about one revision of the grid, indexed so
// that drawing a row or a column never scans the whole list.
type checks struct {
	findings []model.Finding
	// byRow is the first finding of each activity, or -1.
	byRow []int
	// byRole is the first finding about each role ID alone; flagged marks
	// every role ID any finding names.
	byRole  map[string]int
	flagged map[string]bool
	codes   []string
}

// New makes the RACI screen.
func New(ctx common.Context) common.StepScreen { return newModel(ctx) }

func newModel(ctx common.Context) *Model {
	return &Model{ctx: ctx, Frame: frame.New(ctx.Styles, formHead), checkedRev: -1, goRow: -1, goCol: -1}
}

// SetSession shows sess at revision rev and keeps the cursor inside the grid.
func (m *Model) SetSession(sess *model.Session, rev int) {
	m.sess, m.rev = sess, rev
	if rev != m.goRev {
		if sess != nil && m.goRow >= 0 && m.goRow < len(sess.RACI.Activities) {
			m.row = m.goRow
		}
		if sess != nil && m.goCol >= 0 && m.goCol < len(sess.RACI.Roles) {
			m.col = m.goCol
		}
		m.goRow, m.goCol = -1, -1
	}
	m.clamp()
}

// SetSize gives the screen its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.Frame.SetSize(width, height)
	m.clamp()
}

func (m *Model) matrix() *model.RACIMatrix {
	if m.sess == nil {
		return &model.RACIMatrix{}
	}
	return &m.sess.RACI
}

// check returns the findings of the current revision, worked out once per
// revision: the rules scan the whole grid, a key press must not.
func (m *Model) check() *checks {
	if m.hasChecks && m.checkedRev == m.rev && len(m.checked.byRow) == len(m.matrix().Activities) && len(m.checked.codes) == len(m.matrix().Roles) {
		return &m.checked
	}
	mx := m.matrix()
	// The grid's findings are shared with every screen that shows them;
	// the staffing ones are this screen's own.
	shared := m.ctx.Latest.Checks(m.sess, m.rev).RACI()
	c := checks{findings: slices.Concat(shared, staffing(mx.Roles)), byRow: make([]int, len(mx.Activities)), byRole: map[string]int{}, flagged: map[string]bool{}, codes: m.roleCodes(mx.Roles)}
	for i := range c.byRow {
		c.byRow[i] = -1
	}
	for i, f := range c.findings {
		if f.Activity >= 0 && f.Activity < len(c.byRow) && c.byRow[f.Activity] < 0 {
			c.byRow[f.Activity] = i
		}
		if f.Kind == model.ManyAccountable && f.Activity >= 0 && f.Activity < len(mx.Activities) {
			// Every role holding one of the competing As shares the finding.
			for id, l := range mx.Activities[f.Activity].Cells {
				if l == model.Accountable {
					c.flagged[id] = true
				}
			}
		}
		if f.Role != "" {
			c.flagged[f.Role] = true
			if _, ok := c.byRole[f.Role]; !ok && f.Activity < 0 {
				c.byRole[f.Role] = i
			}
		}
	}
	m.checked, m.checkedRev, m.hasChecks = c, m.rev, true
	return &m.checked
}

// noBackup marks a role that rests on one named person or on nobody; the
// grid's rules do not see people, the seed warns against exactly this.
const noBackup model.FindingKind = "no backup"

// staffing lists the roles with nobody named or no backup, in role order.
func staffing(roles []model.Role) []model.Finding {
	var out []model.Finding
	for _, r := range roles {
		name := display.OneLine(roleLabel(r))
		switch {
		case strings.TrimSpace(r.Person) == "":
			out = append(out, model.Finding{Kind: noBackup, Activity: -1, Role: r.ID, Message: name +
				" has nobody named; e on the role names the person who fills it and a backup."})
		case strings.TrimSpace(r.Backup) == "":
			out = append(out, model.Finding{Kind: noBackup, Activity: -1, Role: r.ID, Message: name +
				" rests on " + display.OneLine(r.Person) + " alone; e on the role names a backup, since people move jobs."})
		}
	}
	return out
}

// here returns the finding under the cursor: the first about the focused
// activity (rules about the whole row come first), else the first about the
// focused role; -1 when there is none.
func (m *Model) here() int {
	c := m.check()
	if m.row < len(c.byRow) && c.byRow[m.row] >= 0 {
		return c.byRow[m.row]
	}
	if role, ok := m.role(); ok {
		if i, ok := c.byRole[role.ID]; ok {
			return i
		}
	}
	return -1
}

// role returns the role of the focused column.
func (m *Model) role() (model.Role, bool) {
	roles := m.matrix().Roles
	if m.col < 0 || m.col >= len(roles) {
		return model.Role{}, false
	}
	return roles[m.col], true
}

// activity returns the activity of the focused row.
func (m *Model) activity() (model.Activity, bool) {
	acts := m.matrix().Activities
	if m.row < 0 || m.row >= len(acts) {
		return model.Activity{}, false
	}
	return acts[m.row], true
}

// clamp keeps the cursor in the grid and the window around the cursor.
func (m *Model) clamp() {
	mx := m.matrix()
	m.row = min(max(m.row, 0), max(len(mx.Activities)-1, 0))
	m.col = min(max(m.col, 0), max(len(mx.Roles)-1, 0))
	l := m.layout()
	rows, cols := max(l.rows, 1), max(l.cols, 1)
	if m.row < m.top {
		m.top = m.row
	}
	if m.row >= m.top+rows {
		m.top = m.row - rows + 1
	}
	m.top = max(min(m.top, len(mx.Activities)-rows), 0)
	if m.col < m.left {
		m.left = m.col
	}
	if m.col >= m.left+cols {
		m.left = m.col - cols + 1
	}
	m.left = max(min(m.left, len(mx.Roles)-cols), 0)
}

// Update handles keys and the screen's own messages.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.sess == nil {
		return m, nil
	}
	if msg, ok := msg.(chooseMsg); ok {
		return m, m.chosen(msg)
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
	mx := m.matrix()
	switch {
	case matches(msg, k.Up):
		m.row--
	case matches(msg, k.Down):
		m.row++
	case matches(msg, k.Left):
		m.col--
	case matches(msg, k.Right):
		m.col++
	case matches(msg, k.PageUp):
		page := max(m.layout().rows, 1)
		m.row, m.top = m.row-page, m.top-page
	case matches(msg, k.PageDown):
		page := max(m.layout().rows, 1)
		m.row, m.top = m.row+page, m.top+page
	case matches(msg, k.Top):
		m.row = 0
	case matches(msg, k.Bottom):
		m.row = len(mx.Activities) - 1
	case matches(msg, k.First):
		m.col = 0
	case matches(msg, k.Last):
		m.col = len(mx.Roles) - 1
	case matches(msg, k.R):
		return m.set(model.Responsible)
	case matches(msg, k.A):
		return m.set(model.Accountable)
	case matches(msg, k.C):
		return m.set(model.Consulted)
	case matches(msg, k.I):
		return m.set(model.Informed)
	case matches(msg, k.Clear):
		return m.set("")
	case matches(msg, k.Suggest):
		return m.suggest()
	case matches(msg, k.Add):
		m.ask(formAdd, "Add to the grid", "Add a row (an activity) or a column (a role)?")
	case matches(msg, k.Edit):
		return m.askTarget(formEdit, "Edit")
	case matches(msg, k.Delete):
		return m.askTarget(formDelete, "Delete")
	case matches(msg, k.RowUp):
		return m.moveActivity(-1)
	case matches(msg, k.RowDown):
		return m.moveActivity(1)
	case matches(msg, k.ColLeft):
		return m.moveRole(-1)
	case matches(msg, k.ColRight):
		return m.moveRole(1)
	}
	m.clamp()
	return nil
}

// set gives the focused role the letter on the focused activity; the empty
// letter clears the cell.
func (m *Model) set(l model.Letter) tea.Cmd {
	act, okA := m.activity()
	role, okR := m.role()
	if !okA || !okR {
		return common.Status("The grid needs an activity and a role first: + adds one")
	}
	row, id := m.row, role.ID
	if act.Cells[id] == l {
		// Nothing changes, so nothing goes on the undo stack.
		return nil
	}
	label := "RACI: " + string(l) + " for " + display.OneLine(roleLabel(role)) + " on " + display.OneLine(act.Name)
	if l == "" {
		label = "RACI: cleared " + display.OneLine(roleLabel(role)) + " on " + display.OneLine(act.Name)
	}
	return edit(label, func(s *model.Session) { s.RACI.Set(row, id, l) })
}

// suggest fills the empty cells from the workshop's suggested assignment,
// as one change the room can undo.
func (m *Model) suggest() tea.Cmd {
	trial := m.matrix().Clone()
	n := trial.ApplySuggested(m.sess.Workshop.RACI.Activities)
	if n == 0 {
		return common.Status("No empty cell has a suggested letter: the room's letters are kept")
	}
	return edit("RACI: suggested assignment filled "+display.Count(n, "empty cell", "empty cells"), func(s *model.Session) {
		s.RACI.ApplySuggested(s.Workshop.RACI.Activities)
	})
}

// moveActivity swaps the focused activity with its neighbour above (-1) or
// below (+1); the cursor goes with it.
func (m *Model) moveActivity(by int) tea.Cmd {
	act, ok := m.activity()
	to := m.row + by
	if !ok || to < 0 || to >= len(m.matrix().Activities) {
		return nil
	}
	from := m.row
	m.goRow, m.goRev = to, m.rev
	return edit("RACI: moved activity "+display.OneLine(act.Name), func(s *model.Session) {
		acts := s.RACI.Activities
		if from < len(acts) && to < len(acts) {
			acts[from], acts[to] = acts[to], acts[from]
		}
	})
}

// moveRole swaps the focused role with its neighbour left (-1) or right
// (+1); the cursor goes with it. Cells follow by ID, so no letter moves.
func (m *Model) moveRole(by int) tea.Cmd {
	role, ok := m.role()
	to := m.col + by
	if !ok || to < 0 || to >= len(m.matrix().Roles) {
		return nil
	}
	id := role.ID
	m.goCol, m.goRev = to, m.rev
	return edit("RACI: moved role "+display.OneLine(roleLabel(role)), func(s *model.Session) {
		roles := s.RACI.Roles
		for i := range roles {
			if roles[i].ID == id {
				if j := i + by; j >= 0 && j < len(roles) {
					roles[i], roles[j] = roles[j], roles[i]
				}
				return
			}
		}
	})
}

func edit(label string, fn func(*model.Session)) tea.Cmd {
	e := common.EditMsg{Label: label, Apply: fn}
	return func() tea.Msg { return e }
}

// roleLabel names a role in a sentence: its name, or its ID without one.
// roleCodes returns the column headers of roles, reusing the last ones
// while no role's label changed.
func (m *Model) roleCodes(roles []model.Role) []string {
	same := len(roles) == len(m.codeNames)
	for i := 0; same && i < len(roles); i++ {
		same = roleLabel(roles[i]) == m.codeNames[i]
	}
	if !same {
		m.codeNames = m.codeNames[:0]
		for _, r := range roles {
			m.codeNames = append(m.codeNames, roleLabel(r))
		}
		m.codes = model.RoleCodes(roles)
	}
	return m.codes
}

func roleLabel(r model.Role) string {
	if r.Name != "" {
		return r.Name
	}
	return r.ID
}
