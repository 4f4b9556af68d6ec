package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// lockHeld looks for a held flock on the lock file's inode in /proc/locks,
// where the kernel lists every lock: reading it takes none.
func lockHeld(lockFile string) (bool, error) {
	info, err := os.Lstat(lockFile)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return false, ErrCannotTell
	}
	f, err := os.Open("/proc/locks")
	if err != nil {
		return false, fmt.Errorf("%w: %v", ErrCannotTell, err)
	}
	defer f.Close()
	dev := uint64(st.Dev)
	// The kernel writes the device as hex major:minor and the inode in decimal.
	want := fmt.Sprintf("%02x:%02x:%d", unix.Major(dev), unix.Minor(dev), st.Ino)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// "1: FLOCK  ADVISORY  WRITE 2388 fe:00:9979927 0 EOF"; a waiter's
		// line has "->" after the number and holds nothing.
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || fields[1] != "FLOCK" {
			continue
		}
		if fields[5] == want {
			return true, nil
		}
	}
	return false, sc.Err()
}

// projectors looks through /proc for other `roundtable present` programs
// with the session file open. A save renames a new file over the old one,
// so a projector that has not read the new file yet has the old one open,
// which the system names path + " (deleted)".
func projectors(path string) (int, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return 0, err
	}
	procs, err := os.ReadDir("/proc")
	if err != nil {
		return 0, fmt.Errorf("%w: %v", ErrCannotTell, err)
	}
	self := os.Getpid()
	n := 0
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil || pid == self || !presenting(pid) {
			continue
		}
		if hasOpen(pid, abs) {
			n++
		}
	}
	return n, nil
}

// presenting reports whether process pid was started with the present
// command; other programs with the file open are not the room's view.
func presenting(pid int) bool {
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		return false
	}
	for _, arg := range bytes.Split(cmdline, []byte{0}) {
		if string(arg) == "present" {
			return true
		}
	}
	return false
}

func hasOpen(pid int, path string) bool {
	dir := "/proc/" + strconv.Itoa(pid) + "/fd"
	fds, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, fd := range fds {
		target, err := os.Readlink(filepath.Join(dir, fd.Name()))
		if err != nil {
			continue
		}
		target = strings.TrimSuffix(target, " (deleted)")
		if target == path {
			return true
		}
	}
	return false
}
