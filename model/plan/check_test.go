package plan

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gtext "github.com/yuin/goldmark/text"

	"github.com/roundtable/roundtable/model"
)

// gfm parses Markdown as GitHub does: tables, strikethrough, bare links and
// task lists.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

func parse(doc []byte) ast.Node {
	return gfm.Parser().Parse(gtext.NewReader(doc))
}

// The headings the plan makes itself; a step's heading is "Step N: title".
var ownHeadings = map[int][]string{
	2: {"Participants", "Executive summary", "Parking lot", "Appendix: the workshop template"},
	3: {"Decisions", "Action items", "Top risks", "Drill result",
		"Widest gaps between IT and the business",
		"Open findings", "Show-of-hands poll", "Conversation inventory", "Internal experts",
		"Objectives ranked by votes", "Organisational model", "RACI matrix", "Roles and the people who fill them",
		"RACI findings", "Risk register", "Heat map", "Drill scenario", "Drill roles", "Drill timeline",
		"Drill messages", "Fire-drill checklist", "Drill figures", "After-action review", "Other drill runs",
		"Self-assessment ratings", "Template steps", "What the session used from it"},
}

var stepHeading = regexp.MustCompile(`^Step ([0-9]+): `)

// checkPlan returns every way doc breaks the plan's promises to a reader:
// stray bytes, a table row with the wrong number of cells, Markdown
// structure the plan does not make itself, or step sections other than one
// per step of w but the review, numbered as in the workshop.
func checkPlan(doc []byte, w model.Workshop) []string {
	var probs []string
	add := func(format string, args ...any) {
		if len(probs) < 20 {
			probs = append(probs, fmt.Sprintf(format, args...))
		}
	}
	if !utf8.Valid(doc) {
		add("the plan is not valid UTF-8")
	}
	for i, r := range string(doc) {
		if r != '\n' && dropped(r) {
			add("byte %d: character %U reached the file", i, r)
		}
	}
	if len(doc) == 0 || doc[len(doc)-1] != '\n' || strings.HasSuffix(string(doc), "\n\n") {
		add("the plan must end with exactly one newline")
	}
	for _, p := range tableShapes(string(doc)) {
		add("%s", p)
	}

	root := parse(doc)
	src := doc
	h1 := 0
	var steps, want []string
	for i, st := range w.Steps {
		if st.Kind != model.StepReview {
			want = append(want, strconv.Itoa(i+1))
		}
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHTMLBlock, ast.KindRawHTML:
			add("HTML: %q", nodeText(n, src))
		case ast.KindLink, ast.KindAutoLink, ast.KindImage:
			add("a link: %q", nodeText(n, src))
		case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock:
			add("code: %q", nodeText(n, src))
		case ast.KindBlockquote, ast.KindThematicBreak:
			add("a %s", n.Kind())
		case east.KindStrikethrough, east.KindTaskCheckBox:
			add("a %s: %q", n.Kind(), nodeText(n, src))
		case ast.KindEmphasis:
			if n.(*ast.Emphasis).Level != 2 {
				add("emphasis the plan does not make: %q", nodeText(n, src))
			}
		case ast.KindList:
			if n.Parent().Kind() != ast.KindDocument {
				add("a nested list: %q", nodeText(n, src))
			}
		case ast.KindHeading:
			h := n.(*ast.Heading)
			t := nodeText(n, src)
			switch {
			case h.Level == 1:
				h1++
			case h.Level == 2 && stepHeading.MatchString(t):
				steps = append(steps, stepHeading.FindStringSubmatch(t)[1])
			case h.Level == 2 || h.Level == 3:
				if !contains(ownHeadings[h.Level], t) {
					add("a heading the plan does not make: %q", t)
				}
			default:
				add("a level-%d heading: %q", h.Level, t)
			}
		case east.KindTable:
			cols := n.FirstChild().ChildCount()
			for r := n.FirstChild(); r != nil; r = r.NextSibling() {
				if r.ChildCount() != cols {
					add("a table row of %d cells under %d columns", r.ChildCount(), cols)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	if h1 != 1 {
		add("%d top headings, want 1", h1)
	}
	if !slices.Equal(steps, want) {
		add("step sections %v, want %v", steps, want)
	}
	return probs
}

// tableShapes counts the cells of every table line as GitHub splits them
// (a backslash escapes the next character) and reports rows whose count
// differs from their header's: renderers drop extra cells without a word.
func tableShapes(doc string) []string {
	var probs []string
	want := -1
	for i, line := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(line, "|") {
			want = -1
			continue
		}
		n := 0
		for j := 1; j < len(line); j++ {
			switch line[j] {
			case '\\':
				j++
			case '|':
				n++
			}
		}
		if !strings.HasSuffix(line, " |") && line != "|" {
			probs = append(probs, fmt.Sprintf("line %d: a table row that does not end in a pipe", i+1))
		}
		if want < 0 {
			want = n
		} else if n != want {
			probs = append(probs, fmt.Sprintf("line %d: %d cells, the header has %d", i+1, n, want))
		}
	}
	return probs
}

func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(src))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.String:
				b.Write(t.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	s := b.String()
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// skeleton writes the plan's structure without its words: every node that
// is not text, with heading levels and the cells of each table row.
func skeleton(doc []byte) string {
	var b strings.Builder
	depth := 0
	_ = ast.Walk(parse(doc), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindText, ast.KindString:
			return ast.WalkContinue, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		b.WriteString(strings.Repeat(" ", depth))
		b.WriteString(n.Kind().String())
		switch t := n.(type) {
		case *ast.Heading:
			fmt.Fprintf(&b, " %d", t.Level)
		case *ast.Emphasis:
			fmt.Fprintf(&b, " %d", t.Level)
		case *east.TableRow, *east.TableHeader:
			fmt.Fprintf(&b, " %d", n.ChildCount())
		}
		b.WriteByte('\n')
		depth++
		return ast.WalkContinue, nil
	})
	return b.String()
}

// tokenised returns a copy of s with every piece of free text replaced by a
// plain word: equal texts by the same word, so every ID still points where
// it did, and blank or unprintable texts kept blank or unprintable, so every
// "nothing entered" decision comes out the same. The plan of the copy has
// the structure the plan of s must have.
func tokenised(s *model.Session) *model.Session {
	c := s.Clone()
	words := map[string]string{}
	word := func(key, s string) string {
		switch {
		case strings.TrimFunc(s, unicode.IsSpace) == "":
			return s
		case esc(s) == "":
			return "\x00"
		}
		w, ok := words[key]
		if !ok {
			w = "w" + strconv.Itoa(len(words))
			words[key] = w
		}
		return w
	}
	var walk func(v reflect.Value, field string)
	walk = func(v reflect.Value, field string) {
		switch v.Kind() {
		case reflect.String:
			// Kinds, letters and statuses are the model's words, not free text.
			if v.Type() != reflect.TypeFor[string]() && v.Type() != reflect.TypeFor[model.Text]() {
				return
			}
			key := v.String()
			if field == "Area" {
				// Areas group ignoring case and surrounding spaces.
				key = "area:" + strings.ToLower(strings.TrimSpace(key))
			}
			v.SetString(word(key, v.String()))
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i), v.Type().Field(i).Name)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), field)
			}
		case reflect.Map:
			if v.IsNil() {
				return
			}
			m := reflect.MakeMapWithSize(v.Type(), v.Len())
			iter := v.MapRange()
			for iter.Next() {
				k := reflect.New(v.Type().Key()).Elem()
				k.Set(iter.Key())
				walk(k, "")
				val := reflect.New(v.Type().Elem()).Elem()
				val.Set(iter.Value())
				walk(val, "")
				m.SetMapIndex(k, val)
			}
			v.Set(m)
		}
	}
	walk(reflect.ValueOf(c).Elem(), "")
	return c
}
