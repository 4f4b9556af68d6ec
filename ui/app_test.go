package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/screentest"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// opened is a harness with one session open on its first step.
func opened(t *testing.T, w, hh int) *harness {
	t.Helper()
	h := newHarness(t, w, hh)
	h.create("Roles workshop", "Acme")
	h.reload()
	h.keys("enter")
	if h.sess() == nil {
		t.Fatalf("the session did not open:\n%s", h.screen())
	}
	return h
}

func stepsOf(h *harness) int { return len(h.sess().Workshop.Steps) }

func TestStepKeysMoveAndAreSaved(t *testing.T) {
	h := opened(t, 80, 24)
	n := stepsOf(h)
	h.wantScreen(fmt.Sprintf("Step 1 of %d", n))
	h.keys("]")
	h.wantScreen(fmt.Sprintf("Step 2 of %d", n))
	h.keys("3")
	h.wantScreen(fmt.Sprintf("Step 3 of %d", n))
	h.keys("[")
	h.wantScreen(fmt.Sprintf("Step 2 of %d", n))
	h.keys("9")
	h.wantScreen(fmt.Sprintf("Step 2 of %d", n), "There are steps 1 to")
	h.deliverTicks()
	loaded, _, err := store.Load(h.app.open.handle.Path)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Step != 1 {
		t.Fatalf("the file remembers step %d, want index 1", loaded.Step)
	}
}

func TestKeysReadTogetherActOneByOne(t *testing.T) {
	h := opened(t, 80, 24)
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("]]")})
	h.wantScreen("Step 3 of")
}

func TestStepBarFitsAndMarksCurrent(t *testing.T) {
	h := opened(t, 80, 24)
	h.keys("2")
	bar := strings.Split(h.screen(), "\n")[1]
	step := h.sess().Workshop.Steps[1]
	if !strings.Contains(bar, "[2 "+step.Kind.Label()+"]") {
		t.Fatalf("the step bar does not mark step 2: %q", bar)
	}
	for _, w := range []int{40, 50, 60} {
		h.size(w, 24)
		bar = strings.Split(h.screen(), "\n")[1]
		if !strings.Contains(bar, "[2") {
			t.Fatalf("at %d columns the current step is not shown: %q", w, bar)
		}
	}
}

