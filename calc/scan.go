package calc

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind is what a token is.
type tokenKind uint8

const (
	tokEOF tokenKind = iota
	tokNumber
	tokName
	tokDollar
	tokPlus
	tokMinus
	tokStar
	tokSlash
	tokCaret
	tokPercent
	tokColon
	tokComma
	tokLParen
	tokRParen
	tokArrow // "->", a conversion like "to" and "in"
)

var tokenNames = [...]string{
	tokEOF: "end of input", tokNumber: "number", tokName: "name", tokDollar: `"$"`,
	tokPlus: `"+"`, tokMinus: `"-"`, tokStar: `"*"`, tokSlash: `"/"`, tokCaret: `"^"`,
	tokPercent: `"%"`, tokColon: `":"`, tokComma: `","`, tokLParen: `"("`, tokRParen: `")"`,
	tokArrow: `"->"`,
}

func (k tokenKind) String() string { return tokenNames[k] }

// token is one lexeme with its place in the source, src[pos:end]. It holds
// no pointer, so that token slices cost the garbage collector nothing.
type token struct {
	kind tokenKind
	pos  int     // byte offset of the first character
	end  int     // byte offset just past the last
	num  float64 // a number's value, count suffix applied
}

// MaxLength bounds an expression's length in bytes; longer input is refused
// before scanning, so that a pasted file cannot stall the calculator.
const MaxLength = 4096

// operators maps single-rune operators to their kinds; "×" and "÷" and "·"
// are accepted because people paste them from documents.
var operators = map[rune]tokenKind{
	'+': tokPlus, '-': tokMinus, '*': tokStar, '×': tokStar, '·': tokStar, '/': tokSlash, '÷': tokSlash,
	'^': tokCaret, '%': tokPercent, ':': tokColon, ',': tokComma, '(': tokLParen, ')': tokRParen,
	'$': tokDollar,
}

// asciiOperators is operators for the ASCII characters, read without a map
// lookup.
var asciiOperators = func() (t [utf8.RuneSelf]struct {
	kind tokenKind
	ok   bool
}) {
	for r, kind := range operators {
		if r < utf8.RuneSelf {
			t[r].kind, t[r].ok = kind, true
		}
	}
	return t
}()

// countSuffixes are the multipliers a number may carry attached ("5M").
var countSuffixes = []struct {
	suffix string
	factor float64
}{
	{"bn", 1e9}, {"k", 1e3}, {"K", 1e3}, {"M", 1e6}, {"B", 1e9}, {"T", 1e12},
}

// scan splits src into tokens. It tracks parentheses so that "1,000" is a
// number outside a function call but two arguments inside one ("max(1,000)").
func scan(src string) ([]token, *Error) {
	return scanInto(nil, src)
}

