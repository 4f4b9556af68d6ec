package drill

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/theme"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var t0 = time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)

// workshop is a small workshop with the seed's fire drill and one
// 30-minute scenario of four injects.
func workshop() model.Workshop {
	w := model.Workshop{Name: "test", Title: "Test workshop", Steps: []model.Step{
		{Kind: model.StepRACI, Title: "RACI"},
		{Kind: model.StepDrill, Title: "Crisis drill"},
	}}
	w.RACI.Roles = []model.RoleTemplate{{ID: "comms", Name: "Head of communications"}, {ID: "social", Name: "Social media lead"}, {ID: "it", Name: "IT lead"}}
	w.Drill = model.DrillCatalogue{
		Duties: []model.Duty{
			{ID: "spokesperson", Name: "Spokesperson", Role: "comms"},
			{ID: "listener", Name: "Listening lead", Role: "social"},
		},
		Scenarios: []model.Scenario{
			{ID: "leak", Title: "Customer data leak", Minutes: 30, Summary: "Card numbers of some customers appear on a forum.", Injects: []model.Inject{
				{Minute: 0, Channel: "forum", Speaker: "a customer", Text: "My card was charged twice"},
				{Minute: 10, Channel: "blog", Speaker: "a blogger", Text: "Is the shop leaking data?"},
				{Minute: 10, Channel: "phone", Speaker: "a reporter", Text: "Can you comment?"},
				{Minute: 20, Channel: "press", Speaker: "a newspaper", Text: "Front page story"},
			}},
			{ID: "outage", Title: "Outage", Minutes: 60, Summary: "The shop is down on launch day.", Injects: []model.Inject{
				{Minute: 5, Channel: "microblog", Speaker: "a customer", Text: "Site down again?"},
			}},
		},
		Checklist: []model.ChecklistItem{
			{ID: model.CheckAcknowledge, Title: "Acknowledge publicly"},
			{ID: model.CheckSpokesperson, Title: "Through the spokesperson"},
			{ID: model.CheckSources, Title: "Cite the sources"},
			{ID: model.CheckCompassion, Title: "Show compassion"},
			{ID: model.CheckPlan, Title: "Show the plan"},
			{ID: model.CheckResponsePage, Title: "Point to a response page"},
			{ID: model.CheckCoordinate, Title: "Coordinate call centre, web, PR, marketing"},
		},
		Audiences: []string{"employees", "customers", "press", "partners"},
		Phases:    []string{"first hour", "first day"},
	}
	return w
}

func session() *model.Session {
	s := model.New("drill-test", model.Meta{Title: "Drill"}, workshop())
	s.Step = 1
	return s
}

// rig drives the screen as the root would, with a fake wall clock: edits
// are applied to the session and shown again, ticks wait until the test
// moves time on.
type rig struct {
	t      *testing.T
	m      *Model
	s      *model.Session
	rev    int
	now    time.Time
	ticks  []tea.Msg
	edits  []common.EditMsg
	status []string
}

func newRig(t *testing.T, s *model.Session, w, h int) *rig {
	r := &rig{t: t, s: s, now: t0}
	ctx := common.Context{Styles: theme.New(theme.Dark), Now: func() time.Time { return r.now }}
	r.m = newModel(ctx)
	r.m.schedule = func(d time.Duration, msg tea.Msg) tea.Cmd {
		r.ticks = append(r.ticks, msg)
		return nil
	}
	r.m.SetSession(s, r.rev)
	r.m.SetSize(w, h)
	return r
}

func (r *rig) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			r.run(c)
		}
	case common.EditMsg:
		r.edits = append(r.edits, msg)
		msg.Apply(r.s)
		r.rev++
		r.m.SetSession(r.s, r.rev)
		if msg.Label != "" {
			r.status = append(r.status, msg.Label)
		}
	case common.StatusMsg:
		r.status = append(r.status, msg.Text)
	default:
		_, c := r.m.Update(msg)
		r.run(c)
	}
}

func (r *rig) send(msg tea.Msg) {
	_, cmd := r.m.Update(msg)
	r.run(cmd)
}

