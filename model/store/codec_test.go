package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
)

func TestRoundTripRandomSessions(t *testing.T) {
	for seed := range uint64(400) {
		want := modeltest.Random(rand.New(rand.NewPCG(seed, 1)))
		data, err := Encode(want)
		if err != nil {
			t.Fatalf("seed %d: encode: %v", seed, err)
		}
		got, rep, err := Decode(data)
		if err != nil {
			t.Fatalf("seed %d: decode: %v", seed, err)
		}
		if len(rep.Unknown) > 0 || rep.Migrated {
			t.Fatalf("seed %d: report %+v, want nothing unknown and no migration", seed, rep)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: session changed on the way through the file:\n%s", seed, firstDifference(want, got))
		}
	}
}

// firstDifference names the first field where two sessions differ, so a
// failing round trip points at the text that broke.
func firstDifference(want, got *model.Session) string {
	var walk func(path string, a, b reflect.Value) string
	walk = func(path string, a, b reflect.Value) string {
		if reflect.DeepEqual(a.Interface(), b.Interface()) {
			return ""
		}
		switch a.Kind() {
		case reflect.Struct:
			if a.Type() != reflect.TypeFor[time.Time]() {
				for i := range a.NumField() {
					if d := walk(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); d != "" {
						return d
					}
				}
			}
		case reflect.Slice:
			if a.Len() == b.Len() {
				for i := range a.Len() {
					if d := walk(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
						return d
					}
				}
			}
		}
		return fmt.Sprintf("%s: want %#v\n got %#v", path, a.Interface(), b.Interface())
	}
	return walk("Session", reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem())
}

func TestHostileTextSurvives(t *testing.T) {
	texts := []string{
		"", "plain", "two\nlines", "\n", "\n\n", "\nleading newline", "trailing newline\n",
		"windows\r\nline ends\r\n", "old mac\rline end", "tab\there", "\x00\x01\x1b[31mred\x7f",
		`"""`, `""""""`, "line\n\"\"\"\nline", `ends with a quote"`, "ends with two\n\"\"", "ends with three\n\"\"\"",
		`back\slash`, "ends with a backslash\\", "backslash before newline\\\nnext", `\n is not a newline`, `\u0041`,
		"'''literal'''", "# not a comment\n[not.a.table]\n[[nor.this]]\nkey = \"value\"",
		"emoji 😀👍🏽👨‍👩‍👧🇪🇺", "مرحبا بالعالم\nשלום עולם", "\u202eright to left\u202c", "\ufeffbom inside", "\u2028\u2029\u0085",
		"\uFFFD replacement", strings.Repeat("long line ", 1000), strings.Repeat("many\n", 2000),
	}
	for _, text := range texts {
		want := session("hostile-aaaa", text, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		want.Meta.Facilitator = text + "\n" + text
		want.Risks = append(want.Risks, model.Risk{Title: text, Mitigation: model.Text(text), Notes: model.Text(text + "\n" + text)})
		want.RACI.Activities = append(want.RACI.Activities, model.Activity{Name: text, Cells: map[string]model.Letter{text: model.Letter(text)}})
		want.Workshop.Steps[0].Prompts = []string{text, text}
		data, err := Encode(want)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		got, rep, err := Decode(data)
		if err != nil {
			t.Fatalf("%q: %v\n%s", text, err, data)
		}
		if !reflect.DeepEqual(got, want) || len(rep.Unknown) > 0 {
			t.Errorf("%q did not survive the file:\n%s", text, firstDifference(want, got))
		}
	}
}

func TestFileLayout(t *testing.T) {
	sess := modeltest.Large()
	data, err := Encode(sess)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.HasPrefix(text, "# Roundtable session file.\n") || !strings.Contains(text, `".bak"`) || !strings.Contains(text, "rewrites this file") {
		t.Errorf("the file does not open with the header:\n%s", text[:300])
	}
	var keys []string
	for line := range strings.SplitSeq(text, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			keys = append(keys, line)
		}
	}
	if keys[0] != fmt.Sprintf("schema_version = %d", model.SchemaVersion) {
		t.Errorf("first key is %q, want schema_version", keys[0])
	}
	// Sections follow the order of the session's fields.
	last := -1
	for _, section := range []string{"[meta]", "[[participants]]", "[listen]", "[objectives]", "[raci]", "[[risks]]", "[drill]",
		"[[assessment]]", "[[actions]]", "[workshop]"} {
		i := strings.Index(text, "\n"+section+"\n")
		if i <= last {
			t.Errorf("section %s is at %d, not after the one before it (%d)", section, i, last)
		}
		last = i
	}
	// Free text is written as lines a person can read.
	want := "mitigation = \"\"\"\n" + string(sess.Risks[0].Mitigation) + "\"\"\"\n"
	if strings.Contains(string(sess.Risks[0].Mitigation), "\n") && !strings.Contains(text, want) {
		t.Errorf("multi-line text is not written as lines: want %q", want)
	}
	again, _ := Encode(sess)
	if !bytes.Equal(again, data) {
		t.Error("the same session encodes to different bytes")
	}
}

