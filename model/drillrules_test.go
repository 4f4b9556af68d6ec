package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// fireDrill is a drill catalogue with the seed's fire drill and a
// three-inject scenario.
func fireDrill() (DrillCatalogue, []Role) {
	cat := DrillCatalogue{
		Duties: []Duty{
			{ID: "spokesperson", Name: "Spokesperson", Role: "comms"},
			{ID: "listener", Name: "Listening lead", Role: "social"},
		},
		Scenarios: []Scenario{{ID: "leak", Title: "Customer data leak", Minutes: 30, Injects: []Inject{
			{Minute: 0, Channel: "forum", Speaker: "a customer", Text: "My card was charged twice"},
			{Minute: 10, Channel: "blog", Speaker: "a blogger", Text: "Is the shop leaking data?"},
			{Minute: 10, Channel: "phone", Speaker: "a reporter", Text: "Can you comment?"},
			{Minute: 20, Channel: "press", Speaker: "a newspaper", Text: "Front page"},
		}}},
		Checklist: []ChecklistItem{
			{ID: CheckAcknowledge}, {ID: CheckSpokesperson}, {ID: CheckSources}, {ID: CheckCompassion},
			{ID: CheckPlan}, {ID: CheckResponsePage}, {ID: CheckCoordinate},
		},
		Audiences: []string{"employees", "customers", "press", "partners"},
		Phases:    []string{"first hour", "first day"},
		Phrases:   defaultPhrases(),
	}
	roles := []Role{{ID: "comms", Name: "Head of communications"}, {ID: "social", Name: "Social media lead"}, {ID: "it", Name: "IT lead"}}
	return cat, roles
}

func TestDrillClockMeasuresRealTimeAtSpeed(t *testing.T) {
	cases := []struct {
		start   int
		elapsed time.Duration
		speed   int
		want    int
	}{
		{0, 15 * time.Minute, 4, 3600},
		{90, 2500 * time.Millisecond, 1, 92},
		{90, 2500 * time.Millisecond, 4, 100},
		{10, -time.Second, 4, 10},
		{0, time.Minute, 0, 60},
	}
	for _, c := range cases {
		if got := DrillClock(c.start, c.elapsed, c.speed); got != c.want {
			t.Errorf("DrillClock(%d, %v, %d) = %d, want %d", c.start, c.elapsed, c.speed, got, c.want)
		}
	}
	for s, want := range map[int]string{0: "00:00", 75: "01:15", 3600: "60:00", 6005: "100:05", -5: "-00:05"} {
		if got := ClockText(s); got != want {
			t.Errorf("ClockText(%d) = %q, want %q", s, got, want)
		}
	}
}

// fakeDrill advances a run as the screen does: a fake wall clock moves
// in quarter seconds, the drill clock is measured from it, and injects
// are delivered on each tick.
type fakeDrill struct {
	run   DrillRun
	sc    Scenario
	start time.Time
	now   time.Time
	base  int
}

func (f *fakeDrill) advance(d time.Duration) []InjectState {
	var got []InjectState
	for end := f.now.Add(d); f.now.Before(end); {
		f.now = f.now.Add(250 * time.Millisecond)
		f.run.Clock = DrillClock(f.base, f.now.Sub(f.start), f.run.Speed)
		got = append(got, f.run.Deliver(f.sc, f.run.Clock)...)
	}
	return got
}

func TestInjectsArriveOnTheirMinuteAtCompressedSpeed(t *testing.T) {
	cat, roles := fireDrill()
	sc := cat.Scenarios[0]
	t0 := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	f := &fakeDrill{run: NewDrillRun(sc, cat.Duties, roles, 4), sc: sc, start: t0, now: t0}

	got := f.advance(250 * time.Millisecond)
	if len(got) != 1 || got[0].Index != 0 || got[0].At != 0 {
		t.Fatalf("at the start the minute-0 inject should arrive, got %+v", got)
	}
	// 2.5 real minutes at 4× is scenario minute 10: both minute-10 injects.
	got = f.advance(150*time.Second - 250*time.Millisecond)
	if len(got) != 2 || got[0].Index != 1 || got[1].Index != 2 || got[0].At != 600 {
		t.Fatalf("at 10:00 injects 2 and 3 should arrive stamped 10:00, got %+v (clock %s)", got, ClockText(f.run.Clock))
	}
	if at, held, ok := f.run.NextDue(sc); !ok || held || at != 1200 {
		t.Errorf("next inject due at %s held=%v ok=%v, want 20:00", ClockText(at), held, ok)
	}
}

