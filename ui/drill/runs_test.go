package drill

import (
	"strings"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
)

// finishedRig is a drill played and finished once, at 80×24.
func finishedRig(t *testing.T) *rig {
	r := startLeak(t, 80, 24)
	playAndFinish(r, 30*time.Second)
	r.WantView("Results of run 1 of 1")
	return r
}

// A stray n and enter on the results used to start an empty run that the
// plan then reported. Now enter asks first, and a second enter goes back.
func TestAStrayNewRunAsksFirst(t *testing.T) {
	r := finishedRig(t)
	r.Keys("n", "enter")
	if n := len(r.Session.Drill.Runs); n != 1 {
		t.Fatalf("n and enter started a run without asking: %d runs", n)
	}
	r.WantView("Start drill run 2?", "Run 1 stays as it is", "the plan goes on reporting run 1 until", "› [b] Back to run 1's results", "[y] Start run 2")
	r.Keys("enter")
	if n := len(r.Session.Drill.Runs); n != 1 {
		t.Fatalf("a second enter started a run: %d runs", n)
	}
	r.WantView("Results of run 1 of 1")
	r.Keys("n", "enter", "esc")
	r.WantView("Set up drill run 2")
	r.Keys("enter", "y")
	if n := len(r.Session.Drill.Runs); n != 2 {
		t.Fatalf("y should start run 2: %d runs", n)
	}
	r.WantView("▶ RUNNING 00:00")
	if e := r.Edits[len(r.Edits)-1]; e.NoUndo || !strings.HasPrefix(e.Label, "Started drill run 2") {
		t.Errorf("starting a run must be undoable, got %q (no undo %v)", e.Label, e.NoUndo)
	}
}

// The runs pane lists every run; r chooses the run the plan reports, an
// empty run cannot be chosen, and d deletes a run after asking.
func TestRunsAreListedChosenForThePlanAndDeleted(t *testing.T) {
	r := finishedRig(t)
	r.Keys("n", "enter", "y")
	r.advance(5 * time.Second)
	r.Keys("f", "y")
	// Run 2 holds nothing: the plan goes on reporting run 1, and says so.
	r.WantView("Results of run 2 of 2", "· ! the plan reports run 1")
	r.Keys("tab", "tab", "tab")
	r.WantView("The plan reports run 1 (the latest finished run)", "› 2           finished empty at 00:20", "  1    ◆ plan finished at")
	r.Keys("r")
	if r.Session.Drill.Report != 0 || !strings.Contains(r.LastStatus(), "Run 2 holds no message, decision or hot wash") {
		t.Fatalf("an empty run was chosen for the plan: report %d, status %q", r.Session.Drill.Report, r.LastStatus())
	}
	r.Keys("k", "r")
	if r.Session.Drill.Report != 1 {
		t.Fatalf("r should choose run 1 for the plan, report = %d", r.Session.Drill.Report)
	}
	r.WantView("The plan reports run 1 (chosen by the room)")
	r.Keys("r")
	if r.Session.Drill.Report != 0 {
		t.Fatalf("r again should leave the choice to the program, report = %d", r.Session.Drill.Report)
	}

	r.Keys("j", "d")
	r.WantView("Delete drill run 2?", "finished empty at 00:20, 0 messages", "u brings the run back")
	r.Keys("y")
	if n := len(r.Session.Drill.Runs); n != 1 {
		t.Fatalf("d and y should delete run 2: %d runs", n)
	}
	if e := r.Edits[len(r.Edits)-1]; e.NoUndo || e.Label != "Deleted drill run 2" {
		t.Errorf("deleting a run must be undoable, got %q", e.Label)
	}
	r.WantView("Results of run 1 of 1", "[Runs 1]")
	r.Keys("d", "esc")
	if n := len(r.Session.Drill.Runs); n != 1 {
		t.Fatalf("esc should keep the run: %d runs", n)
	}
}

// TestResultsShowTheRecordAgainForTheHotWash: after f, the timeline and the
// message grid are a tab away, and the room can still correct them.
func TestResultsShowTheRecordAgainForTheHotWash(t *testing.T) {
	r := finishedRig(t)
	r.Keys("tab")
	r.WantView("[Timeline]", "00:00 ! inject 1 · forum · a customer", "02:00 → customers (first hour)", "› 10:00 ! inject 3")
	r.Keys("tab")
	r.WantView("[Messages 1]", "customers [1]", "Message 1/1 at 02:00")
	r.Keys("n")
	if n := len(r.Session.Drill.Runs); n != 1 {
		t.Fatal("n on the message grid is the room's not met, never a new run")
	}
	if c := r.lastRun().Messages[0].Checks[model.CheckAcknowledge]; c.Met || !c.Confirmed {
		t.Errorf("n on the results' grid should record the room's verdict, got %+v", c)
	}
}

