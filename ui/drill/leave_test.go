package drill

import (
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
)

// goToStep moves the room to step i as the root does: the screens'
// last bookkeeping is applied first, then the session is shown again.
func (r *rig) goToStep(i int) string {
	r.t.Helper()
	label := r.flush()
	r.Session.Step = i
	r.Show(r.Session)
	return label
}

// flush applies what the screen still has to write down, as the root does
// before a step change, a quit and after the program stops.
func (r *rig) flush() string {
	r.t.Helper()
	e, ok := r.m.Flush()
	if !ok {
		return ""
	}
	e.Apply(r.Session)
	r.Rev++
	return e.Label
}

// A quit flushes twice: before the last save, and again once the program
// has stopped. The clock stops at the first, so the seconds the program
// takes to save and close are not added behind the room's back.
func TestQuittingStopsTheClockAtTheTimeTheRoomIsTold(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(5 * time.Second)
	r.WantView("▶ RUNNING 00:20")
	if label := r.flush(); label != "Drill paused at 00:20; space on its step runs it on" {
		t.Fatalf("quitting a running drill: flush label %q", label)
	}
	r.WantView("❚❚ PAUSED 00:20")
	// Saving and closing take a moment before the program stops.
	r.now = r.now.Add(2 * time.Second)
	if label := r.flush(); label != "" {
		t.Errorf("the second flush says %q: the clock ran on after the room was told it paused", label)
	}
	if got := r.lastRun().Clock; got != 20 {
		t.Errorf("the saved clock is %s, the room was told 00:20", model.ClockText(got))
	}
	again := newRig(t, r.Session.Clone(), 80, 22)
	again.WantView("❚❚ PAUSED 00:20")
}

// The room leaves the running drill, comes back, leaves again and then
// undoes a decision logged during the drill: the undo takes the decision
// back but not the time. The screen keeps showing the clock the drill was
// paused at, so the file must hold that clock on quit, not the older clock
// of the restored session.
func TestUndoAfterLeavingTheDrillKeepsTheClockShown(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(10 * time.Second)
	before := r.Session.Clone()
	r.Keys("a", "Call legal", "enter", "enter", "enter")
	r.WantView("00:40   decision: Call legal")
	r.advance(5 * time.Second)
	if label := r.goToStep(0); label != "Drill paused at 01:00; space on its step runs it on" {
		t.Errorf("leaving the running drill: status %q", label)
	}
	r.goToStep(1)
	r.WantView("❚❚ PAUSED 01:00")
	r.Keys("tab")
	r.goToStep(0)
	r.now = r.now.Add(time.Minute)

	// u: the root brings back the session as it was before the decision;
	// it was taken on the drill step, so the room is back there.
	r.Show(before.Clone())
	r.WantView("❚❚ PAUSED 01:00")
	r.DontWantView("Call legal")

	// q: the root applies the screen's last change, then saves.
	r.flush()
	if got := r.lastRun().Clock; got != 60 {
		t.Fatalf("quitting after the undo saves the clock %s while the room sees 01:00", model.ClockText(got))
	}
	again := newRig(t, r.Session.Clone(), 80, 22)
	again.WantView("❚❚ PAUSED 01:00")
	again.Keys("space")
	again.advance(time.Second)
	again.WantView("▶ RUNNING 01:04")
}

// The same on the drill step itself: the room pauses, undoes a decision,
// and quits.
func TestUndoWhilePausedKeepsTheClockShown(t *testing.T) {
	r := startLeak(t, 80, 22)
	r.advance(10 * time.Second)
	before := r.Session.Clone()
	r.Keys("a", "Call legal", "enter", "enter", "enter")
	r.advance(5 * time.Second)
	r.Keys("space")
	r.WantView("❚❚ PAUSED 01:00")
	r.Show(before.Clone())
	r.WantView("❚❚ PAUSED 01:00")
	// The next key writes the clock down again, as after leaving the step.
	r.Keys("tab")
	if got := r.lastRun().Clock; got != 60 {
		t.Errorf("after the undo and a key the session holds %s while the room sees 01:00", model.ClockText(got))
	}
	r.Show(before.Clone())
	r.flush()
	if got := r.lastRun().Clock; got != 60 {
		t.Errorf("quitting after the undo saves %s while the room sees 01:00", model.ClockText(got))
	}
}
