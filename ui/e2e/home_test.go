package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCreateQuitReopen is a facilitator's first minutes: start Roundtable on
// a fresh machine, create a session through the form, quit, start again,
// find it listed and open it.
func TestCreateQuitReopen(t *testing.T) {
	home := t.TempDir()
	env := testEnv(t, home)

	s := startScreen(t, env, 80, 24)
	s.waitFor("No sessions yet")
	s.send("n")
	s.waitFor("Title")
	s.send("Board briefing")
	s.send(keyTab, "Acme Ltd", keyTab, "Dana Reyes")
	s.send("\x13") // ctrl+s saves the form
	s.waitFor("Step 1 of")
	s.send("q")
	if err := s.exit(); err != nil {
		t.Fatalf("quitting: %v\n%s", err, s.text())
	}

	entries, err := os.ReadDir(sessionsDir(home))
	if err != nil {
		t.Fatal(err)
	}
	var file string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") {
			file = filepath.Join(sessionsDir(home), e.Name())
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("no session file after quitting: %v", err)
	}
	for _, want := range []string{`title = "Board briefing"`, `organisation = "Acme Ltd"`, `facilitator = "Dana Reyes"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the session file lacks %s", want)
		}
	}

	s = startScreen(t, env, 80, 24)
	s.waitFor("Board briefing", "Acme Ltd")
	s.send(keyEnter)
	s.waitFor("Step 1 of")
	s.send(keyCtrlC)
	if err := s.exit(); err != nil {
		t.Fatalf("ctrl+c: %v\n%s", err, s.text())
	}
}
