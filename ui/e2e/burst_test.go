package e2e

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestKeysBeforeCtrlCInOneReadAreSaved types fifteen presses and ctrl+c
// faster than the program reads them, as a terminal delivers a burst in one
// read: every press counts, and every one is in the file after the program
// has quit.
func TestKeysBeforeCtrlCInOneReadAreSaved(t *testing.T) {
	home := t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtable(t, env, "new", "Burst", "--no-open")
	if err != nil {
		t.Fatal(err)
	}
	id := lastLine(out)
	path := filepath.Join(sessionsDir(home), id+".toml")
	for round := range 5 {
		s := startScreen(t, env, 80, 24, "open", id)
		s.waitFor("Step 1 of", "Poll (10 platforms)")
		if _, err := s.pty.Write([]byte(strings.Repeat("+", 15) + keyCtrlC)); err != nil {
			t.Fatal(err)
		}
		if err := s.exit(); err != nil {
			t.Fatalf("round %d: quitting: %v", round+1, err)
		}
		if got, want := loadSession(t, path).Listen.Poll[0].Reads, 15*(round+1); got != want {
			t.Fatalf("round %d: the file counts %d hands on the first platform, want %d: presses that came with ctrl+c were lost", round+1, got, want)
		}
	}
}
