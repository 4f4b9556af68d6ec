package plan

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
	"github.com/roundtable/roundtable/workshops"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sample is the sample organisation's finished workshop.
func sample(t testing.TB) *model.Session {
	t.Helper()
	return sampleOf(t, workshops.Default)
}

// sampleOf is the sample organisation's finished workshop of the built-in
// template name.
func sampleOf(t testing.TB, name string) *model.Session {
	t.Helper()
	w, err := workshops.Load(t.TempDir()).Get(name)
	if err != nil {
		t.Fatal(err)
	}
	created := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	s := model.New("northwind-social-media-7f3k", model.Meta{
		Title: "Northwind social media plan", Date: "2026-11-24", Created: created, Updated: created,
	}, w)
	if err := workshops.Sample(s); err != nil {
		t.Fatal(err)
	}
	return s
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./model/plan -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(go test ./model/plan -update rewrites it)", name, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs in length: %d lines, want %d", name, len(gl), len(wl))
	}
}

func TestSamplePlanGolden(t *testing.T) {
	s := sample(t)
	doc := Markdown(s)
	golden(t, "sample-plan.md", doc)
	if probs := checkPlan(doc, s.Workshop); len(probs) > 0 {
		t.Fatalf("the sample plan breaks its promises:\n%s", strings.Join(probs, "\n"))
	}
	// What a busy reader of the summary must find.
	for _, want := range []string{
		"# Northwind social media plan\n",
		"- **Organisation:** Northwind Outfitters\n",
		"- **IT:** Karen Whitfield (Chief Information Officer), Luis Ortega (Head of IT Operations)",
		"1. **Let customers answer each other in our community**: 9 votes",
		"| 1 | Not listening: an ignored complaint becomes a worldwide video | 20 | critical | Customer support | mitigate |",
		"| Respond in a crisis | PR and communications (Tom Lindqvist) |",
		"- **Time to first public acknowledgement:** 09:00 after the first alert",
		"- Who does what: 1 case of accountability without ownership\n",
		"## Step 3: Who does what\n",
		"**Legend:** R = responsible",
		"| Provide surge capacity before campaigns | campaigns | | C | | | | | | I | A | | | R |",
		"| Impact ↑ likelihood → | 1 | 2 | 3 | 4 | 5 |",
		"| 4 | 0 (low) | 1 (medium) | 2 (high) | 1 (high) | 0 (critical) |",
		"| Microblog hashtag \\#northwindfail |",
		"| 3 | Build a crisis response page template, public and internal, that web operations can publish within fifteen minutes. | Chief social media officer | 2027-01-31 | open | Crisis drill |",
		"| 1 | Give IT operations a consulted seat in planning promotions and launches, so it can answer for surge capacity. | Executive sponsor | 2026-12-15 | open | Who does what (a finding) |",
		"### Decisions\n\n- **Organisational model:** Hub and spoke\n- **Crisis spokesperson:** PR and communications (Tom Lindqvist); backup Marketing (Daniel Okafor)\n",
		"No action answers 1 finding yet:\n\n- Nobody answered inject 7 of the drill",
		"(template default, version 1\\.0, fingerprint ",
		"| Spokesperson | PR and communications (Tom Lindqvist) | Marketing (Daniel Okafor) |",
		"**Roles:** ES = Executive sponsor; MAR = Marketing; PC = PR and communications;",
		"| Activity | Area | ES | MAR | PC | CS | SAL | HR | LC | CIL | IO | ISP | CMO | JIM |\n",
	} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("the sample plan lacks %q", want)
		}
	}
}

