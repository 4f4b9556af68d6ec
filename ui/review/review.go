// Package review is the last step of a workshop: a summary of what every
// step still misses, the action items the room agreed, and a preview of the
// plan as it will be exported, drawn in the background.
package review

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/plan"
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
	paneCount
)

var paneNames = [paneCount]string{"Summary", "Action items", "Preview"}

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

	// The preview is rendered in a command; previewRev and previewW say
	// which session revision and width the shown text belongs to.
	preview              viewport.Model
	previewRev, previewW int
	previewOK            bool
	previewErr           error
	rendering            bool

	// exported is where the plan was last written.
	exported string
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
	}
	return m.actionsKey(msg)
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
			i, text, done := m.cursor, m.sess.Actions[m.cursor].Text, !m.sess.Actions[m.cursor].Done
			label := "Marked done: "
			if !done {
				label = "Marked open again: "
			}
			return edit(label+display.OneLine(string(text)), func(s *model.Session) {
				if i < len(s.Actions) && s.Actions[i].Text == text {
					s.Actions[i].Done = done
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

// openForm edits action i, or adds one when i is -1.
func (m *Model) openForm(i int) tea.Cmd {
	var a model.ActionItem
	if i >= 0 && i < m.actionCount() {
		a = m.sess.Actions[i]
	} else {
		i = -1
		a.Source = model.StepReview
	}
	text := form.Field{Key: "text", Label: "Action", Kind: form.Line, Required: true, Value: string(a.Text),
		Placeholder: "what will be done, in one sentence"}
	if strings.ContainsAny(string(a.Text), "\r\n") {
		text.Kind = form.Paragraph
	}
	owner := form.Field{Key: "owner", Label: "Owner role", Kind: form.Choice, Value: a.Owner,
		Options: []string{""}, Labels: []string{"no owner yet"}}
	known := false
	for _, r := range m.sess.RACI.Roles {
		owner.Options = append(owner.Options, r.ID)
		owner.Labels = append(owner.Labels, display.OneLine(m.sess.RoleName(r.ID)))
		known = known || r.ID == a.Owner
	}
	if !known && a.Owner != "" {
		owner.Options = append(owner.Options, a.Owner)
		owner.Labels = append(owner.Labels, display.OneLine(a.Owner)+" (not in the RACI grid)")
	}
	source := form.Field{Key: "source", Label: "Source step", Kind: form.Choice, Value: string(a.Source),
		Options: []string{""}, Labels: []string{"no step"}}
	seen := map[model.StepKind]bool{}
	for _, st := range m.sess.Workshop.Steps {
		if seen[st.Kind] {
			continue
		}
		seen[st.Kind] = true
		source.Options = append(source.Options, string(st.Kind))
		source.Labels = append(source.Labels, display.OneLine(stepName(st)))
	}
	if !seen[a.Source] && a.Source != "" {
		source.Options = append(source.Options, string(a.Source))
		source.Labels = append(source.Labels, display.OneLine(string(a.Source)))
	}
	m.OpenForm("", text, owner,
		form.Field{Key: "due", Label: "Due", Kind: form.Line, Value: a.Due, Placeholder: "YYYY-MM-DD", Validate: form.Date},
		source)
	m.editing = i
	m.pane = actionsPane
	return nil
}

func stepName(st model.Step) string {
	if t := strings.TrimSpace(st.Title); t != "" {
		return t
	}
	return st.Kind.Label()
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
	text := model.Text(model.Clean(f.Value("text")))
	owner, due, source := f.Value("owner"), model.Clean(f.Value("due")), model.StepKind(f.Value("source"))
	if m.editing < 0 {
		m.cursor = m.actionCount()
		return edit("Added action: "+display.OneLine(string(text)), func(s *model.Session) {
			s.Actions = append(s.Actions, model.ActionItem{Text: text, Owner: owner, Due: due, Source: source})
		})
	}
	i, was := m.editing, m.sess.Actions[m.editing].Text
	return edit("Changed action: "+display.OneLine(string(text)), func(s *model.Session) {
		if i < len(s.Actions) && s.Actions[i].Text == was {
			a := &s.Actions[i]
			a.Text, a.Owner, a.Due, a.Source = text, owner, due, source
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
		if p == actionsPane {
			name += " (" + strconv.Itoa(m.actionCount()) + ")"
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
		name := strconv.Itoa(i+1) + ". " + display.OneLine(stepName(step))
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
	ownerW, dueW, sourceW := min(22, w/5), 10, min(18, w/6)
	textW := max(w-6-ownerW-dueW-sourceW-3, 4)
	row := func(mark, text, owner, due, source string) string {
		return mark + display.Pad(text, textW) + " " + display.Pad(owner, ownerW) + " " + display.Pad(due, dueW) + " " + display.Fit(source, sourceW)
	}
	lines := []string{display.Fit(st.Heading.Render(row("      ", "Action", "Owner role", "Due", "Source step")), w)}
	rows := max(height-1, 1)
	top := min(max(m.cursor-rows+1, 0), max(n-rows, 0))
	if m.cursor < top {
		top = m.cursor
	}
	sources := map[model.StepKind]string{}
	for _, s := range m.sess.Workshop.Steps {
		if _, ok := sources[s.Kind]; !ok {
			sources[s.Kind] = stepName(s)
		}
	}
	for i := top; i < min(top+rows, n); i++ {
		a := m.sess.Actions[i]
		mark := "  [ ] "
		if a.Done {
			mark = "  [x] "
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
		line := row(mark, display.OneLine(string(a.Text)), display.OneLine(owner), display.OneLine(due), display.OneLine(source))
		if i == m.cursor {
			line = st.Selected.Render(display.Pad(line, w))
		}
		lines = append(lines, display.Fit(line, w))
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
