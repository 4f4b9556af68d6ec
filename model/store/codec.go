package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/roundtable/roundtable/model"
)

// maxFileSize is far above any real session (the 1,000-risk benchmark
// session is about 1 MiB) and keeps a hostile file from exhausting memory.
const maxFileSize = 32 << 20

// maxNesting bounds how deep tables, arrays and dotted keys may nest. The
// TOML decoder takes time and memory quadratic in the depth, and session
// files never go deeper than six.
const maxNesting = 64

// fileHeader opens every session file, for the person who finds it on disk.
const fileHeader = `# Roundtable session file.
# Roundtable rewrites this file each time the session changes, so edit it
# only while the session is closed. The version before the last save is kept
# next to it, with ".bak" added to the name.

`

// Report says what loading a session file found besides the session.
type Report struct {
	// Unknown lists the dotted keys the file had that Roundtable does not
	// know, outermost first. They are not in the session, so the next save
	// drops them: show them to the facilitator before saving.
	Unknown []string
	// Migrated is set when the file was written in an older format and was
	// brought up to model.SchemaVersion; MigratedFrom is that older version
	// (0 for a file without schema_version).
	Migrated     bool
	MigratedFrom int
	// Backup is set when Open wrote the migrated session back to its file:
	// it is the path of the copy of the file as it was before.
	Backup string
}