// The self-assessment has no objectives or risks step: its plan says
// nothing of either, opens with what was decided and agreed, sums up its
// own steps, and writes no section for its review step, which the plan
// itself stands for.
func TestPlanStatesOnlyTheStepsTheWorkshopHas(t *testing.T) {
	s := sampleOf(t, "self-assessment")
	doc := string(Markdown(s))
	if probs := checkPlan([]byte(doc), s.Workshop); len(probs) > 0 {
		t.Fatalf("the self-assessment plan breaks its promises:\n%s", strings.Join(probs, "\n"))
	}
	for _, absent := range []string{"Objectives", "objectives", "Top risks", "No open risk", "Organisational model",
		"## Step 4", "reviewed the plan"} {
		if strings.Contains(section(doc, "## Executive summary")+doc[strings.Index(doc, "## Step 1"):strings.Index(doc, "## Appendix")], absent) {
			t.Errorf("the self-assessment plan speaks of %q, which the workshop does not have", absent)
		}
	}
	var order []int
	for _, h := range []string{"### Decisions", "**Accountable for each key activity:**", "### Action items",
		"### Widest gaps between IT and the business", "### Drill result", "### Open findings", "## Step 1: Rate the eleven practices",
		"## Step 2: Quick RACI check", "## Step 3: Fifteen-minute crisis drill", "## Appendix: the workshop template"} {
		order = append(order, strings.Index(doc, "\n"+h+"\n"))
	}
	if slices.Contains(order, -1) || !slices.IsSorted(order) {
		t.Errorf("the summary and the sections do not follow the workshop's steps (positions %v)", order)
	}
	gaps := section(doc, "### Widest gaps between IT and the business")
	for _, want := range []string{"- **IT anticipates business needs**: IT 4, the business 2\n",
		"- **We report what people talk about**: IT 1, the business 3\n"} {
		if !strings.Contains(gaps, want) {
			t.Errorf("the widest gaps lack %q:\n%s", want, gaps)
		}
	}
	if strings.Contains(gaps, "Trusted people speak for us") {
		t.Errorf("a gap of 1 is listed among the widest:\n%s", gaps)
	}
	if !strings.Contains(doc, "| Spokesperson | PR and communications (Tom Lindqvist) | Marketing (Priya Raman) |") {
		t.Errorf("the drill roles do not name the people in them:\n%s", section(doc, "### Drill roles"))
	}
}

// section is the part of doc under heading, up to the next heading of the
// same or a higher level.
func section(doc, heading string) string {
	level := strings.Index(heading, " ")
	start := strings.Index(doc, "\n"+heading+"\n")
	if start < 0 {
		return ""
	}
	rest := doc[start+len(heading)+2:]
	for i := 0; i < len(rest); {
		j := strings.Index(rest[i:], "\n#")
		if j < 0 {
			break
		}
		line := rest[i+j+1:]
		if k := strings.Index(line, " "); k > 0 && k <= level && strings.Trim(line[:k], "#") == "" {
			return rest[:i+j+1]
		}
		i += j + 1
	}
	return rest
}

func TestEmptySessionSaysSoInOneLine(t *testing.T) {
	s := sample(t)
	s.Participants, s.Listen, s.Objectives, s.Risks, s.Drill, s.Actions = nil, model.Listen{}, model.Objectives{}, nil, model.Drill{}, nil
	for i := range s.RACI.Activities {
		s.RACI.Activities[i].Cells = nil
	}
	for i := range s.RACI.Roles {
		s.RACI.Roles[i].Person, s.RACI.Roles[i].Backup = "", ""
	}
	doc := string(Markdown(s))
	if got := strings.Count(doc, "\n"+nothing+"\n"); got != 5 {
		t.Errorf("%d steps say nothing was entered, want 5 (every step but the review):\n%s", got, doc)
	}
	for _, want := range []string{"No participants were recorded.", "No objectives were set.", "No open risk has been scored.",
		"No drill was run.", "No action items were agreed."} {
		if !strings.Contains(doc, want) {
			t.Errorf("the plan of an empty session lacks %q", want)
		}
	}
	if strings.Contains(doc, "### Risk register") || strings.Contains(doc, "### RACI matrix") {
		t.Error("an empty step shows an empty table")
	}
	if probs := checkPlan([]byte(doc), s.Workshop); len(probs) > 0 {
		t.Fatalf("the empty plan breaks its promises:\n%s", strings.Join(probs, "\n"))
	}
}

