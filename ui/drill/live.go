package drill

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/workshops"
)

// liveHead is the lines above a pane: the clock, the alert (two lines)
// and the pane tabs.
const liveHead = 4

// newFor is how long, in scenario seconds, an inject is marked new.
const newFor = 60

func (m *Model) liveKey(msg tea.KeyMsg) tea.Cmd {
	run, _ := m.run()
	sc, _ := m.scenario()
	k := Keys
	switch {
	case keyMatches(msg, k.Clock):
		if m.running {
			m.pause()
			return m.saveClock("Drill paused at " + model.ClockText(m.clock))
		}
		end := sc.Minutes * 60
		if end > 0 && m.clock >= end {
			m.overtime = true
		}
		// Started first, so the clock written down says since when it runs.
		tick := m.resume()
		return tea.Batch(m.saveClock(""), tick)
	case keyMatches(msg, k.Hold):
		i, ok := run.NextInject(sc)
		if !ok {
			return noInjectLeft()
		}
		label := "Inject " + itoa(i+1) + " held: it and those after it wait"
		if run.InjectState(i).Status == model.InjectHeld {
			label = "Inject " + itoa(i+1) + " let go"
		}
		clock := m.now()
		return m.edit(label, false, func(_ *model.Session, r *model.DrillRun, sc model.Scenario) { r.ToggleHold(sc, clock) })
	case keyMatches(msg, k.Skip):
		i, ok := run.NextInject(sc)
		if !ok {
			return noInjectLeft()
		}
		clock := m.now()
		return m.edit("Inject "+itoa(i+1)+" skipped", false, func(_ *model.Session, r *model.DrillRun, sc model.Scenario) { r.SkipNext(sc, clock) })
	case keyMatches(msg, k.Release):
		i, ok := run.NextInject(sc)
		if !ok {
			return noInjectLeft()
		}
		clock := m.now()
		return m.edit("Inject "+itoa(i+1)+" released at "+model.ClockText(clock), false, func(_ *model.Session, r *model.DrillRun, sc model.Scenario) {
			r.Clock = max(r.Clock, clock)
			r.Deliver(sc, clock)
			r.ReleaseNext(sc, clock)
		})
	case keyMatches(msg, k.Log):
		return m.openLogForm(-1)
	case keyMatches(msg, k.Message):
		return m.openMessageForm(-1)
	case keyMatches(msg, k.Finish):
		m.Ask("Finish the drill?",
			"The clock stops now and the results and the hot wash follow. The run stays in the session for comparison, but its clock cannot be resumed.",
			dialog.Choice{Key: "y", Label: "Finish the drill", Msg: finishMsg{}})
		return nil
	case keyMatches(msg, k.Pane):
		m.pane = (m.pane + 1) % paneCount
		return nil
	case keyMatches(msg, k.PaneBack):
		m.pane = (m.pane + paneCount - 1) % paneCount
		return nil
	}
	switch m.pane {
	case paneEvents:
		return m.timelineKey(msg)
	case paneMessages:
		return m.messagesKey(msg, run)
	case paneChecklist:
		return m.checklistKey(msg)
	}
	return nil
}

// timelineKey scrolls the events and edits or deletes the one in view.
func (m *Model) timelineKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case keyMatches(msg, Keys.Edit), keyMatches(msg, Keys.Delete):
		ref, ok := m.eventInView()
		if !ok {
			return common.Status("Nothing logged yet: a logs a decision, m drafts a message.")
		}
		return m.changeEntry(ref, keyMatches(msg, Keys.Delete))
	}
	if d := moveKey(msg); d != 0 {
		// Up looks back in time: the events follow the newest at the bottom.
		m.scroll = max(m.scroll-d, 0)
	}
	return nil
}

// eventInView is the event the timeline shows whole: the newest, or the
// one the room scrolled back to.
func (m *Model) eventInView() (eventRef, bool) {
	m.eventLines()
	refs := m.cache.eventRefs
	if len(refs) == 0 {
		return eventRef{}, false
	}
	return refs[len(refs)-1-min(m.scroll, len(refs)-1)], true
}

