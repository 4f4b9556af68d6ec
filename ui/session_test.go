package ui

import (
	"errors"
	"strings"
	"syscall"
	"testing"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/workshops"
)

// The protocol of an open session, step by step, without a program loop:
// each step says what the root is to do next.

// openForTest opens a new session of the default workshop.
func openForTest(t *testing.T, readOnly bool) *openSession {
	t.Helper()
	w, err := workshops.Load(t.TempDir()).Get(workshops.Default)
	if err != nil {
		t.Fatal(err)
	}
	return openStored(t, model.New(store.NewID("Protocol", fixedNow), model.Meta{Title: "Protocol", Organisation: "Acme"}, w), readOnly)
}

// openStored stores sess in a store of its own and opens it.
func openStored(t *testing.T, sess *model.Session, readOnly bool) *openSession {
	t.Helper()
	st := store.New(t.TempDir())
	if _, err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	h, err := st.Open(sess.ID, readOnly)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return newOpenSession(h, nil)
}

func rename(org string) common.EditMsg {
	return common.EditMsg{Label: "renamed", Apply: func(s *model.Session) { s.Meta.Organisation = org }}
}

// edit applies e and fails unless it asks for an autosave tick.
func edit(t *testing.T, s *openSession, e common.EditMsg) {
	t.Helper()
	tick, err := s.apply(e, fixedNow)
	if err != nil || !tick {
		t.Fatalf("applying %q: tick %v, %v", e.Label, tick, err)
	}
}

// save runs the save the session asked for and hands back its result.
func save(t *testing.T, s *openSession) (next, error) {
	t.Helper()
	copy, rev := s.startSave()
	return s.saved(rev, s.saver.save(copy, rev))
}

func failWith(s *openSession, errno syscall.Errno) {
	s.saver.write = func(*model.Session) error { return errno }
}

func onDisk(t *testing.T, s *openSession) *model.Session {
	t.Helper()
	loaded, _, err := store.Load(s.handle.Path)
	if err != nil {
		t.Fatal(err)
	}
	return loaded
}

func TestAutosaveSavesTheLatestChangeOnce(t *testing.T) {
	s := openForTest(t, false)
	edit(t, s, rename("Initech"))
	stale := s.gen
	edit(t, s, rename("Globex"))
	if s.autosave(stale) {
		t.Fatal("the tick of an older change started a save")
	}
	if !s.unsaved() || !s.autosave(s.gen) {
		t.Fatal("the tick of the latest change did not start a save")
	}
	if n, err := save(t, s); n != stay || err != nil {
		t.Fatalf("after an autosave: %v, %v", n, err)
	}
	if s.unsaved() || onDisk(t, s).Meta.Organisation != "Globex" {
		t.Fatal("the latest change is not on disk")
	}
	if s.autosave(s.gen) {
		t.Fatal("a second tick saved again with nothing unsaved")
	}
}

func TestQuitWaitsThenSavesThenQuits(t *testing.T) {
	s := openForTest(t, false)
	edit(t, s, rename("Initech"))
	if n := s.quit(); n != waitNext || !s.busy() {
		t.Fatalf("quit: %v, busy %v; want a wait for edits on their way", n, s.busy())
	}
	// An edit on its way arrives during the wait and is kept.
	edit(t, s, rename("Globex"))
	if n := s.stop(); n != saveNext {
		t.Fatalf("the wait is over: %v, want a save", n)
	}
	if n, err := save(t, s); n != quitNext || err != nil {
		t.Fatalf("saved before quitting: %v, %v", n, err)
	}
	if onDisk(t, s).Meta.Organisation != "Globex" {
		t.Fatal("the edit that came during the wait was not saved")
	}
}

func TestQuitWithNothingUnsavedQuitsAtOnce(t *testing.T) {
	s := openForTest(t, false)
	if s.quit() != waitNext || s.stop() != quitNext {
		t.Fatal("a quit with nothing unsaved should quit once the wait is over")
	}
	ro := openForTest(t, true)
	if n := ro.quit(); n != quitNext {
		t.Fatalf("a read-only session waits to quit: %v", n)
	}
}

