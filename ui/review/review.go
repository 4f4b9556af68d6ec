// Package review is the last step of a workshop: a summary of what every
// step still misses, the action items the room agreed, and a preview of the
// plan as it will be exported, drawn in the background.
package review

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/ui/actionform"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/frame"
	"github.com/roundtable/roundtable/ui/theme"
)

// pane is one of the review screen's three views.
type pane int

const (
	summaryPane pane = iota
	actionsPane
	previewPane
	findingsPane
	paneCount
)

var paneNames = [paneCount]string{"Summary", "Action items", "Preview", "Findings without action"}

// Model is the review step's screen.
type Model struct {
	ctx           common.Context
	sess          *model.Session
	rev           int
	width, height int
	pane          pane

	// The summary is laid out once per revision and width.
	summary              viewport.Model
	summaryRev, summaryW int
	summaryOK            bool

	// cursor is the selected action item.
	cursor int
	// The open form edits the action item editing, or a new one when
	// editing is -1.
	frame.Frame
	editing int
	// proposed is the action the form started from: for a new one, where
	// it came from, such as the finding it answers.
	proposed model.ActionItem

	// The preview is rendered in a command; previewRev and previewW say
	// which session revision and width the shown text belongs to.
	preview              viewport.Model
	previewRev, previewW int
	previewOK            bool
	previewErr           error
	rendering            bool

	// exported is where the plan was last written.
	exported string

	// open are the findings no action answers yet, at openRev; fcursor
	// is the one selected.
	open    []model.OpenFinding
	openRev int
	openOK  bool
	fcursor int

	foot footCache
}

// New makes the review screen.
func New(ctx common.Context) common.StepScreen {
	return &Model{ctx: ctx, Frame: frame.New(ctx.Styles, 2), editing: -1, summary: newViewport(), preview: newViewport()}
}

func newViewport() viewport.Model {
	v := viewport.New(0, 0)
	v.KeyMap = viewport.KeyMap{
		PageDown: Keys.PageDown, PageUp: Keys.PageUp,
		HalfPageUp: key.NewBinding(key.WithKeys("ctrl+u")), HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d")),
		Up: Keys.Up, Down: Keys.Down, Left: Keys.ScrollLeft, Right: Keys.ScrollRight,
	}
	v.SetHorizontalStep(8)
	return v
}

// SetSession shows sess at revision rev.
func (m *Model) SetSession(sess *model.Session, rev int) {
	m.sess, m.rev = sess, rev
	m.cursor = min(m.cursor, max(m.actionCount()-1, 0))
}

// SetSize gives the screen its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	body := max(m.height-2, 0)
	m.summary.Width, m.summary.Height = m.width, body
	m.preview.Width, m.preview.Height = m.width, body
	m.Frame.SetSize(width, height)
}

func (m *Model) actionCount() int {
	if m.sess == nil {
		return 0
	}
	return len(m.sess.Actions)
}

// Messages of the review screen.
type (
	// renderedMsg carries the preview drawn for a revision and width.
	renderedMsg struct {
		rev, width int
		// view holds the drawing already split into lines and measured,
		// work too slow for Update on a large plan.
		view viewport.Model
		err  error
	}
	// deleteMsg confirms the deletion of the action at index with text.
	deleteMsg struct {
		index int
		text  model.Text
	}
)

// Update handles keys and the preview's rendering.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.sess == nil {
		return m, nil
	}
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case renderedMsg:
		m.rendering = false
		if msg.err != nil {
			m.previewErr = msg.err
		} else {
			m.previewErr = nil
			v := msg.view
			v.Width, v.Height = m.preview.Width, m.preview.Height
			v.SetYOffset(m.preview.YOffset)
			m.preview = v
			m.previewRev, m.previewW, m.previewOK = msg.rev, msg.width, true
		}
	case common.ExportedMsg:
		m.exported = msg.Path
	case deleteMsg:
		cmd = m.deleteAction(msg)
	default:
		cmd = m.Frame.Update(msg, m.SetSize, m.key)
	}
	return m, tea.Batch(cmd, m.refreshPreview())
}

