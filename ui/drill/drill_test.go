package drill

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/screentest"
)

func TestMain(m *testing.M) { screentest.Main(m) }

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
	// Like the copy in a session made before templates carried phrases, it
	// has none: messages are graded with the default template's.
	return w
}

func session() *model.Session {
	s := model.New("drill-test", model.Meta{Title: "Drill"}, workshop())
	s.Step = 1
	return s
}

// rig drives the screen with a fake wall clock: ticks wait until the test
// moves time on.
type rig struct {
	*screentest.Rig
	t     testing.TB
	m     *Model
	now   time.Time
	ticks []tea.Msg
}

func newRig(t testing.TB, s *model.Session, w, h int) *rig {
	r := &rig{t: t, now: t0}
	r.m = newModel(screentest.Context(func() time.Time { return r.now }))
	r.m.schedule = func(d time.Duration, msg tea.Msg) tea.Cmd {
		r.ticks = append(r.ticks, msg)
		return nil
	}
	r.Rig = screentest.New(t, r.m, s, w, h)
	return r
}

// advance moves the wall clock on in quarter seconds, delivering the
// screen's ticks as Bubble Tea would.
func (r *rig) advance(d time.Duration) {
	for end := r.now.Add(d); r.now.Before(end); {
		r.now = r.now.Add(tickEvery)
		ticks := r.ticks
		r.ticks = nil
		for _, tk := range ticks {
			r.Send(tk)
		}
	}
}

func (r *rig) lastRun() model.DrillRun {
	r.t.Helper()
	if len(r.Session.Drill.Runs) == 0 {
		r.t.Fatal("no drill run in the session")
	}
	return r.Session.Drill.Runs[len(r.Session.Drill.Runs)-1]
}

// startLeak sets up the leak scenario at 4× and starts it.
func startLeak(t *testing.T, w, h int) *rig {
	r := newRig(t, session(), w, h)
	r.Keys("tab", "right", "right", "enter")
	return r
}

func TestSetupShowsScenarioAndStartsACompressedRun(t *testing.T) {
	r := newRig(t, session(), 80, 22)
	r.WantView("Set up drill run 1", "Card numbers of some customers", "30 minutes of scenario time · 4 injects",
		"Spokesperson", "Head of communicatio", "Listening lead", "Social media lead")
	r.Keys("down", "right", "right")
	r.WantView("4× (an hour runs in 15 min)", "runs in 07:30 at 4×")
	r.Keys("down", "right", "right", "enter")
	run := r.lastRun()
	if run.Scenario != "leak" || run.Speed != 4 || len(run.Injects) != 4 {
		t.Fatalf("started run = %+v", run)
	}
	if a, _ := run.Assignment("spokesperson"); a.Role != "it" {
		t.Errorf("the spokesperson should be the role chosen, IT lead, got %+v", a)
	}
	r.WantView("▶ RUNNING 00:00 / 30:00 ×4")
	if len(r.ticks) != 1 {
		t.Fatalf("starting should start the clock ticking, got %d ticks", len(r.ticks))
	}
}

func TestSetupRefusesARunWithoutSpokesperson(t *testing.T) {
	r := newRig(t, session(), 80, 22)
	r.Keys("down", "down", "left", "enter")
	if len(r.Session.Drill.Runs) != 0 {
		t.Fatal("a run started without a spokesperson")
	}
	r.WantView("choose the role that speaks first in public")
}

func TestClockRunsPausesAndResumesOnRealTime(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(15 * time.Second)
	r.WantView("▶ RUNNING 01:00 / 30:00 ×4")
	if got := r.lastRun().Clock; got >= 60 {
		t.Errorf("the running clock was written to the session on a tick without an event: %ds at 01:00", got)
	}
	r.Keys("space")
	r.WantView("❚❚ PAUSED 01:00", "space resumes")
	if got := r.lastRun().Clock; got != 60 {
		t.Errorf("pausing should save the clock 60, saved %d", got)
	}
	r.advance(10 * time.Second)
	r.WantView("❚❚ PAUSED 01:00")
	r.Keys("space")
	r.advance(2500 * time.Millisecond)
	r.WantView("▶ RUNNING 01:10")
	for _, e := range r.Edits[1:] {
		if !e.NoUndo {
			t.Errorf("clock bookkeeping %q should take no undo entry", e.Label)
		}
	}
}

