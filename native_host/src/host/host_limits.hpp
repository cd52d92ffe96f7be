// Every limit of the native messaging host, in one place. PROTOCOL.md lists
// the same numbers for the extension's authors; change both together.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace coolpapers::host {

// The name the host is registered under in the browsers' host manifests.
inline constexpr std::string_view kHostName = "cool.papers.redirector";

// A frame is a 4-byte length in native byte order, then that many bytes of
// UTF-8 JSON.
inline constexpr std::size_t kHeaderBytes = 4;

// Largest request body the host accepts. Chrome sends up to 64 MiB; 8 MiB
// holds a full 1,000-item batch of 2 KiB URLs four times over, and bounds the
// memory a corrupt or hostile length prefix can make the host commit. A
// larger declared length is refused before anything is allocated.
inline constexpr std::uint32_t kMaxRequestBytes = 8u * 1024 * 1024;

// Chrome's limit on one host-to-browser message: a body of exactly
// 1,048,576 bytes is delivered, one byte more breaks the channel for good
// (measured on Chromium 156; Chrome documents the limit as 1 MB).
inline constexpr std::size_t kMaxReplyBytes = 1024 * 1024;

// Largest JSON of one resolution: a "resolve" reply, or one result of a
// batch. Anything longer (a megabyte-long OpenReview id, a search query of
// 32 huge words) is answered with too_large instead. The margin guarantees
// that one result always fits in a batch reply with its envelope, so a
// client that resends the omitted tail of a batch always makes progress.
inline constexpr std::size_t kMaxResultBytes = kMaxReplyBytes - 1024;

// Items in one "resolveBatch" request.
inline constexpr std::size_t kMaxBatchItems = 1000;

// Client-supplied strings echoed in error replies (an unknown "type") and
// messages built from them are cut to this many bytes, so an error reply
// stays small whatever the request held.
inline constexpr std::size_t kMaxEchoBytes = 256;

// Bytes the host asks for per read() of a body, so a sender that declares a
// large length but sends little costs only what it sends.
inline constexpr std::size_t kReadChunkBytes = 64 * 1024;

}  // namespace coolpapers::host
