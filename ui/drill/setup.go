package drill

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
)

// setupHead is the lines above the set-up form: title, the step's prompts,
// scenario summary (up to three lines), its length and a hint.
const setupHead = 7

// speeds are the clock speeds offered: real time, or compressed.
var speeds = []int{1, 2, 4, 6, 12}

func speedLabel(n int) string {
	if n == 1 {
		return "1× real time"
	}
	return fmt.Sprintf("%d× (an hour runs in %d min)", n, 60/n)
}

func keyMatches(msg tea.KeyMsg, b key.Binding) bool { return key.Matches(msg, b) }

func itoa(n int) string { return strconv.Itoa(n) }

// buildSetup lays out the set-up form, starting from the last run's
// choices so a rerun needs only a key.
func (m *Model) buildSetup() {
	d := m.sess.Workshop.Drill
	var prev model.DrillRun
	if n := len(m.sess.Drill.Runs); n > 0 {
		prev = m.sess.Drill.Runs[n-1]
	}
	var fields []form.Field
	sc := form.Field{Key: "scenario", Label: "Scenario", Kind: form.Choice, Value: prev.Scenario}
	for _, s := range d.Scenarios {
		sc.Options = append(sc.Options, s.ID)
		sc.Labels = append(sc.Labels, display.OneLine(s.Title))
	}
	fields = append(fields, sc)
	sp := form.Field{Key: "speed", Label: "Clock speed", Kind: form.Choice, Value: strconv.Itoa(max(prev.Speed, 1))}
	for _, n := range speeds {
		sp.Options = append(sp.Options, strconv.Itoa(n))
		sp.Labels = append(sp.Labels, speedLabel(n))
	}
	fields = append(fields, sp)
	roleIDs, roleNames := []string{""}, []string{"nobody yet"}
	for _, r := range m.sess.RACI.Roles {
		roleIDs = append(roleIDs, r.ID)
		roleNames = append(roleNames, display.OneLine(m.sess.RoleName(r.ID)))
	}
	backupNames := append([]string{"no backup"}, roleNames[1:]...)
	for i, duty := range d.Duties {
		role, backup := duty.Role, ""
		if a, ok := prev.Assignment(duty.ID); ok {
			role, backup = a.Role, a.Backup
		}
		name := display.OneLine(duty.Name)
		if name == "" {
			name = display.OneLine(duty.ID)
		}
		fields = append(fields,
			form.Field{Key: "role:" + strconv.Itoa(i), Label: name, Kind: form.Choice, Value: role, Options: roleIDs, Labels: roleNames},
			form.Field{Key: "backup:" + strconv.Itoa(i), Label: "backup", Kind: form.Choice, Value: backup, Options: roleIDs, Labels: backupNames, Inline: true})
	}
	m.setup = form.New(m.ctx.Styles, fields...)
	m.setup.SetSize(max(m.width, 1), max(m.height-setupHead, 1))
	m.setupRuns = len(m.sess.Drill.Runs)
}

func (m *Model) ensureSetup() {
	if m.setup == nil || m.setupRuns != len(m.sess.Drill.Runs) {
		m.buildSetup()
	}
}

func (m *Model) setupKey(msg tea.KeyMsg) tea.Cmd {
	m.ensureSetup()
	switch {
	case keyMatches(msg, drillKeys.Start):
		return m.start()
	case keyMatches(msg, drillKeys.BackToRun) && m.hasRuns():
		m.wantSetup = false
		return nil
	case msg.String() == "esc":
		return nil
	case msg.String() == "j":
		msg = tea.KeyMsg{Type: tea.KeyDown}
	case msg.String() == "k":
		msg = tea.KeyMsg{Type: tea.KeyUp}
	}
	ev, cmd := m.setup.Update(msg)
	if ev.Kind == form.Submit {
		return m.start()
	}
	return cmd
}

