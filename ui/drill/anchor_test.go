package drill

import (
	"testing"
	"time"
)

// TestTheSessionSaysSinceWhenTheClockRuns: a projector reads the running
// clock from the session between saves, so starting, pausing, resuming,
// undoing and finishing each leave in the session a clock that gives what
// the screen shows.
func TestTheSessionSaysSinceWhenTheClockRuns(t *testing.T) {
	r := startLeak(t, 80, 22)
	sc, _ := r.Session.Workshop.Drill.ScenarioByID("leak")
	agree := func(when string) {
		t.Helper()
		run := r.lastRun()
		if got, want := run.ClockAt(sc, r.now), r.m.now(); got != want {
			t.Fatalf("%s: the session gives the clock %d, the screen shows %d (run %+v)", when, got, want, run)
		}
	}
	if !r.lastRun().Running() {
		t.Fatal("a started run should be written down as running")
	}
	agree("started")
	r.advance(41 * time.Second)
	agree("running")
	r.Keys("space")
	if r.lastRun().Running() {
		t.Fatal("a paused run should be written down as paused")
	}
	agree("paused")
	r.advance(7 * time.Second)
	agree("paused a while")
	r.Keys("space")
	if !r.lastRun().Running() {
		t.Fatal("resuming should write the clock down as running at once")
	}
	r.advance(3 * time.Second)
	agree("resumed")

	// An undo brings back the session as it was before the pause: the
	// screen's clock is written down again at its next message.
	old := r.Session.Clone()
	old.Drill.Runs[0].StopClock(30)
	r.Show(old)
	r.advance(tickEvery)
	agree("after an undo")

	r.Keys("f", "y")
	if r.lastRun().Running() {
		t.Fatal("a finished run should not be written down as running")
	}
}