func TestHoldingAnInjectHoldsTheRestUntilLetGo(t *testing.T) {
	cat, roles := fireDrill()
	sc := cat.Scenarios[0]
	run := NewDrillRun(sc, cat.Duties, roles, 1)
	run.Deliver(sc, 0)
	if st, ok := run.ToggleHold(sc, 30); !ok || st.Index != 1 || st.Status != InjectHeld {
		t.Fatalf("hold should hold inject 2, got %+v", st)
	}
	if got := run.Deliver(sc, 1300); len(got) != 0 {
		t.Fatalf("a held inject and those after it must wait, got %+v", got)
	}
	if _, held, _ := run.NextDue(sc); !held {
		t.Error("the next inject should show as held")
	}
	st, _ := run.ToggleHold(sc, 1300)
	if st.Status != InjectReleased || st.At != 1300 {
		t.Fatalf("letting go of an overdue inject should send it now, got %+v", st)
	}
	got := run.Deliver(sc, 1300)
	if len(got) != 2 || got[0].Index != 2 || got[0].At != 1300 || got[1].Index != 3 || got[1].At != 1300 {
		t.Fatalf("the injects behind the hold should arrive at once, stamped 21:40, got %+v", got)
	}
}

func TestLettingGoOfAHoldBeforeItsTimeWaitsForTheMinute(t *testing.T) {
	cat, roles := fireDrill()
	sc := cat.Scenarios[0]
	run := NewDrillRun(sc, cat.Duties, roles, 1)
	run.Deliver(sc, 0)
	run.ToggleHold(sc, 60)
	if st, _ := run.ToggleHold(sc, 120); st.Status != InjectPending {
		t.Fatalf("a hold let go before the inject's minute should leave it pending, got %+v", st)
	}
	if got := run.Deliver(sc, 599); len(got) != 0 {
		t.Fatalf("nothing is due before 10:00, got %+v", got)
	}
}

func TestReleaseEarlyAndSkip(t *testing.T) {
	cat, roles := fireDrill()
	sc := cat.Scenarios[0]
	run := NewDrillRun(sc, cat.Duties, roles, 1)
	run.Deliver(sc, 0)
	st, ok := run.ReleaseNext(sc, 125)
	if !ok || st.Index != 1 || st.Status != InjectReleased || st.At != 125 {
		t.Fatalf("release should send inject 2 at 02:05, got %+v", st)
	}
	st, _ = run.SkipNext(sc, 130)
	if st.Index != 2 || st.Status != InjectSkipped {
		t.Fatalf("skip should drop inject 3, got %+v", st)
	}
	if got := run.Deliver(sc, 1199); len(got) != 0 {
		t.Fatalf("inject 4 is not due before 20:00, got %+v", got)
	}
	if got := run.Deliver(sc, 1200); len(got) != 1 || got[0].Index != 3 {
		t.Fatalf("inject 4 should arrive at 20:00, got %+v", got)
	}
	if _, ok := run.NextInject(sc); ok {
		t.Error("every inject is settled; there should be no next one")
	}
	if _, ok := run.ReleaseNext(sc, 1300); ok {
		t.Error("releasing with nothing left should do nothing")
	}
	if latest, _ := run.Latest(); latest.Index != 3 {
		t.Errorf("the latest inject should be 4, got %+v", latest)
	}
}

func TestGradingMeetsAndMissesEachItem(t *testing.T) {
	cat, roles := fireDrill()
	run := NewDrillRun(cat.Scenarios[0], cat.Duties, roles, 1)
	run.Assignments[0].Backup = "it"
	good := Message{Audience: "customers", Sender: "comms", Text: "We are aware that some orders were charged twice, " +
		"as @shopper99 reported on the forum. We are sorry for the worry this causes. We will refund every " +
		"charge within 24 hours and post updates at https://status.example.com — our call centre has the same news."}
	bad := Message{Audience: "employees", Sender: "social", Text: "Please say nothing to anyone."}
	want := map[string][2]string{
		CheckAcknowledge:  {"says “we are aware”", "to employees: not a public audience"},
		CheckSpokesperson: {"sent by Head of communications, the spokesperson", "sent by Social media lead, not by Head of communications"},
		CheckSources:      {"names “@shopper99”", "names no source or link"},
		CheckCompassion:   {"words of regret “sorry”", "no apology or words of regret"},
		CheckPlan:         {"a next step “we will” with a time “within 24 hours”", "no next step with a time"},
		CheckResponsePage: {"links “https://status.example.com”", "no pointer to a response page"},
		CheckCoordinate:   {"names “call centre”", "names no call centre, website, PR or marketing team"},
	}
	g, b := GradeMessage(good, run, cat, roles), GradeMessage(bad, run, cat, roles)
	for id, w := range want {
		if !g[id].Met || !strings.Contains(g[id].Why, w[0]) {
			t.Errorf("%s: the good message should meet it with %q, got %+v", id, w[0], g[id])
		}
		if b[id].Met || !strings.Contains(b[id].Why, w[1]) {
			t.Errorf("%s: the bad message should miss it with %q, got %+v", id, w[1], b[id])
		}
		if g[id].Confirmed || b[id].Confirmed {
			t.Errorf("%s: the program only proposes; the room confirms", id)
		}
	}
}