// start records a new run with the chosen scenario, speed and duties, and
// starts its clock.
func (m *Model) start() tea.Cmd {
	d := m.sess.Workshop.Drill
	sc, ok := d.ScenarioByID(m.setup.Value("scenario"))
	if !ok {
		m.setup.SetProblem("This workshop has no drill scenario to run; its template needs a [[drill.scenario]].")
		return nil
	}
	if len(m.sess.RACI.Roles) > 0 && len(d.Duties) > 0 {
		if spk, _ := d.Spokesperson(); spk.ID != "" {
			for i, duty := range d.Duties {
				if duty.ID == spk.ID && m.setup.Value("role:"+strconv.Itoa(i)) == "" {
					m.setup.SetError("role:"+strconv.Itoa(i), "choose the role that speaks first in public")
					return nil
				}
			}
		}
	}
	speed, _ := strconv.Atoi(m.setup.Value("speed"))
	assign := make([]model.DutyAssignment, len(d.Duties))
	for i, duty := range d.Duties {
		assign[i] = model.DutyAssignment{Duty: duty.ID, Role: m.setup.Value("role:" + strconv.Itoa(i)), Backup: m.setup.Value("backup:" + strconv.Itoa(i))}
	}
	duties := d.Duties
	label := fmt.Sprintf("Started drill run %d: %s", len(m.sess.Drill.Runs)+1, display.OneLine(sc.Title))
	m.startPending = true
	m.clock, m.overtime = 0, false
	tick := m.resume()
	since := m.anchorWall
	edit := func(s *model.Session) {
		run := model.NewDrillRun(sc, duties, s.RACI.Roles, speed)
		run.Assignments = assign
		run.StartClock(since, 0)
		s.Drill.Runs = append(s.Drill.Runs, run)
	}
	return tea.Batch(editCmd(label, edit), tick)
}

func (m *Model) setupView() []string {
	m.ensureSetup()
	st := m.ctx.Styles
	w := max(m.width, 1)
	n := len(m.sess.Drill.Runs) + 1
	title := fmt.Sprintf("Set up drill run %d", n)
	if n > 1 {
		title += " (the " + display.Count(n-1, "earlier run is", "earlier runs are") + " kept for comparison)"
	}
	lines := []string{st.Heading.Render(display.Fit(title, w)), m.promptLine(w)}
	sc, ok := m.sess.Workshop.Drill.ScenarioByID(m.setup.Value("scenario"))
	if !ok {
		lines = append(lines, st.Warn.Render(display.Fit("! This workshop has no drill scenarios; its template needs some.", w)))
	} else {
		summary := display.Wrap(string(sc.Summary), w)
		if len(summary) > 3 {
			summary = summary[:3]
			summary[2] = display.Fit(summary[2]+" …", w)
		}
		for _, l := range summary {
			lines = append(lines, st.Text.Render(l))
		}
		facts := display.Count(sc.Minutes, "minute", "minutes") + " of scenario time · " + display.Count(len(sc.Injects), "inject", "injects")
		if speed, _ := strconv.Atoi(m.setup.Value("speed")); speed > 1 && sc.Minutes > 0 {
			facts += fmt.Sprintf(" · runs in %s at %d×", model.ClockText(sc.Minutes*60/speed), speed)
		}
		lines = append(lines, st.Muted.Render(display.Fit(facts, w)))
	}
	for len(lines) < setupHead-1 {
		lines = append(lines, "")
	}
	hint := "Assign each duty to a RACI role and a backup; enter starts the clock."
	if len(m.sess.RACI.Roles) == 0 {
		hint = "! No RACI roles yet: add roles in the RACI step to assign the duties."
	}
	lines = append(lines, st.Muted.Render(display.Fit(hint, w)))
	lines = append(lines, strings.Split(m.setup.View(), "\n")...)
	return lines
}

// promptLine is what the facilitator reads aloud to open the step, on one
// line.
func (m *Model) promptLine(w int) string {
	step, _ := m.sess.CurrentStep()
	if step.Kind != model.StepDrill || len(step.Prompts) == 0 {
		return ""
	}
	return m.ctx.Styles.Muted.Render(common.Ask(step.Prompts, w))
}