func TestEscGoesHomeAfterSaving(t *testing.T) {
	h := opened(t, 80, 24)
	h.send(common.EditMsg{Label: "renamed", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
	h.keys("esc")
	h.wantScreen("Initech", "Sessions", "; every change is saved.")
	h.dontWantScreen("renamed")
	if h.sess() != nil {
		t.Fatal("the session is still open")
	}
	// The lock is released: it opens again.
	again, err := h.store.Open(h.entries()[0].ID, false)
	if err != nil {
		t.Fatalf("the lock was kept: %v", err)
	}
	again.Close()
}

func TestUndoRedoRestoreTheSession(t *testing.T) {
	h := opened(t, 80, 24)
	h.send(common.EditMsg{Label: "set organisation", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
	h.send(common.EditMsg{Label: "add risk", Apply: func(s *model.Session) { s.Risks = append(s.Risks, model.Risk{Title: "Leak"}) }})
	risks := len(h.sess().Risks)
	h.keys("u")
	if len(h.sess().Risks) != risks-1 {
		t.Fatal("u did not take the risk back")
	}
	h.wantScreen("Undone: add risk")
	h.keys("u")
	if h.sess().Meta.Organisation != "Acme" {
		t.Fatalf("organisation after two undos: %q", h.sess().Meta.Organisation)
	}
	h.keys("u")
	h.wantScreen("Nothing to undo")
	h.keys("ctrl+r", "ctrl+r")
	if h.sess().Meta.Organisation != "Initech" || len(h.sess().Risks) != risks {
		t.Fatal("ctrl+r did not bring both changes back")
	}
	h.send(common.EditMsg{Label: "x", Apply: func(s *model.Session) {}})
	h.keys("ctrl+r")
	h.wantScreen("Nothing to redo")
}

func TestUndoIsBounded(t *testing.T) {
	h := opened(t, 80, 24)
	for i := 0; i < undoLimit+20; i++ {
		h.send(common.EditMsg{Label: "tick", Apply: func(s *model.Session) { s.Meta.Facilitator += "x" }})
	}
	if h.app.open.undo.len() != undoLimit {
		t.Fatalf("undo keeps %d changes", h.app.open.undo.len())
	}
}

func TestAutosaveWritesWithinHalfASecond(t *testing.T) {
	h := opened(t, 80, 24)
	h.send(common.EditMsg{Label: "set organisation", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
	h.wantScreen("unsaved")
	if len(h.ticks) != 1 || h.ticks[0].after > 500_000_000 {
		t.Fatalf("autosave scheduled as %+v", h.ticks)
	}
	// A second change before the tick makes the first tick stale.
	h.send(common.EditMsg{Label: "set facilitator", Apply: func(s *model.Session) { s.Meta.Facilitator = "Kim" }})
	h.deliverTicks()
	h.wantScreen("saved")
	h.dontWantScreen("unsaved")
	loaded, _, err := store.Load(h.app.open.handle.Path)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Meta.Organisation != "Initech" || loaded.Meta.Facilitator != "Kim" {
		t.Fatalf("on disk: %+v", loaded.Meta)
	}
}

// failSaves makes every save fail with the operating system's err, as the
// store reports a write that failed.
func failSaves(h *harness, err error) {
	path := h.app.open.handle.Path
	h.app.open.saver.write = func(*model.Session) error {
		tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-1234")
		return fmt.Errorf("saving %s: %w; the file on disk is unchanged", path, &fs.PathError{Op: "write", Path: tmp, Err: err})
	}
}

func TestSaveFailureShowsAndRetries(t *testing.T) {
	h := opened(t, 80, 24)
	failSaves(h, syscall.ENOSPC)
	h.send(common.EditMsg{Label: "a", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
	h.deliverTicks()
	h.wantScreen("not saved", "unsaved")
	if h.sess().Meta.Organisation != "Initech" {
		t.Fatal("the change was dropped from memory")
	}
	h.app.open.saver.write = nil
	h.send(common.EditMsg{Label: "b", Apply: func(s *model.Session) { s.Meta.Facilitator = "Kim" }})
	h.deliverTicks()
	h.dontWantScreen("not saved", "unsaved")
	if loaded, _, err := store.Load(h.app.open.handle.Path); err != nil || loaded.Meta.Organisation != "Initech" {
		t.Fatalf("the next save did not write the change that failed: %v", err)
	}
}

// TestFailedSaveSaysWhyInOneLine: at 80 columns the status line names the
// cause of a failed save, and ! shows the whole message.
func TestFailedSaveSaysWhyInOneLine(t *testing.T) {
	for errno, why := range map[syscall.Errno]string{syscall.ENOSPC: "disk full", syscall.EACCES: "permission denied"} {
		h := opened(t, 80, 24)
		failSaves(h, errno)
		h.send(common.EditMsg{Label: "a", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
		h.deliverTicks()
		lines := strings.Split(h.screen(), "\n")
		status := lines[len(lines)-2]
		if !strings.Contains(status, "! not saved: "+why+" — press ! for details") || !strings.Contains(status, "unsaved") {
			t.Fatalf("the status line after a failed save reads %q; want the cause, %q, and where the rest is", status, why)
		}
		h.keys("!")
		h.wantScreen("Why the session was not saved", errno.Error(), filepath.Base(h.app.open.handle.Path), "the session stays in memory")
		h.keys("esc")
		h.dontWantScreen("Why the session was not saved")
		h.wantScreen("not saved: " + why)
	}
}

// TestQuittingAfterAFailedSaveKeepsACopy: ctrl+c, and a closed terminal,
// after a save that failed leave the changes in a session file of their
// own, which roundtable open reads.
func TestQuittingAfterAFailedSaveKeepsACopy(t *testing.T) {
	for _, how := range []string{"ctrl+c", "hangup"} {
		h := opened(t, 80, 24)
		failSaves(h, syscall.ENOSPC)
		h.send(common.EditMsg{Label: "a", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
		switch how {
		case "ctrl+c":
			h.keys("ctrl+c")
			// The autosave that was due fails too, and says the same.
			h.deliverTicks()
			h.wantScreen("not saved: disk full — ctrl+c quits, keeping a copy")
			if h.quit {
				t.Fatal("the first ctrl+c quit although the save failed")
			}
			h.keys("ctrl+c")
		case "hangup":
			h.send(hangupMsg{})
		}
		if !h.quit {
			t.Fatalf("%s after a failed save did not quit", how)
		}
		err := h.app.finish()
		if err == nil || !strings.Contains(err.Error(), "no space left on device") || !strings.Contains(err.Error(), "roundtable open ") {
			t.Fatalf("%s: finishing says %v, want the cause and how to open the copy", how, err)
		}
		copies, _ := filepath.Glob(filepath.Join(store.EmergencyDir(), "*.unsaved-*.toml"))
		if len(copies) != 1 || !strings.Contains(err.Error(), copies[0]) {
			t.Fatalf("%s: copies %v, message %v", how, copies, err)
		}
		kept, err := h.store.Open(copies[0], false)
		if err != nil {
			t.Fatalf("%s: the copy does not open: %v", how, err)
		}
		if kept.Session.Meta.Organisation != "Initech" {
			t.Errorf("%s: the copy holds %q, not the change", how, kept.Session.Meta.Organisation)
		}
		kept.Close()
	}
}

func TestQuitSavesFirst(t *testing.T) {
	h := opened(t, 80, 24)
	h.send(common.EditMsg{Label: "a", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
	h.keys("q")
	h.deliverTicks()
	if !h.quit {
		t.Fatal("q did not quit")
	}
	loaded, _, err := store.Load(h.app.open.handle.Path)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Meta.Organisation != "Initech" {
		t.Fatal("quit did not save the last change")
	}
	if err := h.app.finish(); err != nil {
		t.Fatal(err)
	}
}

// Keys typed faster than the program reads come in one read with the
// ctrl+c after them: each is handled before it, but the edit each asks for
// comes back from its command later, after ctrl+c. Quitting waits for them.
func TestEditsOfKeysBeforeCtrlCAreSaved(t *testing.T) {
	h := opened(t, 80, 24)
	var edits []tea.Cmd
	for range 15 {
		_, cmd := h.app.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'+'}})
		edits = append(edits, cmd)
	}
	_, quit := h.app.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	h.run(quit)
	if h.quit {
		t.Fatal("ctrl+c stopped the program before the edits of the keys typed before it came back")
	}
	h.run(edits...)
	h.deliverTicks()
	if !h.quit {
		t.Fatal("ctrl+c did not quit once the edits were in")
	}
	loaded, _, err := store.Load(h.app.open.handle.Path)
	if err != nil {
		t.Fatal(err)
	}
	if got := loaded.Listen.Poll[0].Reads; got != 15 {
		t.Fatalf("the file counts %d hands, want the 15 pressed before ctrl+c", got)
	}
	if err := h.app.finish(); err != nil {
		t.Fatal(err)
	}
}

func TestCtrlCQuitsFromAnEmptyForm(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c in a form with nothing typed did not quit")
	}
}

// TestCtrlCWarnsOnceAboutWordsInAForm: words typed into an open form are
// not dropped by a single ctrl+c; the room is told how to keep them, and a
// second ctrl+c quits.
func TestCtrlCWarnsOnceAboutWordsInAForm(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "abc", "ctrl+c")
	if h.quit {
		t.Fatal("one ctrl+c dropped the words typed into the new-session form")
	}
	h.wantScreen("This form is not saved: ctrl+s saves it; ctrl+c again quits.")
	h.keys("ctrl+c")
	if !h.quit {
		t.Fatal("a second ctrl+c did not quit")
	}

	// On a step: the warning, ctrl+s keeps the entry, then one ctrl+c quits
	// and the entry is in the file.
	h = opened(t, 80, 24)
	h.keys("tab", "a", "Customer forum")
	h.keys("ctrl+c")
	if h.quit {
		t.Fatal("one ctrl+c dropped the conversation being typed")
	}
	h.keys("ctrl+s")
	h.wantScreen("Customer forum")
	h.keys("ctrl+c")
	h.deliverTicks()
	if !h.quit {
		t.Fatalf("ctrl+c with the form saved did not quit:\n%s", h.screen())
	}
	loaded, _, err := store.Load(h.app.open.handle.Path)
	if err != nil {
		t.Fatal(err)
	}
	if len(loaded.Listen.Inventory) != 1 || loaded.Listen.Inventory[0].Place != "Customer forum" {
		t.Fatalf("the file holds %+v", loaded.Listen.Inventory)
	}
	if err := h.app.finish(); err != nil {
		t.Fatal(err)
	}
}

func TestFinishSavesWhatTheProgramLeftUnsaved(t *testing.T) {
	// SIGTERM and a panic stop the program without a message to the
	// model; Run then saves what is unsaved and releases the lock.
	h := opened(t, 80, 24)
	h.send(common.EditMsg{Label: "a", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
	path, id := h.app.open.handle.Path, h.sess().ID
	err := h.app.afterPanic(errors.New("boom"))
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("afterPanic returned %v", err)
	}
	loaded, _, lerr := store.Load(path)
	if lerr != nil || loaded.Meta.Organisation != "Initech" {
		t.Fatalf("not saved after a panic: %v", lerr)
	}
	again, oerr := h.store.Open(id, false)
	if oerr != nil {
		t.Fatalf("the lock was kept after a panic: %v", oerr)
	}
	again.Close()
}

func TestHangupSavesAndQuits(t *testing.T) {
	h := opened(t, 80, 24)
	h.send(common.EditMsg{Label: "a", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
	h.send(hangupMsg{})
	h.deliverTicks()
	if !h.quit {
		t.Fatal("a hangup did not quit")
	}
	// Run saves what is unsaved once the program has stopped.
	path := h.app.open.handle.Path
	if err := h.app.finish(); err != nil {
		t.Fatal(err)
	}
	loaded, _, _ := store.Load(path)
	if loaded == nil || loaded.Meta.Organisation != "Initech" {
		t.Fatal("a hangup did not save")
	}
}

func TestTooSmallNoticeComesAndGoes(t *testing.T) {
	h := opened(t, 80, 24)
	h.size(30, 10)
	h.wantScreen("too small", "40×12")
	h.size(80, 24)
	h.dontWantScreen("too small")
	h.wantScreen("Step 1 of")
}

func TestViewBeforeSizeIsEmpty(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.app.width, h.app.height = 0, 0
	if v := h.app.View(); v != "" {
		t.Fatalf("view before the first size: %q", v)
	}
}

func TestNoColourMeansNoEscapes(t *testing.T) {
	h := opened(t, 80, 24)
	for i := 1; i <= stepsOf(h); i++ {
		h.keys(fmt.Sprint(i))
		if v := h.app.View(); strings.Contains(v, "\x1b") {
			t.Fatalf("step %d draws escape codes without colour: %q", i, v)
		}
	}
}

func TestHelpTogglesFullHelp(t *testing.T) {
	h := opened(t, 100, 30)
	h.dontWantScreen("page down")
	h.keys("?")
	h.wantScreen("page down", "undo", "redo")
	h.keys("?")
	h.dontWantScreen("page down")
	// While the help covers the screen a key only closes it: nothing
	// changes out of sight.
	h.keys("?")
	h.wantScreen("Any key closes this list.")
	h.keys("j")
	if h.app.fullHelp {
		t.Error("a key did not close the full help")
	}
	h.wantScreen("› LinkedIn")
	h.keys("?", "esc")
	h.wantScreen("Listen first")
}

// TestFullHelpShowsEveryKeyAt80Columns opens the full help of the screen
// with the most keys, the RACI grid, at 80×24: the grid's last group and the
// program's own keys are all there, and a shorter terminal says that some
// are not shown rather than dropping them silently.
func TestFullHelpShowsEveryKeyAt80Columns(t *testing.T) {
	h := opened(t, 80, 24)
	h.keys("3", "?")
	h.wantScreen("responsible", "move role right", "last role", "previous step", "export the plan", "quit")
	screentest.Fits(t, "full help", h.screen(), 80, 24)
	h.size(80, 16)
	h.wantScreen("make the terminal taller to see every key")
	screentest.Fits(t, "full help", h.screen(), 80, 16)
}

func TestReadOnlyRefusesChanges(t *testing.T) {
	h := newHarness(t, 80, 24)
	s := h.create("Look only", "Acme")
	h.send(common.OpenMsg{Ref: s.ID, ReadOnly: true})
	h.send(common.EditMsg{Label: "a", Apply: func(s *model.Session) { s.Meta.Organisation = "Initech" }})
	h.wantScreen("read-only")
	if h.sess().Meta.Organisation != "Acme" {
		t.Fatal("a read-only session was changed")
	}
	// A form would take words it cannot keep: it does not stay open.
	h.keys("tab", "a")
	if h.app.typing() {
		t.Fatalf("a form opened on a read-only session:\n%s", h.screen())
	}
	h.wantScreen("read-only", "Inventory (0)")
	// Filtering changes nothing and is allowed.
	h.keys("4", "/")
	if !h.app.typing() {
		t.Fatalf("the risk filter did not open on a read-only session:\n%s", h.screen())
	}
}

func TestUnknownKeysAskBeforeEditing(t *testing.T) {
	h := newHarness(t, 100, 30)
	s := h.create("Future file", "Acme")
	h.reload()
	path := h.entries()[0].Path
	data, _ := os.ReadFile(path)
	writeFile(t, path, strings.Replace(string(data), "[meta]", "[meta]\nmood = \"sunny\"", 1))
	h.send(common.OpenMsg{Ref: s.ID})
	h.wantScreen("not known to this version", "meta.mood", "Continue", "Open read-only")
	h.keys("r")
	if h.sess() == nil || !h.app.open.readOnly {
		t.Fatal("r did not open the session read-only")
	}
	h.keys("esc")
	h.send(common.OpenMsg{Ref: s.ID})
	h.keys("c")
	if h.sess() == nil || h.app.open.readOnly {
		t.Fatal("c did not open the session for editing")
	}
}

func TestHostileTextKeepsTheLayout(t *testing.T) {
	h := newHarness(t, 80, 24)
	hostile := "a\nb\r\x1b[31mred\x07\u202eevil" + strings.Repeat("👩‍👩‍👧", 50) + "שלום" + strings.Repeat("x", 10000)
	s := h.create(hostile, hostile)
	h.reload()
	checkFits(t, h.app.View(), 80, 24, "home")
	if strings.Contains(ansi.Strip(h.app.View()), "\x07") {
		t.Fatal("a control character reached the screen")
	}
	h.send(common.OpenMsg{Ref: s.ID})
	h.send(common.EditMsg{Label: "x", Apply: func(s *model.Session) {
		s.Listen.Inventory = append(s.Listen.Inventory, model.Conversation{Place: hostile, Notes: model.Text(hostile)})
		s.Risks = append(s.Risks, model.Risk{Title: hostile, Likelihood: 5, Impact: 5})
	}})
	for i := 1; i <= stepsOf(h); i++ {
		h.keys(fmt.Sprint(i))
		checkFits(t, h.app.View(), 80, 24, fmt.Sprintf("step %d", i))
	}
}

func TestManyUnknownKeysFitTheDialog(t *testing.T) {
	h := newHarness(t, 80, 24)
	s := h.create("Future file", "Acme")
	h.reload()
	path := h.entries()[0].Path
	data, _ := os.ReadFile(path)
	var extra strings.Builder
	for i := range 10 {
		fmt.Fprintf(&extra, "\nmood%d = \"sunny\"", i)
	}
	text := strings.Replace(string(data), "[meta]", "[meta]"+extra.String(), 1)
	text = strings.ReplaceAll(text, "[[risks]]", "[[risks]]\nweather = \"fog\"")
	if !strings.Contains(text, "weather") {
		t.Fatal("the session has no risks to add a key to")
	}
	writeFile(t, path, text)
	h.send(common.OpenMsg{Ref: s.ID})
	h.wantScreen("not known to this version", "meta.mood0", "… and 5 more", "Continue", "Open read-only")
	if n := strings.Count(h.screen(), "weather"); n > 1 {
		t.Fatalf("a key repeated in every risk is listed %d times:\n%s", n, h.screen())
	}
}

// TestPShowsEveryQuestionForTheRoom: a step's first line shows its first
// question and says how many there are; p shows them all, p closes them.
func TestPShowsEveryQuestionForTheRoom(t *testing.T) {
	h := opened(t, 100, 30)
	step, _ := h.sess().CurrentStep()
	if len(step.Prompts) < 3 {
		t.Fatalf("the default workshop's first step has %d questions", len(step.Prompts))
	}
	h.wantScreen(fmt.Sprintf("p: all %d questions", len(step.Prompts)))
	h.keys("p")
	h.wantScreen("Ask the room — "+step.Title, "1. ", fmt.Sprintf("%d. ", len(step.Prompts)))
	last := []rune(step.Prompts[len(step.Prompts)-1])
	h.wantScreen(string(last[:min(20, len(last))]))
	h.keys("p")
	h.dontWantScreen("Ask the room — ")
}

// TestStepBarTicksTheCurrentStepWhenComplete: the current step is ticked
// when complete, as the others are.
func TestStepBarTicksTheCurrentStepWhenComplete(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.keys("s")
	if h.sess() == nil {
		t.Fatal("the sample did not open")
	}
	h.wantScreen(" 2 Objectives✓ ")
	h.keys("2")
	h.wantScreen("[2 Objectives✓]")
	h.keys("6")
	h.wantScreen("[6 Review]")
}

// TestStillMissingSaysHowMany: when more than one thing is missing the line
// says how many, so the room knows what a cut line hides.
func TestStillMissingSaysHowMany(t *testing.T) {
	h := opened(t, 80, 24)
	missing := h.sess().Missing(model.StepListen)
	if len(missing) < 2 {
		t.Fatalf("a new session's listen step misses %v", missing)
	}
	h.wantScreen(fmt.Sprintf("Still missing (%d): %s", len(missing), missing[0]))
}

// A session open read-only answers only to keys that look around, and the
// help line offers no other.
func TestReadOnlyHelpLineHidesTheEditingKeys(t *testing.T) {
	h := newHarness(t, 160, 30)
	s := h.create("Look only", "Acme")
	h.send(common.OpenMsg{Ref: s.ID, ReadOnly: true})
	for _, step := range []string{"1", "2", "3", "4", "5", "6"} {
		h.keys(step)
		help := lastLine(h.screen())
		for _, editing := range []string{"add", "edit", "delete", "one more", "undo", "redo", "responsible", "start the drill", "rate"} {
			if strings.Contains(help, editing) {
				t.Errorf("step %s, read-only: the help line offers %q: %s", step, editing, help)
			}
		}
		if !strings.Contains(help, "next step") || !strings.Contains(help, "quit") {
			t.Errorf("step %s, read-only: the help line lost the keys that still work: %s", step, help)
		}
		h.keys("?")
		screen := h.screen()
		full := screen[strings.Index(screen, "nothing is changed."):]
		for _, editing := range []string{"add", "edit", "delete", "undo", "redo", "responsible", "rate"} {
			if regexp.MustCompile(`\b` + editing + `\b`).MatchString(full) {
				t.Errorf("step %s, read-only: the full help offers %q:\n%s", step, editing, full)
			}
		}
		h.keys("?")
	}
	// With the session open for changes, the same keys are offered.
	h2 := opened(t, 160, 30)
	h2.keys("4")
	if help := lastLine(h2.screen()); !strings.Contains(help, "add risk") {
		t.Errorf("the help line of a session open for changes lacks its keys: %s", help)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestNoStepScreenTakesTheRootsKeys: P (details and participants), R (the
// live room), F and Z (the projector) and A (an action for the finding
// under the cursor) act from every step, so no step screen may bind them
// for itself; P and R open what they open from every step.
func TestNoStepScreenTakesTheRootsKeys(t *testing.T) {
	h := opened(t, 80, 24)
	for i := 1; i <= stepsOf(h); i++ {
		h.keys(fmt.Sprint(i))
		for _, group := range h.app.steps.FullHelp() {
			for _, b := range group {
				for _, k := range b.Keys() {
					if len(k) == 1 && strings.Contains("PRFZA", k) {
						t.Errorf("step %d binds %s (%s)", i, k, b.Help().Desc)
					}
				}
			}
		}
		h.keys("P")
		h.wantScreen("Session details and participants")
		h.keys("esc", "R")
		h.wantScreen("Open the live room?")
		h.keys("esc")
	}
}