// A change that comes while the last save is on its way is saved too
// before the program quits or the session closes.
func TestAChangeDuringTheLastSaveIsSavedBeforeGoing(t *testing.T) {
	for _, leave := range []bool{false, true} {
		s := openForTest(t, false)
		edit(t, s, rename("Initech"))
		copy, rev := s.startSave()
		want := quitNext
		if leave {
			want = closeNext
			if n := s.leave(); n != stay {
				t.Fatalf("leave during a save: %v, want a wait for it", n)
			}
		} else if n := s.stop(); n != stay {
			t.Fatalf("stop during a save: %v, want a wait for it", n)
		}
		edit(t, s, rename("Globex"))
		if n, err := s.saved(rev, s.saver.save(copy, rev)); n != saveNext || err != nil {
			t.Fatalf("leave %v: the first save came back: %v, %v; want another save", leave, n, err)
		}
		if n, err := save(t, s); n != want || err != nil {
			t.Fatalf("leave %v: the second save came back: %v, %v", leave, n, err)
		}
		if onDisk(t, s).Meta.Organisation != "Globex" {
			t.Fatalf("leave %v: the change made during the save is lost", leave)
		}
	}
}

func TestLeaveSavesThenCloses(t *testing.T) {
	s := openForTest(t, false)
	if s.leave() != closeNext {
		t.Fatal("leaving with nothing unsaved should close at once")
	}
	s = openForTest(t, false)
	edit(t, s, rename("Initech"))
	if s.leave() != saveNext || !s.busy() {
		t.Fatal("leaving with a change should save first, keys waiting")
	}
	if n, err := save(t, s); n != closeNext || err != nil {
		t.Fatalf("saved before leaving: %v, %v", n, err)
	}
}

func TestAFailedSaveOnTheWayOutLetsCtrlCQuitWithACopy(t *testing.T) {
	s := openForTest(t, false)
	failWith(s, syscall.ENOSPC)
	edit(t, s, rename("Initech"))
	s.quit()
	if s.stop() != saveNext {
		t.Fatal("stop did not save")
	}
	n, err := save(t, s)
	var ns notSaved
	if n != stay || !errors.As(err, &ns) || ns.next != "ctrl+c quits, keeping a copy" {
		t.Fatalf("a failed save before quitting: %v, %v", n, err)
	}
	if s.state != saveFailed || s.busy() {
		t.Fatalf("state %v, busy %v: the room must be able to act again", s.state, s.busy())
	}
	// q tries again, and a later failure says the same.
	if s.quit() != waitNext || s.stop() != saveNext {
		t.Fatal("quitting again does not save again")
	}
	if _, err := save(t, s); !errors.As(err, &ns) || ns.next == "" {
		t.Fatalf("the second failure: %v", err)
	}
	// Quitting now keeps the session in a copy of its own.
	err = s.finish(fixedNow)
	if err == nil || !strings.Contains(err.Error(), "no space left on device") || !strings.Contains(err.Error(), "roundtable open ") {
		t.Fatalf("finishing after the failures: %v", err)
	}
}

func TestAFailedAutosaveKeepsEditing(t *testing.T) {
	s := openForTest(t, false)
	failWith(s, syscall.EACCES)
	edit(t, s, rename("Initech"))
	n, err := save(t, s)
	var ns notSaved
	if n != stay || !errors.As(err, &ns) || ns.next != "" || !strings.Contains(ns.then, "next change tries again") {
		t.Fatalf("a failed autosave: %v, %v", n, err)
	}
	if s.state != editing || !s.unsaved() {
		t.Fatal("a failed autosave changed the way the session is kept")
	}
	s.saver.write = nil
	edit(t, s, rename("Globex"))
	if n, err := save(t, s); n != stay || err != nil || s.unsaved() {
		t.Fatalf("the next save: %v, %v", n, err)
	}
}

func TestReadOnlyKeepsNothing(t *testing.T) {
	s := openForTest(t, true)
	if _, err := s.apply(rename("Initech"), fixedNow); !errors.Is(err, errReadOnly) {
		t.Fatalf("an edit of a read-only session: %v", err)
	}
	if _, _, err := s.takeBack(true, fixedNow); !errors.Is(err, errReadOnly) {
		t.Fatalf("undo in a read-only session: %v", err)
	}
	if _, tick := s.goStep(2, fixedNow); tick || s.sess.Step != 2 || s.unsaved() {
		t.Fatal("moving on in a read-only session is to be shown, never saved")
	}
	if s.leave() != closeNext || s.sess.Meta.Organisation != "Acme" {
		t.Fatal("a read-only session changed or waited to close")
	}
}

