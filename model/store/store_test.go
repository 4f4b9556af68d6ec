package store

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/adrg/xdg"

	"github.com/roundtable/roundtable/model"
)

// childLockEnv makes the test binary a separate Roundtable process that opens
// the session named by the variable, says "locked" and waits to be killed.
const childLockEnv = "ROUNDTABLE_STORE_TEST_HOLD"

func TestMain(m *testing.M) {
	if ref := os.Getenv(childLockEnv); ref != "" {
		h, err := New(os.Getenv(EnvDataDir)).Open(ref, false)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(2)
		}
		fmt.Println("locked", h.Path)
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// newStore is an empty store in a temporary folder, with the environment
// pointed away from the real home.
func newStore(t *testing.T) *Store {
	t.Helper()
	root := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(root, "xdg-data"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(root, "xdg-config"))
	t.Setenv("XDG_STATE_HOME", filepath.Join(root, "xdg-state"))
	t.Setenv(EnvDataDir, root)
	xdg.Reload()
	return New(root)
}

func session(id, title string, updated time.Time) *model.Session {
	return model.New(id, model.Meta{Title: title, Organisation: "Acme", Created: updated, Updated: updated},
		model.Workshop{Name: "executive-briefing", Steps: []model.Step{{Kind: model.StepListen}, {Kind: model.StepRisks}}})
}

func mustCreate(t *testing.T, s *Store, sess *model.Session) string {
	t.Helper()
	path, err := s.Create(sess)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDataDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	xdg.Reload()
	defer xdg.Reload()

	t.Setenv(EnvDataDir, "")
	if got, want := DataDir(""), filepath.Join(home, "data", "roundtable"); got != want {
		t.Errorf("without flag or variable: %q, want %q", got, want)
	}
	t.Setenv(EnvDataDir, "/media/stick/roundtable")
	if got := DataDir(""); got != "/media/stick/roundtable" {
		t.Errorf("with %s: %q", EnvDataDir, got)
	}
	if got := DataDir("/tmp/flag"); got != "/tmp/flag" {
		t.Errorf("the flag must win over the variable: %q", got)
	}
}

func TestNewID(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	suffix := `-[a-z0-9]{4}$`
	tests := []struct{ title, slug string }{
		{"Acme social media roles", "acme-social-media-roles"},
		{"  Crisis drill: product recall!! ", "crisis-drill-product-recall"},
		{"Équipe Straße Übersicht", "equipe-strasse-uebersicht"},
		{"", "session-20261122"},
		{"😀 日本語", "session-20261122"},
		{"../../etc/passwd", "etc-passwd"},
		{strings.Repeat("governance ", 10), "governance-governance-governance"},
	}
	for _, tt := range tests {
		id := NewID(tt.title, now)
		if !regexp.MustCompile("^" + regexp.QuoteMeta(tt.slug) + suffix).MatchString(id) {
			t.Errorf("NewID(%q) = %q, want %s plus four random characters", tt.title, id, tt.slug)
		}
		if len(id) > 45 || checkID(id) != nil {
			t.Errorf("NewID(%q) = %q is not a short, safe file name", tt.title, id)
		}
	}
	seen := map[string]bool{}
	for range 20 {
		seen[NewID("same", now)] = true
	}
	if len(seen) < 15 {
		t.Errorf("20 ids for one title gave only %d different ones", len(seen))
	}
}

func TestCreateListResolve(t *testing.T) {
	s := newStore(t)
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	mustCreate(t, s, session("acme-roles-aaaa", "Acme roles", t0))
	risks := session("acme-risks-bbbb", "Acme risks", t0.Add(2*time.Hour))
	// The listening step is complete; the risks step is not.
	risks.Listen.Inventory = []model.Conversation{{Place: "Product forum"}}
	risks.Listen.Experts = []model.Expert{{Name: "Ada"}}
	mustCreate(t, s, risks)
	mustCreate(t, s, session("beta-cccc", "Beta", t0.Add(time.Hour)))

	if _, err := s.Create(session("beta-cccc", "Another beta", t0)); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("creating over an existing session: %v, want an 'already exists' error", err)
	}
	if _, err := s.Create(session("../escape", "x", t0)); err == nil {
		t.Error("an id with a path in it was accepted")
	}

	entries, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, e := range entries {
		if e.Err != nil {
			t.Fatalf("%s: %v", e.ID, e.Err)
		}
		order = append(order, e.ID)
	}
	if got := strings.Join(order, " "); got != "acme-risks-bbbb beta-cccc acme-roles-aaaa" {
		t.Errorf("List order %q, want newest change first", got)
	}
	if e := entries[0]; e.Title != "Acme risks" || e.Organisation != "Acme" || e.Workshop != "executive-briefing" ||
		!e.Updated.Equal(t0.Add(2*time.Hour)) || e.Path != filepath.Join(s.SessionsDir(), "acme-risks-bbbb.toml") ||
		e.Done != 1 || e.Total != 2 {
		t.Errorf("entry %+v does not describe the session", e)
	}

	tests := []struct {
		ref, want, errHas string
	}{
		{ref: "beta-cccc", want: "beta-cccc"},
		{ref: "be", want: "beta-cccc"},
		{ref: "acme-ri", want: "acme-risks-bbbb"},
		{ref: "acme", errHas: "acme-risks-bbbb  Acme risks\n  acme-roles-aaaa  Acme roles"},
		{ref: "zeta", errHas: "roundtable list"},
		{ref: "", errHas: "roundtable list"},
		{ref: filepath.Join(s.SessionsDir(), "beta-cccc.toml"), want: "beta-cccc"},
		{ref: "missing.toml", errHas: "missing.toml"},
		{ref: "beta-cccc.toml", want: "beta-cccc"},
	}
	for _, tt := range tests {
		path, err := s.Resolve(tt.ref)
		if tt.errHas != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("Resolve(%q) = %q, %v; want an error with %q", tt.ref, path, err, tt.errHas)
			}
			continue
		}
		if err != nil || path != filepath.Join(s.SessionsDir(), tt.want+".toml") {
			t.Errorf("Resolve(%q) = %q, %v; want session %s", tt.ref, path, err, tt.want)
		}
	}
	var amb *AmbiguousError
	if _, err := s.Resolve("acme"); !errors.As(err, &amb) || len(amb.Matches) != 2 {
		t.Errorf("an ambiguous prefix gives %v, want an *AmbiguousError with both sessions", err)
	}
	if _, err := s.Resolve("zeta"); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown id gives %v, want ErrNotFound", err)
	}
}

