package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
)

// cli runs the command line in a fresh home and returns its exit status and
// what it printed.
type cli struct {
	t    *testing.T
	data string
}

func newCLI(t *testing.T) *cli {
	t.Helper()
	for _, v := range []string{"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"} {
		t.Setenv(v, t.TempDir())
	}
	t.Setenv("ROUNDTABLE_DATA_DIR", "")
	return &cli{t: t, data: t.TempDir()}
}

func (c *cli) run(args ...string) (code int, stdout, stderr string) {
	c.t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"--data-dir", c.data}, args...), strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// session makes the sample session and returns its id.
func (c *cli) session() string {
	c.t.Helper()
	code, out, errOut := c.run("new", "Northwind plan", "--sample", "--no-open")
	if code != 0 {
		c.t.Fatalf("new: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}

func TestUsageErrorsSayWhatInOneLineAndShowTheUsage(t *testing.T) {
	c := newCLI(t)
	id := c.session()
	for _, tc := range []struct {
		args        []string
		words, line string
	}{
		{[]string{"new"}, "new needs a TITLE", "roundtable new TITLE [--workshop NAME] [--sample] [--no-open]"},
		{[]string{"new", "Acme", "social"}, "put a title of several words in quotes", "roundtable new TITLE"},
		{[]string{"new", " \t"}, "the title is empty", "roundtable new TITLE"},
		{[]string{"new", "x", "--workshop"}, "the option --workshop needs a value", "roundtable new TITLE"},
		{[]string{"export", id, "-o", "plan.md", "--stdout"}, "-o and --stdout cannot go together", "roundtable export SESSION [-o FILE | --stdout] [--html] [--csv DIR] [--ics FILE] [--force]"},
		{[]string{"export"}, "export needs a SESSION", "roundtable export SESSION"},
		{[]string{"export", id, "-x"}, "there is no option -x for export", "roundtable export SESSION"},
		{[]string{"open"}, "open needs a SESSION", "roundtable open SESSION [--read-only]"},
		{[]string{"open", "a", "b"}, "open takes one SESSION, but was given 2", "roundtable open SESSION"},
		{[]string{"list", "extra"}, `list takes no arguments, but was given "extra"`, "roundtable list"},
		{[]string{"validate"}, "validate needs a FILE", "roundtable validate FILE"},
		{[]string{"lst"}, `there is no command "lst"; did you mean list?`, "roundtable [command]"},
		{[]string{"--bogus"}, "there is no option --bogus;", "roundtable [command]"},
		{[]string{"help", "bogus"}, `there is no command "bogus"`, "roundtable [command]"},
		{[]string{"completion"}, "completion needs the name of a shell", "roundtable completion bash|zsh|fish|powershell"},
		{[]string{"completion", "tcsh"}, `there is no completion script for "tcsh"`, "roundtable completion bash|zsh|fish|powershell"},
		{[]string{"completion", "bash", "x"}, "completion bash takes no arguments", "roundtable completion bash"},
	} {
		code, out, errOut := c.run(tc.args...)
		lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
		if code != 2 || out != "" || len(lines) != 2 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and two lines on stderr", tc.args, code, out, errOut)
			continue
		}
		if !strings.HasPrefix(lines[0], "roundtable: ") || !strings.Contains(lines[0], tc.words) {
			t.Errorf("%q: %q, want a line saying %q", tc.args, lines[0], tc.words)
		}
		if !strings.HasPrefix(lines[1], "usage: "+tc.line) {
			t.Errorf("%q: %q, want the usage line %q", tc.args, lines[1], tc.line)
		}
		for _, cobraWords := range []string{"arg(s)", "unknown command", "if any flags", "unknown flag", "Usage:"} {
			if strings.Contains(errOut, cobraWords) {
				t.Errorf("%q: %q speaks the library's words %q", tc.args, errOut, cobraWords)
			}
		}
	}
}

func TestNewHelpNamesTheWorkshopOption(t *testing.T) {
	c := newCLI(t)
	code, out, _ := c.run("new", "--help")
	// The option's own line, under Flags, as well as the usage line.
	if code != 0 || !strings.Contains(out, "      --workshop NAME   ") || !strings.Contains(out, "roundtable new TITLE [--workshop NAME] [--sample] [--no-open]") {
		t.Fatalf("new --help (exit %d) does not show --workshop NAME:\n%s", code, out)
	}
}

func TestExportLeavesAFileThereUnlessForced(t *testing.T) {
	c := newCLI(t)
	id := c.session()
	dir := t.TempDir()
	file := filepath.Join(dir, "plan.md")
	if err := os.WriteFile(file, []byte("the board's notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := c.run("export", id, "-o", file)
	if code == 0 || out != "" || !strings.Contains(errOut, file+" is already there; nothing was written. Add --force") {
		t.Fatalf("export -o onto a file: exit %d, stdout %q, stderr %q; want a refusal naming the file and --force", code, out, errOut)
	}
	if got, _ := os.ReadFile(file); string(got) != "the board's notes" {
		t.Fatalf("the file was changed to %.40q", got)
	}
	code, out, errOut = c.run("export", id, "-o", file, "--force")
	if code != 0 || out != "replaced "+file+"\n" {
		t.Fatalf("export --force: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if got, _ := os.ReadFile(file); !strings.HasPrefix(string(got), "# Northwind plan\n") {
		t.Fatalf("--force did not write the plan: %.40q", got)
	}

	// Without -o, the plan's own file name gets the same care.
	t.Chdir(dir)
	if code, _, errOut := c.run("export", id); code != 0 {
		t.Fatalf("first export: %s", errOut)
	}
	if code, _, errOut := c.run("export", id); code == 0 || !strings.Contains(errOut, id+"-plan.md is already there") {
		t.Fatalf("a second export replaced its plan without --force (exit %d): %s", code, errOut)
	}
}

func TestExportChecksEveryFileBeforeWritingAny(t *testing.T) {
	c := newCLI(t)
	id := c.session()
	dir := t.TempDir()
	sheets := filepath.Join(dir, "sheets")
	if err := os.Mkdir(sheets, 0o700); err != nil {
		t.Fatal(err)
	}
	risks := filepath.Join(sheets, id+"-risks.csv")
	if err := os.WriteFile(risks, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := c.run("export", id, "--csv", sheets)
	if code == 0 || !strings.Contains(errOut, risks+" is already there") {
		t.Fatalf("exit %d, %q; want a refusal naming %s", code, errOut, risks)
	}
	if entries, _ := os.ReadDir(sheets); len(entries) != 1 {
		t.Fatalf("a refused export wrote %d files", len(entries)-1)
	}
}

func TestExportIntoAMissingFolderNamesIt(t *testing.T) {
	c := newCLI(t)
	id := c.session()
	missing := filepath.Join(t.TempDir(), "board", "2027")
	code, _, errOut := c.run("export", id, "-o", filepath.Join(missing, "plan.md"))
	if code == 0 || !strings.Contains(errOut, "the folder "+missing+" does not exist") {
		t.Fatalf("exit %d, %q; want a message naming the missing folder %s", code, errOut, missing)
	}
	if strings.Contains(errOut, ".tmp") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Fatalf("the message is not one plain line: %q", errOut)
	}
}

// --html writes the printable page under its own name, --ics the
// calendar alone, and a plan already there is never replaced unasked.
func TestExportWritesThePageAndTheCalendar(t *testing.T) {
	c := newCLI(t)
	id := c.session()
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, errOut := c.run("export", id, "--html")
	page := filepath.Join(dir, id+"-plan.html")
	if code != 0 || out != "wrote "+page+"\n" {
		t.Fatalf("export --html: exit %d, %q, %q", code, out, errOut)
	}
	if got, _ := os.ReadFile(page); !strings.HasPrefix(string(got), "<!DOCTYPE html>") || !strings.Contains(string(got), "<svg") {
		t.Fatalf("the page is not the plan's: %.60q", got)
	}
	if code, _, errOut := c.run("export", id, "--html"); code == 0 || !strings.Contains(errOut, page+" is already there") {
		t.Fatalf("a second --html replaced the page (exit %d): %s", code, errOut)
	}
	code, out, errOut = c.run("export", id, "--ics", "actions.ics")
	if code != 0 || out != "wrote "+filepath.Join(dir, "actions.ics")+"\n" {
		t.Fatalf("export --ics: exit %d, %q, %q (the plan is written only when asked)", code, out, errOut)
	}
	if got, _ := os.ReadFile("actions.ics"); !strings.HasPrefix(string(got), "BEGIN:VCALENDAR\r\n") || strings.Count(string(got), "BEGIN:VTODO") < 8 {
		t.Fatalf("the calendar lacks the actions: %.80q", got)
	}
	if _, err := os.Stat(id + "-plan.md"); err == nil {
		t.Error("--ics alone wrote the Markdown plan too")
	}
	code, out, _ = c.run("export", id, "--html", "--stdout")
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") {
		t.Fatalf("--html --stdout: exit %d, %.40q", code, out)
	}
}

// edit changes the session id in its file, as the program would.
func (c *cli) edit(id string, change func(*model.Session)) {
	c.t.Helper()
	h, err := store.New(c.data).Open(id, false)
	if err != nil {
		c.t.Fatal(err)
	}
	defer h.Close()
	change(h.Session)
	if err := h.Save(h.Session); err != nil {
		c.t.Fatal(err)
	}
}

// TestActionsListsTheOpenActionsOfEverySession follows up two sessions
// at once: the open actions of both in one table, the earliest due first,
// overdue ones marked, and --overdue failing while any is overdue, also
// while another terminal has a session open.
func TestActionsListsTheOpenActionsOfEverySession(t *testing.T) {
	c := newCLI(t)
	first, second := c.session(), c.session()
	today := time.Now()
	yesterday, later := today.AddDate(0, 0, -1).Format(time.DateOnly), today.AddDate(0, 0, 30).Format(time.DateOnly)
	c.edit(first, func(s *model.Session) {
		s.Actions = s.Actions[:3]
		s.Actions[0].Due = yesterday
		s.Actions[1].Review(today.Format(time.DateOnly), model.ActionDone, "")
		s.Actions[2].Due = later
	})
	c.edit(second, func(s *model.Session) {
		s.Actions = s.Actions[:1]
		s.Actions[0].Due = later
		s.Actions[0].Owner = "marketing"
	})
	code, out, errOut := c.run("actions")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 4 || !strings.HasPrefix(lines[0], "SESSION") {
		t.Fatalf("actions: exit %d, %q\n%s", code, errOut, out)
	}
	if !strings.HasPrefix(lines[1], first) || !strings.Contains(lines[1], yesterday) || !strings.HasSuffix(lines[1], "open, overdue") ||
		!strings.Contains(lines[1], "Executive sponsor") {
		t.Errorf("the overdue action does not come first, marked:\n%s", out)
	}
	if strings.Contains(out, "done") {
		t.Errorf("a done action is listed without --all:\n%s", out)
	}
	if _, out, _ := c.run("actions", "--all"); strings.Count(out, "\n") != 5 || !strings.Contains(out, "done") {
		t.Errorf("--all does not list the done action:\n%s", out)
	}
	if _, out, _ := c.run("actions", "--owner", "marketing"); strings.Count(out, "\n") != 2 || !strings.HasPrefix(strings.Split(out, "\n")[1], second) {
		t.Errorf("--owner marketing:\n%s", out)
	}
	if _, out, _ := c.run("actions", "--owner", "EXECUTIVE SPONSOR"); strings.Count(out, "\n") != 2 {
		t.Errorf("--owner by the role's name, in capitals:\n%s", out)
	}

	// Another terminal has the first session open: it is only read.
	h, err := store.New(c.data).Open(first, false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	code, out, errOut = c.run("actions", "--overdue")
	if code != 1 || strings.Count(out, "\n") != 2 || !strings.Contains(errOut, "1 action is overdue") {
		t.Fatalf("--overdue with one overdue: exit %d, %q\n%s", code, errOut, out)
	}
	h.Close()
	c.edit(first, func(s *model.Session) { s.Actions[0].Review(today.Format(time.DateOnly), model.ActionInProgress, "") })
	if code, _, _ := c.run("actions", "--overdue"); code != 1 {
		t.Fatalf("an action in progress past its date is still overdue: exit %d", code)
	}
	c.edit(first, func(s *model.Session) { s.Actions[0].Review(today.Format(time.DateOnly), model.ActionDropped, "") })
	if code, out, errOut := c.run("actions", "--overdue"); code != 0 || out != "No overdue action in any session.\n" {
		t.Fatalf("nothing overdue: exit %d, %q, %q", code, out, errOut)
	}

	// A session that cannot be read cannot be called on time.
	if err := os.WriteFile(filepath.Join(c.data, "sessions", "broken-zzzz.toml"), []byte("schema_version = 2\n[meta\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := c.run("actions", "--overdue"); code != 1 || !strings.Contains(errOut, "broken-zzzz.toml") ||
		!strings.Contains(errOut, "1 session cannot be read") {
		t.Fatalf("a broken session: exit %d, %q", code, errOut)
	}
	if code, _, _ := c.run("actions"); code != 0 {
		t.Fatalf("without --overdue a broken session is only reported: exit %d", code)
	}
}