// keys presses each key; a string of several letters is typed as text
// when it does not name a key.
func (r *rig) keys(ks ...string) {
	for _, k := range ks {
		switch k {
		case "enter":
			r.send(tea.KeyMsg{Type: tea.KeyEnter})
		case "esc":
			r.send(tea.KeyMsg{Type: tea.KeyEsc})
		case "tab":
			r.send(tea.KeyMsg{Type: tea.KeyTab})
		case "shift+tab":
			r.send(tea.KeyMsg{Type: tea.KeyShiftTab})
		case "right":
			r.send(tea.KeyMsg{Type: tea.KeyRight})
		case "left":
			r.send(tea.KeyMsg{Type: tea.KeyLeft})
		case "up":
			r.send(tea.KeyMsg{Type: tea.KeyUp})
		case "down":
			r.send(tea.KeyMsg{Type: tea.KeyDown})
		case "ctrl+s":
			r.send(tea.KeyMsg{Type: tea.KeyCtrlS})
		case "space":
			r.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
		default:
			r.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		}
	}
}

// advance moves the wall clock on in quarter seconds, delivering the
// screen's ticks as Bubble Tea would.
func (r *rig) advance(d time.Duration) {
	for end := r.now.Add(d); r.now.Before(end); {
		r.now = r.now.Add(tickEvery)
		ticks := r.ticks
		r.ticks = nil
		for _, tk := range ticks {
			r.send(tk)
		}
	}
}

func (r *rig) view() string { return ansi.Strip(r.m.View()) }

func (r *rig) lastRun() model.DrillRun {
	r.t.Helper()
	if len(r.s.Drill.Runs) == 0 {
		r.t.Fatal("no drill run in the session")
	}
	return r.s.Drill.Runs[len(r.s.Drill.Runs)-1]
}

func (r *rig) wantView(parts ...string) {
	r.t.Helper()
	v := r.view()
	for _, p := range parts {
		if !strings.Contains(v, p) {
			r.t.Errorf("the view should show %q:\n%s", p, v)
		}
	}
}

// startLeak sets up the leak scenario at 4× and starts it.
func startLeak(t *testing.T, w, h int) *rig {
	r := newRig(t, session(), w, h)
	r.keys("tab", "right", "right", "enter")
	return r
}

func TestSetupShowsScenarioAndStartsACompressedRun(t *testing.T) {
	r := newRig(t, session(), 80, 22)
	r.wantView("Set up drill run 1", "Card numbers of some customers", "30 minutes of scenario time · 4 injects",
		"Spokesperson", "Head of communicatio", "Listening lead", "Social media lead")
	r.keys("down", "right", "right")
	r.wantView("4× (an hour runs in 15 min)", "runs in 07:30 at 4×")
	r.keys("down", "right", "right", "enter")
	run := r.lastRun()
	if run.Scenario != "leak" || run.Speed != 4 || len(run.Injects) != 4 {
		t.Fatalf("started run = %+v", run)
	}
	if a, _ := run.Assignment("spokesperson"); a.Role != "it" {
		t.Errorf("the spokesperson should be the role chosen, IT lead, got %+v", a)
	}
	r.wantView("▶ RUNNING 00:00 / 30:00 ×4")
	if len(r.ticks) != 1 {
		t.Fatalf("starting should start the clock ticking, got %d ticks", len(r.ticks))
	}
}

func TestSetupRefusesARunWithoutSpokesperson(t *testing.T) {
	r := newRig(t, session(), 80, 22)
	r.keys("down", "down", "left", "enter")
	if len(r.s.Drill.Runs) != 0 {
		t.Fatal("a run started without a spokesperson")
	}
	r.wantView("choose the role that speaks first in public")
}

func TestClockRunsPausesAndResumesOnRealTime(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(15 * time.Second)
	r.wantView("▶ RUNNING 01:00 / 30:00 ×4")
	if got := r.lastRun().Clock; got >= 60 {
		t.Errorf("the running clock was written to the session on a tick without an event: %ds at 01:00", got)
	}
	r.keys("space")
	r.wantView("❚❚ PAUSED 01:00", "space resumes")
	if got := r.lastRun().Clock; got != 60 {
		t.Errorf("pausing should save the clock 60, saved %d", got)
	}
	r.advance(10 * time.Second)
	r.wantView("❚❚ PAUSED 01:00")
	r.keys("space")
	r.advance(2500 * time.Millisecond)
	r.wantView("▶ RUNNING 01:10")
	for _, e := range r.edits[1:] {
		if !e.NoUndo {
			t.Errorf("clock bookkeeping %q should take no undo entry", e.Label)
		}
	}
}