func TestListEmptyStore(t *testing.T) {
	entries, err := newStore(t).List()
	if err != nil || len(entries) != 0 {
		t.Errorf("a store with no sessions folder lists %v, %v; want nothing and no error", entries, err)
	}
}

func TestListShowsBrokenFileAndSkipsTempFiles(t *testing.T) {
	s := newStore(t)
	mustCreate(t, s, session("good-aaaa", "Good", time.Now().UTC().Truncate(time.Second)))
	broken := filepath.Join(s.SessionsDir(), "broken-bbbb.toml")
	if err := os.WriteFile(broken, []byte("schema_version = 1\n[meta]\ntitle = \"unterminated\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// What a save killed half-way leaves behind.
	stray := filepath.Join(s.SessionsDir(), ".good-aaaa.toml"+tempMark+"123456")
	if err := os.WriteFile(stray, []byte("half a fi"), 0o600); err != nil {
		t.Fatal(err)
	}
	entries, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("List gave %d entries, want the good and the broken session only: %+v", len(entries), entries)
	}
	var pe *ParseError
	for _, e := range entries {
		switch e.ID {
		case "good-aaaa":
			if e.Err != nil || e.Title != "Good" {
				t.Errorf("good session listed as %+v", e)
			}
		case "broken-bbbb":
			if !errors.As(e.Err, &pe) || pe.Line != 3 || pe.Col == 0 || !strings.Contains(e.Err.Error(), broken+":3:") {
				t.Errorf("broken session's error %v does not name file, line 3 and column", e.Err)
			}
		default:
			t.Errorf("unexpected entry %q", e.ID)
		}
	}

	// The next save of that session sweeps the stray file away.
	h, err := s.Open("good-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := h.Save(h.Session); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stray); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the stray temporary file is still there after a save: %v", err)
	}
}

