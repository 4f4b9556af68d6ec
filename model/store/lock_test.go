//go:build unix

package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// within runs f and fails the test if it has not returned after a long
// while: what it guards against is waiting for ever, not slowness.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s is still waiting after 30 s", what)
	}
}

func TestLockFileThatIsASymbolicLinkIsNeitherFollowedNorTruncated(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("linked-aaaa", "Linked", time.Now().UTC().Truncate(time.Second)))
	precious := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(precious, []byte("a year of notes\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(precious, lockPath(path)); err != nil {
		t.Fatal(err)
	}
	_, err := s.Open("linked-aaaa", false)
	if err == nil || !strings.Contains(err.Error(), "symbolic link") || !strings.Contains(err.Error(), "rm "+lockPath(path)) {
		t.Errorf("opening with a symbolic link as lock file gives %v, want a refusal that says what to remove", err)
	}
	if got, _ := os.ReadFile(precious); string(got) != "a year of notes\n" {
		t.Errorf("the file the lock file pointed to now holds %q", got)
	}
}

func TestLockFileThatIsAFIFOOrAFolderIsRefusedWithoutWaiting(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("fifo-aaaa", "FIFO", time.Now().UTC().Truncate(time.Second)))
	if err := syscall.Mkfifo(lockPath(path), 0o600); err != nil {
		t.Fatal(err)
	}
	var err error
	within(t, "opening a session whose lock file is a FIFO", func() { _, err = s.Open("fifo-aaaa", false) })
	if err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("a FIFO as lock file gives %v, want a refusal naming it", err)
	}

	os.Remove(lockPath(path))
	if err := os.Mkdir(lockPath(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Open("fifo-aaaa", false); err == nil || !strings.Contains(err.Error(), "a folder") {
		t.Errorf("a folder as lock file gives %v, want a refusal naming it", err)
	}
}

func TestOpeningAFileThatIsNoSessionLeavesNoLockFile(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	for name, content := range map[string]string{
		"notes.toml":    "Remember to book the room\n",
		"empty.toml":    "",
		"future.toml":   "schema_version = 99\n",
		"shopping.list": "milk = = 2\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Open(path, false); err == nil {
			t.Errorf("%s opened as a session", name)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*.lock")); len(left) > 0 {
			t.Errorf("opening %s left %v behind", name, left)
		}
	}
	// Nor does a folder or a FIFO named like a session in the sessions folder.
	os.MkdirAll(filepath.Join(s.SessionsDir(), "folder.toml"), 0o700)
	syscall.Mkfifo(filepath.Join(s.SessionsDir(), "pipe.toml"), 0o600)
	for _, id := range []string{"folder", "pipe"} {
		var err error
		within(t, "opening "+id, func() { _, err = s.Open(id, false) })
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("opening %s gives %v, want a refusal", id, err)
		}
		if exists(filepath.Join(s.SessionsDir(), id+".lock")) {
			t.Errorf("opening %s left a lock file behind", id)
		}
	}
	// A broken session keeps the lock file it had, as every session does.
	path := mustCreate(t, s, session("broken-aaaa", "Broken", time.Now().UTC().Truncate(time.Second)))
	h, err := s.Open("broken-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	os.WriteFile(path, []byte("schema_version = = 1\n"), 0o600)
	if _, err := s.Open("broken-aaaa", false); err == nil {
		t.Fatal("a broken session opened")
	}
	if !exists(lockPath(path)) {
		t.Error("the lock file of a session that went bad was removed")
	}
}

// TestEveryNameOfASessionGetsTheSameLock opens one session through two of
// its names at the same moment, fifty times: a symbolic link, a hard link,
// another spelling of the path and a linked folder. Exactly one opener may
// get it for writing each time.
func TestEveryNameOfASessionGetsTheSameLock(t *testing.T) {
	s := newStore(t)
	elsewhere := t.TempDir()
	aliases := []struct {
		name string
		make func(path string, round int) (string, error)
	}{
		{"symbolic link", func(path string, round int) (string, error) {
			alias := filepath.Join(elsewhere, fmt.Sprintf("link-%d.toml", round))
			return alias, os.Symlink(path, alias)
		}},
		{"hard link", func(path string, round int) (string, error) {
			alias := filepath.Join(elsewhere, fmt.Sprintf("hard-%d.toml", round))
			return alias, os.Link(path, alias)
		}},
		{"another spelling", func(path string, round int) (string, error) {
			return filepath.Join(filepath.Dir(path), "..", "sessions", ".", filepath.Base(path)), nil
		}},
		{"linked folder", func(path string, round int) (string, error) {
			dir := filepath.Join(elsewhere, fmt.Sprintf("folder-%d", round))
			return filepath.Join(dir, filepath.Base(path)), os.Symlink(filepath.Dir(path), dir)
		}},
	}
	for round := range 50 {
		alias := aliases[round%len(aliases)]
		path := mustCreate(t, s, session(fmt.Sprintf("race-%04d", round), "Race", time.Now().UTC().Truncate(time.Second)))
		other, err := alias.make(path, round)
		if err != nil {
			t.Fatal(err)
		}
		refs := []string{path, other}
		if round%2 == 1 {
			refs[0], refs[1] = refs[1], refs[0]
		}
		var (
			wg      sync.WaitGroup
			start   = make(chan struct{})
			handles [2]*Handle
			errs    [2]error
		)
		for i, ref := range refs {
			wg.Go(func() {
				<-start
				handles[i], errs[i] = s.Open(ref, false)
			})
		}
		close(start)
		wg.Wait()
		opened := 0
		for i := range refs {
			var le *LockedError
			switch {
			case errs[i] == nil:
				opened++
				handles[i].Close()
			case !errors.As(errs[i], &le):
				t.Fatalf("round %d (%s): opening %s gives %v, want the session or a *LockedError", round, alias.name, refs[i], errs[i])
			}
		}
		if opened != 1 {
			t.Fatalf("round %d (%s): %d openers got %s and %s for writing at once, want exactly one", round, alias.name, opened, refs[0], refs[1])
		}
	}
}

