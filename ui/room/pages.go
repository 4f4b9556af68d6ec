package room

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"sync"

	live "github.com/roundtable/roundtable/model/room"
)

// assets are the phones' pages, style sheet and script, served from the
// program itself: no CDN, nothing fetched from elsewhere.
//
//go:embed assets
var assets embed.FS

// Every piece of participant text reaches a page through html/template,
// which escapes it for where it stands.
var pages = template.Must(template.New("").Funcs(template.FuncMap{
	// title is the activity's name as a page's heading.
	"title": func(k live.Kind) string {
		l := k.Label()
		return strings.ToUpper(l[:1]) + l[1:]
	},
}).ParseFS(assets, "assets/*.html"))

// joinPage is the form a phone joins with.
type joinPage struct {
	Code, Name, Department string
	Departments            []string
	Error                  string
}

// activityPage is a joined phone's page.
type activityPage struct {
	live.PhoneView
	Error string
	Rows  []row
	Tones []string
}

// row is one option of the open activity with the phone's own answer.
type row struct {
	Index          int
	Option         string
	Reads, Creates bool
	Dots           int
	Rating         int
	Scale          []int
}

func viewPage(v live.PhoneView, errText string) activityPage {
	p := activityPage{PhoneView: v, Error: errText, Tones: live.Tones}
	for i, o := range v.Activity.Options {
		r := row{Index: i, Option: o}
		if i < len(v.Answers) {
			a := v.Answers[i]
			r.Reads, r.Creates = a&live.Reads != 0, a&live.Creates != 0
			r.Dots, r.Rating = a, a
		}
		if v.Activity.Kind == live.Ratings {
			r.Scale = []int{1, 2, 3, 4, 5}
		}
		p.Rows = append(p.Rows, r)
	}
	return p
}

// fragment is the phone's page without its frame, as the event stream
// sends it. Phones that show the same (every phone, when an activity
// opens) share one drawing of it; only the line naming the participant is
// drawn for each.
func (s *Server) fragment(v live.PhoneView) []byte {
	p := viewPage(v, "")
	var b bytes.Buffer
	b.WriteString("<div class=\"view\">\n")
	if err := pages.ExecuteTemplate(&b, "who", p); err != nil {
		s.log.Printf("drawing a phone's page: %v", err)
	}
	b.WriteByte('\n')
	b.Write(s.bodies.get(v, func() []byte {
		var body bytes.Buffer
		if err := pages.ExecuteTemplate(&body, "body", p); err != nil {
			s.log.Printf("drawing a phone's page: %v", err)
		}
		return body.Bytes()
	}))
	b.WriteString("\n</div>")
	return b.Bytes()
}

// maxBodies bounds the drawings kept: phones' answers differ, and a room
// of 500 cannot have many more pages than phones.
const maxBodies = 2 * live.MaxMembers

// bodies keeps the drawn pages of the open activity by what they show.
type bodies struct {
	mu    sync.Mutex
	seq   int
	pages map[string][]byte
}

func (c *bodies) get(v live.PhoneView, draw func() []byte) []byte {
	key := fmt.Sprint(v.Answers, v.DotsLeft, v.Waiting)
	c.mu.Lock()
	if c.pages == nil || c.seq != v.Seq || len(c.pages) >= maxBodies {
		c.seq, c.pages = v.Seq, map[string][]byte{}
	}
	page, ok := c.pages[key]
	c.mu.Unlock()
	if ok {
		return page
	}
	page = draw()
	c.mu.Lock()
	if c.seq == v.Seq {
		c.pages[key] = page
	}
	c.mu.Unlock()
	return page
}

// render writes a whole page: the join form or the activity.
func (s *Server) render(w http.ResponseWriter, status int, data any) {
	var b bytes.Buffer
	name := "join"
	if _, ok := data.(activityPage); ok {
		name = "activity"
	}
	var body bytes.Buffer
	err := pages.ExecuteTemplate(&body, name, data)
	if err == nil {
		err = pages.ExecuteTemplate(&b, "page", struct {
			Joined bool
			Body   template.HTML
		}{name == "activity", template.HTML(body.String())})
	}
	if err != nil {
		s.log.Printf("drawing a page: %v", err)
		http.Error(w, "The room could not draw this page.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}
