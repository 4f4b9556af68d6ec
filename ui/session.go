package ui

import (
	"errors"
	"fmt"
	"time"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
)

// undoLimit is how many changes u can take back, and undoMemory about how
// many bytes their copies may hold (each of undo and redo): older changes
// are forgotten so a long workshop does not grow memory without end. A
// copy holds only what its change touched, so on a session of the usual
// size the count is the limit; on a very large one, many edits of its
// longest list reach the memory first.
const (
	undoLimit  = 200
	undoMemory = 16 << 20
)

// autosaveDelay is how long the session must be still before it is saved:
// a burst of typing becomes one save, and a change is on disk within 500 ms.
const autosaveDelay = 300 * time.Millisecond

// quitGrace is how long a quit waits before saving for the last time. Keys
// that came in the same read as ctrl+c were handled just before it, but
// each edit they asked for comes back from its command a moment later, in
// microseconds: without the wait, the program stops before they arrive.
const quitGrace = 50 * time.Millisecond

var errReadOnly = errors.New("this session is open read-only, so changes are not kept; quit and open it again without --read-only to change it")

// openSession is the session open on the step screens: the handle that
// holds its lock, the session as it is now and its revisions, undo and
// redo, the autosave, and the way out, where everything is saved first. It
// does no IO and knows nothing of the program loop: each step of the
// protocol says what the root is to do next (save, quit, close, wait), and
// the root does it with a command.
type openSession struct {
	handle   *store.Handle
	sess     *model.Session
	readOnly bool
	saver    *saver

	// rev counts changes; savedRev is the last one on disk.
	rev, savedRev int
	// saving is set while a save is on its way.
	saving bool
	// gen tells the autosave tick that belongs to the latest change from
	// older ones still on their way.
	gen int
	// saveDue is set while the autosave tick of gen is on its way.
	saveDue bool
	state   sessionState

	undo, redo history
	// frozen is the session as it was at revision frozenRev, in a copy
	// that later changes leave as it is (model.Session.Freeze), made once
	// per revision: the undo history, a save in the background and an
	// export share it; frozenBytes is what it holds of its own.
	frozen      *model.Session
	frozenRev   int
	frozenBytes int

	// pending returns what the step screens still have to write down (a
	// running drill's clock), as one change.
	pending func() (common.EditMsg, bool)
}

// sessionState is where the session is on its way out.
type sessionState int

const (
	editing sessionState = iota
	// quitSoon waits quitGrace for the edits of keys typed before the
	// quit, then saves to quit.
	quitSoon
	savingToQuit
	savingToLeave
	// saveFailed: a save on the way out failed. The room can fix the
	// problem and quit again, or ctrl+c quits at once, keeping a copy.
	saveFailed
)

// next is what the open session asks the root to do.
type next int

const (
	stay next = iota
	// saveNext starts a save in the background (startSave).
	saveNext
	// quitNext stops the program.
	quitNext
	// closeNext releases the session and shows the home screen.
	closeNext
	// waitNext delivers quitNowMsg after quitGrace.
	waitNext
)

func newOpenSession(h *store.Handle, pending func() (common.EditMsg, bool)) *openSession {
	return &openSession{handle: h, sess: h.Session, readOnly: h.ReadOnly, saver: &saver{handle: h}, pending: pending, frozenRev: -1}
}

// freeze returns the session as it is now in a copy that nothing changes
// later, and the bytes that copy holds of its own. The copy is made once
// per revision and shares with the one before every part no change
// touched.
func (s *openSession) freeze() (*model.Session, int) {
	if s.frozen == nil || s.frozenRev != s.rev {
		s.frozen, s.frozenBytes = s.sess.Freeze(s.frozen)
		s.frozenRev = s.rev
	}
	return s.frozen, s.frozenBytes
}

// apply makes a change, keeping what the session was for undo unless the
// change is bookkeeping (common.EditMsg.NoUndo). It reports whether an
// autosave tick for gen is to be scheduled.
func (s *openSession) apply(e common.EditMsg, now time.Time) (tick bool, err error) {
	if s.readOnly {
		return false, errReadOnly
	}
	if e.NoUndo {
		e.Apply(s.sess)
		return s.touched(now), nil
	}
	before, size := s.freeze()
	e.Apply(s.sess)
	s.undo.push(snapshot{before, e.Label, size})
	s.redo.clear()
	return s.changed(now), nil
}

