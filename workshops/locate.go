package workshops

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/roundtable/roundtable/model"
)

// locator finds where things are in a template's source. The TOML decoder
// gives positions only for syntax errors, so problems found in the decoded
// values are traced back to their lines by the table headers and keys that
// introduce them. Every answer is a 1-based line, or 0 when not found.
type locator struct {
	lines []string
	// arrays holds, for each [[path]], the lines of its headers in order,
	// so finding the n-th entry of a long catalogue costs no scan.
	arrays map[string][]int
}

func newLocator(data []byte) locator {
	l := locator{lines: strings.Split(string(data), "\n"), arrays: map[string][]int{}}
	for i, line := range l.lines {
		if p, array, ok := header(line); ok && array {
			l.arrays[p] = append(l.arrays[p], i+1)
		}
	}
	return l
}

// header reports the table path of a line like "[[a.b]]" or "[a.b]".
func header(line string) (path string, array, ok bool) {
	t := strings.TrimSpace(line)
	if i := strings.Index(t, "#"); i >= 0 && !strings.ContainsAny(t[:i], `"'`) {
		t = strings.TrimSpace(t[:i])
	}
	switch {
	case strings.HasPrefix(t, "[[") && strings.HasSuffix(t, "]]"):
		return normalise(t[2 : len(t)-2]), true, true
	case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
		return normalise(t[1 : len(t)-1]), false, true
	}
	return "", false, false
}

func normalise(path string) string {
	parts := strings.Split(path, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// table is the line of the n-th (0-based) [[path]] header in the file.
func (l locator) table(path string, n int) int {
	if lines := l.arrays[path]; n >= 0 && n < len(lines) {
		return lines[n]
	}
	return 0
}

// tableAfter is the line of the n-th [[path]] header after line from,
// stopping at the next header of the array that contains it; from itself
// when there is none.
func (l locator) tableAfter(path string, n, from int) int {
	if from <= 0 {
		return l.table(path, n)
	}
	parent := path[:max(strings.LastIndex(path, "."), 0)]
	limit := len(l.lines) + 1
	if next := l.arrays[parent]; len(next) > 0 {
		if i, _ := slices.BinarySearch(next, from+1); i < len(next) {
			limit = next[i]
		}
	}
	lines := l.arrays[path]
	i, _ := slices.BinarySearch(lines, from+1)
	if i+n < len(lines) && n >= 0 && lines[i+n] < limit {
		return lines[i+n]
	}
	return from
}

// child is the line of the [path] table that belongs to the array entry
// whose [[parent]] header is at line from, or 0 when it has none.
func (l locator) child(path, parent string, from int) int {
	if from <= 0 {
		return 0
	}
	for i := from + 1; i <= len(l.lines); i++ {
		p, array, ok := header(l.lines[i-1])
		if !ok {
			continue
		}
		if array && p == parent {
			return 0
		}
		if !array && p == path {
			return i
		}
	}
	return 0
}

// keyIn is the line of key directly under the header at line from (0 for
// the top of the file), before the next header.
func (l locator) keyIn(key string, from int) int {
	for i := from + 1; i <= len(l.lines); i++ {
		if _, _, ok := header(l.lines[i-1]); ok {
			break
		}
		if isKey(l.lines[i-1], key) {
			return i
		}
	}
	return from
}

// keyAfter is the line of key in the table starting at line from, or
// from itself when the key is not written there.
func (l locator) keyAfter(key string, from int) int {
	if from <= 0 {
		return 0
	}
	return l.keyIn(key, from)
}

func isKey(line, key string) bool {
	t := strings.TrimSpace(line)
	k, _, ok := strings.Cut(t, "=")
	if !ok {
		return false
	}
	return strings.Trim(strings.TrimSpace(k), `"'`) == key
}

// key is the line of an undecoded key: its own table header when it is a
// table, else the first line that sets it under the right table.
func (l locator) key(k toml.Key) int {
	path := normalise(k.String())
	for i, line := range l.lines {
		if p, _, ok := header(line); ok && p == path {
			return i + 1
		}
	}
	parent, last := "", k[len(k)-1]
	if len(k) > 1 {
		parent = normalise(toml.Key(k[:len(k)-1]).String())
	}
	current := ""
	for i, line := range l.lines {
		if p, _, ok := header(line); ok {
			current = p
			continue
		}
		if isKey(line, last) && (current == parent || strings.HasSuffix(parent, "."+current) || parent == "") {
			return i + 1
		}
	}
	return 0
}

// tableOrStep is the line of the catalogue table [path] or [path.…], else
// the line of the step of that kind, so an empty catalogue points somewhere
// useful.
func (l locator) tableOrStep(path string, kind model.StepKind) int {
	for i, line := range l.lines {
		if p, _, ok := header(line); ok && (p == path || strings.HasPrefix(p, path+".")) {
			return i + 1
		}
	}
	for i, line := range l.lines {
		if isKey(line, "kind") && strings.Contains(line, `"`+string(kind)+`"`) {
			return i + 1
		}
	}
	return 0
}

// wrongType is the line of the first value at the dotted key path whose
// TOML type is typ (as the decoder names it: string, int64, …), looking
// through arrays of tables in file order, or 0 when it cannot be placed.
// The decoder names the key of a value of the wrong type, but inside
// [[steps]] it gives the line of the key's last use, not of the bad one.
func (l locator) wrongType(data []byte, path, typ string) int {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return 0
	}
	return l.findType(raw, strings.Split(path, "."), "", "", 0, typ)
}

// findType looks for the value at parts inside table, whose header is at
// line from (0 for the top of the file) and whose dotted name is prefix;
// array is the innermost array of tables it belongs to.
func (l locator) findType(table map[string]any, parts []string, prefix, array string, from int, typ string) int {
	key := parts[0]
	v, ok := table[key]
	if !ok {
		return 0
	}
	if len(parts) == 1 {
		if !hasType(v, typ) {
			return 0
		}
		return l.keyAfter(key, from)
	}
	path := prefix + key
	switch v := v.(type) {
	case []map[string]any:
		for i, entry := range v {
			if line := l.findType(entry, parts[1:], path+".", path, l.tableAfter(path, i, from), typ); line > 0 {
				return line
			}
		}
	case map[string]any:
		at := l.tableHeader(path)
		if array != "" {
			at = l.child(path, array, from)
		}
		if at > 0 {
			return l.findType(v, parts[1:], path+".", array, at, typ)
		}
		if line := l.keyIn(key, from); line != from {
			// Written inline: key = { … } on one line.
			return line
		}
		// Implied by the headers of the tables inside it.
		return l.findType(v, parts[1:], path+".", array, from, typ)
	}
	return 0
}

// tableHeader is the line of the [path] header, or 0.
func (l locator) tableHeader(path string) int {
	for i, line := range l.lines {
		if p, array, ok := header(line); ok && !array && p == path {
			return i + 1
		}
	}
	return 0
}

// hasType reports whether v, or an element of the list v, is of the TOML
// type typ as the decoder words it in a type-mismatch error.
func hasType(v any, typ string) bool {
	if list, ok := v.([]any); ok {
		for _, e := range list {
			if hasType(e, typ) {
				return true
			}
		}
	}
	return strings.ReplaceAll(fmt.Sprintf("%T", v), "interface {}", "any") == typ
}
