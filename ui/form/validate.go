package form

import (
	"errors"
	"time"
)

// Date checks a date as sessions store it, YYYY-MM-DD, and says which is
// wrong: the way it is written, or the day (2027-02-30 is written right but
// is no day of the calendar).
func Date(v string) error {
	if _, err := time.Parse(time.DateOnly, v); err == nil {
		return nil
	}
	if shaped(v) {
		return errors.New(v + " is not a day of the calendar; check the month and the day")
	}
	return errors.New("write the date as YYYY-MM-DD, for example 2027-03-31")
}

// shaped reports whether v is four digits, a dash, two digits, a dash and
// two digits.
func shaped(v string) bool {
	if len(v) != len("2006-01-02") {
		return false
	}
	for i := range len(v) {
		if i == 4 || i == 7 {
			if v[i] != '-' {
				return false
			}
		} else if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}