func TestALateTickDoesNotSlowTheClock(t *testing.T) {
	r := startLeak(t, 80, 22)
	// One tick delivered after 30 s, as a busy program might.
	r.now = r.now.Add(30 * time.Second)
	r.Send(r.ticks[0])
	r.WantView("02:00")
}

func TestInjectsArriveWithAnAlertOnTheirMinute(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(tickEvery)
	r.WantView("! NEW INJECT 1/4 at 00:00 · forum · a customer: My card was charged twice", "inject 2 at 10:00")
	r.advance(150 * time.Second)
	r.WantView("! NEW INJECT 3/4 at 10:00 · phone · a reporter: Can you comment?")
	if st := r.lastRun().InjectState(1); st.Status != model.InjectReleased || st.At != 600 {
		t.Errorf("inject 2 should have arrived at 10:00, got %+v", st)
	}
	r.advance(20 * time.Second)
	r.WantView("! INJECT 3/4")
	if strings.Contains(r.View(), "NEW INJECT") {
		t.Error("an inject should stop being new after a scenario minute")
	}
}

func TestHoldSkipAndReleaseTheNextInject(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(tickEvery)
	r.Keys("w")
	r.WantView("inject 2 HELD")
	r.advance(200 * time.Second)
	if st := r.lastRun().InjectState(1); st.Status != model.InjectHeld {
		t.Fatalf("a held inject should wait past its minute, got %+v", st)
	}
	r.Keys("w")
	// A quarter second in at 4× the clock showed 00:01; 200 s later, 13:21.
	if st := r.lastRun().InjectState(1); st.Status != model.InjectReleased || st.At != 801 {
		t.Errorf("letting go should send inject 2 at 13:21, got %+v", st)
	}
	r.advance(tickEvery)
	r.Keys("s")
	if st := r.lastRun().InjectState(3); st.Status != model.InjectSkipped {
		t.Errorf("s should skip inject 4, the next one, got %+v", st)
	}
	r.WantView("no injects left")
	r.Keys("r")
	if !strings.Contains(strings.Join(r.Status, "\n"), "Every inject of this scenario has reached the room") {
		t.Errorf("release with nothing left should say so, status %q", r.Status)
	}

	r2 := startLeak(t, 80, 22)
	r2.advance(tickEvery)
	r2.Keys("r")
	if st := r2.lastRun().InjectState(1); st.Status != model.InjectReleased || st.At != 1 {
		t.Errorf("r should release inject 2 now, at 00:01, got %+v", st)
	}
	r2.WantView("! NEW INJECT 2/4 at 00:01 · blog")
}

func TestLogADecisionStampedWithTheClock(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(30 * time.Second)
	r.Keys("a")
	if !r.m.Typing() {
		t.Fatal("the log form should take the keys")
	}
	r.Keys("Call the spokesperson in", "enter", "enter", "enter")
	run := r.lastRun()
	if len(run.Log) != 1 || run.Log[0].At != 120 || run.Log[0].Kind != model.LogDecision || run.Log[0].Inject != 0 {
		t.Fatalf("log = %+v, want one decision at 02:00 answering inject 1", run.Log)
	}
	if run.Clock != 120 {
		t.Errorf("logging should save the clock with the entry, saved %d", run.Clock)
	}
	r.WantView("02:00   decision: Call the spokesperson in")
	if e := r.Edits[len(r.Edits)-1]; e.NoUndo {
		t.Error("a logged decision should be undoable")
	}
}

func TestEscClosesAFormWithoutChangingAnything(t *testing.T) {
	r := startLeak(t, 80, 22)
	before := len(r.Edits)
	r.Keys("m", "Half a message", "esc")
	// One esc keeps the words and says how to drop or save them.
	r.WantView("Half a message", "esc again drops what you typed here; ctrl+s saves it.")
	r.Keys("esc")
	if r.m.Typing() || len(r.lastRun().Messages) != 0 {
		t.Fatal("esc should close the message form and keep nothing")
	}
	for _, e := range r.Edits[before:] {
		if !e.NoUndo {
			t.Errorf("esc made a change: %q", e.Label)
		}
	}
}

