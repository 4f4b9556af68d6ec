// Package risks is the risk register step: every risk with its score, band,
// owner role and treatment, a 5×5 heat map beside the list that filters it
// cell by cell, and a flag on every serious risk that still lacks an owner
// or a mitigation.
package risks

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/frame"
	"github.com/roundtable/roundtable/ui/pick"
	"github.com/roundtable/roundtable/ui/theme"
)

// Model is the risk register screen.
type Model struct {
	ctx           common.Context
	sess          *model.Session
	rev           int
	width, height int

	// sel is the index in Risks of the selected risk, so the selection
	// stays on its risk when sorting or an edit moves it.
	sel, top int
	// goSel selects a risk being added once it arrives (a revision after
	// goRev); -1 when nothing is on its way.
	goSel, goRev int
	// afterDelete is the risk to select once the one being deleted is
	// gone (its index in Risks after the delete): the one below it in the
	// list as shown, or above it at the end. deleteFrom is how many risks
	// there were; -1 when no delete is asked for.
	afterDelete, deleteFrom int
	// deleteAt and deleteTitle are the risk being deleted. Once it is
	// gone they become restoreAt and restoreTitle, with restoreFrom the
	// count it leaves behind: an undo that brings it back selects it.
	deleteAt, restoreAt, restoreFrom int
	deleteTitle, restoreTitle        string
	// placed is set once the selection has been put on a first list.
	placed bool

	byScore   bool
	filtering bool
	filter    textinput.Model

	// onMap is set while the heat map has focus; mapL and mapI are its
	// cursor. cellOn filters the list to that cell.
	onMap      bool
	mapL, mapI int
	cellOn     bool

	// The open form or dialog.
	frame.Frame
	editing  int // index in Risks the form changes, or -1 when it adds
	category pick.Pick

	shown shownCache
	sums  sumCache
	ink   inks
}

// shownCache is the list as drawn: indices into Risks, sorted and
// filtered, worked out once per revision, order and filter.
type shownCache struct {
	ok                 bool
	rev                int
	byScore, cellOn    bool
	cellL, cellI       int
	filter             string
	idx                []int
	pos                map[int]int
	ownerNames         map[string]string
	ownerRev, ownerLen int
}

// sumCache is what the heat map and the heading count, once per revision.
type sumCache struct {
	ok       bool
	rev      int
	cells    [6][6]int // [likelihood][impact], 1–5
	unscored int
	flagged  int
}

type inks struct {
	heading, muted, warn, marker, selected theme.Ink
	// band is each band's ink, unscored to critical.
	band [5]theme.Ink
}

// New makes the risk register screen.
func New(ctx common.Context) common.StepScreen { return newModel(ctx) }

func newModel(ctx common.Context) *Model {
	st := ctx.Styles
	f := textinput.New()
	f.Prompt = "/ "
	f.Placeholder = "title, category, owner, treatment or status"
	f.Cursor.SetMode(cursor.CursorStatic)
	return &Model{ctx: ctx, Frame: frame.New(st, formHead), editing: -1, goSel: -1, deleteFrom: -1, restoreAt: -1, byScore: true, filter: f, mapL: 3, mapI: 3, ink: inks{
		heading: theme.InkOf(st.Heading), muted: theme.InkOf(st.Muted), warn: theme.InkOf(st.Warn),
		marker: theme.InkOf(st.Marker), selected: theme.InkOf(st.Selected),
		band: [...]theme.Ink{theme.InkOf(st.Band(model.BandNone)), theme.InkOf(st.Band(model.BandLow)),
			theme.InkOf(st.Band(model.BandMedium)), theme.InkOf(st.Band(model.BandHigh)), theme.InkOf(st.Band(model.BandCritical))},
	}}
}

// SetSession shows sess at revision rev.
func (m *Model) SetSession(sess *model.Session, rev int) {
	m.sess, m.rev = sess, rev
	if rev != m.goRev {
		if sess != nil && m.goSel >= 0 && m.goSel < len(sess.Risks) {
			m.sel = m.goSel
			// A new risk may fall outside the cell or the filter; show it.
			m.cellOn = false
			m.filter.SetValue("")
		}
		m.goSel = -1
	}
	if m.deleteFrom >= 0 && sess != nil && len(sess.Risks) == m.deleteFrom-1 {
		m.sel = m.afterDelete
		m.restoreAt, m.restoreTitle, m.restoreFrom = m.deleteAt, m.deleteTitle, len(sess.Risks)
		m.deleteFrom = -1
	} else if m.restoreAt >= 0 && sess != nil && len(sess.Risks) != m.restoreFrom {
		if len(sess.Risks) == m.restoreFrom+1 && sess.Risks[m.restoreAt].Title == m.restoreTitle {
			m.sel = m.restoreAt
			// The restored risk may fall outside the cell or the filter.
			m.cellOn = false
			m.filter.SetValue("")
		}
		m.restoreAt = -1
	}
	if !m.placed && sess != nil && len(sess.Risks) > 0 {
		// The room starts at the top of the list: the worst risk.
		m.placed = true
		if c := m.list(); len(c.idx) > 0 {
			m.sel = c.idx[0]
		}
	}
	m.keepSelection()
}

