#include "report/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <memory>

#include "alliance/core/file.h"

namespace alliance::report {

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  // EVP_Digest cannot fail for SHA-256 on in-memory input short of an
  // allocation failure, which OpenSSL reports as 0; an empty digest then
  // shows the problem instead of a wrong checksum.
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) return "";
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

Result<std::string> sha256_file(const std::string& path) {
  ALLIANCE_ASSIGN_OR_RETURN(std::string bytes, core::read_file(path));
  return sha256_hex(bytes);
}

}  // namespace alliance::report
