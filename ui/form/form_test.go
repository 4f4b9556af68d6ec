package form

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/roundtable/roundtable/ui/theme"
)

// TestRowsOfFieldsStartTheirValuesAlike: "Participant 9" and "Participant
// 10" open rows of several fields; their names start in the same column,
// as do the fields after them.
func TestRowsOfFieldsStartTheirValuesAlike(t *testing.T) {
	var fields []Field
	for _, n := range []string{"9", "10"} {
		fields = append(fields,
			Field{Key: "name" + n, Label: "Participant " + n, Value: "Name " + n, Wide: true},
			Field{Key: "dept" + n, Label: "Dept", Value: "IT", Inline: true})
	}
	f := New(theme.New(theme.Dark), fields...)
	f.SetSize(80, 10)
	lines := strings.Split(ansi.Strip(f.View()), "\n")
	if len(lines) < 2 {
		t.Fatalf("two rows expected:\n%s", f.View())
	}
	for _, value := range []string{"Name ", "Dept"} {
		at9, at10 := column(lines[0], value), column(lines[1], value)
		if at9 < 0 || at9 != at10 {
			t.Errorf("%q starts at %d on one row and %d on the next:\n%s\n%s", value, at9, at10, lines[0], lines[1])
		}
	}
}

// column is the cell where value starts in line, or -1.
func column(line, value string) int {
	i := strings.Index(line, value)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(line[:i])
}
