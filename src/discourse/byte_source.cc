#include "byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace alliance::discourse::detail {
namespace {

constexpr std::size_t kInputChunk = std::size_t{1} << 18;

// Corrupt or truncated compressed data is bad input, like a malformed line:
// invalid_argument (exit 2), located at the compressed byte where decoding
// failed, so that the user can find the damage with `cmp` or `xxd`.
Status bad_compressed(const std::string& file, std::uint64_t byte, std::string_view what) {
  return Status::invalid_argument(fmt::format("{}: byte {}: {}", file, byte, what));
}

// Owns a file descriptor and reads raw bytes.
class RawFile {
 public:
  RawFile(int fd, std::string name, std::atomic<std::uint64_t>* consumed)
      : fd_(fd), name_(std::move(name)), consumed_(consumed) {}
  ~RawFile() { ::close(fd_); }
  RawFile(const RawFile&) = delete;
  RawFile& operator=(const RawFile&) = delete;

  Result<std::size_t> read(char* out, std::size_t n) {
    std::size_t done = 0;
    while (done < n) {
      const ssize_t got = ::read(fd_, out + done, n - done);
      if (got < 0) {
        if (errno == EINTR) continue;
        return Status::io_error(fmt::format("{}: cannot read: {}", name_, std::strerror(errno)));
      }
      if (got == 0) break;
      done += static_cast<std::size_t>(got);
    }
    if (consumed_ != nullptr) consumed_->fetch_add(done, std::memory_order_relaxed);
    return done;
  }
  const std::string& name() const { return name_; }

 private:
  int fd_;
  std::string name_;
  std::atomic<std::uint64_t>* consumed_;
};

class PlainSource : public ByteSource {
 public:
  PlainSource(std::unique_ptr<RawFile> file, std::string prefix) : file_(std::move(file)), prefix_(std::move(prefix)) {}
  Result<std::size_t> read(char* out, std::size_t n) override {
    std::size_t done = 0;
    while (done < n && pos_ < prefix_.size()) out[done++] = prefix_[pos_++];
    if (done == n) return done;
    ALLIANCE_ASSIGN_OR_RETURN(const std::size_t got, file_->read(out + done, n - done));
    return done + got;
  }

 private:
  std::unique_ptr<RawFile> file_;
  std::string prefix_;  // the magic bytes already read
  std::size_t pos_ = 0;
};

class ZstdSource : public ByteSource {
 public:
  ZstdSource(std::unique_ptr<RawFile> file, std::string prefix)
      : file_(std::move(file)), in_(kInputChunk), stream_(ZSTD_createDStream()) {
    std::memcpy(in_.data(), prefix.data(), prefix.size());
    input_ = {in_.data(), prefix.size(), 0};
  }
  ~ZstdSource() override { ZSTD_freeDStream(stream_); }
  ZstdSource(const ZstdSource&) = delete;
  ZstdSource& operator=(const ZstdSource&) = delete;

  Result<std::size_t> read(char* out, std::size_t n) override {
    ZSTD_outBuffer output{out, n, 0};
    while (output.pos < output.size) {
      if (input_.pos == input_.size) {
        if (file_eof_) break;
        ALLIANCE_ASSIGN_OR_RETURN(const std::size_t got, file_->read(in_.data(), in_.size()));
        if (got == 0) {
          file_eof_ = true;
          break;
        }
        base_ += input_.size;
        input_ = {in_.data(), got, 0};
      }
      const std::size_t ret = ZSTD_decompressStream(stream_, &output, &input_);
      if (ZSTD_isError(ret)) {
        return bad_compressed(file_->name(), base_ + input_.pos,
                              fmt::format("corrupt zstd data: {}", ZSTD_getErrorName(ret)));
      }
      frame_open_ = ret != 0;
    }
    if (file_eof_ && frame_open_ && input_.pos == input_.size) {
      return bad_compressed(file_->name(), base_ + input_.size, "truncated zstd frame");
    }
    return output.pos;
  }