// refreshPreview starts drawing the preview when it is on screen and out of
// date. One drawing runs at a time; a stale result starts the next.
func (m *Model) refreshPreview() tea.Cmd {
	if m.pane != previewPane || m.rendering || m.width <= 0 {
		return nil
	}
	if m.previewOK && m.previewRev == m.rev && m.previewW == m.width {
		return nil
	}
	m.rendering = true
	// The copy keeps the drawing from reading the session while the room
	// changes it: the root's frozen copy of this revision, made once.
	sess, rev, width, st := m.ctx.Latest.Copy(m.sess, m.rev), m.rev, m.width, m.ctx.Styles
	return func() (msg tea.Msg) {
		// A renderer that trips over some input loses the preview, not
		// the workshop.
		defer func() {
			if r := recover(); r != nil {
				msg = renderedMsg{rev: rev, width: width, err: fmt.Errorf("the renderer failed: %v", r)}
			}
		}()
		v := newViewport()
		v.SetContent(Render(plan.Build(sess), st, width))
		return renderedMsg{rev: rev, width: width, view: v}
	}
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if cmd, ok := m.DialogKey(msg); ok {
		return cmd
	}
	if m.Form != nil {
		return m.formKey(msg)
	}
	switch {
	case key.Matches(msg, Keys.Pane):
		m.pane = (m.pane + 1) % paneCount
		return nil
	case key.Matches(msg, Keys.PaneBack):
		m.pane = (m.pane + paneCount - 1) % paneCount
		return nil
	}
	switch m.pane {
	case summaryPane:
		m.layoutSummary()
		return scroll(&m.summary, msg)
	case previewPane:
		return scroll(&m.preview, msg)
	case findingsPane:
		return m.findingsKey(msg)
	}
	return m.actionsKey(msg)
}

// unfollowed are the open findings without an action, worked out again
// only when the session changed.
func (m *Model) unfollowed() []model.OpenFinding {
	if !m.openOK || m.openRev != m.rev {
		m.open, m.openRev, m.openOK = m.sess.Unfollowed(), m.rev, true
		m.fcursor = min(m.fcursor, max(len(m.open)-1, 0))
	}
	return m.open
}

func (m *Model) findingsKey(msg tea.KeyMsg) tea.Cmd {
	n := len(m.unfollowed())
	switch {
	case key.Matches(msg, Keys.Up):
		m.fcursor = max(m.fcursor-1, 0)
	case key.Matches(msg, Keys.Down):
		m.fcursor = max(min(m.fcursor+1, n-1), 0)
	case key.Matches(msg, Keys.Top):
		m.fcursor = 0
	case key.Matches(msg, Keys.Bottom):
		m.fcursor = max(n-1, 0)
	case key.Matches(msg, Keys.Propose):
		if f, ok := m.Finding(); ok {
			return m.openAction(-1, f.Propose(m.ctx.Now()))
		}
	}
	return nil
}

// Finding is the finding selected on the findings pane, for the key that
// turns a finding into an action (common.FindingHolder).
func (m *Model) Finding() (model.OpenFinding, bool) {
	if m.sess == nil || m.pane != findingsPane || m.Form != nil {
		return model.OpenFinding{}, false
	}
	open := m.unfollowed()
	if m.fcursor >= len(open) {
		return model.OpenFinding{}, false
	}
	return open[m.fcursor], true
}

// scroll moves a viewport with the screen's movement keys.
func scroll(v *viewport.Model, msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, Keys.Top):
		v.GotoTop()
		return nil
	case key.Matches(msg, Keys.Bottom):
		v.GotoBottom()
		return nil
	}
	var cmd tea.Cmd
	*v, cmd = v.Update(msg)
	return cmd
}

func (m *Model) actionsKey(msg tea.KeyMsg) tea.Cmd {
	n := m.actionCount()
	page := max(m.height-4, 1)
	switch {
	case key.Matches(msg, Keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, Keys.Down):
		m.cursor = max(min(m.cursor+1, n-1), 0)
	case key.Matches(msg, Keys.PageUp):
		m.cursor = max(m.cursor-page, 0)
	case key.Matches(msg, Keys.PageDown):
		m.cursor = max(min(m.cursor+page, n-1), 0)
	case key.Matches(msg, Keys.Top):
		m.cursor = 0
	case key.Matches(msg, Keys.Bottom):
		m.cursor = max(n-1, 0)
	case key.Matches(msg, Keys.Add):
		return m.openForm(-1)
	case key.Matches(msg, Keys.Edit):
		if n > 0 {
			return m.openForm(m.cursor)
		}
	case key.Matches(msg, Keys.Delete):
		if n > 0 {
			a := m.sess.Actions[m.cursor]
			m.Ask("Delete this action item?",
				display.OneLine(string(a.Text))+"\n\nu undoes it.",
				dialog.Choice{Key: "y", Label: "Delete", Msg: deleteMsg{index: m.cursor, text: a.Text}})
		}
	case key.Matches(msg, Keys.Done):
		if n > 0 {
			i, text, status := m.cursor, m.sess.Actions[m.cursor].Text, model.ActionDone
			label := "Marked done: "
			if m.sess.Actions[i].Closed() {
				status, label = model.ActionOpen, "Marked open again: "
			}
			today := m.ctx.Now().Format(time.DateOnly)
			return edit(label+display.OneLine(string(text)), func(s *model.Session) {
				if i < len(s.Actions) && s.Actions[i].Text == text {
					s.Actions[i].Review(today, status, s.Actions[i].Note)
				}
			})
		}
	}
	return nil
}

