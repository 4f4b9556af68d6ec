package store

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	tomltest "github.com/toml-lang/toml-test/v2"
)

// TestTOMLSuite runs the toml-test suite's files for TOML 1.1.0 through the
// session loader: every invalid file is refused with a *ParseError, and
// every valid one is read (its keys are unknown to a session, and reported
// so), except the empty files, which Roundtable refuses as no session.
func TestTOMLSuite(t *testing.T) {
	cases := tomltest.TestCases()
	list, err := fs.ReadFile(cases, "files-toml-1.1.0")
	if err != nil {
		t.Fatal(err)
	}
	var accepted, empty, refused int
	for name := range strings.SplitSeq(string(list), "\n") {
		valid := strings.HasPrefix(name, "valid/")
		if !strings.HasSuffix(name, ".toml") || !valid && !strings.HasPrefix(name, "invalid/") {
			continue
		}
		data, err := fs.ReadFile(cases, name)
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = Decode(data)
		var pe *ParseError
		switch {
		case valid && err == nil:
			accepted++
		case valid && errors.As(err, &pe) && pe.Msg == "the file is empty":
			empty++
		case valid:
			t.Errorf("%s is valid TOML, but the loader refuses it: %v", name, err)
		case err == nil:
			t.Errorf("%s is not TOML, but the loader reads it:\n%s", name, data)
		case !errors.As(err, &pe):
			t.Errorf("%s is refused with %T %v, want a *ParseError", name, err, err)
		default:
			refused++
		}
	}
	t.Logf("toml-test 1.1.0: %d valid files read, %d empty ones refused as no session; %d invalid files refused", accepted, empty, refused)
	if accepted < 200 || refused < 450 {
		t.Errorf("only %d valid and %d invalid files were found: the suite moved", accepted, refused)
	}
}