func TestGradingReasonsForPartialAnswers(t *testing.T) {
	cat, roles := fireDrill()
	run := NewDrillRun(cat.Scenarios[0], cat.Duties, roles, 1)
	run.Assignments[0].Backup = "it"
	cases := []struct {
		msg  Message
		item string
		met  bool
		why  string
	}{
		{Message{Audience: "press", Text: "We will share more soon."}, CheckPlan, false, "a next step “we will” but no time"},
		{Message{Audience: "press", Text: "Update at 15:00."}, CheckPlan, false, "but no next step"},
		{Message{Audience: "press", Text: "We'll have it fixed by 3pm."}, CheckPlan, true, "with a time “3pm”"},
		{Message{Audience: "press", Text: "The outage is over."}, CheckAcknowledge, true, "names the “outage”"},
		{Message{Audience: "partners", Text: "Thanks for asking."}, CheckAcknowledge, false, "does not say the company knows"},
		{Message{Audience: "press", Sender: "it"}, CheckSpokesperson, true, "the backup spokesperson"},
		{Message{Audience: "press"}, CheckSpokesperson, false, "no sender given"},
		{Message{Audience: "press", Text: "According to the BBC story …"}, CheckSources, true, "“according to”"},
		{Message{Audience: "press", Text: "See https://news.example.com/story/1"}, CheckSources, true, "links"},
		{Message{Audience: "press", Text: "The problem reported on Trustpilot is real."}, CheckSources, true, "“reported on”"},
		{Message{Audience: "employees", Text: "Read the guidance on the intranet."}, CheckResponsePage, true, "“intranet”"},
		{Message{Audience: "press", Text: "We apologise."}, CheckCompassion, true, "“apologise”"},
		{Message{Audience: "press", Text: "Unapologetic."}, CheckCompassion, false, ""},
		{Message{Audience: "press", Text: "Our PR people know."}, CheckCoordinate, true, "“pr people”"},
		{Message{Audience: "press", Text: "A prize."}, CheckCoordinate, false, ""},
		// Words that only look like the item are not taken for it.
		{Message{Audience: "press", Text: "Our PR is good."}, CheckCoordinate, false, ""},
		{Message{Audience: "press", Text: "See our website."}, CheckCoordinate, false, ""},
		{Message{Audience: "press", Text: "Marketing loves you."}, CheckCoordinate, false, ""},
		{Message{Audience: "customers", Text: "Sit down and relax."}, CheckAcknowledge, false, ""},
		{Message{Audience: "customers", Text: "We know you."}, CheckAcknowledge, false, ""},
		{Message{Audience: "customers", Text: "Checkout is slow for some of you."}, CheckAcknowledge, true, "“slow”"},
		{Message{Audience: "customers", Text: "Read this page."}, CheckResponsePage, false, ""},
		{Message{Audience: "customers", Text: "The plan is at 15:00."}, CheckPlan, false, "but no next step"},
	}
	for _, c := range cases {
		got := GradeMessage(c.msg, run, cat, roles)[c.item]
		if got.Met != c.met || !strings.Contains(got.Why, c.why) {
			t.Errorf("%q, %s: got %+v, want met=%v with %q", c.msg.Text, c.item, got, c.met, c.why)
		}
	}
	noSpokesperson := run
	noSpokesperson.Assignments = nil
	if got := GradeMessage(Message{Sender: "comms"}, noSpokesperson, cat, roles)[CheckSpokesperson]; got.Met || !strings.Contains(got.Why, "no role is assigned") {
		t.Errorf("without a spokesperson assigned the item cannot be met, got %+v", got)
	}
	cat.Checklist = append(cat.Checklist, ChecklistItem{ID: "legal"})
	if got := GradeMessage(Message{}, run, cat, roles)["legal"]; got.Met || !strings.Contains(got.Why, "the room decides") {
		t.Errorf("an item the program cannot see is left to the room, got %+v", got)
	}
}

