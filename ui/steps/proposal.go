package steps

import (
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/actionform"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
)

// proposal is the form of the action proposed for a finding, drawn in
// place of the step's screen until it is kept or dropped.
type proposal struct {
	finding model.OpenFinding
	action  model.ActionItem
	form    *form.Form
}

// ProposeAction opens the action form filled in for the finding under the
// cursor of the step's screen (common.FindingHolder): its words, owner
// role, due date and source step, to edit before it is kept. It says why
// when there is no finding there, or when an action already answers it.
func (m *Model) ProposeAction(today time.Time) (tea.Cmd, string) {
	if m.details != nil || m.proposal != nil {
		return nil, ""
	}
	h, ok := m.screen().(common.FindingHolder)
	if !ok {
		return nil, "This step has no findings to act on; the review step lists every finding without an action."
	}
	f, ok := h.Finding()
	if !ok {
		return nil, "Nothing under the cursor is a finding: move onto a flagged risk, objective, RACI row or role, or see the review step's list."
	}
	if i, kept := m.sess.ActionFor(f.Key); kept {
		return nil, "Action " + strconv.Itoa(i+1) + " already answers this finding: " + display.OneLine(string(m.sess.Actions[i].Text))
	}
	a := f.Propose(today)
	m.proposal = &proposal{finding: f, action: a, form: actionform.New(m.ctx.Styles, m.sess, a, false)}
	m.proposal.form.SetSize(m.width, max(m.height-3, 1))
	return m.proposal.form.Focus("text"), ""
}

// proposalKey hands a key to the open proposal; keeping it is one change
// of the session, undone with u.
func (m *Model) proposalKey(msg tea.Msg) tea.Cmd {
	p := m.proposal
	ev, cmd := p.form.Update(msg)
	switch ev.Kind {
	case form.Cancel:
		m.proposal = nil
	case form.Submit:
		m.proposal = nil
		a := actionform.Read(p.form, p.action)
		return tea.Batch(cmd, func() tea.Msg {
			return common.EditMsg{Label: "Added action: " + display.OneLine(string(a.Text)), Apply: func(s *model.Session) { s.AddAction(a) }}
		})
	}
	return cmd
}

// proposalView draws the finding above the form of its action.
func (m *Model) proposalView() string {
	st := m.ctx.Styles
	head := display.Fit(st.Title.Render("Action for a finding"), m.width) + "\n" +
		display.Fit(st.Warn.Render("! "+display.OneLine(m.proposal.finding.Message)), m.width) + "\n" +
		display.Fit(st.Muted.Render("Edit it as the room agrees; ctrl+s keeps it, u undoes it, esc drops it."), m.width)
	return display.FitBlock(head+"\n"+m.proposal.form.View(), m.width, m.height)
}