func TestPermissions(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("private-aaaa", "Private", time.Now().UTC().Truncate(time.Second)))
	h, err := s.Open("private-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Save(h.Session); err != nil {
		t.Fatal(err)
	}
	h.Close()
	lockFile := strings.TrimSuffix(path, ".toml") + ".lock"
	if info, err := os.Stat(lockFile); err != nil {
		t.Error(err)
	} else if info.Mode().Perm() != 0o600 {
		t.Errorf("file %s: mode %v, want 0600", lockFile, info.Mode().Perm())
	}
	if _, err := s.Trash("private-aaaa"); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{s.SessionsDir(), s.TrashDir()} {
		if info, err := os.Stat(dir); err != nil {
			t.Error(err)
		} else if info.Mode().Perm() != 0o700 {
			t.Errorf("folder %s: mode %v, want 0700", dir, info.Mode().Perm())
		}
	}
	files, _ := filepath.Glob(filepath.Join(s.TrashDir(), "*"))
	if len(files) != 2 {
		t.Fatalf("want the session and its backup in the trash, got %v", files)
	}
	for _, f := range files {
		if info, err := os.Stat(f); err != nil {
			t.Error(err)
		} else if info.Mode().Perm() != 0o600 {
			t.Errorf("file %s: mode %v, want 0600", f, info.Mode().Perm())
		}
	}
}