// changeEntry opens the form that edits a log entry or a message, or asks
// before deleting it. Injects are the scenario's and a skip the program's
// own record: neither is the room's to edit.
func (m *Model) changeEntry(ref eventRef, del bool) tea.Cmd {
	run, _ := m.run()
	switch {
	case ref.kind == eventInject:
		return common.Status("An inject is the scenario's own: e and d change a decision, a note or a message.")
	case ref.kind == eventLog && (ref.idx >= len(run.Log) || run.Log[ref.idx].Kind == model.LogSkipped):
		return common.Status("The program logged this skip; u takes the skip back.")
	case ref.kind == eventMessage && ref.idx >= len(run.Messages):
		return nil
	case !del && ref.kind == eventLog:
		return m.openLogForm(ref.idx)
	case !del:
		return m.openMessageForm(ref.idx)
	}
	what, at, text := "", 0, ""
	var apply func(r *model.DrillRun)
	if ref.kind == eventLog {
		e := run.Log[ref.idx]
		what, at, text = string(e.Kind), e.At, string(e.Text)
		apply = func(r *model.DrillRun) {
			if ref.idx < len(r.Log) && r.Log[ref.idx].At == at && string(r.Log[ref.idx].Text) == text {
				r.Log = append(r.Log[:ref.idx:ref.idx], r.Log[ref.idx+1:]...)
			}
		}
	} else {
		msg := run.Messages[ref.idx]
		what, at, text = "message to "+display.OneLine(msg.Audience), msg.At, string(msg.Text)
		apply = func(r *model.DrillRun) {
			if ref.idx < len(r.Messages) && r.Messages[ref.idx].At == at && string(r.Messages[ref.idx].Text) == text {
				r.Messages = append(r.Messages[:ref.idx:ref.idx], r.Messages[ref.idx+1:]...)
			}
		}
	}
	label := "Deleted the " + what + " at " + model.ClockText(at)
	excerpt := []rune(display.OneLine(text))
	if len(excerpt) > 120 {
		excerpt = append(excerpt[:119], '…')
	}
	edit := m.edit(label, false, func(_ *model.Session, r *model.DrillRun, _ model.Scenario) { apply(r) })
	if edit == nil {
		return nil
	}
	m.Ask("Delete the "+what+" at "+model.ClockText(at)+"?",
		"“"+string(excerpt)+"”\n\nThe figures are measured again without it; u brings it back.",
		dialog.Choice{Key: "y", Label: "Delete it", Msg: edit()})
	return nil
}

func noInjectLeft() tea.Cmd {
	return common.Status("Every inject of this scenario has reached the room or been skipped.")
}

func (m *Model) messagesKey(msg tea.KeyMsg, run *model.DrillRun) tea.Cmd {
	items := m.sess.Workshop.Drill.Checklist
	switch {
	case keyMatches(msg, Keys.PrevMsg):
		m.msgSel = max(m.msgSel-1, 0)
		m.check = 0
	case keyMatches(msg, Keys.NextMsg):
		m.msgSel = min(m.msgSel+1, max(len(run.Messages)-1, 0))
		m.check = 0
	case moveKey(msg) != 0:
		m.check = min(max(m.check+moveKey(msg), 0), max(len(items)-1, 0))
	case keyMatches(msg, Keys.Met), keyMatches(msg, Keys.NotMet):
		if m.msgSel >= len(run.Messages) || m.check >= len(items) {
			return nil
		}
		met := keyMatches(msg, Keys.Met)
		idx, id, at := m.msgSel, items[m.check].ID, run.Messages[m.msgSel].At
		label := fmt.Sprintf("The room says the message at %s %s: %s", model.ClockText(at), verdict(met), display.OneLine(itemTitle(items[m.check])))
		m.check = min(m.check+1, len(items)-1)
		return m.edit(label, false, func(s *model.Session, r *model.DrillRun, _ model.Scenario) {
			if idx >= len(r.Messages) || r.Messages[idx].At != at {
				return
			}
			r.Judge(idx, id, met, gradingCatalogue(s), s.RACI.Roles)
		})
	case keyMatches(msg, Keys.Edit), keyMatches(msg, Keys.Delete):
		if m.msgSel >= len(run.Messages) {
			return common.Status("No message yet: m drafts one.")
		}
		return m.changeEntry(eventRef{kind: eventMessage, idx: m.msgSel}, keyMatches(msg, Keys.Delete))
	}
	return nil
}

