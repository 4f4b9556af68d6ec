package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
)

func TestEmergencyCopyIsASessionThatOpens(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("lost-aaaa", "Lost", time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)))
	sess, _, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	sess.Meta.Organisation = "The change that could not be saved"
	when := time.Date(2026, 3, 1, 11, 30, 0, 0, time.UTC)

	first, err := WriteEmergencyCopy(sess, path, when)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(EmergencyDir(), "lost-aaaa.unsaved-20260301T113000Z.toml"); first != want {
		t.Errorf("the copy went to %s, want %s", first, want)
	}
	if info, err := os.Stat(first); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the copy is %v, %v; want a file private to the user", info, err)
	}
	h, err := s.Open(first, false)
	if err != nil {
		t.Fatalf("roundtable open of the copy: %v", err)
	}
	if h.Session.Meta.Organisation != "The change that could not be saved" {
		t.Errorf("the copy holds %q", h.Session.Meta.Organisation)
	}
	h.Close()

	second, err := WriteEmergencyCopy(sess, path, when)
	if err != nil || second == first || !strings.HasSuffix(second, "-2.toml") {
		t.Errorf("a second copy in the same second went to %s, %v; want a name of its own", second, err)
	}

	// Where the state folder cannot be made, the copy goes beside the session.
	blocker := filepath.Join(t.TempDir(), "state")
	os.WriteFile(blocker, nil, 0o600)
	t.Setenv("XDG_STATE_HOME", blocker)
	xdg.Reload()
	beside, err := WriteEmergencyCopy(sess, path, when)
	if err != nil || filepath.Dir(beside) != s.SessionsDir() {
		t.Errorf("with no state folder the copy went to %s, %v; want the sessions folder", beside, err)
	}
}