// scriptedDrill plays a whole drill: two injects answered, one not, one
// skipped, a late acknowledgement to customers and a note to employees.
func scriptedDrill() (DrillRun, Scenario, DrillCatalogue) {
	cat, roles := fireDrill()
	sc := cat.Scenarios[0]
	run := NewDrillRun(sc, cat.Duties, roles, 4)
	run.Deliver(sc, 65)
	run.Log = append(run.Log, LogEntry{At: 70, Kind: LogDecision, Text: "Call the spokesperson", Inject: 0})
	internal := Message{At: 200, Audience: "employees", Phase: "first hour", Sender: "social", Text: "We are aware of the issue. Say nothing yet.", Inject: -1}
	internal.Checks = GradeMessage(internal, run, cat, roles)
	run.Messages = append(run.Messages, internal)
	run.Deliver(sc, 600)
	ack := Message{At: 780, Audience: "customers", Phase: "first hour", Sender: "comms", Text: "We are aware and sorry.", Inject: 1}
	ack.Checks = GradeMessage(ack, run, cat, roles)
	run.Messages = append(run.Messages, ack)
	run.SkipNext(sc, 900)
	run.Log = append(run.Log, LogEntry{At: 950, Kind: LogNote, Text: "Press line busy", Inject: -1})
	run.Clock = 1000
	return run, sc, cat
}

func TestFiguresOfAScriptedDrill(t *testing.T) {
	run, sc, cat := scriptedDrill()
	f := run.Figures(sc, cat)
	if ack, ok := f.TimeToAck(); !ok || ack != 780 {
		t.Errorf("time to first public acknowledgement = %s (ok=%v), want 13:00: the employees' note is not public", ClockText(ack), ok)
	}
	if f.Arrived != 3 || f.Unanswered != 1 || f.Skipped != 1 || f.NotReached != 0 {
		t.Errorf("injects arrived %d unanswered %d skipped %d not reached %d, want 3 1 1 0", f.Arrived, f.Unanswered, f.Skipped, f.NotReached)
	}
	// acknowledge, spokesperson and compassion are only proposed by the
	// program on the message to customers: none counts until the room says so.
	if f.ChecklistMet != 0 || f.ChecklistProposed != 3 || f.ChecklistTotal != 7 {
		t.Errorf("checklist %d met, %d proposed of %d, want 0 met, 3 proposed of 7", f.ChecklistMet, f.ChecklistProposed, f.ChecklistTotal)
	}
	pv := run.ChecklistVerdict(cat.Checklist)
	if c := pv[CheckAcknowledge]; !c.Proposed() || c.Counts() || !strings.HasPrefix(c.Why, "proposed: the message at 13:00 to customers — ") || !strings.Contains(c.Why, "we are aware") {
		t.Errorf("an unconfirmed pre-tick should read as a proposal with its reason, got %+v", c)
	}
	// The room confirms the acknowledgement on the message: now it counts.
	run.Messages[1].Checks[CheckAcknowledge] = Check{Met: true, Confirmed: true}
	if f := run.Figures(sc, cat); f.ChecklistMet != 1 || f.ChecklistProposed != 2 {
		t.Errorf("after the room confirms one item: %d met, %d proposed, want 1 and 2", f.ChecklistMet, f.ChecklistProposed)
	}
	if len(run.Log) < 2 || run.Log[1].Kind != LogSkipped || run.Log[1].At != 900 || !strings.HasPrefix(string(run.Log[1].Text), "inject 4") {
		t.Errorf("skipping an inject should log it at its clock, got log %+v", run.Log)
	}
	if f.Decisions != 1 || f.Messages != 2 {
		t.Errorf("decisions %d messages %d, want 1 and 2", f.Decisions, f.Messages)
	}
	want := []AudienceCount{{"employees", 1}, {"customers", 1}, {"press", 0}, {"partners", 0}}
	for i, w := range want {
		if i >= len(f.PerAudience) || f.PerAudience[i] != w {
			t.Fatalf("messages per audience = %+v, want %+v", f.PerAudience, want)
		}
	}

	// The room overrules the program on one item and meets another by hand.
	run.Checklist[CheckCompassion] = Check{Met: false, Confirmed: true}
	run.Checklist[CheckCoordinate] = Check{Met: true, Confirmed: true}
	v := run.ChecklistVerdict(cat.Checklist)
	if v[CheckCompassion].Met || !v[CheckCoordinate].Met || !v[CheckAcknowledge].Met {
		t.Errorf("the room's verdicts should stand over the messages', got %+v", v)
	}
	if !v[CheckAcknowledge].Counts() || !strings.Contains(v[CheckAcknowledge].Why, "room confirmed the message at 13:00 to customers") {
		t.Errorf("an item met by a message should say which, got %q", v[CheckAcknowledge].Why)
	}
}

