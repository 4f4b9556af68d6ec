package drill

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/theme"
)

func (m *Model) resultsKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case keyMatches(msg, drillKeys.Review):
		run, _ := m.run()
		f := form.New(m.ctx.Styles,
			form.Field{Key: "well", Label: "What went well", Kind: form.Paragraph, Value: string(run.Review.WentWell)},
			form.Field{Key: "failed", Label: "What failed", Kind: form.Paragraph, Value: string(run.Review.Failed)},
		)
		return m.openForm(formReview, f)
	case keyMatches(msg, drillKeys.AddAction):
		return m.openActionForm()
	case keyMatches(msg, drillKeys.Rerun):
		m.wantSetup = true
		m.buildSetup()
		return nil
	}
	if d := moveKey(msg); d != 0 {
		m.resultsScroll = max(m.resultsScroll+d, 0)
	}
	return nil
}

func (m *Model) openActionForm() tea.Cmd {
	owner := form.Field{Key: "owner", Label: "Owner role", Kind: form.Choice, Options: []string{""}, Labels: []string{"no owner yet"}}
	if spk, ok := m.sess.Workshop.Drill.Spokesperson(); ok {
		if run, ok := m.run(); ok {
			if a, ok := run.Assignment(spk.ID); ok {
				owner.Value = a.Role
			}
		}
	}
	for _, r := range m.sess.RACI.Roles {
		owner.Options = append(owner.Options, r.ID)
		owner.Labels = append(owner.Labels, display.OneLine(m.sess.RoleName(r.ID)))
	}
	f := form.New(m.ctx.Styles,
		form.Field{Key: "text", Label: "Action", Kind: form.Line, Required: true, Placeholder: "what will be done after this drill"},
		owner,
		form.Field{Key: "due", Label: "Due", Kind: form.Line, Required: true, Placeholder: "YYYY-MM-DD", Validate: form.Date},
	)
	return m.openForm(formAction, f)
}

func (m *Model) submitReview(f *form.Form) tea.Cmd {
	well, failed := model.Text(model.Clean(f.Value("well"))), model.Text(model.Clean(f.Value("failed")))
	return m.edit("Saved the hot wash", false, func(_ *model.Session, r *model.DrillRun, _ model.Scenario) {
		r.Review = model.AfterAction{WentWell: well, Failed: failed}
	})
}

func (m *Model) submitAction(f *form.Form) tea.Cmd {
	a := model.ActionItem{Text: model.Text(model.Clean(f.Value("text"))), Owner: f.Value("owner"), Due: f.Value("due"), Source: model.StepDrill}
	return editCmd("Added action: "+display.OneLine(string(a.Text)), func(s *model.Session) {
		s.Actions = append(s.Actions, a)
	})
}

