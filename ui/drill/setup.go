package drill

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
)

// setupHead is the lines above the set-up form: title, the step's prompts,
// scenario summary (up to three lines), its length, a hint or a flag, and
// who fills the duty in focus.
const setupHead = 8

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
		roleNames = append(roleNames, m.roleWithPerson(r.ID))
	}
	backupNames := append([]string{"! no backup"}, roleNames[1:]...)
	for i, duty := range d.Duties {
		role, backup := duty.Role, ""
		if a, ok := prev.Assignment(duty.ID); ok {
			role, backup = a.Role, a.Backup
		}
		name := dutyName(duty)
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

// dutyName is a duty's name on one line, or its id when it has none.
func dutyName(d model.Duty) string {
	if name := display.OneLine(d.Name); name != "" {
		return name
	}
	return display.OneLine(d.ID)
}

// roleWithPerson names a RACI role with the person who fills it now:
// "Head of PR — Dana Lee", so the room sees who it is choosing.
func (m *Model) roleWithPerson(id string) string {
	name := display.OneLine(m.sess.RoleName(id))
	if r, ok := m.sess.RACI.RoleByID(id); ok {
		if person := display.OneLine(r.Person); person != "" {
			name += " — " + person
		}
	}
	return name
}

func (m *Model) setupKey(msg tea.KeyMsg) tea.Cmd {
	m.ensureSetup()
	switch {
	case keyMatches(msg, Keys.Start):
		return m.askToStart()
	case keyMatches(msg, Keys.BackToRun) && m.hasRuns():
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
		return m.askToStart()
	}
	return cmd
}

// askToStart starts the run at once when it is the first; when a finished
// run exists it asks, with going back as the answer enter gives, so a
// stray n and enter on the results never start an empty run.
func (m *Model) askToStart() tea.Cmd {
	if ok, cmd := m.setupValid(); !ok {
		return cmd
	}
	last := -1
	for i, r := range m.sess.Drill.Runs {
		if r.Ended {
			last = i
		}
	}
	if last < 0 {
		return m.start()
	}
	n := len(m.sess.Drill.Runs)
	plan := "the plan goes on reporting " + m.reportedName() + " until the new run is finished"
	if _, chosen, _ := m.sess.Drill.Reported(); chosen {
		plan = "the plan goes on reporting " + m.reportedName()
	}
	body := fmt.Sprintf("Run %d stays as it is, with its results and hot wash. The new run starts empty and its clock runs at once; "+
		"%s. u takes the start back.", last+1, plan)
	m.Ask(fmt.Sprintf("Start drill run %d?", n+1), body,
		dialog.Choice{Key: "b", Label: fmt.Sprintf("Back to run %d's results", n), Msg: backMsg{}},
		dialog.Choice{Key: "y", Label: fmt.Sprintf("Start run %d", n+1), Msg: startMsg{}})
	return nil
}

// reportedName names the run the plan reports, for a sentence.
func (m *Model) reportedName() string {
	i, chosen, ok := m.sess.Drill.Reported()
	switch {
	case !ok:
		return "no run"
	case chosen:
		return fmt.Sprintf("run %d, as the room chose", i+1)
	}
	return fmt.Sprintf("run %d", i+1)
}

// setupValid checks the set-up as start would: a spokesperson is needed,
// and no role stands in for itself. A role backing itself up is flagged
// above the form as it is chosen; here the focus goes to it.
func (m *Model) setupValid() (bool, tea.Cmd) {
	d := m.sess.Workshop.Drill
	if _, ok := d.ScenarioByID(m.setup.Value("scenario")); !ok {
		m.setup.SetProblem("This workshop has no drill scenario to run; its template needs a [[drill.scenario]].")
		return false, nil
	}
	for i, duty := range d.Duties {
		role, backup := m.setup.Value("role:"+strconv.Itoa(i)), m.setup.Value("backup:"+strconv.Itoa(i))
		if role != "" && role == backup {
			m.setup.Focus("backup:" + strconv.Itoa(i))
			return false, common.Status("A role cannot be its own backup: choose another role as the backup, or no backup.")
		}
		if spk, _ := d.Spokesperson(); spk.ID == duty.ID && role == "" && len(m.sess.RACI.Roles) > 0 {
			m.setup.SetError("role:"+strconv.Itoa(i), "choose the role that speaks first in public")
			return false, nil
		}
	}
	return true, nil
}

// start records a new run with the chosen scenario, speed and duties, and
// starts its clock.
func (m *Model) start() tea.Cmd {
	m.ensureSetup()
	if ok, cmd := m.setupValid(); !ok {
		return cmd
	}
	d := m.sess.Workshop.Drill
	sc, _ := d.ScenarioByID(m.setup.Value("scenario"))
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
	for len(lines) < setupHead-2 {
		lines = append(lines, "")
	}
	if flag := m.setupFlag(w); flag != "" {
		lines = append(lines, st.Warn.Render(display.Fit(flag, w)))
	} else {
		lines = append(lines, st.Muted.Render(display.Fit("Assign each duty to a RACI role and a backup; enter starts the clock.", w)))
	}
	lines = append(lines, st.Text.Render(display.Fit(m.whoLine(), w)))
	lines = append(lines, strings.Split(m.setup.View(), "\n")...)
	return lines
}

// whoLine spells out the role in focus with the person who fills it, or
// the spokesperson's: the form's own line may be too narrow for the name.
func (m *Model) whoLine() string {
	duties := m.sess.Workshop.Drill.Duties
	if len(duties) == 0 || len(m.sess.RACI.Roles) == 0 {
		return ""
	}
	key := m.setup.FocusedKey()
	field, n, onDuty := strings.Cut(key, ":")
	i, _ := strconv.Atoi(n)
	if !onDuty || i < 0 || i >= len(duties) {
		field, i = "role", 0
	}
	name := dutyName(duties[i])
	id := m.setup.Value(field + ":" + strconv.Itoa(i))
	if field == "backup" {
		if id == "" {
			return name + "'s backup: nobody stands in yet"
		}
		return name + "'s backup: " + m.roleWithPerson(id)
	}
	if id == "" {
		return name + ": nobody yet"
	}
	return name + ": " + m.roleWithPerson(id)
}

// setupFlag is what the room should fix or know before it starts, in
// width cells: no roles to choose from, a role backing itself up, duties
// without a backup.
func (m *Model) setupFlag(width int) string {
	if len(m.sess.RACI.Roles) == 0 {
		return "! No RACI roles yet: add roles in the RACI step to assign the duties."
	}
	var alone []string
	for i, duty := range m.sess.Workshop.Drill.Duties {
		role, backup := m.setup.Value("role:"+strconv.Itoa(i)), m.setup.Value("backup:"+strconv.Itoa(i))
		name := dutyName(duty)
		switch {
		case role != "" && role == backup:
			return "! " + name + ": " + display.OneLine(m.sess.RoleName(role)) + " cannot be its own backup."
		case backup == "":
			alone = append(alone, name)
		}
	}
	duties := len(m.sess.Workshop.Drill.Duties)
	switch line := "! No backup: " + strings.Join(alone, ", ") + ". Who stands in?"; {
	case len(alone) == 0:
		return ""
	case len(alone) == duties && duties > 1:
		return "! No duty has a backup yet: who stands in when someone cannot?"
	case display.Width(line) <= width:
		return line
	}
	return fmt.Sprintf("! %d duties have no backup (marked “! no backup” below). Who stands in?", len(alone))
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
