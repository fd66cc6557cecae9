// Byte sources (file descriptor, memory, multi-member gzip) and the buffered line/block reader
// the streaming readers (JSON Lines, WARC) are built on.
#include "ingest/source.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace communique::ingest {

size_t FdSource::Read(char* buf, size_t n) {
  while (true) {
    ssize_t r = ::read(fd_, buf, n);
    if (r >= 0) {
      offset_ += static_cast<uint64_t>(r);
      return static_cast<size_t>(r);
    }
    if (errno == EINTR) continue;
    error_ = std::string("read error at byte ") + std::to_string(offset_) + ": " + std::strerror(errno);
    return 0;
  }
}

size_t MemorySource::Read(char* buf, size_t n) {
  size_t k = std::min(n, bytes_.size() - pos_);
  if (k) std::memcpy(buf, bytes_.data() + pos_, k);
  pos_ += k;
  return k;
}

namespace {
constexpr size_t kGzipChunk = 1 << 18;
}

GzipSource::GzipSource(ByteSource* in, std::string prefix) : in_(in), inbuf_(std::move(prefix)) {
  in_len_ = inbuf_.size();
  inbuf_.resize(std::max(in_len_, kGzipChunk));
  zs_.next_in = reinterpret_cast<Bytef*>(inbuf_.data());
  zs_.avail_in = static_cast<uInt>(in_len_);
  if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
    error_ = "cannot initialise zlib";
    done_ = true;
  }
}

GzipSource::~GzipSource() {
  inflateEnd(&zs_);
  if (whole_) libdeflate_free_decompressor(whole_);
}

bool GzipSource::InflateWholeMember() {
  if (!whole_) whole_ = libdeflate_alloc_decompressor();
  if (!whole_) return false;
  while (true) {
    if (zs_.avail_in < 2) Fill();
    if (zs_.avail_in == 0) {
      done_ = true;  // clean end after the last member
      return false;
    }
    if (zs_.avail_in < 2 || zs_.next_in[0] != 0x1f || zs_.next_in[1] != 0x8b) return false;  // zlib reports it
    if (out_cap_ == 0) {
      out_cap_ = 1 << 20;
      out_.reset(new char[out_cap_]);
    }
    while (true) {
      size_t in_used = 0, out_used = 0;
      libdeflate_result r = libdeflate_gzip_decompress_ex(whole_, zs_.next_in, zs_.avail_in, out_.get(),
                                                          out_cap_, &in_used, &out_used);
      if (r == LIBDEFLATE_SUCCESS) {
        members_.emplace_back(produced_, consumed_);
        if (members_.size() > 4096) members_.pop_front();
        consumed_ += in_used;
        zs_.next_in += in_used;
        zs_.avail_in -= static_cast<uInt>(in_used);
        out_len_ = out_used;
        out_pos_ = 0;
        if (out_used > 0) return true;
        break;  // an empty member: go on with the next
      }
      if (r == LIBDEFLATE_INSUFFICIENT_SPACE && out_cap_ < kMaxWholeMember) {
        out_cap_ *= 2;
        out_.reset(new char[out_cap_]);
        continue;
      }
      // Not enough input for the whole member yet, or it is damaged: read more, else stream it.
      if (r != LIBDEFLATE_INSUFFICIENT_SPACE && !eof_in_ && zs_.avail_in < kMaxWholeMember && Fill()) break;
      out_len_ = out_pos_ = 0;
      streaming_ = true;
      return false;
    }
  }
}

// Moves unread compressed bytes to the front and reads more after them.
bool GzipSource::Fill() {
  if (eof_in_) return false;
  size_t left = zs_.avail_in;
  if (left && zs_.next_in != reinterpret_cast<Bytef*>(inbuf_.data()))
    std::memmove(inbuf_.data(), zs_.next_in, left);
  // Grow geometrically: a member being assembled for whole inflation is retried after each read.
  if (inbuf_.size() < left + kGzipChunk) inbuf_.resize(std::max(left + kGzipChunk, 2 * left));
  size_t r = in_->Read(inbuf_.data() + left, inbuf_.size() - left);
  zs_.next_in = reinterpret_cast<Bytef*>(inbuf_.data());
  zs_.avail_in = static_cast<uInt>(left + r);
  if (r == 0) {
    eof_in_ = true;
    if (!in_->error().empty()) error_ = in_->error();
    return false;
  }
  return true;
}

