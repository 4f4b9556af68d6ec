package perf

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
)

// roomPhones is how many phones the room benchmark joins.
const roomPhones = 200

// terminal is the built program in a pseudo-terminal whose every frame is
// handed to watch as it arrives, with the time it arrived.
type terminal struct {
	cmd  *exec.Cmd
	pty  *os.File
	vt   vt10x.Terminal
	done chan struct{}

	mu    sync.Mutex
	watch func(screen string, at time.Time)
}

func startTerminal(b *testing.B, bin string, env []string, cols, rows int, args ...string) *terminal {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		b.Fatal(err)
	}
	t := &terminal{cmd: cmd, pty: f, vt: vt10x.New(vt10x.WithWriter(f), vt10x.WithSize(cols, rows)), done: make(chan struct{})}
	go func() {
		defer close(t.done)
		buf := make([]byte, 64*1024)
		var pending []byte
		for {
			n, err := f.Read(buf)
			at := time.Now()
			pending = append(pending, buf[:n]...)
			whole := len(pending)
			for i := len(pending) - 1; i >= 0 && i >= len(pending)-utf8.UTFMax; i-- {
				if utf8.RuneStart(pending[i]) {
					if !utf8.FullRune(pending[i:]) {
						whole = i
					}
					break
				}
			}
			w, _ := t.vt.Write(pending[:whole])
			pending = append(pending[:0], pending[w:]...)
			t.mu.Lock()
			if t.watch != nil {
				t.watch(t.vt.String(), at)
			}
			t.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	b.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		f.Close()
	})
	return t
}

func (t *terminal) setWatch(w func(string, time.Time)) {
	t.mu.Lock()
	t.watch = w
	t.mu.Unlock()
}

// waitFor waits until the screen matches re, and returns the match.
func (t *terminal) waitFor(b *testing.B, re *regexp.Regexp) []string {
	b.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(t.vt.String()); m != nil {
			return m
		}
		time.Sleep(2 * time.Millisecond)
	}
	b.Fatalf("the screen never matched %s:\n%s", re, t.vt.String())
	return nil
}

