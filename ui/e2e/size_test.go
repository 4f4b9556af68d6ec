package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// maxOwnWeight is the most the program may weigh above the floor every
// program of its kind carries (testdata/floor: a Bubble Tea screen and the
// standard library's web server with its HTML templates, about 13 MB on
// Go 1.26): a download people make, and start-up time that grows with it.
// Glamour alone, with its highlighters, weighed 9 MB.
const maxOwnWeight = 8 << 20

// TestBinaryStaysSmall holds the program, built as `go build` builds it, to
// eight megabytes above the floor of a bare Bubble Tea program with a web
// server, built the same way in the same run, and keeps the Markdown
// renderers the preview no longer needs out of it: the plan is laid out for
// the terminal by Roundtable itself.
func TestBinaryStaysSmall(t *testing.T) {
	info, err := os.Stat(binary)
	if err != nil {
		t.Fatal(err)
	}
	floorBin := filepath.Join(t.TempDir(), "floor")
	build := exec.Command("go", "build", "-o", floorBin, "github.com/roundtable/roundtable/ui/e2e/testdata/floor")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the floor program: %v\n%s", err, out)
	}
	floor, err := os.Stat(floorBin)
	if err != nil {
		t.Fatal(err)
	}
	if own := info.Size() - floor.Size(); own > maxOwnWeight {
		t.Errorf("the binary is %d bytes, %d above the floor of %d, over %d: `go tool nm -size -sort size` shows what weighs most",
			info.Size(), own, floor.Size(), maxOwnWeight)
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/roundtable/roundtable").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, heavy := range []string{"glamour", "chroma", "goldmark", "bluemonday"} {
			if strings.Contains(pkg, heavy) {
				t.Errorf("the program links %s", pkg)
			}
		}
	}
}
