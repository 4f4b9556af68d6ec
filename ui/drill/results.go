package drill

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/theme"
)

// resultsHead is the lines above a results pane: the title, the step's
// question and the pane tabs.
const resultsHead = 3

func (m *Model) resultsKey(msg tea.KeyMsg) tea.Cmd {
	k := Keys
	switch {
	case keyMatches(msg, k.Pane):
		m.resPane = (m.resPane + 1) % resPaneCount
		return nil
	case keyMatches(msg, k.PaneBack):
		m.resPane = (m.resPane + resPaneCount - 1) % resPaneCount
		return nil
	case keyMatches(msg, k.AddAction):
		return m.openActionForm()
	// On the messages pane n is the room's "not met".
	case keyMatches(msg, k.Rerun) && m.resPane != resMessages:
		m.wantSetup = true
		m.buildSetup()
		return nil
	}
	switch m.resPane {
	case resTimeline:
		return m.timelineKey(msg)
	case resMessages:
		run, _ := m.run()
		return m.messagesKey(msg, run)
	case resRuns:
		return m.runsKey(msg)
	}
	if keyMatches(msg, k.Review) {
		run, _ := m.run()
		f := form.New(m.ctx.Styles,
			form.Field{Key: "well", Label: "What went well", Kind: form.Paragraph, Value: string(run.Review.WentWell)},
			form.Field{Key: "failed", Label: "What failed", Kind: form.Paragraph, Value: string(run.Review.Failed)},
		)
		return m.openForm(formReview, f)
	}
	if d := moveKey(msg); d != 0 {
		m.resultsScroll = max(m.resultsScroll+d, 0)
	}
	return nil
}

// runsKey moves through the runs, chooses the one the plan reports and
// deletes one, after asking.
func (m *Model) runsKey(msg tea.KeyMsg) tea.Cmd {
	runs := m.sess.Drill.Runs
	m.runSel = min(max(m.runSel, 0), max(len(runs)-1, 0))
	if d := moveKey(msg); d != 0 {
		m.runSel = min(max(m.runSel+d, 0), max(len(runs)-1, 0))
		return nil
	}
	if m.runSel >= len(runs) {
		return nil
	}
	i, run := m.runSel, runs[m.runSel]
	switch {
	case keyMatches(msg, Keys.Report):
		reported, chosen, _ := m.sess.Drill.Reported()
		if run.Empty() {
			return common.Status(fmt.Sprintf("Run %d holds no message, decision or hot wash: the plan reports %s.", i+1, m.reportedName()))
		}
		if chosen && reported == i {
			return editCmd(fmt.Sprintf("The plan reports the latest finished run again, not run %d by choice", i+1), func(s *model.Session) {
				s.Drill.Report = 0
			})
		}
		return editCmd(fmt.Sprintf("The plan reports run %d, as the room chose", i+1), func(s *model.Session) {
			s.Drill.Report = i + 1
		})
	case keyMatches(msg, Keys.Delete):
		scenario, clock := run.Scenario, run.Clock
		body := fmt.Sprintf("Run %d: %s, %s, %s, %s. Its results leave the plan; u brings the run back.", i+1,
			m.scenarioName(run.Scenario), runState(run), display.Count(len(run.Messages), "message", "messages"), display.Count(len(run.Log), "log entry", "log entries"))
		m.Ask(fmt.Sprintf("Delete drill run %d?", i+1), body,
			dialog.Choice{Key: "y", Label: fmt.Sprintf("Delete run %d", i+1), Msg: common.EditMsg{
				Label: fmt.Sprintf("Deleted drill run %d", i+1),
				Apply: func(s *model.Session) {
					if i < len(s.Drill.Runs) && s.Drill.Runs[i].Scenario == scenario && s.Drill.Runs[i].Clock == clock {
						s.Drill.DeleteRun(i)
					}
				}}})
	}
	return nil
}

func (m *Model) scenarioName(id string) string {
	if sc, ok := m.sess.Workshop.Drill.ScenarioByID(id); ok && display.OneLine(sc.Title) != "" {
		return display.OneLine(sc.Title)
	}
	return display.OneLine(id)
}

// runState says how far a run went, in a few words.
func runState(r model.DrillRun) string {
	switch {
	case r.Ended && r.Empty():
		return "finished empty at " + model.ClockText(r.Clock)
	case r.Ended:
		return "finished at " + model.ClockText(r.Clock)
	case r.Empty():
		return "started, nothing in it"
	}
	return "stopped at " + model.ClockText(r.Clock)
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
	a := model.ActionItem{Text: model.Text(model.Clean(f.Value("text"))), Owner: f.Value("owner"), Due: f.Value("due"), Source: model.StepDrill,
		Status: model.ActionOpen}
	return editCmd("Added action: "+display.OneLine(string(a.Text)), func(s *model.Session) {
		s.AddAction(a)
	})
}

