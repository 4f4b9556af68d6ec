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
	"sync/atomic"

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
				ShellQuote(e.Backup), ShellQuote(e.Path))
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
	// Version 1 marked an action only done or not; version 2 gives it a
	// status, which follow-up moves on from open.
	func(raw map[string]any) error {
		actions, _ := raw["actions"].([]map[string]any)
		for i, a := range actions {
			a["id"] = int64(i + 1)
			done, ok := a["done"]
			if !ok {
				continue
			}
			delete(a, "done")
			if _, set := a["status"]; set {
				continue
			}
			switch done {
			case true:
				a["status"] = string(model.ActionDone)
			case false:
				a["status"] = string(model.ActionOpen)
			default:
				return fmt.Errorf("actions: done is %v; it is true or false", done)
			}
		}
		return nil
	},
}

// Encode writes sess as a session file: the comment header, then every field
// in the order of the model's types, with free text as multi-line strings.
// The file always carries this build's schema_version.
func Encode(sess *model.Session) ([]byte, error) {
	c := *sess
	c.SchemaVersion = model.SchemaVersion
	var buf bytes.Buffer
	// A session is saved again and again at about the same size: room for
	// the last file and a little more saves growing the buffer step by step.
	buf.Grow(max(64<<10, int(lastSize.Load())*9/8))
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
	lastSize.Store(int64(min(buf.Len(), maxFileSize)))
	return buf.Bytes(), nil
}

// lastSize is the size of the last session file encoded.
var lastSize atomic.Int64

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
	versioned, err := decodeFast(data, reflect.ValueOf(&sess).Elem())
	if err == nil && versioned && sess.SchemaVersion == model.SchemaVersion {
		normalise(&sess)
		return &sess, Report{}, nil
	}
	return decodeGeneral(data)
}

// decodeGeneral reads what the fast decoder hands over: files edited by
// hand, written by an older Roundtable, broken or hostile. It is as strict
// as TOML, where the library alone is not, and only a key spelt exactly as
// Roundtable writes it is read.
func decodeGeneral(data []byte) (*model.Session, Report, error) {
	doc := string(data)
	var raw map[string]any
	rawMD, err := toml.Decode(doc, &raw)
	if err != nil {
		return nil, Report{}, parseError(err, doc)
	}
	if err := checkStrict(data); err != nil {
		return nil, Report{}, err
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
	}

	// The library takes a key that differs from a field's only in letter
	// case for that field, and which of "title" and "Title" wins is chance.
	// Such a key is unknown: it is reported and does not reach the session.
	folded := foldedKeys(rawMD.Keys())
	var sess model.Session
	var md toml.MetaData
	if version == model.SchemaVersion && len(folded) == 0 {
		if md, err = toml.Decode(doc, &sess); err != nil {
			return nil, Report{}, parseError(err, doc)
		}
	} else {
		for _, k := range folded {
			removeKey(raw, k)
		}
		for v := version; v < model.SchemaVersion; v++ {
			if merr := migrations[v](raw); merr != nil {
				return nil, Report{}, &ParseError{Msg: fmt.Sprintf("bringing the file from format %d to %d: %v", v, v+1, merr)}
			}
			raw["schema_version"] = v + 1
		}
		var buf bytes.Buffer
		if eerr := toml.NewEncoder(&buf).Encode(raw); eerr != nil {
			return nil, Report{}, &ParseError{Msg: fmt.Sprintf("reading the file as format %d: %v", model.SchemaVersion, eerr)}
		}
		if md, err = toml.Decode(buf.String(), &sess); err != nil {
			// The file's own line numbers are the ones a person can find.
			if _, ferr := toml.Decode(doc, &model.Session{}); ferr != nil {
				return nil, Report{}, parseError(ferr, doc)
			}
			return nil, Report{}, &ParseError{Msg: fmt.Sprintf("after reading the file as format %d: %v", model.SchemaVersion, err)}
		}
	}
	normalise(&sess)
	sess.SchemaVersion = model.SchemaVersion
	if err := checkTimes(&sess, doc); err != nil {
		return nil, Report{}, err
	}
	rep := Report{Unknown: append(keyNames(folded), unknownKeys(md)...)}
	if version < model.SchemaVersion {
		rep.Migrated, rep.MigratedFrom = true, int(version)
	}
	return &sess, rep, nil
}

// Load reads the session file at path. Errors name the file; a *ParseError
// also names the backup to restore, when there is one.
func Load(path string) (*model.Session, Report, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, Report{}, err
	}
	return decodeFile(data, path)
}

// decodeFile decodes the content of the session file at path.
func decodeFile(data []byte, path string) (*model.Session, Report, error) {
	sess, rep, err := Decode(data)
	if err != nil {
		return nil, rep, withPath(err, path)
	}
	return sess, rep, nil
}

// readFile reads a session file. It follows a symbolic link but never waits:
// a FIFO or a device in the sessions folder is refused, not read for ever.
func readFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, path)
}

// readOpen reads the session file f, named path, from its start.
func readOpen(f *os.File, path string) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	switch {
	case info.IsDir():
		return nil, fmt.Errorf("%s is a folder, not a session file; move it out of the sessions folder", path)
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("%s is %s, not a session file", path, fileKind(info.Mode()))
	case info.Size() > maxFileSize:
		return nil, &ParseError{Path: path, Msg: fmt.Sprintf("the file is %d MiB; a session file is never larger than %d MiB",
			info.Size()>>20, maxFileSize>>20)}
	}
	// Read to the end rather than to the size seen, but never past the
	// limit, in case the file grows meanwhile.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+512))
	if _, err := buf.ReadFrom(io.NewSectionReader(f, 0, maxFileSize+1)); err != nil {
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

// ShellQuote quotes a path for a POSIX shell when it needs it, for a command
// the user is told to run.
func ShellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+:@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