func TestSameSessionSameBytes(t *testing.T) {
	sessions := []*model.Session{sample(t), modeltest.Large()}
	for seed := range uint64(20) {
		sessions = append(sessions, modeltest.Random(rand.New(rand.NewPCG(seed, 3))))
	}
	for i, s := range sessions {
		first := Markdown(s)
		for range 3 {
			// Maps are walked in a new order each time.
			if again := Markdown(s.Clone()); !bytes.Equal(first, again) {
				t.Fatalf("session %d: two exports of the same session differ", i)
			}
		}
	}
}

// TestHostileTextStaysText feeds random sessions with hostile text in every
// field through the plan and parses the result as GitHub does.
func TestHostileTextStaysText(t *testing.T) {
	for seed := range uint64(300) {
		s := modeltest.Random(rand.New(rand.NewPCG(seed, 11)))
		doc := Markdown(s)
		if probs := checkPlan(doc, s.Workshop); len(probs) > 0 {
			t.Fatalf("seed %d:\n%s", seed, strings.Join(probs, "\n"))
		}
		if got, want := skeleton(doc), skeleton(Markdown(tokenised(s))); got != want {
			t.Fatalf("seed %d: the text typed changes the plan's structure:\n%s", seed, firstDiff(got, want))
		}
	}
}

func firstDiff(got, want string) string {
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			return "node " + gl[i] + ", want " + wl[i]
		}
	}
	return "the structures differ in length"
}

// normal is what a reader should see of s: line breaks as " / ", runs of
// white space as one space, invisible characters gone but for the joiners
// that join.
func normal(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case lineBreak(r):
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case dropped(r), isJoiner(r) && !joins(s, i, r):
		default:
			b.WriteRune(r)
		}
	}
	s = b.String()
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			lines = append(lines, strings.Join(f, " "))
		}
	}
	return strings.Join(lines, " / ")
}

