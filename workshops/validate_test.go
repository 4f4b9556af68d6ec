package workshops

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roundtable/roundtable/model"
)

func readFixture(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "valid.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestTheFixtureIsValid(t *testing.T) {
	if problems := Validate("valid.toml", []byte(readFixture(t))); len(problems) > 0 {
		t.Fatalf("the valid fixture has problems: %v", problems)
	}
}

// Each rule of `roundtable validate` has a broken template and the line the
// facilitator is sent to.
func TestValidateReportsEachProblemAtItsLine(t *testing.T) {
	valid := readFixture(t)
	tests := []struct {
		name     string
		old, new string
		line     int
		col      int
		want     string
	}{
		{"TOML syntax", `name = "Marketing"`, `name = Marketing`, 21, 8, "expected"},
		{"unknown key", "timebox = 10\n", "timebox = 10\npromts = [\"Who?\"]\n", 9, 0, `unknown key "steps.promts"`},
		{"unknown step kind", `kind = "drill"`, `kind = "dril"`, 11, 0, `kind "dril"`},
		{"duplicate role id", "id = \"mkt\"\nname = \"Marketing\"", "id = \"it\"\nname = \"Marketing\"", 19, 0, `duplicate role id "it"`},
		{"inject out of order", "minute = 20", "minute = -1\n", 49, 0, "before the one above it"},
		{"inject past the end", "minute = 20", "minute = 45", 49, 0, "after the drill ends at minute 30"},
		{"suggestion names an unknown role", `suggested = { it = "A", mkt = "C" }`, `suggested = { it = "A", pr = "C" }`, 26, 0, `the role "pr"`},
		{"duty names an unknown role", "role = \"mkt\"", "role = \"comms\"", 31, 0, `the role "comms"`},
		{"empty catalogue", "", "", 28, 0, "empty catalogue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(valid, tt.old, tt.new, 1)
			if tt.old == "" {
				// Cut every scenario: the drill step has nothing to run.
				src, _, _ = strings.Cut(valid, "[[drill.scenario]]")
			}
			if src == valid {
				t.Fatal("the fixture did not change; the test is broken")
			}
			problems := Validate("broken.toml", []byte(src))
			if len(problems) == 0 {
				t.Fatal("Validate found no problem")
			}
			for _, p := range problems {
				if strings.Contains(p.Message, tt.want) {
					if tt.line != 0 && p.Line != tt.line {
						t.Errorf("the problem %q is reported at line %d, want %d", p.Message, p.Line, tt.line)
					}
					if tt.col != 0 && p.Col != tt.col {
						t.Errorf("the problem %q is reported at column %d, want %d", p.Message, p.Col, tt.col)
					}
					if !strings.HasPrefix(p.String(), "broken.toml:") {
						t.Errorf("the problem does not name the file: %s", p)
					}
					return
				}
			}
			t.Fatalf("no problem mentions %q: %v", tt.want, problems)
		})
	}
}

func TestUserTemplateOverridesBuiltInAndBrokenOneIsListed(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "workshops"), 0o700); err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(readFixture(t), `name = "mini"`, `name = "`+Default+`"`, 1)
	own = strings.Replace(own, `title = "Mini workshop"`, `title = "Our own default"`, 1)
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, "workshops", name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("ours.toml", own)
	write("broken.toml", "name = \"broken\"\ntitle = oops\n")

	c := Load(dir)
	w, err := c.Get(Default)
	if err != nil {
		t.Fatal(err)
	}
	if w.Title != "Our own default" {
		t.Errorf("Get(%q) gave %q, want the user's template", Default, w.Title)
	}
	var sawOverride, sawBroken, sawSelf bool
	for _, e := range c.List() {
		switch {
		case e.Name == Default:
			sawOverride = e.Overrides && strings.HasSuffix(e.Source, "ours.toml")
		case e.Name == "broken":
			sawBroken = e.Err != nil && strings.Contains(e.Err.Error(), "broken.toml:2")
		case e.Name == SelfAssessment:
			sawSelf = e.Source == BuiltIn && e.Err == nil
		}
	}
	if !sawOverride {
		t.Error("the list does not show the user's default as replacing the built-in one")
	}
	if !sawBroken {
		t.Errorf("the broken template is not listed with its error and line: %+v", c.List())
	}
	if !sawSelf {
		t.Error("the built-in self-assessment is missing from the list")
	}
	if _, err := c.Get("broken"); err == nil {
		t.Error("a broken template can be used")
	}
}

func TestGetReturnsACopy(t *testing.T) {
	c := Load(t.TempDir())
	a, err := c.Get(Default)
	if err != nil {
		t.Fatal(err)
	}
	a.Steps[0].Title = "changed"
	b, _ := c.Get(Default)
	if b.Steps[0].Title == "changed" {
		t.Error("changing one session's workshop changed the catalog")
	}
}

func TestSampleNeedsAKnownWorkshop(t *testing.T) {
	s := model.New("x", model.Meta{Title: "X"}, model.Workshop{Name: "nobody-has-this"})
	if err := Sample(s); err == nil || !strings.Contains(err.Error(), Default) {
		t.Fatalf("want an error naming the workshops with samples, got %v", err)
	}
}
