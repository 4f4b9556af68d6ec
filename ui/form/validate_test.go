package form

import (
	"strings"
	"testing"
)

func TestDateSaysWhatIsWrong(t *testing.T) {
	for v, want := range map[string]string{
		"2027-03-31": "",
		"2028-02-29": "",
		"2027-02-30": "2027-02-30 is not a day of the calendar",
		"2027-13-01": "2027-13-01 is not a day of the calendar",
		"30/06/2026": "write the date as YYYY-MM-DD",
		"next week":  "write the date as YYYY-MM-DD",
		"2027-3-31":  "write the date as YYYY-MM-DD",
		"２０２７-03-31": "write the date as YYYY-MM-DD",
	} {
		err := Date(v)
		switch {
		case want == "" && err != nil:
			t.Errorf("%q: %v", v, err)
		case want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)):
			t.Errorf("%q: %v, want %q…", v, err, want)
		}
	}
}