// changed marks the session unsaved; a save follows when the room pauses.
func (s *openSession) changed(now time.Time) bool {
	s.rev++
	s.sess.Meta.Updated = now.UTC().Truncate(time.Second)
	s.gen++
	s.saveDue = true
	return true
}

// touched marks a bookkeeping change without putting off a save already on
// its way: a running drill clock changes four times a second and would
// otherwise keep autosave waiting for ever.
func (s *openSession) touched(now time.Time) bool {
	if !s.saveDue {
		return s.changed(now)
	}
	s.rev++
	s.sess.Meta.Updated = now.UTC().Truncate(time.Second)
	return false
}

// goStep moves the group to step i: where the group is belongs in the file
// (the next opener starts there) but is not a change to undo. A running
// drill is written down first; its label is returned for the status line.
func (s *openSession) goStep(i int, now time.Time) (label string, tick bool) {
	label = s.flush()
	s.sess.Step = i
	// The focus on the projector means nothing on another step.
	s.sess.Projector.Focus = model.Focus{}
	if s.readOnly {
		// Not a revision, but no longer the session frozen at this one.
		s.frozenRev = -1
		return label, false
	}
	return label, s.changed(now)
}

// takeBack brings back the newest snapshot of undo (back) or redo,
// keeping the session as it is now on the other, so each takes back the
// other. It returns the label of the change, false when there is none.
func (s *openSession) takeBack(back bool, now time.Time) (label string, ok bool, err error) {
	if s.readOnly {
		return "", false, errReadOnly
	}
	from, to := &s.undo, &s.redo
	if !back {
		from, to = to, from
	}
	last, ok := from.pop()
	if !ok {
		return "", false, nil
	}
	current, size := s.freeze()
	to.push(snapshot{current, last.label, size})
	// The snapshot is shared with others: the session edits a copy of it.
	// What the facilitator did with the projector is not a change of the
	// session's content: it stays.
	projector := s.sess.Projector
	s.sess = last.session.Clone()
	s.sess.Projector = projector
	// The next copy shares what it can with the snapshot brought back.
	s.frozen, s.frozenRev = last.session, -1
	s.changed(now)
	return last.label, true, nil
}

// flush applies what the step screens still have to write down and
// returns what it was, for the status line.
func (s *openSession) flush() string {
	if s.readOnly || s.pending == nil {
		return ""
	}
	e, ok := s.pending()
	if !ok {
		return ""
	}
	e.Apply(s.sess)
	s.rev++
	return e.Label
}

func (s *openSession) unsaved() bool { return !s.readOnly && s.rev != s.savedRev }

// busy reports whether the session is on its way out: keys wait.
func (s *openSession) busy() bool {
	return s.state == quitSoon || s.state == savingToQuit || s.state == savingToLeave
}

// leaving reports whether a save to quit or to leave is under way.
func (s *openSession) leaving() bool { return s.state == savingToQuit || s.state == savingToLeave }

// autosave reports whether the tick of gen is to start a save: it belongs
// to the latest change, something is unsaved and no save is on its way.
func (s *openSession) autosave(gen int) bool {
	if gen != s.gen {
		return false
	}
	s.saveDue = false
	return s.unsaved() && !s.saving
}

// startSave returns a copy of the session to save in the background at
// revision rev; the copy keeps the save from racing the next change.
func (s *openSession) startSave() (copy *model.Session, rev int) {
	s.saving = true
	return s.snapshot(), s.rev
}

// snapshot is the session as it is now, for work in the background: the
// frozen copy of this revision, in a struct of its own that the work may
// stamp (a save sets the time of the change).
func (s *openSession) snapshot() *model.Session {
	f, _ := s.freeze()
	c := *f
	return &c
}

