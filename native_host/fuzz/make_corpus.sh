#!/bin/sh
# Regenerates the seed corpus of native_host_fuzzer: one file per seed, each
# a byte stream as a browser would write it (frames with a 4-byte
# little-endian length, the byte order of the x86 and ARM machines Chrome
# runs on), plus a few broken streams. The fuzzer also reads each file as a
# single request body, so the JSON seeds help both halves.
set -eu
cd "$(dirname "$0")/corpus"

# frame BODY: BODY with its length prefix.
frame() {
  n=$(printf '%s' "$1" | wc -c)
  printf "\\$(printf '%03o' $((n & 255)))\\$(printf '%03o' $(((n >> 8) & 255)))\\$(printf '%03o' $(((n >> 16) & 255)))\\$(printf '%03o' $(((n >> 24) & 255)))"
  printf '%s' "$1"
}

frame '{"type":"ping"}' > ping
frame '{"type":"resolve","pageUrl":"https://arxiv.org/abs/2312.00001v2"}' > resolve_page
frame '{"type":"resolve","selectionText":"see arXiv:2401.12345 and 2402.00012v3","linkUrl":"https://openreview.net/forum?id=NGB6YNnO5o","base":"http://localhost:8080/"}' > resolve_all_fields
frame '{"type":"resolve","selectionText":"Schrödinger bridge, diffusion!"}' > resolve_search
frame '{"type":"resolveBatch","base":"https://papers.cool","items":[{"pageUrl":"https://arxiv.org/abs/hep-th/9901001v1"},{"linkUrl":"https://aclanthology.org/2023.acl-long.1.pdf"},{},"x",{"frameUrl":1}]}' > batch
{ frame '{"type":"ping"}'; frame ''; frame 'not json'; frame '[1,2]'; frame '{"type":"frobnicate"}'; frame '{"type":"ping"}'; } > many_messages
{ frame '{"type":"ping"}'; printf '\001\000\200\000'; } > over_cap_length
printf '\017\000' > truncated_header
{ printf '\100\000\000\000'; printf '{"type":"ping"}'; } > short_body
frame "$(printf '{"type":"resolve","pageUrl":"https://arxiv.org/abs/2312.00001\377\376","\303":"\355\240\200"}')" > invalid_utf8
frame '{"type":"resolve","pageUrl":"\ud800"}' > lone_surrogate