func (m *Model) checklistKey(msg tea.KeyMsg) tea.Cmd {
	items := m.sess.Workshop.Drill.Checklist
	switch {
	case moveKey(msg) != 0:
		m.check = min(max(m.check+moveKey(msg), 0), max(len(items)-1, 0))
	case keyMatches(msg, Keys.Met), keyMatches(msg, Keys.NotMet):
		if m.check >= len(items) {
			return nil
		}
		met := keyMatches(msg, Keys.Met)
		id := items[m.check].ID
		label := "The room says the drill " + verdict(met) + ": " + display.OneLine(itemTitle(items[m.check]))
		m.check = min(m.check+1, len(items)-1)
		return m.edit(label, false, func(_ *model.Session, r *model.DrillRun, _ model.Scenario) {
			if r.Checklist == nil {
				r.Checklist = map[string]model.Check{}
			}
			r.Checklist[id] = model.Check{Met: met, Confirmed: true, Why: "decided by the room"}
		})
	}
	return nil
}

func verdict(met bool) string {
	if met {
		return "meets"
	}
	return "misses"
}

func itemTitle(c model.ChecklistItem) string {
	if strings.TrimSpace(c.Title) != "" {
		return c.Title
	}
	return c.ID
}

// answerChoice is the form field naming the inject an entry answers,
// the latest one by default.
func (m *Model) answerChoice() form.Field {
	run, _ := m.run()
	sc, _ := m.scenario()
	f := form.Field{Key: "inject", Label: "Answers", Kind: form.Choice, Options: []string{"-1"}, Labels: []string{"no inject"}, Value: "-1"}
	arrived := make([]model.InjectState, 0, len(run.Injects))
	for _, st := range run.Injects {
		if st.Arrived() && st.Index < len(sc.Injects) {
			arrived = append(arrived, st)
		}
	}
	slices.SortStableFunc(arrived, func(a, b model.InjectState) int { return a.At - b.At })
	for _, st := range arrived {
		in := sc.Injects[st.Index]
		f.Options = append(f.Options, strconv.Itoa(st.Index))
		f.Labels = append(f.Labels, fmt.Sprintf("inject %d at %s: %s", st.Index+1, model.ClockText(st.At), display.OneLine(in.Channel)))
	}
	if latest, ok := run.Latest(); ok {
		f.Value = strconv.Itoa(latest.Index)
	}
	return f
}

func (m *Model) openForm(kind formKind, f *form.Form) tea.Cmd {
	m.Form, m.formKind = f, kind
	m.SetSize(m.width, m.height)
	return f.FocusIndex(0)
}

// formHead is the lines above the open form: the results' form has its
// title alone; a live one has the clock and tabs, and an edit its title.
func (m *Model) formHead() int {
	if m.mode() != modeLive {
		return 1
	}
	if m.formKind == formEditLog || m.formKind == formEditMessage {
		return liveHead + 1
	}
	return liveHead
}

// openLogForm opens the form for a new log entry, or for entry i of the
// log when i is one.
func (m *Model) openLogForm(i int) tea.Cmd {
	run, _ := m.run()
	text, kind, answers, formKind := "", string(model.LogDecision), m.answerChoice(), formLog
	if i >= 0 && i < len(run.Log) {
		e := run.Log[i]
		text, kind, formKind = string(e.Text), string(e.Kind), formEditLog
		answers = m.answerChoiceFor(e.Inject)
		m.editing, m.editingAt = i, e.At
	}
	f := form.New(m.ctx.Styles,
		form.Field{Key: "text", Label: "Decision", Kind: form.Line, Required: true, Value: text, Placeholder: "what the team decided, or a note"},
		form.Field{Key: "kind", Label: "Kind", Kind: form.Choice, Value: kind,
			Options: []string{string(model.LogDecision), string(model.LogNote)}, Labels: []string{"decision", "note"}},
		answers,
	)
	return m.openForm(formKind, f)
}

// answerChoiceFor is the answers field set to inject i, which may no
// longer have arrived after an undo; it is then offered as it is.
func (m *Model) answerChoiceFor(i int) form.Field {
	f := m.answerChoice()
	v := strconv.Itoa(i)
	if !slices.Contains(f.Options, v) {
		sc, _ := m.scenario()
		f.Options = append(f.Options, v)
		f.Labels = append(f.Labels, display.OneLine(model.InjectSummary(sc, i)))
	}
	f.Value = v
	return f
}

