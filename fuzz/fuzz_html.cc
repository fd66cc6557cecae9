// libFuzzer target for the html reader: any bytes must give Documents that keep the contract
// (text_to_raw of size text.size()+1, offsets inside raw, well-formed UTF-8 text) or errors.
#include "fuzz/check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  communique::ingest::fuzz::ReadAndCheck(data, size, communique::ingest::Format::kHtml);
  return 0;
}