// saved takes the result of a save. A failure comes back as the notSaved
// error to show; on the way out it stops there, and ctrl+c then quits
// keeping a copy.
func (s *openSession) saved(rev int, err error) (next, error) {
	s.saving = false
	if err != nil {
		failed := notSaved{err: err, then: "the session stays in memory and the next change tries again"}
		if s.leaving() || s.state == saveFailed {
			s.state = saveFailed
			failed.next = "ctrl+c quits, keeping a copy"
			failed.then = "fix the problem and press q to try again, or ctrl+c to quit: the session is then kept in a copy of its own"
		}
		return stay, failed
	}
	s.savedRev = max(s.savedRev, rev)
	if s.savedRev < s.rev {
		// A change came in while saving; its own tick will save it,
		// unless the room is waiting to go.
		if s.leaving() {
			return saveNext, nil
		}
		return stay, nil
	}
	switch s.state {
	case savingToQuit:
		return quitNext, nil
	case savingToLeave:
		return closeNext, nil
	}
	return stay, nil
}

// quit starts the way out: it waits quitGrace for edits still on their way,
// then stops (stop).
func (s *openSession) quit() next {
	if !s.readOnly && s.state != quitSoon && s.state != savingToQuit {
		s.state = quitSoon
		return waitNext
	}
	return s.stop()
}

// stop saves what is unsaved, then quits.
func (s *openSession) stop() next {
	s.flush()
	s.state = savingToQuit
	switch {
	case !s.unsaved():
		return quitNext
	case s.saving:
		// The save on its way says when it is done.
		return stay
	}
	return saveNext
}

// leave saves the session, then closes it.
func (s *openSession) leave() next {
	s.flush()
	s.state = savingToLeave
	switch {
	case !s.unsaved():
		return closeNext
	case s.saving:
		return stay
	}
	return saveNext
}

// close stops any later save from writing and returns the handle to
// release: another terminal may take the session next.
func (s *openSession) close() *store.Handle {
	s.saver.close()
	return s.handle
}

// finish saves, in the foreground, what the program left unsaved when it
// stopped (SIGTERM stops it without a message to the model, a panic
// without a last save), releases the lock, and keeps a copy of the
// session in a file of its own when the save fails.
func (s *openSession) finish(now time.Time) error {
	s.flush()
	var saveErr error
	if s.unsaved() {
		saveErr = s.saver.save(s.sess, s.rev)
		if saveErr == nil {
			s.savedRev = s.rev
		}
	}
	s.saver.close()
	closeErr := s.handle.Close()
	path := s.handle.Path
	if saveErr != nil {
		// Nothing typed is lost: the session goes to a file of its own.
		copied, err := store.WriteEmergencyCopy(s.sess, path, now)
		if err != nil {
			return fmt.Errorf("the last changes to %s could not be saved (%w), nor a copy of them kept (%w)", path, saveErr, err)
		}
		return fmt.Errorf("the last changes to %s could not be saved (%w).\nThey are kept in a copy of the session; open it with:\n  roundtable open %s",
			path, saveErr, store.ShellQuote(copied))
	}
	return closeErr
}

// snapshot is the session as it was before a change, for undo and redo: a
// frozen copy, shared with its neighbours, holding bytes of its own.
type snapshot struct {
	session *model.Session
	label   string
	bytes   int
}

// history is the changes undo or redo can take back, newest last: at most
// undoLimit of them, holding at most undoMemory bytes, but always the
// last one.
type history struct {
	changes []snapshot
	bytes   int
}

func (h *history) push(s snapshot) {
	h.changes = append(h.changes, s)
	h.bytes += s.bytes
	drop := 0
	for len(h.changes)-drop > 1 && (len(h.changes)-drop > undoLimit || h.bytes > undoMemory) {
		h.bytes -= h.changes[drop].bytes
		drop++
	}
	if drop > 0 {
		n := copy(h.changes, h.changes[drop:])
		// What is forgotten is let go of, not kept at the end of the array.
		clear(h.changes[n:])
		h.changes = h.changes[:n]
	}
}

func (h *history) pop() (snapshot, bool) {
	if len(h.changes) == 0 {
		return snapshot{}, false
	}
	last := h.changes[len(h.changes)-1]
	h.changes[len(h.changes)-1] = snapshot{}
	h.changes = h.changes[:len(h.changes)-1]
	h.bytes -= last.bytes
	return last, true
}

func (h *history) clear() { h.changes, h.bytes = nil, 0 }

func (h *history) len() int { return len(h.changes) }
