// Shared body of the reader fuzz targets: read the bytes with one reader and abort on any
// broken Document invariant, so the fuzzer reports it as a crash.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "ingest/internal.h"
#include "ingest/reader.h"

namespace communique::ingest::fuzz {

inline void Fail(const char* what, const Document& d) {
  std::fprintf(stderr, "invariant broken: %s (document %s)\n", what, d.id.c_str());
  std::abort();
}

inline void ReadAndCheck(const uint8_t* data, size_t size, Format format) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadBytes(
      bytes, "fuzz-input", format,
      [](Document&& d) {
        if (d.text_to_raw.size() != d.text.size() + 1) Fail("text_to_raw size", d);
        for (size_t i = 0; i < d.text.size(); ++i)
          if (d.text_to_raw[i] >= d.raw.size()) Fail("offset outside raw", d);
        if (d.text_to_raw.back() > d.raw.size()) Fail("end offset outside raw", d);
        if (FindInvalidUtf8(d.text) != std::string_view::npos) Fail("ill-formed UTF-8 in text", d);
        return true;
      },
      [](const InputError& e) {
        if (e.message.empty()) std::abort();
      });
}

}  // namespace communique::ingest::fuzz
