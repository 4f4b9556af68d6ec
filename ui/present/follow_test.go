package present

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/screentest"
	"github.com/roundtable/roundtable/workshops"
)

// TestHeldAndUpcomingInjectsNeverReachTheRoom: the projector shows the
// newest inject released, never one held or still to come, even when its
// minute has passed on the clock.
func TestHeldAndUpcomingInjectsNeverReachTheRoom(t *testing.T) {
	s := runningDrill(t)
	sc := s.Workshop.Drill.Scenarios[0]
	v := newView(t, s, 120, 40)
	v.want("INJECT 1 of 8 at 00:00", firstWords(sc.Injects[0].Text))
	for _, in := range sc.Injects[1:] {
		v.dontWant(firstWords(in.Text))
	}
	// Twenty scenario minutes later, inject 2 is still held.
	v.now = v.now.Add(5 * time.Minute)
	v.dontWant(firstWords(sc.Injects[1].Text))
	// Released, it shows.
	run := &s.Drill.Runs[len(s.Drill.Runs)-1]
	run.ReleaseNext(sc, 120)
	v.m.show(s.Clone())
	v.want("INJECT 2 of 8 at 02:00", firstWords(sc.Injects[1].Text))
}

// firstWords is the first words of an inject's text, as a line shows them.
func firstWords(t model.Text) string {
	words := strings.Fields(string(t))
	return strings.Join(words[:min(len(words), 4)], " ")
}

// TestTheRoomsClockIsTheFacilitators: the running clock is worked out
// from when it started; paused, it is the clock written down.
func TestTheRoomsClockIsTheFacilitators(t *testing.T) {
	s := runningDrill(t)
	v := newView(t, s, 80, 24)
	clock := func() int {
		run, _ := v.m.clockRun()
		return v.m.clockNow(run)
	}
	if got := clock(); got != 120 {
		t.Fatalf("30 s at ×4 reads %d, want 120", got)
	}
	v.want("RUNNING")
	v.now = v.now.Add(15 * time.Second)
	if got := clock(); got != 180 {
		t.Fatalf("45 s at ×4 reads %d, want 180", got)
	}
	run := &s.Drill.Runs[len(s.Drill.Runs)-1]
	run.StopClock(200)
	v.m.show(s.Clone())
	v.now = v.now.Add(time.Minute)
	if got := clock(); got != 200 {
		t.Fatalf("paused at 200, the room's clock reads %d", got)
	}
	v.want("PAUSED")
}

// TestAFrozenViewStaysAsTheRoomSawIt: after the freeze the facilitator
// moves on, but the room keeps the view it had, until the freeze ends.
func TestAFrozenViewStaysAsTheRoomSawIt(t *testing.T) {
	s := sample(t, workshops.Default)
	s.Step = stepOf(t, s, model.StepRisks)
	v := newView(t, s, 120, 40)
	v.want("What could go wrong")

	frozen := s.Clone()
	frozen.Projector.Frozen, frozen.Projector.FrozenStep = true, frozen.Step
	v.m.show(frozen)
	moved := frozen.Clone()
	moved.Step = stepOf(t, s, model.StepRACI)
	moved.Risks = nil
	v.m.show(moved)
	v.want("What could go wrong", "Top risks")
	v.dontWant("Who does what")

	thawed := moved.Clone()
	thawed.Projector.Frozen = false
	v.m.show(thawed)
	v.want("Who does what")

	// A view that starts while frozen shows the frozen step as it is now.
	late := newView(t, moved, 120, 40)
	late.want("What could go wrong", "No scored open risks yet")
}

// TestTheRoomIsToldWhenTheFacilitatorLeaves: the last view stays, says
// so, and a clock left running stops where it was.
func TestTheRoomIsToldWhenTheFacilitatorLeaves(t *testing.T) {
	s := runningDrill(t)
	v := newView(t, s, 80, 24)
	v.now = v.now.Add(5 * time.Second)
	v.m.polled(pollMsg{held: true})
	v.dontWant("last view")
	v.now = v.now.Add(pollEvery)
	v.m.polled(pollMsg{held: false})
	v.want("The facilitator's Roundtable has closed this session: this is the last view.", "PAUSED")
	run, _ := v.m.clockRun()
	at := v.m.clockNow(run)
	v.now = v.now.Add(time.Minute)
	if got := v.m.clockNow(run); got != at || at != 140 {
		t.Fatalf("the clock reads %d, then %d a minute later; want it stopped at 140, where the facilitator left", at, got)
	}
	v.m.polled(pollMsg{held: true})
	v.dontWant("last view")

	v.m.polled(pollMsg{held: true, statErr: fs.ErrNotExist})
	v.want("The session file is gone: this is the last view.", "Customer data leak")
	v.m.readDone(readMsg{err: errors.New("line 3: broken")})
	v.want("Customer data leak")
}

// TestAViewStartedBeforeTheFacilitatorWaits says how to open the session.
func TestAViewStartedBeforeTheFacilitatorWaits(t *testing.T) {
	v := newView(t, sample(t, workshops.Default), 120, 30)
	v.m.polled(pollMsg{held: false})
	v.want("Waiting for the facilitator", "roundtable open northwind-7f3k")
}