// SetSize gives the screen its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.filter.Width = max(m.width-4, 1)
	m.Frame.SetSize(width, height)
	m.keepSelection()
}

// Typing reports whether the filter, a form or a dialog has the keys.
func (m *Model) Typing() bool { return m.filtering || m.Frame.Typing() }

func (m *Model) risks() []model.Risk {
	if m.sess == nil {
		return nil
	}
	return m.sess.Risks
}

// ownerName names the owner role of a risk; a role that has left the grid
// keeps its ID behind a "?" so the room sees it needs a new owner.
func (m *Model) ownerName(id string) string {
	if id == "" {
		return ""
	}
	c := &m.shown
	if c.ownerNames == nil || c.ownerRev != m.rev || c.ownerLen != len(m.sess.RACI.Roles) {
		c.ownerNames = make(map[string]string, len(m.sess.RACI.Roles))
		for _, r := range m.sess.RACI.Roles {
			if _, ok := c.ownerNames[r.ID]; !ok {
				c.ownerNames[r.ID] = m.sess.RoleName(r.ID)
			}
		}
		c.ownerRev, c.ownerLen = m.rev, len(m.sess.RACI.Roles)
	}
	if n, ok := c.ownerNames[id]; ok {
		return n
	}
	return "? " + id
}

// list returns the risks to draw in order, worked out again only when the
// session, the order, the filter or the map cell changed: sorting and
// matching a thousand risks on every key press would cost a frame.
func (m *Model) list() *shownCache {
	c := &m.shown
	text := strings.ToLower(strings.TrimSpace(m.filter.Value()))
	if c.ok && c.rev == m.rev && c.byScore == m.byScore && c.cellOn == m.cellOn &&
		c.cellL == m.mapL && c.cellI == m.mapI && c.filter == text && len(c.pos) <= len(m.risks()) {
		return c
	}
	rs := m.risks()
	idx := make([]int, 0, len(rs))
	for i, r := range rs {
		if m.cellOn && (r.Likelihood != m.mapL || r.Impact != m.mapI) {
			continue
		}
		if text != "" && !m.matches(r, text) {
			continue
		}
		idx = append(idx, i)
	}
	if m.byScore {
		slices.SortStableFunc(idx, func(a, b int) int { return rs[b].Score() - rs[a].Score() })
	}
	pos := make(map[int]int, len(idx))
	for p, i := range idx {
		pos[i] = p
	}
	c.ok, c.rev, c.byScore, c.cellOn, c.cellL, c.cellI, c.filter = true, m.rev, m.byScore, m.cellOn, m.mapL, m.mapI, text
	c.idx, c.pos = idx, pos
	return c
}

// matches reports whether the filter text is in what the list shows of r.
func (m *Model) matches(r model.Risk, text string) bool {
	for _, s := range []string{r.Title, r.Category, m.ownerName(r.Owner), string(r.Treatment), string(r.Status), r.Band().String()} {
		if strings.Contains(strings.ToLower(s), text) {
			return true
		}
	}
	return false
}

// summary counts the heat map's cells and the flagged risks once per
// revision.
func (m *Model) summary() *sumCache {
	c := &m.sums
	if c.ok && c.rev == m.rev {
		return c
	}
	*c = sumCache{ok: true, rev: m.rev}
	for _, r := range m.risks() {
		if r.Score() == 0 {
			c.unscored++
		} else {
			c.cells[r.Likelihood][r.Impact]++
		}
		if len(r.Flags()) > 0 {
			c.flagged++
		}
	}
	return c
}

// keepSelection keeps the selection on a risk the list shows and the
// window around it.
func (m *Model) keepSelection() {
	if m.sess == nil {
		return
	}
	c := m.list()
	if len(c.idx) == 0 {
		m.top = 0
		return
	}
	p, ok := c.pos[m.sel]
	if !ok {
		p = 0
		m.sel = c.idx[0]
	}
	rows := max(m.layout().rows, 1)
	if p < m.top {
		m.top = p
	}
	if p >= m.top+rows {
		m.top = p - rows + 1
	}
	m.top = max(min(m.top, len(c.idx)-rows), 0)
}

// moveTo selects the risk at position p of the list, clamped.
func (m *Model) moveTo(p int) {
	c := m.list()
	if len(c.idx) == 0 {
		return
	}
	m.sel = c.idx[min(max(p, 0), len(c.idx)-1)]
	m.keepSelection()
}

