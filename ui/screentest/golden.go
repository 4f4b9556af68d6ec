package screentest

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Golden compares got with testdata/<name>.golden, the screen as a person
// saw it and accepted it; `go test -update` rewrites the file after an
// intended change.
func Golden(t testing.TB, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

// Fits fails when view, drawn for a width×height terminal, has more lines
// than the height or a line wider than the width; what names the screen's
// state in the message.
func Fits(t testing.TB, what, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if view != "" && len(lines) > height {
		t.Fatalf("%s at %dx%d: %d lines", what, width, height, len(lines))
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Fatalf("%s at %dx%d: line %q is %d wide", what, width, height, ansi.Strip(l), w)
		}
	}
}
