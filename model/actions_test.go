package model

import (
	"reflect"
	"testing"
)

func TestFollowUpKeepsTheHistoryOfEachStatus(t *testing.T) {
	a := ActionItem{Text: "Name a backup", Due: "2027-01-15"}
	if a.State() != ActionOpen || a.Closed() {
		t.Fatalf("a new action is open: %q", a.State())
	}
	a.Review("2027-01-10", ActionOpen, "asked HR")
	if len(a.History) != 0 || a.Note != "asked HR" || a.Reviewed != "2027-01-10" {
		t.Fatalf("a review that keeps the status adds no history: %+v", a)
	}
	a.Review("2027-01-20", ActionInProgress, "HR is on it")
	a.Review("2027-02-01", ActionDone, "")
	want := []StatusChange{{On: "2027-01-20", Status: ActionInProgress}, {On: "2027-02-01", Status: ActionDone}}
	if !reflect.DeepEqual(a.History, want) || !a.Closed() || a.Reviewed != "2027-02-01" {
		t.Fatalf("history %+v, action %+v", a.History, a)
	}
}

func TestAnActionIsOverdueOnlyWhileOpenAndPastItsDate(t *testing.T) {
	for _, tt := range []struct {
		due    string
		status ActionStatus
		want   bool
	}{
		{"2027-01-15", ActionOpen, true},
		{"2027-01-15", ActionInProgress, true},
		{"2027-01-15", "", true},
		{"2027-01-16", ActionOpen, false},
		{"2027-01-17", ActionOpen, false},
		{"2027-01-15", ActionDone, false},
		{"2027-01-15", ActionDropped, false},
		{"soon", ActionOpen, false},
		{"", ActionOpen, false},
		{"2027-02-30", ActionOpen, false},
	} {
		a := ActionItem{Due: tt.due, Status: tt.status}
		if got := a.Overdue("2027-01-16"); got != tt.want {
			t.Errorf("due %q, %q: overdue %v, want %v", tt.due, tt.status, got, tt.want)
		}
	}
}

// A new action is numbered after every other, so a number once given is
// never given again, even after a delete.
func TestANewActionTakesTheNextNumber(t *testing.T) {
	s := &Session{}
	s.AddAction(ActionItem{Text: "a"})
	s.AddAction(ActionItem{Text: "b"})
	s.AddAction(ActionItem{Text: "c"})
	s.Actions = s.Actions[:2]
	s.Actions[0].ID = 7
	s.AddAction(ActionItem{Text: "d"})
	if got := []int{s.Actions[0].ID, s.Actions[1].ID, s.Actions[2].ID}; !reflect.DeepEqual(got, []int{7, 2, 8}) {
		t.Errorf("numbers %v, want [7 2 8]", got)
	}
}

func TestTheLastReviewIsTheLatestDay(t *testing.T) {
	s := &Session{Actions: []ActionItem{{Reviewed: "2027-01-10"}, {Reviewed: "2027-02-01"}, {Reviewed: "not a day"}, {}}}
	if got := s.LastReviewed(); got != "2027-02-01" {
		t.Errorf("last reviewed %q", got)
	}
	if got := (&Session{}).LastReviewed(); got != "" {
		t.Errorf("never reviewed: %q", got)
	}
}