func TestExistingOpenFolderIsMadePrivate(t *testing.T) {
	s := newStore(t)
	if err := os.MkdirAll(s.SessionsDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(s.SessionsDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, session("p-aaaa", "P", time.Now().UTC().Truncate(time.Second)))
	if info, err := os.Stat(s.SessionsDir()); err != nil {
		t.Error(err)
	} else if info.Mode().Perm() != 0o700 {
		t.Errorf("sessions folder left at %v, want 0700", info.Mode().Perm())
	}
}

func TestSaveKeepsBackupAndIsAtomic(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("atomic-aaaa", "Version 1", time.Now().UTC().Truncate(time.Second)))
	h, err := s.Open("atomic-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	v1, _ := os.ReadFile(path)

	sess := h.Session
	sess.Meta.Title = "Version 2"
	sess.Meta.Updated = time.Time{}
	before := time.Now().UTC().Truncate(time.Second)
	if err := h.Save(sess); err != nil {
		t.Fatal(err)
	}
	if sess.Meta.Updated.Before(before) || sess.Meta.Updated.Location() != time.UTC {
		t.Errorf("Save set Updated to %v, want now in UTC", sess.Meta.Updated)
	}
	if bak, _ := os.ReadFile(path + ".bak"); string(bak) != string(v1) {
		t.Error("the backup is not the version before the save")
	}
	v2, _ := os.ReadFile(path)

	// A disk that fails half-way through the write.
	writeData = func(f *os.File, data []byte) error {
		f.Write(data[:len(data)/2])
		return syscall.ENOSPC
	}
	defer func() { writeData = func(f *os.File, data []byte) error { _, err := f.Write(data); return err } }()
	sess.Meta.Title = "Version 3"
	err = h.Save(sess)
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), path) {
		t.Errorf("a failed write gives %v, want the disk's error naming the file", err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(v2) {
		t.Error("a failed save changed the session file")
	}
	if bak, _ := os.ReadFile(path + ".bak"); string(bak) != string(v1) {
		t.Error("a failed save changed the backup")
	}
	if temps, _ := filepath.Glob(filepath.Join(s.SessionsDir(), ".*")); len(temps) != 0 {
		t.Errorf("a failed save left temporary files: %v", temps)
	}
}

func TestConcurrentSaves(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("busy-aaaa", "Busy", time.Now().UTC().Truncate(time.Second)))
	h, err := s.Open("busy-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			c := session("busy-aaaa", fmt.Sprintf("Save %d", i), time.Time{})
			if err := h.Save(c); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if _, _, err := Load(path); err != nil {
		t.Errorf("after concurrent saves the file does not load: %v", err)
	}
	if temps, _ := filepath.Glob(filepath.Join(s.SessionsDir(), ".*")); len(temps) != 0 {
		t.Errorf("concurrent saves left temporary files: %v", temps)
	}
}

func TestLockInSameProcess(t *testing.T) {
	s := newStore(t)
	mustCreate(t, s, session("locked-aaaa", "Locked", time.Now().UTC().Truncate(time.Second)))
	h, err := s.Open("locked-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Open("locked", false)
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("a second open gives %v, want a *LockedError", err)
	}
	host, _ := os.Hostname()
	if le.PID != os.Getpid() || le.Host != host || time.Since(le.Since) > time.Minute {
		t.Errorf("the lock names %d on %q since %v, want this process", le.PID, le.Host, le.Since)
	}
	for _, want := range []string{fmt.Sprintf("pid %d", os.Getpid()), "on " + host, "since ", "roundtable open locked-aaaa --read-only"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
	if _, err := s.Trash("locked-aaaa"); !errors.As(err, &le) {
		t.Errorf("trashing an open session gives %v, want a *LockedError", err)
	}

	ro, err := s.Open("locked-aaaa", true)
	if err != nil {
		t.Fatalf("read-only open of a locked session: %v", err)
	}
	if err := ro.Save(ro.Session); !errors.Is(err, ErrReadOnly) {
		t.Errorf("saving a read-only session gives %v, want ErrReadOnly", err)
	}
	ro.Close()

	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	h2, err := s.Open("locked-aaaa", false)
	if err != nil {
		t.Fatalf("open after the holder closed: %v", err)
	}
	h2.Close()
	if err := h.Save(h.Session); !errors.Is(err, ErrClosed) {
		t.Errorf("saving through a closed handle gives %v, want ErrClosed", err)
	}
	if _, err := os.Stat(filepath.Join(s.SessionsDir(), "locked-aaaa.lock")); err != nil {
		t.Errorf("the lock file must stay in place: %v", err)
	}
}

func TestLockHeldByAnotherProcessAndTakenOverWhenItDies(t *testing.T) {
	s := newStore(t)
	mustCreate(t, s, session("shared-aaaa", "Shared", time.Now().UTC().Truncate(time.Second)))

	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), childLockEnv+"=shared-aaaa", EnvDataDir+"="+s.Root())
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if !strings.HasPrefix(line, "locked") {
		t.Fatalf("the other process did not get the lock: %q", line)
	}

	_, err = s.Open("shared-aaaa", false)
	var le *LockedError
	if !errors.As(err, &le) || le.PID != child.Process.Pid {
		t.Fatalf("open while another process holds it: %v, want a *LockedError naming pid %d", err, child.Process.Pid)
	}

	// The holder is killed: its lock file stays, naming a dead process.
	child.Process.Kill()
	child.Wait()
	h, err := s.Open("shared-aaaa", false)
	if err != nil {
		t.Fatalf("open after the holder died: %v", err)
	}
	defer h.Close()
	lockFile, _ := os.ReadFile(filepath.Join(s.SessionsDir(), "shared-aaaa.lock"))
	if !strings.Contains(string(lockFile), fmt.Sprintf("pid %d\n", os.Getpid())) {
		t.Errorf("the lock file names %q after the take-over, want this process", lockFile)
	}
}