// TestPythonReadsSessionFiles checks that a second, independent TOML parser
// reads every value of a session file as Roundtable does.
func TestPythonReadsSessionFiles(t *testing.T) {
	python := pythonWithTOML(t)
	dir := t.TempDir()
	var files []string
	for seed := range uint64(30) {
		data, err := Encode(modeltest.Random(rand.New(rand.NewPCG(seed, 7))))
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, fmt.Sprintf("%d.toml", seed))
		if err := os.WriteFile(f, data, 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	large, _ := Encode(modeltest.Large())
	files = append(files, filepath.Join(dir, "large.toml"))
	os.WriteFile(files[len(files)-1], large, 0o600)

	const script = `
import json, sys, tomllib, datetime
def fix(v):
    if isinstance(v, datetime.datetime):
        u = v.astimezone(datetime.timezone.utc)
        # strftime leaves the zeros off a year before 1000, as in the
        # zero time of a drill clock that is not running.
        return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (u.year, u.month, u.day, u.hour, u.minute, u.second)
    if isinstance(v, dict):
        return {k: fix(x) for k, x in v.items()}
    if isinstance(v, list):
        return [fix(x) for x in v]
    return v
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        print(json.dumps(fix(tomllib.load(f))))
`
	cmd := exec.Command(python, append([]string{"-c", script}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3 could not read the session files: %v\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(files) {
		t.Fatalf("python3 printed %d documents for %d files", len(lines), len(files))
	}
	for i, f := range files {
		data, _ := os.ReadFile(f)
		var raw map[string]any
		if _, err := toml.Decode(string(data), &raw); err != nil {
			t.Fatal(err)
		}
		var fromGo, fromPython any
		goJSON, err := json.Marshal(jsonable(raw))
		if err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(goJSON, &fromGo)
		if err := json.Unmarshal([]byte(lines[i]), &fromPython); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fromGo, fromPython) {
			t.Errorf("%s: python3 reads different values than Roundtable", filepath.Base(f))
		}
	}
}

// pythonWithTOML finds Python 3.11 or later, whose tomllib is the second
// parser. CI (CI set, as .ci/run runs) must have it; elsewhere, a machine
// with only Go skips the test and says why.
func pythonWithTOML(t *testing.T) string {
	t.Helper()
	missing := func(why string) {
		t.Helper()
		msg := why + "; this test reads session files with Python's tomllib, a second TOML parser: install Python 3.11 or later to run it"
		if os.Getenv("CI") != "" {
			t.Fatal(msg + " (CI is set, so it may not be skipped)")
		}
		t.Skip(msg)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		missing("python3 is not on PATH")
	}
	if out, err := exec.Command(python, "-c", "import tomllib").CombinedOutput(); err != nil {
		v, _ := exec.Command(python, "--version").CombinedOutput()
		missing(fmt.Sprintf("%s has no tomllib (%s)", strings.TrimSpace(string(v)), strings.TrimSpace(lastLineOf(string(out)))))
	}
	return python
}

func lastLineOf(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// jsonable turns decoded TOML into what Python's json.dumps prints for it.
func jsonable(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = jsonable(x)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = jsonable(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = jsonable(x)
		}
		return out
	case time.Time:
		return v.UTC().Format("2006-01-02T15:04:05Z")
	}
	return v
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name      string
		doc       string
		line, col int
		msg       string
	}{
		{"syntax", "schema_version = 1\n\n[meta]\ntitle = \"a\" \"b\"\n", 4, 12, "expected a top-level item"},
		{"unterminated string", "schema_version = 1\n[meta]\ntitle = \"open\n", 3, 14, "newline"},
		{"wrong type", "schema_version = 1\n[meta]\n  title = 42\n", 3, 3, "meta.title"},
		{"wrong type in a list", "schema_version = 1\n[[risks]]\nlikelihood = \"high\"\n", 3, 1, "risks.likelihood"},
		{"invalid UTF-8", "schema_version = 1\n[meta]\ntitle = \"\xff\"\n", 3, 0, "UTF-8"},
		{"empty", "  \n", 1, 1, "empty"},
		{"version not a number", "schema_version = \"one\"\n", 1, 1, "whole number"},
		{"deep arrays", "x = " + strings.Repeat("[", 100000), 1, 4 + maxNesting + 1, "nest"},
		{"deep inline tables", "x = " + strings.Repeat("{a=", 100000), 1, 0, "nest"},
		{"long dotted key", strings.Repeat("a.", 100000) + "a = 1", 1, 0, "nest"},
		{"long dotted header", "[" + strings.Repeat("a.", 100000) + "a]", 1, 0, "nest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// How quickly a hostile file is refused is a budget:
			// BenchmarkRefuseHostile in ui/perf.
			_, _, err := Decode([]byte(tt.doc))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *ParseError", err)
			}
			if pe.Line != tt.line || (tt.col != 0 && pe.Col != tt.col) || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("got %d:%d %q, want %d:%d and %q", pe.Line, pe.Col, pe.Msg, tt.line, tt.col, tt.msg)
			}
		})
	}
}

