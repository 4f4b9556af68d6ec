// Package assets holds the files Roundtable carries inside its binary: the
// built-in workshop templates and the sample organisation's answers.
package assets

import "embed"

// Workshops holds the built-in workshop templates, one TOML file each, in
// the folder workshops/.
//
//go:embed workshops/*.toml
var Workshops embed.FS

// Samples holds the sample organisation's answers for each built-in
// workshop, in samples/<workshop name>.toml.
//
//go:embed samples/*.toml
var Samples embed.FS
