package model

import (
	"strings"
	"testing"
)

// A stray key starts a run that holds nothing; the plan goes on reporting
// the finished run until the room does something in the new one, and the
// room's own choice stands over the program's.
func TestTheReportedRunIsNeverAnEmptyOne(t *testing.T) {
	finished, _, _ := scriptedDrill()
	finished.Ended = true
	stray := DrillRun{Scenario: "leak", Clock: 40, Injects: []InjectState{{Index: 0, Status: InjectReleased}},
		Log: []LogEntry{{Kind: LogSkipped, Text: "inject 2"}}}
	if finished.Empty() || !stray.Empty() {
		t.Fatalf("Empty: finished %v, stray %v", finished.Empty(), stray.Empty())
	}
	live := DrillRun{Scenario: "leak", Log: []LogEntry{{Kind: LogNote, Text: "Legal is on the way"}}}
	reviewed := DrillRun{Scenario: "leak", Ended: true, Review: AfterAction{Failed: "We never started"}}
	cases := []struct {
		name   string
		d      Drill
		want   int
		chosen bool
		ok     bool
	}{
		{"no runs", Drill{}, 0, false, false},
		{"only a stray run", Drill{Runs: []DrillRun{stray}}, 0, false, false},
		{"a stray run after a finished one", Drill{Runs: []DrillRun{finished, stray}}, 0, false, true},
		{"a run in progress after a finished one", Drill{Runs: []DrillRun{finished, live}}, 0, false, true},
		{"a run in progress, none finished", Drill{Runs: []DrillRun{live, stray}}, 0, false, true},
		{"the latest finished run", Drill{Runs: []DrillRun{finished, reviewed, stray}}, 1, false, true},
		{"the room's choice", Drill{Report: 3, Runs: []DrillRun{finished, reviewed, live}}, 2, true, true},
		{"the room chose a run now empty", Drill{Report: 2, Runs: []DrillRun{finished, stray}}, 0, false, true},
		{"a choice past the runs", Drill{Report: 9, Runs: []DrillRun{finished}}, 0, false, true},
	}
	for _, c := range cases {
		i, chosen, ok := c.d.Reported()
		if i != c.want || chosen != c.chosen || ok != c.ok {
			t.Errorf("%s: Reported() = %d, %v, %v; want %d, %v, %v", c.name, i, chosen, ok, c.want, c.chosen, c.ok)
		}
	}
}

func TestDeletingARunKeepsTheRoomsChoice(t *testing.T) {
	runs := func() []DrillRun { return []DrillRun{{Scenario: "a"}, {Scenario: "b"}, {Scenario: "c"}} }
	for _, c := range []struct {
		report, del, want int
		left              string
	}{
		{report: 3, del: 0, want: 2, left: "bc"},
		{report: 2, del: 1, want: 0, left: "ac"},
		{report: 1, del: 2, want: 1, left: "ab"},
		{report: 0, del: 0, want: 0, left: "bc"},
		{report: 2, del: 5, want: 2, left: "abc"},
	} {
		d := Drill{Report: c.report, Runs: runs()}
		d.DeleteRun(c.del)
		left := ""
		for _, r := range d.Runs {
			left += r.Scenario
		}
		if d.Report != c.want || left != c.left {
			t.Errorf("report %d, delete run %d: report %d, runs %q; want %d, %q", c.report, c.del+1, d.Report, left, c.want, c.left)
		}
	}
}

// The checklist across the drill can be full while each message is weak:
// the figures say both.
func TestChecklistPartsShowEachMessagesOwnScore(t *testing.T) {
	cat, _ := fireDrill()
	sc := cat.Scenarios[0]
	checks := func(n int) map[string]Check {
		out := map[string]Check{}
		for i, item := range cat.Checklist {
			out[item.ID] = Check{Met: i < n, Confirmed: true}
		}
		return out
	}
	run := DrillRun{Scenario: sc.ID, Messages: []Message{
		{At: 300, Audience: "employees", Checks: checks(5)},
		{At: 400, Audience: "customers", Checks: checks(4)},
		{At: 900, Audience: "press", Checks: checks(7)},
		{At: 950, Audience: "customers", Checks: checks(7)},
		{At: 990, Audience: "partners", Checks: checks(2)},
	}}
	// One item only the program ticked does not make a message whole.
	run.Messages[3].Checks[CheckCoordinate] = Check{Met: true}
	f := run.Figures(sc, cat)
	got := strings.Join(f.ChecklistParts(), "; ")
	want := "7 of 7 items met across the drill; 1 of 4 public messages met the whole checklist; the first public message (drill clock 06:40) met 4 of 7"
	if got != want {
		t.Errorf("ChecklistParts =\n%q\nwant\n%q", got, want)
	}
	if got := (DrillRun{Scenario: sc.ID}).Figures(sc, cat).ChecklistParts(); len(got) != 2 || got[1] != "no public message was drafted" {
		t.Errorf("a run without public messages: %q", got)
	}
}