// resultLines lays out the results of the current run, cached per
// revision and width; the view shows a window of them.
func (m *Model) resultLines() []string {
	c := &m.cache
	if c.resultsOK && c.resultsRev == m.rev && c.resultsW == m.width && c.resultsRun == m.runIdx {
		return c.results
	}
	st := m.ctx.Styles
	w := max(m.width, 1)
	heading, muted, good, warn := theme.InkOf(st.Heading), theme.InkOf(st.Muted), theme.InkOf(st.Good), theme.InkOf(st.Warn)
	d := m.sess.Workshop.Drill
	run, _ := m.run()
	sc, _ := m.scenario()
	f := m.figures()
	var lines []string
	add := func(s string) { lines = append(lines, display.Fit(s, w)) }
	para := func(indent, text string) {
		for _, l := range display.Wrap(text, max(w-len(indent), 1)) {
			lines = append(lines, indent+l)
		}
	}
	title := display.OneLine(sc.Title)
	if title == "" {
		title = display.OneLine(run.Scenario)
	}
	add(heading.Paint(fmt.Sprintf("Results of run %d of %d: %s — finished at %s, speed ×%d",
		m.runIdx+1, len(m.sess.Drill.Runs), title, model.ClockText(run.Clock), max(run.Speed, 1))))
	if p := m.promptLine(w); p != "" {
		lines = append(lines, p)
	}
	fact := func(label, value string, ok bool) {
		v := good.Paint(value)
		if !ok {
			v = warn.Paint("! " + value)
		}
		add("  " + muted.Paint(display.Pad(label, 29)) + v)
	}
	if ack, ok := f.TimeToAck(); ok {
		fact("First public acknowledgement", fmt.Sprintf("%s after the first alert (drill clock %s)", model.ClockText(ack), model.ClockText(f.FirstAck)), true)
	} else {
		fact("First public acknowledgement", "none: the company never acknowledged the issue in public", false)
	}
	fact("Fire-drill checklist met", fmt.Sprintf("%d of %d confirmed by the room · %d only proposed", f.ChecklistMet, f.ChecklistTotal, f.ChecklistProposed), f.ChecklistMet == f.ChecklistTotal)
	unanswered := fmt.Sprintf("%d of %d arrived", f.Unanswered, f.Arrived)
	if f.Unanswered > 0 {
		unanswered += " (" + model.InjectList(f.UnansweredInjects) + ")"
	}
	fact("Injects left unanswered", fmt.Sprintf("%s · %d skipped · %d not reached",
		unanswered, f.Skipped, f.NotReached), f.Unanswered == 0)
	var per []string
	for _, a := range f.PerAudience {
		per = append(per, fmt.Sprintf("%s %d", display.OneLine(a.Audience), a.Messages))
	}
	fact("Messages per audience", strings.Join(per, " · "), f.Messages > 0)
	fact("Decisions logged", fmt.Sprint(f.Decisions), f.Decisions > 0)

	if m.runIdx > 0 {
		// Only a run of the same scenario measures progress.
		cmp := "The first run of this scenario: earlier runs rehearsed other scenarios."
		for i := m.runIdx - 1; i >= 0; i-- {
			prev := m.sess.Drill.Runs[i]
			if prev.Scenario != run.Scenario {
				continue
			}
			psc, _ := d.ScenarioByID(prev.Scenario)
			cmp = fmt.Sprintf("Compared with run %d: %s.", i+1, strings.Join(model.Compare(prev.Figures(psc, d), f), "; "))
			break
		}
		for i, l := range display.Wrap(cmp, max(w-2, 1)) {
			if i == 0 {
				add(heading.Paint(l))
			} else {
				add("  " + l)
			}
		}
		add(muted.Paint(fmt.Sprintf("  %-4s %-26s %-10s %-10s %s", "run", "scenario", "first ack", "checklist", "unanswered")))
		for i, r := range m.sess.Drill.Runs {
			rsc, _ := d.ScenarioByID(r.Scenario)
			rf := r.Figures(rsc, d)
			ack := "none"
			if t, ok := rf.TimeToAck(); ok {
				ack = model.ClockText(t)
			}
			name := display.OneLine(rsc.Title)
			if name == "" {
				name = display.OneLine(r.Scenario)
			}
			add(fmt.Sprintf("  %-4d %s %-10s %-10s %d", i+1, display.Pad(name, 26), ack, fmt.Sprintf("%d/%d", rf.ChecklistMet, rf.ChecklistTotal), rf.Unanswered))
		}
	}

	add(heading.Paint("Fire-drill checklist"))
	verdicts := run.ChecklistVerdict(d.Checklist)
	for _, item := range d.Checklist {
		c := verdicts[item.ID]
		mark := warn.Paint("not met   ")
		switch {
		case c.Counts():
			mark = good.Paint("met       ")
		case c.Proposed():
			mark = warn.Paint("proposed  ")
		}
		line := "  " + mark + " " + display.OneLine(itemTitle(item))
		if why := strings.TrimPrefix(c.Why, "proposed: "); why != "" {
			line += muted.Paint(" — " + display.OneLine(why))
		}
		add(line)
	}

	add(heading.Paint("Hot wash (e writes it)"))
	for _, part := range []struct{ label, text string }{{"What went well", string(run.Review.WentWell)}, {"What failed", string(run.Review.Failed)}} {
		add("  " + muted.Paint(part.label+":"))
		if strings.TrimSpace(part.text) == "" {
			add(warn.Paint("    ! not written yet"))
			continue
		}
		para("    ", part.text)
	}
	var actions []model.ActionItem
	for _, a := range m.sess.Actions {
		if a.Source == model.StepDrill {
			actions = append(actions, a)
		}
	}
	add(heading.Paint(fmt.Sprintf("Actions from the drill: %d (a adds one; they join the plan's action items)", len(actions))))
	for _, a := range actions {
		owner := display.OneLine(m.sess.RoleName(a.Owner))
		if owner == "" {
			owner = warn.Paint("! no owner")
		}
		add("  • " + display.OneLine(string(a.Text)) + muted.Paint(" — owner ") + owner + muted.Paint(" · due "+display.OneLine(a.Due)))
	}
	add(muted.Paint("n sets up a new run; earlier runs are kept and compared."))
	c.results, c.resultsOK, c.resultsRev, c.resultsW, c.resultsRun = lines, true, m.rev, m.width, m.runIdx
	return lines
}

func (m *Model) resultsView() []string {
	if m.form != nil {
		title := "The hot wash: what went well, what failed (ctrl+s saves)"
		if m.formKind == formAction {
			title = "An action from the drill: owner role and date (enter moves on, ctrl+s saves)"
		}
		return append([]string{m.ctx.Styles.Heading.Render(display.Fit(title, max(m.width, 1)))}, strings.Split(m.form.View(), "\n")...)
	}
	lines := m.resultLines()
	h := max(m.height, 1)
	m.resultsScroll = min(m.resultsScroll, max(len(lines)-h, 0))
	return lines[m.resultsScroll:min(m.resultsScroll+h, len(lines))]
}

// viewCache keeps what was laid out until the session, size or run changes.
type viewCache struct {
	figures                model.DrillFigures
	figuresRev, figuresRun int
	figuresOK              bool
	events                 []string
	// eventTexts are the same events whole and unstyled, to wrap the one
	// the room is looking at.
	eventTexts                       []string
	eventsRev, eventsW, eventsRun    int
	eventsOK                         bool
	results                          []string
	resultsRev, resultsW, resultsRun int
	resultsOK                        bool
}

// View draws the set-up, the live drill or the results, never wider or
// taller than the space given.
func (m *Model) View() string {
	if m.sess == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	var lines []string
	switch m.mode() {
	case modeSetup:
		lines = m.setupView()
	case modeLive:
		lines = m.liveView()
	default:
		lines = m.resultsView()
		if m.dialog != nil {
			lines = strings.Split(lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.dialog.View(m.width)), "\n")
		}
	}
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	return display.FitBlock(strings.Join(lines, "\n"), m.width, m.height)
}
