package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
