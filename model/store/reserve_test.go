package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Reserve answers at once what the command line must say (no such
// session, several, open elsewhere) and reads nothing; Load then reads the
// file, and a file that is not a session is released with no lock left.
func TestReserveLocksWithoutReadingAndLoadReads(t *testing.T) {
	s := newStore(t)
	now := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	mustCreate(t, s, session("acme-roles-aaaa", "Roles", now))
	mustCreate(t, s, session("acme-risks-bbbb", "Risks", now))

	if _, err := s.Reserve("nope", false); !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing session: %v", err)
	}
	var amb *AmbiguousError
	if _, err := s.Reserve("acme", false); !errors.As(err, &amb) {
		t.Errorf("a prefix of two sessions: %v", err)
	}
	h, err := s.Reserve("acme-roles", false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if h.Session != nil {
		t.Fatal("Reserve read the session")
	}
	var locked *LockedError
	if _, err := s.Reserve("acme-roles", false); !errors.As(err, &locked) {
		t.Errorf("a session reserved elsewhere: %v", err)
	}
	if err := h.Load(); err != nil || h.Session.Meta.Title != "Roles" {
		t.Fatalf("Load: %v, %+v", err, h.Session)
	}

	// A broken file: reserved, then refused by Load with its line, and
	// released without a lock file left behind.
	path := filepath.Join(s.SessionsDir(), "broken-cccc.toml")
	if err := os.WriteFile(path, []byte("schema_version = 1\n[meta\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	broken, err := s.Reserve("broken", false)
	if err != nil {
		t.Fatalf("reserving a broken file: %v", err)
	}
	var pe *ParseError
	if err := broken.Load(); !errors.As(err, &pe) || pe.Line != 2 {
		t.Fatalf("loading a broken file: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(s.SessionsDir(), "broken-cccc.lock")); len(left) > 0 {
		t.Errorf("a broken file left %v behind", left)
	}
	if err := broken.Save(session("broken-cccc", "Roles", now)); !errors.Is(err, ErrClosed) {
		t.Errorf("a handle whose file would not load saved: %v", err)
	}
}
