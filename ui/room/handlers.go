package room

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/roundtable/roundtable/model"
	live "github.com/roundtable/roundtable/model/room"
)

// cookieName holds a joined phone's token.
const cookieName = "roundtable_room"

// contentSecurity lets a page load only the room's own style sheet and
// script, post only to the room, and be framed by nobody.
const contentSecurity = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

func (s *Server) handler() http.Handler {
	mux := http.NewServeMux()
	for _, name := range []string{"style.css", "room.js"} {
		mux.HandleFunc("GET /static/"+name, func(w http.ResponseWriter, r *http.Request) {
			http.ServeFileFS(w, r, assets, "assets/static/"+name)
		})
	}
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("POST /join", s.join)
	mux.HandleFunc("POST /answer", s.answer)
	mux.HandleFunc("POST /submit", s.submit)
	mux.HandleFunc("GET /events", s.events)
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "This form was sent from another site, so the room refused it.", http.StatusForbidden)
	}))
	return s.guard(cop.Handler(mux))
}

// guard wraps every request: the headers every answer carries, the Host
// check, the body limit, and a panic kept inside the request.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Printf("panic serving %s %s: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
				http.Error(w, "Something went wrong in the room; try again.", http.StatusInternalServerError)
			}
		}()
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurity)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		if !s.hosts[strings.ToLower(r.Host)] {
			http.Error(w, "This room answers only at "+s.url+".", http.StatusMisdirectedRequest)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		next.ServeHTTP(w, r)
	})
}

// token is the phone's token from its cookie, or "".
func token(r *http.Request) string {
	c, err := r.Cookie(cookieName)
	if err != nil || len(c.Value) != 32 || strings.Trim(c.Value, "0123456789abcdef") != "" {
		return ""
	}
	return c.Value
}

func remoteAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// parseForm reads a posted form, answering a body too large or broken.
func parseForm(w http.ResponseWriter, r *http.Request) bool {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "That is more than the room takes at once; send less.", http.StatusRequestEntityTooLarge)
			return false
		}
		http.Error(w, "The room could not read that form; reload the page and try again.", http.StatusBadRequest)
		return false
	}
	return true
}

// page is a phone's page: the join form, or the open activity.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	view, joined := s.room.Phone(token(r))
	departments := s.room.DepartmentChoices()
	s.mu.Unlock()
	if !joined {
		s.render(w, http.StatusOK, joinPage{Departments: departments})
		return
	}
	s.render(w, http.StatusOK, viewPage(view, ""))
}

