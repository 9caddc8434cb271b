import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A read-only memory map of a `.safetensors` file: 8-byte little-endian header length, JSON header, tensor data.
final class SafeTensors: @unchecked Sendable {
    // @unchecked: the mapping is read-only and lives until deinit; nothing mutates it after init.

    /// One tensor's place in the file.
    struct Entry {
        let dtype: String
        let shape: [Int]
        let start: Int
        let end: Int
    }

    let path: String
    private let base: UnsafeRawPointer
    private let length: Int
    private let dataStart: Int
    private let entries: [String: Entry]

    /// Maps `url` and parses its header.
    init(url: URL) throws {
        path = url.path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw MiniLMError.invalidModelFile(path: path, reason: "cannot open (errno \(errno))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 8 else {
            throw MiniLMError.invalidModelFile(path: path, reason: "too small")
        }
        length = Int(info.st_size)
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw MiniLMError.invalidModelFile(path: path, reason: "mmap failed (errno \(errno))")
        }
        base = UnsafeRawPointer(mapped)
        let headerLength = Int(UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)))
        guard headerLength > 0, 8 + headerLength <= length else {
            munmap(mapped, length)
            throw MiniLMError.invalidModelFile(path: path, reason: "bad header length \(headerLength)")
        }
        dataStart = 8 + headerLength
        let header = Data(bytes: base + 8, count: headerLength)
        guard let json = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            munmap(mapped, length)
            throw MiniLMError.invalidModelFile(path: path, reason: "header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        for (name, value) in json where name != "__metadata__" {
            guard let dict = value as? [String: Any], let dtype = dict["dtype"] as? String,
                let shape = (dict["shape"] as? [NSNumber])?.map(\.intValue),
                let offsets = (dict["data_offsets"] as? [NSNumber])?.map(\.intValue), offsets.count == 2,
                offsets[0] <= offsets[1], dataStart + offsets[1] <= length
            else {
                munmap(mapped, length)
                throw MiniLMError.invalidModelFile(path: path, reason: "bad header entry for \(name)")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, start: offsets[0], end: offsets[1])
        }
        self.entries = entries
    }

    deinit {
        for copy in copies { copy.deallocate() }
        munmap(UnsafeMutableRawPointer(mutating: base), length)
    }

    /// The F32 tensor `name`, checked against `shape`; points into the mapping (4-byte aligned) or a copy.
    func floats(_ name: String, shape: [Int]) throws -> UnsafePointer<Float> {
        guard let entry = entries[name] else { throw MiniLMError.missingTensor(name) }
        guard entry.dtype == "F32", entry.shape == shape, entry.end - entry.start == shape.reduce(4, *) else {
            throw MiniLMError.invalidModelFile(
                path: path, reason: "\(name) is \(entry.dtype) \(entry.shape), expected F32 \(shape)")
        }
        let raw = base + dataStart + entry.start
        if Int(bitPattern: raw) % MemoryLayout<Float>.alignment == 0 {
            return raw.assumingMemoryBound(to: Float.self)
        }
        // Misaligned data (not produced by the reference writer): copy once, kept for the file's lifetime.
        let count = (entry.end - entry.start) / 4
        let copy = UnsafeMutablePointer<Float>.allocate(capacity: count)
        UnsafeMutableRawPointer(copy).copyMemory(from: raw, byteCount: count * 4)
        copies.append(copy)
        return UnsafePointer(copy)
    }

    private var copies: [UnsafeMutablePointer<Float>] = []
}
