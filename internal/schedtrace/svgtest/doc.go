// Package svgtest reads a picture drawn by schedtrace.Draw back into its
// parts, so that tests can check what the picture says without looking
// at it: which lanes it has, what each slice of a lane stands for, what
// the legend names, and where the time axis lies.
//
// # Checks
//
// Picture.Check holds a picture to the rules every schedule picture
// keeps: each kind of lane has a legend row naming exactly the things its
// slices show (no entry for a state nobody was in, none missing), each
// slice is filled as its legend entry is, no two entries share a fill,
// every lane has slices (a lane shows something at every moment, if only
// that its P is idle), and every slice is at least the minimum width and
// lies on the axis.
//
// # Reading order
//
// picture.go holds the types and Read; check.go holds Check. The
// package's own tests feed it hand-written pictures that break each rule.
package svgtest