 private:
  std::unique_ptr<RawFile> file_;
  std::vector<char> in_;
  ZSTD_inBuffer input_{};
  ZSTD_DStream* stream_;
  std::uint64_t base_ = 0;  // file offset of in_[0]
  bool file_eof_ = false;
  bool frame_open_ = true;
};

class GzipSource : public ByteSource {
 public:
  GzipSource(std::unique_ptr<RawFile> file, std::string prefix) : file_(std::move(file)), in_(kInputChunk) {
    std::memcpy(in_.data(), prefix.data(), prefix.size());
    std::memset(&stream_, 0, sizeof stream_);
    // 15 + 16: gzip wrapper only.
    ok_ = inflateInit2(&stream_, 15 + 16) == Z_OK;
    stream_.next_in = reinterpret_cast<Bytef*>(in_.data());
    stream_.avail_in = static_cast<uInt>(prefix.size());
    filled_ = prefix.size();
  }
  ~GzipSource() override { inflateEnd(&stream_); }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Result<std::size_t> read(char* out, std::size_t n) override {
    if (!ok_) return Status::io_error(fmt::format("{}: cannot start zlib", file_->name()));
    std::size_t done = 0;
    while (done < n) {
      if (stream_.avail_in == 0) {
        if (file_eof_) break;
        ALLIANCE_ASSIGN_OR_RETURN(const std::size_t got, file_->read(in_.data(), in_.size()));
        if (got == 0) {
          file_eof_ = true;
          break;
        }
        base_ += filled_;
        filled_ = got;
        stream_.next_in = reinterpret_cast<Bytef*>(in_.data());
        stream_.avail_in = static_cast<uInt>(got);
      }
      if (member_done_) {
        // Another gzip member follows (concatenated .gz files are one stream).
        if (inflateReset(&stream_) != Z_OK) return bad_compressed(file_->name(), offset(), "corrupt gzip data");
        member_done_ = false;
      }
      const std::size_t chunk = std::min<std::size_t>(n - done, std::size_t{1} << 30);
      stream_.next_out = reinterpret_cast<Bytef*>(out + done);
      stream_.avail_out = static_cast<uInt>(chunk);
      const int ret = inflate(&stream_, Z_NO_FLUSH);
      done += chunk - stream_.avail_out;
      if (ret == Z_STREAM_END) {
        member_done_ = true;
      } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
        return bad_compressed(file_->name(), offset(),
                              fmt::format("corrupt gzip data: {}", stream_.msg != nullptr ? stream_.msg : "inflate failed"));
      }
    }
    if (file_eof_ && !member_done_ && stream_.avail_in == 0) {
      return bad_compressed(file_->name(), offset(), "truncated gzip member");
    }
    return done;
  }

 private:
  std::unique_ptr<RawFile> file_;
  std::vector<char> in_;
  // The file offset of the next compressed byte inflate will read.
  std::uint64_t offset() const { return base_ + filled_ - stream_.avail_in; }

  z_stream stream_;
  std::uint64_t base_ = 0;    // file offset of in_[0]
  std::size_t filled_ = 0;    // bytes of in_ holding file data
  bool ok_ = false;
  bool file_eof_ = false;
  bool member_done_ = false;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> ByteSource::open(const std::filesystem::path& path,
                                                     std::atomic<std::uint64_t>* consumed) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const std::string message = fmt::format("{}: cannot open: {}", path.string(), std::strerror(errno));
    return errno == ENOENT ? Status::not_found(message) : Status::io_error(message);
  }
  auto file = std::make_unique<RawFile>(fd, path.string(), consumed);
  std::string magic(4, '\0');
  ALLIANCE_ASSIGN_OR_RETURN(const std::size_t got, file->read(magic.data(), magic.size()));
  magic.resize(got);
  const auto starts = [&magic](std::string_view prefix) { return std::string_view(magic).substr(0, prefix.size()) == prefix; };
  if (starts("\x28\xb5\x2f\xfd")) return std::unique_ptr<ByteSource>(new ZstdSource(std::move(file), magic));
  if (starts("\x1f\x8b")) return std::unique_ptr<ByteSource>(new GzipSource(std::move(file), magic));
  return std::unique_ptr<ByteSource>(new PlainSource(std::move(file), magic));
}

}  // namespace alliance::discourse::detail
