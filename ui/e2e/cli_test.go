package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// roundtable runs the binary off a terminal with the given environment.
func roundtable(t *testing.T, env []string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	return roundtableTB(t, env, args...)
}

func roundtableTB(t testing.TB, env []string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.Command(binary, args...)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return out.String(), errOut.String(), err
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func sessionsDir(home string) string { return filepath.Join(home, "data", "roundtable", "sessions") }

func TestNewOffTerminalPrintsIDAndListShowsIt(t *testing.T) {
	home := t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtable(t, env, "new", "Acme social media roles")
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := lastLine(out)
	if !strings.HasPrefix(id, "acme-social-media-roles-") {
		t.Fatalf("new printed %q as its last line, want the new session's id", id)
	}
	if _, err := os.Stat(filepath.Join(sessionsDir(home), id+".toml")); err != nil {
		t.Fatalf("the session file is not where the README says: %v", err)
	}
	out, _, err = roundtable(t, env, "list")
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	if !strings.Contains(out, id) || !strings.Contains(out, "Acme social media roles") {
		t.Fatalf("list does not show the new session:\n%s", out)
	}
}

func TestDataDirFlagAndEnvironment(t *testing.T) {
	env := testEnv(t, t.TempDir())
	dir := filepath.Join(t.TempDir(), "stick")
	out, _, err := roundtable(t, env, "--data-dir", dir, "new", "On a stick", "--no-open")
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "sessions", lastLine(out)+".toml")); err != nil {
		t.Fatalf("--data-dir was not used: %v", err)
	}
	out, _, err = roundtable(t, append(env, "ROUNDTABLE_DATA_DIR="+dir), "list")
	if err != nil || !strings.Contains(out, "On a stick") {
		t.Fatalf("ROUNDTABLE_DATA_DIR was not used (err %v):\n%s", err, out)
	}
}