size_t GzipSource::Read(char* buf, size_t n) {
  if (n == 0) return 0;
  if (out_pos_ == out_len_ && !streaming_ && !done_) InflateWholeMember();
  if (out_pos_ < out_len_) {
    size_t k = std::min(n, out_len_ - out_pos_);
    std::memcpy(buf, out_.get() + out_pos_, k);
    out_pos_ += k;
    produced_ += k;
    return k;
  }
  if (done_) return 0;
  n = std::min<size_t>(n, 1u << 30);
  zs_.next_out = reinterpret_cast<Bytef*>(buf);
  zs_.avail_out = static_cast<uInt>(n);
  while (zs_.avail_out == n) {
    if (!in_member_) {
      if (zs_.avail_in < 2 && !Fill() && zs_.avail_in == 0) {
        done_ = true;  // clean end after the last member
        break;
      }
      if (zs_.avail_in < 2 || zs_.next_in[0] != 0x1f || zs_.next_in[1] != 0x8b) {
        error_ = "not gzip data after the last complete member (compressed byte " +
                 std::to_string(consumed_) + ")";
        done_ = true;
        break;
      }
      in_member_ = true;
      member_start_ = consumed_;
      members_.emplace_back(produced_ + (n - zs_.avail_out), consumed_);
      if (members_.size() > 4096) members_.pop_front();
    }
    if (zs_.avail_in == 0 && !Fill()) {
      if (error_.empty())
        error_ = "truncated gzip: input ends inside the member that starts at compressed byte " +
                 std::to_string(member_start_) + " (at compressed byte " + std::to_string(consumed_) + ")";
      done_ = true;
      break;
    }
    uInt before = zs_.avail_in;
    int ret = inflate(&zs_, Z_NO_FLUSH);
    consumed_ += before - zs_.avail_in;
    if (ret == Z_STREAM_END) {
      inflateReset(&zs_);
      in_member_ = false;
    } else if (ret == Z_BUF_ERROR) {
      if (zs_.avail_in != 0) {  // no progress with input available: cannot happen with room to write
        error_ = "gzip stream stuck at compressed byte " + std::to_string(consumed_);
        done_ = true;
        break;
      }
    } else if (ret != Z_OK) {
      error_ = std::string("corrupt gzip data at compressed byte ") + std::to_string(consumed_) +
               " (member starting at " + std::to_string(member_start_) + "): " +
               (zs_.msg ? zs_.msg : "zlib error " + std::to_string(ret));
      done_ = true;
      break;
    }
  }
  produced_ += n - zs_.avail_out;
  return n - zs_.avail_out;
}

uint64_t GzipSource::InputOffsetOf(uint64_t pos) {
  while (members_.size() > 1 && members_[1].first <= pos) members_.pop_front();
  return members_.empty() ? 0 : members_.front().second;
}

bool BufferedReader::Fill() {
  if (eof_) return false;
  if (begin_ > 0 && (begin_ == end_ || begin_ > buf_.size() / 2)) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buf_.size() - end_ < chunk_ / 2) buf_.resize(std::max(buf_.size() * 2, end_ + chunk_));
  size_t r = src_->Read(buf_.data() + end_, buf_.size() - end_);
  if (r == 0) {
    eof_ = true;
    return false;
  }
  end_ += r;
  return true;
}

std::string_view BufferedReader::Peek(size_t n) {
  while (end_ - begin_ < n && Fill()) {
  }
  return std::string_view(buf_.data() + begin_, std::min(n, end_ - begin_));
}

bool BufferedReader::AtEnd() { return begin_ == end_ && !Fill(); }

bool BufferedReader::ReadLine(std::string* line, size_t max_len, bool* too_long) {
  line->clear();
  *too_long = false;
  size_t scanned = 0;  // bytes after begin_ known to hold no '\n'
  while (true) {
    const char* start = buf_.data() + begin_;
    const char* nl = static_cast<const char*>(
        std::memchr(start + scanned, '\n', end_ - begin_ - scanned));
    if (nl) {
      size_t len = static_cast<size_t>(nl - start);
      if (!*too_long) line->assign(start, len);
      begin_ += len + 1;
      pos_ += len + 1;
      return true;
    }
    scanned = end_ - begin_;
    if (scanned > max_len) {  // drop what we have; keep scanning for the end of the line
      *too_long = true;
      begin_ = end_;
      pos_ += scanned;
      scanned = 0;
    }
    if (!Fill()) {
      if (begin_ == end_ && !*too_long) return false;
      size_t len = end_ - begin_;
      if (!*too_long) line->assign(buf_.data() + begin_, len);
      begin_ = end_;
      pos_ += len;
      return true;
    }
  }
}

size_t BufferedReader::ReadBlock(size_t n, std::string* out) {
  size_t got = 0;
  while (got < n) {
    if (begin_ == end_ && !Fill()) break;
    size_t k = std::min(n - got, end_ - begin_);
    out->append(buf_.data() + begin_, k);
    begin_ += k;
    pos_ += k;
    got += k;
  }
  return got;
}

size_t BufferedReader::Skip(size_t n) {
  size_t got = 0;
  while (got < n) {
    if (begin_ == end_ && !Fill()) break;
    size_t k = std::min(n - got, end_ - begin_);
    begin_ += k;
    pos_ += k;
    got += k;
  }
  return got;
}

}  // namespace communique::ingest
