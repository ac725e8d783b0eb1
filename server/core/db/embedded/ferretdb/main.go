// Command runway-ferretdb runs FerretDB v1 with its SQLite backend as an
// embedded, MongoDB-compatible server for Runway's development and tests.
//
// It is built from FerretDB's embeddable package rather than `go install`
// (whose binary panics without build/version/version.txt, FerretDB #2982).
// It prints one JSON line {"ready":true,"uri":...} on stdout once listening,
// and exits when stdin closes so that it never outlives its parent.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	dataDir := flag.String("data", "", "folder that holds the SQLite databases (created if missing)")
	watchStdin := flag.Bool("watch-stdin", true, "exit when stdin reaches EOF (parent died)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error; logs go to stderr")
	flag.Parse()

	if *dataDir == "" {
		log.Fatal("runway-ferretdb: -data is required")
	}
	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		log.Fatalf("runway-ferretdb: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatalf("runway-ferretdb: cannot create data folder: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		log.Fatalf("runway-ferretdb: bad -log-level: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		log.Fatalf("runway-ferretdb: %v", err)
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	uri := f.MongoDBURI()
	line, _ := json.Marshal(map[string]any{"ready": true, "uri": uri})
	fmt.Println(string(line))

	if err := <-done; err != nil && ctx.Err() == nil {
		log.Fatalf("runway-ferretdb: %v", err)
	}
}
