// Package room is the live room's interface: a small web server inside the
// facilitator's program that serves phone-sized pages on the local
// network, pushes each phone its own page as it changes, and hands the
// facilitator's program a picture of the room for its panel. The rules of
// the room are in model/room; the server only guards the door and carries
// messages. Phones never write the session: what they send waits here
// until the facilitator's program takes it as an edit of its own.
package room

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	live "github.com/roundtable/roundtable/model/room"
)

// Timeouts of the server: a phone on a slow network still gets through,
// and a client that never finishes its request is dropped. Tests shorten
// them.
var (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 10 * time.Second
	idleTimeout       = 60 * time.Second
	// heartbeat keeps a phone's event stream open through idle proxies
	// and tells a dead connection from a quiet one.
	heartbeat = 15 * time.Second
)

// Sizes the server takes.
const (
	maxHeaderBytes = 8 << 10
	// maxBody is far above any form a phone sends (the longest is a
	// 500-character note) and keeps a large upload out.
	maxBody = 8 << 10
	// pictureGap is the least time between two pictures of the room for
	// the facilitator's screen: one 60 Hz frame.
	pictureGap = time.Second / 60
	// maxStreams is how many phones may follow the room's events at once.
	maxStreams = 2 * live.MaxMembers
)

// Config is how the room is opened.
type Config struct {
	// Addr is the host:port to listen on; blank is the laptop's address on
	// its main network interface and a free port.
	Addr string
	// LogPath is the file server errors go to, never the terminal.
	LogPath string
	// Departments are the departments a joining phone picks from.
	Departments []string
}

// Server is an open live room.
type Server struct {
	mu   sync.Mutex
	room *live.Room

	url   string
	hosts map[string]bool
	ln    net.Listener
	http  *http.Server
	log   *log.Logger
	logf  io.Closer

	// changed wakes the facilitator's program's wait for a newer picture;
	// it holds one wake-up, so a burst of votes becomes one update.
	changed chan struct{}
	// streams are the phones' event streams, by token: a phone may have
	// the page open twice.
	streams     map[string]map[*stream]struct{}
	bodies      bodies
	streamCount int
	codes       *limiter
	// pushed is when the facilitator's program last got a picture.
	pushed time.Time
	closed chan struct{}
	once   sync.Once
}

// Start opens the room: it listens at cfg.Addr and serves until Stop.
func Start(cfg Config) (*Server, error) {
	addr := cfg.Addr
	if addr == "" {
		ip, err := mainAddress()
		if err != nil {
			return nil, err
		}
		addr = net.JoinHostPort(ip, "0")
	}
	logf, err := openLog(cfg.LogPath)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		logf.Close()
		return nil, fmt.Errorf("the live room cannot listen on %s: %w; give another address with --room-addr HOST:PORT", addr, err)
	}
	code, err := NewCode()
	if err != nil {
		ln.Close()
		logf.Close()
		return nil, err
	}
	s := &Server{
		room:    live.New(code, cfg.Departments),
		ln:      ln,
		log:     log.New(logf, "", log.LstdFlags),
		logf:    logf,
		changed: make(chan struct{}, 1),
		streams: map[string]map[*stream]struct{}{},
		codes:   newLimiter(time.Now),
		closed:  make(chan struct{}),
	}
	s.url, s.hosts = addresses(ln.Addr().(*net.TCPAddr))
	s.http = &http.Server{
		Handler:           s.handler(),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          s.log,
	}
	go func() {
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Printf("the room stopped serving: %v", err)
		}
	}()
	return s, nil
}

// openLog opens the room's log file for appending, making its folder.
func openLog(path string) (*os.File, error) {
	if path == "" {
		return os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("making the folder of the room's log: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("opening the room's log: %w", err)
	}
	return f, nil
}

// addresses is the room's join address and the Host headers it answers:
// a browser sent to this port under any other name (DNS rebinding) is
// refused.
func addresses(a *net.TCPAddr) (string, map[string]bool) {
	port := strconv.Itoa(a.Port)
	host := a.IP.String()
	hp := net.JoinHostPort(host, port)
	hosts := map[string]bool{hp: true}
	if a.IP.IsLoopback() {
		hosts[net.JoinHostPort("localhost", port)] = true
	}
	return "http://" + hp, hosts
}

// mainAddress is the laptop's address on its main network interface: the
// first interface that is up, not a loopback, with a private IPv4 address.
func mainAddress() (string, error) {
	ifaces, err := net.Interfaces()
	if err != nil {
		return "", fmt.Errorf("finding this laptop's network address: %w", err)
	}
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && n.IP.IsPrivate() {
				return n.IP.String(), nil
			}
		}
	}
	return "", errors.New("this laptop is on no local network the phones could reach: join a Wi-Fi or turn on its hotspot, or give an address with --room-addr HOST:PORT")
}

// NewCode is a random 6-digit room code.
func NewCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", fmt.Errorf("making a room code: %w", err)
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

// newToken is a phone's secret: 128 random bits.
func newToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", b), nil
}