func TestCorruptFileIsNeverOverwritten(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("corrupt-aaaa", "Corrupt", time.Now().UTC().Truncate(time.Second)))
	h, err := s.Open("corrupt-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Save(h.Session); err != nil { // makes a .bak
		t.Fatal(err)
	}
	h.Close()
	corrupt := []byte("schema_version = 1\nid = \"corrupt-aaaa\"\n\n[meta]\ntitle = = \"oops\"\n")
	if err := os.WriteFile(path, corrupt, 0o600); err != nil {
		t.Fatal(err)
	}

	for _, readOnly := range []bool{false, true} {
		_, err = s.Open("corrupt-aaaa", readOnly)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Path != path || pe.Line != 5 || pe.Col != 9 {
			t.Fatalf("opening a corrupt file gives %#v, want a *ParseError at %s:5:9", err, path)
		}
		if want := "cp " + path + ".bak " + path; !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not tell how to restore the backup (%q)", err, want)
		}
	}
	if _, err := s.Duplicate("corrupt-aaaa", "copy"); err == nil {
		t.Error("duplicating a corrupt session worked")
	}
	if now, _ := os.ReadFile(path); string(now) != string(corrupt) {
		t.Error("the corrupt file was changed")
	}
	// Without a backup the message does not offer one.
	os.Remove(path + ".bak")
	if _, err := s.Open("corrupt-aaaa", false); err == nil || strings.Contains(err.Error(), ".bak") {
		t.Errorf("with no backup the error %q still mentions one", err)
	}
}