func TestALateTickDoesNotSlowTheClock(t *testing.T) {
	r := startLeak(t, 80, 22)
	// One tick delivered after 30 s, as a busy program might.
	r.now = r.now.Add(30 * time.Second)
	r.send(r.ticks[0])
	r.wantView("02:00")
}

func TestInjectsArriveWithAnAlertOnTheirMinute(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(tickEvery)
	r.wantView("! NEW INJECT 1/4 at 00:00 · forum · a customer: My card was charged twice", "inject 2 at 10:00")
	r.advance(150 * time.Second)
	r.wantView("! NEW INJECT 3/4 at 10:00 · phone · a reporter: Can you comment?")
	if st := r.lastRun().InjectState(1); st.Status != model.InjectReleased || st.At != 600 {
		t.Errorf("inject 2 should have arrived at 10:00, got %+v", st)
	}
	r.advance(20 * time.Second)
	r.wantView("! INJECT 3/4")
	if strings.Contains(r.view(), "NEW INJECT") {
		t.Error("an inject should stop being new after a scenario minute")
	}
}

func TestHoldSkipAndReleaseTheNextInject(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(tickEvery)
	r.keys("w")
	r.wantView("inject 2 HELD")
	r.advance(200 * time.Second)
	if st := r.lastRun().InjectState(1); st.Status != model.InjectHeld {
		t.Fatalf("a held inject should wait past its minute, got %+v", st)
	}
	r.keys("w")
	// A quarter second in at 4× the clock showed 00:01; 200 s later, 13:21.
	if st := r.lastRun().InjectState(1); st.Status != model.InjectReleased || st.At != 801 {
		t.Errorf("letting go should send inject 2 at 13:21, got %+v", st)
	}
	r.advance(tickEvery)
	r.keys("s")
	if st := r.lastRun().InjectState(3); st.Status != model.InjectSkipped {
		t.Errorf("s should skip inject 4, the next one, got %+v", st)
	}
	r.wantView("no injects left")
	r.keys("r")
	if !strings.Contains(strings.Join(r.status, "\n"), "Every inject of this scenario has reached the room") {
		t.Errorf("release with nothing left should say so, status %q", r.status)
	}

	r2 := startLeak(t, 80, 22)
	r2.advance(tickEvery)
	r2.keys("r")
	if st := r2.lastRun().InjectState(1); st.Status != model.InjectReleased || st.At != 1 {
		t.Errorf("r should release inject 2 now, at 00:01, got %+v", st)
	}
	r2.wantView("! NEW INJECT 2/4 at 00:01 · blog")
}

func TestLogADecisionStampedWithTheClock(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(30 * time.Second)
	r.keys("a")
	if !r.m.Typing() {
		t.Fatal("the log form should take the keys")
	}
	r.keys("Call the spokesperson in", "enter", "enter", "enter")
	run := r.lastRun()
	if len(run.Log) != 1 || run.Log[0].At != 120 || run.Log[0].Kind != model.LogDecision || run.Log[0].Inject != 0 {
		t.Fatalf("log = %+v, want one decision at 02:00 answering inject 1", run.Log)
	}
	if run.Clock != 120 {
		t.Errorf("logging should save the clock with the entry, saved %d", run.Clock)
	}
	r.wantView("02:00   decision: Call the spokesperson in")
	if e := r.edits[len(r.edits)-1]; e.NoUndo {
		t.Error("a logged decision should be undoable")
	}
}

func TestEscClosesAFormWithoutChangingAnything(t *testing.T) {
	r := startLeak(t, 80, 22)
	before := len(r.edits)
	r.keys("m", "Half a message", "esc")
	if r.m.Typing() || len(r.lastRun().Messages) != 0 {
		t.Fatal("esc should close the message form and keep nothing")
	}
	for _, e := range r.edits[before:] {
		if !e.NoUndo {
			t.Errorf("esc made a change: %q", e.Label)
		}
	}
}

