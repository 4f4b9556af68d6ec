package e2e

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var joinLine = regexp.MustCompile(`Join at (http://127\.0\.0\.1:\d+) · room code (\d{6})`)

// liveRoom is the program running a sample session with its live room on
// loopback, and where to reach it.
type liveRoom struct {
	*screen
	url, code string
	// file is the session file.
	file string
}

// openRoom opens a sample session with --room at cols×rows and reads the
// join address and code from the facilitator's screen, as the room would.
func openRoom(t testing.TB, cols, rows int) *liveRoom {
	t.Helper()
	home := t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtableTB(t, env, "new", "Live room", "--sample", "--no-open")
	if err != nil {
		t.Fatalf("roundtable new: %v\n%s", err, out)
	}
	id := lastLine(out)
	s := startScreen(t, env, cols, rows, "open", id, "--room", "--room-addr", "127.0.0.1:0")
	s.waitFor("Live room", "room code")
	m := joinLine.FindStringSubmatch(s.text())
	if m == nil {
		t.Fatalf("no join address on the screen:\n%s", s.text())
	}
	return &liveRoom{screen: s, url: m[1], code: m[2], file: filepath.Join(home, "data", "roundtable", "sessions", id+".toml")}
}

// client is a phone without a browser: a cookie jar, redirects not
// followed.
func client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
}

func post(t testing.TB, c *http.Client, u string, form url.Values, header ...string) int {
	t.Helper()
	req, _ := http.NewRequest("POST", u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", u, err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// TestRoomAnswersFromPhonesReachTheFacilitatorsScreen runs the built
// program with --room: two phones join with the code read off the screen,
// answer an anonymous poll, and the counts change on the facilitator's
// screen; closing writes them into the session file, which names neither.
func TestRoomAnswersFromPhonesReachTheFacilitatorsScreen(t *testing.T) {
	r := openRoom(t, 100, 30)
	phones := []*http.Client{client(), client()}
	for i, c := range phones {
		if st := post(t, c, r.url+"/join", url.Values{"code": {r.code}, "name": {fmt.Sprintf("Phone Person %d", i)}, "department": {"other"}}); st != http.StatusSeeOther {
			t.Fatalf("join: %d", st)
		}
	}
	r.waitFor("People (2)", "Phone Person 1 · other")
	r.send("o", "p", "a")
	r.waitFor("Show-of-hands poll (anonymous): 0 of 2 phones answered")
	for _, c := range phones {
		if st := post(t, c, r.url+"/answer", url.Values{"seq": {"1"}, "reads": {"0"}, "creates": {"0"}}, "X-Room", "script"); st != http.StatusNoContent {
			t.Fatalf("answer: %d", st)
		}
	}
	r.waitFor("2 of 2 phones answered", "reads   2  creates   2")
	r.send("c")
	r.waitFor("Poll closed: the counts of 2 phones are in the poll.")
	file := waitForFile(t, r.file, "reads = 2\ncreates = 2", "[[room]]\nactivity = \"poll\"\nanonymous = true")
	if strings.Contains(file, "Phone Person") {
		t.Fatal("the session file names a participant of an anonymous poll")
	}
	r.send("q")
	if err := r.exit(); err != nil {
		t.Fatalf("quitting: %v", err)
	}
}

// TestRoomWithstandsAbuseWhileTheFacilitatorWorks: wrong codes, an
// oversize body, a cross-site form post, a client that never finishes its
// headers and a thousand idle connections, while the facilitator keeps
// moving between steps and the program answers every key.
func TestRoomWithstandsAbuseWhileTheFacilitatorWorks(t *testing.T) {
	r := openRoom(t, 100, 30)
	addr := strings.TrimPrefix(r.url, "http://")
	phone := client()
	if st := post(t, phone, r.url+"/join", url.Values{"code": {r.code}, "name": {"Real Phone"}, "department": {"other"}}); st != http.StatusSeeOther {
		t.Fatalf("a real join: %d", st)
	}
	r.send("o", "p", "a")
	r.waitFor("0 of 1 phone answered")

	var idle []net.Conn
	defer func() {
		for _, c := range idle {
			c.Close()
		}
	}()
	for i := range 1000 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("idle connection %d: %v", i, err)
		}
		if i%10 == 0 {
			// Some start a request and never finish its headers.
			fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: %s\r\nX-Slow: ", addr)
		}
		idle = append(idle, c)
	}
	r.send("R")
	r.waitFor("Join at", "1 joined", "Listen first")
	r.send("]")
	r.waitFor("Step 2 of 6")

	wrong := "000000"
	if r.code == wrong {
		wrong = "000001"
	}
	mallory := client()
	for i := range 5 {
		if st := post(t, mallory, r.url+"/join", url.Values{"code": {wrong}, "name": {"Mallory"}, "department": {"other"}}); st != http.StatusForbidden {
			t.Fatalf("wrong code %d: %d", i+1, st)
		}
	}
	if st := post(t, mallory, r.url+"/join", url.Values{"code": {r.code}, "name": {"Mallory"}, "department": {"other"}}); st != http.StatusTooManyRequests {
		t.Fatalf("the right code after five wrong ones: %d, want 429", st)
	}
	if st := post(t, phone, r.url+"/answer", url.Values{"seq": {"1"}, "note": {strings.Repeat("x", 64<<10)}}); st != http.StatusRequestEntityTooLarge {
		t.Fatalf("an oversize body: %d", st)
	}
	if st := post(t, phone, r.url+"/answer", url.Values{"seq": {"1"}, "reads": {"0"}}, "Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site"); st != http.StatusForbidden {
		t.Fatalf("a cross-site form post: %d", st)
	}
	r.send("[")
	r.waitFor("Step 1 of 6", "poll: 0 answered")
	if st := post(t, phone, r.url+"/answer", url.Values{"seq": {"1"}, "reads": {"2"}}, "X-Room", "script"); st != http.StatusNoContent {
		t.Fatalf("a real answer among the abuse: %d", st)
	}
	r.waitFor("poll: 1 answered")
	r.send("q")
	if err := r.exit(); err != nil {
		t.Fatalf("quitting: %v", err)
	}
}

// waitForFile waits until the file at path holds every one of want, as
// the autosave writes it, and returns it.
func waitForFile(t testing.TB, path string, want ...string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, _ := os.ReadFile(path)
		missing := ""
		for _, w := range want {
			if !strings.Contains(string(data), w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return string(data)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never held %q:\n%s", path, missing, data)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestRoomIsRefusedWithReadOnly(t *testing.T) {
	env := testEnv(t, t.TempDir())
	out, _, err := roundtable(t, env, "new", "Look only", "--no-open")
	if err != nil {
		t.Fatal(err)
	}
	_, stderr, err := roundtable(t, env, "open", lastLine(out), "--room", "--read-only")
	if err == nil || !strings.Contains(stderr, "--room needs the session open for changes") {
		t.Fatalf("open --room --read-only: %v, %q", err, stderr)
	}
}