func TestMigrationFromVersion0(t *testing.T) {
	s := newStore(t)
	fixture, err := os.ReadFile("testdata/version0.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(s.SessionsDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(s.SessionsDir(), "launch-review-x2k9.toml")
	if err := os.WriteFile(path, fixture, 0o600); err != nil {
		t.Fatal(err)
	}

	// Reading without a lock migrates in memory only.
	ro, err := s.Open("launch", true)
	if err != nil {
		t.Fatal(err)
	}
	if !ro.Report.Migrated || ro.Report.MigratedFrom != 0 || ro.Report.Backup != "" {
		t.Errorf("read-only report %+v, want migrated from 0 and nothing written", ro.Report)
	}
	if now, _ := os.ReadFile(path); string(now) != string(fixture) {
		t.Error("a read-only open changed the file")
	}

	h, err := s.Open("launch", false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if !h.Report.Migrated || h.Report.MigratedFrom != 0 || h.Report.Backup != path+".bak" {
		t.Errorf("report %+v, want migrated from 0 with the backup named", h.Report)
	}
	if h.Session.SchemaVersion != model.SchemaVersion || h.Session.Meta.Title != "Launch review" ||
		len(h.Session.Risks) != 1 || h.Session.Risks[0].Mitigation != "Weekend rota in support.\nEscalate to the duty manager after two hours." {
		t.Errorf("migrated session lost content: %+v", h.Session)
	}
	if bak, _ := os.ReadFile(path + ".bak"); string(bak) != string(fixture) {
		t.Error("the backup is not the file as it was before the migration")
	}
	written, rep, err := Load(path)
	if err != nil || rep.Migrated || written.SchemaVersion != model.SchemaVersion {
		t.Errorf("the file was not written back in the current format: %v, %+v", err, rep)
	}
	if len(migrations) != model.SchemaVersion {
		t.Errorf("%d migrations for schema version %d: each version needs one step", len(migrations), model.SchemaVersion)
	}
}

func TestMigrationKeepsFileWithUnknownKeys(t *testing.T) {
	s := newStore(t)
	fixture, _ := os.ReadFile("testdata/version0.toml")
	fixture = append(fixture, "\n[extra]\nnote = \"from another tool\"\n"...)
	os.MkdirAll(s.SessionsDir(), 0o700)
	path := filepath.Join(s.SessionsDir(), "launch-review-x2k9.toml")
	os.WriteFile(path, fixture, 0o600)
	h, err := s.Open("launch", false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if !h.Report.Migrated || h.Report.Backup != "" || strings.Join(h.Report.Unknown, ",") != "extra" {
		t.Errorf("report %+v: want migrated, unknown [extra], and not written back", h.Report)
	}
	if now, _ := os.ReadFile(path); string(now) != string(fixture) {
		t.Error("a file with unknown keys was rewritten before anyone saw them")
	}
}

func TestNewerVersionRefused(t *testing.T) {
	s := newStore(t)
	os.MkdirAll(s.SessionsDir(), 0o700)
	path := filepath.Join(s.SessionsDir(), "future-aaaa.toml")
	content := []byte(fmt.Sprintf("schema_version = %d\nid = \"future-aaaa\"\n[meta]\ntitle = 7\n", model.SchemaVersion+1))
	os.WriteFile(path, content, 0o600)
	_, err := s.Open("future-aaaa", false)
	var ve *NewerVersionError
	if !errors.As(err, &ve) || ve.Version != model.SchemaVersion+1 || !strings.Contains(err.Error(), "newer Roundtable") {
		t.Errorf("a file from a newer Roundtable gives %v, want a *NewerVersionError", err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(content) {
		t.Error("a newer file was changed")
	}
}

func TestDuplicate(t *testing.T) {
	s := newStore(t)
	orig := session("orig-aaaa", "Original", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	orig.Risks = append(orig.Risks, model.Risk{Title: "Shadow accounts", Mitigation: "Register them.\nName an owner."})
	mustCreate(t, s, orig)

	dup, err := s.Duplicate("orig", "Rerun in May")
	if err != nil {
		t.Fatal(err)
	}
	if dup.ID == orig.ID || !strings.HasPrefix(dup.ID, "rerun-in-may-") || dup.Meta.Title != "Rerun in May" {
		t.Errorf("copy has id %q and title %q", dup.ID, dup.Meta.Title)
	}
	loaded, _, err := Load(filepath.Join(s.SessionsDir(), dup.ID+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(loaded.Risks) != 1 || loaded.Risks[0].Mitigation != "Register them.\nName an owner." {
		t.Errorf("the copy lost the content: %+v", loaded.Risks)
	}
	if _, _, err := Load(filepath.Join(s.SessionsDir(), "orig-aaaa.toml")); err != nil {
		t.Errorf("the original is gone: %v", err)
	}
	untitled, err := s.Duplicate("orig-aaaa", "")
	if err != nil || untitled.Meta.Title != "Original (copy)" {
		t.Errorf("copy without a title: %v, %v", untitled, err)
	}
}

func TestTrash(t *testing.T) {
	s := newStore(t)
	now := time.Now().UTC().Truncate(time.Second)
	path := mustCreate(t, s, session("old-aaaa", "Old", now))
	h, _ := s.Open("old-aaaa", false)
	h.Save(h.Session)
	h.Close()
	content, _ := os.ReadFile(path)

	dest, err := s.Trash("old")
	if err != nil {
		t.Fatal(err)
	}
	if dest != filepath.Join(s.TrashDir(), "old-aaaa.toml") {
		t.Errorf("trashed to %s", dest)
	}
	if got, _ := os.ReadFile(dest); string(got) != string(content) {
		t.Error("the trashed file is not the session")
	}
	if !exists(dest+".bak") || exists(path) || exists(path+".bak") {
		t.Error("the session and its backup must both move to the trash")
	}
	if exists(lockPath(path)) {
		t.Error("the trashed session's lock file is left in the sessions folder")
	}
	if _, err := s.Resolve("old-aaaa"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a trashed session still resolves: %v", err)
	}

	// A second session of the same id does not overwrite the first in the trash.
	mustCreate(t, s, session("old-aaaa", "Old again", now))
	dest2, err := s.Trash("old-aaaa")
	if err != nil {
		t.Fatal(err)
	}
	if dest2 == dest || !exists(dest) || !exists(dest2) || !strings.HasPrefix(filepath.Base(dest2), "old-aaaa-") {
		t.Errorf("second trash went to %s over %s", dest2, dest)
	}
}