// withOption makes sure a choice offers v, a value an earlier version of
// the workshop offered, so editing an entry never changes it unasked.
func withOption(f form.Field, v string) form.Field {
	f.Value = v
	if !slices.Contains(f.Options, v) {
		f.Options = append(slices.Clone(f.Options), v)
		if len(f.Labels) > 0 {
			f.Labels = append(slices.Clone(f.Labels), display.OneLine(v))
		}
	}
	return f
}

// openMessageForm opens the form for a new message, or for message i when
// i is one.
func (m *Model) openMessageForm(i int) tea.Cmd {
	d := m.sess.Workshop.Drill
	run, _ := m.run()
	aud := form.Field{Key: "audience", Label: "To", Kind: form.Choice, Options: d.Audiences, Value: m.lastAud}
	if aud.Value == "" {
		for _, a := range d.Audiences {
			if model.PublicAudience(a) {
				aud.Value = a
				break
			}
		}
	}
	if len(aud.Options) == 0 {
		aud.Options = []string{"public"}
	}
	phase := form.Field{Key: "phase", Label: "Phase", Kind: form.Choice, Options: d.Phases, Value: m.lastPh, Inline: true}
	if len(phase.Options) == 0 {
		phase.Options = []string{"during the drill"}
	}
	sender := form.Field{Key: "sender", Label: "From", Kind: form.Choice}
	if spk, ok := d.Spokesperson(); ok {
		if a, ok := run.Assignment(spk.ID); ok {
			sender.Value = a.Role
		}
	}
	for _, r := range m.sess.RACI.Roles {
		sender.Options = append(sender.Options, r.ID)
		sender.Labels = append(sender.Labels, display.OneLine(m.sess.RoleName(r.ID)))
	}
	sender.Options = append(sender.Options, "")
	sender.Labels = append(sender.Labels, "no role")
	answers := m.answerChoice()
	text, kind := "", formMessage
	if i >= 0 && i < len(run.Messages) {
		msg := run.Messages[i]
		text, kind = string(msg.Text), formEditMessage
		aud, phase, sender = withOption(aud, msg.Audience), withOption(phase, msg.Phase), withOption(sender, msg.Sender)
		answers = m.answerChoiceFor(msg.Inject)
		m.editing, m.editingAt = i, msg.At
	}
	answers.Inline = true
	f := form.New(m.ctx.Styles,
		form.Field{Key: "text", Label: "Message", Kind: form.Paragraph, Required: true, Value: text, Placeholder: "the words as they would be published; ctrl+s sends"},
		aud, phase, sender, answers)
	return m.openForm(kind, f)
}

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	ev, cmd := m.Form.Update(msg)
	switch ev.Kind {
	case form.Cancel:
		m.CloseForm()
		m.formKind = formNone
		return nil
	case form.Submit:
		f, kind := m.Form, m.formKind
		m.CloseForm()
		m.formKind = formNone
		switch kind {
		case formLog:
			return m.submitLog(f)
		case formMessage:
			return m.submitMessage(f)
		case formReview:
			return m.submitReview(f)
		case formAction:
			return m.submitAction(f)
		case formEditLog:
			return m.submitEditLog(f)
		case formEditMessage:
			return m.submitEditMessage(f)
		}
	}
	return cmd
}

func (m *Model) submitLog(f *form.Form) tea.Cmd {
	clock := m.now()
	inject, _ := strconv.Atoi(f.Value("inject"))
	entry := model.LogEntry{At: clock, Kind: model.LogKind(f.Value("kind")), Text: model.Text(model.Clean(f.Value("text"))), Inject: inject}
	m.scroll = 0
	return m.edit("Logged a "+string(entry.Kind)+" at "+model.ClockText(clock), false, func(_ *model.Session, r *model.DrillRun, sc model.Scenario) {
		r.Clock = max(r.Clock, clock)
		r.Deliver(sc, clock)
		r.Log = append(r.Log, entry)
	})
}

