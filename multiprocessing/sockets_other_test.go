//go:build !unix

package multiprocessing_test

const socketsAvailable = false