func TestBookkeepingTakesNoUndoAndDoesNotPutOffTheSave(t *testing.T) {
	s := openForTest(t, false)
	edit(t, s, rename("Initech"))
	gen := s.gen
	clock := common.EditMsg{NoUndo: true, Apply: func(s *model.Session) { s.Meta.Facilitator = "clock" }}
	if tick, _ := s.apply(clock, fixedNow); tick || s.gen != gen {
		t.Fatal("a bookkeeping change put off the save on its way")
	}
	if s.undo.len() != 1 {
		t.Fatalf("undo holds %d changes", s.undo.len())
	}
	if !s.autosave(gen) {
		t.Fatal("the save on its way does not save the bookkeeping")
	}
	save(t, s)
	if tick, _ := s.apply(clock, fixedNow); !tick {
		t.Fatal("a lone bookkeeping change asks for no save")
	}
}

func TestUndoAndRedoTakeEachOtherBackAndKeepTheProjector(t *testing.T) {
	s := openForTest(t, false)
	edit(t, s, rename("Initech"))
	s.apply(common.EditMsg{NoUndo: true, Apply: func(s *model.Session) { s.Projector.Frozen = true }}, fixedNow)
	if label, ok, _ := s.takeBack(true, fixedNow); !ok || label != "renamed" || s.sess.Meta.Organisation != "Acme" {
		t.Fatalf("undo: %q %v, organisation %q", label, ok, s.sess.Meta.Organisation)
	}
	if !s.sess.Projector.Frozen {
		t.Fatal("undo unfroze the projector")
	}
	if _, ok, _ := s.takeBack(true, fixedNow); ok {
		t.Fatal("a second undo found a change")
	}
	if _, ok, _ := s.takeBack(false, fixedNow); !ok || s.sess.Meta.Organisation != "Initech" {
		t.Fatal("redo did not bring the change back")
	}
	edit(t, s, rename("Globex"))
	if _, ok, _ := s.takeBack(false, fixedNow); ok {
		t.Fatal("a new change left something to redo")
	}
}

func openLarge(t *testing.T) *openSession { return openStored(t, modeltest.Large(), false) }

// Undo keeps what each change touched: after many RACI letters on the
// benchmark-sized session every snapshot shares the workshop copy, the
// risks and the other rows with the others, and each undo brings back the
// letter before.
func TestUndoKeepsWhatChangedNotACopyOfEverything(t *testing.T) {
	s := openLarge(t)
	role := s.sess.RACI.Roles[0].ID
	letters := []model.Letter{model.Accountable, model.Responsible, model.Consulted, model.Informed}
	for i := range 250 {
		l := letters[i%len(letters)]
		edit(t, s, common.EditMsg{Label: "set " + string(l), Apply: func(s *model.Session) { s.RACI.Set(i%5, role, l) }})
	}
	if s.undo.len() != undoLimit {
		t.Fatalf("undo keeps %d of 250 letters, want the last %d", s.undo.len(), undoLimit)
	}
	if s.undo.bytes > 8<<20 {
		t.Errorf("200 letters keep %d bytes for undo", s.undo.bytes)
	}
	first, last := s.undo.changes[0].session, s.undo.changes[s.undo.len()-1].session
	if &first.Workshop.Steps[0] != &last.Workshop.Steps[0] || &first.Risks[0] != &last.Risks[0] {
		t.Error("the snapshots do not share the parts no letter touched")
	}
	if &first.RACI.Activities[0] == &last.RACI.Activities[0] {
		t.Error("the snapshots share the rows the letters changed")
	}
	for i := 249; i >= 245; i-- {
		if _, ok, _ := s.takeBack(true, fixedNow); !ok {
			t.Fatal("nothing to undo")
		}
		// The letter before is the one set five letters earlier.
		want := letters[(i-5)%len(letters)]
		if got := s.sess.RACI.Activities[i%5].Cells[role]; got != want {
			t.Fatalf("after undoing letter %d the cell holds %q, want %q", i, got, want)
		}
	}
}

// On a session this large, edits of its longest list fill the memory undo
// may use before the count: the oldest are forgotten, the last is kept.
func TestUndoIsBoundedByMemory(t *testing.T) {
	s := openLarge(t)
	for i := range 250 {
		edit(t, s, common.EditMsg{Label: "retitled", Apply: func(s *model.Session) { s.Risks[i].Title += "!" }})
	}
	t.Logf("undo keeps %d risk edits in %d bytes", s.undo.len(), s.undo.bytes)
	if s.undo.bytes > undoMemory || s.undo.len() >= 250 || s.undo.len() < 20 {
		t.Fatalf("undo keeps %d changes in %d bytes, the bound is %d", s.undo.len(), s.undo.bytes, undoMemory)
	}
	if _, ok, _ := s.takeBack(true, fixedNow); !ok || s.sess.Risks[249].Title != modeltest.Large().Risks[249].Title {
		t.Fatal("the last change was not taken back")
	}
}