func TestMessageIsPreTickedAndTheRoomDecides(t *testing.T) {
	r := startLeak(t, 80, 24)
	r.advance(10 * time.Second)
	r.keys("m", "We are aware some cards were charged twice and we are sorry. We will refund within 2 hours.", "ctrl+s")
	run := r.lastRun()
	if len(run.Messages) != 1 {
		t.Fatalf("messages = %+v", run.Messages)
	}
	msg := run.Messages[0]
	if msg.At != 40 || msg.Audience != "customers" || msg.Sender != "comms" || msg.Phase != "first hour" {
		t.Errorf("message = %+v, want at 00:40 to customers from the spokesperson", msg)
	}
	r.wantView("first ack 00:40", "[Messages 1]", "[proposed] Acknowledge publicly — to customers, says “we are aware”",
		"[proposed] Through the spokesperson — sent by Head of communications", "[open]     Cite the sources — names no source or link",
		"[proposed] Show the plan — a next step “we will” with a time “within 2 hours”", "customers [1]")
	r.keys("y", "n")
	msg = r.lastRun().Messages[0]
	if c := msg.Checks[model.CheckAcknowledge]; !c.Met || !c.Confirmed {
		t.Errorf("y should confirm the acknowledgement, got %+v", c)
	}
	if c := msg.Checks[model.CheckSpokesperson]; c.Met || !c.Confirmed {
		t.Errorf("n should overrule the program on the spokesperson, got %+v", c)
	}
	r.wantView("[met]      Acknowledge publicly", "[not met]  Through the spokesperson", "› [open]     Cite the sources")
	r.keys("tab")
	// Only the room's word counts: the acknowledgement it confirmed is met,
	// the program's other ticks stay proposals.
	r.wantView("Fire drill: 1 of 7 met", "[proposed] Show compassion — the message at 00:40 to customers — words of")
	r.keys("j", "j", "j", "j", "j", "j", "y")
	if c := r.lastRun().Checklist[model.CheckCoordinate]; !c.Met || !c.Confirmed {
		t.Errorf("y in the checklist should record the room's verdict, got %+v", c)
	}
	r.wantView("Fire drill: 2 of 7 met")
}

func TestQuittingMidDrillResumesPausedAtTheSameClock(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(60 * time.Second)
	r.keys("a", "Hold the press line", "enter", "enter", "enter")
	r.advance(3 * time.Second)
	// A crash here: the file holds the clock of the last entry.
	crashed := newRig(t, r.s.Clone(), 80, 22)
	crashed.wantView("❚❚ PAUSED 04:00", "Hold the press line")
	// A quit: the root applies the screen's last change before saving.
	e, ok := r.m.Flush()
	if !ok {
		t.Fatal("a running drill has its clock to write down on the way out")
	}
	e.Apply(r.s)
	saved := r.s.Clone()
	again := newRig(t, saved, 80, 22)
	if got := saved.Drill.Runs[0].Clock; got != 252 {
		t.Errorf("the saved clock should be 04:12, as shown, got %s", model.ClockText(got))
	}
	again.wantView("❚❚ PAUSED 04:12", "Hold the press line")
	again.keys("space")
	again.advance(time.Second)
	again.wantView("▶ RUNNING 04:16")
}

func TestLeavingTheStepPausesTheDrill(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(5 * time.Second)
	r.s.Step = 0
	r.rev++
	r.m.SetSession(r.s, r.rev)
	r.now = r.now.Add(time.Minute)
	r.s.Step = 1
	r.rev++
	r.m.SetSession(r.s, r.rev)
	r.wantView("❚❚ PAUSED 00:20")
	r.keys("tab")
	if got := r.lastRun().Clock; got != 20 {
		t.Errorf("the clock at leaving should be saved on the next key, got %d", got)
	}
}

func TestTheScenarioEndPausesTheClock(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(8 * time.Minute)
	r.wantView("❚❚ PAUSED 30:00")
	if !strings.Contains(strings.Join(r.status, "\n"), "Scenario time is up") {
		t.Errorf("the end of the scenario should be announced, status %q", r.status)
	}
	r.keys("space")
	r.advance(time.Second)
	r.wantView("▶ RUNNING 30:04")
}

// playAndFinish runs a short drill with an acknowledgement after ackAfter
// of real time, then finishes it.
func playAndFinish(r *rig, ackAfter time.Duration) {
	r.advance(ackAfter)
	r.keys("m", "We are aware of the problem and sorry.", "ctrl+s")
	r.advance(150 * time.Second)
	r.keys("f")
	r.wantView("Finish the drill?")
	r.keys("y")
}