// Update handles keys and the screen's own messages.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.sess == nil {
		return m, nil
	}
	return m, m.Frame.Update(msg, m.SetSize, m.key)
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := Keys
	if m.Dialog == nil {
		// A delete the room answered no to is forgotten.
		m.deleteFrom = -1
	}
	if cmd, ok := m.DialogKey(msg); ok {
		return cmd
	}
	switch {
	case m.Form != nil:
		return m.formKey(msg)
	case m.filtering:
		return m.filterKey(msg)
	case m.onMap:
		return m.mapKey(msg)
	}
	pos := m.list().pos[m.sel]
	page := max(m.layout().rows, 1)
	switch {
	case matches(msg, k.Up):
		m.moveTo(pos - 1)
	case matches(msg, k.Down):
		m.moveTo(pos + 1)
	case matches(msg, k.PageUp):
		m.top = max(m.top-page, 0)
		m.moveTo(pos - page)
	case matches(msg, k.PageDown):
		m.top += page
		m.moveTo(pos + page)
	case matches(msg, k.Top):
		m.moveTo(0)
	case matches(msg, k.Bottom):
		m.moveTo(len(m.list().idx) - 1)
	case matches(msg, k.Sort):
		m.byScore = !m.byScore
		m.keepSelection()
		if m.byScore {
			return common.Status("Risks sorted by score, highest first")
		}
		return common.Status("Risks in register order")
	case matches(msg, k.Filter):
		m.filtering = true
		return m.filter.Focus()
	case matches(msg, k.Pane):
		// The map opens on the cell of the risk in focus.
		if _, ok := m.list().pos[m.sel]; ok && m.risks()[m.sel].Score() > 0 && !m.cellOn {
			m.mapL, m.mapI = m.risks()[m.sel].Likelihood, m.risks()[m.sel].Impact
		}
		m.onMap = true
		m.cellOn = true
		m.keepSelection()
	case matches(msg, k.ClearCell):
		m.cellOn = false
		m.keepSelection()
	case matches(msg, k.Add):
		m.open(-1)
	case matches(msg, k.Edit):
		if _, ok := m.list().pos[m.sel]; ok {
			m.open(m.sel)
		}
	case matches(msg, k.Delete):
		if _, ok := m.list().pos[m.sel]; ok {
			m.confirmDelete(m.sel)
		}
	}
	return nil
}

// mapKey moves on the heat map; the list follows the cell under the cursor.
func (m *Model) mapKey(msg tea.KeyMsg) tea.Cmd {
	k := Keys
	switch {
	case matches(msg, mapKeys.Up):
		m.mapI = min(m.mapI+1, 5)
	case matches(msg, mapKeys.Down):
		m.mapI = max(m.mapI-1, 1)
	case matches(msg, k.Left):
		m.mapL = max(m.mapL-1, 1)
	case matches(msg, k.Right):
		m.mapL = min(m.mapL+1, 5)
	case matches(msg, k.Pane), msg.String() == "enter":
		m.onMap = false
	case matches(msg, k.ClearCell):
		m.cellOn, m.onMap = false, false
	case matches(msg, k.Filter):
		m.filtering = true
		m.keepSelection()
		return m.filter.Focus()
	default:
		return nil
	}
	if m.onMap {
		m.cellOn = true
	}
	m.keepSelection()
	return nil
}

// filterKey types into the filter; the list narrows as the room types.
func (m *Model) filterKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case matches(msg, Keys.FilterDone):
		m.filtering = false
		m.filter.Blur()
		return nil
	case matches(msg, Keys.FilterClear):
		m.filtering = false
		m.filter.Blur()
		m.filter.SetValue("")
		m.keepSelection()
		return nil
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	m.keepSelection()
	return cmd
}

// confirmDelete asks before deleting risk i, naming it and its score.
func (m *Model) confirmDelete(i int) {
	r := m.risks()[i]
	title := display.OneLine(r.Title)
	body := "Score " + scoreText(r) + ", owner " + orNone(m.ownerName(r.Owner)) + ". u undoes it."
	want := r.Title
	m.deleteFrom, m.afterDelete = len(m.risks()), i
	m.deleteAt, m.deleteTitle = i, r.Title
	c := m.list()
	if p, ok := c.pos[i]; ok {
		switch {
		case p+1 < len(c.idx):
			m.afterDelete = c.idx[p+1]
		case p > 0:
			m.afterDelete = c.idx[p-1]
		}
	}
	if m.afterDelete > i {
		m.afterDelete--
	}
	m.Ask("Delete risk "+title+"?", body,
		dialog.Choice{Key: "y", Label: "Delete", Msg: common.EditMsg{Label: "deleted risk " + title, Apply: func(s *model.Session) {
			if i < len(s.Risks) && s.Risks[i].Title == want {
				s.Risks = append(s.Risks[:i:i], s.Risks[i+1:]...)
			}
		}}},
		dialog.Choice{Key: "n", Label: "Keep it"},
	)
}

func edit(label string, fn func(*model.Session)) tea.Cmd {
	e := common.EditMsg{Label: label, Apply: fn}
	return func() tea.Msg { return e }
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// scoreText is "L×I = S (band)", or "not scored".
func scoreText(r model.Risk) string {
	if r.Score() == 0 {
		return "not scored"
	}
	return itoa(r.Likelihood) + "×" + itoa(r.Impact) + " = " + itoa(r.Score()) + " (" + r.Band().String() + ")"
}