// URL is the address phones open.
func (s *Server) URL() string { return s.url }

// Stop closes the room: every phone's connection ends.
func (s *Server) Stop() {
	s.once.Do(func() {
		close(s.closed)
		_ = s.http.Close()
		_ = s.logf.Close()
	})
}

// notify tells whoever waits that the room changed: the facilitator's
// program, and the event streams of the phone holding token, or of every
// phone when token is blank. A phone's answer changes only its own page,
// so 200 votes wake 200 streams, not 40,000. It never blocks: it is called
// with the lock held, from handlers and from the facilitator's program
// alike.
func (s *Server) notify(token string) {
	select {
	case s.changed <- struct{}{}:
	default:
	}
	wake := func(set map[*stream]struct{}) {
		for st := range set {
			select {
			case st.wake <- struct{}{}:
			default:
			}
		}
	}
	if token != "" {
		wake(s.streams[token])
		return
	}
	for _, set := range s.streams {
		wake(set)
	}
}

// change runs fn on the room under the lock and tells everyone.
func (s *Server) change(fn func(r *live.Room)) { s.changeFor("", fn) }

// changeFor runs fn, a change of what the phone holding token sees and of
// nothing another phone sees, under the lock.
func (s *Server) changeFor(token string, fn func(r *live.Room)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	before := s.room.Version()
	fn(s.room)
	if s.room.Version() != before {
		s.notify(token)
	}
}

// Update is a picture of the room for the facilitator's screen. Version
// orders them: an update older than one already shown is dropped.
type Update struct {
	Version uint64
	URL     string
	Code    string
	Locked  bool
	Members []live.Member
	// Tally is the open activity's, when Open is set.
	Tally live.Tally
	Open  bool
	Inbox []live.Submission
}

// Update takes a picture of the room now.
func (s *Server) Update() Update {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := Update{
		Version: s.room.Version(),
		URL:     s.url,
		Code:    s.room.Code(),
		Locked:  s.room.Locked(),
		Members: s.room.Members(),
		Inbox:   s.room.Inbox(),
	}
	u.Tally, u.Open = s.room.Tally()
	return u
}

// Pushed carries a newer picture of the room to the facilitator's program.
type Pushed struct {
	From   *Server
	Update Update
}

// Stopped says the room's server has stopped.
type Stopped struct{ From *Server }

// Next waits for a picture newer than version after. The facilitator's
// program keeps one such command waiting at a time, so pictures reach it
// one by one, in order, and a burst of changes while it draws becomes a
// single newer picture instead of a queue. Nothing here calls the
// program's Send, which blocks until the program reads.
func (s *Server) Next(after uint64) tea.Cmd {
	return func() tea.Msg {
		// At most one picture a frame: the votes of a burst arriving
		// meanwhile are counted in the next one, and the facilitator's
		// keys never queue behind a redraw per vote.
		s.mu.Lock()
		wait := time.Until(s.pushed.Add(pictureGap))
		s.mu.Unlock()
		if wait > 0 {
			select {
			case <-time.After(wait):
			case <-s.closed:
				return Stopped{From: s}
			}
		}
		for {
			s.mu.Lock()
			v := s.room.Version()
			s.mu.Unlock()
			if v > after {
				u := s.Update()
				s.mu.Lock()
				s.pushed = time.Now()
				s.mu.Unlock()
				return Pushed{From: s, Update: u}
			}
			select {
			case <-s.changed:
			case <-s.closed:
				return Stopped{From: s}
			}
		}
	}
}

// Open opens an activity for the phones.
func (s *Server) Open(a live.Activity) error {
	var err error
	s.change(func(r *live.Room) { err = r.Open(a) })
	return err
}

// Close closes the open activity and returns its result.
func (s *Server) Close() (live.Result, bool) {
	var (
		res live.Result
		ok  bool
	)
	s.change(func(r *live.Room) { res, ok = r.Close() })
	return res, ok
}

// SetLocked locks the room to new phones, or opens it again.
func (s *Server) SetLocked(locked bool) { s.change(func(r *live.Room) { r.SetLocked(locked) }) }

// NewCode gives the room a new code; phones already in stay in.
func (s *Server) NewCode() error {
	code, err := NewCode()
	if err != nil {
		return err
	}
	s.change(func(r *live.Room) { r.SetCode(code) })
	return nil
}

// Remove sends a phone out of the room.
func (s *Server) Remove(id int) bool {
	var ok bool
	s.change(func(r *live.Room) { ok = r.Remove(id) })
	return ok
}

// Take removes a submission from the inbox, to accept or reject it.
func (s *Server) Take(id int) (live.Submission, bool) {
	var (
		sub live.Submission
		ok  bool
	)
	s.change(func(r *live.Room) { sub, ok = r.Take(id) })
	return sub, ok
}

// SetDepartments changes what joining phones pick from.
func (s *Server) SetDepartments(d []string) { s.change(func(r *live.Room) { r.SetDepartments(d) }) }
