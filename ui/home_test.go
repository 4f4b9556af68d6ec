package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/roundtable/roundtable/ui/common"
)

func TestHomeShowsSessionsAndFilterNarrows(t *testing.T) {
	h := newHarness(t, 100, 24)
	h.create("Social media roles", "Acme")
	h.create("Crisis rehearsal", "Globex")
	h.reload()
	h.wantScreen("Social media roles", "Acme", "Crisis rehearsal", "Globex", "2 h ago", "2 sessions")

	h.keys("/", "glob")
	h.wantScreen("Crisis rehearsal", "1 of 2 sessions")
	h.dontWantScreen("Social media roles")

	h.keys("esc")
	h.wantScreen("Social media roles", "Crisis rehearsal")
}

func TestHomeEmptySaysHowToStart(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.wantScreen("No sessions yet", "n to start a new one", "s for a sample")
}

func TestNewSessionFormCancelCreatesNothing(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n")
	h.wantScreen("New session", "Title *", "Workshop")
	h.keys("Half-typed", "esc")
	// The words typed are not dropped by one esc.
	h.wantScreen("New session", "Half-typed", "esc again drops what you typed here; ctrl+s saves it.")
	h.keys("esc")
	h.wantScreen("No sessions yet")
	if n := len(h.entries()); n != 0 {
		t.Fatalf("esc left %d sessions behind", n)
	}
}

func TestNewSessionFormCreatesAndOpens(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "Budget review", "tab", "Acme", "tab", "Kim", "ctrl+s")
	h.wantScreen("Budget review", "Step 1 of")
	es := h.entries()
	if len(es) != 1 || es[0].Title != "Budget review" || es[0].Organisation != "Acme" {
		t.Fatalf("stored sessions: %+v", es)
	}
	if h.sess().Meta.Facilitator != "Kim" || h.sess().Meta.Date != "2026-03-14" {
		t.Fatalf("meta: %+v", h.sess().Meta)
	}
}

func TestNewSessionTitleIsRequired(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "ctrl+s")
	h.wantScreen("Title: required")
	if len(h.entries()) != 0 {
		t.Fatal("a session without a title was created")
	}
}

func TestNewSessionDateIsValidated(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "Dated", "tab", "tab", "tab")
	h.wantScreen("2026-03-14")
	h.keys("ctrl+u", "14/03/2026", "tab")
	h.wantScreen("write the date as YYYY-MM-DD")
	h.keys("ctrl+s")
	if len(h.entries()) != 0 {
		t.Fatal("a session with a bad date was created")
	}
	// Saving moved the focus to the date, the field to fix.
	h.keys("ctrl+u", "2026-04-01", "ctrl+s")
	h.wantScreen("Step 1 of")
	if h.sess().Meta.Date != "2026-04-01" {
		t.Fatalf("date %q", h.sess().Meta.Date)
	}
}

func TestNewSessionParticipantsAddAndRemove(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.keys("n", "Team day")
	// Title, organisation, facilitator, date, workshop, then the button.
	h.keys("tab", "tab", "tab", "tab", "tab", "enter")
	h.wantScreen("Participant 1")
	h.keys("Ada", "tab", "IT", "tab", "CIO", "tab", "enter")
	h.wantScreen("Participant 2")
	h.keys("Bob", "tab", "Sales")
	h.keys("shift+tab", "shift+tab", "shift+tab", "shift+tab", "ctrl+d")
	h.dontWantScreen("Participant 2")
	h.keys("ctrl+s")
	got := h.sess().Participants
	if len(got) != 1 || got[0].Name != "Bob" || got[0].Department != "Sales" {
		t.Fatalf("participants: %+v", got)
	}
}

func TestQInATextFieldTypes(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "q1[")
	if h.quit {
		t.Fatal("q in the title field quit the program")
	}
	h.wantScreen("q1[")
}

func TestDeleteAsksThenMovesToTrash(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.create("Doomed", "Acme")
	h.reload()
	h.keys("d")
	h.wantScreen("Delete Doomed?", "trash")
	h.keys("n")
	if len(h.entries()) != 1 {
		t.Fatal("n deleted the session")
	}
	// An earlier failure does not outlive the delete that worked.
	h.send(common.StatusMsg{Err: errors.New("an earlier delete failed")})
	h.keys("d", "y")
	if len(h.entries()) != 0 {
		t.Fatal("the session is still listed after y")
	}
	h.wantScreen("Moved \"Doomed\" to the trash", "No sessions yet")
	h.dontWantScreen("an earlier delete failed")
	if !strings.Contains(h.app.status, h.store.TrashDir()) {
		t.Fatalf("the status does not say where it went: %q", h.app.status)
	}
}

func TestDuplicateAsksForTitle(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.create("Original", "Acme")
	h.reload()
	h.keys("c")
	h.wantScreen("Duplicate session", "Copy of Original")
	h.keys("ctrl+u", "Second run", "enter")
	h.wantScreen("Original", "Second run", "2 sessions")
}

func TestSampleSessionOpens(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("s")
	if h.sess() == nil || !strings.HasPrefix(h.sess().Meta.Title, "Sample: ") {
		t.Fatalf("no sample session open; screen:\n%s", h.screen())
	}
	h.wantScreen("Sample: ", "Step 1 of")
	if len(h.entries()) != 1 {
		t.Fatal("the sample was not stored")
	}
}

func TestBrokenFileIsListedAndNotOpened(t *testing.T) {
	h := newHarness(t, 100, 24)
	s := h.create("Fine", "Acme")
	h.reload()
	path := h.entries()[0].Path
	writeFile(t, strings.Replace(path, s.ID, "broken-one", 1), "schema_version = 1\nid = \"broken-one\"\n[meta\ntitle = 1\n")
	h.reload()
	h.wantScreen("broken-one", "cannot be read: line 3, column")
	// The broken row is listed first or last; find and open it.
	for i := 0; i < 2 && h.sess() == nil; i++ {
		if e, _ := h.app.home.Selected(); e.Err != nil {
			h.keys("enter")
			h.wantScreen("cannot be opened")
			if h.sess() != nil {
				t.Fatal("a broken file was opened")
			}
			return
		}
		h.keys("down")
	}
	t.Fatal("the broken file is not in the list")
}

func TestLockedSessionOffersReadOnly(t *testing.T) {
	h := newHarness(t, 100, 30)
	s := h.create("Busy", "Acme")
	other, err := h.store.Open(s.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	h.reload()
	h.keys("enter")
	h.wantScreen("open in another terminal", "Open read-only")
	h.keys("r")
	h.wantScreen("Busy", "read-only")
	if !h.app.open.readOnly {
		t.Fatal("not opened read-only")
	}
}

// TestLongParticipantNameShowsItsBeginning: a name longer than its narrow
// field shows how it begins once the room moves on, not its last letters.
func TestLongParticipantNameShowsItsBeginning(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("n", "Roles", "tab", "tab", "tab", "tab", "tab", "enter")
	// Drawn after every key, as the terminal is: the field scrolls as it
	// is typed into.
	for _, k := range strings.Split("Alexandra Konstantinopoulou-Smythe", "") {
		h.keys(k)
		h.screen()
	}
	h.keys("tab", "Customer Experience & Support", "tab", "VP")
	h.wantScreen("Participant 1  Alexandra Konstant…")
	h.dontWantScreen("mythe ")
}
