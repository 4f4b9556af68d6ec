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

// want is one problem a broken fixture must report: its line, its column
// (0 when the rule has none) and words of its message.
type want struct {
	line, col int
	words     string
}

// Each rule of `roundtable validate` has a broken template in
// testdata/invalid/ and the lines the facilitator is sent to. A fixture
// reports exactly these problems: a rule that fires on the wrong file, or a
// cascade of follow-on problems, fails the test as surely as a missed one.
func TestValidateReportsEachProblemAtItsLine(t *testing.T) {
	tests := map[string][]want{
		"syntax":                        {{22, 8, `expected value but found "Marketing"`}},
		"wrong-type":                    {{14, 0, `"steps.timebox" has the wrong type: it is text in quotes but must be a whole number`}},
		"wrong-type-early-step":         {{9, 0, `"steps.timebox" has the wrong type: it is text in quotes but must be a whole number`}},
		"wrong-type-inject":             {{54, 0, `"drill.scenario.inject.minute" has the wrong type`}},
		"unknown-key":                   {{10, 0, `unknown key "steps.promts"`}},
		"unknown-table":                 {{38, 0, `unknown key "drill.checks"`}, {29, 0, "no fire-drill checklist"}},
		"unknown-kind":                  {{12, 0, `step 2 has the kind "dril"`}},
		"duplicate-kind":                {{11, 0, `step 2 repeats the kind "raci"`}},
		"duplicate-role":                {{20, 0, `duplicate role id "it"; it is already used at line 16`}, {27, 0, `the role "mkt"`}, {36, 0, `the role "mkt"`}},
		"duplicate-scenario":            {{59, 0, `duplicate scenario id "outage"; it is already used at line 42`}},
		"inject-order":                  {{77, 0, `inject 3 comes at minute 10, before the one above it (minute 25)`}},
		"inject-past-end":               {{54, 0, "minute 35, after the drill ends at minute 30"}},
		"unknown-role-suggestion":       {{27, 0, `suggests a letter for the role "pr"`}},
		"unknown-role-suggestion-table": {{32, 0, `suggests a letter for the role "comms"`}},
		"unknown-role-risk":             {{64, 0, `suggests the owner "web-team"`}},
		"unknown-role-duty":             {{36, 0, `suggests the role "comms"`}},
		"unknown-category":              {{64, 0, `the category "capacity", which is not in [risks] categories`}},
		"bad-letter":                    {{27, 0, `suggests "X" for "mkt"; a letter is R, A, C or I`}},
		"empty-catalogue":               {{29, 0, "the drill step has an empty catalogue"}},
		"no-audiences":                  {{29, 0, "no audiences"}},
		"no-steps":                      {{1, 0, "no steps"}},
		"bad-phrase":                    {{44, 0, `drill.phrases.source: phrase 2 ("* *") has no word`}, {44, 0, "drill.phrases.source: phrase 3 is empty"}},
	}
	files, err := filepath.Glob(filepath.Join("testdata", "invalid", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("%d fixtures in testdata/invalid, %d in the test: every fixture needs its expected lines", len(files), len(tests))
	}
	for name, wants := range tests {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join("testdata", "invalid", name+".toml")
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			problems := Validate(file, data)
			if len(problems) != len(wants) {
				t.Errorf("%d problems, want %d: %v", len(problems), len(wants), problems)
			}
			for _, w := range wants {
				found := false
				for _, p := range problems {
					if strings.Contains(p.Message, w.words) && p.Line == w.line && p.Col == w.col {
						found = true
					}
				}
				if !found {
					t.Errorf("no problem %q at line %d, column %d: %v", w.words, w.line, w.col, problems)
				}
			}
			for _, p := range problems {
				if !strings.HasPrefix(p.String(), file+":") {
					t.Errorf("the problem does not start with the file name: %s", p)
				}
			}
			if _, err := Parse(file, data); err == nil {
				t.Error("Parse accepted a template Validate rejects")
			}
		})
	}
}

func TestProblemReadsLikeACompilerMessage(t *testing.T) {
	for _, tt := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "a.toml", Line: 3, Col: 7, Message: "bad"}, "a.toml:3:7: bad"},
		{Problem{File: "a.toml", Line: 3, Message: "bad"}, "a.toml:3: bad"},
		{Problem{File: "a.toml", Message: "too big"}, "a.toml: too big"},
		{Problem{File: "a\x1b[2J.toml", Line: 1, Message: "bad\nkey \u009b\xff"}, "a\uFFFD[2J.toml:1: bad\uFFFDkey \uFFFD\uFFFD"},
	} {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v reads %q, want %q", tt.p, got, tt.want)
		}
	}
}

// A hostile file is refused before the decoder spends time on it.
func TestValidateRefusesHugeFiles(t *testing.T) {
	huge := []byte("name = \"" + strings.Repeat("x", maxTemplateSize) + "\"\n")
	problems := Validate("huge.toml", huge)
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "at most") {
		t.Fatalf("want one problem about the size, got %v", problems)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "workshops"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "workshops", "huge.toml"), huge, 0o600); err != nil {
		t.Fatal(err)
	}
	c := Load(dir)
	for _, e := range c.List() {
		if e.Name == "huge" && (e.Err == nil || !strings.Contains(e.Err.Error(), "at most")) {
			t.Errorf("the huge template is listed without its problem: %v", e.Err)
		}
	}
	if _, err := c.Get(Default); err != nil {
		t.Errorf("a huge user template stopped the built-ins: %v", err)
	}
}

// Validate sees any bytes at all: never a panic, and a problem for
// whatever it rejects names the file.
func FuzzValidate(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.toml"))
	files = append(files, filepath.Join("testdata", "valid.toml"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("[[]]\n[[a.]]\n[\"x\".'y']\nsuggested = {}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range Validate("f.toml", data) {
			if !strings.HasPrefix(p.String(), "f.toml") || p.Line < 0 || p.Col < 0 {
				t.Fatalf("bad problem %+v", p)
			}
			if strings.ContainsFunc(p.String(), func(r rune) bool { return r < 0x20 }) {
				t.Fatalf("the problem %q would reach the terminal with control characters", p.String())
			}
		}
	})
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

func TestValidateFile(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.toml")
	if err := os.WriteFile(huge, make([]byte, maxTemplateSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		file, want string
	}{
		{filepath.Join("testdata", "valid.toml"), ""},
		{filepath.Join("testdata", "invalid", "inject-past-end.toml"), ":54: "},
		{huge, ": the file is 4194305 bytes"},
		{filepath.Join(dir, "missing.toml"), ": cannot read the file: no such file"},
	} {
		problems := ValidateFile(tt.file)
		switch {
		case tt.want == "" && len(problems) > 0:
			t.Errorf("%s: %v", tt.file, problems)
		case tt.want != "" && (len(problems) != 1 || !strings.HasPrefix(problems[0].String(), tt.file+tt.want)):
			t.Errorf("%s: got %v, want one problem starting %q", tt.file, problems, tt.file+tt.want)
		}
	}
}
