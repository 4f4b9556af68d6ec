package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"github.com/roundtable/roundtable/model/plan"
	"github.com/roundtable/roundtable/model/store"
)

// cli runs the command line in process with its own data folder.
func cli(t *testing.T, data string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	root := newRootCommand(strings.NewReader(""), &out, &errOut)
	root.SetArgs(append([]string{"--data-dir", data}, args...))
	err := root.Execute()
	return out.String() + errOut.String(), err
}

// sampleSession creates the sample session and returns its id.
func sampleSession(t *testing.T) (data, id string) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "share"))
	t.Setenv(store.EnvDataDir, "")
	xdg.Reload()
	data = filepath.Join(home, "data")
	out, err := cli(t, data, "new", "Northwind plan", "--sample", "--no-open")
	if err != nil {
		t.Fatalf("new: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return data, lines[len(lines)-1]
}

func TestExportWritesThePlanInTheCurrentFolder(t *testing.T) {
	data, id := sampleSession(t)
	dir := t.TempDir()
	t.Chdir(dir)
	out, err := cli(t, data, "export", id[:10])
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
	h, err := store.New(data).Open(id, true)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, plan.Markdown(h.Session)) {
		t.Fatal("the file is not the session's plan")
	}
	if !bytes.HasPrefix(got, []byte("# Northwind plan\n")) {
		t.Fatalf("the plan starts %q", got[:40])
	}

	// A second export replaces the file and says so.
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err = cli(t, data, "export", id)
	if err != nil || out != "replaced "+path+"\n" {
		t.Fatalf("second export: %v, printed %q", err, out)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(again, got) {
		t.Fatal("the second export did not replace the old file")
	}
}

func TestExportWhileAnotherTerminalHasTheSessionOpen(t *testing.T) {
	data, id := sampleSession(t)
	h, err := store.New(data).Open(id, false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	out, err := cli(t, data, "export", id, "--stdout")
	if err != nil {
		t.Fatalf("export of a locked session: %v\n%s", err, out)
	}
	if out != string(plan.Markdown(h.Session)) {
		t.Fatal("--stdout does not print the plan alone")
	}
}

func TestExportOutputFileAndCSV(t *testing.T) {
	data, id := sampleSession(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "board", "plan.md")
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	out, err := cli(t, data, "export", id, "-o", file, "--csv", filepath.Join(dir, "sheets"))
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
	cwd := t.TempDir()
	t.Chdir(cwd)
	if out, err := cli(t, data, "export", id, "--csv", filepath.Join(dir, "more")); err != nil {
		t.Fatalf("export --csv: %v\n%s", err, out)
	}
	if entries, _ := os.ReadDir(cwd); len(entries) != 0 {
		t.Fatalf("--csv alone wrote %s into the current folder", entries[0].Name())
	}
}

func TestExportRefusesWhatItCannotDo(t *testing.T) {
	data, id := sampleSession(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "nothing-like-it"}, "no session"},
		{[]string{"export", id, "-o", dir}, "is a folder"},
		{[]string{"export", id, "-o", filepath.Join(dir, "x.md"), "--stdout"}, "none of the others can be"},
	} {
		out, err := cli(t, data, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v (output %q), want one saying %q", tc.args, err, out, tc.want)
		}
	}
}
