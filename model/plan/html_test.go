package plan

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
)

// The page's own elements and attributes: anything else came from text.
var (
	htmlElements = []string{"html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "h3", "h4", "div",
		"p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "strong", "figure", "figcaption",
		"svg", "g", "text", "rect", "circle", "path", "line"}
	htmlAttributes = []string{"lang", "charset", "http-equiv", "content", "name", "class", "xmlns", "role", "viewBox",
		"width", "height", "aria-label", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "d", "fill", "stroke",
		"stroke-width", "font-size", "font-weight", "text-anchor", "style", "transform"}
	// attribute values the page writes: numbers, colours, its classes and
	// its few fixed words; never a URL, a script or typed text.
	htmlValue = regexp.MustCompile(`^([-0-9 .]*|#[0-9a-f]{3,6}|[a-z][a-z -]*|fill:#fff|rotate\(-90 16 \d+\)|M[-0-9 ]+ l-?\d+ -?\d+ h\d+ z)$`)
)

// checkHTML parses a page as a browser does and lists what breaks the
// page's promises: an element, attribute or value it does not make, a
// style sheet or head other than its own.
func checkHTML(t *testing.T, doc []byte) []string {
	t.Helper()
	root, err := xhtml.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("the page does not parse: %v", err)
	}
	var probs []string
	styles := 0
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		switch n.Type {
		case xhtml.CommentNode:
			probs = append(probs, fmt.Sprintf("a comment: %q", n.Data))
		case xhtml.ElementNode:
			if !slices.Contains(htmlElements, n.Data) {
				probs = append(probs, fmt.Sprintf("an element the page does not make: <%s>", n.Data))
			}
			for _, a := range n.Attr {
				switch {
				case a.Namespace != "" || !slices.Contains(htmlAttributes, a.Key):
					probs = append(probs, fmt.Sprintf("<%s> has an attribute the page does not make: %s=%q", n.Data, a.Key, a.Val))
				case a.Key == "aria-label" || a.Key == "content" || a.Key == "xmlns",
					a.Key == "charset" && a.Val == "utf-8", a.Key == "http-equiv" && a.Val == "Content-Security-Policy":
				case !htmlValue.MatchString(a.Val):
					probs = append(probs, fmt.Sprintf("<%s %s=%q>: a value the page does not write", n.Data, a.Key, a.Val))
				}
			}
			if n.Data == "style" {
				styles++
				if n.FirstChild == nil || n.FirstChild.Data != styleSheet {
					probs = append(probs, "a style sheet other than the page's own")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if styles != 1 {
		probs = append(probs, fmt.Sprintf("%d style sheets", styles))
	}
	return probs
}

// htmlSkeleton is the page's elements and attribute names, without text
// or attribute values, one element a line; a cell's class, which keeps a
// short cell on one line, depends on the text's length and is left out.
func htmlSkeleton(t *testing.T, doc []byte) string {
	t.Helper()
	root, err := xhtml.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *xhtml.Node, depth int)
	walk = func(n *xhtml.Node, depth int) {
		if n.Type == xhtml.ElementNode {
			b.WriteString(strings.Repeat(" ", depth) + n.Data)
			for _, a := range n.Attr {
				if n.Data != "td" || a.Key != "class" {
					b.WriteString(" " + a.Key)
				}
			}
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return b.String()
}

// textOf is the text a reader sees in the first element of the tag.
func textOf(t *testing.T, doc []byte, tag string) string {
	t.Helper()
	root, _ := xhtml.Parse(bytes.NewReader(doc))
	var found *xhtml.Node
	var find func(n *xhtml.Node)
	find = func(n *xhtml.Node) {
		if found == nil && n.Type == xhtml.ElementNode && n.Data == tag {
			found = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	if found == nil {
		t.Fatalf("no <%s>", tag)
	}
	var b strings.Builder
	var text func(n *xhtml.Node)
	text = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text(c)
		}
	}
	text(found)
	return b.String()
}

func TestSampleHTMLGolden(t *testing.T) {
	s := sample(t)
	doc := HTML(s)
	golden(t, "sample-plan.html", doc)
	if probs := checkHTML(t, doc); len(probs) > 0 {
		t.Fatalf("the sample page breaks its promises:\n%s", strings.Join(probs, "\n"))
	}
	if !bytes.Equal(doc, HTML(sample(t))) {
		t.Error("the same session gives other bytes")
	}
	for _, want := range []string{
		"<h2>Executive summary</h2>",
		`<section class="part page">` + "\n<h2>Step 1: Listen first</h2>",
		`<td class="short">open</td><td>Who does what (a finding)</td>`,
		`<svg xmlns="http://www.w3.org/2000/svg" class="heatmap"`,
		"thead { display: table-header-group; }",
	} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("the sample page lacks %q", want)
		}
	}
	for _, absent := range []string{"<script", "http:", "https:", "url(", "@import", "<link", "<img", " src=", " href="} {
		if i := bytes.Index(doc, []byte(absent)); i >= 0 && !bytes.HasPrefix(doc[i:], []byte(`http://www.w3.org/2000/svg"`)) {
			t.Errorf("the page has %q: %s", absent, doc[max(i-40, 0):min(i+40, len(doc))])
		}
	}
}

// TestHostileTextStaysTextInHTML feeds random sessions with hostile text
// in every field through the page, parses it as a browser does, and finds
// only the page's own elements and attributes, in the same structure as
// the same session with plain words.
func TestHostileTextStaysTextInHTML(t *testing.T) {
	for seed := range uint64(200) {
		s := modeltest.Random(rand.New(rand.NewPCG(seed, 11)))
		doc := HTML(s)
		if probs := checkHTML(t, doc); len(probs) > 0 {
			t.Fatalf("seed %d:\n%s", seed, strings.Join(probs, "\n"))
		}
		if got, want := htmlSkeleton(t, doc), htmlSkeleton(t, HTML(tokenised(s))); got != want {
			t.Fatalf("seed %d: the text typed changes the page's structure:\n%s", seed, firstDiff(got, want))
		}
	}
}

// Each hostile text, as the plan's title, a risk and an action, reads back
// as typed, cleaned as every rendering cleans it.
func TestEveryHostileTextReadsBackInHTML(t *testing.T) {
	for _, text := range nasty {
		s := sample(t)
		s.Meta.Title = text
		s.Risks[0].Title = text
		s.Actions[0].Text = model.Text(text)
		s.RACI.Roles[0].Name = text
		doc := HTML(s)
		if probs := checkHTML(t, doc); len(probs) > 0 {
			t.Fatalf("%q:\n%s", text, strings.Join(probs, "\n"))
		}
		want := Span{Text: headingWords(text), Typed: true}.Plain()
		if want == "" {
			want = "Workshop plan"
		}
		if got := textOf(t, doc, "h1"); got != want {
			t.Errorf("%q: the title reads %q, want %q", text, got, want)
		}
		if got := textOf(t, doc, "title"); got != want {
			t.Errorf("%q: the page's title reads %q, want %q", text, got, want)
		}
	}
}

// The pictures carry what the plan's tables say: each open, scored risk
// placed once on the heat map, each RACI letter once in the matrix, two
// bars a platform, a marker for each inject that reached the room.
func TestThePicturesCountWhatThePlanHolds(t *testing.T) {
	s := sample(t)
	doc := string(HTML(s))
	risks := 0
	for _, r := range s.Risks {
		if r.Status != model.RiskClosed && r.Score() > 0 {
			risks++
		}
	}
	letters := 0
	for _, a := range s.RACI.Activities {
		for _, l := range a.Cells {
			if l.Valid() {
				letters++
			}
		}
	}
	for _, c := range []struct {
		mark string
		want int
	}{
		{`<g class="risk">`, risks},
		{`class="letter"`, letters},
		{`class="bar reads"`, len(s.Listen.Poll)},
		{`class="bar creates"`, len(s.Listen.Poll)},
		{`<g class="inject">`, 8},
		{`<g class="message">`, len(s.Drill.Runs[0].Messages)},
	} {
		if got := strings.Count(doc, c.mark); got != c.want {
			t.Errorf("%d of %s, want %d", got, c.mark, c.want)
		}
	}
}
