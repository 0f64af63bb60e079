//go:build unix

package multiprocessing_test

const socketsAvailable = true
