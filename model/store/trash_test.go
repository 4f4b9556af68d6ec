package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRestoreTakesASessionBackOutOfTheTrash(t *testing.T) {
	s := newStore(t)
	now := time.Now().UTC().Truncate(time.Second)
	path := mustCreate(t, s, session("kept-aaaa", "Kept", now))
	h, _ := s.Open("kept-aaaa", false)
	h.Save(h.Session)
	h.Close()
	content, _ := os.ReadFile(path)
	trashed, err := s.Trash("kept-aaaa")
	if err != nil {
		t.Fatal(err)
	}
	listed, err := s.TrashList()
	if err != nil || len(listed) != 1 || listed[0].Title != "Kept" || listed[0].Path != trashed {
		t.Fatalf("the trash lists %+v (%v)", listed, err)
	}

	back, renamed, err := s.Restore(trashed)
	if err != nil || renamed || back != path {
		t.Fatalf("Restore = %s, %v, %v; want %s under its own id", back, renamed, err, path)
	}
	if got, _ := os.ReadFile(path); string(got) != string(content) {
		t.Error("the restored file is not the session that was trashed")
	}
	if !exists(path+".bak") || exists(trashed) || exists(trashed+".bak") {
		t.Error("the session and its backup must both come back out of the trash")
	}
	if listed, _ := s.TrashList(); len(listed) != 0 {
		t.Errorf("the trash still lists %+v", listed)
	}
	if _, _, err := s.Restore(trashed); err == nil {
		t.Error("restoring twice should say the session is no longer in the trash")
	}
	if _, _, err := s.Restore(path); err == nil {
		t.Error("a file outside the trash was restored")
	}
}

// TestRestoreNeverReplacesASession: a session of the same id made after
// the delete stays as it is; the one from the trash comes back beside it
// under a new id, its backup too.
func TestRestoreNeverReplacesASession(t *testing.T) {
	s := newStore(t)
	now := time.Now().UTC().Truncate(time.Second)
	mustCreate(t, s, session("same-aaaa", "First", now))
	h, _ := s.Open("same-aaaa", false)
	h.Save(h.Session)
	h.Close()
	trashed, err := s.Trash("same-aaaa")
	if err != nil {
		t.Fatal(err)
	}
	again := mustCreate(t, s, session("same-aaaa", "Second", now))
	before, _ := os.ReadFile(again)

	back, renamed, err := s.Restore(trashed)
	if err != nil || !renamed || back == again {
		t.Fatalf("Restore = %s, %v, %v; want a new id", back, renamed, err)
	}
	if got, _ := os.ReadFile(again); string(got) != string(before) {
		t.Error("restoring replaced the session that took the id")
	}
	restored, _, err := Load(back)
	if err != nil || restored.Meta.Title != "First" || filepath.Base(back) != restored.ID+".toml" {
		t.Fatalf("restored %v (%v) at %s", restored, err, back)
	}
	bak, _, err := Load(back + ".bak")
	if err != nil || bak.ID != restored.ID {
		t.Errorf("the backup came back as %v (%v); it should carry the new id", bak, err)
	}

	// A file that cannot be read cannot get a new id: it stays in the trash.
	broken := filepath.Join(s.TrashDir(), "same-aaaa.toml")
	writeTestFile(t, broken, "schema_version = 1\n[meta\n")
	if _, _, err := s.Restore(broken); err == nil || !strings.Contains(err.Error(), "already in the sessions folder") || !exists(broken) {
		t.Errorf("restoring a broken file over a taken id: %v", err)
	}
}

func TestRestoreBackupKeepsTheBrokenFileBesideIt(t *testing.T) {
	s := newStore(t)
	now := time.Now().UTC().Truncate(time.Second)
	path := mustCreate(t, s, session("torn-aaaa", "Torn", now))
	if _, err := s.RestoreBackup("torn-aaaa"); err == nil {
		t.Error("a file that parses had its backup put in its place")
	}
	h, _ := s.Open("torn-aaaa", false)
	h.Save(h.Session)
	h.Close()
	good, _ := os.ReadFile(path + ".bak")
	writeTestFile(t, path, "schema_version = 1\n[meta\ntitle = 1\n")

	// Someone holding the session refuses it, as opening does.
	holder, err := lock(path)
	if err != nil {
		t.Fatal(err)
	}
	var le *LockedError
	if _, err := s.RestoreBackup("torn-aaaa"); !errors.As(err, &le) {
		t.Errorf("restoring the backup of a locked session: %v", err)
	}
	holder.release()

	broken, err := s.RestoreBackup("torn-aaaa")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(broken, path+".broken-") {
		t.Errorf("the broken file is kept as %s", broken)
	}
	if got, _ := os.ReadFile(broken); string(got) != "schema_version = 1\n[meta\ntitle = 1\n" {
		t.Errorf("the broken file kept %q", got)
	}
	if got, _ := os.ReadFile(path); string(got) != string(good) {
		t.Error("the session is not its backup")
	}
	if list, _ := s.List(); len(list) != 1 || list[0].Err != nil || list[0].Title != "Torn" {
		t.Errorf("the list shows %+v; the broken copy is not a session", list)
	}

	// A backup that does not parse either changes nothing.
	writeTestFile(t, path, "[[[")
	writeTestFile(t, path+".bak", "[[[")
	if _, err := s.RestoreBackup("torn-aaaa"); err == nil || !strings.Contains(err.Error(), "cannot be read either") {
		t.Errorf("a broken backup: %v", err)
	}
	os.Remove(path + ".bak")
	if _, err := s.RestoreBackup("torn-aaaa"); err == nil || !strings.Contains(err.Error(), "no backup") {
		t.Errorf("no backup: %v", err)
	}
}

func writeTestFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}