// TestTheLogAndTheMessagesCanBeCorrected: an entry and a message can be
// edited, keeping their clock, and deleted after asking; all undoable.
func TestTheLogAndTheMessagesCanBeCorrected(t *testing.T) {
	r := startLeak(t, 80, 24)
	r.advance(30 * time.Second)
	r.Keys("a", "Call the lawyer", "enter", "enter", "enter")
	r.advance(10 * time.Second)
	r.Keys("e")
	r.WantView("Editing the log entry at 02:00; its clock stays", "Call the lawyer")
	for range len("lawyer") {
		r.Keys("backspace")
	}
	r.Keys("legal team", "tab", "right", "ctrl+s")
	e := r.lastRun().Log[0]
	if e.Text != "Call the legal team" || e.At != 120 || e.Kind != model.LogNote {
		t.Fatalf("edited entry = %+v, want the note \"Call the legal team\" at 02:00", e)
	}
	if last := r.Edits[len(r.Edits)-1]; last.NoUndo || last.Label != "Edited the note at 02:00" {
		t.Errorf("an edit must be undoable, got %q", last.Label)
	}

	r.Keys("m", "Please hold.", "ctrl+s")
	r.WantView("[open]     Acknowledge publicly — to customers, but does not say")
	r.Keys("y")
	r.Keys("e")
	r.WantView("Editing the message at 02:40; its clock stays")
	r.Keys("We are aware and sorry. ", "ctrl+s")
	m := r.lastRun().Messages[0]
	if m.At != 160 || m.Text != "Please hold.We are aware and sorry." {
		t.Fatalf("edited message = %+v", m)
	}
	if c := m.Checks[model.CheckCompassion]; !c.Proposed() {
		t.Errorf("the program should look at the new words again: compassion %+v", c)
	}
	if c := m.Checks[model.CheckAcknowledge]; !c.Counts() || c.Why == "decided by the room" {
		t.Errorf("the room's verdict stands, now with the program's reason: %+v", c)
	}

	r.Keys("d")
	r.WantView("Delete the message to customers at 02:40?", "“Please hold.We are aware and sorry.”")
	r.Keys("y")
	if n := len(r.lastRun().Messages); n != 0 {
		t.Fatalf("the message was not deleted: %d left", n)
	}
	r.Keys("tab", "tab")
	r.WantView("[Events]", "› 02:00   note: Call the legal team")
	r.Keys("d", "y")
	if n := len(r.lastRun().Log); n != 0 {
		t.Fatalf("the entry was not deleted: %d left", n)
	}
	r.WantView("› 00:00 ! inject 1")
	r.Keys("e")
	if r.m.Form != nil || !strings.Contains(r.LastStatus(), "An inject is the scenario's own") {
		t.Errorf("an inject is not the room's to edit; status %q", r.LastStatus())
	}
	for _, e := range r.Edits {
		if strings.HasPrefix(e.Label, "Deleted") && e.NoUndo {
			t.Errorf("a delete must be undoable: %q", e.Label)
		}
	}
}

// A skip is the program's own record: it cannot be edited into a decision.
func TestASkipIsNotEdited(t *testing.T) {
	r := startLeak(t, 80, 24)
	r.advance(tickEvery)
	r.Keys("s", "e")
	if r.m.Form != nil || !strings.Contains(r.LastStatus(), "u takes the skip back") {
		t.Errorf("e on a skip: status %q", r.LastStatus())
	}
}

// An edit form dropped with words typed asks first, as every form does.
func TestEscOnAnEditAsksBeforeDroppingWords(t *testing.T) {
	r := startLeak(t, 80, 24)
	r.advance(time.Second)
	r.Keys("a", "Call legal", "enter", "enter", "enter", "e", " now", "esc")
	r.WantView("esc again drops what you typed here")
	r.Keys("esc")
	if got := r.lastRun().Log[0].Text; got != "Call legal" {
		t.Errorf("esc kept %q", got)
	}
}

// The results tell the items met across the drill apart from each message's
// own score.
func TestResultsTellEachMessagesOwnScore(t *testing.T) {
	r := startLeak(t, 100, 30)
	r.advance(time.Second)
	r.Keys("m", "We are aware of the leak @shopper reported, and sorry. We will refund you today at acme.com/status; our call centre knows.", "ctrl+s")
	r.Keys("y", "y", "y", "y", "y", "y", "y")
	r.Keys("m", "Hold on.", "ctrl+s", "f", "y")
	r.WantView("Fire-drill checklist         7 of 7 items met across the drill",
		"Message by message           ! 1 of 2 public messages met the whole checklist", "First public message         met 7 of 7 (drill clock 00:04)")
}

func TestSetupNamesThePeopleAndFlagsMissingBackups(t *testing.T) {
	s := session()
	s.RACI.Roles[0].Person = "Dana Lee"
	r := newRig(t, s, 120, 24)
	r.WantView("‹ Head of communications — Dana Lee ›", "Spokesperson: Head of communications — Dana Lee",
		"! No duty has a backup yet: who stands in when someone cannot?", "‹ ! no backup ›")
	// The spokesperson's backup: the same role is refused.
	r.Keys("down", "down", "down", "right")
	r.WantView("Spokesperson's backup: Head of communications — Dana Lee", "! Spokesperson: Head of communications cannot be its own backup.")
	r.Keys("up", "enter")
	if len(r.Session.Drill.Runs) != 0 {
		t.Fatal("a run started with a role as its own backup")
	}
	if !strings.Contains(r.LastStatus(), "A role cannot be its own backup") || r.m.setup.FocusedKey() != "backup:0" {
		t.Errorf("refusing: status %q, focus on %q", r.LastStatus(), r.m.setup.FocusedKey())
	}
	r.Keys("right")
	r.WantView("! No backup: Listening lead. Who stands in?")
	r.Keys("down", "down", "right", "enter")
	if len(r.Session.Drill.Runs) != 1 {
		t.Fatalf("a run with backups should start:\n%s", r.View())
	}
	if a, _ := r.lastRun().Assignment("spokesperson"); a.Backup != "social" {
		t.Errorf("spokesperson = %+v, want Social media lead as backup", a)
	}
}