func TestListShowsABrokenFileWithItsLine(t *testing.T) {
	home := t.TempDir()
	env := testEnv(t, home)
	if _, _, err := roundtable(t, env, "new", "Good one"); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(sessionsDir(home), "broken-zzzz.toml")
	if err := os.WriteFile(broken, []byte("schema_version = 1\nid = \"broken-zzzz\"\n[meta\ntitle = 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, err := roundtable(t, env, "list")
	if err != nil {
		t.Fatalf("list failed on a broken file instead of listing it: %v", err)
	}
	if !strings.Contains(out, "Good one") {
		t.Errorf("list lost the good session:\n%s", out)
	}
	if !strings.Contains(out, "broken-zzzz.toml") || !strings.Contains(out, ":3:") {
		t.Errorf("list does not name the broken file and its line 3:\n%s", out)
	}
}

func TestAmbiguousPrefixListsBoth(t *testing.T) {
	env := testEnv(t, t.TempDir())
	a, _, _ := roundtable(t, env, "new", "Acme one")
	b, _, _ := roundtable(t, env, "new", "Acme two")
	_, stderr, err := roundtable(t, env, "open", "acme", "--read-only")
	if err == nil {
		t.Fatal("open with a prefix of two sessions succeeded")
	}
	for _, id := range []string{lastLine(a), lastLine(b)} {
		if !strings.Contains(stderr, id) {
			t.Errorf("the error does not list %s:\n%s", id, stderr)
		}
	}
}

func TestNewWithUnknownWorkshopNamesTheKnownOnes(t *testing.T) {
	env := testEnv(t, t.TempDir())
	_, stderr, err := roundtable(t, env, "new", "X", "--workshop", "nope")
	if err == nil || !strings.Contains(stderr, "default") {
		t.Fatalf("want an error naming the known workshops, got %v:\n%s", err, stderr)
	}
}

func TestNewSampleIsListedWithProgress(t *testing.T) {
	env := testEnv(t, t.TempDir())
	if _, _, err := roundtable(t, env, "new", "Explore", "--sample"); err != nil {
		t.Fatalf("new --sample: %v", err)
	}
	out, _, err := roundtable(t, env, "list")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Explore") || strings.Contains(out, " 0/") {
		t.Fatalf("the sample session is listed without progress:\n%s", out)
	}
}

func TestWorkshopsAndValidate(t *testing.T) {
	home := t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtable(t, env, "workshops")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"default", "self-assessment", "built-in"} {
		if !strings.Contains(out, want) {
			t.Errorf("workshops does not list %q:\n%s", want, out)
		}
	}
	bad := filepath.Join(home, "bad.toml")
	if err := os.WriteFile(bad, []byte("name = \"x\"\n[[steps]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := roundtable(t, env, "validate", bad)
	if err == nil {
		t.Fatal("validate accepted a broken template")
	}
	if !strings.Contains(stderr, "bad.toml:2:") {
		t.Errorf("validate does not give the line of the problem:\n%s", stderr)
	}
}

func TestVersionHelpAndCompletion(t *testing.T) {
	env := testEnv(t, t.TempDir())
	out, _, err := roundtable(t, env, "--version")
	if err != nil || !strings.HasPrefix(out, "roundtable version ") {
		t.Fatalf("--version printed %q (%v)", out, err)
	}
	for _, c := range []string{"new", "open", "list", "workshops", "validate", "completion"} {
		out, _, err := roundtable(t, env, c, "--help")
		if err != nil || !strings.Contains(out, "Usage:") {
			t.Errorf("%s --help printed %q (%v)", c, out, err)
		}
	}
	out, _, err = roundtable(t, env, "completion", "bash")
	if err != nil || !strings.Contains(out, "__start_roundtable") {
		t.Errorf("completion bash printed no completion script (%v)", err)
	}
}

func TestOffTerminalHomeScreenExplains(t *testing.T) {
	env := testEnv(t, t.TempDir())
	_, stderr, err := roundtable(t, env)
	if err == nil || !strings.Contains(stderr, "terminal") {
		t.Fatalf("want an error saying a terminal is needed, got %v:\n%s", err, stderr)
	}
}

// TestSessionKeepsItsTemplate changes and then deletes the user template a
// session was made from: the session keeps the copy it was made with.
func TestSessionKeepsItsTemplate(t *testing.T) {
	home := t.TempDir()
	env := testEnv(t, home)
	dir := filepath.Join(home, "config", "roundtable", "workshops")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	builtIn, err := os.ReadFile(filepath.Join("..", "..", "assets", "workshops", "self-assessment.toml"))
	if err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(string(builtIn), `name = "self-assessment"`, `name = "ours"`, 1)
	own = strings.Replace(own, `title = "Team self-assessment: IT and the business, side by side"`, `title = "Our own check"`, 1)
	template := filepath.Join(dir, "ours.toml")
	if err := os.WriteFile(template, []byte(own), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, err := roundtable(t, env, "new", "Kept", "--workshop", "ours")
	if err != nil {
		t.Fatalf("new with a user template: %v\n%s", err, out)
	}
	id := lastLine(out)
	if err := os.Remove(template); err != nil {
		t.Fatal(err)
	}
	out, _, err = roundtable(t, env, "list")
	if err != nil || !strings.Contains(out, "ours") || strings.Contains(out, " 0/0") {
		t.Fatalf("after the template was deleted, list shows (err %v):\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(sessionsDir(home), id+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `title = "Our own check"`) {
		t.Fatal("the session file does not carry a copy of its template")
	}
}

func TestListKeepsLongTitlesToTheirColumn(t *testing.T) {
	env := testEnv(t, t.TempDir())
	long := strings.Repeat("A very long title ", 12)
	if _, _, err := roundtable(t, env, "new", long, "--no-open"); err != nil {
		t.Fatal(err)
	}
	out, _, err := roundtable(t, env, "list")
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if n := len([]rune(line)); n > 160 {
			t.Errorf("a line of %d characters:\n%s", n, line)
		}
	}
	if !strings.Contains(out, "A very long title A very long title A v…") {
		t.Errorf("the title is not cut with an ellipsis:\n%s", out)
	}
}

// TestListKeepsColumnsInLineWithWideCharacters: an emoji or CJK title takes
// two cells a character; the columns after it stay in line.
func TestListKeepsColumnsInLineWithWideCharacters(t *testing.T) {
	env := testEnv(t, t.TempDir())
	for _, title := range []string{"Who owns social? 🚀", "社交媒体 计划", "Plain"} {
		if _, _, err := roundtable(t, env, "new", title, "--no-open"); err != nil {
			t.Fatal(err)
		}
	}
	out, _, err := roundtable(t, env, "list")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := -1
	for _, l := range lines {
		i := strings.Index(l, "default")
		if i < 0 {
			i = strings.Index(l, "WORKSHOP")
		}
		col := ansi.StringWidth(l[:i])
		if want < 0 {
			want = col
		}
		if col != want {
			t.Errorf("the workshop column starts at cell %d here, %d in the header:\n%s", col, want, out)
		}
	}
}