func TestFinishShowsTheFiguresAndTheHotWash(t *testing.T) {
	r := startLeak(t, 80, 24)
	playAndFinish(r, 30*time.Second)
	if !r.lastRun().Ended {
		t.Fatal("y should end the run")
	}
	r.wantView("Results of run 1 of 1: Customer data leak", "First public acknowledgement 02:00 after the first alert",
		"Fire-drill checklist met     ! 0 of 7 confirmed by the room · 3 only proposed", "proposed   Acknowledge publicly — the message", "Injects left unanswered      ! 2 of 3 arrived · 0 skipped · 1 not reached",
		"Messages per audience        employees 0 · customers 1 · press 0 · partners 0")
	r.keys("e", "The spokesperson spoke within two minutes.", "tab", "Nobody answered the blogger.", "ctrl+s")
	if rv := r.lastRun().Review; rv.WentWell != "The spokesperson spoke within two minutes." || rv.Failed != "Nobody answered the blogger." {
		t.Errorf("hot wash = %+v", rv)
	}
	r.keys("a", "Write the response page", "enter", "right", "enter", "2026-13-01", "enter")
	r.wantView("write the date as YYYY-MM-DD")
	r.keys("enter")
	if len(r.s.Actions) != 0 {
		t.Fatal("an action with a bad date was kept")
	}
	r.send(tea.KeyMsg{Type: tea.KeyBackspace})
	r.keys("ctrl+s")
	for range 10 {
		r.send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	r.keys("2026-04-30", "enter")
	if len(r.s.Actions) != 1 || r.s.Actions[0].Source != model.StepDrill || r.s.Actions[0].Owner != "social" || r.s.Actions[0].Due != "2026-04-30" {
		t.Fatalf("actions = %+v", r.s.Actions)
	}
	r.keys("j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
	r.wantView("Write the response page — owner Social media lead · due 2026-04-30")
}

func TestARerunIsComparedWithTheEarlierRun(t *testing.T) {
	r := startLeak(t, 100, 30)
	playAndFinish(r, 60*time.Second)
	r.keys("n")
	r.wantView("Set up drill run 2 (the 1 earlier run is kept for comparison)")
	r.keys("b")
	r.wantView("Results of run 1 of 1")
	r.keys("n", "enter")
	if len(r.s.Drill.Runs) != 2 || r.s.Drill.Runs[1].Speed != 4 {
		t.Fatalf("a rerun should start from the last run's choices, runs %+v", r.s.Drill.Runs)
	}
	playAndFinish(r, 15*time.Second)
	r.wantView("Results of run 2 of 2", "Compared with run 1: acknowledged 03:00 sooner;", "1    Customer data leak")
	// A run of another scenario is not measured against these.
	r.keys("n", "right", "enter")
	if len(r.s.Drill.Runs) != 3 || r.s.Drill.Runs[2].Scenario == r.s.Drill.Runs[0].Scenario {
		t.Fatalf("the third run should rehearse another scenario, runs %+v", r.s.Drill.Runs)
	}
	playAndFinish(r, 15*time.Second)
	r.wantView("Results of run 3 of 3", "The first run of this scenario")
	if v := r.view(); strings.Contains(v, "Compared with run") {
		t.Errorf("a run of another scenario is compared:\n%s", v)
	}
}

func TestUndoingAChangeNeverWindsTheClockBack(t *testing.T) {
	r := startLeak(t, 80, 22)
	before := r.s.Clone()
	r.advance(30 * time.Second)
	r.keys("a", "A decision", "enter", "enter", "enter")
	r.advance(5 * time.Second)
	// The root restores the session as it was before the decision.
	undone := before.Clone()
	undone.Drill.Runs[0].Clock = 100
	r.s = undone
	r.rev++
	r.m.SetSession(r.s, r.rev)
	r.wantView("▶ RUNNING 02:20")
}

func TestNoWorkshopScenariosSaysWhatToDo(t *testing.T) {
	s := session()
	s.Workshop.Drill.Scenarios = nil
	r := newRig(t, s, 80, 22)
	r.wantView("This workshop has no drill scenarios")
	r.keys("enter")
	if len(s.Drill.Runs) != 0 {
		t.Fatal("a run without a scenario was started")
	}
	s2 := session()
	s2.RACI.Roles = nil
	r2 := newRig(t, s2, 80, 22)
	r2.wantView("No RACI roles yet")
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		w, h := size[0], size[1]
		sz := "-" + itoa(w) + "x" + itoa(h)
		r := newRig(t, session(), w, h)
		golden(t, "setup"+sz, r.view())
		r.keys("tab", "right", "right", "enter")
		r.advance(150 * time.Second)
		r.keys("a", "Call the spokesperson in", "enter", "enter", "enter")
		golden(t, "live"+sz, r.view())
		r.keys("m", "We are aware of the leak reported by @shopper and sorry. We will post updates on our status page by 3pm.", "ctrl+s")
		golden(t, "live-messages"+sz, r.view())
		r.keys("f", "y")
		golden(t, "results"+sz, r.view())
	}
}

func TestEverySizeFits(t *testing.T) {
	r := startLeak(t, 80, 24)
	r.advance(150 * time.Second)
	r.keys("m", "We are aware.\nMore soon\x1b[31m", "ctrl+s")
	states := map[string]func(){
		"live-messages": func() {},
		"live-events":   func() { r.m.pane = paneEvents },
		"live-form":     func() { r.keys("a") },
		"results":       func() { r.keys("esc", "f", "y") },
		"setup":         func() { r.keys("n") },
	}
	for _, name := range []string{"live-messages", "live-events", "live-form", "results", "setup"} {
		states[name]()
		for w := 0; w <= 300; w += 7 {
			for h := 0; h <= 80; h += 5 {
				r.m.SetSize(w, h)
				v := r.m.View()
				lines := strings.Split(v, "\n")
				if v != "" && len(lines) > h {
					t.Fatalf("%s at %dx%d: %d lines", name, w, h, len(lines))
				}
				for _, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Fatalf("%s at %dx%d: line too wide: %q", name, w, h, l)
					}
				}
			}
		}
	}
}