func TestMessageIsPreTickedAndTheRoomDecides(t *testing.T) {
	r := startLeak(t, 80, 24)
	r.advance(10 * time.Second)
	r.Keys("m", "We are aware some cards were charged twice and we are sorry. We will refund within 2 hours.", "ctrl+s")
	run := r.lastRun()
	if len(run.Messages) != 1 {
		t.Fatalf("messages = %+v", run.Messages)
	}
	msg := run.Messages[0]
	if msg.At != 40 || msg.Audience != "customers" || msg.Sender != "comms" || msg.Phase != "first hour" {
		t.Errorf("message = %+v, want at 00:40 to customers from the spokesperson", msg)
	}
	r.WantView("first ack 00:40", "[Messages 1]", "[proposed] Acknowledge publicly — to customers, says “we are aware”",
		"[proposed] Through the spokesperson — sent by Head of communications", "[open]     Cite the sources — names no source or link",
		"[proposed] Show the plan — a next step “we will” with a time “within 2 hours”", "customers [1]")
	r.Keys("y", "n")
	msg = r.lastRun().Messages[0]
	if c := msg.Checks[model.CheckAcknowledge]; !c.Met || !c.Confirmed {
		t.Errorf("y should confirm the acknowledgement, got %+v", c)
	}
	if c := msg.Checks[model.CheckSpokesperson]; c.Met || !c.Confirmed {
		t.Errorf("n should overrule the program on the spokesperson, got %+v", c)
	}
	r.WantView("[met]      Acknowledge publicly", "[not met]  Through the spokesperson", "› [open]     Cite the sources")
	r.Keys("tab")
	// Only the room's word counts: the acknowledgement it confirmed is met,
	// the program's other ticks stay proposals.
	r.WantView("Fire drill: 1 of 7 met", "[proposed] Show compassion — the message at 00:40 to customers — words of")
	r.Keys("j", "j", "j", "j", "j", "j", "y")
	if c := r.lastRun().Checklist[model.CheckCoordinate]; !c.Met || !c.Confirmed {
		t.Errorf("y in the checklist should record the room's verdict, got %+v", c)
	}
	r.WantView("Fire drill: 2 of 7 met")
}

func TestQuittingMidDrillResumesPausedAtTheSameClock(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(60 * time.Second)
	r.Keys("a", "Hold the press line", "enter", "enter", "enter")
	r.advance(3 * time.Second)
	// A crash here: the file holds the clock of the last entry.
	crashed := newRig(t, r.Session.Clone(), 80, 22)
	crashed.WantView("❚❚ PAUSED 04:00", "Hold the press line")
	// A quit: the root applies the screen's last change before saving.
	e, ok := r.m.Flush()
	if !ok {
		t.Fatal("a running drill has its clock to write down on the way out")
	}
	e.Apply(r.Session)
	saved := r.Session.Clone()
	again := newRig(t, saved, 80, 22)
	if got := saved.Drill.Runs[0].Clock; got != 252 {
		t.Errorf("the saved clock should be 04:12, as shown, got %s", model.ClockText(got))
	}
	again.WantView("❚❚ PAUSED 04:12", "Hold the press line")
	again.Keys("space")
	again.advance(time.Second)
	again.WantView("▶ RUNNING 04:16")
}

func TestLeavingTheStepPausesTheDrill(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(5 * time.Second)
	// The root asks for the clock before it changes the step, and shows
	// what the screen says.
	if e, ok := r.m.Flush(); !ok || e.Label != "Drill paused at 00:20; space on its step runs it on" {
		t.Errorf("leaving a running drill: flush %v, label %q", ok, e.Label)
	}
	r.Session.Step = 0
	r.Show(r.Session)
	r.now = r.now.Add(time.Minute)
	r.Session.Step = 1
	r.Show(r.Session)
	r.WantView("❚❚ PAUSED 00:20")
	r.Keys("tab")
	if got := r.lastRun().Clock; got != 20 {
		t.Errorf("the clock at leaving should be saved on the next key, got %d", got)
	}
}

func TestTheScenarioEndPausesTheClock(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(8 * time.Minute)
	r.WantView("❚❚ PAUSED 30:00")
	if !strings.Contains(strings.Join(r.Status, "\n"), "Scenario time is up") {
		t.Errorf("the end of the scenario should be announced, status %q", r.Status)
	}
	r.Keys("space")
	r.advance(time.Second)
	r.WantView("▶ RUNNING 30:04")
}

// playAndFinish runs a short drill with an acknowledgement after ackAfter
// of real time, then finishes it.
func playAndFinish(r *rig, ackAfter time.Duration) {
	r.advance(ackAfter)
	r.Keys("m", "We are aware of the problem and sorry.", "ctrl+s")
	r.advance(150 * time.Second)
	r.Keys("f")
	r.WantView("Finish the drill?")
	r.Keys("y")
}