func (t *terminal) keys(b *testing.B, keys ...string) {
	b.Helper()
	for _, k := range keys {
		if _, err := t.pty.Write([]byte(k)); err != nil {
			b.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// rss is the program's resident memory in bytes.
func (t *terminal) rss(b *testing.B) int {
	b.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", t.cmd.Process.Pid))
	if err != nil {
		b.Skipf("no /proc to read the program's memory: %v", err)
	}
	m := regexp.MustCompile(`VmRSS:\s+(\d+) kB`).FindSubmatch(data)
	if m == nil {
		b.Fatal("no VmRSS in /proc")
	}
	kb, _ := strconv.Atoi(string(m[1]))
	return kb << 10
}

var (
	roomJoin     = regexp.MustCompile(`Join at (http://127\.0\.0\.1:\d+) · room code (\d{6})`)
	roomAnswered = regexp.MustCompile(`(\d+) of ` + strconv.Itoa(roomPhones) + ` phones answered`)
)

// BenchmarkRoom joins 200 phones to the built program's live room on
// loopback, each following the room's events as a phone's page does, and
// in each round opens a poll that all 200 answer at once. It measures,
// through the real path (HTTP, the room, the program's update and its
// frame in a pseudo-terminal), the time from each vote's reply to the
// frame that counts it, and the time from a key (tab, switching the
// panel's lists) to its frame while the votes come in; it checks every
// vote is counted once, and reports the program's resident memory per
// joined phone.
func BenchmarkRoom(b *testing.B) {
	bin := binary(b)
	home := b.TempDir()
	env := append(os.Environ(),
		"HOME="+home,
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"),
		"ROUNDTABLE_DATA_DIR="+filepath.Join(home, "data", "roundtable"),
		"TERM=xterm-256color",
	)
	out, err := exec.Command(bin, "--data-dir", filepath.Join(home, "data", "roundtable"), "new", "Room benchmark", "--sample", "--no-open").Output()
	if err != nil {
		b.Fatalf("creating the session: %v", err)
	}
	id := strings.TrimSpace(string(out[strings.LastIndexByte(strings.TrimSpace(string(out)), '\n')+1:]))
	term := startTerminal(b, bin, env, 120, 40, "open", id, "--room", "--room-addr", "127.0.0.1:0")
	m := term.waitFor(b, roomJoin)
	base, code := m[1], m[2]
	time.Sleep(200 * time.Millisecond)
	before := term.rss(b)

	phones := startPhones(b, base, code)
	term.waitFor(b, regexp.MustCompile(`People \(`+strconv.Itoa(roomPhones)+`\)`))
	time.Sleep(300 * time.Millisecond)
	perPhone := (term.rss(b) - before) / roomPhones

	// The keys' time with the room quiet, to compare with their time
	// while it votes.
	quiet := pressKeys(b, term, 20, nil)

	var votes, keysMs []float64
	seq := 0
	for b.Loop() {
		b.StopTimer()
		term.keys(b, "o", "p", "a")
		term.waitFor(b, regexp.MustCompile(`\(anonymous\): 0 of `+strconv.Itoa(roomPhones)+` phones answered`))
		seq++
		b.StartTimer()
		v, k := roomRound(b, term, phones, seq)
		votes, keysMs = append(votes, v...), append(keysMs, k...)
		b.StopTimer()
		term.waitFor(b, regexp.MustCompile(`LinkedIn\s+reads\s+`+strconv.Itoa(roomPhones)+`\s+creates\s+0`))
		term.keys(b, "c")
		term.waitFor(b, regexp.MustCompile(`Poll closed: the counts of `+strconv.Itoa(roomPhones)+` phones`))
		b.StartTimer()
	}
	b.ReportMetric(percentile(votes, 50), "vote-p50-ms")
	b.ReportMetric(percentile(votes, 95), "vote-p95-ms")
	b.ReportMetric(percentile(keysMs, 95), "key-p95-ms")
	b.ReportMetric(percentile(quiet, 95), "key-quiet-p95-ms")
	b.ReportMetric(float64(perPhone), "rss-bytes/phone")
	if budget, ok := Lookup("RoomVote"); ok {
		b.ReportMetric(percentile(votes, 95)/float64(budget.Time.Milliseconds())*100, "%vote-budget")
	}
	if budget, ok := Lookup("RoomKeystroke"); ok {
		b.ReportMetric(percentile(keysMs, 95)/(float64(budget.Time.Microseconds())/1000)*100, "%key-budget")
	}
}

// roomRound has every phone answer the open poll at once while tab is
// pressed every few milliseconds, and returns each vote's time from its
// reply to the frame counting it, and each key's time to its frame, in
// milliseconds.
func roomRound(b *testing.B, term *terminal, phones *phones, seq int) (votes, keys []float64) {
	var (
		mu    sync.Mutex
		shown []time.Time // shown[n-1]: the first frame counting n answers
	)
	count := func(screen string, at time.Time) {
		if m := roomAnswered.FindStringSubmatch(screen); m != nil {
			n, _ := strconv.Atoi(m[1])
			mu.Lock()
			for len(shown) < n {
				shown = append(shown, at)
			}
			mu.Unlock()
		}
	}

	voting := make(chan struct{})
	var replies []time.Time
	go func() {
		defer close(voting)
		replies = phones.vote(b, seq)
	}()
	keys = pressKeys(b, term, 0, func(screen string, at time.Time) bool {
		count(screen, at)
		select {
		case <-voting:
			return true
		default:
			return false
		}
	})
	defer term.setWatch(nil)
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := len(shown)
		mu.Unlock()
		if n >= roomPhones {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("the screen counted %d of %d votes:\n%s", n, roomPhones, term.vt.String())
		}
		time.Sleep(2 * time.Millisecond)
	}
	if len(shown) > roomPhones || len(replies) != roomPhones {
		b.Fatalf("%d votes counted, %d replies, from %d phones", len(shown), len(replies), roomPhones)
	}
	// The k-th reply is counted once the screen shows k answers.
	slices.SortFunc(replies, func(x, y time.Time) int { return x.Compare(y) })
	mu.Lock()
	defer mu.Unlock()
	for k, r := range replies {
		votes = append(votes, max(float64(shown[k].Sub(r).Microseconds())/1000, 0))
	}
	return votes, keys
}

func percentile(xs []float64, p int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[min(len(s)-1, (len(s)*p+99)/100-1)]
}

// panes finds which of the panel's lists has the focus.
var panes = regexp.MustCompile(`\[(People|Inbox) \(`)

// pressKeys presses tab, which switches the panel's lists, and times each
// press to the frame that shows it: n presses, or until done says so.
// done also sees every frame.
func pressKeys(b *testing.B, term *terminal, n int, done func(screen string, at time.Time) bool) []float64 {
	b.Helper()
	var (
		mu      sync.Mutex
		want    string
		pressed time.Time
		over    bool
	)
	shown := make(chan time.Duration, 1)
	term.setWatch(func(screen string, at time.Time) {
		if done != nil && done(screen, at) {
			mu.Lock()
			over = true
			mu.Unlock()
		}
		mu.Lock()
		defer mu.Unlock()
		if m := panes.FindStringSubmatch(screen); want != "" && m != nil && m[1] == want {
			want = ""
			shown <- at.Sub(pressed)
		}
	})
	next := "Inbox"
	if m := term.waitFor(b, panes); m[1] == "Inbox" {
		next = "People"
	}
	var times []float64
	for i := 0; n == 0 || i < n; i++ {
		mu.Lock()
		if n == 0 && over && i > 0 {
			mu.Unlock()
			break
		}
		want, pressed = next, time.Now()
		mu.Unlock()
		if _, err := term.pty.Write([]byte("\t")); err != nil {
			b.Fatal(err)
		}
		select {
		case d := <-shown:
			times = append(times, float64(d.Microseconds())/1000)
		case <-time.After(5 * time.Second):
			b.Fatalf("tab never switched the panel to %s:\n%s", next, term.vt.String())
		}
		next = map[string]string{"Inbox": "People", "People": "Inbox"}[next]
		time.Sleep(5 * time.Millisecond)
	}
	return times
}

// phonesEnv tells the helper process where the room is: "URL CODE".
const phonesEnv = "ROUNDTABLE_BENCH_PHONES"

// phones are the benchmark's 200 phones, in a helper process of their own
// at the lowest CPU priority: on a real network their work is done by the
// phones, not by the facilitator's laptop, which here shares two cores
// with them.
type phones struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Scanner
}

func startPhones(b *testing.B, base, code string) *phones {
	b.Helper()
	cmd := exec.Command("nice", "-n", "19", os.Args[0], "-test.run=^TestHelperPhones$", "-test.count=1")
	cmd.Env = append(os.Environ(), phonesEnv+"="+base+" "+code)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatalf("starting the phones: %v", err)
	}
	p := &phones{cmd: cmd, in: in, out: bufio.NewScanner(out)}
	p.out.Buffer(make([]byte, 64<<10), 1<<20)
	b.Cleanup(func() {
		in.Close()
		_ = cmd.Wait()
	})
	if line := p.line(b); line != "ready" {
		b.Fatalf("the phones said %q", line)
	}
	return p
}

