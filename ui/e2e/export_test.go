package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/model/store"
)

// exportSession makes the sample session and returns the environment, the
// data folder's store and the session's id.
func exportSession(t *testing.T) (env []string, st *store.Store, id string) {
	t.Helper()
	home := t.TempDir()
	env = testEnv(t, home)
	out, _, err := roundtable(t, env, "new", "Northwind plan", "--sample", "--no-open")
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	return env, store.New(filepath.Join(home, "data", "roundtable")), lastLine(out)
}

// roundtableIn runs the binary in folder dir, its output and errors together.
func roundtableIn(t *testing.T, env []string, dir string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command(binary, args...)
	cmd.Env, cmd.Dir = env, dir
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// samplePlan is the plan of session id as the store reads it now.
func samplePlan(t *testing.T, st *store.Store, id string) []byte {
	t.Helper()
	h, err := st.Open(id, true)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	return plan.Markdown(h.Session)
}

func TestExportWritesThePlanInTheCurrentFolder(t *testing.T) {
	env, st, id := exportSession(t)
	dir := t.TempDir()
	out, err := roundtableIn(t, env, dir, "export", id[:10])
	if err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	path := filepath.Join(dir, id+"-plan.md")
	if out != "wrote "+path+"\n" {
		t.Fatalf("export printed %q, want the full path of %s", out, path)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, samplePlan(t, st, id)) {
		t.Fatal("the file is not the session's plan")
	}
	if !bytes.HasPrefix(got, []byte("# Northwind plan\n")) {
		t.Fatalf("the plan starts %q", got[:40])
	}

	// A second export leaves the file there, and replaces it with --force.
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err = roundtableIn(t, env, dir, "export", id)
	if err == nil || !strings.Contains(out, path+" is already there") {
		t.Fatalf("second export without --force: %v, printed %q", err, out)
	}
	if kept, _ := os.ReadFile(path); string(kept) != "old" {
		t.Fatal("a refused export changed the file")
	}
	out, err = roundtableIn(t, env, dir, "export", id, "--force")
	if err != nil || out != "replaced "+path+"\n" {
		t.Fatalf("second export with --force: %v, printed %q", err, out)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(again, got) {
		t.Fatal("the second export did not replace the old file")
	}
}

func TestExportWhileTheSessionIsOpenElsewhere(t *testing.T) {
	env, st, id := exportSession(t)
	h, err := st.Open(id, false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	out, _, err := roundtable(t, env, "export", id, "--stdout")
	if err != nil {
		t.Fatalf("export of a session open in another terminal: %v\n%s", err, out)
	}
	if out != string(plan.Markdown(h.Session)) {
		t.Fatal("--stdout does not print the plan alone")
	}
}

func TestExportOutputFileAndCSV(t *testing.T) {
	env, _, id := exportSession(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "board", "plan.md")
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	cwd := t.TempDir()
	out, err := roundtableIn(t, env, cwd, "export", id, "-o", file, "--csv", filepath.Join(dir, "sheets"))
	if err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	for _, name := range []string{"board/plan.md", "sheets/" + id + "-raci.csv", "sheets/" + id + "-risks.csv", "sheets/" + id + "-actions.csv"} {
		path := filepath.Join(dir, name)
		if !strings.Contains(out, "wrote "+path+"\n") {
			t.Errorf("export did not say it wrote %s:\n%s", path, out)
		}
		if _, err := os.Stat(path); err != nil {
			t.Error(err)
		}
	}

	// --csv alone writes no plan into the current folder.
	if out, err := roundtableIn(t, env, cwd, "export", id, "--csv", filepath.Join(dir, "more")); err != nil {
		t.Fatalf("export --csv: %v\n%s", err, out)
	}
	if entries, _ := os.ReadDir(cwd); len(entries) != 0 {
		t.Fatalf("--csv alone wrote %s into the current folder", entries[0].Name())
	}
}

func TestExportRefusesWhatItCannotDo(t *testing.T) {
	env, _, id := exportSession(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "nothing-like-it"}, "no session"},
		{[]string{"export", id, "-o", dir}, "is a folder"},
		{[]string{"export", id, "-o", filepath.Join(dir, "x.md"), "--stdout"}, "-o and --stdout cannot go together"},
		{[]string{"export", id, "-o", filepath.Join(dir, "missing", "x.md")}, "the folder " + filepath.Join(dir, "missing") + " does not exist"},
	} {
		out, err := roundtableIn(t, env, dir, tc.args...)
		if err == nil || !strings.Contains(out, tc.want) {
			t.Errorf("%v: error %v, output %q, want a message saying %q", tc.args, err, out, tc.want)
		}
	}
}