// TestHardLinkStaysLockedAcrossSaves: a save replaces the session file, and
// the lock moves with it, so a link made to the saved file is refused too.
func TestHardLinkStaysLockedAcrossSaves(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("saved-aaaa", "Saved", time.Now().UTC().Truncate(time.Second)))
	h, err := s.Open("saved-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := h.Save(h.Session); err != nil {
		t.Fatal(err)
	}
	alias := filepath.Join(t.TempDir(), "copy.toml")
	if err := os.Link(path, alias); err != nil {
		t.Fatal(err)
	}
	var le *LockedError
	if _, err := s.Open(alias, false); !errors.As(err, &le) || !le.Alias || !strings.Contains(err.Error(), "another name") {
		t.Errorf("opening a hard link to a saved, open session gives %v, want a *LockedError about another name", err)
	}
	if exists(lockPath(alias)) {
		t.Error("the refused opener left a lock file beside the link")
	}
}

func TestSymbolicLinkSessionIsSavedThroughToItsFile(t *testing.T) {
	s := newStore(t)
	real := filepath.Join(t.TempDir(), "stick", "acme.toml")
	os.MkdirAll(filepath.Dir(real), 0o700)
	orig := session("acme-aaaa", "Acme", time.Now().UTC().Truncate(time.Second))
	data, err := Encode(orig)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(real, data, 0o600)
	os.MkdirAll(s.SessionsDir(), 0o700)
	link := filepath.Join(s.SessionsDir(), "acme-aaaa.toml")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}

	h, err := s.Open("acme-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	h.Session.Meta.Title = "Acme, saved"
	if err := h.Save(h.Session); err != nil {
		t.Fatal(err)
	}
	h.Close()
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the session's symbolic link was replaced: %v, %v", info, err)
	}
	saved, _, err := Load(real)
	if err != nil || saved.Meta.Title != "Acme, saved" {
		t.Fatalf("the file the link points to holds %v, %v; want the save", saved, err)
	}
	if bak, _ := os.ReadFile(real + ".bak"); string(bak) != string(data) {
		t.Error("the backup is not beside the file the link points to")
	}
	if !exists(lockPath(real)) || exists(lockPath(link)) {
		t.Error("the lock file is not beside the file the link points to")
	}
	if temps, _ := filepath.Glob(filepath.Join(s.SessionsDir(), ".*")); len(temps) > 0 {
		t.Errorf("temporary files left in the sessions folder: %v", temps)
	}
}

func TestFoldersAreMadePrivateWhenOpened(t *testing.T) {
	s := newStore(t)
	mustCreate(t, s, session("open-aaaa", "Open", time.Now().UTC().Truncate(time.Second)))
	os.MkdirAll(s.TrashDir(), 0o700)
	for _, use := range []struct {
		name string
		do   func() error
	}{
		{"listing", func() error { _, err := s.List(); return err }},
		{"opening a session", func() error {
			h, err := s.Open("open-aaaa", true)
			if err == nil {
				h.Close()
			}
			return err
		}},
	} {
		for _, dir := range []string{s.SessionsDir(), s.TrashDir()} {
			if err := os.Chmod(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := use.do(); err != nil {
			t.Fatal(err)
		}
		for _, dir := range []string{s.SessionsDir(), s.TrashDir()} {
			if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
				t.Errorf("after %s, %s is %v, want 0700", use.name, dir, info.Mode().Perm())
			}
		}
	}
}

func TestFolderOrFIFOAmongSessionsIsListedAsAProblem(t *testing.T) {
	s := newStore(t)
	mustCreate(t, s, session("good-aaaa", "Good", time.Now().UTC().Truncate(time.Second)))
	if err := os.Mkdir(filepath.Join(s.SessionsDir(), "folder.toml"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(s.SessionsDir(), "pipe.toml"), 0o600); err != nil {
		t.Fatal(err)
	}
	var got map[string]string
	within(t, "listing a sessions folder with a FIFO in it", func() { got = listTitles(t, s) })
	if got["good-aaaa"] != "Good 0/2" {
		t.Errorf("the good session is listed as %q", got["good-aaaa"])
	}
	if !strings.Contains(got["folder"], "is a folder, not a session file") {
		t.Errorf("a folder among the sessions is listed as %q, want a problem naming it", got["folder"])
	}
	if !strings.Contains(got["pipe"], "named pipe") {
		t.Errorf("a FIFO among the sessions is listed as %q, want a problem naming it", got["pipe"])
	}
}
