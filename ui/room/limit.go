package room

import (
	"sync"
	"time"
)

// Wrong room codes are limited per address and for the whole room, so
// nobody on the network can try the million codes: five wrong codes a
// minute from one address, sixty from all of them together.
const (
	codeWindow     = time.Minute
	codesPerAddr   = 5
	codesOverall   = 60
	maxAddrTracked = 10_000
)

// limiter counts wrong codes in the last codeWindow.
type limiter struct {
	mu      sync.Mutex
	now     func() time.Time
	perAddr map[string][]time.Time
	all     []time.Time
}

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, perAddr: map[string][]time.Time{}}
}

// recent drops the times older than the window.
func recent(ts []time.Time, since time.Time) []time.Time {
	i := 0
	for i < len(ts) && !ts[i].After(since) {
		i++
	}
	return ts[i:]
}

// blocked reports whether addr may not try a code now.
func (l *limiter) blocked(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	since := l.now().Add(-codeWindow)
	l.all = recent(l.all, since)
	ts := recent(l.perAddr[addr], since)
	if len(ts) == 0 {
		delete(l.perAddr, addr)
	} else {
		l.perAddr[addr] = ts
	}
	return len(ts) >= codesPerAddr || len(l.all) >= codesOverall
}

// failed counts a wrong code from addr.
func (l *limiter) failed(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.all = append(l.all, now)
	if _, ok := l.perAddr[addr]; !ok && len(l.perAddr) >= maxAddrTracked {
		// So many addresses at once is an attack: forget the oldest
		// picture and let the overall limit hold them.
		clear(l.perAddr)
	}
	l.perAddr[addr] = append(l.perAddr[addr], now)
}
