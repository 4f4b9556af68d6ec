package ui

import (
	"os"
	"testing"
)

// The session given on the command line: the first frame says it is
// opening before the file is read, and the session follows, with the keys
// typed meanwhile.
func TestOpenShowsItselfBeforeTheFileIsRead(t *testing.T) {
	h := newHarness(t, 80, 24)
	s := h.create("Roles workshop", "Acme")
	reserved, err := h.store.Reserve(s.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reserved.Close() })
	h.app.opts.Open = reserved
	load := h.app.Init()
	h.wantScreen("Roundtable › "+s.ID, "Opening ", "q quit")
	h.dontWantScreen("Sessions")
	// Keys typed meanwhile act once the session is on screen.
	h.keys("2")
	h.wantScreen("Opening ")
	h.run(load)
	h.wantScreen("Roundtable › Roles workshop", "Step 2 of")
	if h.sess() == nil || h.app.open.handle != reserved {
		t.Fatal("the session read is not the one reserved")
	}
}

// A session file that does not read is shown as the home screen shows it:
// file, line and the backup to go back to.
func TestOpenShowsABrokenFileWithItsBackup(t *testing.T) {
	h := newHarness(t, 100, 30)
	s := h.create("Roles workshop", "Acme")
	h.reload()
	path := h.entries()[0].Path
	writeFile(t, path+".bak", "schema_version = 1\n")
	writeFile(t, path, "schema_version = 1\n[meta\ntitle = 3\n")
	reserved, err := h.store.Reserve(s.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	h.app.opts.Open = reserved
	load := h.app.Init()
	// A key typed while the file is read does not answer for it.
	h.keys("b")
	h.run(load)
	h.wantScreen("This session file cannot be opened", "line 2", "Restore the backup")
	if h.sess() != nil {
		t.Fatal("a broken file opened")
	}
	h.keys("esc")
	h.wantScreen("Sessions", "cannot be read")
	// Its lock is let go: the file can be opened, or fixed, elsewhere.
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	if again, err := h.store.Reserve(s.ID, false); err != nil {
		t.Fatalf("the broken file stays locked: %v", err)
	} else {
		again.Close()
	}
}

// The frame shown while the file is read fits every terminal, its long
// path and all.
func TestTheOpeningFrameFitsEverySize(t *testing.T) {
	h := newHarness(t, 80, 24)
	s := h.create("Roles workshop with a long title that will not fit a narrow terminal", "Acme")
	reserved, err := h.store.Reserve(s.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reserved.Close() })
	h.app.opts.Open = reserved
	h.app.Init()
	for _, w := range []int{20, 25, 39, 40, 41, 60, 79, 80, 81, 120, 160, 300} {
		for _, hh := range []int{5, 8, 11, 12, 13, 24, 45, 80} {
			h.size(w, hh)
			checkFits(t, h.app.View(), w, hh, "opening")
		}
	}
	h.size(80, 24)
	h.wantScreen("Opening ")
}