func (m *Model) submitMessage(f *form.Form) tea.Cmd {
	clock := m.now()
	inject, _ := strconv.Atoi(f.Value("inject"))
	msg := model.Message{At: clock, Audience: f.Value("audience"), Phase: f.Value("phase"), Sender: f.Value("sender"),
		Text: model.Text(model.Clean(f.Value("text"))), Inject: inject}
	m.lastAud, m.lastPh = msg.Audience, msg.Phase
	m.pane, m.check, m.selectNewest = paneMessages, 0, true
	label := "Message to " + display.OneLine(msg.Audience) + " at " + model.ClockText(clock) + ": y/n for each fire-drill item"
	return m.edit(label, false, func(s *model.Session, r *model.DrillRun, sc model.Scenario) {
		r.Clock = max(r.Clock, clock)
		r.Deliver(sc, clock)
		msg.Checks = model.GradeMessage(msg, *r, gradingCatalogue(s), s.RACI.Roles)
		r.Messages = append(r.Messages, msg)
	})
}

// submitEditLog changes the log entry being edited; its clock stays.
func (m *Model) submitEditLog(f *form.Form) tea.Cmd {
	idx, at := m.editing, m.editingAt
	inject, _ := strconv.Atoi(f.Value("inject"))
	kind, text := model.LogKind(f.Value("kind")), model.Text(model.Clean(f.Value("text")))
	return m.edit("Edited the "+string(kind)+" at "+model.ClockText(at), false, func(_ *model.Session, r *model.DrillRun, _ model.Scenario) {
		if idx < len(r.Log) && r.Log[idx].At == at && r.Log[idx].Kind != model.LogSkipped {
			r.Log[idx].Text, r.Log[idx].Kind, r.Log[idx].Inject = text, kind, inject
		}
	})
}

// submitEditMessage changes the message being edited, keeping its clock,
// and the program looks at its words again; the room's verdicts stand.
func (m *Model) submitEditMessage(f *form.Form) tea.Cmd {
	idx, at := m.editing, m.editingAt
	inject, _ := strconv.Atoi(f.Value("inject"))
	audience, phase, sender, text := f.Value("audience"), f.Value("phase"), f.Value("sender"), model.Text(model.Clean(f.Value("text")))
	label := "Edited the message at " + model.ClockText(at) + "; the program looked at it again, the room's verdicts stand"
	return m.edit(label, false, func(s *model.Session, r *model.DrillRun, _ model.Scenario) {
		if idx >= len(r.Messages) || r.Messages[idx].At != at {
			return
		}
		msg := &r.Messages[idx]
		msg.Audience, msg.Phase, msg.Sender, msg.Text, msg.Inject = audience, phase, sender, text, inject
		r.Regrade(idx, gradingCatalogue(s), s.RACI.Roles)
	})
}

// gradingCatalogue is the session's drill catalogue with the default
// template's phrases for any list its copy of the template leaves out, as
// the copy in a session made before templates carried phrases does. The
// session itself is left as it is.
func gradingCatalogue(s *model.Session) model.DrillCatalogue {
	cat := s.Workshop.Drill
	cat.Phrases = workshops.CompletePhrases(cat.Phrases)
	return cat
}