// TestTheFolderTellsOfASave: a save renames a new file over the old one;
// the watch on the folder sees it.
func TestTheFolderTellsOfASave(t *testing.T) {
	st := store.New(t.TempDir())
	s := sample(t, workshops.Default)
	path, err := st.Create(s)
	if err != nil {
		t.Fatal(err)
	}
	started := startWatching(path)().(watchStartedMsg)
	if started.w == nil {
		t.Fatal("no watcher on this system")
	}
	defer started.w.close()
	got := make(chan any, 1)
	go func() { got <- started.w.next()() }()
	h, err := st.Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	// Another file in the folder changes first: that is not this one.
	if err := os.WriteFile(filepath.Join(filepath.Dir(path), "other.toml"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := h.Save(h.Session); err != nil {
		t.Fatal(err)
	}
	select {
	case msg := <-got:
		if _, ok := msg.(changedMsg); !ok {
			t.Fatalf("the watcher sent %#v", msg)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the save was never noticed")
	}
}

// TestLookingFindsAChangeWithoutNotices: where the folder sends no notice,
// the twice-a-second look finds a replaced file and reads it again.
func TestLookingFindsAChangeWithoutNotices(t *testing.T) {
	st := store.New(t.TempDir())
	s := sample(t, workshops.Default)
	path, err := st.Create(s)
	if err != nil {
		t.Fatal(err)
	}
	v := newView(t, s, 80, 24)
	v.m.path = path
	v.m.readDone(v.m.readCmd()().(readMsg))
	defer v.m.Close()
	if cmd := v.m.polled(v.m.pollCmd()().(pollMsg)); cmd != nil {
		t.Fatal("an unchanged file is read again")
	}
	h, err := st.Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	h.Session.Step = 2
	if err := h.Save(h.Session); err != nil {
		t.Fatal(err)
	}
	if cmd := v.m.polled(v.m.pollCmd()().(pollMsg)); cmd == nil || !v.m.loading {
		t.Fatal("a replaced file is not read again")
	}
	v.m.loading = false
	v.m.readDone(v.m.readCmd()().(readMsg))
	v.want("Who does what")
}

// TestTheClockIsRedrawnWhenItsNextSecondIsDue: at ×4 a second of the
// drill lasts a quarter of a real one.
func TestTheClockIsRedrawnWhenItsNextSecondIsDue(t *testing.T) {
	s := runningDrill(t)
	v := newView(t, s, 80, 24)
	var waits []time.Duration
	v.m.schedule = func(d time.Duration, msg tea.Msg) tea.Cmd {
		waits = append(waits, d)
		return nil
	}
	v.now = v.now.Add(100 * time.Millisecond)
	v.m.keepTicking()
	v.m.ticking = false
	s.Drill.Runs[len(s.Drill.Runs)-1].Speed = 1
	v.now = v.now.Add(5 * time.Millisecond)
	v.m.keepTicking()
	if len(waits) != 2 || waits[0] != 150*time.Millisecond || waits[1] != tickEvery {
		t.Fatalf("redrawn after %v, want 150ms at ×4 and at most %v at ×1", waits, tickEvery)
	}
	v.m.ticking = false
	s.Drill.Runs[len(s.Drill.Runs)-1].StopClock(10)
	if v.m.keepTicking() != nil || len(waits) != 2 {
		t.Fatal("a paused clock is redrawn")
	}
}

// TestAShortVisitIsSeenInItsSaves: the facilitator opened the session,
// saved and left between two looks; the read of the save saw them.
func TestAShortVisitIsSeenInItsSaves(t *testing.T) {
	st := store.New(t.TempDir())
	s := sample(t, workshops.Default)
	path, err := st.Create(s)
	if err != nil {
		t.Fatal(err)
	}
	v := newView(t, s, 120, 30)
	v.m.path = path
	defer v.m.Close()
	v.m.polled(pollMsg{held: false})
	v.want("Waiting for the facilitator")
	msg := v.m.readCmd()().(readMsg)
	msg.held = true
	v.m.readDone(msg)
	v.m.polled(pollMsg{held: false})
	v.want("The facilitator's Roundtable has closed this session")
}

// TestTheRoomSeesHowToJoin: while the facilitator has the live room open,
// the projector says where and with which code to join — in large digits
// beside the QR code on a tall screen — says so when the room is locked,
// and stops inviting once the facilitator has left.
func TestTheRoomSeesHowToJoin(t *testing.T) {
	s := sample(t, workshops.Default)
	s.Projector.Join = model.RoomJoin{URL: "http://192.168.1.20:43210/", Code: "480213"}
	v := newView(t, s, 80, 24)
	v.m.polled(pollMsg{held: true})
	v.want("Join from your phone at http://192.168.1.20:43210/ · room code 480213")
	screentest.Fits(t, "join line", v.text(), 80, 24)

	tall := newView(t, s, 160, 45)
	tall.m.polled(pollMsg{held: true})
	tall.want("Join from your phone", "http://192.168.1.20:43210/", "room code", "███")
	if !strings.ContainsAny(tall.text(), "▀▄") {
		t.Errorf("no QR code on a tall screen:\n%s", tall.text())
	}
	screentest.Fits(t, "join with QR", tall.text(), 160, 45)

	s.Projector.Join.Locked = true
	v.m.show(s)
	v.want("The live room takes nobody new just now.")
	v.dontWant("480213")

	v.m.polled(pollMsg{held: false})
	v.dontWant("live room")
}
