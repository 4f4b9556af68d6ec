package store

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"github.com/roundtable/roundtable/model"
)

// ErrReadOnly is returned when a read-only handle is asked to save.
var ErrReadOnly = errors.New("this session is open read-only; nothing was saved")

// ErrClosed is returned when a closed handle is asked to save.
var ErrClosed = errors.New("this session has been closed; nothing was saved")

// LockedError is a session that another Roundtable has open.
type LockedError struct {
	Path  string
	PID   int
	Host  string
	Since time.Time
}

func (e *LockedError) Error() string {
	var who []string
	if e.PID > 0 {
		who = append(who, "pid "+strconv.Itoa(e.PID))
	}
	if e.Host != "" {
		who = append(who, "on "+e.Host)
	}
	if !e.Since.IsZero() {
		who = append(who, "since "+e.Since.Local().Format("2006-01-02 15:04:05 MST"))
	}
	holder := ""
	if len(who) > 0 {
		holder = " (" + strings.Join(who, " ") + ")"
	}
	return fmt.Sprintf("%s is open in another Roundtable%s; close it there, or look at it without changing it: roundtable open %s --read-only",
		e.Path, holder, shellQuote(sessionRef(e.Path)))
}

// sessionRef is how a person names the session at path on the command line:
// its id when it is in a sessions folder, else its path.
func sessionRef(path string) string {
	if filepath.Base(filepath.Dir(path)) == "sessions" && strings.HasSuffix(path, ext) {
		return strings.TrimSuffix(filepath.Base(path), ext)
	}
	return path
}

// fileLock is the lock on a session, held on <id>.lock beside the session
// file. The lock file is never renamed or deleted, so every process locks
// the same inode; the kernel drops the lock when its holder dies.
type fileLock struct {
	fl *flock.Flock
}

func lockPath(sessionPath string) string {
	return strings.TrimSuffix(sessionPath, ext) + ".lock"
}

// lock takes the session's lock without waiting, or returns a *LockedError
// that says who holds it.
func lock(sessionPath string) (*fileLock, error) {
	lp := lockPath(sessionPath)
	fl := flock.New(lp, flock.SetPermissions(0o600))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", sessionPath, err)
	}
	if !ok {
		le := readHolder(lp)
		le.Path = sessionPath
		return nil, le
	}
	// Who holds the lock is only for the message of a refused opener; the
	// lock itself does not depend on it, so a failed write is not fatal.
	host, _ := os.Hostname()
	if f, err := os.OpenFile(lp, os.O_WRONLY|os.O_TRUNC, 0o600); err == nil {
		fmt.Fprintf(f, "pid %d\nhost %s\nsince %s\n", os.Getpid(), host, time.Now().UTC().Format(time.RFC3339))
		f.Close()
	}
	return &fileLock{fl: fl}, nil
}

func readHolder(lockFile string) *LockedError {
	le := &LockedError{}
	f, err := os.Open(lockFile)
	if err != nil {
		return le
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, value, _ := strings.Cut(sc.Text(), " ")
		switch key {
		case "pid":
			le.PID, _ = strconv.Atoi(value)
		case "host":
			le.Host = value
		case "since":
			le.Since, _ = time.Parse(time.RFC3339, value)
		}
	}
	return le
}

func (l *fileLock) release() error {
	return l.fl.Unlock()
}

// Handle is an open session: locked unless read-only.
type Handle struct {
	Path string
	// Session is the session as it was loaded.
	Session  *model.Session
	ReadOnly bool
	Report   Report

	mu   sync.Mutex
	lock *fileLock
}

// Open resolves ref (see Resolve), locks the session unless readOnly, and
// loads it. A session in an older format is written back in the current one
// (the old file kept as .bak, Report.Backup) unless the handle is read-only
// or the file has unknown keys, which only a save the facilitator has seen
// coming may drop.
func (s *Store) Open(ref string, readOnly bool) (*Handle, error) {
	path, err := s.Resolve(ref)
	if err != nil {
		return nil, err
	}
	h := &Handle{Path: path, ReadOnly: readOnly}
	if !readOnly {
		// Lock before reading, so nobody saves between the read and the lock.
		if h.lock, err = lock(path); err != nil {
			return nil, err
		}
	}
	sess, rep, err := Load(path)
	if err != nil {
		h.Close()
		return nil, err
	}
	if rep.Migrated && !readOnly && len(rep.Unknown) == 0 {
		data, err := Encode(sess)
		if err == nil {
			err = replace(path, data)
		}
		if err != nil {
			h.Close()
			return nil, fmt.Errorf("writing %s in the current format: %w", path, err)
		}
		rep.Backup = path + ".bak"
	}
	h.Session, h.Report = sess, rep
	return h, nil
}

// Save writes sess to the handle's file atomically, keeping the previous
// version as .bak, and sets sess.Meta.Updated. It may be called from any
// goroutine; saves on one handle run one after another.
func (h *Handle) Save(sess *model.Session) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.ReadOnly {
		return ErrReadOnly
	}
	if h.lock == nil {
		return ErrClosed
	}
	sess.Meta.Updated = time.Now().UTC().Truncate(time.Second)
	data, err := Encode(sess)
	if err != nil {
		return err
	}
	return replace(h.Path, data)
}

// Close releases the session's lock. It is safe to call more than once.
func (h *Handle) Close() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.lock == nil {
		return nil
	}
	err := h.lock.release()
	h.lock = nil
	return err
}
