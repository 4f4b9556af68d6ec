package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/screentest"
	"github.com/roundtable/roundtable/workshops"
)

// bare stores a session as `roundtable new TITLE` makes one: a title and
// today's date, nothing else.
func (h *harness) bare(title string) *model.Session {
	h.t.Helper()
	w, err := h.app.opts.Workshops.Get(workshops.Default)
	if err != nil {
		h.t.Fatal(err)
	}
	sess := model.New(store.NewID(title, fixedNow), model.Meta{Title: title, Date: "2026-03-14", Created: fixedNow, Updated: fixedNow}, w)
	if _, err := h.store.Create(sess); err != nil {
		h.t.Fatal(err)
	}
	return sess
}

// TestDetailsAndParticipantsChangeInsideASession: a session made without
// the form gets its details and its room later with P, as one change that
// u takes back; the key is in the full help.
func TestDetailsAndParticipantsChangeInsideASession(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.bare("Board day")
	h.reload()
	h.keys("enter", "?")
	h.wantScreen("P      details and participants")
	h.keys("esc", "P")
	h.wantScreen("Session details and participants", "Title *", "Board day", "+ Add participant")
	h.keys("tab", "Acme Ltd", "tab", "Dana Reyes", "tab", "tab", "enter", "Helen Marsh", "tab", "Board", "tab", "COO",
		"tab", "enter", "Ivo Tan", "tab", "IT", "ctrl+s")
	s := h.sess()
	if s.Meta.Organisation != "Acme Ltd" || s.Meta.Facilitator != "Dana Reyes" || s.Meta.Title != "Board day" {
		t.Fatalf("meta = %+v", s.Meta)
	}
	want := []model.Participant{{Name: "Helen Marsh", Department: "Board", RoleTitle: "COO"}, {Name: "Ivo Tan", Department: "IT"}}
	if len(s.Participants) != 2 || s.Participants[0] != want[0] || s.Participants[1] != want[1] {
		t.Fatalf("participants = %+v", s.Participants)
	}
	h.wantScreen("Added Helen Marsh and Ivo Tan", "Listen first")
	h.keys("u")
	if h.sess().Meta.Organisation != "" || len(h.sess().Participants) != 0 {
		t.Fatalf("u left %+v, %+v", h.sess().Meta, h.sess().Participants)
	}
	h.keys("ctrl+r")

	// Words typed are not dropped by one esc; a second esc drops them.
	h.keys("P", "tab", "Globex", "esc")
	h.wantScreen("esc again drops what you typed here")
	h.keys("esc")
	if h.sess().Meta.Organisation != "Acme Ltd" || h.app.typing() {
		t.Fatalf("esc esc kept %q (typing %v)", h.sess().Meta.Organisation, h.app.typing())
	}
	screentest.Fits(t, "details", h.screen(), 80, 24)
}

// TestRenamedParticipantIsRenamedOnTheRACIStep: the RACI mapped a role to
// a participant; renaming them in the details renames the role's person.
func TestRenamedParticipantIsRenamedOnTheRACIStep(t *testing.T) {
	h := opened(t, 80, 24)
	h.send(common.EditMsg{Label: "room", Apply: func(s *model.Session) {
		s.Participants = []model.Participant{{Name: "Helen Marsh", Department: "Board"}, {Name: "Ivo Tan", Department: "IT"}}
		s.RACI.Roles[0].Person, s.RACI.Roles[0].Backup = "Helen Marsh", "Ivo Tan"
	}})
	h.keys("3")
	h.wantScreen("Helen Marsh, backup Ivo Tan")
	h.keys("P", "tab", "tab", "tab", "tab", "ctrl+u", "Helen Marsh-Okoro", "ctrl+s")
	h.wantScreen("Helen Marsh-Okoro, backup Ivo Tan", "Renamed Helen Marsh to Helen Marsh-Okoro everywhere")
	if got := h.sess().RACI.Roles[0].Person; got != "Helen Marsh-Okoro" {
		t.Fatalf("role person = %q", got)
	}
}

