package model

import (
	"testing"
	"time"
)

func TestFocusFindsItsItemAfterTheListChanged(t *testing.T) {
	s := &Session{Risks: []Risk{{Title: "Leak"}, {Title: "Outage"}, {Title: "Troll"}}}
	f := s.FocusOn(FocusRisk, 1)
	if f != (Focus{Kind: FocusRisk, Index: 1, Title: "Outage"}) {
		t.Fatalf("focus = %+v", f)
	}
	if i, ok := f.Find(s); !ok || i != 1 {
		t.Fatalf("found %d, %v", i, ok)
	}
	s.Risks = s.Risks[1:]
	if i, ok := f.Find(s); !ok || i != 0 {
		t.Fatalf("after the first risk went, found %d, %v; want 0", i, ok)
	}
	s.Risks = s.Risks[1:]
	if _, ok := f.Find(s); ok {
		t.Fatal("a deleted risk is still found")
	}
	if f := s.FocusOn(FocusObjective, 0); f.Kind != FocusNone {
		t.Fatalf("focus on an objective that is not there: %+v", f)
	}
	s.Drill.Runs = []DrillRun{{Messages: []Message{{Text: "old"}}}, {Messages: []Message{{Text: " We are sorry. "}}}}
	if f := s.FocusOn(FocusMessage, 0); f.Title != "We are sorry." || f.Kind.Step() != StepDrill {
		t.Fatalf("a message of the current run: %+v", f)
	}
}

func TestReopenedPausesTheClockAndLetsTheProjectorFollow(t *testing.T) {
	s := &Session{Projector: Projector{Frozen: true, Focus: Focus{Kind: FocusRisk}}}
	s.Drill.Runs = []DrillRun{{Clock: 90}}
	s.Drill.Runs[0].StartClock(time.Now(), 30)
	if !s.Reopened() {
		t.Fatal("nothing changed")
	}
	if r := s.Drill.Runs[0]; r.Running() || r.Clock != 90 || s.Projector != (Projector{}) {
		t.Fatalf("after reopening: %+v, %+v", r, s.Projector)
	}
	if s.Reopened() {
		t.Fatal("a settled session changed again")
	}
}
