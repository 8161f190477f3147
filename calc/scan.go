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

// token is one lexeme with its place in the source.
type token struct {
	kind tokenKind
	pos  int     // byte offset of the first character
	end  int     // byte offset just past the last
	text string  // the source text
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
	s := scanner{src: src, toks: make([]token, 0, len(src)/2+1)}
	for {
		tok, err := s.next()
		if err != nil {
			return nil, err
		}
		s.toks = append(s.toks, tok)
		if tok.kind == tokEOF {
			return s.toks, nil
		}
	}
}

type scanner struct {
	src    string
	pos    int
	toks   []token
	inCall []bool // for each open parenthesis, whether it opened a call's arguments
}

func (s *scanner) next() (token, *Error) {
	for s.pos < len(s.src) {
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
			r, size := utf8.DecodeRuneInString(s.src[end:])
			if !isNamePart(r) {
				break
			}
			end += size
		}
		s.pos = end
		return token{kind: tokName, pos: start, end: end, text: s.src[start:end]}, nil
	case r == '-' && strings.HasPrefix(s.src[start:], "->"):
		s.pos += 2
		return token{kind: tokArrow, pos: start, end: start + 2, text: "->"}, nil
	}
	kind, ok := operators[r]
	if !ok {
		return token{}, errorAt(s.src, start, start+size, "", "unexpected character %q", r)
	}
	switch kind {
	case tokLParen:
		call := len(s.toks) > 0 && s.toks[len(s.toks)-1].kind == tokName && s.toks[len(s.toks)-1].end == start
		s.inCall = append(s.inCall, call)
	case tokRParen:
		if len(s.inCall) > 0 {
			s.inCall = s.inCall[:len(s.inCall)-1]
		}
	}
	s.pos += size
	return token{kind: kind, pos: start, end: s.pos, text: s.src[start:s.pos]}, nil
}

// number scans digits, with "_" or (outside a call) "," grouping, a
// fraction, an exponent and an attached count suffix.
func (s *scanner) number() (token, *Error) {
	src, start := s.src, s.pos
	var digits strings.Builder
	i := start
	groupCommas := len(s.inCall) == 0 || !s.inCall[len(s.inCall)-1]
	for i < len(src) {
		c := src[i]
		switch {
		case isDigitByte(c):
			digits.WriteByte(c)
			i++
			continue
		case c == '_' && i+1 < len(src) && isDigitByte(src[i+1]) && i > start:
			i++
			continue
		case c == ',' && groupCommas && isThousandsGroup(src, i):
			i++
			continue
		}
		break
	}
	if i < len(src) && src[i] == '.' {
		digits.WriteByte('.')
		i++
		for i < len(src) && (isDigitByte(src[i]) || (src[i] == '_' && i+1 < len(src) && isDigitByte(src[i+1]))) {
			if src[i] != '_' {
				digits.WriteByte(src[i])
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
			digits.WriteString(src[i:j])
			i = j
			for i < len(src) && isDigitByte(src[i]) {
				digits.WriteByte(src[i])
				i++
			}
		}
	}
	value, err := strconv.ParseFloat(digits.String(), 64)
	if err != nil || math.IsInf(value, 0) {
		return token{}, errorAt(src, start, i, "", "number %s is too large", src[start:i])
	}
	for _, cs := range countSuffixes {
		if strings.HasPrefix(src[i:], cs.suffix) && !startsName(src[i+len(cs.suffix):]) {
			value *= cs.factor
			i += len(cs.suffix)
			break
		}
	}
	s.pos = i
	return token{kind: tokNumber, pos: start, end: i, text: src[start:i], num: value}, nil
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

func isDigit(r rune) bool     { return r >= '0' && r <= '9' }
func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// Names are letters, digits and underscores, starting with a letter or
// underscore; "µ" and "μ" are letters, so "µs" is one name.
func isNameStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }
func isNamePart(r rune) bool  { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }
