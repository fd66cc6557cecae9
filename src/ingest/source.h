// Byte sources for the readers: a file descriptor, an in-memory buffer, or a gzip stream
// (multi-member, as in Common Crawl WARC.gz) layered on another source; and a buffered reader
// on top that hands out lines and fixed-size blocks without holding the whole input.
//
// In: file descriptors or bytes. Out: bytes on demand, with the input offset (compressed offset
// for gzip) so errors can name where they happened.
#pragma once

#include <libdeflate.h>
#include <zlib.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

namespace communique::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; 0 means end of input or error (see error()).
  virtual size_t Read(char* buf, size_t n) = 0;
  // Bytes of the underlying input consumed so far (compressed bytes for gzip).
  virtual uint64_t InputOffset() const = 0;
  // Where the byte at output position `pos` lives in the underlying input: for gzip the start of
  // the member holding it (records are members in WARC.gz), else `pos` itself. Positions must
  // be asked in increasing order.
  virtual uint64_t InputOffsetOf(uint64_t pos) { return pos; }
  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

class FdSource : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  size_t Read(char* buf, size_t n) override;
  uint64_t InputOffset() const override { return offset_; }

 private:
  int fd_;
  uint64_t offset_ = 0;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* buf, size_t n) override;
  uint64_t InputOffset() const override { return pos_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

// Inflates gzip members back to back. Whole members (Common Crawl writes one per record) are
// inflated in one call with libdeflate, about twice as fast as zlib; a member larger than
// kMaxWholeMember, or one that does not inflate (truncated, corrupt), switches to zlib streaming,
// which yields the bytes before the damage and sets error() naming the compressed offset.
class GzipSource : public ByteSource {
 public:
  // `prefix` holds bytes already read from `in` (format sniffing) that come first.
  GzipSource(ByteSource* in, std::string prefix);
  ~GzipSource() override;
  size_t Read(char* buf, size_t n) override;
  uint64_t InputOffset() const override { return consumed_; }
  uint64_t InputOffsetOf(uint64_t pos) override;

 private:
  static constexpr size_t kMaxWholeMember = 64u << 20;  // compressed or inflated
  bool Fill();
  bool InflateWholeMember();  // false: end of input, or zlib streaming takes over

  ByteSource* in_;
  libdeflate_decompressor* whole_ = nullptr;
  bool streaming_ = false;  // zlib from here on
  std::unique_ptr<char[]> out_;  // the last member inflated whole (not zero-filled: it is big)
  size_t out_cap_ = 0, out_len_ = 0, out_pos_ = 0;
  z_stream zs_{};
  std::string inbuf_;
  size_t in_len_ = 0;        // valid bytes in inbuf_
  uint64_t consumed_ = 0;    // compressed bytes handed to zlib and used
  uint64_t member_start_ = 0;
  uint64_t produced_ = 0;    // uncompressed bytes handed out
  // (uncompressed start, compressed start) of recent members, oldest first.
  std::deque<std::pair<uint64_t, uint64_t>> members_;
  bool in_member_ = false;
  bool done_ = false;
  bool eof_in_ = false;
};

// Buffered access with lines and blocks; never buffers more than a caller-given limit.
class BufferedReader {
 public:
  explicit BufferedReader(ByteSource* src, size_t chunk = 1 << 18) : src_(src), chunk_(chunk) {}

  // Makes at least n bytes available unless the input ends; returns what is available.
  std::string_view Peek(size_t n);
  // Reads one line (without '\n') into *line. Returns false at end of input. A line longer than
  // max_len is skipped to its end and *too_long is set (the line content is then empty).
  bool ReadLine(std::string* line, size_t max_len, bool* too_long);
  // Appends exactly n bytes to *out (fewer when the input ends); returns bytes appended.
  size_t ReadBlock(size_t n, std::string* out);
  // Drops n bytes; returns bytes dropped.
  size_t Skip(size_t n);
  // Uncompressed bytes handed out so far.
  uint64_t Position() const { return pos_; }
  bool AtEnd();
  ByteSource* source() const { return src_; }

 private:
  bool Fill();

  ByteSource* src_;
  size_t chunk_;
  std::string buf_;
  size_t begin_ = 0;  // unread bytes are buf_[begin_, end_)
  size_t end_ = 0;
  uint64_t pos_ = 0;
  bool eof_ = false;
};

}  // namespace communique::ingest