func TestFinishShowsTheFiguresAndTheHotWash(t *testing.T) {
	r := startLeak(t, 80, 24)
	playAndFinish(r, 30*time.Second)
	if !r.lastRun().Ended {
		t.Fatal("y should end the run")
	}
	r.WantView("Results of run 1 of 1: Customer data leak", "First public acknowledgement 02:00 after the first alert",
		"Fire-drill checklist         ! 0 of 7 items met across the drill · 3 proposed", "Message by message           ! 0 of 1 public message met the whole checklist", "First public message         ! met 0 of 7 (drill clock 02:00)", "proposed   Acknowledge publicly — the message", "Injects left unanswered      ! 2 of 3 arrived (injects 2 and 3) · 0 skipped",
		"Messages per audience        employees 0 · customers 1 · press 0 · partners 0")
	r.Keys("e", "The spokesperson spoke within two minutes.", "tab", "Nobody answered the blogger.", "ctrl+s")
	if rv := r.lastRun().Review; rv.WentWell != "The spokesperson spoke within two minutes." || rv.Failed != "Nobody answered the blogger." {
		t.Errorf("hot wash = %+v", rv)
	}
	r.Keys("a", "Write the response page", "enter", "right", "enter", "2026-13-01", "enter")
	r.WantView("2026-13-01 is not a day of the calendar")
	r.Keys("enter")
	if len(r.Session.Actions) != 0 {
		t.Fatal("an action with a bad date was kept")
	}
	r.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	r.Keys("ctrl+s")
	for range 10 {
		r.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	r.Keys("2026-04-30", "enter")
	if len(r.Session.Actions) != 1 || r.Session.Actions[0].Source != model.StepDrill || r.Session.Actions[0].Owner != "social" || r.Session.Actions[0].Due != "2026-04-30" {
		t.Fatalf("actions = %+v", r.Session.Actions)
	}
	r.Keys("j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
	r.WantView("Write the response page — owner Social media lead · due 2026-04-30")
}

func TestARerunIsComparedWithTheEarlierRun(t *testing.T) {
	r := startLeak(t, 100, 30)
	playAndFinish(r, 60*time.Second)
	r.Keys("n")
	r.WantView("Set up drill run 2 (the 1 earlier run is kept for comparison)")
	r.Keys("b")
	r.WantView("Results of run 1 of 1")
	r.Keys("n", "enter", "y")
	if len(r.Session.Drill.Runs) != 2 || r.Session.Drill.Runs[1].Speed != 4 {
		t.Fatalf("a rerun should start from the last run's choices, runs %+v", r.Session.Drill.Runs)
	}
	playAndFinish(r, 15*time.Second)
	r.WantView("Results of run 2 of 2", "Compared with run 1: acknowledged 03:00 sooner;")
	r.Keys("tab", "tab", "tab")
	r.WantView("The plan reports run 2 (the latest finished run)", "› 2    ◆ plan finished at 11:00", "  1           finished at 14:00")
	r.Keys("tab")
	// A run of another scenario is not measured against these.
	r.Keys("n", "right", "enter", "y")
	if len(r.Session.Drill.Runs) != 3 || r.Session.Drill.Runs[2].Scenario == r.Session.Drill.Runs[0].Scenario {
		t.Fatalf("the third run should rehearse another scenario, runs %+v", r.Session.Drill.Runs)
	}
	playAndFinish(r, 15*time.Second)
	r.WantView("Results of run 3 of 3", "The first run of this scenario")
	if v := r.View(); strings.Contains(v, "Compared with run") {
		t.Errorf("a run of another scenario is compared:\n%s", v)
	}
}

func TestUndoingAChangeNeverWindsTheClockBack(t *testing.T) {
	r := startLeak(t, 80, 22)
	before := r.Session.Clone()
	r.advance(30 * time.Second)
	r.Keys("a", "A decision", "enter", "enter", "enter")
	r.advance(5 * time.Second)
	// The root restores the session as it was before the decision.
	undone := before.Clone()
	undone.Drill.Runs[0].Clock = 100
	r.Show(undone)
	r.WantView("▶ RUNNING 02:20")
}

func TestNoWorkshopScenariosSaysWhatToDo(t *testing.T) {
	s := session()
	s.Workshop.Drill.Scenarios = nil
	r := newRig(t, s, 80, 22)
	r.WantView("This workshop has no drill scenarios")
	r.Keys("enter")
	if len(s.Drill.Runs) != 0 {
		t.Fatal("a run without a scenario was started")
	}
	s2 := session()
	s2.RACI.Roles = nil
	r2 := newRig(t, s2, 80, 22)
	r2.WantView("No RACI roles yet")
}

func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		w, h := size[0], size[1]
		sz := "-" + itoa(w) + "x" + itoa(h)
		r := newRig(t, session(), w, h)
		screentest.Golden(t, "setup"+sz, r.View())
		r.Keys("tab", "right", "right", "enter")
		r.advance(150 * time.Second)
		r.Keys("a", "Call the spokesperson in", "enter", "enter", "enter")
		screentest.Golden(t, "live"+sz, r.View())
		r.Keys("m", "We are aware of the leak reported by @shopper and sorry. We will post updates on our status page by 3pm.", "ctrl+s")
		screentest.Golden(t, "live-messages"+sz, r.View())
		r.Keys("f", "y")
		screentest.Golden(t, "results"+sz, r.View())
	}
}