// resultLines lays out the figures and hot wash of the current run, cached
// per revision and width; the view shows a window of them.
func (m *Model) resultLines() []string {
	c := &m.cache
	if c.resultsOK && c.resultsRev == m.rev && c.resultsW == m.width && c.resultsRun == m.runIdx {
		return c.results
	}
	w := max(m.width, 1)
	in := m.inks()
	heading, muted, good, warn := in.heading, in.muted, in.good, in.warn
	d := m.sess.Workshop.Drill
	run, _ := m.run()
	f := m.figures()
	var lines []string
	add := func(s string) { lines = append(lines, display.Fit(s, w)) }
	para := func(indent, text string) {
		for _, l := range display.Wrap(text, max(w-len(indent), 1)) {
			lines = append(lines, indent+l)
		}
	}
	// A fact wraps under itself rather than losing its end at 80 columns.
	const labelW = 29
	fact := func(label, value string, ok bool) {
		mark, ink := "", good
		if !ok {
			mark, ink = "! ", warn
		}
		room := max(w-labelW-2, 1)
		if display.Width(mark+value) <= room {
			add("  " + muted.Paint(display.Pad(label, labelW)) + ink.Paint(mark+value))
			return
		}
		for i, l := range display.Wrap(mark+value, room) {
			lead := display.Pad("", labelW)
			if i == 0 {
				lead = display.Pad(label, labelW)
			}
			add("  " + muted.Paint(lead) + ink.Paint(l))
		}
	}
	if ack, ok := f.TimeToAck(); ok {
		fact("First public acknowledgement", fmt.Sprintf("%s after the first alert (drill clock %s)", model.ClockText(ack), model.ClockText(f.FirstAck)), true)
	} else {
		fact("First public acknowledgement", "none: the company never acknowledged the issue in public", false)
	}
	// The items met across the drill, then each message on its own: a full
	// checklist made of weak messages must not read as a strong drill.
	parts := f.ChecklistParts()
	across := parts[0]
	if f.ChecklistProposed > 0 {
		across += fmt.Sprintf(" · %d proposed", f.ChecklistProposed)
	}
	fact("Fire-drill checklist", across, f.ChecklistMet == f.ChecklistTotal)
	fact("Message by message", parts[1], f.FirstPublic && f.WholeChecklist == f.PublicMessages)
	if f.FirstPublic {
		fact("First public message", fmt.Sprintf("met %d of %d (drill clock %s)", f.FirstPublicMet, f.ChecklistTotal, model.ClockText(f.FirstPublicAt)),
			f.FirstPublicMet == f.ChecklistTotal)
	}
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
			if prev.Scenario != run.Scenario || prev.Empty() {
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
	add(muted.Paint("n sets up a new run; every run is kept, and the runs pane lists them."))
	c.results, c.resultsOK, c.resultsRev, c.resultsW, c.resultsRun = lines, true, m.rev, m.width, m.runIdx
	return lines
}

// resultsTitle heads the results: which run, and which run the plan
// reports when that is another one.
func (m *Model) resultsTitle() string {
	run, _ := m.run()
	return fmt.Sprintf("Results of run %d of %d: %s — finished at %s, speed ×%d",
		m.runIdx+1, len(m.sess.Drill.Runs), m.scenarioName(run.Scenario), model.ClockText(run.Clock), max(run.Speed, 1))
}

// resultsTabs are the panes of the results, and the run the plan reports.
func (m *Model) resultsTabs() string {
	in := m.inks()
	run, _ := m.run()
	tabs := []string{"Results", "Timeline", "Messages " + itoa(len(run.Messages)), "Runs " + itoa(len(m.sess.Drill.Runs))}
	var tb strings.Builder
	for i, t := range tabs {
		if resultsPane(i) == m.resPane {
			tb.WriteString(in.selected.Paint("[" + t + "]"))
		} else {
			tb.WriteString(in.muted.Paint(" " + t + " "))
		}
		tb.WriteString(" ")
	}
	i, _, ok := m.sess.Drill.Reported()
	switch {
	case !ok:
		tb.WriteString(in.warn.Paint("· ! the plan has no run to report"))
	case i != m.runIdx:
		tb.WriteString(in.warn.Paint("· ! the plan reports run " + itoa(i+1)))
	default:
		tb.WriteString(in.muted.Paint("· the plan reports this run"))
	}
	return tb.String()
}

// inkSet is the screen's styles as inks, cheap to paint a line with.
type inkSet struct{ heading, muted, good, warn, selected theme.Ink }

// inks are taken from the styles once: each costs a render.
func (m *Model) inks() inkSet {
	if m.inked == nil {
		st := m.ctx.Styles
		m.inked = &inkSet{heading: theme.InkOf(st.Heading), muted: theme.InkOf(st.Muted), good: theme.InkOf(st.Good),
			warn: theme.InkOf(st.Warn), selected: theme.InkOf(st.Selected)}
	}
	return *m.inked
}

func (m *Model) resultsView() []string {
	st := m.ctx.Styles
	w := max(m.width, 1)
	if m.Form != nil {
		return append([]string{st.Heading.Render(display.Fit(m.formTitle(), w))}, strings.Split(m.Form.View(), "\n")...)
	}
	c := &m.cache
	if !c.headOK || c.headRev != m.rev || c.headW != m.width || c.headRun != m.runIdx || c.headPane != m.resPane {
		c.head = []string{st.Heading.Render(display.Fit(m.resultsTitle(), w)), m.promptLine(w), display.Fit(m.resultsTabs(), w)}
		c.headOK, c.headRev, c.headW, c.headRun, c.headPane = true, m.rev, m.width, m.runIdx, m.resPane
	}
	body := max(m.height-resultsHead, 0)
	switch m.resPane {
	case resTimeline:
		return append(slices.Clip(c.head), m.eventsPane(body)...)
	case resMessages:
		return append(slices.Clip(c.head), m.messagesPane(body)...)
	case resRuns:
		return append(slices.Clip(c.head), m.runsPane(body)...)
	}
	all := m.resultLines()
	m.resultsScroll = min(m.resultsScroll, max(len(all)-body, 0))
	return append(slices.Clip(c.head), all[m.resultsScroll:min(m.resultsScroll+body, len(all))]...)
}

// formTitle says what the open form is for, above it.
func (m *Model) formTitle() string {
	switch m.formKind {
	case formReview:
		return "The hot wash: what went well, what failed (ctrl+s saves)"
	case formAction:
		return "An action from the drill: owner role and date (enter moves on, ctrl+s saves)"
	case formEditLog:
		return "Editing the log entry at " + model.ClockText(m.editingAt) + "; its clock stays (ctrl+s saves)"
	case formEditMessage:
		return "Editing the message at " + model.ClockText(m.editingAt) + "; its clock stays (ctrl+s saves)"
	}
	return ""
}

// runsPane lists every run: how far it went and what it measured, and
// which one the plan reports.
func (m *Model) runsPane(height int) []string {
	st := m.ctx.Styles
	w := max(m.width, 1)
	d := m.sess.Workshop.Drill
	runs := m.sess.Drill.Runs
	m.runSel = min(max(m.runSel, 0), max(len(runs)-1, 0))
	reported, chosen, ok := m.sess.Drill.Reported()
	why := "the latest finished run"
	if chosen {
		why = "chosen by the room"
	}
	head := "No run has anything to report yet · r chooses the run the plan reports"
	if ok {
		head = fmt.Sprintf("The plan reports run %d (%s) · r chooses another", reported+1, why)
	}
	lines := []string{st.Heading.Render(display.Fit(head, w)),
		st.Muted.Render(display.Fit(fmt.Sprintf("  %-4s %-6s %-23s %-9s %-9s %-8s %s", "run", "plan", "state", "1st ack", "checklist", "messages", "scenario"), w))}
	for i, r := range runs {
		rsc, _ := d.ScenarioByID(r.Scenario)
		f := r.Figures(rsc, d)
		ack := "none"
		if t, ok := f.TimeToAck(); ok {
			ack = model.ClockText(t)
		}
		plan := ""
		if ok && i == reported {
			plan = "◆ plan"
		}
		cursor := "  "
		if i == m.runSel {
			cursor = st.Marker.Render("› ")
		}
		row := fmt.Sprintf("%-4d %s %s %-9s %-9s %-8d %s", i+1, display.Pad(plan, 6), display.Pad(runState(r), 23), ack,
			fmt.Sprintf("%d/%d", f.ChecklistMet, f.ChecklistTotal), f.Messages, m.scenarioName(r.Scenario))
		if i == m.runSel {
			row = st.Selected.Render(row)
		}
		lines = append(lines, display.Fit(cursor+row, w))
	}
	if len(lines) > height && m.runSel >= height-2 {
		start := min(m.runSel-height+3, len(lines)-height)
		lines = append(lines[:2], lines[2+start:]...)
	}
	return lines
}

// viewCache keeps what was laid out until the session, size or run changes.
type viewCache struct {
	figures                model.DrillFigures
	figuresRev, figuresRun int
	figuresOK              bool
	events                 []string
	// eventTexts are the same events whole and unstyled, to wrap the one
	// the room is looking at; eventRefs say what each one is.
	eventTexts                       []string
	eventRefs                        []eventRef
	eventsRev, eventsW, eventsRun    int
	eventsOK                         bool
	results                          []string
	resultsRev, resultsW, resultsRun int
	resultsOK                        bool
	// head is the results' title, question and tabs.
	head                    []string
	headRev, headW, headRun int
	headPane                resultsPane
	headOK                  bool
}

// View draws the set-up, the live drill or the results, never wider or
// taller than the space given.
func (m *Model) View() string {
	if m.sess == nil || m.width <= 0 || m.height <= 0 {
		return ""
	}
	var lines []string
	switch mode := m.mode(); {
	case m.Dialog != nil && mode != modeLive:
		lines = strings.Split(lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.Dialog.View(m.width)), "\n")
	case mode == modeSetup:
		lines = m.setupView()
	case mode == modeLive:
		lines = m.liveView()
	default:
		lines = m.resultsView()
	}
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	return display.FitBlock(strings.Join(lines, "\n"), m.width, m.height)
}
