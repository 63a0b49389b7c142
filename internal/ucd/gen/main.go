// Command gen writes akhbar's Unicode tables from the data files embedded in package
// internal/ucd. It is run by `go generate` in render/bidi and render/shape:
//
//	go run ../../internal/ucd/gen -bidi tables.go   # in render/bidi
//	go run ../../internal/ucd/gen -shape tables.go  # in render/shape
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/akhbar/akhbar/internal/ucd"
)

func main() {
	bidiOut := flag.String("bidi", "", "write the render/bidi tables to this file")
	shapeOut := flag.String("shape", "", "write the render/shape tables to this file")
	flag.Parse()
	if *bidiOut == "" && *shapeOut == "" {
		log.Fatal("gen: nothing to do: give -bidi FILE and/or -shape FILE")
	}
	if err := generate(*bidiOut, ucd.BidiTables); err != nil {
		log.Fatal(err)
	}
	if err := generate(*shapeOut, ucd.ShapeTables); err != nil {
		log.Fatal(err)
	}
}

// generate writes the tables build returns to path; an empty path writes nothing.
func generate(path string, build func() ([]byte, error)) error {
	if path == "" {
		return nil
	}
	src, err := build()
	if err != nil {
		return fmt.Errorf("gen %s: %w", path, err)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return nil
}