// liveView draws the clock, the latest inject, the tabs and one pane.
func (m *Model) liveView() []string {
	st := m.ctx.Styles
	w := max(m.width, 1)
	run, _ := m.run()
	sc, scOK := m.scenario()
	clock := m.now()

	var head strings.Builder
	if m.running {
		head.WriteString(st.Good.Render("▶ RUNNING "))
	} else {
		head.WriteString(st.Warn.Render("❚❚ PAUSED "))
	}
	head.WriteString(st.Title.Render(model.ClockText(clock)))
	head.WriteString(st.Muted.Render(" / " + model.ClockText(sc.Minutes*60) + fmt.Sprintf(" ×%d", max(run.Speed, 1))))
	f := m.figures()
	if ack, ok := f.TimeToAck(); ok {
		head.WriteString(st.Good.Render(" · first ack " + model.ClockText(ack)))
	}
	if at, held, ok := run.NextDue(sc); ok {
		i, _ := run.NextInject(sc)
		if held {
			head.WriteString(st.Warn.Render(fmt.Sprintf(" · inject %d HELD", i+1)))
		} else {
			head.WriteString(st.Muted.Render(fmt.Sprintf(" · inject %d at %s", i+1, model.ClockText(at))))
		}
	} else {
		head.WriteString(st.Muted.Render(" · no injects left"))
	}
	if !m.running {
		head.WriteString(st.Muted.Render(" · space resumes"))
	}
	lines := []string{display.Fit(head.String(), w)}

	alert := []string{st.Muted.Render(display.Fit("No inject yet: the scenario's first event is on its way.", w)), ""}
	if !scOK {
		alert = []string{st.Bad.Render(display.Fit("! This run's scenario, "+display.OneLine(run.Scenario)+", is not in the workshop any more.", w)), ""}
	} else if latest, ok := run.Latest(); ok && latest.Index < len(sc.Injects) {
		in := sc.Injects[latest.Index]
		tag := "! INJECT"
		if clock-latest.At < newFor {
			tag = "! NEW INJECT"
		}
		text := fmt.Sprintf("%s %d/%d at %s · %s · %s: %s", tag, latest.Index+1, len(sc.Injects), model.ClockText(latest.At),
			display.OneLine(in.Channel), display.OneLine(in.Speaker), display.OneLine(string(in.Text)))
		wrapped := display.Wrap(text, w)
		if len(wrapped) > 2 {
			wrapped[1] = display.Fit(wrapped[1]+" "+strings.Join(wrapped[2:], " "), w)
			wrapped = wrapped[:2]
		}
		for len(wrapped) < 2 {
			wrapped = append(wrapped, "")
		}
		style := st.Warn
		if clock-latest.At < newFor {
			style = st.Bad
		}
		alert = []string{style.Render(wrapped[0]), style.Render(wrapped[1])}
	}
	lines = append(lines, alert...)

	tabs := []string{"Events", fmt.Sprintf("Messages %d", len(run.Messages)), fmt.Sprintf("Checklist %d/%d", f.ChecklistMet, f.ChecklistTotal)}
	var tb strings.Builder
	for i, t := range tabs {
		if pane(i) == m.pane {
			tb.WriteString(st.Selected.Render("[" + t + "]"))
		} else {
			tb.WriteString(st.Muted.Render(" " + t + " "))
		}
		tb.WriteString(" ")
	}
	lines = append(lines, display.Fit(tb.String(), w))

	body := max(m.height-liveHead, 0)
	switch {
	case m.Dialog != nil:
		box := lipgloss.Place(w, body, lipgloss.Center, lipgloss.Center, m.Dialog.View(w))
		lines = append(lines, strings.Split(box, "\n")...)
	case m.Form != nil:
		if t := m.formTitle(); t != "" {
			lines = append(lines, st.Heading.Render(display.Fit(t, w)))
		}
		lines = append(lines, strings.Split(m.Form.View(), "\n")...)
	case m.pane == paneEvents:
		lines = append(lines, m.eventsPane(body)...)
	case m.pane == paneMessages:
		lines = append(lines, m.messagesPane(body)...)
	default:
		lines = append(lines, m.checklistPane(body)...)
	}
	return lines
}

// figures measures the current run, cached per revision.
func (m *Model) figures() model.DrillFigures {
	if m.cache.figuresRev == m.rev && m.cache.figuresOK && m.cache.figuresRun == m.runIdx {
		return m.cache.figures
	}
	run, _ := m.run()
	sc, _ := m.scenario()
	m.cache.figures = run.Figures(sc, m.sess.Workshop.Drill)
	m.cache.figuresRev, m.cache.figuresOK, m.cache.figuresRun = m.rev, true, m.runIdx
	return m.cache.figures
}

// eventKind says what an event of the timeline is.
type eventKind int

const (
	eventInject eventKind = iota
	eventLog
	eventMessage
)

// eventRef is what an event of the timeline shows: an inject by index, or
// an entry of the run's log or messages.
type eventRef struct {
	kind eventKind
	idx  int
}

