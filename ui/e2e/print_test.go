package e2e

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
)

// pdfPage is the dictionary of one page of a PDF, not of the page tree.
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestThePrintablePlanInABrowser exports the sample's plan as a web page
// with the built program, loads it in a real browser, and checks what a
// reader and a security reviewer would: the page asks for nothing over
// the network and logs no error, each picture is drawn with every risk,
// letter, bar and inject the session holds, and it prints to a PDF of
// several pages on A4 and on Letter.
func TestThePrintablePlanInABrowser(t *testing.T) {
	chromium(t)
	home, dir := t.TempDir(), t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtable(t, env, "new", "Northwind social media plan", "--sample", "--no-open")
	if err != nil {
		t.Fatal(err)
	}
	id := lastLine(out)
	sess, _, err := store.Load(filepath.Join(sessionsDir(home), id+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "plan.html")
	if _, errOut, err := roundtable(t, env, "export", id, "--html", "-o", page); err != nil {
		t.Fatalf("export --html: %v: %s", err, errOut)
	}
	doc := (&url.URL{Scheme: "file", Path: page}).String()

	var mu sync.Mutex
	var requests, problems []string
	ctx := browser(t, 1200, 900, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests = append(requests, ev.Request.URL)
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			problems = append(problems, fmt.Sprintf("console.%s", ev.Type))
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				problems = append(problems, "log: "+ev.Entry.Text)
			}
		}
	})
	// The browser's log, the console and the network are on in every tab.
	if err := chromedp.Do(ctx, chromedp.Navigate(doc), chromedp.WaitReady(chromedp.CSS("main"))); err != nil {
		t.Fatalf("loading the page: %v", err)
	}
	count := func(selector string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", selector)))
		if err != nil {
			t.Fatalf("counting %s: %v", selector, err)
		}
		return n
	}
	// The session's figures, as the plan gives them in its tables.
	risks, letters := 0, 0
	for _, r := range sess.Risks {
		if r.Status != model.RiskClosed && r.Score() > 0 {
			risks++
		}
	}
	for _, a := range sess.RACI.Activities {
		for _, l := range a.Cells {
			if l.Valid() {
				letters++
			}
		}
	}
	run := sess.Drill.Runs[0]
	for _, c := range []struct {
		selector string
		want     int
	}{
		{"svg", 4},
		{"svg.poll rect.bar", 2 * len(sess.Listen.Poll)},
		{"svg.raci text.letter", letters},
		{"svg.heatmap g.risk", risks},
		{"svg.heatmap rect.cell", 25},
		{"svg.timeline g.inject", len(run.Injects)},
		{"svg.timeline g.message", len(run.Messages)},
		{"script, link, img, iframe, object, embed", 0},
	} {
		if got := count(c.selector); got != c.want {
			t.Errorf("%d of %s, want %d", got, c.selector, c.want)
		}
	}
	// Each picture is laid out at a size a reader can see.
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Math.round(document.querySelector("svg.raci").getBoundingClientRect().width)`))
	if err != nil || width < 400 {
		t.Errorf("the RACI matrix is %d pixels wide (%v)", width, err)
	}
	for _, paper := range []struct {
		name string
		size chromedp.PaperSize
	}{{"A4", chromedp.PaperA4}, {"Letter", chromedp.PaperLetter}} {
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(paper.size), chromedp.PDFPrintBackground()))
		if err != nil {
			t.Fatalf("printing on %s: %v", paper.name, err)
		}
		pages := len(pdfPage.FindAll(pdf, -1))
		if !strings.HasPrefix(string(pdf), "%PDF-") || pages < 2 {
			t.Errorf("printing on %s gave %d bytes and %d pages, want a PDF of several pages", paper.name, len(pdf), pages)
		}
		if dump := os.Getenv("ROUNDTABLE_PDF_DIR"); dump != "" {
			// To look at the pages: ROUNDTABLE_PDF_DIR=/tmp/pdf go test -run Printable ./ui/e2e/
			if err := os.WriteFile(filepath.Join(dump, "plan-"+paper.name+".pdf"), pdf, 0o644); err != nil {
				t.Error(err)
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for _, r := range requests {
		if r != doc {
			t.Errorf("the page asked for %s", r)
		}
	}
	if len(requests) == 0 {
		t.Error("the browser reported no request at all, not even the page's own: the check sees nothing")
	}
	if len(problems) > 0 {
		t.Errorf("the page logged:\n%s", strings.Join(problems, "\n"))
	}
}
