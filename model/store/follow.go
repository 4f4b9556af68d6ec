package store

import "errors"

// ErrCannotTell is returned where the operating system does not tell,
// without taking a lock or writing a file, who has a session open.
var ErrCannotTell = errors.New("this system does not tell which programs have a session open")

// Facilitated reports whether the session file at path is open in a
// Roundtable that holds its lock: the program whose saves a projector
// follows. It only reads what the system says of the lock; it never takes
// the lock, creates the lock file or changes anything.
func Facilitated(path string) (bool, error) {
	return lockHeld(lockPath(path))
}

// Projectors counts the other programs that show the session file at path
// to the room (`roundtable present`, which keeps the file it last read
// open), so the facilitator can see that the room is following.
func Projectors(path string) (int, error) {
	return projectors(path)
}
