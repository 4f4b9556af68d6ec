package room

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
	live "github.com/roundtable/roundtable/model/room"
)

// rig is a room listening on loopback and its log file.
type rig struct {
	t   *testing.T
	s   *Server
	log string
}

func newRig(t *testing.T) *rig {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), "state", "roundtable", "room.log")
	s, err := Start(Config{Addr: "127.0.0.1:0", LogPath: logPath, Departments: []string{"IT", "Marketing"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return &rig{t: t, s: s, log: logPath}
}

// phone is a browser of the room: it keeps its cookie and never follows
// redirects, so a test sees each answer as sent.
func (r *rig) phone() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 5 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
}

func (r *rig) code() string { return r.s.Update().Code }

// post sends a form, as a same-origin page would, and returns the status
// and body.
func (r *rig) post(c *http.Client, path string, form url.Values, header ...string) (int, string) {
	r.t.Helper()
	req, _ := http.NewRequest("POST", r.s.URL()+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func (r *rig) get(c *http.Client, path string) (*http.Response, string) {
	r.t.Helper()
	res, err := c.Get(r.s.URL() + path)
	if err != nil {
		r.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func (r *rig) join(c *http.Client, name, dept string) {
	r.t.Helper()
	if st, body := r.post(c, "/join", url.Values{"code": {r.code()}, "name": {name}, "department": {dept}}); st != http.StatusSeeOther {
		r.t.Fatalf("joining as %s: %d %s", name, st, body)
	}
}

func pollSession() *model.Session {
	s := &model.Session{}
	s.Listen.Poll = []model.PollRow{{Platform: "LinkedIn"}, {Platform: "Forums"}}
	s.Objectives.Items = []model.Objective{{Title: "Listen"}, {Title: "Support"}}
	s.Objectives.VotesPerParticipant = 3
	return s
}

func (r *rig) open(kind live.Kind, anonymous bool) int {
	r.t.Helper()
	var (
		a   live.Activity
		err error
	)
	switch kind {
	case live.Poll:
		a, err = live.PollOf(pollSession(), anonymous)
	case live.Dots:
		a, err = live.DotsOf(pollSession(), anonymous)
	case live.Submissions:
		a = live.SubmissionsOf(pollSession(), anonymous)
	}
	if err != nil {
		r.t.Fatal(err)
	}
	if err := r.s.Open(a); err != nil {
		r.t.Fatal(err)
	}
	return r.s.Update().Tally.Seq
}

func TestJoiningSetsAPrivateCookieAndShowsThePhoneItsPage(t *testing.T) {
	r := newRig(t)
	c := r.phone()
	res, body := r.get(c, "/")
	if res.StatusCode != 200 || !strings.Contains(body, "Join the room") || !strings.Contains(body, "<option>Marketing</option>") ||
		!strings.Contains(body, "<option>other</option>") {
		t.Fatalf("the join page: %d\n%s", res.StatusCode, body)
	}
	req, _ := http.NewRequest("POST", r.s.URL()+"/join", strings.NewReader(url.Values{"code": {r.code()}, "name": {"Ana"}, "department": {"IT"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	jres, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	jres.Body.Close()
	cookies := jres.Cookies()
	if jres.StatusCode != http.StatusSeeOther || len(cookies) != 1 {
		t.Fatalf("join: %d, cookies %v", jres.StatusCode, cookies)
	}
	ck := cookies[0]
	if !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || len(ck.Value) != 32 || ck.Path != "/" {
		t.Fatalf("cookie %+v: want HttpOnly, SameSite=Strict and a 128-bit token", ck)
	}
	if _, body := r.get(c, "/"); !strings.Contains(body, "In the room as <strong>Ana</strong> · IT") || !strings.Contains(body, "Waiting for the facilitator") {
		t.Fatalf("the joined page:\n%s", body)
	}
	if m := r.s.Update().Members; len(m) != 1 || m[0].Name != "Ana" {
		t.Fatalf("the facilitator sees %+v", m)
	}
	// Joining again with the cookie keeps the same place.
	if st, _ := r.post(c, "/join", url.Values{}); st != http.StatusSeeOther || len(r.s.Update().Members) != 1 {
		t.Fatalf("rejoining: %d, members %v", st, r.s.Update().Members)
	}
}

func TestJoinErrorsKeepWhatWasTyped(t *testing.T) {
	r := newRig(t)
	c := r.phone()
	for _, tc := range []struct {
		form   url.Values
		status int
		want   string
	}{
		{url.Values{"code": {"x"}, "name": {"Ana"}, "department": {"IT"}}, 403, "That is not the room code"},
		{url.Values{"code": {r.code()}, "name": {""}, "department": {"IT"}}, 400, "Type your name"},
		{url.Values{"code": {r.code()}, "name": {"Bo"}, "department": {"Sales"}}, 400, "Pick your department"},
		{url.Values{"code": {r.code()}, "name": {strings.Repeat("n", 41)}, "department": {"IT"}}, 400, "keep it to 40"},
	} {
		st, body := r.post(c, "/join", tc.form)
		if st != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("%v: %d, want %d saying %q:\n%s", tc.form, st, tc.status, tc.want, body)
		}
		if name := tc.form.Get("name"); name != "" && !strings.Contains(body, `value="`+name+`"`) {
			t.Errorf("%v: the form lost the name typed", tc.form)
		}
	}
	r.s.SetLocked(true)
	if st, body := r.post(c, "/join", url.Values{"code": {r.code()}, "name": {"Bo"}, "department": {"IT"}}); st != 403 || !strings.Contains(body, "locked") {
		t.Errorf("a locked room: %d %s", st, body)
	}
}

func TestWrongCodesAreLimitedPerAddress(t *testing.T) {
	r := newRig(t)
	c := r.phone()
	wrong := url.Values{"code": {"000000"}, "name": {"Mallory"}, "department": {"IT"}}
	if r.code() == "000000" {
		wrong.Set("code", "000001")
	}
	for i := range codesPerAddr {
		if st, _ := r.post(c, "/join", wrong); st != http.StatusForbidden {
			t.Fatalf("wrong code %d: %d, want 403", i+1, st)
		}
	}
	req, _ := http.NewRequest("POST", r.s.URL()+"/join", strings.NewReader(url.Values{"code": {r.code()}, "name": {"Mallory"}, "department": {"IT"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "60" || !strings.Contains(string(body), "wait a minute") {
		t.Fatalf("after %d wrong codes, even the right one: %d %q %s", codesPerAddr, res.StatusCode, res.Header.Get("Retry-After"), body)
	}
	if len(r.s.Update().Members) != 0 {
		t.Fatal("a blocked address joined")
	}
}

func TestLimiter(t *testing.T) {
	now := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	l := newLimiter(func() time.Time { return now })
	for range codesPerAddr - 1 {
		l.failed("10.0.0.1")
	}
	if l.blocked("10.0.0.1") {
		t.Fatal("blocked before the limit")
	}
	l.failed("10.0.0.1")
	if !l.blocked("10.0.0.1") || l.blocked("10.0.0.2") {
		t.Fatal("the limit is not per address")
	}
	now = now.Add(codeWindow + time.Second)
	if l.blocked("10.0.0.1") {
		t.Fatal("still blocked after the window")
	}
	for i := range codesOverall {
		l.failed(fmt.Sprintf("10.1.%d.%d", i/250, i%250))
	}
	if !l.blocked("10.9.9.9") {
		t.Fatal("many addresses together get past the overall limit")
	}
	for i := range maxAddrTracked + 10 {
		l.failed(fmt.Sprint("a", i))
	}
	if n := len(l.perAddr); n > maxAddrTracked {
		t.Fatalf("%d addresses tracked, at most %d", n, maxAddrTracked)
	}
}

func TestGuards(t *testing.T) {
	r := newRig(t)
	c := r.phone()
	r.join(c, "Ana", "IT")
	seq := r.open(live.Poll, true)
	big := url.Values{"seq": {fmt.Sprint(seq)}, "note": {strings.Repeat("x", maxBody)}}
	if st, body := r.post(c, "/answer", big); st != http.StatusRequestEntityTooLarge || !strings.Contains(body, "more than the room takes") {
		t.Errorf("an oversize body: %d %s", st, body)
	}
	for _, h := range [][]string{{"Sec-Fetch-Site", "cross-site"}, {"Origin", "http://evil.example"}} {
		if st, body := r.post(c, "/answer", url.Values{"seq": {fmt.Sprint(seq)}, "reads": {"0"}}, h...); st != http.StatusForbidden || !strings.Contains(body, "another site") {
			t.Errorf("a cross-site post with %s: %d %s", h[0], st, body)
		}
	}
	if tally := r.s.Update().Tally; tally.Answered != 0 {
		t.Fatalf("a refused post counted: %+v", tally)
	}
	req, _ := http.NewRequest("GET", r.s.URL()+"/", nil)
	req.Host = "rebound.example:80"
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("a request for another host name: %d", res.StatusCode)
	}
	req.Host = strings.Replace(strings.TrimPrefix(r.s.URL(), "http://"), "127.0.0.1", "LOCALHOST", 1)
	if res, err := c.Do(req); err != nil || res.StatusCode != 200 {
		t.Errorf("localhost for a loopback room: %v %v", res.StatusCode, err)
	}
	if res, _ := r.get(c, "/static/"); res.StatusCode != http.StatusNotFound {
		t.Errorf("the static folder is listed: %d", res.StatusCode)
	}
	for _, path := range []string{"/", "/static/style.css", "/static/room.js", "/nothing-here"} {
		res, _ := r.get(c, path)
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'self'") ||
			res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: %d, security headers %q", path, res.StatusCode, res.Header)
		}
	}
}

func TestParticipantTextIsEscapedOnEveryPage(t *testing.T) {
	r := newRig(t)
	c := r.phone()
	evil := `<script>alert(1)</script>"'&`
	st, body := r.post(c, "/join", url.Values{"code": {"wrong"}, "name": {evil}, "department": {evil}})
	if st != 403 || strings.Contains(body, "<script>alert") || !strings.Contains(body, "&lt;script&gt;") {
		t.Fatalf("the join page echoes the name unescaped: %s", body)
	}
	r.s.SetDepartments([]string{evil})
	r.join(c, "<b>Bo</b>", evil)
	_, body = r.get(c, "/")
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>Bo") || !strings.Contains(body, "&lt;b&gt;Bo") {
		t.Fatalf("the activity page:\n%s", body)
	}
}

func TestPollAnswersCountOnceAndShowOnTheFacilitatorsSide(t *testing.T) {
	r := newRig(t)
	ana, raj := r.phone(), r.phone()
	r.join(ana, "Ana", "IT")
	r.join(raj, "Raj", "Marketing")
	seq := r.open(live.Poll, false)
	script := []string{"X-Room", "script"}
	for _, form := range []url.Values{{"reads": {"0"}}, {"reads": {"0", "1"}, "creates": {"1"}}} {
		form.Set("seq", fmt.Sprint(seq))
		if st, body := r.post(ana, "/answer", form, script...); st != http.StatusNoContent {
			t.Fatalf("answer: %d %s", st, body)
		}
	}
	if st, _ := r.post(raj, "/answer", url.Values{"seq": {fmt.Sprint(seq)}, "reads": {"1"}}); st != http.StatusSeeOther {
		t.Fatalf("a plain form answer: %d, want the page again", st)
	}
	tally := r.s.Update().Tally
	if want := []live.PollCount{{Reads: 1}, {Reads: 2, Creates: 1}}; fmt.Sprint(tally.Poll) != fmt.Sprint(want) || tally.Answered != 2 {
		t.Fatalf("tally %+v, want %+v from 2 phones", tally.Poll, want)
	}
	for _, tc := range []struct {
		form   url.Values
		status int
		want   string
	}{
		{url.Values{"seq": {fmt.Sprint(seq + 1)}, "reads": {"0"}}, http.StatusConflict, "the page has been updated"},
		{url.Values{"seq": {fmt.Sprint(seq)}, "reads": {"7"}}, http.StatusBadRequest, "not one of the platforms"},
	} {
		if st, body := r.post(ana, "/answer", tc.form, script...); st != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("%v: %d %q, want %d %q", tc.form, st, body, tc.status, tc.want)
		}
	}
	if st, _ := r.post(r.phone(), "/answer", url.Values{"seq": {fmt.Sprint(seq)}, "reads": {"0"}}, script...); st != http.StatusUnauthorized {
		t.Errorf("a phone not in the room: %d", st)
	}
	if st, body := r.post(ana, "/answer", url.Values{"seq": {fmt.Sprint(seq)}, "reads": {"nine"}}); st != 400 || !strings.Contains(body, "In the room as") {
		t.Errorf("a plain form's error shows the page with it: %d %s", st, body)
	}
}

func TestDotsAndSubmissionsThroughTheForms(t *testing.T) {
	r := newRig(t)
	c := r.phone()
	r.join(c, "Ana", "IT")
	seq := r.open(live.Dots, true)
	if st, body := r.post(c, "/answer", url.Values{"seq": {fmt.Sprint(seq)}, "dots0": {"2"}, "dots1": {"2"}}, "X-Room", "script"); st != 400 || !strings.Contains(body, "You have 3 dots") {
		t.Fatalf("too many dots: %d %s", st, body)
	}
	if st, _ := r.post(c, "/answer", url.Values{"seq": {fmt.Sprint(seq)}, "dots0": {"1"}, "dots1": {"2"}}, "X-Room", "script"); st != 204 {
		t.Fatalf("dots: %d", st)
	}
	if u := r.s.Update(); !u.Tally.Hidden || u.Tally.Dots != nil || u.Tally.Answered != 1 {
		t.Fatalf("an open dot vote shows the facilitator %+v", u.Tally)
	}
	res, _ := r.s.Close()
	if fmt.Sprint(res.Dots) != "[1 2]" {
		t.Fatalf("revealed %v", res.Dots)
	}
	seq = r.open(live.Submissions, false)
	if st, _ := r.post(c, "/submit", url.Values{"seq": {fmt.Sprint(seq)}, "kind": {"parking"}, "note": {"Budget?"}}); st != http.StatusSeeOther {
		t.Fatalf("a note: %d", st)
	}
	if st, body := r.post(c, "/submit", url.Values{"seq": {fmt.Sprint(seq)}, "kind": {"conversation"}}); st != 400 || !strings.Contains(body, "Say where people talk") {
		t.Fatalf("an empty conversation: %d %s", st, body)
	}
	inbox := r.s.Update().Inbox
	if len(inbox) != 1 || inbox[0].Note != "Budget?" || inbox[0].From != "Ana" {
		t.Fatalf("inbox %+v", inbox)
	}
	if _, body := r.get(c, "/"); !strings.Contains(body, "1 of your submissions is waiting") {
		t.Fatalf("the phone does not say its note waits:\n%s", body)
	}
	if sub, ok := r.s.Take(inbox[0].ID); !ok || sub.Note != "Budget?" || len(r.s.Update().Inbox) != 0 {
		t.Fatal("taking the submission")
	}
}

// events reads a phone's event stream.
type events struct {
	t   *testing.T
	res *http.Response
	r   *bufio.Reader
}

func (r *rig) events(c *http.Client) *events {
	r.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r.t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", r.s.URL()+"/events", nil)
	stream := &http.Client{Jar: c.Jar}
	res, err := stream.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() { res.Body.Close() })
	return &events{t: r.t, res: res, r: bufio.NewReader(res.Body)}
}

// next reads the next event or comment, whole.
func (e *events) next() string {
	e.t.Helper()
	var b strings.Builder
	for {
		line, err := e.r.ReadString('\n')
		if err != nil {
			e.t.Fatalf("the stream ended: %v (read %q)", err, b.String())
		}
		if line == "\n" {
			return b.String()
		}
		b.WriteString(line)
	}
}

func TestEventsPushEachPhoneItsOwnPage(t *testing.T) {
	heartbeat = 50 * time.Millisecond
	t.Cleanup(func() { heartbeat = 15 * time.Second })
	r := newRig(t)
	ana, raj := r.phone(), r.phone()
	r.join(ana, "Ana", "IT")
	r.join(raj, "Raj", "IT")
	if st, _ := r.get(r.phone(), "/events"); st.StatusCode != http.StatusUnauthorized {
		t.Fatalf("a stream for a phone not in the room: %d", st.StatusCode)
	}
	ev := r.events(ana)
	if ct := ev.res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	if first := ev.next(); !strings.HasPrefix(first, "event: view\n") || !strings.Contains(first, "Waiting for the facilitator") {
		t.Fatalf("first event %q", first)
	}
	seq := r.open(live.Poll, true)
	next := ev.next()
	for strings.HasPrefix(next, ":") {
		next = ev.next()
	}
	if !strings.Contains(next, "Show-of-hands poll") || !strings.Contains(next, "Anonymous") || strings.Contains(next, "\ndata: \n\ndata") {
		t.Fatalf("after opening the poll: %q", next)
	}
	// Raj's answer does not change Ana's page: only heartbeats come.
	r.post(raj, "/answer", url.Values{"seq": {fmt.Sprint(seq)}, "reads": {"0"}}, "X-Room", "script")
	if hb := ev.next(); hb != ": still here\n" {
		t.Fatalf("another phone's answer reached this phone: %q", hb)
	}
	r.s.Remove(r.s.Update().Members[0].ID)
	for got := ev.next(); !strings.HasPrefix(got, "event: gone"); got = ev.next() {
		if !strings.HasPrefix(got, ":") {
			t.Fatalf("a removed phone got %q", got)
		}
	}
	if _, body := r.get(ana, "/"); !strings.Contains(body, "Join the room") {
		t.Fatal("a removed phone still sees the room")
	}
}

func TestNextWaitsForANewerPictureAndEndsWithTheRoom(t *testing.T) {
	r := newRig(t)
	u := r.s.Update()
	got := make(chan any, 1)
	go func() { got <- r.s.Next(u.Version)() }()
	select {
	case m := <-got:
		t.Fatalf("Next returned %v before anything changed", m)
	case <-time.After(20 * time.Millisecond):
	}
	r.s.SetLocked(true)
	m := (<-got).(Pushed).Update
	if !m.Locked || m.Version <= u.Version {
		t.Fatalf("update %+v", m)
	}
	go func() { got <- r.s.Next(m.Version)() }()
	r.s.Stop()
	if st, ok := (<-got).(Stopped); !ok || st.From != r.s {
		t.Fatal("Next did not end with the room")
	}
}

func TestAPanicStaysInItsRequestAndGoesToTheLog(t *testing.T) {
	r := newRig(t)
	h := r.s.guard(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("a broken handler") }))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/", nil)
	req.Host = strings.TrimPrefix(r.s.URL(), "http://")
	h.ServeHTTP(rec, req)
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "broken") {
		t.Fatalf("%d %q", rec.Code, rec.Body.String())
	}
	data, err := os.ReadFile(r.log)
	if err != nil || !strings.Contains(string(data), "panic serving GET /: a broken handler") {
		t.Fatalf("the log has %q (%v)", data, err)
	}
	if info, _ := os.Stat(r.log); info.Mode().Perm() != 0o600 {
		t.Errorf("the log is %v, want private", info.Mode().Perm())
	}
	if res, _ := r.get(r.phone(), "/"); res.StatusCode != 200 {
		t.Fatal("the room stopped after a panic")
	}
}

func TestASlowClientIsDroppedAndTheRoomKeepsServing(t *testing.T) {
	readHeaderTimeout = 100 * time.Millisecond
	t.Cleanup(func() { readHeaderTimeout = 5 * time.Second })
	r := newRig(t)
	conn, err := net.Dial("tcp", strings.TrimPrefix(r.s.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: %s\r\nX-Slow: ", strings.TrimPrefix(r.s.URL(), "http://"))
	if res, _ := r.get(r.phone(), "/"); res.StatusCode != 200 {
		t.Fatal("the room stopped serving while a client was slow")
	}
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.ReadAll(conn); err != nil {
		t.Fatalf("the slow client was never dropped: %v", err)
	}
}

func TestStartFailsWithAClearMessage(t *testing.T) {
	r := newRig(t)
	_, err := Start(Config{Addr: strings.TrimPrefix(r.s.URL(), "http://")})
	if err == nil || !strings.Contains(err.Error(), "--room-addr") {
		t.Fatalf("a taken address: %v", err)
	}
}

func TestCodesAreSixDigits(t *testing.T) {
	for range 50 {
		c, err := NewCode()
		if err != nil || len(c) != 6 || strings.Trim(c, "0123456789") != "" {
			t.Fatalf("code %q, %v", c, err)
		}
	}
}

// TestPhonesShareADrawingButNeverEachOthersName: phones showing the same
// page share one drawing of it, and each still reads only its own name.
func TestPhonesShareADrawingButNeverEachOthersName(t *testing.T) {
	r := newRig(t)
	ana, raj := r.phone(), r.phone()
	r.join(ana, "Ana", "IT")
	r.join(raj, "Raj", "Marketing")
	r.open(live.Poll, false)
	evA, evR := r.events(ana), r.events(raj)
	a, b := evA.next(), evR.next()
	if !strings.Contains(a, "<strong>Ana</strong> · IT") || strings.Contains(a, "Raj") ||
		!strings.Contains(b, "<strong>Raj</strong> · Marketing") || strings.Contains(b, "Ana") {
		t.Fatalf("the pages name the wrong people:\n%s\n---\n%s", a, b)
	}
	body := func(s string) string { return s[strings.Index(s, "Show-of-hands"):] }
	if body(a) != body(b) {
		t.Fatal("two phones showing the same poll got different pages")
	}
}

// TestAPhoneThatLostItsConnectionComesBackWithItsCookie: a phone whose
// stream dropped (its screen locked) reconnects with its cookie and gets
// the room as it is now, without joining again.
func TestAPhoneThatLostItsConnectionComesBackWithItsCookie(t *testing.T) {
	r := newRig(t)
	c := r.phone()
	r.join(c, "Ana", "IT")
	first := r.events(c)
	first.next()
	first.res.Body.Close()
	r.open(live.Poll, true)
	again := r.events(c)
	if ev := again.next(); !strings.Contains(ev, "Show-of-hands poll") || !strings.Contains(ev, "<strong>Ana</strong>") {
		t.Fatalf("the reconnected phone got %q", ev)
	}
	if n := len(r.s.Update().Members); n != 1 {
		t.Fatalf("%d members after a reconnection, want 1", n)
	}
}
