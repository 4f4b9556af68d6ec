package room

import (
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// quietZone is the light margin around the code, in modules: two are
// enough for phone cameras and keep the code small on an 80×24 terminal.
const quietZone = 2

// QR draws url as a QR code in text, two modules a line with half blocks.
// On a dark terminal the light modules are drawn, so the code reads as
// dark on light either way.
func QR(url string, dark bool) []string {
	q, err := qrcode.New(url, qrcode.Low)
	if err != nil {
		return nil
	}
	q.DisableBorder = true
	bits := q.Bitmap()
	n := len(bits) + 2*quietZone
	ink := func(y, x int) bool {
		y, x = y-quietZone, x-quietZone
		set := y >= 0 && x >= 0 && y < len(bits) && x < len(bits) && bits[y][x]
		return set != dark
	}
	var lines []string
	for y := 0; y < n; y += 2 {
		var b strings.Builder
		for x := range n {
			top, bottom := ink(y, x), y+1 < n && ink(y+1, x)
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteByte(' ')
			}
		}
		lines = append(lines, b.String())
	}
	return lines
}