func (s *Server) join(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	form := joinPage{Code: r.PostFormValue("code"), Name: r.PostFormValue("name"), Department: r.PostFormValue("department")}
	addr := remoteAddr(r)
	if s.codes.blocked(addr) {
		w.Header().Set("Retry-After", strconv.Itoa(int(codeWindow/time.Second)))
		form.Error = "Too many wrong codes: wait a minute, then try again."
		s.renderJoin(w, http.StatusTooManyRequests, form)
		return
	}
	tok := token(r)
	fresh := tok == ""
	if fresh {
		var err error
		if tok, err = newToken(); err != nil {
			s.log.Printf("making a phone's token: %v", err)
			http.Error(w, "The room cannot let phones in just now.", http.StatusInternalServerError)
			return
		}
	}
	var err error
	s.changeFor(tok, func(rm *live.Room) {
		if _, known := rm.Member(tok); !known && !fresh {
			// A phone whose old token the room no longer knows (it was
			// removed, or the room reopened) joins under a new one.
			if tok, err = newToken(); err != nil {
				return
			}
		}
		_, err = rm.Join(tok, strings.TrimSpace(form.Code), form.Name, form.Department)
	})
	if err != nil {
		status := http.StatusBadRequest
		switch {
		case errors.Is(err, live.ErrWrongCode):
			s.codes.failed(addr)
			status = http.StatusForbidden
		case errors.Is(err, live.ErrLocked), errors.Is(err, live.ErrFull):
			status = http.StatusForbidden
		}
		form.Error = sentence(err)
		s.renderJoin(w, status, form)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) renderJoin(w http.ResponseWriter, status int, form joinPage) {
	s.mu.Lock()
	form.Departments = s.room.DepartmentChoices()
	s.mu.Unlock()
	s.render(w, status, form)
}

// sentence makes an error of the rules a sentence for the phone.
func sentence(err error) string {
	m := err.Error()
	return strings.ToUpper(m[:1]) + m[1:] + "."
}

// fromScript tells a request the page's script sent, which wants a short
// answer, from a plain form post, which wants the page again.
func fromScript(r *http.Request) bool { return r.Header.Get("X-Room") == "script" }

// answered ends a phone's post: the script gets a status and a sentence,
// a plain form the page again.
func (s *Server) answered(w http.ResponseWriter, r *http.Request, tok string, err error) {
	status := http.StatusBadRequest
	switch {
	case err == nil:
		if fromScript(r) {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	case errors.Is(err, live.ErrNotJoined):
		status = http.StatusUnauthorized
	case errors.Is(err, live.ErrNothingOpen), errors.Is(err, live.ErrWrongActivity):
		status = http.StatusConflict
	case errors.Is(err, live.ErrInboxFull), errors.Is(err, live.ErrTooManyWaits):
		status = http.StatusTooManyRequests
	}
	if fromScript(r) {
		http.Error(w, sentence(err), status)
		return
	}
	s.mu.Lock()
	view, joined := s.room.Phone(tok)
	departments := s.room.DepartmentChoices()
	s.mu.Unlock()
	if !joined {
		s.render(w, status, joinPage{Departments: departments, Error: sentence(err)})
		return
	}
	s.render(w, status, viewPage(view, sentence(err)))
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	tok := token(r)
	seq, _ := strconv.Atoi(r.PostFormValue("seq"))
	var err error
	s.changeFor(tok, func(rm *live.Room) {
		a, open, ok := rm.Current()
		switch {
		case !ok:
			err = live.ErrNothingOpen
			if _, in := rm.Member(tok); !in {
				err = live.ErrNotJoined
			}
			return
		case open != seq:
			err = live.ErrWrongActivity
			return
		}
		var answers []int
		if answers, err = parseAnswers(r, a); err == nil {
			err = rm.Answer(tok, seq, answers)
		}
	})
	s.answered(w, r, tok, err)
}

// parseAnswers reads a phone's answer to a from its form.
func parseAnswers(r *http.Request, a live.Activity) ([]int, error) {
	n := len(a.Options)
	answers := make([]int, n)
	index := func(v string) (int, bool) {
		i, err := strconv.Atoi(v)
		return i, err == nil && i >= 0 && i < n
	}
	switch a.Kind {
	case live.Poll:
		for field, bit := range map[string]int{"reads": live.Reads, "creates": live.Creates} {
			for _, v := range r.PostForm[field] {
				i, ok := index(v)
				if !ok {
					return nil, errors.New("that answer is not one of the platforms")
				}
				answers[i] |= bit
			}
		}
	case live.Dots, live.Ratings:
		prefix := map[live.Kind]string{live.Dots: "dots", live.Ratings: "rate"}[a.Kind]
		for i := range answers {
			v := strings.TrimSpace(r.PostFormValue(prefix + strconv.Itoa(i)))
			if v == "" {
				continue
			}
			k, err := strconv.Atoi(v)
			if err != nil {
				return nil, fmt.Errorf("%q is not a whole number", v)
			}
			answers[i] = k
		}
	default:
		return nil, live.ErrWrongActivity
	}
	return answers, nil
}

func (s *Server) submit(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	tok := token(r)
	seq, _ := strconv.Atoi(r.PostFormValue("seq"))
	sub := live.Submission{Kind: live.SubmissionKind(r.PostFormValue("kind")), Note: r.PostFormValue("note"),
		Conversation: model.Conversation{Place: r.PostFormValue("place"), Who: r.PostFormValue("who"),
			Tone: r.PostFormValue("tone"), Surprise: r.PostFormValue("surprise") != ""}}
	var err error
	s.changeFor(tok, func(rm *live.Room) { _, err = rm.Submit(tok, seq, sub) })
	s.answered(w, r, tok, err)
}

// stream is one phone following the room's events.
type stream struct{ wake chan struct{} }

// events pushes the phone its page whenever it would look different, and
// a heartbeat between; a phone that lost its connection comes back here
// with its cookie.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	tok := token(r)
	st := &stream{wake: make(chan struct{}, 1)}
	s.mu.Lock()
	_, joined := s.room.Phone(tok)
	full := s.streamCount >= maxStreams
	if joined && !full {
		if s.streams[tok] == nil {
			s.streams[tok] = map[*stream]struct{}{}
		}
		s.streams[tok][st] = struct{}{}
		s.streamCount++
	}
	s.mu.Unlock()
	switch {
	case !joined:
		http.Error(w, "This phone is not in the room: reload the page to join.", http.StatusUnauthorized)
		return
	case full:
		http.Error(w, "The room is busy; the page tries again by itself.", http.StatusServiceUnavailable)
		return
	}
	defer func() {
		s.mu.Lock()
		delete(s.streams[tok], st)
		if len(s.streams[tok]) == 0 {
			delete(s.streams, tok)
		}
		s.streamCount--
		s.mu.Unlock()
	}()
	rc := http.NewResponseController(w)
	// The stream outlives the server's read timeout, which would
	// otherwise end it.
	_ = rc.SetReadDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(b []byte) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	last := [2]int{-1, -1}
	push := func() bool {
		s.mu.Lock()
		view, ok := s.room.Phone(tok)
		s.mu.Unlock()
		if !ok {
			send([]byte("event: gone\ndata: removed\n\n"))
			return false
		}
		if view.Rev == last {
			return true
		}
		last = view.Rev
		return send(event("view", s.fragment(view)))
	}
	if !push() {
		return
	}
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closed:
			return
		case <-tick.C:
			if !send([]byte(": still here\n\n")) {
				return
			}
		case <-st.wake:
			if !push() {
				return
			}
		}
	}
}

// event frames data as one server-sent event, a data line per line.
func event(name string, data []byte) []byte {
	var b bytes.Buffer
	b.WriteString("event: " + name + "\n")
	for _, line := range bytes.Split(data, []byte("\n")) {
		b.WriteString("data: ")
		b.Write(bytes.TrimRight(line, "\r"))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	return b.Bytes()
}
