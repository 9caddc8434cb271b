#!/bin/sh
# Builds the Foundation-only parsers with -O and prints their throughput on ../shared/data/strings.tsv.
set -e
cd "$(dirname "$0")/.."
out="${TMPDIR:-/tmp}/centrald-parsers-bench"
swiftc -O -module-name ParsersBench -o "$out" \
    Sources/Core/Model/Salary.swift Sources/Core/Model/JobPosting.swift \
    Sources/Core/Parsing/Salary*.swift Sources/Core/Parsing/ExperienceParser.swift \
    Sources/Core/Parsing/PostedDateParser.swift bench/ParsersBench/main.swift
"$out"
