// libFuzzer target for the WARC reader: any bytes must give Documents that keep the contract
// (text_to_raw of size text.size()+1, offsets inside raw, well-formed UTF-8 text) or errors.
// The input is read as is (plain WARC, or gzip when it starts with 1f 8b), then gzip-compressed
// into two members, whole and cut short, so the inflate paths see well-formed and truncated
// streams of fuzzed records, not only random bytes.
#include <zlib.h>

#include <string>

#include "fuzz/check.h"

namespace {

std::string Gzip(const uint8_t* data, size_t size) {
  z_stream zs{};
  deflateInit2(&zs, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, size) + 64, '\0');
  zs.next_in = const_cast<Bytef*>(data);
  zs.avail_in = static_cast<uInt>(size);
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using communique::ingest::Format;
  communique::ingest::fuzz::ReadAndCheck(data, size, Format::kWarc);
  if (size < 2) return 0;
  size_t split = data[0] % size;
  std::string gz = Gzip(data, split) + Gzip(data + split, size - split);
  communique::ingest::fuzz::ReadAndCheck(reinterpret_cast<const uint8_t*>(gz.data()), gz.size(), Format::kWarc);
  size_t cut = gz.size() - 1 - data[1] % gz.size();
  communique::ingest::fuzz::ReadAndCheck(reinterpret_cast<const uint8_t*>(gz.data()), cut, Format::kWarc);
  return 0;
}