func TestComparingRuns(t *testing.T) {
	first, sc, cat := scriptedDrill()
	second := first.Clone()
	second.Messages[1].At = 300
	second.Log = append(second.Log, LogEntry{At: 700, Kind: LogDecision, Inject: 2})
	second.Checklist[CheckPlan] = Check{Met: true, Confirmed: true}
	got := strings.Join(Compare(first.Figures(sc, cat), second.Figures(sc, cat)), "; ")
	want := "acknowledged 08:00 sooner; 1 checklist item met more; 1 fewer inject unanswered"
	if got != want {
		t.Errorf("Compare = %q, want %q", got, want)
	}
	got = strings.Join(Compare(second.Figures(sc, cat), first.Figures(sc, cat)), "; ")
	if !strings.Contains(got, "acknowledged 08:00 later") || !strings.Contains(got, "1 inject unanswered more") {
		t.Errorf("Compare the other way = %q", got)
	}
	silent := first.Clone()
	silent.Messages = nil
	if got := Compare(silent.Figures(sc, cat), first.Figures(sc, cat))[0]; got != "acknowledged in public, which the earlier run never did" {
		t.Errorf("Compare after a silent run = %q", got)
	}
}

func TestNewRunFillsSuggestedRolesThatExist(t *testing.T) {
	cat, roles := fireDrill()
	cat.Duties = append(cat.Duties, Duty{ID: "legal", Role: "gone"})
	run := NewDrillRun(cat.Scenarios[0], cat.Duties, roles, 0)
	if run.Speed != 1 || len(run.Injects) != 4 || run.Checklist == nil {
		t.Fatalf("new run = %+v", run)
	}
	if a, _ := run.Assignment("spokesperson"); a.Role != "comms" {
		t.Errorf("the spokesperson should start as the suggested role, got %+v", a)
	}
	if a, _ := run.Assignment("legal"); a.Role != "" {
		t.Errorf("a suggested role missing from the grid should be left empty, got %+v", a)
	}
	if d, _ := cat.Spokesperson(); d.ID != "spokesperson" {
		t.Errorf("Spokesperson() = %+v", d)
	}
	if PublicAudience("Employees") || PublicAudience("internal staff") || !PublicAudience("press") || PublicAudience(" ") {
		t.Error("PublicAudience: employees and internal audiences are not public; press is")
	}
}

func TestSyncChecklistKeepsTheRoomsVerdicts(t *testing.T) {
	run, _, cat := scriptedDrill()
	run.Checklist = nil
	run.SyncChecklist(cat.Checklist)
	if !run.Checklist[CheckAcknowledge].Met || run.Checklist[CheckPlan].Met || run.Checklist[CheckAcknowledge].Confirmed {
		t.Fatalf("synced checklist = %+v", run.Checklist)
	}
	run.Checklist[CheckPlan] = Check{Met: true, Confirmed: true, Why: "the room saw the plan on the call"}
	run.Messages = nil
	run.SyncChecklist(cat.Checklist)
	if run.Checklist[CheckAcknowledge].Met || !run.Checklist[CheckPlan].Met {
		t.Errorf("without messages only the room's verdict stays met, got %+v", run.Checklist)
	}
}

func TestRunsOfDifferentScenariosAreNotCompared(t *testing.T) {
	first, sc, cat := scriptedDrill()
	other := first.Clone()
	other.Scenario = "another"
	got := Compare(first.Figures(sc, cat), other.Figures(sc, cat))
	if len(got) != 1 || !strings.Contains(got[0], "not comparable") {
		t.Errorf("Compare across scenarios = %q, want one line saying they are not comparable", got)
	}
}

// TestLinksLeaveTheSentenceOut: a link at the end of a sentence or in
// brackets is the link, not its full stop or bracket.
func TestLinksLeaveTheSentenceOut(t *testing.T) {
	for text, want := range map[string][]string{
		"Updates at acme.com/incident.":                       {"acme.com/incident"},
		"(see https://acme.com/status), then call us!":        {"https://acme.com/status"},
		"Read www.example.org/post?id=4; we answer it there.": {"www.example.org/post?id=4"},
		"Two: acme.com/faq, and status.acme.io/today's-news.": {"acme.com/faq", "status.acme.io/today's-news"},
	} {
		if got := links(text); !slices.Equal(got, want) {
			t.Errorf("links(%q) = %q, want %q", text, got, want)
		}
	}
	if got := responsePageLink("More on acme.com/incident."); got != "acme.com/incident" {
		t.Errorf("the response page is %q", got)
	}
}