// eventLines lays out injects, log entries and messages by clock, cached
// per revision and width.
func (m *Model) eventLines() []string {
	c := &m.cache
	if c.eventsOK && c.eventsRev == m.rev && c.eventsW == m.width && c.eventsRun == m.runIdx {
		return c.events
	}
	in := m.inks()
	warn, muted, good := in.warn, in.muted, in.good
	run, _ := m.run()
	sc, _ := m.scenario()
	type event struct {
		at         int
		ref        eventRef
		line, text string
	}
	var evs []event
	for _, s := range run.Injects {
		if !s.Arrived() || s.Index >= len(sc.Injects) {
			continue
		}
		in := sc.Injects[s.Index]
		head := fmt.Sprintf("%s ! inject %d · %s · %s: ", model.ClockText(s.At), s.Index+1,
			display.OneLine(in.Channel), display.OneLine(in.Speaker))
		evs = append(evs, event{s.At, eventRef{eventInject, s.Index}, warn.Paint(head) + display.OneLine(string(in.Text)), head + string(in.Text)})
	}
	for i, e := range run.Log {
		head := model.ClockText(e.At) + "   " + string(e.Kind) + ": "
		evs = append(evs, event{e.At, eventRef{eventLog, i}, muted.Paint(head) + display.OneLine(string(e.Text)), head + string(e.Text)})
	}
	for i, msg := range run.Messages {
		head := model.ClockText(msg.At) + " → " + display.OneLine(msg.Audience) + " (" + display.OneLine(msg.Phase) + "), from " +
			display.OneLine(m.sess.RoleName(msg.Sender)) + ": "
		evs = append(evs, event{msg.At, eventRef{eventMessage, i}, good.Paint(head) + display.OneLine(string(msg.Text)), head + string(msg.Text)})
	}
	// By clock; at the same second an inject before the answers to it.
	slices.SortStableFunc(evs, func(a, b event) int {
		if a.at != b.at {
			return a.at - b.at
		}
		return int(a.ref.kind) - int(b.ref.kind)
	})
	c.events = make([]string, len(evs))
	c.eventTexts = make([]string, len(evs))
	c.eventRefs = make([]eventRef, len(evs))
	for i, e := range evs {
		c.events[i] = display.Fit(e.line, max(m.width, 1))
		c.eventTexts[i] = e.text
		c.eventRefs[i] = e.ref
	}
	c.eventsOK, c.eventsRev, c.eventsW, c.eventsRun = true, m.rev, m.width, m.runIdx
	return c.events
}

func (m *Model) eventsPane(height int) []string {
	lines := m.eventLines()
	if len(lines) == 0 {
		return []string{m.ctx.Styles.Muted.Render(display.Fit("Nothing yet. a logs a decision, m drafts a message; both are stamped with the clock.", max(m.width, 1)))}
	}
	if height <= 0 {
		return nil
	}
	m.scroll = min(m.scroll, max(len(lines)-1, 0))
	end := len(lines) - m.scroll
	// The last event in view, the newest unless the room scrolled back, is
	// shown whole: an inject is read out from here.
	w := max(m.width, 1)
	whole := display.Wrap(m.cache.eventTexts[end-1], max(w-2, 1))
	if room := max(height/2, 1); len(whole) > room {
		whole = whole[:room]
		whole[room-1] = display.Fit(whole[room-1]+" …", max(w-2, 1))
	}
	for i, l := range whole {
		if i == 0 {
			whole[i] = m.ctx.Styles.Marker.Render("› ") + l
		} else {
			whole[i] = "  " + l
		}
	}
	above := lines[max(end-1-(height-len(whole)), 0) : end-1]
	return append(slices.Clip(above), whole...)
}