// ParseError is a session file that Roundtable cannot read. The file is never
// overwritten while it is in this state.
type ParseError struct {
	Path      string
	Line, Col int // Col is 0 when the decoder knows only the line
	Msg       string
	// Backup is the previous version of the file, when there is one.
	Backup string
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Path == "" {
		b.WriteString("session file")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Path != "" {
		b.WriteString("; Roundtable has not changed the file: fix it in a text editor")
		if e.Backup != "" {
			fmt.Fprintf(&b, ", or go back to the version before the last save with: cp %s %s",
				shellQuote(e.Backup), shellQuote(e.Path))
		}
	}
	return b.String()
}

// NewerVersionError is a session file written by a newer Roundtable, in a
// format this one does not know. It is never overwritten.
type NewerVersionError struct {
	Path    string
	Version int
}

func (e *NewerVersionError) Error() string {
	name := e.Path
	if name == "" {
		name = "the session file"
	}
	return fmt.Sprintf("%s was saved by a newer Roundtable (file format %d; this one knows up to %d): "+
		"update Roundtable to open it; the file has not been changed", name, e.Version, model.SchemaVersion)
}

// migrations[n] turns a decoded file of schema version n into version n+1.
// They work on the raw table, before the typed decode, so a migration can
// rename, move or convert keys the current types no longer have.
var migrations = []func(raw map[string]any) error{
	// Version 0 is a file written before the format carried a version; its
	// keys are already those of version 1.
	func(map[string]any) error { return nil },
}

// Encode writes sess as a session file: the comment header, then every field
// in the order of the model's types, with free text as multi-line strings.
// The file always carries this build's schema_version.
func Encode(sess *model.Session) ([]byte, error) {
	c := *sess
	c.SchemaVersion = model.SchemaVersion
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	buf.WriteString(fileHeader)
	err := encodeFast(&buf, reflect.ValueOf(c))
	if errors.Is(err, errUnsupported) {
		buf.Truncate(len(fileHeader))
		enc := toml.NewEncoder(&buf)
		enc.Indent = ""
		err = enc.Encode(&c)
	}
	if err != nil {
		return nil, fmt.Errorf("writing session %q as TOML: %w", sess.ID, err)
	}
	return buf.Bytes(), nil
}

// Decode reads a session file's content. Files of an older schema version are
// migrated in memory (see Report); a newer version is a *NewerVersionError
// and a file that does not parse is a *ParseError with line and column.
func Decode(data []byte) (*model.Session, Report, error) {
	if len(data) > maxFileSize {
		return nil, Report{}, &ParseError{Msg: fmt.Sprintf("the file is %d MiB; a session file is never larger than %d MiB",
			len(data)>>20, maxFileSize>>20)}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Report{}, &ParseError{Line: 1, Col: 1, Msg: "the file is empty"}
	}
	if err := checkNesting(data); err != nil {
		return nil, Report{}, err
	}
	var sess model.Session
	rootKeys, err := decodeFast(data, reflect.ValueOf(&sess).Elem())
	if err == nil && rootKeys["schema_version"] && sess.SchemaVersion == model.SchemaVersion {
		normalise(&sess)
		return &sess, Report{}, nil
	}
	doc := string(data)
	sess = model.Session{}
	md, err := toml.Decode(doc, &sess)
	if err == nil && md.IsDefined("schema_version") && sess.SchemaVersion == model.SchemaVersion {
		normalise(&sess)
		return &sess, Report{Unknown: unknownKeys(md)}, nil
	}

	// Either the typed decode failed or the version is not this build's:
	// the raw table tells which.
	var raw map[string]any
	if _, rawErr := toml.Decode(doc, &raw); rawErr != nil {
		return nil, Report{}, parseError(rawErr, doc)
	}
	version := int64(0)
	if v, ok := raw["schema_version"]; ok {
		n, isInt := v.(int64)
		if !isInt {
			return nil, Report{}, &ParseError{Line: keyLine(doc, "schema_version"), Col: 1, Msg: "schema_version is not a whole number"}
		}
		version = n
	}
	switch {
	case version > model.SchemaVersion:
		return nil, Report{}, &NewerVersionError{Version: int(min(version, 1<<31))}
	case version < 0:
		return nil, Report{}, &ParseError{Line: keyLine(doc, "schema_version"), Col: 1, Msg: fmt.Sprintf("schema_version is %d; it is never below 0", version)}
	case version == model.SchemaVersion && err != nil:
		return nil, Report{}, parseError(err, doc)
	case version == model.SchemaVersion:
		// The typed decoder matches keys regardless of case, so a second
		// schema_version spelt otherwise overwrote the real one.
		return nil, Report{}, &ParseError{Line: keyLine(doc, "schema_version"), Col: 1,
			Msg: "schema_version is given twice, spelt in different cases; keep the lower-case one"}
	}

	for v := version; v < model.SchemaVersion; v++ {
		if merr := migrations[v](raw); merr != nil {
			return nil, Report{}, &ParseError{Msg: fmt.Sprintf("bringing the file from format %d to %d: %v", v, v+1, merr)}
		}
		raw["schema_version"] = v + 1
	}
	var buf bytes.Buffer
	if eerr := toml.NewEncoder(&buf).Encode(raw); eerr != nil {
		return nil, Report{}, &ParseError{Msg: fmt.Sprintf("bringing the file from format %d to %d: %v", version, model.SchemaVersion, eerr)}
	}
	sess = model.Session{}
	md, merr := toml.Decode(buf.String(), &sess)
	if merr != nil {
		if err != nil {
			// The file's own line numbers are the ones a person can find.
			return nil, Report{}, parseError(err, doc)
		}
		return nil, Report{}, &ParseError{Msg: fmt.Sprintf("after bringing the file from format %d to %d: %v", version, model.SchemaVersion, merr)}
	}
	normalise(&sess)
	// The migrated table is this build's format, whatever a key spelt in
	// another case said.
	sess.SchemaVersion = model.SchemaVersion
	return &sess, Report{Unknown: unknownKeys(md), Migrated: true, MigratedFrom: int(version)}, nil
}

// Load reads the session file at path. Errors name the file; a *ParseError
// also names the backup to restore, when there is one.
func Load(path string) (*model.Session, Report, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, Report{}, err
	}
	sess, rep, err := Decode(data)
	if err != nil {
		return nil, rep, withPath(err, path)
	}
	return sess, rep, nil
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, path)
}

// readOpen reads the open session file f, never more than maxFileSize.
func readOpen(f *os.File, path string) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > maxFileSize {
		return nil, &ParseError{Path: path, Msg: fmt.Sprintf("the file is %d MiB; a session file is never larger than %d MiB",
			info.Size()>>20, maxFileSize>>20)}
	}
	// Read to the end rather than to the size seen, but never past the
	// limit, in case the file grows meanwhile.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+512))
	if _, err := buf.ReadFrom(io.LimitReader(f, maxFileSize+1)); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if buf.Len() > maxFileSize {
		return nil, &ParseError{Path: path, Msg: fmt.Sprintf("the file is over %d MiB; a session file is never that large", maxFileSize>>20)}
	}
	return buf.Bytes(), nil
}

func withPath(err error, path string) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.Path = path
		if _, serr := os.Stat(path + ".bak"); serr == nil {
			pe.Backup = path + ".bak"
		}
		return pe
	}
	var ve *NewerVersionError
	if errors.As(err, &ve) {
		ve.Path = path
		return ve
	}
	return fmt.Errorf("%s: %w", path, err)
}

