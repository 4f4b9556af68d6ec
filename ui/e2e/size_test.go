package e2e

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// maxBinary is the most the built program may weigh: a download people
// make, and start-up time that grows with it.
const maxBinary = 10 << 20

// TestBinaryStaysSmall holds the program, built as `go build` builds it, to
// ten megabytes, and keeps the Markdown renderers the preview no longer
// needs out of it: the plan is laid out for the terminal by Roundtable
// itself.
func TestBinaryStaysSmall(t *testing.T) {
	info, err := os.Stat(binary)
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() > maxBinary {
		t.Errorf("the binary is %d bytes, over %d: `go tool nm -size -sort size` shows what weighs most", info.Size(), maxBinary)
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