// TestRemovingAParticipantSaysWhatNamesThem: ctrl+d on a participant the
// session names asks first and says where; someone named nowhere goes at
// once.
func TestRemovingAParticipantSaysWhatNamesThem(t *testing.T) {
	h := opened(t, 80, 24)
	h.send(common.EditMsg{Label: "room", Apply: func(s *model.Session) {
		s.Participants = []model.Participant{{Name: "Helen Marsh"}, {Name: "Ivo Tan"}}
		s.RACI.Roles[0].Person = "Helen Marsh"
	}})
	h.keys("P", "tab", "tab", "tab", "tab", "ctrl+d")
	h.wantScreen("Remove Helen Marsh?", "person for the role Executive sponsor", "they stay named there")
	h.keys("n")
	h.wantScreen("Participant 2")
	h.keys("ctrl+d", "y")
	h.dontWantScreen("Participant 2")
	h.keys("ctrl+d")
	h.dontWantScreen("Participant 1")
	h.keys("ctrl+s")
	h.wantScreen("Removed Helen Marsh and Ivo Tan")
	if n := len(h.sess().Participants); n != 0 || h.sess().RACI.Roles[0].Person != "Helen Marsh" {
		t.Fatalf("participants %+v, role person %q", h.sess().Participants, h.sess().RACI.Roles[0].Person)
	}
}

// TestDetailsFormRefusesTwoParticipantsOfOneName: a name is how the steps
// find a person, so two of one name would be one person.
func TestDetailsFormRefusesTwoParticipantsOfOneName(t *testing.T) {
	h := opened(t, 80, 24)
	h.keys("P", "tab", "tab", "tab", "tab", "enter", "Ana Ruiz", "tab", "tab", "tab", "enter", "ana ruiz", "ctrl+s")
	h.wantScreen("participant 1 is already called ana ruiz")
	if len(h.sess().Participants) != 0 {
		t.Fatal("two participants of one name were saved")
	}
}

func TestDetailsAreNotChangedReadOnly(t *testing.T) {
	h := newHarness(t, 80, 24)
	s := h.create("Look only", "Acme")
	h.send(common.OpenMsg{Ref: s.ID, ReadOnly: true})
	h.keys("P")
	if h.app.typing() {
		t.Fatalf("the details form opened on a read-only session:\n%s", h.screen())
	}
	h.wantScreen("open read-only")
}

