//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

// nonBlock opens a file without waiting for a FIFO or a device; noFollow
// also refuses a symbolic link in the last part of the path.
const (
	nonBlock = syscall.O_NONBLOCK
	noFollow = syscall.O_NOFOLLOW | nonBlock
)

// tryLock takes an exclusive flock on f without waiting. The lock belongs
// to the open file, so two opens in one process exclude each other too.
func tryLock(f *os.File) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

// lockIdentity opens the session file and locks it, so that another name of
// the same file finds it taken. It is read through the returned file, so
// what is loaded is what is locked.
func lockIdentity(file string) (*os.File, error) {
	f, err := os.OpenFile(file, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = errNotRegular
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	ok, err := tryLock(f)
	if err == nil && !ok {
		err = errHeldElsewhere
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