// messagesPane draws the audience × phase grid, the selected message and
// its fire-drill checks, the program's reason beside each.
func (m *Model) messagesPane(height int) []string {
	st := m.ctx.Styles
	w := max(m.width, 1)
	d := m.sess.Workshop.Drill
	run, _ := m.run()
	var sel *model.Message
	if m.msgSel < len(run.Messages) {
		sel = &run.Messages[m.msgSel]
	}
	auds, phases := gridAxes(d, run)
	counts := map[[2]string]int{}
	for _, msg := range run.Messages {
		counts[[2]string{msg.Audience, msg.Phase}]++
	}
	labelW := 10
	for _, a := range auds {
		labelW = max(labelW, min(display.Width(display.OneLine(a))+1, 16))
	}
	cellW := min(max((w-labelW)/max(len(phases), 1), 4), 24)
	var hdr strings.Builder
	hdr.WriteString(display.Pad("", labelW))
	for _, p := range phases {
		hdr.WriteString(display.Pad(display.OneLine(p), cellW))
	}
	lines := []string{st.Muted.Render(display.Fit(hdr.String(), w))}
	for _, a := range auds {
		var row strings.Builder
		row.WriteString(display.Pad(display.OneLine(a), labelW))
		for _, p := range phases {
			n := counts[[2]string{a, p}]
			cell := "·"
			if n > 0 {
				cell = strconv.Itoa(n)
			}
			if sel != nil && sel.Audience == a && sel.Phase == p {
				cell = "[" + cell + "]"
			} else {
				cell = " " + cell
			}
			row.WriteString(display.Pad(cell, cellW))
		}
		lines = append(lines, display.Fit(row.String(), w))
	}
	if sel == nil {
		return append(lines, st.Muted.Render(display.Fit("No message yet: m drafts one.", w)))
	}
	lines = append(lines, st.Heading.Render(display.Fit(fmt.Sprintf("Message %d/%d at %s → %s · %s · from %s",
		m.msgSel+1, len(run.Messages), model.ClockText(sel.At), display.OneLine(sel.Audience), display.OneLine(sel.Phase),
		display.OneLine(m.sess.RoleName(sel.Sender))), w)))
	textLines := display.Wrap(string(sel.Text), max(w-2, 1))
	room := max(height-len(lines)-len(d.Checklist), 1)
	if len(textLines) > room {
		textLines = textLines[:room]
		textLines[room-1] = display.Fit(textLines[room-1]+" …", max(w-2, 1))
	}
	for _, l := range textLines {
		lines = append(lines, "  "+l)
	}
	for i, item := range d.Checklist {
		lines = append(lines, m.checkLine(i, item, sel.Checks[item.ID], w))
	}
	return lines
}

// gridAxes are the grid's rows and columns: the workshop's audiences and
// phases, then any a message uses that the workshop no longer lists.
func gridAxes(d model.DrillCatalogue, run *model.DrillRun) (auds, phases []string) {
	auds, phases = slices.Clone(d.Audiences), slices.Clone(d.Phases)
	for _, msg := range run.Messages {
		if !slices.Contains(auds, msg.Audience) {
			auds = append(auds, msg.Audience)
		}
		if !slices.Contains(phases, msg.Phase) {
			phases = append(phases, msg.Phase)
		}
	}
	return auds, phases
}

// checkLine draws one fire-drill item with its state in words: met or
// not met once the room has decided, proposed or open while only the
// program has looked.
func (m *Model) checkLine(i int, item model.ChecklistItem, c model.Check, w int) string {
	st := m.ctx.Styles
	cursor := "  "
	if i == m.check {
		cursor = st.Marker.Render("› ")
	}
	var mark string
	switch {
	case c.Met && c.Confirmed:
		mark = st.Good.Render("[met]     ")
	case c.Met:
		mark = st.Warn.Render("[proposed]")
	case c.Confirmed:
		mark = st.Bad.Render("[not met] ")
	default:
		mark = st.Warn.Render("[open]    ")
	}
	line := cursor + mark + " " + display.OneLine(itemTitle(item))
	// The mark already says "proposed".
	if why := strings.TrimPrefix(c.Why, "proposed: "); why != "" {
		line += st.Muted.Render(" — " + display.OneLine(why))
	}
	return display.Fit(line, w)
}

func (m *Model) checklistPane(height int) []string {
	st := m.ctx.Styles
	w := max(m.width, 1)
	d := m.sess.Workshop.Drill
	run, _ := m.run()
	f := m.figures()
	lines := []string{st.Heading.Render(display.Fit(fmt.Sprintf("Fire drill: %d of %d met · y/n: the room decides each item", f.ChecklistMet, f.ChecklistTotal), w))}
	verdicts := run.ChecklistVerdict(d.Checklist)
	for i, item := range d.Checklist {
		lines = append(lines, m.checkLine(i, item, verdicts[item.ID], w))
	}
	if len(d.Checklist) == 0 {
		lines = append(lines, st.Muted.Render(display.Fit("This workshop has no fire-drill checklist.", w)))
	}
	if len(lines) > height && m.check >= height-1 {
		start := min(m.check-height+2, len(lines)-height)
		lines = append(lines[:1], lines[1+start:]...)
	}
	return lines
}