// TestHomeChangesTheDetailsOfAClosedSession: e on the home screen takes the
// session's lock as opening does, saves the form to the file and lets go;
// a session open in another terminal is refused with who holds it.
func TestHomeChangesTheDetailsOfAClosedSession(t *testing.T) {
	h := newHarness(t, 100, 30)
	s := h.bare("Later")
	h.reload()
	other, err := h.store.Open(s.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	h.keys("e")
	h.wantScreen("is open in another terminal (pid", "change its details there, with P")
	if h.app.typing() {
		t.Fatal("the details form opened on a session another terminal holds")
	}
	other.Close()

	h.keys("e")
	h.wantScreen("Details and participants of Later", "Title *")
	if _, err := h.store.Open(s.ID, false); err == nil {
		t.Fatal("the session is not locked while its details are being changed")
	}
	h.keys("tab", "Initech", "tab", "tab", "tab", "enter", "Ana Ruiz", "ctrl+s")
	h.wantScreen("Later: Added Ana Ruiz.", "Initech")
	loaded, _, err := store.Load(h.entries()[0].Path)
	if err != nil || loaded.Meta.Organisation != "Initech" || len(loaded.Participants) != 1 {
		t.Fatalf("the file holds %+v (%v)", loaded, err)
	}
	again, err := h.store.Open(s.ID, false)
	if err != nil {
		t.Fatalf("the lock was not released after saving: %v", err)
	}
	again.Close()

	// Cancelling lets go too, and changes nothing.
	h.keys("e", "esc")
	if again, err := h.store.Open(s.ID, false); err != nil {
		t.Fatalf("the lock was not released after esc: %v", err)
	} else {
		again.Close()
	}
}

// TestUndoRightAfterADeleteRestoresIt: u on the home screen takes back the
// session just deleted; t shows the trash, where enter restores one.
func TestUndoRightAfterADeleteRestoresIt(t *testing.T) {
	h := newHarness(t, 100, 24)
	h.create("Doomed", "Acme")
	h.create("Also doomed", "Acme")
	h.reload()
	h.keys("d", "y")
	h.wantScreen("u takes it back")
	h.keys("u")
	h.wantScreen("Restored", "2 sessions")
	if len(h.entries()) != 2 {
		t.Fatal("u did not bring the session back")
	}
	h.keys("u")
	h.wantScreen("Nothing was deleted here to take back")

	h.keys("d", "y", "d", "y")
	h.wantScreen("No sessions yet")
	h.keys("t")
	h.wantScreen("Trash", "2 sessions deleted", "Doomed", "Also doomed")
	h.keys("enter")
	h.wantScreen("Restored", "1 session deleted")
	h.keys("esc")
	h.wantScreen("Sessions", "1 session")
	screentest.Fits(t, "home", h.screen(), 100, 24)
}

// TestBrokenFileOffersItsBackup: the dialog of a file that does not parse
// has a button that puts the backup back, keeping the broken file beside.
func TestBrokenFileOffersItsBackup(t *testing.T) {
	h := newHarness(t, 100, 30)
	s := h.create("Fragile", "Acme")
	hd, err := h.store.Open(s.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	hd.Save(hd.Session)
	hd.Close()
	path := hd.Path
	writeFile(t, path, "schema_version = 1\n[meta\ntitle = 1\n")
	h.reload()
	h.keys("enter")
	h.wantScreen("cannot be opened", "line 2", "[b] Restore the backup", ".broken-<time>")
	h.keys("b")
	h.wantScreen("Restored the backup", "Fragile")
	if e := h.entries(); len(e) != 1 || e[0].Err != nil {
		t.Fatalf("after restoring the backup the list holds %+v", e)
	}
	kept, _ := filepath.Glob(path + ".broken-*")
	if len(kept) != 1 {
		t.Fatalf("the broken file was not kept beside: %v", kept)
	}
	if data, _ := os.ReadFile(kept[0]); string(data) != "schema_version = 1\n[meta\ntitle = 1\n" {
		t.Errorf("the kept file holds %q", data)
	}
}

// TestBrokenTemplateIsShownNotUsable: a custom template that fails its
// checks is offered in the new-session form as not usable, with its
// problem, and cannot start a session.
func TestBrokenTemplateIsShownNotUsable(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "roundtable", "workshops"), 0o700)
	writeFile(t, filepath.Join(dir, "roundtable", "workshops", "zz-mine.toml"), "name = \"zz-mine\"\ntitle = \"Mine\"\n[[steps]]\nkind = \"dance\"\n")
	h := newHarness(t, 100, 30)
	h.app.opts.Workshops = workshops.Load(filepath.Join(dir, "roundtable"))
	h.keys("n", "Trying mine", "tab", "tab", "tab", "tab")
	for i := 0; i < 5 && !strings.Contains(h.screen(), "zz-mine"); i++ {
		h.keys("l")
	}
	h.wantScreen("zz-mine — not usable (zz-mine.toml)", "not usable, for the problem below", "dance", "roundtable validate")
	h.keys("ctrl+s")
	if len(h.entries()) != 0 || h.sess() != nil {
		t.Fatal("a template that failed its checks started a session")
	}
	screentest.Fits(t, "new session", h.screen(), 100, 30)
	h.keys("l")
	h.dontWantScreen("not usable, for the problem below")
}

// TestHostileNamesKeepTheDetailsLayout: any bytes in a participant's name
// or department, typed or from the file, stay text in the form, its
// removal question and the status line.
func TestHostileNamesKeepTheDetailsLayout(t *testing.T) {
	h := opened(t, 80, 24)
	hostile := "a\nb\r\x1b[31mred\x07\u202eevil\xff" + strings.Repeat("👩‍👩‍👧", 30)
	h.send(common.EditMsg{Label: "room", Apply: func(s *model.Session) {
		s.Participants = []model.Participant{{Name: hostile, Department: hostile, RoleTitle: hostile}}
		s.RACI.Roles[0].Person = hostile
	}})
	h.keys("P")
	checkFits(t, h.app.View(), 80, 24, "details")
	h.keys("tab", "tab", "tab", "tab", "ctrl+d")
	h.wantScreen("Remove ")
	checkFits(t, h.app.View(), 80, 24, "removal question")
	h.keys("n", "tab", "\x1b[2J\x07", "ctrl+s")
	checkFits(t, h.app.View(), 80, 24, "status line")
	if v := ansi.Strip(h.app.View()); strings.Contains(v, "\x07") || strings.Contains(v, "\x1b") {
		t.Fatal("a control character reached the screen")
	}
	// The field keeps what can be shown of what was typed, and the role
	// names the person as the participants do.
	p := h.sess().Participants[0]
	if !strings.HasSuffix(p.Department, "[2J") || !utf8.ValidString(p.Department) || !utf8.ValidString(p.Name) {
		t.Fatalf("department %q, name %q", p.Department, p.Name)
	}
	if got := h.sess().RACI.Roles[0].Person; got != p.Name {
		t.Fatalf("the role names %q, the participants %q", got, p.Name)
	}
}