func edit(label string, apply func(*model.Session)) tea.Cmd {
	return func() tea.Msg { return common.EditMsg{Label: label, Apply: apply} }
}

func (m *Model) deleteAction(msg deleteMsg) tea.Cmd {
	return edit("Deleted action: "+display.OneLine(string(msg.text)), func(s *model.Session) {
		// Only the action the room saw: if the list changed meanwhile,
		// nothing is deleted.
		if msg.index < len(s.Actions) && s.Actions[msg.index].Text == msg.text {
			s.Actions = append(s.Actions[:msg.index:msg.index], s.Actions[msg.index+1:]...)
		}
	})
}

// openForm edits action i, with its follow-up, or adds one when i is -1.
func (m *Model) openForm(i int) tea.Cmd {
	var a model.ActionItem
	if i >= 0 && i < m.actionCount() {
		a = m.sess.Actions[i]
	} else {
		i = -1
		a.Source = model.StepReview
	}
	return m.openAction(i, a)
}

// openAction opens the form on a: action i, or a new one when i is -1.
func (m *Model) openAction(i int, a model.ActionItem) tea.Cmd {
	m.Form, m.FormTitle = actionform.New(m.ctx.Styles, m.sess, a, i >= 0), ""
	m.Frame.SetSize(m.width, m.height)
	m.editing, m.proposed = i, a
	m.pane = actionsPane
	return nil
}

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	ev, cmd := m.Form.Update(msg)
	switch ev.Kind {
	case form.Cancel:
		m.CloseForm()
		return nil
	case form.Submit:
		f := m.Form
		m.CloseForm()
		return tea.Batch(cmd, m.submit(f))
	}
	return cmd
}

func (m *Model) submit(f *form.Form) tea.Cmd {
	if m.editing < 0 {
		a := actionform.Read(f, m.proposed)
		a.Status = model.ActionOpen
		m.cursor = m.actionCount()
		return edit("Added action: "+display.OneLine(string(a.Text)), func(s *model.Session) { s.AddAction(a) })
	}
	i, was := m.editing, m.sess.Actions[m.editing]
	a := actionform.Read(f, was)
	a.History = slices.Clone(a.History)
	if status, note := actionform.FollowUp(f); status != was.State() || note != was.Note {
		a.Review(m.ctx.Now().Format(time.DateOnly), status, note)
	}
	return edit("Changed action: "+display.OneLine(string(a.Text)), func(s *model.Session) {
		if i < len(s.Actions) && s.Actions[i].Text == was.Text {
			b := a
			b.History = slices.Clone(a.History)
			s.Actions[i] = b
		}
	})
}

// View draws the pane bar, where the plan goes, and the chosen pane.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 || m.sess == nil {
		return ""
	}
	st := m.ctx.Styles
	var tabs []string
	for p := range paneCount {
		name := paneNames[p]
		// The findings are counted only on their own pane: working
		// them out again after each change would double the cost of
		// every other pane's frame.
		switch {
		case p == actionsPane:
			name += " (" + strconv.Itoa(m.actionCount()) + ")"
		case p == findingsPane && m.pane == findingsPane:
			name += " (" + strconv.Itoa(len(m.unfollowed())) + ")"
		}
		if p == m.pane {
			tabs = append(tabs, st.Selected.Render("["+name+"]"))
		} else {
			tabs = append(tabs, st.Muted.Render(" "+name+" "))
		}
	}
	where := "ctrl+e exports the plan to " + plan.FileName(m.sess) + " in the current folder"
	if m.exported != "" {
		where = "Exported to " + m.exported + " · ctrl+e exports again"
	}
	head := []string{display.Fit(strings.Join(tabs, " "), m.width)}
	if step, ok := m.sess.CurrentStep(); ok && step.Kind == model.StepReview && len(step.Prompts) > 0 {
		head = append(head, st.Muted.Render(common.Ask(step.Prompts, m.width)))
	}
	head = append(head, display.Fit(st.Muted.Render(display.OneLine(where)), m.width))
	if len(head) >= m.height {
		return strings.Join(head[:m.height], "\n")
	}
	body := m.height - len(head)
	m.summary.Height, m.preview.Height = body, body
	var content string
	switch {
	case m.Dialog != nil:
		content = lipgloss.Place(m.width, body, lipgloss.Center, lipgloss.Center, m.Dialog.View(m.width))
	case m.Form != nil:
		m.Form.SetSize(m.width, body)
		content = m.Form.View()
	case m.pane == summaryPane:
		m.layoutSummary()
		content = m.summary.View()
	case m.pane == actionsPane:
		content = m.actionsView(body)
	case m.pane == findingsPane:
		content = m.findingsView(body)
	default:
		content = m.previewView(body)
	}
	return strings.Join(head, "\n") + "\n" + display.FitBlock(content, m.width, body)
}

