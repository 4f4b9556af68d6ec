package plan

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
)

// readCSV reads a file as a spreadsheet would: after the byte-order mark,
// every record with as many fields as the header.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !utf8.Valid(data) {
		t.Fatal("the CSV is not valid UTF-8")
	}
	rest, ok := bytes.CutPrefix(data, []byte("\uFEFF"))
	if !ok {
		t.Fatal("the CSV does not start with a UTF-8 byte-order mark")
	}
	if !bytes.HasSuffix(rest, []byte("\r\n")) {
		t.Fatal("records do not end in CRLF")
	}
	records, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v", err)
	}
	return records
}

// cell is what a spreadsheet cell should hold of user text s: its line
// breaks as LF, no other control characters, and an apostrophe in front of
// anything a spreadsheet would take for a formula.
func cell(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case strings.HasPrefix(s[i:], "\r\n"):
			b.WriteByte('\n')
			n = 2
		case r == '\r', r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte('\t')
		case r < 0x20, r >= 0x7f && r < 0xa0:
		default:
			b.WriteRune(r)
		}
		i += n
	}
	out := b.String()
	first := strings.TrimLeftFunc(out, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) })
	if s != "" && (s[0] == '\t' || s[0] == '\r') || first != "" && strings.ContainsRune("=+-@", rune(first[0])) {
		out = "'" + out
	}
	return out
}

// TestFormulaGuardLooksAtTheFirstVisibleCharacter: a spreadsheet skips the
// white space and line breaks before a formula, so the guard does too.
func TestFormulaGuardLooksAtTheFirstVisibleCharacter(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1":                "'=1+1",
		"  =HYPERLINK(\"x\")": "'  =HYPERLINK(\"x\")",
		"\n@SUM(A1)":          "'\n@SUM(A1)",
		"\r\n+cmd":            "'\n+cmd",
		"\r":                  "'\n",
		"\t-2":                "'\t-2",
		"\u200b=1":            "'\u200b=1",
		" \u00a0 -1":          "' \u00a0 -1",
		"a = b":               "a = b",
		"  plain words":       "  plain words",
		"":                    "",
	} {
		if got := csvText(in); got != want {
			t.Errorf("csvText(%q) = %q, want %q", in, got, want)
		}
	}
}

func csvSessions(t *testing.T) []*model.Session {
	sessions := []*model.Session{sample(t), modeltest.Large()}
	for seed := range uint64(50) {
		sessions = append(sessions, modeltest.Random(rand.New(rand.NewPCG(seed, 17))))
	}
	return sessions
}

func TestRACICSVReadsBack(t *testing.T) {
	for i, s := range csvSessions(t) {
		rec := readCSV(t, RACICSV(s))
		roles := (&planner{s: s}).roles()
		if len(rec) != 1+len(s.RACI.Activities) {
			t.Fatalf("session %d: %d records, want a header and %d activities", i, len(rec), len(s.RACI.Activities))
		}
		head := []string{"Activity", "Area", "Key activity"}
		for _, r := range roles {
			head = append(head, cell(roleHeader(r)))
		}
		if !slices.Equal(rec[0], head) {
			t.Fatalf("session %d: header %q, want %q", i, rec[0], head)
		}
		for a, act := range s.RACI.Activities {
			want := []string{cell(act.Name), cell(act.Area), map[bool]string{true: "yes"}[act.Key]}
			for _, r := range roles {
				l := act.Cells[r.ID]
				if !l.Valid() {
					l = ""
				}
				want = append(want, string(l))
			}
			if !slices.Equal(rec[a+1], want) {
				t.Fatalf("session %d, activity %d: %q, want %q", i, a, rec[a+1], want)
			}
		}
	}
}