// scanInto is scan appending to buf, which a caller may keep on its stack:
// a line of batch mode then costs no token allocation.
func scanInto(buf []token, src string) ([]token, *Error) {
	if len(src) > MaxLength {
		return nil, errorAt(src, MaxLength, len(src), "split it into smaller expressions",
			"expression is too long (%d bytes; the limit is %d)", len(src), MaxLength)
	}
	if !utf8.ValidString(src) {
		i := 0
		for i < len(src) {
			r, size := utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		return nil, errorAt(src, i, i+1, "", "invalid UTF-8 text")
	}
	if buf == nil {
		buf = make([]token, 0, len(src)/2+1)
	}
	toks := buf[:0] // kept out of the scanner, whose errors escape
	s := scanner{src: src}
	for {
		tok, err := s.next()
		if err != nil {
			return nil, err
		}
		toks = append(toks, tok)
		s.lastName, s.lastEnd = tok.kind == tokName, tok.end
		if tok.kind == tokEOF {
			return toks, nil
		}
	}
}

type scanner struct {
	src string
	pos int
	// lastName and lastEnd describe the previous token: a "(" right after
	// a name opens a call.
	lastName bool
	lastEnd  int
	inCall   []bool // for each open parenthesis, whether it opened a call's arguments
}

func (s *scanner) next() (token, *Error) {
	for s.pos < len(s.src) {
		if c := s.src[s.pos]; c < utf8.RuneSelf { // ASCII: no decoding
			if !isASCIISpace(c) {
				break
			}
			s.pos++
			continue
		}
		r, size := utf8.DecodeRuneInString(s.src[s.pos:])
		if !unicode.IsSpace(r) {
			break
		}
		s.pos += size
	}
	start := s.pos
	if start >= len(s.src) {
		return token{kind: tokEOF, pos: start, end: start}, nil
	}
	r, size := utf8.DecodeRuneInString(s.src[start:])
	switch {
	case isDigit(r) || (r == '.' && start+1 < len(s.src) && isDigitByte(s.src[start+1])):
		return s.number()
	case isNameStart(r):
		end := start + size
		for end < len(s.src) {
			if c := s.src[end]; c < utf8.RuneSelf { // ASCII: no decoding
				if !isASCIINamePart(c) {
					break
				}
				end++
				continue
			}
			r, size := utf8.DecodeRuneInString(s.src[end:])
			if !isNamePart(r) {
				break
			}
			end += size
		}
		s.pos = end
		return token{kind: tokName, pos: start, end: end}, nil
	case r == '-' && strings.HasPrefix(s.src[start:], "->"):
		s.pos += 2
		return token{kind: tokArrow, pos: start, end: start + 2}, nil
	}
	var kind tokenKind
	var ok bool
	if r < utf8.RuneSelf {
		kind, ok = asciiOperators[r].kind, asciiOperators[r].ok
	} else {
		kind, ok = operators[r]
	}
	if !ok {
		return token{}, errorAt(s.src, start, start+size, "", "unexpected character %q", r)
	}
	switch kind {
	case tokLParen:
		call := s.lastName && s.lastEnd == start
		s.inCall = append(s.inCall, call)
	case tokRParen:
		if len(s.inCall) > 0 {
			s.inCall = s.inCall[:len(s.inCall)-1]
		}
	}
	s.pos += size
	return token{kind: kind, pos: start, end: s.pos}, nil
}

// number scans digits, with "_" or (outside a call) "," grouping, a
// fraction, an exponent and an attached count suffix.
func (s *scanner) number() (token, *Error) {
	src, start := s.src, s.pos
	i := start
	grouped := false // whether "_" or "," separators were skipped
	groupCommas := len(s.inCall) == 0 || !s.inCall[len(s.inCall)-1]
	for i < len(src) {
		c := src[i]
		switch {
		case isDigitByte(c):
			i++
			continue
		case c == '_' && i+1 < len(src) && isDigitByte(src[i+1]) && i > start:
			grouped = true
			i++
			continue
		case c == ',' && groupCommas && isThousandsGroup(src, i):
			grouped = true
			i++
			continue
		}
		break
	}
	if i < len(src) && src[i] == '.' {
		i++
		for i < len(src) && (isDigitByte(src[i]) || (src[i] == '_' && i+1 < len(src) && isDigitByte(src[i+1]))) {
			if src[i] == '_' {
				grouped = true
			}
			i++
		}
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < len(src) && isDigitByte(src[j]) {
			i = j
			for i < len(src) && isDigitByte(src[i]) {
				i++
			}
		}
	}
	// "1.2.3" or "1..2" would otherwise scan as two numbers side by side
	// and multiply: 0.36 from a typo.
	if i < len(src) && src[i] == '.' {
		end := i
		for end < len(src) && (isDigitByte(src[end]) || src[end] == '.') {
			end++
		}
		return token{}, errorAt(src, i, i+1, "write one decimal point, or * between two numbers",
			"%q is not a number: it has a second decimal point", src[start:end])
	}
	// The number's text without its separators: digits, ".", and the
	// exponent are all that src[start:i] holds besides "_" and ",".
	digits := src[start:i]
	if grouped {
		digits = strings.NewReplacer("_", "", ",", "").Replace(digits)
	}
	value, err := strconv.ParseFloat(digits, 64)
	if err != nil || math.IsInf(value, 0) {
		text := src[start:i]
		if len(text) > 24 {
			text = text[:20] + "… (" + GroupDigits(int64(len(text))) + " characters)"
		}
		return token{}, errorAt(src, start, i, "numbers go up to about 1.8e308", "number %s is too large", text)
	}
	for _, cs := range countSuffixes {
		if i == len(src) || !isASCIINamePart(src[i]) {
			break // every suffix starts with a letter
		}
		if strings.HasPrefix(src[i:], cs.suffix) && !startsName(src[i+len(cs.suffix):]) {
			value *= cs.factor
			i += len(cs.suffix)
			break
		}
	}
	s.pos = i
	return token{kind: tokNumber, pos: start, end: i, num: value}, nil
}

// isThousandsGroup reports whether the comma at src[i] is followed by exactly
// three digits and then no further digit, as in "20,000".
func isThousandsGroup(src string, i int) bool {
	if i+4 > len(src) {
		return false
	}
	for j := i + 1; j <= i+3; j++ {
		if !isDigitByte(src[j]) {
			return false
		}
	}
	return i+4 == len(src) || !isDigitByte(src[i+4])
}

func startsName(rest string) bool {
	if rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return isNamePart(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isASCIISpace is unicode.IsSpace for an ASCII character.
func isASCIISpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// isASCIINamePart is isNamePart for an ASCII character.
func isASCIINamePart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigitByte(c)
}
func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// Names are letters, digits and underscores, starting with a letter or
// underscore; "µ" and "μ" are letters, so "µs" is one name.
func isNameStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }
func isNamePart(r rune) bool  { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }
