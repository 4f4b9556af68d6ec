package ui

import (
	"sync"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
)

// saver writes one open session, one save at a time. Saves run in commands,
// so an older copy could reach the disk after a newer one; the revision
// check keeps the newest on disk whatever order they finish in.
type saver struct {
	mu     sync.Mutex
	handle *store.Handle
	// write saves through the handle; tests make it fail as a full or
	// read-only disk would.
	write func(*model.Session) error
	// saved is the revision on disk.
	saved  int
	closed bool
}

func (s *saver) save(sess *model.Session, rev int) error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || rev <= s.saved {
		return nil
	}
	write := s.handle.Save
	if s.write != nil {
		write = s.write
	}
	if err := write(sess); err != nil {
		return err
	}
	s.saved = rev
	return nil
}

// close stops any later save from writing: the handle is about to be
// released, and another terminal may take the session.
func (s *saver) close() {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
}