// rendered is the visible text of Markdown rendered to HTML by goldmark.
func rendered(t *testing.T, doc string) string {
	t.Helper()
	var b bytes.Buffer
	if err := gfm.Convert([]byte(doc), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var nasty = []string{
	"# heading", "## two", "#no space", "title #", "- item", "+ item", "* item", "1. one", "12) twelve", "1.5 litres",
	"> quote", ">> deeper", "---", "===", "***", "___", "```go", "~~~", "    indented code", "\tcode",
	"a | b", "\\|", "a\\", "\\", "`x`", "``", "*em*", "_em_", "**strong**", "~~gone~~", "~one~",
	"[link](http://x.example)", "![img](x.png)", "[ref]", "[^1]", "[x]: http://evil", "- [ ] task", "[x] done",
	"<script>alert(1)</script>", "<b>bold</b>", "<!-- comment -->", "<http://x.example>", "<javascript:alert(1)>",
	"javascript:alert(1)", "http://example.com/a_b", "HTTPS://EXAMPLE.COM", "www.example.com", "WWW.EXAMPLE.COM", "awww.example.com",
	"mailto:a@b.example", "me@example.com", "@everyone", "&amp;", "&#60;script&#62;", "&copy;", "$x^2$", "$$\nx\n$$",
	"line one\nline two", "a\r\nb", "a\rb", "a\u2028b", "a\u2029b", "a\u0085b", "a\vb\fc", "\n\n\n", "  spaced   out  ",
	"trailing two  \nbreak", "x\x00y", "\x1b[31mred\x1b[0m", "\x7f", "\u202eevil\u202c", "\ufeffbom", "e\u0301", "👨‍👩‍👧",
	"| --- |", ":---:", "a | b\n| --- | --- |", "Setext\n===", "Setext\n---", "1\\. escaped", "\\# escaped",
	"(see)[x]", "{: .class}", "*", "-", "+", "=", ">", "#", "|", "1.", "1)", ".", "::", "a:b", "10:30", "Note: this",
}

// TestEscapeRendersAsTyped renders each hostile text alone, in a paragraph,
// a list item, a heading and a table cell, and expects to read it back.
func TestEscapeRendersAsTyped(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	texts := slices.Clone(nasty)
	for range 300 {
		texts = append(texts, modeltest.Random(r).Meta.Title)
	}
	for _, s := range texts {
		e := string(esc(s))
		want := html.EscapeString(normal(s))
		if want == "" {
			if e != "" {
				t.Errorf("esc(%q) = %q, want nothing", s, e)
			}
			continue
		}
		for _, c := range []struct{ doc, open, close string }{
			{e + "\n", "<p>", "</p>\n"},
			{"- " + e + "\n", "<ul>\n<li>", "</li>\n</ul>\n"},
			{"| h |\n| --- |\n| " + e + " |\n", "<table>\n<thead>\n<tr>\n<th>h</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>", "</td>\n</tr>\n</tbody>\n</table>\n"},
		} {
			got := rendered(t, c.doc)
			body, ok := strings.CutPrefix(got, c.open)
			body, ok2 := strings.CutSuffix(body, c.close)
			if !ok || !ok2 || html.UnescapeString(body) != html.UnescapeString(want) {
				t.Errorf("%q escaped as %q renders\n%s\nwant %s%s%s", s, e, got, c.open, want, c.close)
			}
		}
	}
}

func TestEscapeKeepsPlainTextPlain(t *testing.T) {
	for in, want := range map[string]string{
		"Respond in a crisis":          "Respond in a crisis",
		"Note: this is fine":           "Note: this is fine",
		"10:30 at the latest":          "10:30 at the latest",
		"Spend 1.5 million":            "Spend 1.5 million",
		"3 tents, 2 stoves":            "3 tents, 2 stoves",
		"Marketing (Daniel Okafor)":    "Marketing (Daniel Okafor)",
		"It's the plan!":               "It's the plan!",
		"costs $40":                    "costs \\$40",
		"see www.example.com":          "see www\\.example.com",
		"https://example.com":          "https\\://example.com",
		"a@b.example":                  "a\\@b.example",
		"- a list?":                    "\\- a list?",
		"1. first":                     "1\\. first",
		"one\n\ntwo\r\nthree":          "one / two / three",
		"  \t x \x00 y  ":              "x y",
		"\u202eright-to-left override": "right-to-left override",
		// Two names that look the same are the same in the plan.
		"A\u200bda":                             "Ada",
		"Ada\u2060":                             "Ada",
		"A\u200dda":                             "Ada",
		"Ada\U000E0041":                         "Ada",
		"\u061cAda\u200f":                       "Ada",
		"Com\u00admu\u00adni\u00adca\u00adtion": "Communication",
		// Joiners that join stay.
		"👩\u200d👩\u200d👧": "👩\u200d👩\u200d👧",
		"❤\ufe0f\u200d🔥":  "❤\ufe0f\u200d🔥",
		"می\u200cخواهم":   "می\u200cخواهم",
		"क्\u200dष":       "क्\u200dष",
	} {
		if got := string(esc(in)); got != want {
			t.Errorf("esc(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeadingLeavesOutEndPunctuation(t *testing.T) {
	for in, want := range map[string]string{
		"Plan.":           "Plan",
		"Who does what?":  "Who does what?",
		"Listen first!!!": "Listen first",
		"Step 1.":         "Step 1",
		"1.":              "1",
		"a\\:":            "a\\\\",
		"...":             "fallback",
		"Ends with #":     "Ends with \\#",
	} {
		var w writer
		w.text(Text{headingText(in, words("fallback"))})
		if got := w.b.String(); got != want {
			t.Errorf("the heading of %q is %q in Markdown, want %q", in, got, want)
		}
	}
}

func TestFileName(t *testing.T) {
	for id, want := range map[string]string{
		"acme-social-media-roles-7f3k": "acme-social-media-roles-7f3k-plan.md",
		"../../etc/passwd":             "etc-passwd-plan.md",
		"":                             "session-plan.md",
		"Ünïcode id":                   "n-code-id-plan.md",
		"a/b\\c":                       "a-b-c-plan.md",
	} {
		if got := FileName(&model.Session{ID: id}); got != want {
			t.Errorf("FileName(%q) = %q, want %q", id, got, want)
		}
	}
}

// TestMessageItemsCountOnlyTheRoomsWord: a message's fire-drill items in the
// plan count as met only where the room confirmed them, as the checklist
// does; the program's ticks are listed as proposed.
func TestMessageItemsCountOnlyTheRoomsWord(t *testing.T) {
	s := sample(t)
	run := &s.Drill.Runs[len(s.Drill.Runs)-1]
	m := &run.Messages[0]
	m.Checks = map[string]model.Check{}
	for i, item := range s.Workshop.Drill.Checklist {
		switch {
		case i < 2:
			m.Checks[item.ID] = model.Check{Met: true, Confirmed: true}
		case i < 5:
			m.Checks[item.ID] = model.Check{Met: true, Why: "the program saw it"}
		}
	}
	out := string(Markdown(s))
	want := fmt.Sprintf("| 2 of %d met, 3 proposed |", len(s.Workshop.Drill.Checklist))
	if !strings.Contains(out, want) {
		t.Errorf("the first message's row does not end %q", want)
	}
}

// TestEarlierRunsKeepTheirAfterActionReview: the room's words about an
// earlier drill run are in the plan, beside the comparison with the last.
func TestEarlierRunsKeepTheirAfterActionReview(t *testing.T) {
	s := sample(t)
	first := s.Drill.Runs[len(s.Drill.Runs)-1].Clone()
	first.Review.WentWell = "The video was spotted | within two minutes"
	first.Review.Failed = "Nobody answered the blogger"
	s.Drill.Runs = append([]model.DrillRun{first}, s.Drill.Runs...)
	out := string(Markdown(s))
	for _, want := range []string{
		"Run 1's after-action review: what went well: The video was spotted \\| within two minutes; what failed: Nobody answered the blogger",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the plan does not say %q", want)
		}
	}
}

// drillResult is the executive summary's drill lines.
func drillResult(t *testing.T, plan string) string {
	t.Helper()
	_, after, ok := strings.Cut(plan, "### Drill result\n")
	if !ok {
		t.Fatal("the plan has no drill result")
	}
	before, _, _ := strings.Cut(after, "\n### ")
	return before
}

// TestTheSummaryReportsTheFinishedRunNotAStrayOne: a run started by a stray
// key holds nothing; the summary goes on reporting the finished run, says
// which run that is and how many there were, and the room can choose.
func TestTheSummaryReportsTheFinishedRunNotAStrayOne(t *testing.T) {
	s := sample(t)
	finished := s.Drill.Runs[0]
	s.Drill.Runs = append(s.Drill.Runs, model.DrillRun{Scenario: finished.Scenario, Speed: 4, Clock: 3,
		Injects: []model.InjectState{{Index: 0, Status: model.InjectReleased}}})
	out := string(Markdown(s))
	got := drillResult(t, out)
	for _, want := range []string{"**Run reported:** run 1 of 2, the latest finished run", "09:00 after the first alert"} {
		if !strings.Contains(got, want) {
			t.Errorf("the drill result does not say %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "nothing was acknowledged") || strings.Contains(got, "0 of 7") {
		t.Errorf("the drill result reports the stray run:\n%s", got)
	}
	if !strings.Contains(out, "This section reports run 1 of 2, the latest finished run.") ||
		!strings.Contains(out, "Run 2 (A viral customer complaint): started, with no message, decision or hot wash recorded") {
		t.Error("the drill section does not say which run it reports and what the other one holds")
	}

	second := finished.Clone()
	second.Review = model.AfterAction{}
	second.Messages = second.Messages[:1]
	s.Drill.Runs = []model.DrillRun{finished, second}
	if got := drillResult(t, string(Markdown(s))); !strings.Contains(got, "run 2 of 2, the latest finished run") {
		t.Errorf("a second finished run is the one reported:\n%s", got)
	}
	s.Drill.Report = 1
	out = string(Markdown(s))
	if got := drillResult(t, out); !strings.Contains(got, "run 1 of 2, chosen by the room") {
		t.Errorf("the room's choice:\n%s", got)
	}
	if !strings.Contains(out, "Against run 2 (A viral customer complaint), run 1: ") {
		t.Error("the other run is not compared with the one reported")
	}

	s.Drill = model.Drill{Runs: []model.DrillRun{{Scenario: finished.Scenario}}}
	if got := drillResult(t, string(Markdown(s))); !strings.Contains(got, "No drill run has anything to report: 1 run was started") {
		t.Errorf("only an empty run:\n%s", got)
	}
}
