package store

import (
	"errors"
	"os"

	"github.com/roundtable/roundtable/model"
)

// ErrCannotTell is returned where the operating system does not tell,
// without taking a lock or writing a file, who has a session open.
var ErrCannotTell = errors.New("this system does not tell which programs have a session open")

// Facilitated reports whether the session file at path is open in a
// Roundtable that holds its lock: the program whose saves a projector
// follows. It only reads what the system says of the lock; it never takes
// the lock, creates the lock file or changes anything.
func Facilitated(path string) (bool, error) {
	// The lock sits beside the real file, whatever name the projector
	// was given.
	if file, err := realFile(path); err == nil {
		path = file
	}
	return lockHeld(lockPath(path))
}

// Projectors counts the other programs that show the session file at path
// to the room (`roundtable present`, which keeps the file it last read
// open), so the facilitator can see that the room is following.
func Projectors(path string) (int, error) {
	return projectors(path)
}

// Followed is a session as a projector last read it. The file it was read
// from stays open until Close, which is how the facilitator's program sees
// that a projector follows the session (Projectors).
type Followed struct {
	Session *model.Session
	// Info describes the file read, to tell when another has replaced it.
	Info os.FileInfo
	file *os.File
}

// Close lets go of the file read.
func (f *Followed) Close() error {
	if f == nil || f.file == nil {
		return nil
	}
	return f.file.Close()
}

// Follow reads the session file at path for a projector, without locking
// or writing anything. On error nothing stays open.
func Follow(path string) (*Followed, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil {
		var data []byte
		if data, err = readOpen(f, path); err == nil {
			var sess *model.Session
			if sess, _, err = Decode(data); err == nil {
				return &Followed{Session: sess, Info: info, file: f}, nil
			}
			err = withPath(err, path)
		}
	}
	f.Close()
	return nil, err
}

// Ref is how a person names the session at path on the command line,
// quoted for a shell when it needs it.
func Ref(path string) string { return ShellQuote(sessionRef(path)) }