// largeRig opens modeltest.Large(): a 60-minute drill with a full log.
func largeRig(b *testing.B, live bool) *rig {
	s := modeltest.Large()
	for i, st := range s.Workshop.Steps {
		if st.Kind == model.StepDrill {
			s.Step = i
		}
	}
	if live {
		s.Drill.Runs[0].Ended = false
	}
	r := &rig{s: s, now: t0}
	ctx := common.Context{Styles: theme.New(theme.Dark), Now: func() time.Time { return r.now }}
	r.m = newModel(ctx)
	r.m.schedule = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	r.m.SetSession(s, 1)
	r.m.SetSize(160, 45)
	return r
}

func BenchmarkDrillView(b *testing.B) {
	for _, c := range []struct {
		name string
		live bool
		pane pane
	}{{"results", false, 0}, {"live-events", true, paneEvents}, {"live-messages", true, paneMessages}, {"live-checklist", true, paneChecklist}} {
		b.Run(c.name, func(b *testing.B) {
			r := largeRig(b, c.live)
			r.m.pane = c.pane
			for i := 0; b.Loop(); i++ {
				// A new revision each frame, as a running clock saves itself.
				r.m.SetSession(r.s, i+2)
				_ = r.m.View()
			}
		})
	}
}

func BenchmarkDrillUpdate(b *testing.B) {
	r := largeRig(b, true)
	r.m.pane = paneMessages
	keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'j'}}, {Type: tea.KeyRight}, {Type: tea.KeyTab}, {Type: tea.KeyRunes, Runes: []rune{'k'}}}
	for i := 0; b.Loop(); i++ {
		r.m.Update(keys[i%len(keys)])
		_ = r.m.View()
	}
}

// A running clock is not a change: ticking between events writes nothing,
// so the file is not saved several times a second; an entry writes the
// clock with it, and so does a long quiet stretch.
func TestTicksBetweenEventsAreNotSaves(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(2 * time.Second)
	before := len(r.edits)
	r.advance(20 * time.Second)
	if n := len(r.edits) - before; n != 0 {
		t.Fatalf("80 ticks without an event made %d edits", n)
	}
	r.keys("a", "Call legal", "enter", "enter", "enter")
	if got, want := r.lastRun().Clock, 88; got != want {
		t.Errorf("an entry should write the clock with it: %s, want %s", model.ClockText(got), model.ClockText(want))
	}
	before = len(r.edits)
	r.advance(clockSaveEvery)
	if n := len(r.edits) - before; n != 1 {
		t.Errorf("a quiet half-minute should write the clock once, made %d edits", n)
	}
}
