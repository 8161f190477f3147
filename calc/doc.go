// Package calc is estimate's units-aware expression language: the calculator
// behind `estimate eval`, every value a user types, and every formula in a
// scenario file. It uses the standard library only.
//
// An expression goes through four passes, kept apart so that each can be read
// and tested on its own (the layout follows robpike/ivy and sharkdp/numbat):
//
//	scan.go   source text → tokens, each with its byte offset
//	parse.go  tokens → syntax tree, each node with its byte offset
//	check.go  syntax tree → dimensions, resolved before any number is computed
//	eval.go   checked tree → a small stack program, evaluated many times
//
// A quantity is a float64 in base units (byte, second, dollar) and a
// dimension vector (dim.go). Units and prefixes are data (units.go), not code
// paths. format.go turns a base value into text a person reads.
//
// # Grammar
//
//	input      = ratio [ conversion ] EOF
//	conversion = ( "to" | "in" | "->" ) unit
//	ratio      = sum [ ":" sum ]
//	sum        = product { ( "+" | "-" ) product }
//	product    = juxtaposed { ( "*" | "×" | "/" | "÷" ) juxtaposed }
//	juxtaposed = unary { unary }
//	unary      = "-" unary | "+" unary | power
//	power      = postfix [ "^" unary ]
//	postfix    = primary { "%" }
//	primary    = number | "$" number | name | name "(" [ ratio { "," ratio } ] ")" | "(" ratio ")"
//	unit       = [ "/" ] product          (constant: units and numbers only)
//	number     = digits [ "." digits ] [ exponent ] [ "k" | "K" | "M" | "B" | "bn" | "T" ]
//
// Juxtaposition is multiplication that binds tighter than "*" and "/", as in
// GNU units: "$100 / 1 TB" is $100 / (1 TB), and "300 MB / day" is
// (300 MB) / day. A count suffix is part of its number
// only when no letter follows it: "5M" is five million, "5MB" five megabytes.
// A bare "B" is never bytes: "1B" is a billion, and "500 B" is an error.
//
// # Conventions
//
// A month is 30 days and a year 365 days, as the book computes. The
// availability table's year is 365.25 days, as the book's nines table is.
package calc