// layoutSummary lists every step with what it still misses.
func (m *Model) layoutSummary() {
	if m.summaryOK && m.summaryRev == m.rev && m.summaryW == m.width {
		return
	}
	m.summaryOK, m.summaryRev, m.summaryW = true, m.rev, m.width
	st := m.ctx.Styles
	good, warn, muted := theme.InkOf(st.Good), theme.InkOf(st.Warn), theme.InkOf(st.Muted)
	w := max(m.width, 1)
	// The review step lists every other step's findings, each led by the
	// step's title; one call gives them all, and what is left is the
	// review step's own.
	all := m.ctx.Latest.Checks(m.sess, m.rev).Missing(model.StepReview)
	used := make([]bool, len(all))
	byKind := map[model.StepKind][]string{}
	for _, step := range m.sess.Workshop.Steps {
		if _, ok := byKind[step.Kind]; ok || step.Kind == model.StepReview {
			continue
		}
		title := strings.TrimSpace(step.Title)
		if title == "" {
			title = string(step.Kind)
		}
		found := []string{}
		for i, l := range all {
			if rest, ok := strings.CutPrefix(l, title+": "); ok && !used[i] {
				found = append(found, rest)
				used[i] = true
			}
		}
		byKind[step.Kind] = found
	}
	var own []string
	waiting := false
	for i, l := range all {
		if used[i] {
			waiting = true
		} else {
			own = append(own, l)
		}
	}
	if waiting {
		own = append([]string{"the steps above are not all complete"}, own...)
	}
	var lines []string
	done := 0
	for i, step := range m.sess.Workshop.Steps {
		name := strconv.Itoa(i+1) + ". " + display.OneLine(actionform.StepName(step))
		missing := byKind[step.Kind]
		if step.Kind == model.StepReview {
			missing = own
		}
		if len(missing) == 0 {
			done++
			lines = append(lines, display.Fit(good.Paint("✓ "+name+" — complete"), w))
			continue
		}
		lines = append(lines, display.Fit(warn.Paint("! "+name+" — still missing:"), w))
		for _, l := range missing {
			for _, wl := range display.Wrap(l, max(w-6, 1)) {
				lines = append(lines, display.Fit("    · "+wl, w))
			}
		}
	}
	if len(lines) == 0 {
		lines = append(lines, "This workshop has no steps.")
	}
	lines = append(lines, "", display.Fit(muted.Paint(strconv.Itoa(done)+" of "+display.Count(len(m.sess.Workshop.Steps), "step", "steps")+" complete."), w))
	m.summary.SetContent(strings.Join(lines, "\n"))
}

// actionsView draws the window of action items around the cursor.
func (m *Model) actionsView(height int) string {
	st := m.ctx.Styles
	n := m.actionCount()
	if n == 0 {
		return display.Fit("No action items yet. Press a to add one: what, which role owns it, and by when.", m.width)
	}
	w := m.width
	// Below 100 columns the mark alone gives the status, so the action
	// keeps room for its words.
	ownerW, dueW, statusW, sourceW := min(22, w/5), 12, 0, min(18, w/6)
	if w >= 100 {
		statusW = 11
	}
	textW := max(w-6-ownerW-dueW-statusW-sourceW-4, 4)
	row := func(mark, text, owner, due, status, source string) string {
		out := mark + display.Pad(text, textW) + " " + display.Pad(owner, ownerW) + " " + display.Pad(due, dueW) + " "
		if statusW > 0 {
			out += display.Pad(status, statusW) + " "
		}
		return out + display.Fit(source, sourceW)
	}
	lines := []string{display.Fit(st.Heading.Render(row("      ", "Action", "Owner role", "Due", "Status", "Source step")), w)}
	today, foot := m.followUpLine()
	rows := max(height-2, 1)
	top := min(max(m.cursor-rows+1, 0), max(n-rows, 0))
	if m.cursor < top {
		top = m.cursor
	}
	sources := map[model.StepKind]string{}
	for _, s := range m.sess.Workshop.Steps {
		if _, ok := sources[s.Kind]; !ok {
			sources[s.Kind] = actionform.StepName(s)
		}
	}
	for i := top; i < min(top+rows, n); i++ {
		a := m.sess.Actions[i]
		mark := "  [ ] "
		switch a.State() {
		case model.ActionInProgress:
			mark = "  [~] "
		case model.ActionDone:
			mark = "  [x] "
		case model.ActionDropped:
			mark = "  [-] "
		}
		if i == m.cursor {
			mark = "› " + mark[2:]
		}
		owner := m.sess.RoleName(a.Owner)
		if owner == "" {
			owner = "! no owner"
		}
		due := a.Due
		if strings.TrimSpace(due) == "" {
			due = "! no date"
		}
		source, ok := sources[a.Source]
		if !ok {
			source = string(a.Source)
		}
		status := display.OneLine(string(a.State()))
		if a.Finding != "" {
			source += " (finding)"
		}
		overdue := a.Overdue(today)
		if overdue {
			due, status = "! "+due, "overdue"
		}
		line := row(mark, display.OneLine(string(a.Text)), display.OneLine(owner), display.OneLine(due), status, display.OneLine(source))
		switch {
		case i == m.cursor:
			line = st.Selected.Render(display.Pad(line, w))
		case overdue:
			line = st.Warn.Render(line)
		}
		lines = append(lines, display.Fit(line, w))
	}
	lines = append(lines, foot)
	return strings.Join(lines, "\n")
}

// followUpLine is today's date and the line under the action items: how
// many are overdue and when they were last followed up, drawn once per
// revision, width and day.
func (m *Model) followUpLine() (today, line string) {
	today = m.ctx.Now().Format(time.DateOnly)
	c := &m.foot
	if c.ok && c.rev == m.rev && c.width == m.width && c.today == today {
		return today, c.line
	}
	late := 0
	for _, a := range m.sess.Actions {
		if a.Overdue(today) {
			late++
		}
	}
	foot := "Not followed up since the workshop: e sets an action's status and note, weeks later."
	if last := m.sess.LastReviewed(); last != "" {
		foot = "Last followed up " + last + "."
	}
	if late > 0 {
		foot = display.Count(late, "action is", "actions are") + " overdue. " + foot
	}
	*c = footCache{ok: true, rev: m.rev, width: m.width, today: today, line: display.Fit(m.ctx.Styles.Muted.Render(foot), m.width)}
	return today, c.line
}

// footCache is the follow-up line as last drawn.
type footCache struct {
	ok          bool
	rev, width  int
	today, line string
}

// findingsView lists the open findings no action answers, each under its
// step, around the cursor.
func (m *Model) findingsView(height int) string {
	st := m.ctx.Styles
	open := m.unfollowed()
	w := m.width
	if len(open) == 0 {
		return strings.Join(display.Wrap("Every open finding has an action. A finding of a later change shows here; A on it, on any step, proposes its action.", w), "\n")
	}
	titles := map[model.StepKind]string{}
	for _, s := range m.sess.Workshop.Steps {
		if _, ok := titles[s.Kind]; !ok {
			titles[s.Kind] = actionform.StepName(s)
		}
	}
	lines := []string{display.Fit(st.Muted.Render("enter or A proposes an action for the finding: its owner, due date and source filled in, to edit before it is kept."), w)}
	rows := max(height-1, 1)
	top := min(max(m.fcursor-rows+1, 0), max(len(open)-rows, 0))
	for i := top; i < min(top+rows, len(open)); i++ {
		f := open[i]
		mark := "  "
		if i == m.fcursor {
			mark = "› "
		}
		line := display.Fit(mark+display.OneLine(titles[f.Step])+" · "+display.OneLine(f.Message), w)
		if i == m.fcursor {
			line = st.Selected.Render(display.Pad(line, w))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func (m *Model) previewView(height int) string {
	switch {
	case m.previewErr != nil:
		return strings.Join(display.Wrap("The preview could not be drawn: "+m.previewErr.Error()+". ctrl+e still exports the plan.", m.width), "\n")
	case !m.previewOK:
		return "Drawing the plan…"
	}
	out := m.preview.View()
	if m.rendering || m.previewRev != m.rev || m.previewW != m.width {
		// Keep the last drawing on screen and say a newer one is coming.
		lines := strings.Split(out, "\n")
		if len(lines) > 0 && height > 1 {
			lines[len(lines)-1] = m.ctx.Styles.Muted.Render("(updating the preview…)")
		}
		out = strings.Join(lines, "\n")
	}
	return out
}