func TestRisksCSVReadsBack(t *testing.T) {
	for i, s := range csvSessions(t) {
		rec := readCSV(t, RisksCSV(s))
		if len(rec) != 1+len(s.Risks) {
			t.Fatalf("session %d: %d records, want a header and %d risks", i, len(rec), len(s.Risks))
		}
		for j, r := range s.Risks {
			want := []string{cell(r.Title), cell(r.Category), given(r.Likelihood), given(r.Impact),
				given(r.Score()), r.Band().String(), cell(s.RoleName(r.Owner)), cell(string(r.Treatment)),
				cell(string(r.Mitigation)), given(r.ResidualLikelihood), given(r.ResidualImpact),
				given(r.ResidualScore()), cell(string(r.Status)), cell(r.Review), cell(string(r.Notes))}
			if !slices.Equal(rec[j+1], want) {
				t.Fatalf("session %d, risk %d: %q, want %q", i, j, rec[j+1], want)
			}
		}
	}
}

// given is a score's cell: blank while it is not given.
func given(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func TestUnscoredResidualIsBlankNotZero(t *testing.T) {
	s := sample(t)
	s.Risks = []model.Risk{{Title: "Scored, not yet treated", Likelihood: 4, Impact: 3, Status: model.RiskOpen}, {Title: "Not scored yet"}}
	rec := readCSV(t, RisksCSV(s))
	for _, tc := range []struct {
		row  int
		want []string
	}{
		{1, []string{"4", "3", "12", "high", "", "", ""}},
		{2, []string{"", "", "", "unscored", "", "", ""}},
	} {
		r := rec[tc.row]
		got := []string{r[2], r[3], r[4], r[5], r[9], r[10], r[11]}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: likelihood, impact, score, band and residual %q, want %q", r[0], got, tc.want)
		}
	}
}

func TestActionsCSVReadsBack(t *testing.T) {
	for i, s := range csvSessions(t) {
		rec := readCSV(t, ActionsCSV(s))
		if len(rec) != 1+len(s.Actions) {
			t.Fatalf("session %d: %d records, want a header and %d actions", i, len(rec), len(s.Actions))
		}
		for j, a := range s.Actions {
			got := rec[j+1]
			if got[0] != cell(string(a.Text)) || got[1] != cell(s.RoleName(a.Owner)) || got[2] != cell(a.Due) {
				t.Fatalf("session %d, action %d: %q does not match %+v", i, j, got, a)
			}
			if want := string(a.State()); got[4] != cell(want) {
				t.Fatalf("session %d, action %d: status %q, want %q", i, j, got[4], want)
			}
		}
	}
}

func TestSampleCSVIsTheSessionAsTyped(t *testing.T) {
	s := sample(t)
	rec := readCSV(t, ActionsCSV(s))
	want := []string{"Give IT operations a consulted seat in planning promotions and launches, so it can answer for surge capacity.",
		"Executive sponsor", "2026-12-15", "Who does what", "open"}
	if !slices.Equal(rec[1], want) {
		t.Errorf("first action %q, want %q", rec[1], want)
	}
	rec = readCSV(t, RisksCSV(s))
	if rec[1][0] != s.Risks[0].Title || rec[1][4] != "20" || rec[1][5] != "critical" || rec[1][6] != "Customer support" {
		t.Errorf("first risk %q", rec[1])
	}
}

func TestFormulaTextStaysText(t *testing.T) {
	s := &model.Session{Actions: []model.ActionItem{
		{Text: "=HYPERLINK(\"http://evil.example\",\"click\")"}, {Text: "+1"}, {Text: "-2"}, {Text: "@SUM(A1)"},
		{Text: "line one\r\nline two\rthree"}, {Text: "bell\a and escape\x1b"},
	}}
	rec := readCSV(t, ActionsCSV(s))
	for i, want := range []string{"'=HYPERLINK(\"http://evil.example\",\"click\")", "'+1", "'-2", "'@SUM(A1)",
		"line one\nline two\nthree", "bell and escape"} {
		if rec[i+1][0] != want {
			t.Errorf("action %d: %q, want %q", i, rec[i+1][0], want)
		}
	}
}