func TestNestingCheckIgnoresText(t *testing.T) {
	sess := session("dots-aaaa", strings.Repeat(".", 500), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	sess.Risks = []model.Risk{{Mitigation: model.Text(strings.Repeat("[{.", 500) + "\n" + strings.Repeat("'\"", 100))}}
	sess.Meta.Organisation = strings.Repeat(`\"[`, 300)
	data, err := Encode(sess)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Decode(data); err != nil {
		t.Errorf("brackets and dots inside text were taken for nesting: %v", err)
	}
}

func TestUnknownKeysReported(t *testing.T) {
	data, _ := Encode(session("unknown-aaaa", "Unknown", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))
	doc := strings.Replace(string(data), "[meta]\n", "[meta]\nmood = \"tense\"\n", 1) +
		"\n[plugin]\nname = \"x\"\n[plugin.settings]\nlevel = 3\n"
	sess, rep, err := Decode([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rep.Unknown, " "); got != "meta.mood plugin" {
		t.Errorf("unknown keys %q, want %q", got, "meta.mood plugin")
	}
	if sess.Meta.Title != "Unknown" {
		t.Errorf("the known keys were not read: %+v", sess.Meta)
	}
}

func TestLocalTimesComeBackInUTC(t *testing.T) {
	doc := "schema_version = 1\n[meta]\ncreated = 2026-05-01T10:00:00+02:00\nupdated = 2026-05-01T09:30:00\n"
	sess, _, err := Decode([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC); !sess.Meta.Created.Equal(want) || sess.Meta.Created.Location() != time.UTC {
		t.Errorf("created %v, want %v", sess.Meta.Created, want)
	}
	data, _ := Encode(sess)
	again, _, _ := Decode(data)
	if !reflect.DeepEqual(again.Meta, sess.Meta) {
		t.Errorf("times changed across a save: %+v then %+v", sess.Meta, again.Meta)
	}
}

func TestLoadRefusesHugeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.toml")
	f, _ := os.Create(path)
	f.Truncate(maxFileSize + 1)
	f.Close()
	_, _, err := Load(path)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "MiB") {
		t.Errorf("a 32 MiB file gives %v, want a refusal naming the file and the limit", err)
	}
}

// decodeWithLibrary reads a session file with the general TOML library only.
func decodeWithLibrary(data []byte) (*model.Session, toml.MetaData, error) {
	var sess model.Session
	md, err := toml.Decode(string(data), &sess)
	normalise(&sess)
	return &sess, md, err
}

// TestFastCodecAgreesWithLibrary checks that the files Roundtable writes are
// all read by the fast decoder, and that the fast encoder and decoder mean
// exactly what the TOML library means.
func TestFastCodecAgreesWithLibrary(t *testing.T) {
	// Empty but present lists and maps come back empty, not absent.
	empties := session("empty-aaaa", "Empties", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	empties.Participants = []model.Participant{}
	empties.RACI.Activities = []model.Activity{{Cells: map[string]model.Letter{}}}
	empties.Drill.Runs = []model.DrillRun{{Checklist: map[string]model.Check{}, Messages: []model.Message{{Checks: map[string]model.Check{}}}, Log: []model.LogEntry{}}}
	empties.Workshop.Steps[0].Prompts = []string{}
	sessions := []*model.Session{modeltest.Large(), empties}
	for seed := range uint64(200) {
		sessions = append(sessions, modeltest.Random(rand.New(rand.NewPCG(seed, 99))))
	}
	for i, want := range sessions {
		data, err := Encode(want)
		if err != nil {
			t.Fatal(err)
		}
		var fast model.Session
		if _, err := decodeFast(data, reflect.ValueOf(&fast).Elem()); err != nil {
			t.Fatalf("session %d: the fast decoder refused a file Roundtable wrote: %v", i, err)
		}
		normalise(&fast)
		lib, md, err := decodeWithLibrary(data)
		if err != nil {
			t.Fatalf("session %d: the library cannot read the fast encoder's file: %v", i, err)
		}
		if len(md.Undecoded()) > 0 {
			t.Fatalf("session %d: the library finds unknown keys %v", i, md.Undecoded())
		}
		if !reflect.DeepEqual(lib, want) {
			t.Fatalf("session %d: the library reads the file differently:\n%s", i, firstDifference(want, lib))
		}
		if !reflect.DeepEqual(&fast, lib) {
			t.Fatalf("session %d: fast decoder and library disagree:\n%s", i, firstDifference(lib, &fast))
		}
	}
}

func TestFastDecoderHandsOverWhatItDoesNotKnow(t *testing.T) {
	base := "schema_version = 1\nid = \"x\"\n[meta]\ntitle = \"t\"\n"
	tests := map[string]string{
		"unknown key":         base + "mood = \"tense\"\n",
		"repeated key":        base + "title = \"again\"\n",
		"repeated table":      base + "[meta]\n",
		"literal string":      base + "organisation = 'Acme'\n",
		"dotted key":          base + "created.x = 1\n",
		"CRLF":                strings.ReplaceAll(base, "\n", "\r\n"),
		"multi-line array":    base + "[workshop.listen]\nplatforms = [\n\"a\"]\n",
		"local time":          base + "created = 2026-01-01T10:00:00\n",
		"offset time":         base + "created = 2026-01-01T10:00:00+02:00\n",
		"wrong type":          base + "facilitator = 3\n",
		"leading zero":        "schema_version = 01\n",
		"line-end backslash":  base + "date = \"\"\"a\\\n  b\"\"\"\n",
		"table on a list":     base + "[risks]\n",
		"list item first":     base + "[risks.x]\n",
		"case-folded key":     base + "Facilitator = \"f\"\n",
		"inline table":        base + "[raci]\nroles = [{id = \"r\"}]\n",
		"map entry with keys": base + "[drill]\n[[drill.runs]]\n[drill.runs.checklist]\nk = 1\n",
		"extended empty list": "schema_version = 1\nparticipants = []\n[[participants]]\nname = \"x\"\n",
		"nested empty list":   "schema_version = 1\n[[drill.runs]]\nlog = []\n[[drill.runs.log]]\n",
		"list with items":     "schema_version = 1\nparticipants = [{name = \"x\"}]\n",
	}
	for name, doc := range tests {
		var sess model.Session
		if _, err := decodeFast([]byte(doc), reflect.ValueOf(&sess).Elem()); !errors.Is(err, errUnsupported) {
			t.Errorf("%s: the fast decoder accepted\n%s", name, doc)
		}
	}
}

func TestHandEditedFileIsRead(t *testing.T) {
	doc := "# edited in Notepad\r\nschema_version = 1\r\nid = 'edited-aaaa'\r\n\r\n[meta]\r\ntitle = 'C:\\path'  # a literal string\r\n" +
		"created = 2026-01-01 10:00:00Z\r\n\r\n[workshop.listen]\r\nplatforms = [\r\n  \"Forums\",\r\n  'Blogs',\r\n]\r\n" +
		"[[risks]]\r\nlikelihood = +3\r\nmitigation = '''\r\nline one\r\nline two'''\r\n"
	sess, rep, err := Decode([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if sess.ID != "edited-aaaa" || sess.Meta.Title != `C:\path` || len(sess.Workshop.Listen.Platforms) != 2 ||
		len(sess.Risks) != 1 || sess.Risks[0].Mitigation != "line one\r\nline two" || len(rep.Unknown) != 0 ||
		!sess.Meta.Created.Equal(time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("a hand-edited file read as %+v, %+v", sess, rep)
	}
}

func TestInvalidUTF8IsWrittenAsReplacementCharacter(t *testing.T) {
	sess := session("bytes-aaaa", "bad \xff byte", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	sess.Risks = []model.Risk{{Title: "\xc3", Mitigation: "two\nlines \xfe\xff"}}
	sess.RACI.Activities = []model.Activity{{Cells: map[string]model.Letter{"r\xff": "A"}}}
	data, err := Encode(sess)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := Decode(data)
	if err != nil {
		t.Fatalf("a session with invalid UTF-8 was written as a file that does not load: %v", err)
	}
	if got.Meta.Title != "bad \uFFFD byte" || got.Risks[0].Title != "\uFFFD" || got.Risks[0].Mitigation != "two\nlines \uFFFD\uFFFD" ||
		got.RACI.Activities[0].Cells["r\uFFFD"] != "A" {
		t.Errorf("invalid bytes came back as %q %q %q %v", got.Meta.Title, got.Risks[0].Title, got.Risks[0].Mitigation, got.RACI.Activities[0].Cells)
	}
}

func TestPlanRefusesShapesItDoesNotKnow(t *testing.T) {
	type inner struct{ A string }
	tests := map[string]any{
		"float":     struct{ F float64 }{},
		"pointer":   struct{ P *inner }{},
		"interface": struct{ I any }{},
		"embedded":  struct{ inner }{},
		"omitempty": struct {
			S string `toml:"s,omitempty"`
		}{},
		"time slice":  struct{ T []time.Time }{},
		"text slice":  struct{ T []model.Text }{},
		"int map":     struct{ M map[string]int }{},
		"small int":   struct{ N int8 }{},
		"duration":    struct{ D time.Duration }{},
		"json number": struct{ N []json.Number }{},
		"nested bad":  struct{ X []struct{ F float32 } }{},
	}
	for name, v := range tests {
		if _, err := planFor(reflect.TypeOf(v)); !errors.Is(err, errUnsupported) {
			t.Errorf("%s: the fast codec took a shape it does not handle", name)
		}
	}
	if _, err := planFor(reflect.TypeFor[model.Session]()); err != nil {
		t.Errorf("the session itself is not handled by the fast codec: %v", err)
	}
}

func TestFastDecoderReadsValidVariations(t *testing.T) {
	docs := map[string]string{
		"table after its sub-table": "schema_version = 1\n[[drill.runs]]\nclock = 5\n[drill.runs.review]\nfailed = \"x\"\n[drill]\n",
		"quoted keys and headers":   "schema_version = 1\n[\"meta\"]\n\"title\" = \"t\"\n[[raci.activities]]\n[raci.activities.\"cells\"]\n\"role one\" = \"A\"\n\"\" = \"R\"\n",
		"map of tables":             "schema_version = 1\n[[drill.runs]]\n[drill.runs.checklist.\"a b\"]\nmet = true\n[drill.runs.checklist.c]\nwhy = \"\"\n",
		"escapes":                   "schema_version = 1\n[meta]\ntitle = \"\\U0001F600 \\u00e9 \\b\\f\\r\\t\\\\ \\\"\"\n",
		"quotes before delimiter":   "schema_version = 1\n[[risks]]\nnotes = \"\"\"\na\"\"\"\"\"\nmitigation = \"\"\"b\"\"\"\"\n",
		"comments and blanks":       "# head\n\nschema_version = 1 # version\n  [ meta ]  # meta\n\ttitle=\"t\"#c\n\n[[ risks ]]\n",
		"arrays":                    "schema_version = 1\n[workshop.listen]\nplatforms = [ \"a\" , \"b\", ]\nplaces = []\n",
		"times and numbers":         "schema_version = 1\nstep = -0\n[meta]\ncreated = 2026-01-01T10:00:00.123456789Z\nupdated = 0001-01-01T00:00:00Z\n",
		"no final newline":          "schema_version = 1\n[meta]\ntitle = \"t\"",
	}
	for name, doc := range docs {
		var fast model.Session
		if _, err := decodeFast([]byte(doc), reflect.ValueOf(&fast).Elem()); err != nil {
			t.Errorf("%s: the fast decoder refused\n%s", name, doc)
			continue
		}
		normalise(&fast)
		lib, md, err := decodeWithLibrary([]byte(doc))
		if err != nil || len(md.Undecoded()) > 0 {
			t.Errorf("%s: the library gives %v, unknown %v", name, err, md.Undecoded())
			continue
		}
		if !reflect.DeepEqual(&fast, lib) {
			t.Errorf("%s: fast decoder and library disagree:\n%s", name, firstDifference(lib, &fast))
		}
	}
}
