package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

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
	// Alias is set when the session file is open under another of its
	// names (a hard link), so who holds it is not known here.
	Alias bool
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
	if e.Alias {
		holder = " under another name of the same file"
	}
	return fmt.Sprintf("%s is open in another Roundtable%s; close it there, or look at it without changing it: roundtable open %s --read-only",
		e.Path, holder, ShellQuote(sessionRef(e.Path)))
}

// sessionRef is how a person names the session at path on the command line:
// its id when it is in a sessions folder, else its path.
func sessionRef(path string) string {
	if filepath.Base(filepath.Dir(path)) == "sessions" && strings.HasSuffix(path, ext) {
		return strings.TrimSuffix(filepath.Base(path), ext)
	}
	return path
}

// Handle is an open session: locked unless read-only.
type Handle struct {
	// Path is the session file as it was named; a symbolic link stays one,
	// and saves go to the file it points to.
	Path string
	// Session is the session as it was loaded.
	Session  *model.Session
	ReadOnly bool
	Report   Report

	mu   sync.Mutex
	lock *sessionLock
}

// Open resolves ref (see Resolve), locks the session unless readOnly, and
// loads it (Reserve, then Load).
func (s *Store) Open(ref string, readOnly bool) (*Handle, error) {
	h, err := s.Reserve(ref, readOnly)
	if err != nil {
		return nil, err
	}
	if err := h.Load(); err != nil {
		return nil, err
	}
	return h, nil
}

// Reserve resolves ref (see Resolve) and locks the session unless
// readOnly, without reading it: a reference that matches nothing or more
// than one session, or a session another terminal has open, is refused at
// once, and the program can show itself while Load reads the file.
func (s *Store) Reserve(ref string, readOnly bool) (*Handle, error) {
	s.keepPrivate()
	path, err := s.Resolve(ref)
	if err != nil {
		return nil, err
	}
	h := &Handle{Path: path, ReadOnly: readOnly}
	if readOnly {
		return h, nil
	}
	// Lock before reading, so nobody saves between the read and the lock.
	if h.lock, err = lock(path); err != nil {
		return nil, err
	}
	return h, nil
}

// Load reads the reserved session into Session. A session in an older
// format is written back in the current one (the old file kept as .bak,
// Report.Backup) unless the handle is read-only or the file has unknown
// keys, which only a save the facilitator has seen coming may drop. A file
// that is not a session is released, leaving no lock file behind.
func (h *Handle) Load() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.ReadOnly {
		sess, rep, err := Load(h.Path)
		if err != nil {
			return err
		}
		h.Session, h.Report = sess, rep
		return nil
	}
	if h.lock == nil {
		return ErrClosed
	}
	sess, rep, err := h.load()
	if err != nil {
		h.lock.drop()
		h.lock = nil
		return err
	}
	if rep.Migrated && len(rep.Unknown) == 0 {
		data, err := encodeChecked(sess, h.Path)
		if err == nil {
			err = replace(h.lock.file, data, nil)
		}
		if err != nil {
			h.lock.release()
			h.lock = nil
			return fmt.Errorf("writing %s in the current format: %w", h.Path, err)
		}
		h.lock.renew()
		rep.Backup = h.lock.file + ".bak"
	}
	h.Session, h.Report = sess, rep
	return nil
}

// load reads the session through the locked file where there is one, so
// what is read is what is locked.
func (h *Handle) load() (*model.Session, Report, error) {
	if h.lock.ident == nil {
		return Load(h.lock.file)
	}
	data, err := readOpen(h.lock.ident, h.Path)
	if err != nil {
		return nil, Report{}, err
	}
	return decodeFile(data, h.Path)
}

// Save writes sess to the handle's file atomically, keeping the previous
// version as .bak, and sets sess.Meta.Updated. It may be called from any
// goroutine; saves on one handle run one after another. What is written is
// read back first: a session that would not come back as it is stays
// unsaved, the file on disk unchanged.
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
	data, err := encode(sess)
	if err != nil {
		return fmt.Errorf("saving %s: %w; the file on disk is unchanged", h.Path, err)
	}
	if err := replace(h.lock.file, data, func() error { return readsBack(sess, data) }); err != nil {
		return err
	}
	h.lock.renew()
	return nil
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