// normalise puts times in UTC, as Roundtable writes them, so that a file
// edited by hand with a local time reads back the same after a save.
func normalise(s *model.Session) {
	s.Meta.Created = s.Meta.Created.UTC()
	s.Meta.Updated = s.Meta.Updated.UTC()
}

// unknownKeys lists the keys the decoder did not use, leaving out those
// inside a table that is itself unknown.
func unknownKeys(md toml.MetaData) []string {
	var out []string
	// A key repeated in every table of an array (risks.extra) is named once.
	seen := map[string]bool{}
	for _, k := range md.Undecoded() {
		s := k.String()
		if len(out) > 0 {
			last := out[len(out)-1]
			if strings.HasPrefix(s, last+".") {
				continue
			}
		}
		if seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

var lineOfError = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "((?:[^"\\]|\\.)*)"\))?: `)

// parseError turns a decoder error into a *ParseError. Syntax errors carry
// line and column; type mismatches carry only the line, so the column is
// where the key on that line starts.
func parseError(err error, doc string) *ParseError {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.LastKey != "" {
			msg = fmt.Sprintf("%s (after key %s)", msg, pe.LastKey)
		}
		line, col := model.Position([]byte(doc), pe.Position.Start)
		return &ParseError{Line: line, Col: col, Msg: msg}
	}
	text := err.Error()
	m := lineOfError.FindStringSubmatch(text)
	if m == nil {
		return &ParseError{Msg: strings.TrimPrefix(text, "toml: ")}
	}
	line, _ := strconv.Atoi(m[1])
	msg := text[len(m[0]):]
	if m[2] != "" {
		msg = fmt.Sprintf("key %s: %s", m[2], msg)
	}
	return &ParseError{Line: line, Col: firstColumn(doc, line), Msg: msg}
}

// firstColumn is the column of the first non-blank character of a line.
func firstColumn(doc string, line int) int {
	for l := 1; l < line; l++ {
		i := strings.IndexByte(doc, '\n')
		if i < 0 {
			return 0
		}
		doc = doc[i+1:]
	}
	if i := strings.IndexByte(doc, '\n'); i >= 0 {
		doc = doc[:i]
	}
	col := 1
	for _, r := range doc {
		if r != ' ' && r != '\t' {
			return col
		}
		col++
	}
	return 1
}

// keyLine is the line where a top-level key is set, or 0.
func keyLine(doc, key string) int {
	for i, l := range strings.Split(doc, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), key) {
			return i + 1
		}
	}
	return 0
}

// checkNesting refuses files that nest tables, arrays or dotted keys deeper
// than maxNesting, before the decoder spends seconds on them. It follows
// TOML's strings and comments so that text never counts.
func checkNesting(data []byte) error {
	depth, dots := 0, 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n', '=', ',':
			dots = 0
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			i = skipString(data, i)
		case '[', '{':
			depth++
			dots = 0
		case ']', '}':
			depth = max(depth-1, 0)
			dots = 0
		case '.':
			dots++
		}
		if depth > maxNesting || dots >= maxNesting {
			line := 1 + bytes.Count(data[:i], []byte("\n"))
			col := i - bytes.LastIndexByte(data[:i], '\n')
			return &ParseError{Line: line, Col: col, Msg: fmt.Sprintf("tables, arrays or keys nest more than %d deep; Roundtable never writes such a file", maxNesting)}
		}
	}
	return nil
}

// skipString returns the index of the last byte of the string that opens at
// data[i]: basic or literal, single- or multi-line. An unterminated string
// ends at the end of its line (single-line) or of the data (multi-line).
func skipString(data []byte, i int) int {
	q := data[i]
	escapes := q == '"'
	if i+2 < len(data) && data[i+1] == q && data[i+2] == q {
		for j := i + 3; j < len(data); j++ {
			switch {
			case escapes && data[j] == '\\':
				j++
			case data[j] == q && j+2 < len(data) && data[j+1] == q && data[j+2] == q:
				// Up to two more quotes belong to the text.
				end := j + 2
				for k := 0; k < 2 && end+1 < len(data) && data[end+1] == q; k++ {
					end++
				}
				return end
			}
		}
		return len(data) - 1
	}
	for j := i + 1; j < len(data); j++ {
		switch {
		case escapes && data[j] == '\\':
			j++
		case data[j] == q:
			return j
		case data[j] == '\n':
			return j - 1
		}
	}
	return len(data) - 1
}

// shellQuote quotes a path for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+:@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