func (p *phones) line(b *testing.B) string {
	b.Helper()
	for p.out.Scan() {
		// The test binary's own output ends the helper's; only our lines
		// start with a word we sent.
		if l := p.out.Text(); l == "ready" || strings.HasPrefix(l, "replies ") {
			return l
		}
	}
	b.Fatalf("the phones stopped: %v", p.out.Err())
	return ""
}

// vote has every phone answer activity seq at once, and returns when each
// got its reply.
func (p *phones) vote(b *testing.B, seq int) []time.Time {
	if _, err := fmt.Fprintf(p.in, "vote %d\n", seq); err != nil {
		b.Error(err)
		return nil
	}
	fields := strings.Fields(strings.TrimPrefix(p.line(b), "replies "))
	out := make([]time.Time, 0, len(fields))
	for _, f := range fields {
		ns, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			b.Errorf("a reply time %q", f)
			return nil
		}
		out = append(out, time.Unix(0, ns))
	}
	return out
}

// TestHelperPhones is not a test: it is the phones of BenchmarkRoom, run
// in their own process (see phones), and does nothing otherwise.
func TestHelperPhones(t *testing.T) {
	where := os.Getenv(phonesEnv)
	if where == "" {
		t.Skip("the phones of BenchmarkRoom, run by it in a process of their own")
	}
	base, code, _ := strings.Cut(where, " ")
	transport := &http.Transport{MaxIdleConns: 2 * roomPhones, MaxIdleConnsPerHost: 2 * roomPhones}
	clients := make([]*http.Client, roomPhones)
	// showing[i] is the activity phone i's page shows: a phone answers
	// only once its page has the poll, as a person would.
	showing := make([]atomic.Int64, roomPhones)
	seqOnPage := regexp.MustCompile(`name="seq" value="(\d+)"`)
	for i := range clients {
		jar, _ := cookiejar.New(nil)
		clients[i] = &http.Client{Jar: jar, Transport: transport, Timeout: 20 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := clients[i].PostForm(base+"/join", url.Values{"code": {code}, "name": {fmt.Sprint("Phone ", i)}, "department": {"other"}})
		if err != nil || res.StatusCode != http.StatusSeeOther {
			t.Fatalf("phone %d joining: %v %v", i, err, res)
		}
		res.Body.Close()
		// Each phone follows the room's events, as its page does.
		streams := &http.Client{Jar: jar, Transport: &http.Transport{}}
		go func() {
			res, err := streams.Get(base + "/events")
			if err != nil {
				return
			}
			defer res.Body.Close()
			lines := bufio.NewScanner(res.Body)
			lines.Buffer(make([]byte, 64<<10), 1<<20)
			for lines.Scan() {
				if m := seqOnPage.FindSubmatch(lines.Bytes()); m != nil {
					n, _ := strconv.Atoi(string(m[1]))
					showing[i].Store(int64(n))
				}
			}
		}()
	}
	fmt.Println("ready")
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		seq := strings.TrimPrefix(in.Text(), "vote ")
		want, _ := strconv.Atoi(seq)
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
			all := true
			for i := range showing {
				all = all && showing[i].Load() >= int64(want)
			}
			if all {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the phones' pages never showed activity %d", want)
			}
		}
		replies := make([]int64, roomPhones)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, c := range clients {
			wg.Go(func() {
				<-start
				req, _ := http.NewRequest("POST", base+"/answer", strings.NewReader(url.Values{"seq": {seq}, "reads": {"0"}}.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("X-Room", "script")
				res, err := c.Do(req)
				if err != nil {
					t.Errorf("phone %d voting: %v", i, err)
					return
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusNoContent {
					t.Errorf("phone %d voting: %s", i, res.Status)
				}
				replies[i] = time.Now().UnixNano()
			})
		}
		close(start)
		wg.Wait()
		var line strings.Builder
		line.WriteString("replies")
		for _, r := range replies {
			line.WriteString(" " + strconv.FormatInt(r, 10))
		}
		fmt.Println(line.String())
	}
}
