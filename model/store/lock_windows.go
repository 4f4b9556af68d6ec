package store

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// Neither flag has a meaning on Windows, where opening does not wait and
// making a symbolic link takes privileges.
const nonBlock, noFollow = 0, 0

// tryLock locks a byte far past the end of f without waiting; Windows locks
// are mandatory, and the holder's name at the start must stay readable.
func tryLock(f *os.File) (bool, error) {
	ol := &windows.Overlapped{Offset: 0xFFFFFFFF, OffsetHigh: 0x7FFFFFFF}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return false, nil
	}
	return err == nil, err
}

// lockIdentity locks nothing on Windows: a file held open there cannot be
// replaced by rename, which every save does. The file is read by its name.
func lockIdentity(string) (*os.File, error) { return nil, nil }