func TestEverySizeFits(t *testing.T) {
	r := startLeak(t, 80, 24)
	r.advance(150 * time.Second)
	r.Keys("m", "We are aware.\nMore soon\x1b[31m", "ctrl+s")
	states := []struct {
		name string
		do   func()
		want string
	}{
		{"live-messages", func() {}, "Message 1/1"},
		{"live-edit", func() { r.Keys("e") }, "Editing the message at"},
		{"live-delete", func() { r.Keys("esc", "d") }, "Delete the message"},
		{"live-events", func() { r.Keys("esc"); r.m.pane = paneEvents }, "[Events]"},
		{"live-form", func() { r.Keys("a") }, "Decision"},
		{"results", func() { r.Keys("esc", "f", "y") }, "Results of run 1"},
		{"results-timeline", func() { r.Keys("tab") }, "[Timeline]"},
		{"results-messages", func() { r.Keys("tab") }, "[Messages 1]"},
		{"results-edit", func() { r.Keys("e") }, "Editing the message at"},
		{"results-runs", func() { r.Keys("esc", "tab") }, "[Runs 1]"},
		{"results-delete", func() { r.Keys("d") }, "Delete drill run 1?"},
		{"setup", func() { r.Keys("esc", "n") }, "Set up drill run 2"},
		{"setup-ask", func() { r.Keys("enter") }, "Start drill run 2?"},
	}
	for _, st := range states {
		name := st.name
		r.m.SetSize(80, 24)
		st.do()
		r.WantView(st.want)
		for w := 0; w <= 300; w += 7 {
			for h := 0; h <= 80; h += 5 {
				r.m.SetSize(w, h)
				v := r.m.View()
				screentest.Fits(t, name, v, w, h)
			}
		}
	}
}

// A running clock is not a change: ticking between events writes nothing,
// so the file is not saved several times a second; an entry writes the
// clock with it, and so does a long quiet stretch.
func TestTicksBetweenEventsAreNotSaves(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(2 * time.Second)
	before := len(r.Edits)
	r.advance(20 * time.Second)
	if n := len(r.Edits) - before; n != 0 {
		t.Fatalf("80 ticks without an event made %d edits", n)
	}
	r.Keys("a", "Call legal", "enter", "enter", "enter")
	if got, want := r.lastRun().Clock, 88; got != want {
		t.Errorf("an entry should write the clock with it: %s, want %s", model.ClockText(got), model.ClockText(want))
	}
	before = len(r.Edits)
	r.advance(clockSaveEvery)
	if n := len(r.Edits) - before; n != 1 {
		t.Errorf("a quiet half-minute should write the clock once, made %d edits", n)
	}
}

// TestTheEventInViewIsReadWhole: the newest event is shown whole, wrapped,
// however long; scrolling back shows an earlier one whole, so an inject can
// be read out after the next has arrived.
func TestTheEventInViewIsReadWhole(t *testing.T) {
	s := session()
	s.Workshop.Drill.Scenarios[0].Injects[0].Text = model.Text("My card was charged twice, and " + strings.Repeat("the bank says the shop did it, ", 4) + "so what now?")
	r := newRig(t, s, 80, 22)
	r.Keys("tab", "right", "right", "enter")
	r.advance(time.Second)
	r.WantView("› 00:00 ! inject 1", "so what now?")
	r.advance(149 * time.Second)
	r.WantView("› 10:00 ! inject 3 · phone · a reporter: Can you comment?")
	r.DontWantView("so what now?")
	r.Keys("k", "k")
	r.WantView("› 00:00 ! inject 1", "so what now?")
}
