package model

import (
	"testing"
	"time"
)

func TestClockAtFollowsARunningClockAndStopsAtTheEnd(t *testing.T) {
	sc := Scenario{ID: "leak", Minutes: 30}
	t0 := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	run := DrillRun{Scenario: "leak", Speed: 4, Clock: 100}
	if got := run.ClockAt(sc, t0.Add(time.Hour)); got != 100 {
		t.Fatalf("a paused clock reads %d, want the clock written down, 100", got)
	}
	run.StartClock(t0, 100)
	for _, c := range []struct {
		after time.Duration
		want  int
	}{
		{0, 100},
		{-time.Second, 100},            // a reader whose clock is behind
		{2500 * time.Millisecond, 110}, // ×4: ten scenario seconds
		{10 * time.Minute, 30 * 60},    // stops at the scenario's end
		{10*time.Minute + time.Hour, 1800},
	} {
		if got := run.ClockAt(sc, t0.Add(c.after)); got != c.want {
			t.Errorf("%v after the start the clock reads %d, want %d", c.after, got, c.want)
		}
	}
	// Started at the end, the room runs on into overtime.
	run.StartClock(t0, 1800)
	if got := run.ClockAt(sc, t0.Add(time.Minute)); got != 1800+240 {
		t.Errorf("overtime: the clock reads %d, want %d", got, 1800+240)
	}
	run.StopClock(1900)
	if run.Running() || run.ClockAt(sc, t0.Add(time.Hour)) != 1900 {
		t.Errorf("a stopped clock should read where it stopped: %+v", run)
	}
	run.StartClock(t0, 0)
	run.Ended = true
	if run.Running() {
		t.Error("an ended run never runs")
	}
}
